/* redline-menu-item-dialog.h: an item of an account's custom menu, new or
 * to change, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_MENU_ITEM_DIALOG (redline_menu_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineMenuItemDialog, redline_menu_item_dialog, REDLINE, MENU_ITEM_DIALOG,
                      AdwWindow)

GtkWidget       *redline_menu_item_dialog_new          (GtkWindow              *parent,
                                                        RedlineContext         *context,
                                                        RedlineEcosystem        ecosystem,
                                                        const char             *account,
                                                        RedlineMenuItem        *item);
RedlineMenuItem *redline_menu_item_dialog_get_item     (RedlineMenuItemDialog  *self);
GListModel      *redline_menu_item_dialog_get_findings (RedlineMenuItemDialog  *self);
gboolean         redline_menu_item_dialog_save         (RedlineMenuItemDialog  *self,
                                                        GError                **error);

G_END_DECLS
