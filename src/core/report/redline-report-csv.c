/* redline-report-csv.c: a report as one spreadsheet row per finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: every cell quoted, CRLF line ends, UTF-8 with a byte-order mark
 * so that spreadsheets read the Chinese right. A cell that starts with =,
 * +, -, @, a tab or a carriage return would be taken for a formula and run
 * (CSV injection): it gets a leading apostrophe, which spreadsheets show as
 * text. A post without findings still has its row.
 */

#define G_LOG_DOMAIN "redline-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-csv-private.h"
#include "redline-report-private.h"

/* Every cell of a file for people, quoted and never a formula. */
#define append_cell _redline_csv_append_cell_for_people

static void
append_number (GString *out,
               guint    value)
{
  g_string_append_printf (out, "\"%u\",", value);
}

static void
append_row (GString           *out,
            RedlineReportPost *post,
            RedlineFinding    *finding)
{
  RedlineReviewRecord *review = post->reviews->len > 0
                                ? g_ptr_array_index (post->reviews, post->reviews->len - 1)
                                : NULL;
  g_autofree char *post_id = g_strdup_printf ("%" G_GINT64_FORMAT, redline_post_get_id (post->post));
  g_autofree char *reviewed_at = review != NULL ? redline_format_time (review->reviewed_at)
                                                : NULL;
  g_autofree char *waived_at = NULL;
  gboolean span = finding != NULL && redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN;

  append_cell (out, redline_campaign_get_name (post->campaign), FALSE);
  append_cell (out, redline_ecosystem_to_string (post->ecosystem), FALSE);
  append_cell (out, post_id, FALSE);
  append_cell (out, redline_post_get_title (post->post), FALSE);
  append_cell (out, redline_content_kind_to_string (redline_post_get_kind (post->post)), FALSE);
  append_cell (out, redline_purpose_to_string (redline_content_kind_purpose (
                      redline_post_get_kind (post->post), redline_post_get_purpose (post->post))),
               FALSE);
  append_cell (out, redline_post_status_to_string (redline_post_get_status (post->post)), FALSE);
  append_cell (out, finding != NULL ? redline_field_to_string (redline_finding_get_field (finding))
                                    : NULL, FALSE);
  if (span)
    {
      append_number (out, redline_finding_get_line (finding));
      append_number (out, redline_finding_get_column (finding));
    }
  else
    {
      append_cell (out, NULL, FALSE);
      append_cell (out, NULL, FALSE);
    }
  append_cell (out, finding != NULL ? redline_severity_to_string (redline_finding_get_severity (finding))
                                    : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_category (finding) : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_rule_id (finding) : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_text (finding) : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_message (finding) : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_reference (finding) : NULL, FALSE);
  if (finding != NULL && redline_finding_get_waived (finding))
    {
      waived_at = redline_format_time (redline_finding_get_waived_at (finding));
      append_cell (out, "yes", FALSE);
      append_cell (out, redline_finding_get_waived_by (finding), FALSE);
      append_cell (out, waived_at, FALSE);
      append_cell (out, redline_finding_get_waiver_justification (finding), FALSE);
    }
  else
    {
      append_cell (out, finding != NULL ? "no" : NULL, FALSE);
      append_cell (out, NULL, FALSE);
      append_cell (out, NULL, FALSE);
      append_cell (out, NULL, FALSE);
    }
  append_cell (out, review != NULL ? (review->decision == REDLINE_REVIEW_DECISION_APPROVED
                                      ? "approved" : "changes-requested") : NULL, FALSE);
  append_cell (out, review != NULL ? review->reviewer : NULL, FALSE);
  append_cell (out, reviewed_at, FALSE);
  append_cell (out, review != NULL ? review->comment : NULL, FALSE);
  append_cell (out, finding != NULL ? redline_finding_get_pack_version (finding) : NULL, TRUE);
}

gboolean
_redline_report_write_csv (RedlineReportData  *data,
                           GOutputStream      *stream,
                           GError            **error)
{
  /* The column names are the same in every language: a spreadsheet or a
   * script reads them. */
  static const char * const header[] = {
    "campaign", "ecosystem", "post_id", "post_title", "kind", "purpose", "status", "field", "line",
    "column", "severity", "category", "rule", "text", "message", "reference", "waived",
    "waived_by", "waived_at", "justification", "decision", "reviewer", "reviewed_at",
    "review_comment", "pack_version",
  };
  g_autoptr(GString) out = g_string_new (REDLINE_CSV_BOM);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (out, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < data->posts->len; i++)
    {
      RedlineReportPost *post = g_ptr_array_index (data->posts, i);

      if (post->findings->len == 0)
        append_row (out, post, NULL);
      for (guint f = 0; f < post->findings->len; f++)
        append_row (out, post, g_ptr_array_index (post->findings, f));
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}
