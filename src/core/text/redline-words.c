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
#define HEADER_WORDS 5
#define BLOOM_BITS (1u << 22)

typedef struct
{
  GBytes        *bytes;
  const guint32 *bloom;        /* BLOOM_BITS bits: pairs of characters inside words */
  const guint32 *firsts;       /* n_firsts pairs: first code point, first index */
  guint          n_firsts;
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
      g_assert (size >= HEADER_WORDS * sizeof (guint32) && memcmp (data, "RLW3", 4) == 0);

      table.bytes = bytes;
      table.count = GUINT32_FROM_LE (data[1]);
      table.log_total = log ((double) GUINT32_FROM_LE (data[2]));
      table.max_chars = GUINT32_FROM_LE (data[3]);
      table.n_firsts = GUINT32_FROM_LE (data[4]);
      table.bloom = data + HEADER_WORDS;
      table.firsts = table.bloom + BLOOM_BITS / 32;
      table.offsets = table.firsts + 2 * (gsize) table.n_firsts;
      table.frequencies = table.offsets + table.count + 1;
      table.tags = table.frequencies + table.count;
      table.pool = (const char *) (table.tags + table.count);
      g_assert ((HEADER_WORDS + BLOOM_BITS / 32 + 2 * (gsize) table.n_firsts +
                 3 * (gsize) table.count + 1) *
                sizeof (guint32) +
                GUINT32_FROM_LE (table.offsets[table.count]) == size);
      g_once_init_leave (&initialized, 1);
    }
  return &table;
}

/* The range of words that begin with @ch (empty when none does). */
static void
first_range (const WordTable *table,
             gunichar         ch,
             guint           *lo,
             guint           *hi)
{
  guint a = 0, b = table->n_firsts;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (GUINT32_FROM_LE (table->firsts[2 * mid]) < ch)
        a = mid + 1;
      else
        b = mid;
    }
  if (a == table->n_firsts || GUINT32_FROM_LE (table->firsts[2 * a]) != ch)
    {
      *lo = *hi = 0;
      return;
    }
  *lo = GUINT32_FROM_LE (table->firsts[2 * a + 1]);
  *hi = a + 1 < table->n_firsts ? GUINT32_FROM_LE (table->firsts[2 * a + 3]) : table->count;
}

static inline const char *
word_at (const WordTable *table,
         guint            index,
         gsize           *len)
{
  guint32 start = GUINT32_FROM_LE (table->offsets[index]);

  *len = GUINT32_FROM_LE (table->offsets[index + 1]) - start;
  return table->pool + start;
}

/* Narrows [*lo, *hi), a range of words that all begin with key less its
 * last character, to the words that begin with all of key. */
static void
narrow_to_prefix (const WordTable *table,
                  const char      *key,
                  gsize            key_len,
                  guint           *lo,
                  guint           *hi)
{
  guint a = *lo, b = *hi;

  /* The first word not below key. */
  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      gsize len;
      const char *word = word_at (table, mid, &len);
      int cmp = memcmp (word, key, MIN (len, key_len));

      if (cmp < 0 || (cmp == 0 && len < key_len))
        a = mid + 1;
      else
        b = mid;
    }
  *lo = a;
  /* The first word after it that does not begin with key. */
  b = *hi;
  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      gsize len;
      const char *word = word_at (table, mid, &len);

      if (len >= key_len && memcmp (word, key, key_len) == 0)
        a = mid + 1;
      else
        b = mid;
    }
  *hi = a;
}

static inline guint64
splitmix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

gboolean
_redline_words_may_join (gunichar a,
                         gunichar b)
{
  const WordTable *table = word_table ();
  guint64 h = splitmix64 (((guint64) a << 32) | b);
  guint32 h1 = (guint32) h, h2 = (guint32) (h >> 32);

  for (guint32 i = 0; i < 3; i++)
    {
      guint32 bit = (h1 + i * h2) % BLOOM_BITS;

      if ((GUINT32_FROM_LE (table->bloom[bit / 32]) & (1u << (bit % 32))) == 0)
        return FALSE;
    }
  return TRUE;
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
  guint lo, hi;

  if (tag != NULL)
    *tag = 0;
  if (n_chars == 0 || n_chars > table->max_chars)
    return 0;
  for (gsize i = 0; i < n_chars; i++)
    key_len += g_unichar_to_utf8 (chars[i], key + key_len);

  first_range (table, chars[0], &lo, &hi);
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
 * the table does not know is a word with frequency 1. The words that start
 * at i are found by narrowing the range of words of its first character
 * one character at a time. */
static void
cut_run (const gunichar *run,
         gsize           n,
         gboolean       *boundary)
{
  const WordTable *table = word_table ();
  double best_on_stack[65];
  gsize next_on_stack[65];
  g_autofree double *best_on_heap = NULL;
  g_autofree gsize *next_on_heap = NULL;
  double *best = best_on_stack;
  gsize *next = next_on_stack;

  if (n + 1 > G_N_ELEMENTS (best_on_stack))
    {
      best = best_on_heap = g_new (double, n + 1);
      next = next_on_heap = g_new (gsize, n + 1);
    }

  best[n] = 0;
  for (gsize i = n; i-- > 0; )
    {
      char key[64];
      gsize key_len = 0;
      guint lo, hi;

      first_range (table, run[i], &lo, &hi);
      best[i] = -INFINITY;
      for (gsize len = 1; len <= table->max_chars && i + len <= n; len++)
        {
          guint32 freq = 0;
          double score;

          key_len += g_unichar_to_utf8 (run[i + len - 1], key + key_len);
          if (len > 1 && lo < hi)
            narrow_to_prefix (table, key, key_len, &lo, &hi);
          if (lo < hi)
            {
              gsize word_len;

              word_at (table, lo, &word_len);
              if (word_len == key_len)
                freq = GUINT32_FROM_LE (table->frequencies[lo]);
            }
          if (freq == 0 && len > 1)
            {
              if (lo >= hi)
                break;
              continue;
            }
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
