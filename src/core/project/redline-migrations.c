/* redline-migrations.c: the project file's formats, as SQL resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "redline-migrations.h"
#include "redline-project.h"

/* The migrations, in order: the file of version N takes format N - 1 to N.
 * Never edit one that has shipped (the schema of every file is compared
 * with what they make, byte for byte); add a new one. */
#define MIGRATIONS_DIR "/org/redline/core/project/migrations/"

static const char * const migration_names[] = {
  "0001-first-format.sql",
  "0002-campaign-notes-and-waivers.sql",
  "0003-post-digest.sql",
  "0004-linked-posts.sql",
  "0005-review-workflow.sql",
  "0006-post-purpose.sql",
  "0007-campaign-account.sql",
  "0008-post-author.sql",
  "0009-qr-codes.sql",
  "0010-account-tools.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_names) == REDLINE_PROJECT_FORMAT);

/* Looked up once; resources live as long as the program. */
static GBytes *migrations[REDLINE_PROJECT_FORMAT];

const char *
_redline_project_get_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= REDLINE_PROJECT_FORMAT, NULL);

  if (g_once_init_enter (&migrations[version - 1]))
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_DIR, migration_names[version - 1], NULL);
      GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* Compiled in: only a broken build lacks it. */
      g_assert (bytes != NULL);
      g_once_init_leave (&migrations[version - 1], bytes);
    }
  /* GResource data always ends in a NUL byte. */
  return g_bytes_get_data (migrations[version - 1], NULL);
}

/*
 * _redline_migrations_apply:
 * @sqlite: a connection inside a write transaction
 * @from: the file's format now; 0 for a new file
 * @error: return location for a #GError
 *
 * Takes the file from format @from to %REDLINE_PROJECT_FORMAT, one
 * migration after the other, and sets `PRAGMA user_version` after each,
 * all in the caller's transaction: creating a project and opening an old
 * one run the same steps.
 */
gboolean
_redline_migrations_apply (RedlineSqlite  *sqlite,
                           guint           from,
                           GError        **error)
{
  g_assert (from <= REDLINE_PROJECT_FORMAT);

  for (guint v = from + 1; v <= REDLINE_PROJECT_FORMAT; v++)
    {
      /* An integer of ours, not a value from anyone: PRAGMA takes no
       * parameters. */
      g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!_redline_sqlite_exec (sqlite, _redline_project_get_migration (v), error) ||
          !_redline_sqlite_exec (sqlite, version, error))
        return FALSE;
    }
  return TRUE;
}

/* Every entry of the schema but SQLite's statistics, as "type␟name␟table␟sql". */
static GPtrArray *
list_schema (RedlineSqlite *sqlite,
             int           *rc)
{
  /* The tables ANALYZE makes hold statistics, no code; only they are left
   * out, by type, name and exact SQL, so that nothing else passes under
   * their names. */
  static const char sql[] =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema "
    "WHERE NOT (type = 'table' AND name = tbl_name AND "
    "((name = 'sqlite_stat1' AND "
    "sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat)') OR "
    "(name = 'sqlite_stat4' AND "
    "sql = 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'))) "
    "ORDER BY type, name";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (_redline_sqlite_get_db (sqlite), sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < 4; c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          int length = sqlite3_column_bytes (stmt, c);

          /* Compared as C strings below: a NUL would hide what follows. */
          if (text != NULL && memchr (text, '\0', length) != NULL)
            {
              g_string_free (row, TRUE);
              sqlite3_finalize (stmt);
              *rc = SQLITE_CORRUPT;
              return NULL;
            }
          if (c > 0)
            g_string_append_c (row, '\x1f');
          if (text != NULL)
            g_string_append_len (row, text, length);
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_DONE)
    return NULL;
  *rc = SQLITE_OK;
  return g_steal_pointer (&rows);
}

static gboolean
name_in_schema (GPtrArray  *rows,
                const char *row)
{
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (rows, i), row))
        return TRUE;
    }
  return FALSE;
}

/*
 * _redline_migrations_check_schema:
 * @sqlite: the file's connection
 * @version: the file's format
 * @error: return location for a #GError
 *
 * The schema must be exactly what our migrations make: compares it with
 * the schema they produce in a scratch database.
 */
gboolean
_redline_migrations_check_schema (RedlineSqlite  *sqlite,
                                  guint           version,
                                  GError        **error)
{
  const char *display_name = _redline_sqlite_get_display_name (sqlite);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  RedlineSqlite *reference = _redline_sqlite_new (display_name);
  int rc = SQLITE_OK;

  if (_redline_sqlite_open (reference, ":memory:", SQLITE_OPEN_READWRITE, NULL))
    {
      for (guint v = 1; rc == SQLITE_OK && v <= version; v++)
        rc = sqlite3_exec (_redline_sqlite_get_db (reference), _redline_project_get_migration (v),
                           NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        expected = list_schema (reference, &rc);
    }
  else
    rc = SQLITE_CANTOPEN;
  _redline_sqlite_free (reference);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_SQL,
                   _("%s: database error: %s"), display_name, sqlite3_errstr (rc));
      return FALSE;
    }

  actual = list_schema (sqlite, &rc);
  if (actual == NULL)
    {
      _redline_sqlite_set_error (sqlite, error, rc);
      return FALSE;
    }

  for (guint i = 0; i < actual->len; i++)
    {
      const char *row = g_ptr_array_index (actual, i);

      if (!name_in_schema (expected, row))
        {
          g_autofree char *valid = g_utf8_make_valid (row, -1);
          g_auto(GStrv) parts = g_strsplit (valid, "\x1f", 3);

          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_FOREIGN_SCHEMA,
                       _("%s: the file contains a %s “%s” that Redline did not create; "
                         "it is refused for safety"),
                       display_name, parts[0], parts[1] != NULL ? parts[1] : "");
          return FALSE;
        }
    }
  if (actual->len != expected->len)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                   _("%s: the project file is damaged (%s)"), display_name,
                   _("tables are missing"));
      return FALSE;
    }
  return TRUE;
}

/* The columns of table @table, as a set, or NULL with *@rc set. */
static GHashTable *
list_columns (RedlineSqlite *sqlite,
              const char    *table,
              int           *rc)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (_redline_sqlite_get_db (sqlite),
                            "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (name != NULL)
        g_hash_table_add (columns, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_DONE)
    return NULL;
  *rc = SQLITE_OK;
  return g_steal_pointer (&columns);
}

/**
 * _redline_migrations_check_columns:
 * @sqlite: the connection of a file of a newer format, opened read-only
 * @version: the newest format this Redline knows
 * @error: return location for a #GError
 *
 * A newer Redline may add tables and columns: what this version reads is
 * still there when every table of format @version exists with every one of
 * its columns. Nothing else is compared, so this is only for a read-only
 * connection, which neither writes nor runs the file's triggers.
 */
gboolean
_redline_migrations_check_columns (RedlineSqlite  *sqlite,
                                   guint           version,
                                   GError        **error)
{
  const char *display_name = _redline_sqlite_get_display_name (sqlite);
  RedlineSqlite *reference = _redline_sqlite_new (display_name);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;
  gboolean ok = TRUE;

  if (!_redline_sqlite_open (reference, ":memory:", SQLITE_OPEN_READWRITE, NULL))
    rc = SQLITE_CANTOPEN;
  for (guint v = 1; rc == SQLITE_OK && v <= version; v++)
    rc = sqlite3_exec (_redline_sqlite_get_db (reference), _redline_project_get_migration (v),
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (_redline_sqlite_get_db (reference),
                             "SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND substr (name, 1, 7) != 'sqlite_' ORDER BY name",
                             -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);

  for (guint i = 0; rc == SQLITE_OK && ok && i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_autoptr(GHashTable) expected = list_columns (reference, table, &rc);
      g_autoptr(GHashTable) actual = NULL;
      GHashTableIter iter;
      gpointer column;

      if (expected == NULL)
        break;
      actual = list_columns (sqlite, table, &rc);
      if (actual == NULL)
        break;
      g_hash_table_iter_init (&iter, expected);
      while (ok && g_hash_table_iter_next (&iter, &column, NULL))
        if (!g_hash_table_contains (actual, column))
          {
            g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                         _("%s: the project file is damaged (%s)"), display_name,
                         _("a table or column this version of Redline reads is missing"));
            ok = FALSE;
          }
    }
  _redline_sqlite_free (reference);
  if (ok && rc != SQLITE_OK)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_SQL,
                   _("%s: database error: %s"), display_name, sqlite3_errstr (rc));
      ok = FALSE;
    }
  return ok;
}
