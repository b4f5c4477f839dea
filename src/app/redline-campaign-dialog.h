/* redline-campaign-dialog.h: a new campaign, or a new name for one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_CAMPAIGN_DIALOG (redline_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCampaignDialog, redline_campaign_dialog, REDLINE, CAMPAIGN_DIALOG,
                      AdwMessageDialog)

GtkWidget        *redline_campaign_dialog_new           (GtkWindow             *parent,
                                                         RedlineCampaign       *campaign,
                                                         RedlineEcosystem       ecosystem);
RedlineCampaign  *redline_campaign_dialog_get_campaign  (RedlineCampaignDialog *self);
char             *redline_campaign_dialog_dup_name      (RedlineCampaignDialog *self);
RedlineEcosystem  redline_campaign_dialog_get_ecosystem (RedlineCampaignDialog *self);

G_END_DECLS
