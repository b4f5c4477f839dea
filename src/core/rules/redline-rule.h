/* redline-rule.h: one rule of a rule pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_RULE (redline_rule_get_type ())

G_DECLARE_FINAL_TYPE (RedlineRule, redline_rule, REDLINE, RULE, GObject)

const char          *redline_rule_get_id          (RedlineRule        *self);
RedlineRuleType      redline_rule_get_rule_type   (RedlineRule        *self);
const char          *redline_rule_get_category    (RedlineRule        *self);
const char          *redline_rule_get_topic       (RedlineRule        *self);
RedlineSeverity      redline_rule_get_severity    (RedlineRule        *self,
                                                   RedlineEcosystem    ecosystem);
gboolean             redline_rule_applies_to_kind (RedlineRule        *self,
                                                   RedlineContentKind  kind);
gboolean             redline_rule_applies_to_purpose (RedlineRule        *self,
                                                      RedlinePurpose      purpose);
const char          *redline_rule_get_message     (RedlineRule        *self);
const char          *redline_rule_get_reference   (RedlineRule        *self);
const char          *redline_rule_get_url         (RedlineRule        *self);
guint                redline_rule_get_n_terms     (RedlineRule        *self);
const char          *redline_rule_get_term        (RedlineRule        *self,
                                                   guint               index);
guint                redline_rule_get_n_examples  (RedlineRule        *self);
const char          *redline_rule_get_example     (RedlineRule        *self,
                                                   guint               index,
                                                   gboolean           *correct);
guint                redline_rule_get_line        (RedlineRule        *self);
RedlineRulePack     *redline_rule_get_pack        (RedlineRule        *self);

G_END_DECLS
