/* test-text.c: the normaliser and its offset map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"
#include "redline-test-util.h"
#include "redline-text-private.h"

static char *
normalize (const char *text)
{
  g_autoptr(RedlineText) normalized = redline_text_new (text, -1);

  return redline_text_dup_normalized_utf8 (normalized);
}

static void
test_folds (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "ＢＥＳＴ", "best" },
    { "Best", "best" },
    { "國家級", "国家级" },
    { "頂級獨家", "顶级独家" },
    { "第壹", "第1" },
    { "第一", "第1" },
    { "第①", "第1" },
    { "TOP⑩", "top10" },
    { "最\u200b佳", "最佳" },
    { "最 佳", "最佳" },
    { "最.佳", "最佳" },
    { "最😊佳", "最佳" },
    { "最·佳", "最佳" },
    { "最　佳", "最佳" },
    { "最，佳", "最,佳" },
    { "最。佳", "最。佳" },
    { "最\n佳", "最\n佳" },
    { "最 . - 佳", "最 . - 佳" },
    { "no.1", "no.1" },
    { "a   b", "a b" },
    { "Best™ coffee", "best™ coffee" },
    { "café", "cafe" },
    { "cafe\u0301", "cafe" },
    { "见 best 的", "见best的" },
    { "Straße", "strasse" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = normalize (cases[i].input);

      g_test_message ("%s → %s", cases[i].input, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* Every normalised character maps to an original code point, the map never
 * goes backwards, and spans map to the original text they came from. */
static void
check_map (const char *input)
{
  g_autoptr(RedlineText) text = redline_text_new (input, -1);
  gsize n, orig_len = g_utf8_strlen (input, -1);
  gsize previous = 0;

  redline_text_get_chars (text, &n);
  g_assert_cmpuint (redline_text_get_original_length (text), ==, orig_len);
  for (gsize i = 0; i < n; i++)
    {
      gsize offset = redline_text_get_original_offset (text, i);

      g_assert_cmpuint (offset, <, orig_len);
      g_assert_cmpuint (offset, >=, previous);
      previous = offset;
    }
  g_assert_cmpuint (redline_text_get_original_offset (text, n), ==, orig_len);
}

static void
test_offset_map (void)
{
  static const char * const inputs[] = {
    "", "a", "本店咖啡采用最佳阿拉比卡豆", "最 佳 and ＢＥＳＴ", "第①名 ⑽ ㈤ №1",
    "Straße ß café", "\u200b\u200b最\u200b佳\u200b", "😊😊 最😊佳 🇨🇳", "a\r\nb\n\n c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    check_map (inputs[i]);
}

static void
test_span_round_trip (void)
{
  const char *input = "本店咖啡採用最 佳阿拉比卡豆";
  g_autoptr(RedlineText) text = redline_text_new (input, -1);
  g_autofree gunichar *term = NULL;
  const gunichar *chars;
  gsize n, n_term, start, end;
  gsize found = G_MAXSIZE;

  chars = redline_text_get_chars (text, &n);
  term = redline_normalize ("最佳", &n_term);
  for (gsize i = 0; i + n_term <= n; i++)
    {
      if (memcmp (chars + i, term, n_term * sizeof (gunichar)) == 0)
        found = i;
    }
  g_assert_cmpuint (found, !=, G_MAXSIZE);
  redline_text_get_original_span (text, found, found + n_term, &start, &end);
  /* 最 at 6, the space at 7, 佳 at 8: the span covers what was written. */
  g_assert_cmpuint (start, ==, 6);
  g_assert_cmpuint (end, ==, 9);
}

static void
test_random_round_trip (void)
{
  static const char * const pieces[] = {
    "最", "佳", " ", "　", ".", "·", "\u200b", "😊", "Ａ", "b", "C", "1", "①", "壹",
    "國", "，", "。", "\n", "é", "e\u0301", "ß", "™", "-", "🇨🇳", "가", "カ",
  };
  GRand *rand = g_rand_new_with_seed (20261122);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < len; i++)
        g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      check_map (input->str);
    }
  g_rand_free (rand);
}

/* The byte, line and column of a code-point offset, walked from the start. */
static void
naive_locate (const char *text,
              gsize       offset,
              gsize      *byte,
              guint      *line,
              guint      *column)
{
  const char *p = text;

  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 0;
        }
      (*column)++;
      p = g_utf8_next_char (p);
    }
  *byte = p - text;
}

/* redline_text_locate() against a walk from the start, on random texts of
 * every length around the marks it keeps, at every offset. */
static void
test_random_locate (void)
{
  static const char * const pieces[] = {
    "a", "b", " ", "\n", "好", "佳", "最", "é", "😊", "𠀀", "\u200b", "\r", "Ａ",
  };
  GRand *rand = g_rand_new_with_seed (64064);
  guint n_checked = 0;

  for (guint len = 0; len <= 3 * 64 + 2; len++)
    {
      for (guint round = 0; round < 12; round++)
        {
          g_autoptr(GString) input = g_string_new (NULL);
          g_autoptr(RedlineText) text = NULL;

          for (guint i = 0; i < len; i++)
            {
              /* Some texts all of one width, some mixed. */
              guint which = round < G_N_ELEMENTS (pieces) && round % 3 == 0
                              ? round : (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));

              g_string_append (input, pieces[which]);
            }
          text = redline_text_new (input->str, input->len);
          g_assert_cmpuint (redline_text_get_original_length (text), ==, len);
          for (gsize offset = 0; offset <= len; offset++)
            {
              gsize byte, want_byte;
              guint line, column, want_line, want_column;

              naive_locate (input->str, offset, &want_byte, &want_line, &want_column);
              redline_text_locate (text, input->str, offset, &byte, &line, &column);
              if (byte != want_byte || line != want_line || column != want_column)
                g_test_message ("length %u, offset %" G_GSIZE_FORMAT, len, offset);
              g_assert_cmpuint (byte, ==, want_byte);
              g_assert_cmpuint (line, ==, want_line);
              g_assert_cmpuint (column, ==, want_column);
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 10000);
  g_rand_free (rand);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  const char bad[] = "ok\n第二行 \xff here";
  const char nul[] = "one\ntwo\0three";

  g_assert_true (redline_text_validate ("最佳", strlen ("最佳"), "a.txt", NULL));
  g_assert_true (redline_text_validate ("", 0, "a.txt", NULL));

  g_assert_false (redline_text_validate (bad, sizeof bad - 1, "post.txt", &error));
  g_assert_error (error, REDLINE_TEXT_ERROR, REDLINE_TEXT_ERROR_INVALID_UTF8);
  g_assert_true (g_str_has_prefix (error->message, "post.txt:2:5: "));
  g_clear_error (&error);

  g_assert_false (redline_text_validate (nul, sizeof nul - 1, "bin", &error));
  g_assert_error (error, REDLINE_TEXT_ERROR, REDLINE_TEXT_ERROR_NUL);
  g_assert_true (g_str_has_prefix (error->message, "bin:2:4: "));
}

/* Validation in slices finds the first bad byte that validation of the
 * whole finds, for 1 to 9 slices (9 is clamped to 8), with bad bytes, NULs, cut
 * characters and runs of continuation bytes landing on the cuts. */
static void
test_validate_slices (void)
{
  static const char * const pieces[] = {
    "a", "最", "😊", "é", "\n", "\xff", "\x80", "\x80\x80\x80\x80", "\xe6\x9c",
    "\xf0\x9f\x98", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
  };
  GRand *rand = g_rand_new_with_seed (8);
  static const guint slice_counts[] = { 1, 2, 3, 4, 9 };
  guint n_rounds = redline_test_scaled (1500);
  guint n_bad = 0;
  guint n_good = 0;

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, 40);
      /* Mostly good text: a bad piece in one round of three. */
      gboolean bad_round = round % 3 == 0;
      const char *expected = NULL;

      for (guint i = 0; i < len; i++)
        {
          guint max = bad_round ? G_N_ELEMENTS (pieces) : 5;

          g_string_append (text, pieces[g_rand_int_range (rand, 0, max)]);
        }
      if (round % 7 == 0 && text->len > 0)
        text->str[g_rand_int_range (rand, 0, text->len)] = '\0';
      g_utf8_validate_len (text->str, text->len, &expected);
      if (expected == text->str + text->len)
        expected = NULL;
      n_bad += expected != NULL;
      n_good += expected == NULL;
      /* Each call starts a thread per slice but the first: a few counts
       * suffice, and keep the test quick under valgrind. */
      for (guint k = 0; k < G_N_ELEMENTS (slice_counts); k++)
        {
          guint n_slices = slice_counts[k];
          const char *got = _redline_text_find_bad_byte (text->str, text->len, n_slices);

          if (got != expected)
            g_test_message ("round %u, %u slices", round, n_slices);
          g_assert_true (got == expected);
        }
    }
  g_assert_cmpuint (n_bad, >, n_rounds / 4);
  g_assert_cmpuint (n_good, >, n_rounds / 4);
  g_rand_free (rand);
}

static void
test_normalize_phrase (void)
{
  g_autofree char *a = redline_normalize_to_utf8 ("  Best Regards  ");
  g_autofree char *b = redline_normalize_to_utf8 ("·");

  g_assert_cmpstr (a, ==, "best regards");
  g_assert_cmpstr (b, ==, "·");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/text/folds", test_folds);
  g_test_add_func ("/redline/text/offset-map", test_offset_map);
  g_test_add_func ("/redline/text/span-round-trip", test_span_round_trip);
  g_test_add_func ("/redline/text/random-round-trip", test_random_round_trip);
  g_test_add_func ("/redline/text/random-locate", test_random_locate);
  g_test_add_func ("/redline/text/validate", test_validate);
  g_test_add_func ("/redline/text/validate-slices", test_validate_slices);
  g_test_add_func ("/redline/text/normalize-phrase", test_normalize_phrase);

  return g_test_run ();
}
