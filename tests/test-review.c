/* test-review.c: the review workflow: submit, decide, waive, edit, lapse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "redline-test-project.h"

typedef struct
{
  Fixture          base;
  RedlineProject  *project;
  RedlineRuleSet  *rule_set;
  RedlinePost     *post;
  guint            entries;  /* in the audit log before the test */
} ReviewFixture;

#define BODY "本店咖啡采用最佳阿拉比卡豆，口感香醇。全国销量第一的咖啡品牌。"

static void
review_set_up (ReviewFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;

  fixture_set_up (&fixture->base, data);
  fixture->project = redline_project_create (fixture->base.file, "Review", &error);
  g_assert_no_error (error);
  redline_project_set_actor (fixture->project, "王律师");

  campaign = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_true (redline_project_add_campaign (fixture->project, campaign, &error));
  g_assert_no_error (error);
  fixture->post = redline_post_new (redline_campaign_get_id (campaign),
                                    REDLINE_CONTENT_KIND_ARTICLE);
  redline_post_set_title (fixture->post, "秋季新品");
  redline_post_set_body (fixture->post, BODY);
  g_assert_true (redline_project_add_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  fixture->rule_set = redline_project_create_rule_set (fixture->project, packs, &error);
  g_assert_no_error (error);
  fixture->entries = redline_project_count_audit_entries (fixture->project);
}

static void
review_tear_down (ReviewFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->post);
  g_clear_object (&fixture->rule_set);
  g_clear_object (&fixture->project);
  fixture_tear_down (&fixture->base, data);
}

static GListModel *
check (ReviewFixture *fixture)
{
  return redline_project_check_post (fixture->project, fixture->rule_set, fixture->post,
                                     REDLINE_ECOSYSTEM_WEIXIN);
}

/* The finding of @rule_id with @text, which must be there. */
static RedlineFinding *
find (GListModel *findings,
      const char *rule_id,
      const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (finding), rule_id) &&
          g_str_equal (redline_finding_get_text (finding), text))
        return finding;
    }
  g_error ("no finding of %s on “%s”", rule_id, text);
}

static guint
count_blocking (GListModel *findings)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      n += redline_finding_blocks (finding);
    }
  return n;
}

/* The actions of the audit log, in order, from entry @after on. */
static char *
audit_actions (ReviewFixture *fixture,
               guint          after)
{
  sqlite3 *db = _redline_project_get_db (fixture->project);
  g_autoptr(GString) actions = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, actor, packs FROM audit_log "
                                           "WHERE id > ?1 ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, after);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Every entry names who acted and the packs in force. */
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "王律师");
      g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 2),
                                "\"redline.absolute-terms\":\"2.4.0\""));
      g_string_append_printf (actions, "%s%s", actions->len > 0 ? " " : "",
                              (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&actions), FALSE);
}

static void
test_submit (ReviewFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Only a post in review can be decided. */
  g_assert_cmpint (redline_project_review_post (fixture->project, fixture->post,
                                                REDLINE_REVIEW_DECISION_REJECTED, NULL,
                                                fixture->rule_set, &error), ==, 0);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "秋季新品"));
  g_clear_error (&error);

  g_assert_true (redline_project_submit_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_IN_REVIEW);

  g_assert_false (redline_project_submit_post (fixture->project, fixture->post, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  /* Sent back, then submitted again. */
  g_assert_cmpint (redline_project_review_post (fixture->project, fixture->post,
                                                REDLINE_REVIEW_DECISION_REJECTED, "请删去最佳",
                                                fixture->rule_set, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_REJECTED);
  g_assert_true (redline_project_submit_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_reviews (fixture->project, fixture->post), ==, 1);

  {
    RedlineReviewDecision decision = REDLINE_REVIEW_DECISION_APPROVED;
    g_autofree char *reviewer = NULL;
    g_autofree char *at = NULL;
    g_autofree char *comment = NULL;

    g_assert_true (redline_project_get_last_review (fixture->project, fixture->post, &decision,
                                                    &reviewer, &at, &comment));
    g_assert_cmpint (decision, ==, REDLINE_REVIEW_DECISION_REJECTED);
    g_assert_cmpstr (reviewer, ==, "王律师");
    g_assert_cmpstr (comment, ==, "请删去最佳");
    g_assert_true (g_str_has_suffix (at, "Z"));
  }
}

static void
test_approve_refused (ReviewFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (redline_project_get_last_review (fixture->project, fixture->post, NULL, NULL,
                                                   NULL, NULL));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint entries;

  g_assert_true (redline_project_submit_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  entries = redline_project_count_audit_entries (fixture->project);
  before = hash_file (fixture->base.path);

  g_assert_cmpint (redline_project_review_post (fixture->project, fixture->post,
                                                REDLINE_REVIEW_DECISION_APPROVED, "OK",
                                                fixture->rule_set, &error), ==, 0);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED);
  g_test_message ("%s", error->message);
  /* The refusal says which findings stand in the way, and what to do. */
  g_assert_nonnull (strstr (error->message, "“最佳” (ad-law.absolute.zui, body 1:7)"));
  g_assert_nonnull (strstr (error->message, "waive"));

  /* Nothing was written. */
  after = hash_file (fixture->base.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (redline_project_count_audit_entries (fixture->project), ==, entries);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_IN_REVIEW);
  g_assert_cmpuint (redline_project_count_reviews (fixture->project, fixture->post), ==, 0);
}

/* Waive every error, then approve; the audit log has each step. */
static void
waive_and_approve (ReviewFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = check (fixture);

  g_assert_true (redline_project_submit_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (!redline_finding_blocks (finding))
        continue;
      g_assert_cmpint (redline_project_waive_finding (fixture->project, fixture->post, finding,
                                                      "第一 refers to a named award; "
                                                      "certificate on file", &error), >, 0);
      g_assert_no_error (error);
      g_assert_true (redline_finding_get_waived (finding));
    }
  g_assert_cmpint (redline_project_review_post (fixture->project, fixture->post,
                                                REDLINE_REVIEW_DECISION_APPROVED, "可以发布",
                                                fixture->rule_set, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_APPROVED);
}

static void
test_waive_and_approve (ReviewFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = check (fixture);
  g_autoptr(GListModel) again = NULL;
  g_autofree char *actions = NULL;
  RedlineFinding *zui = find (findings, "ad-law.absolute.zui", "最佳");
  guint n_blocking = count_blocking (findings);

  g_assert_cmpuint (n_blocking, >=, 2);

  /* A waiver needs a reason. */
  g_assert_cmpint (redline_project_waive_finding (fixture->project, fixture->post, zui, "  ",
                                                  &error), ==, 0);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (redline_finding_get_waived (zui));

  waive_and_approve (fixture);
  g_assert_cmpuint (redline_project_count_waivers (fixture->project, fixture->post, FALSE), ==,
                    n_blocking);

  /* Waived findings are still there, shown as waived. */
  again = check (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, g_list_model_get_n_items (findings));
  g_assert_cmpuint (count_blocking (again), ==, 0);
  zui = find (again, "ad-law.absolute.zui", "最佳");
  g_assert_true (redline_finding_get_waived (zui));
  g_assert_cmpstr (redline_finding_get_waived_by (zui), ==, "王律师");
  g_assert_nonnull (strstr (redline_finding_get_waiver_justification (zui), "certificate"));

  actions = audit_actions (fixture, fixture->entries);
  g_assert_true (g_str_has_suffix (actions, "waive approve review-comment"));
  g_assert_true (g_str_has_prefix (actions, "submit waive"));

  /* The history reads it all back. */
  {
    g_autoptr(GPtrArray) reviews = redline_project_list_reviews (fixture->project, fixture->post,
                                                                 &error);
    g_autoptr(GPtrArray) waivers = redline_project_list_waivers (fixture->project, fixture->post,
                                                                 &error);
    g_autoptr(GPtrArray) audit = redline_project_list_audit (fixture->project, fixture->post,
                                                             &error);
    g_autoptr(GPtrArray) all = redline_project_list_audit (fixture->project, NULL, &error);
    RedlineReviewRecord *review;
    RedlineWaiverRecord *waiver;

    g_assert_no_error (error);
    g_assert_cmpuint (reviews->len, ==, 1);
    review = g_ptr_array_index (reviews, 0);
    g_assert_cmpint (review->decision, ==, REDLINE_REVIEW_DECISION_APPROVED);
    g_assert_cmpstr (review->reviewer, ==, "王律师");
    g_assert_cmpstr (review->comment, ==, "可以发布");
    g_assert_nonnull (strstr (review->pack_versions, "redline.absolute-terms"));
    g_assert_cmpuint (waivers->len, ==, n_blocking);
    waiver = g_ptr_array_index (waivers, 0);
    g_assert_cmpstr (waiver->rule_id, ==, "ad-law.absolute.zui");
    g_assert_cmpstr (waiver->text, ==, "最佳");
    g_assert_cmpstr (waiver->field, ==, "body");
    g_assert_cmpstr (waiver->ecosystem, ==, "weixin");
    g_assert_null (waiver->lapsed_at);
    g_assert_nonnull (strstr (waiver->justification, "certificate on file"));
    /* The post's part of the log, and all of it. */
    g_assert_cmpuint (audit->len, >=, n_blocking + 3);
    g_assert_cmpuint (all->len, ==, redline_project_count_audit_entries (fixture->project));
    g_assert_cmpstr (((RedlineAuditRecord *) g_ptr_array_index (audit, audit->len - 1))->action,
                     ==, "review-comment");
  }
}

/* An edit elsewhere sends an approved post back to draft and keeps the
 * waivers; an edit of the waived text makes its waiver lapse. */
static void
test_edit_after_approval (ReviewFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *actions = NULL;
  guint n_waivers, entries;

  waive_and_approve (fixture);
  n_waivers = redline_project_count_waivers (fixture->project, fixture->post, FALSE);
  entries = redline_project_count_audit_entries (fixture->project);

  /* Far from any finding. */
  redline_post_set_title (fixture->post, "秋季新品上市");
  g_assert_true (redline_project_update_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_DRAFT);
  g_assert_cmpuint (redline_project_count_waivers (fixture->project, fixture->post, FALSE), ==,
                    n_waivers);
  actions = audit_actions (fixture, entries);
  g_assert_cmpstr (actions, ==, "edit-after-approval");
  g_clear_pointer (&actions, g_free);

  /* A draft's edit is only an update. */
  redline_post_set_title (fixture->post, "秋季新品");
  g_assert_true (redline_project_update_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  entries = redline_project_count_audit_entries (fixture->project);

  /* The waived 最佳 now reads 最好: that waiver lapses, the other stays. */
  redline_post_set_body (fixture->post,
                         "本店咖啡采用最好阿拉比卡豆，口感香醇。全国销量第一的咖啡品牌。");
  g_assert_true (redline_project_update_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_waivers (fixture->project, fixture->post, TRUE), ==, 1);
  g_assert_cmpuint (redline_project_count_waivers (fixture->project, fixture->post, FALSE), ==,
                    n_waivers - 1);
  actions = audit_actions (fixture, entries);
  g_assert_cmpstr (actions, ==, "update-post lapse-waiver");

  findings = check (fixture);
  g_assert_false (redline_finding_get_waived (find (findings, "ad-law.absolute.zui", "最好")));
  g_assert_cmpuint (count_blocking (findings), ==, 1);
}

/* What the copy is for decides which rules bind it: changing it on an
 * approved post sends the post back to draft, like an edit of its copy. */
static void
test_purpose_after_approval (ReviewFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actions = NULL;
  g_autoptr(RedlineProject) reopened = NULL;
  guint entries;

  waive_and_approve (fixture);
  g_assert_cmpint (redline_post_get_kind (fixture->post), ==, REDLINE_CONTENT_KIND_ARTICLE);
  entries = redline_project_count_audit_entries (fixture->project);

  redline_post_set_purpose (fixture->post, REDLINE_PURPOSE_EDITORIAL);
  g_assert_true (redline_project_update_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_status (fixture->post), ==, REDLINE_POST_STATUS_DRAFT);
  actions = audit_actions (fixture, entries);
  g_assert_cmpstr (actions, ==, "edit-after-approval");

  reopened = redline_project_open (redline_project_get_file (fixture->project),
                                   REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_purpose (redline_project_find_post (
                     reopened, redline_post_get_id (fixture->post))), ==,
                   REDLINE_PURPOSE_EDITORIAL);
}

/* A waiver covers its one finding: the same term elsewhere is not waived. */
static void
test_waiver_is_one_finding (ReviewFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = check (fixture);
  g_autoptr(GListModel) again = NULL;
  guint n_zui = 0;

  g_assert_cmpint (redline_project_waive_finding (fixture->project, fixture->post,
                                                  find (findings, "ad-law.absolute.zui", "最佳"),
                                                  "named award", &error), >, 0);
  g_assert_no_error (error);

  /* Text added before it moves it: still waived. A second 最佳 is not. */
  redline_post_set_body (fixture->post, "新品：" BODY "再说一遍，最佳口感。");
  g_assert_true (redline_project_update_post (fixture->project, fixture->post, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_waivers (fixture->project, fixture->post, TRUE), ==, 0);

  again = check (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (again); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (again, i);

      if (!g_str_equal (redline_finding_get_rule_id (finding), "ad-law.absolute.zui"))
        continue;
      g_assert_cmpint (redline_finding_get_waived (finding), ==,
                       redline_finding_get_start (finding) == 9);
      n_zui++;
    }
  g_assert_cmpuint (n_zui, ==, 2);

  /* On the other ecosystem it is another finding. */
  g_clear_object (&again);
  again = redline_project_check_post (fixture->project, fixture->rule_set, fixture->post,
                                      REDLINE_ECOSYSTEM_WECHAT);
  for (guint i = 0; i < g_list_model_get_n_items (again); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (again, i);

      g_assert_false (redline_finding_get_waived (finding));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/review/" path, ReviewFixture, NULL, review_set_up, func, review_tear_down)

  ADD ("submit", test_submit);
  ADD ("approve-refused", test_approve_refused);
  ADD ("waive-and-approve", test_waive_and_approve);
  ADD ("edit-after-approval", test_edit_after_approval);
  ADD ("purpose-after-approval", test_purpose_after_approval);
  ADD ("waiver-is-one-finding", test_waiver_is_one_finding);

#undef ADD

  return g_test_run ();
}
