/* redline-lexicon-private.h: a pack's named word classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word class of a rule pack (<lexicon>): words, and endings that make a
 * word of the class out of any Chinese word before them (炎 in 关节炎). A
 * term with="ID" hits only when a member is near it. Reference-counted;
 * immutable once the pack is loaded. */
typedef struct
{
  char       *id;
  GHashTable *words;      /* normalised UTF-8 → NULL */
  GHashTable *endings;
  GArray     *tags;       /* of guint32: words of the word list with these parts of speech */
  guint       max_chars;  /* the longest word or ending */
  guint       line;
} RedlineLexicon;

RedlineLexicon *_redline_lexicon_new        (const char           *id,
                                             guint                 line);
RedlineLexicon *_redline_lexicon_ref        (RedlineLexicon       *lexicon);
void            _redline_lexicon_unref      (RedlineLexicon       *lexicon);
void            _redline_lexicon_add        (RedlineLexicon       *lexicon,
                                             const gunichar       *chars,
                                             gsize                 n_chars,
                                             gboolean              ending);
void            _redline_lexicon_add_tag    (RedlineLexicon       *lexicon,
                                             const char           *tag);
gboolean        _redline_lexicon_contains   (const RedlineLexicon *lexicon,
                                             const gunichar       *chars,
                                             gsize                 n_chars,
                                             gboolean              ending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineLexicon, _redline_lexicon_unref)

G_END_DECLS
