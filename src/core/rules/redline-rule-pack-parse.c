/* redline-rule-pack-parse.c: the semantic pass of loading a rule pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After libxml2 has parsed the pack and the schema has validated it
 * (redline-rule-pack.c), this pass builds the rules and checks what the
 * schema cannot: duplicate ids, unknown categories, regular expressions,
 * severities, limits and examples.
 */

#define G_LOG_DOMAIN "redline-rule-pack"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-fold-private.h"
#include "redline-rule-pack-load-private.h"
#include "redline-rule-type-private.h"
#include "redline-severity-policy.h"
#include "redline-text.h"
#include "redline-xml-private.h"

static gboolean
add_phrase (LoadState   *state,
            GPtrArray   *phrases,
            const char  *text,
            xmlNode     *node,
            const char  *attribute,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  RedlinePhrase *phrase;

  phrase = _redline_phrase_new (copy);
  if (phrase->n_chars == 0)
    {
      _redline_phrase_free (phrase);
      _redline_xml_set_node_error (state, error, node, attribute, REDLINE_RULES_ERROR_INVALID,
                      _("the phrase “%s” is empty once spaces and punctuation are ignored"),
                      copy);
      return FALSE;
    }
  g_ptr_array_add (phrases, phrase);
  return TRUE;
}

static gboolean
add_phrase_list (LoadState   *state,
                 GPtrArray   *phrases,
                 xmlNode     *node,
                 const char  *attribute,
                 GError     **error)
{
  g_autofree char *value = _redline_xml_dup_prop (node, attribute);
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return TRUE;

  parts = g_strsplit (value, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!add_phrase (state, phrases, parts[i], node, attribute, error))
        return FALSE;
    }
  return TRUE;
}

/* Interpreted, not compiled to machine code: an exception pattern only ever
 * looks at a few dozen characters around a hit, and a rule's pattern is
 * compiled with PCRE's JIT when it first runs over a long stretch
 * (_redline_pattern_get_regex()), so loading stays fast. */
static GRegex *
compile_regex (LoadState   *state,
               const char  *source,
               xmlNode     *node,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GRegex) regex = NULL;

  regex = g_regex_new (source, REDLINE_PATTERN_FLAGS, 0, &local_error);
  if (regex == NULL)
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_REGEX,
                      _("the regular expression “%s” does not compile: %s"),
                      source, local_error->message);
      return NULL;
    }
  if (g_regex_match (regex, "", 0, NULL))
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_REGEX,
                      _("the regular expression “%s” matches empty text"), source);
      return NULL;
    }
  return g_steal_pointer (&regex);
}

static gboolean
parse_severities (xmlNode         *node,
                  RedlineSeverity  severity[REDLINE_N_ECOSYSTEMS],
                  gboolean         set[REDLINE_N_ECOSYSTEMS])
{
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      g_autofree char *value = _redline_xml_dup_prop (node, redline_ecosystem_to_string (e));

      set[e] = value != NULL && redline_severity_from_string (value, &severity[e]);
    }
  return TRUE;
}

/* purposes="advertising editorial": the schema admits only a list of
 * purposes' names. FALSE if the attribute is absent. */
static gboolean
parse_purposes (xmlNode *node,
                guint   *purposes)
{
  g_autofree char *value = _redline_xml_dup_prop (node, "purposes");
  g_auto(GStrv) names = NULL;

  if (value == NULL)
    return FALSE;
  names = g_strsplit_set (value, " \t\r\n", -1);
  *purposes = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      RedlinePurpose purpose;

      if (redline_purpose_from_string (names[i], &purpose))
        *purposes |= REDLINE_PURPOSE_BIT (purpose);
    }
  return TRUE;
}

static char **
split_suggestions (const char *value)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (value == NULL)
    return NULL;

  parts = g_strsplit (value, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_exception_element (LoadState          *state,
                         RedlineExceptions  *exceptions,
                         xmlNode            *node,
                         GError            **error)
{
  g_autofree char *text = _redline_xml_dup_stripped (node);
  g_autoptr(GPtrArray) hints =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);

  if (_redline_xml_is_element (node, "except"))
    return add_phrase (state, exceptions->overlap, text, node, NULL, error);
  if (_redline_xml_is_element (node, "except-before"))
    return add_phrase (state, exceptions->before, text, node, NULL, error);
  if (_redline_xml_is_element (node, "except-after"))
    return add_phrase (state, exceptions->after, text, node, NULL, error);
  if (_redline_xml_is_element (node, "except-pattern"))
    {
      GRegex *regex = compile_regex (state, text, node, error);

      if (regex == NULL)
        return FALSE;
      g_ptr_array_add (exceptions->patterns, regex);
      if (!add_phrase_list (state, hints, node, "hint", error))
        return FALSE;
      g_ptr_array_add (exceptions->pattern_hints,
                       hints->len > 0 ? g_ptr_array_ref (hints) : NULL);
      return TRUE;
    }
  g_assert_not_reached ();
}

/* The pack's lexicon @id, referenced by @attribute of @node, or NULL with
 * @error set. */
static RedlineLexicon *
lookup_lexicon (LoadState    *state,
                RedlineRule  *rule,
                xmlNode      *node,
                const char   *attribute,
                const char   *id,
                GError      **error)
{
  RedlineLexicon *lexicon = g_hash_table_lookup (rule->pack->lexicons, id);

  if (lexicon == NULL)
    {
      _redline_xml_set_node_error (state, error, node, attribute, REDLINE_RULES_ERROR_INVALID,
                                         _("there is no lexicon “%s” in this pack; declare it with <lexicon id=\"%s\"> "
                                           "before the rules, listing its words or taking a lexicon "
                                           "Redline shares with use=\"NAME\""),
                                         id, id);
      return NULL;
    }
  return _redline_lexicon_ref (lexicon);
}

/* with="ID" within="N" side="after|before|either": the term hits only when
 * a member of the pack's lexicon ID starts or ends within N characters of
 * it, in the same clause; the hit then covers both. */
static gboolean
parse_with (LoadState    *state,
            RedlineRule  *rule,
            RedlineTerm  *term,
            xmlNode      *node,
            GError      **error)
{
  g_autofree char *with = _redline_xml_dup_prop (node, "with");
  g_autofree char *within = _redline_xml_dup_prop (node, "within");
  g_autofree char *side = _redline_xml_dup_prop (node, "side");
  g_autofree char *except_with = _redline_xml_dup_prop (node, "except-with");

  if (except_with != NULL &&
      (term->except_with = lookup_lexicon (state, rule, node, "except-with", except_with, error)) == NULL)
    return FALSE;

  if (with == NULL)
    {
      if (within != NULL || side != NULL)
        {
          _redline_xml_set_node_error (state, error, node, within != NULL ? "within" : "side",
                                             REDLINE_RULES_ERROR_INVALID,
                                             _("“within” and “side” go with “with”, which term “%s” does not have"),
                                             term->id);
          return FALSE;
        }
      return TRUE;
    }

  if ((term->with = lookup_lexicon (state, rule, node, "with", with, error)) == NULL)
    return FALSE;
  term->within = within != NULL ? (guint) g_ascii_strtoull (within, NULL, 10) : 0;
  if (side == NULL || g_str_equal (side, "after"))
    term->sides = REDLINE_SIDE_AFTER;
  else if (g_str_equal (side, "before"))
    term->sides = REDLINE_SIDE_BEFORE;
  else
    term->sides = REDLINE_SIDE_AFTER | REDLINE_SIDE_BEFORE;
  return TRUE;
}

/* context="ID": in copy of unknown purpose, a hit that reads as prose, in a
 * paragraph without a member of lexicon ID, is a note (doc/rule-packs.md);
 * on a term, context="none" turns the rule's off. Without the attribute, a
 * term takes its rule's. */
static gboolean
parse_context (LoadState       *state,
               RedlineRule     *rule,
               xmlNode         *node,
               RedlineLexicon **context,
               GError         **error)
{
  g_autofree char *id = _redline_xml_dup_prop (node, "context");

  if (id == NULL)
    {
      *context = rule->context != NULL ? _redline_lexicon_ref (rule->context) : NULL;
      return TRUE;
    }
  if (g_str_equal (id, "none"))
    return TRUE;
  *context = lookup_lexicon (state, rule, node, "context", id, error);
  return *context != NULL;
}

/* mention="ID": in copy of unknown purpose, a hit in a sentence that holds
 * a member of lexicon ID (据报道, 严禁, 所谓…) names the claim rather than
 * makes it, and is a note (doc/rule-packs.md). */
static gboolean
parse_mention (LoadState    *state,
               RedlineRule  *rule,
               xmlNode      *node,
               GError      **error)
{
  g_autofree char *id = _redline_xml_dup_prop (node, "mention");

  if (id == NULL)
    return TRUE;
  rule->mention = lookup_lexicon (state, rule, node, "mention", id, error);
  return rule->mention != NULL;
}

static gboolean
parse_term (LoadState    *state,
            RedlineRule  *rule,
            GHashTable   *term_ids,
            xmlNode      *node,
            GError      **error)
{
  RedlineTerm *term = _redline_term_new ();
  g_autofree char *text = _redline_xml_dup_stripped (node);
  g_autofree char *suggest = _redline_xml_dup_prop (node, "suggest");
  g_autofree char *words = NULL;
  g_autofree char *join = NULL;
  g_autofree char *everyday = _redline_xml_dup_prop (node, "everyday");
  gboolean set[REDLINE_N_ECOSYSTEMS];

  g_ptr_array_add (rule->terms, term);
  term->id = _redline_xml_dup_prop (node, "id");
  term->line = xmlGetLineNo (node);
  term->suggestions = split_suggestions (suggest);

  if (!g_hash_table_add (term_ids, term->id))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the term id “%s” is used twice in rule “%s”"), term->id, rule->id);
      return FALSE;
    }

  _redline_phrase_init (&term->phrase, text);
  if (term->phrase.n_chars == 0)
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("the term “%s” is empty once spaces and punctuation are ignored"), text);
      return FALSE;
    }
  term->word_start = _redline_char_class (term->phrase.chars[0]) == REDLINE_CHAR_WORD;
  term->word_end =
    _redline_char_class (term->phrase.chars[term->phrase.n_chars - 1]) == REDLINE_CHAR_WORD;

  /* words="whole": the term counts only as words of its own in the cut of
   * the Chinese around it (首 not in 回首); join="next-word" runs it on
   * over the word after it (最 + 专业), and implies whole words. */
  words = _redline_xml_dup_prop (node, "words");
  join = _redline_xml_dup_prop (node, "join");
  term->whole_words = words != NULL ? g_str_equal (words, "whole") : rule->whole_words;
  term->join = join != NULL && g_str_equal (join, "next-word");
  term->whole_words |= term->join;

  if (!parse_with (state, rule, term, node, error) ||
      !parse_context (state, rule, node, &term->context, error))
    return FALSE;

  /* everyday="yes": the word's everyday sense (唯一 of a unique key, 首选 of
   * a preference, 最大 of a measured maximum) outnumbers its claims, so in
   * copy of unknown purpose only a member of the context near it makes the
   * hit a claim; the shape of a headline is no evidence. */
  term->everyday = everyday != NULL && g_str_equal (everyday, "yes");
  if (term->everyday && term->context == NULL)
    {
      _redline_xml_set_node_error (state, error, node, "everyday", REDLINE_RULES_ERROR_INVALID,
                      _("the term “%s” says everyday=\"yes\" but has no context: give it or "
                        "its rule context=\"ID\", the lexicon that makes it a claim"),
                      term->id);
      return FALSE;
    }

  parse_severities (node, term->severity, set);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      if (!set[e])
        term->severity[e] = rule->severity[e];
    }

  return add_phrase_list (state, term->exceptions.overlap, node, "except", error) &&
         add_phrase_list (state, term->exceptions.before, node, "except-before", error) &&
         add_phrase_list (state, term->exceptions.after, node, "except-after", error);
}

static gboolean
parse_pattern (LoadState    *state,
               RedlineRule  *rule,
               GHashTable   *term_ids,
               xmlNode      *node,
               GError      **error)
{
  RedlinePattern *pattern = g_new0 (RedlinePattern, 1);

  g_ptr_array_add (rule->patterns, pattern);
  pattern->hints = g_ptr_array_new_with_free_func ((GDestroyNotify) _redline_phrase_free);
  pattern->id = _redline_xml_dup_prop (node, "id");
  pattern->source = _redline_xml_dup_stripped (node);
  pattern->line = xmlGetLineNo (node);

  if (!g_hash_table_add (term_ids, pattern->id))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the id “%s” is used twice in rule “%s”"), pattern->id, rule->id);
      return FALSE;
    }
  pattern->regex = compile_regex (state, pattern->source, node, error);
  return pattern->regex != NULL &&
         add_phrase_list (state, pattern->hints, node, "hint", error);
}

static gboolean
rule_is_on (RedlineRule      *rule,
            RedlineEcosystem  ecosystem)
{
  if (rule->severity[ecosystem] != REDLINE_SEVERITY_OFF)
    return TRUE;
  for (guint i = 0; i < rule->terms->len; i++)
    {
      RedlineTerm *term = g_ptr_array_index (rule->terms, i);

      if (term->severity[ecosystem] != REDLINE_SEVERITY_OFF)
        return TRUE;
    }
  return FALSE;
}

static gboolean
parse_example (LoadState       *state,
               RedlineRule     *rule,
               const gboolean   on[REDLINE_N_ECOSYSTEMS],
               xmlNode         *node,
               GError         **error)
{
  RedlineExample *example = g_new0 (RedlineExample, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *type = _redline_xml_dup_prop (node, "type");
  g_autofree char *ecosystem = _redline_xml_dup_prop (node, "ecosystem");
  g_autofree char *kind = _redline_xml_dup_prop (node, "kind");
  g_autofree char *field = _redline_xml_dup_prop (node, "field");
  gsize n_chars = 0;

  g_ptr_array_add (rule->examples, example);
  example->line = xmlGetLineNo (node);
  example->correct = g_str_equal (type, "correct");
  example->kind = REDLINE_CONTENT_KIND_ARTICLE;
  example->field = REDLINE_FIELD_BODY;
  if (kind != NULL)
    redline_content_kind_from_string (kind, &example->kind);
  if (field != NULL)
    redline_field_from_string (field, &example->field);
  if (ecosystem != NULL)
    {
      example->has_ecosystem = TRUE;
      redline_ecosystem_from_string (ecosystem, &example->ecosystem);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *content = _redline_xml_dup_text (child);

      if (_redline_xml_is_element (child, "marker"))
        {
          example->has_marker = TRUE;
          example->marker_start = n_chars;
          example->marker_end = n_chars + g_utf8_strlen (content, -1);
        }
      g_string_append (text, content);
      n_chars += g_utf8_strlen (content, -1);
    }
  example->text = g_string_free (g_steal_pointer (&text), FALSE);

  if (example->has_ecosystem && !on[example->ecosystem])
    {
      _redline_xml_set_node_error (state, error, node, "ecosystem", REDLINE_RULES_ERROR_INVALID,
                      _("this example is for %s, where rule “%s” is off"),
                      ecosystem, rule->id);
      return FALSE;
    }
  if (kind != NULL && !redline_rule_applies_to_kind (rule, example->kind))
    {
      _redline_xml_set_node_error (state, error, node, "kind", REDLINE_RULES_ERROR_INVALID,
                      _("this example is for “%s”, a kind rule “%s” does not apply to"),
                      kind, rule->id);
      return FALSE;
    }
  if (_redline_rule_type_get_info (rule->type)->whole_document && example->has_marker)
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("an example of a “requires” rule has no <marker>: its finding is "
                        "about the whole document"));
      return FALSE;
    }
  if (!_redline_rule_type_get_info (rule->type)->whole_document &&
      !example->correct && !example->has_marker)
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("an incorrect example needs a <marker> around the text the rule "
                        "must find"));
      return FALSE;
    }
  if (example->has_marker && example->marker_start == example->marker_end)
    {
      _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("the <marker> of this example is empty"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_severity (RedlineRulePack  *self,
                  LoadState        *state,
                  RedlineRule      *rule,
                  xmlNode          *node,
                  GError          **error)
{
  RedlineSeverity defaults[REDLINE_N_ECOSYSTEMS];
  RedlineSeverity own[REDLINE_N_ECOSYSTEMS];
  gboolean set[REDLINE_N_ECOSYSTEMS];

  if (rule->topic != NULL && !g_str_equal (rule->category, "sensitive-topic"))
    {
      _redline_xml_set_node_error (state, error, node, "topic", REDLINE_RULES_ERROR_INVALID,
                      _("a topic is only meaningful for the category “sensitive-topic”"));
      return FALSE;
    }

  if (!_redline_rule_pack_category_defaults (self, rule->category, rule->topic, defaults,
                                             &rule->purposes))
    {
      _redline_xml_set_node_error (state, error, node, "category", REDLINE_RULES_ERROR_UNKNOWN_CATEGORY,
                      _("unknown category “%s”: use a standard one or declare it with "
                        "<category id=\"%s\" weixin=\"…\" wechat=\"…\"/>"),
                      rule->category, rule->category);
      return FALSE;
    }

  parse_severities (node, own, set);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    rule->severity[e] = set[e] ? own[e] : defaults[e];
  parse_purposes (node, &rule->purposes);
  return TRUE;
}

static gboolean
parse_kinds (LoadState    *state,
             RedlineRule  *rule,
             xmlNode      *node,
             GError      **error)
{
  g_autofree char *value = _redline_xml_dup_prop (node, "kinds");
  g_auto(GStrv) kinds = NULL;

  if (value == NULL)
    return TRUE;

  rule->kinds = 0;
  kinds = g_strsplit_set (g_strstrip (value), " \t\n", -1);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      RedlineContentKind kind;

      if (kinds[i][0] != '\0' && redline_content_kind_from_string (kinds[i], &kind))
        rule->kinds |= 1u << kind;
    }
  return TRUE;
}

static gboolean
parse_limit (LoadState    *state,
             RedlineRule  *rule,
             xmlNode      *node,
             GError      **error)
{
  g_autofree char *kind = _redline_xml_dup_prop (node, "kind");
  g_autofree char *field = _redline_xml_dup_prop (node, "field");
  g_autofree char *max = _redline_xml_dup_prop (node, "max");
  g_autofree char *profile = _redline_xml_dup_prop (node, "profile");
  RedlineLimit limit;
  RedlineLengthProfile value_profile;
  guint64 value;

  redline_content_kind_from_string (kind, &limit.kind);
  redline_field_from_string (field, &limit.field);
  /* The schema allows only the profiles there are. */
  limit.profile = profile != NULL && redline_length_profile_from_string (profile, &value_profile)
                  ? (int) value_profile : -1;
  if (!g_ascii_string_to_unsigned (max, 10, 1, G_MAXUINT32, &value, NULL))
    {
      _redline_xml_set_node_error (state, error, node, "max", REDLINE_RULES_ERROR_INVALID,
                      _("the limit “%s” is out of range"), max);
      return FALSE;
    }
  limit.max = value;

  for (guint i = 0; i < rule->limits->len; i++)
    {
      RedlineLimit *other = &g_array_index (rule->limits, RedlineLimit, i);

      if (other->kind == limit.kind && other->field == limit.field &&
          other->profile == limit.profile)
        {
          if (profile != NULL)
            _redline_xml_set_node_error (state, error, node, NULL,
                                         REDLINE_RULES_ERROR_DUPLICATE_ID,
                                         _("a second limit for the %s of “%s” in the profile "
                                           "“%s”"), field, kind, profile);
          else
            _redline_xml_set_node_error (state, error, node, NULL,
                                         REDLINE_RULES_ERROR_DUPLICATE_ID,
                                         _("a second limit for the %s of “%s”"), field, kind);
          return FALSE;
        }
    }
  g_array_append_val (rule->limits, limit);
  return TRUE;
}

/* The schema lets a rule of any type hold any of these children, so that
 * libxml2 validates large packs in linear time (see the schema's comment
 * on <rule>); which ones go with which type is checked here, against the
 * type's row in redline-rule-type.c. @first holds the first child of each
 * RedlineRulePart, or NULL. */
static gboolean
check_rule_content (LoadState    *state,
                    RedlineRule  *rule,
                    xmlNode      *node,
                    xmlNode      *first[REDLINE_N_RULE_PARTS],
                    GError      **error)
{
  const RedlineRuleTypeInfo *info = _redline_rule_type_get_info (rule->type);
  const char *type = redline_rule_type_to_string (rule->type);

  for (guint i = 0; i < REDLINE_N_RULE_PARTS; i++)
    {
      if (first[i] != NULL && (info->parts & (1u << i)) == 0)
        {
          _redline_xml_set_node_error (state, error, first[i], NULL, REDLINE_RULES_ERROR_SCHEMA,
                          _("a rule of type “%s” cannot have <%s>"), type,
                          (const char *) first[i]->name);
          return FALSE;
        }
    }
  for (guint i = 0; i < REDLINE_N_RULE_PARTS; i++)
    {
      RedlineRulePart part = 1u << i;

      if (first[i] != NULL || (info->needs & part) == 0)
        continue;
      if (part == REDLINE_RULE_PART_MATCHERS)
        _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_SCHEMA,
                        _("a rule of type “%s” needs <terms> or <pattern>"), type);
      else
        _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_SCHEMA,
                        _("a rule of type “%s” needs at least one <%s>"), type,
                        _redline_rule_part_to_string (part));
      return FALSE;
    }
  return TRUE;
}

/* The part @child belongs to, or 0. */
static RedlineRulePart
part_of (xmlNode *child)
{
  if (_redline_xml_is_element (child, "terms") || _redline_xml_is_element (child, "pattern"))
    return REDLINE_RULE_PART_MATCHERS;
  if (_redline_xml_is_element (child, "require"))
    return REDLINE_RULE_PART_REQUIRE;
  if (_redline_xml_is_element (child, "allow-domain"))
    return REDLINE_RULE_PART_ALLOW_DOMAIN;
  if (_redline_xml_is_element (child, "limit"))
    return REDLINE_RULE_PART_LIMIT;
  return 0;
}

static void
copy_phrases (GPtrArray *to,
              GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      const RedlinePhrase *phrase = g_ptr_array_index (from, i);

      g_ptr_array_add (to, _redline_phrase_new (phrase->text));
    }
}

/* The pack's own exceptions (children of <rulepack>) apply to each rule. */
static void
copy_exceptions (RedlineExceptions       *to,
                 const RedlineExceptions *from)
{
  copy_phrases (to->overlap, from->overlap);
  copy_phrases (to->before, from->before);
  copy_phrases (to->after, from->after);
  for (guint i = 0; i < from->patterns->len; i++)
    {
      GPtrArray *hints = g_ptr_array_index (from->pattern_hints, i);

      g_ptr_array_add (to->patterns, g_regex_ref (g_ptr_array_index (from->patterns, i)));
      g_ptr_array_add (to->pattern_hints, hints != NULL ? g_ptr_array_ref (hints) : NULL);
    }
}

static gboolean
parse_rule (RedlineRulePack  *self,
            LoadState        *state,
            GHashTable       *rule_ids,
            xmlNode          *node,
            GError          **error)
{
  g_autoptr(RedlineRule) rule = _redline_rule_new ();
  g_autoptr(GHashTable) term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) suggestions = g_strv_builder_new ();
  g_autofree char *type = _redline_xml_dup_prop (node, "type");
  g_autofree char *words = _redline_xml_dup_prop (node, "words");
  gboolean examples_seen = FALSE;
  gboolean on[REDLINE_N_ECOSYSTEMS] = { FALSE, FALSE };
  xmlNode *first[REDLINE_N_RULE_PARTS] = { NULL }; /* the first child of each part */

  rule->pack = self;
  rule->id = _redline_xml_dup_prop (node, "id");
  rule->category = _redline_xml_dup_prop (node, "category");
  rule->topic = _redline_xml_dup_prop (node, "topic");
  rule->line = xmlGetLineNo (node);
  rule->whole_words = words != NULL && g_str_equal (words, "whole");
  /* The schema allows only the types' names. */
  if (type == NULL)
    rule->type = REDLINE_RULE_TYPE_TERMS;
  else if (!_redline_rule_type_from_string (type, &rule->type))
    g_assert_not_reached ();

  if (g_hash_table_contains (rule_ids, rule->id))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the rule id “%s” is used twice"), rule->id);
      return FALSE;
    }

  if (!resolve_severity (self, state, rule, node, error) ||
      !parse_kinds (state, rule, node, error) ||
      !parse_context (state, rule, node, &rule->context, error) ||
      !parse_mention (state, rule, node, error))
    return FALSE;
  copy_exceptions (&rule->exceptions, &self->exceptions);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_redline_xml_is_element (child, "message"))
        rule->message = _redline_xml_dup_prose (child);
      else if (_redline_xml_is_element (child, "reference"))
        rule->reference = _redline_xml_dup_prose (child);
      else if (_redline_xml_is_element (child, "url"))
        rule->url = _redline_xml_dup_stripped (child);
      else if (_redline_xml_is_element (child, "suggestion"))
        {
          g_autofree char *suggestion = _redline_xml_dup_stripped (child);

          g_strv_builder_add (suggestions, suggestion);
        }
      else if (_redline_xml_is_element (child, "terms"))
        {
          for (xmlNode *term = child->children; term != NULL; term = term->next)
            {
              if (_redline_xml_is_element (term, "term") &&
                  !parse_term (state, rule, term_ids, term, error))
                return FALSE;
            }
        }
      else if (_redline_xml_is_element (child, "pattern"))
        {
          if (!parse_pattern (state, rule, term_ids, child, error))
            return FALSE;
        }
      else if (g_str_has_prefix ((const char *) child->name, "except"))
        {
          if (!parse_exception_element (state, &rule->exceptions, child, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (child, "require"))
        {
          g_autofree char *text = _redline_xml_dup_stripped (child);

          if (!add_phrase (state, rule->requires, text, child, NULL, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (child, "allow-domain"))
        {
          g_autofree char *domain = g_strstrip (_redline_xml_dup_text (child));

          g_ptr_array_add (rule->allow_domains, g_ascii_strdown (domain, -1));
        }
      else if (_redline_xml_is_element (child, "limit"))
        {
          if (!parse_limit (state, rule, child, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (child, "example"))
        {
          /* Examples come last: every term is known, and whether the rule
           * is on is found once, not once per example. */
          if (!examples_seen)
            {
              for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
                on[e] = rule_is_on (rule, e);
              if (!on[REDLINE_ECOSYSTEM_WEIXIN] && !on[REDLINE_ECOSYSTEM_WECHAT])
                {
                  _redline_xml_set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                                  _("rule “%s” is off on both ecosystems"), rule->id);
                  return FALSE;
                }
            }
          examples_seen = TRUE;
          if (!parse_example (state, rule, on, child, error))
            return FALSE;
        }

      if (part_of (child) != 0)
        {
          guint i = g_bit_nth_lsf (part_of (child), -1);

          first[i] = first[i] != NULL ? first[i] : child;
        }
    }
  if (!check_rule_content (state, rule, node, first, error))
    return FALSE;
  _redline_exceptions_compile (&rule->exceptions);
  rule->suggestions = g_strv_builder_end (suggestions);

  self->n_terms += rule->terms->len;
  g_hash_table_add (rule_ids, rule->id);
  g_ptr_array_add (self->rules, g_steal_pointer (&rule));
  return TRUE;
}

static gboolean
parse_category (RedlineRulePack  *self,
                LoadState        *state,
                xmlNode          *node,
                GError          **error)
{
  g_autofree char *id = _redline_xml_dup_prop (node, "id");
  RedlineSeverity severity[REDLINE_N_ECOSYSTEMS];
  gboolean set[REDLINE_N_ECOSYSTEMS];
  guint purposes = REDLINE_PURPOSES_ALL;

  parse_severities (node, severity, set);
  parse_purposes (node, &purposes);
  if (!_redline_rule_pack_declare_category (self, id, severity, purposes))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the category “%s” is already defined"), id);
      return FALSE;
    }
  return TRUE;
}

/* Adds the <word>, <ending> and <tag> children of @node to @lexicon. */
static gboolean
add_members (RedlineLexicon  *lexicon,
             LoadState       *state,
             xmlNode         *node,
             GError         **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      g_autofree gunichar *chars = NULL;
      gsize n_chars = 0;

      if (_redline_xml_is_element (child, "tag"))
        {
          text = _redline_xml_dup_stripped (child);
          _redline_lexicon_add_tag (lexicon, text);
          continue;
        }
      if (!_redline_xml_is_element (child, "word") && !_redline_xml_is_element (child, "ending"))
        continue;
      text = _redline_xml_dup_stripped (child);
      chars = redline_normalize (text, &n_chars);
      if (n_chars == 0)
        {
          _redline_xml_set_node_error (state, error, child, NULL, REDLINE_RULES_ERROR_INVALID,
                                             _("the phrase “%s” is empty once spaces and punctuation are ignored"),
                                             text);
          return FALSE;
        }
      _redline_lexicon_add (lexicon, chars, n_chars, _redline_xml_is_element (child, "ending"));
    }
  return TRUE;
}

/* use="NAME": the members of the lexicon NAME that Redline shares between
 * packs (data/rules/lexicons/NAME.xml), so that every pack that needs the
 * words of reports, say, reads the same list. A shared lexicon is checked
 * against the schema whenever the pack that uses it is. */
static gboolean
add_shared_members (RedlineLexicon  *lexicon,
                    LoadState       *state,
                    xmlNode         *node,
                    const char      *name,
                    GError         **error)
{
  g_autofree char *path = g_strconcat (SHARED_LEXICON_DIR "/", name, ".xml", NULL);
  g_autofree char *display_name = g_strconcat ("builtin:lexicons/", name, ".xml", NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  LoadState shared = { 0 };
  xmlDocPtr doc;
  xmlNode *root;
  gboolean ok;

  if (bytes == NULL || strchr (name, '/') != NULL)
    {
      g_auto(GStrv) names = g_resources_enumerate_children (SHARED_LEXICON_DIR,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          if (!g_str_has_suffix (names[i], ".xml"))
            continue;
          if (known->len > 0)
            g_string_append (known, ", ");
          g_string_append_len (known, names[i], strlen (names[i]) - strlen (".xml"));
        }
      _redline_xml_set_node_error (state, error, node, "use", REDLINE_RULES_ERROR_INVALID,
                                   _("Redline shares no lexicon “%s”; it shares: %s"),
                                   name, known->str);
      return FALSE;
    }

  shared.display_name = display_name;
  shared.data = g_bytes_get_data (bytes, &shared.length);
  shared.what = state->what;
  shared.builtin = state->builtin;
  doc = _redline_xml_read (&shared, SCHEMA_RESOURCE, error);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!_redline_xml_is_element (root, "lexicon"))
    {
      _redline_xml_set_node_error (&shared, error, root, NULL, REDLINE_RULES_ERROR_INVALID,
                                   _("a shared lexicon must be a <lexicon> element"));
      xmlFreeDoc (doc);
      return FALSE;
    }
  ok = add_members (lexicon, &shared, root, error);
  xmlFreeDoc (doc);
  return ok;
}

static gboolean
parse_lexicon (RedlineRulePack  *self,
               LoadState        *state,
               xmlNode          *node,
               GError          **error)
{
  g_autofree char *id = _redline_xml_dup_prop (node, "id");
  g_autofree char *use = _redline_xml_dup_prop (node, "use");
  g_autoptr(RedlineLexicon) lexicon = NULL;

  if (g_str_equal (id, "none"))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_INVALID,
                                         _("“none” cannot name a lexicon: context=\"none\" means no context"));
      return FALSE;
    }
  if (g_hash_table_contains (self->lexicons, id))
    {
      _redline_xml_set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                                         _("the lexicon “%s” is already defined"), id);
      return FALSE;
    }
  lexicon = _redline_lexicon_new (id, xmlGetLineNo (node));
  if (use != NULL && !add_shared_members (lexicon, state, node, use, error))
    return FALSE;
  if (!add_members (lexicon, state, node, error))
    return FALSE;
  g_hash_table_insert (self->lexicons, lexicon->id, lexicon);
  lexicon = NULL;
  return TRUE;
}

gboolean
_redline_rule_pack_load_document (RedlineRulePack  *self,
                                  LoadState        *state,
                                  xmlDocPtr         doc,
                                  GError          **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* The schema also describes a shared lexicon on its own. */
  if (!_redline_xml_is_element (root, "rulepack"))
    {
      _redline_xml_set_node_error (state, error, root, NULL, REDLINE_RULES_ERROR_SCHEMA,
                                   _("not a rule pack: its root element must be <rulepack>"));
      return FALSE;
    }

  self->id = _redline_xml_dup_prop (root, "id");
  self->version = _redline_xml_dup_prop (root, "version");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (_redline_xml_is_element (child, "title"))
        self->title = _redline_xml_dup_stripped (child);
      else if (_redline_xml_is_element (child, "description"))
        self->description = _redline_xml_dup_prose (child);
      else if (_redline_xml_is_element (child, "category"))
        {
          if (!parse_category (self, state, child, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (child, "lexicon"))
        {
          if (!parse_lexicon (self, state, child, error))
            return FALSE;
        }
      else if (g_str_has_prefix ((const char *) child->name, "except"))
        {
          if (!parse_exception_element (state, &self->exceptions, child, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (child, "rule"))
        {
          if (!parse_rule (self, state, rule_ids, child, error))
            return FALSE;
        }
    }
  return TRUE;
}

