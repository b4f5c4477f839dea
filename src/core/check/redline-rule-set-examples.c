/* redline-rule-set-examples.c: running the examples of every rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-finding-private.h"
#include "redline-rule-type-private.h"
#include "redline-fold-private.h"
#include "redline-rule-pack.h"
#include "redline-scan-private.h"

static RedlineEcosystem
example_ecosystem (RedlineRule    *rule,
                   RedlineExample *example)
{
  if (example->has_ecosystem)
    return example->ecosystem;
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      if (rule->severity[e] != REDLINE_SEVERITY_OFF)
        return e;
      for (guint t = 0; t < rule->terms->len; t++)
        {
          RedlineTerm *term = g_ptr_array_index (rule->terms, t);

          if (term->severity[e] != REDLINE_SEVERITY_OFF)
            return e;
        }
    }
  return REDLINE_ECOSYSTEM_WEIXIN;
}

static char *
describe_findings (GPtrArray *mine)
{
  GString *out = g_string_new (NULL);

  if (mine->len == 0)
    g_string_append (out, "nothing");
  for (guint i = 0; i < mine->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (mine, i);

      if (i > 0)
        g_string_append (out, ", ");
      if (finding->scope == REDLINE_SCOPE_DOCUMENT)
        g_string_append (out, "a finding about the whole document");
      else
        g_string_append_printf (out, "%" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " “%s”",
                                finding->start, finding->end, finding->text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
run_example (RedlineRuleSet  *self,
             RedlineRule     *rule,
             RedlineExample  *example,
             char           **detail)
{
  RedlineDocument document = { { NULL } };
  RedlineEcosystem ecosystem = example_ecosystem (rule, example);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *got = NULL;

  document.fields[example->field] = example->text;
  findings = redline_rule_set_check (self, &document, ecosystem, example->kind);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      RedlineFinding *finding = g_list_model_get_item (findings, i);

      if (finding->rule == rule)
        g_ptr_array_add (mine, finding);
      else
        g_object_unref (finding);
    }

  if (example->correct)
    {
      if (mine->len == 0)
        return TRUE;
      got = describe_findings (mine);
      *detail = g_strdup_printf ("the correct example “%s” (%s) gives %s",
                                 example->text, redline_ecosystem_to_string (ecosystem), got);
      return FALSE;
    }

  for (guint i = 0; i < mine->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (mine, i);

      if (_redline_rule_type_get_info (rule->type)->whole_document
          ? finding->scope == REDLINE_SCOPE_DOCUMENT
          : (finding->scope == REDLINE_SCOPE_SPAN &&
             finding->start == example->marker_start && finding->end == example->marker_end))
        return TRUE;
    }

  got = describe_findings (mine);
  if (example->has_marker)
    *detail = g_strdup_printf ("the incorrect example “%s” (%s) should give %" G_GSIZE_FORMAT
                               "–%" G_GSIZE_FORMAT ", but gives %s",
                               example->text, redline_ecosystem_to_string (ecosystem),
                               example->marker_start, example->marker_end, got);
  else
    *detail = g_strdup_printf ("the incorrect example “%s” (%s) should give a finding "
                               "about the whole document, but gives %s",
                               example->text, redline_ecosystem_to_string (ecosystem), got);
  return FALSE;
}

/* A set of the rules of @self from @first on, for running their examples:
 * at most EXAMPLE_BATCH_RULES rules, and no more entries than
 * EXAMPLE_BATCH_ENTRIES unless its one rule has more; with the same
 * options. */
#define EXAMPLE_BATCH_RULES 64
#define EXAMPLE_BATCH_ENTRIES 4096

static RedlineRuleSet *
new_example_batch (RedlineRuleSet *self,
                   guint           first)
{
  RedlineRuleSet *batch = g_object_new (REDLINE_TYPE_RULE_SET, NULL);

  g_ptr_array_unref (batch->allowed_domains);
  batch->allowed_domains = g_ptr_array_ref (self->allowed_domains);
  g_ptr_array_unref (batch->allowed_terms);
  batch->allowed_terms = g_ptr_array_ref (self->allowed_terms);

  for (guint r = first; r < self->rules->len && batch->rules->len < EXAMPLE_BATCH_RULES; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);
      guint n_entries = rule->terms->len + rule->requires->len;

      for (guint q = 0; q < rule->patterns->len; q++)
        n_entries += ((RedlinePattern *) g_ptr_array_index (rule->patterns, q))->hints->len;
      if (batch->rules->len > 0 && batch->entries->len + n_entries > EXAMPLE_BATCH_ENTRIES)
        break;
      _redline_rule_set_add_rule (batch, rule);
    }
  redline_matcher_compile (batch->matcher);
  return batch;
}

/**
 * redline_rule_set_test_examples:
 * @self: a #RedlineRuleSet
 * @func: (scope call) (nullable): called for every example
 * @user_data: passed to @func
 *
 * Runs every example of every rule: an incorrect example must give a finding
 * of its rule on the marked span, a correct one none.
 *
 * Returns: %TRUE if every example passed
 */
gboolean
redline_rule_set_test_examples (RedlineRuleSet     *self,
                                RedlineExampleFunc  func,
                                gpointer            user_data)
{
  gboolean all_passed = TRUE;
  guint first = 0;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), FALSE);

  /* A check takes time with the number of rules and entries of its set,
   * and a rule's findings do not depend on the other rules: so the
   * examples run against small sets of a few rules each, not against the
   * whole set, which would take time that grows with the square of the
   * number of rules. */
  while (first < self->rules->len)
    {
      g_autoptr(RedlineRuleSet) batch = new_example_batch (self, first);

      for (guint r = 0; r < batch->rules->len; r++)
        {
          RedlineRule *rule = g_ptr_array_index (batch->rules, r);

          for (guint e = 0; e < rule->examples->len; e++)
            {
              RedlineExample *example = g_ptr_array_index (rule->examples, e);
              g_autofree char *detail = NULL;
              gboolean passed = run_example (batch, rule, example, &detail);

              all_passed &= passed;
              if (func != NULL)
                func (rule, example->line, passed, detail, user_data);
            }
        }
      first += batch->rules->len;
    }
  return all_passed;
}
