/* redline-qr-codes-table.c: the QR codes of a project's campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

#define QR_CODE_COLUMNS \
  "id, campaign_id, placement, link, source_key, source, error_correction, quiet_zone, size_mm"

static gboolean
read_qr_code (RedlineProject  *self,
              RedlineStmt     *stmt,
              RedlineQrCode   *code,
              GError         **error)
{
  RedlineQrErrorCorrection level = REDLINE_QR_ERROR_CORRECTION_MEDIUM;
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  gint64 campaign_id = _redline_stmt_column_int64 (stmt, 1);
  const char *text[7] = { NULL };

  for (int c = 2; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (!_redline_sqlite_column_text (self->sqlite, stmt, c, "qr_codes", id, &text[c], error))
        return FALSE;
    }
  if (g_hash_table_lookup (self->campaigns_by_id, &campaign_id) == NULL)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *campaign = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);
      g_autofree char *message =
        g_strdup_printf (_("QR code %s belongs to campaign %s, which is not in the file"), row,
                         campaign);

      _redline_project_set_row_error (self, error, message);
      return FALSE;
    }
  if (!redline_qr_error_correction_from_string (text[6], &level))
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *message =
        g_strdup_printf (_("QR code %s: “%s” is not an error-correction level (low, medium, "
                           "quartile or high)"), row, text[6] != NULL ? text[6] : "");

      _redline_project_set_row_error (self, error, message);
      return FALSE;
    }

  _redline_qr_code_set_id (code, id);
  redline_qr_code_set_campaign_id (code, campaign_id);
  redline_qr_code_set_placement (code, text[2]);
  redline_qr_code_set_link (code, text[3]);
  redline_qr_code_set_source_key (code, text[4]);
  redline_qr_code_set_source (code, text[5]);
  redline_qr_code_set_error_correction (code, level);
  redline_qr_code_set_quiet_zone (code, (guint) CLAMP (_redline_stmt_column_int64 (stmt, 7), 0,
                                                       REDLINE_QR_MAX_QUIET_ZONE));
  redline_qr_code_set_size_mm (code, (guint) CLAMP (_redline_stmt_column_int64 (stmt, 8),
                                                    REDLINE_QR_MIN_SIZE_MM,
                                                    REDLINE_QR_MAX_SIZE_MM));
  return TRUE;
}

/**
 * redline_project_get_qr_codes:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of every #RedlineQrCode of the
 *   project's campaigns, in the order they were added; it follows every
 *   change
 */
GListModel *
redline_project_get_qr_codes (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->qr_codes);
}

/**
 * redline_project_find_qr_code:
 * @self: a #RedlineProject
 * @id: a QR code's id
 *
 * Returns: (transfer none) (nullable): the code with @id
 */
RedlineQrCode *
redline_project_find_qr_code (RedlineProject *self,
                              gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->qr_codes_by_id, &id);
}

static void
bind_qr_code (RedlineStmt   *stmt,
              RedlineQrCode *code)
{
  _redline_stmt_bind_int64 (stmt, 1, redline_qr_code_get_campaign_id (code));
  _redline_stmt_bind_text (stmt, 2, redline_qr_code_get_placement (code));
  _redline_stmt_bind_text (stmt, 3, redline_qr_code_get_link (code));
  _redline_stmt_bind_text (stmt, 4, redline_qr_code_get_source_key (code));
  _redline_stmt_bind_text (stmt, 5, redline_qr_code_get_source (code));
  _redline_stmt_bind_text (stmt, 6, redline_qr_error_correction_to_string (
                                      redline_qr_code_get_error_correction (code)));
  _redline_stmt_bind_int64 (stmt, 7, redline_qr_code_get_quiet_zone (code));
  _redline_stmt_bind_int64 (stmt, 8, redline_qr_code_get_size_mm (code));
}

/**
 * redline_project_add_qr_code:
 * @self: a #RedlineProject
 * @code: a code not yet in a project, of one of its campaigns
 * @error: return location for a #GError
 *
 * Stores @code, gives it an id and appends it to the QR codes model. A
 * campaign has one code per placement.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_qr_code (RedlineProject  *self,
                             RedlineQrCode   *code,
                             GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "INSERT INTO qr_codes (campaign_id, placement, link, source_key, source, error_correction, "
    "quiet_zone, size_mm, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
  g_autofree char *now = _redline_project_now ();
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), FALSE);
  g_return_val_if_fail (redline_qr_code_get_id (code) == 0, FALSE);

  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_qr_code (self, code, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_qr_code (stmt, code);
    _redline_stmt_bind_text (stmt, 9, now);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!_redline_audit_table_append (self, "add-qr-code", "qr-code", id,
                                    redline_qr_code_get_placement (code), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_qr_code_set_id (code, id);
  g_hash_table_insert (self->qr_codes_by_id, _redline_project_dup_id (id), g_object_ref (code));
  g_list_store_append (self->qr_codes, code);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

static void
reload_qr_code (RedlineProject *self,
                RedlineQrCode  *code)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite,
                             "SELECT " QR_CODE_COLUMNS " FROM qr_codes WHERE id = ?1", NULL);

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_qr_code_get_id (code));
  /* Already read once; if another program has broken it since, the code
   * keeps its values. */
  if (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    read_qr_code (self, stmt, code, NULL);
}

/**
 * redline_project_update_qr_code:
 * @self: a #RedlineProject
 * @code: one of the project's codes, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @code. On failure, @code is put back as it is
 * in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_qr_code (RedlineProject  *self,
                                RedlineQrCode   *code,
                                GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "UPDATE qr_codes SET campaign_id = ?1, placement = ?2, link = ?3, source_key = ?4, "
    "source = ?5, error_correction = ?6, quiet_zone = ?7, size_mm = ?8, updated_at = ?9 "
    "WHERE id = ?10";
  g_autofree char *now = _redline_project_now ();
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), FALSE);

  id = redline_qr_code_get_id (code);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->qr_codes_by_id, code, id, error))
    return FALSE;
  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_qr_code (self, code, error) ||
      !_redline_project_begin (self, &tx, error))
    goto revert;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_qr_code (stmt, code);
    _redline_stmt_bind_text (stmt, 9, now);
    _redline_stmt_bind_int64 (stmt, 10, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "update-qr-code", "qr-code", id,
                                    redline_qr_code_get_placement (code), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->qr_codes, code);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_qr_code (self, code);
  return FALSE;
}

static void
forget_qr_code (RedlineProject *self,
                RedlineQrCode  *code)
{
  g_autoptr(RedlineQrCode) removed = g_object_ref (code);
  gint64 id = redline_qr_code_get_id (code);

  g_hash_table_remove (self->qr_codes_by_id, &id);
  g_list_store_remove (self->qr_codes, _redline_project_find_position (self->qr_codes, code));
  _redline_qr_code_set_id (removed, 0);
}

/**
 * redline_project_remove_qr_code:
 * @self: a #RedlineProject
 * @code: one of the project's codes
 * @error: return location for a #GError
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_qr_code (RedlineProject  *self,
                                RedlineQrCode   *code,
                                GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), FALSE);

  id = redline_qr_code_get_id (code);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->qr_codes_by_id, code, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "DELETE FROM qr_codes WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "remove-qr-code", "qr-code", id,
                                    redline_qr_code_get_placement (code), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  forget_qr_code (self, code);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* The codes of a campaign that was removed went with it (ON DELETE
 * CASCADE): the models forget them. */
void
_redline_qr_codes_table_forget_campaign (RedlineProject *self,
                                         gint64          campaign_id)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->qr_codes)); i > 0; i--)
    {
      g_autoptr(RedlineQrCode) code = g_list_model_get_item (G_LIST_MODEL (self->qr_codes), i - 1);

      if (redline_qr_code_get_campaign_id (code) == campaign_id)
        forget_qr_code (self, code);
    }
}

gboolean
_redline_qr_codes_table_load (RedlineProject  *self,
                              GError         **error)
{
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  stmt = _redline_sqlite_prepare (self->sqlite,
                                  "SELECT " QR_CODE_COLUMNS " FROM qr_codes ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      RedlineQrCode *code = g_object_new (REDLINE_TYPE_QR_CODE, NULL);

      g_ptr_array_add (items, code);
      if (!read_qr_code (self, stmt, code, error))
        return FALSE;
      g_hash_table_insert (self->qr_codes_by_id,
                           _redline_project_dup_id (redline_qr_code_get_id (code)),
                           g_object_ref (code));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_list_store_splice (self->qr_codes, 0, 0, items->pdata, items->len);
  return TRUE;
}
