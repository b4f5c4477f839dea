/* redline-post-summary-private.h: what the check index writes into a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-post-summary.h"

G_BEGIN_DECLS

RedlinePostSummary *_redline_post_summary_new         (RedlinePost        *post);
void                _redline_post_summary_set_counts  (RedlinePostSummary *self,
                                                       guint               errors,
                                                       guint               warnings,
                                                       guint               infos);
void                _redline_post_summary_invalidate  (RedlinePostSummary *self);

G_END_DECLS
