/* redline-project-io.h: a project's posts from CSV, and the project as JSON or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-project.h"

G_BEGIN_DECLS

guint               redline_project_import_csv          (RedlineProject         *self,
                                                         GBytes                 *csv,
                                                         const char             *display_name,
                                                         RedlineCampaign        *default_campaign,
                                                         GError                **error);
char               *redline_project_export_json         (RedlineProject         *self,
                                                         GError                **error);
char               *redline_project_export_csv          (RedlineProject         *self);

G_END_DECLS
