/* redline-plan-view.h: the project's posts on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-context.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_PLAN_VIEW (redline_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePlanView, redline_plan_view, REDLINE, PLAN_VIEW, AdwBin)

void       redline_plan_view_set_context  (RedlinePlanView *self,
                                           RedlineContext  *context);
void       redline_plan_view_show_month   (RedlinePlanView *self,
                                           guint            year,
                                           GDateMonth       month);
void       redline_plan_view_get_month    (RedlinePlanView *self,
                                           GDate           *first);
void       redline_plan_view_show_first_month (RedlinePlanView *self);
GtkWidget *redline_plan_view_get_day      (RedlinePlanView *self,
                                           const GDate     *day);
gboolean   redline_plan_view_move_post    (RedlinePlanView *self,
                                           RedlinePost     *post,
                                           const GDate     *day);

G_END_DECLS
