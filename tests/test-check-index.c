/* test-check-index.c: the counts of findings per post and per campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "redline-core.h"

typedef struct
{
  char              *dir;
  GFile             *file;
  RedlineContext    *context;
  RedlineProject    *project;
  RedlineCheckIndex *index;
  RedlineCampaign   *weixin;
  RedlineCampaign   *wechat;
  guint              n_totals_changed;
} Fixture;

static void
on_totals_changed_cb (RedlineCheckIndex *index,
                      Fixture           *fixture)
{
  fixture->n_totals_changed++;
}

static RedlinePost *
add_post (Fixture         *fixture,
          RedlineCampaign *campaign,
          const char      *body)
{
  g_autoptr(GError) error = NULL;
  RedlinePost *post = redline_post_new (redline_campaign_get_id (campaign),
                                        REDLINE_CONTENT_KIND_ARTICLE);

  redline_post_set_title (post, "秋季");
  redline_post_set_body (post, body);
  redline_project_add_post (fixture->project, post, &error);
  g_assert_no_error (error);
  return post;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("redline-index-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "project.redline", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->project = redline_project_create (fixture->file, "Index", &error);
  g_assert_no_error (error);
  fixture->weixin = redline_campaign_new ("微信", REDLINE_ECOSYSTEM_WEIXIN);
  fixture->wechat = redline_campaign_new ("WeChat", REDLINE_ECOSYSTEM_WECHAT);
  redline_project_add_campaign (fixture->project, fixture->weixin, &error);
  g_assert_no_error (error);
  redline_project_add_campaign (fixture->project, fixture->wechat, &error);
  g_assert_no_error (error);

  fixture->context = redline_context_new ();
  redline_context_load_builtin_packs (fixture->context, &error);
  g_assert_no_error (error);
  redline_context_set_project (fixture->context, fixture->project);
  fixture->index = redline_check_index_new (fixture->context);
  g_signal_connect (fixture->index, "totals-changed", G_CALLBACK (on_totals_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->index);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->weixin);
  g_clear_object (&fixture->wechat);
  redline_project_close (fixture->project);
  g_clear_object (&fixture->project);
  g_file_delete (fixture->file, NULL, NULL);
  g_clear_object (&fixture->file);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_index_counts_per_ecosystem (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* The same absolute claim is an error on Weixin, a note on WeChat. */
  g_autoptr(RedlinePost) zh = add_post (fixture, fixture->weixin, "本店拿铁全城最佳，销量第一。");
  g_autoptr(RedlinePost) en = add_post (fixture, fixture->wechat, "本店拿铁全城最佳，销量第一。");
  g_autoptr(RedlinePost) clean = add_post (fixture, fixture->weixin, "桂花拿铁今天回到菜单。");
  RedlinePostSummary *summary;
  RedlineCampaignTotals totals;

  g_assert_cmpuint (g_list_model_get_n_items (redline_check_index_get_summaries (fixture->index)),
                    ==, 3);
  summary = redline_check_index_lookup (fixture->index, zh);
  g_assert_false (redline_post_summary_get_checked (summary));
  g_assert_cmpuint (redline_check_index_get_pending (fixture->index), ==, 3);

  g_assert_false (redline_check_index_run (fixture->index, 0));
  g_assert_cmpuint (redline_check_index_get_pending (fixture->index), ==, 0);
  g_assert_true (redline_post_summary_get_checked (summary));
  g_assert_cmpuint (redline_post_summary_get_errors (summary), ==, 2);

  summary = redline_check_index_lookup (fixture->index, en);
  g_assert_cmpuint (redline_post_summary_get_errors (summary), ==, 0);
  g_assert_cmpuint (redline_post_summary_get_infos (summary), >=, 2);
  g_assert_cmpuint (redline_post_summary_get_errors (redline_check_index_lookup (fixture->index,
                                                                                 clean)), ==, 0);

  redline_check_index_get_campaign_totals (fixture->index, redline_campaign_get_id (fixture->weixin),
                                           &totals);
  g_assert_cmpuint (totals.posts, ==, 2);
  g_assert_cmpuint (totals.checked, ==, 2);
  g_assert_cmpuint (totals.errors, ==, 2);
  redline_check_index_get_campaign_totals (fixture->index, redline_campaign_get_id (fixture->wechat),
                                           &totals);
  g_assert_cmpuint (totals.posts, ==, 1);
  g_assert_cmpuint (totals.errors, ==, 0);
  g_assert_cmpuint (fixture->n_totals_changed, >, 0);
}

static void
test_index_follows_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RedlinePost) post = add_post (fixture, fixture->weixin, "桂花拿铁今天回到菜单。");
  RedlinePostSummary *summary = redline_check_index_lookup (fixture->index, post);
  RedlineCampaignTotals totals;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);

  redline_check_index_run (fixture->index, 0);
  g_assert_cmpuint (redline_post_summary_get_errors (summary), ==, 0);

  /* An edit in the post, saved or not, is counted again. */
  redline_post_set_body (post, "桂花拿铁今天回到菜单，全城最佳。");
  g_assert_false (redline_post_summary_get_checked (summary));
  g_assert_cmpuint (redline_check_index_get_pending (fixture->index), ==, 1);
  redline_check_index_run (fixture->index, 0);
  g_assert_cmpuint (redline_post_summary_get_errors (summary), ==, 1);

  /* So is every post when a project setting changes the rule set. */
  g_ptr_array_add (banned, redline_banned_term_new ("桂花", "brand"));
  redline_project_set_banned_terms (fixture->project, banned, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_check_index_get_pending (fixture->index), ==, 1);
  redline_check_index_run (fixture->index, 0);
  g_assert_cmpuint (redline_post_summary_get_errors (summary) +
                    redline_post_summary_get_warnings (summary), ==, 2);

  /* A post that goes leaves the index and the totals. */
  redline_project_remove_post (fixture->project, post, &error);
  g_assert_no_error (error);
  g_assert_null (redline_check_index_lookup (fixture->index, post));
  g_assert_cmpuint (g_list_model_get_n_items (redline_check_index_get_summaries (fixture->index)),
                    ==, 0);
  redline_check_index_get_campaign_totals (fixture->index, redline_campaign_get_id (fixture->weixin),
                                           &totals);
  g_assert_cmpuint (totals.posts, ==, 0);
  g_assert_cmpuint (totals.errors, ==, 0);
}

static void
test_index_in_slices (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GMainContext *main_context = g_main_context_default ();
  guint rounds = 0;

  for (guint i = 0; i < 300; i++)
    {
      RedlinePost *post = redline_post_new (redline_campaign_get_id (fixture->weixin),
                                            REDLINE_CONTENT_KIND_ARTICLE);

      redline_post_set_body (post, "全城最佳的桂花拿铁。");
      g_ptr_array_add (posts, post);
    }
  redline_project_add_posts (fixture->project, posts, &error);
  g_assert_no_error (error);

  /* A budget of one microsecond counts at least one post per call, and
   * says whether more wait. */
  g_assert_true (redline_check_index_run (fixture->index, 1));
  g_assert_cmpuint (redline_check_index_get_pending (fixture->index), <, 300);

  /* Left alone, the index finishes from the main loop. */
  while (redline_check_index_get_pending (fixture->index) > 0)
    {
      g_main_context_iteration (main_context, TRUE);
      rounds++;
    }
  g_assert_cmpuint (rounds, >=, 1);
  for (guint i = 0; i < posts->len; i++)
    g_assert_cmpuint (redline_post_summary_get_errors (redline_check_index_lookup (fixture->index,
                                                                                   posts->pdata[i])),
                      ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/check-index/counts-per-ecosystem", Fixture, NULL, fixture_set_up,
              test_index_counts_per_ecosystem, fixture_tear_down);
  g_test_add ("/check-index/follows-edits", Fixture, NULL, fixture_set_up,
              test_index_follows_edits, fixture_tear_down);
  g_test_add ("/check-index/in-slices", Fixture, NULL, fixture_set_up, test_index_in_slices,
              fixture_tear_down);
  return g_test_run ();
}
