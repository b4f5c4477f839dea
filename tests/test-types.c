/* test-types.c: the core enumerations and their string forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nicks are file-format strings (rule packs, project files) and part of
 * the command-line contract: renaming an enum value must not change them.
 */

#include "config.h"

#include "redline-core.h"

typedef struct
{
  const char         *name;
  GType             (*get_type) (void);
  const char * const *nicks;
} EnumCase;

static const char * const ecosystems[] = { "weixin", "wechat", NULL };
static const char * const severities[] = { "off", "info", "warning", "error", NULL };
static const char * const kinds[] = {
  "article", "moments-ad", "channels", "mini-program", "group-message", "auto-reply", "menu",
  NULL,
};
static const char * const fields[] = { "title", "digest", "author", "body", "call-to-action", "link", NULL };
static const char * const scopes[] = { "span", "document", NULL };
static const char * const rule_types[] = { "terms", "requires", "links", "length", "plan", NULL };
static const char * const post_statuses[] = {
  "draft", "in-review", "approved", "rejected", "published", NULL,
};
static const char * const review_decisions[] = { "approved", "rejected", NULL };

static const EnumCase enum_cases[] = {
  { "ecosystem", redline_ecosystem_get_type, ecosystems },
  { "severity", redline_severity_get_type, severities },
  { "content-kind", redline_content_kind_get_type, kinds },
  { "field", redline_field_get_type, fields },
  { "scope", redline_scope_get_type, scopes },
  { "rule-type", redline_rule_type_get_type, rule_types },
  { "post-status", redline_post_status_get_type, post_statuses },
  { "review-decision", redline_review_decision_get_type, review_decisions },
};

static void
test_nicks (gconstpointer data)
{
  const EnumCase *c = data;
  g_autoptr(GEnumClass) klass = g_type_class_ref (c->get_type ());
  guint n = g_strv_length ((char **) c->nicks);

  g_assert_true (G_TYPE_IS_ENUM (c->get_type ()));
  g_assert_cmpuint (klass->n_values, ==, n);
  for (guint i = 0; i < n; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, i);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, c->nicks[i]);
    }
}

/* The typed helpers agree with the GTypes, both ways. */
static void
test_string_forms (void)
{
  for (guint i = 0; ecosystems[i] != NULL; i++)
    {
      RedlineEcosystem ecosystem;

      g_assert_cmpstr (redline_ecosystem_to_string (i), ==, ecosystems[i]);
      g_assert_true (redline_ecosystem_from_string (ecosystems[i], &ecosystem));
      g_assert_cmpint (ecosystem, ==, i);
    }
  for (guint i = 0; severities[i] != NULL; i++)
    {
      RedlineSeverity severity;

      g_assert_cmpstr (redline_severity_to_string (i), ==, severities[i]);
      g_assert_true (redline_severity_from_string (severities[i], &severity));
      g_assert_cmpint (severity, ==, i);
    }
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      RedlineContentKind kind;

      g_assert_cmpstr (redline_content_kind_to_string (i), ==, kinds[i]);
      g_assert_true (redline_content_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (guint i = 0; fields[i] != NULL; i++)
    {
      RedlineField field;

      g_assert_cmpstr (redline_field_to_string (i), ==, fields[i]);
      g_assert_true (redline_field_from_string (fields[i], &field));
      g_assert_cmpint (field, ==, i);
    }
  for (guint i = 0; rule_types[i] != NULL; i++)
    g_assert_cmpstr (redline_rule_type_to_string (i), ==, rule_types[i]);

  g_assert_cmpuint (g_strv_length ((char **) ecosystems), ==, REDLINE_N_ECOSYSTEMS);
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, REDLINE_N_CONTENT_KINDS);
  g_assert_cmpuint (g_strv_length ((char **) fields), ==, REDLINE_N_FIELDS);
  g_assert_cmpint (redline_ecosystem_other (REDLINE_ECOSYSTEM_WEIXIN), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_ecosystem_other (REDLINE_ECOSYSTEM_WECHAT), ==, REDLINE_ECOSYSTEM_WEIXIN);
}

static void
test_unknown_strings (void)
{
  static const char * const unknown[] = { "", "WEIXIN", "Weixin", "qq", "moments_ad", "best", NULL };
  RedlineEcosystem ecosystem = REDLINE_ECOSYSTEM_WECHAT;
  RedlineContentKind kind = REDLINE_CONTENT_KIND_CHANNELS;

  for (guint i = 0; unknown[i] != NULL; i++)
    {
      g_assert_false (redline_ecosystem_from_string (unknown[i], &ecosystem));
      g_assert_false (redline_content_kind_from_string (unknown[i], &kind));
    }
  g_assert_false (redline_ecosystem_from_string (NULL, &ecosystem));
  /* A refused string leaves the output alone. */
  g_assert_cmpint (ecosystem, ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (kind, ==, REDLINE_CONTENT_KIND_CHANNELS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (enum_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/redline/types/nicks/%s", enum_cases[i].name);

      g_test_add_data_func (path, &enum_cases[i], test_nicks);
    }
  g_test_add_func ("/redline/types/string-forms", test_string_forms);
  g_test_add_func ("/redline/types/unknown-strings", test_unknown_strings);

  return g_test_run ();
}
