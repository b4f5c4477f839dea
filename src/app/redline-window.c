/* redline-window.c: a window on one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-campaign-row.h"
#include "redline-labels.h"
#include "redline-preferences-window.h"
#include "redline-window-private.h"

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

G_DEFINE_FINAL_TYPE (RedlineWindow, redline_window, ADW_TYPE_APPLICATION_WINDOW)


RedlineProject *
_redline_window_get_project (RedlineWindow *self)
{
  return redline_context_get_project (self->context);
}

gboolean
_redline_window_is_writable (RedlineWindow *self)
{
  RedlineProject *project = _redline_window_get_project (self);

  return project != NULL && !redline_project_get_read_only (project);
}

/* A toast's title is markup: names and messages are escaped. */
AdwToast *
_redline_window_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
_redline_window_toast (RedlineWindow *self,
                       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, _redline_window_toast_new (text));
}

RedlineCampaign *
_redline_window_get_selected_campaign (RedlineWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->campaign_list);

  return row != NULL ? redline_campaign_row_get_campaign (REDLINE_CAMPAIGN_ROW (row)) : NULL;
}

void
_redline_window_update_actions (RedlineWindow *self)
{
  gboolean open = _redline_window_get_project (self) != NULL;
  gboolean writable = _redline_window_is_writable (self);
  gboolean campaign = _redline_window_get_selected_campaign (self) != NULL;
  gboolean post = redline_post_editor_get_post (self->editor) != NULL;
  static const char *need_project[] = { "save-as", "export-report", "export-plan",
                                        "project-history",
                                        "preferences", "find", "show-sidebar",
                                        "check-other-ecosystem", "next-finding",
                                        "previous-finding" };

  for (gsize i = 0; i < G_N_ELEMENTS (need_project); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_project[i], open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-campaign", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign-details", campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete-campaign", writable && campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-post", writable && campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete-post", writable && post);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "copy-to-other-ecosystem", writable && post);
}

/* ---- Recent projects ---------------------------------------------------- */

void
_redline_window_remember_project (RedlineWindow *self,
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
  RedlineCampaign *campaign = _redline_window_get_selected_campaign (self);

  /* Unselected because the queue was chosen: the queue shows. */
  if (row == NULL && gtk_list_box_get_selected_row (self->queue_list) != NULL)
    return;
  if (row != NULL)
    {
      gtk_list_box_unselect_all (self->queue_list);
      gtk_stack_set_visible_child_name (self->content_stack, "posts");
    }
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
  _redline_window_update_actions (self);
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
  _redline_window_update_actions (self);
}

static void
on_save_failed_cb (RedlinePostEditor *editor,
                   const char        *message,
                   RedlineWindow     *self)
{
  _redline_window_show_save_failed (self, message);
}

/* A write that failed (a full disk, a file another program holds, a
 * drive gone read-only) is said until one succeeds; the text stays in the
 * window, and Save As… can put it somewhere else. */
void
_redline_window_show_save_failed (RedlineWindow *self,
                                  const char    *message)
{
  g_autofree char *text = NULL;

  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->save_banner_revealer, FALSE);
      return;
    }
  text = g_strdup_printf (_("Your changes could not be saved: %s. They are kept in this window, "
                            "and Redline tries again as you type."), message);
  gtk_label_set_text (self->save_banner_label, text);
  gtk_revealer_set_reveal_child (self->save_banner_revealer, TRUE);
}

/* ---- Opening and closing ---------------------------------------------- */

/* Decisions, waivers and comments carry the reviewer's name from the
 * preferences, or the account's. */
static void
update_actor (RedlineWindow *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  g_autofree char *name = NULL;

  if (project == NULL)
    return;
  name = g_settings_get_string (self->settings, "reviewer-name");
  redline_project_set_actor (project, g_strstrip (name));
}

static void
on_reviewer_name_changed_cb (GSettings     *settings,
                             const char    *key,
                             RedlineWindow *self)
{
  update_actor (self);
}

/* ---- Review queue ---------------------------------------------------- */

static guint
count_in_review (RedlineWindow *self)
{
  guint n = 0;

  for (guint i = 0; self->watched_posts != NULL &&
                    i < g_list_model_get_n_items (self->watched_posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (self->watched_posts, i);

      n += redline_post_get_status (post) == REDLINE_POST_STATUS_IN_REVIEW;
    }
  return n;
}

static void
update_queue_title (RedlineWindow *self)
{
  guint n = count_in_review (self);
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->queue_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->queue_count), n > 0);
  if (redline_post_table_get_showing_review_queue (self->post_table) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "posts"))
    {
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post awaits review",
                                      "%u posts await review", n), n);

      adw_window_title_set_title (self->campaign_title, _("Review Queue"));
      adw_window_title_set_subtitle (self->campaign_title, subtitle);
    }
}

/* The calendar's row says when the planner finds an error in the plan. */
static void
update_calendar_row (RedlineWindow *self)
{
  RedlinePlanner *planner = redline_context_get_planner (self->context);
  gboolean problem = FALSE;

  for (guint i = 0; self->watched_posts != NULL && !problem &&
                    i < g_list_model_get_n_items (self->watched_posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (self->watched_posts, i);
      g_autoptr(GPtrArray) findings = redline_planner_check_post (planner, post);

      for (guint f = 0; f < findings->len && !problem; f++)
        problem = redline_finding_get_severity (g_ptr_array_index (findings, f)) ==
                  REDLINE_SEVERITY_ERROR;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_problem_icon), problem);
}

static void
on_posts_changed_cb (GListModel    *posts,
                     guint          position,
                     guint          removed,
                     guint          added,
                     RedlineWindow *self)
{
  update_queue_title (self);
  update_calendar_row (self);
}

static void
on_campaigns_changed_cb (GListModel    *campaigns,
                         guint          position,
                         guint          removed,
                         guint          added,
                         RedlineWindow *self)
{
  update_calendar_row (self);
}

static void
watch_posts (RedlineWindow *self,
             GListModel    *posts)
{
  if (self->watched_posts != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_posts, on_posts_changed_cb, self);
  g_set_object (&self->watched_posts, posts);
  if (posts != NULL)
    g_signal_connect_object (posts, "items-changed", G_CALLBACK (on_posts_changed_cb), self, 0);
  update_queue_title (self);
  update_calendar_row (self);
}

static void
on_queue_selected_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      RedlineWindow *self)
{
  if (row == NULL)
    return;
  gtk_list_box_unselect_all (self->campaign_list);
  if (row == self->calendar_row)
    {
      RedlineProject *project = _redline_window_get_project (self);

      gtk_stack_set_visible_child_name (self->content_stack, "plan");
      adw_window_title_set_title (self->campaign_title, _("Calendar"));
      adw_window_title_set_subtitle (self->campaign_title,
                                     project != NULL ? redline_project_get_name (project) : "");
      _redline_window_update_actions (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "posts");
  redline_post_table_show_review_queue (self->post_table);
  update_queue_title (self);
  _redline_window_update_actions (self);
}

static void
on_open_post_cb (RedlinePlanView *view,
                 RedlinePost     *post,
                 RedlineWindow   *self)
{
  redline_window_select_post (self, post);
}

/**
 * redline_window_show_calendar:
 * @self: a #RedlineWindow
 *
 * Shows the posts of every campaign on a calendar.
 */
void
redline_window_show_calendar (RedlineWindow *self)
{
  g_return_if_fail (REDLINE_IS_WINDOW (self));

  gtk_list_box_select_row (self->queue_list, self->calendar_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * redline_window_get_plan_view:
 * @self: a #RedlineWindow
 *
 * Returns: (transfer none): the calendar of the window's project
 */
RedlinePlanView *
redline_window_get_plan_view (RedlineWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_WINDOW (self), NULL);
  return self->plan_view;
}

static void
on_queue_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       RedlineWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * redline_window_show_review_queue:
 * @self: a #RedlineWindow
 *
 * Shows the posts in review of every campaign, those waiting longest first.
 */
void
redline_window_show_review_queue (RedlineWindow *self)
{
  g_return_if_fail (REDLINE_IS_WINDOW (self));

  gtk_list_box_select_row (self->queue_list, self->queue_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The audit trail's seals, checked when a project opens: an edit made
 * outside Redline is said plainly in the banner. */
static char *
check_audit (RedlineProject *project)
{
  g_autoptr(GError) error = NULL;

  if (project == NULL || redline_project_verify_audit (project, NULL, &error))
    return NULL;
  return g_strdup (error->message);
}

static void
set_project (RedlineWindow  *self,
             RedlineProject *project,
             const char     *read_only_reason)
{
  g_autofree char *audit_problem = NULL;
  g_autofree char *banner = NULL;
  GListModel *campaigns;
  g_autofree char *subtitle = NULL;
  GtkListBoxRow *first;

  redline_post_editor_set_post (self->editor, NULL);
  g_hash_table_remove_all (self->hidden_campaigns);
  redline_context_set_project (self->context, project);
  update_actor (self);

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (read_only_reason);
  audit_problem = check_audit (project);
  banner = g_strjoin ("\n", read_only_reason != NULL ? read_only_reason : audit_problem,
                      read_only_reason != NULL ? audit_problem : NULL, NULL);
  gtk_label_set_text (self->banner_label, banner);
  gtk_revealer_set_reveal_child (self->banner_revealer,
                                 read_only_reason != NULL || audit_problem != NULL);
  gtk_image_set_from_icon_name (self->banner_icon, read_only_reason != NULL
                                                   ? "changes-prevent-symbolic"
                                                   : "dialog-warning-symbolic");
  /* A copy of a newer file would be just as newer: only the newer Redline
   * can edit it. */
  gtk_widget_set_visible (self->banner_save_button,
                          read_only_reason != NULL &&
                          (project == NULL ||
                           redline_project_get_format (project) <= REDLINE_PROJECT_FORMAT));
  watch_posts (self, project != NULL ? redline_project_get_posts (project) : NULL);
  gtk_list_box_unselect_all (self->queue_list);

  if (project == NULL)
    {
      gtk_filter_list_model_set_model (self->campaigns, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Redline"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      redline_welcome_page_refresh (self->welcome_page);
      _redline_window_update_actions (self);
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
  _redline_window_update_actions (self);
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

  /* Another project would take the place of edits not yet written. */
  if (!redline_window_save (self))
    {
      _redline_window_show_error (self, _("Changes Not Saved"),
                                  _("The changes to this project could not be saved, so another "
                                    "project cannot be opened in this window. Save this one "
                                    "elsewhere with Save As… first."));
      return FALSE;
    }
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

      _redline_window_show_error (self, heading, error->message);
      return FALSE;
    }
  if (reason == NULL && redline_project_get_format (project) > REDLINE_PROJECT_FORMAT)
    reason = g_strdup_printf (_("This project was made by a newer version of Redline (file "
                                "format %u; this version writes format %d), so it is open "
                                "read-only. Open it with the newer Redline to edit it."),
                              redline_project_get_format (project), REDLINE_PROJECT_FORMAT);

  set_project (self, project, reason);
  _redline_window_remember_project (self, file);
  return TRUE;
}

static void
on_welcome_open_cb (RedlineWelcomePage *page,
                    GFile              *file,
                    RedlineWindow      *self)
{
  redline_window_open_file (self, file);
}

void
_redline_window_flush_pending_deletes (RedlineWindow *self)
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
    _redline_window_carry_out_delete (self, toasts->pdata[i]);
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

  _redline_window_flush_pending_deletes (self);
  if (!redline_post_editor_save (self->editor, &error))
    {
      _redline_window_show_save_failed (self, error->message);
      return FALSE;
    }
  _redline_window_show_save_failed (self, NULL);
  return TRUE;
}

void
_redline_window_show_error (RedlineWindow *self,
                            const char    *heading,
                            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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

      if (_redline_window_get_project (self) == NULL)
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

  if (!redline_window_save (self) && !self->close_without_unsaved)
    {
      _redline_window_confirm_close_unsaved (self);
      return TRUE;
    }
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
  if (self->queue_list != NULL)
    g_signal_handlers_disconnect_by_data (self->queue_list, self);
  if (self->watched_posts != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_posts, self);
  g_clear_object (&self->watched_posts);
  if (self->editor != NULL)
    redline_post_editor_set_post (self->editor, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_WINDOW);
  self->editor = NULL;
  self->post_table = NULL;
  self->campaign_list = NULL;
  self->queue_list = NULL;
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
  g_type_ensure (REDLINE_TYPE_PLAN_VIEW);
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
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, queue_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, queue_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, calendar_problem_icon);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, queue_count);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, campaign_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, banner_save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, save_banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, save_banner_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, post_table);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RedlineWindow, editor);

  _redline_window_class_add_actions (widget_class);
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
      RedlineRulePack *pack;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      file = g_file_new_for_path (path);
      pack = redline_context_add_pack_file (self->context, file, &pack_error);
      if (pack == NULL)
        _redline_window_toast (self, pack_error->message);
      else
        redline_user_pack_set_file (pack, file);
    }
}

static void
redline_window_init (RedlineWindow *self)
{
  GtkDropTarget *drop;
  GtkSortListModel *sorted_placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reviewer-name",
                           G_CALLBACK (on_reviewer_name_changed_cb), self, 0);
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
  g_signal_connect_object (self->queue_list, "row-selected",
                           G_CALLBACK (on_queue_selected_cb), self, 0);
  g_signal_connect_object (self->queue_list, "row-activated",
                           G_CALLBACK (on_queue_activated_cb), self, 0);
  g_signal_connect_object (self->welcome_page, "open", G_CALLBACK (on_welcome_open_cb), self, 0);

  g_signal_connect_object (self->campaigns, "items-changed",
                           G_CALLBACK (on_campaigns_changed_cb), self, 0);
  redline_plan_view_set_context (self->plan_view, self->context);
  g_signal_connect_object (self->plan_view, "open-post", G_CALLBACK (on_open_post_cb), self, 0);

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

  project = _redline_window_get_project (self);
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

  /* A post in the queue shown is selected there. */
  if (redline_post_table_get_showing_review_queue (self->post_table) &&
      redline_post_table_select_post (self->post_table, post))
    return TRUE;
  campaign = redline_project_find_campaign (_redline_window_get_project (self), redline_post_get_campaign_id (post));
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
