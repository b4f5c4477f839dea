/* test-rule-pack-builder.c: packs of terms built without XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"

#define MESSAGE "“{text}” is on the project’s list of banned terms."
#define TITLE "Terms banned by the project"

/* The same pack as XML, written the way a project wrote it before the
 * builder: categories grouped in order, one rule each. */
static GBytes *
build_xml (const RedlinePackTerm *terms,
           gsize                  n_terms)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autofree char *title = g_markup_escape_text (TITLE, -1);
  g_autofree char *message = g_markup_escape_text (MESSAGE, -1);

  for (gsize i = 0; i < n_terms; i++)
    {
      if (!g_ptr_array_find_with_equal_func (categories, terms[i].category, g_str_equal, NULL))
        g_ptr_array_add (categories, (gpointer) terms[i].category);
    }

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<rulepack id=\"project.banned-terms\" version=\"1.0.0\">\n");
  g_string_append_printf (xml, "  <title>%s</title>\n", title);
  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);

      if (!redline_category_is_standard (category))
        g_string_append_printf (xml, "  <category id=\"%s\" weixin=\"error\" "
                                "wechat=\"warning\"/>\n", category);
    }
  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      g_autofree char *first = NULL;
      guint n = 0;

      g_string_append_printf (xml, "  <rule id=\"project.banned.%s\" category=\"%s\">\n"
                              "    <message>%s</message>\n    <terms>\n",
                              category, category, message);
      for (gsize i = 0; i < n_terms; i++)
        {
          g_autofree char *escaped = NULL;

          if (!g_str_equal (terms[i].category, category))
            continue;
          escaped = g_markup_escape_text (terms[i].term, -1);
          g_string_append_printf (xml, "      <term id=\"t%u\">%s</term>\n", ++n, escaped);
          if (first == NULL)
            first = g_steal_pointer (&escaped);
        }
      g_string_append_printf (xml, "    </terms>\n"
                              "    <example type=\"incorrect\"><marker>%s</marker></example>\n"
                              "  </rule>\n", first);
    }
  g_string_append (xml, "</rulepack>\n");
  return g_string_free_to_bytes (g_steal_pointer (&xml));
}

static RedlineRulePack *
build (const RedlinePackTerm  *terms,
       gsize                   n_terms,
       GError                **error)
{
  return redline_rule_pack_new_terms ("project.banned-terms", "1.0.0", "p.redline#banned-terms",
                                      TITLE, "project.banned.", MESSAGE, terms, n_terms, error);
}

/* Every finding, with everything it says. */
static char *
describe_findings (RedlineRuleSet     *set,
                   const char         *text,
                   RedlineEcosystem    ecosystem,
                   guint              *n)
{
  g_autoptr(GListModel) findings =
    redline_rule_set_check_text (set, text, ecosystem, REDLINE_CONTENT_KIND_ARTICLE);
  GString *out = g_string_new (NULL);

  *n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < *n; i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *json = redline_json_finding_to_string (finding);

      g_string_append_printf (out, "%s\n", json);
    }
  return g_string_free (out, FALSE);
}

static RedlineRuleSet *
new_set (RedlineRulePack *pack)
{
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RedlineRuleSet *set;

  g_ptr_array_add (packs, g_object_ref (pack));
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  return set;
}

static const RedlinePackTerm special_terms[] = {
  { "最佳", "absolute-term" },
  { "A&B <deal>", "absolute-term" },
  { "\"quoted\" 'term'", "brand.rival" },
  { "]]> &amp; 5<6", "brand.rival" },
  { "  padded  ", "brand.rival" },
  { "国家级", "absolute-term" },
  { "x-ray", "medical_claims" },
};

static void
test_same_as_xml (void)
{
  static const char *texts[] = {
    "这是最佳的 A&B <deal>，国家级！",
    "\"quoted\" 'term' and ]]> &amp; 5<6 and padded and x-ray",
    "nothing here",
  };
  g_autoptr(GBytes) xml = build_xml (special_terms, G_N_ELEMENTS (special_terms));
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) loaded = NULL;
  g_autoptr(RedlineRulePack) built = NULL;
  g_autoptr(RedlineRuleSet) loaded_set = NULL;
  g_autoptr(RedlineRuleSet) built_set = NULL;
  guint n_total = 0;

  loaded = redline_rule_pack_new_from_bytes (xml, "p.redline#banned-terms", &error);
  g_assert_no_error (error);
  built = build (special_terms, G_N_ELEMENTS (special_terms), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (redline_rule_pack_get_id (built), ==, redline_rule_pack_get_id (loaded));
  g_assert_cmpstr (redline_rule_pack_get_version (built), ==,
                   redline_rule_pack_get_version (loaded));
  g_assert_cmpstr (redline_rule_pack_get_title (built), ==, redline_rule_pack_get_title (loaded));
  g_assert_cmpstr (redline_rule_pack_get_display_name (built), ==,
                   redline_rule_pack_get_display_name (loaded));
  g_assert_cmpuint (redline_rule_pack_get_n_rules (built), ==, 3);
  g_assert_cmpuint (redline_rule_pack_get_n_rules (built), ==,
                    redline_rule_pack_get_n_rules (loaded));
  g_assert_cmpuint (redline_rule_pack_get_n_terms (built), ==, G_N_ELEMENTS (special_terms));
  g_assert_cmpuint (redline_rule_pack_get_n_terms (built), ==,
                    redline_rule_pack_get_n_terms (loaded));
  for (guint r = 0; r < redline_rule_pack_get_n_rules (built); r++)
    {
      RedlineRule *a = redline_rule_pack_get_rule (built, r);
      RedlineRule *b = redline_rule_pack_get_rule (loaded, r);

      g_assert_cmpstr (redline_rule_get_id (a), ==, redline_rule_get_id (b));
      g_assert_cmpstr (redline_rule_get_category (a), ==, redline_rule_get_category (b));
      g_assert_cmpstr (redline_rule_get_message (a), ==, redline_rule_get_message (b));
      g_assert_cmpuint (redline_rule_get_n_terms (a), ==, redline_rule_get_n_terms (b));
      for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
        g_assert_cmpint (redline_rule_get_severity (a, e), ==, redline_rule_get_severity (b, e));
    }

  loaded_set = new_set (loaded);
  built_set = new_set (built);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
        {
          guint n_loaded, n_built;
          g_autofree char *expected = describe_findings (loaded_set, texts[i], e, &n_loaded);
          g_autofree char *got = describe_findings (built_set, texts[i], e, &n_built);

          g_assert_cmpstr (got, ==, expected);
          g_assert_cmpuint (n_built, ==, n_loaded);
          n_total += n_built;
        }
    }
  /* 3 + 4 + 0 findings, on either ecosystem. */
  g_assert_cmpuint (n_total, ==, 2 * 7);

  /* The examples, one per rule, run and pass. */
  {
    guint n_examples = 0;

    g_assert_true (redline_rule_set_test_examples (built_set, NULL, NULL));
    for (guint r = 0; r < redline_rule_pack_get_n_rules (built); r++)
      n_examples += redline_rule_get_n_examples (redline_rule_pack_get_rule (built, r));
    g_assert_cmpuint (n_examples, ==, 3);
  }
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = build (NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (redline_rule_pack_get_n_rules (pack), ==, 0);
}

static void
test_refused (void)
{
  static const struct
  {
    RedlinePackTerm term;
    int             code;
    const char     *message;
  } cases[] = {
    { { "a\tb", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "U+0009" },
    { { "line\nbreak", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "U+000A" },
    { { "nul\x7f", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "U+007F" },
    { { "bad \xef\xbf\xbe", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "U+FFFE" },
    { { "bad \xff", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "not UTF-8" },
    { { "", "absolute-term" }, REDLINE_RULES_ERROR_INVALID, "is empty" },
    { { "ok", "Bad Category" }, REDLINE_RULES_ERROR_INVALID, "not a category name" },
    { { "ok", "-x" }, REDLINE_RULES_ERROR_INVALID, "not a category name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedlineRulePack) pack = build (&cases[i].term, 1, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(none)");
      g_assert_null (pack);
      g_assert_error (error, REDLINE_RULES_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "p.redline#banned-terms: "));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* A term that is only spaces is refused with the message, line and
 * column the XML would give. */
static void
test_errors_as_xml (void)
{
  static const RedlinePackTerm punctuation[] = {
    { "ok", "brand.rival" },
    { "好", "absolute-term" },
    { "   ", "absolute-term" },
  };
  static const RedlinePackTerm topic[] = {
    { "ok", "sensitive-topic" },
  };
  const struct
  {
    const RedlinePackTerm *terms;
    gsize                  n_terms;
  } cases[] = {
    { punctuation, G_N_ELEMENTS (punctuation) },
    { topic, G_N_ELEMENTS (topic) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) xml = build_xml (cases[i].terms, cases[i].n_terms);
      g_autoptr(GError) xml_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RedlineRulePack) loaded =
        redline_rule_pack_new_from_bytes (xml, "p.redline#banned-terms", &xml_error);
      g_autoptr(RedlineRulePack) built = build (cases[i].terms, cases[i].n_terms, &error);

      /* Both refuse a term that is only spaces; both do the same
       * with a category that may need a topic. */
      if (i == 0)
        g_assert_null (loaded);
      if (loaded != NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (built);
          continue;
        }
      g_assert_null (built);
      g_assert_nonnull (xml_error);
      g_assert_error (error, REDLINE_RULES_ERROR, xml_error->code);
      g_assert_cmpstr (error->message, ==, xml_error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/rule-pack-builder/same-as-xml", test_same_as_xml);
  g_test_add_func ("/redline/rule-pack-builder/empty", test_empty);
  g_test_add_func ("/redline/rule-pack-builder/refused", test_refused);
  g_test_add_func ("/redline/rule-pack-builder/errors-as-xml", test_errors_as_xml);

  return g_test_run ();
}
