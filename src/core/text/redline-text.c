/* redline-text.c: text normalised for matching, with a map back to the original
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-cpus-private.h"
#include "redline-fold-private.h"
#include "redline-text.h"
#include "redline-text-private.h"

/* Separators between two letters are dropped when one of the letters is
 * Chinese and the run is at most this many characters: 最 佳, 最.佳, 最😊佳. */
#define MAX_SKIPPED_SEPARATORS 3

/* Where every MARK_INTERVAL-th original code point is, so findings are
 * located without walking the text from its start. */
#define MARK_INTERVAL 64

typedef struct
{
  gsize   byte;
  guint32 line;     /* line breaks before it */
  guint32 column;   /* 1-based */
} Mark;

struct _RedlineText
{
  gunichar *chars;      /* the normalised text */
  guint32  *map;        /* chars[i] stands for original code point map[i] */
  gsize     len;
  gsize     capacity;
  gsize     orig_len;   /* the original's length in code points */
  gsize     n_breaks;   /* line breaks in the original */
  Mark     *marks;
};

G_DEFINE_QUARK (redline-text-error-quark, redline_text_error)

static void
locate_byte (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  const char *p = data;
  const char *end = data + offset;

  *line = 1;
  *column = 1;
  while (p < end)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
          p++;
        }
      else
        {
          /* The prefix is valid UTF-8, so this steps whole characters. */
          p = g_utf8_next_char (p);
          (*column)++;
        }
    }
}

/* Texts this long are validated in slices on every processor. */
#define PARALLEL_VALIDATION_BYTES ((gsize) 8 << 20)

typedef struct
{
  const char *start;
  gsize       length;
  const char *bad;    /* the first bad byte of the slice, or NULL */
} Slice;

static gpointer
validate_slice (gpointer data)
{
  Slice *slice = data;

  if (!g_utf8_validate_len (slice->start, slice->length, &slice->bad))
    return NULL;
  slice->bad = NULL;
  return NULL;
}

/* The first byte of @data that makes it invalid UTF-8 or is a NUL, or NULL
 * if there is none, found in @n_slices slices (at most 8) on as many
 * threads. Each slice starts on a byte that does not continue a character,
 * so the first bad byte of the first slice that has one is the first of the
 * whole: the slices before it are whole characters, and a run of more
 * continuation bytes than a character has is bad where a slice starts. */
const char *
_redline_text_find_bad_byte (const char *data,
                             gsize       length,
                             guint       n_slices)
{
  Slice slices[8];
  GThread *threads[G_N_ELEMENTS (slices)];
  const char *end = data + length;
  const char *start = data;

  n_slices = CLAMP (n_slices, 1, G_N_ELEMENTS (slices));
  if (n_slices == 1 || length < n_slices)
    {
      Slice whole = { data, length, NULL };

      validate_slice (&whole);
      return whole.bad;
    }

  for (guint i = 0; i < n_slices; i++)
    {
      const char *stop = i + 1 == n_slices ? end : data + length / n_slices * (i + 1);

      for (guint k = 0; k < 3 && stop < end && ((guchar) *stop & 0xC0) == 0x80; k++)
        stop++;
      slices[i].start = start;
      slices[i].length = stop - start;
      slices[i].bad = NULL;
      start = stop;
    }
  for (guint i = 1; i < n_slices; i++)
    threads[i] = g_thread_new ("redline-validate", validate_slice, &slices[i]);
  validate_slice (&slices[0]);
  for (guint i = 1; i < n_slices; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < n_slices; i++)
    {
      if (slices[i].bad != NULL)
        return slices[i].bad;
    }
  return NULL;
}

/**
 * redline_text_validate:
 * @data: the bytes to check
 * @length: their length
 * @display_name: the name of the input, for the message
 * @error: return location for a #GError
 *
 * Checks that @data is UTF-8 text: valid and free of NUL bytes. The error
 * names the input, line and column of the first bad byte.
 *
 * Returns: %TRUE if @data is text Redline can check
 */
gboolean
redline_text_validate (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  const char *bad = NULL;
  guint line, column;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  bad = _redline_text_find_bad_byte (data, length, length < PARALLEL_VALIDATION_BYTES
                                                   ? 1 : _redline_scan_cpus ());
  if (bad == NULL)
    return TRUE;

  locate_byte (data, bad - data, &line, &column);
  if (*bad == '\0')
    g_set_error (error, REDLINE_TEXT_ERROR, REDLINE_TEXT_ERROR_NUL,
                 /* Translators: FILE:LINE:COLUMN: message */
                 _("%s:%u:%u: the input holds a NUL byte; it is not a text file"),
                 display_name, line, column);
  else
    g_set_error (error, REDLINE_TEXT_ERROR, REDLINE_TEXT_ERROR_INVALID_UTF8,
                 _("%s:%u:%u: the input is not valid UTF-8 (byte 0x%02X); "
                   "save it as UTF-8 and try again"),
                 display_name, line, column, (guint) (guchar) *bad);
  return FALSE;
}

static void
grow (RedlineText *self,
      gsize        needed)
{
  gsize capacity = self->capacity;

  while (capacity < needed)
    capacity = capacity + capacity / 2 + 16;
  self->chars = g_renew (gunichar, self->chars, capacity);
  self->map = g_renew (guint32, self->map, capacity);
  self->capacity = capacity;
}

static inline void
emit (RedlineText *self,
      gunichar     c,
      guint32      orig)
{
  if (G_UNLIKELY (self->len == self->capacity))
    grow (self, self->len + 1);
  self->chars[self->len] = c;
  self->map[self->len] = orig;
  self->len++;
}

static inline gboolean
is_letter (RedlineCharClass klass)
{
  return klass == REDLINE_CHAR_WORD || klass == REDLINE_CHAR_CJK;
}

/* Decodes one character of valid UTF-8. */
static inline gunichar
decode (const guchar **pp)
{
  const guchar *p = *pp;
  gunichar c = p[0];

  if (c < 0x80)
    {
      *pp = p + 1;
      return c;
    }
  if (c < 0xE0)
    {
      *pp = p + 2;
      return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      *pp = p + 3;
      return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
  *pp = p + 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static void
normalize_into (RedlineText *self,
                const char  *utf8,
                gsize        n_bytes)
{
  const guchar *p = (const guchar *) utf8;
  const guchar *end = p + n_bytes;
  guint32 orig = 0;
  /* State of the current run of separators since the last letter. */
  gsize after_letter = 0;        /* output length just after the last letter */
  RedlineCharClass letter_class = REDLINE_CHAR_OTHER;  /* OTHER: no letter yet */
  guint run = 0;                 /* separators seen since that letter */
  gboolean run_blocked = FALSE;  /* the run holds a break or prose punctuation */
  guint32 line = 0;
  guint32 line_start = 0;        /* the original index after the last line break */

  if (self->capacity < n_bytes + 1)
    grow (self, n_bytes + 1);
  /* Every code point takes at least a byte. */
  self->marks = g_renew (Mark, self->marks, n_bytes / MARK_INTERVAL + 1);
  self->len = 0;

  for (; p < end; orig++)
    {
      gunichar c;
      guint32 entry;
      guint n;
      RedlineCharClass klass;

      if (G_UNLIKELY (orig % MARK_INTERVAL == 0))
        {
          Mark *mark = &self->marks[orig / MARK_INTERVAL];

          mark->byte = p - (const guchar *) utf8;
          mark->line = line;
          mark->column = orig - line_start + 1;
        }

      c = decode (&p);
      if (G_UNLIKELY (c == '\n'))
        {
          line++;
          line_start = orig + 1;
        }
      entry = _redline_fold_entry (c);
      n = _redline_fold_entry_length (entry);
      klass = _redline_fold_entry_class (entry);

      if (n == 0)
        continue;  /* zero-width and combining characters */

      switch (klass)
        {
        case REDLINE_CHAR_WORD:
        case REDLINE_CHAR_CJK:
          if (run > 0 && !run_blocked && run <= MAX_SKIPPED_SEPARATORS &&
              is_letter (letter_class) &&
              (letter_class == REDLINE_CHAR_CJK || klass == REDLINE_CHAR_CJK))
            self->len = after_letter;
          if (G_LIKELY (n == 1))
            {
              emit (self, _redline_fold_entry_char (entry, c), orig);
            }
          else
            {
              const gunichar *chars = _redline_fold_entry_chars (entry);

              for (guint i = 0; i < n; i++)
                emit (self, chars[i], orig);
            }
          after_letter = self->len;
          letter_class = klass;
          run = 0;
          run_blocked = FALSE;
          continue;

        case REDLINE_CHAR_SPACE:
          run++;
          if (self->len > 0 && self->chars[self->len - 1] == ' ')
            continue;
          emit (self, ' ', orig);
          continue;

        case REDLINE_CHAR_SKIP:
          run++;
          break;

        case REDLINE_CHAR_BREAK:
        case REDLINE_CHAR_HARD:
        case REDLINE_CHAR_OTHER:
        default:
          run_blocked = TRUE;
          break;
        }

      if (n == 1)
        {
          emit (self, _redline_fold_entry_char (entry, c), orig);
        }
      else
        {
          const gunichar *chars = _redline_fold_entry_chars (entry);

          for (guint i = 0; i < n; i++)
            emit (self, chars[i], orig);
        }
    }

  /* A mark at the end too when it falls on the interval, so every offset
   * up to the length, the end included, has its mark. */
  if (orig % MARK_INTERVAL == 0)
    {
      Mark *mark = &self->marks[orig / MARK_INTERVAL];

      mark->byte = p - (const guchar *) utf8;
      mark->line = line;
      mark->column = orig - line_start + 1;
    }

  self->orig_len = orig;
  self->n_breaks = line;
}

/**
 * redline_text_new:
 * @utf8: valid UTF-8 text (see redline_text_validate())
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Normalises @utf8 for matching: NFKC, case folding, Traditional to Simplified,
 * Chinese numerals to digits, invisible characters removed and separators
 * between Chinese characters skipped. Every normalised character keeps the
 * index of the original code point it came from.
 *
 * Returns: (transfer full): the normalised text
 */
RedlineText *
redline_text_new (const char *utf8,
                  gssize      length)
{
  RedlineText *self;

  g_return_val_if_fail (utf8 != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (utf8);

  self = g_new0 (RedlineText, 1);
  normalize_into (self, utf8, length);
  return self;
}

/**
 * redline_text_reset:
 * @self: a #RedlineText
 * @utf8: valid UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Normalises another text into @self, reusing its memory: for checking a
 * long text piece by piece.
 */
void
redline_text_reset (RedlineText *self,
                    const char  *utf8,
                    gssize       length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (utf8 != NULL || length == 0);

  if (length < 0)
    length = strlen (utf8);
  normalize_into (self, utf8, length);
}

void
redline_text_free (RedlineText *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self->map);
  g_free (self->marks);
  g_free (self);
}

/**
 * redline_text_get_original_length:
 * @self: a #RedlineText
 *
 * Returns: the length of the original text in code points
 */
gsize
redline_text_get_original_length (RedlineText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->orig_len;
}

/**
 * redline_text_get_n_line_breaks:
 * @self: a #RedlineText
 *
 * Returns: the number of line feeds in the original text
 */
gsize
redline_text_get_n_line_breaks (RedlineText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_breaks;
}

/**
 * redline_text_get_chars:
 * @self: a #RedlineText
 * @n_chars: (out): the number of normalised characters
 *
 * Returns: (transfer none): the normalised characters (not nul-terminated)
 */
const gunichar *
redline_text_get_chars (RedlineText *self,
                        gsize       *n_chars)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_chars != NULL, NULL);
  *n_chars = self->len;
  return self->chars;
}

/**
 * redline_text_get_original_offset:
 * @self: a #RedlineText
 * @index: an index into the normalised characters, at most their number
 *
 * Returns: the code-point offset in the original text where the normalised
 *   character @index starts (the original length for the end)
 */
gsize
redline_text_get_original_offset (RedlineText *self,
                                  gsize        index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index <= self->len, 0);

  if (index == self->len)
    return self->orig_len;
  return self->map[index];
}

/**
 * redline_text_get_original_span:
 * @self: a #RedlineText
 * @start: start of a span of normalised characters
 * @end: its end (exclusive), greater than @start
 * @orig_start: (out): where the span starts in the original, in code points
 * @orig_end: (out): where it ends (exclusive)
 *
 * Maps a span of the normalised text back to the original: it starts with the
 * first original character behind @start and ends after the one behind the
 * last normalised character, so separators skipped inside stay inside.
 */
void
redline_text_get_original_span (RedlineText *self,
                                gsize        start,
                                gsize        end,
                                gsize       *orig_start,
                                gsize       *orig_end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start < end && end <= self->len);

  *orig_start = self->map[start];
  *orig_end = self->map[end - 1] + 1;
}

/**
 * redline_text_locate:
 * @self: a #RedlineText
 * @original: the text @self was made from
 * @offset: a code-point offset into @original, at most its length
 * @byte: (out): the byte offset of that code point
 * @line: (out): its line, from 1
 * @column: (out): its column in code points, from 1
 *
 * Finds a code point of the original text in a few steps, from marks the
 * normaliser left every 64 code points.
 */
void
redline_text_locate (RedlineText *self,
                     const char  *original,
                     gsize        offset,
                     gsize       *byte,
                     guint       *line,
                     guint       *column)
{
  const Mark *mark;
  const guchar *p;
  guint l, col;

  g_return_if_fail (self != NULL);
  g_return_if_fail (offset <= self->orig_len);

  /* The mark at or before @offset: there is one at every multiple of the
   * interval up to the length, the end included. */
  mark = &self->marks[offset / MARK_INTERVAL];
  p = (const guchar *) original + mark->byte;
  l = mark->line + 1;
  col = mark->column;
  for (gsize i = offset - offset % MARK_INTERVAL; i < offset; i++)
    {
      guchar c = *p;

      if (c == '\n')
        {
          l++;
          col = 0;
        }
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      col++;
    }
  *byte = p - (const guchar *) original;
  *line = l;
  *column = col;
}

/**
 * redline_text_dup_normalized_utf8:
 * @self: a #RedlineText
 *
 * Returns: (transfer full): the normalised text as UTF-8
 */
char *
redline_text_dup_normalized_utf8 (RedlineText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_ucs4_to_utf8 (self->chars, self->len, NULL, NULL, NULL);
}

/**
 * redline_normalize:
 * @utf8: valid UTF-8
 * @n_chars: (out): the number of characters returned
 *
 * Normalises a term or phrase exactly as redline_text_new() does the text it
 * will be matched against.
 *
 * Returns: (transfer full): the normalised characters, nul-terminated
 */
gunichar *
redline_normalize (const char *utf8,
                   gsize      *n_chars)
{
  g_autoptr(RedlineText) text = NULL;
  gunichar *chars;
  gsize start = 0;
  gsize end;

  g_return_val_if_fail (utf8 != NULL, NULL);
  g_return_val_if_fail (n_chars != NULL, NULL);

  text = redline_text_new (utf8, -1);
  end = text->len;
  /* A phrase never starts or ends with the space it was trimmed of. */
  while (start < end && text->chars[start] == ' ')
    start++;
  while (end > start && text->chars[end - 1] == ' ')
    end--;

  chars = g_new (gunichar, end - start + 1);
  memcpy (chars, text->chars + start, (end - start) * sizeof (gunichar));
  chars[end - start] = 0;
  *n_chars = end - start;
  return chars;
}

/**
 * redline_normalize_to_utf8:
 * @utf8: valid UTF-8
 *
 * Returns: (transfer full): @utf8 normalised as by redline_normalize(), as UTF-8
 */
char *
redline_normalize_to_utf8 (const char *utf8)
{
  g_autofree gunichar *chars = NULL;
  gsize n;

  g_return_val_if_fail (utf8 != NULL, NULL);

  chars = redline_normalize (utf8, &n);
  return g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
}
