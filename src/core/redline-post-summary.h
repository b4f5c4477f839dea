/* redline-post-summary.h: a post with the counts of what the checker found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-post.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_POST_SUMMARY (redline_post_summary_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePostSummary, redline_post_summary, REDLINE, POST_SUMMARY, GObject)

RedlinePost *redline_post_summary_get_post     (RedlinePostSummary *self);
gboolean     redline_post_summary_get_checked  (RedlinePostSummary *self);
guint        redline_post_summary_get_errors   (RedlinePostSummary *self);
guint        redline_post_summary_get_warnings (RedlinePostSummary *self);
guint        redline_post_summary_get_infos    (RedlinePostSummary *self);

G_END_DECLS
