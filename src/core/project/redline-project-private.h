/* redline-project-private.h: internals shared by the project, its objects and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

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

/* The SQL text that takes a file from format @version - 1 to @version
 * (1 ≤ @version ≤ REDLINE_PROJECT_FORMAT); tests build old files with it. */
const char  *_redline_project_get_migration  (guint            version);

/* The connection, for tests and the import/export code. */
sqlite3     *_redline_project_get_db         (RedlineProject  *self);

/* A text column of a row read from the file, checked as UTF-8 without NUL
 * over its whole length; the error names the file, the row and the field. */
gboolean     _redline_project_column_text    (RedlineProject  *self,
                                              sqlite3_stmt    *stmt,
                                              int              column,
                                              const char      *table,
                                              gint64           row,
                                              const char     **text,
                                              GError         **error);

/* One transaction around a user action. */
gboolean     _redline_project_begin          (RedlineProject  *self,
                                              GError         **error);
gboolean     _redline_project_commit         (RedlineProject  *self,
                                              GError         **error);
void         _redline_project_rollback       (RedlineProject  *self);
gboolean     _redline_project_insert_post    (RedlineProject  *self,
                                              RedlinePost     *post,
                                              const char      *now,
                                              GError         **error);
void         _redline_project_posts_added    (RedlineProject  *self,
                                              GPtrArray       *posts);
char        *_redline_project_now            (void);

G_END_DECLS
