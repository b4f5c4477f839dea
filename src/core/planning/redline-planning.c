/* redline-planning.c: what the planning data readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-planning"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-planning-private.h"
#include "redline-rule-pack.h"
#include "redline-text.h"

/* Reads and validates planning data as rule packs are read: UTF-8, no
 * document type declaration, no network, the schema followed. @source is
 * filled in, for the places of later errors. */
static xmlDocPtr
read_document (GBytes            *bytes,
                        const char        *display_name,
                        RedlineXmlSource  *source,
                        const char        *schema_resource,
                        GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  *source = (RedlineXmlSource) { 0 };
  source->display_name = display_name;
  source->data = g_bytes_get_data (bytes, &source->length);
  source->what = _("planning data");

  if (source->length > REDLINE_PLANNING_MAX_SIZE)
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ,
                   _("%s: the planning data is too large (over %d MiB)"), display_name,
                   REDLINE_PLANNING_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (source->length == 0)
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE,
                   _("%s:1:1: the planning data is empty"), display_name);
      return NULL;
    }
  if (!redline_text_validate (source->data, source->length, display_name, &local_error))
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ, "%s%s",
                   _("planning data must be UTF-8: "), local_error->message);
      return NULL;
    }
  return _redline_xml_read (source, schema_resource, error);
}

/* Does <name lang="@lang"> (such as "zh-CN") suit the locale name @wanted
 * (such as "zh_CN.UTF-8", "zh_CN" or "zh", from g_get_language_names())? */
static gboolean
lang_matches (const char *lang,
              const char *wanted)
{
  g_autofree char *locale = g_strndup (wanted, strcspn (wanted, ".@"));
  g_autofree char *tag = g_strdelimit (g_strdup (lang), "-", '_');

  if (g_ascii_strcasecmp (tag, locale) == 0)
    return TRUE;
  /* A bare language ("zh") takes that language's name from any region. */
  return strchr (locale, '_') == NULL && g_ascii_strncasecmp (tag, locale, strlen (locale)) == 0 &&
         tag[strlen (locale)] == '_';
}

/*
 * _redline_planning_pick_name:
 * @parent: an element with <name> children
 *
 * Returns: (transfer full): the name in the user's language (a <name
 *   lang="…"> that matches g_get_language_names()), else the one without a
 *   language
 */
char *
_redline_planning_pick_name (xmlNode *parent)
{
  const char * const *languages = g_get_language_names ();
  xmlNode *fallback = NULL;

  for (guint l = 0; languages[l] != NULL; l++)
    {
      for (xmlNode *child = parent->children; child != NULL; child = child->next)
        {
          g_autofree char *lang = NULL;

          if (!_redline_xml_is_element (child, "name"))
            continue;
          lang = _redline_xml_dup_prop (child, "lang");
          if (lang == NULL)
            {
              if (fallback == NULL)
                fallback = child;
              continue;
            }
          if (lang_matches (lang, languages[l]))
            return _redline_xml_dup_prose (child);
        }
    }
  return fallback != NULL ? _redline_xml_dup_prose (fallback) : g_strdup ("");
}

/* Platform time. Without time zone data (a stripped-down system) GLib
 * gives UTC; China has had no daylight saving time since 1991, so a fixed
 * offset is the same zone for every date a plan can have. */
GTimeZone *
_redline_planning_time_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier (REDLINE_PLANNING_TIME_ZONE);

  return zone != NULL ? zone : g_time_zone_new_offset (8 * 3600);
}

/*
 * _redline_planning_new:
 * @type: the type of the object to make
 * @bytes: a planning data file
 * @display_name: how to name it in messages (usually its path)
 * @schema_resource: its schema, a static string
 * @load: fills in the new object from the validated document
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Makes an object of planning data, refused whole on the first error,
 * which names @display_name, the line and the column.
 *
 * Returns: (transfer full): the object, or %NULL
 */
GObject *
_redline_planning_new (GType                type,
                       GBytes              *bytes,
                       const char          *display_name,
                       const char          *schema_resource,
                       RedlinePlanningLoad  load,
                       GError             **error)
{
  g_autoptr(GObject) object = NULL;
  RedlineXmlSource source;
  xmlDocPtr doc;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_document (bytes, display_name, &source, schema_resource, error);
  if (doc == NULL)
    return NULL;
  object = g_object_new (type, NULL);
  ok = load (object, &source, doc, error);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&object) : NULL;
}

/* Like _redline_planning_new() for the data built into Redline at
 * @resource, named "builtin:" and its file name. */
GObject *
_redline_planning_new_builtin (GType                type,
                               const char          *resource,
                               const char          *schema_resource,
                               RedlinePlanningLoad  load,
                               GError             **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     error);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return NULL;
  name = g_strconcat ("builtin:", strrchr (resource, '/') + 1, NULL);
  return _redline_planning_new (type, bytes, name, schema_resource, load, error);
}
