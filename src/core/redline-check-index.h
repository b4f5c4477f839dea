/* redline-check-index.h: what the checker finds in every post of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-context.h"
#include "redline-post-summary.h"

G_BEGIN_DECLS

/**
 * RedlineCampaignTotals:
 * @posts: the campaign's posts
 * @checked: how many of them have been checked as they are now
 * @errors: error findings in them
 * @warnings: warning findings in them
 *
 * The sums of a campaign's post summaries.
 */
typedef struct
{
  guint posts;
  guint checked;
  guint errors;
  guint warnings;
} RedlineCampaignTotals;

#define REDLINE_TYPE_CHECK_INDEX (redline_check_index_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCheckIndex, redline_check_index, REDLINE, CHECK_INDEX, GObject)

RedlineCheckIndex  *redline_check_index_new                 (RedlineContext        *context);
RedlineContext     *redline_check_index_get_context         (RedlineCheckIndex     *self);
GListModel         *redline_check_index_get_summaries       (RedlineCheckIndex     *self);
RedlinePostSummary *redline_check_index_lookup              (RedlineCheckIndex     *self,
                                                             RedlinePost           *post);
void                redline_check_index_get_campaign_totals (RedlineCheckIndex     *self,
                                                             gint64                 campaign_id,
                                                             RedlineCampaignTotals *totals);
guint               redline_check_index_get_pending         (RedlineCheckIndex     *self);
gboolean            redline_check_index_run                 (RedlineCheckIndex     *self,
                                                             gint64                 budget_usec);

G_END_DECLS
