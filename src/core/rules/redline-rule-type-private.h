/* redline-rule-type-private.h: what the loader knows of each rule type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule type is a row of redline-rule-type.c (what a rule of the type holds
 * in a pack) and a RedlineRuleTypeCheck of the checker (its passes and
 * message placeholders, check/redline-type-checks.c). HACKING.md says how to
 * add one.
 */

#pragma once

#include "redline-types.h"

G_BEGIN_DECLS

/* The children a rule may hold, beside the ones every rule has (<message>,
 * <reference>, <url>, <suggestion>, exceptions and examples). */
typedef enum
{
  REDLINE_RULE_PART_MATCHERS     = 1 << 0, /* <terms> and <pattern> */
  REDLINE_RULE_PART_REQUIRE      = 1 << 1, /* <require> */
  REDLINE_RULE_PART_ALLOW_DOMAIN = 1 << 2, /* <allow-domain> */
  REDLINE_RULE_PART_LIMIT        = 1 << 3, /* <limit> */
} RedlineRulePart;

#define REDLINE_N_RULE_PARTS 4

typedef struct
{
  RedlineRuleType type;
  guint           parts;          /* RedlineRulePart bits it may hold */
  guint           needs;          /* bits of which it must hold each */
  gboolean        whole_document; /* its findings are about the whole document */
} RedlineRuleTypeInfo;

#define REDLINE_N_RULE_TYPES (REDLINE_RULE_TYPE_PLAN + 1)

const RedlineRuleTypeInfo *_redline_rule_type_get_info    (RedlineRuleType  type);
gboolean                   _redline_rule_type_from_string (const char      *str,
                                                           RedlineRuleType *type);
const char                *_redline_rule_part_to_string   (RedlineRulePart  part);

G_END_DECLS
