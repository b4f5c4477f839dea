/* redline-rule-private.h: the parts of a rule the loader and checker share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-lexicon-private.h"
#include "redline-matcher.h"
#include "redline-rule.h"

G_BEGIN_DECLS

typedef struct
{
  char     *text;     /* as written */
  gunichar *chars;    /* normalised */
  gsize     n_chars;
} RedlinePhrase;

typedef struct
{
  GPtrArray *overlap;  /* of RedlinePhrase: the phrase covers the hit */
  GPtrArray *before;   /* the text before the hit ends with the phrase */
  GPtrArray *after;    /* the text after the hit starts with the phrase */
  GPtrArray *patterns; /* of GRegex: a match near the hit overlaps it */
  GPtrArray *pattern_hints; /* per pattern, a GPtrArray of RedlinePhrase or NULL:
                             * one occurs near the hit, or the pattern is not run */
  RedlineMatcher *hint_matcher; /* all those hints, the payload their pattern's index */
} RedlineExceptions;

typedef struct
{
  char              *id;
  RedlinePhrase      phrase;
  char             **suggestions;
  RedlineExceptions  exceptions;
  RedlineSeverity    severity[REDLINE_N_ECOSYSTEMS];
  gboolean           word_start;  /* must begin at a word boundary */
  gboolean           word_end;    /* must end at a word boundary */
  gboolean           whole_words; /* Chinese cut into words: a word of its own */
  gboolean           join;        /* the hit runs on over the next word */
  RedlineLexicon    *with;        /* a member must be near (with="ID") */
  guint              within;      /* how near, in characters */
  guint              sides;       /* RedlineSide bits: where it may be */
  RedlineLexicon    *except_with; /* a member right after cancels the hit */
  RedlineLexicon    *context;     /* in copy of unknown purpose, a claim unless it
                                   * reads as prose without a member of this
                                   * (context="ID", the rule's by default) */
  gboolean           everyday;    /* everyday="yes": with a context, a claim only
                                   * where a member of it is near */
  guint              line;
} RedlineTerm;

typedef enum
{
  REDLINE_SIDE_AFTER  = 1 << 0,
  REDLINE_SIDE_BEFORE = 1 << 1,
} RedlineSide;

/* How every rule and exception pattern is compiled. */
#define REDLINE_PATTERN_FLAGS G_REGEX_CASELESS

typedef struct
{
  char      *id;
  char      *source;
  GRegex    *regex;   /* interpreted: compiles fast, for short stretches */
  GRegex    *jit;     /* the same, compiled to machine code once it has
                       * run over enough text (_redline_pattern_get_regex());
                       * atomic, as is: */
  gsize      interpreted;  /* bytes matched by @regex so far */
  GPtrArray *hints;   /* of RedlinePhrase: every match contains one */
  guint      line;
} RedlinePattern;

typedef struct
{
  RedlineContentKind kind;
  RedlineField       field;
  guint              max;
  int                profile;  /* a RedlineLengthProfile, or -1 for every one */
} RedlineLimit;

typedef struct
{
  gboolean           correct;
  gboolean           has_ecosystem;
  RedlineEcosystem   ecosystem;
  RedlineContentKind kind;
  RedlineField       field;
  char              *text;
  gboolean           has_marker;
  gsize              marker_start;  /* code points */
  gsize              marker_end;
  guint              line;
} RedlineExample;

struct _RedlineRule
{
  GObject            parent_instance;

  RedlineRulePack   *pack;          /* borrowed: the pack owns its rules, and sets
                                     * this back to NULL when it goes */
  char              *id;
  RedlineRuleType    type;
  char              *category;
  char              *topic;
  RedlineSeverity    severity[REDLINE_N_ECOSYSTEMS];
  guint              kinds;         /* bit per RedlineContentKind */
  guint              purposes;      /* REDLINE_PURPOSE_BIT()s it applies to */
  gboolean           whole_words;   /* its terms' default for words="whole" */
  RedlineLexicon    *context;       /* its terms' and patterns' context="ID" */
  RedlineLexicon    *mention;       /* in copy of unknown purpose, a hit whose
                                     * sentence holds a member of this is
                                     * named, not claimed (mention="ID") */
  char              *message;
  char              *reference;
  char              *url;
  char             **suggestions;
  GPtrArray         *terms;         /* of RedlineTerm */
  GPtrArray         *patterns;      /* of RedlinePattern */
  RedlineExceptions  exceptions;
  GPtrArray         *requires;      /* of RedlinePhrase */
  GPtrArray         *allow_domains; /* of char*, lower case */
  GArray            *limits;        /* of RedlineLimit */
  GPtrArray         *examples;      /* of RedlineExample */
  guint              line;
};

#define REDLINE_ALL_KINDS ((1u << REDLINE_N_CONTENT_KINDS) - 1)

RedlineRule   *_redline_rule_new              (void);
RedlinePhrase *_redline_phrase_new            (const char        *text);
void           _redline_phrase_free           (RedlinePhrase     *phrase);
void           _redline_phrase_init           (RedlinePhrase     *phrase,
                                               const char        *text);
void           _redline_exceptions_init       (RedlineExceptions *exceptions);
void           _redline_exceptions_clear      (RedlineExceptions *exceptions);
void           _redline_exceptions_compile    (RedlineExceptions *exceptions);
RedlineTerm   *_redline_term_new              (void);
void           _redline_term_free             (RedlineTerm       *term);
GRegex        *_redline_pattern_get_regex     (RedlinePattern    *pattern,
                                               gsize              length);
void           _redline_pattern_free          (RedlinePattern    *pattern);
void           _redline_example_free          (RedlineExample    *example);

G_END_DECLS
