/* redline-rule-pack.c: a rule pack loaded from XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading is three passes, each refusing the whole pack on the first error:
 * libxml2 parses without network access and stops at any document type
 * declaration (so no entity is ever declared, let alone expanded); the tree is
 * validated against the RELAX NG schema from our resources; then our own pass
 * builds the rules and checks what the schema cannot (duplicate ids, unknown
 * categories, regular expressions, examples).
 */

#define G_LOG_DOMAIN "redline-rule-pack"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "redline-fold-private.h"
#include "redline-rule-pack-private.h"
#include "redline-rule-private.h"
#include "redline-severity-policy.h"
#include "redline-text.h"

#define SCHEMA_RESOURCE "/org/redline/core/rules/redline-rules.rng"
#define BUILTIN_RESOURCE_DIR "/org/redline/core/rules/builtin"
/* A rule pack is a text file written by people; this leaves room for tens of
 * thousands of terms and refuses anything that would take seconds to parse. */
#define MAX_PACK_SIZE (16 * 1024 * 1024)

struct _RedlineRulePack
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title;
  char       *description;
  char       *display_name;
  GPtrArray  *rules;       /* of RedlineRule */
  GHashTable *categories;  /* id → RedlineSeverity[2], declared by the pack */
  guint       n_terms;
};

G_DEFINE_FINAL_TYPE (RedlineRulePack, redline_rule_pack, G_TYPE_OBJECT)
G_DEFINE_QUARK (redline-rules-error-quark, redline_rules_error)

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  GError     *error;       /* the first error of the parser or validator */
} LoadState;

/* Where in the source a node (or one of its attributes) starts. libxml2 2.9
 * keeps only the line of a node, so the column is found in the line's text. */
static guint
node_column (LoadState  *state,
             xmlNode    *node,
             const char *attribute)
{
  long line = xmlGetLineNo (node);
  const char *p = state->data;
  const char *end = state->data + state->length;
  const char *line_end;
  g_autofree char *needle = NULL;
  const char *found;

  if (line <= 0)
    return 1;
  for (long l = 1; l < line && p < end; l++)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL)
        return 1;
      p = nl + 1;
    }
  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;

  needle = g_strdup_printf ("<%s", (const char *) node->name);
  found = g_strstr_len (p, line_end - p, needle);
  if (found == NULL)
    found = p;
  if (attribute != NULL)
    {
      g_autofree char *attr_needle = g_strdup_printf ("%s=", attribute);
      const char *attr = g_strstr_len (found, line_end - found, attr_needle);

      if (attr != NULL)
        found = attr;
    }
  return g_utf8_strlen (p, found - p) + 1;
}

G_GNUC_PRINTF (6, 7)
static void
set_node_error (LoadState   *state,
                GError     **error,
                xmlNode     *node,
                const char  *attribute,
                int          code,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, REDLINE_RULES_ERROR, code, "%s:%ld:%u: %s",
               state->display_name, xmlGetLineNo (node),
               node_column (state, node, attribute), message);
}

static char *
clean_libxml_message (const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "");

  return g_strstrip (copy);
}

static void
on_parser_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  LoadState *state = ctxt->_private;
  g_autofree char *message = NULL;

  if (state->error != NULL || error->level < XML_ERR_ERROR)
    return;

  message = clean_libxml_message (error->message);
  g_set_error (&state->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
               "%s:%d:%d: %s", state->display_name, error->line, MAX (error->int2, 1), message);
}

static void
refuse_declaration (xmlParserCtxtPtr ctxt)
{
  LoadState *state = ctxt->_private;

  if (state->error == NULL)
    g_set_error (&state->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_FORBIDDEN,
                 _("%s:%d:%d: document type declarations and entities are not allowed "
                   "in rule packs; remove the <!DOCTYPE …> block"),
                 state->display_name, xmlSAX2GetLineNumber (ctxt),
                 MAX (xmlSAX2GetColumnNumber (ctxt), 1));
  xmlStopParser (ctxt);
}

static void
on_internal_subset_cb (void          *user_data,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  refuse_declaration (user_data);
}

static void
on_entity_decl_cb (void          *user_data,
                   const xmlChar *name,
                   int            type,
                   const xmlChar *public_id,
                   const xmlChar *system_id,
                   xmlChar       *content)
{
  refuse_declaration (user_data);
}

static void
on_validity_error_cb (void        *user_data,
                      xmlErrorPtr  error)
{
  LoadState *state = user_data;
  g_autofree char *message = NULL;
  guint column = 1;

  if (state->error != NULL)
    return;

  message = clean_libxml_message (error->message);
  if (error->node != NULL)
    column = node_column (state, error->node, NULL);
  g_set_error (&state->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA,
               "%s:%d:%u: %s", state->display_name, error->line, column, message);
}

static gpointer
load_schema (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gsize size;
  const char *schema_data;

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  schema_data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (schema_data, size);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  /* The schema ships inside the library: failing to parse it is a bug. */
  g_assert (schema != NULL);
  return schema;
}

static xmlRelaxNGPtr
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_schema, NULL);
}

static xmlDocPtr
parse_document (LoadState  *state,
                GError    **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = state;
  ctxt->sax->internalSubset = on_internal_subset_cb;
  ctxt->sax->externalSubset = on_internal_subset_cb;
  ctxt->sax->entityDecl = on_entity_decl_cb;
  ctxt->sax->serror = on_parser_error_cb;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;

  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no
   * network, no XML_PARSE_HUGE (libxml2's size limits stay on). */
  doc = xmlCtxtReadMemory (ctxt, state->data, state->length, state->display_name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);

  if (state->error == NULL && (doc == NULL || !ctxt->wellFormed))
    g_set_error (&state->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
                 _("%s: not a well-formed XML document"), state->display_name);
  xmlFreeParserCtxt (ctxt);

  if (state->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, g_steal_pointer (&state->error));
      return NULL;
    }
  return doc;
}

static gboolean
validate_document (LoadState  *state,
                   xmlDocPtr   doc,
                   GError    **error)
{
  xmlRelaxNGValidCtxtPtr vctxt;
  int ret;

  vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_validity_error_cb, state);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret == 0)
    return TRUE;

  if (state->error == NULL)
    g_set_error (&state->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA,
                 _("%s:1:1: the document does not follow the rule-pack schema"),
                 state->display_name);
  g_propagate_error (error, g_steal_pointer (&state->error));
  return FALSE;
}

/* ---- The semantic pass ---------------------------------------------------- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static char *
dup_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
dup_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static char *
dup_stripped_content (xmlNode *node)
{
  return g_strstrip (dup_content (node));
}

/* Prose (messages, references): line breaks and indentation of the XML
 * source read as one space. */
static char *
dup_prose_content (xmlNode *node)
{
  g_autofree char *content = dup_stripped_content (node);
  GString *out = g_string_new (NULL);

  for (const char *p = content; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          while (g_ascii_isspace (p[1]))
            p++;
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

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
      set_node_error (state, error, node, attribute, REDLINE_RULES_ERROR_INVALID,
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
  g_autofree char *value = dup_attr (node, attribute);
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

static GRegex *
compile_regex (LoadState   *state,
               const char  *source,
               xmlNode     *node,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GRegex) regex = NULL;

  regex = g_regex_new (source, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local_error);
  if (regex == NULL)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_REGEX,
                      _("the regular expression “%s” does not compile: %s"),
                      source, local_error->message);
      return NULL;
    }
  if (g_regex_match (regex, "", 0, NULL))
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_REGEX,
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
      g_autofree char *value = dup_attr (node, redline_ecosystem_to_string (e));

      set[e] = value != NULL && redline_severity_from_string (value, &severity[e]);
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
  g_autofree char *text = dup_stripped_content (node);

  if (is_element (node, "except"))
    return add_phrase (state, exceptions->overlap, text, node, NULL, error);
  if (is_element (node, "except-before"))
    return add_phrase (state, exceptions->before, text, node, NULL, error);
  if (is_element (node, "except-after"))
    return add_phrase (state, exceptions->after, text, node, NULL, error);
  if (is_element (node, "except-pattern"))
    {
      GRegex *regex = compile_regex (state, text, node, error);

      if (regex == NULL)
        return FALSE;
      g_ptr_array_add (exceptions->patterns, regex);
      return TRUE;
    }
  g_assert_not_reached ();
}

static gboolean
parse_term (LoadState    *state,
            RedlineRule  *rule,
            GHashTable   *term_ids,
            xmlNode      *node,
            GError      **error)
{
  RedlineTerm *term = _redline_term_new ();
  g_autofree char *text = dup_stripped_content (node);
  g_autofree char *suggest = dup_attr (node, "suggest");
  gboolean set[REDLINE_N_ECOSYSTEMS];

  g_ptr_array_add (rule->terms, term);
  term->id = dup_attr (node, "id");
  term->line = xmlGetLineNo (node);
  term->suggestions = split_suggestions (suggest);

  if (!g_hash_table_add (term_ids, term->id))
    {
      set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the term id “%s” is used twice in rule “%s”"), term->id, rule->id);
      return FALSE;
    }

  _redline_phrase_init (&term->phrase, text);
  if (term->phrase.n_chars == 0)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("the term “%s” is empty once spaces and punctuation are ignored"), text);
      return FALSE;
    }
  term->word_start = _redline_char_class (term->phrase.chars[0]) == REDLINE_CHAR_WORD;
  term->word_end =
    _redline_char_class (term->phrase.chars[term->phrase.n_chars - 1]) == REDLINE_CHAR_WORD;

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
  pattern->id = dup_attr (node, "id");
  pattern->source = dup_stripped_content (node);
  pattern->line = xmlGetLineNo (node);

  if (!g_hash_table_add (term_ids, pattern->id))
    {
      set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
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
  g_autofree char *type = dup_attr (node, "type");
  g_autofree char *ecosystem = dup_attr (node, "ecosystem");
  g_autofree char *kind = dup_attr (node, "kind");
  g_autofree char *field = dup_attr (node, "field");
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
      g_autofree char *content = dup_content (child);

      if (is_element (child, "marker"))
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
      set_node_error (state, error, node, "ecosystem", REDLINE_RULES_ERROR_INVALID,
                      _("this example is for %s, where rule “%s” is off"),
                      ecosystem, rule->id);
      return FALSE;
    }
  if (kind != NULL && !redline_rule_applies_to_kind (rule, example->kind))
    {
      set_node_error (state, error, node, "kind", REDLINE_RULES_ERROR_INVALID,
                      _("this example is for “%s”, a kind rule “%s” does not apply to"),
                      kind, rule->id);
      return FALSE;
    }
  if (rule->type == REDLINE_RULE_TYPE_REQUIRES && example->has_marker)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("an example of a “requires” rule has no <marker>: its finding is "
                        "about the whole document"));
      return FALSE;
    }
  if (rule->type != REDLINE_RULE_TYPE_REQUIRES && !example->correct && !example->has_marker)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                      _("an incorrect example needs a <marker> around the text the rule "
                        "must find"));
      return FALSE;
    }
  if (example->has_marker && example->marker_start == example->marker_end)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
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
      set_node_error (state, error, node, "topic", REDLINE_RULES_ERROR_INVALID,
                      _("a topic is only meaningful for the category “sensitive-topic”"));
      return FALSE;
    }

  if (!_redline_rule_pack_category_defaults (self, rule->category, rule->topic, defaults))
    {
      set_node_error (state, error, node, "category", REDLINE_RULES_ERROR_UNKNOWN_CATEGORY,
                      _("unknown category “%s”: use a standard one or declare it with "
                        "<category id=\"%s\" weixin=\"…\" wechat=\"…\"/>"),
                      rule->category, rule->category);
      return FALSE;
    }

  parse_severities (node, own, set);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    rule->severity[e] = set[e] ? own[e] : defaults[e];
  return TRUE;
}

static gboolean
parse_kinds (LoadState    *state,
             RedlineRule  *rule,
             xmlNode      *node,
             GError      **error)
{
  g_autofree char *value = dup_attr (node, "kinds");
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
  g_autofree char *kind = dup_attr (node, "kind");
  g_autofree char *field = dup_attr (node, "field");
  g_autofree char *max = dup_attr (node, "max");
  RedlineLimit limit;
  guint64 value;

  redline_content_kind_from_string (kind, &limit.kind);
  redline_field_from_string (field, &limit.field);
  if (!g_ascii_string_to_unsigned (max, 10, 1, G_MAXUINT32, &value, NULL))
    {
      set_node_error (state, error, node, "max", REDLINE_RULES_ERROR_INVALID,
                      _("the limit “%s” is out of range"), max);
      return FALSE;
    }
  limit.max = value;

  for (guint i = 0; i < rule->limits->len; i++)
    {
      RedlineLimit *other = &g_array_index (rule->limits, RedlineLimit, i);

      if (other->kind == limit.kind && other->field == limit.field)
        {
          set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_DUPLICATE_ID,
                          _("a second limit for the %s of “%s”"), field, kind);
          return FALSE;
        }
    }
  g_array_append_val (rule->limits, limit);
  return TRUE;
}

/* The schema lets a rule of any type hold any of these children, so that
 * libxml2 validates large packs in linear time (see the schema's comment
 * on <rule>); which ones go with which type is checked here. Each of
 * @matchers, @require, @allow_domain and @limit is the first such child,
 * or NULL. */
static gboolean
check_rule_content (LoadState    *state,
                    RedlineRule  *rule,
                    xmlNode      *node,
                    xmlNode      *matchers,
                    xmlNode      *require,
                    xmlNode      *allow_domain,
                    xmlNode      *limit,
                    GError      **error)
{
  const char *type = redline_rule_type_to_string (rule->type);
  xmlNode *stray = NULL;
  gboolean needs_matchers = FALSE;
  const char *needs = NULL;

  switch (rule->type)
    {
    case REDLINE_RULE_TYPE_TERMS:
      stray = require != NULL ? require : allow_domain != NULL ? allow_domain : limit;
      needs_matchers = matchers == NULL;
      break;
    case REDLINE_RULE_TYPE_REQUIRES:
      stray = allow_domain != NULL ? allow_domain : limit;
      needs_matchers = matchers == NULL;
      needs = require == NULL ? "require" : NULL;
      break;
    case REDLINE_RULE_TYPE_LINKS:
      stray = matchers != NULL ? matchers : require != NULL ? require : limit;
      break;
    case REDLINE_RULE_TYPE_LENGTH:
      stray = matchers != NULL ? matchers : require != NULL ? require : allow_domain;
      needs = limit == NULL ? "limit" : NULL;
      break;
    default:
      g_assert_not_reached ();
    }

  if (stray != NULL)
    {
      set_node_error (state, error, stray, NULL, REDLINE_RULES_ERROR_SCHEMA,
                      _("a rule of type “%s” cannot have <%s>"), type,
                      (const char *) stray->name);
      return FALSE;
    }
  if (needs_matchers)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_SCHEMA,
                      _("a rule of type “%s” needs <terms> or <pattern>"), type);
      return FALSE;
    }
  if (needs != NULL)
    {
      set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_SCHEMA,
                      _("a rule of type “%s” needs at least one <%s>"), type, needs);
      return FALSE;
    }
  return TRUE;
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
  g_autofree char *type = dup_attr (node, "type");
  gboolean examples_seen = FALSE;
  gboolean on[REDLINE_N_ECOSYSTEMS] = { FALSE, FALSE };
  xmlNode *matchers = NULL;     /* the first child of each kind */
  xmlNode *require = NULL;
  xmlNode *allow_domain = NULL;
  xmlNode *limit = NULL;

  rule->pack = self;
  rule->id = dup_attr (node, "id");
  rule->category = dup_attr (node, "category");
  rule->topic = dup_attr (node, "topic");
  rule->line = xmlGetLineNo (node);
  if (type == NULL || g_str_equal (type, "terms"))
    rule->type = REDLINE_RULE_TYPE_TERMS;
  else if (g_str_equal (type, "requires"))
    rule->type = REDLINE_RULE_TYPE_REQUIRES;
  else if (g_str_equal (type, "links"))
    rule->type = REDLINE_RULE_TYPE_LINKS;
  else
    rule->type = REDLINE_RULE_TYPE_LENGTH;

  if (g_hash_table_contains (rule_ids, rule->id))
    {
      set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the rule id “%s” is used twice"), rule->id);
      return FALSE;
    }

  if (!resolve_severity (self, state, rule, node, error) ||
      !parse_kinds (state, rule, node, error))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "message"))
        rule->message = dup_prose_content (child);
      else if (is_element (child, "reference"))
        rule->reference = dup_prose_content (child);
      else if (is_element (child, "url"))
        rule->url = dup_stripped_content (child);
      else if (is_element (child, "suggestion"))
        {
          g_autofree char *suggestion = dup_stripped_content (child);

          g_strv_builder_add (suggestions, suggestion);
        }
      else if (is_element (child, "terms"))
        {
          for (xmlNode *term = child->children; term != NULL; term = term->next)
            {
              if (is_element (term, "term") &&
                  !parse_term (state, rule, term_ids, term, error))
                return FALSE;
            }
        }
      else if (is_element (child, "pattern"))
        {
          if (!parse_pattern (state, rule, term_ids, child, error))
            return FALSE;
        }
      else if (g_str_has_prefix ((const char *) child->name, "except"))
        {
          if (!parse_exception_element (state, &rule->exceptions, child, error))
            return FALSE;
        }
      else if (is_element (child, "require"))
        {
          g_autofree char *text = dup_stripped_content (child);

          if (!add_phrase (state, rule->requires, text, child, NULL, error))
            return FALSE;
        }
      else if (is_element (child, "allow-domain"))
        {
          g_autofree char *domain = g_strstrip (dup_content (child));

          g_ptr_array_add (rule->allow_domains, g_ascii_strdown (domain, -1));
        }
      else if (is_element (child, "limit"))
        {
          if (!parse_limit (state, rule, child, error))
            return FALSE;
        }
      else if (is_element (child, "example"))
        {
          /* Examples come last: every term is known, and whether the rule
           * is on is found once, not once per example. */
          if (!examples_seen)
            {
              for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
                on[e] = rule_is_on (rule, e);
              if (!on[REDLINE_ECOSYSTEM_WEIXIN] && !on[REDLINE_ECOSYSTEM_WECHAT])
                {
                  set_node_error (state, error, node, NULL, REDLINE_RULES_ERROR_INVALID,
                                  _("rule “%s” is off on both ecosystems"), rule->id);
                  return FALSE;
                }
            }
          examples_seen = TRUE;
          if (!parse_example (state, rule, on, child, error))
            return FALSE;
        }

      if (is_element (child, "terms") || is_element (child, "pattern"))
        matchers = matchers != NULL ? matchers : child;
      else if (is_element (child, "require"))
        require = require != NULL ? require : child;
      else if (is_element (child, "allow-domain"))
        allow_domain = allow_domain != NULL ? allow_domain : child;
      else if (is_element (child, "limit"))
        limit = limit != NULL ? limit : child;
    }
  if (!check_rule_content (state, rule, node, matchers, require, allow_domain, limit, error))
    return FALSE;
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
  g_autofree char *id = dup_attr (node, "id");
  RedlineSeverity *severity = g_new0 (RedlineSeverity, REDLINE_N_ECOSYSTEMS);
  gboolean set[REDLINE_N_ECOSYSTEMS];

  parse_severities (node, severity, set);
  if (redline_category_is_standard (id) || g_hash_table_contains (self->categories, id))
    {
      g_free (severity);
      set_node_error (state, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                      _("the category “%s” is already defined"), id);
      return FALSE;
    }
  g_hash_table_insert (self->categories, g_steal_pointer (&id), severity);
  return TRUE;
}

static gboolean
load_document (RedlineRulePack  *self,
               LoadState        *state,
               xmlDocPtr         doc,
               GError          **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);

  self->id = dup_attr (root, "id");
  self->version = dup_attr (root, "version");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "title"))
        self->title = dup_stripped_content (child);
      else if (is_element (child, "description"))
        self->description = dup_prose_content (child);
      else if (is_element (child, "category"))
        {
          if (!parse_category (self, state, child, error))
            return FALSE;
        }
      else if (is_element (child, "rule"))
        {
          if (!parse_rule (self, state, rule_ids, child, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
redline_rule_pack_dispose (GObject *object)
{
  RedlineRulePack *self = (RedlineRulePack *) object;

  /* A rule points back at its pack without a reference, and a rule can
   * outlive its pack: it must not point at it then. (Not a weak pointer per
   * rule: adding each of them takes time with the number already there.) */
  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    {
      RedlineRule *rule = g_ptr_array_index (self->rules, i);

      rule->pack = NULL;
    }

  G_OBJECT_CLASS (redline_rule_pack_parent_class)->dispose (object);
}

static void
redline_rule_pack_finalize (GObject *object)
{
  RedlineRulePack *self = (RedlineRulePack *) object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->description);
  g_free (self->display_name);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);

  G_OBJECT_CLASS (redline_rule_pack_parent_class)->finalize (object);
}

static void
redline_rule_pack_class_init (RedlineRulePackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redline_rule_pack_dispose;
  object_class->finalize = redline_rule_pack_finalize;
}

static void
redline_rule_pack_init (RedlineRulePack *self)
{
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
set_too_large_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ,
               _("%s: the rule pack is too large (over %d MiB); split it into several packs"),
               display_name, MAX_PACK_SIZE / (1024 * 1024));
}

/**
 * redline_rule_pack_new_from_bytes:
 * @bytes: the pack's XML
 * @display_name: how to name the pack in messages (usually its path)
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Loads, validates and checks a rule pack. The pack is refused whole on the
 * first error, which names @display_name, the line and the column.
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 */
RedlineRulePack *
redline_rule_pack_new_from_bytes (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(RedlineRulePack) self = NULL;
  g_autoptr(GError) local_error = NULL;
  LoadState state = { 0 };
  xmlDocPtr doc;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state.display_name = display_name;
  state.data = g_bytes_get_data (bytes, &state.length);

  if (state.length > MAX_PACK_SIZE)
    {
      set_too_large_error (error, display_name);
      return NULL;
    }
  if (state.length == 0)
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
                   _("%s:1:1: the rule pack is empty"), display_name);
      return NULL;
    }
  if (!redline_text_validate (state.data, state.length, display_name, &local_error))
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ, "%s%s",
                   _("rule packs must be UTF-8: "), local_error->message);
      return NULL;
    }

  doc = parse_document (&state, error);
  if (doc == NULL)
    return NULL;
  if (!validate_document (&state, doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  self = g_object_new (REDLINE_TYPE_RULE_PACK, NULL);
  self->display_name = g_strdup (display_name);
  ok = load_document (self, &state, doc, error);
  xmlFreeDoc (doc);

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * redline_rule_pack_new_from_file:
 * @file: a rule pack
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Like redline_rule_pack_new_from_bytes() for a file.
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 */
RedlineRulePack *
redline_rule_pack_new_from_file (GFile   *file,
                                 GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                           G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  /* A regular file is measured before it is read; anything else (a pipe, a
   * device) is read up to one byte past the limit. */
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > MAX_PACK_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }
  data = g_byte_array_sized_new (info != NULL &&
                                 g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
                                 ? g_file_info_get_size (info) : 65536);
  while (stream != NULL && data->len <= MAX_PACK_SIZE)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer,
                                      MIN (sizeof buffer, MAX_PACK_SIZE + 1 - data->len),
                                      NULL, &local_error);

      if (n <= 0)
        break;
      g_byte_array_append (data, buffer, n);
    }
  if (local_error != NULL)
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ,
                   _("%s: cannot read the rule pack: %s"), name, local_error->message);
      return NULL;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return redline_rule_pack_new_from_bytes (bytes, name, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * redline_rule_pack_load_builtin:
 * @error: return location for a #GError
 *
 * Loads the packs built into Redline, in the order of their names.
 *
 * Returns: (transfer full) (element-type RedlineRulePack): the packs
 */
GPtrArray *
redline_rule_pack_load_builtin (GError **error)
{
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (BUILTIN_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          NULL);
  if (names == NULL)
    return g_steal_pointer (&packs);

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", BUILTIN_RESOURCE_DIR, names[i], NULL);
      g_autofree char *display_name = g_strconcat ("builtin:", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      RedlineRulePack *pack;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      pack = redline_rule_pack_new_from_bytes (bytes, display_name, error);
      if (pack == NULL)
        return NULL;
      g_ptr_array_add (packs, pack);
    }
  return g_steal_pointer (&packs);
}

const char *
redline_rule_pack_get_id (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  return self->id;
}

const char *
redline_rule_pack_get_version (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  return self->version;
}

const char *
redline_rule_pack_get_title (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  return self->title;
}

/**
 * redline_rule_pack_get_description:
 * @self: a #RedlineRulePack
 *
 * Returns: (nullable): the pack's description
 */
const char *
redline_rule_pack_get_description (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  return self->description;
}

const char *
redline_rule_pack_get_display_name (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  return self->display_name;
}

guint
redline_rule_pack_get_n_rules (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), 0);
  return self->rules->len;
}

/**
 * redline_rule_pack_get_rule:
 * @self: a #RedlineRulePack
 * @index: a rule index
 *
 * Returns: (transfer none): the rule
 */
RedlineRule *
redline_rule_pack_get_rule (RedlineRulePack *self,
                            guint            index)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

guint
redline_rule_pack_get_n_terms (RedlineRulePack *self)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (self), 0);
  return self->n_terms;
}

/* ---- For the builder ------------------------------------------------------ */

RedlineRulePack *
_redline_rule_pack_new_empty (const char *id,
                              const char *version,
                              const char *title,
                              const char *display_name)
{
  RedlineRulePack *self = g_object_new (REDLINE_TYPE_RULE_PACK, NULL);

  self->id = g_strdup (id);
  self->version = g_strdup (version);
  self->title = g_strdup (title);
  self->display_name = g_strdup (display_name);
  return self;
}

/* Declares a category of the pack's own; FALSE if it is standard or already
 * declared. */
gboolean
_redline_rule_pack_declare_category (RedlineRulePack       *self,
                                     const char            *category,
                                     const RedlineSeverity *severity)
{
  if (redline_category_is_standard (category) ||
      g_hash_table_contains (self->categories, category))
    return FALSE;
  g_hash_table_insert (self->categories, g_strdup (category),
                       g_memdup2 (severity, REDLINE_N_ECOSYSTEMS * sizeof (RedlineSeverity)));
  return TRUE;
}

/* The default severities of a category: those the pack declares, else the
 * policy's (the schema admits only the policy's topics). */
gboolean
_redline_rule_pack_category_defaults (RedlineRulePack *self,
                                      const char      *category,
                                      const char      *topic,
                                      RedlineSeverity *severity)
{
  const RedlineSeverity *declared = g_hash_table_lookup (self->categories, category);

  if (declared != NULL)
    {
      memcpy (severity, declared, REDLINE_N_ECOSYSTEMS * sizeof (RedlineSeverity));
      return TRUE;
    }
  return redline_severity_policy_lookup (category, topic, severity);
}

/* Adds a complete rule, whose id is not yet in the pack. */
void
_redline_rule_pack_take_rule (RedlineRulePack *self,
                              RedlineRule     *rule)
{
  rule->pack = self;
  self->n_terms += rule->terms->len;
  g_ptr_array_add (self->rules, rule);
}
