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
  guint8     *firsts;     /* a bit per BMP character: some word or ending starts with it */
  gboolean    any_first;  /* tags, or a character outside the BMP: no filter */
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
/* Whether some member may start with @ch (a quick filter before lookups). */
static inline gboolean
_redline_lexicon_may_start (const RedlineLexicon *lexicon,
                            gunichar              ch)
{
  return lexicon->any_first ||
         (ch < 0x10000 && (lexicon->firsts[ch >> 3] & (1u << (ch & 7))) != 0);
}

gboolean        _redline_lexicon_contains   (const RedlineLexicon *lexicon,
                                             const gunichar       *chars,
                                             gsize                 n_chars,
                                             gboolean              ending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineLexicon, _redline_lexicon_unref)

G_END_DECLS
