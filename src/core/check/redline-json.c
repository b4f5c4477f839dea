/* redline-json.c: findings in the JSON form of the command-line contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-json"

#include "config.h"

#include "redline-finding.h"
#include "redline-json.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * redline_json_add_finding:
 * @builder: a #JsonBuilder where a value is expected
 * @finding: a finding
 *
 * Adds @finding as an object of the "findings" array of doc/cli.md.
 */
void
redline_json_add_finding (JsonBuilder    *builder,
                          RedlineFinding *finding)
{
  const char * const *suggestions = redline_finding_get_suggestions (finding);
  RedlineEcosystem ecosystem = redline_finding_get_ecosystem (finding);

  json_builder_begin_object (builder);
  add_string (builder, "rule", redline_finding_get_rule_id (finding));
  add_string (builder, "term", redline_finding_get_term_id (finding));
  add_string (builder, "category", redline_finding_get_category (finding));
  add_string (builder, "severity",
              redline_severity_to_string (redline_finding_get_severity (finding)));
  add_string (builder, "field", redline_field_to_string (redline_finding_get_field (finding)));
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_DOCUMENT)
    add_string (builder, "scope", "document");
  add_int (builder, "start", redline_finding_get_start (finding));
  add_int (builder, "end", redline_finding_get_end (finding));
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
    {
      add_int (builder, "line", redline_finding_get_line (finding));
      add_int (builder, "column", redline_finding_get_column (finding));
    }
  add_string (builder, "text", redline_finding_get_text (finding));
  add_string (builder, "message", redline_finding_get_message (finding));
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; suggestions[i] != NULL; i++)
    json_builder_add_string_value (builder, suggestions[i]);
  json_builder_end_array (builder);
  add_string (builder, "reference", redline_finding_get_reference (finding));
  add_string (builder, "url", redline_finding_get_url (finding));
  add_string (builder, "missing", redline_finding_get_missing (finding));
  add_string (builder, "trigger", redline_finding_get_trigger (finding));
  add_string (builder, "pack", redline_finding_get_pack_id (finding));
  add_string (builder, "pack_version", redline_finding_get_pack_version (finding));
  if (redline_finding_get_outside_purpose (finding))
    {
      /* The rule binds other purposes of copy: a note only. */
      json_builder_set_member_name (builder, "outside_purpose");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (redline_finding_get_outside_context (finding))
    {
      /* Copy of unknown purpose, and the hit reads as prose: a note only. */
      json_builder_set_member_name (builder, "outside_context");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (redline_finding_get_waived (finding))
    {
      /* A reviewer's waiver, from a project: the finding no longer fails
       * the check. */
      json_builder_set_member_name (builder, "waived");
      json_builder_begin_object (builder);
      add_string (builder, "by", redline_finding_get_waived_by (finding));
      add_string (builder, "at", redline_finding_get_waived_at (finding));
      add_string (builder, "justification", redline_finding_get_waiver_justification (finding));
      json_builder_end_object (builder);
    }

  /* What the other ecosystem says of the same rule, so nobody mistakes a
   * WeChat pass for a Weixin pass or the other way round. */
  json_builder_set_member_name (builder, "other");
  json_builder_begin_object (builder);
  add_string (builder, "ecosystem", redline_ecosystem_to_string (redline_ecosystem_other (ecosystem)));
  add_string (builder, "severity",
              redline_severity_to_string (redline_finding_get_other_severity (finding)));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * redline_json_add_result:
 * @builder: a #JsonBuilder where a value is expected
 * @file: the file name, or `PROJECT#post-ID`
 * @ecosystem: the ecosystem checked
 * @kind: the content kind checked
 * @purpose: the purpose checked for (a paid placement's is advertising)
 * @findings: (element-type RedlineFinding): the findings
 *
 * Adds one object of the "results" array of doc/cli.md.
 */
void
redline_json_add_result (JsonBuilder        *builder,
                         const char         *file,
                         RedlineEcosystem    ecosystem,
                         RedlineContentKind  kind,
                         RedlinePurpose      purpose,
                         GListModel         *findings)
{
  json_builder_begin_object (builder);
  add_string (builder, "file", file);
  add_string (builder, "ecosystem", redline_ecosystem_to_string (ecosystem));
  add_string (builder, "kind", redline_content_kind_to_string (kind));
  add_string (builder, "purpose",
              redline_purpose_to_string (redline_content_kind_purpose (kind, purpose)));
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      redline_json_add_finding (builder, finding);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * redline_json_finding_to_string:
 * @finding: a finding
 *
 * Writes @finding as redline_json_add_finding() and a pretty #JsonGenerator
 * would, for writing a document one finding at a time. Its strings hold no
 * raw line feeds, so the lines can be indented to their depth.
 *
 * Returns: (transfer full): the object as JSON text, without a final line feed
 */
char *
redline_json_finding_to_string (RedlineFinding *finding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  redline_json_add_finding (builder, finding);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * redline_json_string:
 * @value: UTF-8 text
 *
 * Returns: (transfer full): @value as a JSON string, quoted and escaped as
 *   #JsonGenerator writes it
 */
char *
redline_json_string (const char *value)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
