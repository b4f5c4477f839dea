/* redline-rule-set.c: rule packs compiled for checking, and the checker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking one field: normalise it (RedlineText), run the one automaton that
 * holds every term of every rule, then the regular expressions, the link
 * finder and the length limits. Each hit must pass its word boundaries and
 * exceptions; the survivors are de-duplicated per rule (leftmost, then
 * longest) and become findings with offsets in the text as written. The UI,
 * the command line and reports all go through redline_rule_set_check().
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-cpus-private.h"
#include "redline-finding-private.h"
#include "redline-fold-private.h"
#include "redline-matcher.h"
#include "redline-rule-pack.h"
#include "redline-rule-private.h"
#include "redline-rule-set.h"
#include "redline-rule-set-private.h"
#include "redline-rule-set-pieces-private.h"
#include "redline-scan-private.h"
#include "redline-text.h"


G_DEFINE_FINAL_TYPE (RedlineRuleSet, redline_rule_set, G_TYPE_OBJECT)

void
_redline_hit_clear (gpointer data)
{
  Hit *hit = data;

  g_free (hit->text);
  g_free (hit->domain);
  g_free (hit->failure);
}

/* Drops hits[length…], whose contents were either cleared or moved to a
 * kept place: the array must not clear them again. */
void
_redline_hits_truncate (GArray *hits,
                        guint   length)
{
  if (length < hits->len)
    memset (&g_array_index (hits, Hit, length), 0, (hits->len - length) * sizeof (Hit));
  g_array_set_size (hits, length);
}


/* ---- Construction --------------------------------------------------------- */

static void
redline_rule_set_finalize (GObject *object)
{
  RedlineRuleSet *self = (RedlineRuleSet *) object;

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rules_by_id, g_hash_table_unref);
  for (guint t = 0; t < REDLINE_N_RULE_TYPES; t++)
    g_clear_pointer (&self->rules_of_type[t], g_ptr_array_unref);
  g_clear_pointer (&self->first_required, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->matcher, redline_matcher_free);
  g_clear_pointer (&self->allowed_domains, g_ptr_array_unref);
  g_clear_pointer (&self->allowed_terms, g_ptr_array_unref);
  g_clear_pointer (&self->link_regex, g_regex_unref);

  G_OBJECT_CLASS (redline_rule_set_parent_class)->finalize (object);
}

static void
redline_rule_set_class_init (RedlineRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redline_rule_set_finalize;
}

static void
redline_rule_set_init (RedlineRuleSet *self)
{
  self->packs = g_ptr_array_new_with_free_func (g_object_unref);
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint t = 0; t < REDLINE_N_RULE_TYPES; t++)
    self->rules_of_type[t] = g_ptr_array_new ();
  self->first_required = g_hash_table_new (NULL, NULL);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->matcher = redline_matcher_new ();
  self->piece_bytes = PIECE_BYTES;
  self->context_bytes = PIECE_CONTEXT_BYTES;
  self->allowed_domains = g_ptr_array_new_with_free_func (g_free);
  self->allowed_terms = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);

  /* Links in normalised text (lower case, full-width folded): a scheme or
   * www., or a bare host with a common top-level domain. An e-mail address
   * is not a link. */
  self->link_regex =
    g_regex_new ("(?<![a-z0-9@._-])"
                 "(?:(?:https?://|www\\.)[a-z0-9._~%!$&'()*+,;=:@/?#\\[\\]-]+"
                 "|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
                 "(?:com|cn|net|org|io|co|me|info|biz|xyz|top|shop|app|dev|site|online|store"
                 "|hk|tw|mo|sg|my|uk|us|jp|kr|de|fr|au|ca|ly|gl|cc|tv)"
                 "(?![a-z0-9-])(?:[/?#][a-z0-9._~%!$&'()*+,;=:@/?#\\[\\]-]*)?)",
                 G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (self->link_regex != NULL);
}

/* Adds @rule to the set: its terms and the hints of its patterns to the
 * automaton, then whatever more its type compiles. */
void
_redline_rule_set_add_rule (RedlineRuleSet *self,
                            RedlineRule    *rule)
{
  const RedlineRuleTypeCheck *check = _redline_rule_type_get_check (rule->type);

  g_ptr_array_add (self->rules, g_object_ref (rule));
  g_ptr_array_add (self->rules_of_type[rule->type], rule);

  for (guint t = 0; t < rule->terms->len; t++)
    {
      RedlineTerm *term = g_ptr_array_index (rule->terms, t);
      Entry entry = { rule, term, NULL, 0 };

      g_array_append_val (self->entries, entry);
      redline_matcher_add (self->matcher, term->phrase.chars, term->phrase.n_chars,
                           self->entries->len - 1);
    }
  /* A pattern runs only near one of its hints, found by the automaton. */
  for (guint q = 0; q < rule->patterns->len; q++)
    {
      RedlinePattern *pattern = g_ptr_array_index (rule->patterns, q);

      for (guint h = 0; h < pattern->hints->len; h++)
        {
          RedlinePhrase *hint = g_ptr_array_index (pattern->hints, h);
          Entry entry = { rule, NULL, pattern, 0 };

          g_array_append_val (self->entries, entry);
          redline_matcher_add (self->matcher, hint->chars, hint->n_chars,
                               self->entries->len - 1);
        }
    }
  self->n_terms += rule->terms->len;
  self->has_patterns |= rule->patterns->len > 0;

  if (check->compile != NULL)
    check->compile (self, rule);
}

/**
 * redline_rule_set_new:
 * @packs: (element-type RedlineRulePack): the packs to use
 * @options: (nullable): what a project adds
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Compiles the packs into one immutable rule set. Two packs may not share an
 * id, nor two rules.
 *
 * Returns: (transfer full): the rule set, or %NULL with @error set
 */
RedlineRuleSet *
redline_rule_set_new (GPtrArray                    *packs,
                      const RedlineRuleSetOptions  *options,
                      GError                      **error)
{
  g_autoptr(RedlineRuleSet) self = NULL;
  g_autoptr(GHashTable) pack_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (options == NULL || options->length_profile < REDLINE_N_LENGTH_PROFILES,
                        NULL);

  self = g_object_new (REDLINE_TYPE_RULE_SET, NULL);

  for (guint p = 0; p < packs->len; p++)
    {
      RedlineRulePack *pack = g_ptr_array_index (packs, p);
      const char *pack_id = redline_rule_pack_get_id (pack);

      if (!g_hash_table_add (pack_ids, (gpointer) pack_id))
        {
          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID,
                       _("%s:1:1: another loaded pack already has the id “%s”"),
                       redline_rule_pack_get_display_name (pack), pack_id);
          return NULL;
        }
      g_ptr_array_add (self->packs, g_object_ref (pack));

      for (guint r = 0; r < redline_rule_pack_get_n_rules (pack); r++)
        {
          RedlineRule *rule = redline_rule_pack_get_rule (pack, r);

          if (g_hash_table_contains (self->rules_by_id, rule->id))
            {
              RedlineRule *other = g_hash_table_lookup (self->rules_by_id, rule->id);

              g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID,
                           _("%s:%u:1: the rule id “%s” is already used by %s"),
                           redline_rule_pack_get_display_name (pack), rule->line, rule->id,
                           other->pack ? redline_rule_pack_get_display_name (other->pack) : "?");
              return NULL;
            }
          g_hash_table_insert (self->rules_by_id, rule->id, rule);
          _redline_rule_set_add_rule (self, rule);
        }
    }
  redline_matcher_compile (self->matcher);

  if (options != NULL)
    self->length_profile = options->length_profile;
  if (options != NULL && options->allowed_domains != NULL)
    {
      for (guint i = 0; options->allowed_domains[i] != NULL; i++)
        {
          char *domain = g_ascii_strdown (options->allowed_domains[i], -1);

          g_strstrip (domain);
          if (domain[0] == '.')
            memmove (domain, domain + 1, strlen (domain));
          g_ptr_array_add (self->allowed_domains, domain);
        }
    }
  if (options != NULL && options->allowed_terms != NULL)
    {
      for (guint i = 0; options->allowed_terms[i] != NULL; i++)
        {
          RedlinePhrase *phrase = _redline_phrase_new (options->allowed_terms[i]);

          if (phrase->n_chars > 0)
            g_ptr_array_add (self->allowed_terms, phrase);
          else
            _redline_phrase_free (phrase);
        }
    }

  return g_steal_pointer (&self);
}

guint
redline_rule_set_get_n_packs (RedlineRuleSet *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), 0);
  return self->packs->len;
}

/**
 * redline_rule_set_get_pack:
 * @self: a #RedlineRuleSet
 * @index: a pack index
 *
 * Returns: (transfer none): the pack
 */
RedlineRulePack *
redline_rule_set_get_pack (RedlineRuleSet *self,
                           guint           index)
{
  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->packs->len, NULL);
  return g_ptr_array_index (self->packs, index);
}

guint
redline_rule_set_get_n_rules (RedlineRuleSet *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), 0);
  return self->rules->len;
}

guint
redline_rule_set_get_n_terms (RedlineRuleSet *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), 0);
  return self->n_terms;
}

/**
 * redline_rule_set_find_rule:
 * @self: a #RedlineRuleSet
 * @rule_id: a rule id
 *
 * Returns: (transfer none) (nullable): the rule with that id
 */
RedlineRule *
redline_rule_set_find_rule (RedlineRuleSet *self,
                            const char     *rule_id)
{
  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  return g_hash_table_lookup (self->rules_by_id, rule_id);
}

/* ---- From hits to findings ------------------------------------------------ */

int
_redline_compare_hits_for_dedup (gconstpointer a,
                                 gconstpointer b)
{
  const Hit *ha = a;
  const Hit *hb = b;

  if (ha->rule != hb->rule)
    return ha->rule < hb->rule ? -1 : 1;
  if ((ha->failure != NULL) != (hb->failure != NULL))
    return ha->failure == NULL ? -1 : 1;
  if (ha->field != hb->field)
    return ha->field < hb->field ? -1 : 1;
  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->end != hb->end)
    return ha->end > hb->end ? -1 : 1;   /* longest first */
  return 0;
}

/* Keeps, per rule and field, the leftmost-longest hits that do not overlap. */
static void
dedup_hits (GArray *hits)
{
  guint kept = 0;
  const Hit *last = NULL;

  g_array_sort (hits, _redline_compare_hits_for_dedup);
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);

      if (last != NULL && last->rule == hit->rule && last->field == hit->field &&
          (last->failure != NULL) == (hit->failure != NULL) && hit->start < last->end)
        {
          _redline_hit_clear (hit);
          continue;
        }
      if (kept != i)
        g_array_index (hits, Hit, kept) = *hit;
      last = &g_array_index (hits, Hit, kept);
      kept++;
    }
  _redline_hits_truncate (hits, kept);
}


/* What a check carries from piece to piece and field to field. */
typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  RedlineContentKind  kind;
  RedlinePurpose      purpose;
  gboolean            purpose_unknown; /* a guess: rules' contexts count */
  RedlineFindingFunc  func;
  gpointer            user_data;
  gboolean            stopped;     /* @func asked to stop */
  gboolean           *present;     /* per required phrase, in the whole document */
  GHashTable         *last_end;    /* rule (| 1 for failures) → end of its last hit */
  GHashTable         *triggers;    /* rule → its earliest hit, for findings about
                                    * the whole document */
  GPtrArray          *pending;     /* of RedlineFinding: the field's lengths, in order */
  guint               next_pending;
  gsize               offset;      /* where the next piece starts in its field */
  gsize               line;
  gsize               column;
} Checker;

/* Information at most, on both ecosystems: a note for the reviewer. */
static void
make_note (RedlineFinding *finding)
{
  finding->severity = MIN (finding->severity, REDLINE_SEVERITY_INFO);
  finding->other_severity = MIN (finding->other_severity, REDLINE_SEVERITY_INFO);
}

/* A rule that does not bind the copy's purpose: its hits are notes, its
 * duties are not reported. FALSE to drop @finding. */
static gboolean
apply_purpose (Checker        *checker,
               RedlineFinding *finding)
{
  if (redline_rule_applies_to_purpose (finding->rule, checker->purpose))
    return TRUE;
  if (finding->scope == REDLINE_SCOPE_DOCUMENT)
    return FALSE;
  finding->outside_purpose = TRUE;
  make_note (finding);
  return TRUE;
}

static void
emit_finding (Checker        *checker,
              RedlineFinding *finding)
{
  /* A hit that reads as prose in copy of unknown purpose is a note too
   * (redline_finding_get_outside_context()). */
  if (finding->outside_context)
    make_note (finding);
  if (!checker->stopped && apply_purpose (checker, finding))
    checker->stopped = !checker->func (finding, checker->user_data);
}

/* Hands on a finding, after the field's length findings that come before it. */
static void
deliver_finding (Checker        *checker,
                 RedlineFinding *finding)
{
  while (checker->next_pending < checker->pending->len)
    {
      RedlineFinding *length = g_ptr_array_index (checker->pending, checker->next_pending);

      if (finding != NULL && redline_finding_compare (length, finding) >= 0)
        break;
      emit_finding (checker, length);
      checker->next_pending++;
    }
  if (finding != NULL)
    emit_finding (checker, finding);
}

static int
compare_hits_for_output (gconstpointer a,
                         gconstpointer b)
{
  const Hit *ha = a;
  const Hit *hb = b;
  int cmp;

  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->end != hb->end)
    return ha->end < hb->end ? -1 : 1;
  cmp = g_strcmp0 (ha->rule->id, hb->rule->id);
  if (cmp != 0)
    return cmp;
  return (ha->failure != NULL) - (hb->failure != NULL);
}

static void
free_piece (Piece *piece)
{
  if (piece->hits != NULL)
    {
      for (guint i = 0; i < piece->hits->len; i++)
        _redline_hit_clear (&g_array_index (piece->hits, Hit, i));
      g_clear_pointer (&piece->hits, g_array_unref);
    }
  g_clear_pointer (&piece->present, g_free);
}

/* De-duplicates a scanned piece against what came before it in its field,
 * and hands on its findings in order. */
static void
deliver_piece (Checker *checker,
               Piece   *piece)
{
  GArray *hits = piece->hits;
  guint kept = 0;

  for (guint r = 0; r < checker->self->n_required; r++)
    checker->present[r] |= piece->present[r];

  /* Leftmost-longest per rule, carried over from the pieces before. */
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) hit->rule | (hit->failure != NULL));
      gpointer last_end;

      hit->start += checker->offset;
      hit->end += checker->offset;
      if (hit->line == 1)
        hit->column += checker->column - 1;
      hit->line += checker->line - 1;
      if (g_hash_table_lookup_extended (checker->last_end, key, NULL, &last_end) &&
          hit->start < GPOINTER_TO_SIZE (last_end))
        {
          _redline_hit_clear (hit);
          continue;
        }
      g_hash_table_insert (checker->last_end, key, GSIZE_TO_POINTER (hit->end));
      if (kept != i)
        g_array_index (hits, Hit, kept) = *hit;
      kept++;
    }
  _redline_hits_truncate (hits, kept);
  g_array_sort (hits, compare_hits_for_output);

  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);

      if (hit->failure == NULL && _redline_rule_type_get_info (hit->rule->type)->whole_document)
        {
          /* The earliest hit of a rule whose findings are about the whole
           * document is kept until all of it is known. */
          Hit *trigger = g_hash_table_lookup (checker->triggers, hit->rule);

          /* A trigger that a claim makes is kept over one that is only
           * mentioned or reads as prose. */
          if (trigger == NULL || (trigger->outside_context && !hit->outside_context))
            {
              g_hash_table_insert (checker->triggers, hit->rule, g_memdup2 (hit, sizeof *hit));
              memset (hit, 0, sizeof *hit);
            }
        }
      else if (!checker->stopped)
        {
          g_autoptr(RedlineFinding) finding =
            _redline_hit_make_finding (checker->ecosystem, hit, NULL);

          deliver_finding (checker, finding);
        }
      _redline_hit_clear (hit);
    }
  g_array_set_size (hits, 0);

  checker->offset += piece->length;
  checker->line += piece->n_breaks;
  checker->column = piece->tail == G_MAXSIZE ? checker->column + piece->length
                                             : piece->tail + 1;
}

/* The findings of the passes over the whole field (a length), made before
 * its pieces are scanned so that they are handed on in order among the
 * others. */
static void
scan_whole_field (Checker      *checker,
                  RedlineField  field,
                  const char   *text,
                  const char   *end)
{
  RedlineRuleSet *self = checker->self;
  WholeField whole = { self, checker->ecosystem, checker->kind, field, text, end };
  g_autoptr(GArray) hits = NULL;

  for (RedlineRuleType type = 0; type < REDLINE_N_RULE_TYPES; type++)
    {
      const RedlineRuleTypeCheck *check = _redline_rule_type_get_check (type);

      if (check->scan_field == NULL || self->rules_of_type[type]->len == 0)
        continue;
      if (hits == NULL)
        {
          hits = g_array_new (FALSE, FALSE, sizeof (Hit));
          g_array_set_clear_func (hits, _redline_hit_clear);
        }
      check->scan_field (&whole, self->rules_of_type[type], hits);
    }
  if (hits == NULL || hits->len == 0)
    return;

  dedup_hits (hits);
  g_array_sort (hits, compare_hits_for_output);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (checker->pending,
                     _redline_hit_make_finding (checker->ecosystem,
                                                &g_array_index (hits, Hit, i), NULL));
}

/* Scans one field in pieces, on every processor, and hands on its findings
 * in order as the pieces are done: only a few pieces are held at a time. */
static void
check_field (Checker      *checker,
             RedlineField  field,
             const char   *text,
             gsize         length)
{
  RedlineRuleSet *self = checker->self;
  const char *end = text + length;
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_autoptr(RedlineText) normalized = redline_text_new ("", 0);
  PieceQueue queue = { 0 };
  GThread *threads[8];
  guint n_threads;

  scan_whole_field (checker, field, text, end);

  for (const char *start = text; start < end || pieces->len == 0; )
    {
      Piece piece = { 0 };

      piece.start = start;
      piece.stop = _redline_rule_set_piece_end (self, start, end);
      g_array_append_val (pieces, piece);
      start = piece.stop;
    }

  queue.self = self;
  queue.ecosystem = checker->ecosystem;
  queue.kind = checker->kind;
  queue.purpose_unknown = checker->purpose_unknown;
  queue.field = field;
  queue.text = text;
  queue.text_end = end;
  queue.pieces = (Piece *) (gpointer) pieces->data;
  queue.n_pieces = pieces->len;
  g_mutex_init (&queue.mutex);
  g_cond_init (&queue.cond);

  n_threads = MIN (MIN (_redline_scan_cpus (), G_N_ELEMENTS (threads)), pieces->len);
  queue.window = 2 * n_threads;
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("redline-scan", _redline_scan_pieces_thread, &queue);

  checker->offset = 0;
  checker->line = 1;
  checker->column = 1;
  g_hash_table_remove_all (checker->last_end);
  for (guint p = 0; p < queue.n_pieces && !checker->stopped; p++)
    {
      Piece *piece = &queue.pieces[p];

      g_mutex_lock (&queue.mutex);
      while (!piece->done)
        {
          guint index;

          if (_redline_take_piece (&queue, &index))
            _redline_scan_taken_piece (&queue, index, normalized);
          else
            g_cond_wait (&queue.cond, &queue.mutex);
        }
      g_mutex_unlock (&queue.mutex);

      deliver_piece (checker, piece);
      free_piece (piece);

      g_mutex_lock (&queue.mutex);
      queue.delivered++;
      queue.stop = checker->stopped;
      g_cond_broadcast (&queue.cond);
      g_mutex_unlock (&queue.mutex);
    }
  g_mutex_lock (&queue.mutex);
  queue.stop = TRUE;
  g_cond_broadcast (&queue.cond);
  g_mutex_unlock (&queue.mutex);

  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint p = 0; p < queue.n_pieces; p++)
    free_piece (&queue.pieces[p]);
  g_mutex_clear (&queue.mutex);
  g_cond_clear (&queue.cond);

  /* The length findings after the last hit. */
  deliver_finding (checker, NULL);
  g_ptr_array_set_size (checker->pending, 0);
  checker->next_pending = 0;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return redline_finding_compare (*(RedlineFinding **) a, *(RedlineFinding **) b);
}

/* The findings about the whole document, from the earliest hit of each
 * rule whose type makes them (a "requires" rule whose phrase is missing). */
static void
deliver_document_findings (Checker *checker)
{
  WholeDocument document = { checker->self, checker->ecosystem, checker->present };
  g_autoptr(GPtrArray) findings = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (checker->triggers) == 0)
    return;

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, checker->triggers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RedlineRule *rule = key;
      const RedlineRuleTypeCheck *check = _redline_rule_type_get_check (rule->type);
      RedlineFinding *finding = check->document_finding (&document, rule, value);

      if (finding != NULL)
        g_ptr_array_add (findings, finding);
    }
  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    emit_finding (checker, g_ptr_array_index (findings, i));
}

static void
free_trigger (gpointer data)
{
  Hit *hit = data;

  _redline_hit_clear (hit);
  g_free (hit);
}

static gboolean
collect_cb (RedlineFinding *finding,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, g_object_ref (finding));
  return TRUE;
}

/**
 * redline_rule_set_check_stream:
 * @self: a #RedlineRuleSet
 * @document: the copy to check
 * @ecosystem: the ecosystem it is for
 * @kind: its content kind
 * @func: (scope call): called with every finding
 * @user_data: passed to @func
 *
 * Checks @document like redline_rule_set_check(), but hands each finding to
 * @func as soon as the piece of text it is in has been checked, instead of
 * keeping them all: memory stays small however many findings a long text
 * has. Findings come in the order of redline_finding_compare(), as in
 * redline_rule_set_check(), but for one thing: in a document of more than
 * 256 KiB, the findings about the whole document (a "requires" rule whose
 * phrase is missing), which need all of it, come last, sorted by field and
 * rule, instead of first in their field. @func is called in the calling
 * thread; it returns %FALSE to stop the check.
 *
 * Returns: %FALSE if @func stopped the check, else %TRUE
 */
gboolean
redline_rule_set_check_stream (RedlineRuleSet        *self,
                               const RedlineDocument *document,
                               RedlineEcosystem       ecosystem,
                               RedlineContentKind     kind,
                               RedlineFindingFunc     func,
                               gpointer               user_data)
{
  Checker checker = { 0 };
  g_autoptr(GPtrArray) buffered = NULL;
  gsize lengths[REDLINE_N_FIELDS];
  gsize size = 0;
  g_autofree gboolean *present = NULL;
  g_autoptr(GHashTable) last_end = NULL;
  g_autoptr(GHashTable) triggers = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, FALSE);
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, FALSE);
  g_return_val_if_fail (document->purpose < REDLINE_N_PURPOSES, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  present = g_new0 (gboolean, MAX (self->n_required, 1));
  last_end = g_hash_table_new (NULL, NULL);
  triggers = g_hash_table_new_full (NULL, NULL, NULL, free_trigger);
  pending = g_ptr_array_new_with_free_func (g_object_unref);

  checker.self = self;
  checker.ecosystem = ecosystem;
  checker.kind = kind;
  checker.purpose = redline_content_kind_purpose (kind, document->purpose);
  /* A paid placement is an advertisement whatever the copy says. */
  checker.purpose_unknown = document->purpose_unknown && !redline_content_kind_is_paid (kind);
  checker.func = func;
  checker.user_data = user_data;
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      const char *text = document->fields[field];

      lengths[field] = text == NULL ? 0 : document->lengths[field] > 0 ? document->lengths[field]
                                                                     : strlen (text);
      size += lengths[field];
    }
  if (size <= BUFFERED_DOCUMENT_BYTES)
    {
      buffered = g_ptr_array_new_with_free_func (g_object_unref);
      checker.func = collect_cb;
      checker.user_data = buffered;
    }
  checker.present = present;
  checker.last_end = last_end;
  checker.triggers = triggers;
  checker.pending = pending;

  for (RedlineField field = 0; field < REDLINE_N_FIELDS && !checker.stopped; field++)
    {
      if (document->fields[field] != NULL)
        check_field (&checker, field, document->fields[field], lengths[field]);
    }
  if (!checker.stopped)
    deliver_document_findings (&checker);
  if (buffered == NULL)
    return !checker.stopped;

  g_ptr_array_sort (buffered, compare_findings);
  for (guint i = 0; i < buffered->len; i++)
    {
      if (!func (g_ptr_array_index (buffered, i), user_data))
        return FALSE;
    }
  return TRUE;
}

/**
 * redline_rule_set_check:
 * @self: a #RedlineRuleSet
 * @document: the copy to check
 * @ecosystem: the ecosystem it is for
 * @kind: its content kind
 *
 * Checks every field of @document with the rules that apply on @ecosystem
 * to @kind. For very long texts with many findings, see
 * redline_rule_set_check_stream().
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding, sorted by
 *   field and position and without duplicates
 */
GListModel *
redline_rule_set_check (RedlineRuleSet        *self,
                        const RedlineDocument *document,
                        RedlineEcosystem       ecosystem,
                        RedlineContentKind     kind)
{
  g_autoptr(GPtrArray) findings = NULL;
  GListStore *store;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, NULL);

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  redline_rule_set_check_stream (self, document, ecosystem, kind, collect_cb, findings);
  /* The findings about the whole document go first in their field. */
  g_ptr_array_sort (findings, compare_findings);

  store = g_list_store_new (REDLINE_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, findings->pdata, findings->len);
  return G_LIST_MODEL (store);
}

/**
 * redline_rule_set_check_text:
 * @self: a #RedlineRuleSet
 * @text: valid UTF-8 copy, checked as the body
 * @ecosystem: the ecosystem it is for
 * @kind: its content kind
 *
 * Like redline_rule_set_check() for a text that is all body.
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding
 */
GListModel *
redline_rule_set_check_text (RedlineRuleSet     *self,
                             const char         *text,
                             RedlineEcosystem    ecosystem,
                             RedlineContentKind  kind)
{
  RedlineDocument document = { { NULL } };

  g_return_val_if_fail (text != NULL, NULL);

  document.fields[REDLINE_FIELD_BODY] = text;
  return redline_rule_set_check (self, &document, ecosystem, kind);
}

static void
count_cb (guint32  payload,
          gsize    start,
          gsize    end,
          gpointer user_data)
{
}

/**
 * redline_rule_set_count_matches:
 * @self: a #RedlineRuleSet
 * @text: valid UTF-8
 * @length: its length in bytes
 *
 * Normalises @text and runs the term automaton over it, without exceptions
 * or findings: the matcher's raw speed, for benchmarks.
 *
 * Returns: the number of raw matches
 */
gsize
redline_rule_set_count_matches (RedlineRuleSet *self,
                                const char     *text,
                                gsize           length)
{
  g_autoptr(RedlineText) normalized = NULL;
  const gunichar *chars;
  gsize n_chars;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), 0);

  normalized = redline_text_new (text, length);
  chars = redline_text_get_chars (normalized, &n_chars);
  return redline_matcher_scan (self->matcher, chars, n_chars, count_cb, NULL);
}

/* ---- For tests ------------------------------------------------------------ */

/**
 * _redline_rule_set_set_piece_size:
 * @self: a #RedlineRuleSet
 * @piece_bytes: the size of the pieces a long field is checked in
 * @context_bytes: how much text either side of a piece is scanned with it
 *
 * Lets tests cut small texts in many pieces.
 */
void
_redline_rule_set_set_piece_size (RedlineRuleSet *self,
                                  gsize           piece_bytes,
                                  gsize           context_bytes)
{
  g_return_if_fail (REDLINE_IS_RULE_SET (self));
  g_return_if_fail (piece_bytes >= 16);

  self->piece_bytes = piece_bytes;
  self->context_bytes = context_bytes;
}

