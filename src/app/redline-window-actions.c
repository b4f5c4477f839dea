/* redline-window-actions.c: the window's actions and their dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-campaign-dialog.h"
#include "redline-campaign-row.h"
#include "redline-history-window.h"
#include "redline-labels.h"
#include "redline-new-project-dialog.h"
#include "redline-preferences-window.h"
#include "redline-report.h"
#include "redline-window-private.h"

/* ---- Dialogs ------------------------------------------------------------ */

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
      _redline_window_show_error (self, _("Could Not Create the Project"), error->message);
      goto out;
    }
  campaign = redline_campaign_new (data->campaign_name, data->ecosystem);
  if (!redline_project_add_campaign (project, campaign, &error))
    {
      _redline_window_show_error (self, _("Could Not Create the Campaign"), error->message);
      goto out;
    }
  redline_project_close (project);
  if (_redline_window_get_project (self) != NULL)
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

      if (_redline_window_get_project (self) == NULL)
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
  if (response == GTK_RESPONSE_ACCEPT && _redline_window_get_project (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      RedlineProject *project = _redline_window_get_project (self);

      if (redline_project_get_read_only (project))
        {
          /* A read-only project is copied, then the copy opened for editing. */
          if (!redline_project_duplicate (project, file, &error))
            _redline_window_show_error (self, _("Could Not Save a Copy"), error->message);
          else
            redline_window_open_file (self, file);
        }
      else if (!redline_project_save_as (project, file, &error))
        _redline_window_show_error (self, _("Could Not Save the Project"), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);

          adw_window_title_set_subtitle (self->project_title, basename);
          _redline_window_remember_project (self, file);
          /* Edits the old file could not take go into the new one. */
          redline_window_save (self);
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

  /* Even when this fails: Save As… is how edits the file cannot take
   * reach another disk. */
  redline_window_save (self);
  chooser = gtk_file_chooser_native_new (_("Save the Project As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.redline", redline_project_get_name (_redline_window_get_project (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Reports ------------------------------------------------------------ */

/**
 * redline_window_export_report:
 * @self: a #RedlineWindow
 * @file: where to write it; its name says the format (.pdf, .html, .csv)
 * @error: return location for a #GError
 *
 * Saves what is typed, then writes the review report of the whole project.
 *
 * Returns: whether it was written
 */
gboolean
redline_window_export_report (RedlineWindow  *self,
                              GFile          *file,
                              GError        **error)
{
  RedlineProject *project = _redline_window_get_project (self);
  RedlineRuleSet *rule_set = redline_context_get_rule_set (self->context);
  RedlineReportFormat format;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (project == NULL)
    return FALSE;
  if (rule_set == NULL)
    {
      g_propagate_error (error, g_error_copy (redline_context_get_rule_set_error (self->context)));
      return FALSE;
    }
  redline_window_save (self);
  return redline_report_format_for_file (file, &format, error) &&
         redline_report_write (project, rule_set, 0, format, file, error);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       RedlineWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && _redline_window_get_project (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) named = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      RedlineReportFormat format;

      /* A name without a known ending gets the one of the filter chosen. */
      if (!redline_report_format_for_file (file, &format, NULL))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *suffix = g_object_get_data (G_OBJECT (filter), "suffix");
          g_autofree char *with = g_strconcat (name, suffix != NULL ? suffix : ".pdf", NULL);

          g_autoptr(GFile) parent = g_file_get_parent (file);

          named = g_file_get_child (parent, with);
          g_set_object (&file, named);
          g_free (name);
          name = g_file_get_basename (file);
        }
      if (!redline_window_export_report (self, file, &error))
        _redline_window_show_error (self, _("Could Not Export the Report"), error->message);
      else
        {
          /* TRANSLATORS: %s: the report's file name */
          g_autofree char *text = g_strdup_printf (_("Report saved as “%s”"), name);

          _redline_window_toast (self, text);
        }
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
report_filter (const char *name,
               const char *mime_type,
               const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "suffix", (gpointer) suffix);
  return filter;
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  g_autoptr(GtkFileFilter) pdf = report_filter (_("PDF document"), "application/pdf", ".pdf");
  g_autoptr(GtkFileFilter) html = report_filter (_("Web page"), "text/html", ".html");
  g_autoptr(GtkFileFilter) csv = report_filter (_("Spreadsheet (CSV)"), "text/csv", ".csv");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (_redline_window_get_project (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Review Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* TRANSLATORS: the report's default file name; %s: the project's name */
  name = g_strdup_printf (_("%s — review report.pdf"),
                          redline_project_get_name (_redline_window_get_project (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * redline_window_export_plan:
 * @self: a #RedlineWindow
 * @file: where to write the plan, ending in `.ics` or `.csv`
 * @key_dates: whether to add the festivals, shopping dates and holidays
 * @error: return location for a #GError
 *
 * Saves what is typed, then writes the project's plan: its scheduled
 * posts as a calendar to import or a spreadsheet.
 *
 * Returns: whether it was written
 */
gboolean
redline_window_export_plan (RedlineWindow  *self,
                            GFile          *file,
                            gboolean        key_dates,
                            GError        **error)
{
  RedlinePlanFormat format;

  g_return_val_if_fail (REDLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (_redline_window_get_project (self) == NULL)
    return FALSE;
  redline_window_save (self);
  return redline_plan_format_for_file (file, &format, error) &&
         redline_plan_export_write (redline_context_get_planner (self->context),
                                    key_dates ? redline_context_get_calendar (self->context)
                                              : NULL,
                                    format, file, error);
}

static void
on_export_plan_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            RedlineWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && _redline_window_get_project (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *key_dates = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                           "key-dates");
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      RedlinePlanFormat format;

      /* A name without a known ending gets the one of the filter chosen. */
      if (!redline_plan_format_for_file (file, &format, NULL))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), "suffix")
                                              : NULL;
          g_autofree char *with = g_strconcat (name, suffix != NULL ? suffix : ".ics", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autoptr(GFile) named = g_file_get_child (parent, with);

          g_set_object (&file, named);
          g_free (name);
          name = g_file_get_basename (file);
        }
      if (!redline_window_export_plan (self, file, g_strcmp0 (key_dates, "false") != 0, &error))
        _redline_window_show_error (self, _("Could Not Export the Plan"), error->message);
      else
        {
          /* TRANSLATORS: %s: the plan's file name */
          g_autofree char *text = g_strdup_printf (_("Plan saved as “%s”"), name);

          _redline_window_toast (self, text);
        }
    }
  g_object_unref (chooser);
}

static void
export_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  g_autoptr(GtkFileFilter) ics = report_filter (_("Calendar (iCalendar)"), "text/calendar",
                                                ".ics");
  g_autoptr(GtkFileFilter) csv = report_filter (_("Spreadsheet (CSV)"), "text/csv", ".csv");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (_redline_window_get_project (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* TRANSLATORS: the plan's default file name; %s: the project's name */
  name = g_strdup_printf (_("%s — plan.ics"),
                          redline_project_get_name (_redline_window_get_project (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ics);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "key-dates",
                               _("Add festivals, shopping dates and holidays"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "key-dates", "true");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_plan_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
project_history_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  GtkWidget *window;

  if (_redline_window_get_project (self) == NULL)
    return;
  redline_window_save (self);
  window = redline_history_window_new (GTK_WINDOW (self), _redline_window_get_project (self),
                                       NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- Campaigns ---------------------------------------------------------- */

static void
on_campaign_dialog_save_cb (RedlineCampaignDialog *dialog,
                            RedlineWindow         *self)
{
  RedlineProject *project = _redline_window_get_project (self);
  RedlineCampaign *campaign = redline_campaign_dialog_get_campaign (dialog);
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    return;
  if (campaign == NULL)
    {
      g_autoptr(RedlineCampaign) fresh =
        redline_campaign_new ("", redline_campaign_dialog_get_ecosystem (dialog));

      redline_campaign_dialog_apply (dialog, fresh);
      if (!redline_project_add_campaign (project, fresh, &error))
        {
          redline_campaign_dialog_show_error (dialog, error->message);
          return;
        }
      redline_window_select_campaign (self, fresh);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  /* On failure the project puts the campaign back as it was stored. */
  redline_campaign_dialog_apply (dialog, campaign);
  if (!redline_project_update_campaign (project, campaign, &error))
    {
      redline_campaign_dialog_show_error (dialog, error->message);
      return;
    }
  /* Keep the sidebar in order. */
  gtk_filter_changed (GTK_FILTER (self->campaign_filter), GTK_FILTER_CHANGE_DIFFERENT);
  redline_window_select_campaign (self, campaign);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_campaign_dialog (RedlineWindow   *self,
                      RedlineCampaign *campaign)
{
  RedlineCampaign *selected = _redline_window_get_selected_campaign (self);
  GtkWidget *dialog =
    redline_campaign_dialog_new (GTK_WINDOW (self), redline_window_get_context (self), campaign,
                                 selected != NULL ? redline_campaign_get_ecosystem (selected)
                                                  : REDLINE_ECOSYSTEM_WEIXIN);

  g_signal_connect_object (dialog, "save", G_CALLBACK (on_campaign_dialog_save_cb), self, 0);
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
campaign_details_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineCampaign *campaign = _redline_window_get_selected_campaign (self);

  if (campaign != NULL)
    show_campaign_dialog (self, campaign);
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast_,
                              RedlineWindow *self)
{
  _redline_window_carry_out_delete (self, toast_);
}

void
_redline_window_carry_out_delete (RedlineWindow *self,
                                  AdwToast      *toast_)
{
  gpointer item;
  RedlineProject *project;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  /* The window is going: it carried everything out as it closed. */
  if (self->pending_deletes == NULL || self->context == NULL)
    return;
  project = _redline_window_get_project (self);
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
    _redline_window_show_error (self, _("Could Not Delete"), error->message);
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
  AdwToast *undo = _redline_window_toast_new (title);

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
  RedlineCampaign *campaign = _redline_window_get_selected_campaign (self);
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
    /* No campaign left to select: clear what showed the deleted one. */
    g_signal_emit_by_name (self->campaign_list, "row-selected", NULL);
}

/* ---- Posts -------------------------------------------------------------- */

static void
new_post_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlineCampaign *campaign = _redline_window_get_selected_campaign (self);
  RedlinePost *current = redline_post_editor_get_post (self->editor);
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(GError) error = NULL;

  if (campaign == NULL || !_redline_window_is_writable (self))
    return;
  /* A new post is of the kind of the one being edited: campaigns tend to
   * be series of one kind. */
  post = redline_post_new (redline_campaign_get_id (campaign),
                           current != NULL ? redline_post_get_kind (current)
                                           : REDLINE_CONTENT_KIND_ARTICLE);
  if (!redline_project_add_post (_redline_window_get_project (self), post, &error))
    {
      _redline_window_show_error (self, _("Could Not Add the Post"), error->message);
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

  if (post == NULL || !_redline_window_is_writable (self))
    return;
  if (!redline_window_save (self))
    return;
  copy = redline_project_copy_post_to_ecosystem (_redline_window_get_project (self), post, &error);
  if (copy == NULL)
    {
      _redline_window_show_error (self, _("Could Not Copy the Post"), error->message);
      return;
    }
  target = redline_project_find_campaign (_redline_window_get_project (self), redline_post_get_campaign_id (copy));
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
  _redline_window_toast (self, message);
}

static void
show_linked_post_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);
  RedlinePost *post = redline_post_editor_get_post (self->editor);
  RedlinePost *linked;

  if (post == NULL || _redline_window_get_project (self) == NULL)
    return;
  linked = redline_project_find_post (_redline_window_get_project (self), redline_post_get_linked_post_id (post));
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
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RedlineWindow *self = REDLINE_WINDOW (widget);

  if (redline_window_save (self))
    _redline_window_toast (self, _("Saved"));
}

static void
on_close_unsaved_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RedlineWindow    *self)
{
  if (g_str_equal (response, "discard"))
    {
      redline_post_editor_discard_unsaved (self->editor);
      self->close_without_unsaved = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* Closing while edits could not be written: they are not let go without
 * asking. */
void
_redline_window_confirm_close_unsaved (RedlineWindow *self)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (self), _("Close Without Your Changes?"),
                            _("Some of your changes could not be saved to the project file. "
                              "Save the project elsewhere to keep them, or close and lose "
                              "them."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Close Without Saving"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  RedlineWindow *self = REDLINE_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (redline_preferences_window_new (GTK_WINDOW (self),
                                                                  self->context)));
}

void
_redline_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   export_report_activated);
  gtk_widget_class_install_action (widget_class, "win.project-history", NULL,
                                   project_history_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.campaign-details", NULL,
                                   campaign_details_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-campaign", NULL,
                                   delete_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-post", NULL, delete_post_activated);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_activated);
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
