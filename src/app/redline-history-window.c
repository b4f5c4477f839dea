/* redline-history-window.c: a post's or a project's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-history-window.h"
#include "redline-labels.h"

/**
 * RedlineHistoryWindow:
 *
 * What happened to a post, or to the whole project, from its audit log:
 * whether the log is intact, then, for a post, its comments with a field to
 * add one, and the timeline of every step (submitted, waived, approved,
 * edited after approval, waiver lapsed…) with who and when. A project's
 * timeline shows its latest entries.
 */
struct _RedlineHistoryWindow
{
  AdwWindow            parent_instance;

  RedlineProject      *project;
  RedlinePost         *post;
  GPtrArray           *rows;      /* the rows added to the groups, to refill them */
  guint                n_entries;

  AdwWindowTitle      *window_title;
  GtkLabel            *audit_label;
  AdwPreferencesGroup *comments_group;
  AdwEntryRow         *comment_entry;
  AdwPreferencesGroup *timeline_group;
};

G_DEFINE_FINAL_TYPE (RedlineHistoryWindow, redline_history_window, ADW_TYPE_WINDOW)

/* A project's timeline shows at most this many of its latest entries. */
#define PROJECT_ENTRIES 500

static const char *
describe_action (const char *action)
{
  static const struct {
    const char *action;
    const char *label;
  } actions[] = {
    { "create", N_("Project created") },
    { "add-campaign", N_("Campaign added") },
    { "update-campaign", N_("Campaign changed") },
    { "remove-campaign", N_("Campaign deleted") },
    { "add-post", N_("Post created") },
    { "update-post", N_("Edited") },
    { "remove-post", N_("Post deleted") },
    { "submit", N_("Submitted for review") },
    { "approve", N_("Approved") },
    { "request-changes", N_("Changes requested") },
    { "review", N_("Review recorded") },
    { "review-comment", N_("Reviewer’s comment") },
    { "comment", N_("Comment") },
    { "waive", N_("Finding waived") },
    { "lapse-waiver", N_("Waiver lapsed: the text changed") },
    { "edit-after-approval", N_("Edited after approval: back to draft") },
    { "link-post", N_("Copied to the other ecosystem") },
    { "rename", N_("Project renamed") },
    { "migrate", N_("File upgraded to a newer format") },
    { "set-allowed-domains", N_("Link allowlist changed") },
    { "set-allowed-terms", N_("Allowed terms changed") },
    { "set-banned-terms", N_("Banned terms changed") },
    { "set-enabled-packs", N_("Rule packs switched on or off") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (g_strcmp0 (action, actions[i].action) == 0)
        return _(actions[i].label);
    }
  return action;
}

static void
add_row (RedlineHistoryWindow *self,
         AdwPreferencesGroup  *group,
         const char           *title,
         const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Text from the file: shown as it is, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
refill (RedlineHistoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint n_unsealed = 0, first = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
                                      row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (!redline_project_verify_audit (self->project, &n_unsealed, &error))
    {
      gtk_label_set_text (self->audit_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->audit_label), "error");
      g_clear_error (&error);
    }
  else
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The project’s audit trail is intact: %u entry, sealed "
                                      "against edits outside Redline.",
                                      "The project’s audit trail is intact: %u entries, sealed "
                                      "against edits outside Redline.",
                                      redline_project_count_audit_entries (self->project)),
                         redline_project_count_audit_entries (self->project));

      gtk_label_set_text (self->audit_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->audit_label), "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->comments_group), self->post != NULL);
  if (self->post != NULL)
    {
      g_autoptr(GPtrArray) comments = redline_project_list_comments (self->project, self->post,
                                                                     &error);

      for (guint i = 0; comments != NULL && i < comments->len; i++)
        {
          RedlineCommentRecord *comment = g_ptr_array_index (comments, i);
          g_autofree char *when = redline_format_time (comment->created_at);
          g_autofree char *subtitle = g_strdup_printf ("%s · %s", comment->author, when);

          add_row (self, self->comments_group, comment->body, subtitle);
        }
      g_clear_error (&error);
    }

  entries = redline_project_list_audit (self->project, self->post, &error);
  if (entries == NULL)
    {
      add_row (self, self->timeline_group, _("The history cannot be read"), error->message);
      return;
    }
  self->n_entries = entries->len;
  if (self->post == NULL && entries->len > PROJECT_ENTRIES)
    {
      g_autofree char *description =
        g_strdup_printf (_("The latest %u of %u entries, newest first."), PROJECT_ENTRIES,
                         entries->len);

      first = entries->len - PROJECT_ENTRIES;
      adw_preferences_group_set_description (self->timeline_group, description);
    }
  /* Newest first: what a reviewer looks for is what happened last. */
  for (guint i = entries->len; i > first; i--)
    {
      RedlineAuditRecord *entry = g_ptr_array_index (entries, i - 1);
      g_autofree char *when = redline_format_time (entry->at);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      g_string_append_printf (subtitle, "%s · %s", entry->actor, when);
      if (self->post == NULL && entry->object != NULL)
        g_string_append_printf (subtitle, " · %s", entry->object);
      if (entry->detail != NULL && entry->detail[0] != '\0')
        g_string_append_printf (subtitle, "\n%s", entry->detail);
      add_row (self, self->timeline_group, describe_action (entry->action), subtitle->str);
    }
}

static void
on_comment_apply_cb (AdwEntryRow          *entry,
                     RedlineHistoryWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0')
    return;
  if (!redline_history_window_add_comment (self, text, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Add the Comment"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
redline_history_window_dispose (GObject *object)
{
  RedlineHistoryWindow *self = REDLINE_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->project);
  g_clear_object (&self->post);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (redline_history_window_parent_class)->dispose (object);
}

static void
redline_history_window_class_init (RedlineHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_history_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineHistoryWindow, audit_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineHistoryWindow, comments_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineHistoryWindow, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlineHistoryWindow, timeline_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redline_history_window_init (RedlineHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->comment_entry, "apply", G_CALLBACK (on_comment_apply_cb), self,
                           0);
}

/**
 * redline_history_window_new:
 * @parent: the window it belongs to
 * @project: the project
 * @post: (nullable): one of its posts, or %NULL for the whole project
 *
 * Returns: (transfer floating): the history window
 */
GtkWidget *
redline_history_window_new (GtkWindow      *parent,
                            RedlineProject *project,
                            RedlinePost    *post)
{
  RedlineHistoryWindow *self;
  const char *title;

  g_return_val_if_fail (REDLINE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (post == NULL || REDLINE_IS_POST (post), NULL);

  self = g_object_new (REDLINE_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->post = post != NULL ? g_object_ref (post) : NULL;
  title = post != NULL ? redline_post_get_title (post) : redline_project_get_name (project);
  adw_window_title_set_subtitle (self->window_title,
                                 title != NULL && title[0] != '\0' ? title : _("Untitled"));
  /* Comments go in the name of the reviewer set in the preferences. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_entry),
                            !redline_project_get_read_only (project));
  refill (self);
  return GTK_WIDGET (self);
}

/**
 * redline_history_window_add_comment:
 * @self: a #RedlineHistoryWindow of a post
 * @text: the comment
 * @error: return location for a #GError
 *
 * Adds a comment to the post in the name of the project's actor, and shows
 * it.
 *
 * Returns: whether it was added
 */
gboolean
redline_history_window_add_comment (RedlineHistoryWindow  *self,
                                    const char            *text,
                                    GError               **error)
{
  g_return_val_if_fail (REDLINE_IS_HISTORY_WINDOW (self), FALSE);
  g_return_val_if_fail (self->post != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (redline_project_add_comment (self->project, self->post,
                                   redline_project_get_actor (self->project), text, error) == 0)
    return FALSE;
  refill (self);
  return TRUE;
}

/**
 * redline_history_window_get_n_entries:
 * @self: a #RedlineHistoryWindow
 *
 * Returns: how many audit entries the history holds
 */
guint
redline_history_window_get_n_entries (RedlineHistoryWindow *self)
{
  g_return_val_if_fail (REDLINE_IS_HISTORY_WINDOW (self), 0);
  return self->n_entries;
}
