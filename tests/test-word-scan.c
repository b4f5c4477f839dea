/* test-word-scan.c: terms as whole words, joined words, and lexicon members near a term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "redline-core.h"

static const char word_pack[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<rulepack id='t.words' version='1.0'><title>t</title>"
  "<lexicon id='disease'>"
  "  <word>高血压</word><word>感冒</word><word>失眠</word>"
  "  <ending>炎</ending><ending>病</ending>"
  "</lexicon>"
  "<lexicon id='outcome'><word>稳了</word></lexicon>"
  "<lexicon id='adjective'><tag>a</tag><tag>z</tag><word>专业</word></lexicon>"
  "<lexicon id='quantity'><word>使用寿命</word><ending>数</ending></lexicon>"
  "<except-pattern>不得[^。]{0,8}“[^”]{1,8}”</except-pattern>"
  "<except-pattern hint='规范'>首选[^。]{0,8}不适用</except-pattern>"
  "<rule id='t.whole' category='absolute-term' words='whole'>"
  "  <message>{text}</message>"
  "  <terms>"
  "    <term id='zui' join='next-word' except-after='是'>最</term>"
  "    <term id='shou-xuan'>首选</term>"
  "    <term id='shou'>首</term>"
  "    <term id='di-yi'>第一</term>"
  "    <term id='quan-guo-zui' words='any'>全国最</term>"

  "  </terms>"
  "  <example type='incorrect'><marker>最专业</marker>的团队</example>"
  "  <example type='correct'>最后三天</example>"
  "</rule>"
  "<rule id='t.adj' category='absolute-term' words='whole'>"
  "  <message>{text}</message>"
  "  <terms>"
  "    <term id='zui-adj' join='next-word' with='adjective'>最</term>"
  "  </terms>"
  "  <example type='incorrect'><marker>最舒服</marker>的椅子</example>"
  "  <example type='correct'>最后三天</example>"
  "</rule>"
  "<rule id='t.da' category='absolute-term'>"
  "  <message>{text}</message>"
  "  <terms><term id='zui-da' except-with='quantity'>最大</term></terms>"
  "  <example type='incorrect'>我们是<marker>最大</marker>的品牌</example>"
  "  <example type='correct'>最大使用寿命</example>"
  "</rule>"
  "<rule id='t.near' category='medical-claim'>"
  "  <message>{text}</message>"
  "  <terms>"
  "    <term id='zhi-liao' with='disease' within='4'>治疗</term>"
  "    <term id='jiang' with='disease'>降</term>"
  "    <term id='xue-ya' with='outcome' within='2'>血压</term>"
  "    <term id='gao-bie' with='disease' side='either' within='1'>告别</term>"
  "  </terms>"
  "  <except-pattern>不能[^,;:!?。]{0,6}治疗</except-pattern>"
  "  <example type='incorrect'>能<marker>治疗高血压</marker></example>"
  "  <example type='correct'>治疗方案</example>"
  "</rule>"
  "</rulepack>";

static RedlineRuleSet *
make_set (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (word_pack, strlen (word_pack));
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RedlineRuleSet *set;

  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (bytes, "words.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  return set;
}

/* "term-id:text" of every finding, in order, separated by spaces. */
static char *
check (RedlineRuleSet *set,
       const char     *text)
{
  g_autoptr(GListModel) findings =
    redline_rule_set_check_text (set, text, REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%s", redline_finding_get_term_id (finding),
                              redline_finding_get_text (finding));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
run_cases (const Case *cases,
           guint       n_cases)
{
  g_autoptr(RedlineRuleSet) set = make_set ();

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *got = check (set, cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* words="whole": a term counts only as words of its own in the cut of the
 * Chinese around it. */
static void
test_whole_words (void)
{
  const Case cases[] = {
    { "宁德夜宵首选的地方", "shou-xuan:首选" },
    { "打开首选项", "" },                   /* 首选项 is one word */
    { "回首向来萧瑟处", "" },               /* so is 回首 */
    { "第一品牌", "di-yi:第一" },
    { "第一次来到上海", "" },               /* 第一次 */
    { "第一个参数", "" },                   /* 第一个 */
    /* words="any" on a term overrides the rule. */
    { "全国最大", "quan-guo-zui:全国最 zui-adj:最大 zui-da:最大" },
    /* Folded evasions stay caught. */
    { "宁德夜宵首 选的地方", "shou-xuan:首 选" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* join="next-word": 最 + whatever word follows it, when 最 is a word of its
 * own; not 最 inside 最后 or 最近, and not before an except-after word. */
static void
test_join (void)
{
  const Case cases[] = {
    { "全国最专业的团队", "quan-guo-zui:全国最 zui-adj:最专业" },
    { "我们是最专业的团队", "zui-adj:最专业 zui:最专业" },
    { "最适合你的礼物", "zui:最适合" },
    { "最后三天", "" },
    { "最近天气转凉", "" },                 /* 最近 is a noun of place */
    { "最是人间留不住", "" },
    { "最", "" },
    { "最。", "" },
    { "最 专 业", "zui-adj:最 专 业 zui:最 专 业" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* join="next-word" with="ID": the next word must be a member, here an
 * adjective of the word list (jieba's tag a) or a listed word. */
static void
test_join_with (void)
{
  const Case cases[] = {
    { "这是最舒服的椅子", "zui-adj:最舒服" },   /* 最舒服 is itself a word (z) */
    { "最强大的团队", "zui-adj:最强大 zui:最强大" },
    { "我们最专业", "zui-adj:最专业 zui:最专业" },
    { "此物最相思", "zui:最相思" },          /* 相思 is a verb: only zui joins it */
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* except-with="ID": a member right after the term cancels it; the pack's
 * own <except-pattern> applies to every rule. */
static void
test_except_with (void)
{
  const Case cases[] = {
    { "全国最大的品牌", "quan-guo-zui:全国最 zui-adj:最大 zui-da:最大" },
    { "我们是最大的品牌", "zui-adj:最大 zui-da:最大" },
    /* zui-da is cancelled; zui-adj, in another rule, is not. */
    { "存储介质的最大使用寿命", "zui-adj:最大" },
    { "最大的写次数", "zui-adj:最大" },      /* 写次 + the ending 数, after 的 */
    { "广告中不得出现“首选”", "" },          /* the pack's exception */
    { "送礼首选", "shou-xuan:首选" },
    /* An except-pattern with a hint runs only where the hint is near. */
    { "按规范，首选一词不适用", "" },
    { "按常理，首选一词不适用", "shou-xuan:首选" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* with="ID": the term hits only with a member of the lexicon near it, in
 * the same clause, and the finding covers both. */
static void
test_near (void)
{
  const Case cases[] = {
    { "能治疗高血压", "zhi-liao:治疗高血压" },
    { "可以治疗气管炎,哮喘", "zhi-liao:治疗气管炎" },     /* stem + ending */
    { "治疗方案因人而异", "" },
    { "纯天然无添加，喝了能治疗失眠", "zhi-liao:治疗失眠" },
    { "不能代替药物治疗疾病", "" },                       /* the rule's exception */
    { "治疗，关节炎", "" },                               /* not across a clause */
    { "降血压", "" },                                     /* within 0: 血压 is not a member */
    { "降高血压", "jiang:降高血压" },
    { "枕用三个月后血压稳了", "xue-ya:血压稳了" },
    { "感冒告别", "gao-bie:感冒告别" },                   /* side="either" */
    { "告别感冒", "gao-bie:告别感冒" },
    { "治 疗 关 节 炎", "zhi-liao:治 疗 关 节 炎" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

#define EXAMPLES "<example type='incorrect'><marker>治疗</marker></example>"

static void
assert_refused (const char *body,
                const char *message_part)
{
  g_autofree char *xml =
    g_strdup_printf ("<?xml version='1.0' encoding='UTF-8'?>"
                     "<rulepack id='t.bad' version='1.0'><title>t</title>%s</rulepack>", body);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = redline_rule_pack_new_from_bytes (bytes, "bad.xml", &error);

  g_assert_null (pack);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "bad.xml:1:"));
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_refused (void)
{
  assert_refused ("<rule id='r' category='medical-claim'><message>m</message>"
                  "<terms><term id='t' with='nowhere'>治疗</term></terms>" EXAMPLES "</rule>",
                  "no lexicon “nowhere”");
  assert_refused ("<lexicon id='a'><word>x</word></lexicon><lexicon id='a'><word>y</word></lexicon>"
                  "<rule id='r' category='medical-claim'><message>m</message>"
                  "<terms><term id='t'>治疗</term></terms>" EXAMPLES "</rule>",
                  "lexicon “a” is already defined");
  assert_refused ("<rule id='r' category='medical-claim'><message>m</message>"
                  "<terms><term id='t' within='3'>治疗</term></terms>" EXAMPLES "</rule>",
                  "go with “with”");
  assert_refused ("<rule id='r' category='medical-claim'><message>m</message>"
                  "<terms><term id='t' join='next'>治疗</term></terms>" EXAMPLES "</rule>",
                  "join");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/word-scan/whole-words", test_whole_words);
  g_test_add_func ("/redline/word-scan/join", test_join);
  g_test_add_func ("/redline/word-scan/join-with", test_join_with);
  g_test_add_func ("/redline/word-scan/except-with", test_except_with);
  g_test_add_func ("/redline/word-scan/near", test_near);
  g_test_add_func ("/redline/word-scan/refused", test_refused);

  return g_test_run ();
}
