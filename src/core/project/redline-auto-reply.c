/* redline-auto-reply.c: a message an Official Account sends by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include "redline-auto-reply.h"
#include "redline-enums.h"
#include "redline-model-private.h"

/**
 * RedlineAutoReply:
 *
 * A reply an Official Account sends without anyone typing it: the welcome
 * message new followers get, the reply to a message no keyword matches,
 * or a keyword reply (its rule name, its keywords, whether a message must
 * be the keyword or only hold it). It belongs to one account on one
 * ecosystem, as the account's campaigns name it, and is checked with that
 * ecosystem's rules as content of kind %REDLINE_CONTENT_KIND_AUTO_REPLY.
 *
 * A reply taken from redline_project_get_auto_replies() is the project's
 * own object: change it, then call redline_project_update_auto_reply().
 */
struct _RedlineAutoReply
{
  GObject              parent_instance;

  gint64               id;
  RedlineEcosystem     ecosystem;
  char                *account;
  RedlineReplyTrigger  trigger;
  char                *name;
  GStrv                keywords;
  gboolean             exact_match;
  char                *text;
};

G_DEFINE_FINAL_TYPE (RedlineAutoReply, redline_auto_reply, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ECOSYSTEM,
  PROP_ACCOUNT,
  PROP_TRIGGER,
  PROP_NAME,
  PROP_KEYWORDS,
  PROP_EXACT_MATCH,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redline_auto_reply_finalize (GObject *object)
{
  RedlineAutoReply *self = REDLINE_AUTO_REPLY (object);

  g_free (self->account);
  g_free (self->name);
  g_strfreev (self->keywords);
  g_free (self->text);

  G_OBJECT_CLASS (redline_auto_reply_parent_class)->finalize (object);
}

static void
redline_auto_reply_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RedlineAutoReply *self = REDLINE_AUTO_REPLY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ECOSYSTEM:
      g_value_set_enum (value, self->ecosystem);
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;
    case PROP_TRIGGER:
      g_value_set_enum (value, self->trigger);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->keywords);
      break;
    case PROP_EXACT_MATCH:
      g_value_set_boolean (value, self->exact_match);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_auto_reply_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RedlineAutoReply *self = REDLINE_AUTO_REPLY (object);

  switch (prop_id)
    {
    case PROP_ECOSYSTEM:
      self->ecosystem = g_value_get_enum (value);
      break;
    case PROP_ACCOUNT:
      self->account = g_value_dup_string (value);
      break;
    case PROP_TRIGGER:
      redline_auto_reply_set_trigger (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      redline_auto_reply_set_name (self, g_value_get_string (value));
      break;
    case PROP_KEYWORDS:
      redline_auto_reply_set_keywords (self, g_value_get_boxed (value));
      break;
    case PROP_EXACT_MATCH:
      redline_auto_reply_set_exact_match (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT:
      redline_auto_reply_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_auto_reply_class_init (RedlineAutoReplyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redline_auto_reply_finalize;
  object_class->get_property = redline_auto_reply_get_property;
  object_class->set_property = redline_auto_reply_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ECOSYSTEM] =
    g_param_spec_enum ("ecosystem", NULL, NULL, REDLINE_TYPE_ECOSYSTEM, REDLINE_ECOSYSTEM_WEIXIN,
                       fixed);
  properties[PROP_ACCOUNT] = g_param_spec_string ("account", NULL, NULL, NULL, fixed);
  properties[PROP_TRIGGER] =
    g_param_spec_enum ("trigger", NULL, NULL, REDLINE_TYPE_REPLY_TRIGGER,
                       REDLINE_REPLY_TRIGGER_KEYWORD, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KEYWORDS] = g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXACT_MATCH] =
    g_param_spec_boolean ("exact-match", NULL, NULL, FALSE, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_auto_reply_init (RedlineAutoReply *self)
{
  self->trigger = REDLINE_REPLY_TRIGGER_KEYWORD;
  self->keywords = g_new0 (char *, 1);
}

/**
 * redline_auto_reply_new:
 * @ecosystem: the ecosystem of the account
 * @account: the account's name, as its campaigns give it
 * @trigger: what makes the account send it
 *
 * Returns: (transfer full): a reply, not yet in a project
 */
RedlineAutoReply *
redline_auto_reply_new (RedlineEcosystem     ecosystem,
                        const char          *account,
                        RedlineReplyTrigger  trigger)
{
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);
  g_return_val_if_fail (trigger < REDLINE_N_REPLY_TRIGGERS, NULL);

  return g_object_new (REDLINE_TYPE_AUTO_REPLY, "ecosystem", ecosystem, "account", account,
                       "trigger", trigger, NULL);
}

/**
 * redline_auto_reply_copy:
 * @self: a #RedlineAutoReply
 *
 * A copy to draft changes in: it has @self's id, so that the checks see it
 * in @self's place, but it is not the project's object: the project stores
 * changes made to @self only.
 *
 * Returns: (transfer full): the copy
 */
RedlineAutoReply *
redline_auto_reply_copy (RedlineAutoReply *self)
{
  RedlineAutoReply *copy;

  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), NULL);

  copy = redline_auto_reply_new (self->ecosystem, self->account, self->trigger);
  copy->id = self->id;
  g_object_set (copy, "name", self->name, "keywords", self->keywords,
                "exact-match", self->exact_match, "text", self->text, NULL);
  return copy;
}

void
_redline_auto_reply_set_id (RedlineAutoReply *self,
                            gint64            id)
{
  g_assert (REDLINE_IS_AUTO_REPLY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * redline_auto_reply_get_id:
 * @self: a #RedlineAutoReply
 *
 * Returns: the reply's id in its project, or 0 when not yet added
 */
gint64
redline_auto_reply_get_id (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), 0);
  return self->id;
}

RedlineEcosystem
redline_auto_reply_get_ecosystem (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), REDLINE_ECOSYSTEM_WEIXIN);
  return self->ecosystem;
}

/**
 * redline_auto_reply_get_account:
 * @self: a #RedlineAutoReply
 *
 * Returns: (nullable): the name of the account that sends it
 */
const char *
redline_auto_reply_get_account (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), NULL);
  return self->account;
}

RedlineReplyTrigger
redline_auto_reply_get_trigger (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), REDLINE_REPLY_TRIGGER_KEYWORD);
  return self->trigger;
}

void
redline_auto_reply_set_trigger (RedlineAutoReply    *self,
                                RedlineReplyTrigger  trigger)
{
  g_return_if_fail (REDLINE_IS_AUTO_REPLY (self));
  g_return_if_fail (trigger < REDLINE_N_REPLY_TRIGGERS);

  if (self->trigger == trigger)
    return;
  self->trigger = trigger;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIGGER]);
}

/**
 * redline_auto_reply_get_name:
 * @self: a #RedlineAutoReply
 *
 * Returns: (nullable): a keyword reply's rule name, which only the
 *   account's editors see
 */
const char *
redline_auto_reply_get_name (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), NULL);
  return self->name;
}

void
redline_auto_reply_set_name (RedlineAutoReply *self,
                             const char       *name)
{
  g_return_if_fail (REDLINE_IS_AUTO_REPLY (self));

  if (_redline_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * redline_auto_reply_get_keywords:
 * @self: a #RedlineAutoReply
 *
 * Returns: (transfer none): a keyword reply's keywords, in order; empty
 *   for the other triggers' replies
 */
const char * const *
redline_auto_reply_get_keywords (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), NULL);
  return (const char * const *) self->keywords;
}

void
redline_auto_reply_set_keywords (RedlineAutoReply   *self,
                                 const char * const *keywords)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (REDLINE_IS_AUTO_REPLY (self));

  if (keywords == NULL)
    keywords = none;
  if (g_strv_equal ((const char * const *) self->keywords, keywords))
    return;
  g_strfreev (self->keywords);
  self->keywords = g_strdupv ((char **) keywords);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYWORDS]);
}

/**
 * redline_auto_reply_get_exact_match:
 * @self: a #RedlineAutoReply
 *
 * Returns: whether a message must be one of the keywords (全匹配), rather
 *   than hold one
 */
gboolean
redline_auto_reply_get_exact_match (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), FALSE);
  return self->exact_match;
}

void
redline_auto_reply_set_exact_match (RedlineAutoReply *self,
                                    gboolean          exact_match)
{
  g_return_if_fail (REDLINE_IS_AUTO_REPLY (self));

  exact_match = !!exact_match;
  if (self->exact_match == exact_match)
    return;
  self->exact_match = exact_match;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXACT_MATCH]);
}

/**
 * redline_auto_reply_get_text:
 * @self: a #RedlineAutoReply
 *
 * Returns: (nullable): what the account sends
 */
const char *
redline_auto_reply_get_text (RedlineAutoReply *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (self), NULL);
  return self->text;
}

void
redline_auto_reply_set_text (RedlineAutoReply *self,
                             const char       *text)
{
  g_return_if_fail (REDLINE_IS_AUTO_REPLY (self));

  if (_redline_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * redline_keywords_parse:
 * @text: keywords as people type them, between commas (`,`, `，`, `、`)
 *   or on lines of their own
 *
 * Returns: (transfer full): the keywords, trimmed, each once, in order
 */
GStrv
redline_keywords_parse (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *copy = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_auto(GStrv) parts = NULL;
  GString *flat = g_string_new (NULL);

  /* The full-width comma and the enumeration comma become commas. */
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == 0x3001 || c == '\n' || c == '\r')
        g_string_append_c (flat, ',');
      else
        g_string_append_unichar (flat, c);
    }
  parts = g_strsplit (flat->str, ",", -1);
  g_string_free (flat, TRUE);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *keyword = g_strstrip (parts[i]);

      if (keyword[0] != '\0' && g_hash_table_add (seen, keyword))
        g_strv_builder_add (builder, keyword);
    }
  return g_strv_builder_end (builder);
}
