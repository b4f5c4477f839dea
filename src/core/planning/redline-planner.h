/* redline-planner.h: the planning checks of a project's posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-platform.h"
#include "redline-project.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_PLANNER (redline_planner_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePlanner, redline_planner, REDLINE, PLANNER, GObject)

RedlinePlanner  *redline_planner_new              (RedlinePlatform  *platform);
RedlinePlatform *redline_planner_get_platform     (RedlinePlanner   *self);
RedlineProject  *redline_planner_get_project      (RedlinePlanner   *self);
void             redline_planner_set_project      (RedlinePlanner   *self,
                                                   RedlineProject   *project);
GPtrArray       *redline_planner_check_post       (RedlinePlanner   *self,
                                                   RedlinePost      *post);
GPtrArray       *redline_planner_check_campaign   (RedlinePlanner   *self,
                                                   RedlineCampaign  *campaign);
GPtrArray       *redline_planner_check_menu_item  (RedlinePlanner   *self,
                                                   RedlineMenuItem  *item);
GPtrArray       *redline_planner_check_auto_reply (RedlinePlanner   *self,
                                                   RedlineAutoReply *reply);
char            *redline_menu_name_shown          (const char       *name,
                                                   guint             shown,
                                                   gboolean         *cut);
GDateTime       *redline_planner_local_time       (const char       *scheduled_at);
GDateTime       *redline_planner_post_local_time  (RedlinePost      *post);
GDateTime       *redline_planner_local_time_new   (int               year,
                                                   int               month,
                                                   int               day,
                                                   int               hour,
                                                   int               minute);
gboolean         redline_planner_post_local_date  (RedlinePost      *post,
                                                   GDate            *date);

G_END_DECLS
