/* redline-reviews-table.c: reviews and comments of a project's posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "redline-finding.h"
#include "redline-json.h"
#include "redline-project-private.h"
#include "redline-rule-pack.h"
#include "redline-rule-set.h"

static char *
findings_to_json (GListModel *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      redline_json_add_finding (builder, finding);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Inserts a review row, in the caller's transaction. */
gint64
_redline_reviews_table_insert (RedlineProject         *self,
                               RedlinePost            *post,
                               RedlineReviewDecision   decision,
                               const char             *reviewer,
                               const char             *comment,
                               GListModel             *findings,
                               RedlineRuleSet         *rule_set,
                               GError                **error)
{
  static const char sql[] =
    "INSERT INTO reviews (post_id, decision, reviewer, comment, reviewed_at, findings, "
    "pack_versions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autofree char *now = _redline_project_now ();
  g_autofree char *findings_json = findings_to_json (findings);
  g_autofree char *versions_json = _redline_pack_versions_to_json (rule_set);
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

  if (stmt == NULL)
    return 0;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  _redline_stmt_bind_text (stmt, 2, decision == REDLINE_REVIEW_DECISION_APPROVED ? "approved"
                                                                             : "rejected");
  _redline_stmt_bind_text (stmt, 3, reviewer);
  _redline_stmt_bind_text (stmt, 4, comment);
  _redline_stmt_bind_text (stmt, 5, now);
  _redline_stmt_bind_text (stmt, 6, findings_json);
  _redline_stmt_bind_text (stmt, 7, versions_json);
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return 0;
  return _redline_sqlite_last_insert_id (self->sqlite);
}

/**
 * redline_project_add_review:
 * @self: a #RedlineProject
 * @post: the post reviewed
 * @decision: the reviewer's decision
 * @reviewer: who reviewed it
 * @comment: (nullable): why
 * @findings: (nullable): the findings as the reviewer saw them
 * @rule_set: (nullable): the rule set that found them, for its pack versions
 * @error: return location for a #GError
 *
 * Records a review as given and sets the post's status to match, in one
 * transaction, as an import does. The review workflow, which refuses to
 * approve a post with unwaived errors, is redline_project_review_post().
 *
 * Returns: the review's id, or 0 on failure
 */
gint64
redline_project_add_review (RedlineProject         *self,
                            RedlinePost            *post,
                            RedlineReviewDecision   decision,
                            const char             *reviewer,
                            const char             *comment,
                            GListModel             *findings,
                            RedlineRuleSet         *rule_set,
                            GError                **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  RedlinePostStatus old_status;
  gint64 review_id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (decision <= REDLINE_REVIEW_DECISION_REJECTED, 0);
  g_return_val_if_fail (reviewer != NULL, 0);

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error) ||
      !_redline_project_begin (self, &tx, error))
    return 0;

  review_id = _redline_reviews_table_insert (self, post, decision, reviewer, comment, findings,
                                             rule_set, error);
  if (review_id == 0)
    goto fail;


  old_status = redline_post_get_status (post);
  redline_post_set_status (post, decision == REDLINE_REVIEW_DECISION_APPROVED
                                   ? REDLINE_POST_STATUS_APPROVED
                                   : REDLINE_POST_STATUS_REJECTED);
  if (!_redline_posts_table_store (self, post, "review",
                                   error) || !_redline_transaction_commit (&tx, error))
    {
      redline_post_set_status (post, old_status);
      goto fail;
    }

  _redline_project_store_changed (self->posts, post);
  return review_id;

fail:
  _redline_transaction_rollback (&tx);
  _redline_posts_table_reload (self, post);
  return 0;
}

static gint64
insert_for_post (RedlineProject      *self,
                 RedlinePost         *post,
                 const char          *sql,
                 const char          *action,
                 const char * const  *values,
                 guint                n_values,
                 GError             **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  gint64 id;

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error) ||
      !_redline_project_begin (self, &tx, error))
    return 0;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
    for (guint i = 0; i < n_values; i++)
      _redline_stmt_bind_text (stmt, i + 2, values[i]);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!_redline_audit_table_append (self, action, "post", redline_post_get_id (post), values[0],
                                    error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;
  return id;

fail:
  _redline_transaction_rollback (&tx);
  return 0;
}

/**
 * redline_project_add_comment:
 * @self: a #RedlineProject
 * @post: the post
 * @author: who wrote the comment
 * @text: the comment
 * @error: return location for a #GError
 *
 * Returns: the comment's id, or 0 on failure
 */
gint64
redline_project_add_comment (RedlineProject  *self,
                             RedlinePost     *post,
                             const char      *author,
                             const char      *text,
                             GError         **error)
{
  g_autofree char *now = _redline_project_now ();
  const char * const values[] = { author, text, now };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (author != NULL && text != NULL, 0);

  return insert_for_post (self, post,
                          "INSERT INTO comments (post_id, author, body, created_at) "
                          "VALUES (?1, ?2, ?3, ?4)",
                          "comment", values, G_N_ELEMENTS (values), error);
}

/**
 * redline_project_count_reviews:
 * @self: a #RedlineProject
 * @post: one of its posts
 *
 * Returns: how many reviews @post has had
 */
guint
redline_project_count_reviews (RedlineProject *self,
                               RedlinePost    *post)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);

  return _redline_project_count (self, "SELECT count(*) FROM reviews WHERE post_id = ?1",
                redline_post_get_id (post));
}

/**
 * redline_project_get_last_review:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @decision: (out) (optional): the decision
 * @reviewer: (out) (optional) (transfer full): who decided
 * @reviewed_at: (out) (optional) (transfer full): when, ISO 8601 in UTC
 * @comment: (out) (optional) (transfer full) (nullable): the reviewer's comment
 *
 * The latest review of @post, for an editor to show what the reviewer
 * said.
 *
 * Returns: whether @post has been reviewed
 */
gboolean
redline_project_get_last_review (RedlineProject         *self,
                                 RedlinePost            *post,
                                 RedlineReviewDecision  *decision,
                                 char                  **reviewer,
                                 char                  **reviewed_at,
                                 char                  **comment)
{
  static const char sql[] =
    "SELECT decision, reviewer, reviewed_at, comment FROM reviews WHERE post_id = ?1 "
    "ORDER BY id DESC LIMIT 1";
  g_autoptr(RedlineStmt) stmt = NULL;
  const char *values[4] = { NULL };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  if (!_redline_sqlite_is_open (self->sqlite) ||
      (stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL)) == NULL)
    return FALSE;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      /* A value that is not sound text reads as missing. */
      if (!_redline_sqlite_column_text (self->sqlite, stmt, i, "reviews",
                                        redline_post_get_id (post), &values[i], NULL))
        values[i] = NULL;
    }
  if (decision != NULL)
    *decision = g_strcmp0 (values[0], "approved") == 0 ? REDLINE_REVIEW_DECISION_APPROVED
                                                        : REDLINE_REVIEW_DECISION_REJECTED;
  if (reviewer != NULL)
    *reviewer = g_strdup (values[1] != NULL ? values[1] : "?");
  if (reviewed_at != NULL)
    *reviewed_at = g_strdup (values[2] != NULL ? values[2] : "");
  if (comment != NULL)
    *comment = g_strdup (values[3]);
  return TRUE;
}
