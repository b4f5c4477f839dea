/* redline-campaign-dialog.c: a new campaign, or a new name for one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-campaign-dialog.h"
#include "redline-ecosystem-chooser.h"

/**
 * RedlineCampaignDialog:
 *
 * Asks for a new campaign's name and ecosystem, or for a new name for an
 * existing campaign (whose ecosystem never changes: it is not offered).
 */
struct _RedlineCampaignDialog
{
  AdwMessageDialog         parent_instance;

  RedlineCampaign         *campaign;

  GtkEntry                *name_entry;
  RedlineEcosystemChooser *ecosystem_chooser;
};

G_DEFINE_FINAL_TYPE (RedlineCampaignDialog, redline_campaign_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_changed_cb (GtkEditable           *editable,
                    RedlineCampaignDialog *self)
{
  g_autofree char *name = redline_campaign_dialog_dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", name[0] != '\0');
}

static void
redline_campaign_dialog_dispose (GObject *object)
{
  RedlineCampaignDialog *self = REDLINE_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (redline_campaign_dialog_parent_class)->dispose (object);
}

static void
redline_campaign_dialog_class_init (RedlineCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_campaign_dialog_dispose;

  g_type_ensure (REDLINE_TYPE_ECOSYSTEM_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, ecosystem_chooser);
}

static void
redline_campaign_dialog_init (RedlineCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (on_name_changed_cb), self, 0);
}

/**
 * redline_campaign_dialog_new:
 * @parent: the window it is for
 * @campaign: (nullable): the campaign to rename, or %NULL for a new one
 * @ecosystem: the ecosystem offered first for a new campaign
 *
 * Returns: (transfer floating): the dialog; its "ok" response confirms
 */
GtkWidget *
redline_campaign_dialog_new (GtkWindow        *parent,
                             RedlineCampaign  *campaign,
                             RedlineEcosystem  ecosystem)
{
  RedlineCampaignDialog *self = g_object_new (REDLINE_TYPE_CAMPAIGN_DIALOG,
                                              "transient-for", parent, NULL);

  if (campaign != NULL)
    {
      self->campaign = g_object_ref (campaign);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Rename Campaign"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok", _("_Rename"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), redline_campaign_get_name (campaign));
      gtk_widget_set_visible (GTK_WIDGET (self->ecosystem_chooser), FALSE);
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("New Campaign"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok", _("_Add"));
      redline_ecosystem_chooser_set_ecosystem (self->ecosystem_chooser, ecosystem);
    }
  return GTK_WIDGET (self);
}

/**
 * redline_campaign_dialog_get_campaign:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: (transfer none) (nullable): the campaign renamed, or %NULL for a
 *   new one
 */
RedlineCampaign *
redline_campaign_dialog_get_campaign (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), NULL);
  return self->campaign;
}

/**
 * redline_campaign_dialog_dup_name:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: (transfer full): the name given, without surrounding spaces
 */
char *
redline_campaign_dialog_dup_name (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

/**
 * redline_campaign_dialog_get_ecosystem:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: the ecosystem chosen for a new campaign
 */
RedlineEcosystem
redline_campaign_dialog_get_ecosystem (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), REDLINE_ECOSYSTEM_WEIXIN);
  return redline_ecosystem_chooser_get_ecosystem (self->ecosystem_chooser);
}
