/* redline-history.c: reviews, waivers, comments and the audit log, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the History view and the reports: each list is one query, in the
 * order things happened; every text read from the file is checked as the
 * rest of the store checks it.
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include "redline-history.h"
#include "redline-project-private.h"

void
redline_review_record_free (RedlineReviewRecord *record)
{
  g_free (record->reviewer);
  g_free (record->reviewed_at);
  g_free (record->comment);
  g_free (record->pack_versions);
  g_free (record);
}

void
redline_waiver_record_free (RedlineWaiverRecord *record)
{
  g_free (record->rule_id);
  g_free (record->text);
  g_free (record->field);
  g_free (record->ecosystem);
  g_free (record->justification);
  g_free (record->waived_by);
  g_free (record->waived_at);
  g_free (record->lapsed_at);
  g_free (record);
}

void
redline_comment_record_free (RedlineCommentRecord *record)
{
  g_free (record->author);
  g_free (record->body);
  g_free (record->created_at);
  g_free (record);
}

void
redline_audit_record_free (RedlineAuditRecord *record)
{
  g_free (record->at);
  g_free (record->actor);
  g_free (record->action);
  g_free (record->object);
  g_free (record->detail);
  g_free (record->packs);
  g_free (record);
}

/* Runs @sql (its ?1 bound to @id) and hands each row's text columns 1… to
 * @add, column 0 being the row's id. */
typedef gpointer (*MakeRecord) (gint64 row_id, const char * const *columns);

static GPtrArray *
list_rows (RedlineProject  *self,
           const char      *sql,
           const char      *table,
           gint64           id,
           guint            n_columns,
           MakeRecord       make,
           GDestroyNotify   free_record,
           GError         **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_record);
  g_autoptr(RedlineStmt) stmt = NULL;

  if (!_redline_project_check_open (self, error) ||
      (stmt = _redline_sqlite_prepare (self->sqlite, sql, error)) == NULL)
    return NULL;
  _redline_stmt_bind_int64 (stmt, 1, id);
  while (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    {
      gint64 row_id = _redline_stmt_column_int64 (stmt, 0);
      const char *columns[12] = { NULL };

      g_assert (n_columns <= G_N_ELEMENTS (columns));
      for (guint c = 0; c < n_columns; c++)
        {
          if (!_redline_sqlite_column_text (self->sqlite, stmt, c + 1, table, row_id,
                                            &columns[c], error))
            return NULL;
        }
      g_ptr_array_add (records, make (row_id, columns));
    }
  return g_steal_pointer (&records);
}

static gpointer
make_review (gint64              row_id,
             const char * const *columns)
{
  RedlineReviewRecord *record = g_new0 (RedlineReviewRecord, 1);

  record->decision = g_strcmp0 (columns[0], "approved") == 0 ? REDLINE_REVIEW_DECISION_APPROVED
                                                             : REDLINE_REVIEW_DECISION_REJECTED;
  record->reviewer = g_strdup (columns[1] != NULL ? columns[1] : "");
  record->reviewed_at = g_strdup (columns[2] != NULL ? columns[2] : "");
  record->comment = g_strdup (columns[3]);
  record->pack_versions = g_strdup (columns[4] != NULL ? columns[4] : "{}");
  return record;
}

/**
 * redline_project_list_reviews:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type RedlineReviewRecord): its
 *   reviews, oldest first, or %NULL
 */
GPtrArray *
redline_project_list_reviews (RedlineProject  *self,
                              RedlinePost     *post,
                              GError         **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  return list_rows (self, "SELECT id, decision, reviewer, reviewed_at, comment, pack_versions "
                          "FROM reviews WHERE post_id = ?1 ORDER BY id",
                    "reviews", redline_post_get_id (post), 5, make_review,
                    (GDestroyNotify) redline_review_record_free, error);
}

static gpointer
make_waiver (gint64              row_id,
             const char * const *columns)
{
  RedlineWaiverRecord *record = g_new0 (RedlineWaiverRecord, 1);

  record->rule_id = g_strdup (columns[0] != NULL ? columns[0] : "");
  record->text = g_strdup (columns[1]);
  record->field = g_strdup (columns[2]);
  record->ecosystem = g_strdup (columns[3]);
  record->justification = g_strdup (columns[4] != NULL ? columns[4] : "");
  record->waived_by = g_strdup (columns[5] != NULL ? columns[5] : "");
  record->waived_at = g_strdup (columns[6] != NULL ? columns[6] : "");
  record->lapsed_at = g_strdup (columns[7]);
  return record;
}

/**
 * redline_project_list_waivers:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type RedlineWaiverRecord): its
 *   waivers, in force and lapsed, oldest first, or %NULL
 */
GPtrArray *
redline_project_list_waivers (RedlineProject  *self,
                              RedlinePost     *post,
                              GError         **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  return list_rows (self, "SELECT id, rule_id, text, field, ecosystem, justification, waived_by, "
                          "waived_at, lapsed_at FROM waivers WHERE post_id = ?1 ORDER BY id",
                    "waivers", redline_post_get_id (post), 8, make_waiver,
                    (GDestroyNotify) redline_waiver_record_free, error);
}

static gpointer
make_comment (gint64              row_id,
              const char * const *columns)
{
  RedlineCommentRecord *record = g_new0 (RedlineCommentRecord, 1);

  record->author = g_strdup (columns[0] != NULL ? columns[0] : "");
  record->body = g_strdup (columns[1] != NULL ? columns[1] : "");
  record->created_at = g_strdup (columns[2] != NULL ? columns[2] : "");
  return record;
}

/**
 * redline_project_list_comments:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type RedlineCommentRecord): its
 *   comments, oldest first, or %NULL
 */
GPtrArray *
redline_project_list_comments (RedlineProject  *self,
                               RedlinePost     *post,
                               GError         **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  return list_rows (self, "SELECT id, author, body, created_at FROM comments "
                          "WHERE post_id = ?1 ORDER BY id",
                    "comments", redline_post_get_id (post), 3, make_comment,
                    (GDestroyNotify) redline_comment_record_free, error);
}

static gpointer
make_audit (gint64              row_id,
            const char * const *columns)
{
  RedlineAuditRecord *record = g_new0 (RedlineAuditRecord, 1);

  record->id = row_id;
  record->at = g_strdup (columns[0] != NULL ? columns[0] : "");
  record->actor = g_strdup (columns[1] != NULL ? columns[1] : "");
  record->action = g_strdup (columns[2] != NULL ? columns[2] : "");
  record->object = g_strdup (columns[3]);
  record->detail = g_strdup (columns[4]);
  record->packs = g_strdup (columns[5]);
  return record;
}

/**
 * redline_project_list_audit:
 * @self: a #RedlineProject
 * @post: (nullable): one of its posts, or %NULL for the whole project
 * @error: return location for a #GError
 *
 * The audit log, or the part of it about @post, oldest first. Whether it
 * is intact is redline_project_verify_audit()'s to say.
 *
 * Returns: (transfer container) (element-type RedlineAuditRecord): the
 *   entries, or %NULL
 */
GPtrArray *
redline_project_list_audit (RedlineProject  *self,
                            RedlinePost     *post,
                            GError         **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (post == NULL || REDLINE_IS_POST (post), NULL);

  if (post == NULL)
    return list_rows (self, "SELECT id, at, actor, action, object, detail, packs FROM audit_log "
                            "WHERE ?1 IS NOT NULL ORDER BY id",
                      "audit_log", 0, 6, make_audit,
                      (GDestroyNotify) redline_audit_record_free, error);
  return list_rows (self, "SELECT id, at, actor, action, object, detail, packs FROM audit_log "
                          "WHERE object = 'post/' || ?1 ORDER BY id",
                    "audit_log", redline_post_get_id (post), 6, make_audit,
                    (GDestroyNotify) redline_audit_record_free, error);
}
