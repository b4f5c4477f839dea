/* redline-rule-type.c: what a rule of each type holds in a pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-enums.h"
#include "redline-rule-type-private.h"

/* One row per RedlineRuleType, in its order. The schema lets any rule hold
 * any part (see its comment on <rule>); the loader checks them against
 * this table. */
static const RedlineRuleTypeInfo infos[] = {
  {
    .type = REDLINE_RULE_TYPE_TERMS,
    .parts = REDLINE_RULE_PART_MATCHERS,
    .needs = REDLINE_RULE_PART_MATCHERS,
  },
  {
    .type = REDLINE_RULE_TYPE_REQUIRES,
    .parts = REDLINE_RULE_PART_MATCHERS | REDLINE_RULE_PART_REQUIRE,
    .needs = REDLINE_RULE_PART_MATCHERS | REDLINE_RULE_PART_REQUIRE,
    .whole_document = TRUE,
  },
  {
    .type = REDLINE_RULE_TYPE_LINKS,
    .parts = REDLINE_RULE_PART_ALLOW_DOMAIN,
  },
  {
    .type = REDLINE_RULE_TYPE_LENGTH,
    .parts = REDLINE_RULE_PART_LIMIT,
    .needs = REDLINE_RULE_PART_LIMIT,
  },
  {
    /* Built by the planner (redline_rule_pack_new_plan()), never loaded. */
    .type = REDLINE_RULE_TYPE_PLAN,
    .whole_document = TRUE,
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (infos) == REDLINE_N_RULE_TYPES);

const RedlineRuleTypeInfo *
_redline_rule_type_get_info (RedlineRuleType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (infos), NULL);
  g_assert (infos[type].type == type);
  return &infos[type];
}

/* @str is a type="" value: the nick of a RedlineRuleType. */
gboolean
_redline_rule_type_from_string (const char      *str,
                                RedlineRuleType *type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (REDLINE_TYPE_RULE_TYPE);
  GEnumValue *value = str != NULL ? g_enum_get_value_by_nick (klass, str) : NULL;

  if (value == NULL)
    return FALSE;
  *type = value->value;
  return TRUE;
}

/* The element that stands for @part in a message. */
const char *
_redline_rule_part_to_string (RedlineRulePart part)
{
  switch (part)
    {
    case REDLINE_RULE_PART_MATCHERS:
      return "terms";
    case REDLINE_RULE_PART_REQUIRE:
      return "require";
    case REDLINE_RULE_PART_ALLOW_DOMAIN:
      return "allow-domain";
    case REDLINE_RULE_PART_LIMIT:
      return "limit";
    default:
      g_return_val_if_reached (NULL);
    }
}
