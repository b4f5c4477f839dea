/* redline-welcome-page.c: what a window shows with no project open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-welcome-page.h"

/**
 * RedlineWelcomePage:
 *
 * New Project and Open, and the projects opened last (from
 * #GtkRecentManager, those that still exist). Activating a recent project
 * emits #RedlineWelcomePage::open.
 */
struct _RedlineWelcomePage
{
  AdwBin      parent_instance;

  GtkWidget  *recent_label;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (RedlineWelcomePage, redline_welcome_page, ADW_TYPE_BIN)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_RECENT 5

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
on_recent_activated_cb (GtkListBox         *list,
                        GtkListBoxRow      *row,
                        RedlineWelcomePage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  g_signal_emit (self, signals[OPEN], 0, file);
}

static void
redline_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (redline_welcome_page_parent_class)->dispose (object);
}

static void
redline_welcome_page_class_init (RedlineWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_welcome_page_dispose;

  /**
   * RedlineWelcomePage::open:
   * @page: the page
   * @file: the project chosen
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineWelcomePage, recent_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineWelcomePage, recent_list);
}

static void
redline_welcome_page_init (RedlineWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated_cb),
                           self, 0);
}

/**
 * redline_welcome_page_refresh:
 * @self: a #RedlineWelcomePage
 *
 * Lists the recent projects again.
 */
void
redline_welcome_page_refresh (RedlineWelcomePage *self)
{
  GList *items;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (REDLINE_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (gtk_recent_manager_get_items (gtk_recent_manager_get_default ()),
                       compare_newest_first);
  for (GList *l = items; l != NULL && shown < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".redline") || !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path != NULL ? path : uri);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (self->recent_label, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}
