/* redline-window.c: a window on one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-campaign-dialog.h"
#include "redline-campaign-row.h"
#include "redline-labels.h"
#include "redline-new-project-dialog.h"
#include "redline-post-editor.h"
#include "redline-post-table.h"
#include "redline-welcome-page.h"
#include "redline-window.h"

/**
 * RedlineWindow:
 *
 * A window on one project file: the welcome page while nothing is open;
 * then the campaigns in a sidebar, grouped by ecosystem, the selected
 * campaign's posts in a table, and the selected post in an editor that
 * checks as it is typed. On a narrow window the sidebar folds away.
 *
 * Each window has its own #RedlineContext (the rule packs, the project and
 * the rule set built from both) and a #RedlineCheckIndex that counts the
 * findings of every post for the sidebar and the table.
 *
 * Edits are saved as they are made; deleting a campaign or a post waits
 * for the undo toast to go before it touches the file.
 */
struct _RedlineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RedlineContext       *context;
  RedlineCheckIndex    *index;
  GtkFilterListModel   *campaigns;       /* sorted, without those being deleted */
  GtkCustomFilter      *campaign_filter;
  GHashTable           *hidden_campaigns; /* RedlineCampaign set */
  GHashTable           *pending_deletes;  /* toast → the campaign or post it deletes */
  char                 *read_only_reason;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  RedlineWelcomePage   *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *project_title;
  GtkListBox           *campaign_list;
  AdwWindowTitle       *campaign_title;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkWidget            *banner_save_button;
  RedlinePostTable     *post_table;
  GtkStack             *editor_stack;
  RedlinePostEditor    *editor;
};

G_DEFINE_FINAL_TYPE (RedlineWindow, redline_window, ADW_TYPE_APPLICATION_WINDOW)

#define MIME_TYPE "application/x-redline-project"

static void show_error (RedlineWindow *self,
                        const char    *heading,
                        const char    *message);

static RedlineProject *
get_project (RedlineWindow *self)
{
  return redline_context_get_project (self->context);
}

static gboolean
is_writable (RedlineWindow *self)
{
  RedlineProject *project = get_project (self);

  return project != NULL && !redline_project_get_read_only (project);
}

/* A toast's title is markup: names and messages are escaped. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
toast (RedlineWindow *self,
       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (text));
}

static RedlineCampaign *
get_selected_campaign (RedlineWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->campaign_list);

  return row != NULL ? redline_campaign_row_get_campaign (REDLINE_CAMPAIGN_ROW (row)) : NULL;
}

static void
update_actions (RedlineWindow *self)
{
  gboolean open = get_project (self) != NULL;
  gboolean writable = is_writable (self);
  gboolean campaign = get_selected_campaign (self) != NULL;
  gboolean post = redline_post_editor_get_post (self->editor) != NULL;
  static const char *need_project[] = { "save-as", "preferences", "find", "show-sidebar",
                                        "check-other-ecosystem", "next-finding",
                                        "previous-finding" };

  for (gsize i = 0; i < G_N_ELEMENTS (need_project); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_project[i], open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-campaign", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rename-campaign", writable && campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete-campaign", writable && campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-post", writable && campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete-post", writable && post);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "copy-to-other-ecosystem", writable && post);
}

/* ---- Recent projects ---------------------------------------------------- */

static void
remember_project (RedlineWindow *self,
                  GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "redline %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  g_settings_set_string (self->settings, "last-project", uri);
}

/* ---- Sidebar ------------------------------------------------------------ */

static int
compare_campaigns (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RedlineEcosystem ea = redline_campaign_get_ecosystem ((RedlineCampaign *) a);
  RedlineEcosystem eb = redline_campaign_get_ecosystem ((RedlineCampaign *) b);

  if (ea != eb)
    return ea < eb ? -1 : 1;
  return g_utf8_collate (redline_campaign_get_name ((RedlineCampaign *) a),
                         redline_campaign_get_name ((RedlineCampaign *) b));
}

static gboolean
filter_campaign (gpointer item,
                 gpointer user_data)
{
  RedlineWindow *self = user_data;

  return !g_hash_table_contains (self->hidden_campaigns, item);
}

static GtkWidget *
create_campaign_row (gpointer item,
                     gpointer user_data)
{
  RedlineWindow *self = user_data;

  return redline_campaign_row_new (item, self->index);
}

static void
update_campaign_header (GtkListBoxRow *row,
                        GtkListBoxRow *before,
                        gpointer       user_data)
{
  RedlineCampaign *campaign = redline_campaign_row_get_campaign (REDLINE_CAMPAIGN_ROW (row));
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (campaign);
  GtkWidget *header;

  if (before != NULL &&
      redline_campaign_get_ecosystem (redline_campaign_row_get_campaign (
                                        REDLINE_CAMPAIGN_ROW (before))) == ecosystem)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (redline_ecosystem_label (ecosystem));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "sidebar-header");
  gtk_widget_add_css_class (header, ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? "weixin" : "wechat");
  gtk_list_box_row_set_header (row, header);
}

static void
on_campaign_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         RedlineWindow *self)
{
  RedlineCampaign *campaign = get_selected_campaign (self);

  if (campaign == NULL)
    {
      adw_window_title_set_title (self->campaign_title, "");
      adw_window_title_set_subtitle (self->campaign_title, "");
      redline_post_table_set_campaign_id (self->post_table, 0);
    }
  else
    {
      adw_window_title_set_title (self->campaign_title, redline_campaign_get_name (campaign));
      adw_window_title_set_subtitle (self->campaign_title,
                                     redline_ecosystem_label (redline_campaign_get_ecosystem (campaign)));
      redline_post_table_set_campaign_id (self->post_table, redline_campaign_get_id (campaign));
    }
  update_actions (self);
}

static void
on_campaign_row_activated_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              RedlineWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selected_post_cb (RedlinePostTable *table,
                     GParamSpec       *pspec,
                     RedlineWindow    *self)
{
  RedlinePost *post = redline_post_table_get_selected_post (table);

  redline_post_editor_set_post (self->editor, post);
  gtk_stack_set_visible_child_name (self->editor_stack, post != NULL ? "editor" : "none");
  update_actions (self);
}

static void
on_save_failed_cb (RedlinePostEditor *editor,
                   const char        *message,
                   RedlineWindow     *self)
{
  toast (self, message);
}

/* ---- Opening and closing ---------------------------------------------- */

static void
set_project (RedlineWindow  *self,
             RedlineProject *project,
             const char     *read_only_reason)
{
  GListModel *campaigns;
  g_autofree char *subtitle = NULL;
  GtkListBoxRow *first;

  redline_post_editor_set_post (self->editor, NULL);
  g_hash_table_remove_all (self->hidden_campaigns);
  redline_context_set_project (self->context, project);

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (read_only_reason);
  gtk_label_set_text (self->banner_label, read_only_reason != NULL ? read_only_reason : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only_reason != NULL);
  /* A copy of a newer file would be just as newer: only the newer Redline
   * can edit it. */
  gtk_widget_set_visible (self->banner_save_button,
                          project == NULL ||
                          redline_project_get_format (project) <= REDLINE_PROJECT_FORMAT);

  if (project == NULL)
    {
      gtk_filter_list_model_set_model (self->campaigns, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Redline"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      redline_welcome_page_refresh (self->welcome_page);
      update_actions (self);
      return;
    }

  campaigns = redline_project_get_campaigns (project);
  {
    g_autoptr(GtkSortListModel) sorted =
      gtk_sort_list_model_new (g_object_ref (campaigns),
                               GTK_SORTER (gtk_custom_sorter_new (compare_campaigns, NULL, NULL)));

    gtk_filter_list_model_set_model (self->campaigns, G_LIST_MODEL (sorted));
  }
  adw_window_title_set_title (self->project_title, redline_project_get_name (project));
  subtitle = g_file_get_basename (redline_project_get_file (project));
  adw_window_title_set_subtitle (self->project_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), redline_project_get_name (project));
  gtk_stack_set_visible_child_name (self->main_stack, "project");

  first = gtk_list_box_get_row_at_index (self->campaign_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->campaign_list, first);
  update_actions (self);
}

/* Why a project that opens cannot be written, or NULL. */
static char *
read_only_reason_for (GFile  *file,
                      GError *error)
{
  if (error != NULL && g_error_matches (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_LOCKED))
    return g_strdup (_("Another program is writing to this project, so it is open read-only. "
                       "Close it there and open it again to edit, or save a copy."));
  if (error != NULL)
    return g_strdup_printf (_("This project is open read-only: %s"), error->message);
  {
    g_autoptr(GFileInfo) info =
      g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE, G_FILE_QUERY_INFO_NONE, NULL,
                         NULL);

    if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
        !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
      return g_strdup (_("You may not change this file, so the project is open read-only. "
                         "Save a copy to edit it."));
  }
  return NULL;
}

/**
 * redline_window_open_file:
 * @self: a #RedlineWindow
 * @file: a project file
 *
 * Opens @file in this window, read-only with a banner that says why when
 * it cannot be written. A file that cannot be opened at all is named in a
 * dialog with the reason, and what was open stays open.
 *
 * Returns: whether the project opened
 */
gboolean
redline_window_open_file (RedlineWindow *self,
                          GFile         *file)
{
  /* A file of a newer Redline opens too, read-only, as far as this one
   * knows it. */
  const RedlineProjectFlags flags = REDLINE_PROJECT_FLAGS_ALLOW_NEWER;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  redline_window_save (self);
  reason = read_only_reason_for (file, NULL);
  if (reason == NULL)
    project = redline_project_open (file, flags, &error);
  if (project == NULL && (reason != NULL ||
                          g_error_matches (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY) ||
                          g_error_matches (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_LOCKED)))
    {
      g_autoptr(GError) ro_error = NULL;

      if (reason == NULL)
        reason = read_only_reason_for (file, error);
      project = redline_project_open (file, flags | REDLINE_PROJECT_FLAGS_READ_ONLY, &ro_error);
      if (project == NULL)
        g_propagate_error (&error, g_steal_pointer (&ro_error));
      else
        g_clear_error (&error);
    }
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
  if (reason == NULL && redline_project_get_format (project) > REDLINE_PROJECT_FORMAT)
    reason = g_strdup_printf (_("This project was made by a newer version of Redline (file "
                                "format %u; this version writes format %d), so it is open "
                                "read-only. Open it with the newer Redline to edit it."),
                              redline_project_get_format (project), REDLINE_PROJECT_FORMAT);

  set_project (self, project, reason);
  remember_project (self, file);
  return TRUE;
}

static void
on_welcome_open_cb (RedlineWelcomePage *page,
                    GFile              *file,
                    RedlineWindow      *self)
{
  redline_window_open_file (self, file);
}

static void carry_out_delete (RedlineWindow *self,
                              AdwToast      *toast_);

static void
flush_pending_deletes (RedlineWindow *self)
{
  GHashTableIter iter;
  gpointer toast_ptr;

  /* Carry out every deletion now; the toasts go on their own time (a
   * queued toast must not be dismissed before it shows), offering
   * nothing any more. */
  g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_iter_init (&iter, self->pending_deletes);
  while (g_hash_table_iter_next (&iter, &toast_ptr, NULL))
    g_ptr_array_add (toasts, g_object_ref (toast_ptr));
  for (guint i = 0; i < toasts->len; i++)
    carry_out_delete (self, toasts->pdata[i]);
}

/**
 * redline_window_save:
 * @self: a #RedlineWindow
 *
 * Writes the post being edited now, and carries out the deletions whose
 * undo is still offered.
 *
 * Returns: whether everything was written
 */
gboolean
redline_window_save (RedlineWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);

  flush_pending_deletes (self);
  if (!redline_post_editor_save (self->editor, &error))
    {
      show_error (self, _("Could Not Save the Post"), error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Dialogs ------------------------------------------------------------ */

static void
show_error (RedlineWindow *self,
            const char    *heading,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  RedlineWindow    *window;
  char             *project_name;
  char             *campaign_name;
  RedlineEcosystem  ecosystem;
} NewProject;

static void
new_project_free (NewProject *data)
{
  g_clear_object (&data->window);
  g_free (data->project_name);
  g_free (data->campaign_name);
  g_free (data);
}

static void
on_new_project_file_cb (GtkNativeDialog *chooser,
                        int              response,
                        NewProject      *data)
{
  RedlineWindow *self = data->window;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  RedlineWindow *target = self;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  project = redline_project_create (file, data->project_name, &error);
  if (project == NULL)
    {
      show_error (self, _("Could Not Create the Project"), error->message);
      goto out;
    }
  campaign = redline_campaign_new (data->campaign_name, data->ecosystem);
  if (!redline_project_add_campaign (project, campaign, &error))
    {
      show_error (self, _("Could Not Create the Campaign"), error->message);
      goto out;
    }
  redline_project_close (project);
  if (get_project (self) != NULL)
    target = redline_window_new (REDLINE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (redline_window_open_file (target, file))
    gtk_window_present (GTK_WINDOW (target));
out:
  g_object_unref (chooser);
  new_project_free (data);
}

static void
on_new_project_response_cb (RedlineNewProjectDialog *dialog,
                            const char              *response,
                            RedlineWindow           *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;
  NewProject *data;

  if (!g_str_equal (response, "create"))
    return;
  data = g_new0 (NewProject, 1);
  data->window = g_object_ref (self);
  data->project_name = redline_new_project_dialog_dup_project_name (dialog);
  data->campaign_name = redline_new_project_dialog_dup_campaign_name (dialog);
  data->ecosystem = redline_new_project_dialog_get_ecosystem (dialog);

  chooser = gtk_file_chooser_native_new (_("Save the New Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  file_name = g_strdup_printf ("%s.redline", data->project_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_project_file_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_project_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *dialog = redline_new_project_dialog_new (GTK_WINDOW (widget));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_project_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RedlineWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (get_project (self) == NULL)
        redline_window_open_file (self, file);
      else
        g_application_open (g_application_get_default (), &file, 1, "");
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Redline projects"));
  gtk_file_filter_add_pattern (filter, "*.redline");
  gtk_file_filter_add_mime_type (filter, MIME_TYPE);
  return filter;
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = project_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_save_as_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RedlineWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && get_project (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      RedlineProject *project = get_project (self);

      if (redline_project_get_read_only (project))
        {
          /* A read-only project is copied, then the copy opened for editing. */
          if (!redline_project_duplicate (project, file, &error))
            show_error (self, _("Could Not Save a Copy"), error->message);
          else
            redline_window_open_file (self, file);
        }
      else if (!redline_project_save_as (project, file, &error))
        show_error (self, _("Could Not Save the Project"), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);

          adw_window_title_set_subtitle (self->project_title, basename);
          remember_project (self, file);
        }
    }
  g_object_unref (chooser);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autofree char *name = NULL;

  if (!redline_window_save (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Project As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.redline", redline_project_get_name (get_project (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Campaigns ---------------------------------------------------------- */

static void
on_campaign_dialog_response_cb (RedlineCampaignDialog *dialog,
                                const char            *response,
                                RedlineWindow         *self)
{
  RedlineProject *project = get_project (self);
  RedlineCampaign *campaign = redline_campaign_dialog_get_campaign (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "ok") || project == NULL)
    return;
  name = redline_campaign_dialog_dup_name (dialog);
  if (campaign == NULL)
    {
      g_autoptr(RedlineCampaign) fresh =
        redline_campaign_new (name, redline_campaign_dialog_get_ecosystem (dialog));

      if (!redline_project_add_campaign (project, fresh, &error))
        show_error (self, _("Could Not Add the Campaign"), error->message);
      else
        redline_window_select_campaign (self, fresh);
      return;
    }

  {
    g_autofree char *old = g_strdup (redline_campaign_get_name (campaign));

    redline_campaign_set_name (campaign, name);
    if (!redline_project_update_campaign (project, campaign, &error))
      {
        redline_campaign_set_name (campaign, old);
        show_error (self, _("Could Not Rename the Campaign"), error->message);
        return;
      }
    /* Keep the sidebar in order. */
    gtk_filter_changed (GTK_FILTER (self->campaign_filter), GTK_FILTER_CHANGE_DIFFERENT);
    redline_window_select_campaign (self, campaign);
  }
}

static void
show_campaign_dialog (RedlineWindow   *self,
                      RedlineCampaign *campaign)
{
  RedlineCampaign *selected = get_selected_campaign (self);
  GtkWidget *dialog =
    redline_campaign_dialog_new (GTK_WINDOW (self), campaign,
                                 selected != NULL ? redline_campaign_get_ecosystem (selected)
                                                  : REDLINE_ECOSYSTEM_WEIXIN);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_campaign_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_campaign_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_campaign_dialog (REDLINE_WINDOW (widget), NULL);
}

static void
rename_campaign_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineCampaign *campaign = get_selected_campaign (self);

  if (campaign != NULL)
    show_campaign_dialog (self, campaign);
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast_,
                              RedlineWindow *self)
{
  carry_out_delete (self, toast_);
}

static void
carry_out_delete (RedlineWindow *self,
                  AdwToast      *toast_)
{
  gpointer item;
  RedlineProject *project;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  /* The window is going: it carried everything out as it closed. */
  if (self->pending_deletes == NULL || self->context == NULL)
    return;
  project = get_project (self);
  item = g_hash_table_lookup (self->pending_deletes, toast_);
  if (item == NULL)
    return;
  g_object_ref (item);
  g_hash_table_remove (self->pending_deletes, toast_);
  if (project != NULL && REDLINE_IS_POST (item) && redline_post_get_id (item) != 0)
    {
      ok = redline_project_remove_post (project, item, &error);
      redline_post_table_hide_post (self->post_table, item, FALSE);
    }
  else if (project != NULL && REDLINE_IS_CAMPAIGN (item) && redline_campaign_get_id (item) != 0)
    {
      ok = redline_project_remove_campaign (project, item, &error);
      g_hash_table_remove (self->hidden_campaigns, item);
      gtk_filter_changed (GTK_FILTER (self->campaign_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  if (!ok)
    show_error (self, _("Could Not Delete"), error->message);
  g_object_unref (item);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  guint64 key = g_variant_get_uint64 (parameter);
  GHashTableIter iter;
  gpointer toast_ptr, item;

  g_hash_table_iter_init (&iter, self->pending_deletes);
  while (g_hash_table_iter_next (&iter, &toast_ptr, &item))
    {
      if (GPOINTER_TO_SIZE (item) != key)
        continue;
      g_autoptr(AdwToast) undone = g_object_ref (toast_ptr);

      g_object_ref (item);
      /* Out of the table first: the toast goes without deleting. */
      g_hash_table_iter_remove (&iter);
      adw_toast_dismiss (undone);
      if (REDLINE_IS_POST (item))
        {
          redline_post_table_hide_post (self->post_table, item, FALSE);
          redline_window_select_post (self, item);
        }
      else
        {
          g_hash_table_remove (self->hidden_campaigns, item);
          gtk_filter_changed (GTK_FILTER (self->campaign_filter), GTK_FILTER_CHANGE_DIFFERENT);
          redline_window_select_campaign (self, item);
        }
      g_object_unref (item);
      return;
    }
}

static void
offer_undo (RedlineWindow *self,
            gpointer       item,
            const char    *title)
{
  AdwToast *undo = toast_new (title);

  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-delete");
  adw_toast_set_action_target_value (undo, g_variant_new_uint64 (GPOINTER_TO_SIZE (item)));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_hash_table_insert (self->pending_deletes, g_object_ref (undo), g_object_ref (item));
  g_signal_connect_object (undo, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
delete_campaign_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineCampaign *campaign = get_selected_campaign (self);
  g_autofree char *title = NULL;
  GtkListBoxRow *row;

  if (campaign == NULL)
    return;
  redline_window_save (self);
  title = g_strdup_printf (_("Campaign “%s” deleted"), redline_campaign_get_name (campaign));
  offer_undo (self, campaign, title);
  g_hash_table_add (self->hidden_campaigns, campaign);
  gtk_filter_changed (GTK_FILTER (self->campaign_filter), GTK_FILTER_CHANGE_DIFFERENT);
  row = gtk_list_box_get_row_at_index (self->campaign_list, 0);
  if (row != NULL)
    gtk_list_box_select_row (self->campaign_list, row);
  else
    on_campaign_selected_cb (self->campaign_list, NULL, self);
}

/* ---- Posts -------------------------------------------------------------- */

static void
new_post_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineCampaign *campaign = get_selected_campaign (self);
  RedlinePost *current = redline_post_editor_get_post (self->editor);
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(GError) error = NULL;

  if (campaign == NULL || !is_writable (self))
    return;
  /* A new post is of the kind of the one being edited: campaigns tend to
   * be series of one kind. */
  post = redline_post_new (redline_campaign_get_id (campaign),
                           current != NULL ? redline_post_get_kind (current)
                                           : REDLINE_CONTENT_KIND_ARTICLE);
  if (!redline_project_add_post (get_project (self), post, &error))
    {
      show_error (self, _("Could Not Add the Post"), error->message);
      return;
    }
  redline_window_select_post (self, post);
  gtk_widget_grab_focus (redline_post_editor_get_field_view (self->editor, REDLINE_FIELD_TITLE));
}

static void
delete_post_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlinePost *post = redline_post_editor_get_post (self->editor);
  const char *name;
  g_autofree char *title = NULL;

  if (post == NULL)
    return;
  g_object_ref (post);
  redline_post_editor_save (self->editor, NULL);
  name = redline_post_get_title (post);
  title = name != NULL && name[0] != '\0' ? g_strdup_printf (_("Post “%s” deleted"), name)
                                          : g_strdup (_("Untitled post deleted"));
  offer_undo (self, post, title);
  redline_post_table_hide_post (self->post_table, post, TRUE);
  g_object_unref (post);
}

static void
copy_to_other_ecosystem_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlinePost *post = redline_post_editor_get_post (self->editor);
  RedlineCampaign *target;
  RedlinePostSummary *summary;
  g_autoptr(RedlinePost) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (post == NULL || !is_writable (self))
    return;
  if (!redline_window_save (self))
    return;
  copy = redline_project_copy_post_to_ecosystem (get_project (self), post, &error);
  if (copy == NULL)
    {
      show_error (self, _("Could Not Copy the Post"), error->message);
      return;
    }
  target = redline_project_find_campaign (get_project (self), redline_post_get_campaign_id (copy));
  redline_window_select_post (self, copy);
  /* Its findings at once, not when the index gets to it. */
  summary = redline_check_index_lookup (self->index, copy);
  redline_check_index_run (self->index, 0);
  /* TRANSLATORS: "Copied to “Autumn launch (WeChat)” on WeChat: 0 errors" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied to “%s” on %s: %u error",
                                          "Copied to “%s” on %s: %u errors",
                                          redline_post_summary_get_errors (summary)),
                             redline_campaign_get_name (target),
                             redline_ecosystem_short_label (redline_campaign_get_ecosystem (target)),
                             redline_post_summary_get_errors (summary));
  toast (self, message);
}

static void
show_linked_post_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlinePost *post = redline_post_editor_get_post (self->editor);
  RedlinePost *linked;

  if (post == NULL || get_project (self) == NULL)
    return;
  linked = redline_project_find_post (get_project (self), redline_post_get_linked_post_id (post));
  if (linked != NULL)
    redline_window_select_post (self, linked);
}

/* ---- Other actions ------------------------------------------------------ */

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  redline_post_table_focus_search (self->post_table);
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
check_other_ecosystem_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineEcosystem ecosystem = redline_post_editor_get_ecosystem (self->editor);

  redline_post_editor_set_ecosystem (self->editor, ecosystem == REDLINE_ECOSYSTEM_WEIXIN
                                                   ? REDLINE_ECOSYSTEM_WECHAT
                                                   : REDLINE_ECOSYSTEM_WEIXIN);
}

static void
next_finding_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  redline_post_editor_move_to_finding (REDLINE_WINDOW (widget)->editor,
                                       g_str_equal (action_name, "win.next-finding") ? 1 : -1);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  toast (REDLINE_WINDOW (widget), _("Rules and project settings are not available yet."));
}

/* ---- Drag and drop ------------------------------------------------------ */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            RedlineWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      if (get_project (self) == NULL)
        redline_window_open_file (self, file);
      else
        g_application_open (g_application_get_default (), &file, 1, "");
    }
  return files != NULL;
}

/* ---- GObject ------------------------------------------------------------ */

static gboolean
redline_window_close_request (GtkWindow *window)
{
  RedlineWindow *self = REDLINE_WINDOW (window);
  int width, height;

  redline_window_save (self);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (redline_window_parent_class)->close_request (window);
}

static void
redline_window_dispose (GObject *object)
{
  RedlineWindow *self = REDLINE_WINDOW (object);

  if (self->post_table != NULL)
    g_signal_handlers_disconnect_by_data (self->post_table, self);
  if (self->campaign_list != NULL)
    g_signal_handlers_disconnect_by_data (self->campaign_list, self);
  if (self->editor != NULL)
    redline_post_editor_set_post (self->editor, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_WINDOW);
  self->editor = NULL;
  self->post_table = NULL;
  self->campaign_list = NULL;
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->hidden_campaigns, g_hash_table_unref);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->index);
  if (self->context != NULL)
    redline_context_set_project (self->context, NULL);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (redline_window_parent_class)->dispose (object);
}

static void
redline_window_class_init (RedlineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = redline_window_dispose;
  window_class->close_request = redline_window_close_request;

  g_type_ensure (REDLINE_TYPE_POST_TABLE);
  g_type_ensure (REDLINE_TYPE_POST_EDITOR);
  g_type_ensure (REDLINE_TYPE_WELCOME_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, campaign_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, post_table);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, editor);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.rename-campaign", NULL,
                                   rename_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-campaign", NULL,
                                   delete_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-post", NULL, delete_post_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "t", undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-to-other-ecosystem", NULL,
                                   copy_to_other_ecosystem_activated);
  gtk_widget_class_install_action (widget_class, "win.show-linked-post", NULL,
                                   show_linked_post_activated);
  gtk_widget_class_install_action (widget_class, "win.check-other-ecosystem", NULL,
                                   check_other_ecosystem_activated);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, next_finding_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL,
                                   next_finding_activated);
}

static void
load_packs (RedlineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), "redline", "packs", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!redline_context_load_builtin_packs (self->context, &error))
    {
      g_critical ("The built-in rule packs do not load: %s", error->message);
      return;
    }
  /* The user's own packs; one that does not load is named, and the others
   * keep working. */
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) pack_error = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      file = g_file_new_for_path (path);
      if (redline_context_add_pack_file (self->context, file, &pack_error) == NULL)
        toast (self, pack_error->message);
    }
}

static void
redline_window_init (RedlineWindow *self)
{
  GtkDropTarget *drop;
  GtkSortListModel *sorted_placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->context = redline_context_new ();
  load_packs (self);
  self->index = redline_check_index_new (self->context);
  self->pending_deletes = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->hidden_campaigns = g_hash_table_new (NULL, NULL);

  self->campaign_filter = gtk_custom_filter_new (filter_campaign, self, NULL);
  self->campaigns = gtk_filter_list_model_new (G_LIST_MODEL (sorted_placeholder),
                                               GTK_FILTER (self->campaign_filter));
  gtk_list_box_bind_model (self->campaign_list, G_LIST_MODEL (self->campaigns),
                           create_campaign_row, self, NULL);
  gtk_list_box_set_header_func (self->campaign_list, update_campaign_header, NULL, NULL);
  g_signal_connect_object (self->campaign_list, "row-selected",
                           G_CALLBACK (on_campaign_selected_cb), self, 0);
  g_signal_connect_object (self->campaign_list, "row-activated",
                           G_CALLBACK (on_campaign_row_activated_cb), self, 0);
  g_signal_connect_object (self->welcome_page, "open", G_CALLBACK (on_welcome_open_cb), self, 0);

  redline_post_table_set_index (self->post_table, self->index);
  g_object_set (self->editor, "context", self->context, NULL);
  g_signal_connect_object (self->post_table, "notify::selected-post",
                           G_CALLBACK (on_selected_post_cb), self, 0);
  g_signal_connect_object (self->editor, "save-failed", G_CALLBACK (on_save_failed_cb), self, 0);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 480);
  set_project (self, NULL, NULL);
}

/**
 * redline_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window, showing the welcome page
 */
RedlineWindow *
redline_window_new (RedlineApplication *application)
{
  return g_object_new (REDLINE_TYPE_WINDOW, "application", application, NULL);
}

/**
 * redline_window_get_file:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none) (nullable): the project file shown
 */
GFile *
redline_window_get_file (RedlineWindow *self)
{
  RedlineProject *project;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);

  project = get_project (self);
  return project != NULL ? redline_project_get_file (project) : NULL;
}

/**
 * redline_window_get_context:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none): the window's context
 */
RedlineContext *
redline_window_get_context (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * redline_window_get_index:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none): the window's check index
 */
RedlineCheckIndex *
redline_window_get_index (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return self->index;
}

/**
 * redline_window_select_campaign:
 * @self: a #RedlineWindow
 * @campaign: a campaign of the project
 *
 * Returns: whether it is shown and selected
 */
gboolean
redline_window_select_campaign (RedlineWindow   *self,
                                RedlineCampaign *campaign)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->campaign_list, i);

      if (row == NULL)
        return FALSE;
      if (redline_campaign_row_get_campaign (REDLINE_CAMPAIGN_ROW (row)) == campaign)
        {
          gtk_list_box_select_row (self->campaign_list, row);
          return TRUE;
        }
    }
}

/**
 * redline_window_select_post:
 * @self: a #RedlineWindow
 * @post: a post of the project
 *
 * Shows @post's campaign and selects @post for editing.
 *
 * Returns: whether it is shown and selected
 */
gboolean
redline_window_select_post (RedlineWindow *self,
                            RedlinePost   *post)
{
  RedlineCampaign *campaign;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  campaign = redline_project_find_campaign (get_project (self), redline_post_get_campaign_id (post));
  if (campaign == NULL || !redline_window_select_campaign (self, campaign))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return redline_post_table_select_post (self->post_table, post);
}

/**
 * redline_window_get_read_only_reason:
 * @self: a #RedlineWindow
 *
 * Returns: (nullable): why the open project is read-only, as its banner says,
 *   or %NULL when it can be edited
 */
const char *
redline_window_get_read_only_reason (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return self->read_only_reason;
}

/**
 * redline_window_get_editor:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none): the post editor
 */
GtkWidget *
redline_window_get_editor (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->editor);
}

/**
 * redline_window_get_post_table:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none): the post table
 */
GtkWidget *
redline_window_get_post_table (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->post_table);
}
