/* fuzz-csv.c: the CSV importer on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is imported into a fresh copy of a project with one campaign
 * per ecosystem. An import is all or nothing: refused, it adds no post and
 * its message names the file; accepted, every row is a post with a title or
 * a body, and the project exported as CSV imports again to the same posts.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "redline-core.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *tmp_dir;
static GFile *template;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autofree char *path = NULL;
  static const struct { const char *name; RedlineEcosystem ecosystem; } campaigns[] = {
    { "秋季上新", REDLINE_ECOSYSTEM_WEIXIN },
    { "Autumn launch", REDLINE_ECOSYSTEM_WECHAT },
  };

  fuzz_quiet_logs ();
  tmp_dir = g_dir_make_tmp ("redline-fuzz-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "template.redline", NULL);
  template = g_file_new_for_path (path);
  project = redline_project_create (template, "CSV", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      g_autoptr(RedlineCampaign) campaign = redline_campaign_new (campaigns[i].name,
                                                                  campaigns[i].ecosystem);

      g_assert_true (redline_project_add_campaign (project, campaign, &error));
    }
  redline_project_close (project);
  return 0;
}

static void
assert_same_post (RedlinePost *a,
                  RedlinePost *b)
{
  g_assert_cmpstr (redline_post_get_title (a), ==, redline_post_get_title (b));
  g_assert_cmpstr (redline_post_get_digest (a), ==, redline_post_get_digest (b));
  g_assert_cmpstr (redline_post_get_body (a), ==, redline_post_get_body (b));
  g_assert_cmpstr (redline_post_get_call_to_action (a), ==, redline_post_get_call_to_action (b));
  g_assert_cmpstr (redline_post_get_link (a), ==, redline_post_get_link (b));
  g_assert_cmpstr (redline_post_get_scheduled_at (a), ==, redline_post_get_scheduled_at (b));
  g_assert_cmpint (redline_post_get_kind (a), ==, redline_post_get_kind (b));
  g_assert_cmpint (redline_post_get_status (a), ==, redline_post_get_status (b));
  g_assert_cmpint (redline_post_get_campaign_id (a), ==, redline_post_get_campaign_id (b));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fuzz.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) first = NULL;
  g_autoptr(GBytes) csv = g_bytes_new (data, size);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  GListModel *posts;
  guint n;

  if (size > 1 << 20)
    return 0;

  g_file_copy (template, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  posts = redline_project_get_posts (project);
  first = g_list_model_get_item (redline_project_get_campaigns (project), 0);

  n = redline_project_import_csv (project, csv, "fuzz.csv", first, &error);
  if (n == 0)
    {
      /* Refused (or a header alone): nothing added, and the message names
       * the file. */
      g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 0);
      if (error != NULL)
        {
          g_assert_true (error->domain == REDLINE_STORE_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "fuzz.csv"));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      redline_project_close (project);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);

      g_assert_true (redline_post_get_title (post) != NULL || redline_post_get_body (post) != NULL);
    }

  /* What Redline writes, Redline reads back as it was. */
  exported = redline_project_export_csv (project);
  again = g_bytes_new (exported, strlen (exported));
  g_assert_cmpuint (redline_project_import_csv (project, again, "export.csv", NULL, &error), ==, n);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlinePost) a = g_list_model_get_item (posts, i);
      g_autoptr(RedlinePost) b = g_list_model_get_item (posts, n + i);

      assert_same_post (a, b);
    }
  redline_project_close (project);
  return 0;
}
