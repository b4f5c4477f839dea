/* redline-preferences-window.c: the rule packs and a project's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "redline-preferences-window.h"

/**
 * RedlinePreferencesWindow:
 *
 * "Rules and Project Settings": every rule pack of the window's context,
 * built in or the user's own, with its version and counts, a switch that
 * enables it for the open project and its rules (activate one for its
 * message, reference and terms); "Add Rule Pack…" validates a pack file and
 * keeps a copy among the user's packs; and the project's length limits
 * (the web editor's or the publishing interface's), link allowlist, allowed
 * terms and banned terms. Each change is one call to the project,
 * so one transaction; a read-only project shows its settings without
 * letting them change.
 */
struct _RedlinePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RedlineContext       *context;
  GSettings            *settings;
  GPtrArray            *pack_rows;
  GPtrArray            *setting_rows;
  gboolean              refreshing;     /* the rows follow the project, not the user */

  AdwPreferencesGroup  *packs_group;
  AdwPreferencesGroup  *reviewer_group;
  AdwEntryRow          *reviewer_entry;
  GtkWidget            *add_pack_button;
  GtkWidget            *read_only_group;
  AdwComboRow          *length_profile_row;
  AdwPreferencesGroup  *domains_group;
  AdwPreferencesGroup  *allowed_group;
  AdwPreferencesGroup  *banned_group;
  AdwEntryRow          *domain_entry;
  AdwEntryRow          *allowed_entry;
  AdwEntryRow          *banned_entry;
  AdwEntryRow          *category_entry;
};

G_DEFINE_FINAL_TYPE (RedlinePreferencesWindow, redline_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

#define USER_FILE_KEY "redline-user-pack-file"

static void refresh (RedlinePreferencesWindow *self);

static RedlineProject *
get_project (RedlinePreferencesWindow *self)
{
  return redline_context_get_project (self->context);
}

static gboolean
is_writable (RedlinePreferencesWindow *self)
{
  RedlineProject *project = get_project (self);

  return project != NULL && !redline_project_get_read_only (project);
}

static void
toast (RedlinePreferencesWindow *self,
       const char               *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
show_error (RedlinePreferencesWindow *self,
            const char               *heading,
            const char               *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pack_is_enabled (RedlinePreferencesWindow *self,
                 RedlineRulePack          *pack)
{
  RedlineProject *project = get_project (self);
  const char * const *enabled = project != NULL ? redline_project_get_enabled_packs (project)
                                                : NULL;

  /* No list: every pack is on. */
  return enabled == NULL || enabled[0] == NULL ||
         g_strv_contains (enabled, redline_rule_pack_get_id (pack));
}

/* ---- Rules -------------------------------------------------------------- */

static void
on_rule_activated_cb (AdwActionRow             *row,
                      RedlinePreferencesWindow *self)
{
  RedlineRule *rule = g_object_get_data (G_OBJECT (row), "rule");
  g_autoptr(GString) body = g_string_new (NULL);
  const char *reference = redline_rule_get_reference (rule);
  const char *url = redline_rule_get_url (rule);
  guint n_terms = redline_rule_get_n_terms (rule);
  GtkWidget *dialog;

  g_string_append_printf (body, "%s\n\n", redline_rule_get_message (rule));
  g_string_append_printf (body, _("Category: %s"), redline_rule_get_category (rule));
  if (reference != NULL && reference[0] != '\0')
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Reference: %s"), reference);
    }
  if (url != NULL && url[0] != '\0')
    g_string_append_printf (body, "\n%s", url);
  if (n_terms > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u term:", "%u terms:",
                                                 n_terms), n_terms);
      for (guint i = 0; i < MIN (n_terms, 50); i++)
        g_string_append_printf (body, i == 0 ? " %s" : _(", %s"), redline_rule_get_term (rule, i));
      if (n_terms > 50)
        g_string_append (body, _(", …"));
    }
  for (guint i = 0; i < redline_rule_get_n_examples (rule); i++)
    {
      gboolean correct;
      const char *example = redline_rule_get_example (rule, i, &correct);

      g_string_append (body, "\n\n");
      /* TRANSLATORS: before an example of the rule: "Reported: 全城最佳的咖啡" */
      g_string_append_printf (body, correct ? _("Fine: %s") : _("Reported: %s"), example);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), redline_rule_get_id (rule), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Packs -------------------------------------------------------------- */

static void
on_pack_switch_cb (GtkSwitch                *toggle,
                   GParamSpec               *pspec,
                   RedlinePreferencesWindow *self)
{
  RedlineRulePack *pack = g_object_get_data (G_OBJECT (toggle), "pack");
  g_autoptr(GError) error = NULL;

  if (gtk_switch_get_active (toggle) == pack_is_enabled (self, pack))
    return;
  if (!redline_preferences_window_set_pack_enabled (self, pack, gtk_switch_get_active (toggle),
                                                    &error))
    {
      toast (self, error->message);
      gtk_switch_set_active (toggle, pack_is_enabled (self, pack));
    }
}

static void
on_remove_pack_clicked_cb (GtkButton                *button,
                           RedlinePreferencesWindow *self)
{
  RedlineRulePack *pack = g_object_get_data (G_OBJECT (button), "pack");
  g_autoptr(GError) error = NULL;

  if (!redline_preferences_window_remove_pack (self, pack, &error))
    toast (self, error->message);
}

static GtkWidget *
create_pack_row (RedlinePreferencesWindow *self,
                 RedlineRulePack          *pack)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *rules = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule", "%u rules",
                                                         redline_rule_pack_get_n_rules (pack)),
                                            redline_rule_pack_get_n_rules (pack));
  g_autofree char *terms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms",
                                                         redline_rule_pack_get_n_terms (pack)),
                                            redline_rule_pack_get_n_terms (pack));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 redline_rule_pack_get_title (pack) != NULL
                                 ? redline_rule_pack_get_title (pack)
                                 : redline_rule_pack_get_display_name (pack));
  /* TRANSLATORS: "Built in · redline.length 1.0.0 · 6 rules · 0 terms" */
  subtitle = g_strdup_printf (_("%s · %s %s · %s · %s"),
                              redline_user_pack_get_file (pack) != NULL ? _("Yours")
                                                                        : _("Built in"),
                              redline_rule_pack_get_id (pack),
                              redline_rule_pack_get_version (pack), rules, terms);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (redline_user_pack_get_file (pack) != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this rule pack"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this rule pack"), -1);
      g_object_set_data (G_OBJECT (remove), "pack", pack);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_pack_clicked_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
    }

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), pack_is_enabled (self, pack));
  gtk_widget_set_sensitive (toggle, is_writable (self));
  gtk_widget_set_tooltip_text (toggle, _("Check this project with this pack"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check this project with this pack"), -1);
  g_object_set_data (G_OBJECT (toggle), "pack", pack);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_pack_switch_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

  for (guint i = 0; i < redline_rule_pack_get_n_rules (pack); i++)
    {
      RedlineRule *rule = redline_rule_pack_get_rule (pack, i);
      GtkWidget *rule_row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rule_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rule_row), redline_rule_get_id (rule));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rule_row), redline_rule_get_message (rule));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (rule_row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (rule_row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rule_row), TRUE);
      g_object_set_data_full (G_OBJECT (rule_row), "rule", g_object_ref (rule), g_object_unref);
      g_signal_connect_object (rule_row, "activated", G_CALLBACK (on_rule_activated_cb), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_row);
    }
  return row;
}

/* ---- Project settings --------------------------------------------------- */

/* Adds @value to, or takes it out of, one of the project's lists ("domains",
 * "allowed" or "banned"): one setter, so one transaction. */
static gboolean
change_setting (RedlinePreferencesWindow  *self,
                const char                *list,
                const char                *value,
                gboolean                   add,
                GError                   **error)
{
  RedlineProject *project = get_project (self);

  g_return_val_if_fail (project != NULL, FALSE);

  if (g_str_equal (list, "banned"))
    {
      GPtrArray *old = redline_project_get_banned_terms (project);
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();
      g_autoptr(RedlineBannedTerm) term = NULL;

      for (guint i = 0; old != NULL && i < old->len; i++)
        if (add || !g_str_equal (((RedlineBannedTerm *) old->pdata[i])->term, value))
          g_ptr_array_add (terms, old->pdata[i]);
      if (add)
        {
          g_autofree char *category =
            g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_entry))));

          term = redline_banned_term_new (value, category[0] != '\0' ? category : "competitor");
          g_ptr_array_add (terms, term);
        }
      return redline_project_set_banned_terms (project, terms, error);
    }
  else
    {
      gboolean domains = g_str_equal (list, "domains");
      const char * const *old = domains ? redline_project_get_allowed_domains (project)
                                        : redline_project_get_allowed_terms (project);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;

      for (guint i = 0; old != NULL && old[i] != NULL; i++)
        if (add || !g_str_equal (old[i], value))
          g_strv_builder_add (builder, old[i]);
      if (add)
        g_strv_builder_add (builder, value);
      values = g_strv_builder_end (builder);
      return domains
             ? redline_project_set_allowed_domains (project, (const char * const *) values, error)
             : redline_project_set_allowed_terms (project, (const char * const *) values, error);
    }
}

static void
on_remove_setting_clicked_cb (GtkButton                *button,
                              RedlinePreferencesWindow *self)
{
  const char *list = g_object_get_data (G_OBJECT (button), "list");
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  g_autoptr(GError) error = NULL;

  if (get_project (self) == NULL)
    return;
  if (!change_setting (self, list, value, FALSE, &error))
    toast (self, error->message);
  refresh (self);
}

static void
add_setting_row (RedlinePreferencesWindow *self,
                 AdwPreferencesGroup      *group,
                 const char               *list,
                 const char               *value,
                 const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_widget_set_sensitive (remove, is_writable (self));
  g_object_set_data (G_OBJECT (remove), "list", (gpointer) list);
  g_object_set_data_full (G_OBJECT (remove), "value", g_strdup (value), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_setting_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->setting_rows, row);
}

static void
on_entry_apply_cb (AdwEntryRow              *entry,
                   RedlinePreferencesWindow *self)
{
  const char *list = entry == self->domain_entry ? "domains"
                     : entry == self->allowed_entry ? "allowed" : "banned";
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (value[0] == '\0')
    return;
  if (!redline_preferences_window_add_setting (self, list, value, &error))
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

G_STATIC_ASSERT (REDLINE_LENGTH_PROFILE_EDITOR == 0 && REDLINE_LENGTH_PROFILE_API == 1);

static void
on_length_profile_selected_cb (AdwComboRow              *row,
                               GParamSpec               *pspec,
                               RedlinePreferencesWindow *self)
{
  RedlineProject *project = get_project (self);
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->refreshing || project == NULL || selected >= REDLINE_N_LENGTH_PROFILES)
    return;
  /* The rows are in the enumeration’s order. */
  if (!redline_project_set_length_profile (project, (RedlineLengthProfile) selected, &error))
    {
      toast (self, error->message);
      refresh (self);
    }
}

/* ---- Refresh ------------------------------------------------------------ */

static void
refresh (RedlinePreferencesWindow *self)
{
  RedlineProject *project = get_project (self);
  GListModel *packs = redline_context_get_packs (self->context);
  gboolean writable = is_writable (self);

  for (guint i = 0; i < self->pack_rows->len; i++)
    adw_preferences_group_remove (self->packs_group, self->pack_rows->pdata[i]);
  g_ptr_array_set_size (self->pack_rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(RedlineRulePack) pack = g_list_model_get_item (packs, i);
      GtkWidget *row = create_pack_row (self, pack);

      adw_preferences_group_add (self->packs_group, row);
      g_ptr_array_add (self->pack_rows, row);
    }

  for (guint i = 0; i < self->setting_rows->len; i++)
    {
      GtkWidget *row = self->setting_rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
                                      gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->setting_rows, 0);
  gtk_widget_set_visible (self->read_only_group, project != NULL && !writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->domain_entry), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->allowed_entry), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->banned_entry), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_entry), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->length_profile_row), writable);
  if (project == NULL)
    return;
  self->refreshing = TRUE;
  adw_combo_row_set_selected (self->length_profile_row,
                              redline_project_get_length_profile (project));
  self->refreshing = FALSE;
  for (const char * const *d = redline_project_get_allowed_domains (project); d != NULL && *d; d++)
    add_setting_row (self, self->domains_group, "domains", *d, NULL);
  for (const char * const *t = redline_project_get_allowed_terms (project); t != NULL && *t; t++)
    add_setting_row (self, self->allowed_group, "allowed", *t, NULL);
  {
    GPtrArray *banned = redline_project_get_banned_terms (project);

    for (guint i = 0; banned != NULL && i < banned->len; i++)
      {
        RedlineBannedTerm *term = banned->pdata[i];

        add_setting_row (self, self->banned_group, "banned", term->term, term->category);
      }
  }
}

static void
on_packs_changed_cb (GListModel               *packs,
                     guint                     position,
                     guint                     removed,
                     guint                     added,
                     RedlinePreferencesWindow *self)
{
  refresh (self);
}

/* ---- Adding a pack ------------------------------------------------------ */

static void
on_pack_file_chosen_cb (GtkNativeDialog          *chooser,
                        int                       response,
                        RedlinePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (redline_preferences_window_add_pack_file (self, file, &error) == NULL)
        show_error (self, _("This Rule Pack Cannot Be Used"), error->message);
      else
        toast (self, _("Rule pack added"));
    }
  g_object_unref (chooser);
}

static void
on_add_pack_clicked_cb (GtkButton                *button,
                        RedlinePreferencesWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Add a Rule Pack"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rule packs (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pack_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ------------------------------------------------------------ */

static void
redline_preferences_window_dispose (GObject *object)
{
  RedlinePreferencesWindow *self = REDLINE_PREFERENCES_WINDOW (object);

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (redline_context_get_packs (self->context), self);
      if (get_project (self) != NULL)
        g_signal_handlers_disconnect_by_data (get_project (self), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->pack_rows, g_ptr_array_unref);
  g_clear_pointer (&self->setting_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (redline_preferences_window_parent_class)->dispose (object);
}

static void
redline_preferences_window_class_init (RedlinePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, packs_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, reviewer_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, reviewer_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, add_pack_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, read_only_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow,
                                        length_profile_row);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, domains_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, allowed_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, banned_group);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, domain_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, allowed_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, banned_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlinePreferencesWindow, category_entry);
}

static void
redline_preferences_window_init (RedlinePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pack_rows = g_ptr_array_new ();
  self->setting_rows = g_ptr_array_new ();
  g_signal_connect_object (self->add_pack_button, "clicked", G_CALLBACK (on_add_pack_clicked_cb),
                           self, 0);
  g_signal_connect_object (self->domain_entry, "apply", G_CALLBACK (on_entry_apply_cb), self, 0);
  g_signal_connect_object (self->allowed_entry, "apply", G_CALLBACK (on_entry_apply_cb), self, 0);
  g_signal_connect_object (self->banned_entry, "apply", G_CALLBACK (on_entry_apply_cb), self, 0);
  g_signal_connect_object (self->length_profile_row, "notify::selected",
                           G_CALLBACK (on_length_profile_selected_cb), self, 0);

  /* The reviewer's name is the user's, for every project. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reviewer-name", self->reviewer_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *description =
      /* TRANSLATORS: %s: the full name of the user's account */
      g_strdup_printf (_("Decisions, waivers and comments carry this name in the project’s "
                         "history. Left empty, it is your account’s name, %s."),
                       g_get_real_name ());

    adw_preferences_group_set_description (self->reviewer_group, description);
  }
}

/**
 * redline_preferences_window_new:
 * @parent: the window it is for
 * @context: that window's context
 *
 * Returns: (transfer floating): the preferences window
 */
GtkWidget *
redline_preferences_window_new (GtkWindow      *parent,
                                RedlineContext *context)
{
  RedlinePreferencesWindow *self;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);

  self = g_object_new (REDLINE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (redline_context_get_packs (context), "items-changed",
                           G_CALLBACK (on_packs_changed_cb), self, 0);
  refresh (self);
  return GTK_WIDGET (self);
}

/**
 * redline_preferences_window_set_pack_enabled:
 * @self: a #RedlinePreferencesWindow
 * @pack: a pack of the context
 * @enabled: whether the project is to be checked with it
 * @error: return location for a #GError
 *
 * Returns: whether the project's setting changed
 */
gboolean
redline_preferences_window_set_pack_enabled (RedlinePreferencesWindow  *self,
                                             RedlineRulePack           *pack,
                                             gboolean                   enabled,
                                             GError                   **error)
{
  RedlineProject *project;
  GListModel *packs;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n, n_on = 0;

  g_return_val_if_fail (REDLINE_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (pack), FALSE);

  project = get_project (self);
  g_return_val_if_fail (project != NULL, FALSE);
  packs = redline_context_get_packs (self->context);
  n = g_list_model_get_n_items (packs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlineRulePack) other = g_list_model_get_item (packs, i);
      gboolean on = other == pack ? enabled : pack_is_enabled (self, other);

      if (on)
        {
          g_strv_builder_add (builder, redline_rule_pack_get_id (other));
          n_on++;
        }
    }
  /* Every pack on is stored as no list at all, so that packs added later
   * are on too. */
  if (n_on == n)
    return redline_project_set_enabled_packs (project, NULL, error);
  ids = g_strv_builder_end (builder);
  return redline_project_set_enabled_packs (project, (const char * const *) ids, error);
}

/**
 * redline_preferences_window_add_pack_file:
 * @self: a #RedlinePreferencesWindow
 * @file: a rule pack
 * @error: return location for a #GError
 *
 * Validates @file and, if it can be used, keeps a copy among the user's
 * packs and adds it to the context, so it works at once and in every
 * project opened from now on. An invalid pack changes nothing; the error
 * names the file, line and column.
 *
 * Returns: (transfer none) (nullable): the pack added
 */
RedlineRulePack *
redline_preferences_window_add_pack_file (RedlinePreferencesWindow  *self,
                                          GFile                     *file,
                                          GError                   **error)
{
  g_autoptr(RedlineRulePack) pack = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) copy = NULL;
  GListModel *packs;

  g_return_val_if_fail (REDLINE_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  pack = redline_rule_pack_new_from_file (file, error);
  if (pack == NULL)
    return NULL;
  packs = redline_context_get_packs (self->context);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(RedlineRulePack) other = g_list_model_get_item (packs, i);

      if (g_str_equal (redline_rule_pack_get_id (other), redline_rule_pack_get_id (pack)))
        {
          g_autofree char *display = g_file_get_parse_name (file);

          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID,
                       _("%s: a rule pack with the id “%s” is already loaded; remove it first, "
                         "or give this pack another id"),
                       display, redline_rule_pack_get_id (pack));
          return NULL;
        }
    }

  dir = g_build_filename (g_get_user_data_dir (), "redline", "packs", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot make the folder for rule packs: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  name = g_strconcat (redline_rule_pack_get_id (pack), ".xml", NULL);
  copy = g_file_new_build_filename (dir, name, NULL);
  if (!g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return NULL;
  redline_user_pack_set_file (pack, copy);
  redline_context_add_pack (self->context, pack);
  return pack;
}

/**
 * redline_preferences_window_remove_pack:
 * @self: a #RedlinePreferencesWindow
 * @pack: one of the user's packs
 * @error: return location for a #GError
 *
 * Deletes the user's copy of @pack and takes it out of the context.
 *
 * Returns: whether it was removed
 */
gboolean
redline_preferences_window_remove_pack (RedlinePreferencesWindow  *self,
                                        RedlineRulePack           *pack,
                                        GError                   **error)
{
  GFile *file;

  g_return_val_if_fail (REDLINE_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (pack), FALSE);

  file = redline_user_pack_get_file (pack);
  g_return_val_if_fail (file != NULL, FALSE);
  if (!g_file_delete (file, NULL, error))
    return FALSE;
  redline_context_remove_pack (self->context, pack);
  return TRUE;
}

/**
 * redline_preferences_window_add_setting:
 * @self: a #RedlinePreferencesWindow
 * @list: "domains", "allowed" or "banned"
 * @value: the domain or term to add
 * @error: return location for a #GError
 *
 * Adds @value to one of the project's lists, in one transaction.
 *
 * Returns: whether it was stored
 */
gboolean
redline_preferences_window_add_setting (RedlinePreferencesWindow  *self,
                                        const char                *list,
                                        const char                *value,
                                        GError                   **error)
{
  gboolean ok;

  g_return_val_if_fail (REDLINE_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (list != NULL && value != NULL, FALSE);

  ok = change_setting (self, list, value, TRUE, error);
  refresh (self);
  return ok;
}

/**
 * redline_user_pack_set_file:
 * @pack: a rule pack
 * @file: the user's copy it was loaded from
 *
 * Marks @pack as one of the user's own, which can be removed.
 */
void
redline_user_pack_set_file (RedlineRulePack *pack,
                            GFile           *file)
{
  g_return_if_fail (REDLINE_IS_RULE_PACK (pack));
  g_object_set_data_full (G_OBJECT (pack), USER_FILE_KEY, g_object_ref (file), g_object_unref);
}

/**
 * redline_user_pack_get_file:
 * @pack: a rule pack
 *
 * Returns: (transfer none) (nullable): the user's copy of @pack, or %NULL for
 *   a built-in pack
 */
GFile *
redline_user_pack_get_file (RedlineRulePack *pack)
{
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (pack), NULL);
  return g_object_get_data (G_OBJECT (pack), USER_FILE_KEY);
}
