/* test-project-check.c: checking a project, through the core and redline-check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-test-project.h"

static void
test_rule_set (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func (
    (GDestroyNotify) redline_banned_term_free);
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  static const char * const domains[] = { "Lumi.Example", NULL };
  static const char * const allowed[] = { "最佳拍档", NULL };

  g_ptr_array_add (banned, redline_banned_term_new ("星巴克", "competitor"));
  g_ptr_array_add (banned, redline_banned_term_new ("Rival & Co", "competitor"));
  g_ptr_array_add (banned, redline_banned_term_new ("秒杀", "absolute-term"));
  g_assert_true (redline_project_set_banned_terms (project, banned, &error));
  g_assert_no_error (error);
  g_assert_true (redline_project_set_allowed_domains (project, domains, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_allowed_domains (project)[0], ==, "lumi.example");
  g_assert_true (redline_project_set_allowed_terms (project, allowed, &error));
  g_assert_no_error (error);

  /* Bad values are refused. */
  g_assert_false (redline_project_set_allowed_domains (
                    project, (const char * const[]) { "not a domain", NULL }, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (banned, redline_banned_term_new ("x", "Bad Category"));
  g_assert_false (redline_project_set_banned_terms (project, banned, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (redline_project_get_banned_terms (project)->len, ==, 3);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);

  campaign = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_MOMENTS_AD);
  redline_post_set_title (post, "比 <Rival & Co> 更好");
  redline_post_set_body (post, "比星巴克更香，限时秒杀！我们是你的最佳拍档，本店最佳。");
  redline_post_set_link (post, "https://shop.lumi.example/autumn");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);

  findings = redline_project_check_post (project, rule_set, post,
                                         redline_project_get_post_ecosystem (project, post));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (seen, "%s:%s:%s ", redline_finding_get_category (finding),
                              redline_field_to_string (redline_finding_get_field (finding)),
                              redline_finding_get_text (finding));
    }
  g_test_message ("findings: %s", seen->str);
  g_assert_nonnull (strstr (seen->str, "competitor:title:Rival & Co"));
  g_assert_nonnull (strstr (seen->str, "competitor:body:星巴克"));
  g_assert_nonnull (strstr (seen->str, "absolute-term:body:秒杀"));
  /* 最佳 inside the allowed 最佳拍档 is cancelled; the second one is not. */
  {
    g_auto(GStrv) parts = g_strsplit (seen->str, "最佳", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
  }
  /* The project's allowlisted domain is not a finding. */
  g_assert_null (strstr (seen->str, "link:"));

  /* Enabled packs limit the built-in ones. */
  g_assert_true (redline_project_set_enabled_packs (
                   project, (const char * const[]) { "no.such.pack", NULL }, &error));
  g_assert_no_error (error);
  g_clear_object (&rule_set);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_rule_set_get_n_packs (rule_set), ==, 1);
}

/* The rule ids of @post's findings, one after another. */
static char *
dup_rule_ids (RedlineProject *project,
              RedlineRuleSet *rule_set,
              RedlinePost    *post)
{
  g_autoptr(GListModel) findings =
    redline_project_check_post (project, rule_set, post,
                                redline_project_get_post_ecosystem (project, post));
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (ids, "%s ", redline_finding_get_rule_id (finding));
    }
  return g_string_free (ids, FALSE);
}

static gboolean
context_finds (RedlineContext *context,
               RedlinePost    *post,
               const char     *rule_id)
{
  g_autoptr(GListModel) findings =
    redline_context_check_post (context, post, REDLINE_ECOSYSTEM_WEIXIN);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (finding), rule_id))
        return TRUE;
    }
  return FALSE;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The project's length profile: the editor's limits by default, the
 * interface's when chosen; stored, exported, followed by a context, and a
 * value no profile has refused with the file's name, not lost. */
static void
test_length_profile (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(RedlineContext) context = redline_context_new ();
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  g_autoptr(RedlineCampaign) campaign =
    g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign),
                                                  REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *ids = NULL;
  g_autofree char *json = NULL;
  gint64 post_id;
  guint notified = 0;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpint (redline_project_get_length_profile (project), ==,
                   REDLINE_LENGTH_PROFILE_EDITOR);
  /* 41 characters: within the editor's 64, over the interface's 32. */
  redline_post_set_title (post, "秋季限定桂花拿铁回归菜单，云南小粒咖啡豆搭配杭州满觉陇桂花糖浆，会员到店领取集章卡");
  g_assert_cmpint (g_utf8_strlen (redline_post_get_title (post), -1), ==, 41);
  redline_post_set_body (post, "桂花拿铁回来了。");
  /* 18 characters: over the 16 of both profiles. */
  redline_post_set_author (post, "Lumi 咖啡品牌部与杭州门店咖啡师");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);
  post_id = redline_post_get_id (post);

  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  ids = dup_rule_ids (project, rule_set, post);
  g_assert_null (strstr (ids, "platform.length.article-title"));
  g_assert_nonnull (strstr (ids, "platform.length.article-author"));
  g_clear_pointer (&ids, g_free);
  g_clear_object (&rule_set);

  /* One notification for a change, none for the same value again; a
   * context rebuilds its rule set. */
  for (guint i = 0; i < packs->len; i++)
    redline_context_add_pack (context, g_ptr_array_index (packs, i));
  redline_context_set_project (context, project);
  g_assert_true (context_finds (context, post, "platform.length.article-title") == FALSE);
  g_signal_connect (project, "notify::length-profile", G_CALLBACK (count_notify_cb), &notified);
  g_assert_true (redline_project_set_length_profile (project, REDLINE_LENGTH_PROFILE_API,
                                                     &error));
  g_assert_no_error (error);
  g_assert_true (redline_project_set_length_profile (project, REDLINE_LENGTH_PROFILE_API,
                                                     &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (context_finds (context, post, "platform.length.article-title"));

  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  ids = dup_rule_ids (project, rule_set, post);
  g_assert_nonnull (strstr (ids, "platform.length.article-title"));
  g_assert_nonnull (strstr (ids, "platform.length.article-author"));
  g_clear_pointer (&ids, g_free);
  g_clear_object (&rule_set);

  /* Chosen for one run, whatever the project says. */
  rule_set = redline_project_create_rule_set_for_profile (project, packs,
                                                          REDLINE_LENGTH_PROFILE_EDITOR, &error);
  g_assert_no_error (error);
  ids = dup_rule_ids (project, rule_set, post);
  g_assert_null (strstr (ids, "platform.length.article-title"));
  g_clear_pointer (&ids, g_free);
  g_clear_object (&rule_set);

  json = redline_project_export_json (project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"length_profile\" : \"api\""));
  g_clear_object (&post);
  g_clear_object (&campaign);
  g_clear_object (&context);
  g_clear_object (&project);

  /* Stored: read back when the file opens again. */
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redline_project_get_length_profile (project), ==,
                   REDLINE_LENGTH_PROFILE_API);
  g_clear_object (&project);

  /* A value no profile has: the file opens, the checks are refused with
   * its name and the value, and choosing a profile mends it. */
  db = raw_open (fixture->path);
  raw_exec (db, "UPDATE settings SET value = 'print' WHERE key = 'length_profile'");
  sqlite3_close (db);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_null (rule_set);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "test.redline"));
  g_assert_nonnull (strstr (error->message, "“print”"));
  g_clear_error (&error);
  g_assert_true (redline_project_set_length_profile (project, REDLINE_LENGTH_PROFILE_EDITOR,
                                                     &error));
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  post = redline_project_find_post (project, post_id);
  g_assert_nonnull (post);
  g_object_ref (post);
  ids = dup_rule_ids (project, rule_set, post);
  g_assert_null (strstr (ids, "platform.length.article-title"));
  g_clear_object (&project);

  /* Bytes that are not text: refused when opened, naming the setting. */
  db = raw_open (fixture->path);
  raw_exec (db, "UPDATE settings SET value = CAST(X'61FF' AS TEXT) WHERE key = 'length_profile'");
  sqlite3_close (db);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "project setting “length profile”"));
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                 "lumi-cafe.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  GListModel *posts;
  guint kinds = 0, with_findings = 0, reviewed = 0;

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redline_project_get_name (project), ==, "Lumi Café — autumn launch");
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==, 2);
  posts = redline_project_get_posts (project);
  g_assert_cmpuint (g_list_model_get_n_items (posts), >=, 12);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GListModel) findings =
        redline_project_check_post (project, rule_set, post,
                                    redline_project_get_post_ecosystem (project, post));

      kinds |= 1u << redline_post_get_kind (post);
      with_findings += g_list_model_get_n_items (findings) > 0;
      reviewed += redline_project_count_reviews (project, post) > 0;
    }
  g_assert_cmpuint (kinds, ==, (1u << REDLINE_N_POST_KINDS) - 1);
  g_assert_cmpuint (with_findings, >, 0);
  g_assert_cmpuint (with_findings, <, g_list_model_get_n_items (posts));
  g_assert_cmpuint (reviewed, >, 0);
}

static void
test_check_command (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                 "lumi-cafe.redline", NULL);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *results;
  gboolean weixin = FALSE, wechat = FALSE;
  guint n_qr_codes = 0;
  guint n_account_items = 0;
  int status;

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }

  {
    const char *argv[] = { redline_check, "--format=json", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  /* The sample has error findings on Weixin. */
  g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "results");
  g_assert_cmpuint (json_array_get_length (results), >=, 12);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      g_autofree char *post = g_strconcat (path, "#post-", NULL);
      g_autofree char *qr_code = g_strconcat (path, "#qr-", NULL);
      g_autofree char *reply = g_strconcat (path, "#reply-", NULL);
      g_autofree char *menu = g_strconcat (path, "#menu-", NULL);
      const char *file = json_object_get_string_member (result, "file");
      const char *kind = json_object_get_string_member (result, "kind");

      /* Its posts, the links of its QR codes, then its accounts' replies
       * and menu items. */
      if (g_str_has_prefix (file, reply) || g_str_has_prefix (file, menu))
        {
          g_assert_cmpstr (kind, ==, g_str_has_prefix (file, reply) ? "auto-reply" : "menu");
          g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "advertising");
          n_account_items++;
        }
      else if (g_str_has_prefix (file, qr_code))
        {
          g_assert_cmpstr (kind, ==, "qr-code");
          g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "notice");
          n_qr_codes++;
        }
      else
        {
          g_assert_true (g_str_has_prefix (file, post));
          g_assert_cmpstr (kind, !=, "qr-code");
        }
      weixin |= g_str_equal (json_object_get_string_member (result, "ecosystem"), "weixin");
      wechat |= g_str_equal (json_object_get_string_member (result, "ecosystem"), "wechat");
    }
  /* Each post once, on its campaign's ecosystem; the sample's two codes. */
  g_assert_true (weixin && wechat);
  g_assert_cmpuint (n_qr_codes, ==, 2);
  /* The sample's Weixin menu of seven items; WeChat's two replies and two. */
  g_assert_cmpuint (n_account_items, ==, 11);

  /* A project from a newer Redline: status 2, and the file named. */
  {
    g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", NULL);
    g_autofree char *copy = g_build_filename (dir, "newer.redline", NULL);
    g_autofree char *contents = NULL;
    const char *argv[] = { redline_check, copy, NULL };
    gsize length;
    sqlite3 *db;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    db = raw_open (copy);
    raw_exec (db, "PRAGMA user_version = 42");
    sqlite3_close (db);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
    g_assert_nonnull (strstr (err, "newer.redline"));
    g_assert_nonnull (strstr (err, "made by a newer Redline (format 42)"));
    g_unlink (copy);
    g_rmdir (dir);
  }
}

/* Runs redline-check with @argv (and @envp, or this environment) to its
 * end; returns its exit status, with what it wrote in @out and @err. */
static int
run_check (const char *const  *argv,
           char              **envp,
           char              **out,
           char              **err)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", *err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* redline-check --length-profile: the project's setting unless given. */
static void
test_length_profile_command (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(RedlineCampaign) campaign =
    g_list_model_get_item (redline_project_get_campaigns (project), 0);
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign),
                                                  REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  struct {
    const char *option;
    int         status;
    gboolean    title_finding;
    const char *err;
  } runs[] = {
    { NULL, 0, FALSE, NULL },
    { "--length-profile=api", 1, TRUE, NULL },
    { "--length-profile=editor", 0, FALSE, NULL },
    { "--length-profile=print", 2, FALSE, "unknown length profile “print”: use editor or api" },
  };

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  redline_post_set_title (post, "秋季限定桂花拿铁回归菜单，云南小粒咖啡豆搭配杭州满觉陇桂花糖浆，会员到店领取集章卡");
  redline_post_set_body (post, "桂花拿铁回来了。");
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  before = hash_file (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const char *argv[] = { redline_check, "--ecosystem=weixin",
                             runs[i].option != NULL ? runs[i].option : fixture->path,
                             runs[i].option != NULL ? fixture->path : NULL, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %s%s", runs[i].option != NULL ? runs[i].option : "(no option)", out,
                      err);
      g_assert_true (WIFEXITED (status));
      /* An over-long title is an error: status 1. */
      g_assert_cmpint (WEXITSTATUS (status), ==, runs[i].status);
      g_assert_true ((strstr (out, "platform.length.article-title") != NULL) ==
                     runs[i].title_finding);
      if (runs[i].err != NULL)
        g_assert_nonnull (strstr (err, runs[i].err));
    }
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* redline-check --report: a report of the project, the check as usual. */
static void
test_report_command (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                   "lumi-cafe.redline", NULL);
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "data", "sample-post.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("redline-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *pdf_option = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *csv_option = g_strconcat ("--report=", csv, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  struct {
    const char *argv[5];
    int         status;
    const char *err;
  } runs[] = {
    /* The sample has errors: status 1, and the report. */
    { { redline_check, pdf_option, sample, NULL }, 1, NULL },
    { { redline_check, "--format=json", csv_option, sample, NULL }, 1, NULL },
    { { redline_check, "--report=report.txt", sample, NULL }, 2, ".pdf, .html or .csv" },
    { { redline_check, pdf_option, sample, sample, NULL }, 2, "exactly one project" },
    { { redline_check, pdf_option, text, NULL }, 2, "needs a project file" },
  };

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  before = hash_file (sample);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_check (runs[i].argv, NULL, &out, &err), ==, runs[i].status);
      if (runs[i].err != NULL)
        g_assert_nonnull (strstr (err, runs[i].err));
      if (i == 0)
        {
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          /* The findings still go to standard output. */
          g_assert_nonnull (strstr (out, "error:"));
        }
      if (i == 1)
        {
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
          g_assert_nonnull (strstr (contents, "\"campaign\",\"ecosystem\""));
          g_assert_true (g_str_has_prefix (out, "{"));
        }
    }
  /* Checked and reported, never written. */
  after = hash_file (sample);
  g_assert_cmpstr (before, ==, after);
  g_unlink (pdf);
  g_unlink (csv);
  g_rmdir (dir);
}

/* redline-check --report without its report module: status 2 and a message
 * that names the module's path and REDLINE_MODULEDIR, no report, the
 * findings as usual; text and --report=FILE's name are still checked
 * without it. */
static void
test_report_module_missing (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                   "lumi-cafe.redline", NULL);
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "data", "sample-post.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("redline-no-module-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "report.html", NULL);
  g_autofree char *pdf_option = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *html_option = g_strconcat ("--report=", html, NULL);
  g_autofree char *module_path = g_build_filename (dir, "libredline-report", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "REDLINE_MODULEDIR", dir, TRUE);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  struct {
    const char *argv[5];
    int         status;
    const char *err;
  } runs[] = {
    { { redline_check, pdf_option, sample, NULL }, 2, "REDLINE_MODULEDIR" },
    { { redline_check, "--format=json", html_option, sample, NULL }, 2, "REDLINE_MODULEDIR" },
    { { redline_check, "--report=report.txt", sample, NULL }, 2, ".pdf, .html or .csv" },
    { { redline_check, pdf_option, text, NULL }, 2, "needs a project file" },
    { { redline_check, text, NULL }, 1, NULL },
  };

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_check (runs[i].argv, envp, &out, &err), ==, runs[i].status);
      if (runs[i].err != NULL)
        g_assert_nonnull (strstr (err, runs[i].err));
      if (i < 2)
        {
          /* The module's path, what to do; the findings still written. */
          g_assert_nonnull (strstr (err, "cannot write the report: cannot load the report "
                                         "writers: "));
          g_assert_nonnull (strstr (err, module_path));
          g_assert_nonnull (strstr (out, i == 0 ? "error:" : "\"findings\""));
        }
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (html, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* A report module of another build under the module's name (an older
 * installation) is refused before it is called: status 2, a message that
 * names it and both versions, no report. */
static void
test_report_module_other (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                   "lumi-cafe.redline", NULL);
  g_autofree char *dir = g_dir_make_tmp ("redline-other-module-XXXXXX", NULL);
  g_autofree char *module = g_build_filename (dir, REPORT_MODULE, NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *pdf_option = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "REDLINE_MODULEDIR", dir, TRUE);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  const char *argv[] = { redline_check, pdf_option, sample, NULL };
  gsize length = 0;

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  g_assert_nonnull (dir);
  g_assert_true (g_file_get_contents (OTHER_REPORT_MODULE, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (module, contents, length, NULL));

  g_assert_cmpint (run_check (argv, envp, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, module));
  g_assert_nonnull (strstr (err, "0.0.0/0"));
  g_assert_nonnull (strstr (err, "REDLINE_MODULEDIR"));
  g_assert_nonnull (strstr (out, "error:"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_unlink (module);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rule-set", test_rule_set);
  ADD ("length-profile", test_length_profile);
  ADD ("length-profile-command", test_length_profile_command);
  g_test_add_func ("/redline/project/sample", test_sample);
  g_test_add_func ("/redline/project/check-command", test_check_command);
  g_test_add_func ("/redline/project/report-command", test_report_command);
  g_test_add_func ("/redline/project/report-module-missing", test_report_module_missing);
  g_test_add_func ("/redline/project/report-module-other", test_report_module_other);

#undef ADD

  return g_test_run ();
}
