/* redline-rule-set-pieces.c: a long field, scanned in pieces on every core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field longer than a piece is cut at line breaks (else spaces) and its
 * pieces are scanned by a few threads, each piece with enough context either
 * side to see what spans its edges; the checker hands the pieces' hits on in
 * order (redline-rule-set.c).
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include <string.h>

#include "redline-finding-private.h"
#include "redline-fold-private.h"
#include "redline-matcher.h"
#include "redline-rule-private.h"
#include "redline-rule-set-pieces-private.h"
#include "redline-scan-private.h"
#include "redline-text.h"

/* Where the piece of a large field that starts at @start should end. */
const char *
_redline_rule_set_piece_end (RedlineRuleSet *self,
           const char     *start,
           const char     *end)
{
  gsize size = self->piece_bytes;
  const char *cut, *p;

  if ((gsize) (end - start) <= size + size / 2)
    return end;

  cut = start + size;
  /* After a line break, else after a space, else at any character
   * boundary: the context either side of the piece sees what spans it. */
  p = memchr (cut, '\n', MIN ((gsize) (end - cut), size / 2));
  if (p != NULL)
    return p + 1;
  p = memchr (cut, ' ', MIN ((gsize) (end - cut), size / 2));
  if (p != NULL)
    return p + 1;
  while (cut < end && ((guchar) *cut & 0xC0) == 0x80)
    cut++;
  return cut;
}

void
_redline_count_text (const char *p,
            const char *end,
            gsize      *n_chars,
            gsize      *n_breaks)
{
  gsize chars = 0;
  gsize breaks = 0;

  for (; p < end; p++)
    {
      chars += ((guchar) *p & 0xC0) != 0x80;
      breaks += *p == '\n';
    }
  *n_chars = chars;
  *n_breaks = breaks;
}

void
_redline_scan_piece (PieceQueue  *queue,
            Piece       *piece,
            RedlineText *normalized)
{
  RedlineRuleSet *self = queue->self;
  FieldScan scan = { 0 };
  const char *scan_start = piece->start - MIN (self->context_bytes,
                                               (gsize) (piece->start - queue->text));
  const char *scan_stop = piece->stop + MIN (self->context_bytes,
                                             (gsize) (queue->text_end - piece->stop));
  gsize lead_chars, lead_breaks, trail_chars, trail_breaks;
  guint kept = 0;
  const char *p;

  /* The context starts and ends on character boundaries. */
  while (scan_start > queue->text && ((guchar) *scan_start & 0xC0) == 0x80)
    scan_start--;
  while (scan_stop < queue->text_end && ((guchar) *scan_stop & 0xC0) == 0x80)
    scan_stop++;
  _redline_count_text (scan_start, piece->start, &lead_chars, &lead_breaks);
  _redline_count_text (piece->stop, scan_stop, &trail_chars, &trail_breaks);

  piece->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  piece->present = g_new0 (gboolean, MAX (self->n_required, 1));

  scan.self = self;
  scan.ecosystem = queue->ecosystem;
  scan.kind = queue->kind;
  scan.purpose_unknown = queue->purpose_unknown;
  scan.field = queue->field;
  scan.original = scan_start;
  scan.original_len = scan_stop - scan_start;
  scan.present = piece->present;
  scan.hits = piece->hits;
  redline_text_reset (normalized, scan_start, scan_stop - scan_start);
  scan.text = normalized;
  scan.chars = redline_text_get_chars (scan.text, &scan.n_chars);
  scan.excepted = g_array_new (FALSE, FALSE, sizeof (Hit));

  redline_matcher_scan (self->matcher, scan.chars, scan.n_chars, _redline_scan_on_match_cb, &scan);
  _redline_scan_pending_words (&scan);
  _redline_scan_drop_excepted_hits (&scan, 0);
  if (self->has_patterns)
    _redline_scan_patterns (&scan);
  for (RedlineRuleType type = 0; type < REDLINE_N_RULE_TYPES; type++)
    {
      const RedlineRuleTypeCheck *check = _redline_rule_type_get_check (type);

      if (check->scan_piece != NULL && self->rules_of_type[type]->len > 0)
        check->scan_piece (&scan, self->rules_of_type[type]);
    }

  piece->length = redline_text_get_original_length (scan.text) - lead_chars - trail_chars;
  piece->n_breaks = redline_text_get_n_line_breaks (scan.text) - lead_breaks - trail_breaks;

  for (guint i = 0; i < piece->hits->len; i++)
    {
      Hit *hit = &g_array_index (piece->hits, Hit, i);
      gsize start, end, byte_start, byte_end;
      guint line, column;

      redline_text_get_original_span (scan.text, hit->start, hit->end, &start, &end);
      if (hit->failure != NULL)
        {
          /* What a piece could not evaluate is reported on its own part. */
          start = MAX (start, lead_chars);
          end = MIN (end, lead_chars + piece->length);
          if (start >= end)
            start = end;  /* dropped below */
        }
      /* A hit that starts in the context belongs to the piece beside. */
      if (start < lead_chars || start >= lead_chars + piece->length ||
          (hit->failure != NULL && start == end))
        {
          _redline_hit_clear (hit);
          continue;
        }
      redline_text_locate (scan.text, scan_start, end, &byte_end, &line, &column);
      redline_text_locate (scan.text, scan_start, start, &byte_start, &line, &column);
      hit->text = g_strndup (scan_start + byte_start, byte_end - byte_start);
      hit->line = line - lead_breaks;
      hit->column = hit->line == 1 ? start - lead_chars + 1 : column;
      hit->start = start - lead_chars;
      hit->end = end - lead_chars;
      if (kept != i)
        g_array_index (piece->hits, Hit, kept) = *hit;
      kept++;
    }
  _redline_hits_truncate (piece->hits, kept);
  g_array_sort (piece->hits, _redline_compare_hits_for_dedup);

  for (p = piece->stop; p > piece->start && p[-1] != '\n'; p--)
    ;
  if (p > piece->start)
    {
      gsize breaks;

      _redline_count_text (p, piece->stop, &piece->tail, &breaks);
    }
  else
    piece->tail = G_MAXSIZE;

  _redline_field_scan_clear (&scan);
}

/* Takes the next piece to scan, if scanning may run that far ahead; called
 * with the queue's mutex held. */
gboolean
_redline_take_piece (PieceQueue *queue,
            guint      *index)
{
  if (queue->stop || queue->next >= queue->n_pieces ||
      queue->next >= queue->delivered + queue->window)
    return FALSE;
  *index = queue->next++;
  return TRUE;
}

/* Scans a piece; called with the mutex held, which it lets go meanwhile. */
void
_redline_scan_taken_piece (PieceQueue  *queue,
                  guint        index,
                  RedlineText *normalized)
{
  g_mutex_unlock (&queue->mutex);
  _redline_scan_piece (queue, &queue->pieces[index], normalized);
  g_mutex_lock (&queue->mutex);
  queue->pieces[index].done = TRUE;
  g_cond_broadcast (&queue->cond);
}

gpointer
_redline_scan_pieces_thread (gpointer data)
{
  PieceQueue *queue = data;
  g_autoptr(RedlineText) normalized = redline_text_new ("", 0);

  g_mutex_lock (&queue->mutex);
  while (!queue->stop && queue->next < queue->n_pieces)
    {
      guint index;

      if (_redline_take_piece (queue, &index))
        _redline_scan_taken_piece (queue, index, normalized);
      else
        g_cond_wait (&queue->cond, &queue->mutex);
    }
  g_mutex_unlock (&queue->mutex);
  return NULL;
}
