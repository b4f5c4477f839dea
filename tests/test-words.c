/* test-words.c: cutting Chinese text into words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "redline-core.h"
#include "redline-text.h"
#include "redline-words-private.h"

/* The cut of @utf8 after normalisation, words separated by "|". */
static char *
cut (const char *utf8)
{
  g_autoptr(RedlineText) text = redline_text_new (utf8, -1);
  gsize n = 0;
  const gunichar *chars = redline_text_get_chars (text, &n);
  g_autofree gboolean *boundary = g_new (gboolean, n + 1);
  GString *out = g_string_new (NULL);

  _redline_words_cut (chars, n, boundary);
  g_assert_true (boundary[n]);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && boundary[i])
        g_string_append_c (out, '|');
      g_string_append_unichar (out, chars[i]);
    }
  return g_string_free (out, FALSE);
}

static void
test_frequency (void)
{
  const gunichar zui_hou[] = { 0x6700, 0x540E };      /* 最后 */
  const gunichar zui[] = { 0x6700 };                  /* 最 */
  const gunichar none[] = { 0x540E, 0x6700, 0x540E }; /* 后最后 */

  g_assert_cmpuint (_redline_words_frequency (zui_hou, 2), >, 1000);
  g_assert_cmpuint (_redline_words_frequency (zui, 1), >, 1000);
  g_assert_cmpuint (_redline_words_frequency (none, 3), ==, 0);
  g_assert_cmpuint (_redline_words_frequency (zui, 0), ==, 0);
  g_assert_cmpuint (_redline_words_max_chars (), >=, 4);

  /* Pairs inside words may join; most pairs of characters never do. */
  g_assert_true (_redline_words_may_join (0x6700, 0x540E));    /* 最后 */
  g_assert_true (_redline_words_may_join (0x9996, 0x9009));    /* 首选 */
  g_assert_false (_redline_words_may_join (0x5417, 0x5462));   /* 吗呢 */
  g_assert_false (_redline_words_may_join (0x3002, 0x6700));   /* 。最 */
}

static void
test_cut (void)
{
  const struct { const char *text; const char *cut; } cases[] = {
    /* A word of its own, or part of a longer everyday word. */
    { "回首向来", "回首|向来" },
    { "最后三天", "最后|3天" },
    { "全国最专业的团队", "全国|最|专业|的|团队" },
    { "打开首选项", "打开|首选项" },
    /* Numerals are cut as the matcher sees them: 第一 is 第1. */
    { "第一品牌", "第1|品牌" },
    { "第一次来到上海", "第1次|来到|上海" },
    /* Traditional characters are cut as their Simplified forms. */
    { "最後三天", "最后|3天" },
    /* Other characters end a run and are words of their own. */
    { "ab最后", "a|b|最后" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cut (cases[i].text);

      if (g_getenv ("SHOW") != NULL)
        g_printerr ("%s\n", got);
      else
        g_assert_cmpstr (got, ==, cases[i].cut);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redline/words/frequency", test_frequency);
  g_test_add_func ("/redline/words/cut", test_cut);

  return g_test_run ();
}
