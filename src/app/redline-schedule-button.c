/* redline-schedule-button.c: when a post is published, shown and chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-core.h"
#include "redline-schedule-button.h"

/**
 * RedlineScheduleButton:
 *
 * Shows when a post is scheduled, in platform time (Beijing, as the
 * planner counts days and broadcasts), and opens a calendar and a time to
 * change it or to take the post off the schedule. The time is kept as ISO
 * 8601 with its offset, as the project stores it; a time written with
 * another offset is shown in Beijing time and kept as written until a new
 * one is chosen.
 */
struct _RedlineScheduleButton
{
  GtkWidget      parent_instance;

  char          *scheduled_at;

  GtkMenuButton *button;
  GtkLabel      *label;
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (RedlineScheduleButton, redline_schedule_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCHEDULED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
local_time (RedlineScheduleButton *self)
{
  return redline_planner_local_time (self->scheduled_at);
}

static void
update_label (RedlineScheduleButton *self)
{
  g_autoptr(GDateTime) local = local_time (self);
  g_autofree char *text = NULL;

  if (local != NULL)
    /* TRANSLATORS: when a post is scheduled, in Beijing time, on its
     * button; see g_date_time_format() */
    text = g_date_time_format (local, C_("schedule", "%Y-%m-%d %H:%M"));
  else if (self->scheduled_at != NULL)
    text = g_strdup (self->scheduled_at);
  gtk_label_set_text (self->label, text != NULL ? text : _("Not scheduled"));
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The popover opens on the post's day and time, or on tomorrow at nine. */
static void
on_popover_show_cb (GtkPopover            *popover,
                    RedlineScheduleButton *self)
{
  g_autoptr(GDateTime) local = local_time (self);

  if (local == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

      local = redline_planner_local_time_new (g_date_time_get_year (tomorrow),
                                              g_date_time_get_month (tomorrow),
                                              g_date_time_get_day_of_month (tomorrow), 9, 0);
    }
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  gtk_widget_set_sensitive (self->clear_button, self->scheduled_at != NULL);
}

static void
on_apply_clicked_cb (GtkButton             *button,
                     RedlineScheduleButton *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *text = NULL;

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  chosen = redline_planner_local_time_new (g_date_time_get_year (day),
                                           g_date_time_get_month (day),
                                           g_date_time_get_day_of_month (day),
                                           gtk_spin_button_get_value_as_int (self->hour_spin),
                                           gtk_spin_button_get_value_as_int (self->minute_spin));
  gtk_menu_button_popdown (self->button);
  if (chosen == NULL)
    return;
  text = g_date_time_format (chosen, "%Y-%m-%dT%H:%M:%S%:z");
  redline_schedule_button_set_scheduled_at (self, text);
}

static void
on_clear_clicked_cb (GtkButton             *button,
                     RedlineScheduleButton *self)
{
  gtk_menu_button_popdown (self->button);
  redline_schedule_button_set_scheduled_at (self, NULL);
}

static void
redline_schedule_button_dispose (GObject *object)
{
  RedlineScheduleButton *self = REDLINE_SCHEDULE_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_SCHEDULE_BUTTON);
  g_clear_pointer (&self->scheduled_at, g_free);

  G_OBJECT_CLASS (redline_schedule_button_parent_class)->dispose (object);
}

static void
redline_schedule_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RedlineScheduleButton *self = REDLINE_SCHEDULE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SCHEDULED_AT:
      g_value_set_string (value, self->scheduled_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_schedule_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RedlineScheduleButton *self = REDLINE_SCHEDULE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SCHEDULED_AT:
      redline_schedule_button_set_scheduled_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_schedule_button_class_init (RedlineScheduleButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_schedule_button_dispose;
  object_class->get_property = redline_schedule_button_get_property;
  object_class->set_property = redline_schedule_button_set_property;

  /**
   * RedlineScheduleButton:scheduled-at: (nullable)
   *
   * When the post is published, ISO 8601 with an offset, or %NULL.
   */
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_string ("scheduled-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-schedule-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, button);
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, label);
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RedlineScheduleButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
redline_schedule_button_init (RedlineScheduleButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

GtkWidget *
redline_schedule_button_new (void)
{
  return g_object_new (REDLINE_TYPE_SCHEDULE_BUTTON, NULL);
}

/**
 * redline_schedule_button_get_scheduled_at:
 * @self: a #RedlineScheduleButton
 *
 * Returns: (nullable): when the post is published, ISO 8601 with an
 *   offset, or %NULL
 */
const char *
redline_schedule_button_get_scheduled_at (RedlineScheduleButton *self)
{
  g_return_val_if_fail (REDLINE_IS_SCHEDULE_BUTTON (self), NULL);
  return self->scheduled_at;
}

/**
 * redline_schedule_button_set_scheduled_at:
 * @self: a #RedlineScheduleButton
 * @scheduled_at: (nullable): ISO 8601 with an offset, or %NULL (or empty)
 *   for a post not scheduled
 */
void
redline_schedule_button_set_scheduled_at (RedlineScheduleButton *self,
                                          const char            *scheduled_at)
{
  g_return_if_fail (REDLINE_IS_SCHEDULE_BUTTON (self));

  if (scheduled_at != NULL && scheduled_at[0] == '\0')
    scheduled_at = NULL;
  if (g_strcmp0 (self->scheduled_at, scheduled_at) == 0)
    return;
  g_free (self->scheduled_at);
  self->scheduled_at = g_strdup (scheduled_at);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_AT]);
}
