/* redline-type-checks.c: the checker's part of each rule type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-scan-private.h"

/* The planner makes the findings of "plan" rules (planning/); a rule set
 * never holds one, and the text has nothing to say about them. */
static const RedlinePlaceholder no_placeholders[] = { { NULL, NULL } };
static const RedlineRuleTypeCheck plan_check = {
  .placeholders = no_placeholders,
};

/* One per RedlineRuleType, in its order; each is defined next to its pass. */
static const RedlineRuleTypeCheck * const type_checks[] = {
  [REDLINE_RULE_TYPE_TERMS] = &_redline_terms_check,
  [REDLINE_RULE_TYPE_REQUIRES] = &_redline_requires_check,
  [REDLINE_RULE_TYPE_LINKS] = &_redline_links_check,
  [REDLINE_RULE_TYPE_LENGTH] = &_redline_length_check,
  [REDLINE_RULE_TYPE_PLAN] = &plan_check,
};

G_STATIC_ASSERT (G_N_ELEMENTS (type_checks) == REDLINE_N_RULE_TYPES);

const RedlineRuleTypeCheck *
_redline_rule_type_get_check (RedlineRuleType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (type_checks), NULL);
  return type_checks[type];
}
