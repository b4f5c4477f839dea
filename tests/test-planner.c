/* test-planner.c: the planning data and the planner's checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-planner.h"
#include "redline-test-project.h"

typedef struct
{
  Fixture          base;
  RedlineProject  *project;
  RedlinePlanner  *planner;
} PlanFixture;

static void
plan_set_up (PlanFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlinePlatform) platform = redline_platform_load_builtin (&error);

  g_assert_no_error (error);
  fixture_set_up (&fixture->base, data);
  fixture->project = redline_project_create (fixture->base.file, "Plan", &error);
  g_assert_no_error (error);
  fixture->planner = redline_planner_new (platform);
  redline_planner_set_project (fixture->planner, fixture->project);
}

static void
plan_tear_down (PlanFixture   *fixture,
                gconstpointer  data)
{
  g_clear_object (&fixture->planner);
  redline_project_close (fixture->project);
  g_clear_object (&fixture->project);
  fixture_tear_down (&fixture->base, data);
}

static RedlineCampaign *
add_campaign (PlanFixture      *fixture,
              const char       *name,
              RedlineEcosystem  ecosystem,
              const char       *account_type,
              const char       *account,
              const char       *start,
              const char       *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new (name, ecosystem);

  redline_campaign_set_account_type (campaign, account_type);
  redline_campaign_set_account (campaign, account);
  redline_campaign_set_start_date (campaign, start);
  redline_campaign_set_end_date (campaign, end);
  g_assert_true (redline_project_add_campaign (fixture->project, campaign, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&campaign);
}

static RedlinePost *
add_post (PlanFixture        *fixture,
          RedlineCampaign    *campaign,
          RedlineContentKind  kind,
          const char         *scheduled_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign), kind);

  redline_post_set_title (post, "桂花拿铁");
  redline_post_set_body (post, "秋天的第一杯桂花拿铁。");
  redline_post_set_scheduled_at (post, scheduled_at);
  g_assert_true (redline_project_add_post (fixture->project, post, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&post);
}

/* The ids of @post's planning findings, joined by spaces. */
static char *
rules_of (PlanFixture *fixture,
          RedlinePost *post)
{
  g_autoptr(GPtrArray) findings = redline_planner_check_post (fixture->planner, post);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (redline_finding_get_category (finding), ==, "platform");
      g_assert_cmpint (redline_finding_get_scope (finding), ==, REDLINE_SCOPE_DOCUMENT);
      g_assert_cmpstr (redline_finding_get_pack_id (finding), ==, "redline.platform");
      g_assert_nonnull (redline_finding_get_reference (finding));
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                              redline_finding_get_rule_id (finding));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
message_of (PlanFixture *fixture,
            RedlinePost *post)
{
  g_autoptr(GPtrArray) findings = redline_planner_check_post (fixture->planner, post);

  g_assert_cmpuint (findings->len, ==, 1);
  return g_strdup (redline_finding_get_message (g_ptr_array_index (findings, 0)));
}

#define assert_rules(fixture, post, expected) \
  G_STMT_START { \
    g_autofree char *_ids = rules_of ((fixture), (post)); \
    g_assert_cmpstr (_ids, ==, (expected)); \
  } G_STMT_END

/* A Service Account broadcasts four times a calendar month: the fifth is
 * flagged, whatever campaign of the account sends it; a multi-article
 * broadcast (posts at one time) counts once; other kinds do not count. */
static void
test_service_month (PlanFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(RedlineCampaign) autumn = add_campaign (fixture, "秋季", REDLINE_ECOSYSTEM_WEIXIN,
                                                    "service-account", "Lumi 咖啡",
                                                    "2024-09-01", "2024-10-31");
  g_autoptr(RedlineCampaign) members = add_campaign (fixture, "会员", REDLINE_ECOSYSTEM_WEIXIN,
                                                     "service-account", "Lumi 咖啡",
                                                     "2024-09-01", "2024-10-31");
  g_autoptr(RedlinePost) p1 = add_post (fixture, autumn, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-02T09:00:00+08:00");
  g_autoptr(RedlinePost) p1b = add_post (fixture, autumn, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-02T09:00:00+08:00");
  g_autoptr(RedlinePost) p2 = add_post (fixture, members, REDLINE_CONTENT_KIND_GROUP_MESSAGE, "2024-09-09T09:00:00+08:00");
  g_autoptr(RedlinePost) p3 = add_post (fixture, autumn, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-16T09:00:00+08:00");
  g_autoptr(RedlinePost) ad = add_post (fixture, autumn, REDLINE_CONTENT_KIND_MOMENTS_AD, "2024-09-17T09:00:00+08:00");
  g_autoptr(RedlinePost) p4 = add_post (fixture, members, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-23T09:00:00+08:00");
  g_autoptr(RedlinePost) p5 = add_post (fixture, autumn, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-30T09:00:00+08:00");
  g_autoptr(RedlinePost) october = add_post (fixture, autumn, REDLINE_CONTENT_KIND_ARTICLE, "2024-10-01T09:00:00+08:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  assert_rules (fixture, p1, "");
  assert_rules (fixture, p1b, "");
  assert_rules (fixture, p2, "");
  assert_rules (fixture, p3, "");
  assert_rules (fixture, ad, "");
  assert_rules (fixture, p4, "");
  assert_rules (fixture, p5, "platform.plan.quota");
  assert_rules (fixture, october, "");
  message = message_of (fixture, p5);
  g_assert_cmpstr (message, ==, "Lumi 咖啡: broadcast 5 in 2024-09, but “Service Account” accounts "
                   "may broadcast only 4 times a calendar month (Beijing time). Move the post to "
                   "another month, or send it in an earlier broadcast of that month.");

  /* Moved into an earlier broadcast of the month, it no longer counts. */
  redline_post_set_scheduled_at (p5, "2024-09-16T09:00:00+08:00");
  g_assert_true (redline_project_update_post (fixture->project, p5, &error));
  g_assert_no_error (error);
  assert_rules (fixture, p5, "");
}

/* Month and day boundaries are Beijing's: 16:30 UTC on September 30th is
 * October 1st on the platform. Campaigns without an account name count
 * alone. */
static void
test_time_zone (PlanFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(RedlineCampaign) campaign = add_campaign (fixture, "A", REDLINE_ECOSYSTEM_WEIXIN,
                                                      "service-account", NULL,
                                                      "2024-09-01", "2024-10-31");
  g_autoptr(RedlineCampaign) other = add_campaign (fixture, "B", REDLINE_ECOSYSTEM_WEIXIN,
                                                   "service-account", NULL,
                                                   "2024-09-01", "2024-10-31");
  g_autoptr(RedlinePost) last = NULL;
  g_autoptr(RedlinePost) other_post = NULL;
  GDate date;

  for (guint day = 1; day <= 4; day++)
    {
      g_autofree char *when = g_strdup_printf ("2024-09-%02uT10:00:00+08:00", day);
      g_autoptr(RedlinePost) post = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, when);

      assert_rules (fixture, post, "");
    }
  last = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-30T16:30:00Z");
  other_post = add_post (fixture, other, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-05T10:00:00+08:00");
  assert_rules (fixture, last, "");
  assert_rules (fixture, other_post, "");
  g_assert_true (redline_planner_post_local_date (last, &date));
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_OCTOBER);
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
}

/* An Official Account broadcasts once a day. */
static void
test_official_day (PlanFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(RedlineCampaign) campaign = add_campaign (fixture, "日更", REDLINE_ECOSYSTEM_WECHAT,
                                                      "official-account", "Lumi SG",
                                                      NULL, NULL);
  g_autoptr(RedlinePost) morning = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-05T08:00:00+08:00");
  g_autoptr(RedlinePost) evening = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-05T20:00:00+08:00");
  g_autoptr(RedlinePost) midnight = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, "2024-09-05T16:00:00Z");
  g_autoptr(RedlinePost) unscheduled = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE, NULL);
  g_autoptr(GPtrArray) findings = NULL;

  assert_rules (fixture, morning, "");
  assert_rules (fixture, evening, "platform.plan.quota");
  assert_rules (fixture, midnight, "");
  assert_rules (fixture, unscheduled, "");
  findings = redline_planner_check_post (fixture->planner, evening);
  g_assert_cmpint (redline_finding_get_ecosystem (g_ptr_array_index (findings, 0)), ==,
                   REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_finding_get_severity (g_ptr_array_index (findings, 0)), ==,
                   REDLINE_SEVERITY_ERROR);
}

/* Posts scheduled before the start or after the end of their campaign, in
 * Beijing time; dates on the first and last day are inside. */
static void
test_outside_campaign (PlanFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(RedlineCampaign) campaign = add_campaign (fixture, "秋季新品上市", REDLINE_ECOSYSTEM_WEIXIN,
                                                      "official-account", NULL,
                                                      "2024-09-01", "2024-10-31");
  g_autoptr(RedlinePost) first = add_post (fixture, campaign, REDLINE_CONTENT_KIND_MOMENTS_AD, "2024-08-31T16:00:00Z");
  g_autoptr(RedlinePost) before = add_post (fixture, campaign, REDLINE_CONTENT_KIND_MOMENTS_AD, "2024-08-31T15:59:00Z");
  g_autoptr(RedlinePost) last = add_post (fixture, campaign, REDLINE_CONTENT_KIND_MOMENTS_AD, "2024-10-31T23:59:00+08:00");
  g_autoptr(RedlinePost) after = add_post (fixture, campaign, REDLINE_CONTENT_KIND_MOMENTS_AD, "2024-11-01T00:00:00+08:00");
  g_autofree char *message = NULL;

  assert_rules (fixture, first, "");
  assert_rules (fixture, before, "platform.plan.outside-campaign");
  assert_rules (fixture, last, "");
  assert_rules (fixture, after, "platform.plan.outside-campaign");
  message = message_of (fixture, after);
  g_assert_cmpstr (message, ==, "Scheduled for 2024-11-01 (Beijing time), outside the campaign "
                   "“秋季新品上市”, which runs from 2024-09-01 to 2024-10-31. Move the post into "
                   "those dates, or change the campaign’s dates.");
}

/* What an account type can publish is data, per ecosystem. */
static void
test_kinds (PlanFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(RedlineCampaign) groups = add_campaign (fixture, "社群", REDLINE_ECOSYSTEM_WEIXIN,
                                                    "groups", NULL, NULL, NULL);
  g_autoptr(RedlineCampaign) overseas = add_campaign (fixture, "Overseas", REDLINE_ECOSYSTEM_WECHAT,
                                                      "service-account", NULL, NULL, NULL);
  g_autoptr(RedlineCampaign) legacy = add_campaign (fixture, "Legacy", REDLINE_ECOSYSTEM_WEIXIN,
                                                    "fan-page", NULL, NULL, NULL);
  g_autoptr(RedlineCampaign) untyped = add_campaign (fixture, "Untyped", REDLINE_ECOSYSTEM_WEIXIN,
                                                     NULL, NULL, NULL, NULL);
  g_autoptr(RedlinePost) article = add_post (fixture, groups, REDLINE_CONTENT_KIND_ARTICLE, NULL);
  g_autoptr(RedlinePost) message = add_post (fixture, groups, REDLINE_CONTENT_KIND_GROUP_MESSAGE, NULL);
  g_autoptr(RedlinePost) channels = add_post (fixture, overseas, REDLINE_CONTENT_KIND_CHANNELS, NULL);
  g_autoptr(RedlinePost) legacy_post = add_post (fixture, legacy, REDLINE_CONTENT_KIND_ARTICLE, NULL);
  g_autoptr(RedlinePost) untyped_post = add_post (fixture, untyped, REDLINE_CONTENT_KIND_ARTICLE, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) of_campaign = NULL;
  g_autofree char *text = NULL;

  assert_rules (fixture, article, "platform.plan.kind");
  assert_rules (fixture, message, "");
  assert_rules (fixture, channels, "platform.plan.unconfirmed");
  assert_rules (fixture, legacy_post, "platform.plan.unknown-account-type");
  assert_rules (fixture, untyped_post, "");
  text = message_of (fixture, article);
  g_assert_cmpstr (text, ==, "“Groups” accounts cannot publish “Article” posts on Weixin (China). "
                   "Move the post to a campaign whose account can publish it, or change this "
                   "campaign’s account type.");
  findings = redline_planner_check_post (fixture->planner, channels);
  g_assert_cmpint (redline_finding_get_severity (g_ptr_array_index (findings, 0)), ==,
                   REDLINE_SEVERITY_WARNING);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = redline_planner_check_post (fixture->planner, legacy_post);
  g_assert_cmpint (redline_finding_get_severity (g_ptr_array_index (findings, 0)), ==,
                   REDLINE_SEVERITY_INFO);
  of_campaign = redline_planner_check_campaign (fixture->planner, groups);
  g_assert_cmpuint (of_campaign->len, ==, 1);
}

/* redline-check reports the planning findings of a project's posts, on
 * their own ecosystem, and they count toward the exit status. */
static void
test_cli (PlanFixture   *fixture,
          gconstpointer  data)
{
  g_autoptr(RedlineCampaign) campaign = add_campaign (fixture, "秋季", REDLINE_ECOSYSTEM_WEIXIN,
                                                      "service-account", "Lumi 咖啡",
                                                      "2024-09-01", "2024-09-30");
  const char *check = g_getenv ("REDLINE_CHECK");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *both = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  for (guint day = 1; day <= 5; day++)
    {
      g_autofree char *when = g_strdup_printf ("2024-09-%02uT09:00:00+08:00", day * 7);
      g_autoptr(RedlinePost) post = add_post (fixture, campaign, REDLINE_CONTENT_KIND_ARTICLE,
                                              day == 5 ? "2024-10-03T09:00:00+08:00" : when);

      if (day == 5)
        {
          g_autoptr(RedlinePost) fifth = add_post (fixture, campaign,
                                                   REDLINE_CONTENT_KIND_GROUP_MESSAGE,
                                                   "2024-09-30T20:00:00+08:00");
        }
    }
  redline_project_close (fixture->project);
  g_assert_nonnull (check);

  {
    const char *argv[] = { check, "--format=json", fixture->base.path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (out, "\"rule\" : \"platform.plan.quota\""));
  g_assert_nonnull (strstr (out, "\"rule\" : \"platform.plan.outside-campaign\""));
  g_assert_nonnull (strstr (out, "\"category\" : \"platform\""));

  /* Checked on the other ecosystem too, the plan is still the campaign's. */
  {
    const char *argv[] = { check, "--ecosystem=wechat", fixture->base.path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &both, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_null (strstr (both, "platform.plan."));
}

/* The sample project shows each kind of plan problem once: the fifth
 * broadcast of its Service Account in September, a post after its
 * campaign's last day, and Channels on a WeChat account, which no source
 * confirms. Every other post plans cleanly. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "sample",
                                                 "lumi-cafe.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RedlineProject) project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                            &error);
  g_autoptr(RedlinePlatform) platform = redline_platform_load_builtin (&error);
  g_autoptr(RedlinePlanner) planner = NULL;
  g_autoptr(GString) flagged = g_string_new (NULL);
  GListModel *posts;

  g_assert_no_error (error);
  planner = redline_planner_new (platform);
  redline_planner_set_project (planner, project);
  posts = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GPtrArray) findings = redline_planner_check_post (planner, post);

      for (guint j = 0; j < findings->len; j++)
        g_string_append_printf (flagged, "%s %s %s\n",
                                redline_post_get_kind (post) == REDLINE_CONTENT_KIND_CHANNELS
                                ? "(channels)" : redline_post_get_title (post),
                                redline_severity_to_string (
                                  redline_finding_get_severity (findings->pdata[j])),
                                redline_finding_get_rule_id (findings->pdata[j]));
    }
  g_assert_cmpstr (flagged->str, ==,
                   "国庆假期门店营业时间 error platform.plan.quota\n"
                   "双十一囤豆节 error platform.plan.outside-campaign\n"
                   "(channels) warning platform.plan.unconfirmed\n");
  redline_planner_set_project (planner, NULL);
}

/* The limits on an account's menu and replies, which planning data has. */
#define LIMITS \
  "<menu items=\"3\" sub-items=\"5\" link-bytes=\"1024\">" \
  "<name level=\"top\" max-bytes=\"16\" shown=\"4\"/><name level=\"sub\" max-bytes=\"60\" " \
  "shown=\"8\"/></menu><auto-replies rules=\"200\" rule-name=\"60\" keywords=\"10\" " \
  "keyword-length=\"30\"><text trigger=\"welcome\" max=\"600\"/><text trigger=\"message\" " \
  "max=\"600\"/><text trigger=\"keyword\" max=\"300\"/></auto-replies>"

/* The planning data is checked as a rule pack is, and its pack lists the
 * planner's rules. */
static void
test_platform_data (void)
{
  static const struct { const char *xml; const char *expected; } cases[] = {
    { "<platform version=\"1\"><check id=\"platform.plan.quota\"><reference>r</reference></check>\n"
      LIMITS "<account-type id=\"a\"><name>A</name><on ecosystem=\"weixin\" kinds=\"article\"/></account-type>"
      "</platform>",
      "bad.xml:1:1: the planning check “platform.plan.outside-campaign” is missing" },
    { "<platform version=\"1\">\n<check id=\"platform.plan.nope\"><reference>r</reference></check>"
      LIMITS "<account-type id=\"a\"><name>A</name><on ecosystem=\"weixin\" kinds=\"\"/></account-type>"
      "</platform>",
      "bad.xml:2:8: Redline makes no planning check “platform.plan.nope”" },
    { "<platform version=\"1\"><check id=\"platform.plan.quota\"><reference>r</reference></check>"
      LIMITS "<account-type id=\"a\"><name>A</name>\n<on ecosystem=\"weixin\" kinds=\"article\" "
      "unconfirmed=\"article\"/></account-type></platform>",
      "bad.xml:2:40: a content kind is both confirmed and unconfirmed" },
    { "<platform version=\"1\"><account-type id=\"a\"/></platform>",
      "bad.xml:1:" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlinePlatform) platform = redline_platform_load_builtin (&error);
  RedlineRulePack *pack;

  g_assert_no_error (error);
  pack = redline_platform_get_rule_pack (platform);
  g_assert_cmpstr (redline_rule_pack_get_id (pack), ==, "redline.platform");
  /* Five checks of the plan, seven of an account's menu and replies. */
  g_assert_cmpuint (redline_rule_pack_get_n_rules (pack), ==, 12);
  for (guint i = 0; i < redline_rule_pack_get_n_rules (pack); i++)
    {
      RedlineRule *rule = redline_rule_pack_get_rule (pack, i);
      const char *id = redline_rule_get_id (rule);

      g_assert_cmpint (redline_rule_get_rule_type (rule), ==, REDLINE_RULE_TYPE_PLAN);
      /* Names and texts past a limit are length findings. */
      g_assert_cmpstr (redline_rule_get_category (rule), ==,
                       g_str_equal (id, "platform.menu.name") ||
                       g_str_equal (id, "platform.menu.name-shown") ||
                       g_str_equal (id, "platform.reply.length") ? "length" : "platform");
      g_assert_nonnull (redline_rule_get_reference (rule));
    }
  g_assert_cmpstr (redline_platform_get_account_type_name (platform, "service-account"), ==,
                   "Service Account");
  g_assert_cmpint (redline_platform_can_publish (platform, "moments-ads", REDLINE_ECOSYSTEM_WECHAT,
                                                 REDLINE_CONTENT_KIND_MINI_PROGRAM), ==,
                   REDLINE_CAPABILITY_YES);
  g_assert_cmpuint (g_strv_length ((char **) redline_platform_get_account_types (platform)), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(RedlinePlatform) bad = NULL;

      g_clear_error (&error);
      bad = redline_platform_new_from_bytes (bytes, "bad.xml", &error);
      g_assert_null (bad);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].expected))
        g_error ("“%s” does not start with “%s”", error->message, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/planner/" path, PlanFixture, NULL, plan_set_up, func, plan_tear_down)
  ADD ("service-month", test_service_month);
  ADD ("time-zone", test_time_zone);
  ADD ("official-day", test_official_day);
  ADD ("outside-campaign", test_outside_campaign);
  ADD ("kinds", test_kinds);
  ADD ("cli", test_cli);
#undef ADD
  g_test_add_func ("/redline/planner/platform-data", test_platform_data);
  g_test_add_func ("/redline/planner/sample", test_sample);

  return g_test_run ();
}
