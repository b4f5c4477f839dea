/* test-context.c: the service root the CLI and the app check through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redline-core.h"

typedef struct
{
  char           *dir;
  RedlineContext *context;
  guint           n_rule_set_notifies;
} Fixture;

static void
on_rule_set_notify_cb (RedlineContext *context,
                       GParamSpec     *pspec,
                       Fixture        *fixture)
{
  fixture->n_rule_set_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("redline-context-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->context = redline_context_new ();
  g_signal_connect (fixture->context, "notify::rule-set", G_CALLBACK (on_rule_set_notify_cb),
                    fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "project.redline", NULL);

  g_clear_object (&fixture->context);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_rule (GListModel *findings,
            const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (finding), rule_id))
        n++;
    }
  return n;
}

static void
test_packs (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GListModel) findings = NULL;
  RedlineRuleSet *rule_set;
  guint n_packs;

  /* No pack yet: an empty rule set, which finds nothing. */
  rule_set = redline_context_get_rule_set (fixture->context);
  g_assert_nonnull (rule_set);
  g_assert_cmpuint (redline_rule_set_get_n_rules (rule_set), ==, 0);

  g_assert_true (redline_context_load_builtin_packs (fixture->context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 1);
  n_packs = g_list_model_get_n_items (redline_context_get_packs (fixture->context));
  g_assert_cmpuint (n_packs, >, 5);
  rule_set = redline_context_get_rule_set (fixture->context);
  g_assert_cmpuint (redline_rule_set_get_n_packs (rule_set), ==, n_packs);

  findings = redline_rule_set_check_text (rule_set, "本店咖啡采用最佳阿拉比卡豆",
                                          REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (count_rule (findings, "ad-law.absolute.zui"), ==, 1);

  /* A broken pack is refused whole, naming the place; the others go on. */
  bad = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data", "xxe.xml", NULL);
  g_assert_null (redline_context_add_pack_file (fixture->context, bad, &error));
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "xxe.xml:"));
  g_assert_cmpuint (g_list_model_get_n_items (redline_context_get_packs (fixture->context)), ==,
                    n_packs);
  g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 1);
  g_assert_true (redline_context_get_rule_set (fixture->context) == rule_set);

  /* Taking the absolute-terms pack away builds the rule set again without
   * it: the finding goes. */
  {
    g_autoptr(RedlineRulePack) pack = NULL;
    g_autoptr(GListModel) after = NULL;

    for (guint i = 0; pack == NULL && i < n_packs; i++)
      {
        g_autoptr(RedlineRulePack) candidate =
          g_list_model_get_item (redline_context_get_packs (fixture->context), i);

        for (guint r = 0; pack == NULL && r < redline_rule_pack_get_n_rules (candidate); r++)
          if (g_str_equal (redline_rule_get_id (redline_rule_pack_get_rule (candidate, r)),
                           "ad-law.absolute.zui"))
            pack = g_object_ref (candidate);
      }
    g_assert_nonnull (pack);
    g_assert_true (redline_context_remove_pack (fixture->context, pack));
    g_assert_false (redline_context_remove_pack (fixture->context, pack));
    g_assert_cmpuint (g_list_model_get_n_items (redline_context_get_packs (fixture->context)), ==,
                      n_packs - 1);
    g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 2);
    after = redline_rule_set_check_text (redline_context_get_rule_set (fixture->context),
                                         "本店咖啡采用最佳阿拉比卡豆", REDLINE_ECOSYSTEM_WEIXIN,
                                         REDLINE_CONTENT_KIND_ARTICLE);
    g_assert_cmpuint (count_rule (after, "ad-law.absolute.zui"), ==, 0);
  }
}

static RedlineProject *
create_project (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "project.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = redline_project_create (file, "Context", &error);
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("秋季", REDLINE_ECOSYSTEM_WEIXIN);

  g_assert_no_error (error);
  g_ptr_array_add (banned, redline_banned_term_new ("竞品咖啡", "absolute-term"));
  g_assert_true (redline_project_set_banned_terms (project, banned, &error));
  g_assert_no_error (error);
  g_assert_true (redline_project_add_campaign (project, campaign, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

static gboolean
collect_cb (RedlineFinding *finding,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, g_object_ref (finding));
  return TRUE;
}

static gboolean
stop_cb (RedlineFinding *finding,
         gpointer        user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static void
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_project (fixture);
  g_autoptr(RedlineCampaign) campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign),
                                                  REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_autoptr(GListModel) with_project = NULL;
  g_autoptr(GListModel) without_project = NULL;
  g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_seen = 0;

  g_assert_true (redline_context_load_builtin_packs (fixture->context, &error));
  g_assert_no_error (error);
  redline_post_set_title (post, "秋季新品");
  redline_post_set_body (post, "比竞品咖啡更香，采用最佳阿拉比卡豆。");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);

  without_project = redline_context_check_post (fixture->context, post, REDLINE_ECOSYSTEM_WEIXIN);

  fixture->n_rule_set_notifies = 0;
  redline_context_set_project (fixture->context, project);
  g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 1);
  g_assert_true (redline_context_get_project (fixture->context) == project);
  /* Setting the same project again changes nothing. */
  redline_context_set_project (fixture->context, project);
  g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 1);

  with_project = redline_context_check_post (fixture->context, post, REDLINE_ECOSYSTEM_WEIXIN);
  /* The project's banned term is found only with the project. */
  g_assert_cmpuint (g_list_model_get_n_items (with_project), ==,
                    g_list_model_get_n_items (without_project) + 1);
  g_assert_cmpuint (count_rule (with_project, "ad-law.absolute.zui"), ==, 1);

  /* Streamed findings are the same findings, in the same order. */
  g_assert_true (redline_context_check_post_stream (fixture->context, post,
                                                    REDLINE_ECOSYSTEM_WEIXIN, collect_cb,
                                                    streamed));
  g_assert_cmpuint (streamed->len, ==, g_list_model_get_n_items (with_project));
  for (guint i = 0; i < streamed->len; i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (with_project, i);
      RedlineFinding *other = g_ptr_array_index (streamed, i);

      g_assert_cmpstr (redline_finding_get_rule_id (finding), ==,
                       redline_finding_get_rule_id (other));
      g_assert_cmpuint (redline_finding_get_start (finding), ==, redline_finding_get_start (other));
      g_assert_cmpint (redline_finding_get_field (finding), ==, redline_finding_get_field (other));
    }
  g_assert_false (redline_context_check_post_stream (fixture->context, post,
                                                     REDLINE_ECOSYSTEM_WEIXIN, stop_cb,
                                                     &n_seen));
  g_assert_cmpuint (n_seen, ==, 1);

  /* A project setting the checker uses rebuilds the rule set, once; storing
   * the same value again changes nothing. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_autoptr(GListModel) after = NULL;
    static const char * const domains[] = { "example.cn", NULL };

    g_assert_true (redline_project_set_banned_terms (project, none, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 2);
    after = redline_context_check_post (fixture->context, post, REDLINE_ECOSYSTEM_WEIXIN);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==,
                      g_list_model_get_n_items (without_project));
    g_assert_true (redline_project_set_banned_terms (project, none, &error));
    g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 2);

    g_assert_true (redline_project_set_allowed_domains (project, domains, &error));
    g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 3);
    g_assert_true (redline_project_set_allowed_domains (project, domains, &error));
    g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 3);
    g_assert_no_error (error);
  }

  redline_context_set_project (fixture->context, NULL);
  g_assert_cmpuint (fixture->n_rule_set_notifies, ==, 4);
  g_assert_null (redline_context_get_project (fixture->context));
  redline_project_close (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/redline/context/packs", Fixture, NULL, fixture_set_up, test_packs,
              fixture_tear_down);
  g_test_add ("/redline/context/project", Fixture, NULL, fixture_set_up, test_project,
              fixture_tear_down);

  return g_test_run ();
}
