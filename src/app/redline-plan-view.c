/* redline-plan-view.c: the project's posts on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-finding.h"
#include "redline-labels.h"
#include "redline-plan-view.h"

/**
 * RedlinePlanView:
 *
 * The scheduled posts of every campaign on a month, or as an agenda of
 * the month's days, coloured by ecosystem, with the festivals, shopping
 * dates and public holidays of the campaigns' ecosystems and regions, and
 * the planner's problems marked on each post. Days are Beijing time, as
 * the platforms count them.
 *
 * A post is opened by clicking it, and moved to another day by dragging it
 * there: it keeps its time of day, and the toast that says so can undo it.
 */

/* How many posts a day of the month shows before "+N more". */
#define MAX_POSTS_IN_DAY 3

struct _RedlinePlanView
{
  AdwBin           parent_instance;

  RedlineContext  *context;
  GListModel      *posts;          /* watched */
  GListModel      *campaigns;      /* watched */
  GDate            month;          /* its first day */
  guint            rebuild_id;

  GtkLabel        *month_label;
  GtkLabel        *confirmed_label;
  GtkToggleButton *month_button;
  GtkToggleButton *agenda_button;
  GtkStack        *stack;
  GtkGrid         *grid;
  GtkListBox      *agenda_list;
};

G_DEFINE_FINAL_TYPE (RedlinePlanView, redline_plan_view, ADW_TYPE_BIN)

enum {
  OPEN_POST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The weekdays from Monday, in the language of the messages (the locale's
 * own names follow LC_TIME, which may be another). */
static const char *
weekday_name (GDateWeekday weekday,
              gboolean     abbreviated)
{
  static const char * const short_names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  static const char * const names[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };

  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                       (abbreviated ? short_names : names)[weekday - G_DATE_MONDAY]);
}

/* What one post shows: when, where, and the planner's worst. */
typedef struct
{
  RedlinePost      *post;
  RedlineCampaign  *campaign;
  GDateTime        *local;
  GPtrArray        *problems;     /* RedlineFinding */
  RedlineSeverity   worst;
} PlanItem;

static void
plan_item_free (PlanItem *item)
{
  g_clear_object (&item->post);
  g_clear_object (&item->campaign);
  g_clear_pointer (&item->local, g_date_time_unref);
  g_clear_pointer (&item->problems, g_ptr_array_unref);
  g_free (item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PlanItem *x = *(PlanItem * const *) a;
  const PlanItem *y = *(PlanItem * const *) b;

  return g_date_time_compare (x->local, y->local);
}

static RedlineProject *
get_project (RedlinePlanView *self)
{
  return self->context != NULL ? redline_context_get_project (self->context) : NULL;
}

static void
day_of (GDateTime *time,
        GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

/* The month's posts by day (Julian day → GPtrArray of PlanItem, by time). */
static GHashTable *
collect_items (RedlinePlanView *self,
               const GDate     *first,
               const GDate     *last)
{
  RedlineProject *project = get_project (self);
  RedlinePlanner *planner = redline_context_get_planner (self->context);
  GHashTable *days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *posts = redline_project_get_posts (project);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GDateTime) local = redline_planner_post_local_time (post);
      RedlineCampaign *campaign;
      PlanItem *item;
      GPtrArray *items;
      GDate day;

      if (local == NULL)
        continue;
      day_of (local, &day);
      if (g_date_compare (&day, first) < 0 || g_date_compare (&day, last) > 0)
        continue;
      campaign = redline_project_find_campaign (project, redline_post_get_campaign_id (post));
      if (campaign == NULL)
        continue;
      item = g_new0 (PlanItem, 1);
      item->post = g_object_ref (post);
      item->campaign = g_object_ref (campaign);
      item->local = g_steal_pointer (&local);
      item->problems = redline_planner_check_post (planner, post);
      item->worst = REDLINE_SEVERITY_INFO;
      for (guint p = 0; p < item->problems->len; p++)
        item->worst = MAX (item->worst,
                           redline_finding_get_severity (g_ptr_array_index (item->problems, p)));
      items = g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&day)));
      if (items == NULL)
        {
          items = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_item_free);
          g_hash_table_insert (days, GUINT_TO_POINTER (g_date_get_julian (&day)), items);
        }
      g_ptr_array_add (items, item);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, days);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_items);
  }
  return days;
}

static const char *
ecosystem_class (RedlineEcosystem ecosystem)
{
  return ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? "weixin" : "wechat";
}

static char *
key_date_title (RedlinePlanView *self,
                RedlineKeyDate  *date)
{
  RedlineCalendar *calendar = redline_context_get_calendar (self->context);

  if (date->country == NULL)
    return g_strdup (date->name);
  /* TRANSLATORS: a public holiday in a calendar, e.g. "National Day (China)" */
  return g_strdup_printf (C_("key date", "%s (%s)"), date->name,
                          redline_calendar_get_country_name (calendar, date->country));
}

/* The post's line in a tooltip or the agenda: time, campaign, status. */
static char *
item_details (PlanItem *item)
{
  g_autofree char *time = g_date_time_format (item->local, "%H:%M");

  /* TRANSLATORS: a post in the calendar: its time (Beijing), its campaign,
   * its content kind and its review status */
  return g_strdup_printf (_("%s · %s · %s · %s"), time, redline_campaign_get_name (item->campaign),
                          redline_content_kind_label (redline_post_get_kind (item->post)),
                          redline_post_status_label (redline_post_get_status (item->post)));
}

static char *
item_problems (PlanItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < item->problems->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (item->problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, redline_finding_get_message (finding));
    }
  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

static const char *
severity_icon (RedlineSeverity severity)
{
  return severity == REDLINE_SEVERITY_ERROR ? "dialog-error-symbolic"
                                            : "dialog-warning-symbolic";
}

/* ---- Opening and moving posts ------------------------------------------ */

static void
on_post_clicked_cb (GtkButton       *button,
                    RedlinePlanView *self)
{
  RedlinePost *post = g_object_get_data (G_OBJECT (button), "redline-post");

  g_signal_emit (self, signals[OPEN_POST], 0, post);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource   *source,
                    double           x,
                    double           y,
                    RedlinePlanView *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  RedlinePost *post = g_object_get_data (G_OBJECT (button), "redline-post");
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (button);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (REDLINE_TYPE_POST, post);
}

typedef struct
{
  RedlinePlanView *self;          /* weak */
  RedlinePost     *post;
  char            *scheduled_at;  /* to go back to */
} UndoMove;

static void
undo_move_free (gpointer  data,
                GClosure *closure)
{
  UndoMove *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_clear_object (&undo->post);
  g_free (undo->scheduled_at);
  g_free (undo);
}

static void
on_undo_move_cb (AdwToast *toast,
                 UndoMove *undo)
{
  RedlineProject *project;
  g_autoptr(GError) error = NULL;

  if (undo->self == NULL)
    return;
  project = get_project (undo->self);
  /* The post deleted since, or another project open: nothing to undo. */
  if (project == NULL ||
      redline_project_find_post (project, redline_post_get_id (undo->post)) != undo->post)
    return;
  redline_post_set_scheduled_at (undo->post, undo->scheduled_at);
  if (!redline_project_update_post (project, undo->post, &error))
    g_warning ("Could not move the post back: %s", error->message);
}

static void
toast (RedlinePlanView *self,
       AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * redline_plan_view_move_post:
 * @self: a #RedlinePlanView
 * @post: a scheduled post of the project
 * @day: the day (Beijing time) to move it to
 *
 * Moves @post to @day at the same time of day, as dropping it there does,
 * and offers to undo it in a toast. A failure is said in a toast, and the
 * post stays where it was.
 *
 * Returns: whether @post moved
 */
gboolean
redline_plan_view_move_post (RedlinePlanView *self,
                             RedlinePost     *post,
                             const GDate     *day)
{
  RedlineProject *project;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *text = NULL;
  UndoMove *undo;
  AdwToast *done;
  GDate from;

  g_return_val_if_fail (REDLINE_IS_PLAN_VIEW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  project = get_project (self);
  if (project == NULL || redline_project_get_read_only (project) ||
      redline_project_find_post (project, redline_post_get_id (post)) != post)
    return FALSE;
  local = redline_planner_post_local_time (post);
  if (local == NULL)
    return FALSE;
  day_of (local, &from);
  if (g_date_compare (&from, day) == 0)
    return FALSE;

  moved = g_date_time_new (g_date_time_get_timezone (local), g_date_get_year (day),
                           g_date_get_month (day), g_date_get_day (day),
                           g_date_time_get_hour (local), g_date_time_get_minute (local),
                           g_date_time_get_seconds (local));
  before = g_strdup (redline_post_get_scheduled_at (post));
  /* As the project's own times are written: to the second, with the offset. */
  after = g_date_time_format (moved, "%Y-%m-%dT%H:%M:%S%:z");
  redline_post_set_scheduled_at (post, after);
  heading = redline_post_dup_heading (post);
  if (!redline_project_update_post (project, post, &error))
    {
      /* TRANSLATORS: %s: a post; %s: why it could not be moved */
      text = g_strdup_printf (_("“%s” could not be moved: %s"), heading, error->message);
      toast (self, toast_new (text));
      return FALSE;
    }

  /* TRANSLATORS: the day a post was moved to, e.g. "3 Oct"; see
   * g_date_time_format() */
  day_text = g_date_time_format (moved, C_("moved to", "%-d %b"));
  /* TRANSLATORS: %s: a post's title; %s: the day it now goes out */
  text = g_strdup_printf (_("“%s” moved to %s"), heading, day_text);
  done = toast_new (text);
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoMove, 1);
  g_set_weak_pointer (&undo->self, self);
  undo->post = g_object_ref (post);
  undo->scheduled_at = g_steal_pointer (&before);
  g_signal_connect_data (done, "button-clicked", G_CALLBACK (on_undo_move_cb), undo,
                         undo_move_free, 0);
  toast (self, done);
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            RedlinePlanView *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  RedlinePost *post = g_value_get_object (value);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "redline-day")));
  return post != NULL && redline_plan_view_move_post (self, post, &day);
}

/* ---- Month ------------------------------------------------------------- */

static GtkWidget *
post_button (RedlinePlanView *self,
             PlanItem        *item,
             gboolean         writable)
{
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (item->campaign);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *heading = redline_post_dup_heading (item->post);
  g_autofree char *time = g_date_time_format (item->local, "%H:%M");
  g_autofree char *label_text = g_strdup_printf ("%s %s", time, heading);
  g_autofree char *details = item_details (item);
  g_autofree char *problems = item_problems (item);
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  if (item->problems->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (item->worst));

      gtk_widget_add_css_class (icon, item->worst == REDLINE_SEVERITY_ERROR ? "error" : "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }
  label = gtk_label_new (label_text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  tooltip = g_strjoin ("\n", heading, details, problems, NULL);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "plan-post");
  gtk_widget_add_css_class (button, ecosystem_class (ecosystem));
  if (item->worst == REDLINE_SEVERITY_ERROR && item->problems->len > 0)
    gtk_widget_add_css_class (button, "plan-problem");
  g_object_set_data_full (G_OBJECT (button), "redline-post", g_object_ref (item->post),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_post_clicked_cb), self, 0);
  if (writable)
    {
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
    }
  return button;
}

static GtkWidget *
day_cell (RedlinePlanView *self,
          const GDate     *day,
          GPtrArray       *items,
          GPtrArray       *key_dates,
          gboolean         writable)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char number[4];
  GtkWidget *label;
  GDate today;

  gtk_widget_add_css_class (cell, "plan-day");
  g_object_set_data (G_OBJECT (cell), "redline-day", GUINT_TO_POINTER (g_date_get_julian (day)));
  if (g_date_get_month (day) != g_date_get_month (&self->month))
    gtk_widget_add_css_class (cell, "other-month");
  day_of (now, &today);
  if (g_date_compare (day, &today) == 0)
    gtk_widget_add_css_class (cell, "today");

  g_snprintf (number, sizeof number, "%u", g_date_get_day (day));
  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "plan-day-number");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (cell), top);

  for (guint i = 0; i < key_dates->len; i++)
    {
      RedlineKeyDate *date = g_ptr_array_index (key_dates, i);
      g_autofree char *title = NULL;

      if (!redline_key_date_contains (date, day))
        continue;
      title = key_date_title (self, date);
      /* A day is narrow: the mainland's holidays go without their country
       * (they are Weixin's), other countries' with its code; the tooltip
       * names it. */
      if (date->country == NULL || g_str_equal (date->country, "CN"))
        label = gtk_label_new (date->name);
      else
        {
          /* TRANSLATORS: a public holiday in a day of the calendar with its
           * country's code, e.g. "National Day (MY)" */
          g_autofree char *short_title = g_strdup_printf (C_("key date in a day", "%s (%s)"),
                                                          date->name, date->country);

          label = gtk_label_new (short_title);
        }
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_tooltip_text (label, title);
      gtk_widget_add_css_class (label, "plan-key-date");
      switch (date->kind)
        {
        case REDLINE_KEY_DATE_FESTIVAL:
          gtk_widget_add_css_class (label, "festival");
          break;
        case REDLINE_KEY_DATE_COMMERCIAL:
          gtk_widget_add_css_class (label, "commercial");
          break;
        case REDLINE_KEY_DATE_HOLIDAY:
          gtk_widget_add_css_class (label, "holiday");
          gtk_widget_add_css_class (cell, "holiday");
          break;
        case REDLINE_KEY_DATE_WORKDAY:
        default:
          gtk_widget_add_css_class (label, "workday");
          break;
        }
      gtk_box_append (GTK_BOX (cell), label);
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      if (i == MAX_POSTS_IN_DAY && items->len > MAX_POSTS_IN_DAY + 1)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more",
                                                                "%u more", items->len - i),
                                                   items->len - i);
          GtkWidget *button = gtk_button_new_with_label (more);

          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "plan-more");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.show-agenda");
          gtk_box_append (GTK_BOX (cell), button);
          break;
        }
      gtk_box_append (GTK_BOX (cell), post_button (self, g_ptr_array_index (items, i), writable));
    }

  if (writable)
    {
      GtkDropTarget *target = gtk_drop_target_new (REDLINE_TYPE_POST, GDK_ACTION_MOVE);

      g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
      gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
    }
  return cell;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
}

static void
build_month (RedlinePlanView *self,
             const GDate     *first,
             guint            n_weeks,
             GHashTable      *days,
             GPtrArray       *key_dates,
             gboolean         writable)
{
  GDate day = *first;

  clear_container (GTK_WIDGET (self->grid));
  for (guint column = 0; column < 7; column++)
    {
      GtkWidget *label = gtk_label_new (weekday_name (G_DATE_MONDAY + column, TRUE));

      gtk_widget_add_css_class (label, "plan-weekday");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, column, 0, 1, 1);
    }
  for (guint week = 0; week < n_weeks; week++)
    for (guint column = 0; column < 7; column++)
      {
        GPtrArray *items = g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&day)));

        gtk_grid_attach (self->grid, day_cell (self, &day, items, key_dates, writable),
                         column, 1 + week, 1, 1);
        g_date_add_days (&day, 1);
      }
}

/* ---- Agenda ------------------------------------------------------------ */

static void
on_agenda_row_activated_cb (GtkListBox      *list,
                            GtkListBoxRow   *row,
                            RedlinePlanView *self)
{
  RedlinePost *post = g_object_get_data (G_OBJECT (row), "redline-post");

  if (post != NULL)
    g_signal_emit (self, signals[OPEN_POST], 0, post);
}

static GtkWidget *
agenda_day_row (RedlinePlanView *self,
                const GDate     *day,
                GPtrArray       *key_dates)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);
  /* TRANSLATORS: a day in the agenda without its weekday, e.g.
   * "17 September"; see g_date_time_format() */
  g_autofree char *date_text = g_date_time_format (time, C_("agenda day", "%-d %B"));
  /* TRANSLATORS: a day heading in the agenda: %s: the weekday, %s: the
   * day, e.g. "Tuesday 17 September" */
  g_autofree char *text = g_strdup_printf (C_("agenda day", "%s %s"),
                                           weekday_name (g_date_get_weekday (day), FALSE),
                                           date_text);
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < key_dates->len; i++)
    {
      RedlineKeyDate *date = g_ptr_array_index (key_dates, i);
      g_autofree char *title = NULL;

      if (!redline_key_date_contains (date, day))
        continue;
      title = key_date_title (self, date);
      g_string_append_printf (names, "%s%s", names->len > 0 ? _(", ") : "", title);
    }
  label = gtk_label_new (names->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "plan-key-date");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (row, "plan-agenda-day");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
agenda_post_row (PlanItem *item)
{
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (item->campaign);
  g_autofree char *heading = redline_post_dup_heading (item->post);
  g_autofree char *details = item_details (item);
  g_autofree char *problems = item_problems (item);
  g_autofree char *subtitle = g_strjoin ("\n", details, problems, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_label_new (redline_ecosystem_short_label (ecosystem));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, "plan-legend");
  gtk_widget_add_css_class (bar, ecosystem_class (ecosystem));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), bar);
  if (item->problems->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (item->worst));

      gtk_widget_add_css_class (icon, item->worst == REDLINE_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "redline-post", g_object_ref (item->post),
                          g_object_unref);
  return row;
}

static void
build_agenda (RedlinePlanView *self,
              GHashTable      *days,
              GPtrArray       *key_dates)
{
  GDate day = self->month;
  guint n_rows = 0;

  clear_container (GTK_WIDGET (self->agenda_list));
  for (; g_date_get_month (&day) == g_date_get_month (&self->month); g_date_add_days (&day, 1))
    {
      GPtrArray *items = g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&day)));
      gboolean marked = FALSE;

      for (guint i = 0; i < key_dates->len && !marked; i++)
        marked = redline_key_date_contains (g_ptr_array_index (key_dates, i), &day);
      if (items == NULL && !marked)
        continue;
      gtk_list_box_append (self->agenda_list, agenda_day_row (self, &day, key_dates));
      n_rows++;
      for (guint i = 0; items != NULL && i < items->len; i++)
        gtk_list_box_append (self->agenda_list, agenda_post_row (g_ptr_array_index (items, i)));
    }
  if (n_rows == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing planned this month"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Posts show here on the day they go out, with the "
                                     "festivals and holidays of their campaigns."));
      gtk_list_box_append (self->agenda_list, row);
    }
}

/* ---- Building ---------------------------------------------------------- */

static void
update_confirmed (RedlinePlanView *self)
{
  RedlineCalendar *calendar = redline_context_get_calendar (self->context);
  guint through = redline_calendar_get_confirmed_through (calendar, "CN");
  g_autofree char *text = NULL;

  if (g_date_get_year (&self->month) > through)
    /* TRANSLATORS: %u: a year, such as 2026 */
    text = g_strdup_printf (_("Mainland China’s holidays and make-up working days are announced "
                              "yearly; Redline knows them through %u, so none show here."),
                            through);
  else
    /* TRANSLATORS: %u: a year, such as 2026 */
    text = g_strdup_printf (_("Mainland holidays confirmed through %u · days in Beijing time"),
                            through);
  gtk_label_set_text (self->confirmed_label, text);
}

static void
rebuild (RedlinePlanView *self)
{
  RedlineProject *project = get_project (self);
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GDateTime) month_time = NULL;
  g_autofree char *title = NULL;
  GDate first = self->month;
  GDate last;
  guint offset, n_weeks;
  gboolean writable;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (project == NULL)
    {
      clear_container (GTK_WIDGET (self->grid));
      clear_container (GTK_WIDGET (self->agenda_list));
      return;
    }

  /* Weeks from Monday, as in China. */
  offset = g_date_get_weekday (&self->month) - G_DATE_MONDAY;
  g_date_subtract_days (&first, offset);
  n_weeks = (offset + g_date_get_days_in_month (g_date_get_month (&self->month),
                                                g_date_get_year (&self->month)) + 6) / 7;
  last = first;
  g_date_add_days (&last, n_weeks * 7 - 1);

  days = collect_items (self, &first, &last);
  key_dates = redline_calendar_get_campaigns_key_dates (redline_context_get_calendar (self->context),
                                                        redline_project_get_campaigns (project),
                                                        &first, &last);
  writable = !redline_project_get_read_only (project);
  build_month (self, &first, n_weeks, days, key_dates, writable);
  build_agenda (self, days, key_dates);

  month_time = g_date_time_new_utc (g_date_get_year (&self->month),
                                    g_date_get_month (&self->month), 1, 0, 0, 0);
  /* TRANSLATORS: the month shown, e.g. "September 2024"; see
   * g_date_time_format() */
  title = g_date_time_format (month_time, C_("month shown", "%B %Y"));
  gtk_label_set_text (self->month_label, title);
  update_confirmed (self);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  RedlinePlanView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     RedlinePlanView *self)
{
  /* Many changes (a project opening, an import) are one rebuild. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
watch (RedlinePlanView  *self,
       GListModel      **slot,
       GListModel       *model)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_items_changed_cb, self);
  g_set_object (slot, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
}

static void
on_project_changed_cb (RedlineContext  *context,
                       GParamSpec      *pspec,
                       RedlinePlanView *self)
{
  RedlineProject *project = get_project (self);

  watch (self, &self->posts, project != NULL ? redline_project_get_posts (project) : NULL);
  watch (self, &self->campaigns, project != NULL ? redline_project_get_campaigns (project) : NULL);
  redline_plan_view_show_first_month (self);
}

/* ---- Actions ------------------------------------------------------------ */

static void
change_month (RedlinePlanView *self,
              int              months)
{
  if (months < 0)
    g_date_subtract_months (&self->month, -months);
  else
    g_date_add_months (&self->month, months);
  rebuild (self);
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  change_month (REDLINE_PLAN_VIEW (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  change_month (REDLINE_PLAN_VIEW (widget), 1);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  redline_plan_view_show_month (REDLINE_PLAN_VIEW (widget), g_date_time_get_year (now),
                                g_date_time_get_month (now));
}

static void
show_agenda_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_toggle_button_set_active (REDLINE_PLAN_VIEW (widget)->agenda_button, TRUE);
}

static void
on_view_toggled_cb (GtkToggleButton *button,
                    RedlinePlanView *self)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (self->agenda_button)
                                                 ? "agenda" : "month");
}

/* ---- GObject ------------------------------------------------------------ */

static void
redline_plan_view_dispose (GObject *object)
{
  RedlinePlanView *self = REDLINE_PLAN_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  watch (self, &self->posts, NULL);
  watch (self, &self->campaigns, NULL);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, on_project_changed_cb, self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (redline_plan_view_parent_class)->dispose (object);
}

static void
redline_plan_view_class_init (RedlinePlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_plan_view_dispose;

  /**
   * RedlinePlanView::open-post:
   * @self: the view
   * @post: the post clicked
   *
   * A post is to be opened in the editor.
   */
  signals[OPEN_POST] = g_signal_new ("open-post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, REDLINE_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, month_label);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, month_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, grid);
  gtk_widget_class_bind_template_child (widget_class, RedlinePlanView, agenda_list);

  gtk_widget_class_install_action (widget_class, "plan.previous-month", NULL,
                                   previous_month_activated);
  gtk_widget_class_install_action (widget_class, "plan.next-month", NULL, next_month_activated);
  gtk_widget_class_install_action (widget_class, "plan.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "plan.show-agenda", NULL, show_agenda_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "plan.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "plan.next-month", NULL);
}

static void
redline_plan_view_init (RedlinePlanView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  g_signal_connect_object (self->agenda_button, "toggled", G_CALLBACK (on_view_toggled_cb), self,
                           0);
  g_signal_connect_object (self->agenda_list, "row-activated",
                           G_CALLBACK (on_agenda_row_activated_cb), self, 0);
}

/**
 * redline_plan_view_set_context:
 * @self: a #RedlinePlanView
 * @context: the window's context
 *
 * Shows the posts of @context's project, and follows it when another
 * opens.
 */
void
redline_plan_view_set_context (RedlinePlanView *self,
                               RedlineContext  *context)
{
  g_return_if_fail (REDLINE_IS_PLAN_VIEW (self));
  g_return_if_fail (REDLINE_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, on_project_changed_cb, self);
  g_set_object (&self->context, context);
  g_signal_connect_object (context, "notify::project", G_CALLBACK (on_project_changed_cb), self,
                           0);
  on_project_changed_cb (context, NULL, self);
}

/**
 * redline_plan_view_show_month:
 * @self: a #RedlinePlanView
 * @year: a year
 * @month: a month of it
 *
 * Shows @month of @year.
 */
void
redline_plan_view_show_month (RedlinePlanView *self,
                              guint            year,
                              GDateMonth       month)
{
  g_return_if_fail (REDLINE_IS_PLAN_VIEW (self));
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  g_date_set_dmy (&self->month, 1, month, year);
  rebuild (self);
}

/**
 * redline_plan_view_get_month:
 * @self: a #RedlinePlanView
 * @first: (out caller-allocates): the first day of the month shown
 */
void
redline_plan_view_get_month (RedlinePlanView *self,
                             GDate           *first)
{
  g_return_if_fail (REDLINE_IS_PLAN_VIEW (self));
  g_return_if_fail (first != NULL);

  *first = self->month;
}

/**
 * redline_plan_view_show_first_month:
 * @self: a #RedlinePlanView
 *
 * Shows the month of the next post to go out; when every post is past,
 * the month of the first; with none scheduled, this month.
 */
void
redline_plan_view_show_first_month (RedlinePlanView *self)
{
  RedlineProject *project;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) earliest = NULL;
  GDateTime *shown;

  g_return_if_fail (REDLINE_IS_PLAN_VIEW (self));

  project = get_project (self);
  for (guint i = 0; project != NULL &&
                    i < g_list_model_get_n_items (redline_project_get_posts (project)); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (redline_project_get_posts (project), i);
      g_autoptr(GDateTime) local = redline_planner_post_local_time (post);

      if (local == NULL)
        continue;
      if (earliest == NULL || g_date_time_compare (local, earliest) < 0)
        {
          g_clear_pointer (&earliest, g_date_time_unref);
          earliest = g_date_time_ref (local);
        }
      if (g_date_time_compare (local, now) >= 0 &&
          (next == NULL || g_date_time_compare (local, next) < 0))
        {
          g_clear_pointer (&next, g_date_time_unref);
          next = g_date_time_ref (local);
        }
    }
  shown = next != NULL ? next : earliest != NULL ? earliest : now;
  redline_plan_view_show_month (self, g_date_time_get_year (shown), g_date_time_get_month (shown));
}

/**
 * redline_plan_view_get_day:
 * @self: a #RedlinePlanView
 * @day: a day of the month shown, or of the weeks around it
 *
 * Returns: (transfer none) (nullable): the widget of @day in the month,
 *   which takes the posts dropped on it, or %NULL if it is not shown
 */
GtkWidget *
redline_plan_view_get_day (RedlinePlanView *self,
                           const GDate     *day)
{
  g_return_val_if_fail (REDLINE_IS_PLAN_VIEW (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "redline-day")) ==
        g_date_get_julian (day))
      return child;
  return NULL;
}
