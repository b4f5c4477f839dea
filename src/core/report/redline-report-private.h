/* redline-report-private.h: a report's contents, shared by its writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redline-report.c gathers what a report says (RedlineReportData); one file
 * per format writes it: redline-report-html.c, redline-report-csv.c and
 * redline-report-pdf.c.
 */

#pragma once

#include "redline-report.h"

G_BEGIN_DECLS

typedef struct
{
  RedlinePost      *post;
  RedlineCampaign  *campaign;
  RedlineEcosystem  ecosystem;
  GPtrArray        *findings;   /* of RedlineFinding, in text order */
  GPtrArray        *reviews;    /* of RedlineReviewRecord */
  GPtrArray        *waivers;    /* of RedlineWaiverRecord */
  GPtrArray        *comments;   /* of RedlineCommentRecord */
} RedlineReportPost;

#define REDLINE_N_SEVERITIES (REDLINE_SEVERITY_ERROR + 1)

typedef struct
{
  guint posts[REDLINE_N_POST_STATUSES];
} RedlineStatusCounts;

typedef struct
{
  char  *category;
  guint  counts[REDLINE_N_SEVERITIES];  /* not waived, by severity */
  guint  waived;
} RedlineCategoryCounts;

typedef struct
{
  char               *project_name;
  char               *file_name;
  char               *scope;           /* "All campaigns", or the campaign's name */
  char               *generated_at;    /* local, for people */
  char               *generated_by;
  char               *pack_versions;   /* "id 1.0.0, id 2.0.0" */
  char               *audit_problem;   /* NULL: the audit trail is intact */
  guint               n_audit_entries;
  guint               n_unsealed;
  GPtrArray          *posts;           /* of RedlineReportPost */
  RedlineStatusCounts statuses[REDLINE_N_ECOSYSTEMS];
  GPtrArray          *categories[REDLINE_N_ECOSYSTEMS]; /* of RedlineCategoryCounts, by name */
} RedlineReportData;

void     _redline_report_data_free   (RedlineReportData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineReportData, _redline_report_data_free)

/* Each writes the whole report to @out. */
gboolean _redline_report_write_html  (RedlineReportData  *data,
                                      GOutputStream      *out,
                                      GError            **error);
gboolean _redline_report_write_csv   (RedlineReportData  *data,
                                      GOutputStream      *out,
                                      GError            **error);
gboolean _redline_report_write_pdf   (RedlineReportData  *data,
                                      GOutputStream      *out,
                                      GError            **error);

/* "id 1.0.0, id 2.0.0" from a JSON object of pack id → version. */
char    *_redline_report_describe_versions (const char   *json);
/* Hands @text of @field to @func piece by piece: each finding of @findings
 * on it with its span, the text between with %NULL. */
typedef void (*RedlineReportMarkFunc) (const char     *piece,
                                       gsize           length,
                                       RedlineFinding *finding,
                                       gpointer        user_data);
void     _redline_report_mark_copy   (const char            *text,
                                      RedlineField           field,
                                      GPtrArray             *findings,
                                      RedlineReportMarkFunc  func,
                                      gpointer               user_data);
/* The byte range of code points [start, end) of @text, clamped to it. */
void     _redline_report_span_bytes  (const char         *text,
                                      gsize               start,
                                      gsize               end,
                                      gsize              *byte_start,
                                      gsize              *byte_end);

G_END_DECLS
