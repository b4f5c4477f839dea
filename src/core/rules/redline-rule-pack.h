/* redline-rule-pack.h: a rule pack loaded from XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-severity-policy.h"
#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_RULES_ERROR (redline_rules_error_quark ())

/**
 * RedlineRulesError:
 * @REDLINE_RULES_ERROR_READ: the pack could not be read, or is not UTF-8
 * @REDLINE_RULES_ERROR_PARSE: the pack is not well-formed XML
 * @REDLINE_RULES_ERROR_FORBIDDEN: the pack has a document type declaration or entities
 * @REDLINE_RULES_ERROR_SCHEMA: the pack does not follow the schema
 * @REDLINE_RULES_ERROR_DUPLICATE_ID: a pack, rule or term id is used twice
 * @REDLINE_RULES_ERROR_UNKNOWN_CATEGORY: a rule names a category nobody declared
 * @REDLINE_RULES_ERROR_REGEX: a regular expression does not compile or matches nothing
 * @REDLINE_RULES_ERROR_INVALID: anything else that makes the pack unusable
 *
 * Every message starts with `FILE:LINE:COLUMN:`.
 */
typedef enum
{
  REDLINE_RULES_ERROR_READ,
  REDLINE_RULES_ERROR_PARSE,
  REDLINE_RULES_ERROR_FORBIDDEN,
  REDLINE_RULES_ERROR_SCHEMA,
  REDLINE_RULES_ERROR_DUPLICATE_ID,
  REDLINE_RULES_ERROR_UNKNOWN_CATEGORY,
  REDLINE_RULES_ERROR_REGEX,
  REDLINE_RULES_ERROR_INVALID,
} RedlineRulesError;

#define REDLINE_TYPE_RULE_PACK (redline_rule_pack_get_type ())

G_DECLARE_FINAL_TYPE (RedlineRulePack, redline_rule_pack, REDLINE, RULE_PACK, GObject)

/**
 * RedlinePackTerm:
 * @term: a term, as the user wrote it
 * @category: its category, an identifier
 *
 * One term of redline_rule_pack_new_terms().
 */
typedef struct
{
  const char *term;
  const char *category;
} RedlinePackTerm;

/**
 * RedlinePlanCheck:
 * @id: the rule's id, such as `platform.plan.quota`
 * @message: what it says in general (its findings say it of one post)
 * @reference: where the limit comes from
 * @url: (nullable): a link to the source
 * @severity: the severity on each ecosystem
 * @category: (nullable): its category: `platform` when %NULL, or `length`
 *   for a limit on a text's length
 *
 * One rule of redline_rule_pack_new_plan().
 */
typedef struct
{
  const char      *id;
  const char      *message;
  const char      *reference;
  const char      *url;
  RedlineSeverity  severity[REDLINE_N_ECOSYSTEMS];
  const char      *category;
} RedlinePlanCheck;

GQuark            redline_rules_error_quark          (void);

RedlineRulePack  *redline_rule_pack_new_from_file    (GFile            *file,
                                                      GError          **error);
RedlineRulePack  *redline_rule_pack_new_from_bytes   (GBytes           *bytes,
                                                      const char       *display_name,
                                                      GError          **error);
GPtrArray        *redline_rule_pack_load_builtin     (GError          **error);
RedlineRulePack  *redline_rule_pack_new_terms        (const char             *id,
                                                      const char             *version,
                                                      const char             *display_name,
                                                      const char             *title,
                                                      const char             *rule_id_prefix,
                                                      const char             *message,
                                                      const RedlinePackTerm  *terms,
                                                      gsize                   n_terms,
                                                      GError                **error);

RedlineRulePack  *redline_rule_pack_new_plan         (const char             *id,
                                                      const char             *version,
                                                      const char             *display_name,
                                                      const char             *title,
                                                      const RedlinePlanCheck *checks,
                                                      gsize                   n_checks);

const char       *redline_rule_pack_get_id           (RedlineRulePack  *self);
const char       *redline_rule_pack_get_version      (RedlineRulePack  *self);
const char       *redline_rule_pack_get_title        (RedlineRulePack  *self);
const char       *redline_rule_pack_get_description  (RedlineRulePack  *self);
const char       *redline_rule_pack_get_display_name (RedlineRulePack  *self);
guint             redline_rule_pack_get_n_rules      (RedlineRulePack  *self);
RedlineRule      *redline_rule_pack_get_rule         (RedlineRulePack  *self,
                                                      guint             index);
guint             redline_rule_pack_get_n_terms      (RedlineRulePack  *self);

G_END_DECLS
