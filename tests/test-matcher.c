/* test-matcher.c: the Aho–Corasick matcher against a naive reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"

typedef struct
{
  guint32 payload;
  gsize   start;
  gsize   end;
} Match;

static void
collect_cb (guint32  payload,
            gsize    start,
            gsize    end,
            gpointer user_data)
{
  Match match = { payload, start, end };

  g_array_append_val ((GArray *) user_data, match);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;
  return (ma->payload > mb->payload) - (ma->payload < mb->payload);
}

static void
test_basic (void)
{
  g_autoptr(RedlineMatcher) matcher = redline_matcher_new ();
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  const gunichar he[] = { 'h', 'e' }, she[] = { 's', 'h', 'e' }, his[] = { 'h', 'i', 's' };
  const gunichar hers[] = { 'h', 'e', 'r', 's' };
  const gunichar text[] = { 'u', 's', 'h', 'e', 'r', 's' };

  redline_matcher_add (matcher, he, 2, 0);
  redline_matcher_add (matcher, she, 3, 1);
  redline_matcher_add (matcher, his, 3, 2);
  redline_matcher_add (matcher, hers, 4, 3);
  redline_matcher_add (matcher, he, 2, 4);  /* the same pattern twice */
  redline_matcher_compile (matcher);

  g_assert_cmpuint (redline_matcher_get_n_patterns (matcher), ==, 5);
  g_assert_cmpuint (redline_matcher_scan (matcher, text, G_N_ELEMENTS (text), collect_cb,
                                          matches), ==, 4);
  g_array_sort (matches, compare_matches);
  g_assert_cmpuint (g_array_index (matches, Match, 0).payload, ==, 1);  /* she 1–4 */
  g_assert_cmpuint (g_array_index (matches, Match, 1).payload, ==, 0);  /* he 2–4 */
  g_assert_cmpuint (g_array_index (matches, Match, 2).payload, ==, 4);  /* he 2–4 */
  g_assert_cmpuint (g_array_index (matches, Match, 3).payload, ==, 3);  /* hers 2–6 */
  g_assert_cmpuint (g_array_index (matches, Match, 3).start, ==, 2);
  g_assert_cmpuint (g_array_index (matches, Match, 3).end, ==, 6);
}

static void
test_empty (void)
{
  g_autoptr(RedlineMatcher) matcher = redline_matcher_new ();
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  const gunichar text[] = { 'a', 0x10FFFF, 0x4E00 };

  redline_matcher_compile (matcher);
  g_assert_cmpuint (redline_matcher_scan (matcher, text, 3, collect_cb, matches), ==, 0);
  g_assert_cmpuint (redline_matcher_scan (matcher, NULL, 0, collect_cb, matches), ==, 0);
}

/* Random patterns over a small alphabet (so they overlap a lot, and share
 * prefixes and suffixes) against a quadratic reference. */
static void
test_random_against_naive (void)
{
  static const gunichar alphabet[] = { 'a', 'b', 'c', 0x6700, 0x4F73, 0x1F600, 0x10FFFF };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(RedlineMatcher) matcher = redline_matcher_new ();
      g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (Match));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Match));
      g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
      guint n_patterns = g_rand_int_range (rand, 1, 40);
      gsize n_text = g_rand_int_range (rand, 0, 300);
      g_autofree gunichar *text = g_new (gunichar, n_text + 1);

      for (guint p = 0; p < n_patterns; p++)
        {
          gsize len = g_rand_int_range (rand, 1, 6);
          gunichar *pattern = g_new (gunichar, len);

          for (gsize i = 0; i < len; i++)
            pattern[i] = alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];
          g_ptr_array_add (patterns, pattern);
          g_array_append_val (lengths, len);
          redline_matcher_add (matcher, pattern, len, p);
        }
      redline_matcher_compile (matcher);

      for (gsize i = 0; i < n_text; i++)
        text[i] = g_rand_boolean (rand) && g_rand_boolean (rand)
                    ? (gunichar) g_rand_int_range (rand, 0x20, 0x9FFF)
                    : alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];

      for (gsize start = 0; start < n_text; start++)
        {
          for (guint p = 0; p < n_patterns; p++)
            {
              gsize len = g_array_index (lengths, gsize, p);

              if (start + len <= n_text &&
                  memcmp (text + start, g_ptr_array_index (patterns, p),
                          len * sizeof (gunichar)) == 0)
                {
                  Match match = { p, start, start + len };

                  g_array_append_val (expected, match);
                }
            }
        }

      redline_matcher_scan (matcher, text, n_text, collect_cb, got);
      g_array_sort (got, compare_matches);
      g_array_sort (expected, compare_matches);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpint (compare_matches (&g_array_index (got, Match, i),
                                          &g_array_index (expected, Match, i)), ==, 0);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/matcher/basic", test_basic);
  g_test_add_func ("/redline/matcher/empty", test_empty);
  g_test_add_func ("/redline/matcher/random-against-naive", test_random_against_naive);

  return g_test_run ();
}
