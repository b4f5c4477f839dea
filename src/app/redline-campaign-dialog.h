/* redline-campaign-dialog.h: a campaign's details, new or to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_CAMPAIGN_DIALOG (redline_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCampaignDialog, redline_campaign_dialog, REDLINE, CAMPAIGN_DIALOG,
                      AdwWindow)

GtkWidget        *redline_campaign_dialog_new           (GtkWindow             *parent,
                                                         RedlineContext        *context,
                                                         RedlineCampaign       *campaign,
                                                         RedlineEcosystem       ecosystem);
RedlineCampaign  *redline_campaign_dialog_get_campaign  (RedlineCampaignDialog *self);
RedlineEcosystem  redline_campaign_dialog_get_ecosystem (RedlineCampaignDialog *self);
gboolean          redline_campaign_dialog_get_valid     (RedlineCampaignDialog *self);
void              redline_campaign_dialog_apply         (RedlineCampaignDialog *self,
                                                         RedlineCampaign       *campaign);
void              redline_campaign_dialog_show_error    (RedlineCampaignDialog *self,
                                                         const char            *message);

G_END_DECLS
