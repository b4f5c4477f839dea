/* redline-auto-replies-table.c: the automatic replies of a project's accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-enums.h"
#include "redline-project-private.h"

#define AUTO_REPLY_COLUMNS "id, ecosystem, account, trigger, name, keywords, exact_match, text"

/* Reads one row into a new reply; NULL and @error when the row is broken. */
static RedlineAutoReply *
read_auto_reply (RedlineProject  *self,
                 RedlineStmt     *stmt,
                 GError         **error)
{
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  const char *text[8] = { NULL };
  RedlineEcosystem ecosystem;
  int trigger;
  g_auto(GStrv) keywords = NULL;
  RedlineAutoReply *reply;

  for (int c = 1; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (c == 6)
        continue;
      if (!_redline_sqlite_column_text (self->sqlite, stmt, c, "auto_replies", id, &text[c],
                                        error))
        return NULL;
    }
  if (!redline_ecosystem_from_string (text[1], &ecosystem))
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_ECOSYSTEM, id, text[1]);
      return NULL;
    }
  if (!redline_enum_from_nick (REDLINE_TYPE_REPLY_TRIGGER, text[3], &trigger))
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *message =
        g_strdup_printf (_("auto-reply %s: “%s” is not what sends a reply (welcome, message or "
                           "keyword)"), row, text[3] != NULL ? text[3] : "");

      _redline_project_set_row_error (self, error, message);
      return NULL;
    }
  keywords = text[5] != NULL ? g_strsplit (text[5], "\n", -1) : NULL;
  reply = redline_auto_reply_new (ecosystem, text[2], trigger);
  _redline_auto_reply_set_id (reply, id);
  g_object_set (reply,
                "name", text[4],
                "keywords", keywords,
                "exact-match", _redline_stmt_column_int64 (stmt, 6) != 0,
                "text", text[7],
                NULL);
  return reply;
}

/**
 * redline_project_get_auto_replies:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of every #RedlineAutoReply of the
 *   project's accounts, in the order they were added; it follows every
 *   change
 */
GListModel *
redline_project_get_auto_replies (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->auto_replies);
}

/**
 * redline_project_find_auto_reply:
 * @self: a #RedlineProject
 * @id: a reply's id
 *
 * Returns: (transfer none) (nullable): the reply with @id
 */
RedlineAutoReply *
redline_project_find_auto_reply (RedlineProject *self,
                                 gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->auto_replies_by_id, &id);
}

/**
 * redline_project_find_account_reply:
 * @self: a #RedlineProject
 * @ecosystem: the account's ecosystem
 * @account: the account's name
 * @trigger: %REDLINE_REPLY_TRIGGER_WELCOME or %REDLINE_REPLY_TRIGGER_MESSAGE
 *
 * Returns: (transfer none) (nullable): the account's reply of @trigger
 *   (it has at most one of each)
 */
RedlineAutoReply *
redline_project_find_account_reply (RedlineProject      *self,
                                    RedlineEcosystem     ecosystem,
                                    const char          *account,
                                    RedlineReplyTrigger  trigger)
{
  GListModel *replies;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (trigger != REDLINE_REPLY_TRIGGER_KEYWORD, NULL);

  replies = G_LIST_MODEL (self->auto_replies);
  for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
    {
      g_autoptr(RedlineAutoReply) reply = g_list_model_get_item (replies, i);

      if (redline_auto_reply_get_ecosystem (reply) == ecosystem &&
          redline_auto_reply_get_trigger (reply) == trigger &&
          g_strcmp0 (redline_auto_reply_get_account (reply), account) == 0)
        return reply;
    }
  return NULL;
}

static void
bind_auto_reply (RedlineStmt      *stmt,
                 RedlineAutoReply *reply)
{
  gboolean keyword = redline_auto_reply_get_trigger (reply) == REDLINE_REPLY_TRIGGER_KEYWORD;
  g_autofree char *keywords = NULL;

  /* Only a keyword reply has keywords, a rule name and a way to match. */
  if (keyword && redline_auto_reply_get_keywords (reply)[0] != NULL)
    keywords = g_strjoinv ("\n", (char **) redline_auto_reply_get_keywords (reply));
  _redline_stmt_bind_text (stmt, 1, redline_ecosystem_to_string (
                                      redline_auto_reply_get_ecosystem (reply)));
  _redline_stmt_bind_text (stmt, 2, redline_auto_reply_get_account (reply));
  _redline_stmt_bind_text (stmt, 3, redline_enum_to_nick (REDLINE_TYPE_REPLY_TRIGGER,
                                                          redline_auto_reply_get_trigger (reply)));
  _redline_stmt_bind_text (stmt, 4, keyword ? redline_auto_reply_get_name (reply) : NULL);
  _redline_stmt_bind_text (stmt, 5, keywords);
  _redline_stmt_bind_int64 (stmt, 6, keyword && redline_auto_reply_get_exact_match (reply));
  _redline_stmt_bind_text (stmt, 7, redline_auto_reply_get_text (reply));
}

/* What the audit log says of a reply: its rule name, or its trigger. */
static const char *
audit_detail (RedlineAutoReply *reply)
{
  const char *name = redline_auto_reply_get_name (reply);

  return name != NULL && name[0] != '\0'
         ? name : redline_enum_to_nick (REDLINE_TYPE_REPLY_TRIGGER,
                                        redline_auto_reply_get_trigger (reply));
}

/**
 * redline_project_add_auto_reply:
 * @self: a #RedlineProject
 * @reply: a reply not yet in a project
 * @error: return location for a #GError
 *
 * Stores @reply, gives it an id and appends it to the replies model. An
 * account has one welcome message and one reply to any message at most.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_auto_reply (RedlineProject    *self,
                                RedlineAutoReply  *reply,
                                GError           **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "INSERT INTO auto_replies (ecosystem, account, trigger, name, keywords, exact_match, text, "
    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
  g_autofree char *now = _redline_project_now ();
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), FALSE);
  g_return_val_if_fail (redline_auto_reply_get_id (reply) == 0, FALSE);

  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_auto_reply (self, reply, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_auto_reply (stmt, reply);
    _redline_stmt_bind_text (stmt, 8, now);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!_redline_audit_table_append (self, "add-auto-reply", "auto-reply", id,
                                    audit_detail (reply), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_auto_reply_set_id (reply, id);
  g_hash_table_insert (self->auto_replies_by_id, _redline_project_dup_id (id),
                       g_object_ref (reply));
  g_list_store_append (self->auto_replies, reply);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* Puts @reply back as the file has it, after a change that failed. */
static void
reload_auto_reply (RedlineProject   *self,
                   RedlineAutoReply *reply)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite,
                             "SELECT " AUTO_REPLY_COLUMNS " FROM auto_replies WHERE id = ?1",
                             NULL);
  g_autoptr(RedlineAutoReply) stored = NULL;

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_auto_reply_get_id (reply));
  /* Already read once; if another program has broken it since, the reply
   * keeps its values. */
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL) ||
      (stored = read_auto_reply (self, stmt, NULL)) == NULL)
    return;
  g_object_set (reply,
                "trigger", redline_auto_reply_get_trigger (stored),
                "name", redline_auto_reply_get_name (stored),
                "keywords", redline_auto_reply_get_keywords (stored),
                "exact-match", redline_auto_reply_get_exact_match (stored),
                "text", redline_auto_reply_get_text (stored),
                NULL);
}

/**
 * redline_project_update_auto_reply:
 * @self: a #RedlineProject
 * @reply: one of the project's replies, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @reply. On failure, @reply is put back as it
 * is in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_auto_reply (RedlineProject    *self,
                                   RedlineAutoReply  *reply,
                                   GError           **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "UPDATE auto_replies SET ecosystem = ?1, account = ?2, trigger = ?3, name = ?4, "
    "keywords = ?5, exact_match = ?6, text = ?7, updated_at = ?8 WHERE id = ?9";
  g_autofree char *now = _redline_project_now ();
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), FALSE);

  id = redline_auto_reply_get_id (reply);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->auto_replies_by_id, reply, id, error))
    return FALSE;
  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_auto_reply (self, reply, error) ||
      !_redline_project_begin (self, &tx, error))
    goto revert;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_auto_reply (stmt, reply);
    _redline_stmt_bind_text (stmt, 8, now);
    _redline_stmt_bind_int64 (stmt, 9, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "update-auto-reply", "auto-reply", id,
                                    audit_detail (reply), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->auto_replies, reply);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_auto_reply (self, reply);
  return FALSE;
}

/**
 * redline_project_remove_auto_reply:
 * @self: a #RedlineProject
 * @reply: one of the project's replies
 * @error: return location for a #GError
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_auto_reply (RedlineProject    *self,
                                   RedlineAutoReply  *reply,
                                   GError           **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), FALSE);

  id = redline_auto_reply_get_id (reply);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->auto_replies_by_id, reply, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "DELETE FROM auto_replies WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "remove-auto-reply", "auto-reply", id,
                                    audit_detail (reply), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  {
    g_autoptr(RedlineAutoReply) removed = g_object_ref (reply);

    g_hash_table_remove (self->auto_replies_by_id, &id);
    g_list_store_remove (self->auto_replies,
                         _redline_project_find_position (self->auto_replies, reply));
    _redline_auto_reply_set_id (removed, 0);
  }
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

gboolean
_redline_auto_replies_table_load (RedlineProject  *self,
                                  GError         **error)
{
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  stmt = _redline_sqlite_prepare (self->sqlite,
                                  "SELECT " AUTO_REPLY_COLUMNS " FROM auto_replies ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      RedlineAutoReply *reply = read_auto_reply (self, stmt, error);

      if (reply == NULL)
        return FALSE;
      g_ptr_array_add (items, reply);
      g_hash_table_insert (self->auto_replies_by_id,
                           _redline_project_dup_id (redline_auto_reply_get_id (reply)),
                           g_object_ref (reply));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_list_store_splice (self->auto_replies, 0, 0, items->pdata, items->len);
  return TRUE;
}
