/* redline-campaigns-table.c: the campaigns of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

static gboolean
read_campaign (RedlineProject   *self,
               RedlineStmt      *stmt,
               RedlineCampaign  *campaign,
               GError          **error)
{
  RedlineEcosystem ecosystem = REDLINE_ECOSYSTEM_WEIXIN;
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  const char *text[12] = { NULL };
  g_auto(GStrv) region_list = NULL;

  for (int c = 1; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (c != 7 && !_redline_sqlite_column_text (self->sqlite, stmt, c, "campaigns", id, &text[c],
                                                  error))
        return FALSE;
    }
  if (!redline_ecosystem_from_string (text[2], &ecosystem))
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_ECOSYSTEM, id, text[2]);
      return FALSE;
    }
  if (text[9] != NULL && text[9][0] != '\0')
    region_list = g_strsplit (text[9], "\n", -1);

  _redline_campaign_set_id (campaign, id);
  redline_campaign_set_name (campaign, text[1]);
  redline_campaign_set_ecosystem (campaign, ecosystem);
  redline_campaign_set_account_type (campaign, text[3]);
  redline_campaign_set_objective (campaign, text[4]);
  redline_campaign_set_start_date (campaign, text[5]);
  redline_campaign_set_end_date (campaign, text[6]);
  redline_campaign_set_budget (campaign, MAX (_redline_stmt_column_int64 (stmt, 7), 0));
  redline_campaign_set_currency (campaign, text[8]);
  redline_campaign_set_target_regions (campaign, (const char * const *) region_list);
  redline_campaign_set_notes (campaign, text[10]);
  redline_campaign_set_account (campaign, text[11]);
  return TRUE;
}

#define CAMPAIGN_COLUMNS \
  "id, name, ecosystem, account_type, objective, start_date, end_date, budget, currency, " \
  "target_regions, notes, account"

/**
 * redline_project_get_campaigns:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of #RedlineCampaign in the order
 *   they were added; it follows every change
 */
GListModel *
redline_project_get_campaigns (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->campaigns);
}

/**
 * redline_project_find_campaign:
 * @self: a #RedlineProject
 * @id: a campaign id
 *
 * Returns: (transfer none) (nullable): the campaign with @id
 */
RedlineCampaign *
redline_project_find_campaign (RedlineProject *self,
                               gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->campaigns_by_id, &id);
}

static void
bind_campaign (RedlineStmt     *stmt,
               RedlineCampaign *campaign)
{
  const char * const *regions = redline_campaign_get_target_regions (campaign);
  g_autofree char *joined = regions[0] != NULL ? g_strjoinv ("\n", (char **) regions) : NULL;

  _redline_stmt_bind_text (stmt, 1, redline_campaign_get_name (campaign));
  _redline_stmt_bind_text (stmt, 2,
                           redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign)));
  _redline_stmt_bind_text (stmt, 3, redline_campaign_get_account_type (campaign));
  _redline_stmt_bind_text (stmt, 4, redline_campaign_get_objective (campaign));
  _redline_stmt_bind_text (stmt, 5, redline_campaign_get_start_date (campaign));
  _redline_stmt_bind_text (stmt, 6, redline_campaign_get_end_date (campaign));
  _redline_stmt_bind_int64 (stmt, 7, redline_campaign_get_budget (campaign));
  _redline_stmt_bind_text (stmt, 8, redline_campaign_get_currency (campaign));
  _redline_stmt_bind_text (stmt, 9, joined);
  _redline_stmt_bind_text (stmt, 10, redline_campaign_get_notes (campaign));
  _redline_stmt_bind_text (stmt, 12, redline_campaign_get_account (campaign));
}

/**
 * redline_project_add_campaign:
 * @self: a #RedlineProject
 * @campaign: a campaign not yet in a project
 * @error: return location for a #GError
 *
 * Stores @campaign, gives it an id and appends it to the campaigns model.
 *
 * Returns: whether it was added
 */
/* Inside a write transaction: stores @campaign and returns its new id, or
 * 0. The models learn of it with _redline_project_campaign_added() once the
 * transaction is committed. */
gint64
_redline_campaigns_table_insert (RedlineProject   *self,
                                 RedlineCampaign  *campaign,
                                 GError          **error)
{
  static const char sql[] =
    "INSERT INTO campaigns (name, ecosystem, account_type, objective, start_date, end_date, "
    "budget, currency, target_regions, notes, account) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12)";
  g_autoptr(RedlineStmt) stmt = NULL;
  gint64 id;

  if (!_redline_validate_campaign (self, campaign, error))
    return 0;
  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return 0;
  bind_campaign (stmt, campaign);
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return 0;
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!_redline_audit_table_append (self, "add-campaign", "campaign", id,
                                    redline_campaign_get_name (campaign), error))
    return 0;
  return id;
}

void
_redline_project_campaign_added (RedlineProject  *self,
                                 RedlineCampaign *campaign,
                                 gint64           id)
{
  _redline_campaign_set_id (campaign, id);
  g_hash_table_insert (self->campaigns_by_id, _redline_project_dup_id (id), campaign);
  g_list_store_append (self->campaigns, campaign);
}

gboolean
redline_project_add_campaign (RedlineProject   *self,
                              RedlineCampaign  *campaign,
                              GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (redline_campaign_get_id (campaign) == 0, FALSE);

  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_campaign (self, campaign, error))
    return FALSE;
  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  id = _redline_campaigns_table_insert (self, campaign, error);
  if (id == 0 || !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_campaign_added (self, campaign, id);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

static void
reload_campaign (RedlineProject  *self,
                 RedlineCampaign *campaign)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite,
                             "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?1", NULL);

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_campaign_get_id (campaign));
  /* Already read once; if another program has broken it since, the
   * campaign keeps its values. */
  if (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    read_campaign (self, stmt, campaign, NULL);
}

/**
 * redline_project_update_campaign:
 * @self: a #RedlineProject
 * @campaign: one of the project's campaigns, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @campaign. On failure, @campaign is put back
 * as it is in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_campaign (RedlineProject   *self,
                                 RedlineCampaign  *campaign,
                                 GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "UPDATE campaigns SET name = ?1, ecosystem = ?2, account_type = ?3, objective = ?4, "
    "start_date = ?5, end_date = ?6, budget = ?7, currency = ?8, target_regions = ?9, "
    "notes = ?10, account = ?12 WHERE id = ?11";
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);

  id = redline_campaign_get_id (campaign);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->campaigns_by_id, campaign, id, error))
    return FALSE;
  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_campaign (self, campaign, error) ||
      !_redline_project_begin (self, &tx, error))
    goto revert;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_campaign (stmt, campaign);
    _redline_stmt_bind_int64 (stmt, 11, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "update-campaign", "campaign", id,
                                    redline_campaign_get_name (campaign),
              error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->campaigns, campaign);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_campaign (self, campaign);
  return FALSE;
}

/**
 * redline_project_remove_campaign:
 * @self: a #RedlineProject
 * @campaign: one of the project's campaigns
 * @error: return location for a #GError
 *
 * Removes @campaign and, with it, its posts and their reviews, and its QR
 * codes.
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_campaign (RedlineProject   *self,
                                 RedlineCampaign  *campaign,
                                 GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlineCampaign) removed = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);

  id = redline_campaign_get_id (campaign);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->campaigns_by_id, campaign, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "DELETE FROM campaigns WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "remove-campaign", "campaign", id,
                                    redline_campaign_get_name (campaign),
              error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  /* The posts went with it (ON DELETE CASCADE). */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));
  for (guint i = n; i > 0; i--)
    {
      RedlinePost *post = g_list_model_get_item (G_LIST_MODEL (self->posts), i - 1);
      gint64 post_id = redline_post_get_id (post);

      if (redline_post_get_campaign_id (post) == id)
        {
          _redline_waivers_table_forget (self, post_id);
          g_hash_table_remove (self->posts_by_id, &post_id);
          g_list_store_remove (self->posts, i - 1);
        }
      g_object_unref (post);
    }

  _redline_qr_codes_table_forget_campaign (self, id);

  removed = g_object_ref (campaign);
  g_hash_table_remove (self->campaigns_by_id, &id);
  g_list_store_remove (self->campaigns, _redline_project_find_position (self->campaigns, campaign));
  _redline_campaign_set_id (removed, 0);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

gboolean
_redline_campaigns_table_load (RedlineProject  *self,
                               GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns ORDER BY id",
                             error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      RedlineCampaign *campaign = g_object_new (REDLINE_TYPE_CAMPAIGN, NULL);

      g_ptr_array_add (items, campaign);
      if (!read_campaign (self, stmt, campaign, error))
        return FALSE;
      g_hash_table_insert (self->campaigns_by_id,
                           _redline_project_dup_id (redline_campaign_get_id (campaign)), campaign);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_list_store_splice (self->campaigns, 0, 0, items->pdata, items->len);
  return TRUE;
}
