/* redline-history-window.h: a post's or a project's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_HISTORY_WINDOW (redline_history_window_get_type ())

G_DECLARE_FINAL_TYPE (RedlineHistoryWindow, redline_history_window, REDLINE, HISTORY_WINDOW,
                      AdwWindow)

GtkWidget *redline_history_window_new          (GtkWindow            *parent,
                                                RedlineProject       *project,
                                                RedlinePost          *post);
gboolean   redline_history_window_add_comment  (RedlineHistoryWindow *self,
                                                const char           *text,
                                                GError              **error);
guint      redline_history_window_get_n_entries (RedlineHistoryWindow *self);

G_END_DECLS
