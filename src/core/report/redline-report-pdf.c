/* redline-report-pdf.c: a report as A4 pages, drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same content as the HTML report, set in Noto Sans with Noto Sans CJK
 * SC for the Chinese (Pango falls back to whatever the machine has), the
 * findings highlighted in the copy. Text flows from page to page a line at
 * a time; each page says which report it belongs to and its number.
 */

#define G_LOG_DOMAIN "redline-report"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "redline-report-private.h"

/* A4 in points, and its margins. */
#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 56.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)

#define FONT "Noto Sans, Noto Sans CJK SC, sans-serif"

typedef struct
{
  cairo_t           *cr;
  PangoLayout       *layout;
  PangoLayout       *footer;   /* its own: a page may end inside a paragraph */
  RedlineReportData *data;
  double             y;
  guint              page;
  GOutputStream     *out;
  GError            *error;
} Pdf;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *bytes,
          unsigned int         length)
{
  Pdf *pdf = closure;

  if (pdf->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (pdf->out, bytes, length, NULL, NULL, &pdf->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *footer = g_strdup_printf (_("%s · page %u"), pdf->data->file_name, pdf->page);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT " 8");

  cairo_save (pdf->cr);
  pango_layout_set_font_description (pdf->footer, font);
  pango_layout_set_width (pdf->footer, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_text (pdf->footer, footer, -1);
  pango_layout_set_alignment (pdf->footer, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (pdf->cr, 0.37, 0.36, 0.39);
  cairo_move_to (pdf->cr, MARGIN, PAGE_HEIGHT - MARGIN + 16);
  pango_cairo_show_layout (pdf->cr, pdf->footer);
  cairo_restore (pdf->cr);
}

static void
next_page (Pdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
}

/* Draws @markup at the current height, in @size points, @indent from the
 * margin, going on to the next page where it must; @after is the space
 * below it. */
static void
draw_markup (Pdf        *pdf,
             const char *markup,
             double      size,
             double      indent,
             double      after)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  PangoLayoutIter *iter;
  double consumed = 0;   /* of the layout's height, on earlier pages */
  int width, height;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (pdf->layout, font);
  pango_layout_set_width (pdf->layout, (int) ((TEXT_WIDTH - indent) * PANGO_SCALE));
  pango_layout_set_wrap (pdf->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (pdf->layout, markup, -1);

  iter = pango_layout_get_iter (pdf->layout);
  do
    {
      PangoRectangle logical;
      double top, line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      if (pdf->y + (top - consumed) + line_height > PAGE_HEIGHT - MARGIN)
        {
          next_page (pdf);
          consumed = top;
        }
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (pdf->cr, MARGIN + indent, pdf->y + baseline - consumed);
      pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_size (pdf->layout, &width, &height);
  pdf->y += (double) height / PANGO_SCALE - consumed + after;
}

static void
draw_text (Pdf        *pdf,
           const char *text,
           double      size,
           gboolean    bold,
           double      indent,
           double      after)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *markup = bold ? g_strdup_printf ("<b>%s</b>", escaped) : NULL;

  draw_markup (pdf, bold ? markup : escaped, size, indent, after);
}

/* Starts a heading on a new page if little of this one is left. */
static void
draw_heading (Pdf        *pdf,
              const char *text,
              double      size)
{
  if (pdf->y > PAGE_HEIGHT - MARGIN - 4 * size)
    next_page (pdf);
  pdf->y += size * 0.5;
  draw_text (pdf, text, size, TRUE, 0, size * 0.4);
}

static void
draw_rule (Pdf *pdf)
{
  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  cairo_line_to (pdf->cr, PAGE_WIDTH - MARGIN, pdf->y);
  cairo_stroke (pdf->cr);
  cairo_restore (pdf->cr);
  pdf->y += 6;
}

static const char *
severity_background (RedlineFinding *finding)
{
  if (redline_finding_get_waived (finding))
    return "#e8e8e7";
  switch (redline_finding_get_severity (finding))
    {
    case REDLINE_SEVERITY_ERROR:
      return "#f8d7da";
    case REDLINE_SEVERITY_WARNING:
      return "#fde7c8";
    case REDLINE_SEVERITY_INFO:
    case REDLINE_SEVERITY_OFF:
    default:
      return "#dbe9f9";
    }
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
    g_string_append (out, escaped);
  else
    g_string_append_printf (out, "<span background=\"%s\"%s>%s</span>",
                            severity_background (finding),
                            redline_finding_get_waived (finding) ? " strikethrough=\"true\"" : "",
                            escaped);
}

/* The copy of @field with its findings highlighted, as Pango markup. */
static char *
marked_copy (const char   *text,
             RedlineField  field,
             GPtrArray    *findings)
{
  GString *out = g_string_new (NULL);

  _redline_report_mark_copy (text, field, findings, append_piece, out);
  return g_string_free (out, FALSE);
}

static void
draw_summary (Pdf *pdf)
{
  RedlineReportData *data = pdf->data;

  draw_heading (pdf, _("Summary"), 14);
  draw_text (pdf, _("Posts by status"), 11, TRUE, 0, 2);
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      guint total = 0;

      for (RedlinePostStatus s = 0; s < REDLINE_N_POST_STATUSES; s++)
        {
          total += data->statuses[e].posts[s];
          if (data->statuses[e].posts[s] > 0)
            g_string_append_printf (line, "%s%s %u", line->len > 0 ? " · " : "",
                                    redline_post_status_label (s), data->statuses[e].posts[s]);
        }
      {
        g_autofree char *text =
          /* TRANSLATORS: "Weixin (China): 7 posts — Draft 3 · Approved 2" */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u post — %s", "%s: %u posts — %s",
                                        total),
                           redline_ecosystem_label (e), total, line->str);

        draw_text (pdf, text, 10, FALSE, 12, 2);
      }
    }
  pdf->y += 6;
  draw_text (pdf, _("Findings by category and severity"), 11, TRUE, 0, 2);
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      draw_text (pdf, redline_ecosystem_label (e), 10, TRUE, 12, 1);
      if (data->categories[e]->len == 0)
        draw_text (pdf, _("No findings"), 10, FALSE, 24, 2);
      for (guint c = 0; c < data->categories[e]->len; c++)
        {
          RedlineCategoryCounts *counts = g_ptr_array_index (data->categories[e], c);
          g_autofree char *text =
            /* TRANSLATORS: a category, then its findings by severity, then those waived */
            g_strdup_printf (_("%s: %s %u · %s %u · %s %u · waived %u"), counts->category,
                             redline_severity_label (REDLINE_SEVERITY_ERROR),
                             counts->counts[REDLINE_SEVERITY_ERROR],
                             redline_severity_label (REDLINE_SEVERITY_WARNING),
                             counts->counts[REDLINE_SEVERITY_WARNING],
                             redline_severity_label (REDLINE_SEVERITY_INFO),
                             counts->counts[REDLINE_SEVERITY_INFO], counts->waived);

          draw_text (pdf, text, 10, FALSE, 24, 1);
        }
    }
}

static void
draw_post (Pdf               *pdf,
           RedlineReportPost *post)
{
  RedlineDocument document = { { NULL } };
  const char *title = redline_post_get_title (post->post);
  g_autofree char *meta = NULL;

  pdf->y += 8;
  draw_rule (pdf);
  draw_heading (pdf, title != NULL && title[0] != '\0' ? title : _("Untitled"), 13);
  meta = g_strdup_printf ("%s · %s · %s · %s · %s", redline_campaign_get_name (post->campaign),
                          redline_ecosystem_label (post->ecosystem),
                          redline_content_kind_label (redline_post_get_kind (post->post)),
                          redline_purpose_label (redline_post_get_purpose (post->post)),
                          redline_post_status_label (redline_post_get_status (post->post)));
  draw_text (pdf, meta, 9, FALSE, 0, 6);

  redline_project_post_document (post->post, &document);
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      g_autofree char *markup = NULL;

      if (document.fields[field] == NULL || document.fields[field][0] == '\0')
        continue;
      draw_text (pdf, redline_field_label (field), 9, TRUE, 0, 1);
      markup = marked_copy (document.fields[field], field, post->findings);
      draw_markup (pdf, markup, 10, 8, 5);
    }

  draw_text (pdf, _("Findings"), 11, TRUE, 0, 2);
  if (post->findings->len == 0)
    draw_text (pdf, _("No findings"), 10, FALSE, 8, 4);
  for (guint i = 0; i < post->findings->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (post->findings, i);
      g_autoptr(GString) text = g_string_new (NULL);
      const char *reference = redline_finding_get_reference (finding);

      g_string_append_printf (text, "%s · %s", redline_severity_label (redline_finding_get_severity (finding)),
                              redline_field_label (redline_finding_get_field (finding)));
      if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
        g_string_append_printf (text, " %u:%u", redline_finding_get_line (finding),
                                redline_finding_get_column (finding));
      g_string_append_printf (text, " · “%s” — %s [%s]", redline_finding_get_text (finding),
                              redline_finding_get_message (finding),
                              redline_finding_get_rule_id (finding));
      if (reference != NULL && reference[0] != '\0')
        g_string_append_printf (text, " %s", reference);
      if (redline_finding_get_waived (finding))
        {
          g_autofree char *at = redline_format_time (redline_finding_get_waived_at (finding));

          g_string_append (text, " — ");
          g_string_append_printf (text, _("Waived by %s on %s"),
                                  redline_finding_get_waived_by (finding), at);
          g_string_append_printf (text, ": %s", redline_finding_get_waiver_justification (finding));
        }
      draw_text (pdf, text->str, 9, FALSE, 8, 3);
    }

  draw_text (pdf, _("Decisions"), 11, TRUE, 0, 2);
  if (post->reviews->len == 0)
    draw_text (pdf, _("Not reviewed yet"), 10, FALSE, 8, 4);
  for (guint i = 0; i < post->reviews->len; i++)
    {
      RedlineReviewRecord *review = g_ptr_array_index (post->reviews, i);
      g_autofree char *at = redline_format_time (review->reviewed_at);
      g_autofree char *packs = _redline_report_describe_versions (review->pack_versions);
      g_autofree char *text =
        g_strdup_printf ("%s · %s · %s%s%s · %s", at, review->reviewer,
                         review->decision == REDLINE_REVIEW_DECISION_APPROVED
                         ? _("Approved") : _("Changes requested"),
                         review->comment != NULL ? ": " : "",
                         review->comment != NULL ? review->comment : "", packs);

      draw_text (pdf, text, 9, FALSE, 8, 3);
    }
  if (post->waivers->len > 0)
    draw_text (pdf, _("Waivers"), 11, TRUE, 0, 2);
  for (guint i = 0; i < post->waivers->len; i++)
    {
      RedlineWaiverRecord *waiver = g_ptr_array_index (post->waivers, i);
      g_autofree char *at = redline_format_time (waiver->waived_at);
      g_autofree char *lapsed = waiver->lapsed_at != NULL
                                ? redline_format_time (waiver->lapsed_at) : NULL;
      g_autofree char *status = lapsed != NULL
                                ? g_strdup_printf (_("Lapsed on %s: the text changed"), lapsed)
                                : g_strdup (_("In force"));
      g_autofree char *text =
        g_strdup_printf ("%s · %s · %s “%s”: %s (%s)", at, waiver->waived_by, waiver->rule_id,
                         waiver->text != NULL ? waiver->text : "", waiver->justification, status);

      draw_text (pdf, text, 9, FALSE, 8, 3);
    }
  if (post->comments->len > 0)
    draw_text (pdf, _("Comments"), 11, TRUE, 0, 2);
  for (guint i = 0; i < post->comments->len; i++)
    {
      RedlineCommentRecord *comment = g_ptr_array_index (post->comments, i);
      g_autofree char *at = redline_format_time (comment->created_at);
      g_autofree char *text = g_strdup_printf ("%s, %s: %s", comment->author, at, comment->body);

      draw_text (pdf, text, 9, FALSE, 8, 3);
    }
}

gboolean
_redline_report_write_pdf (RedlineReportData  *data,
                           GOutputStream      *out,
                           GError            **error)
{
  Pdf pdf = { NULL, NULL, NULL, data, MARGIN, 1, out, NULL };
  g_autofree char *heading = g_strdup_printf (_("Review report: %s"), data->project_name);
  g_autofree char *generated = NULL;
  g_autofree char *packs = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Redline " PACKAGE_VERSION);
  pdf.cr = cairo_create (surface);
  pdf.layout = pango_cairo_create_layout (pdf.cr);
  pdf.footer = pango_cairo_create_layout (pdf.cr);
  cairo_set_source_rgb (pdf.cr, 0.14, 0.12, 0.19);

  draw_text (&pdf, heading, 18, TRUE, 0, 6);
  generated = g_strdup_printf (_("%s, %s. Generated on %s by %s with Redline %s."),
                               data->file_name, data->scope, data->generated_at,
                               data->generated_by, PACKAGE_VERSION);
  draw_text (&pdf, generated, 9, FALSE, 0, 2);
  packs = g_strdup_printf (_("Rule packs in force: %s"), data->pack_versions);
  draw_text (&pdf, packs, 9, FALSE, 0, 2);
  if (data->audit_problem != NULL)
    {
      cairo_set_source_rgb (pdf.cr, 0.75, 0.11, 0.16);
      draw_text (&pdf, data->audit_problem, 10, TRUE, 0, 4);
      cairo_set_source_rgb (pdf.cr, 0.14, 0.12, 0.19);
    }
  else
    {
      g_autofree char *intact =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Audit trail intact: %u entry, its seals verified.",
                                      "Audit trail intact: %u entries, their seals verified.",
                                      data->n_audit_entries), data->n_audit_entries);

      draw_text (&pdf, intact, 9, FALSE, 0, 4);
    }
  draw_summary (&pdf);
  for (guint i = 0; i < data->posts->len; i++)
    draw_post (&pdf, g_ptr_array_index (data->posts, i));
  draw_footer (&pdf);

  g_object_unref (pdf.layout);
  g_object_unref (pdf.footer);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (pdf.error != NULL)
    {
      g_propagate_error (error, pdf.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_RENDER,
                   _("the PDF could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
