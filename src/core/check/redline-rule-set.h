/* redline-rule-set.h: rule packs compiled for checking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_RULE_SET (redline_rule_set_get_type ())

G_DECLARE_FINAL_TYPE (RedlineRuleSet, redline_rule_set, REDLINE, RULE_SET, GObject)

/**
 * RedlineRuleSetOptions:
 * @allowed_domains: (nullable) (array zero-terminated=1): link domains allowed
 *   in addition to those of the packs (a project's allowlist)
 * @allowed_terms: (nullable) (array zero-terminated=1): phrases that cancel
 *   every hit they overlap (a project's allowed terms)
 * @length_profile: which limits length rules apply where they give one per
 *   profile (a project's choice; zero, the editors', when not set)
 *
 * What a project adds to the packs.
 */
typedef struct
{
  const char * const   *allowed_domains;
  const char * const   *allowed_terms;
  RedlineLengthProfile  length_profile;
} RedlineRuleSetOptions;

/**
 * RedlineDocument:
 * @fields: the text of each #RedlineField, or %NULL; valid UTF-8
 * @purpose: what the copy is for; zero, %REDLINE_PURPOSE_ADVERTISING, in a
 *   zero-initialised document
 * @purpose_unknown: %TRUE when @purpose was not stated but assumed (plain
 *   text given to redline-check without --purpose): a hit of a rule with a
 *   context (context="ID" in its pack) that its paragraph does not give is
 *   then information only (redline_finding_get_outside_context()). Ignored
 *   for paid placements, which are always advertising.
 * @lengths: the length in bytes of each field, or 0 when it ends at a NUL
 *   byte: a text mapped from a file need not be nul-terminated, and is read
 *   no further than its length
 *
 * A piece of copy to check: each field is checked on its own, but a
 * "requires" rule triggered in one field is satisfied by a phrase in any.
 * A rule that does not bind @purpose reports its hits as information only,
 * and none of its duties (redline_finding_get_outside_purpose()).
 */
typedef struct
{
  const char     *fields[REDLINE_N_FIELDS];
  RedlinePurpose  purpose;
  gboolean        purpose_unknown;
  gsize           lengths[REDLINE_N_FIELDS];
} RedlineDocument;

/**
 * RedlineExampleFunc:
 * @rule: the rule
 * @line: the example's line in its pack
 * @passed: whether the rule did what the example says
 * @detail: (nullable): what went wrong
 * @user_data: user data
 *
 * Called once for every example redline_rule_set_test_examples() runs.
 */
typedef void (*RedlineExampleFunc) (RedlineRule *rule,
                                    guint        line,
                                    gboolean     passed,
                                    const char  *detail,
                                    gpointer     user_data);

/**
 * RedlineFindingFunc:
 * @finding: (transfer none): a finding
 * @user_data: user data
 *
 * Called with each finding of redline_rule_set_check_stream().
 *
 * Returns: %TRUE to go on checking, %FALSE to stop
 */
typedef gboolean (*RedlineFindingFunc) (RedlineFinding *finding,
                                        gpointer        user_data);

RedlineRuleSet  *redline_rule_set_new            (GPtrArray                    *packs,
                                                  const RedlineRuleSetOptions  *options,
                                                  GError                      **error);
guint            redline_rule_set_get_n_packs    (RedlineRuleSet               *self);
RedlineRulePack *redline_rule_set_get_pack       (RedlineRuleSet               *self,
                                                  guint                         index);
guint            redline_rule_set_get_n_rules    (RedlineRuleSet               *self);
guint            redline_rule_set_get_n_terms    (RedlineRuleSet               *self);
RedlineRule     *redline_rule_set_find_rule      (RedlineRuleSet               *self,
                                                  const char                   *rule_id);
GListModel      *redline_rule_set_check          (RedlineRuleSet               *self,
                                                  const RedlineDocument        *document,
                                                  RedlineEcosystem              ecosystem,
                                                  RedlineContentKind            kind);
gboolean         redline_rule_set_check_stream   (RedlineRuleSet               *self,
                                                  const RedlineDocument        *document,
                                                  RedlineEcosystem              ecosystem,
                                                  RedlineContentKind            kind,
                                                  RedlineFindingFunc            func,
                                                  gpointer                      user_data);
GListModel      *redline_rule_set_check_text     (RedlineRuleSet               *self,
                                                  const char                   *text,
                                                  RedlineEcosystem              ecosystem,
                                                  RedlineContentKind            kind);
gsize            redline_rule_set_count_matches  (RedlineRuleSet               *self,
                                                  const char                   *text,
                                                  gsize                         length);
gboolean         redline_rule_set_test_examples  (RedlineRuleSet               *self,
                                                  RedlineExampleFunc            func,
                                                  gpointer                      user_data);

guint            redline_rule_set_get_length_limit (RedlineRuleSet     *self,
                                                    RedlineEcosystem    ecosystem,
                                                    RedlineContentKind  kind,
                                                    RedlineField        field);

G_END_DECLS
