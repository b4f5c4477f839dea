/* redline-matcher.c: multi-pattern matcher over normalised text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A trie of all patterns over code points, scanned with a two-character
 * filter. The alphabet is only the characters that occur in some pattern,
 * numbered densely. At each position of the text, the first character must
 * start some pattern (one read of the root's dense row) and the first two
 * must be the start of some pattern (one bit of a hashed bigram table);
 * only then is the trie walked from there. Positions do not depend on each
 * other, unlike an Aho–Corasick automaton whose every step waits for the
 * previous state, so the processor overlaps them; a walk is bounded by the
 * longest pattern, and patterns are short terms.
 *
 * The root's transitions are a dense array, as are those of states with many
 * transitions; the rest keep theirs sorted and are searched linearly.
 */

#define G_LOG_DOMAIN "redline-matcher"

#include "config.h"

#include <string.h>

#include "redline-matcher.h"

#define MAX_CODE_POINT 0x110000
#define N_PAGES (MAX_CODE_POINT >> 8)

typedef guint16 Page[256];

typedef struct
{
  guint32 symbol;
  guint32 target;
} Edge;

#define ROOT_OUTPUT 0x80000000u

/* States with at least this many transitions get a dense row indexed by
 * symbol; the rest are searched linearly. */
#define DENSE_ROW_MIN_EDGES 8

typedef struct
{
  guint32 first_edge;   /* into edges */
  guint32 n_edges;
  guint32 dense_row;    /* into dense, or G_MAXUINT32 */
  guint32 first_output; /* into outputs, or G_MAXUINT32 */
} State;

typedef struct
{
  guint32 payload;
  guint32 length;
  guint32 next;         /* next output of the same state, or G_MAXUINT32 */
} Output;

struct _RedlineMatcher
{
  /* Symbols: code point → dense number (0: in no pattern). */
  guint16   *pages;          /* N_PAGES page numbers; page 0 is all zeros */
  Page      *page_data;
  guint      n_page_data;
  guint      page_data_size; /* pages allocated, doubled as needed */
  guint32    n_symbols;      /* including 0 */

  /* While building: a trie with unsorted edge lists. */
  GArray    *build_edges;    /* of GArray* of Edge, per state */
  GArray    *build_outputs;  /* of guint32 first output per state */

  State     *states;
  guint      n_states;
  Edge      *edges;
  guint32   *dense;          /* rows of n_symbols targets for states with many edges */
  guint32   *root;           /* n_symbols targets from the root */
  guint64   *bigrams;        /* hashed set of the first two symbols of patterns */
  guint      bigram_shift;   /* 64 - log2 of the table's size in bits */
  GArray    *outputs;        /* of Output */
  guint      n_patterns;
  gboolean   compiled;
};

static guint32
lookup_symbol (const RedlineMatcher *self,
               gunichar              c)
{
  if (G_UNLIKELY (c >= MAX_CODE_POINT))
    return 0;
  return self->page_data[self->pages[c >> 8]][c & 0xff];
}

static guint32
ensure_symbol (RedlineMatcher *self,
               gunichar        c)
{
  guint page;

  g_assert (c < MAX_CODE_POINT);

  page = self->pages[c >> 8];
  if (page == 0)
    {
      /* Doubled, not grown a page at a time: a matcher of the built-in
       * packs touches up to 80 pages, and copying all of them at every
       * new one was quadratic (4.7 MB copied at every start). */
      if (self->n_page_data == self->page_data_size)
        {
          self->page_data_size *= 2;
          self->page_data = g_renew (Page, self->page_data, self->page_data_size);
        }
      page = self->n_page_data++;
      memset (self->page_data[page], 0, sizeof self->page_data[page]);
      self->pages[c >> 8] = page;
    }
  if (self->page_data[page][c & 0xff] == 0)
    {
      /* 16 bits are plenty: the built-in packs use about two thousand. */
      g_assert (self->n_symbols < G_MAXUINT16);
      self->page_data[page][c & 0xff] = self->n_symbols++;
    }
  return self->page_data[page][c & 0xff];
}

static guint32
add_build_state (RedlineMatcher *self)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  guint32 none = G_MAXUINT32;

  g_array_append_val (self->build_edges, edges);
  g_array_append_val (self->build_outputs, none);
  return self->build_edges->len - 1;
}

static void
free_edge_array (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

/**
 * redline_matcher_new:
 *
 * Returns: (transfer full): an empty matcher; add patterns, then compile it
 */
RedlineMatcher *
redline_matcher_new (void)
{
  RedlineMatcher *self = g_new0 (RedlineMatcher, 1);

  self->pages = g_new0 (guint16, N_PAGES);
  self->page_data_size = 8;
  self->page_data = g_new (Page, self->page_data_size);
  memset (self->page_data[0], 0, sizeof self->page_data[0]);
  self->n_page_data = 1;
  self->n_symbols = 1;
  self->build_edges = g_array_new (FALSE, FALSE, sizeof (GArray *));
  g_array_set_clear_func (self->build_edges, free_edge_array);
  self->build_outputs = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->outputs = g_array_new (FALSE, FALSE, sizeof (Output));
  add_build_state (self);
  return self;
}

void
redline_matcher_free (RedlineMatcher *self)
{
  if (self == NULL)
    return;
  g_free (self->pages);
  g_free (self->page_data);
  g_clear_pointer (&self->build_edges, g_array_unref);
  g_clear_pointer (&self->build_outputs, g_array_unref);
  g_free (self->states);
  g_free (self->edges);
  g_free (self->dense);
  g_free (self->root);
  g_free (self->bigrams);
  g_array_unref (self->outputs);
  g_free (self);
}

static guint32
find_build_edge (RedlineMatcher *self,
                 guint32         state,
                 guint32         symbol)
{
  GArray *edges = g_array_index (self->build_edges, GArray *, state);

  for (guint i = 0; i < edges->len; i++)
    {
      Edge *edge = &g_array_index (edges, Edge, i);

      if (edge->symbol == symbol)
        return edge->target;
    }
  return 0;
}

/**
 * redline_matcher_add:
 * @self: a #RedlineMatcher not yet compiled
 * @chars: the pattern, normalised (see redline_normalize())
 * @n_chars: its length, at least 1
 * @payload: what to report for its matches
 *
 * Adds a pattern. The same characters may be added several times with
 * different payloads; each is reported.
 */
void
redline_matcher_add (RedlineMatcher *self,
                     const gunichar *chars,
                     gsize           n_chars,
                     guint32         payload)
{
  guint32 state = 0;
  Output output;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->compiled);
  g_return_if_fail (chars != NULL && n_chars > 0);

  for (gsize i = 0; i < n_chars; i++)
    {
      guint32 symbol = ensure_symbol (self, MIN (chars[i], MAX_CODE_POINT - 1));
      guint32 next = find_build_edge (self, state, symbol);

      if (next == 0)
        {
          Edge edge;

          next = add_build_state (self);
          edge.symbol = symbol;
          edge.target = next;
          g_array_append_val (g_array_index (self->build_edges, GArray *, state), edge);
        }
      state = next;
    }

  output.payload = payload;
  output.length = n_chars;
  output.next = g_array_index (self->build_outputs, guint32, state);
  g_array_append_val (self->outputs, output);
  g_array_index (self->build_outputs, guint32, state) = self->outputs->len - 1;
  self->n_patterns++;
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a;
  const Edge *eb = b;

  return (ea->symbol > eb->symbol) - (ea->symbol < eb->symbol);
}

static inline guint32
find_edge (const RedlineMatcher *self,
           const State          *state,
           guint32               symbol)
{
  const Edge *edge, *end;

  if (state->dense_row != G_MAXUINT32)
    return self->dense[(gsize) state->dense_row * self->n_symbols + symbol];

  edge = self->edges + state->first_edge;
  end = edge + state->n_edges;

  for (; edge < end && edge->symbol <= symbol; edge++)
    {
      if (edge->symbol == symbol)
        return edge->target;
    }
  return 0;
}

static inline guint
bigram_bit (const RedlineMatcher *self,
            guint32               first,
            guint32               second)
{
  guint64 key = ((guint64) first << 16 | second) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return key >> self->bigram_shift;
}

static inline gboolean
bigram_possible (const RedlineMatcher *self,
                 guint32               first,
                 guint32               second)
{
  guint bit = bigram_bit (self, first, second);

  return (self->bigrams[bit >> 6] >> (bit & 63)) & 1;
}

/**
 * redline_matcher_compile:
 * @self: a #RedlineMatcher
 *
 * Builds the automaton. No pattern can be added afterwards.
 */
void
redline_matcher_compile (RedlineMatcher *self)
{
  guint n_edges = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->compiled);

  /* No symbol is added from here on: the doubling's slack goes. */
  self->page_data_size = self->n_page_data;
  self->page_data = g_renew (Page, self->page_data, self->page_data_size);

  self->n_states = self->build_edges->len;
  self->states = g_new0 (State, self->n_states);
  for (guint s = 0; s < self->n_states; s++)
    n_edges += g_array_index (self->build_edges, GArray *, s)->len;
  self->edges = g_new (Edge, MAX (n_edges, 1));

  n_edges = 0;
  for (guint s = 0; s < self->n_states; s++)
    {
      GArray *edges = g_array_index (self->build_edges, GArray *, s);

      g_array_sort (edges, compare_edges);
      if (edges->len > 0)
        memcpy (self->edges + n_edges, edges->data, edges->len * sizeof (Edge));
      self->states[s].first_edge = n_edges;
      self->states[s].n_edges = edges->len;
      self->states[s].first_output = g_array_index (self->build_outputs, guint32, s);
      self->states[s].dense_row = G_MAXUINT32;
      n_edges += edges->len;
    }
  g_clear_pointer (&self->build_edges, g_array_unref);
  g_clear_pointer (&self->build_outputs, g_array_unref);

  self->root = g_new0 (guint32, self->n_symbols);
  for (guint i = 0; i < self->states[0].n_edges; i++)
    {
      const Edge *edge = &self->edges[self->states[0].first_edge + i];

      /* The top bit says the target has outputs: patterns of one
       * character are then reported without touching the state. */
      self->root[edge->symbol] = edge->target |
        (self->states[edge->target].first_output != G_MAXUINT32 ? ROOT_OUTPUT : 0);
    }

  {
    guint n_dense = 0;

    for (guint s = 1; s < self->n_states; s++)
      n_dense += self->states[s].n_edges >= DENSE_ROW_MIN_EDGES;
    self->dense = g_new0 (guint32, (gsize) MAX (n_dense, 1) * self->n_symbols);
    n_dense = 0;
    for (guint s = 1; s < self->n_states; s++)
      {
        State *state = &self->states[s];

        state->dense_row = G_MAXUINT32;
        if (state->n_edges < DENSE_ROW_MIN_EDGES)
          continue;
        for (guint i = 0; i < state->n_edges; i++)
          {
            const Edge *edge = &self->edges[state->first_edge + i];

            self->dense[(gsize) n_dense * self->n_symbols + edge->symbol] = edge->target;
          }
        state->dense_row = n_dense++;
      }
  }

  /* The bigram filter: a bit for every pair of first two symbols, in a
   * table about sixteen times larger than the number of pairs. */
  {
    guint n_pairs = 0;
    guint bits = 12;

    for (guint i = 0; i < self->states[0].n_edges; i++)
      n_pairs += self->states[self->edges[self->states[0].first_edge + i].target].n_edges;
    while ((1u << bits) < n_pairs * 16 && bits < 24)
      bits++;
    self->bigram_shift = 64 - bits;
    self->bigrams = g_new0 (guint64, MAX ((1u << bits) / 64, 1));

    for (guint i = 0; i < self->states[0].n_edges; i++)
      {
        const Edge *first = &self->edges[self->states[0].first_edge + i];
        const State *child = &self->states[first->target];

        for (guint k = 0; k < child->n_edges; k++)
          {
            guint bit = bigram_bit (self, first->symbol,
                                    self->edges[child->first_edge + k].symbol);

            self->bigrams[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
          }
      }
  }

  self->compiled = TRUE;
}

guint
redline_matcher_get_n_patterns (RedlineMatcher *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_patterns;
}

guint
redline_matcher_get_n_states (RedlineMatcher *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->compiled ? self->n_states : self->build_edges->len;
}

static inline void
report (const RedlineMatcher *self,
        guint32               state,
        gsize                 end,
        RedlineMatchFunc      func,
        gpointer              user_data,
        gsize                *n_matches)
{
  const Output *outputs = (const Output *) (gpointer) self->outputs->data;

  for (guint32 o = self->states[state].first_output; o != G_MAXUINT32; o = outputs[o].next)
    {
      func (outputs[o].payload, end - outputs[o].length, end, user_data);
      (*n_matches)++;
    }
}

/**
 * redline_matcher_scan:
 * @self: a compiled #RedlineMatcher
 * @chars: normalised text
 * @n_chars: its length
 * @func: (scope call): called for each match
 * @user_data: passed to @func
 *
 * Reports every occurrence of every pattern in @chars, overlapping ones too.
 *
 * Returns: the number of matches reported
 */
gsize
redline_matcher_scan (RedlineMatcher   *self,
                      const gunichar   *chars,
                      gsize             n_chars,
                      RedlineMatchFunc  func,
                      gpointer          user_data)
{
  gsize n_matches = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->compiled, 0);
  g_return_val_if_fail (chars != NULL || n_chars == 0, 0);
  g_return_val_if_fail (func != NULL, 0);

  guint32 next = n_chars > 0 ? lookup_symbol (self, chars[0]) : 0;

  for (gsize i = 0; i < n_chars; i++)
    {
      guint32 symbol = next;
      guint32 root, state;

      next = i + 1 < n_chars ? lookup_symbol (self, chars[i + 1]) : 0;
      if (symbol == 0 || (root = self->root[symbol]) == 0)
        continue;
      state = root & ~ROOT_OUTPUT;
      if (root & ROOT_OUTPUT)
        report (self, state, i + 1, func, user_data, &n_matches);
      if (next == 0 || !bigram_possible (self, symbol, next))
        continue;

      /* A pattern may start here: walk the trie. */
      for (gsize j = i + 1; j < n_chars; j++)
        {
          guint32 sym = j == i + 1 ? next : lookup_symbol (self, chars[j]);

          if (sym == 0 || (state = find_edge (self, &self->states[state], sym)) == 0)
            break;
          if (self->states[state].first_output != G_MAXUINT32)
            report (self, state, j + 1, func, user_data, &n_matches);
        }
    }

  return n_matches;
}
