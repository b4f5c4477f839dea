/* fuzz-rule-pack.c: the rule-pack loader on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack either loads or is refused with an error in REDLINE_RULES_ERROR; a
 * pack that loads compiles into a rule set (or is refused as such) and runs
 * its own examples.
 */

#include "config.h"

#include "redline-core.h"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_quiet_logs ();
  return 0;
}

static void
on_example_cb (RedlineRule *rule,
               guint        line,
               gboolean     passed,
               const char  *detail,
               gpointer     user_data)
{
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineRulePack) pack = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) rule_set = NULL;

  if (size > 1 << 20)
    return 0;

  bytes = g_bytes_new (data, size);
  pack = redline_rule_pack_new_from_bytes (bytes, "fuzz.xml", &error);
  if (pack == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == REDLINE_RULES_ERROR);
      return 0;
    }

  packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (packs, g_object_ref (pack));
  rule_set = redline_rule_set_new (packs, NULL, &error);
  if (rule_set == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  redline_rule_set_test_examples (rule_set, on_example_cb, NULL);
  {
    g_autoptr(GListModel) findings =
      redline_rule_set_check_text (rule_set, "本店最佳咖啡 best coffee https://example.com",
                                   REDLINE_ECOSYSTEM_WEIXIN, REDLINE_CONTENT_KIND_ARTICLE);

    g_assert_nonnull (findings);
  }
  return 0;
}
