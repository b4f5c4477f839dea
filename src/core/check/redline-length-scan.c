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

/* Text longer than a limit: the hit covers the characters past it. */
void
_redline_scan_lengths (RedlineRuleSet     *self,
                       RedlineEcosystem    ecosystem,
                       RedlineContentKind  kind,
                       RedlineField        field,
                       const char         *text,
                       gsize               length,
                       GArray             *hits)
{
  guint first = hits->len;

  for (guint r = 0; r < self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);

      if (!length_rule_applies (rule, ecosystem, kind))
        continue;

      for (guint i = 0; i < rule->limits->len; i++)
        {
          RedlineLimit *limit = &g_array_index (rule->limits, RedlineLimit, i);
          Hit hit = { 0 };

          if (limit->kind != kind || limit->field != field || length <= limit->max)
            continue;

          hit.rule = rule;
          hit.field = field;
                  hit.start = limit->max;
          hit.end = length;
          hit.length = length;
          hit.max = limit->max;
          g_array_append_val (hits, hit);
        }
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
      hit->text = g_strdup (p);
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

  for (guint r = 0; r < self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);

      if (!length_rule_applies (rule, ecosystem, kind))
        continue;
      for (guint i = 0; i < rule->limits->len; i++)
        {
          RedlineLimit *limit = &g_array_index (rule->limits, RedlineLimit, i);

          if (limit->kind == kind && limit->field == field && (max == 0 || limit->max < max))
            max = limit->max;
        }
    }
  return max;
}
