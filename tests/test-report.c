/* test-report.c: review reports as HTML, CSV and PDF, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <sqlite3.h>

#include "redline-report.h"
#include "redline-test-project.h"

typedef struct
{
  Fixture          base;
  RedlineProject  *project;
  RedlineRuleSet  *rule_set;
  RedlineCampaign *weixin;
  RedlineCampaign *wechat;
  guint            n_posts;
} ReportFixture;

static RedlinePost *
add_post (ReportFixture      *fixture,
          RedlineCampaign    *campaign,
          RedlineContentKind  kind,
          const char         *title,
          const char         *body)
{
  g_autoptr(GError) error = NULL;
  RedlinePost *post = redline_post_new (redline_campaign_get_id (campaign), kind);

  redline_post_set_title (post, title);
  redline_post_set_body (post, body);
  g_assert_true (redline_project_add_post (fixture->project, post, &error));
  g_assert_no_error (error);
  fixture->n_posts++;
  return post;
}

static void
report_set_up (ReportFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlinePost) reviewed = NULL;
  g_autoptr(RedlinePost) hostile = NULL;
  g_autoptr(RedlinePost) global = NULL;
  g_autoptr(GListModel) findings = NULL;

  fixture_set_up (&fixture->base, data);
  fixture->project = redline_project_create (fixture->base.file, "秋季报告", &error);
  g_assert_no_error (error);
  redline_project_set_actor (fixture->project, "王律师");
  fixture->weixin = redline_campaign_new ("秋季上新", REDLINE_ECOSYSTEM_WEIXIN);
  fixture->wechat = redline_campaign_new ("Autumn launch", REDLINE_ECOSYSTEM_WECHAT);
  g_assert_true (redline_project_add_campaign (fixture->project, fixture->weixin, &error));
  g_assert_true (redline_project_add_campaign (fixture->project, fixture->wechat, &error));
  g_assert_no_error (error);
  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  fixture->rule_set = redline_project_create_rule_set (fixture->project, packs, &error);
  g_assert_no_error (error);

  /* Reviewed: a waived 最佳 and an error left, sent back with a comment. */
  reviewed = add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, "桂花拿铁",
                       "本店咖啡采用最佳阿拉比卡豆。全国销量第一的咖啡品牌。");
  findings = redline_project_check_post (fixture->project, fixture->rule_set, reviewed,
                                         REDLINE_ECOSYSTEM_WEIXIN);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_text (finding), "最佳"))
        g_assert_cmpint (redline_project_waive_finding (fixture->project, reviewed, finding,
                                                        "最佳 names the bean grade on the label",
                                                        &error), >, 0);
    }
  g_assert_no_error (error);
  g_assert_true (redline_project_submit_post (fixture->project, reviewed, &error));
  g_assert_cmpint (redline_project_review_post (fixture->project, reviewed,
                                                REDLINE_REVIEW_DECISION_REJECTED, "请删去第一",
                                                fixture->rule_set, &error), >, 0);
  g_assert_cmpint (redline_project_add_comment (fixture->project, reviewed, "Mei", "改好了",
                                                &error), >, 0);
  g_assert_no_error (error);

  /* Text that must stay text, in every format. */
  hostile = add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_MOMENTS_AD,
                      "=HYPERLINK(\"http://example.com\",\"x\")",
                      "<script>alert(1)</script> & “quotes”, commas\nand a second line");
  global = add_post (fixture, fixture->wechat, REDLINE_CONTENT_KIND_ARTICLE, "Best latte",
                     "The best latte in Singapore.");
}

static void
report_tear_down (ReportFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->weixin);
  g_clear_object (&fixture->wechat);
  g_clear_object (&fixture->rule_set);
  g_clear_object (&fixture->project);
  fixture_tear_down (&fixture->base, data);
}

static char *
write_report (ReportFixture       *fixture,
              const char          *name,
              gint64               campaign_id,
              gsize               *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->base.dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RedlineReportFormat format;
  char *contents = NULL;

  g_assert_true (redline_report_format_for_file (file, &format, &error));
  g_assert_no_error (error);
  g_assert_true (redline_report_write (fixture->project, fixture->rule_set, campaign_id, format,
                                       file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static xmlXPathObjectPtr
query (xmlDocPtr   doc,
       const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);

  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static double
query_number (xmlDocPtr   doc,
              const char *xpath)
{
  xmlXPathObjectPtr result = query (doc, xpath);
  double value = xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  return value;
}

static char *
query_string (xmlDocPtr   doc,
              const char *xpath)
{
  xmlXPathObjectPtr result = query (doc, xpath);
  xmlChar *value = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  xmlXPathFreeObject (result);
  return copy;
}

static void
test_html (ReportFixture *fixture,
           gconstpointer  data)
{
  gsize length;
  g_autofree char *html = write_report (fixture, "report.html", 0, &length);
  htmlDocPtr doc = htmlReadMemory (html, (int) length, "report.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_autofree char *title = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *waived = NULL;
  g_autofree char *hostile = NULL;
  g_autofree char *audit = NULL;

  g_assert_nonnull (doc);
  title = query_string (doc, "string(/html/head/title)");
  g_assert_nonnull (strstr (title, "秋季报告"));

  /* Self-contained: nothing fetched, nothing run. */
  g_assert_cmpfloat (query_number (doc, "count(//script|//link|//img|//iframe|//object|//embed)"),
                     ==, 0);
  g_assert_cmpfloat (query_number (doc, "count(//@src|//@href)"), ==, 0);

  /* The summary first: statuses and findings per ecosystem. */
  g_assert_cmpfloat (query_number (doc, "count(//section[@id='summary']//table)"), ==, 2);
  g_assert_cmpfloat (query_number (doc, "count(//section[@id='summary']/following-sibling::section"
                                        "[@class='post'])"), ==, fixture->n_posts);
  g_assert_cmpfloat (query_number (doc, "count(//section[@class='post'])"), ==, fixture->n_posts);

  /* The findings marked in the copy, the waived one as waived. */
  marked = query_string (doc, "string(//mark[@class='error'][1])");
  g_assert_cmpstr (marked, ==, "全国销量第一");
  waived = query_string (doc, "string(//mark[@class='waived'])");
  g_assert_cmpstr (waived, ==, "最佳");
  g_assert_nonnull (strstr (html, "最佳 names the bean grade on the label"));
  g_assert_nonnull (strstr (html, "请删去第一"));
  g_assert_nonnull (strstr (html, "改好了"));
  g_assert_nonnull (strstr (html, "王律师"));
  g_assert_nonnull (strstr (html, "redline.absolute-terms 2.4.0"));

  /* Hostile copy stays text. */
  hostile = query_string (doc, "string(//section[@class='post'][2]//p[@class='copy'][2])");
  g_assert_true (g_str_has_prefix (hostile, "<script>alert(1)</script> & “quotes”"));

  audit = query_string (doc, "string(//header/p[@class='audit-ok'])");
  g_assert_nonnull (strstr (audit, "intact"));
  xmlFreeDoc (doc);
}

/* RFC 4180, as a spreadsheet reads it. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  GString *cell = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);
      g_assert_cmpint (*p, ==, '"');
      for (p++; !(*p == '"' && p[1] != '"'); p++)
        {
          g_assert_cmpint (*p, !=, '\0');
          if (*p == '"')
            p++;
          g_string_append_c (cell, *p);
        }
      p++;
      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = NULL;
        }
    }
  g_assert_null (row);
  g_string_free (cell, TRUE);
  return rows;
}

static void
test_csv (ReportFixture *fixture,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *csv = write_report (fixture, "report.csv", 0, &length);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  gboolean defused = FALSE, waived = FALSE, multiline = FALSE;
  guint title_column = 0;

  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (csv, length, NULL));
  rows = parse_csv (csv + 3);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 25);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "campaign");
  for (guint c = 0; c < header->len; c++)
    if (g_str_equal (g_ptr_array_index (header, c), "post_title"))
      title_column = c;

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (row->len, ==, header->len);
      for (guint c = 0; c < row->len; c++)
        {
          const char *cell = g_ptr_array_index (row, c);

          /* No cell a spreadsheet would run. */
          g_assert_null (strchr ("=+-@", cell[0] != '\0' ? cell[0] : '#'));
        }
      defused |= g_str_equal (g_ptr_array_index (row, title_column),
                              "'=HYPERLINK(\"http://example.com\",\"x\")");
      waived |= g_str_equal (g_ptr_array_index (row, 16), "yes") &&
                g_str_equal (g_ptr_array_index (row, 19), "最佳 names the bean grade on the label");
    }
  multiline = strstr (csv, "commas\nand a second line") == NULL;  /* the body is not in the CSV */
  g_assert_true (defused);
  g_assert_true (waived);
  g_assert_true (multiline);
  /* Every post has at least one row. */
  g_assert_cmpuint (rows->len - 1, >=, fixture->n_posts);
}

static void
test_pdf (ReportFixture *fixture,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *pdf = write_report (fixture, "report.pdf", 0, &length);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_build_filename (fixture->base.dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* The Chinese copy, drawn with a real font: pdftotext reads it back. */
  g_assert_nonnull (strstr (text, "秋季报告"));
  g_assert_nonnull (strstr (text, "本店咖啡采用最佳阿拉比卡豆"));
  g_assert_nonnull (strstr (text, "全国销量第一"));
  g_assert_nonnull (strstr (text, "ad-law.absolute.di-yi"));
  g_assert_nonnull (strstr (text, "names the bean"));
  g_assert_nonnull (strstr (text, "请删去第一"));
  g_assert_nonnull (strstr (text, "<script>alert(1)</script>"));
}

/* One campaign, and a report refused: the file already there stays. */
static void
test_scope_and_refusal (ReportFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *html = write_report (fixture, "wechat.html",
                                        redline_campaign_get_id (fixture->wechat), &length);
  g_autofree char *path = g_build_filename (fixture->base.dir, "wechat.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text = g_file_new_for_path ("report.txt");
  g_autofree char *before = hash_file (path);
  g_autofree char *after = NULL;
  RedlineReportFormat format;

  g_assert_nonnull (strstr (html, "Best latte"));
  g_assert_null (strstr (html, "桂花拿铁"));

  g_assert_false (redline_report_write (fixture->project, fixture->rule_set, 999,
                                        REDLINE_REPORT_FORMAT_HTML, file, &error));
  g_assert_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_PROJECT);
  g_clear_error (&error);
  after = hash_file (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (redline_report_format_for_file (text, &format, &error));
  g_assert_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".pdf, .html or .csv"));
}

/* A report on a project whose audit trail was altered says so first. */
static void
test_audit_altered (ReportFixture *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = _redline_project_get_db (fixture->project);
  gsize length;
  g_autofree char *html = NULL;

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                     "UPDATE audit_log SET detail = 'approved' WHERE id = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  html = write_report (fixture, "altered.html", 0, &length);
  g_assert_nonnull (strstr (html, "class=\"audit-broken\""));
  g_assert_nonnull (strstr (html, "altered outside Redline at entry 3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/report/" path, ReportFixture, NULL, report_set_up, func, report_tear_down)

  ADD ("html", test_html);
  ADD ("csv", test_csv);
  ADD ("pdf", test_pdf);
  ADD ("scope-and-refusal", test_scope_and_refusal);
  ADD ("audit-altered", test_audit_altered);

#undef ADD

  return g_test_run ();
}
