/* redline-auto-reply-dialog.c: an account's automatic reply, new or to
 * change, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-auto-reply-dialog.h"
#include "redline-finding-row.h"
#include "redline-item-dialog.h"

/**
 * RedlineAutoReplyDialog:
 *
 * Where a marketer drafts what an Official Account sends by itself: its
 * welcome message, its reply to any message, or a keyword reply with its
 * keywords. As they type, the dialog checks the text with the rules of the
 * account's ecosystem and the platform's limits on replies, as
 * redline-check does. Save stores the reply in one action.
 */
struct _RedlineAutoReplyDialog
{
  AdwWindow         parent_instance;

  RedlineContext   *context;
  RedlineAutoReply *reply;   /* the project's own, or NULL for a new one */
  RedlineAutoReply *shown;   /* what the fields say, never stored */
  GListModel       *findings;
  gboolean          read_only;
  gboolean          filling;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *save_button;
  AdwComboRow      *trigger_row;
  AdwEntryRow      *keywords_row;
  AdwActionRow     *exact_row;
  GtkSwitch        *exact_switch;
  AdwEntryRow      *name_row;
  GtkTextView      *text_view;
  GtkLabel         *counter_label;
  GtkListBox       *findings_list;
  GtkWidget        *remove_group;
};

G_DEFINE_FINAL_TYPE (RedlineAutoReplyDialog, redline_auto_reply_dialog, ADW_TYPE_WINDOW)

static char *
dup_text (RedlineAutoReplyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "120 / 300 characters" under the text, red past the platform's limit. */
static void
show_counter (RedlineAutoReplyDialog *self,
              const char             *text)
{
  RedlinePlatform *platform =
    redline_planner_get_platform (redline_context_get_planner (self->context));
  guint limit = redline_platform_get_reply_limits (platform)->text[
    redline_auto_reply_get_trigger (self->shown)];
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *label =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld / %u character", "%ld / %u characters",
                                  limit), n, limit);

  gtk_label_set_text (self->counter_label, label);
  redline_item_dialog_set_over_limit (GTK_WIDGET (self->counter_label), n > (glong) limit);
}

/* Reads the fields into the reply shown and checks it. */
static void
update (RedlineAutoReplyDialog *self)
{
  RedlineReplyTrigger trigger = adw_combo_row_get_selected (self->trigger_row);
  gboolean keyword = trigger == REDLINE_REPLY_TRIGGER_KEYWORD;
  g_auto(GStrv) keywords = redline_keywords_parse (
    gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
  g_autofree char *text = dup_text (self);
  gboolean valid;

  if (self->filling)
    return;
  redline_auto_reply_set_trigger (self->shown, trigger);
  redline_auto_reply_set_keywords (self->shown,
                                   keyword ? (const char * const *) keywords : NULL);
  redline_auto_reply_set_exact_match (self->shown, gtk_switch_get_active (self->exact_switch));
  redline_auto_reply_set_name (self->shown, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  redline_auto_reply_set_text (self->shown, text);
  gtk_widget_set_visible (GTK_WIDGET (self->keywords_row), keyword);
  gtk_widget_set_visible (GTK_WIDGET (self->exact_row), keyword);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), keyword);
  show_counter (self, text);

  g_clear_object (&self->findings);
  if (redline_context_get_rule_set (self->context) != NULL)
    self->findings = redline_context_check_auto_reply (self->context, self->shown);
  redline_finding_row_fill_list (self->findings_list, self->findings);

  valid = g_strstrip (text)[0] != '\0' && (!keyword || keywords[0] != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid && !self->read_only);
}

static void
on_changed_cb (RedlineAutoReplyDialog *self)
{
  update (self);
}

/* What the fields say, onto the project's reply or a new one. */
static void
copy_fields (RedlineAutoReply *to,
             RedlineAutoReply *from)
{
  g_object_set (to,
                "trigger", redline_auto_reply_get_trigger (from),
                "name", redline_auto_reply_get_name (from),
                "keywords", redline_auto_reply_get_keywords (from),
                "exact-match", redline_auto_reply_get_exact_match (from),
                "text", redline_auto_reply_get_text (from),
                NULL);
}

/**
 * redline_auto_reply_dialog_save:
 * @self: a #RedlineAutoReplyDialog
 * @error: return location for a #GError
 *
 * Stores what the fields say: adds the new reply, or changes the project's.
 *
 * Returns: whether it was stored
 */
gboolean
redline_auto_reply_dialog_save (RedlineAutoReplyDialog  *self,
                                GError                 **error)
{
  RedlineProject *project = redline_context_get_project (self->context);

  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY_DIALOG (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  update (self);
  if (self->reply == NULL)
    {
      g_autoptr(RedlineAutoReply) reply =
        redline_auto_reply_new (redline_auto_reply_get_ecosystem (self->shown),
                                redline_auto_reply_get_account (self->shown),
                                redline_auto_reply_get_trigger (self->shown));

      copy_fields (reply, self->shown);
      if (!redline_project_add_auto_reply (project, reply, error))
        return FALSE;
      self->reply = g_steal_pointer (&reply);
      return TRUE;
    }
  copy_fields (self->reply, self->shown);
  return redline_project_update_auto_reply (project, self->reply, error);
}

static void
on_save_clicked_cb (GtkButton              *button,
                    RedlineAutoReplyDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->read_only)
    return;
  if (!redline_auto_reply_dialog_save (self, &error))
    redline_item_dialog_show_error (self->toast_overlay, error->message);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
remove_reply (GtkWindow  *window,
              GError    **error)
{
  RedlineAutoReplyDialog *self = REDLINE_AUTO_REPLY_DIALOG (window);

  return redline_project_remove_auto_reply (redline_context_get_project (self->context),
                                            self->reply, error);
}

static void
on_remove_clicked_cb (GtkButton              *button,
                      RedlineAutoReplyDialog *self)
{
  g_autofree char *body = NULL;

  if (self->reply == NULL || self->read_only)
    return;
  /* TRANSLATORS: %s: the account's name */
  body = g_strdup_printf (_("“%s” no longer sends it, once the account is set up as the "
                            "project says."), redline_auto_reply_get_account (self->reply));
  redline_item_dialog_ask_removal (GTK_WINDOW (self), self->toast_overlay,
                                   _("Remove the Reply?"), body, remove_reply);
}

static void
redline_auto_reply_dialog_dispose (GObject *object)
{
  RedlineAutoReplyDialog *self = REDLINE_AUTO_REPLY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_AUTO_REPLY_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->reply);
  g_clear_object (&self->shown);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (redline_auto_reply_dialog_parent_class)->dispose (object);
}

static void
redline_auto_reply_dialog_class_init (RedlineAutoReplyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_auto_reply_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-auto-reply-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, exact_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, exact_switch);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, counter_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, findings_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineAutoReplyDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("The reply passes every rule of this ecosystem and the "
                                      "platform’s limits."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
redline_auto_reply_dialog_init (RedlineAutoReplyDialog *self)
{
  g_autoptr(GtkStringList) triggers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RedlineReplyTrigger. */
  for (RedlineReplyTrigger trigger = 0; trigger < REDLINE_N_REPLY_TRIGGERS; trigger++)
    gtk_string_list_append (triggers, redline_reply_trigger_label (trigger));
  adw_combo_row_set_model (self->trigger_row, G_LIST_MODEL (triggers));
  gtk_list_box_set_placeholder (self->findings_list, create_placeholder ());
}

/**
 * redline_auto_reply_dialog_new:
 * @parent: the window it is for
 * @context: the context, with the project and its rule set
 * @ecosystem: the ecosystem of the account
 * @account: the account's name
 * @reply: (nullable): one of the account's replies to change, or %NULL for
 *   a new one: the welcome message if the account has none, else a keyword
 *   reply
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
redline_auto_reply_dialog_new (GtkWindow        *parent,
                               RedlineContext   *context,
                               RedlineEcosystem  ecosystem,
                               const char       *account,
                               RedlineAutoReply *reply)
{
  RedlineAutoReplyDialog *self;
  RedlineProject *project;
  g_autofree char *keywords = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (redline_context_get_project (context) != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (reply == NULL || REDLINE_IS_AUTO_REPLY (reply), NULL);

  self = g_object_new (REDLINE_TYPE_AUTO_REPLY_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  project = redline_context_get_project (context);
  self->read_only = redline_project_get_read_only (project);
  if (reply != NULL)
    {
      self->reply = g_object_ref (reply);
      self->shown = redline_auto_reply_copy (reply);
    }
  else
    self->shown = redline_auto_reply_new (
      ecosystem, account,
      redline_project_find_account_reply (project, ecosystem, account,
                                          REDLINE_REPLY_TRIGGER_WELCOME) == NULL
      ? REDLINE_REPLY_TRIGGER_WELCOME : REDLINE_REPLY_TRIGGER_KEYWORD);

  adw_window_title_set_title (self->window_title, reply != NULL ? _("Automatic Reply")
                                                                : _("New Automatic Reply"));
  gtk_window_set_title (GTK_WINDOW (self), reply != NULL ? _("Automatic Reply")
                                                         : _("New Automatic Reply"));
  gtk_button_set_label (self->save_button, reply != NULL ? _("_Save") : _("_Add"));
  /* TRANSLATORS: %s: the account; %s: its ecosystem, Weixin or WeChat */
  subtitle = self->read_only
             ? g_strdup (_("Read-only"))
             : g_strdup_printf (_("%s · %s"), account, redline_ecosystem_label (ecosystem));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->remove_group, reply != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->read_only);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->trigger_row, redline_auto_reply_get_trigger (self->shown));
  keywords = g_strjoinv (", ",
                         (char **) redline_auto_reply_get_keywords (self->shown));
  gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
  gtk_switch_set_active (self->exact_switch, redline_auto_reply_get_exact_match (self->shown));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         redline_auto_reply_get_name (self->shown) != NULL
                         ? redline_auto_reply_get_name (self->shown) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            redline_auto_reply_get_text (self->shown) != NULL
                            ? redline_auto_reply_get_text (self->shown) : "", -1);
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->trigger_row), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->exact_switch), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->keywords_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !self->read_only);
  gtk_text_view_set_editable (self->text_view, !self->read_only);

  g_signal_connect_object (self->trigger_row, "notify::selected", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keywords_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->exact_switch, "notify::active", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}

/**
 * redline_auto_reply_dialog_get_reply:
 * @self: a #RedlineAutoReplyDialog
 *
 * Returns: (transfer none) (nullable): the project's reply: the one being
 *   changed, or the new one once added
 */
RedlineAutoReply *
redline_auto_reply_dialog_get_reply (RedlineAutoReplyDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY_DIALOG (self), NULL);
  return self->reply;
}

/**
 * redline_auto_reply_dialog_get_findings:
 * @self: a #RedlineAutoReplyDialog
 *
 * Returns: (transfer none) (nullable): the findings of the reply as shown
 */
GListModel *
redline_auto_reply_dialog_get_findings (RedlineAutoReplyDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY_DIALOG (self), NULL);
  return self->findings;
}
