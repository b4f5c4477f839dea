/* redline-field-scan.c: one field (or piece) through the automaton and the regular expressions
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

gboolean
_redline_scan_rule_applies (const FieldScan *scan,
                            RedlineRule     *rule,
                            RedlineTerm     *term)
{
  return (rule->kinds & (1u << scan->kind)) != 0 &&
         _redline_entry_severity (rule, term, scan->ecosystem) != REDLINE_SEVERITY_OFF;
}

static void
add_hit (FieldScan    *scan,
         RedlineRule  *rule,
         RedlineTerm  *term,
         const char   *pattern_id,
         gsize         start,
         gsize         end)
{
  Hit hit = { 0 };

  if (_redline_scan_any_overlaps (scan, scan->self->allowed_terms, start, end))
    return;

  hit.rule = rule;
  hit.term = term;
  hit.pattern_id = pattern_id;
  hit.field = scan->field;
  hit.start = start;
  hit.end = end;
  if (scan->purpose_unknown)
    {
      RedlineLexicon *context = term != NULL ? term->context : rule->context;

      hit.outside_context = (context != NULL &&
                             !_redline_scan_in_context (scan, context,
                                                        term != NULL && term->everyday,
                                                        start, end)) ||
                            (rule->mention != NULL &&
                             _redline_scan_in_mention (scan, rule->mention, start, end));
    }
  g_array_append_val (scan->hits, hit);
}

/* The rest of a term hit's checks: a lexicon member near it, whole words,
 * exceptions. */
static void
consider_term (FieldScan   *scan,
               const Entry *entry,
               gsize        start,
               gsize        end)
{
  gsize joined_end = end;
  gsize span_start = start;

  if ((entry->term->with != NULL && !entry->term->join &&
       !_redline_scan_near_member (scan, entry->term, start, end, &span_start, &joined_end)) ||
      (entry->term->whole_words &&
       !_redline_scan_whole_words (scan, entry->term, start, end, &joined_end)))
    return;

  if ((entry->term->except_with != NULL && _redline_scan_member_follows (scan, entry->term, end)) ||
      _redline_scan_excepted (scan, &entry->term->exceptions, start, end) ||
      _redline_scan_excepted (scan, &entry->rule->exceptions, start, end))
    {
      /* Remembered so that a shorter term of the same rule inside it (最 in
       * an excepted 最佳赏味期's 最佳) is cancelled too. */
      Hit hit = { .rule = entry->rule, .start = start, .end = end };

      g_array_append_val (scan->excepted, hit);
      return;
    }

  add_hit (scan, entry->rule, entry->term, NULL, span_start, joined_end);
}

void
_redline_scan_on_match_cb (guint32  payload,
                           gsize    start,
                           gsize    end,
                           gpointer user_data)
{
  FieldScan *scan = user_data;
  const Entry *entry = &g_array_index (scan->self->entries, Entry, payload);

  if (entry->pattern != NULL)
    {
      Span span = { start, end };
      GArray *spans;

      if (scan->hints == NULL)
        scan->hints = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      spans = g_hash_table_lookup (scan->hints, entry->pattern);
      if (spans == NULL)
        {
          spans = g_array_new (FALSE, FALSE, sizeof (Span));
          g_hash_table_insert (scan->hints, entry->pattern, spans);
        }
      g_array_append_val (spans, span);
      return;
    }
  if (entry->term == NULL)
    {
      scan->present[entry->required] = TRUE;
      return;
    }

  if (!_redline_scan_rule_applies (scan, entry->rule, entry->term) ||
      !_redline_scan_at_word_boundaries (scan, entry->term, start, end))
    return;

  /* Whether a hit is words of its own takes cutting the text around it:
   * that waits until the scan is done, and is skipped where another term
   * of the rule already covers the hit (最 in 最佳). */
  if (entry->term->whole_words)
    {
      Pending pending = { payload, start, end };

      if (scan->pending == NULL)
        scan->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
      g_array_append_val (scan->pending, pending);
      return;
    }

  consider_term (scan, entry, start, end);
}

typedef struct
{
  RedlineRule *rule;
  gsize        start;
} RuleStart;

static guint
rule_start_hash (gconstpointer key)
{
  const RuleStart *rs = key;

  return g_direct_hash (rs->rule) ^ (guint) (rs->start * 2654435761u);
}

static gboolean
rule_start_equal (gconstpointer a,
                  gconstpointer b)
{
  const RuleStart *ra = a, *rb = b;

  return ra->rule == rb->rule && ra->start == rb->start;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  if (pa->end != pb->end)
    return pa->end > pb->end ? -1 : 1;
  return pa->payload < pb->payload ? -1 : pa->payload > pb->payload;
}

/* The hits that wait for the cut into words (see above). */
void
_redline_scan_pending_words (FieldScan *scan)
{
  g_autoptr(GHashTable) longest = NULL;
  g_autofree RuleStart *keys = NULL;
  g_autofree RuleStart *pending_keys = NULL;

  if (scan->pending == NULL || scan->pending->len == 0)
    return;

  /* The end of the longest term hit per rule and start. */
  longest = g_hash_table_new (rule_start_hash, rule_start_equal);
  keys = g_new (RuleStart, scan->hits->len);
  for (guint i = 0; i < scan->hits->len; i++)
    {
      const Hit *hit = &g_array_index (scan->hits, Hit, i);
      gsize known;

      keys[i].rule = hit->rule;
      keys[i].start = hit->start;
      known = GPOINTER_TO_SIZE (g_hash_table_lookup (longest, &keys[i]));
      if (hit->term != NULL && hit->end > known)
        g_hash_table_insert (longest, &keys[i], GSIZE_TO_POINTER (hit->end));
    }

  /* Longest first at each start, so that a shorter term inside a hit that
   * stands is skipped. */
  g_array_sort (scan->pending, compare_pending);
  pending_keys = g_new (RuleStart, scan->pending->len);
  for (guint i = 0; i < scan->pending->len; i++)
    {
      const Pending *pending = &g_array_index (scan->pending, Pending, i);
      const Entry *entry = &g_array_index (scan->self->entries, Entry, pending->payload);
      RuleStart *key = &pending_keys[i];
      guint n_hits = scan->hits->len;

      key->rule = entry->rule;
      key->start = pending->start;
      if (GPOINTER_TO_SIZE (g_hash_table_lookup (longest, key)) >= pending->end)
        continue;
      consider_term (scan, entry, pending->start, pending->end);
      if (scan->hits->len > n_hits)
        g_hash_table_insert (longest, key, GSIZE_TO_POINTER (pending->end));
    }
  g_array_set_size (scan->pending, 0);
}

void
_redline_scan_drop_excepted_hits (FieldScan *scan,
                                  guint      first_hit)
{
  guint kept = first_hit;

  if (scan->excepted->len == 0)
    return;

  for (guint i = first_hit; i < scan->hits->len; i++)
    {
      Hit *hit = &g_array_index (scan->hits, Hit, i);
      gboolean inside = FALSE;

      for (guint e = 0; e < scan->excepted->len && !inside; e++)
        {
          const Hit *cancelled = &g_array_index (scan->excepted, Hit, e);

          inside = cancelled->rule == hit->rule && hit->term != NULL &&
                   cancelled->start <= hit->start && hit->end <= cancelled->end;
        }
      if (inside)
        {
          _redline_hit_clear (hit);
          continue;
        }
      if (kept != i)
        g_array_index (scan->hits, Hit, kept) = *hit;
      kept++;
    }
  _redline_hits_truncate (scan->hits, kept);
}

void
_redline_scan_ensure_utf8 (FieldScan *scan)
{
  char *out;
  char *p;

  if (scan->utf8 != NULL)
    return;

  p = out = g_malloc (scan->n_chars * 4 + 1);
  scan->checkpoints = g_new (gsize, scan->n_chars / CHECKPOINT + 1);
  for (gsize i = 0; i < scan->n_chars; i++)
    {
      gunichar c = scan->chars[i];

      if (i % CHECKPOINT == 0)
        scan->checkpoints[i / CHECKPOINT] = p - out;
      if (c < 0x80)
        *p++ = c;
      else if (c < 0x800)
        {
          *p++ = 0xC0 | (c >> 6);
          *p++ = 0x80 | (c & 0x3F);
        }
      else if (c < 0x10000)
        {
          *p++ = 0xE0 | (c >> 12);
          *p++ = 0x80 | ((c >> 6) & 0x3F);
          *p++ = 0x80 | (c & 0x3F);
        }
      else
        {
          *p++ = 0xF0 | (c >> 18);
          *p++ = 0x80 | ((c >> 12) & 0x3F);
          *p++ = 0x80 | ((c >> 6) & 0x3F);
          *p++ = 0x80 | (c & 0x3F);
        }
    }
  if (scan->n_chars % CHECKPOINT == 0)
    scan->checkpoints[scan->n_chars / CHECKPOINT] = p - out;
  *p = '\0';
  scan->utf8 = out;
  scan->utf8_len = p - out;
}

static inline guint
utf8_char_length (guchar c)
{
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The index of the normalised character at a byte offset of scan->utf8. */
gsize
_redline_scan_char_at_byte (FieldScan *scan,
                            gsize      byte)
{
  const guchar *text = (const guchar *) scan->utf8;
  gsize lo = 0, hi = scan->n_chars / CHECKPOINT;
  gsize index, at;

  g_assert (byte <= scan->utf8_len);

  /* The last checkpoint at or before @byte. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo + 1) / 2;

      if (scan->checkpoints[mid] <= byte)
        lo = mid;
      else
        hi = mid - 1;
    }
  index = lo * CHECKPOINT;
  for (at = scan->checkpoints[lo]; at < byte; at += utf8_char_length (text[at]))
    index++;
  return index;
}

/* The byte offset in scan->utf8 of a normalised character. */
static gsize
byte_at_char (FieldScan *scan,
              gsize      index)
{
  const guchar *text = (const guchar *) scan->utf8;
  gsize at = scan->checkpoints[index / CHECKPOINT];

  g_assert (index <= scan->n_chars);

  for (gsize i = index - index % CHECKPOINT; i < index; i++)
    at += utf8_char_length (text[at]);
  return at;
}

/* A regular expression gave up on [start, end) of the normalised text (PCRE's
 * match limit): the rule could not be evaluated there, which is reported as
 * a finding of the rule, never read as "no match". */
void
_redline_scan_add_failure (FieldScan    *scan,
                           RedlineRule  *rule,
                           const char   *pattern_id,
                           gsize         start,
                           gsize         end,
                           const GError *error)
{
  Hit hit = { 0 };
  const char *reason = g_strrstr (error->message, ": ");

  if (scan->n_chars == 0)
    return;
  end = MIN (MAX (end, start + 1), scan->n_chars);
  start = MIN (start, end - 1);

  hit.rule = rule;
  hit.pattern_id = pattern_id;
  hit.field = scan->field;
  hit.start = start;
  hit.end = end;
  /* GRegex says "Error while matching regular expression PATTERN: REASON". */
  hit.failure = g_strdup (reason != NULL ? reason + 2 : error->message);
  g_array_append_val (scan->hits, hit);
}

static void
match_pattern (FieldScan      *scan,
               RedlineRule    *rule,
               RedlinePattern *pattern,
               gsize           from,
               gsize           to,
               const Span     *hints,
               guint           n_hints)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  gsize byte_from = byte_at_char (scan, from);
  gsize byte_to = byte_at_char (scan, to);

  /* The whole text is passed, so look-behinds see before @from; its end is
   * cut at @to. */
  g_regex_match_full (_redline_pattern_get_regex (pattern, byte_to - byte_from),
                      scan->utf8, byte_to, byte_from, G_REGEX_MATCH_NOTEMPTY, &match, &error);
  while (g_match_info_matches (match))
    {
      int byte_start, byte_end;
      gsize start, end;
      gboolean near_hint = n_hints == 0;

      g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
      start = _redline_scan_char_at_byte (scan, byte_start);
      end = _redline_scan_char_at_byte (scan, byte_end);
      for (guint h = 0; h < n_hints && !near_hint; h++)
        near_hint = hints[h].start < end && hints[h].end > start;
      if (near_hint && !_redline_scan_excepted (scan, &rule->exceptions, start, end))
        add_hit (scan, rule, NULL, pattern->id, start, end);
      g_match_info_next (match, &error);
    }
  if (error != NULL)
    _redline_scan_add_failure (scan, rule, pattern->id, from, to, error);
}

void
_redline_scan_patterns (FieldScan *scan)
{
  for (guint r = 0; r < scan->self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (scan->self->rules, r);

      if (rule->patterns->len == 0 || !_redline_scan_rule_applies (scan, rule, NULL))
        continue;

      for (guint p = 0; p < rule->patterns->len; p++)
        {
          RedlinePattern *pattern = g_ptr_array_index (rule->patterns, p);
          GArray *spans;
          guint first = 0;

          if (pattern->hints->len == 0)
            {
              _redline_scan_ensure_utf8 (scan);
              match_pattern (scan, rule, pattern, 0, scan->n_chars, NULL, 0);
              continue;
            }

          /* Only around the hints, in windows merged where they meet. */
          spans = scan->hints != NULL ? g_hash_table_lookup (scan->hints, pattern) : NULL;
          if (spans == NULL)
            continue;
          _redline_scan_ensure_utf8 (scan);
          while (first < spans->len)
            {
              const Span *hint = &g_array_index (spans, Span, first);
              gsize from = hint->start > HINT_WINDOW ? hint->start - HINT_WINDOW : 0;
              gsize to = MIN (scan->n_chars, hint->end + HINT_WINDOW);
              guint last = first + 1;

              while (last < spans->len &&
                     g_array_index (spans, Span, last).start < to + HINT_WINDOW)
                {
                  to = MIN (scan->n_chars, g_array_index (spans, Span, last).end + HINT_WINDOW);
                  last++;
                }
              match_pattern (scan, rule, pattern, from, to,
                             &g_array_index (spans, Span, first), last - first);
              first = last;
            }
        }
    }
}


void
_redline_field_scan_clear (FieldScan *scan)
{
  scan->text = NULL;  /* owned by the scanning thread, reused for the next piece */
  g_clear_pointer (&scan->utf8, g_free);
  g_clear_pointer (&scan->checkpoints, g_free);
  g_clear_pointer (&scan->excepted, g_array_unref);
  g_clear_pointer (&scan->hints, g_hash_table_unref);
  g_clear_pointer (&scan->cut, g_free);
  g_clear_pointer (&scan->pending, g_array_unref);
}

/* "terms" rules: {text} only. */
const RedlineRuleTypeCheck _redline_terms_check = {
  .placeholders = (const RedlinePlaceholder[]) { { NULL, NULL } },
};
