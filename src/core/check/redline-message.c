/* redline-message.c: a hit made a finding, its message expanded
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

/* Appends at most @max code points of @value, ending in an ellipsis when it
 * was cut; returns how many code points were appended. */
static gsize
append_capped (GString    *out,
               const char *value,
               gsize       max)
{
  const char *p = value;
  gsize n = 0;

  while (*p != '\0' && n < max)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p == '\0')
    {
      g_string_append_len (out, value, p - value);
      return n;
    }
  /* Cut: keep room for the ellipsis. */
  p = g_utf8_prev_char (p);
  g_string_append_len (out, value, p - value);
  g_string_append (out, "…");
  return n;
}

/* {text}: the text found (for a "requires" rule, its trigger); every type
 * has it. */
static const char *
get_text (const Hit  *hit,
          const char *text,
          const char *missing,
          char       *buffer,
          gsize       size)
{
  return text;
}

static const RedlinePlaceholder common_placeholders[] = {
  { "text", get_text },
  { NULL, NULL },
};

static const RedlinePlaceholder *
find_in (const RedlinePlaceholder *placeholders,
         const char               *name,
         gsize                     length)
{
  for (const RedlinePlaceholder *q = placeholders; q != NULL && q->name != NULL; q++)
    {
      if (strlen (q->name) == length && memcmp (q->name, name, length) == 0)
        return q;
    }
  return NULL;
}

/* The placeholder {@name} (@length bytes) in a message of a rule of @type:
 * one every type has, else one of @type, else one of another type, which
 * reads what that type would on this hit (so a message reads the same
 * whichever type declares a name). NULL if no type has it: the message
 * keeps it as written. */
static const RedlinePlaceholder *
find_placeholder (RedlineRuleType  type,
                  const char      *name,
                  gsize            length)
{
  const RedlinePlaceholder *found = find_in (common_placeholders, name, length);

  if (found == NULL && type < REDLINE_N_RULE_TYPES)
    found = find_in (_redline_rule_type_get_check (type)->placeholders, name, length);
  for (guint t = 0; found == NULL && t < REDLINE_N_RULE_TYPES; t++)
    found = find_in (_redline_rule_type_get_check (t)->placeholders, name, length);
  return found;
}

static char *
expand_message (const char *message,
                const char *text,
                const Hit  *hit,
                const char *missing)
{
  GString *out = g_string_new (NULL);
  gsize left = MESSAGE_MAX_CHARS;   /* code points the message may still take */

  for (const char *p = message; *p != '\0'; p++)
    {
      const RedlinePlaceholder *placeholder = NULL;
      const char *close = NULL;
      char buffer[16];
      const char *value;

      if (left == 0)
        {
          /* The message is cut: its last character becomes an ellipsis. */
          const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

          if (last != NULL)
            g_string_truncate (out, last - out->str);
          g_string_append (out, "…");
          break;
        }
      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        placeholder = find_placeholder (hit->rule->type, p + 1, close - (p + 1));
      if (placeholder == NULL)
        {
          /* One character of the template. */
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          left--;
          p = next - 1;
          continue;
        }
      value = placeholder->get (hit, text, missing, buffer, sizeof buffer);
      if (value != NULL)
        left -= append_capped (out, value, MIN (left, MESSAGE_MAX_VALUE_CHARS));
      p = close;
    }
  return g_string_free (out, FALSE);
}

RedlineFinding *
_redline_hit_make_finding (RedlineEcosystem  ecosystem,
                           Hit              *hit,
                           const char       *missing)
{
  RedlineFinding *finding = _redline_finding_new ();
  RedlineRule *rule = hit->rule;
  const char * const *suggestions;
  gboolean document = missing != NULL;

  finding->rule = g_object_ref (rule);
  if (rule->pack != NULL)
    finding->pack = g_object_ref (rule->pack);
  if (hit->term != NULL)
    finding->term_id = hit->term->id;
  else if (hit->pattern_id != NULL)
    finding->term_id = hit->pattern_id;
  finding->ecosystem = ecosystem;
  finding->severity = _redline_entry_severity (rule, hit->term, ecosystem);
  finding->other_severity =
    _redline_entry_severity (rule, hit->term, redline_ecosystem_other (ecosystem));
  finding->field = hit->field;
  finding->scope = document ? REDLINE_SCOPE_DOCUMENT : REDLINE_SCOPE_SPAN;
  finding->outside_context = hit->outside_context;
  if (hit->failure != NULL)
    finding->message = g_strdup_printf (_("This text could not be checked against the rule: "
                                           "its regular expression gave up (%s). Check the "
                                           "text by hand, or shorten it."),
                                        hit->failure);
  else
    finding->message = expand_message (rule->message, hit->text, hit, missing);
  if (!document)
    {
      finding->start = hit->start;
      finding->end = hit->end;
      finding->line = hit->line;
      finding->column = hit->column;
      /* The span's text can be long (a length limit's): moved, not copied. */
      finding->text = g_steal_pointer (&hit->text);
    }
  else
    {
      finding->text = g_strdup ("");
      finding->missing = g_strdup (missing);
      finding->trigger = g_strdup (hit->text);
    }
  suggestions = (hit->term != NULL && hit->term->suggestions != NULL &&
                 hit->term->suggestions[0] != NULL)
                  ? (const char * const *) hit->term->suggestions
                  : (const char * const *) rule->suggestions;
  finding->suggestions = suggestions;
  return finding;
}
