/* redline-schedule-button.h: when a post is published, shown and chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REDLINE_TYPE_SCHEDULE_BUTTON (redline_schedule_button_get_type ())

G_DECLARE_FINAL_TYPE (RedlineScheduleButton, redline_schedule_button, REDLINE, SCHEDULE_BUTTON,
                      GtkWidget)

GtkWidget  *redline_schedule_button_new              (void);
const char *redline_schedule_button_get_scheduled_at (RedlineScheduleButton *self);
void        redline_schedule_button_set_scheduled_at (RedlineScheduleButton *self,
                                                      const char            *scheduled_at);

G_END_DECLS
