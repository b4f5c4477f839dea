/* test-post-copy.c: a post copied to the other ecosystem, linked both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "redline-core.h"

static void
test_copy_to_ecosystem (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-copy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "copy.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = redline_project_create (file, "Copies", &error);
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("秋季", REDLINE_ECOSYSTEM_WEIXIN);
  g_autoptr(RedlinePost) post = redline_post_new (0, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_autoptr(RedlinePost) second = redline_post_new (0, REDLINE_CONTENT_KIND_ARTICLE);
  g_autoptr(RedlinePost) copy = NULL;
  g_autoptr(RedlinePost) copy2 = NULL;
  g_autoptr(RedlineContext) context = redline_context_new ();
  g_autoptr(GListModel) weixin = NULL;
  g_autoptr(GListModel) wechat = NULL;
  RedlineCampaign *target;
  guint n_campaigns;

  g_assert_no_error (error);
  redline_project_add_campaign (project, campaign, &error);
  g_assert_no_error (error);
  redline_post_set_campaign_id (post, redline_campaign_get_id (campaign));
  redline_post_set_title (post, "全城最佳拿铁");
  redline_post_set_digest (post, "秋天的第一杯");
  redline_post_set_body (post, "销量第一的桂花拿铁。");
  redline_post_set_scheduled_at (post, "2024-09-08T09:00:00+08:00");
  redline_post_set_status (post, REDLINE_POST_STATUS_APPROVED);
  redline_project_add_post (project, post, &error);
  g_assert_no_error (error);
  n_campaigns = g_list_model_get_n_items (redline_project_get_campaigns (project));

  /* No WeChat campaign yet: one is made, named after the post's. */
  copy = redline_project_copy_post_to_ecosystem (project, post, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==,
                    n_campaigns + 1);
  target = redline_project_find_campaign (project, redline_post_get_campaign_id (copy));
  g_assert_nonnull (target);
  g_assert_cmpint (redline_campaign_get_ecosystem (target), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpstr (redline_campaign_get_name (target), ==, "秋季 (WeChat)");

  /* The same copy, a draft, and the two linked both ways. */
  g_assert_cmpstr (redline_post_get_title (copy), ==, "全城最佳拿铁");
  g_assert_cmpstr (redline_post_get_digest (copy), ==, "秋天的第一杯");
  g_assert_cmpstr (redline_post_get_body (copy), ==, "销量第一的桂花拿铁。");
  g_assert_cmpstr (redline_post_get_scheduled_at (copy), ==, "2024-09-08T09:00:00+08:00");
  g_assert_cmpint (redline_post_get_kind (copy), ==, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpint (redline_post_get_status (copy), ==, REDLINE_POST_STATUS_DRAFT);
  g_assert_cmpint (redline_post_get_linked_post_id (copy), ==, redline_post_get_id (post));
  g_assert_cmpint (redline_post_get_linked_post_id (post), ==, redline_post_get_id (copy));
  g_assert_true (redline_project_find_post (project, redline_post_get_id (copy)) == copy);

  /* A second copy goes to that campaign: no new one. */
  redline_post_set_campaign_id (second, redline_campaign_get_id (campaign));
  redline_post_set_body (second, "桂花拿铁回来了。");
  redline_project_add_post (project, second, &error);
  g_assert_no_error (error);
  copy2 = redline_project_copy_post_to_ecosystem (project, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_campaign_id (copy2), ==, redline_campaign_get_id (target));
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==,
                    n_campaigns + 1);

  /* The same words, two verdicts: an error on Weixin, a note on WeChat. */
  redline_context_load_builtin_packs (context, &error);
  g_assert_no_error (error);
  redline_context_set_project (context, project);
  weixin = redline_context_check_post (context, post, REDLINE_ECOSYSTEM_WEIXIN);
  wechat = redline_context_check_post (context, copy,
                                       redline_project_get_post_ecosystem (project, copy));
  g_assert_cmpuint (g_list_model_get_n_items (weixin), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (wechat); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (wechat, i);

      g_assert_cmpint (redline_finding_get_ecosystem (finding), ==, REDLINE_ECOSYSTEM_WECHAT);
    }

  /* All of it is in the file. */
  {
    g_autoptr(RedlineProject) reopened =
      redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
    RedlinePost *read;

    g_assert_no_error (error);
    read = redline_project_find_post (reopened, redline_post_get_id (post));
    g_assert_cmpint (redline_post_get_linked_post_id (read), ==, redline_post_get_id (copy));
    read = redline_project_find_post (reopened, redline_post_get_id (copy));
    g_assert_cmpint (redline_post_get_linked_post_id (read), ==, redline_post_get_id (post));
    g_assert_nonnull (redline_project_find_campaign (reopened, redline_campaign_get_id (target)));

    /* A read-only project copies nothing. */
    g_assert_null (redline_project_copy_post_to_ecosystem (reopened, read, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    redline_project_close (reopened);
  }

  /* Deleting one post unlinks the other in the file. */
  redline_project_remove_post (project, copy, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RedlineProject) reopened =
      redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (redline_post_get_linked_post_id (
                       redline_project_find_post (reopened, redline_post_get_id (post))), ==, 0);
    redline_project_close (reopened);
  }

  redline_context_set_project (context, NULL);
  redline_project_close (project);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/project/copy-to-ecosystem", test_copy_to_ecosystem);
  return g_test_run ();
}
