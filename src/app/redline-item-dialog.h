/* redline-item-dialog.h: what the dialogs of one project item share (a QR
 * code, an automatic reply, a menu item): errors, counters and removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * RedlineItemRemoveFunc:
 * @dialog: the item's dialog
 * @error: return location for a #GError
 *
 * Removes the item @dialog shows from its project, in one action.
 *
 * Returns: whether it was removed
 */
typedef gboolean (*RedlineItemRemoveFunc) (GtkWindow  *dialog,
                                           GError    **error);

void redline_item_dialog_show_error     (AdwToastOverlay       *overlay,
                                         const char            *message);
void redline_item_dialog_set_over_limit (GtkWidget             *counter,
                                         gboolean               over);
void redline_item_dialog_ask_removal    (GtkWindow             *dialog,
                                         AdwToastOverlay       *overlay,
                                         const char            *heading,
                                         const char            *body,
                                         RedlineItemRemoveFunc  remove);

G_END_DECLS
