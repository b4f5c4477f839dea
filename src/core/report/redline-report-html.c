/* redline-report-html.c: a report as one self-contained HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is in the page: the style sheet is inline and nothing is
 * fetched (no script, image, font or link to another site), so the file
 * reads the same offline and years later. Every text from the project is
 * escaped; the findings are marked in the copy with <mark>.
 */

#define G_LOG_DOMAIN "redline-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-report-private.h"

static const char style[] =
  "body{font-family:'Noto Sans','Noto Sans CJK SC',sans-serif;max-width:60em;margin:2em auto;"
  "padding:0 1em;color:#241f31;line-height:1.5}"
  "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #c0bfbc;padding-bottom:.2em;"
  "margin-top:2em}h3{font-size:1.05em;margin-bottom:.3em}"
  "table{border-collapse:collapse;margin:.5em 0;width:100%}"
  "th,td{border:1px solid #deddda;padding:.25em .5em;text-align:left;vertical-align:top}"
  "th{background:#f6f5f4}td.n{text-align:right;font-variant-numeric:tabular-nums}"
  ".meta{color:#5e5c64}.copy{white-space:pre-wrap;background:#fafafa;border:1px solid #deddda;"
  "padding:.5em;border-radius:4px}"
  "mark.error{background:#f8d7da}mark.warning{background:#fde7c8}mark.info{background:#dbe9f9}"
  "mark.waived{background:#e8e8e7;text-decoration:line-through #77767b}"
  ".audit-ok{color:#26a269}.audit-broken{color:#c01c28;font-weight:bold}"
  ".error{color:#c01c28}.warning{color:#c64600}"
  "@media print{h2{page-break-before:always}#summary h2{page-break-before:avoid}}";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* <tag>text</tag>, escaped. */
static void
append_element (GString    *out,
                const char *tag,
                const char *attributes,
                const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", tag, attributes != NULL ? " " : "",
                          attributes != NULL ? attributes : "");
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

static const char *
severity_class (RedlineSeverity severity)
{
  return severity == REDLINE_SEVERITY_ERROR ? "error"
         : severity == REDLINE_SEVERITY_WARNING ? "warning" : "info";
}

static void
append_summary (GString           *out,
                RedlineReportData *data)
{
  g_string_append_printf (out, "<section id=\"summary\">");
  append_element (out, "h2", NULL, _("Summary"));

  append_element (out, "h3", NULL, _("Posts by status"));
  g_string_append (out, "<table><thead><tr>");
  append_element (out, "th", NULL, _("Ecosystem"));
  for (RedlinePostStatus s = 0; s < REDLINE_N_POST_STATUSES; s++)
    append_element (out, "th", NULL, redline_post_status_label (s));
  append_element (out, "th", NULL, _("Total"));
  g_string_append (out, "</tr></thead><tbody>");
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      guint total = 0;

      g_string_append (out, "<tr>");
      append_element (out, "th", NULL, redline_ecosystem_label (e));
      for (RedlinePostStatus s = 0; s < REDLINE_N_POST_STATUSES; s++)
        {
          g_string_append_printf (out, "<td class=\"n\">%u</td>", data->statuses[e].posts[s]);
          total += data->statuses[e].posts[s];
        }
      g_string_append_printf (out, "<td class=\"n\">%u</td></tr>", total);
    }
  g_string_append (out, "</tbody></table>");

  append_element (out, "h3", NULL, _("Findings by category and severity"));
  g_string_append (out, "<table><thead><tr>");
  append_element (out, "th", NULL, _("Ecosystem"));
  append_element (out, "th", NULL, _("Category"));
  for (RedlineSeverity v = REDLINE_SEVERITY_ERROR; v >= REDLINE_SEVERITY_INFO; v--)
    append_element (out, "th", NULL, redline_severity_label (v));
  append_element (out, "th", NULL, _("Waived"));
  g_string_append (out, "</tr></thead><tbody>");
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      if (data->categories[e]->len == 0)
        {
          g_string_append (out, "<tr>");
          append_element (out, "th", NULL, redline_ecosystem_label (e));
          g_string_append (out, "<td colspan=\"5\">");
          append_escaped (out, _("No findings"));
          g_string_append (out, "</td></tr>");
        }
      for (guint c = 0; c < data->categories[e]->len; c++)
        {
          RedlineCategoryCounts *counts = g_ptr_array_index (data->categories[e], c);

          g_string_append (out, "<tr>");
          append_element (out, "th", NULL, redline_ecosystem_label (e));
          append_element (out, "td", NULL, counts->category);
          for (RedlineSeverity v = REDLINE_SEVERITY_ERROR; v >= REDLINE_SEVERITY_INFO; v--)
            g_string_append_printf (out, "<td class=\"n\">%u</td>", counts->counts[v]);
          g_string_append_printf (out, "<td class=\"n\">%u</td></tr>", counts->waived);
        }
    }
  g_string_append (out, "</tbody></table></section>");
}

static void
append_piece (const char     *piece,
              gsize           length,
              RedlineFinding *finding,
              gpointer        user_data)
{
  GString *out = user_data;
  g_autofree char *escaped = g_markup_escape_text (piece, (gssize) length);

  if (finding == NULL)
    {
      g_string_append (out, escaped);
      return;
    }
  {
    g_autofree char *title = g_markup_escape_text (redline_finding_get_rule_id (finding), -1);

    g_string_append_printf (out, "<mark class=\"%s\" title=\"%s\">%s</mark>",
                            redline_finding_get_waived (finding)
                            ? "waived" : severity_class (redline_finding_get_severity (finding)),
                            title, escaped);
  }
}

/* @text with the spans of @findings in @field marked. */
static void
append_marked_copy (GString      *out,
                    const char   *text,
                    RedlineField  field,
                    GPtrArray    *findings)
{
  g_string_append (out, "<p class=\"copy\">");
  _redline_report_mark_copy (text, field, findings, append_piece, out);
  g_string_append (out, "</p>");
}

static void
append_findings (GString           *out,
                 RedlineReportPost *post)
{
  append_element (out, "h3", NULL, _("Findings"));
  if (post->findings->len == 0)
    {
      append_element (out, "p", NULL, _("No findings"));
      return;
    }
  g_string_append (out, "<table><thead><tr>");
  append_element (out, "th", NULL, _("Where"));
  append_element (out, "th", NULL, _("Severity"));
  append_element (out, "th", NULL, _("Text"));
  append_element (out, "th", NULL, _("Finding"));
  append_element (out, "th", NULL, _("Waiver"));
  g_string_append (out, "</tr></thead><tbody>");
  for (guint i = 0; i < post->findings->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (post->findings, i);
      RedlineSeverity severity = redline_finding_get_severity (finding);
      g_autofree char *where = NULL;
      g_autofree char *attributes = g_strdup_printf ("class=\"%s\"", severity_class (severity));
      const char *reference = redline_finding_get_reference (finding);

      if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
        where = g_strdup_printf ("%s %u:%u", redline_field_label (redline_finding_get_field (finding)),
                                 redline_finding_get_line (finding),
                                 redline_finding_get_column (finding));
      else
        where = g_strdup (redline_field_label (redline_finding_get_field (finding)));
      g_string_append (out, "<tr>");
      append_element (out, "td", NULL, where);
      append_element (out, "td", attributes, redline_severity_label (severity));
      append_element (out, "td", NULL, redline_finding_get_text (finding));
      g_string_append (out, "<td>");
      append_escaped (out, redline_finding_get_message (finding));
      g_string_append (out, "<br><small class=\"meta\">");
      append_escaped (out, redline_finding_get_rule_id (finding));
      if (reference != NULL && reference[0] != '\0')
        {
          g_string_append (out, " · ");
          append_escaped (out, reference);
        }
      g_string_append (out, "</small></td><td>");
      if (redline_finding_get_waived (finding))
        {
          g_autofree char *at = redline_format_time (redline_finding_get_waived_at (finding));
          g_autofree char *by = g_strdup_printf (_("Waived by %s on %s"),
                                                 redline_finding_get_waived_by (finding), at);

          append_escaped (out, by);
          g_string_append (out, ": ");
          append_escaped (out, redline_finding_get_waiver_justification (finding));
        }
      g_string_append (out, "</td></tr>");
    }
  g_string_append (out, "</tbody></table>");
}

static void
append_history (GString           *out,
                RedlineReportPost *post)
{
  append_element (out, "h3", NULL, _("Decisions"));
  if (post->reviews->len == 0)
    append_element (out, "p", NULL, _("Not reviewed yet"));
  else
    {
      g_string_append (out, "<table><thead><tr>");
      append_element (out, "th", NULL, _("Date"));
      append_element (out, "th", NULL, _("Reviewer"));
      append_element (out, "th", NULL, _("Decision"));
      append_element (out, "th", NULL, _("Comment"));
      append_element (out, "th", NULL, _("Rule packs"));
      g_string_append (out, "</tr></thead><tbody>");
      for (guint i = 0; i < post->reviews->len; i++)
        {
          RedlineReviewRecord *review = g_ptr_array_index (post->reviews, i);
          g_autofree char *at = redline_format_time (review->reviewed_at);
          g_autofree char *packs = _redline_report_describe_versions (review->pack_versions);

          g_string_append (out, "<tr>");
          append_element (out, "td", NULL, at);
          append_element (out, "td", NULL, review->reviewer);
          append_element (out, "td", NULL,
                          review->decision == REDLINE_REVIEW_DECISION_APPROVED
                          ? _("Approved") : _("Changes requested"));
          append_element (out, "td", NULL, review->comment);
          append_element (out, "td", "class=\"meta\"", packs);
          g_string_append (out, "</tr>");
        }
      g_string_append (out, "</tbody></table>");
    }

  if (post->waivers->len > 0)
    {
      append_element (out, "h3", NULL, _("Waivers"));
      g_string_append (out, "<table><thead><tr>");
      append_element (out, "th", NULL, _("Date"));
      append_element (out, "th", NULL, _("By"));
      append_element (out, "th", NULL, _("Rule"));
      append_element (out, "th", NULL, _("Text"));
      append_element (out, "th", NULL, _("Justification"));
      append_element (out, "th", NULL, _("In force"));
      g_string_append (out, "</tr></thead><tbody>");
      for (guint i = 0; i < post->waivers->len; i++)
        {
          RedlineWaiverRecord *waiver = g_ptr_array_index (post->waivers, i);
          g_autofree char *at = redline_format_time (waiver->waived_at);
          g_autofree char *lapsed = NULL;

          if (waiver->lapsed_at != NULL)
            {
              g_autofree char *when = redline_format_time (waiver->lapsed_at);

              lapsed = g_strdup_printf (_("Lapsed on %s: the text changed"), when);
            }
          g_string_append (out, "<tr>");
          append_element (out, "td", NULL, at);
          append_element (out, "td", NULL, waiver->waived_by);
          append_element (out, "td", NULL, waiver->rule_id);
          append_element (out, "td", NULL, waiver->text);
          append_element (out, "td", NULL, waiver->justification);
          append_element (out, "td", NULL, lapsed != NULL ? lapsed : _("Yes"));
          g_string_append (out, "</tr>");
        }
      g_string_append (out, "</tbody></table>");
    }

  if (post->comments->len > 0)
    {
      append_element (out, "h3", NULL, _("Comments"));
      g_string_append (out, "<ul>");
      for (guint i = 0; i < post->comments->len; i++)
        {
          RedlineCommentRecord *comment = g_ptr_array_index (post->comments, i);
          g_autofree char *at = redline_format_time (comment->created_at);

          g_string_append (out, "<li><span class=\"meta\">");
          append_escaped (out, comment->author);
          g_string_append (out, ", ");
          append_escaped (out, at);
          g_string_append (out, ":</span> ");
          append_escaped (out, comment->body);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }
}

static void
append_post (GString           *out,
             RedlineReportPost *post)
{
  RedlineDocument document = { { NULL } };
  const char *title = redline_post_get_title (post->post);
  const char *scheduled = redline_post_get_scheduled_at (post->post);

  g_string_append_printf (out, "<section class=\"post\" id=\"post-%" G_GINT64_FORMAT "\">",
                          redline_post_get_id (post->post));
  append_element (out, "h2", NULL, title != NULL && title[0] != '\0' ? title : _("Untitled"));
  g_string_append (out, "<table class=\"meta\"><tbody>");
#define ROW(label, value) \
  G_STMT_START { \
    g_string_append (out, "<tr>"); \
    append_element (out, "th", NULL, label); \
    append_element (out, "td", NULL, value); \
    g_string_append (out, "</tr>"); \
  } G_STMT_END
  ROW (_("Campaign"), redline_campaign_get_name (post->campaign));
  ROW (_("Ecosystem"), redline_ecosystem_label (post->ecosystem));
  ROW (_("Kind"), redline_content_kind_label (redline_post_get_kind (post->post)));
  ROW (C_("report", "Purpose"), redline_purpose_label (redline_post_get_purpose (post->post)));
  ROW (_("Status"), redline_post_status_label (redline_post_get_status (post->post)));
  if (scheduled != NULL && scheduled[0] != '\0')
    ROW (_("Scheduled"), scheduled);
#undef ROW
  g_string_append (out, "</tbody></table>");

  append_element (out, "h3", NULL, _("Copy"));
  redline_project_post_document (post->post, &document);
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      if (document.fields[field] == NULL || document.fields[field][0] == '\0')
        continue;
      append_element (out, "h4", NULL, redline_field_label (field));
      append_marked_copy (out, document.fields[field], field, post->findings);
    }
  append_findings (out, post);
  append_history (out, post);
  g_string_append (out, "</section>");
}

gboolean
_redline_report_write_html (RedlineReportData  *data,
                            GOutputStream      *stream,
                            GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *heading = g_strdup_printf (_("Review report: %s"), data->project_name);
  g_autofree char *generated = NULL;
  /* TRANSLATORS: the language of the report, as an HTML language code
   * ("zh-CN"), so that browsers pick the right fonts */
  const char *language = C_("html-lang", "en");

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n<title>", language);
  append_escaped (out, heading);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>", style);
  append_element (out, "h1", NULL, heading);
  generated = g_strdup_printf (_("%s, %s. Generated on %s by %s with Redline %s."),
                               data->file_name, data->scope, data->generated_at,
                               data->generated_by, PACKAGE_VERSION);
  append_element (out, "p", "class=\"meta\"", generated);
  {
    g_autofree char *packs = g_strdup_printf (_("Rule packs in force: %s"), data->pack_versions);

    append_element (out, "p", "class=\"meta\"", packs);
  }
  if (data->audit_problem != NULL)
    append_element (out, "p", "class=\"audit-broken\"", data->audit_problem);
  else
    {
      g_autofree char *intact =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Audit trail intact: %u entry, its seals verified.",
                                      "Audit trail intact: %u entries, their seals verified.",
                                      data->n_audit_entries), data->n_audit_entries);

      append_element (out, "p", "class=\"audit-ok\"", intact);
    }
  g_string_append (out, "</header>\n");
  append_summary (out, data);
  for (guint i = 0; i < data->posts->len; i++)
    {
      g_string_append_c (out, '\n');
      append_post (out, g_ptr_array_index (data->posts, i));
    }
  g_string_append (out, "\n</body>\n</html>\n");
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}
