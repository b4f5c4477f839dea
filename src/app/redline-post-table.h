/* redline-post-table.h: a campaign's posts, sortable and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_POST_TABLE (redline_post_table_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePostTable, redline_post_table, REDLINE, POST_TABLE, GtkWidget)

void         redline_post_table_set_index         (RedlinePostTable  *self,
                                                   RedlineCheckIndex *index);
gint64       redline_post_table_get_campaign_id   (RedlinePostTable  *self);
void         redline_post_table_set_campaign_id   (RedlinePostTable  *self,
                                                   gint64             campaign_id);
void         redline_post_table_show_review_queue (RedlinePostTable  *self);
gboolean     redline_post_table_get_showing_review_queue (RedlinePostTable *self);
RedlinePost *redline_post_table_get_selected_post (RedlinePostTable  *self);
gboolean     redline_post_table_select_post       (RedlinePostTable  *self,
                                                   RedlinePost       *post);
void         redline_post_table_hide_post         (RedlinePostTable  *self,
                                                   RedlinePost       *post,
                                                   gboolean           hidden);
void         redline_post_table_focus_search      (RedlinePostTable  *self);
guint        redline_post_table_get_n_shown       (RedlinePostTable  *self);

G_END_DECLS
