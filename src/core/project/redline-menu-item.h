/* redline-menu-item.h: an item of an Official Account's custom menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "redline-types.h"

G_BEGIN_DECLS

/**
 * RedlineMenuAction:
 * @REDLINE_MENU_ACTION_MESSAGE: tapping the item sends a message
 * @REDLINE_MENU_ACTION_LINK: tapping the item opens a web page
 *
 * What an item does when tapped; an item with sub-items only opens them.
 * The nicks are the values stored in the project file.
 */
typedef enum
{
  REDLINE_MENU_ACTION_MESSAGE, /*< nick=message >*/
  REDLINE_MENU_ACTION_LINK,    /*< nick=link >*/
} RedlineMenuAction;

#define REDLINE_TYPE_MENU_ITEM (redline_menu_item_get_type ())

G_DECLARE_FINAL_TYPE (RedlineMenuItem, redline_menu_item, REDLINE, MENU_ITEM, GObject)

RedlineMenuItem   *redline_menu_item_new          (RedlineEcosystem   ecosystem,
                                                   const char        *account,
                                                   gint64             parent_id,
                                                   const char        *name);
RedlineMenuItem   *redline_menu_item_copy          (RedlineMenuItem   *self);
gint64             redline_menu_item_get_id        (RedlineMenuItem   *self);
RedlineEcosystem   redline_menu_item_get_ecosystem (RedlineMenuItem   *self);
const char        *redline_menu_item_get_account   (RedlineMenuItem   *self);
gint64             redline_menu_item_get_parent_id (RedlineMenuItem   *self);
guint              redline_menu_item_get_position  (RedlineMenuItem   *self);
const char        *redline_menu_item_get_name      (RedlineMenuItem   *self);
void               redline_menu_item_set_name      (RedlineMenuItem   *self,
                                                    const char        *name);
RedlineMenuAction  redline_menu_item_get_action    (RedlineMenuItem   *self);
void               redline_menu_item_set_action    (RedlineMenuItem   *self,
                                                    RedlineMenuAction  action);
const char        *redline_menu_item_get_message   (RedlineMenuItem   *self);
void               redline_menu_item_set_message   (RedlineMenuItem   *self,
                                                    const char        *message);
const char        *redline_menu_item_get_link      (RedlineMenuItem   *self);
void               redline_menu_item_set_link      (RedlineMenuItem   *self,
                                                    const char        *link);

G_END_DECLS

#include "redline-project-enums.h"
