/* fuzz-check.c: the normaliser and checker on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the ecosystem (its lowest bit), the content kind and
 * the purpose (from the others); the rest is split
 * into the document's fields at ASCII record separators (0x1E). Input that is
 * not text is refused by redline_text_validate() exactly as the CLI refuses
 * it; everything else is checked with the built-in packs, and every finding
 * must point at the characters it quotes.
 */

#include "config.h"

#include <string.h>

#include "redline-core.h"
#include "fuzz-common.h"

static RedlineRuleSet *rule_set;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_quiet_logs ();
  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  return 0;
}

static void
assert_finding_quotes_its_text (RedlineFinding *finding,
                                const char     *field)
{
  gsize start = redline_finding_get_start (finding);
  gsize end = redline_finding_get_end (finding);
  glong n_chars = g_utf8_strlen (field, -1);
  const char *begin, *stop;
  g_autofree char *quoted = NULL;

  g_assert_nonnull (redline_finding_get_message (finding));
  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, (gsize) n_chars);
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_DOCUMENT)
    return;

  begin = g_utf8_offset_to_pointer (field, start);
  stop = g_utf8_offset_to_pointer (field, end);
  /* A length limit's excess over 200 code points is quoted by its first
   * 200 and an ellipsis. */
  if (g_strcmp0 (redline_finding_get_category (finding), "length") == 0 &&
      end - start > 200)
    {
      g_autofree char *head = g_strndup (begin, g_utf8_offset_to_pointer (begin, 200) - begin);

      quoted = g_strconcat (head, "…", NULL);
    }
  else
    quoted = g_strndup (begin, stop - begin);
  g_assert_cmpstr (redline_finding_get_text (finding), ==, quoted);

  /* Line and column, counted the slow way. */
  {
    guint line = 1, column = 1;

    for (const char *q = field; q < begin; q = g_utf8_next_char (q))
      {
        if (*q == '\n')
          {
            line++;
            column = 0;
          }
        column++;
      }
    g_assert_cmpuint (redline_finding_get_line (finding), ==, line);
    g_assert_cmpuint (redline_finding_get_column (finding), ==, column);
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *copy = NULL;
  RedlineDocument document = { { NULL } };
  RedlineEcosystem ecosystem;
  RedlineContentKind kind;
  char *p;
  guint n_fields = 0;

  if (size < 1 || size > 1 << 20)
    return 0;

  ecosystem = data[0] & 1 ? REDLINE_ECOSYSTEM_WECHAT : REDLINE_ECOSYSTEM_WEIXIN;
  kind = (data[0] >> 1) % REDLINE_N_CONTENT_KINDS;
  document.purpose = (data[0] >> 4) % REDLINE_N_PURPOSES;

  /* The validator must refuse NUL bytes and bad UTF-8 on its own. */
  if (!redline_text_validate ((const char *) data + 1, size - 1, "fuzz", NULL))
    return 0;

  copy = g_strndup ((const char *) data + 1, size - 1);
  p = copy;
  while (n_fields < REDLINE_N_FIELDS)
    {
      char *sep = strchr (p, 0x1E);

      document.fields[n_fields++] = p;
      if (sep == NULL)
        break;
      *sep = '\0';
      p = sep + 1;
    }

  {
    g_autoptr(GListModel) findings = redline_rule_set_check (rule_set, &document, ecosystem, kind);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);
        RedlineField field = redline_finding_get_field (finding);

        g_assert_cmpint (field, <, REDLINE_N_FIELDS);
        g_assert_nonnull (document.fields[field]);
        assert_finding_quotes_its_text (finding, document.fields[field]);
        /* A rule outside the copy's purpose gives notes, never duties. */
        if (redline_finding_get_outside_purpose (finding))
          {
            g_assert_cmpint (redline_finding_get_severity (finding), <=, REDLINE_SEVERITY_INFO);
            g_assert_cmpint (redline_finding_get_scope (finding), ==, REDLINE_SCOPE_SPAN);
            g_assert_cmpint (document.purpose, !=, REDLINE_PURPOSE_ADVERTISING);
          }
      }
  }

  return 0;
}
