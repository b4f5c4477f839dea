/* test-project.c: opening, creating and refusing project files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-test-project.h"

static const char *test_program;

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
  /* The review and the waiver change what the post's row shows. */
  g_assert_cmpuint (changed.count, ==, 4);

  g_assert_true (redline_project_remove_post (project, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 5);
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
  raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  before = hash_file (fixture->path);

  for (guint flags = 0; flags < 2; flags++)
    {
      project = redline_project_open (fixture->file, flags, &error);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TOO_NEW);
      g_assert_null (project);
      g_assert_nonnull (strstr (error->message, "made by a newer Redline (format 99)"));
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

#undef ADD

  return g_test_run ();
}
