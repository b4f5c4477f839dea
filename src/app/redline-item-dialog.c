/* redline-item-dialog.c: what the dialogs of one project item share (a QR
 * code, an automatic reply, a menu item): errors, counters and removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-item-dialog.h"

/**
 * redline_item_dialog_show_error:
 * @overlay: the dialog's toast overlay
 * @message: why an action failed
 *
 * Shows @message until it is dismissed: the dialog stays open with what
 * was typed.
 */
void
redline_item_dialog_show_error (AdwToastOverlay *overlay,
                                const char      *message)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * redline_item_dialog_set_over_limit:
 * @counter: a label counting a text against its limit
 * @over: whether the text is past the limit
 *
 * Draws the counter red past the limit, dim otherwise.
 */
void
redline_item_dialog_set_over_limit (GtkWidget *counter,
                                    gboolean   over)
{
  g_return_if_fail (GTK_IS_WIDGET (counter));

  gtk_widget_remove_css_class (counter, over ? "dim-label" : "error");
  gtk_widget_add_css_class (counter, over ? "error" : "dim-label");
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* What the question's answer acts on; the overlay is the dialog's, which
 * outlives the question's connection to it. */
typedef struct
{
  RedlineItemRemoveFunc  remove;
  AdwToastOverlay       *overlay;
} Removal;

static void
on_removal_response_cb (AdwMessageDialog *question,
                        const char       *response,
                        GtkWindow        *dialog)
{
  Removal *removal = g_object_get_data (G_OBJECT (question), "removal");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  if (!removal->remove (dialog, &error))
    redline_item_dialog_show_error (removal->overlay, error->message);
  else
    {
      /* Closed once the question has gone: it is transient for the dialog. */
      gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (dialog), g_object_unref);
    }
}

/**
 * redline_item_dialog_ask_removal:
 * @dialog: the item's dialog
 * @overlay: its toast overlay, for a removal that fails
 * @heading: the question, such as “Remove the QR Code?”
 * @body: what removing does
 * @remove: removes the item when the answer is Remove
 *
 * Asks before an item is removed, with Cancel as the default answer. Once
 * removed, @dialog closes; a removal that fails says why in @dialog.
 */
void
redline_item_dialog_ask_removal (GtkWindow             *dialog,
                                 AdwToastOverlay       *overlay,
                                 const char            *heading,
                                 const char            *body,
                                 RedlineItemRemoveFunc  remove)
{
  AdwMessageDialog *question;
  Removal *removal;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (remove != NULL);

  question = ADW_MESSAGE_DIALOG (adw_message_dialog_new (dialog, heading, body));
  adw_message_dialog_add_responses (question, "cancel", _("_Cancel"), "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (question, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (question, "cancel");
  adw_message_dialog_set_close_response (question, "cancel");
  removal = g_new (Removal, 1);
  removal->remove = remove;
  removal->overlay = overlay;
  g_object_set_data_full (G_OBJECT (question), "removal", removal, g_free);
  g_signal_connect_object (question, "response", G_CALLBACK (on_removal_response_cb), dialog, 0);
  gtk_window_present (GTK_WINDOW (question));
}
