/* redline-word-scan.c: the words around a hit: whole words, joined words, lexicon members near it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include "redline-fold-private.h"
#include "redline-scan-private.h"
#include "redline-words-private.h"

static gboolean
joined_word_is_member (const FieldScan      *scan,
                       const RedlineLexicon *lexicon,
                       gsize                 start,
                       gsize                 end)
{
  if (_redline_lexicon_contains (lexicon, scan->chars + start, end - start, FALSE))
    return TRUE;
  for (gsize len = MIN (lexicon->max_chars, end - start - 1); len > 0; len--)
    {
      if (_redline_lexicon_contains (lexicon, scan->chars + end - len, len, TRUE))
        return TRUE;
    }
  return FALSE;
}

/* How much text either side of a position is cut into words to tell
 * whether a word boundary is there: enough for the longest word both sides,
 * so that where the cut starts hardly matters at the position. A cut is
 * kept for the positions at least the longest word away from its ends, and
 * reused by the hits near it. */
#define WORDS_WINDOW 8

static void
cut_around (FieldScan *scan,
            gsize      pos)
{
  gsize from = pos > WORDS_WINDOW ? pos - WORDS_WINDOW : 0;
  gsize to = MIN (scan->n_chars, pos + WORDS_WINDOW);
  gsize margin = _redline_words_max_chars ();
  gsize keep_from = from == 0 ? 0 : from + margin;
  gsize keep_to = to == scan->n_chars ? to : to - margin;
  gboolean boundary[2 * WORDS_WINDOW + 1];

  _redline_words_cut (scan->chars + from, to - from, boundary);
  for (gsize p = keep_from; p <= keep_to; p++)
    scan->cut[p] = boundary[p - from] ? CUT_BOUNDARY : CUT_INSIDE;
}

/* Whether the cut of the text into words has a boundary at @pos. */
static gboolean
boundary_at (FieldScan *scan,
             gsize      pos)
{
  /* The edges of a run of Chinese, and a gap no word of the list spans,
   * are boundaries whatever the cut. */
  if (pos == 0 || pos >= scan->n_chars ||
      !_redline_words_is_cut (scan->chars[pos - 1]) || !_redline_words_is_cut (scan->chars[pos]) ||
      !_redline_words_may_join (scan->chars[pos - 1], scan->chars[pos]))
    return TRUE;
  if (scan->cut == NULL)
    scan->cut = g_new0 (guint8, scan->n_chars + 1);
  if (scan->cut[pos] == CUT_UNKNOWN)
    cut_around (scan, pos);
  return scan->cut[pos] == CUT_BOUNDARY;
}

/* The next word boundary after @pos. */
static gsize
next_boundary (FieldScan *scan,
               gsize      pos)
{
  gsize next = pos + 1;

  while (next < scan->n_chars && !boundary_at (scan, next))
    next++;
  return next;
}

/* For a term with words="whole": whether the hit starts and ends where the
 * Chinese around it is cut into words. For join="next-word", the hit must
 * be followed by a Chinese word, whose end is returned in @joined_end (left
 * alone otherwise). */
gboolean
_redline_scan_whole_words (FieldScan   *scan,
                           RedlineTerm *term,
                           gsize        start,
                           gsize        end,
                           gsize       *joined_end)
{
  gsize next;

  if (!boundary_at (scan, start))
    return FALSE;
  if (!boundary_at (scan, end))
    {
      /* The term begins a longer word (最舒服, 最近): joined, that word
       * counts when it is itself a member (jieba tags 最舒服 an adjective
       * and 最近 a noun of place), never without with="ID". */
      if (!term->join || term->with == NULL)
        return FALSE;
      next = next_boundary (scan, end);
      if (!_redline_lexicon_contains (term->with, scan->chars + start, next - start, FALSE))
        return FALSE;
      *joined_end = next;
      return TRUE;
    }
  if (!term->join)
    return TRUE;

  if (end >= scan->n_chars || !_redline_words_is_cut (scan->chars[end]))
    return FALSE;
  next = next_boundary (scan, end);
  /* join with with="ID": the next word must be a member. */
  if (term->with != NULL && !joined_word_is_member (scan, term->with, end, next))
    return FALSE;
  *joined_end = next;
  return TRUE;
}

/* Where a clause ends: a term and the lexicon member it goes with are in
 * the same clause (不 in 纯天然无添加，喝了能治疗失眠 does not reach 治疗).
 * Quotation marks and brackets do not end one (战胜‘非典’). Text is
 * normalised: ，。；：！？ are , . ; : ! ? here, but 。 and 、 stay. */
static inline gboolean
ends_clause (gunichar ch)
{
  switch (ch)
    {
    case ',': case ';': case ':': case '!': case '?': case '.':
    case 0x3001: case 0x3002:  /* 、 。 */
      return TRUE;
    default:
      return _redline_char_class (ch) == REDLINE_CHAR_BREAK;
    }
}

/* The member of @lexicon that starts nearest after @end, at most @within
 * characters on, in the same clause: a word, or a Chinese stem of up to
 * STEM_CHARS characters and an ending (关节 + 炎). */
#define STEM_CHARS 4

static gboolean
member_after (const FieldScan      *scan,
              const RedlineLexicon *lexicon,
              gsize                 end,
              guint                 within,
              gsize                *member_start,
              gsize                *member_end)
{
  for (gsize p = end; p <= end + within && p < scan->n_chars; p++)
    {
      gsize longest = 0;

      if (ends_clause (scan->chars[p]))
        return FALSE;
      for (gsize len = MIN (lexicon->max_chars, scan->n_chars - p); len > 0; len--)
        {
          if (_redline_lexicon_contains (lexicon, scan->chars + p, len, FALSE))
            {
              longest = len;
              break;
            }
        }
      /* An ending after a stem that starts here: the longer member wins
       * (关节炎 over 关节). */
      for (gsize stem = 1; stem <= STEM_CHARS && p + stem < scan->n_chars; stem++)
        {
          if (!_redline_words_is_cut (scan->chars[p + stem - 1]))
            break;
          for (gsize len = MIN (lexicon->max_chars, scan->n_chars - p - stem); len > 0; len--)
            {
              if (stem + len > longest &&
                  _redline_lexicon_contains (lexicon, scan->chars + p + stem, len, TRUE))
                longest = stem + len;
            }
        }
      if (longest > 0)
        {
          *member_start = p;
          *member_end = p + longest;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
member_before (const FieldScan      *scan,
               const RedlineLexicon *lexicon,
               gsize                 start,
               guint                 within,
               gsize                *member_start)
{
  for (gsize q = start; q + within >= start && q > 0; q--)
    {
      if (ends_clause (scan->chars[q - 1]))
        return FALSE;
      for (gsize len = MIN (lexicon->max_chars, q); len > 0; len--)
        {
          if (_redline_lexicon_contains (lexicon, scan->chars + q - len, len, FALSE))
            {
              *member_start = q - len;
              return TRUE;
            }
          if (_redline_lexicon_contains (lexicon, scan->chars + q - len, len, TRUE))
            {
              gsize stem = 0;

              while (stem < STEM_CHARS && q - len - stem > 0 &&
                     _redline_words_is_cut (scan->chars[q - len - stem - 1]))
                stem++;
              if (stem > 0)
                {
                  *member_start = q - len - stem;
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/* For a term with except-with="ID": whether a member of the lexicon starts
 * at most EXCEPT_WITH_WITHIN characters after the term, in its clause
 * (最大 before 使用寿命 or 的兼容性: a measured maximum, not a claim). */
#define EXCEPT_WITH_WITHIN 2

gboolean
_redline_scan_member_follows (const FieldScan *scan,
                              RedlineTerm     *term,
                              gsize            end)
{
  gsize member_start, member_end;

  return member_after (scan, term->except_with, end, EXCEPT_WITH_WITHIN,
                       &member_start, &member_end);
}

/* For a term with with="ID": whether a member of the lexicon is near the
 * hit, on the term's side(s), in the same clause; @span_start and
 * @span_end then cover the term and the member. */
gboolean
_redline_scan_near_member (const FieldScan *scan,
                           RedlineTerm     *term,
                           gsize            start,
                           gsize            end,
                           gsize           *span_start,
                           gsize           *span_end)
{
  gsize member_start, member_end;

  *span_start = start;
  *span_end = end;
  if ((term->sides & REDLINE_SIDE_AFTER) != 0 &&
      member_after (scan, term->with, end, term->within, &member_start, &member_end))
    {
      *span_end = MAX (end, member_end);
      return TRUE;
    }
  if ((term->sides & REDLINE_SIDE_BEFORE) != 0 &&
      member_before (scan, term->with, start, term->within, &member_start))
    {
      *span_start = MIN (start, member_start);
      return TRUE;
    }
  return FALSE;
}

/* How far either side of a hit its paragraph is searched for the context
 * its rule asks for. */
#define CONTEXT_WINDOW 400

/* How far a sentence is searched for a mention, either side of a hit. */
#define MENTION_WINDOW 200

/* A paragraph with at most this many letters, digits or Chinese characters
 * besides the hit is the claim itself (a slogan, a headline, a quoted
 * claim): it needs no other context. */
#define CONTEXT_OWN_CHARS 2

/* Whether a Latin word goes on across @pos ("price" in "prices"). */
static inline gboolean
latin_runs_on (const FieldScan *scan,
               gsize            pos)
{
  return pos > 0 && pos < scan->n_chars &&
         _redline_char_class (scan->chars[pos - 1]) == REDLINE_CHAR_WORD &&
         _redline_char_class (scan->chars[pos]) == REDLINE_CHAR_WORD;
}

/* Whether a member of @lexicon ends a word in [@from, @to): a word of its
 * own, or the head of a longer one, as Chinese compounds have their head
 * last (公司 in 上市公司, 手术 in 整形手术; not 服务 in 服务器). A Latin
 * member is a word of its own. */
static gboolean
any_member_word (FieldScan            *scan,
                 const RedlineLexicon *lexicon,
                 gsize                 from,
                 gsize                 to)
{
  for (gsize p = from; p < to; p++)
    {
      if (!_redline_lexicon_may_start (lexicon, scan->chars[p]))
        continue;
      for (gsize len = MIN (lexicon->max_chars, to - p); len > 0; len--)
        {
          if (_redline_lexicon_contains (lexicon, scan->chars + p, len, FALSE) &&
              !latin_runs_on (scan, p) && !latin_runs_on (scan, p + len) &&
              boundary_at (scan, p + len))
            return TRUE;
        }
    }
  return FALSE;
}

/* any_member_word() for [@from, @to), unless @search holds the answer: the
 * hits of a paragraph or a sentence come one after the other. */
static gboolean
search_once (FieldScan            *scan,
             LexiconSearch        *search,
             const RedlineLexicon *lexicon,
             gsize                 from,
             gsize                 to)
{
  if (search->lexicon != lexicon || search->from != from || search->to != to)
    {
      search->lexicon = lexicon;
      search->from = from;
      search->to = to;
      search->found = any_member_word (scan, lexicon, from, to);
    }
  return search->found;
}

/* Whether the '.' at @p ends a sentence: a space, a Chinese character or
 * the end follows it, so it is not a decimal point (3.5), nor the dot of a
 * domain (example.com) or of an abbreviation (No.1). */
static gboolean
dot_ends_sentence (const FieldScan *scan,
                   gsize            p)
{
  return p + 1 >= scan->n_chars || g_unichar_isspace (scan->chars[p + 1]) ||
         _redline_char_class (scan->chars[p + 1]) == REDLINE_CHAR_CJK;
}

/* Whether the sentence that goes on from @pos ends with a full stop or a
 * semicolon before @to, as a sentence of prose does; a headline, a slogan
 * or a caption ends without one, or with an exclamation or a question. */
static gboolean
ends_with_full_stop (const FieldScan *scan,
                     gsize            pos,
                     gsize            to)
{
  for (gsize p = pos; p < to; p++)
    {
      switch (scan->chars[p])
        {
        case 0x3002: case ';':  /* 。 ；(normalised) */
          return TRUE;
        case '.':
          if (dot_ends_sentence (scan, p))
            return TRUE;
          break;
        case '!': case '?':
          return FALSE;
        default:
          break;
        }
    }
  return FALSE;
}

/* For a hit of a rule with context="ID", in copy of unknown purpose:
 * whether it is a claim. It is, unless it reads as ordinary prose: in a
 * sentence that ends with a full stop, in a paragraph (up to CONTEXT_WINDOW
 * characters either side, within line breaks) that holds no member of
 * @lexicon ending a word and more than the hit itself. A term of @everyday
 * sense is a claim only where its paragraph holds a member, whatever the
 * paragraph's shape: 最大比特率 and 唯一前缀 are the whole of a label. */
gboolean
_redline_scan_in_context (FieldScan            *scan,
                          const RedlineLexicon *lexicon,
                          gboolean              everyday,
                          gsize                 start,
                          gsize                 end)
{
  gsize from = start;
  gsize to = end;
  gsize own = 0;

  while (from > 0 && start - from < CONTEXT_WINDOW &&
         _redline_char_class (scan->chars[from - 1]) != REDLINE_CHAR_BREAK)
    from--;
  while (to < scan->n_chars && to - end < CONTEXT_WINDOW &&
         _redline_char_class (scan->chars[to]) != REDLINE_CHAR_BREAK)
    to++;

  if (everyday)
    return search_once (scan, &scan->context, lexicon, from, to);

  for (gsize p = from; p < to && own <= CONTEXT_OWN_CHARS; p++)
    {
      RedlineCharClass class = _redline_char_class (scan->chars[p]);

      if ((p < start || p >= end) && (class == REDLINE_CHAR_WORD || class == REDLINE_CHAR_CJK))
        own++;
    }
  if (own <= CONTEXT_OWN_CHARS || !ends_with_full_stop (scan, end, to))
    return TRUE;

  return search_once (scan, &scan->context, lexicon, from, to);
}

/* Ends a sentence: 。 and ! ? (！ and ？ normalised) always, a line break,
 * and a '.' that dot_ends_sentence() accepts. */
static gboolean
ends_sentence (const FieldScan *scan,
               gsize            p)
{
  switch (scan->chars[p])
    {
    case 0x3002: case '!': case '?':
      return TRUE;
    case '.':
      return dot_ends_sentence (scan, p);
    default:
      return _redline_char_class (scan->chars[p]) == REDLINE_CHAR_BREAK;
    }
}

/* For a hit of a rule with mention="ID", in copy of unknown purpose:
 * whether its sentence (up to MENTION_WINDOW characters either side)
 * holds a member of @lexicon ending a word: words that report, deny or
 * forbid a claim (据报道, 严禁, 所谓) rather than make it. */
gboolean
_redline_scan_in_mention (FieldScan            *scan,
                          const RedlineLexicon *lexicon,
                          gsize                 start,
                          gsize                 end)
{
  gsize from = start;
  gsize to = end;

  while (from > 0 && start - from < MENTION_WINDOW && !ends_sentence (scan, from - 1))
    from--;
  while (to < scan->n_chars && to - end < MENTION_WINDOW && !ends_sentence (scan, to))
    to++;

  return search_once (scan, &scan->mention, lexicon, from, to);
}
