/* test-rule-set.c: the checker, for every kind of rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* sched_getaffinity */

#include "config.h"

#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "redline-core.h"
#include "redline-test-util.h"
#include "redline-rule-set-private.h"
#include "redline-scan-private.h"
#include "redline-cpus-private.h"

static const char test_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"t.pack\" version=\"3.2\">\n"
  "  <title>Test</title>\n"
  "  <rule id=\"t.zui\" category=\"absolute-term\">\n"
  "    <message>“{text}” is absolute</message>\n"
  "    <reference>art. 9(3)</reference>\n"
  "    <suggestion>good</suggestion>\n"
  "    <terms>\n"
  "      <term id=\"zui-jia\" suggest=\"优质|出色\" except=\"最佳赏味期\">最佳</term>\n"
  "      <term id=\"zui\" except-after=\"近|后|初\">最</term>\n"
  "      <term id=\"di-yi\" except-after=\"次\" except-before=\"不是\">第一</term>\n"
  "      <term id=\"best\" except-after=\"regards\">best</term>\n"
  "      <term id=\"no1\" wechat=\"warning\">no.1</term>\n"
  "    </terms>\n"
  "    <except-pattern>20\\d\\d年.{0,10}第1</except-pattern>\n"
  "    <example type=\"incorrect\"><marker>最佳</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.finance\" category=\"financial-promise\" kinds=\"article moments-ad\">\n"
  "    <message>{text}</message>\n"
  "    <pattern id=\"annual\">年化收益\\d+%</pattern>\n"
  "    <pattern id=\"payback\" hint=\"回本|回报\">\\d+个?月(回本|回报)</pattern>\n"
  "    <example type=\"incorrect\">预期<marker>年化收益8%</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.disclaimer\" type=\"requires\" category=\"disclaimer\">\n"
  "    <message>“{text}” needs “{missing}”</message>\n"
  "    <terms><term id=\"li-cai\">理财</term></terms>\n"
  "    <require>投资有风险</require>\n"
  "    <require>市场有风险</require>\n"
  "    <example type=\"incorrect\">理财</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.link\" type=\"links\" category=\"link\">\n"
  "    <message>{domain}</message>\n"
  "    <allow-domain>qq.com</allow-domain>\n"
  "    <example type=\"incorrect\"><marker>http://a.example.com</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.length\" type=\"length\" category=\"length\">\n"
  "    <message>{length}/{max}</message>\n"
  "    <limit kind=\"moments-ad\" field=\"body\" max=\"10\"/>\n"
  "    <limit kind=\"article\" field=\"title\" max=\"5\"/>\n"
  "    <example type=\"correct\" kind=\"moments-ad\">短</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.drugs\" category=\"sensitive-topic\" topic=\"drugs\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"da-ma\" except=\"大麻花\">大麻</term></terms>\n"
  "    <example type=\"correct\">大麻花</example>\n"
  "  </rule>\n"
  "</rulepack>\n";

static RedlineRuleSet *
make_set (const RedlineRuleSetOptions *options)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (test_pack, sizeof test_pack - 1);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RedlineRuleSet *set;

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "test.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, options, &error);
  g_assert_no_error (error);
  return set;
}

/* The findings as "rule/term@start-end" strings, joined by spaces. */
static char *
summarize (GListModel *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, redline_finding_get_rule_id (finding));
      if (redline_finding_get_term_id (finding) != NULL)
        g_string_append_printf (out, "/%s", redline_finding_get_term_id (finding));
      if (redline_finding_get_scope (finding) == REDLINE_SCOPE_DOCUMENT)
        g_string_append (out, "@doc");
      else
        g_string_append_printf (out, "@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                                redline_finding_get_start (finding),
                                redline_finding_get_end (finding));
    }
  return g_string_free (out, FALSE);
}

static char *
check (RedlineRuleSet     *set,
       const char         *text,
       RedlineEcosystem    ecosystem,
       RedlineContentKind  kind)
{
  g_autoptr(GListModel) findings = redline_rule_set_check_text (set, text, ecosystem, kind);

  return summarize (findings);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
test_terms (void)
{
  static const Case cases[] = {
    { "本店咖啡采用最佳阿拉比卡豆", "t.zui/zui-jia@6-8" },
    { "最近天气转凉", "" },
    { "最后一天", "" },
    { "在最佳赏味期内饮用", "" },
    { "最 佳", "t.zui/zui-jia@0-3" },
    { "最\u200b佳", "t.zui/zui-jia@0-3" },
    { "最.佳", "t.zui/zui-jia@0-3" },
    { "最，佳", "t.zui/zui@0-1" },
    { "最優", "t.zui/zui@0-1" },
    { "我们是第一", "t.zui/di-yi@3-5" },
    { "第一次来", "" },
    { "这不是第一", "" },
    { "第壹品牌", "t.zui/di-yi@0-2" },
    { "第①品牌", "t.zui/di-yi@0-2" },
    { "2024年上半年华东区销量第一", "" },
    { "The best coffee", "t.zui/best@4-8" },
    { "The ＢＥＳＴ coffee", "t.zui/best@4-8" },
    { "Best regards", "" },
    { "bestow", "" },
    { "our No.1 latte", "t.zui/no1@4-8" },
    { "全网No.1", "t.zui/no1@2-6" },
    { "No.10", "" },
    { "好吃的大麻花", "" },
    { "大麻", "t.drugs/da-ma@0-2" },
    { "", "" },
  };
  g_autoptr(RedlineRuleSet) set = make_set (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = check (set, cases[i].text, REDLINE_ECOSYSTEM_WEIXIN,
                                    REDLINE_CONTENT_KIND_ARTICLE);

      g_test_message ("“%s” → %s", cases[i].text, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_finding_fields (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;
  const char * const *suggestions;

  findings = redline_rule_set_check_text (set, "第一行\n采用最 佳豆", REDLINE_ECOSYSTEM_WEIXIN,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  finding = g_list_model_get_item (findings, 1);
  g_assert_cmpstr (redline_finding_get_rule_id (finding), ==, "t.zui");
  g_assert_cmpstr (redline_finding_get_term_id (finding), ==, "zui-jia");
  g_assert_cmpstr (redline_finding_get_category (finding), ==, "absolute-term");
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  g_assert_cmpint (redline_finding_get_other_severity (finding), ==, REDLINE_SEVERITY_INFO);
  g_assert_cmpuint (redline_finding_get_start (finding), ==, 6);
  g_assert_cmpuint (redline_finding_get_end (finding), ==, 9);
  g_assert_cmpuint (redline_finding_get_line (finding), ==, 2);
  g_assert_cmpuint (redline_finding_get_column (finding), ==, 3);
  g_assert_cmpstr (redline_finding_get_text (finding), ==, "最 佳");
  g_assert_cmpstr (redline_finding_get_message (finding), ==, "“最 佳” is absolute");
  g_assert_cmpstr (redline_finding_get_reference (finding), ==, "art. 9(3)");
  g_assert_cmpstr (redline_finding_get_pack_id (finding), ==, "t.pack");
  g_assert_cmpstr (redline_finding_get_pack_version (finding), ==, "3.2");
  suggestions = redline_finding_get_suggestions (finding);
  g_assert_cmpstr (suggestions[0], ==, "优质");
  g_assert_cmpstr (suggestions[1], ==, "出色");
  g_assert_null (suggestions[2]);
}

static void
test_ecosystems (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;

  findings = redline_rule_set_check_text (set, "our No.1 latte", REDLINE_ECOSYSTEM_WECHAT,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpint (redline_finding_get_ecosystem (finding), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_WARNING);
  g_assert_cmpint (redline_finding_get_other_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  g_clear_object (&finding);
  g_clear_object (&findings);

  /* Links are not reported on WeChat by default. */
  findings = redline_rule_set_check_text (set, "see https://shop.example.com", 
                                          REDLINE_ECOSYSTEM_WECHAT, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
}

static void
test_patterns_and_kinds (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autofree char *article = check (set, "预期年化收益８%，稳", REDLINE_ECOSYSTEM_WEIXIN,
                                    REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *channels = check (set, "预期年化收益8%", REDLINE_ECOSYSTEM_WEIXIN,
                                     REDLINE_CONTENT_KIND_CHANNELS);

  g_assert_cmpstr (article, ==, "t.finance/annual@2-8");
  g_assert_cmpstr (channels, ==, "");
}

static void
test_pattern_hints (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *near = check (set, "投资3个月回本", REDLINE_ECOSYSTEM_WEIXIN,
                                 REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *other = check (set, "六个月回报，十二个月回本", REDLINE_ECOSYSTEM_WEIXIN,
                                  REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *far = NULL;
  gsize expected_start;

  g_assert_cmpstr (near, ==, "t.finance/payback@2-7");
  g_assert_cmpstr (other, ==, "t.finance/payback@0-5 t.finance/payback@7-12");

  /* Far into a long text, and in a later piece of a very long one. */
  while (long_text->len < 2 * 1024 * 1024)
    g_string_append (long_text, "本店咖啡采用阿拉比卡豆，每日新鲜烘焙。\n");
  expected_start = g_utf8_strlen (long_text->str, -1);
  g_string_append (long_text, "加盟后12个月回本");
  far = check (set, long_text->str, REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_true (g_str_has_prefix (far, "t.finance/payback@"));
  g_assert_cmpuint (g_ascii_strtoull (far + strlen ("t.finance/payback@"), NULL, 10), ==,
                    expected_start + 3);
}

static void
test_requires (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;
  RedlineDocument document = { { NULL } };
  g_autofree char *present = check (set, "新理财产品。投资有风险，入市需谨慎",
                                    REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *other_phrase = check (set, "新理财产品。市场有风险", REDLINE_ECOSYSTEM_WEIXIN,
                                         REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *split = NULL;

  g_assert_cmpstr (present, ==, "");
  g_assert_cmpstr (other_phrase, ==, "");

  findings = redline_rule_set_check_text (set, "新理财产品上线，理财好帮手",
                                          REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpint (redline_finding_get_scope (finding), ==, REDLINE_SCOPE_DOCUMENT);
  g_assert_cmpuint (redline_finding_get_start (finding), ==, 0);
  g_assert_cmpuint (redline_finding_get_end (finding), ==, 0);
  g_assert_cmpstr (redline_finding_get_missing (finding), ==, "投资有风险");
  g_assert_cmpstr (redline_finding_get_trigger (finding), ==, "理财");
  g_assert_cmpstr (redline_finding_get_message (finding), ==, "“理财” needs “投资有风险”");
  g_clear_object (&findings);

  /* The trigger in the title, the phrase in the body: satisfied. */
  document.fields[REDLINE_FIELD_TITLE] = "理财周报";
  document.fields[REDLINE_FIELD_BODY] = "投资有风险，入市需谨慎";
  findings = redline_rule_set_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                     REDLINE_CONTENT_KIND_ARTICLE);
  split = summarize (findings);
  g_assert_cmpstr (split, ==, "");
}

static void
test_links (void)
{
  static const char * const domains[] = { "lumi-cafe.com", NULL };
  RedlineRuleSetOptions options = { domains, NULL };
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(RedlineRuleSet) project_set = make_set (&options);
  static const Case cases[] = {
    { "详情见 https://mp.weixin.qq.com/s/abc。", "" },
    { "详情见 https://shop.example.com/a。", "t.link@4-30" },
    { "visit www.example.cn/x, now", "t.link@6-22" },
    { "example.com", "t.link@0-11" },
    { "mail me: someone@example.com", "" },
    { "https://evilqq.com", "t.link@0-18" },
    { "https://qq.com.evil.net/", "t.link@0-24" },
    { "ＨＴＴＰＳ://shop.example.com", "t.link@0-24" },
    { "https://www.lumi-cafe.com/menu", "t.link@0-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = check (set, cases[i].text, REDLINE_ECOSYSTEM_WEIXIN,
                                    REDLINE_CONTENT_KIND_ARTICLE);

      g_test_message ("“%s” → %s", cases[i].text, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  {
    g_autofree char *allowed = check (project_set, "https://www.lumi-cafe.com/menu",
                                      REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
    g_autoptr(GListModel) findings =
      redline_rule_set_check_text (set, "见 https://a.example.com/x", REDLINE_ECOSYSTEM_WEIXIN,
                                   REDLINE_CONTENT_KIND_ARTICLE);
    g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, 0);

    g_assert_cmpstr (allowed, ==, "");
    g_assert_cmpstr (redline_finding_get_message (finding), ==, "a.example.com");
    g_assert_cmpstr (redline_finding_get_text (finding), ==, "https://a.example.com/x");
  }
}

static void
test_length (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autofree char *fits = check (set, "一二三四五六七八九十", REDLINE_ECOSYSTEM_WEIXIN,
                                 REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_autofree char *too_long = check (set, "一二三四五六七八九十😊!", REDLINE_ECOSYSTEM_WECHAT,
                                     REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_autofree char *other_kind = check (set, "一二三四五六七八九十😊!", REDLINE_ECOSYSTEM_WEIXIN,
                                       REDLINE_CONTENT_KIND_CHANNELS);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;
  RedlineDocument document = { { NULL } };

  g_assert_cmpstr (fits, ==, "");
  g_assert_cmpstr (too_long, ==, "t.length@10-12");
  g_assert_cmpstr (other_kind, ==, "");

  document.fields[REDLINE_FIELD_TITLE] = "秋季新品发布会";
  document.fields[REDLINE_FIELD_BODY] = "秋季新品发布会";
  findings = redline_rule_set_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                     REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpint (redline_finding_get_field (finding), ==, REDLINE_FIELD_TITLE);
  g_assert_cmpstr (redline_finding_get_text (finding), ==, "布会");
  g_assert_cmpstr (redline_finding_get_message (finding), ==, "7/5");
  g_clear_object (&finding);
  g_clear_object (&findings);

  /* A body far past its limit: the span covers all of the excess, the text
   * quotes its first 200 characters. */
  {
    g_autoptr(GString) body = g_string_new ("一二三四五六七八九十");
    g_autofree char *expected = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (body, "长");
    document.fields[REDLINE_FIELD_TITLE] = NULL;
    document.fields[REDLINE_FIELD_BODY] = body->str;
    findings = redline_rule_set_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                       REDLINE_CONTENT_KIND_MOMENTS_AD);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
    finding = g_list_model_get_item (findings, 0);
    g_assert_cmpuint (redline_finding_get_start (finding), ==, 10);
    g_assert_cmpuint (redline_finding_get_end (finding), ==, 1010);
    g_assert_cmpstr (redline_finding_get_message (finding), ==, "1010/10");
    g_assert_cmpuint (g_utf8_strlen (redline_finding_get_text (finding), -1), ==, 201);
    g_assert_true (g_str_has_suffix (redline_finding_get_text (finding), "长长…"));
  }

  /* What an editor shows beside its character count. */
  g_assert_cmpuint (redline_rule_set_get_length_limit (set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_MOMENTS_AD,
                                                       REDLINE_FIELD_BODY), ==, 10);
  g_assert_cmpuint (redline_rule_set_get_length_limit (set, REDLINE_ECOSYSTEM_WECHAT,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_TITLE), ==, 5);
  g_assert_cmpuint (redline_rule_set_get_length_limit (set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_BODY), ==, 0);
  g_assert_cmpuint (redline_rule_set_get_length_limit (set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_CHANNELS,
                                                       REDLINE_FIELD_BODY), ==, 0);
}

static void
test_allowed_terms (void)
{
  static const char * const terms[] = { "最佳拍档", NULL };
  RedlineRuleSetOptions options = { NULL, terms };
  g_autoptr(RedlineRuleSet) set = make_set (&options);
  g_autofree char *allowed = check (set, "你的最佳拍档", REDLINE_ECOSYSTEM_WEIXIN,
                                    REDLINE_CONTENT_KIND_ARTICLE);
  g_autofree char *still = check (set, "最佳咖啡", REDLINE_ECOSYSTEM_WEIXIN,
                                  REDLINE_CONTENT_KIND_ARTICLE);

  g_assert_cmpstr (allowed, ==, "");
  g_assert_cmpstr (still, ==, "t.zui/zui-jia@0-2");
}

static void
test_dedup_and_order (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  /* 最 and 最佳 overlap in one rule: the longer wins. Findings are in
   * document order. */
  g_autofree char *got = check (set, "大麻最佳，最强", REDLINE_ECOSYSTEM_WEIXIN,
                                REDLINE_CONTENT_KIND_ARTICLE);

  g_assert_cmpstr (got, ==, "t.drugs/da-ma@0-2 t.zui/zui-jia@2-4 t.zui/zui@5-6");
}

static void
test_huge_line (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GString) text = g_string_sized_new (10 * 1024 * 1024 + 16);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) last = NULL;
  guint n;

  while (text->len < 10 * 1024 * 1024)
    g_string_append (text, "本店咖啡采用阿拉比卡豆 fresh beans, ");
  g_string_append (text, "最佳");
  findings = redline_rule_set_check_text (set, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, 1);
  last = g_list_model_get_item (findings, 0);
  g_assert_cmpuint (redline_finding_get_line (last), ==, 1);
  g_assert_cmpuint (redline_finding_get_end (last), ==, g_utf8_strlen (text->str, -1));
}

/* Findings that end on, or next to, one of the marks the text keeps every 64
 * code points, in the body and in a title, with the text around them. */
static void
test_mark_boundaries (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  guint n_checked = 0;

  for (guint n = 0; n <= 200; n++)
    {
      for (guint variant = 0; variant < 3; variant++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GListModel) findings = NULL;
          g_autoptr(RedlineFinding) finding = NULL;
          RedlineDocument document = { { NULL } };
          RedlineField field = variant == 2 ? REDLINE_FIELD_TITLE : REDLINE_FIELD_BODY;
          const char *term = variant == 1 ? "best" : "最佳";
          guint line = 1;
          guint column = 1;

          for (guint i = 0; i < n; i++)
            {
              if (variant == 1)
                g_string_append (text, i + 1 == n ? " " : i % 17 == 16 ? "\n" : "x");
              else
                g_string_append (text, "好");
              column = text->str[text->len - 1] == '\n' ? 1 : column + 1;
              line += text->str[text->len - 1] == '\n';
            }
          if (variant == 1 && n == 0)
            continue;  /* "best" must start a word */
          g_string_append (text, term);
          document.fields[field] = text->str;
          findings = redline_rule_set_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                             REDLINE_CONTENT_KIND_CHANNELS);
          g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
          finding = g_list_model_get_item (findings, 0);
          g_assert_cmpuint (redline_finding_get_field (finding), ==, field);
          g_assert_cmpuint (redline_finding_get_start (finding), ==, n);
          g_assert_cmpuint (redline_finding_get_end (finding), ==, n + g_utf8_strlen (term, -1));
          g_assert_cmpuint (redline_finding_get_line (finding), ==, line);
          g_assert_cmpuint (redline_finding_get_column (finding), ==, column);
          g_assert_cmpstr (redline_finding_get_text (finding), ==, term);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 201 * 3 - 1);
}

/* Limits given per profile: the editor's unless the options choose the
 * publishing interface's; a limit given for no profile holds in both. */
static void
test_length_profiles (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rulepack id=\"t.profiles\" version=\"1\">\n"
    "  <title>Profiles</title>\n"
    "  <rule id=\"t.title\" type=\"length\" category=\"length\">\n"
    "    <message>{length}/{max}</message>\n"
    "    <limit kind=\"article\" field=\"title\" max=\"8\" profile=\"editor\"/>\n"
    "    <limit kind=\"article\" field=\"title\" max=\"4\" profile=\"api\"/>\n"
    "    <limit kind=\"article\" field=\"digest\" max=\"6\" profile=\"api\"/>\n"
    "    <limit kind=\"article\" field=\"body\" max=\"10\"/>\n"
    "    <example type=\"correct\">短</example>\n"
    "  </rule>\n"
    "</rulepack>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const RedlineRuleSetOptions api = { .length_profile = REDLINE_LENGTH_PROFILE_API };
  g_autoptr(RedlineRuleSet) editor_set = NULL;
  g_autoptr(RedlineRuleSet) api_set = NULL;
  RedlineDocument document = { { NULL } };

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "profiles.xml", &error));
  g_assert_no_error (error);
  editor_set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  api_set = redline_rule_set_new (packs, &api, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (redline_rule_set_get_length_limit (editor_set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_TITLE), ==, 8);
  g_assert_cmpuint (redline_rule_set_get_length_limit (api_set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_TITLE), ==, 4);
  g_assert_cmpuint (redline_rule_set_get_length_limit (editor_set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_DIGEST), ==, 0);
  g_assert_cmpuint (redline_rule_set_get_length_limit (api_set, REDLINE_ECOSYSTEM_WEIXIN,
                                                       REDLINE_CONTENT_KIND_ARTICLE,
                                                       REDLINE_FIELD_DIGEST), ==, 6);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpuint (redline_rule_set_get_length_limit (i == 0 ? editor_set : api_set,
                                                         REDLINE_ECOSYSTEM_WEIXIN,
                                                         REDLINE_CONTENT_KIND_ARTICLE,
                                                         REDLINE_FIELD_BODY), ==, 10);

  /* A title of six characters: too long for the interface only. */
  document.fields[REDLINE_FIELD_TITLE] = "秋季新品上市";
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GListModel) findings =
        redline_rule_set_check (i == 0 ? editor_set : api_set, &document,
                                REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);

      g_assert_cmpuint (g_list_model_get_n_items (findings), ==, i);
      if (i == 1)
        {
          g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, 0);

          g_assert_cmpstr (redline_finding_get_message (finding), ==, "6/4");
          g_assert_cmpstr (redline_finding_get_text (finding), ==, "上市");
        }
    }
}

static RedlineRuleSet *
make_set_from (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RedlineRuleSet *set;

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "extra.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  return set;
}

/* A message made of thousands of placeholders, or a very long template,
 * is cut: placeholders at 200 code points, the message at 2000. */
static void
test_message_cap (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *first_value = NULL;

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<rulepack id=\"t.amp\" version=\"1\"><title>Amp</title>\n"
                        "<rule id=\"t.amp.many\" category=\"absolute-term\"><message>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (xml, "{text}");
  g_string_append (xml, "</message><pattern id=\"run\">最x+</pattern>"
                        "<example type=\"incorrect\"><marker>最xx</marker></example></rule>\n"
                        "<rule id=\"t.amp.long\" category=\"absolute-term\"><message>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (xml, "长");
  g_string_append (xml, "</message><terms><term id=\"y\">最</term></terms>"
                        "<example type=\"incorrect\"><marker>最</marker></example></rule>\n"
                        "</rulepack>\n");
  set = make_set_from (xml->str);

  g_string_append (text, "最");
  for (guint i = 0; i < 30000; i++)
    g_string_append_c (text, 'x');
  findings = redline_rule_set_check_text (set, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);
      const char *message = redline_finding_get_message (finding);
      const char *rule = redline_finding_get_rule_id (finding);

      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (g_utf8_strlen (message, -1), ==, 2000);
      g_assert_true (g_str_has_suffix (message, "…"));
      if (g_str_equal (rule, "t.amp.many"))
        {
          /* The whole match stays in the finding; each copy in the message
           * is cut to 199 code points and an ellipsis. */
          g_assert_cmpuint (g_utf8_strlen (redline_finding_get_text (finding), -1), ==, 30001);
          first_value = g_utf8_substring (message, 0, 200);
          g_assert_true (g_str_has_prefix (first_value, "最xxx"));
          g_assert_true (g_str_has_suffix (first_value, "x…"));
        }
      else
        {
          g_assert_cmpstr (rule, ==, "t.amp.long");
          g_assert_true (g_str_has_prefix (message, "长长长"));
        }
    }
  g_assert_nonnull (first_value);
}

/* A pattern runs interpreted over a short text and compiled (PCRE's JIT)
 * over a long one: the same matches either way. */
static void
test_pattern_long_text (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rulepack id=\"t.re\" version=\"1\"><title>Re</title>\n"
    "<rule id=\"t.re.rate\" category=\"financial-promise\" wechat=\"warning\">"
    "<message>{text}</message><pattern id=\"rate\">年化\\d+(?:\\.\\d+)?%</pattern>"
    "<example type=\"incorrect\"><marker>年化8%</marker></example></rule>\n"
    "</rulepack>\n";
  g_autoptr(RedlineRuleSet) set = make_set_from (xml);
  g_autoptr(GString) text = g_string_new ("年化12.5%，");
  g_autoptr(GListModel) short_findings = NULL;
  g_autoptr(GListModel) long_findings = NULL;
  guint n_filler = 0;

  short_findings = redline_rule_set_check_text (set, "年化12.5%，年化8%", REDLINE_ECOSYSTEM_WEIXIN,
                                                REDLINE_CONTENT_KIND_ARTICLE);
  while (text->len < 200 * 1024)
    {
      g_string_append (text, "这是一段普通的文字。");
      n_filler += 10;
    }
  g_string_append (text, "年化8%");
  long_findings = redline_rule_set_check_text (set, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                               REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (short_findings), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (long_findings), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RedlineFinding) s = g_list_model_get_item (short_findings, i);
      g_autoptr(RedlineFinding) l = g_list_model_get_item (long_findings, i);

      g_assert_cmpstr (redline_finding_get_text (s), ==, redline_finding_get_text (l));
      g_assert_cmpuint (redline_finding_get_start (l), ==,
                        redline_finding_get_start (s) + (i == 1 ? n_filler : 0));
    }
}

/* A regular expression that gives up (PCRE's match limit) must not read as
 * "no match": the rule reports that it could not be evaluated. */
static void
test_regex_limits (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rulepack id=\"t.re\" version=\"1\"><title>Re</title>\n"
    "<rule id=\"t.re.ab\" category=\"financial-promise\" wechat=\"warning\">"
    "<message>{text}</message><pattern id=\"abc\">(?:a|aa)+b</pattern>"
    "<example type=\"incorrect\"><marker>aab</marker></example></rule>\n"
    "</rulepack>\n";
  g_autoptr(RedlineRuleSet) set = make_set_from (xml);
  g_autoptr(RedlineRuleSet) test_set = make_set (NULL);
  g_autoptr(GString) text = g_string_new ("本店");
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;
  g_autofree char *links = NULL;
  guint n_link_failures = 0;

  /* Forty a's the pattern tries to split in every way before giving up. */
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "a");
  g_string_append (text, "c b");
  findings = redline_rule_set_check_text (set, text->str, REDLINE_ECOSYSTEM_WECHAT,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (redline_finding_get_rule_id (finding), ==, "t.re.ab");
  g_assert_cmpstr (redline_finding_get_term_id (finding), ==, "abc");
  g_assert_cmpstr (redline_finding_get_category (finding), ==, "financial-promise");
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_WARNING);
  g_assert_nonnull (strstr (redline_finding_get_message (finding), "could not be checked"));
  g_assert_nonnull (strstr (redline_finding_get_message (finding), "limit"));
  g_clear_object (&findings);

  /* About 10 KB of a.a.a. before a link used to switch the link rule off. */
  g_string_assign (text, "");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "a.");
  g_string_append (text, " see http://evil.example.com/x");
  findings = redline_rule_set_check_text (test_set, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  links = summarize (findings);
  g_test_message ("%s", links);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) link = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (link), "t.link") &&
          strstr (redline_finding_get_message (link), "could not be checked") != NULL)
        {
          g_assert_cmpint (redline_finding_get_severity (link), ==, REDLINE_SEVERITY_ERROR);
          n_link_failures++;
        }
    }
  g_assert_cmpuint (n_link_failures, ==, 1);
}

/* Everything a finding says about where it is. */
static char *
summarize_full (GListModel *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s/%s %d %u@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                              " %u:%u “%s” %s\n",
                              redline_finding_get_rule_id (finding),
                              redline_finding_get_term_id (finding),
                              redline_finding_get_scope (finding),
                              redline_finding_get_field (finding),
                              redline_finding_get_start (finding),
                              redline_finding_get_end (finding),
                              redline_finding_get_line (finding),
                              redline_finding_get_column (finding),
                              redline_finding_get_text (finding),
                              redline_finding_get_message (finding));
    }
  return g_string_free (out, FALSE);
}

static char *
check_full (RedlineRuleSet     *set,
            const char         *text,
            RedlineEcosystem    ecosystem,
            RedlineContentKind  kind)
{
  g_autoptr(GListModel) findings = redline_rule_set_check_text (set, text, ecosystem, kind);

  return summarize_full (findings);
}

/* A term or an exception across the cut between two pieces of a long line
 * is seen whole, at every byte position around the cut. */
static void
test_piece_cuts (void)
{
  static const struct {
    const char *term;
    const char *filler;
    gboolean    found;      /* a t.zui/zui-jia finding on the term */
  } cases[] = {
    { "最佳", "x", TRUE },
    { "最 佳", "x", TRUE },
    { "最  佳", "x", TRUE },
    { "第一次", "x", FALSE },
    { "最佳", "好", TRUE },
    { "最 佳", "好", TRUE },
    { "第一次", "好", FALSE },
    { "最佳赏味期", "x", FALSE },
  };
  g_autoptr(RedlineRuleSet) whole = make_set (NULL);
  g_autoptr(RedlineRuleSet) cut = make_set (NULL);
  guint n_checked = 0;

  _redline_rule_set_set_piece_size (cut, 256, 96);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gsize filler_bytes = strlen (cases[c].filler);

      /* The first cut is at byte 256, or just after a space from there. */
      for (guint n = (256 - 12) / filler_bytes; n <= (256 + 12) / filler_bytes; n++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *expected = NULL;
          g_autofree char *got = NULL;
          g_autofree char *got_whole = NULL;
          g_autofree char *got_full = NULL;
          g_autofree char *got_whole_full = NULL;

          for (guint i = 0; i < n; i++)
            g_string_append (text, cases[c].filler);
          g_string_append (text, cases[c].term);
          while (text->len < 700)
            g_string_append (text, cases[c].filler);

          expected = cases[c].found
                       ? g_strdup_printf ("t.zui/zui-jia@%u-%u", n,
                                          n + (guint) g_utf8_strlen (cases[c].term, -1))
                       : g_strdup ("");
          got = check (cut, text->str, REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_CHANNELS);
          got_whole = check (whole, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                             REDLINE_CONTENT_KIND_CHANNELS);
          g_assert_cmpstr (got_whole, ==, expected);
          if (g_strcmp0 (got, expected) != 0)
            g_test_message ("“%s” after %u “%s”", cases[c].term, n, cases[c].filler);
          g_assert_cmpstr (got, ==, expected);
          got_full = check_full (cut, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                 REDLINE_CONTENT_KIND_CHANNELS);
          got_whole_full = check_full (whole, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                       REDLINE_CONTENT_KIND_CHANNELS);
          g_assert_cmpstr (got_full, ==, got_whole_full);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 100);
}

/* Findings are the same whether a text is checked whole or in pieces. */
static void
test_pieces_property (void)
{
  static const char * const pieces[] = {
    "最", "佳", "最佳", " ", "  ", "\n", "x", "好", "第一", "次", "best", " regards", "理财",
    "投资有风险", "年化收益8%", "3个月回本", "2023年", "http://a.example.com/p", "www.qq.com",
    "最佳赏味期", "大麻", "花", "😊", "\u200b", "不是", "no.1", "Ｂｅｓｔ", "。", "a.",
  };
  g_autoptr(RedlineRuleSet) whole = make_set (NULL);
  g_autoptr(RedlineRuleSet) cut = make_set (NULL);
  GRand *rand = g_rand_new_with_seed (512 * 1024);
  guint n_findings = 0;

  for (guint round = 0; round < redline_test_scaled (300); round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 1, 400);
      RedlineContentKind kind = round % 2 == 0 ? REDLINE_CONTENT_KIND_ARTICLE
                                               : REDLINE_CONTENT_KIND_MOMENTS_AD;
      RedlineEcosystem ecosystem = round % 3 == 0 ? REDLINE_ECOSYSTEM_WECHAT
                                                  : REDLINE_ECOSYSTEM_WEIXIN;
      g_autoptr(GListModel) findings = NULL;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      _redline_rule_set_set_piece_size (cut, g_rand_int_range (rand, 16, 200),
                                        g_rand_int_range (rand, 160, 400));
      for (guint i = 0; i < len; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      findings = redline_rule_set_check_text (whole, text->str, ecosystem, kind);
      n_findings += g_list_model_get_n_items (findings);
      expected = summarize_full (findings);
      got = check_full (cut, text->str, ecosystem, kind);
      if (g_strcmp0 (got, expected) != 0)
        g_test_message ("round %u: %s", round, text->str);
      g_assert_cmpstr (got, ==, expected);
    }
  g_assert_cmpuint (n_findings, >, 1000);
  g_rand_free (rand);
}

/* A copy of @text that ends just before an inaccessible page: reading one
 * byte past it faults in every build, not only under AddressSanitizer. */
typedef struct
{
  char  *region;
  gsize  region_size;
  char  *text;
} GuardedText;

static void
guarded_text_init (GuardedText *guarded,
                   const char  *text,
                   gsize        length)
{
  gsize page = sysconf (_SC_PAGESIZE);
  gsize pages = (length + page - 1) / page + 1;

  guarded->region_size = pages * page;
  guarded->region = mmap (NULL, guarded->region_size, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (guarded->region != MAP_FAILED);
  g_assert_cmpint (mprotect (guarded->region + (pages - 1) * page, page, PROT_NONE), ==, 0);
  guarded->text = guarded->region + (pages - 1) * page - length;
  memcpy (guarded->text, text, length);
}

static void
guarded_text_clear (GuardedText *guarded)
{
  munmap (guarded->region, guarded->region_size);
}

/* A field given with its length and no NUL after it (a mapped file) is read
 * no further than its end, and gives the findings it gives nul-terminated:
 * every rule type of the built-in packs, whole and in pieces. */
static void
test_unterminated (void)
{
  static const char * const words[] = {
    "最", "佳", "最佳", " ", "\n", "x", "好", "第一", "国家级", "best", "No.1", "理财",
    "投资有风险", "年化收益8%", "保本", "根治", "糖尿病", "http://a.example.com/p", "www.qq.com",
    "扫码", "手机号", "😊", "\u200b", "不是", "Ｂｅｓｔ", "。", "a.", "cure", "guaranteed",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  g_autoptr(RedlineRuleSet) whole = NULL;
  g_autoptr(RedlineRuleSet) cut = NULL;
  GRand *rand = g_rand_new_with_seed (4096);
  guint n_findings = 0;

  g_assert_no_error (error);
  whole = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  cut = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < redline_test_scaled (60); round++)
    {
      RedlineRuleSet *set = round % 2 == 0 ? whole : cut;
      RedlineDocument terminated = { { NULL } };
      RedlineDocument unterminated = { { NULL } };
      GuardedText guarded[REDLINE_N_FIELDS];
      GString *fields[REDLINE_N_FIELDS];
      g_autoptr(GListModel) expected_findings = NULL;
      g_autoptr(GListModel) got_findings = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      if (set == cut)
        _redline_rule_set_set_piece_size (cut, g_rand_int_range (rand, 16, 200),
                                          g_rand_int_range (rand, 160, 400));
      for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
        {
          guint len = g_rand_int_range (rand, 1, field == REDLINE_FIELD_BODY ? 600 : 12);

          fields[field] = g_string_new (NULL);
          for (guint i = 0; i < len; i++)
            g_string_append (fields[field],
                             words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          terminated.fields[field] = fields[field]->str;
          guarded_text_init (&guarded[field], fields[field]->str, fields[field]->len);
          unterminated.fields[field] = guarded[field].text;
          unterminated.lengths[field] = fields[field]->len;
        }

      expected_findings = redline_rule_set_check (set, &terminated, REDLINE_ECOSYSTEM_WEIXIN,
                                                  REDLINE_CONTENT_KIND_ARTICLE);
      got_findings = redline_rule_set_check (set, &unterminated, REDLINE_ECOSYSTEM_WEIXIN,
                                             REDLINE_CONTENT_KIND_ARTICLE);
      n_findings += g_list_model_get_n_items (expected_findings);
      expected = summarize_full (expected_findings);
      got = summarize_full (got_findings);
      g_assert_cmpstr (got, ==, expected);
      for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
        {
          guarded_text_clear (&guarded[field]);
          g_string_free (fields[field], TRUE);
        }
    }
  g_assert_cmpuint (n_findings, >, 500);
  g_rand_free (rand);
}

static gboolean
collect_cb (RedlineFinding *finding,
            gpointer        user_data)
{
  g_list_store_append (user_data, finding);
  return TRUE;
}

static gboolean
stop_after_three_cb (RedlineFinding *finding,
                     gpointer        user_data)
{
  guint *n = user_data;

  return ++*n < 3;
}

/* The streamed findings are those of redline_rule_set_check(), in its
 * order; in a document of more than 256 KiB, those about the whole document
 * come last. */
static void
test_stream (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  g_autoptr(GString) text = g_string_new ("理财");
  RedlineDocument document = { { NULL } };
  guint n = 0;

  for (guint size = 0; size < 2; size++)
    {
      g_autoptr(GListModel) findings = NULL;
      g_autoptr(GListStore) streamed = g_list_store_new (REDLINE_TYPE_FINDING);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autoptr(RedlineFinding) last = NULL;
      guint n_items;

      /* Past 256 KiB findings stream piece by piece; valgrind gets a text
       * just past that. */
      while (text->len < (size == 0 ? 1000 : redline_test_slow_runner () ? 300 * 1024
                                                                         : 1024 * 1024))
        g_string_append (text, "本店最佳咖啡，第一次来。\n");
      document.fields[REDLINE_FIELD_TITLE] = "最佳";
      document.fields[REDLINE_FIELD_BODY] = text->str;
      findings = redline_rule_set_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                         REDLINE_CONTENT_KIND_ARTICLE);
      g_assert_true (redline_rule_set_check_stream (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                                    REDLINE_CONTENT_KIND_ARTICLE, collect_cb,
                                                    streamed));
      n_items = g_list_model_get_n_items (G_LIST_MODEL (streamed));
      g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (findings));
      g_assert_cmpuint (n_items, >, 10);
      last = g_list_model_get_item (G_LIST_MODEL (streamed), n_items - 1);
      if (size == 0)
        {
          expected = summarize_full (findings);
          got = summarize_full (G_LIST_MODEL (streamed));
          g_assert_cmpstr (got, ==, expected);
          g_assert_cmpint (redline_finding_get_scope (last), ==, REDLINE_SCOPE_SPAN);
        }
      else
        {
          g_autoptr(RedlineFinding) first = g_list_model_get_item (findings, 1);
          g_autoptr(GListStore) sorted = g_list_store_new (REDLINE_TYPE_FINDING);

          /* The model has it first in the body. */
          g_assert_cmpint (redline_finding_get_scope (first), ==, REDLINE_SCOPE_DOCUMENT);
          g_assert_cmpint (redline_finding_get_scope (last), ==, REDLINE_SCOPE_DOCUMENT);
          g_assert_cmpstr (redline_finding_get_trigger (last), ==, "理财");
          for (guint i = 0; i < n_items; i++)
            {
              g_autoptr(RedlineFinding) finding = g_list_model_get_item (G_LIST_MODEL (streamed), i);

              g_list_store_append (sorted, finding);
            }
          g_list_store_sort (sorted, (GCompareDataFunc) redline_finding_compare, NULL);
          expected = summarize_full (findings);
          got = summarize_full (G_LIST_MODEL (sorted));
          g_assert_true (g_str_equal (got, expected));
        }
    }

  /* The callback stops the check. */
  g_assert_false (redline_rule_set_check_stream (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                                 REDLINE_CONTENT_KIND_ARTICLE,
                                                 stop_after_three_cb, &n));
  g_assert_cmpuint (n, ==, 3);
}

static void
on_count_example_cb (RedlineRule *rule,
                     guint        line,
                     gboolean     passed,
                     const char  *detail,
                     gpointer     user_data)
{
  guint *counts = user_data;

  if (!passed)
    g_test_message ("%s:%u: %s", redline_rule_get_id (rule), line, detail);
  counts[passed ? 0 : 1]++;
}

static void
test_examples (void)
{
  g_autoptr(RedlineRuleSet) set = make_set (NULL);
  guint counts[2] = { 0, 0 };

  /* One example per rule of the test pack, every one run and passed. */
  g_assert_true (redline_rule_set_test_examples (set, on_count_example_cb, counts));
  g_assert_cmpuint (counts[0], ==, 6);
  g_assert_cmpuint (counts[1], ==, 0);
}

/* Placeholders are found by name: those of the rule's type, and those of
 * other types as they read on this hit; an unknown or unclosed one stays. */
static void
test_placeholders (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rulepack id=\"t.placeholders\" version=\"1\">\n"
    "  <title>T</title>\n"
    "  <rule id=\"t.best\" category=\"absolute-term\">\n"
    "    <message>{text}|{missing}|{domain}|{length}|{max}|{nope}|{}|{te{text}}|{text</message>\n"
    "    <terms><term id=\"zui-jia\">最佳</term></terms>\n"
    "    <example type=\"incorrect\"><marker>最佳</marker></example>\n"
    "  </rule>\n"
    "  <rule id=\"t.length\" type=\"length\" category=\"length\">\n"
    "    <message>{length}/{max} {text}{domain}</message>\n"
    "    <limit kind=\"article\" field=\"body\" max=\"12\"/>\n"
    "    <example type=\"correct\">短</example>\n"
    "  </rule>\n"
    "</rulepack>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) first = NULL;
  g_autoptr(RedlineFinding) second = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "placeholders.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  findings = redline_rule_set_check_text (set, "0123456789最佳abc", REDLINE_ECOSYSTEM_WEIXIN,
                                          REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  first = g_list_model_get_item (findings, 0);
  second = g_list_model_get_item (findings, 1);
  g_assert_cmpstr (redline_finding_get_rule_id (first), ==, "t.best");
  g_assert_cmpstr (redline_finding_get_message (first), ==,
                   "最佳|||0|0|{nope}|{}|{te最佳}|{text");
  g_assert_cmpstr (redline_finding_get_rule_id (second), ==, "t.length");
  g_assert_cmpstr (redline_finding_get_message (second), ==, "15/12 abc");
}

/* A wrong example fails, and the others still run. */
static void
test_examples_fail (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rulepack id=\"t.bad-examples\" version=\"1\">\n"
    "  <title>T</title>\n"
    "  <rule id=\"t.best\" category=\"absolute-term\">\n"
    "    <message>{text}</message>\n"
    "    <terms><term id=\"zui-jia\">最佳</term></terms>\n"
    "    <example type=\"correct\">最佳</example>\n"
    "    <example type=\"incorrect\">最<marker>佳</marker></example>\n"
    "    <example type=\"incorrect\"><marker>最佳</marker></example>\n"
    "  </rule>\n"
    "</rulepack>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[2] = { 0, 0 };

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "bad-examples.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (redline_rule_set_test_examples (set, on_count_example_cb, counts));
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 2);
}

/* Every rule type has its row in the loader's table and its part in the
 * checker's, in the enum's order, and the two agree. */
static void
test_rule_types (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (REDLINE_TYPE_RULE_TYPE);

  g_assert_cmpuint (klass->n_values, ==, REDLINE_N_RULE_TYPES);
  for (guint i = 0; i < klass->n_values; i++)
    {
      RedlineRuleType type = klass->values[i].value;
      const RedlineRuleTypeInfo *info = _redline_rule_type_get_info (type);
      const RedlineRuleTypeCheck *check = _redline_rule_type_get_check (type);
      RedlineRuleType parsed = G_MAXINT;

      g_assert_nonnull (info);
      g_assert_cmpint (info->type, ==, type);
      /* What a rule must hold, it may hold. */
      g_assert_cmpuint (info->needs & ~info->parts, ==, 0);
      g_assert_true (_redline_rule_type_from_string (klass->values[i].value_nick, &parsed));
      g_assert_cmpint (parsed, ==, type);
      g_assert_cmpstr (redline_rule_type_to_string (type), ==, klass->values[i].value_nick);

      g_assert_nonnull (check);
      g_assert_nonnull (check->placeholders);
      /* Findings about the whole document are made by the type, except
       * the planner's: a rule set never holds a "plan" rule. */
      if (type == REDLINE_RULE_TYPE_PLAN)
        g_assert_true (info->whole_document && check->document_finding == NULL &&
                       info->parts == 0);
      else
        g_assert_cmpint (info->whole_document, ==, check->document_finding != NULL);
    }
  for (guint bit = 0; bit < REDLINE_N_RULE_PARTS; bit++)
    g_assert_nonnull (_redline_rule_part_to_string (1u << bit));
}

static const char purpose_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"t.purpose\" version=\"1\">\n"
  "  <title>Purposes</title>\n"
  "  <category id=\"house\" weixin=\"warning\" wechat=\"warning\" purposes=\"advertising notice\"/>\n"
  "  <rule id=\"t.abs\" category=\"absolute-term\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"zui-jia\">最佳</term></terms>\n"
  "    <example type=\"incorrect\"><marker>最佳</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.everywhere\" category=\"absolute-term\" purposes=\"advertising editorial notice\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"guo-jia-ji\">国家级</term></terms>\n"
  "    <example type=\"incorrect\"><marker>国家级</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.notice\" type=\"requires\" category=\"disclaimer\">\n"
  "    <message>{missing}</message>\n"
  "    <terms><term id=\"li-cai\">理财</term></terms>\n"
  "    <require>投资有风险</require>\n"
  "    <example type=\"incorrect\">理财</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.gambling\" category=\"sensitive-topic\" topic=\"gambling\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"du-chang\">赌场</term></terms>\n"
  "    <example type=\"incorrect\"><marker>赌场</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.house\" category=\"house\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"te-jia\">特价</term></terms>\n"
  "    <example type=\"incorrect\"><marker>特价</marker></example>\n"
  "  </rule>\n"
  "  <rule id=\"t.promo\" category=\"promotion\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"ji-zan\">集赞</term></terms>\n"
  "    <example type=\"incorrect\"><marker>集赞</marker></example>\n"
  "  </rule>\n"
  "</rulepack>\n";

/* "LABEL:severity" per finding, LABEL its rule's id, or its text when
 * @by_text, then "~" for a finding outside the purpose and "?" for one
 * outside its rule's context. */
static char *
summarize_check (RedlineRuleSet        *set,
                 const RedlineDocument *document,
                 RedlineEcosystem       ecosystem,
                 RedlineContentKind     kind,
                 gboolean               by_text)
{
  g_autoptr(GListModel) findings = redline_rule_set_check (set, document, ecosystem, kind);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);
      gboolean outside_purpose, outside_context;

      g_object_get (finding, "outside-purpose", &outside_purpose,
                    "outside-context", &outside_context, NULL);
      g_assert_cmpint (outside_purpose, ==, redline_finding_get_outside_purpose (finding));
      g_assert_cmpint (outside_context, ==, redline_finding_get_outside_context (finding));
      g_string_append_printf (out, "%s%s:%s%s%s", i > 0 ? " " : "",
                              by_text ? redline_finding_get_text (finding)
                                      : redline_finding_get_rule_id (finding),
                              redline_severity_to_string (redline_finding_get_severity (finding)),
                              outside_purpose ? "~" : "", outside_context ? "?" : "");
      if (outside_purpose || outside_context)
        g_assert_cmpint (redline_finding_get_other_severity (finding), <=, REDLINE_SEVERITY_INFO);
    }
  return g_string_free (out, FALSE);
}

/* A text, its content kind, whether its purpose is unknown, and its
 * findings as summarize_check() writes them by text. */
typedef struct
{
  const char         *text;
  RedlineContentKind  kind;
  gboolean            unknown;
  const char         *expected;
} PurposeCase;

static void
check_purpose_cases (RedlineRuleSet    *set,
                     const PurposeCase *cases,
                     guint              n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      RedlineDocument document = { .fields[REDLINE_FIELD_BODY] = cases[i].text,
                                   .purpose_unknown = cases[i].unknown };
      g_autofree char *got = summarize_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                              cases[i].kind, TRUE);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static const char context_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"t.context\" version=\"1\">\n"
  "  <title>Context</title>\n"
  "  <lexicon id=\"offer\"><word>公司</word><word>价格</word><word>price</word></lexicon>\n"
  "  <rule id=\"t.zui\" category=\"absolute-term\" context=\"offer\">\n"
  "    <message>{text}</message>\n"
  "    <terms>\n"
  "      <term id=\"zui-hao\">最好</term>\n"
  "      <term id=\"zui-di-jia\" context=\"none\">全网最低</term>\n"
  "      <term id=\"best\">best</term>\n"
  "      <term id=\"wei-yi\" everyday=\"yes\">唯一</term>\n"
  "    </terms>\n"
  "    <pattern id=\"di-yi\" hint=\"第1\">第1名</pattern>\n"
  "    <example type=\"incorrect\"><marker>最好</marker>的咖啡</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.plain\" category=\"absolute-term\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"ding-ji\">顶级</term></terms>\n"
  "    <example type=\"incorrect\"><marker>顶级</marker></example>\n"
  "  </rule>\n"
  "</rulepack>\n";

/* In text of unknown purpose, a hit of a rule with context="ID" is a claim
 * unless it reads as prose: a sentence ending with a full stop, in a
 * paragraph with no member of the lexicon and more than the hit. Stated
 * advertising and paid placements count in full. */
static void
test_context (void)
{
  g_autoptr(RedlineRuleSet) set = make_set_from (context_pack);
  static const PurposeCase cases[] = {
    { "这是最好的学习方式。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:info?" },
    { "这是最好的学习方式。", REDLINE_CONTENT_KIND_ARTICLE, FALSE, "最好:error" },
    { "这是最好的学习方式。", REDLINE_CONTENT_KIND_MOMENTS_AD, TRUE, "最好:error" },
    /* A member ends a word of the paragraph: a claim. */
    { "本公司的服务是最好的。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    { "上市公司里，它最好。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    { "我觉得它最好。\n我们谈谈价格。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:info?" },
    /* Headlines, slogans and exclamations are not prose. */
    { "给你最好的睡眠体验", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    { "给你最好的睡眠体验！", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    { "最好！", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    { "重量只有7.9kg，是最好的", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "最好:error" },
    /* context="none", rules without a context, and patterns. */
    { "他说这里全网最低。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "全网最低:error" },
    { "这是顶级的享受。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "顶级:error" },
    { "他考了第一名。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "第一名:info?" },
    { "It is the best way to learn. ", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "best:info?" },
    { "The best price in town. ", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "best:error" },
    { "The best prices. We ship.", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "best:info?" },
    /* everyday="yes": only a member makes a claim, whatever the shape. */
    { "唯一前缀", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "唯一:info?" },
    { "唯一！", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "唯一:info?" },
    { "这是他唯一的办法", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "唯一:info?" },
    { "本市唯一的上市公司", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "唯一:error" },
    { "全市唯一。\n价格实惠", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "唯一:info?" },
    { "唯一前缀", REDLINE_CONTENT_KIND_ARTICLE, FALSE, "唯一:error" },
    { "唯一前缀", REDLINE_CONTENT_KIND_MOMENTS_AD, TRUE, "唯一:error" },
  };

  check_purpose_cases (set, cases, G_N_ELEMENTS (cases));
}

static const char mention_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"t.mention\" version=\"1\">\n"
  "  <title>Mention</title>\n"
  "  <lexicon id=\"report\"><word>据报道</word><word>严禁</word><word>claims</word></lexicon>\n"
  "  <rule id=\"t.cure\" category=\"medical-claim\" mention=\"report\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"zhi-yu\">治愈</term><term id=\"cure\">cures</term></terms>\n"
  "    <example type=\"incorrect\"><marker>治愈</marker>失眠</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.health-food\" type=\"requires\" category=\"disclaimer\" mention=\"report\">\n"
  "    <message>{missing}</message>\n"
  "    <terms><term id=\"bao-jian\">保健食品</term></terms>\n"
  "    <require>本品不能代替药物</require>\n"
  "    <example type=\"incorrect\">保健食品</example>\n"
  "  </rule>\n"
  "  <rule id=\"t.plain\" category=\"medical-claim\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"gen-zhi\">根治</term></terms>\n"
  "    <example type=\"incorrect\"><marker>根治</marker></example>\n"
  "  </rule>\n"
  "</rulepack>\n";

/* In text of unknown purpose, a hit of a rule with mention="ID" whose
 * sentence holds a member of the lexicon names the claim rather than makes
 * it: a note. The next sentence, stated advertising, paid placements and
 * rules without the attribute count in full; a "requires" rule keeps a
 * trigger that is a claim over an earlier one that is mentioned. */
static void
test_mention (void)
{
  g_autoptr(RedlineRuleSet) set = make_set_from (mention_pack);
  static const PurposeCase cases[] = {
    { "据报道，该产品宣传能治愈失眠。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:info?" },
    { "该产品宣传能治愈失眠，据报道已被查处。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:info?" },
    { "据报道，该产品宣传能治愈失眠。", REDLINE_CONTENT_KIND_ARTICLE, FALSE, "治愈:error" },
    { "据报道，该产品宣传能治愈失眠。", REDLINE_CONTENT_KIND_MOMENTS_AD, TRUE, "治愈:error" },
    /* The member is in another sentence. */
    { "据报道有新品。它能治愈失眠！", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:error" },
    { "严禁宣传\n喝了能治愈失眠", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:error" },
    /* A rule without mention="ID". */
    { "据报道，它号称能根治失眠。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "根治:error" },
    { "He claims it cures colds. Buy it.", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "cures:info?" },
    { "It cures colds. He claims so.", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "cures:error" },
  };
  static const struct
  {
    const char *text;
    const char *expected;
  } requires_cases[] = {
    { "严禁保健食品宣称疗效。", "t.health-food:info?" },
    { "严禁保健食品宣称疗效。我们的保健食品，买二送一", "t.health-food:error" },
    { "我们的保健食品，买二送一。严禁保健食品宣称疗效。", "t.health-food:error" },
  };

  check_purpose_cases (set, cases, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (requires_cases); i++)
    {
      RedlineDocument document = { .fields[REDLINE_FIELD_BODY] = requires_cases[i].text,
                                   .purpose_unknown = TRUE };
      g_autofree char *got = summarize_check (set, &document, REDLINE_ECOSYSTEM_WEIXIN,
                                              REDLINE_CONTENT_KIND_ARTICLE, FALSE);

      g_test_message ("%s", requires_cases[i].text);
      g_assert_cmpstr (got, ==, requires_cases[i].expected);
    }
}

/* A pack that must be refused: the error's code, the place it starts with,
 * and words it must name. */
typedef struct
{
  const char *xml;
  int         code;
  const char *says[3];
} RefusedPack;

static void
check_refused_packs (const RefusedPack *refused,
                     guint              n_refused)
{
  for (guint i = 0; i < n_refused; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (refused[i].xml, strlen (refused[i].xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(RedlineRulePack) pack = redline_rule_pack_new_from_bytes (bytes, "extra.xml",
                                                                          &error);

      g_assert_null (pack);
      g_assert_error (error, REDLINE_RULES_ERROR, refused[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, refused[i].says[0]));
      for (guint j = 1; j < G_N_ELEMENTS (refused[i].says) && refused[i].says[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, refused[i].says[j]));
    }
}

static const char shared_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rulepack id=\"t.shared\" version=\"1\">\n"
  "  <title>Shared</title>\n"
  "  <lexicon id=\"news\" use=\"report\"><word>传闻</word></lexicon>\n"
  "  <rule id=\"t.cure\" category=\"medical-claim\" mention=\"news\">\n"
  "    <message>{text}</message>\n"
  "    <terms><term id=\"zhi-yu\">治愈</term></terms>\n"
  "    <example type=\"incorrect\"><marker>治愈</marker>失眠</example>\n"
  "  </rule>\n"
  "</rulepack>\n";

/* <lexicon id="ID" use="NAME"/> takes the members of a lexicon Redline
 * shares between packs, and any the pack adds; a name Redline does not
 * share is refused with the names it does, and a shared lexicon is no pack. */
static void
test_shared_lexicon (void)
{
  g_autoptr(RedlineRuleSet) set = make_set_from (shared_pack);
  static const PurposeCase cases[] = {
    { "据报道，该产品能治愈失眠。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:info?" },
    { "He claims it 治愈 colds.", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:info?" },
    { "传闻它能治愈失眠。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:info?" },
    { "它能治愈失眠。", REDLINE_CONTENT_KIND_ARTICLE, TRUE, "治愈:error" },
  };
  static const RefusedPack refused[] = {
    { "<rulepack id=\"t\" version=\"1\"><title>t</title>\n<lexicon id=\"r\" use=\"rumours\"/>"
      "<rule id=\"r\" category=\"medical-claim\"><message>m</message>"
      "<terms><term id=\"a\">治愈</term></terms><example type=\"incorrect\">治愈</example></rule>"
      "</rulepack>",
      REDLINE_RULES_ERROR_INVALID, { "extra.xml:2:", "rumours", "report" } },
    { "<lexicon id=\"report\"><word>据报道</word></lexicon>",
      REDLINE_RULES_ERROR_SCHEMA, { "extra.xml:1:", "<rulepack>", NULL } },
  };

  check_purpose_cases (set, cases, G_N_ELEMENTS (cases));
  check_refused_packs (refused, G_N_ELEMENTS (refused));
}

/* context="ID" names a lexicon of the pack; "none" names none; a term of
 * everyday sense needs a context. */
static void
test_context_errors (void)
{
  static const RefusedPack refused[] = {
    { "<rulepack id=\"t\" version=\"1\"><title>t</title>"
      "<rule id=\"r\" category=\"absolute-term\" context=\"offer\"><message>m</message>"
      "<terms><term id=\"a\">最好</term></terms><example type=\"incorrect\">最好</example></rule>"
      "</rulepack>",
      REDLINE_RULES_ERROR_INVALID, { "extra.xml:1:", "offer", NULL } },
    { "<rulepack id=\"t\" version=\"1\"><title>t</title><lexicon id=\"none\"><word>店</word></lexicon>"
      "<rule id=\"r\" category=\"absolute-term\"><message>m</message>"
      "<terms><term id=\"a\">最好</term></terms><example type=\"incorrect\">最好</example></rule>"
      "</rulepack>",
      REDLINE_RULES_ERROR_INVALID, { "extra.xml:1:", "none", NULL } },
    { "<rulepack id=\"t\" version=\"1\"><title>t</title><lexicon id=\"shop\"><word>店</word></lexicon>"
      "<rule id=\"r\" category=\"absolute-term\"><message>m</message>"
      "<terms><term id=\"a\" everyday=\"yes\">唯一</term></terms>"
      "<example type=\"incorrect\">唯一</example></rule></rulepack>",
      REDLINE_RULES_ERROR_INVALID, { "extra.xml:1:", "everyday", NULL } },
  };

  check_refused_packs (refused, G_N_ELEMENTS (refused));
}

/* Scan threads: no more than the affinity mask's processors, nor than the
 * cgroup's CPU quota allows. */
static void
test_cpus (void)
{
  static const struct
  {
    const char *cpu_max;
    gboolean    quota;
    guint       cpus;
  } v2[] = {
    { "max 100000\n", FALSE, 0 },
    { "100000 100000\n", TRUE, 1 },
    { "50000 100000", TRUE, 1 },
    { "150000 100000\n", TRUE, 2 },
    { "400000 100000", TRUE, 4 },
    { "0 100000", FALSE, 0 },
    { "100000", FALSE, 0 },
    { "lots 100000", FALSE, 0 },
    { "", FALSE, 0 },
  };
  cpu_set_t set;
  guint cpus = 0;

  /* As under taskset -c: one processor, one thread, a long text still
   * checked whole (first, before the number is read and kept). */
  if (g_test_subprocess ())
    {
      g_autoptr(RedlineRuleSet) rule_set = make_set (NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GListModel) findings = NULL;
      int first = -1;

      CPU_ZERO (&set);
      g_assert_cmpint (sched_getaffinity (0, sizeof set, &set), ==, 0);
      for (int c = 0; c < CPU_SETSIZE && first < 0; c++)
        first = CPU_ISSET (c, &set) ? c : -1;
      CPU_ZERO (&set);
      CPU_SET (first, &set);
      g_assert_cmpint (sched_setaffinity (0, sizeof set, &set), ==, 0);
      g_assert_cmpuint (_redline_affinity_cpus (), ==, 1);
      g_assert_cmpuint (_redline_scan_cpus (), ==, 1);
      while (text->len < 3 * 1024 * 1024)
        g_string_append (text, "本店咖啡采用最佳阿拉比卡豆\n");
      findings = redline_rule_set_check_text (rule_set, text->str, REDLINE_ECOSYSTEM_WEIXIN,
                                              REDLINE_CONTENT_KIND_ARTICLE);
      g_assert_cmpuint (g_list_model_get_n_items (findings), >, 1000);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (v2); i++)
    {
      cpus = 0;
      g_assert_cmpint (_redline_parse_cgroup_quota (v2[i].cpu_max, &cpus), ==, v2[i].quota);
      if (v2[i].quota)
        g_assert_cmpuint (cpus, ==, v2[i].cpus);
    }
  g_assert_false (_redline_parse_cgroup_quota (NULL, &cpus));
  g_assert_false (_redline_parse_cgroup1_quota ("-1\n", "100000\n", &cpus));
  g_assert_true (_redline_parse_cgroup1_quota ("200000\n", "100000\n", &cpus));
  g_assert_cmpuint (cpus, ==, 2);

  CPU_ZERO (&set);
  g_assert_cmpint (sched_getaffinity (0, sizeof set, &set), ==, 0);
  g_assert_cmpuint (_redline_affinity_cpus (), ==, CPU_COUNT (&set));
  g_assert_cmpuint (_redline_scan_cpus (), >=, 1);
  g_assert_cmpuint (_redline_scan_cpus (), <=, _redline_affinity_cpus ());

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The Advertising Law binds advertising: outside it, its rules' hits are
 * information and its duties go; platform rules bind every post; a paid
 * placement is advertising whatever it states. */
static void
test_purpose (void)
{
  static const char text[] = "最佳理财，国家级赌场特价";
  g_autoptr(GBytes) bytes = g_bytes_new_static (purpose_pack, sizeof purpose_pack - 1);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GError) error = NULL;
  RedlineRule *rule;
  static const struct
  {
    RedlineEcosystem   ecosystem;
    RedlineContentKind kind;
    RedlinePurpose     purpose;
    const char        *expected;
  } cases[] = {
    { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_PURPOSE_ADVERTISING,
      "t.notice:error t.abs:error t.everywhere:error t.gambling:error t.house:warning" },
    { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_PURPOSE_EDITORIAL,
      "t.abs:info~ t.everywhere:error t.gambling:error t.house:info~" },
    { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_GROUP_MESSAGE, REDLINE_PURPOSE_NOTICE,
      "t.abs:info~ t.everywhere:error t.gambling:error t.house:warning" },
    { REDLINE_ECOSYSTEM_WECHAT, REDLINE_CONTENT_KIND_CHANNELS, REDLINE_PURPOSE_EDITORIAL,
      "t.abs:info~ t.everywhere:info t.gambling:warning t.house:info~" },
    /* Paid placements: advertising, whatever the post says. */
    { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_MOMENTS_AD, REDLINE_PURPOSE_EDITORIAL,
      "t.notice:error t.abs:error t.everywhere:error t.gambling:error t.house:warning" },
    { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_MINI_PROGRAM, REDLINE_PURPOSE_NOTICE,
      "t.notice:error t.abs:error t.everywhere:error t.gambling:error t.house:warning" },
  };

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "purpose.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);

  rule = redline_rule_set_find_rule (set, "t.abs");
  g_assert_true (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_ADVERTISING));
  g_assert_false (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_EDITORIAL));
  g_assert_false (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_NOTICE));
  rule = redline_rule_set_find_rule (set, "t.gambling");
  g_assert_true (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_EDITORIAL));
  rule = redline_rule_set_find_rule (set, "t.house");
  g_assert_true (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_NOTICE));
  g_assert_false (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_EDITORIAL));
  /* Promotions: platform rules and prize-sale law bind every post. */
  rule = redline_rule_set_find_rule (set, "t.promo");
  g_assert_cmpint (redline_rule_get_severity (rule, REDLINE_ECOSYSTEM_WEIXIN), ==,
                   REDLINE_SEVERITY_ERROR);
  g_assert_cmpint (redline_rule_get_severity (rule, REDLINE_ECOSYSTEM_WECHAT), ==,
                   REDLINE_SEVERITY_WARNING);
  g_assert_true (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_EDITORIAL));
  g_assert_true (redline_rule_applies_to_purpose (rule, REDLINE_PURPOSE_NOTICE));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RedlineDocument document = { .fields[REDLINE_FIELD_BODY] = text,
                                   .purpose = cases[i].purpose };
      g_autofree char *got = summarize_check (set, &document, cases[i].ecosystem,
                                              cases[i].kind, FALSE);

      g_test_message ("case %u: %s", i, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* An unknown purpose is the schema's to refuse, with its place. */
  {
    static const char bad[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rulepack id=\"t.bad\" version=\"1\">\n"
      "  <title>Bad</title>\n"
      "  <rule id=\"t.x\" category=\"absolute-term\" purposes=\"press\">\n"
      "    <message>{text}</message>\n"
      "    <terms><term id=\"x\">x</term></terms>\n"
      "    <example type=\"incorrect\"><marker>x</marker></example>\n"
      "  </rule>\n"
      "</rulepack>\n";
    g_autoptr(GBytes) bad_bytes = g_bytes_new_static (bad, sizeof bad - 1);
    g_autoptr(RedlineRulePack) pack = redline_rule_pack_new_from_bytes (bad_bytes, "bad.xml",
                                                                        &error);

    g_assert_null (pack);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_true (g_str_has_prefix (error->message, "bad.xml:4"));
    g_assert_nonnull (strstr (error->message, "purposes"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/rule-set/rule-types", test_rule_types);
  g_test_add_func ("/redline/rule-set/terms", test_terms);
  g_test_add_func ("/redline/rule-set/finding-fields", test_finding_fields);
  g_test_add_func ("/redline/rule-set/ecosystems", test_ecosystems);
  g_test_add_func ("/redline/rule-set/patterns-and-kinds", test_patterns_and_kinds);
  g_test_add_func ("/redline/rule-set/pattern-hints", test_pattern_hints);
  g_test_add_func ("/redline/rule-set/requires", test_requires);
  g_test_add_func ("/redline/rule-set/purpose", test_purpose);
  g_test_add_func ("/redline/rule-set/context", test_context);
  g_test_add_func ("/redline/rule-set/context-errors", test_context_errors);
  g_test_add_func ("/redline/rule-set/mention", test_mention);
  g_test_add_func ("/redline/rule-set/shared-lexicon", test_shared_lexicon);
  g_test_add_func ("/redline/rule-set/cpus", test_cpus);
  g_test_add_func ("/redline/rule-set/links", test_links);
  g_test_add_func ("/redline/rule-set/length", test_length);
  g_test_add_func ("/redline/rule-set/length-profiles", test_length_profiles);
  g_test_add_func ("/redline/rule-set/allowed-terms", test_allowed_terms);
  g_test_add_func ("/redline/rule-set/dedup-and-order", test_dedup_and_order);
  g_test_add_func ("/redline/rule-set/huge-line", test_huge_line);
  g_test_add_func ("/redline/rule-set/mark-boundaries", test_mark_boundaries);
  g_test_add_func ("/redline/rule-set/message-cap", test_message_cap);
  g_test_add_func ("/redline/rule-set/regex-limits", test_regex_limits);
  g_test_add_func ("/redline/rule-set/pattern-long-text", test_pattern_long_text);
  g_test_add_func ("/redline/rule-set/piece-cuts", test_piece_cuts);
  g_test_add_func ("/redline/rule-set/pieces-property", test_pieces_property);
  g_test_add_func ("/redline/rule-set/unterminated", test_unterminated);
  g_test_add_func ("/redline/rule-set/stream", test_stream);
  g_test_add_func ("/redline/rule-set/examples", test_examples);
  g_test_add_func ("/redline/rule-set/examples-fail", test_examples_fail);
  g_test_add_func ("/redline/rule-set/placeholders", test_placeholders);

  return g_test_run ();
}
