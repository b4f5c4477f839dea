/* redline-xml-private.h: reading untrusted XML data files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rule packs and planning data are read the same way: libxml2 parses
 * without network access and stops at any document type declaration (so no
 * entity is ever declared, let alone expanded), then the tree is validated
 * against a RELAX NG schema from our resources. Errors are in
 * REDLINE_RULES_ERROR and name the file, the line and the column.
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  const char *what;        /* what the file is, plural, for messages: "rule packs" */
  gboolean    builtin;     /* our own resource, checked against its schema by the
                            * test suite (test-rule-pack): not validated again */
  GError     *error;       /* the first error of the parser or validator */
} RedlineXmlSource;

xmlDocPtr     _redline_xml_read           (RedlineXmlSource  *source,
                                           const char        *schema_resource,
                                           GError           **error);
guint         _redline_xml_node_column    (RedlineXmlSource  *source,
                                           xmlNode           *node,
                                           const char        *attribute);
G_GNUC_PRINTF (6, 7)
void          _redline_xml_set_node_error (RedlineXmlSource  *source,
                                           GError           **error,
                                           xmlNode           *node,
                                           const char        *attribute,
                                           int                code,
                                           const char        *format,
                                           ...);
gboolean      _redline_xml_is_element     (xmlNode           *node,
                                           const char        *name);
char         *_redline_xml_dup_text       (xmlNode           *node);
char         *_redline_xml_dup_stripped   (xmlNode           *node);
char         *_redline_xml_dup_prose      (xmlNode           *node);
char         *_redline_xml_collapse_space (const char        *text);
char         *_redline_xml_dup_prop       (xmlNode           *node,
                                           const char        *name);

G_END_DECLS
