/* redline-window.h: a window on one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-application.h"
#include "redline-core.h"
#include "redline-plan-view.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_WINDOW (redline_window_get_type ())

G_DECLARE_FINAL_TYPE (RedlineWindow, redline_window, REDLINE, WINDOW, AdwApplicationWindow)

RedlineWindow     *redline_window_new              (RedlineApplication *application);
gboolean           redline_window_open_file        (RedlineWindow      *self,
                                                    GFile              *file);
GFile             *redline_window_get_file         (RedlineWindow      *self);
RedlineContext    *redline_window_get_context      (RedlineWindow      *self);
RedlineCheckIndex *redline_window_get_index        (RedlineWindow      *self);
gboolean           redline_window_select_campaign  (RedlineWindow      *self,
                                                    RedlineCampaign    *campaign);
gboolean           redline_window_select_post      (RedlineWindow      *self,
                                                    RedlinePost        *post);
void               redline_window_show_review_queue (RedlineWindow     *self);
void               redline_window_show_calendar    (RedlineWindow      *self);
RedlinePlanView   *redline_window_get_plan_view    (RedlineWindow      *self);
GtkWidget         *redline_window_get_editor       (RedlineWindow      *self);
const char        *redline_window_get_read_only_reason (RedlineWindow  *self);
GtkWidget         *redline_window_get_post_table   (RedlineWindow      *self);
gboolean           redline_window_save             (RedlineWindow      *self);
gboolean           redline_window_export_report    (RedlineWindow      *self,
                                                    GFile              *file,
                                                    GError            **error);
gboolean           redline_window_export_plan      (RedlineWindow      *self,
                                                    GFile              *file,
                                                    gboolean            key_dates,
                                                    GError            **error);

G_END_DECLS
