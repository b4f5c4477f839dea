/* redline-preferences-window.h: the rule packs and a project's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_PREFERENCES_WINDOW (redline_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePreferencesWindow, redline_preferences_window, REDLINE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget       *redline_preferences_window_new              (GtkWindow                *parent,
                                                              RedlineContext           *context);
gboolean         redline_preferences_window_set_pack_enabled (RedlinePreferencesWindow *self,
                                                              RedlineRulePack          *pack,
                                                              gboolean                  enabled,
                                                              GError                  **error);
RedlineRulePack *redline_preferences_window_add_pack_file    (RedlinePreferencesWindow *self,
                                                              GFile                    *file,
                                                              GError                  **error);
gboolean         redline_preferences_window_remove_pack      (RedlinePreferencesWindow *self,
                                                              RedlineRulePack          *pack,
                                                              GError                  **error);
gboolean         redline_preferences_window_add_setting      (RedlinePreferencesWindow *self,
                                                              const char               *list,
                                                              const char               *value,
                                                              GError                  **error);

void             redline_user_pack_set_file                  (RedlineRulePack          *pack,
                                                              GFile                    *file);
GFile           *redline_user_pack_get_file                  (RedlineRulePack          *pack);

G_END_DECLS
