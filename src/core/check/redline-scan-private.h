/* redline-scan-private.h: what the files of the checker share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule set (redline-rule-set.c) compiles packs and schedules the pieces
 * of a document. Each piece is scanned by the passes every rule shares in
 * redline-field-scan.c (one automaton for every term, phrase and hint, then
 * the regular expressions, with the exceptions of redline-exceptions.c and
 * the words of redline-word-scan.c), then by the passes of each rule type
 * (a RedlineRuleTypeCheck, listed in redline-type-checks.c: links in
 * redline-link-scan.c, lengths in redline-length-scan.c, required phrases
 * in redline-requires-scan.c). Hits become findings in redline-message.c.
 */

#pragma once

#include "redline-matcher.h"
#include "redline-rule-private.h"
#include "redline-rule-set.h"
#include "redline-rule-type-private.h"
#include "redline-text.h"

G_BEGIN_DECLS

/* An expanded message holds at most this many code points, and a
 * placeholder at most the second many: longer ones end in an ellipsis
 * (doc/rule-packs.md). */
#define MESSAGE_MAX_CHARS 2000
#define MESSAGE_MAX_VALUE_CHARS 200

/* The text of a "length" finding is the start of what is past the limit,
 * at most this many code points and then an ellipsis: the span (start,
 * end) covers all of it (doc/cli.md). */
#define LENGTH_TEXT_MAX_CHARS 200

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
  GPtrArray      *rules_of_type[REDLINE_N_RULE_TYPES]; /* the same, by type */
  GHashTable     *rules_by_id;
  GArray         *entries;         /* of Entry: the matcher's payloads */
  RedlineMatcher *matcher;
  GPtrArray      *allowed_domains; /* of char*, from the options */
  GPtrArray      *allowed_terms;   /* of RedlinePhrase, from the options */
  GRegex         *link_regex;
  guint           n_terms;
  guint           n_required;      /* phrases of "requires" rules, all told */
  GHashTable     *first_required;  /* "requires" rule → index of its first phrase */
  gboolean        has_patterns;
  RedlineLengthProfile length_profile; /* from the options */
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
  gboolean      outside_context; /* its rule's context is not in its paragraph, or
                                  * its sentence reports or forbids it (mention) */
} Hit;

/* The last stretch of text searched for a member of a lexicon, and what
 * was found: the hits of a paragraph or a sentence come one after another. */
typedef struct
{
  const RedlineLexicon *lexicon;
  gsize                 from;
  gsize                 to;
  gboolean              found;
} LexiconSearch;

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
  guint8             *cut;         /* per character: a CutState, made on demand */
  GArray             *pending;     /* of Pending: term hits waiting for the cut */
  gboolean            purpose_unknown; /* rules with a context look for it */
  LexiconSearch       context;     /* the last paragraph searched for a context */
  LexiconSearch       mention;     /* the last sentence searched for a mention */
} FieldScan;

typedef struct
{
  guint32 payload;
  gsize   start;
  gsize   end;
} Pending;

void _redline_scan_pending_words (FieldScan *scan);

/* What is known of the cut into words at a position (redline-word-scan.c). */
typedef enum
{
  CUT_UNKNOWN,
  CUT_INSIDE,
  CUT_BOUNDARY,
} CutState;


static inline RedlineSeverity
_redline_entry_severity (RedlineRule      *rule,
                         RedlineTerm      *term,
                         RedlineEcosystem  ecosystem)
{
  return term != NULL ? term->severity[ecosystem] : rule->severity[ecosystem];
}


gboolean _redline_scan_whole_words (FieldScan       *scan,
                                    RedlineTerm     *term,
                                    gsize            start,
                                    gsize            end,
                                    gsize           *joined_end);
gboolean _redline_scan_member_follows (const FieldScan *scan,
                                       RedlineTerm     *term,
                                       gsize            end);
gboolean _redline_scan_near_member (const FieldScan *scan,
                                    RedlineTerm     *term,
                                    gsize            start,
                                    gsize            end,
                                    gsize           *span_start,
                                    gsize           *span_end);

gboolean _redline_scan_in_context (FieldScan            *scan,
                                   const RedlineLexicon *lexicon,
                                   gboolean              everyday,
                                   gsize                 start,
                                   gsize                 end);
gboolean _redline_scan_in_mention (FieldScan            *scan,
                                   const RedlineLexicon *lexicon,
                                   gsize                 start,
                                   gsize                 end);

gboolean
_redline_scan_any_overlaps (const FieldScan *scan,
                            GPtrArray       *phrases,
                            gsize            start,
                            gsize            end);

gboolean
_redline_scan_excepted (const FieldScan         *scan,
                        const RedlineExceptions *exceptions,
                        gsize                    start,
                        gsize                    end);

gboolean
_redline_scan_at_word_boundaries (const FieldScan *scan,
                                  RedlineTerm     *term,
                                  gsize            start,
                                  gsize            end);

gboolean
_redline_scan_rule_applies (const FieldScan *scan,
                            RedlineRule     *rule,
                            RedlineTerm     *term);

void
_redline_scan_on_match_cb (guint32  payload,
                           gsize    start,
                           gsize    end,
                           gpointer user_data);

void
_redline_scan_drop_excepted_hits (FieldScan *scan,
                                  guint      first_hit);

void
_redline_scan_ensure_utf8 (FieldScan *scan);

gsize
_redline_scan_char_at_byte (FieldScan *scan,
                            gsize      byte);

void
_redline_scan_add_failure (FieldScan    *scan,
                           RedlineRule  *rule,
                           const char   *pattern_id,
                           gsize         start,
                           gsize         end,
                           const GError *error);

void
_redline_scan_patterns (FieldScan *scan);

void
_redline_field_scan_clear (FieldScan *scan);

RedlineFinding *
_redline_hit_make_finding (RedlineEcosystem  ecosystem,
                           Hit              *hit,
                           const char       *missing);

void
_redline_hit_clear (gpointer data);

void
_redline_hits_truncate (GArray *hits,
                        guint   length);

void
_redline_rule_set_add_rule (RedlineRuleSet *self,
                            RedlineRule    *rule);

/**
 * RedlinePlaceholder:
 * @name: the name between the braces, such as `missing` for `{missing}`
 * @get: its value for a hit (@text the hit's text, @missing the phrase a
 *   "requires" rule misses), written in @buffer if it must be made; %NULL
 *   puts nothing in the message
 */
typedef struct
{
  const char  *name;
  const char *(*get) (const Hit  *hit,
                      const char *text,
                      const char *missing,
                      char       *buffer,
                      gsize       size);
} RedlinePlaceholder;

/* A whole field, for the passes that need all of it at once. */
typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  RedlineContentKind  kind;
  RedlineField        field;
  const char         *text;
  const char         *end;
} WholeField;

/* What is known once every field of a document has been scanned. */
typedef struct
{
  RedlineRuleSet     *self;
  RedlineEcosystem    ecosystem;
  const gboolean     *present;   /* per required phrase, anywhere in the document */
} WholeDocument;

/**
 * RedlineRuleTypeCheck:
 * @placeholders: the message placeholders the type provides beyond
 *   `{text}`, ending with `{ NULL, NULL }`
 * @compile: (nullable): adds what a rule of the type needs to a rule set,
 *   beyond its terms and patterns (which every type that has them shares)
 * @scan_piece: (nullable): a pass over a piece of a field, after the
 *   automaton and the patterns; @rules are the set's rules of the type
 * @scan_field: (nullable): a pass over a whole field, before its pieces,
 *   for what needs all of it (a length); it appends to @hits
 * @document_finding: (nullable): for a type whose findings are about the
 *   whole document (RedlineRuleTypeInfo.whole_document), the finding of
 *   @rule, whose earliest hit in the document was @first, or %NULL
 *
 * What the checker knows of one rule type; one per type, next to its pass.
 */
typedef struct
{
  const RedlinePlaceholder *placeholders;
  void            (*compile)          (RedlineRuleSet      *self,
                                       RedlineRule         *rule);
  void            (*scan_piece)       (FieldScan           *scan,
                                       GPtrArray           *rules);
  void            (*scan_field)       (const WholeField    *field,
                                       GPtrArray           *rules,
                                       GArray              *hits);
  RedlineFinding *(*document_finding) (const WholeDocument *document,
                                       RedlineRule         *rule,
                                       Hit                 *first);
} RedlineRuleTypeCheck;

extern const RedlineRuleTypeCheck _redline_terms_check;     /* redline-field-scan.c */
extern const RedlineRuleTypeCheck _redline_requires_check;  /* redline-requires-scan.c */
extern const RedlineRuleTypeCheck _redline_links_check;     /* redline-link-scan.c */
extern const RedlineRuleTypeCheck _redline_length_check;    /* redline-length-scan.c */

const RedlineRuleTypeCheck *_redline_rule_type_get_check (RedlineRuleType type);

G_END_DECLS
