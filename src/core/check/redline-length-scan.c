/* redline-length-scan.c: the pass of "length" rules: text past a limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-finding-private.h"
#include "redline-fold-private.h"
#include "redline-rule-pack.h"
#include "redline-rule-set-pieces-private.h"
#include "redline-scan-private.h"

/* Whether @rule limits lengths of @kind on @ecosystem. */
static gboolean
length_rule_applies (RedlineRule        *rule,
                     RedlineEcosystem    ecosystem,
                     RedlineContentKind  kind)
{
  return rule->type == REDLINE_RULE_TYPE_LENGTH && (rule->kinds & (1u << kind)) != 0 &&
         rule->severity[ecosystem] != REDLINE_SEVERITY_OFF;
}

/* The limit of @rule on @field of @kind in @profile, or NULL: the one
 * given for @profile, else the one given for every profile. */
static const RedlineLimit *
find_limit (RedlineRule          *rule,
            RedlineLengthProfile  profile,
            RedlineContentKind    kind,
            RedlineField          field)
{
  const RedlineLimit *any = NULL;

  for (guint i = 0; i < rule->limits->len; i++)
    {
      const RedlineLimit *limit = &g_array_index (rule->limits, RedlineLimit, i);

      if (limit->kind != kind || limit->field != field)
        continue;
      if (limit->profile == (int) profile)
        return limit;
      if (limit->profile < 0)
        any = limit;
    }
  return any;
}

/* Text longer than a limit: the hit covers the characters past it. The
 * field is counted only when a rule limits it. */
static void
scan_lengths (const WholeField *whole,
              GPtrArray        *rules,
              GArray           *hits)
{
  const char *text = whole->text;
  guint first = hits->len;
  gboolean counted = FALSE;
  gsize length = 0, breaks;

  for (guint r = 0; r < rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (rules, r);
      const RedlineLimit *limit;
      Hit hit = { 0 };

      if (!length_rule_applies (rule, whole->ecosystem, whole->kind))
        continue;
      limit = find_limit (rule, whole->self->length_profile, whole->kind, whole->field);
      if (limit == NULL)
        continue;
      if (!counted)
        {
          _redline_count_text (whole->text, whole->end, &length, &breaks);
          counted = TRUE;
        }
      if (length <= limit->max)
        continue;

      hit.rule = rule;
      hit.field = whole->field;
      hit.start = limit->max;
      hit.end = length;
      hit.length = length;
      hit.max = limit->max;
      g_array_append_val (hits, hit);
    }
  /* The span runs to the end of the text: walk only to its start. */
  for (guint i = first; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      const char *p = text;

      hit->line = 1;
      hit->column = 1;
      for (gsize offset = 0; offset < hit->start; offset++)
        {
          if (*p == '\n')
            {
              hit->line++;
              hit->column = 0;
            }
          hit->column++;
          p = g_utf8_next_char (p);
        }
      {
        const char *q = p;

        for (guint n = 0; n < LENGTH_TEXT_MAX_CHARS && q < whole->end; n++)
          q = g_utf8_next_char (q);
        if (q >= whole->end)
          hit->text = g_strndup (p, whole->end - p);
        else
          {
            g_autofree char *head = g_strndup (p, q - p);

            hit->text = g_strconcat (head, "…", NULL);
          }
      }
    }
}

static const char *
get_length (const Hit  *hit,
            const char *text,
            const char *missing,
            char       *buffer,
            gsize       size)
{
  g_snprintf (buffer, size, "%u", hit->length);
  return buffer;
}

static const char *
get_max (const Hit  *hit,
         const char *text,
         const char *missing,
         char       *buffer,
         gsize       size)
{
  g_snprintf (buffer, size, "%u", hit->max);
  return buffer;
}

/* "length" rules: {length} of the field and its {max}. */
const RedlineRuleTypeCheck _redline_length_check = {
  .placeholders = (const RedlinePlaceholder[]) {
    { "length", get_length },
    { "max", get_max },
    { NULL, NULL },
  },
  .scan_field = scan_lengths,
};

/**
 * redline_rule_set_get_length_limit:
 * @self: a #RedlineRuleSet
 * @ecosystem: the ecosystem checked for
 * @kind: a content kind
 * @field: a field of a post of @kind
 *
 * The length a field may have before a "length" rule of the set reports it:
 * what an editor shows beside its character count.
 *
 * Returns: the smallest such limit, in characters, or 0 when no rule limits
 *   @field of @kind on @ecosystem
 */
guint
redline_rule_set_get_length_limit (RedlineRuleSet     *self,
                                   RedlineEcosystem    ecosystem,
                                   RedlineContentKind  kind,
                                   RedlineField        field)
{
  guint max = 0;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), 0);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, 0);

  for (guint r = 0; r < self->rules_of_type[REDLINE_RULE_TYPE_LENGTH]->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules_of_type[REDLINE_RULE_TYPE_LENGTH], r);
      const RedlineLimit *limit;

      if (!length_rule_applies (rule, ecosystem, kind))
        continue;
      limit = find_limit (rule, self->length_profile, kind, field);
      if (limit != NULL && (max == 0 || limit->max < max))
        max = limit->max;
    }
  return max;
}
