/* redline-audit-table.c: the append-only audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

gboolean
_redline_audit_table_append (RedlineProject  *self,
                             const char      *action,
                             const char      *object_kind,
                             gint64           object_id,
                             const char      *detail,
                             GError         **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, actor, action, object, detail) VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  g_autofree char *now = _redline_project_now ();
  g_autofree char *object = NULL;

  if (stmt == NULL)
    return FALSE;
  if (object_kind != NULL)
    object = g_strdup_printf ("%s/%" G_GINT64_FORMAT, object_kind, object_id);
  _redline_stmt_bind_text (stmt, 1, now);
  _redline_stmt_bind_text (stmt, 2, g_get_user_name ());
  _redline_stmt_bind_text (stmt, 3, action);
  _redline_stmt_bind_text (stmt, 4, object);
  _redline_stmt_bind_text (stmt, 5, detail);
  return _redline_sqlite_step_done (self->sqlite, stmt, error);
}

/**
 * redline_project_count_audit_entries:
 * @self: a #RedlineProject
 *
 * Returns: the length of the audit log
 */
guint
redline_project_count_audit_entries (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);

  return _redline_project_count (self, "SELECT count(*) FROM audit_log WHERE ?1 IS NOT NULL", 0);
}
