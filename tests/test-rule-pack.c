/* test-rule-pack.c: loading, validating and refusing rule packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "redline-core.h"

#define PACK_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                  "<rulepack id=\"t.pack\" version=\"1.0\">\n" \
                  "  <title>Test</title>\n"
#define PACK_TAIL "</rulepack>\n"

static RedlineRulePack *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return redline_rule_pack_new_from_bytes (bytes, "test.xml", error);
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  RedlineRule *rule;

  pack = load_string (PACK_HEAD
    "  <rule id=\"t.zui\" category=\"absolute-term\" kinds=\"article moments-ad\">\n"
    "    <message>{text}</message>\n"
    "    <reference>Advertising Law art. 9(3)</reference>\n"
    "    <terms>\n"
    "      <term id=\"zui-jia\" suggest=\"优质|出色\">最佳</term>\n"
    "      <term id=\"best\" wechat=\"warning\">best</term>\n"
    "    </terms>\n"
    "    <example type=\"incorrect\">采用<marker>最佳</marker>豆</example>\n"
    "  </rule>\n"
    "  <rule id=\"t.gamble\" category=\"sensitive-topic\" topic=\"politics\">\n"
    "    <message>m</message>\n"
    "    <terms><term id=\"x\">某词</term></terms>\n"
    "    <example type=\"incorrect\"><marker>某词</marker></example>\n"
    "  </rule>\n"
    PACK_TAIL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  g_assert_cmpstr (redline_rule_pack_get_id (pack), ==, "t.pack");
  g_assert_cmpstr (redline_rule_pack_get_version (pack), ==, "1.0");
  g_assert_cmpuint (redline_rule_pack_get_n_rules (pack), ==, 2);
  g_assert_cmpuint (redline_rule_pack_get_n_terms (pack), ==, 3);

  rule = redline_rule_pack_get_rule (pack, 0);
  g_assert_cmpstr (redline_rule_get_id (rule), ==, "t.zui");
  /* The category's default policy: error on Weixin, info on WeChat. */
  g_assert_cmpint (redline_rule_get_severity (rule, REDLINE_ECOSYSTEM_WEIXIN), ==,
                   REDLINE_SEVERITY_ERROR);
  g_assert_cmpint (redline_rule_get_severity (rule, REDLINE_ECOSYSTEM_WECHAT), ==,
                   REDLINE_SEVERITY_INFO);
  g_assert_true (redline_rule_applies_to_kind (rule, REDLINE_CONTENT_KIND_MOMENTS_AD));
  g_assert_false (redline_rule_applies_to_kind (rule, REDLINE_CONTENT_KIND_CHANNELS));
  g_assert_true (redline_rule_get_pack (rule) == pack);
  /* Its example, as the rules window shows it: text without the marker. */
  {
    gboolean correct = TRUE;

    g_assert_cmpuint (redline_rule_get_n_examples (rule), ==, 1);
    g_assert_cmpstr (redline_rule_get_example (rule, 0, &correct), ==, "采用最佳豆");
    g_assert_false (correct);
  }

  /* A political topic is not reported on WeChat. */
  rule = redline_rule_pack_get_rule (pack, 1);
  g_assert_cmpint (redline_rule_get_severity (rule, REDLINE_ECOSYSTEM_WECHAT), ==,
                   REDLINE_SEVERITY_OFF);
}

typedef struct
{
  const char *name;
  const char *body;           /* between PACK_HEAD and PACK_TAIL, or a whole document */
  gboolean    whole;
  int         code;
  const char *location;       /* the message starts with it */
  const char *mentions;       /* and mentions this */
} BadPack;

static const BadPack bad_packs[] = {
  { "malformed", "  <rule id=\"a\"\n", FALSE, REDLINE_RULES_ERROR_PARSE, "test.xml:5:", NULL },
  { "schema", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
              "    <terms><term id=\"x\">最佳</term></terms>\n"
              "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:5:", "terms" },
  { "bad-severity", "  <rule id=\"t.a\" category=\"absolute-term\" weixin=\"fatal\">\n"
                    "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                    "    <example type=\"correct\">x</example>\n"
                    "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:4:", NULL },
  { "duplicate-rule", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                      "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                      "    <example type=\"correct\">x</example>\n"
                      "  </rule>\n"
                      "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                      "    <message>m</message><terms><term id=\"x\">最好</term></terms>\n"
                      "    <example type=\"correct\">x</example>\n"
                      "  </rule>\n", FALSE, REDLINE_RULES_ERROR_DUPLICATE_ID, "test.xml:8:9:",
    "t.a" },
  { "duplicate-term", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                      "    <message>m</message>\n"
                      "    <terms><term id=\"x\">最佳</term><term id=\"x\">最好</term></terms>\n"
                      "    <example type=\"correct\">x</example>\n"
                      "  </rule>\n", FALSE, REDLINE_RULES_ERROR_DUPLICATE_ID, "test.xml:6:", "x" },
  { "unknown-category", "  <rule id=\"t.a\" category=\"astrology\">\n"
                        "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                        "    <example type=\"correct\">x</example>\n"
                        "  </rule>\n", FALSE, REDLINE_RULES_ERROR_UNKNOWN_CATEGORY,
    "test.xml:4:18:", "astrology" },
  { "bad-regex", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                 "    <message>m</message>\n"
                 "    <pattern id=\"p\">(unclosed</pattern>\n"
                 "    <example type=\"correct\">x</example>\n"
                 "  </rule>\n", FALSE, REDLINE_RULES_ERROR_REGEX, "test.xml:6:5:", "(unclosed" },
  { "empty-regex", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                   "    <message>m</message>\n"
                   "    <pattern id=\"p\">a*</pattern>\n"
                   "    <example type=\"correct\">x</example>\n"
                   "  </rule>\n", FALSE, REDLINE_RULES_ERROR_REGEX, "test.xml:6:", NULL },
  { "empty-term", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                  "    <message>m</message><terms><term id=\"x\"> \u200b </term></terms>\n"
                  "    <example type=\"correct\">x</example>\n"
                  "  </rule>\n", FALSE, REDLINE_RULES_ERROR_INVALID, "test.xml:5:", NULL },
  { "topic-elsewhere", "  <rule id=\"t.a\" category=\"absolute-term\" topic=\"drugs\">\n"
                       "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                       "    <example type=\"correct\">x</example>\n"
                       "  </rule>\n", FALSE, REDLINE_RULES_ERROR_INVALID, "test.xml:4:", NULL },
  { "no-marker", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                 "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                 "    <example type=\"incorrect\">最佳</example>\n"
                 "  </rule>\n", FALSE, REDLINE_RULES_ERROR_INVALID, "test.xml:6:5:", NULL },
  { "off-everywhere", "  <rule id=\"t.a\" category=\"absolute-term\" weixin=\"off\" wechat=\"off\">\n"
                      "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                      "    <example type=\"correct\">x</example>\n"
                      "  </rule>\n", FALSE, REDLINE_RULES_ERROR_INVALID, "test.xml:4:", NULL },
  { "doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE rulepack SYSTEM \"http://example.com/x.dtd\">\n"
               "<rulepack/>\n", TRUE, REDLINE_RULES_ERROR_FORBIDDEN, "test.xml:2:", "DOCTYPE" },
  { "empty", "", TRUE, REDLINE_RULES_ERROR_PARSE, "test.xml:1:1:", NULL },
  { "latin1", "<?xml version=\"1.0\"?>\n<rulepack>\xe9</rulepack>\n", TRUE,
    REDLINE_RULES_ERROR_READ, NULL, "test.xml:2:11:" },
  /* What goes with which type of rule. */
  { "terms-with-require", "  <rule id=\"t.a\" category=\"absolute-term\">\n"
                          "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                          "    <require>风险</require>\n"
                          "    <example type=\"correct\">x</example>\n"
                          "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:6:5:",
    "require" },
  { "terms-with-limit", "  <rule id=\"t.a\" type=\"terms\" category=\"length\">\n"
                        "    <message>m</message>\n"
                        "    <limit kind=\"article\" field=\"title\" max=\"64\"/>\n"
                        "    <example type=\"correct\">x</example>\n"
                        "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:6:5:",
    "limit" },
  { "requires-without-require", "  <rule id=\"t.a\" type=\"requires\" category=\"disclaimer\">\n"
                                "    <message>m</message><terms><term id=\"x\">理财</term></terms>\n"
                                "    <example type=\"correct\">x</example>\n"
                                "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:4:3:",
    "require" },
  { "requires-with-domains", "  <rule id=\"t.a\" type=\"requires\" category=\"disclaimer\">\n"
                             "    <message>m</message>\n"
                             "    <allow-domain>example.com</allow-domain>\n"
                             "    <example type=\"correct\">x</example>\n"
                             "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:6:5:",
    "allow-domain" },
  { "links-with-terms", "  <rule id=\"t.a\" type=\"links\" category=\"link\">\n"
                        "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
                        "    <example type=\"correct\">x</example>\n"
                        "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:5:25:",
    "terms" },
  { "length-without-limit", "  <rule id=\"t.a\" type=\"length\" category=\"length\">\n"
                            "    <message>m</message>\n"
                            "    <example type=\"correct\">x</example>\n"
                            "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:4:3:",
    "limit" },
  { "limit-unknown-profile", "  <rule id=\"t.a\" type=\"length\" category=\"length\">\n"
                             "    <message>m</message>\n"
                             "    <limit kind=\"article\" field=\"title\" max=\"64\" profile=\"app\"/>\n"
                             "    <example type=\"correct\">x</example>\n"
                             "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:6:5:",
    "profile" },
  { "limit-twice-in-profile", "  <rule id=\"t.a\" type=\"length\" category=\"length\">\n"
                              "    <message>m</message>\n"
                              "    <limit kind=\"article\" field=\"title\" max=\"64\" profile=\"api\"/>\n"
                              "    <limit kind=\"article\" field=\"title\" max=\"32\"/>\n"
                              "    <limit kind=\"article\" field=\"title\" max=\"30\" profile=\"api\"/>\n"
                              "    <example type=\"correct\">x</example>\n"
                              "  </rule>\n", FALSE, REDLINE_RULES_ERROR_DUPLICATE_ID, "test.xml:8:5:",
    "in the profile “api”" },
  { "length-with-patterns", "  <rule id=\"t.a\" type=\"length\" category=\"length\">\n"
                            "    <message>m</message>\n"
                            "    <pattern id=\"p\">a+</pattern>\n"
                            "    <example type=\"correct\">x</example>\n"
                            "  </rule>\n", FALSE, REDLINE_RULES_ERROR_SCHEMA, "test.xml:6:5:",
    "pattern" },
};

static void
test_bad (gconstpointer data)
{
  const BadPack *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  g_autofree char *xml = NULL;

  xml = bad->whole ? g_strdup (bad->body) : g_strconcat (PACK_HEAD, bad->body, PACK_TAIL, NULL);
  pack = load_string (xml, &error);
  g_assert_null (pack);
  g_assert_error (error, REDLINE_RULES_ERROR, bad->code);
  g_test_message ("%s", error->message);
  if (bad->location != NULL)
    g_assert_true (g_str_has_prefix (error->message, bad->location));
  if (bad->mentions != NULL)
    g_assert_nonnull (strstr (error->message, bad->mentions));
}

static void
test_hostile_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  pack = redline_rule_pack_new_from_file (file, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_null (pack);
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_FORBIDDEN);
  g_test_message ("%s (%" G_GINT64_FORMAT " µs)", error->message, elapsed);
  /* The error names the file and the line of the declaration. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, ":2:"));
  /* Nothing of the entities' content leaks into the message. */
  g_assert_null (strstr (error->message, "root:"));
  g_assert_null (strstr (error->message, "lollol"));
  /* Refused before anything is expanded: far below a second even on a
   * loaded machine (an expanded bomb is gigabytes). */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/pack.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = redline_rule_pack_new_from_file (file, &error);

  g_assert_null (pack);
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/pack.xml: "));
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
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  g_autoptr(RedlineRuleSet) set = NULL;
  guint counts[2] = { 0, 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, >, 0);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redline_rule_set_test_examples (set, on_count_example_cb, counts));
  /* Every rule has at least one example, and every one of them ran. */
  g_assert_cmpuint (redline_rule_set_get_n_rules (set), >, 0);
  g_assert_cmpuint (counts[0], >=, redline_rule_set_get_n_rules (set));
  g_assert_cmpuint (counts[1], ==, 0);
}

/* redline_rule_pack_load_builtin() does not validate the packs Redline is
 * built with against the schema, to start fast: this test does, for every
 * one of them, the way a pack from a file is loaded. */
static void
test_builtin_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  g_auto(GStrv) names = g_resources_enumerate_children ("/org/redline/core/rules/builtin",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  guint n_validated = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/org/redline/core/rules/builtin/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RedlineRulePack) pack = NULL;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      pack = redline_rule_pack_new_from_bytes (bytes, names[i], &error);
      g_assert_no_error (error);
      n_validated++;
    }
  g_assert_cmpuint (n_validated, ==, packs->len);
}

/* Only the built-in packs skip the schema, whatever another pack is named. */
static void
test_builtin_name_validated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  const char *xml = PACK_HEAD
    "  <rule id=\"t.a\" category=\"absolute-term\">\n"
    "    <message>m</message>\n"
    "  </rule>\n" PACK_TAIL;

  bytes = g_bytes_new_static (xml, strlen (xml));
  pack = redline_rule_pack_new_from_bytes (bytes, "builtin:absolute-terms.xml", &error);
  g_assert_null (pack);
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA);
}

static void
test_duplicate_across_packs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineRuleSet) set = NULL;
  const char *xml = PACK_HEAD
    "  <rule id=\"t.a\" category=\"absolute-term\">\n"
    "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
    "    <example type=\"correct\">x</example>\n"
    "  </rule>\n" PACK_TAIL;

  g_ptr_array_add (packs, load_string (xml, &error));
  g_assert_no_error (error);
  g_ptr_array_add (packs, load_string (xml, &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_null (set);
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID);
}

/* Without a place for the error, a refused pack is still just refused. */
static void
test_bad_without_error (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_packs); i++)
    {
      const BadPack *bad = &bad_packs[i];
      g_autofree char *xml = NULL;

      xml = bad->whole ? g_strdup (bad->body)
                       : g_strconcat (PACK_HEAD, bad->body, PACK_TAIL, NULL);
      g_test_message ("%s", bad->name);
      g_assert_null (load_string (xml, NULL));
    }
}

/* A pack that is too large for a rule pack is refused with a message that
 * says so, and an endless device is not read past the limit. */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-rule-pack-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char *paths[2];

  g_assert_no_error (error);
  path = g_build_filename (dir, "large.xml", NULL);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  /* A sparse file: its size is known before anything is read. */
  g_assert_no_errno (truncate (path, 17 * 1024 * 1024));
  paths[0] = path;
  paths[1] = "/dev/zero";

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(RedlineRulePack) pack = NULL;
      g_autofree char *prefix = g_strconcat (paths[i], ": ", NULL);

      pack = redline_rule_pack_new_from_file (file, &error);
      g_assert_null (pack);
      g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_READ);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, "too large"));
      g_clear_error (&error);
    }

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A pack refused in the middle of a rule (here at its second term) frees
 * the rule it was building; the pack must keep no pointer into it (run
 * under valgrind, a weak pointer left behind shows as a write into freed
 * memory when the pack goes). A rule kept after its pack no longer names
 * it. */
static void
test_refused_mid_rule (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  RedlineRule *rule;

  pack = load_string (PACK_HEAD
    "  <rule id=\"t.a\" category=\"absolute-term\">\n"
    "    <message>m</message>\n"
    "    <terms><term id=\"x\">最佳</term><term id=\"x\">最好</term></terms>\n"
    "    <example type=\"correct\">x</example>\n"
    "  </rule>\n" PACK_TAIL, &error);
  g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_DUPLICATE_ID);
  g_assert_null (pack);
  g_clear_error (&error);

  /* A rule that outlives its pack no longer names it. */
  pack = load_string (PACK_HEAD
    "  <rule id=\"t.a\" category=\"absolute-term\">\n"
    "    <message>m</message><terms><term id=\"x\">最佳</term></terms>\n"
    "    <example type=\"incorrect\"><marker>最佳</marker></example>\n"
    "  </rule>\n" PACK_TAIL, &error);
  g_assert_no_error (error);
  rule = g_object_ref (redline_rule_pack_get_rule (pack, 0));
  g_assert_true (redline_rule_get_pack (rule) == pack);
  g_clear_object (&pack);
  g_assert_null (redline_rule_get_pack (rule));
  g_object_unref (rule);
}

/* Generated packs: many terms in one rule, and many rules of every type.
 * bench-rule-pack times the same at full size. */
static GBytes *
generate_pack (guint n_terms,
               guint n_rules)
{
  GString *xml = g_string_new (PACK_HEAD);

  g_string_append (xml, "  <rule id=\"t.many-terms\" category=\"absolute-term\">\n"
                        "    <message>m</message>\n    <terms>\n");
  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (xml, "<term id=\"t%u\">q%ux</term>\n", i, i);
  g_string_append (xml, "    </terms>\n"
                        "    <example type=\"incorrect\">a <marker>q7x</marker> b</example>\n"
                        "    <example type=\"correct\">q7</example>\n"
                        "  </rule>\n");
  for (guint i = 0; i < n_rules; i++)
    {
      switch (i % 4)
        {
        case 0:
          g_string_append_printf (xml,
            "<rule id=\"t.r%u\" category=\"absolute-term\"><message>m</message>"
            "<terms><term id=\"t\">w%uw</term></terms>"
            "<example type=\"incorrect\"><marker>w%uw</marker></example></rule>\n", i, i, i);
          break;
        case 1:
          g_string_append_printf (xml,
            "<rule id=\"t.r%u\" type=\"requires\" category=\"disclaimer\"><message>m</message>"
            "<terms><term id=\"t\">w%uw</term></terms><require>r%ur</require>"
            "<example type=\"incorrect\">w%uw</example>"
            "<example type=\"correct\">w%uw r%ur</example></rule>\n", i, i, i, i, i, i);
          break;
        case 2:
          g_string_append_printf (xml,
            "<rule id=\"t.r%u\" type=\"links\" category=\"link\"><message>m</message>"
            "<allow-domain>d%u.example.com</allow-domain>"
            "<example type=\"correct\">see d%u.example.com</example></rule>\n", i, i, i);
          break;
        default:
          g_string_append_printf (xml,
            "<rule id=\"t.r%u\" type=\"length\" category=\"length\"><message>m</message>"
            "<limit kind=\"group-message\" field=\"title\" max=\"%u\"/>"
            "<example type=\"correct\">x</example></rule>\n", i, 1000 + i);
          break;
        }
    }
  g_string_append (xml, PACK_TAIL);
  return g_string_free_to_bytes (xml);
}

static void
test_generated (void)
{
  const guint n_terms = 20000;
  const guint n_rules = 4000;
  g_autoptr(GBytes) bytes = generate_pack (n_terms, n_rules);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[2] = { 0, 0 };

  pack = redline_rule_pack_new_from_bytes (bytes, "generated.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_rule_pack_get_n_rules (pack), ==, n_rules + 1);
  g_assert_cmpuint (redline_rule_get_n_terms (redline_rule_pack_get_rule (pack, 0)), ==,
                    n_terms);
  g_assert_cmpuint (redline_rule_pack_get_n_terms (pack), ==, n_terms + n_rules / 2);
  g_assert_cmpint (redline_rule_get_rule_type (redline_rule_pack_get_rule (pack, 2)), ==,
                   REDLINE_RULE_TYPE_REQUIRES);
  g_assert_cmpint (redline_rule_get_rule_type (redline_rule_pack_get_rule (pack, 3)), ==,
                   REDLINE_RULE_TYPE_LINKS);
  g_assert_cmpint (redline_rule_get_rule_type (redline_rule_pack_get_rule (pack, 4)), ==,
                   REDLINE_RULE_TYPE_LENGTH);

  g_ptr_array_add (packs, g_object_ref (pack));
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redline_rule_set_test_examples (set, on_count_example_cb, counts));
  /* Two examples of the first rule, and those of every generated rule. */
  g_assert_cmpuint (counts[0], ==, 2 + n_rules / 4 * 5);
  g_assert_cmpuint (counts[1], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/rule-pack/valid", test_valid);
  for (guint i = 0; i < G_N_ELEMENTS (bad_packs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/redline/rule-pack/bad/%s", bad_packs[i].name);

      g_test_add_data_func (path, &bad_packs[i], test_bad);
    }
  g_test_add_data_func ("/redline/rule-pack/hostile/xxe", "xxe.xml", test_hostile_file);
  g_test_add_data_func ("/redline/rule-pack/hostile/entity-bomb", "bomb.xml", test_hostile_file);
  g_test_add_func ("/redline/rule-pack/missing-file", test_missing_file);
  g_test_add_func ("/redline/rule-pack/builtin", test_builtin);
  g_test_add_func ("/redline/rule-pack/builtin-schema", test_builtin_schema);
  g_test_add_func ("/redline/rule-pack/builtin-name-validated", test_builtin_name_validated);
  g_test_add_func ("/redline/rule-pack/duplicate-across-packs", test_duplicate_across_packs);
  g_test_add_func ("/redline/rule-pack/bad-without-error", test_bad_without_error);
  g_test_add_func ("/redline/rule-pack/too-large", test_too_large);
  g_test_add_func ("/redline/rule-pack/refused-mid-rule", test_refused_mid_rule);
  g_test_add_func ("/redline/rule-pack/generated", test_generated);

  return g_test_run ();
}
