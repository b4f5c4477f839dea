/* test-project-untrusted.c: hostile and damaged files, refused and left alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-test-project.h"

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
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bad-text", test_bad_text);
  ADD ("bad-rows", test_bad_rows);
  ADD ("schema-stat", test_schema_stat);
  ADD ("banned-term-control", test_banned_term_control);
  ADD ("wal-read-only", test_wal_read_only);
  ADD ("hot-journal", test_hot_journal);
  ADD ("symlink", test_symlink);

#undef ADD

  return g_test_run ();
}
