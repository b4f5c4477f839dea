/* redline-menu-item-dialog.c: an item of an account's custom menu, new or
 * to change, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "redline-finding-row.h"
#include "redline-item-dialog.h"
#include "redline-menu-item-dialog.h"

/**
 * RedlineMenuItemDialog:
 *
 * Where a marketer drafts an item of the custom menu at the bottom of an
 * Official Account's chat: its name, its place (top level, or under a
 * top-level item), and what tapping it does (send a message or open a
 * page). As they type, the dialog checks the item with the rules of the
 * account's ecosystem and the platform's limits on menus, as redline-check
 * does. Save stores it in one action; an item of the menu moves up and
 * down at once.
 */
struct _RedlineMenuItemDialog
{
  AdwWindow         parent_instance;

  RedlineContext   *context;
  RedlineEcosystem  ecosystem;
  char             *account;
  RedlineMenuItem  *item;     /* the project's own, or NULL for a new one */
  RedlineMenuItem  *shown;    /* what the fields say, never stored */
  GArray           *parents;  /* gint64: the level row's parent per position, 0 at the top */
  GListModel       *findings;
  gboolean          read_only;
  gboolean          filling;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *save_button;
  AdwEntryRow      *name_row;
  GtkLabel         *bytes_label;
  AdwComboRow      *level_row;
  AdwComboRow      *action_row;
  AdwEntryRow      *link_row;
  AdwActionRow     *order_row;
  GtkWidget        *up_button;
  GtkWidget        *down_button;
  GtkWidget        *message_group;
  GtkTextView      *text_view;
  GtkListBox       *findings_list;
  GtkWidget        *remove_group;
};

G_DEFINE_FINAL_TYPE (RedlineMenuItemDialog, redline_menu_item_dialog, ADW_TYPE_WINDOW)

static char *
dup_message (RedlineMenuItemDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "12 / 16 bytes" beside the name, red past the platform's limit. */
static void
show_bytes (RedlineMenuItemDialog *self,
            const char            *name)
{
  RedlinePlatform *platform =
    redline_planner_get_platform (redline_context_get_planner (self->context));
  RedlineMenuLevel level = redline_menu_item_get_parent_id (self->shown) == 0
                           ? REDLINE_MENU_LEVEL_TOP : REDLINE_MENU_LEVEL_SUB;
  guint limit = redline_platform_get_menu_limits (platform)->name_bytes[level];
  gsize n = strlen (name);
  /* TRANSLATORS: "12 / 16 bytes": a menu item name's length in UTF-8 and its limit */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu / %u byte",
                                                         "%zu / %u bytes", limit), n, limit);

  gtk_label_set_text (self->bytes_label, label);
  redline_item_dialog_set_over_limit (GTK_WIDGET (self->bytes_label), n > limit);
}

/* Reads the fields into the item shown and checks it. */
static void
update (RedlineMenuItemDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  RedlineMenuAction action = adw_combo_row_get_selected (self->action_row);
  g_autofree char *message = dup_message (self);
  guint n_subs;
  gboolean valid;

  if (self->filling)
    return;
  /* Another place makes another draft: the parent is the item's for good. */
  if (self->item == NULL)
    {
      guint place = adw_combo_row_get_selected (self->level_row);
      gint64 parent_id = place < self->parents->len ? g_array_index (self->parents, gint64, place)
                                                    : 0;

      if (parent_id != redline_menu_item_get_parent_id (self->shown))
        {
          g_object_unref (self->shown);
          self->shown = redline_menu_item_new (self->ecosystem, self->account, parent_id, NULL);
        }
    }
  redline_menu_item_set_name (self->shown, name);
  redline_menu_item_set_action (self->shown, action);
  redline_menu_item_set_message (self->shown, message);
  redline_menu_item_set_link (self->shown, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));

  /* An item with sub-items only opens them. */
  n_subs = redline_project_count_sub_items (project, self->shown);
  gtk_widget_set_visible (GTK_WIDGET (self->action_row), n_subs == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->link_row),
                          n_subs == 0 && action == REDLINE_MENU_ACTION_LINK);
  gtk_widget_set_visible (self->message_group,
                          n_subs == 0 && action == REDLINE_MENU_ACTION_MESSAGE);
  show_bytes (self, name);

  g_clear_object (&self->findings);
  if (redline_context_get_rule_set (self->context) != NULL)
    self->findings = redline_context_check_menu_item (self->context, self->shown);
  redline_finding_row_fill_list (self->findings_list, self->findings);

  valid = name[strspn (name, " \t")] != '\0';
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid && !self->read_only);
}

static void
on_changed_cb (RedlineMenuItemDialog *self)
{
  update (self);
}

/**
 * redline_menu_item_dialog_save:
 * @self: a #RedlineMenuItemDialog
 * @error: return location for a #GError
 *
 * Stores what the fields say: adds the new item after its siblings, or
 * changes the project's.
 *
 * Returns: whether it was stored
 */
gboolean
redline_menu_item_dialog_save (RedlineMenuItemDialog  *self,
                               GError                **error)
{
  RedlineProject *project = redline_context_get_project (self->context);
  RedlineMenuItem *to;

  g_return_val_if_fail (REDLINE_IS_MENU_ITEM_DIALOG (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  update (self);
  to = self->item != NULL ? self->item : self->shown;
  g_object_set (to,
                "name", redline_menu_item_get_name (self->shown),
                "action", redline_menu_item_get_action (self->shown),
                "message", redline_menu_item_get_message (self->shown),
                "link", redline_menu_item_get_link (self->shown),
                NULL);
  if (self->item == NULL)
    {
      /* The draft itself goes in; the dialog then changes it. */
      if (!redline_project_add_menu_item (project, self->shown, error))
        return FALSE;
      self->item = g_object_ref (self->shown);
      g_object_unref (self->shown);
      self->shown = redline_menu_item_copy (self->item);
      return TRUE;
    }
  return redline_project_update_menu_item (project, self->item, error);
}

static void
on_save_clicked_cb (GtkButton             *button,
                    RedlineMenuItemDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->read_only)
    return;
  if (!redline_menu_item_dialog_save (self, &error))
    redline_item_dialog_show_error (self->toast_overlay, error->message);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
move (RedlineMenuItemDialog *self,
      int                    by)
{
  RedlineProject *project = redline_context_get_project (self->context);
  g_autoptr(GError) error = NULL;
  guint position;

  if (self->item == NULL || self->read_only)
    return;
  position = redline_menu_item_get_position (self->item);
  if (by < 0 && position == 0)
    return;
  if (!redline_project_move_menu_item (project, self->item, position + by, &error))
    redline_item_dialog_show_error (self->toast_overlay, error->message);
  update (self);
}

static void
on_up_clicked_cb (GtkButton             *button,
                  RedlineMenuItemDialog *self)
{
  move (self, -1);
}

static void
on_down_clicked_cb (GtkButton             *button,
                    RedlineMenuItemDialog *self)
{
  move (self, 1);
}

static gboolean
remove_item (GtkWindow  *window,
             GError    **error)
{
  RedlineMenuItemDialog *self = REDLINE_MENU_ITEM_DIALOG (window);

  return redline_project_remove_menu_item (redline_context_get_project (self->context),
                                           self->item, error);
}

static void
on_remove_clicked_cb (GtkButton             *button,
                      RedlineMenuItemDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  g_autofree char *body = NULL;
  guint n_subs;

  if (self->item == NULL || self->read_only)
    return;
  n_subs = redline_project_count_sub_items (project, self->item);
  if (n_subs > 0)
    /* TRANSLATORS: %s: the item's name; %u: how many sub-items go with it */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” is removed from the menu with its %u sub-item.",
                                         "“%s” is removed from the menu with its %u sub-items.",
                                         n_subs),
                            redline_menu_item_get_name (self->item), n_subs);
  else
    body = g_strdup_printf (_("“%s” is removed from the menu."),
                            redline_menu_item_get_name (self->item));
  redline_item_dialog_ask_removal (GTK_WINDOW (self), self->toast_overlay,
                                   _("Remove the Menu Item?"), body, remove_item);
}

static void
redline_menu_item_dialog_dispose (GObject *object)
{
  RedlineMenuItemDialog *self = REDLINE_MENU_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_MENU_ITEM_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->item);
  g_clear_object (&self->shown);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->parents, g_array_unref);
  g_clear_pointer (&self->account, g_free);

  G_OBJECT_CLASS (redline_menu_item_dialog_parent_class)->dispose (object);
}

static void
redline_menu_item_dialog_class_init (RedlineMenuItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_menu_item_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-menu-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, bytes_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, action_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, up_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, down_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, message_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, findings_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineMenuItemDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("The item passes every rule of this ecosystem and the "
                                      "platform’s limits."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
redline_menu_item_dialog_init (RedlineMenuItemDialog *self)
{
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RedlineMenuAction. */
  gtk_string_list_append (actions, _("Sends a message"));
  gtk_string_list_append (actions, _("Opens a web page"));
  adw_combo_row_set_model (self->action_row, G_LIST_MODEL (actions));
  gtk_list_box_set_placeholder (self->findings_list, create_placeholder ());
  self->parents = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* The places a new item can take: the top level, or under a top-level
 * item; an item's own place only. */
static void
fill_places (RedlineMenuItemDialog *self,
             RedlineMenuItem       *parent_of)
{
  RedlineProject *project = redline_context_get_project (self->context);
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) menu = redline_project_list_menu (project, self->ecosystem, self->account);
  gint64 zero = 0;
  guint selected = 0;

  gtk_string_list_append (places, _("Top level"));
  g_array_append_val (self->parents, zero);
  for (guint i = 0; i < menu->len; i++)
    {
      RedlineMenuItem *top = g_ptr_array_index (menu, i);
      gint64 id = redline_menu_item_get_id (top);
      g_autofree char *label = NULL;

      if (redline_menu_item_get_parent_id (top) != 0 ||
          (self->item != NULL && redline_menu_item_get_parent_id (self->item) != id))
        continue;
      /* TRANSLATORS: a menu item's place: under a top-level item, by its name */
      label = g_strdup_printf (_("Under “%s”"), redline_menu_item_get_name (top));
      gtk_string_list_append (places, label);
      g_array_append_val (self->parents, id);
      if (parent_of != NULL && redline_menu_item_get_id (parent_of) == id)
        selected = self->parents->len - 1;
    }
  if (self->item != NULL && redline_menu_item_get_parent_id (self->item) == 0)
    {
      /* An existing top-level item stays one. */
      g_array_set_size (self->parents, 1);
      while (g_list_model_get_n_items (G_LIST_MODEL (places)) > 1)
        gtk_string_list_remove (places, 1);
    }
  else if (self->item != NULL)
    {
      g_array_remove_index (self->parents, 0);
      gtk_string_list_remove (places, 0);
    }
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (places));
  adw_combo_row_set_selected (self->level_row, self->item != NULL ? 0 : selected);
}

/**
 * redline_menu_item_dialog_new:
 * @parent: the window it is for
 * @context: the context, with the project and its rule set
 * @ecosystem: the ecosystem of the account
 * @account: the account's name
 * @item: (nullable): one of the account's items to change; a top-level item
 *   not in the project (id 0), whose sub-item the new item starts as; or
 *   %NULL for a new top-level item
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
redline_menu_item_dialog_new (GtkWindow        *parent,
                              RedlineContext   *context,
                              RedlineEcosystem  ecosystem,
                              const char       *account,
                              RedlineMenuItem  *item)
{
  RedlineMenuItemDialog *self;
  RedlineProject *project;
  RedlineMenuItem *parent_of = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (redline_context_get_project (context) != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (item == NULL || REDLINE_IS_MENU_ITEM (item), NULL);

  self = g_object_new (REDLINE_TYPE_MENU_ITEM_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->ecosystem = ecosystem;
  self->account = g_strdup (account);
  project = redline_context_get_project (context);
  self->read_only = redline_project_get_read_only (project);
  if (item != NULL && redline_menu_item_get_id (item) == 0)
    {
      parent_of = redline_project_find_menu_item (project, redline_menu_item_get_parent_id (item));
      item = NULL;
    }
  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->shown = redline_menu_item_copy (item);
    }
  else
    self->shown = redline_menu_item_new (ecosystem, account, 0, NULL);

  adw_window_title_set_title (self->window_title, item != NULL ? _("Menu Item")
                                                               : _("New Menu Item"));
  gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Menu Item") : _("New Menu Item"));
  gtk_button_set_label (self->save_button, item != NULL ? _("_Save") : _("_Add"));
  /* TRANSLATORS: %s: the account; %s: its ecosystem, Weixin or WeChat */
  subtitle = self->read_only
             ? g_strdup (_("Read-only"))
             : g_strdup_printf (_("%s · %s"), account, redline_ecosystem_label (ecosystem));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->remove_group, item != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), item != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->read_only);

  self->filling = TRUE;
  fill_places (self, parent_of);
  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), item == NULL && !self->read_only);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         redline_menu_item_get_name (self->shown) != NULL
                         ? redline_menu_item_get_name (self->shown) : "");
  adw_combo_row_set_selected (self->action_row, redline_menu_item_get_action (self->shown));
  gtk_editable_set_text (GTK_EDITABLE (self->link_row),
                         redline_menu_item_get_link (self->shown) != NULL
                         ? redline_menu_item_get_link (self->shown) : "https://");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            redline_menu_item_get_message (self->shown) != NULL
                            ? redline_menu_item_get_message (self->shown) : "", -1);
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->action_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->link_row), !self->read_only);
  gtk_text_view_set_editable (self->text_view, !self->read_only);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->level_row, "notify::selected", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->action_row, "notify::selected", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}

/**
 * redline_menu_item_dialog_get_item:
 * @self: a #RedlineMenuItemDialog
 *
 * Returns: (transfer none) (nullable): the project's item: the one being
 *   changed, or the new one once added
 */
RedlineMenuItem *
redline_menu_item_dialog_get_item (RedlineMenuItemDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM_DIALOG (self), NULL);
  return self->item;
}

/**
 * redline_menu_item_dialog_get_findings:
 * @self: a #RedlineMenuItemDialog
 *
 * Returns: (transfer none) (nullable): the findings of the item as shown
 */
GListModel *
redline_menu_item_dialog_get_findings (RedlineMenuItemDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM_DIALOG (self), NULL);
  return self->findings;
}
