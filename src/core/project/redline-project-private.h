/* redline-project-private.h: internals shared by the project, its objects and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-migrations.h"
#include "redline-sqlite.h"

#include "redline-campaign.h"
#include "redline-post.h"
#include "redline-project.h"

G_BEGIN_DECLS

/* Replaces *str by a copy of @value; returns whether it changed
 * (g_set_str() only arrives in GLib 2.76). */
static inline gboolean
_redline_set_str (char       **str,
                  const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

void         _redline_campaign_set_id        (RedlineCampaign *self,
                                              gint64           id);
void         _redline_post_set_id            (RedlinePost     *self,
                                              gint64           id);
void         _redline_post_set_times         (RedlinePost     *self,
                                              const char      *created_at,
                                              const char      *updated_at);

/* The connection, for the import/export code; the raw handle for tests. */
RedlineSqlite *_redline_project_get_sqlite   (RedlineProject  *self);
sqlite3     *_redline_project_get_db         (RedlineProject  *self);

/* The write transaction of one user action; it rolls back unless committed. */
gboolean     _redline_project_begin          (RedlineProject      *self,
                                              RedlineTransaction  *tx,
                                              GError             **error);
gboolean     _redline_project_insert_post    (RedlineProject  *self,
                                              RedlinePost     *post,
                                              const char      *now,
                                              GError         **error);
void         _redline_project_posts_added    (RedlineProject  *self,
                                              GPtrArray       *posts);
char        *_redline_project_now            (void);

G_END_DECLS
