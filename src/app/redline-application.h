/* redline-application.h: the redline desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDLINE_TYPE_APPLICATION (redline_application_get_type ())

G_DECLARE_FINAL_TYPE (RedlineApplication, redline_application, REDLINE, APPLICATION,
                      AdwApplication)

RedlineApplication *redline_application_new          (void);
GSettings          *redline_application_get_settings (RedlineApplication *self);

G_END_DECLS
