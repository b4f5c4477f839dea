/* redline-menu-items-table.c: the custom menus of a project's accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-enums.h"
#include "redline-project-private.h"

#define MENU_ITEM_COLUMNS \
  "id, ecosystem, account, parent_id, position, name, action, message, link"

/* Reads one row into a new item; NULL and @error when the row is broken. */
static RedlineMenuItem *
read_menu_item (RedlineProject  *self,
                RedlineStmt     *stmt,
                GError         **error)
{
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  gint64 parent_id = _redline_stmt_column_int64 (stmt, 3);
  const char *text[9] = { NULL };
  RedlineEcosystem ecosystem;
  RedlineMenuItem *item;
  int action;

  for (int c = 1; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (c == 3 || c == 4)
        continue;
      if (!_redline_sqlite_column_text (self->sqlite, stmt, c, "menu_items", id, &text[c], error))
        return NULL;
    }
  if (!redline_ecosystem_from_string (text[1], &ecosystem))
    {
      _redline_project_set_bad_value_error (self, error, REDLINE_BAD_ECOSYSTEM, id, text[1]);
      return NULL;
    }
  if (!redline_enum_from_nick (REDLINE_TYPE_MENU_ACTION, text[6], &action))
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *message =
        g_strdup_printf (_("menu item %s: “%s” is not what a menu item does (message or link)"),
                         row, text[6] != NULL ? text[6] : "");

      _redline_project_set_row_error (self, error, message);
      return NULL;
    }
  item = redline_menu_item_new (ecosystem, text[2], MAX (parent_id, 0), text[5]);
  _redline_menu_item_set_id (item, id);
  _redline_menu_item_set_position (item, (guint) CLAMP (_redline_stmt_column_int64 (stmt, 4), 0,
                                                        G_MAXINT));
  g_object_set (item, "action", action, "message", text[7], "link", text[8], NULL);
  return item;
}

/**
 * redline_project_get_menu_items:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of every #RedlineMenuItem of the
 *   project's accounts, in the order they were added; it follows every
 *   change. redline_project_list_menu() gives one account's in menu order.
 */
GListModel *
redline_project_get_menu_items (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->menu_items);
}

/**
 * redline_project_find_menu_item:
 * @self: a #RedlineProject
 * @id: an item's id
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
RedlineMenuItem *
redline_project_find_menu_item (RedlineProject *self,
                                gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->menu_items_by_id, &id);
}

static gboolean
same_account (RedlineMenuItem  *item,
              RedlineEcosystem  ecosystem,
              const char       *account)
{
  return redline_menu_item_get_ecosystem (item) == ecosystem &&
         g_strcmp0 (redline_menu_item_get_account (item), account) == 0;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  RedlineMenuItem *x = *(RedlineMenuItem **) a;
  RedlineMenuItem *y = *(RedlineMenuItem **) b;
  guint px = redline_menu_item_get_position (x);
  guint py = redline_menu_item_get_position (y);
  gint64 ix = redline_menu_item_get_id (x);
  gint64 iy = redline_menu_item_get_id (y);

  return px != py ? (px < py ? -1 : 1) : (ix < iy ? -1 : ix > iy);
}

/* The items of one account with @parent_id, in their order. */
static GPtrArray *
list_siblings (RedlineProject   *self,
               RedlineEcosystem  ecosystem,
               const char       *account,
               gint64            parent_id)
{
  GListModel *items = G_LIST_MODEL (self->menu_items);
  GPtrArray *siblings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      RedlineMenuItem *item = g_list_model_get_item (items, i);

      if (same_account (item, ecosystem, account) &&
          redline_menu_item_get_parent_id (item) == parent_id)
        g_ptr_array_add (siblings, item);
      else
        g_object_unref (item);
    }
  g_ptr_array_sort (siblings, compare_position);
  return siblings;
}

/**
 * redline_project_list_menu:
 * @self: a #RedlineProject
 * @ecosystem: the account's ecosystem
 * @account: the account's name
 *
 * Returns: (transfer container) (element-type RedlineMenuItem): the
 *   account's menu in the order it shows: each top-level item followed by
 *   its sub-items
 */
GPtrArray *
redline_project_list_menu (RedlineProject   *self,
                           RedlineEcosystem  ecosystem,
                           const char       *account)
{
  g_autoptr(GPtrArray) top = NULL;
  GPtrArray *menu;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);

  menu = g_ptr_array_new_with_free_func (g_object_unref);
  top = list_siblings (self, ecosystem, account, 0);
  for (guint i = 0; i < top->len; i++)
    {
      RedlineMenuItem *item = g_ptr_array_index (top, i);
      g_autoptr(GPtrArray) subs =
        list_siblings (self, ecosystem, account, redline_menu_item_get_id (item));

      g_ptr_array_add (menu, g_object_ref (item));
      for (guint j = 0; j < subs->len; j++)
        g_ptr_array_add (menu, g_object_ref (g_ptr_array_index (subs, j)));
    }
  return menu;
}

/**
 * redline_project_count_sub_items:
 * @self: a #RedlineProject
 * @item: a menu item
 *
 * Returns: how many sub-items @item opens (none while it is not stored)
 */
guint
redline_project_count_sub_items (RedlineProject  *self,
                                 RedlineMenuItem *item)
{
  GListModel *items;
  gint64 id;
  guint n = 0;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), 0);

  id = redline_menu_item_get_id (item);
  items = G_LIST_MODEL (self->menu_items);
  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RedlineMenuItem) sub = g_list_model_get_item (items, i);

      n += redline_menu_item_get_parent_id (sub) == id;
    }
  return n;
}

static void
bind_menu_item (RedlineStmt     *stmt,
                RedlineMenuItem *item)
{
  gint64 parent_id = redline_menu_item_get_parent_id (item);

  _redline_stmt_bind_text (stmt, 1, redline_ecosystem_to_string (
                                      redline_menu_item_get_ecosystem (item)));
  _redline_stmt_bind_text (stmt, 2, redline_menu_item_get_account (item));
  if (parent_id != 0)
    _redline_stmt_bind_int64 (stmt, 3, parent_id);
  _redline_stmt_bind_int64 (stmt, 4, redline_menu_item_get_position (item));
  _redline_stmt_bind_text (stmt, 5, redline_menu_item_get_name (item));
  _redline_stmt_bind_text (stmt, 6, redline_enum_to_nick (REDLINE_TYPE_MENU_ACTION,
                                                          redline_menu_item_get_action (item)));
  _redline_stmt_bind_text (stmt, 7, redline_menu_item_get_message (item));
  _redline_stmt_bind_text (stmt, 8, redline_menu_item_get_link (item));
}

/* Sets the stored position of each of @siblings to its index. */
static gboolean
renumber (RedlineProject  *self,
          GPtrArray       *siblings,
          GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite,
                             "UPDATE menu_items SET position = ?1 WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < siblings->len; i++)
    {
      RedlineMenuItem *item = g_ptr_array_index (siblings, i);

      if (redline_menu_item_get_position (item) == i)
        continue;
      _redline_stmt_bind_int64 (stmt, 1, i);
      _redline_stmt_bind_int64 (stmt, 2, redline_menu_item_get_id (item));
      if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Once stored: the items' positions follow their index. */
static void
renumber_items (GPtrArray *siblings)
{
  for (guint i = 0; i < siblings->len; i++)
    _redline_menu_item_set_position (g_ptr_array_index (siblings, i), i);
}

/**
 * redline_project_add_menu_item:
 * @self: a #RedlineProject
 * @item: an item not yet in a project
 * @error: return location for a #GError
 *
 * Stores @item after its siblings, gives it an id and appends it to the
 * items model. A sub-item's parent is a top-level item of the same
 * account: the menu has two levels. How many items the platform shows is
 * a finding of the menu's check, not a refusal.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_menu_item (RedlineProject   *self,
                               RedlineMenuItem  *item,
                               GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "INSERT INTO menu_items (ecosystem, account, parent_id, position, name, action, message, "
    "link, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
  g_autofree char *now = _redline_project_now ();
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), FALSE);
  g_return_val_if_fail (redline_menu_item_get_id (item) == 0, FALSE);

  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_menu_item (self, item, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  siblings = list_siblings (self, redline_menu_item_get_ecosystem (item),
                            redline_menu_item_get_account (item),
                            redline_menu_item_get_parent_id (item));
  _redline_menu_item_set_position (item, siblings->len);
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_menu_item (stmt, item);
    _redline_stmt_bind_text (stmt, 9, now);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!_redline_audit_table_append (self, "add-menu-item", "menu-item", id,
                                    redline_menu_item_get_name (item), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_menu_item_set_id (item, id);
  g_hash_table_insert (self->menu_items_by_id, _redline_project_dup_id (id), g_object_ref (item));
  g_list_store_append (self->menu_items, item);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  _redline_menu_item_set_position (item, 0);
  return FALSE;
}

/* Puts @item back as the file has it, after a change that failed. */
static void
reload_menu_item (RedlineProject  *self,
                  RedlineMenuItem *item)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite,
                             "SELECT " MENU_ITEM_COLUMNS " FROM menu_items WHERE id = ?1", NULL);
  g_autoptr(RedlineMenuItem) stored = NULL;

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_menu_item_get_id (item));
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL) ||
      (stored = read_menu_item (self, stmt, NULL)) == NULL)
    return;
  g_object_set (item,
                "name", redline_menu_item_get_name (stored),
                "action", redline_menu_item_get_action (stored),
                "message", redline_menu_item_get_message (stored),
                "link", redline_menu_item_get_link (stored),
                NULL);
}

/**
 * redline_project_update_menu_item:
 * @self: a #RedlineProject
 * @item: one of the project's items, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @item's name, action, message and link. On
 * failure, @item is put back as it is in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_menu_item (RedlineProject   *self,
                                  RedlineMenuItem  *item,
                                  GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "UPDATE menu_items SET name = ?5, action = ?6, message = ?7, link = ?8, updated_at = ?9 "
    "WHERE id = ?10";
  g_autofree char *now = _redline_project_now ();
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), FALSE);

  id = redline_menu_item_get_id (item);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->menu_items_by_id, item, id, error))
    return FALSE;
  if (!_redline_project_check_writable (self, error) ||
      !_redline_validate_menu_item (self, item, error) ||
      !_redline_project_begin (self, &tx, error))
    goto revert;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_menu_item (stmt, item);
    _redline_stmt_bind_text (stmt, 9, now);
    _redline_stmt_bind_int64 (stmt, 10, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!_redline_audit_table_append (self, "update-menu-item", "menu-item", id,
                                    redline_menu_item_get_name (item), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->menu_items, item);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_menu_item (self, item);
  return FALSE;
}

/**
 * redline_project_move_menu_item:
 * @self: a #RedlineProject
 * @item: one of the project's items
 * @position: where it goes among its siblings, from 0; past the last, last
 * @error: return location for a #GError
 *
 * Moves @item among the items of its level, in one action.
 *
 * Returns: whether it was moved
 */
gboolean
redline_project_move_menu_item (RedlineProject   *self,
                                RedlineMenuItem  *item,
                                guint             position,
                                GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 id;
  guint from;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), FALSE);

  id = redline_menu_item_get_id (item);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->menu_items_by_id, item, id, error) ||
      !_redline_project_check_writable (self, error))
    return FALSE;
  siblings = list_siblings (self, redline_menu_item_get_ecosystem (item),
                            redline_menu_item_get_account (item),
                            redline_menu_item_get_parent_id (item));
  if (!g_ptr_array_find (siblings, item, &from))
    g_return_val_if_reached (FALSE);
  position = MIN (position, siblings->len - 1);
  if (position == from && redline_menu_item_get_position (item) == from)
    return TRUE;
  g_ptr_array_steal_index (siblings, from);
  g_ptr_array_insert (siblings, position, item);
  if (!_redline_project_begin (self, &tx, error) ||
      !renumber (self, siblings, error) ||
      !_redline_audit_table_append (self, "move-menu-item", "menu-item", id,
                                    redline_menu_item_get_name (item), error) ||
      !_redline_transaction_commit (&tx, error))
    {
      _redline_transaction_rollback (&tx);
      return FALSE;
    }
  renumber_items (siblings);
  for (guint i = 0; i < siblings->len; i++)
    _redline_project_store_changed (self->menu_items, g_ptr_array_index (siblings, i));
  return TRUE;
}

static void
forget_menu_item (RedlineProject   *self,
                  RedlineMenuItem  *item)
{
  g_autoptr(RedlineMenuItem) removed = g_object_ref (item);
  gint64 id = redline_menu_item_get_id (item);

  g_hash_table_remove (self->menu_items_by_id, &id);
  g_list_store_remove (self->menu_items, _redline_project_find_position (self->menu_items, item));
  _redline_menu_item_set_id (removed, 0);
}

/**
 * redline_project_remove_menu_item:
 * @self: a #RedlineProject
 * @item: one of the project's items
 * @error: return location for a #GError
 *
 * Removes @item with its sub-items, in one action; the items after it
 * move up.
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_menu_item (RedlineProject   *self,
                                  RedlineMenuItem  *item,
                                  GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), FALSE);

  id = redline_menu_item_get_id (item);
  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->menu_items_by_id, item, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  siblings = list_siblings (self, redline_menu_item_get_ecosystem (item),
                            redline_menu_item_get_account (item),
                            redline_menu_item_get_parent_id (item));
  subs = list_siblings (self, redline_menu_item_get_ecosystem (item),
                        redline_menu_item_get_account (item), id);
  g_ptr_array_remove (siblings, item);
  {
    /* Its sub-items go with it (ON DELETE CASCADE). */
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "DELETE FROM menu_items WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!renumber (self, siblings, error) ||
      !_redline_audit_table_append (self, "remove-menu-item", "menu-item", id,
                                    redline_menu_item_get_name (item), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  for (guint i = 0; i < subs->len; i++)
    forget_menu_item (self, g_ptr_array_index (subs, i));
  forget_menu_item (self, item);
  renumber_items (siblings);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

gboolean
_redline_menu_items_table_load (RedlineProject  *self,
                                GError         **error)
{
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  stmt = _redline_sqlite_prepare (self->sqlite,
                                  "SELECT " MENU_ITEM_COLUMNS " FROM menu_items ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      RedlineMenuItem *item = read_menu_item (self, stmt, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
      g_hash_table_insert (self->menu_items_by_id,
                           _redline_project_dup_id (redline_menu_item_get_id (item)),
                           g_object_ref (item));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A sub-item's parent is a top-level item of its account, as when it was
   * added: another program's file is held to that too. */
  for (guint i = 0; i < items->len; i++)
    {
      RedlineMenuItem *item = g_ptr_array_index (items, i);
      gint64 parent_id = redline_menu_item_get_parent_id (item);
      RedlineMenuItem *parent = parent_id != 0 ? redline_project_find_menu_item (self, parent_id)
                                               : NULL;

      if (parent_id != 0 &&
          (parent == NULL || redline_menu_item_get_parent_id (parent) != 0 ||
           !same_account (parent, redline_menu_item_get_ecosystem (item),
                          redline_menu_item_get_account (item))))
        {
          g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  redline_menu_item_get_id (item));
          g_autofree char *message =
            g_strdup_printf (_("menu item %s opens from an item that is not a top-level item "
                               "of its account’s menu"), row);

          _redline_project_set_row_error (self, error, message);
          return FALSE;
        }
    }
  g_list_store_splice (self->menu_items, 0, 0, items->pdata, items->len);
  return TRUE;
}
