/* redline-posts-table.c: the posts of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

static gboolean
read_post (RedlineProject  *self,
           RedlineStmt     *stmt,
           RedlinePost     *post,
           GError         **error)
{
  RedlineContentKind kind = REDLINE_CONTENT_KIND_ARTICLE;
  RedlinePostStatus status = REDLINE_POST_STATUS_DRAFT;
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  gint64 campaign_id = _redline_stmt_column_int64 (stmt, 1);
  RedlinePurpose purpose = REDLINE_PURPOSE_ADVERTISING;
  const char *text[15] = { NULL };

  for (int c = 2; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (c == 12)
        continue; /* linked_post_id */
      if (!_redline_sqlite_column_text (self->sqlite, stmt, c, "posts", id, &text[c], error))
        return FALSE;
    }

  if (g_hash_table_lookup (self->campaigns_by_id, &campaign_id) == NULL)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *campaign = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);
      g_autofree char *message =
        g_strdup_printf (_("post %s belongs to campaign %s, which is not in the file"), row,
                         campaign);

      _redline_project_set_row_error (self, error, message);
      return FALSE;
    }
  if (!redline_content_kind_from_string (text[2], &kind) || !redline_content_kind_is_post (kind))
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_KIND, id, text[2]);
      return FALSE;
    }
  if (!redline_post_status_from_string (text[8], &status))
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_STATUS, id, text[8]);
      return FALSE;
    }
  if (!redline_purpose_from_string (text[13], &purpose) ||
      redline_content_kind_purpose (kind, purpose) != purpose)
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_PURPOSE, id, text[13]);
      return FALSE;
    }

  _redline_post_set_id (post, id);
  redline_post_set_campaign_id (post, campaign_id);
  redline_post_set_linked_post_id (post, _redline_stmt_column_int64 (stmt, 12));
  redline_post_set_kind (post, kind);
  redline_post_set_purpose (post, purpose);
  redline_post_set_title (post, text[3]);
  redline_post_set_digest (post, text[11]);
  redline_post_set_author (post, text[14]);
  redline_post_set_body (post, text[4]);
  redline_post_set_call_to_action (post, text[5]);
  redline_post_set_link (post, text[6]);
  redline_post_set_scheduled_at (post, text[7]);
  redline_post_set_status (post, status);
  _redline_post_set_times (post, text[9], text[10]);
  return TRUE;
}

#define POST_COLUMNS \
  "id, campaign_id, kind, title, body, call_to_action, link, scheduled_at, status, " \
  "created_at, updated_at, digest, linked_post_id, purpose, author"

/**
 * redline_project_get_posts:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of every #RedlinePost, in the order
 *   they were added; it follows every change
 */
GListModel *
redline_project_get_posts (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->posts);
}

/**
 * redline_project_find_post:
 * @self: a #RedlineProject
 * @id: a post id
 *
 * Returns: (transfer none) (nullable): the post with @id
 */
RedlinePost *
redline_project_find_post (RedlineProject *self,
                           gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->posts_by_id, &id);
}

static void
bind_post (RedlineStmt *stmt,
           RedlinePost *post)
{
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_campaign_id (post));
  _redline_stmt_bind_text (stmt, 2, redline_content_kind_to_string (redline_post_get_kind (post)));
  _redline_stmt_bind_text (stmt, 3, redline_post_get_title (post));
  _redline_stmt_bind_text (stmt, 4, redline_post_get_body (post));
  _redline_stmt_bind_text (stmt, 5, redline_post_get_call_to_action (post));
  _redline_stmt_bind_text (stmt, 6, redline_post_get_link (post));
  _redline_stmt_bind_text (stmt, 7, redline_post_get_scheduled_at (post));
  _redline_stmt_bind_text (stmt, 8, redline_post_status_to_string (redline_post_get_status (post)));
  _redline_stmt_bind_text (stmt, 11, redline_post_get_digest (post));
  if (redline_post_get_linked_post_id (post) != 0)
    _redline_stmt_bind_int64 (stmt, 12, redline_post_get_linked_post_id (post));
  _redline_stmt_bind_text (stmt, 13, redline_purpose_to_string (redline_post_get_purpose (post)));
  _redline_stmt_bind_text (stmt, 14, redline_post_get_author (post));
}

gboolean
_redline_project_insert_post (RedlineProject  *self,
                              RedlinePost     *post,
                              const char      *now,
                              GError         **error)
{
  static const char sql[] =
    "INSERT INTO posts (campaign_id, kind, title, body, call_to_action, link, scheduled_at, "
    "status, created_at, updated_at, digest, linked_post_id, purpose, author) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?11, ?12, ?13, ?14)";
  g_autoptr(RedlineStmt) stmt = NULL;

  g_assert (_redline_sqlite_in_transaction (self->sqlite));

  if (redline_post_get_id (post) != 0)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("The post is already in a project"));
      return FALSE;
    }
  if (!_redline_validate_post (self, post, error))
    return FALSE;
  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post);
  _redline_stmt_bind_text (stmt, 9, now);
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return FALSE;
  /* The id is set now; the caller rolls back and clears it on failure. */
  _redline_post_set_id (post, _redline_sqlite_last_insert_id (self->sqlite));
  _redline_post_set_times (post, now, now);
  return _redline_audit_table_append (self, "add-post", "post", redline_post_get_id (post),
                redline_post_get_title (post), error);
}

void
_redline_project_posts_added (RedlineProject *self,
                              GPtrArray      *posts)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  for (guint i = 0; i < posts->len; i++)
    {
      RedlinePost *post = g_ptr_array_index (posts, i);

      g_hash_table_insert (self->posts_by_id, _redline_project_dup_id (redline_post_get_id (post)),
                           post);
    }
  g_list_store_splice (self->posts, n, 0, posts->pdata, posts->len);
}

/**
 * redline_project_add_posts:
 * @self: a #RedlineProject
 * @posts: (element-type RedlinePost): posts not yet in a project
 * @error: return location for a #GError
 *
 * Adds all of @posts in one transaction: all or none.
 *
 * Returns: whether they were added
 */
gboolean
redline_project_add_posts (RedlineProject  *self,
                           GPtrArray       *posts,
                           GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autofree char *now = _redline_project_now ();
  guint i;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  for (i = 0; i < posts->len; i++)
    {
      if (!_redline_project_insert_post (self, g_ptr_array_index (posts, i), now, error))
        goto fail;
    }
  if (!_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_posts_added (self, posts);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  for (guint j = 0; j < posts->len; j++)
    {
      RedlinePost *post = g_ptr_array_index (posts, j);

      if (j < i || (j == i && g_hash_table_lookup (self->posts_by_id,
                                                   &(gint64) { redline_post_get_id (post) })
                              == NULL))
        {
          _redline_post_set_id (post, 0);
          _redline_post_set_times (post, NULL, NULL);
        }
    }
  return FALSE;
}

/**
 * redline_project_add_post:
 * @self: a #RedlineProject
 * @post: a post not yet in a project, whose campaign is in @self
 * @error: return location for a #GError
 *
 * Stores @post, gives it an id and appends it to the posts model.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_post (RedlineProject  *self,
                          RedlinePost     *post,
                          GError         **error)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new ();

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  g_ptr_array_add (posts, post);
  return redline_project_add_posts (self, posts, error);
}

void
_redline_posts_table_reload (RedlineProject *self,
                             RedlinePost    *post)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT " POST_COLUMNS " FROM posts WHERE id = ?1",
                             NULL);

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  if (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    read_post (self, stmt, post, NULL);
}

gboolean
_redline_posts_table_store (RedlineProject  *self,
                            RedlinePost     *post,
                            const char      *action,
                            GError         **error)
{
  static const char sql[] =
    "UPDATE posts SET campaign_id = ?1, kind = ?2, title = ?3, body = ?4, call_to_action = ?5, "
    "link = ?6, scheduled_at = ?7, status = ?8, updated_at = ?9, digest = ?11, "
    "linked_post_id = ?12, purpose = ?13, author = ?14 WHERE id = ?10";
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autofree char *now = _redline_project_now ();

  if (!_redline_validate_post (self, post, error))
    return FALSE;
  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post);
  _redline_stmt_bind_text (stmt, 9, now);
  _redline_stmt_bind_int64 (stmt, 10, redline_post_get_id (post));
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return FALSE;
  _redline_post_set_times (post, redline_post_get_created_at (post), now);
  return _redline_audit_table_append (self, action, "post", redline_post_get_id (post),
                redline_post_status_to_string (redline_post_get_status (post)), error);
}

/* The status @post has in the file, and whether its copy (any text field)
 * differs from the file's. */
static RedlinePostStatus
stored_review_state (RedlineProject *self,
                     RedlinePost    *post,
                     gboolean       *text_changed)
{
  static const char sql[] =
    "SELECT title, digest, body, call_to_action, link, author, status, purpose FROM posts "
    "WHERE id = ?1";
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL);
  RedlineDocument document = { { NULL } };
  RedlineField fields[] = { REDLINE_FIELD_TITLE, REDLINE_FIELD_DIGEST, REDLINE_FIELD_BODY,
                            REDLINE_FIELD_CALL_TO_ACTION, REDLINE_FIELD_LINK,
                            REDLINE_FIELD_AUTHOR };
  RedlinePostStatus status = REDLINE_POST_STATUS_DRAFT;
  const char *value;

  *text_changed = TRUE;
  if (stmt == NULL)
    return status;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    return status;
  redline_project_post_document (post, &document);
  *text_changed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      value = _redline_stmt_column_raw_text (stmt, i);
      /* NULL and empty are the same copy. */
      if (g_strcmp0 (value != NULL ? value : "",
                     document.fields[fields[i]] != NULL ? document.fields[fields[i]] : "") != 0)
        *text_changed = TRUE;
    }
  /* A change of purpose changes which rules bind the copy. */
  value = _redline_stmt_column_raw_text (stmt, 7);
  if (g_strcmp0 (value, redline_purpose_to_string (document.purpose)) != 0)
    *text_changed = TRUE;
  value = _redline_stmt_column_raw_text (stmt, 6);
  if (value == NULL || !redline_post_status_from_string (value, &status))
    status = REDLINE_POST_STATUS_DRAFT;
  return status;
}

/**
 * redline_project_update_post:
 * @self: a #RedlineProject
 * @post: one of the project's posts, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @post. On failure, @post is put back as it
 * is in the file. An approved post whose copy changes goes back to draft
 * (recorded as "edit-after-approval" in the audit log), and the waivers
 * whose text it no longer holds lapse.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_post (RedlineProject  *self,
                             RedlinePost     *post,
                             GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  const char *action = "update-post";
  RedlinePostStatus stored_status;
  gboolean text_changed = FALSE;
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error))
    return FALSE;
  if (!_redline_project_begin (self, &tx, error))
    goto revert;
  stored_status = stored_review_state (self, post, &text_changed);
  /* An approved post whose copy changes needs a new review. */
  if (text_changed && stored_status == REDLINE_POST_STATUS_APPROVED &&
      redline_post_get_status (post) == REDLINE_POST_STATUS_APPROVED)
    {
      redline_post_set_status (post, REDLINE_POST_STATUS_DRAFT);
      action = "edit-after-approval";
    }
  if (!_redline_posts_table_store (self, post, action, error) ||
      (text_changed && !_redline_waivers_table_lapse (self, post, error)) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->posts, post);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  _redline_posts_table_reload (self, post);
  return FALSE;
}

/**
 * redline_project_remove_post:
 * @self: a #RedlineProject
 * @post: one of the project's posts
 * @error: return location for a #GError
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_post (RedlineProject  *self,
                             RedlinePost     *post,
                             GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlinePost) removed = NULL;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  id = redline_post_get_id (post);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "DELETE FROM posts WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "remove-post", "post", id, redline_post_get_title (post),
                                    error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  removed = g_object_ref (post);
  _redline_waivers_table_forget (self, id);
  g_hash_table_remove (self->posts_by_id, &id);
  g_list_store_remove (self->posts, _redline_project_find_position (self->posts, post));
  _redline_post_set_id (removed, 0);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

gboolean
_redline_posts_table_load (RedlineProject  *self,
                           GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT " POST_COLUMNS " FROM posts ORDER BY id",
                             error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      RedlinePost *post = g_object_new (REDLINE_TYPE_POST, NULL);

      g_ptr_array_add (items, post);
      if (!read_post (self, stmt, post, error))
        return FALSE;
      g_hash_table_insert (self->posts_by_id, _redline_project_dup_id (redline_post_get_id (post)),
                           post);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_list_store_splice (self->posts, 0, 0, items->pdata, items->len);
  return TRUE;
}

/* The campaign a copy of @post goes to on the other ecosystem: the one of the
 * same name there, else the first there; NULL when there is none. */
static RedlineCampaign *
find_counterpart (RedlineProject   *self,
                  RedlineCampaign  *campaign)
{
  GListModel *campaigns = G_LIST_MODEL (self->campaigns);
  RedlineEcosystem other = redline_campaign_get_ecosystem (campaign) == REDLINE_ECOSYSTEM_WEIXIN
                           ? REDLINE_ECOSYSTEM_WECHAT : REDLINE_ECOSYSTEM_WEIXIN;
  RedlineCampaign *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(RedlineCampaign) candidate = g_list_model_get_item (campaigns, i);

      if (redline_campaign_get_ecosystem (candidate) != other)
        continue;
      if (g_str_equal (redline_campaign_get_name (candidate), redline_campaign_get_name (campaign)))
        return candidate;
      if (first == NULL)
        first = candidate;
    }
  return first;
}

/**
 * redline_project_copy_post_to_ecosystem:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @error: return location for a #GError
 *
 * Copies @post to a campaign of the other ecosystem — the one of the same
 * name there, else the first there, else a new one named after @post's —
 * and links the two posts to each other (#RedlinePost:linked-post-id), all
 * in one transaction. The copy is a draft: what is fine on one ecosystem
 * may not be on the other.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL
 */
RedlinePost *
redline_project_copy_post_to_ecosystem (RedlineProject  *self,
                                        RedlinePost     *post,
                                        GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlineCampaign) fresh = NULL;
  g_autoptr(RedlinePost) copy = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *now = _redline_project_now ();
  RedlineCampaign *campaign, *target;
  gint64 fresh_id = 0, old_link;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  if (!_redline_project_check_writable (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error))
    return NULL;
  campaign = redline_project_find_campaign (self, redline_post_get_campaign_id (post));
  g_return_val_if_fail (campaign != NULL, NULL);

  if (!_redline_project_begin (self, &tx, error))
    return NULL;
  target = find_counterpart (self, campaign);
  if (target == NULL)
    {
      RedlineEcosystem other = redline_campaign_get_ecosystem (campaign) == REDLINE_ECOSYSTEM_WEIXIN
                               ? REDLINE_ECOSYSTEM_WECHAT : REDLINE_ECOSYSTEM_WEIXIN;
      /* TRANSLATORS: a new campaign for copies: "Autumn launch (WeChat)" */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), redline_campaign_get_name (campaign),
                                               other == REDLINE_ECOSYSTEM_WECHAT ? "WeChat"
                                                                                 : "Weixin");

      fresh = redline_campaign_new (name, other);
      fresh_id = _redline_campaigns_table_insert (self, fresh, error);
      if (fresh_id == 0)
        goto fail;
      /* The copy's campaign id must be known before the insert. */
      _redline_campaign_set_id (fresh, fresh_id);
      target = fresh;
    }

  copy = redline_post_new (redline_campaign_get_id (target), redline_post_get_kind (post));
  redline_post_set_title (copy, redline_post_get_title (post));
  redline_post_set_digest (copy, redline_post_get_digest (post));
  redline_post_set_author (copy, redline_post_get_author (post));
  redline_post_set_body (copy, redline_post_get_body (post));
  redline_post_set_call_to_action (copy, redline_post_get_call_to_action (post));
  redline_post_set_link (copy, redline_post_get_link (post));
  redline_post_set_scheduled_at (copy, redline_post_get_scheduled_at (post));
  redline_post_set_linked_post_id (copy, redline_post_get_id (post));
  if (fresh != NULL)
    g_hash_table_insert (self->campaigns_by_id, _redline_project_dup_id (fresh_id), fresh);
  if (!_redline_project_insert_post (self, copy, now, error))
    goto fail_campaign;

  old_link = redline_post_get_linked_post_id (post);
  redline_post_set_linked_post_id (post, redline_post_get_id (copy));
  if (!_redline_posts_table_store (self, post, "link-post", error))
    {
      redline_post_set_linked_post_id (post, old_link);
      goto fail_campaign;
    }
  if (!_redline_transaction_commit (&tx, error))
    {
      redline_post_set_linked_post_id (post, old_link);
      goto fail_campaign;
    }

  if (fresh != NULL)
    {
      g_hash_table_remove (self->campaigns_by_id, &fresh_id);
      _redline_project_campaign_added (self, fresh, fresh_id);
    }
  added = g_ptr_array_new ();
  g_ptr_array_add (added, copy);
  _redline_project_posts_added (self, added);
  _redline_project_store_changed (self->posts, post);
  return g_steal_pointer (&copy);

fail_campaign:
  if (fresh != NULL)
    g_hash_table_remove (self->campaigns_by_id, &fresh_id);
fail:
  _redline_transaction_rollback (&tx);
  if (copy != NULL)
    {
      _redline_post_set_id (copy, 0);
      _redline_post_set_times (copy, NULL, NULL);
    }
  return NULL;
}
