/* redline-test-project.h: what the project file's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixture with a temporary folder and project path, the sample project
 * the tests start from, a file's hash (a refused file stays byte-identical)
 * and raw SQLite access to damage a file on purpose.
 */

#pragma once

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "redline-core.h"
#include "redline-project-private.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;


static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("redline-project-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.redline", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}


static inline void
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


static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}


static inline char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}


/* A raw connection, without any of the project's protection. */
static inline sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}


static inline void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}


static inline RedlineProject *
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
                                            i % REDLINE_N_POST_KINDS);
      g_autofree char *title = g_strdup_printf ("Post %u", i);

      redline_post_set_title (post, title);
      redline_post_set_body (post, i % 3 == 0 ? "本店咖啡采用最佳阿拉比卡豆" : "A fine latte");
      g_ptr_array_add (posts, post);
    }
  g_assert_true (redline_project_add_posts (project, posts, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&project);
}

