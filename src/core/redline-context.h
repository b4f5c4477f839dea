/* redline-context.h: the service root: packs, the open project, the rule set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-calendar.h"
#include "redline-planner.h"
#include "redline-project.h"
#include "redline-rule-pack.h"
#include "redline-rule-set.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_CONTEXT (redline_context_get_type ())

G_DECLARE_FINAL_TYPE (RedlineContext, redline_context, REDLINE, CONTEXT, GObject)

RedlineContext  *redline_context_new                 (void);
gboolean         redline_context_load_builtin_packs  (RedlineContext      *self,
                                                      GError             **error);
RedlineRulePack *redline_context_add_pack_file       (RedlineContext      *self,
                                                      GFile               *file,
                                                      GError             **error);
void             redline_context_add_pack            (RedlineContext      *self,
                                                      RedlineRulePack     *pack);
gboolean         redline_context_remove_pack         (RedlineContext      *self,
                                                      RedlineRulePack     *pack);
GListModel      *redline_context_get_packs           (RedlineContext      *self);
RedlineProject  *redline_context_get_project         (RedlineContext      *self);
void             redline_context_set_project         (RedlineContext      *self,
                                                      RedlineProject      *project);
void             redline_context_set_length_profile  (RedlineContext      *self,
                                                     int                  length_profile);
RedlineRuleSet  *redline_context_get_rule_set        (RedlineContext      *self);
const GError    *redline_context_get_rule_set_error  (RedlineContext      *self);
gboolean         redline_context_check_post_stream   (RedlineContext      *self,
                                                      RedlinePost         *post,
                                                      RedlineEcosystem     ecosystem,
                                                      RedlineFindingFunc   func,
                                                      gpointer             user_data);
RedlinePlanner  *redline_context_get_planner         (RedlineContext      *self);
RedlineCalendar *redline_context_get_calendar        (RedlineContext      *self);
GListModel      *redline_context_check_post          (RedlineContext      *self,
                                                      RedlinePost         *post,
                                                      RedlineEcosystem     ecosystem);
GListModel      *redline_context_check_qr_code       (RedlineContext      *self,
                                                      RedlineQrCode       *code);
GListModel      *redline_context_check_auto_reply    (RedlineContext      *self,
                                                      RedlineAutoReply    *reply);
GListModel      *redline_context_check_menu_item     (RedlineContext      *self,
                                                      RedlineMenuItem     *item);

G_END_DECLS
