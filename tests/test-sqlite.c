/* test-sqlite.c: the project layer's SQLite connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"
#include "redline-project-private.h"

static RedlineSqlite *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  RedlineSqlite *sqlite = _redline_sqlite_new ("memory.redline");

  g_assert_true (_redline_sqlite_open (sqlite, ":memory:", SQLITE_OPEN_READWRITE, &error));
  g_assert_no_error (error);
  g_assert_true (_redline_sqlite_exec (sqlite,
                                       "CREATE TABLE posts (id INTEGER PRIMARY KEY, "
                                       "title TEXT NOT NULL)", &error));
  g_assert_no_error (error);
  return sqlite;
}

static gint64
count_posts (RedlineSqlite *sqlite)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (_redline_sqlite_query_int (sqlite, "SELECT count(*) FROM posts", &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
insert (RedlineSqlite *sqlite,
        const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (sqlite, "INSERT INTO posts (title) VALUES (?1)", &error);

  g_assert_no_error (error);
  _redline_stmt_bind_text (stmt, 1, title);
  g_assert_true (_redline_sqlite_step_done (sqlite, stmt, &error));
  g_assert_no_error (error);
}

/* A transaction left without a commit is rolled back; a committed one stays. */
static void
test_transaction (void)
{
  RedlineSqlite *sqlite = open_memory ();
  g_autoptr(GError) error = NULL;

  {
    g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;

    g_assert_true (_redline_sqlite_begin (sqlite, &tx, REDLINE_TRANSACTION_WRITE, &error));
    g_assert_no_error (error);
    g_assert_true (_redline_sqlite_in_transaction (sqlite));
    insert (sqlite, "dropped");
    g_assert_cmpint (count_posts (sqlite), ==, 1);
  }
  g_assert_false (_redline_sqlite_in_transaction (sqlite));
  g_assert_cmpint (count_posts (sqlite), ==, 0);

  {
    g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;

    g_assert_true (_redline_sqlite_begin (sqlite, &tx, REDLINE_TRANSACTION_WRITE, &error));
    insert (sqlite, "kept");
    g_assert_true (_redline_transaction_commit (&tx, &error));
    g_assert_no_error (error);
    g_assert_null (tx.sqlite);
  }
  g_assert_false (_redline_sqlite_in_transaction (sqlite));
  g_assert_cmpint (count_posts (sqlite), ==, 1);

  _redline_sqlite_free (sqlite);
}

/* A statement is prepared once and reset, bindings cleared, when it goes
 * out of scope. */
static void
test_cached_statement (void)
{
  static const char sql[] = "SELECT title FROM posts WHERE id >= ?1 ORDER BY id";
  RedlineSqlite *sqlite = open_memory ();
  g_autoptr(GError) error = NULL;
  RedlineStmt *first;

  insert (sqlite, "one");
  insert (sqlite, "two");
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (sqlite, sql, &error);

    g_assert_no_error (error);
    first = stmt;
    _redline_stmt_bind_int64 (stmt, 1, 1);
    g_assert_true (_redline_sqlite_step_row (sqlite, stmt, &error));
    g_assert_true (sqlite3_stmt_busy (stmt));
  }
  g_assert_false (sqlite3_stmt_busy (first));
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (sqlite, sql, &error);
    guint rows = 0;

    g_assert_true (stmt == first);
    /* ?1 was cleared: NULL matches no row. */
    while (_redline_sqlite_step_row (sqlite, stmt, &error))
      rows++;
    g_assert_no_error (error);
    g_assert_cmpuint (rows, ==, 0);
  }

  _redline_sqlite_free (sqlite);
}

static void
test_errors (void)
{
  RedlineSqlite *sqlite = open_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_false (_redline_sqlite_exec (sqlite, "SELECT * FROM nowhere", &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_SQL);
  g_assert_true (g_str_has_prefix (error->message, "memory.redline: "));
  g_clear_error (&error);

  {
    /* Borrowed from the connection: it must not outlive it. */
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (sqlite, "INSERT INTO posts (title) VALUES (?1)", &error);

    g_assert_no_error (error);
    _redline_stmt_bind_text (stmt, 1, NULL);
    g_assert_false (_redline_sqlite_step_done (sqlite, stmt, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "memory.redline: "));
  }

  _redline_sqlite_free (sqlite);
}

/* Text from the file is checked as UTF-8 without NUL over its whole
 * length, and the error names the row and the field. */
static void
test_column_text (void)
{
  static const struct
  {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "INSERT INTO posts VALUES (7, CAST (x'41FF42' AS TEXT))", "not valid UTF-8 (byte 0xFF)" },
    { "INSERT INTO posts VALUES (7, CAST (x'410042' AS TEXT))", "holds a NUL byte" },
    { "INSERT INTO posts VALUES (7, 'fine')", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RedlineSqlite *sqlite = open_memory ();
      g_autoptr(GError) error = NULL;
      const char *text = NULL;

      g_assert_true (_redline_sqlite_exec (sqlite, cases[i].sql, &error));
      {
        g_autoptr(RedlineStmt) stmt =
          _redline_sqlite_prepare (sqlite, "SELECT title FROM posts", &error);

        g_assert_true (_redline_sqlite_step_row (sqlite, stmt, &error));
        if (cases[i].expected == NULL)
          {
            g_assert_true (_redline_sqlite_column_text (sqlite, stmt, 0, "posts", 7, &text,
                                                        &error));
            g_assert_no_error (error);
            g_assert_cmpstr (text, ==, "fine");
          }
        else
          {
            g_assert_false (_redline_sqlite_column_text (sqlite, stmt, 0, "posts", 7, &text,
                                                         &error));
            g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
            g_assert_nonnull (strstr (error->message, "memory.redline: post 7, field"));
            g_assert_nonnull (strstr (error->message, cases[i].expected));
            g_assert_null (text);
          }
      }
      _redline_sqlite_free (sqlite);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/sqlite/transaction", test_transaction);
  g_test_add_func ("/redline/sqlite/cached-statement", test_cached_statement);
  g_test_add_func ("/redline/sqlite/errors", test_errors);
  g_test_add_func ("/redline/sqlite/column-text", test_column_text);

  return g_test_run ();
}
