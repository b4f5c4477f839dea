/* redline-words.c: cutting Chinese text into words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese is written without spaces, so whether 首 in 回首 or 最 in 最后 is
 * a word of its own is a question of how the text is cut. The table
 * (build-aux/gen-words-table.py from data/lexicon/zh-words.txt, jieba's
 * dictionary) lists about 250,000 words with how often each occurs; a run of
 * Chinese text is cut along the path whose words are the most likely
 * together. Only the text around a candidate hit is ever cut.
 */

#define G_LOG_DOMAIN "redline-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "redline-words-private.h"
#include "redline-words-resources.h"

#define WORDS_RESOURCE "/org/redline/core/text/redline-zh-words.bin"
#define HEADER_WORDS 4

typedef struct
{
  GBytes        *bytes;
  const guint32 *offsets;      /* count + 1 */
  const guint32 *frequencies;  /* count */
  const guint32 *tags;         /* count: the part of speech, NUL-padded ASCII */
  const char    *pool;
  guint          count;
  guint          max_chars;
  double         log_total;
} WordTable;

static const WordTable *
word_table (void)
{
  static WordTable table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GBytes *bytes = g_resource_lookup_data (redline_words_get_resource (), WORDS_RESOURCE,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      gsize size = 0;
      const guint32 *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      if (((gsize) data) % sizeof (guint32) != 0)
        {
          GBytes *aligned = g_bytes_new (data, size);

          g_bytes_unref (bytes);
          bytes = aligned;
          data = g_bytes_get_data (bytes, &size);
        }
      g_assert (size >= HEADER_WORDS * sizeof (guint32) && memcmp (data, "RLW1", 4) == 0);

      table.bytes = bytes;
      table.count = GUINT32_FROM_LE (data[1]);
      table.log_total = log ((double) GUINT32_FROM_LE (data[2]));
      table.max_chars = GUINT32_FROM_LE (data[3]);
      table.offsets = data + HEADER_WORDS;
      table.frequencies = table.offsets + table.count + 1;
      table.tags = table.frequencies + table.count;
      table.pool = (const char *) (table.tags + table.count);
      g_assert ((HEADER_WORDS + 3 * (gsize) table.count + 1) * sizeof (guint32) +
                GUINT32_FROM_LE (table.offsets[table.count]) == size);
      g_once_init_leave (&initialized, 1);
    }
  return &table;
}

guint
_redline_words_max_chars (void)
{
  return word_table ()->max_chars;
}

gboolean
_redline_words_is_cut (gunichar ch)
{
  return (ch >= '0' && ch <= '9') ||
         g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

guint32
_redline_words_frequency (const gunichar *chars,
                          gsize           n_chars)
{
  return _redline_words_lookup (chars, n_chars, NULL);
}

guint32
_redline_words_tag_from_string (const char *tag)
{
  char packed[4] = { 0, 0, 0, 0 };
  guint32 value;

  memcpy (packed, tag, MIN (strlen (tag), sizeof packed));
  memcpy (&value, packed, sizeof value);
  return value;
}

guint32
_redline_words_lookup (const gunichar *chars,
                       gsize           n_chars,
                       guint32        *tag)
{
  const WordTable *table = word_table ();
  char key[64];
  gsize key_len = 0;
  guint lo = 0;
  guint hi = table->count;

  if (tag != NULL)
    *tag = 0;
  if (n_chars == 0 || n_chars > table->max_chars)
    return 0;
  for (gsize i = 0; i < n_chars; i++)
    key_len += g_unichar_to_utf8 (chars[i], key + key_len);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 start = GUINT32_FROM_LE (table->offsets[mid]);
      guint32 len = GUINT32_FROM_LE (table->offsets[mid + 1]) - start;
      int cmp = memcmp (table->pool + start, key, MIN (len, key_len));

      if (cmp == 0)
        cmp = len < key_len ? -1 : len > key_len ? 1 : 0;
      if (cmp == 0)
        {
          if (tag != NULL)
            *tag = table->tags[mid];
          return GUINT32_FROM_LE (table->frequencies[mid]);
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* One run of characters that are cut, by dynamic programming from the end:
 * best[i] is the log-likelihood of the best cut of run[i..n). A character
 * the table does not know is a word with frequency 1. */
static void
cut_run (const gunichar *run,
         gsize           n,
         gboolean       *boundary)
{
  const WordTable *table = word_table ();
  g_autofree double *best = g_new (double, n + 1);
  g_autofree gsize *next = g_new (gsize, n + 1);

  best[n] = 0;
  for (gsize i = n; i-- > 0; )
    {
      best[i] = -INFINITY;
      for (gsize len = 1; len <= table->max_chars && i + len <= n; len++)
        {
          guint32 freq = _redline_words_frequency (run + i, len);
          double score;

          if (freq == 0 && len > 1)
            continue;
          score = log ((double) MAX (freq, 1)) - table->log_total + best[i + len];
          if (score > best[i])
            {
              best[i] = score;
              next[i] = i + len;
            }
        }
    }
  for (gsize i = 0; i <= n; i++)
    boundary[i] = FALSE;
  for (gsize i = 0; i < n; i = next[i])
    boundary[i] = TRUE;
  boundary[n] = TRUE;
}

void
_redline_words_cut (const gunichar *chars,
                    gsize           n_chars,
                    gboolean       *boundary)
{
  gsize i = 0;

  while (i < n_chars)
    {
      gsize end = i;

      while (end < n_chars && _redline_words_is_cut (chars[end]))
        end++;
      if (end > i)
        {
          cut_run (chars + i, end - i, boundary + i);
          i = end;
          continue;
        }
      boundary[i] = TRUE;
      i++;
    }
  boundary[n_chars] = TRUE;
}
