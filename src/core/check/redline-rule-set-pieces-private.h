/* redline-rule-set-pieces-private.h: a long field, scanned in pieces on every core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-rule-set-private.h"
#include "redline-text.h"

G_BEGIN_DECLS

/* One piece of a field. Its hits are those that start in it, sorted for
 * de-duplication, with offsets and lines relative to its start; a hit on its
 * first line has its column relative to its start too. */
typedef struct
{
  const char *start;
  const char *stop;
  GArray     *hits;       /* of Hit */
  gboolean   *present;    /* per required phrase */
  gsize       length;     /* code points in the piece */
  gsize       n_breaks;   /* line feeds in the piece */
  gsize       tail;       /* code points after its last line feed; G_MAXSIZE if none */
  gboolean    done;
} Piece;

typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  RedlineContentKind  kind;
  RedlineField        field;
  gboolean            purpose_unknown; /* as in the RedlineDocument */
  const char         *text;       /* the whole field */
  const char         *text_end;
  Piece              *pieces;
  guint               n_pieces;
  guint               next;       /* the next piece to scan */
  guint               delivered;  /* pieces handed on, in order */
  guint               window;     /* how far scanning may run ahead of them */
  gboolean            stop;
  GMutex              mutex;
  GCond               cond;
} PieceQueue;


const char *_redline_rule_set_piece_end       (RedlineRuleSet *self,
                                              const char     *start,
                                              const char     *end);
void        _redline_count_text              (const char     *p,
                                              const char     *end,
                                              gsize          *n_chars,
                                              gsize          *n_breaks);
void        _redline_scan_piece              (PieceQueue     *queue,
                                              Piece          *piece,
                                              RedlineText    *normalized);
gboolean    _redline_take_piece              (PieceQueue     *queue,
                                              guint          *index);
void        _redline_scan_taken_piece        (PieceQueue     *queue,
                                              guint           index,
                                              RedlineText    *normalized);
gpointer    _redline_scan_pieces_thread      (gpointer        data);
int         _redline_compare_hits_for_dedup  (gconstpointer   a,
                                              gconstpointer   b);

G_END_DECLS
