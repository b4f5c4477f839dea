/* fuzz-project.c: opening and using a project file the fuzzers wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the bytes to a file, opens it read-only as redline-check does and
 * checks every post; a file that opens or is refused must be left exactly as
 * it was. Then it opens a copy for writing, as the app would, and edits it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "fuzz-project.h"

static char *tmp_dir;
static GPtrArray *packs;

void
fuzz_project_init (void)
{
  g_autoptr(GError) error = NULL;

  fuzz_quiet_logs ();
  tmp_dir = g_dir_make_tmp ("redline-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  /* Two packs are enough to check posts with the project's settings, and
   * compiling them for every input keeps the fuzzer fast. */
  for (guint i = packs->len; i > 0; i--)
    {
      const char *id = redline_rule_pack_get_id (g_ptr_array_index (packs, i - 1));

      if (!g_str_equal (id, "redline.absolute-terms") && !g_str_equal (id, "redline.links"))
        g_ptr_array_remove_index (packs, i - 1);
    }
  g_assert_cmpuint (packs->len, ==, 2);
}

static void
write_file (const char   *path,
            const guint8 *bytes,
            gsize         size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) bytes, size, &error);
  g_assert_no_error (error);
}

static void
remove_file (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
assert_file_is (const char   *path,
                const guint8 *bytes,
                gsize         size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, size);
  g_assert_true (memcmp (contents, bytes, size) == 0);
}

static void
check_every_post (RedlineProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRuleSet) rule_set = redline_project_create_rule_set (project, packs, &error);
  GListModel *posts;

  if (rule_set == NULL)
    {
      g_assert_nonnull (error);
      return;
    }

  posts = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      RedlineEcosystem ecosystem = redline_project_get_post_ecosystem (project, post);
      g_autoptr(GListModel) findings =
        redline_project_check_post (project, rule_set, post, ecosystem);

      g_assert_nonnull (findings);
    }
}

void
fuzz_project_exercise (const guint8 *bytes,
                       gsize         size)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fuzz.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GError) error = NULL;

  remove_file (path);
  write_file (path, bytes, size);

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == REDLINE_STORE_ERROR);
      assert_file_is (path, bytes, size);
      remove_file (path);
      return;
    }

  check_every_post (project);
  {
    g_autofree char *json = redline_project_export_json (project, NULL);
    g_autofree char *csv = redline_project_export_csv (project);

    g_assert_nonnull (csv);
    if (json != NULL)
      g_assert_true (g_utf8_validate (json, -1, NULL));
  }
  redline_project_close (project);
  g_clear_object (&project);
  assert_file_is (path, bytes, size);

  /* The same file opened for writing, then one post edited. */
  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
  if (project != NULL)
    {
      GListModel *posts = redline_project_get_posts (project);

      if (g_list_model_get_n_items (posts) > 0)
        {
          g_autoptr(RedlinePost) post = g_list_model_get_item (posts, 0);
          g_autoptr(GError) update_error = NULL;

          redline_post_set_body (post, "本店咖啡采用最佳阿拉比卡豆");
          if (!redline_project_update_post (project, post, &update_error))
            g_assert_nonnull (update_error);
        }
      redline_project_close (project);
    }
  g_clear_error (&error);
  remove_file (path);
}
