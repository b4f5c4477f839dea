/* redline-xml.c: reading untrusted XML data files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "redline-rule-pack.h"
#include "redline-xml-private.h"

gboolean
_redline_xml_is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

char *
_redline_xml_dup_prop (xmlNode    *node,
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

char *
_redline_xml_dup_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

char *
_redline_xml_dup_stripped (xmlNode *node)
{
  return g_strstrip (_redline_xml_dup_text (node));
}

/* Prose (messages, references): runs of white space, such as the line
 * breaks and indentation of the XML source, read as one space. */
char *
_redline_xml_collapse_space (const char *text)
{
  g_autofree char *content = g_strstrip (g_strdup (text));
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

char *
_redline_xml_dup_prose (xmlNode *node)
{
  g_autofree char *content = _redline_xml_dup_text (node);

  return _redline_xml_collapse_space (content);
}


/* Where in the source a node (or one of its attributes) starts. libxml2 2.9
 * keeps only the line of a node, so the column is found in the line's text. */
guint
_redline_xml_node_column (RedlineXmlSource  *source,
             xmlNode    *node,
             const char *attribute)
{
  long line = xmlGetLineNo (node);
  const char *p = source->data;
  const char *end = source->data + source->length;
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

void
_redline_xml_set_node_error (RedlineXmlSource   *source,
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
               source->display_name, xmlGetLineNo (node),
               _redline_xml_node_column (source, node, attribute), message);
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
  RedlineXmlSource *source = ctxt->_private;
  g_autofree char *message = NULL;

  if (source->error != NULL || error->level < XML_ERR_ERROR)
    return;

  message = clean_libxml_message (error->message);
  g_set_error (&source->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
               "%s:%d:%d: %s", source->display_name, error->line, MAX (error->int2, 1), message);
}

static void
refuse_declaration (xmlParserCtxtPtr ctxt)
{
  RedlineXmlSource *source = ctxt->_private;

  if (source->error == NULL)
    g_set_error (&source->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_FORBIDDEN,
                 _("%s:%d:%d: document type declarations and entities are not allowed "
                   "in %s; remove the <!DOCTYPE …> block"),
                 source->display_name, xmlSAX2GetLineNumber (ctxt),
                 MAX (xmlSAX2GetColumnNumber (ctxt), 1), source->what);
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
  RedlineXmlSource *source = user_data;
  g_autofree char *message = NULL;
  guint column = 1;

  if (source->error != NULL)
    return;

  message = clean_libxml_message (error->message);
  if (error->node != NULL)
    column = _redline_xml_node_column (source, error->node, NULL);
  g_set_error (&source->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA,
               "%s:%d:%u: %s", source->display_name, error->line, column, message);
}

static GMutex schemas_lock;
static GHashTable *schemas; /* resource → xmlRelaxNGPtr, for the process' life */

/* The schema at @resource (a static string), parsed once and kept for the
 * life of the process. It ships inside the library: failing to parse it is
 * a bug. */
static xmlRelaxNGPtr
get_schema (const char *resource)
{
  xmlRelaxNGPtr schema;

  g_mutex_lock (&schemas_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);
      xmlRelaxNGParserCtxtPtr parser;
      gsize size;
      const char *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, size);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (schema != NULL);
      g_hash_table_insert (schemas, (gpointer) resource, schema);
    }
  g_mutex_unlock (&schemas_lock);
  return schema;
}

static xmlDocPtr
parse_document (RedlineXmlSource  *source,
                GError           **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = source;
  ctxt->sax->internalSubset = on_internal_subset_cb;
  ctxt->sax->externalSubset = on_internal_subset_cb;
  ctxt->sax->entityDecl = on_entity_decl_cb;
  ctxt->sax->serror = on_parser_error_cb;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;

  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no
   * network, no XML_PARSE_HUGE (libxml2's size limits stay on). */
  doc = xmlCtxtReadMemory (ctxt, source->data, source->length, source->display_name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);

  if (source->error == NULL && (doc == NULL || !ctxt->wellFormed))
    g_set_error (&source->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
                 _("%s: not a well-formed XML document"), source->display_name);
  xmlFreeParserCtxt (ctxt);

  if (source->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, g_steal_pointer (&source->error));
      return NULL;
    }
  return doc;
}

static gboolean
validate_document (RedlineXmlSource  *source,
                   xmlRelaxNGPtr      schema,
                   xmlDocPtr          doc,
                   GError           **error)
{
  xmlRelaxNGValidCtxtPtr vctxt;
  int ret;

  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_validity_error_cb, source);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret == 0)
    return TRUE;

  if (source->error == NULL)
    g_set_error (&source->error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA,
                 _("%s:1:1: the document does not follow the schema of %s"),
                 source->display_name, source->what);
  g_propagate_error (error, g_steal_pointer (&source->error));
  return FALSE;
}

/**
 * _redline_xml_read:
 * @source: the file's name, bytes and kind; its @error must be %NULL
 * @schema_resource: the RELAX NG schema it must follow, a static path in
 *   our resources
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Parses and validates @source. The caller checks the size and encoding
 * first (redline_text_validate()). A @source marked builtin is parsed and
 * not validated: the test suite validates what Redline is built with.
 *
 * Returns: (transfer full): the document (free with xmlFreeDoc()), or %NULL
 */
xmlDocPtr
_redline_xml_read (RedlineXmlSource  *source,
                   const char        *schema_resource,
                   GError           **error)
{
  xmlDocPtr doc;

  g_return_val_if_fail (source != NULL && source->error == NULL, NULL);
  g_return_val_if_fail (schema_resource != NULL, NULL);

  doc = parse_document (source, error);
  if (doc == NULL)
    return NULL;
  /* Validating costs more than parsing; a file built into Redline is
   * validated by its tests instead, every time it changes. */
  if (!source->builtin &&
      !validate_document (source, get_schema (schema_resource), doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}
