/* bench-rule-pack.c: loading, compiling and testing large rule packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two generated packs just under the 16 MiB cap: one rule with 400,000
 * terms, and 100,000 rules of one term each. For each, the time to load
 * the pack (parse, validate, build the rules), to compile it into a rule
 * set, and to run every example as `redline-check --test-rules` does; and
 * the same for a quarter of the pack, to show how the times grow. Prints
 * figures; asserts nothing about speed (a busy machine would make such a
 * test flaky).
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"

#define PACK_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                  "<rulepack id=\"bench.pack\" version=\"1.0\">\n" \
                  "  <title>Bench</title>\n"
#define PACK_TAIL "</rulepack>\n"

/* One rule with @n terms. */
static GBytes *
make_terms_pack (guint n)
{
  GString *xml = g_string_new (PACK_HEAD);

  g_string_append (xml, "  <rule id=\"bench.terms\" category=\"absolute-term\">\n"
                        "    <message>m</message>\n    <terms>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<term id=\"%x\">q%xx</term>\n", i, i);
  g_string_append (xml, "    </terms>\n"
                        "    <example type=\"incorrect\">a <marker>q7x</marker> b</example>\n"
                        "    <example type=\"correct\">nothing</example>\n"
                        "  </rule>\n" PACK_TAIL);
  return g_string_free_to_bytes (xml);
}

/* @n rules of one term and one example each. */
static GBytes *
make_rules_pack (guint n)
{
  GString *xml = g_string_new (PACK_HEAD);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
                            "<rule id=\"r%x\" category=\"platform\"><message>m</message>"
                            "<terms><term id=\"t\">q%x</term></terms><example type=\"incorrect\">"
                            "<marker>q%x</marker></example></rule>\n", i, i, i);
  g_string_append (xml, PACK_TAIL);
  return g_string_free_to_bytes (xml);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
bench_pack (const char *what,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  double load_s, compile_s, examples_s;
  gboolean passed;
  gint64 start;

  start = g_get_monotonic_time ();
  pack = redline_rule_pack_new_from_bytes (bytes, what, &error);
  load_s = seconds_since (start);
  g_assert_no_error (error);

  g_ptr_array_add (packs, g_object_ref (pack));
  start = g_get_monotonic_time ();
  set = redline_rule_set_new (packs, NULL, &error);
  compile_s = seconds_since (start);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  passed = redline_rule_set_test_examples (set, NULL, NULL);
  examples_s = seconds_since (start);
  g_assert_true (passed);

  g_print ("%-28s %5.1f MB, %6u rules, %6u terms: load %7.2f s, compile %6.2f s, "
           "examples %7.2f s\n", what, g_bytes_get_size (bytes) / 1e6,
           redline_rule_pack_get_n_rules (pack), redline_rule_pack_get_n_terms (pack),
           load_s, compile_s, examples_s);
}

int
main (int   argc,
      char *argv[])
{
  const guint n_terms = 400000;
  const guint n_rules = 100000;
  const guint fractions[] = { 4, 1 };

  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      guint n_t = n_terms / fractions[f];
      guint n_r = n_rules / fractions[f];
      g_autoptr(GBytes) terms = make_terms_pack (n_t);
      g_autoptr(GBytes) rules = make_rules_pack (n_r);
      g_autofree char *terms_name = g_strdup_printf ("%u terms in one rule", n_t);
      g_autofree char *rules_name = g_strdup_printf ("%u rules", n_r);

      /* The full-size packs are what the cap must admit. */
      g_assert_cmpuint (g_bytes_get_size (terms), <=, 16 * 1024 * 1024);
      g_assert_cmpuint (g_bytes_get_size (rules), <=, 16 * 1024 * 1024);
      bench_pack (terms_name, terms);
      bench_pack (rules_name, rules);
    }
  return 0;
}
