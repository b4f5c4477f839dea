/* redline-menu-item.c: an item of an Official Account's custom menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include "redline-enums.h"
#include "redline-menu-item.h"
#include "redline-model-private.h"

/**
 * RedlineMenuItem:
 *
 * One item of the custom menu at the bottom of an Official Account's chat:
 * a top-level item, or a sub-item of one (the menu has two levels). An
 * item without sub-items sends a message or opens a web page when tapped.
 * It belongs to one account on one ecosystem, as the account's campaigns
 * name it, and is checked with that ecosystem's rules as content of kind
 * %REDLINE_CONTENT_KIND_MENU: its name as the title, its message as the
 * body, its page as the link. The platform's limits on the menu (how many
 * items, how long their names) are planning data (redline_platform_get_menu_limits()).
 *
 * An item taken from redline_project_get_menu_items() is the project's own
 * object: change it, then call redline_project_update_menu_item().
 */
struct _RedlineMenuItem
{
  GObject            parent_instance;

  gint64             id;
  RedlineEcosystem   ecosystem;
  char              *account;
  gint64             parent_id;
  guint              position;
  char              *name;
  RedlineMenuAction  action;
  char              *message;
  char              *link;
};

G_DEFINE_FINAL_TYPE (RedlineMenuItem, redline_menu_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ECOSYSTEM,
  PROP_ACCOUNT,
  PROP_PARENT_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_ACTION,
  PROP_MESSAGE,
  PROP_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redline_menu_item_finalize (GObject *object)
{
  RedlineMenuItem *self = REDLINE_MENU_ITEM (object);

  g_free (self->account);
  g_free (self->name);
  g_free (self->message);
  g_free (self->link);

  G_OBJECT_CLASS (redline_menu_item_parent_class)->finalize (object);
}

static void
redline_menu_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RedlineMenuItem *self = REDLINE_MENU_ITEM (object);

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
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_menu_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RedlineMenuItem *self = REDLINE_MENU_ITEM (object);

  switch (prop_id)
    {
    case PROP_ECOSYSTEM:
      self->ecosystem = g_value_get_enum (value);
      break;
    case PROP_ACCOUNT:
      self->account = g_value_dup_string (value);
      break;
    case PROP_PARENT_ID:
      self->parent_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      redline_menu_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_ACTION:
      redline_menu_item_set_action (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE:
      redline_menu_item_set_message (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      redline_menu_item_set_link (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_menu_item_class_init (RedlineMenuItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redline_menu_item_finalize;
  object_class->get_property = redline_menu_item_get_property;
  object_class->set_property = redline_menu_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ECOSYSTEM] =
    g_param_spec_enum ("ecosystem", NULL, NULL, REDLINE_TYPE_ECOSYSTEM, REDLINE_ECOSYSTEM_WEIXIN,
                       fixed);
  properties[PROP_ACCOUNT] = g_param_spec_string ("account", NULL, NULL, NULL, fixed);
  /**
   * RedlineMenuItem:parent-id:
   *
   * The top-level item this one opens from, or 0 for a top-level item.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, fixed);
  /**
   * RedlineMenuItem:position:
   *
   * Where the item stands among its siblings, from 0; the project sets it.
   */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL, REDLINE_TYPE_MENU_ACTION,
                       REDLINE_MENU_ACTION_MESSAGE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_menu_item_init (RedlineMenuItem *self)
{
}

/**
 * redline_menu_item_new:
 * @ecosystem: the ecosystem of the account
 * @account: the account's name, as its campaigns give it
 * @parent_id: the id of the top-level item it opens from, or 0 for a
 *   top-level item
 * @name: (nullable): what the menu shows
 *
 * Returns: (transfer full): an item, not yet in a project
 */
RedlineMenuItem *
redline_menu_item_new (RedlineEcosystem  ecosystem,
                       const char       *account,
                       gint64            parent_id,
                       const char       *name)
{
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);
  g_return_val_if_fail (parent_id >= 0, NULL);

  return g_object_new (REDLINE_TYPE_MENU_ITEM, "ecosystem", ecosystem, "account", account,
                       "parent-id", parent_id, "name", name, NULL);
}

/**
 * redline_menu_item_copy:
 * @self: a #RedlineMenuItem
 *
 * A copy to draft changes in: it has @self's id and position, so that the
 * checks see it in @self's place, but it is not the project's object: the
 * project stores changes made to @self only.
 *
 * Returns: (transfer full): the copy
 */
RedlineMenuItem *
redline_menu_item_copy (RedlineMenuItem *self)
{
  RedlineMenuItem *copy;

  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), NULL);

  copy = redline_menu_item_new (self->ecosystem, self->account, self->parent_id, self->name);
  copy->id = self->id;
  copy->position = self->position;
  g_object_set (copy, "action", self->action, "message", self->message, "link", self->link,
                NULL);
  return copy;
}

void
_redline_menu_item_set_id (RedlineMenuItem *self,
                           gint64           id)
{
  g_assert (REDLINE_IS_MENU_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_redline_menu_item_set_position (RedlineMenuItem *self,
                                 guint            position)
{
  g_assert (REDLINE_IS_MENU_ITEM (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * redline_menu_item_get_id:
 * @self: a #RedlineMenuItem
 *
 * Returns: the item's id in its project, or 0 when not yet added
 */
gint64
redline_menu_item_get_id (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), 0);
  return self->id;
}

RedlineEcosystem
redline_menu_item_get_ecosystem (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), REDLINE_ECOSYSTEM_WEIXIN);
  return self->ecosystem;
}

/**
 * redline_menu_item_get_account:
 * @self: a #RedlineMenuItem
 *
 * Returns: (nullable): the name of the account whose menu it is in
 */
const char *
redline_menu_item_get_account (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), NULL);
  return self->account;
}

gint64
redline_menu_item_get_parent_id (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), 0);
  return self->parent_id;
}

guint
redline_menu_item_get_position (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), 0);
  return self->position;
}

/**
 * redline_menu_item_get_name:
 * @self: a #RedlineMenuItem
 *
 * Returns: (nullable): what the menu shows
 */
const char *
redline_menu_item_get_name (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), NULL);
  return self->name;
}

void
redline_menu_item_set_name (RedlineMenuItem *self,
                            const char      *name)
{
  g_return_if_fail (REDLINE_IS_MENU_ITEM (self));

  if (_redline_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

RedlineMenuAction
redline_menu_item_get_action (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), REDLINE_MENU_ACTION_MESSAGE);
  return self->action;
}

void
redline_menu_item_set_action (RedlineMenuItem   *self,
                              RedlineMenuAction  action)
{
  g_return_if_fail (REDLINE_IS_MENU_ITEM (self));
  g_return_if_fail (action <= REDLINE_MENU_ACTION_LINK);

  if (self->action == action)
    return;
  self->action = action;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

/**
 * redline_menu_item_get_message:
 * @self: a #RedlineMenuItem
 *
 * Returns: (nullable): the message tapping it sends, when its action is
 *   %REDLINE_MENU_ACTION_MESSAGE
 */
const char *
redline_menu_item_get_message (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), NULL);
  return self->message;
}

void
redline_menu_item_set_message (RedlineMenuItem *self,
                               const char      *message)
{
  g_return_if_fail (REDLINE_IS_MENU_ITEM (self));

  if (_redline_set_str (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * redline_menu_item_get_link:
 * @self: a #RedlineMenuItem
 *
 * Returns: (nullable): the page tapping it opens, when its action is
 *   %REDLINE_MENU_ACTION_LINK
 */
const char *
redline_menu_item_get_link (RedlineMenuItem *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (self), NULL);
  return self->link;
}

void
redline_menu_item_set_link (RedlineMenuItem *self,
                            const char      *link)
{
  g_return_if_fail (REDLINE_IS_MENU_ITEM (self));

  if (_redline_set_str (&self->link, link))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}
