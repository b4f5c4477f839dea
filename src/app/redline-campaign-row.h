/* redline-campaign-row.h: a campaign in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_CAMPAIGN_ROW (redline_campaign_row_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCampaignRow, redline_campaign_row, REDLINE, CAMPAIGN_ROW,
                      GtkListBoxRow)

GtkWidget       *redline_campaign_row_new          (RedlineCampaign   *campaign,
                                                    RedlineCheckIndex *index);
RedlineCampaign *redline_campaign_row_get_campaign (RedlineCampaignRow *self);

G_END_DECLS
