/* test-project-io.c: CSV import, CSV and JSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-test-project.h"

static RedlineProject *
create_for_csv (Fixture *fixture)
{
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);

  return g_steal_pointer (&project);
}

static void
test_csv_import (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char good[] =
    "\xef\xbb\xbfTitle,Body,CTA,Kind,Campaign,Scheduled At,Status\r\n"
    "新品,\"第一行\r\n第二行, 有逗号，还有\"\"引号\"\"\",立即购买,moments-ad,秋季上新,"
    "2024-09-20T09:00:00+08:00,draft\r\n"
    "\r\n"
    "Hello,\"The best, \"\"really\"\"\",,article,2,,approved\r\n"
    ",Only a body,,,,,\r\n";
  static const struct
  {
    const char *csv;
    const char *message;
  } bad[] = {
    { "", "the file is empty" },
    { "title,body,colour\nA,B,red\n", ":1: unknown column “colour”" },
    { "title,body\nA,B\nC\n", ":3: 1 fields, but the header names 2 columns" },
    { "title,body\nA,\"B\nmore\nC,D\n", ":2: a quoted field is never closed" },
    { "title,body\nA,\"B\"x\n", ":2: unexpected text after the closing quote" },
    { "title,body\nA,B\"x\n", ":2: a quote inside a field" },
    { "title,body,kind\nA,B,article\n\"x\ny\",z,tweet\n", ":3: unknown content kind “tweet”" },
    { "title,campaign\nA,Winter\n", ":2: there is no campaign “Winter”" },
    { "title,body,status\nA,B,done\n", ":2: unknown status “done”" },
    { "title,body\nA,B\n,\n", ":3: the post has neither a title nor a body" },
    { "title,body\nA,B\nC,\xff\xfe\n", ":3: not UTF-8" },
    { "title,title\nA,B\n", ":1: column “title” appears twice" },
    { "title,scheduled_at\nA,tomorrow\n", ":2: “tomorrow” is not a date" },
    { "title,purpose\nA,press\n", ":2: “press” is not a purpose this post can have" },
    { "title,kind,purpose\nA,moments-ad,editorial\n",
      ":2: “editorial” is not a purpose this post can have" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_for_csv (fixture);
  g_autoptr(RedlineCampaign) first = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RedlinePost) post = NULL;
  GListModel *posts = redline_project_get_posts (project);
  guint n;

  first = g_list_model_get_item (redline_project_get_campaigns (project), 0);
  bytes = g_bytes_new_static (good, sizeof good - 1);
  n = redline_project_import_csv (project, bytes, "copy.csv", first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);

  post = g_list_model_get_item (posts, 0);
  g_assert_cmpstr (redline_post_get_title (post), ==, "新品");
  g_assert_cmpstr (redline_post_get_body (post), ==, "第一行\n第二行, 有逗号，还有\"引号\"");
  g_assert_cmpstr (redline_post_get_call_to_action (post), ==, "立即购买");
  g_assert_cmpint (redline_post_get_kind (post), ==, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpstr (redline_post_get_scheduled_at (post), ==, "2024-09-20T09:00:00+08:00");
  g_clear_object (&post);
  post = g_list_model_get_item (posts, 1);
  g_assert_cmpstr (redline_post_get_body (post), ==, "The best, \"really\"");
  g_assert_cmpint (redline_post_get_campaign_id (post), ==, 2);
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_APPROVED);
  g_clear_object (&post);
  post = g_list_model_get_item (posts, 2);
  g_assert_null (redline_post_get_title (post));
  g_assert_cmpint (redline_post_get_campaign_id (post), ==, redline_campaign_get_id (first));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) csv = g_bytes_new_static (bad[i].csv, strlen (bad[i].csv));

      n = redline_project_import_csv (project, csv, "bad.csv", first, &error);
      g_assert_cmpuint (n, ==, 0);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.csv"));
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, bad[i].message);
      g_clear_error (&error);
      /* All or nothing. */
      g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 3);
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 6);
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.redline", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(RedlineProject) copy = NULL;
  g_autoptr(RedlineCampaign) campaign = NULL;
  JsonObject *root;
  JsonArray *campaigns, *posts;
  GListModel *copy_posts;

  post = g_list_model_get_item (redline_project_get_posts (project), 0);
  redline_post_set_body (post, "Line one,\n\"quoted\" line two");
  g_assert_true (redline_project_update_post (project, post, &error));
  g_assert_cmpint (redline_project_add_review (project, post, REDLINE_REVIEW_DECISION_REJECTED,
                                               "Legal", "最佳 is banned", NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  json = redline_project_export_json (project, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "redline-project");
  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "Test project");
  campaigns = json_object_get_array_member (root, "campaigns");
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (campaigns, 1),
                                                  "ecosystem"), ==, "wechat");
  posts = json_object_get_array_member (json_array_get_object_element (campaigns, 0), "posts");
  g_assert_cmpuint (json_array_get_length (posts), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (posts, 0),
                                                  "status"), ==, "rejected");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (posts, 0), "reviews")), ==, 1);

  /* CSV goes back in, an article's author with it. */
  {
    g_autoptr(RedlinePost) first = g_list_model_get_item (redline_project_get_posts (project), 0);

    redline_post_set_author (first, "Lumi 咖啡编辑部");
    g_assert_true (redline_project_update_post (project, first, &error));
    g_assert_no_error (error);
  }
  csv = redline_project_export_csv (project);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfid,campaign,ecosystem,kind,purpose,status,"));
  copy = redline_project_create (copy_file, "Copy", &error);
  g_assert_no_error (error);
  campaign = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_true (redline_project_add_campaign (copy, campaign, &error));
  g_clear_object (&campaign);
  campaign = redline_campaign_new ("Autumn launch", REDLINE_ECOSYSTEM_WECHAT);
  g_assert_true (redline_project_add_campaign (copy, campaign, &error));
  bytes = g_bytes_new_take (g_strdup (csv), strlen (csv));
  g_assert_cmpuint (redline_project_import_csv (copy, bytes, "export.csv", NULL, &error), ==, 6);
  g_assert_no_error (error);
  copy_posts = redline_project_get_posts (copy);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(RedlinePost) a = g_list_model_get_item (redline_project_get_posts (project), i);
      g_autoptr(RedlinePost) b = g_list_model_get_item (copy_posts, i);

      g_assert_cmpstr (redline_post_get_title (a), ==, redline_post_get_title (b));
      g_assert_cmpstr (redline_post_get_body (a), ==, redline_post_get_body (b));
      g_assert_cmpstr (redline_post_get_author (a), ==, redline_post_get_author (b));
      g_assert_cmpint (redline_post_get_kind (a), ==, redline_post_get_kind (b));
      g_assert_cmpint (redline_post_get_status (a), ==, redline_post_get_status (b));
      g_assert_cmpint (redline_project_get_post_ecosystem (project, a), ==,
                       redline_project_get_post_ecosystem (copy, b));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("csv-import", test_csv_import);
  ADD ("export", test_export);

#undef ADD

  return g_test_run ();
}
