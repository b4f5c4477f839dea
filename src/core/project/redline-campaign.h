/* redline-campaign.h: a campaign of a project, on one ecosystem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_CAMPAIGN (redline_campaign_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCampaign, redline_campaign, REDLINE, CAMPAIGN, GObject)

RedlineCampaign     *redline_campaign_new                (const char          *name,
                                                          RedlineEcosystem     ecosystem);
gint64               redline_campaign_get_id             (RedlineCampaign     *self);
const char          *redline_campaign_get_name           (RedlineCampaign     *self);
void                 redline_campaign_set_name           (RedlineCampaign     *self,
                                                          const char          *name);
RedlineEcosystem     redline_campaign_get_ecosystem      (RedlineCampaign     *self);
void                 redline_campaign_set_ecosystem      (RedlineCampaign     *self,
                                                          RedlineEcosystem     ecosystem);
const char          *redline_campaign_get_account_type   (RedlineCampaign     *self);
void                 redline_campaign_set_account_type   (RedlineCampaign     *self,
                                                          const char          *account_type);
const char          *redline_campaign_get_objective      (RedlineCampaign     *self);
void                 redline_campaign_set_objective      (RedlineCampaign     *self,
                                                          const char          *objective);
const char          *redline_campaign_get_start_date     (RedlineCampaign     *self);
void                 redline_campaign_set_start_date     (RedlineCampaign     *self,
                                                          const char          *start_date);
const char          *redline_campaign_get_end_date       (RedlineCampaign     *self);
void                 redline_campaign_set_end_date       (RedlineCampaign     *self,
                                                          const char          *end_date);
gboolean             redline_campaign_get_start_day      (RedlineCampaign     *self,
                                                          GDate               *day);
gboolean             redline_campaign_get_end_day        (RedlineCampaign     *self,
                                                          GDate               *day);
gint64               redline_campaign_get_budget         (RedlineCampaign     *self);
void                 redline_campaign_set_budget         (RedlineCampaign     *self,
                                                          gint64               budget);
const char          *redline_campaign_get_currency       (RedlineCampaign     *self);
void                 redline_campaign_set_currency       (RedlineCampaign     *self,
                                                          const char          *currency);
const char * const  *redline_campaign_get_target_regions (RedlineCampaign     *self);
void                 redline_campaign_set_target_regions (RedlineCampaign     *self,
                                                          const char * const  *regions);
const char          *redline_campaign_get_notes          (RedlineCampaign     *self);
void                 redline_campaign_set_notes          (RedlineCampaign     *self,
                                                          const char          *notes);
const char          *redline_campaign_get_account        (RedlineCampaign     *self);
void                 redline_campaign_set_account        (RedlineCampaign     *self,
                                                          const char          *account);

RedlineCampaign     *redline_campaign_copy               (RedlineCampaign     *self);

G_END_DECLS
