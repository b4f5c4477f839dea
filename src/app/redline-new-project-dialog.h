/* redline-new-project-dialog.h: a new project's name and first campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_NEW_PROJECT_DIALOG (redline_new_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineNewProjectDialog, redline_new_project_dialog, REDLINE,
                      NEW_PROJECT_DIALOG, AdwMessageDialog)

GtkWidget        *redline_new_project_dialog_new               (GtkWindow               *parent);
char             *redline_new_project_dialog_dup_project_name  (RedlineNewProjectDialog *self);
char             *redline_new_project_dialog_dup_campaign_name (RedlineNewProjectDialog *self);
RedlineEcosystem  redline_new_project_dialog_get_ecosystem     (RedlineNewProjectDialog *self);

G_END_DECLS
