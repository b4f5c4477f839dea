/* redline-fold-private.h: the generated fold table (build-aux/gen-fold-table.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  REDLINE_CHAR_OTHER,
  REDLINE_CHAR_WORD,   /* a letter or digit of a script that separates words */
  REDLINE_CHAR_CJK,    /* Han, kana, Hangul: no word boundaries */
  REDLINE_CHAR_SPACE,
  REDLINE_CHAR_BREAK,  /* line and paragraph breaks */
  REDLINE_CHAR_HARD,   /* prose punctuation a term never spans: ，。；：！？、 brackets, quotes */
  REDLINE_CHAR_SKIP,   /* other punctuation, symbols and emoji */
} RedlineCharClass;

#define REDLINE_FOLD_STAGE1_LIMIT 0x30000

extern const guint16 _redline_fold_stage1[REDLINE_FOLD_STAGE1_LIMIT >> 8];
extern const guint32 _redline_fold_stage2[][256];
extern const gunichar _redline_fold_pool[];

static inline guint32
_redline_fold_entry (gunichar c)
{
  if (G_LIKELY (c < REDLINE_FOLD_STAGE1_LIMIT))
    return _redline_fold_stage2[_redline_fold_stage1[c >> 8]][c & 0xff];

  /* Planes 3 and up: CJK extension G and later are Han; tags and variation
   * selectors are invisible; the rest stands for itself. */
  if (c < 0x40000)
    return (1u << 24) | ((guint32) REDLINE_CHAR_CJK << 21);
  if (c >= 0xE0000 && c < 0xE1000)
    return 0;
  return (1u << 24) | ((guint32) REDLINE_CHAR_OTHER << 21);
}

static inline guint
_redline_fold_entry_length (guint32 entry)
{
  return entry >> 24;
}

static inline RedlineCharClass
_redline_fold_entry_class (guint32 entry)
{
  return (entry >> 21) & 0x7;
}

/* The single output character of an entry of length 1. */
static inline gunichar
_redline_fold_entry_char (guint32 entry,
                          gunichar c)
{
  guint32 delta = entry & 0x1FFFFF;

  return (c + delta) & 0x1FFFFF;
}

static inline const gunichar *
_redline_fold_entry_chars (guint32 entry)
{
  return &_redline_fold_pool[entry & 0x1FFFFF];
}

static inline RedlineCharClass
_redline_char_class (gunichar c)
{
  return _redline_fold_entry_class (_redline_fold_entry (c));
}

G_END_DECLS
