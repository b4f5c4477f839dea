/* test-audit.c: the audit log's seals, and edits made behind Redline's back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "redline-test-project.h"

/* A project whose log has a few entries: the posts, two comments and a
 * waiver. */
static void
make_history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autoptr(RedlinePost) post = g_list_model_get_item (redline_project_get_posts (project), 0);

  redline_project_set_actor (project, "王律师");
  g_assert_cmpstr (redline_project_get_actor (project), ==, "王律师");
  g_assert_cmpint (redline_project_add_comment (project, post, "王律师", "请改", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (redline_project_add_comment (project, post, "Mei", "Done", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (redline_project_add_waiver (project, post, "ad-law.absolute.zui", "最佳",
                                               "award on file", "王律师", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_audit_entries (project), >=, 5);
}

static RedlineProject *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RedlineProject *project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                  &error);

  g_assert_no_error (error);
  return project;
}

static void
test_intact (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autofree char *actor = NULL;
  guint n_unsealed = 99;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  make_history (fixture);
  project = reopen (fixture);
  g_assert_true (redline_project_verify_audit (project, &n_unsealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_unsealed, ==, 0);
  g_clear_object (&project);

  /* Every entry is sealed, and names who acted. */
  db = raw_open (fixture->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit_log WHERE hash IS NULL "
                                           "OR length(hash) != 64", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  actor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (actor, ==, "王律师");
}

typedef struct
{
  const char *name;
  const char *sql;       /* run with the triggers dropped */
  const char *expected;  /* in the message */
} Tampering;

static const Tampering tamperings[] = {
  { "changed", "UPDATE audit_log SET actor = 'Mallory' WHERE id = 3", "entry 3" },
  { "detail", "UPDATE audit_log SET detail = 'approved' WHERE id = 2", "entry 2" },
  { "deleted", "DELETE FROM audit_log WHERE id = 2", "entry 3" },
  { "unsealed", "UPDATE audit_log SET hash = NULL WHERE id = 4", "entry 4" },
  { "inserted", "INSERT INTO audit_log (id, at, actor, action, hash) "
                "SELECT max(id) + 1, '2020-01-01T00:00:00Z', 'Mallory', 'approve', "
                "'0000000000000000000000000000000000000000000000000000000000000000' "
                "FROM audit_log", "approve" },
};

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  const Tampering *tampering = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *triggers = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  make_history (fixture);
  /* As one would with sqlite3: drop the triggers, edit, put them back as
   * they were, so that the file still opens. */
  db = raw_open (fixture->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat(sql, ';') FROM sqlite_master "
                                           "WHERE type = 'trigger' AND tbl_name = 'audit_log'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  triggers = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  raw_exec (db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
  raw_exec (db, tampering->sql);
  raw_exec (db, triggers);
  sqlite3_close (db);
  before = hash_file (fixture->path);

  project = reopen (fixture);
  g_assert_false (redline_project_verify_audit (project, NULL, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TAMPERED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "test.redline"));
  g_assert_nonnull (strstr (error->message, tampering->expected));
  g_clear_error (&error);
  g_clear_object (&project);

  /* redline-check still checks the posts, and says so plainly. */
  if (g_getenv ("REDLINE_CHECK") != NULL)
    {
      const char *argv[] = { g_getenv ("REDLINE_CHECK"), fixture->path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      /* The one error is waived: shown, and not counted. */
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_nonnull (strstr (out, "waived by 王律师"));
      g_assert_nonnull (strstr (err, "warning"));
      g_assert_nonnull (strstr (err, "audit trail has been altered"));
      g_assert_nonnull (strstr (err, tampering->expected));
      g_assert_nonnull (strstr (out, "最佳"));
    }

  /* Finding it out writes nothing. */
  g_autofree char *after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A file from before seals (format 4) with a history: its entries count
 * as unsealed, and those written after the upgrade are sealed. */
static void
test_unsealed (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(RedlinePost) post = NULL;
  guint n_unsealed = 0;
  sqlite3 *db;

  db = raw_open (fixture->path);
  for (guint v = 1; v <= 4; v++)
    raw_exec (db, _redline_project_get_migration (v));
  raw_exec (db, "PRAGMA application_id = 1380207694; PRAGMA user_version = 4;"
                "INSERT INTO audit_log (at, actor, action, object, detail) VALUES "
                "('2024-09-01T10:00:00Z', 'mei', 'create', NULL, NULL),"
                "('2024-09-02T10:00:00Z', 'mei', 'approve', 'post/1', 'approved')");
  sqlite3_close (db);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (redline_project_verify_audit (project, &n_unsealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_unsealed, ==, 2);

  campaign = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_true (redline_project_add_campaign (project, campaign, &error));
  g_assert_no_error (error);
  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_audit_entries (project), >=, 4);
  g_assert_true (redline_project_verify_audit (project, &n_unsealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_unsealed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/redline/audit/intact", Fixture, NULL, fixture_set_up, test_intact,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/redline/audit/tampered/%s", tamperings[i].name);

      g_test_add (path, Fixture, &tamperings[i], fixture_set_up, test_tampered,
                  fixture_tear_down);
    }
  g_test_add ("/redline/audit/unsealed", Fixture, NULL, fixture_set_up, test_unsealed,
              fixture_tear_down);

  return g_test_run ();
}
