/* bench-project.c: a 10,000-post project: create, open and list, check
 *
 * Prints figures; HACKING.md sets the targets (open and list under 300 ms,
 * redline-check over all of it under 2 s). Nothing here asserts a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "redline-bench-project.h"

#define N_POSTS REDLINE_BENCH_N_POSTS

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  GListModel *model;
  gsize total_chars = 0, n_findings = 0;
  gint64 start;
  double create_s, open_s, check_s;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.redline", NULL);
  file = g_file_new_for_path (path);

  /* Create */
  start = g_get_monotonic_time ();
  redline_bench_project_create (file);
  create_s = seconds_since (start);

  /* Open and list, as the window does: every row's title and status. */
  start = g_get_monotonic_time ();
  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  model = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (model, i);

      total_chars += strlen (redline_post_get_title (post)) + redline_post_get_status (post);
    }
  open_s = seconds_since (start);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_POSTS);

  /* Check everything through the core. */
  start = g_get_monotonic_time ();
  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (model, i);
      g_autoptr(GListModel) findings =
        redline_project_check_post (project, rule_set, post,
                                    redline_project_get_post_ecosystem (project, post));

      n_findings += g_list_model_get_n_items (findings);
    }
  check_s = seconds_since (start);
  g_clear_object (&project);

  g_print ("# %d posts, file of %.1f MB\n", N_POSTS,
           ({ GStatBuf st; g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0.0; }));
  g_print ("create (one transaction):        %8.1f ms\n", create_s * 1000);
  g_print ("open and list (target < 300 ms): %8.1f ms\n", open_s * 1000);
  g_print ("check all via the core:          %8.1f ms (%zu findings)\n", check_s * 1000,
           n_findings);

  if (redline_check != NULL)
    {
      for (guint f = 0; f < 2; f++)
        {
          const char *format = f == 0 ? "--format=text" : "--format=json";
          const char *argv_check[] = { redline_check, format, path, NULL };
          g_autofree char *out = NULL;
          int status;

          /* Output goes to a pipe, as it would in CI. */
          start = g_get_monotonic_time ();
          g_spawn_sync (NULL, (char **) argv_check, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        &out, NULL, &status, &error);
          g_assert_no_error (error);
          g_print ("redline-check %s (target < 2 s): %8.1f ms (%zu bytes of output)\n",
                   format, seconds_since (start) * 1000, strlen (out));
        }
    }

  g_unlink (path);
  g_rmdir (dir);
  return total_chars > 0 ? 0 : 1;
}
