/* redline-report.c: what a review report says, and writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is the record a legal reviewer files: a summary first (posts by
 * status and findings by category and severity, per ecosystem), then every
 * post with its copy, its findings marked in it, its decisions, waivers and
 * comments, and the rule-pack versions in force; whether the audit trail
 * is intact is said at the top. The same data is written as HTML, CSV or
 * PDF; the file is replaced only once the report is whole.
 */

#define G_LOG_DOMAIN "redline-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <json-glib/json-glib.h>

#include "redline-report-private.h"

static void
report_post_free (RedlineReportPost *post)
{
  g_clear_object (&post->post);
  g_clear_object (&post->campaign);
  g_clear_pointer (&post->findings, g_ptr_array_unref);
  g_clear_pointer (&post->reviews, g_ptr_array_unref);
  g_clear_pointer (&post->waivers, g_ptr_array_unref);
  g_clear_pointer (&post->comments, g_ptr_array_unref);
  g_free (post);
}

static void
category_counts_free (RedlineCategoryCounts *counts)
{
  g_free (counts->category);
  g_free (counts);
}

void
_redline_report_data_free (RedlineReportData *data)
{
  g_free (data->project_name);
  g_free (data->file_name);
  g_free (data->scope);
  g_free (data->generated_at);
  g_free (data->generated_by);
  g_free (data->pack_versions);
  g_free (data->audit_problem);
  g_clear_pointer (&data->posts, g_ptr_array_unref);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    g_clear_pointer (&data->categories[e], g_ptr_array_unref);
  g_free (data);
}

void
_redline_report_span_bytes (const char *text,
                            gsize       start,
                            gsize       end,
                            gsize      *byte_start,
                            gsize      *byte_end)
{
  const char *p = text;
  gsize offset = 0;

  /* Walked, not indexed: offsets from a finding past the text stop at its
   * end. */
  while (*p != '\0' && offset < start)
    {
      p = g_utf8_next_char (p);
      offset++;
    }
  *byte_start = p - text;
  while (*p != '\0' && offset < end)
    {
      p = g_utf8_next_char (p);
      offset++;
    }
  *byte_end = p - text;
}

char *
_redline_report_describe_versions (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  JsonNode *root;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (json != NULL ? json : "");
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &value))
    g_string_append_printf (out, "%s%s %s", out->len > 0 ? ", " : "", name,
                            JSON_NODE_HOLDS_VALUE (value) &&
                            json_node_get_value_type (value) == G_TYPE_STRING
                            ? json_node_get_string (value) : "?");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
_redline_report_mark_copy (const char            *text,
                           RedlineField           field,
                           GPtrArray             *findings,
                           RedlineReportMarkFunc  func,
                           gpointer               user_data)
{
  gsize done = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (findings, i);
      gsize from, to;

      if (redline_finding_get_field (finding) != field ||
          redline_finding_get_scope (finding) != REDLINE_SCOPE_SPAN)
        continue;
      _redline_report_span_bytes (text, redline_finding_get_start (finding),
                                  redline_finding_get_end (finding), &from, &to);
      /* One mark at a place: an overlapping finding is in the list only. */
      if (from < done || to <= from)
        continue;
      if (from > done)
        func (text + done, from - done, NULL, user_data);
      func (text + from, to - from, finding, user_data);
      done = to;
    }
  func (text + done, strlen (text + done), NULL, user_data);
}

static int
compare_posts (gconstpointer a,
               gconstpointer b)
{
  const RedlineReportPost *pa = *(RedlineReportPost **) a;
  const RedlineReportPost *pb = *(RedlineReportPost **) b;
  int cmp;

  if (pa->ecosystem != pb->ecosystem)
    return pa->ecosystem < pb->ecosystem ? -1 : 1;
  cmp = g_utf8_collate (redline_campaign_get_name (pa->campaign),
                        redline_campaign_get_name (pb->campaign));
  if (cmp != 0)
    return cmp;
  return redline_post_get_id (pa->post) < redline_post_get_id (pb->post) ? -1 : 1;
}

static RedlineCategoryCounts *
find_category (GPtrArray  *categories,
               const char *category)
{
  RedlineCategoryCounts *counts;

  for (guint i = 0; i < categories->len; i++)
    {
      counts = g_ptr_array_index (categories, i);
      if (g_str_equal (counts->category, category))
        return counts;
    }
  counts = g_new0 (RedlineCategoryCounts, 1);
  counts->category = g_strdup (category);
  g_ptr_array_add (categories, counts);
  return counts;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(RedlineCategoryCounts **) a)->category,
                 (*(RedlineCategoryCounts **) b)->category);
}

static char *
describe_packs (RedlineRuleSet *rule_set)
{
  g_autoptr(GString) packs = g_string_new (NULL);

  for (guint i = 0; i < redline_rule_set_get_n_packs (rule_set); i++)
    {
      RedlineRulePack *pack = redline_rule_set_get_pack (rule_set, i);

      g_string_append_printf (packs, "%s%s %s", i > 0 ? ", " : "",
                              redline_rule_pack_get_id (pack), redline_rule_pack_get_version (pack));
    }
  return g_string_free (g_steal_pointer (&packs), FALSE);
}

static RedlineReportData *
gather (RedlineProject  *project,
        RedlineRuleSet  *rule_set,
        gint64           campaign_id,
        GError         **error)
{
  g_autoptr(RedlineReportData) data = g_new0 (RedlineReportData, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) audit_error = NULL;
  GListModel *posts = redline_project_get_posts (project);
  RedlineCampaign *scope_campaign = NULL;

  if (campaign_id != 0)
    {
      scope_campaign = redline_project_find_campaign (project, campaign_id);
      if (scope_campaign == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);

          g_set_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_PROJECT,
                       _("%s: there is no campaign %s to report on"),
                       g_file_peek_path (redline_project_get_file (project)), number);
          return NULL;
        }
    }

  data->project_name = g_strdup (redline_project_get_name (project));
  data->file_name = g_file_get_basename (redline_project_get_file (project));
  data->scope = g_strdup (scope_campaign != NULL ? redline_campaign_get_name (scope_campaign)
                                                 : _("All campaigns"));
  data->generated_at = g_date_time_format (now, "%Y-%m-%d %H:%M %Z");
  data->generated_by = g_strdup (redline_project_get_actor (project));
  data->pack_versions = describe_packs (rule_set);
  data->n_audit_entries = redline_project_count_audit_entries (project);
  if (!redline_project_verify_audit (project, &data->n_unsealed, &audit_error))
    data->audit_problem = g_strdup (audit_error->message);
  data->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) report_post_free);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    data->categories[e] =
      g_ptr_array_new_with_free_func ((GDestroyNotify) category_counts_free);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GListModel) findings = NULL;
      RedlineReportPost *item;
      RedlineCampaign *campaign;

      if (campaign_id != 0 && redline_post_get_campaign_id (post) != campaign_id)
        continue;
      campaign = redline_project_find_campaign (project, redline_post_get_campaign_id (post));
      if (campaign == NULL)
        continue;

      item = g_new0 (RedlineReportPost, 1);
      g_ptr_array_add (data->posts, item);
      item->post = g_object_ref (post);
      item->campaign = g_object_ref (campaign);
      item->ecosystem = redline_campaign_get_ecosystem (campaign);
      findings = redline_project_check_post (project, rule_set, post, item->ecosystem);
      item->findings = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          RedlineFinding *finding = g_list_model_get_item (findings, f);
          RedlineCategoryCounts *counts =
            find_category (data->categories[item->ecosystem],
                           redline_finding_get_category (finding));

          if (redline_finding_get_waived (finding))
            counts->waived++;
          else
            counts->counts[redline_finding_get_severity (finding)]++;
          g_ptr_array_add (item->findings, finding);
        }
      data->statuses[item->ecosystem].posts[redline_post_get_status (post)]++;

      if ((item->reviews = redline_project_list_reviews (project, post, error)) == NULL ||
          (item->waivers = redline_project_list_waivers (project, post, error)) == NULL ||
          (item->comments = redline_project_list_comments (project, post, error)) == NULL)
        return NULL;
    }
  g_ptr_array_sort (data->posts, compare_posts);
  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    g_ptr_array_sort (data->categories[e], compare_categories);
  return g_steal_pointer (&data);
}

/**
 * redline_report_write:
 * @project: a project
 * @rule_set: its rule set, from redline_project_create_rule_set()
 * @campaign_id: a campaign to report on, or 0 for the whole project
 * @format: the format
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes the review report of @project, or of one of its campaigns. Every
 * post is checked on its campaign's ecosystem with the project's waivers.
 * @file is replaced only when the report is complete.
 *
 * Returns: whether the report was written
 */
/* Exported by the module, for redline-check to check before it calls it. */
G_MODULE_EXPORT const char redline_report_module_stamp[] = REDLINE_REPORT_MODULE_STAMP;

gboolean
redline_report_write (RedlineProject       *project,
                      RedlineRuleSet       *rule_set,
                      gint64                campaign_id,
                      RedlineReportFormat   format,
                      GFile                *file,
                      GError              **error)
{
  g_autoptr(RedlineReportData) data = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean written;

  g_return_val_if_fail (REDLINE_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), FALSE);
  g_return_val_if_fail (format <= REDLINE_REPORT_FORMAT_PDF, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = gather (project, rule_set, campaign_id, error);
  if (data == NULL)
    return FALSE;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    {
      g_prefix_error (error, _("%s: cannot write the report: "), g_file_peek_path (file));
      return FALSE;
    }
  switch (format)
    {
    case REDLINE_REPORT_FORMAT_HTML:
      written = _redline_report_write_html (data, G_OUTPUT_STREAM (out), error);
      break;
    case REDLINE_REPORT_FORMAT_CSV:
      written = _redline_report_write_csv (data, G_OUTPUT_STREAM (out), error);
      break;
    case REDLINE_REPORT_FORMAT_PDF:
    default:
      written = _redline_report_write_pdf (data, G_OUTPUT_STREAM (out), error);
      break;
    }
  if (!written)
    {
      /* Cancelled, the file is left as it was. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      g_prefix_error (error, _("%s: cannot write the report: "), g_file_peek_path (file));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_prefix_error (error, _("%s: cannot write the report: "), g_file_peek_path (file));
      return FALSE;
    }
  return TRUE;
}
