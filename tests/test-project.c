/* test-project.c: tests for RedlineProject, the project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "redline-core.h"
#include "redline-project-private.h"

static const char *test_program;

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("redline-project-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.redline", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A raw connection, without any of the project's protection. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static RedlineProject *
create_sample (Fixture  *fixture,
               guint     n_posts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) weixin = NULL;
  g_autoptr(RedlineCampaign) wechat = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);

  project = redline_project_create (fixture->file, "Test project", &error);
  g_assert_no_error (error);

  weixin = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  redline_campaign_set_start_date (weixin, "2024-09-01");
  redline_campaign_set_end_date (weixin, "2024-10-31");
  redline_campaign_set_budget (weixin, 5000000);
  redline_campaign_set_currency (weixin, "CNY");
  redline_campaign_set_target_regions (weixin, (const char * const[]) { "CN-SH", "CN-BJ", NULL });
  g_assert_true (redline_project_add_campaign (project, weixin, &error));
  g_assert_no_error (error);

  wechat = redline_campaign_new ("Autumn launch", REDLINE_ECOSYSTEM_WECHAT);
  g_assert_true (redline_project_add_campaign (project, wechat, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_posts; i++)
    {
      RedlinePost *post = redline_post_new (redline_campaign_get_id (i % 2 ? wechat : weixin),
                                            i % REDLINE_N_CONTENT_KINDS);
      g_autofree char *title = g_strdup_printf ("Post %u", i);

      redline_post_set_title (post, title);
      redline_post_set_body (post, i % 3 == 0 ? "本店咖啡采用最佳阿拉比卡豆" : "A fine latte");
      g_ptr_array_add (posts, post);
    }
  g_assert_true (redline_project_add_posts (project, posts, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&project);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineProject) again = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(RedlinePost) post = NULL;
  GListModel *campaigns, *posts;
  sqlite3 *db;

  project = create_sample (fixture, 3);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 3);
  redline_project_close (project);
  g_clear_object (&project);

  /* Creating over an existing file is refused. */
  again = redline_project_create (fixture->file, "Again", &error);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN);
  g_assert_null (again);
  g_clear_error (&error);

  g_assert_true (redline_project_is_project_file (fixture->path));

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Test project");
  campaigns = redline_project_get_campaigns (project);
  posts = redline_project_get_posts (project);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);

  campaign = g_list_model_get_item (campaigns, 0);
  g_assert_cmpstr (redline_campaign_get_name (campaign), ==, "秋季上新");
  g_assert_cmpint (redline_campaign_get_ecosystem (campaign), ==, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpstr (redline_campaign_get_end_date (campaign), ==, "2024-10-31");
  g_assert_cmpint (redline_campaign_get_budget (campaign), ==, 5000000);
  g_assert_cmpstr (redline_campaign_get_currency (campaign), ==, "CNY");
  g_assert_cmpstr (redline_campaign_get_target_regions (campaign)[1], ==, "CN-BJ");

  post = g_list_model_get_item (posts, 1);
  g_assert_cmpstr (redline_post_get_title (post), ==, "Post 1");
  g_assert_cmpint (redline_post_get_kind (post), ==, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpint (redline_project_get_post_ecosystem (project, post), ==,
                   REDLINE_ECOSYSTEM_WECHAT);
  g_assert_nonnull (redline_post_get_created_at (post));

  /* The file carries our identity and format. */
  db = _redline_project_get_db (project);
  g_assert_nonnull (db);
  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, REDLINE_PROJECT_APPLICATION_ID);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }

  /* Invalid values are refused, and the object is put back. */
  redline_campaign_set_end_date (campaign, "2024-13-01");
  g_assert_false (redline_project_update_campaign (project, campaign, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_assert_cmpstr (redline_campaign_get_end_date (campaign), ==, "2024-10-31");
  g_clear_error (&error);

  redline_post_set_scheduled_at (post, "next Tuesday");
  g_assert_false (redline_project_update_post (project, post, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_assert_null (redline_post_get_scheduled_at (post));
  g_clear_error (&error);

  {
    g_autoptr(RedlinePost) orphan = redline_post_new (999, REDLINE_CONTENT_KIND_ARTICLE);

    redline_post_set_body (orphan, "x");
    g_assert_false (redline_project_add_post (project, orphan, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_FOUND);
    g_assert_cmpint (redline_post_get_id (orphan), ==, 0);
    g_clear_error (&error);
  }

  /* Closing keeps the models but refuses changes. */
  redline_project_close (project);
  g_assert_false (redline_project_set_name (project, "Closed", &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CLOSED);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
test_models (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 4);
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(RedlinePost) second = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  GListModel *posts = redline_project_get_posts (project);
  GListModel *campaigns = redline_project_get_campaigns (project);
  ItemsChanged changed = { 0 };
  ItemsChanged campaigns_changed = { 0 };
  guint audit_before;

  g_signal_connect (posts, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_signal_connect (campaigns, "items-changed", G_CALLBACK (on_items_changed_cb),
                    &campaigns_changed);

  campaign = g_list_model_get_item (campaigns, 0);
  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_CHANNELS);
  g_clear_object (&campaign);
  redline_post_set_body (post, "新品上市");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_true (redline_project_find_post (project, redline_post_get_id (post)) == post);

  second = g_list_model_get_item (posts, 1);
  redline_post_set_body (second, "Changed");
  g_assert_true (redline_project_update_post (project, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  audit_before = redline_project_count_audit_entries (project);
  g_assert_cmpint (redline_project_add_review (project, second, REDLINE_REVIEW_DECISION_APPROVED,
                                               "Legal", "Fine", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (second), ==, REDLINE_POST_STATUS_APPROVED);
  g_assert_cmpuint (redline_project_count_reviews (project, second), ==, 1);
  g_assert_cmpint (redline_project_add_comment (project, second, "Mei", "Looks good", &error),
                   >, 0);
  g_assert_cmpint (redline_project_add_waiver (project, second, "ad-law.absolute.zui", "最佳",
                                               "最佳赏味期 on the label", "Legal", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_audit_entries (project), ==, audit_before + 3);

  g_assert_true (redline_project_remove_post (project, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 4);
  g_assert_cmpint (redline_post_get_id (second), ==, 0);

  /* Removing a campaign removes its posts. */
  campaign = g_list_model_get_item (campaigns, 1);
  g_assert_true (redline_project_remove_campaign (project, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns_changed.count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);

  /* The audit log is append-only, even for us. */
  g_assert_cmpint (sqlite3_exec (_redline_project_get_db (project),
                                 "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (_redline_project_get_db (project),
                                 "UPDATE audit_log SET actor = 'x'", NULL, NULL, NULL),
                   !=, SQLITE_OK);

  g_signal_handlers_disconnect_by_data (posts, &changed);
  g_signal_handlers_disconnect_by_data (campaigns, &campaigns_changed);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(RedlinePost) post = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&project);
  before = hash_file (fixture->path);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (redline_project_get_read_only (project));

  campaign = redline_campaign_new ("New", REDLINE_ECOSYSTEM_WECHAT);
  g_assert_false (redline_project_add_campaign (project, campaign, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  post = g_list_model_get_item (redline_project_get_posts (project), 0);
  redline_post_set_title (post, "Changed");
  g_assert_false (redline_project_update_post (project, post, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (redline_post_get_title (post), ==, "Post 0");
  g_clear_error (&error);

  g_assert_false (redline_project_set_allowed_terms (project, NULL, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&project);
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A format-1 file, made from the SQL text of the first migration. */
static void
make_v1_fixture (const char *path)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, "BEGIN");
  raw_exec (db, "PRAGMA application_id = 1380207694");
  raw_exec (db, _redline_project_get_migration (1));
  raw_exec (db, "PRAGMA user_version = 1");
  raw_exec (db, "INSERT INTO settings (key, value) VALUES ('name', 'Old project')");
  raw_exec (db, "INSERT INTO allowed_domains (domain) VALUES ('lumi.example')");
  raw_exec (db, "INSERT INTO campaigns (id, name, ecosystem) VALUES (7, '旧活动', 'weixin')");
  raw_exec (db, "INSERT INTO posts (id, campaign_id, kind, body, created_at, updated_at) "
                "VALUES (3, 7, 'article', '保本理财', '2023-01-01T00:00:00Z', "
                "'2023-01-01T00:00:00Z')");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(RedlinePost) post = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  make_v1_fixture (fixture->path);
  before = hash_file (fixture->path);

  /* Read-only migrates a copy in memory and does not touch the file. */
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Old project");
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 1);
  g_assert_false (redline_project_set_name (project, "Renamed", &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&project);
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Old project");
  g_assert_cmpstr (redline_project_get_allowed_domains (project)[0], ==, "lumi.example");
  campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_assert_cmpint (redline_campaign_get_id (campaign), ==, 7);
  g_assert_null (redline_campaign_get_notes (campaign));
  redline_campaign_set_notes (campaign, "Notes arrived in format 2");
  g_assert_true (redline_project_update_campaign (project, campaign, &error));
  g_assert_no_error (error);
  post = g_list_model_get_item (redline_project_get_posts (project), 0);
  g_assert_cmpstr (redline_post_get_body (post), ==, "保本理财");
  g_assert_cmpint (redline_project_add_waiver (project, post, "ad-law.finance.guarantee", NULL,
                                               "Quoted from a court ruling", "Legal", &error),
                   >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (_redline_project_get_db (project),
                                       "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, REDLINE_PROJECT_FORMAT);
  sqlite3_finalize (stmt);
  g_clear_object (&project);

  /* And it opens again as a current file. */
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&campaign);
  campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_assert_cmpstr (redline_campaign_get_notes (campaign), ==, "Notes arrived in format 2");
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  g_clear_object (&project);
  db = raw_open (fixture->path);
  raw_exec (db, "PRAGMA user_version = 9");
  sqlite3_close (db);
  before = hash_file (fixture->path);

  for (guint flags = 0; flags < 2; flags++)
    {
      project = redline_project_open (fixture->file, flags, &error);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TOO_NEW);
      g_assert_null (project);
      g_assert_nonnull (strstr (error->message, "made by a newer Redline (format 9)"));
      g_clear_error (&error);
    }
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_project (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *contents;
    gssize      length;
  } cases[] = {
    { "empty", "", 0 },
    { "text", "本店咖啡采用最佳阿拉比卡豆\n", -1 },
    { "short-header", "SQLite format 3", 16 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autofree char *sqlite_path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].contents, cases[i].length, NULL));
      before = hash_file (path);
      project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT);
      g_assert_nonnull (strstr (error->message, "not a Redline project"));
      g_assert_null (project);
      g_clear_error (&error);
      after = hash_file (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (redline_project_is_project_file (path));
    }

  /* Another application's SQLite file. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(GFile) file = NULL;
    sqlite3 *db;

    sqlite_path = g_build_filename (fixture->dir, "other.sqlite", NULL);
    db = raw_open (sqlite_path);
    raw_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 1");
    sqlite3_close (db);
    before = hash_file (sqlite_path);
    file = g_file_new_for_path (sqlite_path);
    project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT);
    g_clear_error (&error);
    after = hash_file (sqlite_path);
    g_assert_cmpstr (before, ==, after);
  }

  {
    g_autoptr(GFile) parent = g_file_get_parent (fixture->file);

    missing = g_file_get_child (parent, "missing.redline");
  }
  project = redline_project_open (missing, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN);
  g_assert_false (g_file_query_exists (missing, NULL));
}

static void
corrupt_file (const char *path,
              goffset     offset,
              gsize       length)
{
  FILE *f = fopen (path, "r+b");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, offset, SEEK_SET), ==, 0);
  for (gsize i = 0; i < length; i++)
    fputc ((int) ((i * 37 + 11) & 0xff), f);
  fclose (f);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 400);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
      if (round == 0)
        corrupt_file (fixture->path, 4096 * 4, 4096 * 3);       /* data pages */
      else if (round == 1)
        corrupt_file (fixture->path, 100, 3900);               /* the schema page */
      else
        g_assert_cmpint (truncate (fixture->path, length / 2), ==, 0);

      before = hash_file (fixture->path);
      project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_assert_null (project);
      g_clear_error (&error);
      after = hash_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_foreign_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const additions[] = {
    "CREATE TRIGGER evil AFTER INSERT ON posts BEGIN DELETE FROM campaigns; END",
    "CREATE VIEW v AS SELECT * FROM posts",
    "CREATE TABLE extra (x)",
    "CREATE INDEX posts_title ON posts (title)",
    "DROP TRIGGER audit_log_no_delete",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (additions); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      sqlite3 *db;

      g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
      db = raw_open (fixture->path);
      raw_exec (db, additions[i]);
      sqlite3_close (db);

      before = hash_file (fixture->path);
      project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_null (project);
      if (i < 4)
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_FOREIGN_SCHEMA);
      else
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
      g_test_message ("%s → %s", additions[i], error->message);
      g_clear_error (&error);
      after = hash_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autoptr(RedlineCampaign) campaign = NULL;
  sqlite3 *other;
  gint64 start;

  g_clear_object (&project);

  /* Another program is writing: opening fails quickly. */
  other = raw_open (fixture->path);
  raw_exec (other, "BEGIN EXCLUSIVE");
  raw_exec (other, "INSERT INTO audit_log (at, actor, action) VALUES ('now', 'x', 'y')");
  start = g_get_monotonic_time ();
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_null (project);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);
  raw_exec (other, "ROLLBACK");

  /* Open, then another program takes the write lock: changes fail quickly. */
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  raw_exec (other, "BEGIN IMMEDIATE");
  campaign = redline_campaign_new ("Blocked", REDLINE_ECOSYSTEM_WEIXIN);
  start = g_get_monotonic_time ();
  g_assert_false (redline_project_add_campaign (project, campaign, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_LOCKED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (redline_campaign_get_id (campaign), ==, 0);
  g_clear_error (&error);
  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);

  /* Once released, it works. */
  g_assert_true (redline_project_add_campaign (project, campaign, &error));
  g_assert_no_error (error);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 5);
  g_autoptr(RedlineProject) copy = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.redline", NULL);
  g_autofree char *moved_path = g_build_filename (fixture->dir, "moved.redline", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (redline_project_duplicate (project, copy_file, &error));
  g_assert_no_error (error);
  copy = redline_project_open (copy_file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (copy)), ==, 5);
  g_clear_object (&copy);

  before = hash_file (fixture->path);
  g_assert_true (redline_project_save_as (project, moved_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (redline_project_get_file (project), moved_file));
  g_assert_true (redline_project_set_name (project, "Moved", &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  copy = redline_project_open (moved_file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (copy), ==, "Moved");
}

/* The crash test's child: adds posts in batches until it is killed,
 * printing the number of posts committed after each batch. */
static int
run_writer (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  guint n = 0;

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  n = g_list_model_get_n_items (redline_project_get_posts (project));

  for (;;)
    {
      g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < 50; i++)
        {
          RedlinePost *post = redline_post_new (redline_campaign_get_id (campaign),
                                                REDLINE_CONTENT_KIND_ARTICLE);
          g_autofree char *title = g_strdup_printf ("crash %u", n + i);
          g_autofree char *body = g_strnfill (200 + (n + i) % 700, 'x');

          redline_post_set_title (post, title);
          redline_post_set_body (post, body);
          g_ptr_array_add (posts, post);
        }
      if (!redline_project_add_posts (project, posts, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      n += 50;
      printf ("%u\n", n);
      fflush (stdout);
    }
  return 0;
}

static void
test_crash_kill (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);

  g_clear_object (&project);

  for (guint round = 0; round < 6; round++)
    {
      const char *argv[] = { test_program, "--crash-writer", fixture->path, NULL };
      g_autoptr(GIOChannel) channel = NULL;
      guint committed = 0;
      guint target = 50 * g_test_rand_int_range (2, 12);
      GPid pid;
      int out_fd;
      int status;
      char *line = NULL;
      sqlite3 *db;
      sqlite3_stmt *stmt;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);

      while (committed < target &&
             g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
        {
          committed = MAX (committed, (guint) atoi (line));
          g_free (line);
        }
      /* Somewhere inside the next transaction. */
      g_usleep (g_test_rand_int_range (0, 3000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpuint (committed, >=, target);

      /* The rollback journal is left behind; opening rolls it back. */
      project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_no_error (error);
      db = _redline_project_get_db (project);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                       SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      /* Every committed batch is there, and only whole batches are. */
      g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), >=,
                        committed);
      g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)) % 50,
                        ==, 0);
      for (guint i = 0; i < committed; i += 37)
        {
          g_autoptr(RedlinePost) post =
            g_list_model_get_item (redline_project_get_posts (project), i);
          g_autofree char *title = g_strdup_printf ("crash %u", i);

          g_assert_cmpstr (redline_post_get_title (post), ==, title);
        }
      g_test_message ("round %u: %u committed, %u in the file", round, committed,
                      g_list_model_get_n_items (redline_project_get_posts (project)));
      g_clear_object (&project);
    }
}

static void
test_rule_set (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func (
    (GDestroyNotify) redline_banned_term_free);
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  static const char * const domains[] = { "Lumi.Example", NULL };
  static const char * const allowed[] = { "最佳拍档", NULL };

  g_ptr_array_add (banned, redline_banned_term_new ("星巴克", "competitor"));
  g_ptr_array_add (banned, redline_banned_term_new ("Rival & Co", "competitor"));
  g_ptr_array_add (banned, redline_banned_term_new ("秒杀", "absolute-term"));
  g_assert_true (redline_project_set_banned_terms (project, banned, &error));
  g_assert_no_error (error);
  g_assert_true (redline_project_set_allowed_domains (project, domains, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_allowed_domains (project)[0], ==, "lumi.example");
  g_assert_true (redline_project_set_allowed_terms (project, allowed, &error));
  g_assert_no_error (error);

  /* Bad values are refused. */
  g_assert_false (redline_project_set_allowed_domains (
                    project, (const char * const[]) { "not a domain", NULL }, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (banned, redline_banned_term_new ("x", "Bad Category"));
  g_assert_false (redline_project_set_banned_terms (project, banned, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (redline_project_get_banned_terms (project)->len, ==, 3);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);

  campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_MOMENTS_AD);
  redline_post_set_title (post, "比 <Rival & Co> 更好");
  redline_post_set_body (post, "比星巴克更香，限时秒杀！我们是你的最佳拍档，本店最佳。");
  redline_post_set_link (post, "https://shop.lumi.example/autumn");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);

  findings = redline_project_check_post (project, rule_set, post,
                                         redline_project_get_post_ecosystem (project, post));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (seen, "%s:%s:%s ", redline_finding_get_category (finding),
                              redline_field_to_string (redline_finding_get_field (finding)),
                              redline_finding_get_text (finding));
    }
  g_test_message ("findings: %s", seen->str);
  g_assert_nonnull (strstr (seen->str, "competitor:title:Rival & Co"));
  g_assert_nonnull (strstr (seen->str, "competitor:body:星巴克"));
  g_assert_nonnull (strstr (seen->str, "absolute-term:body:秒杀"));
  /* 最佳 inside the allowed 最佳拍档 is cancelled; the second one is not. */
  {
    g_auto(GStrv) parts = g_strsplit (seen->str, "最佳", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
  }
  /* The project's allowlisted domain is not a finding. */
  g_assert_null (strstr (seen->str, "link:"));

  /* Enabled packs limit the built-in ones. */
  g_assert_true (redline_project_set_enabled_packs (
                   project, (const char * const[]) { "no.such.pack", NULL }, &error));
  g_assert_no_error (error);
  g_clear_object (&rule_set);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_rule_set_get_n_packs (rule_set), ==, 1);
}

static RedlineProject *
create_for_csv (Fixture *fixture)
{
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);

  return g_steal_pointer (&project);
}

static void
test_csv_import (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char good[] =
    "\xef\xbb\xbfTitle,Body,CTA,Kind,Campaign,Scheduled At,Status\r\n"
    "新品,\"第一行\r\n第二行, 有逗号，还有\"\"引号\"\"\",立即购买,moments-ad,秋季上新,"
    "2024-09-20T09:00:00+08:00,draft\r\n"
    "\r\n"
    "Hello,\"The best, \"\"really\"\"\",,article,2,,approved\r\n"
    ",Only a body,,,,,\r\n";
  static const struct
  {
    const char *csv;
    const char *message;
  } bad[] = {
    { "", "the file is empty" },
    { "title,body,colour\nA,B,red\n", ":1: unknown column “colour”" },
    { "title,body\nA,B\nC\n", ":3: 1 fields, but the header names 2 columns" },
    { "title,body\nA,\"B\nmore\nC,D\n", ":2: a quoted field is never closed" },
    { "title,body\nA,\"B\"x\n", ":2: unexpected text after the closing quote" },
    { "title,body\nA,B\"x\n", ":2: a quote inside a field" },
    { "title,body,kind\nA,B,article\n\"x\ny\",z,tweet\n", ":3: unknown content kind “tweet”" },
    { "title,campaign\nA,Winter\n", ":2: there is no campaign “Winter”" },
    { "title,body,status\nA,B,done\n", ":2: unknown status “done”" },
    { "title,body\nA,B\n,\n", ":3: the post has neither a title nor a body" },
    { "title,body\nA,B\nC,\xff\xfe\n", ":3: not UTF-8" },
    { "title,title\nA,B\n", ":1: column “title” appears twice" },
    { "title,scheduled_at\nA,tomorrow\n", ":2: “tomorrow” is not a date" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_for_csv (fixture);
  g_autoptr(RedlineCampaign) first = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RedlinePost) post = NULL;
  GListModel *posts = redline_project_get_posts (project);
  guint n;

  first = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  bytes = g_bytes_new_static (good, sizeof good - 1);
  n = redline_project_import_csv (project, bytes, "copy.csv", first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);

  post = g_list_model_get_item (posts, 0);
  g_assert_cmpstr (redline_post_get_title (post), ==, "新品");
  g_assert_cmpstr (redline_post_get_body (post), ==, "第一行\n第二行, 有逗号，还有\"引号\"");
  g_assert_cmpstr (redline_post_get_call_to_action (post), ==, "立即购买");
  g_assert_cmpint (redline_post_get_kind (post), ==, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpstr (redline_post_get_scheduled_at (post), ==, "2024-09-20T09:00:00+08:00");
  g_clear_object (&post);
  post = g_list_model_get_item (posts, 1);
  g_assert_cmpstr (redline_post_get_body (post), ==, "The best, \"really\"");
  g_assert_cmpint (redline_post_get_campaign_id (post), ==, 2);
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_APPROVED);
  g_clear_object (&post);
  post = g_list_model_get_item (posts, 2);
  g_assert_null (redline_post_get_title (post));
  g_assert_cmpint (redline_post_get_campaign_id (post), ==, redline_campaign_get_id (first));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) csv = g_bytes_new_static (bad[i].csv, strlen (bad[i].csv));

      n = redline_project_import_csv (project, csv, "bad.csv", first, &error);
      g_assert_cmpuint (n, ==, 0);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.csv"));
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, bad[i].message);
      g_clear_error (&error);
      /* All or nothing. */
      g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 6);
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.redline", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(RedlineProject) copy = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  JsonObject *root;
  JsonArray *campaigns, *posts;
  GListModel *copy_posts;

  post = g_list_model_get_item (redline_project_get_posts (project), 0);
  redline_post_set_body (post, "Line one,\n\"quoted\" line two");
  g_assert_true (redline_project_update_post (project, post, &error));
  g_assert_cmpint (redline_project_add_review (project, post, REDLINE_REVIEW_DECISION_REJECTED,
                                               "Legal", "最佳 is banned", NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  json = redline_project_export_json (project, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "redline-project");
  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "Test project");
  campaigns = json_object_get_array_member (root, "campaigns");
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (campaigns, 1),
                                                  "ecosystem"), ==, "wechat");
  posts = json_object_get_array_member (json_array_get_object_element (campaigns, 0), "posts");
  g_assert_cmpuint (json_array_get_length (posts), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (posts, 0),
                                                  "status"), ==, "rejected");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (posts, 0), "reviews")), ==, 1);

  /* CSV goes back in. */
  csv = redline_project_export_csv (project);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfid,campaign,ecosystem,kind,status,"));
  copy = redline_project_create (copy_file, "Copy", &error);
  g_assert_no_error (error);
  campaign = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_true (redline_project_add_campaign (copy, campaign, &error));
  g_clear_object (&campaign);
  campaign = redline_campaign_new ("Autumn launch", REDLINE_ECOSYSTEM_WECHAT);
  g_assert_true (redline_project_add_campaign (copy, campaign, &error));
  bytes = g_bytes_new_take (g_strdup (csv), strlen (csv));
  g_assert_cmpuint (redline_project_import_csv (copy, bytes, "export.csv", NULL, &error), ==, 6);
  g_assert_no_error (error);
  copy_posts = redline_project_get_posts (copy);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(RedlinePost) a = g_list_model_get_item (redline_project_get_posts (project), i);
      g_autoptr(RedlinePost) b = g_list_model_get_item (copy_posts, i);

      g_assert_cmpstr (redline_post_get_title (a), ==, redline_post_get_title (b));
      g_assert_cmpstr (redline_post_get_body (a), ==, redline_post_get_body (b));
      g_assert_cmpint (redline_post_get_kind (a), ==, redline_post_get_kind (b));
      g_assert_cmpint (redline_post_get_status (a), ==, redline_post_get_status (b));
      g_assert_cmpint (redline_project_get_post_ecosystem (project, a), ==,
                       redline_project_get_post_ecosystem (copy, b));
    }
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                 "lumi-cafe.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  GListModel *posts;
  guint kinds = 0, with_findings = 0, reviewed = 0;

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Lumi Café — autumn launch");
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==, 2);
  posts = redline_project_get_posts (project);
  g_assert_cmpuint (g_list_model_get_n_items (posts), >=, 12);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GListModel) findings =
        redline_project_check_post (project, rule_set, post,
                                    redline_project_get_post_ecosystem (project, post));

      kinds |= 1u << redline_post_get_kind (post);
      with_findings += g_list_model_get_n_items (findings) > 0;
      reviewed += redline_project_count_reviews (project, post) > 0;
    }
  g_assert_cmpuint (kinds, ==, (1u << REDLINE_N_CONTENT_KINDS) - 1);
  g_assert_cmpuint (with_findings, >, 0);
  g_assert_cmpuint (with_findings, <, g_list_model_get_n_items (posts));
  g_assert_cmpuint (reviewed, >, 0);
}

static void
test_check_command (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                 "lumi-cafe.redline", NULL);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *results;
  gboolean weixin = FALSE, wechat = FALSE;
  int status;

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }

  {
    const char *argv[] = { redline_check, "--format=json", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  /* The sample has error findings on Weixin. */
  g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "results");
  g_assert_cmpuint (json_array_get_length (results), >=, 12);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      g_autofree char *prefix = g_strconcat (path, "#post-", NULL);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "file"), prefix));
      weixin |= g_str_equal (json_object_get_string_member (result, "ecosystem"), "weixin");
      wechat |= g_str_equal (json_object_get_string_member (result, "ecosystem"), "wechat");
    }
  /* Each post once, on its campaign's ecosystem. */
  g_assert_true (weixin && wechat);

  /* A project from a newer Redline: status 2, and the file named. */
  {
    g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", NULL);
    g_autofree char *copy = g_build_filename (dir, "newer.redline", NULL);
    g_autofree char *contents = NULL;
    const char *argv[] = { redline_check, copy, NULL };
    gsize length;
    sqlite3 *db;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    db = raw_open (copy);
    raw_exec (db, "PRAGMA user_version = 42");
    sqlite3_close (db);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
    g_assert_nonnull (strstr (err, "newer.redline"));
    g_assert_nonnull (strstr (err, "made by a newer Redline (format 42)"));
    g_unlink (copy);
    g_rmdir (dir);
  }
}

/* Runs redline-check on @path; returns its exit status, or -1 when the
 * program is not available. */
static int
run_check (const char  *path,
           char       **err)
{
  g_autoptr(GError) error = NULL;
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  const char *argv[] = { redline_check, path, NULL };
  int status;

  if (redline_check == NULL)
    return -1;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("redline-check %s → %s", path, *err);
  /* Killed by a signal (an assertion, a critical) is a failure too. */
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Makes @path a copy of @contents, then changes it with @sql on a raw
 * connection, without any of the project's checks. */
static void
tamper (const char *path,
        const char *contents,
        gsize       length,
        const char *sql)
{
  sqlite3 *db;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  db = raw_open (path);
  raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_bad_text (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const post_columns[] = {
    "title", "body", "call_to_action", "link", "scheduled_at", "created_at", "updated_at",
  };
  static const struct
  {
    const char *sql;
    const char *problem;
  } values[] = {
    { "CAST(X'f0' AS TEXT)", "not valid UTF-8 (byte 0xF0)" },
    { "'普通' || char(0) || '本店最佳咖啡'", "NUL byte" },
    { "'本店' || CAST(X'e69c80' AS TEXT) || CAST(X'e4' AS TEXT)", "not valid UTF-8 (byte 0xE4)" },
  };
  static const struct
  {
    const char *sql;
    const char *place;
  } others[] = {
    { "UPDATE campaigns SET name = %s WHERE id = 2", "campaign 2, field “name”" },
    { "UPDATE campaigns SET notes = %s WHERE id = 1", "campaign 1, field “notes”" },
    { "UPDATE campaigns SET target_regions = %s WHERE id = 1",
      "campaign 1, field “target_regions”" },
    { "UPDATE settings SET value = %s WHERE key = 'name'", "project name" },
    { "INSERT INTO banned_terms (term, category) VALUES (%s, 'competitor')",
      "“banned terms”, entry 1, field “term”" },
    { "INSERT INTO allowed_terms (term) VALUES (%s)", "“allowed terms”, entry 1" },
    { "INSERT INTO allowed_domains (domain) VALUES (%s)", "“allowed domains”, entry 1" },
    { "INSERT INTO enabled_packs (pack_id) VALUES (%s)", "“enabled packs”, entry 1" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 3);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (post_columns) + G_N_ELEMENTS (others); c++)
        {
          g_autofree char *sql = NULL;
          g_autofree char *place = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *err = NULL;
          int status;

          if (c < G_N_ELEMENTS (post_columns))
            {
              sql = g_strdup_printf ("UPDATE posts SET %s = %s WHERE id = 2", post_columns[c],
                                     values[v].sql);
              place = g_strdup_printf ("post 2, field “%s”", post_columns[c]);
            }
          else
            {
              g_auto(GStrv) parts =
                g_strsplit (others[c - G_N_ELEMENTS (post_columns)].sql, "%s", 2);

              sql = g_strjoinv (values[v].sql, parts);
              place = g_strdup (others[c - G_N_ELEMENTS (post_columns)].place);
            }
          tamper (fixture->path, contents, length, sql);
          before = hash_file (fixture->path);

          for (guint flags = 0; flags < 2; flags++)
            {
              project = redline_project_open (fixture->file, flags, &error);
              g_assert_null (project);
              g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
              g_test_message ("%s → %s", sql, error->message);
              assert_contains (error->message, fixture->path);
              assert_contains (error->message, place);
              assert_contains (error->message, values[v].problem);
              g_clear_error (&error);
            }

          /* redline-check refuses it like the same bytes in a text file. */
          status = run_check (fixture->path, &err);
          if (status >= 0)
            {
              g_assert_cmpint (status, ==, 2);
              assert_contains (err, fixture->path);
              assert_contains (err, place);
              assert_contains (err, values[v].problem);
            }

          after = hash_file (fixture->path);
          g_assert_cmpstr (before, ==, after);
        }
    }

  /* Rows read only on export: reviews, comments, waivers. */
  {
    static const char * const tables[] = { "comments", "waivers", "reviews" };

    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        g_autoptr(RedlinePost) post = NULL;
        g_autofree char *json = NULL;
        g_autofree char *sql = NULL;
        g_autofree char *place = NULL;

        g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
        project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
        g_assert_no_error (error);
        post = g_list_model_get_item (redline_project_get_posts (project), 0);
        g_assert_cmpint (redline_project_add_comment (project, post, "Legal", "OK", &error), >,
                         0);
        g_assert_cmpint (redline_project_add_waiver (project, post, "r", NULL, "why", "Legal",
                                                     &error), >, 0);
        g_assert_cmpint (redline_project_add_review (project, post,
                                                     REDLINE_REVIEW_DECISION_APPROVED, "Legal",
                                                     NULL, NULL, NULL, &error), >, 0);
        g_assert_no_error (error);
        sql = g_strdup_printf ("UPDATE %s SET %s = CAST(X'c0af' AS TEXT)", tables[t],
                               t == 0 ? "author" : t == 1 ? "justification" : "reviewer");
        raw_exec (_redline_project_get_db (project), sql);
        json = redline_project_export_json (project, &error);
        g_assert_null (json);
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
        g_test_message ("%s → %s", sql, error->message);
        place = g_strdup_printf ("table “%s”, row 1", tables[t]);
        assert_contains (error->message, place);
        assert_contains (error->message, "not valid UTF-8 (byte 0xC0)");
        g_clear_error (&error);
        g_clear_object (&post);
        g_clear_object (&project);
      }
  }
}

static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *message;
  } cases[] = {
    { "PRAGMA foreign_keys = OFF; "
      "INSERT INTO posts (id, campaign_id, kind, title, created_at, updated_at) "
      "VALUES (40, 99, 'article', '本店最佳', 'now', 'now')",
      "post 40 belongs to campaign 99, which is not in the file" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE campaigns SET ecosystem = 'qq' WHERE id = 2",
      "campaign 2: “qq” is not an ecosystem" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE posts SET kind = 'tweet' WHERE id = 3",
      "post 3: “tweet” is not a content kind" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE posts SET status = 'done' WHERE id = 1",
      "post 1: “done” is not a post status" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 3);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      int status;

      tamper (fixture->path, contents, length, cases[i].sql);
      before = hash_file (fixture->path);
      for (guint flags = 0; flags < 2; flags++)
        {
          /* The test runs with fatal criticals: a critical would abort it. */
          project = redline_project_open (fixture->file, flags, &error);
          g_assert_null (project);
          g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
          g_test_message ("%s → %s", cases[i].sql, error->message);
          assert_contains (error->message, fixture->path);
          assert_contains (error->message, cases[i].message);
          g_clear_error (&error);
        }
      status = run_check (fixture->path, &err);
      if (status >= 0)
        {
          g_assert_cmpint (status, ==, 2);
          assert_contains (err, cases[i].message);
          g_assert_null (strstr (err, "CRITICAL"));
        }
      after = hash_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_schema_stat (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const refused[] = {
    /* A trigger whose name only looks like ANALYZE's tables, on the
     * table an approved post's review writes to. */
    "PRAGMA writable_schema = ON; "
    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES "
    "('trigger', 'sqlite_stat_x', 'posts', 0, "
    "'CREATE TRIGGER sqlite_stat_x AFTER UPDATE ON posts "
    "BEGIN UPDATE posts SET body = ''本店最佳'' WHERE id = new.id; END')",
    /* A trigger under the real name. */
    "PRAGMA writable_schema = ON; "
    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES "
    "('trigger', 'sqlite_stat1', 'posts', 0, "
    "'CREATE TRIGGER sqlite_stat1 AFTER UPDATE ON posts BEGIN SELECT 1; END')",
    /* A view named like the other one. */
    "PRAGMA writable_schema = ON; "
    "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES "
    "('view', 'sqlite_stat4', 'sqlite_stat4', 0, "
    "'CREATE VIEW sqlite_stat4 AS SELECT * FROM posts')",
    /* The real table, declared otherwise. */
    "ANALYZE; PRAGMA writable_schema = ON; "
    "UPDATE sqlite_schema SET sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat,extra)' "
    "WHERE name = 'sqlite_stat1'",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 3);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      tamper (fixture->path, contents, length, refused[i]);
      before = hash_file (fixture->path);
      for (guint flags = 0; flags < 2; flags++)
        {
          project = redline_project_open (fixture->file, flags, &error);
          g_assert_null (project);
          g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_FOREIGN_SCHEMA);
          g_test_message ("%s → %s", refused[i], error->message);
          assert_contains (error->message, "sqlite_stat");
          g_clear_error (&error);
        }
      after = hash_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* What ANALYZE really makes is accepted. */
  tamper (fixture->path, contents, length, "ANALYZE");
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 3);
}

static void
test_banned_term_control (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const bad_terms[] = {
    "Lumi\fCafe", "Lumi\tCafe", "Lumi\nCafe", "\x01", "Lumi\xc2\x85" "Cafe",
    "Lumi\xef\xbf\xbe" "Cafe",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 1);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);

  /* Refused on entry, saying which term and why. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_terms); i++)
    {
      g_autoptr(GPtrArray) banned =
        g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);

      g_ptr_array_add (banned, redline_banned_term_new ("星巴克", "competitor"));
      g_ptr_array_add (banned, redline_banned_term_new (bad_terms[i], "competitor"));
      g_assert_false (redline_project_set_banned_terms (project, banned, &error));
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      assert_contains (error->message, "banned term");
      assert_contains (error->message, i == 5 ? "U+FFFE" : "control character");
      g_clear_error (&error);
      g_assert_false (redline_project_set_allowed_terms (
                        project, (const char * const[]) { bad_terms[i], NULL }, &error));
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
      assert_contains (error->message, "allowed term");
      g_clear_error (&error);
    }
  g_assert_cmpuint (redline_project_get_banned_terms (project)->len, ==, 0);
  g_clear_object (&project);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  /* Written by another tool: a clear error naming the setting, and what
   * is XML-special in a category does not reach the generated pack. */
  {
    static const struct
    {
      const char *sql;
      const char *message;
    } cases[] = {
      { "INSERT INTO banned_terms (term, category) VALUES ('Lumi' || char(12) || 'Cafe', "
        "'competitor')", "control character (U+000C)" },
      { "INSERT INTO banned_terms (term, category) VALUES ('x', "
        "'a\"/><rule id=\"evil')", "is not a category name" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        g_autofree char *err = NULL;
        int status;

        tamper (fixture->path, contents, length, cases[i].sql);
        before = hash_file (fixture->path);
        project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
        g_assert_no_error (error);
        rule_set = redline_project_create_rule_set (project, packs, &error);
        g_assert_null (rule_set);
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
        g_test_message ("%s → %s", cases[i].sql, error->message);
        assert_contains (error->message, fixture->path);
        assert_contains (error->message, "banned terms");
        assert_contains (error->message, cases[i].message);
        g_clear_error (&error);
        g_clear_object (&project);

        status = run_check (fixture->path, &err);
        if (status >= 0)
          {
            g_assert_cmpint (status, ==, 2);
            assert_contains (err, "banned terms");
            assert_contains (err, cases[i].message);
          }
        after = hash_file (fixture->path);
        g_assert_cmpstr (before, ==, after);
      }
  }

  /* XML-special characters in a term are only text. */
  tamper (fixture->path, contents, length,
          "INSERT INTO banned_terms (term, category) VALUES "
          "('<![CDATA[&amp;]]> \"''', 'competitor')");
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rule_set);
}

static gboolean
sidecar_exists (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        {
          g_test_message ("%s exists", name);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_wal_read_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 3);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db;
  int status;

  g_clear_object (&project);
  db = raw_open (fixture->path);
  raw_exec (db, "PRAGMA journal_mode = WAL");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (sidecar_exists (fixture->path));
  before = hash_file (fixture->path);

  /* Root writes anyway; what counts is that nothing is written. */
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 3);
  g_assert_false (sidecar_exists (fixture->path));
  g_clear_object (&project);
  g_assert_false (sidecar_exists (fixture->path));

  status = run_check (fixture->path, &err);
  if (status >= 0)
    g_assert_cmpint (status, ==, 1);
  g_assert_false (sidecar_exists (fixture->path));
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);

  /* Changes still in the -wal file of a writer that died: it is not read
   * as if they were not there. */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
    g_autofree char *wal_contents = NULL;
    gsize wal_length;

    db = raw_open (fixture->path);
    raw_exec (db, "PRAGMA wal_autocheckpoint = 0");
    raw_exec (db, "UPDATE posts SET title = 'Changed in the WAL'");
    g_assert_true (g_file_get_contents (wal, &wal_contents, &wal_length, NULL));
    g_assert_cmpuint (wal_length, >, 0);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    /* The file as a writer killed before its checkpoint leaves it. */
    g_assert_true (g_file_set_contents (wal, wal_contents, wal_length, NULL));
    g_unlink (shm);
    g_clear_pointer (&before, g_free);
    before = hash_file (fixture->path);

    project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
    g_assert_null (project);
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN);
    g_test_message ("%s", error->message);
    assert_contains (error->message, "not closed cleanly");
    g_clear_error (&error);
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_clear_pointer (&after, g_free);
    after = hash_file (fixture->path);
    g_assert_cmpstr (before, ==, after);
    g_unlink (wal);
  }
}

/* Leaves @path with a hot journal: a copy of the file and journal taken
 * in the middle of a transaction that has already written the file. */
static void
make_hot_journal (const char *source,
                  const char *path)
{
  g_autofree char *journal = g_strconcat (source, "-journal", NULL);
  g_autofree char *hot = g_strconcat (path, "-journal", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = raw_open (source);

  raw_exec (db, "PRAGMA cache_size = 1");
  raw_exec (db, "BEGIN");
  raw_exec (db, "UPDATE posts SET body = body || printf ('%.500c', 'x')");
  g_assert_true (g_file_get_contents (journal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 512);
  g_assert_true (g_file_set_contents (hot, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  raw_exec (db, "ROLLBACK");
  sqlite3_close (db);
}

static void
test_hot_journal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 40);
  g_autofree char *path = g_build_filename (fixture->dir, "hot.redline", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *journal_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  int status;

  g_clear_object (&project);
  make_hot_journal (fixture->path, path);
  before = hash_file (path);
  journal_before = hash_file (journal);

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  assert_contains (error->message, path);
  assert_contains (error->message, "not closed cleanly");
  assert_contains (error->message, "hot.redline-journal");
  g_assert_null (strstr (error->message, "cannot be written"));
  g_clear_error (&error);

  status = run_check (path, &err);
  if (status >= 0)
    {
      g_assert_cmpint (status, ==, 2);
      assert_contains (err, "not closed cleanly");
    }
  after = hash_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  after = hash_file (journal);
  g_assert_cmpstr (journal_before, ==, after);

  /* Opened for writing, the unfinished change is rolled back. */
  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 40);
  {
    g_autoptr(RedlinePost) post = g_list_model_get_item (redline_project_get_posts (project), 0);

    g_assert_cmpuint (strlen (redline_post_get_body (post)), <, 100);
  }
  g_clear_object (&project);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 3);
  g_autofree char *link = g_build_filename (fixture->dir, "link.redline", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.redline", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) dangling_file = g_file_new_for_path (dangling);
  g_autofree char *err = NULL;
  int status;

  g_clear_object (&project);
  g_assert_cmpint (symlink ("test.redline", link), ==, 0);
  g_assert_cmpint (symlink ("missing.redline", dangling), ==, 0);

  /* The link's target is opened, for reading and for writing. */
  project = redline_project_open (link_file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 3);
  g_assert_true (g_file_equal (redline_project_get_file (project), link_file));
  g_clear_object (&project);

  project = redline_project_open (link_file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (redline_project_set_name (project, "Through the link", &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Through the link");
  g_clear_object (&project);

  status = run_check (link, &err);
  if (status >= 0)
    g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&err, g_free);

  /* A link to nothing says so. */
  project = redline_project_open (dangling_file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  assert_contains (error->message, "symbolic link to “missing.redline”");
  g_assert_null (strstr (error->message, "unable to open database file"));
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    return run_writer (argv[2]);

  test_program = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("models", test_models);
  ADD ("read-only", test_read_only);
  ADD ("migrate", test_migrate);
  ADD ("newer-version", test_newer_version);
  ADD ("not-a-project", test_not_a_project);
  ADD ("corrupt", test_corrupt);
  ADD ("foreign-schema", test_foreign_schema);
  ADD ("locked", test_locked);
  ADD ("duplicate", test_duplicate);
  ADD ("crash-kill", test_crash_kill);
  ADD ("rule-set", test_rule_set);
  ADD ("csv-import", test_csv_import);
  ADD ("export", test_export);
  ADD ("bad-text", test_bad_text);
  ADD ("bad-rows", test_bad_rows);
  ADD ("schema-stat", test_schema_stat);
  ADD ("banned-term-control", test_banned_term_control);
  ADD ("wal-read-only", test_wal_read_only);
  ADD ("hot-journal", test_hot_journal);
  ADD ("symlink", test_symlink);
  g_test_add_func ("/redline/project/sample", test_sample);
  g_test_add_func ("/redline/project/check-command", test_check_command);

#undef ADD

  return g_test_run ();
}
