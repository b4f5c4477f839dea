/* redline-sqlite.c: a SQLite connection with cached statements and GErrors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "redline-project.h"
#include "redline-sqlite.h"

/*
 * RedlineSqlite:
 *
 * One connection to a project file: opened with the settings a file from
 * anyone needs, statements prepared once and kept (keyed by the address of
 * their static SQL text), transactions that roll back unless committed, and
 * SQLite's result codes turned into %REDLINE_STORE_ERROR errors that name
 * the file.
 */
struct _RedlineSqlite
{
  char        *display_name;
  char        *path;            /* the file SQLite opened, links resolved */
  sqlite3     *db;
  GHashTable  *statements;
};

/* Waiting longer than this for another program's lock makes the UI hang;
 * failing with a clear message is better. */
#define BUSY_TIMEOUT_MS 250

RedlineSqlite *
_redline_sqlite_new (const char *display_name)
{
  RedlineSqlite *self = g_new0 (RedlineSqlite, 1);

  self->display_name = g_strdup (display_name);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  return self;
}

void
_redline_sqlite_free (RedlineSqlite *self)
{
  if (self == NULL)
    return;
  _redline_sqlite_close (self);
  g_hash_table_unref (self->statements);
  g_free (self->display_name);
  g_free (self->path);
  g_free (self);
}

void
_redline_sqlite_set_path (RedlineSqlite *self,
                          const char    *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
}

const char *
_redline_sqlite_get_path (RedlineSqlite *self)
{
  return self->path;
}

const char *
_redline_sqlite_get_display_name (RedlineSqlite *self)
{
  return self->display_name;
}

sqlite3 *
_redline_sqlite_get_db (RedlineSqlite *self)
{
  return self->db;
}

gboolean
_redline_sqlite_is_open (RedlineSqlite *self)
{
  return self != NULL && self->db != NULL;
}

gboolean
_redline_sqlite_in_transaction (RedlineSqlite *self)
{
  return self->db != NULL && !sqlite3_get_autocommit (self->db);
}

/* Errors */

/* The name of the journal (@suffix "-journal") or WAL beside the file,
 * for messages. */
static char *
side_file_name (RedlineSqlite *self,
                const char    *suffix)
{
  g_autofree char *name = g_strconcat (self->path != NULL ? self->path : "", suffix, NULL);

  return g_filename_display_name (name);
}

void
_redline_sqlite_set_error (RedlineSqlite  *self,
                           GError        **error,
                           int             rc)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc)
    {
    case SQLITE_READONLY_ROLLBACK:
      {
        g_autofree char *journal = side_file_name (self, "-journal");

        /* A hot journal: the file alone is not the project, and reading it
         * as if the journal were not there would give a half-made change. */
        g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                     _("%s: the project was not closed cleanly: a program stopped in the "
                       "middle of a change, and “%s” holds what is needed to undo it. Open "
                       "the project once with Redline in a folder where it can be written "
                       "(this undoes the unfinished change), then try again"),
                     self->display_name, journal);
        return;
      }
    case SQLITE_READONLY_RECOVERY:
    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_CANTLOCK:
      {
        g_autofree char *wal = side_file_name (self, "-wal");

        g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                     _("%s: the project was not closed cleanly: changes are still in “%s” "
                       "and not yet in the file. Open the project once with Redline in a "
                       "folder where it can be written, then try again"),
                     self->display_name, wal);
        return;
      }
    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_LOCKED,
                   _("%s: the project is in use by another program; close it there or "
                     "try again later"), self->display_name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                   _("%s: the project file is damaged (%s)"), self->display_name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY,
                   _("%s: the project file cannot be written (%s)"), self->display_name,
                   detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_DISK,
                   _("%s: the disk is full; free some space, or save the project on "
                     "another disk"), self->display_name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_DISK,
                   _("%s: the disk could not be written or read (%s); check that it is "
                     "connected and has room, or save the project on another disk"),
                   self->display_name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s: the change was refused (%s)"), self->display_name, detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot open the project file (%s)"), self->display_name, detail);
      break;
    default:
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_SQL,
                   _("%s: database error: %s"), self->display_name, detail);
      break;
    }
}

/* Opening and closing */

static void
configure_connection (RedlineSqlite *self)
{
  /* The file may come from anyone: no schema-defined SQL functions or
   * virtual tables run with our privileges, and no writes that corrupt on
   * purpose (writable_schema, journal_mode=OFF…). */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_exec (self->db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
}

/* Opens @filename (a path or a file: URI) with @flags and the settings
 * every connection gets. On failure the connection stays as SQLite left
 * it, for _redline_sqlite_close(). */
gboolean
_redline_sqlite_open (RedlineSqlite  *self,
                      const char     *filename,
                      int             flags,
                      GError        **error)
{
  int rc;

  g_assert (self->db == NULL);

  rc = sqlite3_open_v2 (filename, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _redline_sqlite_set_error (self, error, rc);
      return FALSE;
    }
  configure_connection (self);
  return TRUE;
}

/* Replaces the connection by one to a copy of the file in memory. */
gboolean
_redline_sqlite_copy_to_memory (RedlineSqlite  *self,
                                GError        **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (memory);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_close (memory);
      _redline_sqlite_set_error (self, error, rc);
      return FALSE;
    }

  _redline_sqlite_close (self);
  self->db = memory;
  configure_connection (self);
  return TRUE;
}

/* Writes a consistent copy of the database to the new file @path, for
 * @destination (named in messages). */
gboolean
_redline_sqlite_backup (RedlineSqlite  *self,
                        const char     *path,
                        GFile          *destination,
                        GError        **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_OK);
          rc = sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK || rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (copy);
    }
  if (copy != NULL)
    {
      int close_rc = sqlite3_close (copy);

      if (rc == SQLITE_OK)
        rc = close_rc;
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, REDLINE_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? REDLINE_STORE_ERROR_LOCKED
                                              : REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot write the copy: %s"), name, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

void
_redline_sqlite_close (RedlineSqlite *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
}

/* Statements */

gboolean
_redline_sqlite_exec (RedlineSqlite  *self,
                      const char     *sql,
                      GError        **error)
{
  int rc;

  g_assert (self->db != NULL);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _redline_sqlite_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* @sql must be static text: statements are cached by its address. */
RedlineStmt *
_redline_sqlite_prepare (RedlineSqlite  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->db != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _redline_sqlite_set_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Runs @stmt to its first row or its end: both are success. */
gboolean
_redline_sqlite_step_done (RedlineSqlite  *self,
                           RedlineStmt    *stmt,
                           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _redline_sqlite_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Moves @stmt to its next row. Returns %TRUE on a row; %FALSE at the end,
 * with @error untouched, or on failure, with @error set. */
gboolean
_redline_sqlite_step_row (RedlineSqlite  *self,
                          RedlineStmt    *stmt,
                          GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _redline_sqlite_set_error (self, error, rc);
  return FALSE;
}

/* The integer in the first column of the one row of @sql. */
gboolean
_redline_sqlite_query_int (RedlineSqlite  *self,
                           const char     *sql,
                           gint64         *value,
                           GError        **error)
{
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _redline_sqlite_set_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gint64
_redline_sqlite_last_insert_id (RedlineSqlite *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

void
_redline_stmt_release (RedlineStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_redline_stmt_bind_text (RedlineStmt *stmt,
                         int          index,
                         const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_redline_stmt_bind_int64 (RedlineStmt *stmt,
                          int          index,
                          gint64       value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

gint64
_redline_stmt_column_int64 (RedlineStmt *stmt,
                            int          column)
{
  return sqlite3_column_int64 (stmt, column);
}

/* Text SQLite made itself (PRAGMA results), not read from the file's rows;
 * still possibly not UTF-8 when it quotes names from the file. */
const char *
_redline_stmt_column_raw_text (RedlineStmt *stmt,
                               int          column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

int
_redline_stmt_column_count (RedlineStmt *stmt)
{
  return sqlite3_column_count (stmt);
}

/* The column's name (or its AS name), which SQLite made from our SQL. */
const char *
_redline_stmt_column_name (RedlineStmt *stmt,
                           int          column)
{
  return sqlite3_column_name (stmt, column);
}

gboolean
_redline_stmt_column_is_integer (RedlineStmt *stmt,
                                 int          column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_INTEGER;
}

/* Where a value read from the file sits, in words: "post 12, field
 * “title”". @row is the row's id (or rowid). */
static char *
describe_value (const char *table,
                gint64      row,
                const char *column)
{
  static const struct
  {
    const char *table;
    const char *setting;
  } settings[] = {
    { "allowed_domains", N_("allowed domains") },
    { "allowed_terms", N_("allowed terms") },
    { "banned_terms", N_("banned terms") },
    { "enabled_packs", N_("enabled packs") },
  };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row);

  if (g_str_equal (table, "posts"))
    return g_strdup_printf (_("post %s, field “%s”"), id, column);
  if (g_str_equal (table, "campaigns"))
    return g_strdup_printf (_("campaign %s, field “%s”"), id, column);
  if (g_str_equal (table, "settings") && g_str_equal (column, "length_profile"))
    return g_strdup_printf (_("project setting “%s”"), _("length profile"));
  if (g_str_equal (table, "settings"))
    return g_strdup (_("the project name"));
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      if (!g_str_equal (table, settings[i].table))
        continue;
      if (g_str_equal (table, "banned_terms"))
        return g_strdup_printf (_("project setting “%s”, entry %s, field “%s”"),
                                _(settings[i].setting), id, column);
      return g_strdup_printf (_("project setting “%s”, entry %s"), _(settings[i].setting), id);
    }
  return g_strdup_printf (_("table “%s”, row %s, column “%s”"), table, id, column);
}

/*
 * _redline_sqlite_column_text:
 * @self: the connection
 * @stmt: a statement on a row of @table
 * @column: the column to read
 * @table: the table the row comes from, for the message
 * @row: the row's id, for the message
 * @text: (out): the text, or %NULL for SQL NULL; valid until @stmt moves on
 * @error: return location for a #GError
 *
 * Every text column read from a file goes through here. SQLite hands back
 * whatever bytes the file holds, so the whole value, by its length, must be
 * UTF-8 without a NUL byte before any of it is used, as in a text file.
 *
 * Returns: whether the value is sound text
 */
gboolean
_redline_sqlite_column_text (RedlineSqlite  *self,
                             RedlineStmt    *stmt,
                             int             column,
                             const char     *table,
                             gint64          row,
                             const char    **text,
                             GError        **error)
{
  /* sqlite3_column_bytes() after sqlite3_column_text(), as SQLite asks. */
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  gsize length = value != NULL ? (gsize) sqlite3_column_bytes (stmt, column) : 0;
  const char *end = NULL;
  g_autofree char *place = NULL;

  *text = NULL;
  if (value == NULL)
    return TRUE;
  if (memchr (value, '\0', length) == NULL && g_utf8_validate_len (value, length, &end))
    {
      *text = value;
      return TRUE;
    }

  place = describe_value (table, row, sqlite3_column_name (stmt, column));
  if (end == NULL)
    g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                 _("%s: %s: the text holds a NUL byte; the file was changed by another "
                   "program: correct this value there or use an earlier copy of the project"),
                 self->display_name, place);
  else
    g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                 _("%s: %s: the text is not valid UTF-8 (byte 0x%02X); the file was changed "
                   "by another program: correct this value there or use an earlier copy of "
                   "the project"),
                 self->display_name, place, (guint) (guchar) *end);
  return FALSE;
}

/* Transactions */

/* A write transaction is IMMEDIATE: it takes the write lock now, so a busy
 * file fails here and not halfway through a change. */
gboolean
_redline_sqlite_begin (RedlineSqlite           *self,
                       RedlineTransaction      *tx,
                       RedlineTransactionKind   kind,
                       GError                 **error)
{
  const char *sql = kind == REDLINE_TRANSACTION_WRITE ? "BEGIN IMMEDIATE" : "BEGIN";

  g_assert (tx->sqlite == NULL);

  if (!_redline_sqlite_exec (self, sql, error))
    return FALSE;
  tx->sqlite = self;
  return TRUE;
}

/* On failure the transaction is rolled back. */
gboolean
_redline_transaction_commit (RedlineTransaction  *tx,
                             GError             **error)
{
  RedlineSqlite *self = tx->sqlite;

  g_assert (self != NULL);

  if (!_redline_sqlite_exec (self, "COMMIT", error))
    {
      _redline_transaction_rollback (tx);
      return FALSE;
    }
  tx->sqlite = NULL;
  return TRUE;
}

/* Does nothing once committed or rolled back. */
void
_redline_transaction_rollback (RedlineTransaction *tx)
{
  RedlineSqlite *self = tx->sqlite;

  tx->sqlite = NULL;
  if (self != NULL && _redline_sqlite_in_transaction (self))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}
