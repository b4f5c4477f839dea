/* test-finding.c: a finding's properties, which views bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-core.h"

static RedlineRuleSet *
builtin_rule_set (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  RedlineRuleSet *rule_set;

  g_assert_no_error (error);
  rule_set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  return rule_set;
}

static void
test_properties (void)
{
  g_autoptr(RedlineRuleSet) rule_set = builtin_rule_set ();
  g_autoptr(GListModel) findings =
    redline_rule_set_check_text (rule_set, "本店咖啡采用最佳阿拉比卡豆", REDLINE_ECOSYSTEM_WEIXIN,
                                 REDLINE_CONTENT_KIND_ARTICLE);
  g_autoptr(RedlineFinding) finding = NULL;
  RedlineEcosystem ecosystem;
  RedlineSeverity severity, other;
  RedlineField field;
  RedlineScope scope;
  g_autofree char *rule_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pack_id = NULL;
  g_auto(GStrv) suggestions = NULL;
  guint64 start, end;

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_object_get (finding,
                "rule-id", &rule_id,
                "ecosystem", &ecosystem,
                "severity", &severity,
                "other-severity", &other,
                "field", &field,
                "scope", &scope,
                "start", &start,
                "end", &end,
                "text", &text,
                "suggestions", &suggestions,
                "pack-id", &pack_id,
                NULL);
  g_assert_cmpstr (rule_id, ==, "ad-law.absolute.zui");
  g_assert_cmpint (ecosystem, ==, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpint (severity, ==, REDLINE_SEVERITY_ERROR);
  g_assert_cmpint (other, ==, REDLINE_SEVERITY_INFO);
  g_assert_cmpint (field, ==, REDLINE_FIELD_BODY);
  g_assert_cmpint (scope, ==, REDLINE_SCOPE_SPAN);
  g_assert_cmpuint (start, ==, 6);
  g_assert_cmpuint (end, ==, 8);
  g_assert_cmpstr (text, ==, "最佳");
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (g_strv_length (suggestions), >, 0);
  g_assert_cmpstr (pack_id, ==, "redline.absolute-terms");
}

/* Enum properties carry GTypes, so a combo row or a GSettings binding can
 * name their values. */
static void
test_property_types (void)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (REDLINE_TYPE_FINDING);
  GObjectClass *klass = G_OBJECT_CLASS (type_class);
  static const struct { const char *name; GType (*get_type) (void); } enums[] = {
    { "ecosystem", redline_ecosystem_get_type },
    { "severity", redline_severity_get_type },
    { "other-severity", redline_severity_get_type },
    { "field", redline_field_get_type },
    { "scope", redline_scope_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, enums[i].name);

      g_assert_nonnull (pspec);
      g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
      g_assert_true (pspec->value_type == enums[i].get_type ());
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/finding/properties", test_properties);
  g_test_add_func ("/redline/finding/property-types", test_property_types);

  return g_test_run ();
}
