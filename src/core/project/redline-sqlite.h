/* redline-sqlite.h: a SQLite connection with cached statements and GErrors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the project layer and to io/: programs see RedlineProject only.
 */

#pragma once

#include <sqlite3.h>

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RedlineSqlite RedlineSqlite;

/* A cached statement: borrowed from the connection, reset and unbound when
 * it goes out of scope (g_autoptr (RedlineStmt)). */
typedef sqlite3_stmt RedlineStmt;

/* A transaction that rolls back when it goes out of scope unless it was
 * committed: g_auto (RedlineTransaction) tx = REDLINE_TRANSACTION_INIT. */
typedef struct
{
  RedlineSqlite *sqlite;
} RedlineTransaction;

#define REDLINE_TRANSACTION_INIT { NULL }

typedef enum
{
  REDLINE_TRANSACTION_READ,
  REDLINE_TRANSACTION_WRITE,
} RedlineTransactionKind;

RedlineSqlite  *_redline_sqlite_new               (const char              *display_name);
void            _redline_sqlite_free              (RedlineSqlite           *self);
void            _redline_sqlite_set_path          (RedlineSqlite           *self,
                                                   const char              *path);
const char     *_redline_sqlite_get_path          (RedlineSqlite           *self);
const char     *_redline_sqlite_get_display_name  (RedlineSqlite           *self);
gboolean        _redline_sqlite_open              (RedlineSqlite           *self,
                                                   const char              *filename,
                                                   int                      flags,
                                                   GError                 **error);
gboolean        _redline_sqlite_copy_to_memory    (RedlineSqlite           *self,
                                                   GError                 **error);
gboolean        _redline_sqlite_backup            (RedlineSqlite           *self,
                                                   const char              *path,
                                                   GFile                   *destination,
                                                   GError                 **error);
void            _redline_sqlite_close             (RedlineSqlite           *self);
gboolean        _redline_sqlite_is_open           (RedlineSqlite           *self);
sqlite3        *_redline_sqlite_get_db            (RedlineSqlite           *self);
gboolean        _redline_sqlite_in_transaction    (RedlineSqlite           *self);

void            _redline_sqlite_set_error         (RedlineSqlite           *self,
                                                   GError                 **error,
                                                   int                      rc);

gboolean        _redline_sqlite_exec              (RedlineSqlite           *self,
                                                   const char              *sql,
                                                   GError                 **error);
RedlineStmt    *_redline_sqlite_prepare           (RedlineSqlite           *self,
                                                   const char              *sql,
                                                   GError                 **error);
gboolean        _redline_sqlite_step_done         (RedlineSqlite           *self,
                                                   RedlineStmt             *stmt,
                                                   GError                 **error);
gboolean        _redline_sqlite_step_row          (RedlineSqlite           *self,
                                                   RedlineStmt             *stmt,
                                                   GError                 **error);
gboolean        _redline_sqlite_query_int         (RedlineSqlite           *self,
                                                   const char              *sql,
                                                   gint64                  *value,
                                                   GError                 **error);
gint64          _redline_sqlite_last_insert_id    (RedlineSqlite           *self);

void            _redline_stmt_release             (RedlineStmt             *stmt);
void            _redline_stmt_bind_text           (RedlineStmt             *stmt,
                                                   int                      index,
                                                   const char              *text);
void            _redline_stmt_bind_int64          (RedlineStmt             *stmt,
                                                   int                      index,
                                                   gint64                   value);
gint64          _redline_stmt_column_int64        (RedlineStmt             *stmt,
                                                   int                      column);
const char     *_redline_stmt_column_raw_text     (RedlineStmt             *stmt,
                                                   int                      column);
int             _redline_stmt_column_count        (RedlineStmt             *stmt);
const char     *_redline_stmt_column_name         (RedlineStmt             *stmt,
                                                   int                      column);
gboolean        _redline_stmt_column_is_integer   (RedlineStmt             *stmt,
                                                   int                      column);
gboolean        _redline_sqlite_column_text       (RedlineSqlite           *self,
                                                   RedlineStmt             *stmt,
                                                   int                      column,
                                                   const char              *table,
                                                   gint64                   row,
                                                   const char             **text,
                                                   GError                 **error);

gboolean        _redline_sqlite_begin             (RedlineSqlite           *self,
                                                   RedlineTransaction      *tx,
                                                   RedlineTransactionKind   kind,
                                                   GError                 **error);
gboolean        _redline_transaction_commit       (RedlineTransaction      *tx,
                                                   GError                 **error);
void            _redline_transaction_rollback     (RedlineTransaction      *tx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineStmt, _redline_stmt_release)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RedlineTransaction, _redline_transaction_rollback)

G_END_DECLS
