/* test-preferences.c: rule packs and project settings, through the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redline-preferences-window.h"
#include "redline-window.h"

typedef struct
{
  char                     *dir;
  GFile                    *file;
  RedlineWindow            *window;
  RedlineContext           *context;
  RedlinePreferencesWindow *preferences;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("REDLINE_SAMPLE_PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("redline-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "lumi-cafe.redline", NULL);
  fixture->file = g_file_new_for_path (path);
  g_file_copy (sample, fixture->file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (redline_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (redline_window_open_file (fixture->window, fixture->file));
  fixture->context = redline_window_get_context (fixture->window);
  fixture->preferences = REDLINE_PREFERENCES_WINDOW (
    redline_preferences_window_new (GTK_WINDOW (fixture->window), fixture->context));
  g_object_ref_sink (fixture->preferences);
  gtk_window_present (GTK_WINDOW (fixture->preferences));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->preferences));
  g_clear_object (&fixture->preferences);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_file_delete (fixture->file, NULL, NULL);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static guint
count_rule (RedlineContext *context,
            const char     *text,
            const char     *rule_id)
{
  g_autoptr(GListModel) findings =
    redline_rule_set_check_text (redline_context_get_rule_set (context), text,
                                 REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      n += g_str_equal (redline_finding_get_rule_id (finding), rule_id);
    }
  return n;
}

static RedlineRulePack *
find_pack_of_rule (RedlineContext *context,
                   const char     *rule_id)
{
  GListModel *packs = redline_context_get_packs (context);

  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(RedlineRulePack) pack = g_list_model_get_item (packs, i);

      for (guint r = 0; r < redline_rule_pack_get_n_rules (pack); r++)
        if (g_str_equal (redline_rule_get_id (redline_rule_pack_get_rule (pack, r)), rule_id))
          return pack;
    }
  g_assert_not_reached ();
}

static void
test_preferences_pack_switch (Fixture       *fixture,
                              gconstpointer  data)
{
  RedlineProject *project = redline_context_get_project (fixture->context);
  RedlineRulePack *pack = find_pack_of_rule (fixture->context, "ad-law.absolute.zui");
  g_autoptr(GError) error = NULL;
  const char * const *enabled;

  g_assert_cmpuint (count_rule (fixture->context, "全城最佳", "ad-law.absolute.zui"), ==, 1);

  /* Off for this project: stored, and the rule set no longer has it. */
  g_assert_true (redline_preferences_window_set_pack_enabled (fixture->preferences, pack, FALSE,
                                                              &error));
  g_assert_no_error (error);
  enabled = redline_project_get_enabled_packs (project);
  g_assert_nonnull (enabled);
  g_assert_false (g_strv_contains (enabled, redline_rule_pack_get_id (pack)));
  g_assert_cmpuint (g_strv_length ((char **) enabled), ==,
                    g_list_model_get_n_items (redline_context_get_packs (fixture->context)) - 1);
  g_assert_cmpuint (count_rule (fixture->context, "全城最佳", "ad-law.absolute.zui"), ==, 0);

  /* On again: every pack is on, which is stored as no list. */
  g_assert_true (redline_preferences_window_set_pack_enabled (fixture->preferences, pack, TRUE,
                                                              &error));
  g_assert_no_error (error);
  enabled = redline_project_get_enabled_packs (project);
  g_assert_true (enabled == NULL || enabled[0] == NULL);
  g_assert_cmpuint (count_rule (fixture->context, "全城最佳", "ad-law.absolute.zui"), ==, 1);
}

static void
test_preferences_settings (Fixture       *fixture,
                           gconstpointer  data)
{
  RedlineProject *project = redline_context_get_project (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) reopened = NULL;

  g_assert_true (redline_preferences_window_add_setting (fixture->preferences, "domains",
                                                         "shop.lumi-cafe.example", &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_contains (redline_project_get_allowed_domains (project),
                                  "shop.lumi-cafe.example"));
  g_assert_true (redline_preferences_window_add_setting (fixture->preferences, "banned",
                                                         "星巴克", &error));
  g_assert_no_error (error);

  /* A domain that is not one is refused with the project's message. */
  g_assert_false (redline_preferences_window_add_setting (fixture->preferences, "domains",
                                                          "not a domain", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  reopened = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains (redline_project_get_allowed_domains (reopened),
                                  "shop.lumi-cafe.example"));
  g_assert_false (g_strv_contains (redline_project_get_allowed_domains (reopened),
                                   "not a domain"));
  {
    GPtrArray *banned = redline_project_get_banned_terms (reopened);
    gboolean found = FALSE;

    for (guint i = 0; i < banned->len; i++)
      found |= g_str_equal (((RedlineBannedTerm *) banned->pdata[i])->term, "星巴克");
    g_assert_true (found);
  }
  /* And the checker uses it at once, in its category. */
  g_assert_cmpuint (count_rule (fixture->context, "比星巴克好喝", "project.banned.competitor"), ==, 1);
}

/* The length limits follow the row: stored in the project, and the
 * checker's rule set rebuilt with them. */
static void
test_preferences_length_profile (Fixture       *fixture,
                                 gconstpointer  data)
{
  RedlineProject *project = redline_context_get_project (fixture->context);
  AdwComboRow *row = ADW_COMBO_ROW (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->preferences),
                                   REDLINE_TYPE_PREFERENCES_WINDOW, "length_profile_row"));
  g_autoptr(RedlineCampaign) campaign =
    g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign),
                                                  REDLINE_CONTENT_KIND_ARTICLE);
  g_autoptr(RedlineProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = NULL;
  gboolean title_finding = FALSE;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, REDLINE_LENGTH_PROFILE_EDITOR);

  /* 41 characters: too long for the interface only. */
  redline_post_set_title (post, "秋季限定桂花拿铁回归菜单，云南小粒咖啡豆搭配杭州满觉陇桂花糖浆，会员到店领取集章卡");
  redline_post_set_body (post, "桂花拿铁回来了。");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);

  adw_combo_row_set_selected (row, REDLINE_LENGTH_PROFILE_API);
  g_assert_cmpint (redline_project_get_length_profile (project), ==, REDLINE_LENGTH_PROFILE_API);
  findings = redline_context_check_post (fixture->context, post,
                                         redline_campaign_get_ecosystem (campaign));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      title_finding |= g_str_equal (redline_finding_get_rule_id (finding),
                                    "platform.length.article-title");
    }
  g_assert_true (title_finding);

  reopened = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redline_project_get_length_profile (reopened), ==,
                   REDLINE_LENGTH_PROFILE_API);

  /* A project open read-only shows its choice without letting it change. */
  {
    g_autoptr(RedlineContext) context = redline_context_new ();
    GtkWidget *preferences;

    redline_context_set_project (context, reopened);
    preferences = redline_preferences_window_new (GTK_WINDOW (fixture->window), context);
    row = ADW_COMBO_ROW (gtk_widget_get_template_child (preferences,
                                                        REDLINE_TYPE_PREFERENCES_WINDOW,
                                                        "length_profile_row"));
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, REDLINE_LENGTH_PROFILE_API);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
    gtk_window_destroy (GTK_WINDOW (preferences));
  }
}

static const char valid_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"test.user-pack\" version=\"1.0.0\" lang=\"zh-CN\">\n"
  "  <title>A user's pack</title>\n"
  "  <rule id=\"test.user.guiren\" category=\"absolute-term\">\n"
  "    <message>“{text}” is not said here.</message>\n"
  "    <terms><term id=\"gui-ren\">贵人推荐</term></terms>\n"
  "    <example type=\"incorrect\"><marker>贵人推荐</marker>的咖啡</example>\n"
  "    <example type=\"correct\">好咖啡</example>\n"
  "  </rule>\n"
  "</rulepack>\n";

static void
test_preferences_user_pack (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = g_build_filename (fixture->dir, "broken.xml", NULL);
  g_autofree char *good_path = g_build_filename (fixture->dir, "mine.xml", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  GListModel *packs = redline_context_get_packs (fixture->context);
  guint n_packs = g_list_model_get_n_items (packs);
  RedlineRulePack *pack;
  GFile *copy;

  /* Broken XML: refused, naming the file and line; nothing changes. */
  g_assert_true (g_file_set_contents (bad_path, "<rulepack id=\"x\">\n  <rule>\n</rulepack>\n", -1,
                                      NULL));
  g_assert_null (redline_preferences_window_add_pack_file (fixture->preferences, bad, &error));
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.xml:"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, n_packs);

  /* A valid one works at once, and is kept among the user's packs. */
  g_assert_true (g_file_set_contents (good_path, valid_pack, -1, NULL));
  pack = redline_preferences_window_add_pack_file (fixture->preferences, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, n_packs + 1);
  g_assert_cmpuint (count_rule (fixture->context, "贵人推荐的咖啡", "test.user.guiren"), ==, 1);
  copy = redline_user_pack_get_file (pack);
  g_assert_nonnull (copy);
  g_assert_true (g_file_query_exists (copy, NULL));

  /* The same id twice is refused. */
  g_assert_null (redline_preferences_window_add_pack_file (fixture->preferences, good, &error));
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  /* Removed: gone from the context and from the user's folder. */
  g_object_ref (copy);
  g_assert_true (redline_preferences_window_remove_pack (fixture->preferences, pack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, n_packs);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_object_unref (copy);
  g_assert_cmpuint (count_rule (fixture->context, "贵人推荐的咖啡", "test.user.guiren"), ==, 0);
  g_unlink (bad_path);
  g_unlink (good_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("redline-prefs-home-XXXXXX", NULL);
  int status;

  /* The user's packs go to a folder of the test's own (not the isolation
   * of G_TEST_OPTION_ISOLATE_DIRS: GTK finds its icons through the system
   * XDG_DATA_DIRS). */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the UI tests are skipped.\n");
      return 77;
    }
  adw_init ();
  g_set_application_name ("Redline");

  g_test_add ("/preferences/pack-switch", Fixture, NULL, fixture_set_up,
              test_preferences_pack_switch, fixture_tear_down);
  g_test_add ("/preferences/settings", Fixture, NULL, fixture_set_up, test_preferences_settings,
              fixture_tear_down);
  g_test_add ("/preferences/length-profile", Fixture, NULL, fixture_set_up,
              test_preferences_length_profile, fixture_tear_down);
  g_test_add ("/preferences/user-pack", Fixture, NULL, fixture_set_up, test_preferences_user_pack,
              fixture_tear_down);
  status = g_test_run ();
  {
    g_autofree char *packs = g_build_filename (home, "redline", "packs", NULL);
    g_autofree char *redline = g_build_filename (home, "redline", NULL);

    g_rmdir (packs);
    g_rmdir (redline);
    g_rmdir (home);
  }
  return status;
}
