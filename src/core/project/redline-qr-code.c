/* redline-qr-code.c: a campaign's QR code for one placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-qr-code"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-model-private.h"
#include "redline-qr-code.h"

/**
 * RedlineQrCode:
 *
 * The QR code a campaign prints on one placement (packaging, a poster, the
 * till…). It encodes the campaign's link with a source parameter naming the
 * placement, so the scans of each can be told apart, and is printed at a
 * size with an error-correction level and a quiet zone. The encoded link is
 * checked like any link of the campaign's ecosystem.
 *
 * A code taken from redline_project_get_qr_codes() is the project's own
 * object: change it, then call redline_project_update_qr_code().
 */
struct _RedlineQrCode
{
  GObject                   parent_instance;

  gint64                    id;
  gint64                    campaign_id;
  char                     *placement;
  char                     *link;
  char                     *source_key;
  char                     *source;
  RedlineQrErrorCorrection  error_correction;
  guint                     quiet_zone;
  guint                     size_mm;
};

G_DEFINE_FINAL_TYPE (RedlineQrCode, redline_qr_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_PLACEMENT,
  PROP_LINK,
  PROP_SOURCE_KEY,
  PROP_SOURCE,
  PROP_ERROR_CORRECTION,
  PROP_QUIET_ZONE,
  PROP_SIZE_MM,
  PROP_ENCODED_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const level_names[] = { "low", "medium", "quartile", "high" };

/**
 * redline_qr_error_correction_to_string:
 * @level: an error-correction level
 *
 * Returns: its name, as stored in the project file
 */
const char *
redline_qr_error_correction_to_string (RedlineQrErrorCorrection level)
{
  g_return_val_if_fail (level < G_N_ELEMENTS (level_names), NULL);
  return level_names[level];
}

/**
 * redline_qr_error_correction_from_string:
 * @str: (nullable): a level's name
 * @level: (out): where to store the level
 *
 * Returns: whether @str names a level
 */
gboolean
redline_qr_error_correction_from_string (const char               *str,
                                         RedlineQrErrorCorrection *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (level_names); i++)
    {
      if (g_str_equal (str, level_names[i]))
        {
          *level = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_source_key (const char *key)
{
  if (key == NULL || key[0] == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
        return FALSE;
    }
  return TRUE;
}

/**
 * redline_qr_link_with_source:
 * @link: a web address (`http://` or `https://`)
 * @key: (nullable): the query parameter naming the source;
 *   %REDLINE_QR_DEFAULT_SOURCE_KEY when %NULL or empty
 * @source: (nullable): the source, such as `packaging`; none when %NULL or
 *   empty
 * @error: return location for a #GError (%G_URI_ERROR)
 *
 * The address a QR code encodes: @link with `key=source` in its query. A
 * parameter @key that @link already has is replaced; the others, the path
 * and the fragment stay as written, except that characters outside ASCII
 * are percent-encoded, as every scanner reads them.
 *
 * Returns: (transfer full): the address, or %NULL if @link is not a web
 *   address or @key not a parameter name
 */
char *
redline_qr_link_with_source (const char  *link,
                             const char  *key,
                             const char  *source,
                             GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = NULL;
  g_autofree char *escaped = NULL;
  const char *scheme;
  const char *old_query;

  if (key == NULL || key[0] == '\0')
    key = REDLINE_QR_DEFAULT_SOURCE_KEY;
  if (link != NULL && g_utf8_validate (link, -1, NULL))
    uri = g_uri_parse (link, G_URI_FLAGS_ENCODED, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_autofree char *shown = link != NULL ? g_utf8_make_valid (link, -1) : g_strdup ("");

      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                   _("“%s” is not a web address: a QR code links to an address that starts "
                     "with https:// or http://"), shown);
      return NULL;
    }
  if (!is_source_key (key))
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_QUERY,
                   _("“%s” is not a parameter name: use letters, digits, “_”, “-” and “.”"),
                   key);
      return NULL;
    }
  if (source == NULL || source[0] == '\0')
    return g_strdup (link);

  /* The query as written, less any parameter of the same name. */
  query = g_string_new (NULL);
  old_query = g_uri_get_query (uri);
  if (old_query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (old_query, "&", -1);
      gsize key_len = strlen (key);

      for (guint i = 0; params[i] != NULL; i++)
        {
          if (params[i][0] == '\0' ||
              (strncmp (params[i], key, key_len) == 0 &&
               (params[i][key_len] == '=' || params[i][key_len] == '\0')))
            continue;
          g_string_append_printf (query, "%s%s", query->len > 0 ? "&" : "", params[i]);
        }
    }
  escaped = g_uri_escape_string (source, NULL, FALSE);
  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", key, escaped);

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, g_uri_get_userinfo (uri), g_uri_get_host (uri),
                     g_uri_get_port (uri), g_uri_get_path (uri), query->str,
                     g_uri_get_fragment (uri));
}

static void
redline_qr_code_finalize (GObject *object)
{
  RedlineQrCode *self = REDLINE_QR_CODE (object);

  g_clear_pointer (&self->placement, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (redline_qr_code_parent_class)->finalize (object);
}

static void
redline_qr_code_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RedlineQrCode *self = REDLINE_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    case PROP_PLACEMENT:
      g_value_set_string (value, self->placement);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_SOURCE_KEY:
      g_value_set_string (value, self->source_key);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_ERROR_CORRECTION:
      g_value_set_enum (value, self->error_correction);
      break;
    case PROP_QUIET_ZONE:
      g_value_set_uint (value, self->quiet_zone);
      break;
    case PROP_SIZE_MM:
      g_value_set_uint (value, self->size_mm);
      break;
    case PROP_ENCODED_LINK:
      g_value_take_string (value, redline_qr_code_dup_encoded_link (self));
      break;
    case PROP_0:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_qr_code_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RedlineQrCode *self = REDLINE_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      redline_qr_code_set_campaign_id (self, g_value_get_int64 (value));
      break;
    case PROP_PLACEMENT:
      redline_qr_code_set_placement (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      redline_qr_code_set_link (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_KEY:
      redline_qr_code_set_source_key (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      redline_qr_code_set_source (self, g_value_get_string (value));
      break;
    case PROP_ERROR_CORRECTION:
      redline_qr_code_set_error_correction (self, g_value_get_enum (value));
      break;
    case PROP_QUIET_ZONE:
      redline_qr_code_set_quiet_zone (self, g_value_get_uint (value));
      break;
    case PROP_SIZE_MM:
      redline_qr_code_set_size_mm (self, g_value_get_uint (value));
      break;
    case PROP_0:
    case PROP_ID:
    case PROP_ENCODED_LINK:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_qr_code_class_init (RedlineQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redline_qr_code_finalize;
  object_class->get_property = redline_qr_code_get_property;
  object_class->set_property = redline_qr_code_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PLACEMENT] = g_param_spec_string ("placement", NULL, NULL, NULL, flags);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_KEY] =
    g_param_spec_string ("source-key", NULL, NULL, REDLINE_QR_DEFAULT_SOURCE_KEY, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_ERROR_CORRECTION] =
    g_param_spec_enum ("error-correction", NULL, NULL, REDLINE_TYPE_QR_ERROR_CORRECTION,
                       REDLINE_QR_ERROR_CORRECTION_MEDIUM, flags);
  properties[PROP_QUIET_ZONE] =
    g_param_spec_uint ("quiet-zone", NULL, NULL, 0, REDLINE_QR_MAX_QUIET_ZONE,
                       REDLINE_QR_DEFAULT_QUIET_ZONE, flags);
  properties[PROP_SIZE_MM] =
    g_param_spec_uint ("size-mm", NULL, NULL, REDLINE_QR_MIN_SIZE_MM, REDLINE_QR_MAX_SIZE_MM,
                       REDLINE_QR_DEFAULT_SIZE_MM, flags);
  /**
   * RedlineQrCode:encoded-link:
   *
   * The address the code encodes: the link with its source parameter, or
   * %NULL while the link is not a web address.
   */
  properties[PROP_ENCODED_LINK] =
    g_param_spec_string ("encoded-link", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_qr_code_init (RedlineQrCode *self)
{
  self->source_key = g_strdup (REDLINE_QR_DEFAULT_SOURCE_KEY);
  self->error_correction = REDLINE_QR_ERROR_CORRECTION_MEDIUM;
  self->quiet_zone = REDLINE_QR_DEFAULT_QUIET_ZONE;
  self->size_mm = REDLINE_QR_DEFAULT_SIZE_MM;
}

/**
 * redline_qr_code_new:
 * @campaign_id: the campaign it belongs to
 * @placement: where it is printed, such as “Packaging”
 * @link: the web address it opens, before its source parameter
 *
 * Returns: (transfer full): a code, not yet in a project
 */
RedlineQrCode *
redline_qr_code_new (gint64      campaign_id,
                     const char *placement,
                     const char *link)
{
  return g_object_new (REDLINE_TYPE_QR_CODE, "campaign-id", campaign_id, "placement", placement,
                       "link", link, NULL);
}

void
_redline_qr_code_set_id (RedlineQrCode *self,
                         gint64         id)
{
  g_assert (REDLINE_IS_QR_CODE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * redline_qr_code_get_id:
 * @self: a #RedlineQrCode
 *
 * Returns: the code's id in its project, or 0 when not yet added
 */
gint64
redline_qr_code_get_id (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), 0);
  return self->id;
}

gint64
redline_qr_code_get_campaign_id (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), 0);
  return self->campaign_id;
}

void
redline_qr_code_set_campaign_id (RedlineQrCode *self,
                                 gint64         campaign_id)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));

  if (self->campaign_id == campaign_id)
    return;
  self->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

const char *
redline_qr_code_get_placement (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), NULL);
  return self->placement;
}

void
redline_qr_code_set_placement (RedlineQrCode *self,
                               const char    *placement)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));

  if (_redline_set_str (&self->placement, placement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEMENT]);
}

/* The link, its parameter and its source make the encoded link. */
static void
set_link_part (RedlineQrCode  *self,
               char          **part,
               const char     *value,
               guint           prop_id)
{
  if (!_redline_set_str (part, value))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODED_LINK]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
redline_qr_code_get_link (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), NULL);
  return self->link;
}

void
redline_qr_code_set_link (RedlineQrCode *self,
                          const char    *link)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));
  set_link_part (self, &self->link, link, PROP_LINK);
}

/**
 * redline_qr_code_get_source_key:
 * @self: a #RedlineQrCode
 *
 * Returns: the query parameter that carries the source
 */
const char *
redline_qr_code_get_source_key (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), NULL);
  return self->source_key;
}

void
redline_qr_code_set_source_key (RedlineQrCode *self,
                                const char    *key)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));

  if (key == NULL || key[0] == '\0')
    key = REDLINE_QR_DEFAULT_SOURCE_KEY;
  set_link_part (self, &self->source_key, key, PROP_SOURCE_KEY);
}

/**
 * redline_qr_code_get_source:
 * @self: a #RedlineQrCode
 *
 * Returns: (nullable): the value of the source parameter, such as
 *   `packaging`; %NULL when the link goes out as it is
 */
const char *
redline_qr_code_get_source (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), NULL);
  return self->source;
}

void
redline_qr_code_set_source (RedlineQrCode *self,
                            const char    *source)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));
  set_link_part (self, &self->source, source, PROP_SOURCE);
}

RedlineQrErrorCorrection
redline_qr_code_get_error_correction (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), REDLINE_QR_ERROR_CORRECTION_MEDIUM);
  return self->error_correction;
}

void
redline_qr_code_set_error_correction (RedlineQrCode            *self,
                                      RedlineQrErrorCorrection  level)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));
  g_return_if_fail (level <= REDLINE_QR_ERROR_CORRECTION_HIGH);

  if (self->error_correction == level)
    return;
  self->error_correction = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CORRECTION]);
}

/**
 * redline_qr_code_get_quiet_zone:
 * @self: a #RedlineQrCode
 *
 * Returns: the blank margin around the code, in modules
 */
guint
redline_qr_code_get_quiet_zone (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), REDLINE_QR_DEFAULT_QUIET_ZONE);
  return self->quiet_zone;
}

void
redline_qr_code_set_quiet_zone (RedlineQrCode *self,
                                guint          modules)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));

  modules = MIN (modules, REDLINE_QR_MAX_QUIET_ZONE);
  if (self->quiet_zone == modules)
    return;
  self->quiet_zone = modules;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIET_ZONE]);
}

/**
 * redline_qr_code_get_size_mm:
 * @self: a #RedlineQrCode
 *
 * Returns: the printed width of the code with its quiet zone, in
 *   millimetres
 */
guint
redline_qr_code_get_size_mm (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), REDLINE_QR_DEFAULT_SIZE_MM);
  return self->size_mm;
}

void
redline_qr_code_set_size_mm (RedlineQrCode *self,
                             guint          size_mm)
{
  g_return_if_fail (REDLINE_IS_QR_CODE (self));

  size_mm = CLAMP (size_mm, REDLINE_QR_MIN_SIZE_MM, REDLINE_QR_MAX_SIZE_MM);
  if (self->size_mm == size_mm)
    return;
  self->size_mm = size_mm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_MM]);
}

/**
 * redline_qr_code_dup_encoded_link:
 * @self: a #RedlineQrCode
 *
 * Returns: (transfer full) (nullable): the address the code encodes (see
 *   redline_qr_link_with_source()), or %NULL while its link is not a web
 *   address
 */
char *
redline_qr_code_dup_encoded_link (RedlineQrCode *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (self), NULL);
  return redline_qr_link_with_source (self->link, self->source_key, self->source, NULL);
}
