/* redline-campaign-row.c: a campaign in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-campaign-row.h"

/**
 * RedlineCampaignRow:
 *
 * A campaign's name, its number of posts and, when the checker found any,
 * its number of errors on the campaign's ecosystem.
 */
struct _RedlineCampaignRow
{
  GtkListBoxRow      parent_instance;

  RedlineCampaign   *campaign;
  RedlineCheckIndex *index;

  GtkLabel          *name_label;
  GtkLabel          *posts_label;
  GtkLabel          *errors_label;
};

G_DEFINE_FINAL_TYPE (RedlineCampaignRow, redline_campaign_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (RedlineCampaignRow *self)
{
  RedlineCampaignTotals totals;
  g_autofree char *posts = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *accessible = NULL;

  redline_check_index_get_campaign_totals (self->index, redline_campaign_get_id (self->campaign),
                                           &totals);
  gtk_label_set_text (self->name_label, redline_campaign_get_name (self->campaign));
  posts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post", "%u posts", totals.posts),
                           totals.posts);
  gtk_label_set_text (self->posts_label, posts);
  errors = g_strdup_printf ("%u", totals.errors);
  gtk_label_set_text (self->errors_label, errors);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), totals.errors > 0);
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                             totals.errors), totals.errors);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->errors_label), accessible);
}

static void
on_totals_changed_cb (RedlineCheckIndex  *index,
                      RedlineCampaignRow *self)
{
  update (self);
}

static void
on_campaign_notify_cb (RedlineCampaign    *campaign,
                       GParamSpec         *pspec,
                       RedlineCampaignRow *self)
{
  update (self);
}

static void
redline_campaign_row_dispose (GObject *object)
{
  RedlineCampaignRow *self = REDLINE_CAMPAIGN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_CAMPAIGN_ROW);
  g_clear_object (&self->campaign);
  g_clear_object (&self->index);

  G_OBJECT_CLASS (redline_campaign_row_parent_class)->dispose (object);
}

static void
redline_campaign_row_class_init (RedlineCampaignRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_campaign_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-campaign-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignRow, posts_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignRow, errors_label);
}

static void
redline_campaign_row_init (RedlineCampaignRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * redline_campaign_row_new:
 * @campaign: a campaign
 * @index: the check index of its project
 *
 * Returns: (transfer floating): a row for @campaign
 */
GtkWidget *
redline_campaign_row_new (RedlineCampaign   *campaign,
                          RedlineCheckIndex *index)
{
  RedlineCampaignRow *self = g_object_new (REDLINE_TYPE_CAMPAIGN_ROW, NULL);

  self->campaign = g_object_ref (campaign);
  self->index = g_object_ref (index);
  g_signal_connect_object (index, "totals-changed", G_CALLBACK (on_totals_changed_cb), self, 0);
  g_signal_connect_object (campaign, "notify", G_CALLBACK (on_campaign_notify_cb), self, 0);
  update (self);
  return GTK_WIDGET (self);
}

/**
 * redline_campaign_row_get_campaign:
 * @self: a #RedlineCampaignRow
 *
 * Returns: (transfer none): the campaign
 */
RedlineCampaign *
redline_campaign_row_get_campaign (RedlineCampaignRow *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_ROW (self), NULL);
  return self->campaign;
}
