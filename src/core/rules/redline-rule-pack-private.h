/* redline-rule-pack-private.h: building a rule pack without XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-rule-pack.h"
#include "redline-rule-private.h"

G_BEGIN_DECLS

RedlineRulePack *_redline_rule_pack_new_empty          (const char            *id,
                                                        const char            *version,
                                                        const char            *title,
                                                        const char            *display_name);
gboolean         _redline_rule_pack_declare_category   (RedlineRulePack       *self,
                                                        const char            *category,
                                                        const RedlineSeverity *severity,
                                                        guint                  purposes);
gboolean         _redline_rule_pack_category_defaults  (RedlineRulePack       *self,
                                                        const char            *category,
                                                        const char            *topic,
                                                        RedlineSeverity       *severity,
                                                        guint                 *purposes);
void             _redline_rule_pack_take_rule          (RedlineRulePack       *self,
                                                        RedlineRule           *rule);

G_END_DECLS
