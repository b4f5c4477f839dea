/* redline-words-private.h: cutting Chinese text into words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest word the table holds, in characters. */
guint    _redline_words_max_chars (void);

/* How often the normalised word occurs in the word list's source corpus;
 * 0 when it is not a word of the list. */
guint32  _redline_words_frequency (const gunichar *chars,
                                   gsize           n_chars);

/* The same, and the word's part of speech (jieba's tag, such as "a" for
 * adjectives, packed by _redline_words_tag_from_string()); 0 for none. */
guint32  _redline_words_lookup    (const gunichar *chars,
                                   gsize           n_chars,
                                   guint32        *tag);
guint32  _redline_words_tag_from_string (const char *tag);

/* Whether the normalised character is cut into words (Han characters and the
 * digits that Chinese numerals fold to); other characters are word
 * boundaries of their own. */
gboolean _redline_words_is_cut    (gunichar        ch);

/* Whether a word of the list may have @a right before @b: when not, every
 * cut has a word boundary between them. (A Bloom filter: it may say yes
 * wrongly, about once in three hundred pairs, never no.) */
gboolean _redline_words_may_join  (gunichar        a,
                                   gunichar        b);

/* Cuts @chars into the most likely sequence of words of the list (the
 * product of their frequencies, as the jieba segmenter does); sets
 * @boundary[i] (n_chars + 1 entries) to whether a word starts, or the text
 * ends, at i. */
void     _redline_words_cut       (const gunichar *chars,
                                   gsize           n_chars,
                                   gboolean       *boundary);

G_END_DECLS
