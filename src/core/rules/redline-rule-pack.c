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
#include "redline-rule-pack-load-private.h"
#include "redline-rule-private.h"
#include "redline-severity-policy.h"
#include "redline-text.h"

#define BUILTIN_RESOURCE_DIR "/org/redline/core/rules/builtin"
/* A rule pack is a text file written by people; this leaves room for tens of
 * thousands of terms and refuses anything that would take seconds to parse. */
#define MAX_PACK_SIZE (16 * 1024 * 1024)


G_DEFINE_FINAL_TYPE (RedlineRulePack, redline_rule_pack, G_TYPE_OBJECT)
G_DEFINE_QUARK (redline-rules-error-quark, redline_rules_error)


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
  g_clear_pointer (&self->lexicons, g_hash_table_unref);
  _redline_exceptions_clear (&self->exceptions);

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
  self->lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) _redline_lexicon_unref);
  _redline_exceptions_init (&self->exceptions);
}

static void
set_too_large_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ,
               _("%s: the rule pack is too large (over %d MiB); split it into several packs"),
               display_name, MAX_PACK_SIZE / (1024 * 1024));
}

static RedlineRulePack *
load_from_bytes (GBytes      *bytes,
                 const char  *display_name,
                 gboolean     builtin,
                 GError     **error)
{
  g_autoptr(RedlineRulePack) self = NULL;
  g_autoptr(GError) local_error = NULL;
  LoadState state = { 0 };
  xmlDocPtr doc;
  gboolean ok;

  state.display_name = display_name;
  state.what = _("rule packs");
  state.builtin = builtin;
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

  doc = _redline_xml_read (&state, SCHEMA_RESOURCE, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (REDLINE_TYPE_RULE_PACK, NULL);
  self->display_name = g_strdup (display_name);
  ok = _redline_rule_pack_load_document (self, &state, doc, error);
  xmlFreeDoc (doc);

  return ok ? g_steal_pointer (&self) : NULL;
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
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_from_bytes (bytes, display_name, FALSE, error);
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
 * Loads the packs built into Redline, in the order of their names. They are
 * checked as any pack is, except against the schema: test-rule-pack does
 * that for the packs Redline is built with, and a start-up without it is
 * several times faster.
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
      pack = load_from_bytes (bytes, display_name, TRUE, error);
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

typedef struct
{
  RedlineSeverity severity[REDLINE_N_ECOSYSTEMS];
  guint           purposes;
} CategoryDefaults;

/* Declares a category of the pack's own; FALSE if it is standard or already
 * declared. */
gboolean
_redline_rule_pack_declare_category (RedlineRulePack       *self,
                                     const char            *category,
                                     const RedlineSeverity *severity,
                                     guint                  purposes)
{
  CategoryDefaults *defaults;

  if (redline_category_is_standard (category) ||
      g_hash_table_contains (self->categories, category))
    return FALSE;
  defaults = g_new0 (CategoryDefaults, 1);
  memcpy (defaults->severity, severity, sizeof defaults->severity);
  defaults->purposes = purposes;
  g_hash_table_insert (self->categories, g_strdup (category), defaults);
  return TRUE;
}

/* The default severities of a category and the purposes it applies to:
 * those the pack declares, else the policy's (the schema admits only the
 * policy's topics). */
gboolean
_redline_rule_pack_category_defaults (RedlineRulePack *self,
                                      const char      *category,
                                      const char      *topic,
                                      RedlineSeverity *severity,
                                      guint           *purposes)
{
  const CategoryDefaults *declared = g_hash_table_lookup (self->categories, category);

  if (declared != NULL)
    {
      memcpy (severity, declared->severity, sizeof declared->severity);
      *purposes = declared->purposes;
      return TRUE;
    }
  *purposes = redline_purpose_policy_lookup (category);
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
