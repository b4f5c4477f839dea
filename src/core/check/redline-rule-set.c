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

#include "redline-finding-private.h"
#include "redline-fold-private.h"
#include "redline-matcher.h"
#include "redline-rule-pack.h"
#include "redline-rule-private.h"
#include "redline-rule-set.h"
#include "redline-rule-set-private.h"
#include "redline-text.h"

/* An expanded message holds at most this many code points, and a
 * placeholder at most the second many: longer ones end in an ellipsis
 * (doc/rule-packs.md). */
#define MESSAGE_MAX_CHARS 2000
#define MESSAGE_MAX_VALUE_CHARS 200

/* How far either side of a hit an <except-pattern> looks. */
#define EXCEPT_PATTERN_WINDOW 32

typedef struct
{
  RedlineRule    *rule;
  RedlineTerm    *term;      /* a term, or NULL for the two below */
  RedlinePattern *pattern;   /* for a hint: the pattern it gates */
  guint           required;  /* for a required phrase: its index among all of them */
} Entry;

/* Offsets between normalised characters and bytes of their UTF-8 form are
 * found from a checkpoint every this many characters. */
#define CHECKPOINT 256

/* A regular expression with hints runs only this many characters either
 * side of where one of its hints occurs. */
#define HINT_WINDOW 320

struct _RedlineRuleSet
{
  GObject         parent_instance;

  GPtrArray      *packs;           /* of RedlineRulePack */
  GPtrArray      *rules;           /* of RedlineRule, in pack order */
  GHashTable     *rules_by_id;
  GArray         *entries;         /* of Entry: the matcher's payloads */
  RedlineMatcher *matcher;
  GPtrArray      *allowed_domains; /* of char*, from the options */
  GPtrArray      *allowed_terms;   /* of RedlinePhrase, from the options */
  GRegex         *link_regex;
  guint           n_terms;
  guint           n_required;      /* phrases of "requires" rules, all told */
  gboolean        has_patterns;
  gsize           piece_bytes;     /* PIECE_BYTES but in tests */
  gsize           context_bytes;   /* PIECE_CONTEXT_BYTES but in tests */
};

/* Large fields are checked in pieces of about this size, cut at line
 * breaks where possible, so memory stays small and in cache. */
#define PIECE_BYTES (512 * 1024)

/* A document up to this size in all is checked whole before its findings
 * are handed on, so they come in the order of redline_finding_compare(),
 * those about the whole document first in their field; a longer one hands
 * them on piece by piece, those about the whole document last. */
#define BUFFERED_DOCUMENT_BYTES (256 * 1024)

/* Each piece is scanned with this much of the text either side of it, so a
 * term, exception, hint window or link across the cut is seen whole; only
 * hits that start in the piece are its own. It is more than the longest
 * term or exception and the hint and exception windows, even written with
 * separators and four-byte characters. */
#define PIECE_CONTEXT_BYTES (8 * 1024)

G_DEFINE_FINAL_TYPE (RedlineRuleSet, redline_rule_set, G_TYPE_OBJECT)

typedef struct
{
  gsize start;
  gsize end;
} Span;

/* A hit that may become a finding. Offsets are in normalised characters
 * until make_finding() maps them back. */
typedef struct
{
  RedlineRule  *rule;
  RedlineTerm  *term;        /* NULL for patterns, links, lengths */
  const char   *pattern_id;
  RedlineField  field;
  gsize         start;       /* normalised in the piece, then original in the field */
  gsize         end;
  guint         line;
  guint         column;
  char         *text;        /* the original text of the span */
  char         *domain;
  char         *failure;     /* why the rule could not be evaluated on the span */
  guint         length;
  guint         max;
} Hit;

typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  RedlineContentKind  kind;
  RedlineField        field;
  const char         *original;    /* this piece of the field */
  gsize               original_len;
  RedlineText        *text;
  gboolean           *present;     /* per required phrase, for the whole document */
  const gunichar     *chars;
  gsize               n_chars;
  char               *utf8;        /* normalised text, made on demand */
  gsize               utf8_len;
  gsize              *checkpoints; /* byte offset of every CHECKPOINT-th character */
  GHashTable         *hints;       /* RedlinePattern → GArray of Span: where its hints are */
  GArray             *hits;        /* of Hit */
  GArray             *excepted;    /* of Hit: term hits their exceptions cancelled */
} FieldScan;

static void
clear_hit (gpointer data)
{
  Hit *hit = data;

  g_free (hit->text);
  g_free (hit->domain);
  g_free (hit->failure);
}

/* Drops hits[length…], whose contents were either cleared or moved to a
 * kept place: the array must not clear them again. */
static void
truncate_hits (GArray *hits,
               guint   length)
{
  if (length < hits->len)
    memset (&g_array_index (hits, Hit, length), 0, (hits->len - length) * sizeof (Hit));
  g_array_set_size (hits, length);
}

static RedlineSeverity
entry_severity (RedlineRule      *rule,
                RedlineTerm      *term,
                RedlineEcosystem  ecosystem)
{
  return term != NULL ? term->severity[ecosystem] : rule->severity[ecosystem];
}

/* ---- Construction --------------------------------------------------------- */

static void
redline_rule_set_finalize (GObject *object)
{
  RedlineRuleSet *self = (RedlineRuleSet *) object;

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rules_by_id, g_hash_table_unref);
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

/* Adds @rule's terms, required phrases and hints to the automaton. */
static void
add_rule (RedlineRuleSet *self,
          RedlineRule    *rule)
{
  g_ptr_array_add (self->rules, g_object_ref (rule));

  for (guint t = 0; t < rule->terms->len; t++)
    {
      RedlineTerm *term = g_ptr_array_index (rule->terms, t);
      Entry entry = { rule, term, NULL, 0 };

      g_array_append_val (self->entries, entry);
      redline_matcher_add (self->matcher, term->phrase.chars, term->phrase.n_chars,
                           self->entries->len - 1);
    }
  /* Required phrases ride on the same automaton: one pass tells which of
   * them are present. */
  for (guint q = 0; q < rule->requires->len; q++)
    {
      RedlinePhrase *phrase = g_ptr_array_index (rule->requires, q);
      Entry entry = { rule, NULL, NULL, self->n_required++ };

      g_array_append_val (self->entries, entry);
      redline_matcher_add (self->matcher, phrase->chars, phrase->n_chars,
                           self->entries->len - 1);
    }
  /* So are the hints of regular expressions: a pattern runs only near
   * them. */
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
          add_rule (self, rule);
        }
    }
  redline_matcher_compile (self->matcher);

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

/* ---- Exceptions ----------------------------------------------------------- */

static inline gboolean
phrase_at (const FieldScan     *scan,
           gsize                pos,
           const RedlinePhrase *phrase)
{
  return pos + phrase->n_chars <= scan->n_chars &&
         memcmp (scan->chars + pos, phrase->chars, phrase->n_chars * sizeof (gunichar)) == 0;
}

static gboolean
any_overlaps (const FieldScan *scan,
              GPtrArray       *phrases,
              gsize            start,
              gsize            end)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);
      gsize first = start + 1 > phrase->n_chars ? start + 1 - phrase->n_chars : 0;

      for (gsize pos = first; pos < end; pos++)
        {
          if (phrase_at (scan, pos, phrase))
            return TRUE;
        }
    }
  return FALSE;
}

/* Before and after phrases are compared with the text right next to the hit,
 * or past one space: "best" followed by " regards" is excepted by "regards". */
static gboolean
any_before (const FieldScan *scan,
            GPtrArray       *phrases,
            gsize            start)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);
      gsize at = start;

      if (at >= phrase->n_chars && phrase_at (scan, at - phrase->n_chars, phrase))
        return TRUE;
      if (at > 0 && scan->chars[at - 1] == ' ')
        at--;
      if (at != start && at >= phrase->n_chars && phrase_at (scan, at - phrase->n_chars, phrase))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_after (const FieldScan *scan,
           GPtrArray       *phrases,
           gsize            end)
{
  gboolean spaced = end < scan->n_chars && scan->chars[end] == ' ';

  for (guint i = 0; i < phrases->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (phrases, i);

      if (phrase_at (scan, end, phrase) || (spaced && phrase_at (scan, end + 1, phrase)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_pattern_overlaps (const FieldScan *scan,
                      GPtrArray       *patterns,
                      gsize            start,
                      gsize            end)
{
  gsize window_start, window_end;
  g_autofree char *window = NULL;

  if (patterns->len == 0)
    return FALSE;

  window_start = start > EXCEPT_PATTERN_WINDOW ? start - EXCEPT_PATTERN_WINDOW : 0;
  window_end = MIN (scan->n_chars, end + EXCEPT_PATTERN_WINDOW);
  window = g_ucs4_to_utf8 (scan->chars + window_start, window_end - window_start,
                           NULL, NULL, NULL);
  if (window == NULL)
    return FALSE;

  for (guint i = 0; i < patterns->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      /* An exception that cannot be evaluated (the match limit) does not
       * cancel the hit: it is reported rather than read as clean. */
      g_regex_match_full (g_ptr_array_index (patterns, i), window, -1, 0,
                          G_REGEX_MATCH_NOTEMPTY, &match, NULL);
      while (g_match_info_matches (match))
        {
          int byte_start, byte_end;
          gsize match_start, match_end;

          g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
          match_start = window_start + g_utf8_pointer_to_offset (window, window + byte_start);
          match_end = window_start + g_utf8_pointer_to_offset (window, window + byte_end);
          if (match_start < end && match_end > start)
            return TRUE;
          g_match_info_next (match, NULL);
        }
    }
  return FALSE;
}

static gboolean
excepted (const FieldScan         *scan,
          const RedlineExceptions *exceptions,
          gsize                    start,
          gsize                    end)
{
  return any_overlaps (scan, exceptions->overlap, start, end) ||
         any_before (scan, exceptions->before, start) ||
         any_after (scan, exceptions->after, end) ||
         any_pattern_overlaps (scan, exceptions->patterns, start, end);
}

static gboolean
at_word_boundaries (const FieldScan *scan,
                    RedlineTerm     *term,
                    gsize            start,
                    gsize            end)
{
  if (term->word_start && start > 0 &&
      _redline_char_class (scan->chars[start - 1]) == REDLINE_CHAR_WORD)
    return FALSE;
  if (term->word_end && end < scan->n_chars &&
      _redline_char_class (scan->chars[end]) == REDLINE_CHAR_WORD)
    return FALSE;
  return TRUE;
}

/* ---- Scanning a field ----------------------------------------------------- */

static gboolean
rule_applies (const FieldScan *scan,
              RedlineRule     *rule,
              RedlineTerm     *term)
{
  return (rule->kinds & (1u << scan->kind)) != 0 &&
         entry_severity (rule, term, scan->ecosystem) != REDLINE_SEVERITY_OFF;
}

static void
add_hit (FieldScan    *scan,
         RedlineRule  *rule,
         RedlineTerm  *term,
         const char   *pattern_id,
         gsize         start,
         gsize         end)
{
  Hit hit = { 0 };

  if (any_overlaps (scan, scan->self->allowed_terms, start, end))
    return;

  hit.rule = rule;
  hit.term = term;
  hit.pattern_id = pattern_id;
  hit.field = scan->field;
  hit.start = start;
  hit.end = end;
  g_array_append_val (scan->hits, hit);
}

static void
on_match_cb (guint32  payload,
             gsize    start,
             gsize    end,
             gpointer user_data)
{
  FieldScan *scan = user_data;
  const Entry *entry = &g_array_index (scan->self->entries, Entry, payload);

  if (entry->pattern != NULL)
    {
      Span span = { start, end };
      GArray *spans;

      if (scan->hints == NULL)
        scan->hints = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      spans = g_hash_table_lookup (scan->hints, entry->pattern);
      if (spans == NULL)
        {
          spans = g_array_new (FALSE, FALSE, sizeof (Span));
          g_hash_table_insert (scan->hints, entry->pattern, spans);
        }
      g_array_append_val (spans, span);
      return;
    }
  if (entry->term == NULL)
    {
      scan->present[entry->required] = TRUE;
      return;
    }

  if (!rule_applies (scan, entry->rule, entry->term) ||
      !at_word_boundaries (scan, entry->term, start, end))
    return;

  if (excepted (scan, &entry->term->exceptions, start, end) ||
      excepted (scan, &entry->rule->exceptions, start, end))
    {
      /* Remembered so that a shorter term of the same rule inside it (最 in
       * an excepted 最佳赏味期's 最佳) is cancelled too. */
      Hit hit = { .rule = entry->rule, .start = start, .end = end };

      g_array_append_val (scan->excepted, hit);
      return;
    }

  add_hit (scan, entry->rule, entry->term, NULL, start, end);
}

static void
drop_hits_inside_exceptions (FieldScan *scan,
                             guint      first_hit)
{
  guint kept = first_hit;

  if (scan->excepted->len == 0)
    return;

  for (guint i = first_hit; i < scan->hits->len; i++)
    {
      Hit *hit = &g_array_index (scan->hits, Hit, i);
      gboolean inside = FALSE;

      for (guint e = 0; e < scan->excepted->len && !inside; e++)
        {
          const Hit *cancelled = &g_array_index (scan->excepted, Hit, e);

          inside = cancelled->rule == hit->rule && hit->term != NULL &&
                   cancelled->start <= hit->start && hit->end <= cancelled->end;
        }
      if (inside)
        {
          clear_hit (hit);
          continue;
        }
      if (kept != i)
        g_array_index (scan->hits, Hit, kept) = *hit;
      kept++;
    }
  truncate_hits (scan->hits, kept);
}

static void
ensure_utf8 (FieldScan *scan)
{
  char *out;
  char *p;

  if (scan->utf8 != NULL)
    return;

  p = out = g_malloc (scan->n_chars * 4 + 1);
  scan->checkpoints = g_new (gsize, scan->n_chars / CHECKPOINT + 1);
  for (gsize i = 0; i < scan->n_chars; i++)
    {
      gunichar c = scan->chars[i];

      if (i % CHECKPOINT == 0)
        scan->checkpoints[i / CHECKPOINT] = p - out;
      if (c < 0x80)
        *p++ = c;
      else if (c < 0x800)
        {
          *p++ = 0xC0 | (c >> 6);
          *p++ = 0x80 | (c & 0x3F);
        }
      else if (c < 0x10000)
        {
          *p++ = 0xE0 | (c >> 12);
          *p++ = 0x80 | ((c >> 6) & 0x3F);
          *p++ = 0x80 | (c & 0x3F);
        }
      else
        {
          *p++ = 0xF0 | (c >> 18);
          *p++ = 0x80 | ((c >> 12) & 0x3F);
          *p++ = 0x80 | ((c >> 6) & 0x3F);
          *p++ = 0x80 | (c & 0x3F);
        }
    }
  if (scan->n_chars % CHECKPOINT == 0)
    scan->checkpoints[scan->n_chars / CHECKPOINT] = p - out;
  *p = '\0';
  scan->utf8 = out;
  scan->utf8_len = p - out;
}

static inline guint
utf8_char_length (guchar c)
{
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The index of the normalised character at a byte offset of scan->utf8. */
static gsize
char_at_byte (FieldScan *scan,
              gsize      byte)
{
  const guchar *text = (const guchar *) scan->utf8;
  gsize lo = 0, hi = scan->n_chars / CHECKPOINT;
  gsize index, at;

  g_assert (byte <= scan->utf8_len);

  /* The last checkpoint at or before @byte. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo + 1) / 2;

      if (scan->checkpoints[mid] <= byte)
        lo = mid;
      else
        hi = mid - 1;
    }
  index = lo * CHECKPOINT;
  for (at = scan->checkpoints[lo]; at < byte; at += utf8_char_length (text[at]))
    index++;
  return index;
}

/* The byte offset in scan->utf8 of a normalised character. */
static gsize
byte_at_char (FieldScan *scan,
              gsize      index)
{
  const guchar *text = (const guchar *) scan->utf8;
  gsize at = scan->checkpoints[index / CHECKPOINT];

  g_assert (index <= scan->n_chars);

  for (gsize i = index - index % CHECKPOINT; i < index; i++)
    at += utf8_char_length (text[at]);
  return at;
}

/* A regular expression gave up on [start, end) of the normalised text (PCRE's
 * match limit): the rule could not be evaluated there, which is reported as
 * a finding of the rule, never read as "no match". */
static void
add_failure (FieldScan    *scan,
             RedlineRule  *rule,
             const char   *pattern_id,
             gsize         start,
             gsize         end,
             const GError *error)
{
  Hit hit = { 0 };
  const char *reason = g_strrstr (error->message, ": ");

  if (scan->n_chars == 0)
    return;
  end = MIN (MAX (end, start + 1), scan->n_chars);
  start = MIN (start, end - 1);

  hit.rule = rule;
  hit.pattern_id = pattern_id;
  hit.field = scan->field;
  hit.start = start;
  hit.end = end;
  /* GRegex says "Error while matching regular expression PATTERN: REASON". */
  hit.failure = g_strdup (reason != NULL ? reason + 2 : error->message);
  g_array_append_val (scan->hits, hit);
}

static void
match_pattern (FieldScan      *scan,
               RedlineRule    *rule,
               RedlinePattern *pattern,
               gsize           from,
               gsize           to,
               const Span     *hints,
               guint           n_hints)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  gsize byte_from = byte_at_char (scan, from);
  gsize byte_to = byte_at_char (scan, to);

  /* The whole text is passed, so look-behinds see before @from; its end is
   * cut at @to. */
  g_regex_match_full (pattern->regex, scan->utf8, byte_to, byte_from, G_REGEX_MATCH_NOTEMPTY,
                      &match, &error);
  while (g_match_info_matches (match))
    {
      int byte_start, byte_end;
      gsize start, end;
      gboolean near_hint = n_hints == 0;

      g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
      start = char_at_byte (scan, byte_start);
      end = char_at_byte (scan, byte_end);
      for (guint h = 0; h < n_hints && !near_hint; h++)
        near_hint = hints[h].start < end && hints[h].end > start;
      if (near_hint && !excepted (scan, &rule->exceptions, start, end))
        add_hit (scan, rule, NULL, pattern->id, start, end);
      g_match_info_next (match, &error);
    }
  if (error != NULL)
    add_failure (scan, rule, pattern->id, from, to, error);
}

static void
scan_patterns (FieldScan *scan)
{
  for (guint r = 0; r < scan->self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (scan->self->rules, r);

      if (rule->patterns->len == 0 || !rule_applies (scan, rule, NULL))
        continue;

      for (guint p = 0; p < rule->patterns->len; p++)
        {
          RedlinePattern *pattern = g_ptr_array_index (rule->patterns, p);
          GArray *spans;
          guint first = 0;

          if (pattern->hints->len == 0)
            {
              ensure_utf8 (scan);
              match_pattern (scan, rule, pattern, 0, scan->n_chars, NULL, 0);
              continue;
            }

          /* Only around the hints, in windows merged where they meet. */
          spans = scan->hints != NULL ? g_hash_table_lookup (scan->hints, pattern) : NULL;
          if (spans == NULL)
            continue;
          ensure_utf8 (scan);
          while (first < spans->len)
            {
              const Span *hint = &g_array_index (spans, Span, first);
              gsize from = hint->start > HINT_WINDOW ? hint->start - HINT_WINDOW : 0;
              gsize to = MIN (scan->n_chars, hint->end + HINT_WINDOW);
              guint last = first + 1;

              while (last < spans->len &&
                     g_array_index (spans, Span, last).start < to + HINT_WINDOW)
                {
                  to = MIN (scan->n_chars, g_array_index (spans, Span, last).end + HINT_WINDOW);
                  last++;
                }
              match_pattern (scan, rule, pattern, from, to,
                             &g_array_index (spans, Span, first), last - first);
              first = last;
            }
        }
    }
}

static gboolean
domain_allowed (GPtrArray  *domains,
                const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; i < domains->len; i++)
    {
      const char *domain = g_ptr_array_index (domains, i);
      gsize len = strlen (domain);

      if (host_len == len && memcmp (host, domain, len) == 0)
        return TRUE;
      if (host_len > len && host[host_len - len - 1] == '.' &&
          memcmp (host + host_len - len, domain, len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The host of a link found by link_regex: without scheme, user, port, path. */
static char *
link_host (const char *link)
{
  const char *start = link;
  const char *end;
  const char *at;

  if (g_str_has_prefix (start, "http://"))
    start += 7;
  else if (g_str_has_prefix (start, "https://"))
    start += 8;
  end = start + strcspn (start, "/?#");
  at = memchr (start, '@', end - start);
  if (at != NULL)
    start = at + 1;
  for (const char *p = start; p < end; p++)
    {
      if (*p == ':')
        {
          end = p;
          break;
        }
    }
  while (end > start && end[-1] == '.')
    end--;
  return g_strndup (start, end - start);
}

static void
scan_links (FieldScan *scan)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules = NULL;

  for (guint r = 0; r < scan->self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (scan->self->rules, r);

      if (rule->type == REDLINE_RULE_TYPE_LINKS && rule_applies (scan, rule, NULL))
        {
          if (rules == NULL)
            rules = g_ptr_array_new ();
          g_ptr_array_add (rules, rule);
        }
    }
  if (rules == NULL)
    return;

  /* Every link has a dot in its host: most Chinese copy has none. */
  {
    gboolean dot = FALSE;

    for (gsize i = 0; i < scan->n_chars && !dot; i++)
      dot = scan->chars[i] == '.';
    if (!dot)
      {
        g_ptr_array_unref (rules);
        return;
      }
  }

  ensure_utf8 (scan);
  g_regex_match_full (scan->self->link_regex, scan->utf8, scan->utf8_len, 0,
                      G_REGEX_MATCH_NOTEMPTY, &match, &error);
  while (g_match_info_matches (match))
    {
      g_autofree char *link = g_match_info_fetch (match, 0);
      g_autofree char *host = NULL;
      int byte_start, byte_end;
      gsize start, end;

      /* Sentence punctuation glued to the end is not part of the link. */
      while (link[0] != '\0' && strchr (".,;:!?)]'", link[strlen (link) - 1]) != NULL)
        link[strlen (link) - 1] = '\0';
      host = link_host (link);
      g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
      start = char_at_byte (scan, byte_start);
      end = char_at_byte (scan, byte_start + strlen (link));

      for (guint i = 0; i < rules->len && host[0] != '\0' && end > start; i++)
        {
          RedlineRule *rule = g_ptr_array_index (rules, i);
          Hit hit = { 0 };

          if (domain_allowed (rule->allow_domains, host) ||
              domain_allowed (scan->self->allowed_domains, host))
            continue;

          hit.rule = rule;
          hit.field = scan->field;
                  hit.start = start;
          hit.end = end;
          hit.domain = g_strdup (host);
          g_array_append_val (scan->hits, hit);
        }
      g_match_info_next (match, &error);
    }
  if (error != NULL)
    {
      for (guint i = 0; i < rules->len; i++)
        add_failure (scan, g_ptr_array_index (rules, i), NULL, 0, scan->n_chars, error);
    }
  g_ptr_array_unref (rules);
}

static void
field_scan_clear (FieldScan *scan)
{
  scan->text = NULL;  /* owned by the scanning thread, reused for the next piece */
  g_clear_pointer (&scan->utf8, g_free);
  g_clear_pointer (&scan->checkpoints, g_free);
  g_clear_pointer (&scan->excepted, g_array_unref);
  g_clear_pointer (&scan->hints, g_hash_table_unref);
}

/* Text longer than a limit: the hit covers the characters past it. */
static void
scan_lengths (RedlineRuleSet     *self,
              RedlineEcosystem    ecosystem,
              RedlineContentKind  kind,
              RedlineField        field,
              const char         *text,
              gsize               length,
              GArray             *hits)
{
  guint first = hits->len;

  for (guint r = 0; r < self->rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);

      if (rule->type != REDLINE_RULE_TYPE_LENGTH || (rule->kinds & (1u << kind)) == 0 ||
          rule->severity[ecosystem] == REDLINE_SEVERITY_OFF)
        continue;

      for (guint i = 0; i < rule->limits->len; i++)
        {
          RedlineLimit *limit = &g_array_index (rule->limits, RedlineLimit, i);
          Hit hit = { 0 };

          if (limit->kind != kind || limit->field != field || length <= limit->max)
            continue;

          hit.rule = rule;
          hit.field = field;
                  hit.start = limit->max;
          hit.end = length;
          hit.length = length;
          hit.max = limit->max;
          g_array_append_val (hits, hit);
        }
    }
  /* The span runs to the end of the text: walk only to its start. */
  for (guint i = first; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      const char *p = text;

      hit->line = 1;
      hit->column = 1;
      for (gsize offset = 0; offset < hit->start; offset++)
        {
          if (*p == '\n')
            {
              hit->line++;
              hit->column = 0;
            }
          hit->column++;
          p = g_utf8_next_char (p);
        }
      hit->text = g_strdup (p);
    }
}

/* Where the piece of a large field that starts at @start should end. */
static const char *
piece_end (RedlineRuleSet *self,
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

/* ---- From hits to findings ------------------------------------------------ */

static int
compare_hits_for_dedup (gconstpointer a,
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

  g_array_sort (hits, compare_hits_for_dedup);
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);

      if (last != NULL && last->rule == hit->rule && last->field == hit->field &&
          (last->failure != NULL) == (hit->failure != NULL) && hit->start < last->end)
        {
          clear_hit (hit);
          continue;
        }
      if (kept != i)
        g_array_index (hits, Hit, kept) = *hit;
      last = &g_array_index (hits, Hit, kept);
      kept++;
    }
  truncate_hits (hits, kept);
}

/* Appends at most @max code points of @value, ending in an ellipsis when it
 * was cut; returns how many code points were appended. */
static gsize
append_capped (GString    *out,
               const char *value,
               gsize       max)
{
  const char *p = value;
  gsize n = 0;

  while (*p != '\0' && n < max)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p == '\0')
    {
      g_string_append_len (out, value, p - value);
      return n;
    }
  /* Cut: keep room for the ellipsis. */
  p = g_utf8_prev_char (p);
  g_string_append_len (out, value, p - value);
  g_string_append (out, "…");
  return n;
}

static char *
expand_message (const char *message,
                const char *text,
                const Hit  *hit,
                const char *missing)
{
  static const char * const names[] = { "{text}", "{missing}", "{domain}", "{length}", "{max}" };
  GString *out = g_string_new (NULL);
  gsize left = MESSAGE_MAX_CHARS;   /* code points the message may still take */

  for (const char *p = message; *p != '\0'; p++)
    {
      guint which = G_N_ELEMENTS (names);
      char number[16];
      const char *value;

      if (left == 0)
        {
          /* The message is cut: its last character becomes an ellipsis. */
          const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

          if (last != NULL)
            g_string_truncate (out, last - out->str);
          g_string_append (out, "…");
          break;
        }
      if (*p == '{')
        {
          for (which = 0; which < G_N_ELEMENTS (names); which++)
            {
              if (g_str_has_prefix (p, names[which]))
                break;
            }
        }
      switch (which)
        {
        case 0:
          value = text;
          break;
        case 1:
          value = missing;
          break;
        case 2:
          value = hit->domain;
          break;
        case 3:
          g_snprintf (number, sizeof number, "%u", hit->length);
          value = number;
          break;
        case 4:
          g_snprintf (number, sizeof number, "%u", hit->max);
          value = number;
          break;
        default:
          {
            /* One character of the template. */
            const char *next = g_utf8_next_char (p);

            g_string_append_len (out, p, next - p);
            left--;
            p = next - 1;
            continue;
          }
        }
      if (value != NULL)
        left -= append_capped (out, value, MIN (left, MESSAGE_MAX_VALUE_CHARS));
      p += strlen (names[which]) - 1;
    }
  return g_string_free (out, FALSE);
}

static RedlineFinding *
make_finding (RedlineEcosystem  ecosystem,
              Hit              *hit,
              const char       *missing)
{
  RedlineFinding *finding = _redline_finding_new ();
  RedlineRule *rule = hit->rule;
  const char * const *suggestions;
  gboolean document = missing != NULL;

  finding->rule = g_object_ref (rule);
  if (rule->pack != NULL)
    finding->pack = g_object_ref (rule->pack);
  if (hit->term != NULL)
    finding->term_id = hit->term->id;
  else if (hit->pattern_id != NULL)
    finding->term_id = hit->pattern_id;
  finding->ecosystem = ecosystem;
  finding->severity = entry_severity (rule, hit->term, ecosystem);
  finding->other_severity = entry_severity (rule, hit->term, redline_ecosystem_other (ecosystem));
  finding->field = hit->field;
  finding->scope = document ? REDLINE_SCOPE_DOCUMENT : REDLINE_SCOPE_SPAN;
  if (hit->failure != NULL)
    finding->message = g_strdup_printf (_("This text could not be checked against the rule: "
                                           "its regular expression gave up (%s). Check the "
                                           "text by hand, or shorten it."),
                                        hit->failure);
  else
    finding->message = expand_message (rule->message, hit->text, hit, missing);
  if (!document)
    {
      finding->start = hit->start;
      finding->end = hit->end;
      finding->line = hit->line;
      finding->column = hit->column;
      /* The span's text can be long (a length limit's): moved, not copied. */
      finding->text = g_steal_pointer (&hit->text);
    }
  else
    {
      finding->text = g_strdup ("");
      finding->missing = g_strdup (missing);
      finding->trigger = g_strdup (hit->text);
    }
  suggestions = (hit->term != NULL && hit->term->suggestions != NULL &&
                 hit->term->suggestions[0] != NULL)
                  ? (const char * const *) hit->term->suggestions
                  : (const char * const *) rule->suggestions;
  finding->suggestions = suggestions;
  return finding;
}

/* ---- Checking a document, piece by piece ---------------------------------- */

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

static void
count_text (const char *p,
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

static void
scan_piece (PieceQueue  *queue,
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
  count_text (scan_start, piece->start, &lead_chars, &lead_breaks);
  count_text (piece->stop, scan_stop, &trail_chars, &trail_breaks);

  piece->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  piece->present = g_new0 (gboolean, MAX (self->n_required, 1));

  scan.self = self;
  scan.ecosystem = queue->ecosystem;
  scan.kind = queue->kind;
  scan.field = queue->field;
  scan.original = scan_start;
  scan.original_len = scan_stop - scan_start;
  scan.present = piece->present;
  scan.hits = piece->hits;
  redline_text_reset (normalized, scan_start, scan_stop - scan_start);
  scan.text = normalized;
  scan.chars = redline_text_get_chars (scan.text, &scan.n_chars);
  scan.excepted = g_array_new (FALSE, FALSE, sizeof (Hit));

  redline_matcher_scan (self->matcher, scan.chars, scan.n_chars, on_match_cb, &scan);
  drop_hits_inside_exceptions (&scan, 0);
  if (self->has_patterns)
    scan_patterns (&scan);
  scan_links (&scan);

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
          clear_hit (hit);
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
  truncate_hits (piece->hits, kept);
  g_array_sort (piece->hits, compare_hits_for_dedup);

  for (p = piece->stop; p > piece->start && p[-1] != '\n'; p--)
    ;
  if (p > piece->start)
    {
      gsize breaks;

      count_text (p, piece->stop, &piece->tail, &breaks);
    }
  else
    piece->tail = G_MAXSIZE;

  field_scan_clear (&scan);
}

/* Takes the next piece to scan, if scanning may run that far ahead; called
 * with the queue's mutex held. */
static gboolean
take_piece (PieceQueue *queue,
            guint      *index)
{
  if (queue->stop || queue->next >= queue->n_pieces ||
      queue->next >= queue->delivered + queue->window)
    return FALSE;
  *index = queue->next++;
  return TRUE;
}

/* Scans a piece; called with the mutex held, which it lets go meanwhile. */
static void
scan_taken_piece (PieceQueue  *queue,
                  guint        index,
                  RedlineText *normalized)
{
  g_mutex_unlock (&queue->mutex);
  scan_piece (queue, &queue->pieces[index], normalized);
  g_mutex_lock (&queue->mutex);
  queue->pieces[index].done = TRUE;
  g_cond_broadcast (&queue->cond);
}

static gpointer
scan_pieces_thread (gpointer data)
{
  PieceQueue *queue = data;
  g_autoptr(RedlineText) normalized = redline_text_new ("", 0);

  g_mutex_lock (&queue->mutex);
  while (!queue->stop && queue->next < queue->n_pieces)
    {
      guint index;

      if (take_piece (queue, &index))
        scan_taken_piece (queue, index, normalized);
      else
        g_cond_wait (&queue->cond, &queue->mutex);
    }
  g_mutex_unlock (&queue->mutex);
  return NULL;
}

/* What a check carries from piece to piece and field to field. */
typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  RedlineContentKind  kind;
  RedlineFindingFunc  func;
  gpointer            user_data;
  gboolean            stopped;     /* @func asked to stop */
  gboolean           *present;     /* per required phrase, in the whole document */
  GHashTable         *last_end;    /* rule (| 1 for failures) → end of its last hit */
  GHashTable         *triggers;    /* "requires" rule → its earliest trigger, a Hit */
  GPtrArray          *pending;     /* of RedlineFinding: the field's lengths, in order */
  guint               next_pending;
  gsize               offset;      /* where the next piece starts in its field */
  gsize               line;
  gsize               column;
} Checker;

static void
emit_finding (Checker        *checker,
              RedlineFinding *finding)
{
  if (!checker->stopped)
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
        clear_hit (&g_array_index (piece->hits, Hit, i));
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
          clear_hit (hit);
          continue;
        }
      g_hash_table_insert (checker->last_end, key, GSIZE_TO_POINTER (hit->end));
      if (kept != i)
        g_array_index (hits, Hit, kept) = *hit;
      kept++;
    }
  truncate_hits (hits, kept);
  g_array_sort (hits, compare_hits_for_output);

  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);

      if (hit->rule->type == REDLINE_RULE_TYPE_REQUIRES && hit->failure == NULL)
        {
          /* The earliest trigger of a "requires" rule is remembered for a
           * finding about the whole document. */
          if (!g_hash_table_contains (checker->triggers, hit->rule))
            {
              g_hash_table_insert (checker->triggers, hit->rule, g_memdup2 (hit, sizeof *hit));
              memset (hit, 0, sizeof *hit);
            }
        }
      else if (!checker->stopped)
        {
          g_autoptr(RedlineFinding) finding = make_finding (checker->ecosystem, hit, NULL);

          deliver_finding (checker, finding);
        }
      clear_hit (hit);
    }
  g_array_set_size (hits, 0);

  checker->offset += piece->length;
  checker->line += piece->n_breaks;
  checker->column = piece->tail == G_MAXSIZE ? checker->column + piece->length
                                             : piece->tail + 1;
}

/* The field's length findings, made before its pieces are scanned so that
 * they are handed on in order among the others. */
static void
add_length_findings (Checker      *checker,
                     RedlineField  field,
                     const char   *text,
                     const char   *end)
{
  RedlineRuleSet *self = checker->self;
  g_autoptr(GArray) hits = NULL;
  gboolean any = FALSE;
  gsize length, breaks;

  for (guint r = 0; r < self->rules->len && !any; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);

      if (rule->type != REDLINE_RULE_TYPE_LENGTH)
        continue;
      for (guint i = 0; i < rule->limits->len && !any; i++)
        {
          RedlineLimit *limit = &g_array_index (rule->limits, RedlineLimit, i);

          any = limit->kind == checker->kind && limit->field == field;
        }
    }
  if (!any)
    return;

  count_text (text, end, &length, &breaks);
  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_array_set_clear_func (hits, clear_hit);
  scan_lengths (self, checker->ecosystem, checker->kind, field, text, length, hits);
  dedup_hits (hits);
  g_array_sort (hits, compare_hits_for_output);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (checker->pending,
                     make_finding (checker->ecosystem, &g_array_index (hits, Hit, i), NULL));
}

/* Scans one field in pieces, on every processor, and hands on its findings
 * in order as the pieces are done: only a few pieces are held at a time. */
static void
check_field (Checker      *checker,
             RedlineField  field,
             const char   *text)
{
  RedlineRuleSet *self = checker->self;
  const char *end = text + strlen (text);
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_autoptr(RedlineText) normalized = redline_text_new ("", 0);
  PieceQueue queue = { 0 };
  GThread *threads[8];
  guint n_threads;

  add_length_findings (checker, field, text, end);

  for (const char *start = text; start < end || pieces->len == 0; )
    {
      Piece piece = { 0 };

      piece.start = start;
      piece.stop = piece_end (self, start, end);
      g_array_append_val (pieces, piece);
      start = piece.stop;
    }

  queue.self = self;
  queue.ecosystem = checker->ecosystem;
  queue.kind = checker->kind;
  queue.field = field;
  queue.text = text;
  queue.text_end = end;
  queue.pieces = (Piece *) (gpointer) pieces->data;
  queue.n_pieces = pieces->len;
  g_mutex_init (&queue.mutex);
  g_cond_init (&queue.cond);

  n_threads = MIN (MIN (g_get_num_processors (), G_N_ELEMENTS (threads)), pieces->len);
  queue.window = 2 * n_threads;
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("redline-scan", scan_pieces_thread, &queue);

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

          if (take_piece (&queue, &index))
            scan_taken_piece (&queue, index, normalized);
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

/* A "requires" rule whose trigger fired and none of whose phrases is
 * anywhere in the document gives one finding about the whole document,
 * naming its earliest trigger. */
static void
deliver_document_findings (Checker *checker)
{
  RedlineRuleSet *self = checker->self;
  g_autoptr(GHashTable) first_required = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (checker->triggers) == 0)
    return;

  first_required = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->term == NULL && entry->pattern == NULL &&
          !g_hash_table_contains (first_required, entry->rule))
        g_hash_table_insert (first_required, entry->rule, GUINT_TO_POINTER (entry->required));
    }

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, checker->triggers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RedlineRule *rule = key;
      Hit *trigger = value;
      guint required = GPOINTER_TO_UINT (g_hash_table_lookup (first_required, rule));
      gboolean satisfied = FALSE;

      for (guint r = 0; r < rule->requires->len && !satisfied; r++)
        satisfied = checker->present[required + r];
      if (!satisfied)
        {
          const RedlinePhrase *missing = g_ptr_array_index (rule->requires, 0);

          g_ptr_array_add (findings, make_finding (checker->ecosystem, trigger, missing->text));
        }
    }
  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    emit_finding (checker, g_ptr_array_index (findings, i));
}

static void
free_trigger (gpointer data)
{
  Hit *hit = data;

  clear_hit (hit);
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
  gsize size = 0;
  g_autofree gboolean *present = NULL;
  g_autoptr(GHashTable) last_end = NULL;
  g_autoptr(GHashTable) triggers = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, FALSE);
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  present = g_new0 (gboolean, MAX (self->n_required, 1));
  last_end = g_hash_table_new (NULL, NULL);
  triggers = g_hash_table_new_full (NULL, NULL, NULL, free_trigger);
  pending = g_ptr_array_new_with_free_func (g_object_unref);

  checker.self = self;
  checker.ecosystem = ecosystem;
  checker.kind = kind;
  checker.func = func;
  checker.user_data = user_data;
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    size += document->fields[field] != NULL ? strlen (document->fields[field]) : 0;
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
        check_field (&checker, field, document->fields[field]);
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

/* ---- Examples ------------------------------------------------------------- */

static RedlineEcosystem
example_ecosystem (RedlineRule    *rule,
                   RedlineExample *example)
{
  if (example->has_ecosystem)
    return example->ecosystem;
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      if (rule->severity[e] != REDLINE_SEVERITY_OFF)
        return e;
      for (guint t = 0; t < rule->terms->len; t++)
        {
          RedlineTerm *term = g_ptr_array_index (rule->terms, t);

          if (term->severity[e] != REDLINE_SEVERITY_OFF)
            return e;
        }
    }
  return REDLINE_ECOSYSTEM_WEIXIN;
}

static char *
describe_findings (GPtrArray *mine)
{
  GString *out = g_string_new (NULL);

  if (mine->len == 0)
    g_string_append (out, "nothing");
  for (guint i = 0; i < mine->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (mine, i);

      if (i > 0)
        g_string_append (out, ", ");
      if (finding->scope == REDLINE_SCOPE_DOCUMENT)
        g_string_append (out, "a finding about the whole document");
      else
        g_string_append_printf (out, "%" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " “%s”",
                                finding->start, finding->end, finding->text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
run_example (RedlineRuleSet  *self,
             RedlineRule     *rule,
             RedlineExample  *example,
             char           **detail)
{
  RedlineDocument document = { { NULL } };
  RedlineEcosystem ecosystem = example_ecosystem (rule, example);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *got = NULL;

  document.fields[example->field] = example->text;
  findings = redline_rule_set_check (self, &document, ecosystem, example->kind);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      RedlineFinding *finding = g_list_model_get_item (findings, i);

      if (finding->rule == rule)
        g_ptr_array_add (mine, finding);
      else
        g_object_unref (finding);
    }

  if (example->correct)
    {
      if (mine->len == 0)
        return TRUE;
      got = describe_findings (mine);
      *detail = g_strdup_printf ("the correct example “%s” (%s) gives %s",
                                 example->text, redline_ecosystem_to_string (ecosystem), got);
      return FALSE;
    }

  for (guint i = 0; i < mine->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (mine, i);

      if (rule->type == REDLINE_RULE_TYPE_REQUIRES
          ? finding->scope == REDLINE_SCOPE_DOCUMENT
          : (finding->scope == REDLINE_SCOPE_SPAN &&
             finding->start == example->marker_start && finding->end == example->marker_end))
        return TRUE;
    }

  got = describe_findings (mine);
  if (example->has_marker)
    *detail = g_strdup_printf ("the incorrect example “%s” (%s) should give %" G_GSIZE_FORMAT
                               "–%" G_GSIZE_FORMAT ", but gives %s",
                               example->text, redline_ecosystem_to_string (ecosystem),
                               example->marker_start, example->marker_end, got);
  else
    *detail = g_strdup_printf ("the incorrect example “%s” (%s) should give a finding "
                               "about the whole document, but gives %s",
                               example->text, redline_ecosystem_to_string (ecosystem), got);
  return FALSE;
}

/* A set of the rules of @self from @first on, for running their examples:
 * at most EXAMPLE_BATCH_RULES rules, and no more entries than
 * EXAMPLE_BATCH_ENTRIES unless its one rule has more; with the same
 * options. */
#define EXAMPLE_BATCH_RULES 64
#define EXAMPLE_BATCH_ENTRIES 4096

static RedlineRuleSet *
new_example_batch (RedlineRuleSet *self,
                   guint           first)
{
  RedlineRuleSet *batch = g_object_new (REDLINE_TYPE_RULE_SET, NULL);

  g_ptr_array_unref (batch->allowed_domains);
  batch->allowed_domains = g_ptr_array_ref (self->allowed_domains);
  g_ptr_array_unref (batch->allowed_terms);
  batch->allowed_terms = g_ptr_array_ref (self->allowed_terms);

  for (guint r = first; r < self->rules->len && batch->rules->len < EXAMPLE_BATCH_RULES; r++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, r);
      guint n_entries = rule->terms->len + rule->requires->len;

      for (guint q = 0; q < rule->patterns->len; q++)
        n_entries += ((RedlinePattern *) g_ptr_array_index (rule->patterns, q))->hints->len;
      if (batch->rules->len > 0 && batch->entries->len + n_entries > EXAMPLE_BATCH_ENTRIES)
        break;
      add_rule (batch, rule);
    }
  redline_matcher_compile (batch->matcher);
  return batch;
}

/**
 * redline_rule_set_test_examples:
 * @self: a #RedlineRuleSet
 * @func: (scope call) (nullable): called for every example
 * @user_data: passed to @func
 *
 * Runs every example of every rule: an incorrect example must give a finding
 * of its rule on the marked span, a correct one none.
 *
 * Returns: %TRUE if every example passed
 */
gboolean
redline_rule_set_test_examples (RedlineRuleSet     *self,
                                RedlineExampleFunc  func,
                                gpointer            user_data)
{
  gboolean all_passed = TRUE;
  guint first = 0;

  g_return_val_if_fail (REDLINE_IS_RULE_SET (self), FALSE);

  /* A check takes time with the number of rules and entries of its set,
   * and a rule's findings do not depend on the other rules: so the
   * examples run against small sets of a few rules each, not against the
   * whole set, which would take time that grows with the square of the
   * number of rules. */
  while (first < self->rules->len)
    {
      g_autoptr(RedlineRuleSet) batch = new_example_batch (self, first);

      for (guint r = 0; r < batch->rules->len; r++)
        {
          RedlineRule *rule = g_ptr_array_index (batch->rules, r);

          for (guint e = 0; e < rule->examples->len; e++)
            {
              RedlineExample *example = g_ptr_array_index (rule->examples, e);
              g_autofree char *detail = NULL;
              gboolean passed = run_example (batch, rule, example, &detail);

              all_passed &= passed;
              if (func != NULL)
                func (rule, example->line, passed, detail, user_data);
            }
        }
      first += batch->rules->len;
    }
  return all_passed;
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
