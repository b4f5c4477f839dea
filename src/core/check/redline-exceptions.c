/* redline-exceptions.c: whether a hit is cancelled by an exception, or off a word boundary
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

static inline gboolean
phrase_at (const FieldScan     *scan,
           gsize                pos,
           const RedlinePhrase *phrase)
{
  return pos + phrase->n_chars <= scan->n_chars &&
         memcmp (scan->chars + pos, phrase->chars, phrase->n_chars * sizeof (gunichar)) == 0;
}

gboolean
_redline_scan_any_overlaps (const FieldScan *scan,
                            GPtrArray       *phrases,
                            gsize            start,
                            gsize            end)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);
      gsize first = start + 1 > phrase->n_chars ? start + 1 - phrase->n_chars : 0;

      for (gsize pos = first; pos < end; pos++)
        {
          if (phrase_at (scan, pos, phrase))
            return TRUE;
        }
    }
  return FALSE;
}

/* Before and after phrases are compared with the text right next to the hit,
 * or past one space: "best" followed by " regards" is excepted by "regards". */
static gboolean
any_before (const FieldScan *scan,
            GPtrArray       *phrases,
            gsize            start)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);
      gsize at = start;

      if (at >= phrase->n_chars && phrase_at (scan, at - phrase->n_chars, phrase))
        return TRUE;
      if (at > 0 && scan->chars[at - 1] == ' ')
        at--;
      if (at != start && at >= phrase->n_chars && phrase_at (scan, at - phrase->n_chars, phrase))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_after (const FieldScan *scan,
           GPtrArray       *phrases,
           gsize            end)
{
  gboolean spaced = end < scan->n_chars && scan->chars[end] == ' ';

  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);

      if (phrase_at (scan, end, phrase) || (spaced && phrase_at (scan, end + 1, phrase)))
        return TRUE;
    }
  return FALSE;
}

static void
on_hint_cb (guint32  payload,
            gsize    start,
            gsize    end,
            gpointer user_data)
{
  gboolean *near = user_data;

  near[payload] = TRUE;
}

static gboolean
any_pattern_overlaps (const FieldScan         *scan,
                      const RedlineExceptions *exceptions,
                      gsize                    start,
                      gsize                    end)
{
  gsize window_start, window_end;
  g_autofree char *window = NULL;
  gboolean near_on_stack[32];
  g_autofree gboolean *near_on_heap = NULL;
  gboolean *near;

  if (exceptions->patterns->len == 0)
    return FALSE;

  window_start = start > EXCEPT_PATTERN_WINDOW ? start - EXCEPT_PATTERN_WINDOW : 0;
  window_end = MIN (scan->n_chars, end + EXCEPT_PATTERN_WINDOW);

  /* A pattern with hints runs only where one of them is near. */
  near = exceptions->patterns->len <= G_N_ELEMENTS (near_on_stack)
    ? near_on_stack : (near_on_heap = g_new (gboolean, exceptions->patterns->len));
  memset (near, 0, exceptions->patterns->len * sizeof (gboolean));
  if (exceptions->hint_matcher != NULL)
    redline_matcher_scan (exceptions->hint_matcher, scan->chars + window_start,
                          window_end - window_start, on_hint_cb, near);

  for (guint i = 0; i < exceptions->patterns->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_ptr_array_index (exceptions->pattern_hints, i) != NULL && !near[i])
        continue;
      if (window == NULL)
        {
          window = g_ucs4_to_utf8 (scan->chars + window_start, window_end - window_start,
                                   NULL, NULL, NULL);
          if (window == NULL)
            return FALSE;
        }

      /* An exception that cannot be evaluated (the match limit) does not
       * cancel the hit: it is reported rather than read as clean. */
      g_regex_match_full (g_ptr_array_index (exceptions->patterns, i), window, -1, 0,
                          G_REGEX_MATCH_NOTEMPTY, &match, NULL);
      while (g_match_info_matches (match))
        {
          int byte_start, byte_end;
          gsize match_start, match_end;

          g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
          match_start = window_start + g_utf8_pointer_to_offset (window, window + byte_start);
          match_end = window_start + g_utf8_pointer_to_offset (window, window + byte_end);
          if (match_start < end && match_end > start)
            return TRUE;
          g_match_info_next (match, NULL);
        }
    }
  return FALSE;
}

gboolean
_redline_scan_excepted (const FieldScan         *scan,
                        const RedlineExceptions *exceptions,
                        gsize                    start,
                        gsize                    end)
{
  return _redline_scan_any_overlaps (scan, exceptions->overlap, start, end) ||
         any_before (scan, exceptions->before, start) ||
         any_after (scan, exceptions->after, end) ||
         any_pattern_overlaps (scan, exceptions, start, end);
}

gboolean
_redline_scan_at_word_boundaries (const FieldScan *scan,
                                  RedlineTerm     *term,
                                  gsize            start,
                                  gsize            end)
{
  if (term->word_start && start > 0 &&
      _redline_char_class (scan->chars[start - 1]) == REDLINE_CHAR_WORD)
    return FALSE;
  if (term->word_end && end < scan->n_chars &&
      _redline_char_class (scan->chars[end]) == REDLINE_CHAR_WORD)
    return FALSE;
  return TRUE;
}
