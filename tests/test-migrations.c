/* test-migrations.c: the project file's formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"
#include "redline-project-private.h"

/* A shipped migration never changes: every file's schema is compared with
 * what they make, byte for byte. Add a new one instead, and its digest here. */
static const char * const digests[] = {
  "f4aebf97636bf136e5263ce1a1115b50aee1e9bdc0a7a8cc31dd4073a209a333",
  "aaff28ef6e1030799b2fdbbba3272266626882718bd6648b8e3fe94155d29b44",
  "11d4b59e0683447f06b6541486f20b72d3c5a6ca688bac08965b328592f860bf",
  "8e367d081924c8e6b4c724733d5588cd70f33367ef939c52594d810b6589e9fd",
  "87c71604cf24c7a459d619f3f6fe43af26727e6e70f11b28f11f1c38f94532a4",
  "efe2fe28eed68cd4330264b241b7640f983218228eff180666f4d2cbed4e76db",
  "5541d23597fdd868bab7aa2fe9de6c0408631bb11dfa695d57983183255c9286",
  "145bccd0304c6683c37eaebb2a4dca34a9797a3b987a5ae851505212fbc1207d",
  "e3f7cf2a7f4c37bbab52e43476fb93720670a1805d1382ea22a0a13a394d7d72",
  "0428458845e453fde9ef7434d2deb25cb0c0c203ece3a870011fc23c6a3a04e1",
};

G_STATIC_ASSERT (G_N_ELEMENTS (digests) == REDLINE_PROJECT_FORMAT);

static void
test_pinned (void)
{
  for (guint v = 1; v <= REDLINE_PROJECT_FORMAT; v++)
    {
      const char *sql = _redline_project_get_migration (v);
      g_autofree char *digest = NULL;

      g_assert_nonnull (sql);
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql, -1);
      g_assert_cmpstr (digest, ==, digests[v - 1]);
    }
}

static RedlineSqlite *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  RedlineSqlite *sqlite = _redline_sqlite_new ("memory.redline");

  g_assert_true (_redline_sqlite_open (sqlite, ":memory:", SQLITE_OPEN_READWRITE, &error));
  g_assert_no_error (error);
  return sqlite;
}

static void
migrate (RedlineSqlite *sqlite,
         guint          from)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(GError) error = NULL;
  gint64 version = -1;

  g_assert_true (_redline_sqlite_begin (sqlite, &tx, REDLINE_TRANSACTION_WRITE, &error));
  g_assert_true (_redline_migrations_apply (sqlite, from, &error));
  g_assert_no_error (error);
  g_assert_true (_redline_transaction_commit (&tx, &error));
  g_assert_no_error (error);
  g_assert_true (_redline_sqlite_query_int (sqlite, "PRAGMA user_version", &version, &error));
  g_assert_cmpint (version, ==, REDLINE_PROJECT_FORMAT);
  g_assert_true (_redline_migrations_check_schema (sqlite, REDLINE_PROJECT_FORMAT, &error));
  g_assert_no_error (error);
}

/* A new file and a file of every older format end with the same schema. */
static void
test_apply (void)
{
  for (guint from = 0; from < REDLINE_PROJECT_FORMAT; from++)
    {
      RedlineSqlite *sqlite = open_memory ();
      g_autoptr(GError) error = NULL;

      for (guint v = 1; v <= from; v++)
        g_assert_true (_redline_sqlite_exec (sqlite, _redline_project_get_migration (v), &error));
      g_assert_no_error (error);
      if (from > 0)
        {
          g_assert_true (_redline_migrations_check_schema (sqlite, from, &error));
          g_assert_no_error (error);
          /* An older format is not the current one: its tables differ, or
           * some are missing. */
          g_assert_false (_redline_migrations_check_schema (sqlite, REDLINE_PROJECT_FORMAT,
                                                            &error));
          g_assert_true (g_error_matches (error, REDLINE_STORE_ERROR,
                                          REDLINE_STORE_ERROR_FOREIGN_SCHEMA) ||
                         g_error_matches (error, REDLINE_STORE_ERROR,
                                          REDLINE_STORE_ERROR_CORRUPT));
          g_clear_error (&error);
        }
      migrate (sqlite, from);
      _redline_sqlite_free (sqlite);
    }
}

/* Anything the migrations did not make is refused, and a failed migration
 * leaves nothing behind. */
static void
test_foreign_and_failed (void)
{
  RedlineSqlite *sqlite = open_memory ();
  g_autoptr(GError) error = NULL;
  gint64 version = -1;

  migrate (sqlite, 0);
  g_assert_true (_redline_sqlite_exec (sqlite, "CREATE TABLE extra (x)", &error));
  g_assert_false (_redline_migrations_check_schema (sqlite, REDLINE_PROJECT_FORMAT, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_FOREIGN_SCHEMA);
  g_assert_nonnull (strstr (error->message, "extra"));
  g_clear_error (&error);
  _redline_sqlite_free (sqlite);

  /* The second migration fails on a table in its way; the first one goes
   * with the transaction. */
  sqlite = open_memory ();
  g_assert_true (_redline_sqlite_exec (sqlite, "CREATE TABLE waivers (x)", &error));
  {
    g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;

    g_assert_true (_redline_sqlite_begin (sqlite, &tx, REDLINE_TRANSACTION_WRITE, &error));
    g_assert_false (_redline_migrations_apply (sqlite, 0, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_SQL);
  }
  g_assert_true (_redline_sqlite_query_int (sqlite, "PRAGMA user_version", &version, NULL));
  g_assert_cmpint (version, ==, 0);
  g_assert_true (_redline_sqlite_query_int (sqlite,
                                            "SELECT count(*) FROM sqlite_schema "
                                            "WHERE name = 'campaigns'", &version, NULL));
  g_assert_cmpint (version, ==, 0);
  _redline_sqlite_free (sqlite);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/migrations/pinned", test_pinned);
  g_test_add_func ("/redline/migrations/apply", test_apply);
  g_test_add_func ("/redline/migrations/foreign-and-failed", test_foreign_and_failed);

  return g_test_run ();
}
