/* redline-requires-scan.c: "requires" rules: a trigger needs a phrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A "requires" rule's terms and patterns are its triggers; its required
 * phrases ride on the set's one automaton, which marks each one present as
 * it passes (redline-field-scan.c). Once every field has been scanned, a
 * rule whose trigger fired and none of whose phrases is anywhere in the
 * document gives one finding about the whole document, at its earliest
 * trigger.
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include "redline-finding-private.h"
#include "redline-scan-private.h"

static void
requires_compile (RedlineRuleSet *self,
                  RedlineRule    *rule)
{
  g_hash_table_insert (self->first_required, rule, GUINT_TO_POINTER (self->n_required));
  for (guint q = 0; q < rule->requires->len; q++)
    {
      RedlinePhrase *phrase = g_ptr_array_index (rule->requires, q);
      Entry entry = { rule, NULL, NULL, self->n_required++ };

      g_array_append_val (self->entries, entry);
      redline_matcher_add (self->matcher, phrase->chars, phrase->n_chars,
                           self->entries->len - 1);
    }
}

static RedlineFinding *
requires_document_finding (const WholeDocument *document,
                           RedlineRule         *rule,
                           Hit                 *first)
{
  guint required = GPOINTER_TO_UINT (g_hash_table_lookup (document->self->first_required, rule));
  const RedlinePhrase *missing;

  for (guint r = 0; r < rule->requires->len; r++)
    {
      if (document->present[required + r])
        return NULL;
    }
  missing = g_ptr_array_index (rule->requires, 0);
  return _redline_hit_make_finding (document->ecosystem, first, missing->text);
}

static const char *
get_missing (const Hit  *hit,
             const char *text,
             const char *missing,
             char       *buffer,
             gsize       size)
{
  return missing;
}

/* {missing}: the first required phrase. */
const RedlineRuleTypeCheck _redline_requires_check = {
  .placeholders = (const RedlinePlaceholder[]) {
    { "missing", get_missing },
    { NULL, NULL },
  },
  .compile = requires_compile,
  .document_finding = requires_document_finding,
};
