/* redline-post-table.c: a campaign's posts, sortable and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "redline-labels.h"
#include "redline-post-table.h"

/**
 * RedlinePostTable:
 *
 * The posts of one campaign, or the review queue (the posts in review of
 * every campaign, waiting longest first), in a #GtkColumnView: title, content kind,
 * scheduled date, status, and the errors and warnings found on the
 * campaign's ecosystem. Every column sorts; a search entry filters on the
 * title and body, and a toggle shows only the posts with errors. The view
 * is virtualised: a campaign of ten thousand posts scrolls as one of ten.
 *
 * The counts come from a #RedlineCheckIndex and fill in as the index works
 * through the project.
 */
struct _RedlinePostTable
{
  GtkWidget           parent_instance;

  RedlineCheckIndex  *index;
  gint64              campaign_id;
  gboolean            queue;         /* the review queue: posts in review, everywhere */
  char               *search;
  GHashTable         *hidden;        /* RedlinePost set: deleted, with an undo pending */
  gboolean            index_was_busy;

  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkSorter          *errors_sorter;
  GtkSorter          *warnings_sorter;
  GtkColumnViewColumn *campaign_column;
  GtkColumnViewColumn *waiting_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *kind_column;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *errors_only_button;
  GtkDropDown        *ecosystem_dropdown;
  GtkStack           *stack;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (RedlinePostTable, redline_post_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_POST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef void (*UpdateCell) (GtkLabel           *label,
                            RedlinePostSummary *summary);

static void
update_title (GtkLabel           *label,
              RedlinePostSummary *summary)
{
  const char *title = redline_post_get_title (redline_post_summary_get_post (summary));

  if (title == NULL || title[0] == '\0')
    {
      gtk_label_set_text (label, _("Untitled"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_text (label, title);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
update_kind (GtkLabel           *label,
             RedlinePostSummary *summary)
{
  gtk_label_set_text (label,
                      redline_content_kind_label (redline_post_get_kind (
                                                    redline_post_summary_get_post (summary))));
}

static void
update_scheduled (GtkLabel           *label,
                  RedlinePostSummary *summary)
{
  const char *at = redline_post_get_scheduled_at (redline_post_summary_get_post (summary));
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (at == NULL || at[0] == '\0')
    {
      gtk_label_set_text (label, "");
      return;
    }
  /* In the time zone it was planned in (the stored offset), to the minute. */
  time = g_date_time_new_from_iso8601 (at, NULL);
  text = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup (at);
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), at);
}

/* The campaign of @post, through the index's project. */
static RedlineCampaign *
find_campaign (RedlinePostTable *self,
               RedlinePost      *post)
{
  RedlineProject *project = self->index != NULL
                            ? redline_context_get_project (redline_check_index_get_context (self->index))
                            : NULL;

  return project != NULL ? redline_project_find_campaign (project,
                                                          redline_post_get_campaign_id (post))
                         : NULL;
}

static void
update_status (GtkLabel           *label,
               RedlinePostSummary *summary)
{
  gtk_label_set_text (label,
                      redline_post_status_label (redline_post_get_status (
                                                   redline_post_summary_get_post (summary))));
}

/* "秋季新品上市 · Weixin": in the queue, where a post comes from. */
static void
update_campaign (GtkLabel           *label,
                 RedlinePostSummary *summary)
{
  RedlinePostTable *self = g_object_get_data (G_OBJECT (label), "table");
  RedlineCampaign *campaign = find_campaign (self, redline_post_summary_get_post (summary));
  g_autofree char *text = NULL;

  if (campaign == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }
  /* TRANSLATORS: "秋季新品上市 · Weixin": a campaign and its ecosystem */
  text = g_strdup_printf (_("%s · %s"), redline_campaign_get_name (campaign),
                          redline_ecosystem_short_label (redline_campaign_get_ecosystem (campaign)));
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* The time the post last changed: for a post in review, since when it has
 * waited. */
static void
update_waiting (GtkLabel           *label,
                RedlinePostSummary *summary)
{
  g_autofree char *text =
    redline_format_time (redline_post_get_updated_at (redline_post_summary_get_post (summary)));

  gtk_label_set_text (label, text);
}

static void
update_count (GtkLabel   *label,
              guint       count,
              gboolean    checked,
              const char *css)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, checked || count > 0 ? text : "…");
  if (count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), css);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), css);
}

static void
update_errors (GtkLabel           *label,
               RedlinePostSummary *summary)
{
  update_count (label, redline_post_summary_get_errors (summary),
                redline_post_summary_get_checked (summary), "error");
}

static void
update_warnings (GtkLabel           *label,
                 RedlinePostSummary *summary)
{
  update_count (label, redline_post_summary_get_warnings (summary),
                redline_post_summary_get_checked (summary), "warning");
}

static void
on_item_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   GtkLabel   *label)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (label), "list-item");
  UpdateCell update = g_object_get_data (G_OBJECT (label), "update");
  RedlinePostSummary *summary = gtk_list_item_get_item (item);

  if (summary != NULL)
    update (label, summary);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "list-item", item);
  g_object_set_data (G_OBJECT (label), "table", user_data);
  g_object_set_data (G_OBJECT (label), "update", g_object_get_data (G_OBJECT (factory), "update"));
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  RedlinePostSummary *summary = gtk_list_item_get_item (item);
  UpdateCell update = g_object_get_data (G_OBJECT (label), "update");

  update (label, summary);
  g_signal_connect_object (summary, "notify", G_CALLBACK (on_item_notify_cb), label, 0);
  g_signal_connect_object (redline_post_summary_get_post (summary), "notify",
                           G_CALLBACK (on_item_notify_cb), label, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  RedlinePostSummary *summary = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_data (summary, label);
  g_signal_handlers_disconnect_by_data (redline_post_summary_get_post (summary), label);
}

static GtkExpression *
post_property_expression (const char *property)
{
  GtkExpression *post = gtk_property_expression_new (REDLINE_TYPE_POST_SUMMARY, NULL, "post");

  return gtk_property_expression_new (REDLINE_TYPE_POST, post, property);
}

static int
compare_enum_property (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const char *property = user_data;
  int va, vb;

  g_object_get (redline_post_summary_get_post ((RedlinePostSummary *) a), property, &va, NULL);
  g_object_get (redline_post_summary_get_post ((RedlinePostSummary *) b), property, &vb, NULL);
  return (va > vb) - (va < vb);
}

static GtkColumnViewColumn *
add_column (RedlinePostTable *self,
            const char       *title,
            UpdateCell        update,
            GtkSorter        *sorter,
            gboolean          numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "update", update);
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_post (gpointer item,
             gpointer user_data)
{
  RedlinePostTable *self = user_data;
  RedlinePostSummary *summary = item;
  RedlinePost *post = redline_post_summary_get_post (summary);

  if (g_hash_table_contains (self->hidden, post))
    return FALSE;
  if (self->queue)
    {
      guint ecosystem = gtk_drop_down_get_selected (self->ecosystem_dropdown);
      RedlineCampaign *campaign;

      if (redline_post_get_status (post) != REDLINE_POST_STATUS_IN_REVIEW)
        return FALSE;
      /* 0: every ecosystem; then Weixin, WeChat. */
      campaign = find_campaign (self, post);
      if (ecosystem > 0 &&
          (campaign == NULL || redline_campaign_get_ecosystem (campaign) != ecosystem - 1))
        return FALSE;
    }
  else if (redline_post_get_campaign_id (post) != self->campaign_id)
    return FALSE;
  if (gtk_toggle_button_get_active (self->errors_only_button) &&
      redline_post_summary_get_errors (summary) == 0)
    return FALSE;
  if (self->search != NULL &&
      !contains_casefold (redline_post_get_title (post), self->search) &&
      !contains_casefold (redline_post_get_body (post), self->search) &&
      /* In the queue, a campaign's name finds its posts. */
      !(self->queue && find_campaign (self, post) != NULL &&
        contains_casefold (redline_campaign_get_name (find_campaign (self, post)), self->search)))
    return FALSE;
  return TRUE;
}

static void
update_stack (RedlinePostTable *self)
{
  RedlineCampaignTotals totals = { 0 };

  if (self->index != NULL)
    redline_check_index_get_campaign_totals (self->index, self->campaign_id, &totals);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "posts");
  else if (self->queue)
    gtk_stack_set_visible_child_name (self->stack, "queue-empty");
  else if (totals.posts > g_hash_table_size (self->hidden) &&
           (self->search != NULL || gtk_toggle_button_get_active (self->errors_only_button)))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
refilter (RedlinePostTable *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
on_search_changed_cb (GtkSearchEntry   *entry,
                      RedlinePostTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search, g_free);
  if (text[0] != '\0')
    self->search = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
on_errors_only_toggled_cb (GtkToggleButton  *button,
                           RedlinePostTable *self)
{
  refilter (self);
}

static void
on_ecosystem_selected_cb (GtkDropDown      *dropdown,
                          GParamSpec       *pspec,
                          RedlinePostTable *self)
{
  refilter (self);
}

static void
on_totals_changed_cb (RedlineCheckIndex *index,
                      RedlinePostTable  *self)
{
  gboolean busy = redline_check_index_get_pending (index) > 0;

  /* Filter and sort on counts again once the index has caught up, not at
   * every count: the post being typed into must not jump away. */
  if (self->index_was_busy && !busy)
    {
      if (gtk_toggle_button_get_active (self->errors_only_button))
        refilter (self);
      gtk_sorter_changed (self->errors_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (self->warnings_sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
  self->index_was_busy = busy;
  update_stack (self);
}

static void
on_selected_cb (GtkSingleSelection *selection,
                GParamSpec         *pspec,
                RedlinePostTable   *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_POST]);
}

static void
redline_post_table_dispose (GObject *object)
{
  RedlinePostTable *self = REDLINE_POST_TABLE (object);

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_POST_TABLE);
  g_clear_object (&self->index);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (redline_post_table_parent_class)->dispose (object);
}

static void
redline_post_table_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RedlinePostTable *self = REDLINE_POST_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_POST:
      g_value_set_object (value, redline_post_table_get_selected_post (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_table_class_init (RedlinePostTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_post_table_dispose;
  object_class->get_property = redline_post_table_get_property;

  properties[PROP_SELECTED_POST] =
    g_param_spec_object ("selected-post", NULL, NULL, REDLINE_TYPE_POST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-post-table.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, box);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, errors_only_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, ecosystem_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, stack);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostTable, column_view);
}

static void
redline_post_table_init (RedlinePostTable *self)
{
  GtkColumnViewColumn *title;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hidden = g_hash_table_new (NULL, NULL);

  self->filter = gtk_custom_filter_new (filter_post, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  title = add_column (self, _("Title"), update_title,
                      GTK_SORTER (gtk_string_sorter_new (post_property_expression ("title"))),
                      FALSE);
  gtk_column_view_column_set_expand (title, TRUE);
  self->kind_column = add_column (self, _("Kind"), update_kind,
              GTK_SORTER (gtk_custom_sorter_new (compare_enum_property, (gpointer) "kind", NULL)),
              FALSE);
  add_column (self, _("Scheduled"), update_scheduled,
              GTK_SORTER (gtk_string_sorter_new (post_property_expression ("scheduled-at"))),
              FALSE);
  self->campaign_column =
    add_column (self, _("Campaign"), update_campaign,
                GTK_SORTER (gtk_numeric_sorter_new (post_property_expression ("campaign-id"))),
                FALSE);
  self->waiting_column =
    add_column (self, _("Waiting Since"), update_waiting,
                GTK_SORTER (gtk_string_sorter_new (post_property_expression ("updated-at"))),
                FALSE);
  gtk_column_view_column_set_fixed_width (self->campaign_column, 160);
  gtk_column_view_column_set_visible (self->campaign_column, FALSE);
  gtk_column_view_column_set_visible (self->waiting_column, FALSE);
  self->status_column = add_column (self, _("Status"), update_status,
              GTK_SORTER (gtk_custom_sorter_new (compare_enum_property, (gpointer) "status", NULL)),
              FALSE);
  self->errors_sorter =
    GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (REDLINE_TYPE_POST_SUMMARY,
                                                                     NULL, "errors")));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (self->errors_sorter), GTK_SORT_DESCENDING);
  add_column (self, _("Errors"), update_errors, g_object_ref (self->errors_sorter), TRUE);
  self->warnings_sorter =
    GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (REDLINE_TYPE_POST_SUMMARY,
                                                                     NULL, "warnings")));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (self->warnings_sorter),
                                     GTK_SORT_DESCENDING);
  add_column (self, _("Warnings"), update_warnings, g_object_ref (self->warnings_sorter), TRUE);
  /* The column view holds the sorters now. */
  g_object_unref (self->errors_sorter);
  g_object_unref (self->warnings_sorter);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, 0);
  g_signal_connect_object (self->errors_only_button, "toggled",
                           G_CALLBACK (on_errors_only_toggled_cb), self, 0);
  g_signal_connect_object (self->ecosystem_dropdown, "notify::selected",
                           G_CALLBACK (on_ecosystem_selected_cb), self, 0);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_cb), self, 0);
  update_stack (self);
}

/* The queue shows where each post comes from and since when it waits, and
 * is sorted oldest first; a campaign's table goes back to its columns. */
static void
set_queue (RedlinePostTable *self,
           gboolean          queue)
{
  if (self->queue == queue)
    return;
  self->queue = queue;
  gtk_column_view_column_set_visible (self->campaign_column, queue);
  gtk_column_view_column_set_visible (self->waiting_column, queue);
  /* Every post there is in review; its kind shows in the editor. The
   * title keeps the room. */
  gtk_column_view_column_set_visible (self->status_column, !queue);
  gtk_column_view_column_set_visible (self->kind_column, !queue);
  gtk_widget_set_visible (GTK_WIDGET (self->ecosystem_dropdown), queue);
  gtk_column_view_sort_by_column (self->column_view, queue ? self->waiting_column : NULL,
                                  GTK_SORT_ASCENDING);
}

/**
 * redline_post_table_set_index:
 * @self: a #RedlinePostTable
 * @index: (nullable): the index of the project's posts
 */
void
redline_post_table_set_index (RedlinePostTable  *self,
                              RedlineCheckIndex *index)
{
  g_return_if_fail (REDLINE_IS_POST_TABLE (self));

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_set_object (&self->index, index);
  g_hash_table_remove_all (self->hidden);
  gtk_filter_list_model_set_model (self->filter_model,
                                   index != NULL ? redline_check_index_get_summaries (index)
                                                 : NULL);
  if (index != NULL)
    {
      self->index_was_busy = redline_check_index_get_pending (index) > 0;
      g_signal_connect_object (index, "totals-changed", G_CALLBACK (on_totals_changed_cb), self,
                               0);
    }
  update_stack (self);
}

/**
 * redline_post_table_get_campaign_id:
 * @self: a #RedlinePostTable
 *
 * Returns: the id of the campaign shown
 */
gint64
redline_post_table_get_campaign_id (RedlinePostTable *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_TABLE (self), 0);
  return self->campaign_id;
}

/**
 * redline_post_table_set_campaign_id:
 * @self: a #RedlinePostTable
 * @campaign_id: the id of the campaign to show, or 0 for none
 */
void
redline_post_table_set_campaign_id (RedlinePostTable *self,
                                    gint64            campaign_id)
{
  g_return_if_fail (REDLINE_IS_POST_TABLE (self));

  if (self->campaign_id == campaign_id && !self->queue)
    return;
  self->campaign_id = campaign_id;
  set_queue (self, FALSE);
  refilter (self);
}

/**
 * redline_post_table_show_review_queue:
 * @self: a #RedlinePostTable
 *
 * Shows the review queue: the posts in review of every campaign, those
 * waiting longest first, with their campaign, and a filter by ecosystem.
 */
void
redline_post_table_show_review_queue (RedlinePostTable *self)
{
  g_return_if_fail (REDLINE_IS_POST_TABLE (self));

  if (self->queue)
    return;
  self->campaign_id = 0;
  set_queue (self, TRUE);
  refilter (self);
}

/**
 * redline_post_table_get_showing_review_queue:
 * @self: a #RedlinePostTable
 *
 * Returns: whether the review queue is shown
 */
gboolean
redline_post_table_get_showing_review_queue (RedlinePostTable *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_TABLE (self), FALSE);
  return self->queue;
}

/**
 * redline_post_table_get_selected_post:
 * @self: a #RedlinePostTable
 *
 * Returns: (transfer none) (nullable): the selected post
 */
RedlinePost *
redline_post_table_get_selected_post (RedlinePostTable *self)
{
  RedlinePostSummary *summary;

  g_return_val_if_fail (REDLINE_IS_POST_TABLE (self), NULL);

  summary = gtk_single_selection_get_selected_item (self->selection);
  return summary != NULL ? redline_post_summary_get_post (summary) : NULL;
}

/**
 * redline_post_table_select_post:
 * @self: a #RedlinePostTable
 * @post: a post of the campaign shown
 *
 * Selects @post and scrolls to it; the search and the error filter are
 * cleared if they hide it.
 *
 * Returns: whether @post is shown and selected
 */
gboolean
redline_post_table_select_post (RedlinePostTable *self,
                                RedlinePost      *post)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n;

  g_return_val_if_fail (REDLINE_IS_POST_TABLE (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RedlinePostSummary) summary = g_list_model_get_item (model, i);

          if (redline_post_summary_get_post (summary) != post)
            continue;
          gtk_single_selection_set_selected (self->selection, i);
          /* The column view's rows are a list view inside it, which owns
           * the scrolling action (GTK 4.8 has no gtk_column_view_scroll_to). */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
               child != NULL; child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return TRUE;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->errors_only_button, FALSE);
      g_clear_pointer (&self->search, g_free);
      refilter (self);
    }
  return FALSE;
}

/**
 * redline_post_table_hide_post:
 * @self: a #RedlinePostTable
 * @post: a post
 * @hidden: whether to hide it
 *
 * Hides a post that is about to be deleted, while its undo is offered.
 */
void
redline_post_table_hide_post (RedlinePostTable *self,
                              RedlinePost      *post,
                              gboolean          hidden)
{
  g_return_if_fail (REDLINE_IS_POST_TABLE (self));

  if (hidden)
    g_hash_table_add (self->hidden, post);
  else
    g_hash_table_remove (self->hidden, post);
  refilter (self);
}

/**
 * redline_post_table_focus_search:
 * @self: a #RedlinePostTable
 */
void
redline_post_table_focus_search (RedlinePostTable *self)
{
  g_return_if_fail (REDLINE_IS_POST_TABLE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * redline_post_table_get_n_shown:
 * @self: a #RedlinePostTable
 *
 * Returns: how many posts the table shows
 */
guint
redline_post_table_get_n_shown (RedlinePostTable *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_TABLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}
