/* redline-audit-table.c: the append-only audit log, sealed in a hash chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triggers refuse to change or delete a row, but anyone with sqlite3 can
 * drop them. So that such an edit shows, each entry (format 5 on) carries a
 * seal: the SHA-256 of the seal before it and of the entry's own columns.
 * Changing, inserting or deleting an entry breaks the seals from there on,
 * and redline_project_verify_audit() says where. Entries written before
 * format 5 have no seal and are reported as such; cutting entries off the
 * end of the log cannot be told from a shorter history.
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

/* Each column goes in as its length and bytes, NULL as "~", so that no two
 * different rows give the same input. */
static void
seal_add (GChecksum  *checksum,
          const char *value)
{
  char length[24];

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "~", 1);
      return;
    }
  g_snprintf (length, sizeof length, "%zu:", strlen (value));
  g_checksum_update (checksum, (const guchar *) length, -1);
  g_checksum_update (checksum, (const guchar *) value, strlen (value));
}

static char *
make_seal (const char  *previous,
           gint64       id,
           const char  *columns[6])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[24];

  seal_add (checksum, "redline-audit-1");
  seal_add (checksum, previous != NULL ? previous : "");
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);
  seal_add (checksum, number);
  for (guint i = 0; i < 6; i++)
    seal_add (checksum, columns[i]);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The seal of the last entry, or NULL (an empty log, or one from before
 * format 5). */
static gboolean
last_seal (RedlineProject  *self,
           char           **seal,
           GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                             error);
  const char *text = NULL;

  *seal = NULL;
  if (stmt == NULL)
    return FALSE;
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    return TRUE;
  if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, "audit_log", 0, &text, error))
    return FALSE;
  *seal = g_strdup (text);
  return TRUE;
}

gboolean
_redline_audit_table_append (RedlineProject  *self,
                             const char      *action,
                             const char      *object_kind,
                             gint64           object_id,
                             const char      *detail,
                             GError         **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (id, at, actor, action, object, detail, packs, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autofree char *now = _redline_project_now ();
  g_autofree char *object = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *seal = NULL;
  const char *columns[6];
  gint64 id;

  if (!last_seal (self, &previous, error))
    return FALSE;
  id = _redline_project_count (self, "SELECT coalesce(max(id), 0) FROM audit_log "
                                     "WHERE ?1 IS NOT NULL", 0) + 1;
  if (object_kind != NULL)
    object = g_strdup_printf ("%s/%" G_GINT64_FORMAT, object_kind, object_id);
  columns[0] = now;
  columns[1] = _redline_project_get_actor (self);
  columns[2] = action;
  columns[3] = object;
  columns[4] = detail;
  columns[5] = self->packs_in_force;
  seal = make_seal (previous, id, columns);

  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return FALSE;
  _redline_stmt_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    _redline_stmt_bind_text (stmt, i + 2, columns[i]);
  _redline_stmt_bind_text (stmt, 8, seal);
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

/**
 * redline_project_verify_audit:
 * @self: a #RedlineProject
 * @n_unsealed: (out) (optional): how many entries come from before seals
 *   (format 5), and so cannot be verified
 * @error: return location for a #GError
 *
 * Checks the seal of every entry of the audit log against the entry and the
 * seal before it. A broken chain means the log was edited outside Redline:
 * the error, %REDLINE_STORE_ERROR_TAMPERED, names the first entry that
 * fails, after which the history cannot be trusted.
 *
 * Returns: %TRUE if every sealed entry is intact
 */
gboolean
redline_project_verify_audit (RedlineProject  *self,
                              guint           *n_unsealed,
                              GError         **error)
{
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autofree char *previous = NULL;
  gboolean sealed = FALSE;
  guint unsealed = 0;
  gint64 expected_id = 0;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_unsealed != NULL)
    *n_unsealed = 0;
  if (!_redline_project_check_open (self, error))
    return FALSE;
  if (self->format < 5)
    {
      /* Opened read-only from before seals: nothing to verify. */
      if (n_unsealed != NULL)
        *n_unsealed = redline_project_count_audit_entries (self);
      return TRUE;
    }
  stmt = _redline_sqlite_prepare (self->sqlite,
                                  "SELECT id, at, actor, action, object, detail, packs, hash "
                                  "FROM audit_log ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    {
      gint64 id = _redline_stmt_column_int64 (stmt, 0);
      const char *columns[6];
      const char *hash;
      g_autofree char *seal = NULL;
      const char *problem = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        columns[i] = _redline_stmt_column_raw_text (stmt, i + 1);
      hash = _redline_stmt_column_raw_text (stmt, 7);

      if (hash == NULL && !sealed)
        {
          /* Written before format 5. */
          unsealed++;
          expected_id = id + 1;
          continue;
        }
      if (hash == NULL)
        problem = _("it has lost its seal");
      else if (sealed && id != expected_id)
        problem = _("the entry before it is missing");
      else
        {
          seal = make_seal (previous, id, columns);
          if (g_strcmp0 (seal, hash) != 0)
            problem = _("it does not match its seal");
        }
      if (problem != NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TAMPERED,
                       /* TRANSLATORS: %s: the file; %s: the entry's number; %s, %s: when
                        * and what (“approve”); %s: what is wrong with it */
                       _("%s: the audit trail has been altered outside Redline at entry %s "
                         "(%s, %s): %s. The review history from there on cannot be trusted."),
                       self->display_name, number, columns[0] != NULL ? columns[0] : "?",
                       columns[2] != NULL ? columns[2] : "?", problem);
          return FALSE;
        }
      sealed = TRUE;
      expected_id = id + 1;
      g_free (previous);
      previous = g_strdup (hash);
    }
  if (n_unsealed != NULL)
    *n_unsealed = unsealed;
  return TRUE;
}
