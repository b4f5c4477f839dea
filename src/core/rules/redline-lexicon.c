/* redline-lexicon.c: a pack's named word classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-pack"

#include "config.h"

#include "redline-lexicon-private.h"

static void
lexicon_clear (gpointer data)
{
  RedlineLexicon *lexicon = data;

  g_free (lexicon->id);
  g_hash_table_unref (lexicon->words);
  g_hash_table_unref (lexicon->endings);
}

RedlineLexicon *
_redline_lexicon_new (const char *id,
                      guint       line)
{
  RedlineLexicon *lexicon = g_atomic_rc_box_new0 (RedlineLexicon);

  lexicon->id = g_strdup (id);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->endings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->line = line;
  return lexicon;
}

RedlineLexicon *
_redline_lexicon_ref (RedlineLexicon *lexicon)
{
  return g_atomic_rc_box_acquire (lexicon);
}

void
_redline_lexicon_unref (RedlineLexicon *lexicon)
{
  g_atomic_rc_box_release_full (lexicon, lexicon_clear);
}

void
_redline_lexicon_add (RedlineLexicon *lexicon,
                      const gunichar *chars,
                      gsize           n_chars,
                      gboolean        ending)
{
  char *key = g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);

  g_return_if_fail (key != NULL);
  g_hash_table_add (ending ? lexicon->endings : lexicon->words, key);
  lexicon->max_chars = MAX (lexicon->max_chars, n_chars);
}

gboolean
_redline_lexicon_contains (const RedlineLexicon *lexicon,
                           const gunichar       *chars,
                           gsize                 n_chars,
                           gboolean              ending)
{
  char key[128];
  gsize len = 0;

  if (n_chars == 0 || n_chars > lexicon->max_chars || n_chars * 6 >= sizeof key)
    return FALSE;
  for (gsize i = 0; i < n_chars; i++)
    len += g_unichar_to_utf8 (chars[i], key + len);
  key[len] = '\0';
  return g_hash_table_contains (ending ? lexicon->endings : lexicon->words, key);
}
