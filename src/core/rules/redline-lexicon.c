/* redline-lexicon.c: a pack's named word classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-pack"

#include "config.h"

#include "redline-lexicon-private.h"
#include "redline-words-private.h"

static void
lexicon_clear (gpointer data)
{
  RedlineLexicon *lexicon = data;

  g_free (lexicon->id);
  g_hash_table_unref (lexicon->words);
  g_hash_table_unref (lexicon->endings);
  g_array_unref (lexicon->tags);
  g_free (lexicon->firsts);
}

RedlineLexicon *
_redline_lexicon_new (const char *id,
                      guint       line)
{
  RedlineLexicon *lexicon = g_atomic_rc_box_new0 (RedlineLexicon);

  lexicon->id = g_strdup (id);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->endings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  lexicon->firsts = g_new0 (guint8, 0x10000 / 8);
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
  if (chars[0] < 0x10000)
    lexicon->firsts[chars[0] >> 3] |= 1u << (chars[0] & 7);
  else
    lexicon->any_first = TRUE;
  lexicon->max_chars = MAX (lexicon->max_chars, n_chars);
}

void
_redline_lexicon_add_tag (RedlineLexicon *lexicon,
                          const char     *tag)
{
  guint32 packed = _redline_words_tag_from_string (tag);

  g_array_append_val (lexicon->tags, packed);
  lexicon->any_first = TRUE;
  lexicon->max_chars = MAX (lexicon->max_chars, _redline_words_max_chars ());
}

/* Whether chars is a member: a word of the lexicon (or, with @ending, one
 * of its endings), or a word of the word list with one of its tags. */
gboolean
_redline_lexicon_contains (const RedlineLexicon *lexicon,
                           const gunichar       *chars,
                           gsize                 n_chars,
                           gboolean              ending)
{
  char key[128];
  gsize len = 0;
  guint32 tag;

  if (n_chars == 0 || n_chars > lexicon->max_chars || n_chars * 6 >= sizeof key ||
      !_redline_lexicon_may_start (lexicon, chars[0]))
    return FALSE;
  for (gsize i = 0; i < n_chars; i++)
    len += g_unichar_to_utf8 (chars[i], key + len);
  key[len] = '\0';
  if (g_hash_table_contains (ending ? lexicon->endings : lexicon->words, key))
    return TRUE;
  if (ending || lexicon->tags->len == 0 || _redline_words_lookup (chars, n_chars, &tag) == 0)
    return FALSE;
  for (guint i = 0; i < lexicon->tags->len; i++)
    {
      if (g_array_index (lexicon->tags, guint32, i) == tag)
        return TRUE;
    }
  return FALSE;
}
