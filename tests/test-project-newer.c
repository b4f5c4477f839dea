/* test-project-newer.c: a project file from a newer Redline opens read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "redline-core.h"

typedef struct
{
  char   *dir;
  char   *path;
  GFile  *file;
  gint64  post_id;
} Fixture;

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A project as a later format might leave it: one more column, one more
 * table, and a higher user_version. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("秋季", REDLINE_ECOSYSTEM_WEIXIN);
  g_autoptr(RedlinePost) post = NULL;
  g_autofree char *sql = NULL;

  fixture->dir = g_dir_make_tmp ("redline-newer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "newer.redline", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  project = redline_project_create (fixture->file, "Newer", &error);
  g_assert_no_error (error);
  redline_project_add_campaign (project, campaign, &error);
  g_assert_no_error (error);
  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_ARTICLE);
  redline_post_set_title (post, "桂花拿铁回来了");
  redline_post_set_digest (post, "秋天的第一杯");
  redline_project_add_post (project, post, &error);
  g_assert_no_error (error);
  fixture->post_id = redline_post_get_id (post);
  redline_project_close (project);

  sql = g_strdup_printf ("ALTER TABLE posts ADD COLUMN mood TEXT; "
                         "CREATE TABLE reactions (post_id INTEGER, emoji TEXT); "
                         "PRAGMA user_version = %d;", REDLINE_PROJECT_FORMAT + 1);
  run_sql (fixture->path, sql);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_newer_refused_by_default (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = hash_file (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(RedlineProject) project = redline_project_open (fixture->file,
                                                            REDLINE_PROJECT_FLAGS_NONE, &error);

  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TOO_NEW);
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_opens_read_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = hash_file (fixture->path);
  g_autofree char *after = NULL;
  RedlinePost *post;

  {
    /* Asked for writing, it still opens read-only. */
    g_autoptr(RedlineProject) project =
      redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_ALLOW_NEWER, &error);

    g_assert_no_error (error);
    g_assert_true (redline_project_get_read_only (project));
    g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT + 1);
    post = redline_project_find_post (project, fixture->post_id);
    g_assert_nonnull (post);
    g_assert_cmpstr (redline_post_get_title (post), ==, "桂花拿铁回来了");
    g_assert_cmpstr (redline_post_get_digest (post), ==, "秋天的第一杯");

    redline_post_set_title (post, "改了");
    g_assert_false (redline_project_update_post (project, post, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    redline_project_close (project);
  }
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

static void
test_newer_missing_column (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;

  /* A later format that dropped a column this one reads is refused. */
  run_sql (fixture->path, "ALTER TABLE posts DROP COLUMN link;");
  project = redline_project_open (fixture->file,
                                  REDLINE_PROJECT_FLAGS_READ_ONLY |
                                  REDLINE_PROJECT_FLAGS_ALLOW_NEWER, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "newer.redline"));
}

static void
test_current_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-newer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "current.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = redline_project_create (file, "Current", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT);
  redline_project_close (project);
  g_clear_object (&project);
  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_ALLOW_NEWER, &error);
  g_assert_no_error (error);
  g_assert_false (redline_project_get_read_only (project));
  g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT);
  redline_project_close (project);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/project/newer/refused-by-default", Fixture, NULL, fixture_set_up,
              test_newer_refused_by_default, fixture_tear_down);
  g_test_add ("/project/newer/opens-read-only", Fixture, NULL, fixture_set_up,
              test_newer_opens_read_only, fixture_tear_down);
  g_test_add ("/project/newer/missing-column", Fixture, NULL, fixture_set_up,
              test_newer_missing_column, fixture_tear_down);
  g_test_add_func ("/project/newer/current-format", test_current_format);
  return g_test_run ();
}
