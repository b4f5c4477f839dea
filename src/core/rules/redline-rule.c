/* redline-rule.c: one rule of a rule pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule"

#include "config.h"

#include "redline-rule-private.h"
#include "redline-text.h"

G_DEFINE_FINAL_TYPE (RedlineRule, redline_rule, G_TYPE_OBJECT)

void
_redline_phrase_init (RedlinePhrase *phrase,
                      const char    *text)
{
  phrase->text = g_strdup (text);
  phrase->chars = redline_normalize (text, &phrase->n_chars);
}

RedlinePhrase *
_redline_phrase_new (const char *text)
{
  RedlinePhrase *phrase = g_new0 (RedlinePhrase, 1);

  _redline_phrase_init (phrase, text);
  return phrase;
}

static void
redline_phrase_clear (RedlinePhrase *phrase)
{
  g_clear_pointer (&phrase->text, g_free);
  g_clear_pointer (&phrase->chars, g_free);
}

void
_redline_phrase_free (RedlinePhrase *phrase)
{
  if (phrase == NULL)
    return;
  redline_phrase_clear (phrase);
  g_free (phrase);
}

static void
free_hints (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

void
_redline_exceptions_init (RedlineExceptions *exceptions)
{
  exceptions->overlap = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);
  exceptions->before = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);
  exceptions->after = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);
  exceptions->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  exceptions->pattern_hints = g_ptr_array_new_with_free_func (free_hints);
}

void
_redline_exceptions_clear (RedlineExceptions *exceptions)
{
  g_clear_pointer (&exceptions->overlap, g_ptr_array_unref);
  g_clear_pointer (&exceptions->before, g_ptr_array_unref);
  g_clear_pointer (&exceptions->after, g_ptr_array_unref);
  g_clear_pointer (&exceptions->patterns, g_ptr_array_unref);
  g_clear_pointer (&exceptions->pattern_hints, g_ptr_array_unref);
  g_clear_pointer (&exceptions->hint_matcher, redline_matcher_free);
}

/* Puts the hints of the exception patterns into one automaton, so that
 * which patterns may match near a hit is found in one pass. */
void
_redline_exceptions_compile (RedlineExceptions *exceptions)
{
  g_clear_pointer (&exceptions->hint_matcher, redline_matcher_free);
  for (guint i = 0; i < exceptions->pattern_hints->len; i++)
    {
      GPtrArray *hints = g_ptr_array_index (exceptions->pattern_hints, i);

      for (guint h = 0; hints != NULL && h < hints->len; h++)
        {
          const RedlinePhrase *hint = g_ptr_array_index (hints, h);

          if (exceptions->hint_matcher == NULL)
            exceptions->hint_matcher = redline_matcher_new ();
          redline_matcher_add (exceptions->hint_matcher, hint->chars, hint->n_chars, i);
        }
    }
  if (exceptions->hint_matcher != NULL)
    redline_matcher_compile (exceptions->hint_matcher);
}

RedlineTerm *
_redline_term_new (void)
{
  RedlineTerm *term = g_new0 (RedlineTerm, 1);

  _redline_exceptions_init (&term->exceptions);
  return term;
}

void
_redline_term_free (RedlineTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->id);
  redline_phrase_clear (&term->phrase);
  g_strfreev (term->suggestions);
  _redline_exceptions_clear (&term->exceptions);
  g_clear_pointer (&term->with, _redline_lexicon_unref);
  g_clear_pointer (&term->except_with, _redline_lexicon_unref);
  g_clear_pointer (&term->context, _redline_lexicon_unref);
  g_free (term);
}

/* Below this many bytes PCRE's interpreter finishes before its JIT would
 * have compiled the expression. */
#define JIT_MIN_LENGTH (64 * 1024)

/* The expression to run over @length bytes. Compiling an expression to
 * machine code takes about as long as interpreting it over a few dozen
 * kilobytes, and most checks are one post: it is compiled once the pattern
 * has run over that much text, in one stretch or in many windows, and kept
 * for every thread (two threads that race both compile; one copy stays). */
GRegex *
_redline_pattern_get_regex (RedlinePattern *pattern,
                            gsize           length)
{
  GRegex *jit = g_atomic_pointer_get (&pattern->jit);
  GRegex *compiled;

  if (jit != NULL)
    return jit;
  if (length < JIT_MIN_LENGTH &&
      (gsize) g_atomic_pointer_add (&pattern->interpreted, (gssize) length) + length <
      JIT_MIN_LENGTH)
    return pattern->regex;

  compiled = g_regex_new (pattern->source, REDLINE_PATTERN_FLAGS | G_REGEX_OPTIMIZE, 0, NULL);
  /* It compiled once already, without G_REGEX_OPTIMIZE. */
  if (compiled == NULL)
    return pattern->regex;
  if (!g_atomic_pointer_compare_and_exchange (&pattern->jit, NULL, compiled))
    {
      /* Another thread was first. */
      g_regex_unref (compiled);
      compiled = g_atomic_pointer_get (&pattern->jit);
    }
  return compiled;
}

void
_redline_pattern_free (RedlinePattern *pattern)
{
  if (pattern == NULL)
    return;
  g_free (pattern->id);
  g_free (pattern->source);
  g_clear_pointer (&pattern->regex, g_regex_unref);
  g_clear_pointer (&pattern->jit, g_regex_unref);
  g_clear_pointer (&pattern->hints, g_ptr_array_unref);
  g_free (pattern);
}

void
_redline_example_free (RedlineExample *example)
{
  if (example == NULL)
    return;
  g_free (example->text);
  g_free (example);
}

static void
redline_rule_finalize (GObject *object)
{
  RedlineRule *self = (RedlineRule *) object;

  g_free (self->id);
  g_free (self->category);
  g_free (self->topic);
  g_free (self->message);
  g_free (self->reference);
  g_free (self->url);
  g_strfreev (self->suggestions);
  g_clear_pointer (&self->context, _redline_lexicon_unref);
  g_clear_pointer (&self->mention, _redline_lexicon_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  _redline_exceptions_clear (&self->exceptions);
  g_clear_pointer (&self->requires, g_ptr_array_unref);
  g_clear_pointer (&self->allow_domains, g_ptr_array_unref);
  g_clear_pointer (&self->limits, g_array_unref);
  g_clear_pointer (&self->examples, g_ptr_array_unref);

  G_OBJECT_CLASS (redline_rule_parent_class)->finalize (object);
}

static void
redline_rule_class_init (RedlineRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redline_rule_finalize;
}

static void
redline_rule_init (RedlineRule *self)
{
  self->kinds = REDLINE_ALL_KINDS;
  self->purposes = (1u << REDLINE_N_PURPOSES) - 1;
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_term_free);
  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_pattern_free);
  _redline_exceptions_init (&self->exceptions);
  self->requires = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);
  self->allow_domains = g_ptr_array_new_with_free_func (g_free);
  self->limits = g_array_new (FALSE, FALSE, sizeof (RedlineLimit));
  self->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_example_free);
}

RedlineRule *
_redline_rule_new (void)
{
  return g_object_new (REDLINE_TYPE_RULE, NULL);
}

const char *
redline_rule_get_id (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->id;
}

RedlineRuleType
redline_rule_get_rule_type (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), REDLINE_RULE_TYPE_TERMS);
  return self->type;
}

const char *
redline_rule_get_category (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->category;
}

/**
 * redline_rule_get_topic:
 * @self: a #RedlineRule
 *
 * Returns: (nullable): the topic of a `sensitive-topic` rule
 */
const char *
redline_rule_get_topic (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->topic;
}

/**
 * redline_rule_get_severity:
 * @self: a #RedlineRule
 * @ecosystem: an ecosystem
 *
 * Returns: the rule's severity on @ecosystem: its own setting, or else its
 *   category's default
 */
RedlineSeverity
redline_rule_get_severity (RedlineRule      *self,
                           RedlineEcosystem  ecosystem)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), REDLINE_SEVERITY_OFF);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, REDLINE_SEVERITY_OFF);
  return self->severity[ecosystem];
}

gboolean
redline_rule_applies_to_kind (RedlineRule        *self,
                              RedlineContentKind  kind)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), FALSE);
  return (self->kinds & (1u << kind)) != 0;
}

/**
 * redline_rule_applies_to_purpose:
 * @self: a #RedlineRule
 * @purpose: the purpose of the copy
 *
 * Returns: whether the rule binds copy of @purpose; outside it, its findings
 *   are only information, and a duty is not reported
 */
gboolean
redline_rule_applies_to_purpose (RedlineRule    *self,
                                 RedlinePurpose  purpose)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), FALSE);
  g_return_val_if_fail (purpose < REDLINE_N_PURPOSES, FALSE);
  return (self->purposes & (1u << purpose)) != 0;
}

const char *
redline_rule_get_message (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->message;
}

const char *
redline_rule_get_reference (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->reference;
}

const char *
redline_rule_get_url (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->url;
}

guint
redline_rule_get_n_terms (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), 0);
  return self->terms->len;
}

/**
 * redline_rule_get_term:
 * @self: a #RedlineRule
 * @index: a term index, below redline_rule_get_n_terms()
 *
 * Returns: the term as the pack writes it
 */
const char *
redline_rule_get_term (RedlineRule *self,
                       guint        index)
{
  RedlineTerm *term;

  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->terms->len, NULL);

  term = g_ptr_array_index (self->terms, index);
  return term->phrase.text;
}

guint
redline_rule_get_n_examples (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), 0);
  return self->examples->len;
}

/**
 * redline_rule_get_example:
 * @self: a #RedlineRule
 * @index: which example, below redline_rule_get_n_examples()
 * @correct: (out) (optional): whether the example is correct copy (%FALSE:
 *   copy the rule reports)
 *
 * Returns: the example's text, without its marker
 */
const char *
redline_rule_get_example (RedlineRule *self,
                          guint        index,
                          gboolean    *correct)
{
  RedlineExample *example;

  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->examples->len, NULL);

  example = g_ptr_array_index (self->examples, index);
  if (correct != NULL)
    *correct = example->correct;
  return example->text;
}

guint
redline_rule_get_line (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), 0);
  return self->line;
}

/**
 * redline_rule_get_pack:
 * @self: a #RedlineRule
 *
 * Returns: (transfer none): the pack the rule came from
 */
RedlineRulePack *
redline_rule_get_pack (RedlineRule *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE (self), NULL);
  return self->pack;
}
