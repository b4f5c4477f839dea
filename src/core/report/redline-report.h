/* redline-report.h: a project's review report, for the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-core.h"

G_BEGIN_DECLS

/**
 * RedlineReportFormat:
 * @REDLINE_REPORT_FORMAT_HTML: one self-contained HTML page
 * @REDLINE_REPORT_FORMAT_CSV: one row per finding, for spreadsheets
 * @REDLINE_REPORT_FORMAT_PDF: A4 pages, for filing
 */
typedef enum
{
  REDLINE_REPORT_FORMAT_HTML,
  REDLINE_REPORT_FORMAT_CSV,
  REDLINE_REPORT_FORMAT_PDF,
} RedlineReportFormat;

#define REDLINE_REPORT_ERROR (redline_report_error_quark ())

/**
 * RedlineReportError:
 * @REDLINE_REPORT_ERROR_FORMAT: the file name says no format Redline writes
 * @REDLINE_REPORT_ERROR_PROJECT: the project could not be read for it
 * @REDLINE_REPORT_ERROR_RENDER: the PDF could not be drawn
 * @REDLINE_REPORT_ERROR_MODULE: the report module (the writers, which
 *   redline-check loads only to write a report) could not be loaded
 */
typedef enum
{
  REDLINE_REPORT_ERROR_FORMAT,
  REDLINE_REPORT_ERROR_PROJECT,
  REDLINE_REPORT_ERROR_RENDER,
  REDLINE_REPORT_ERROR_MODULE,
} RedlineReportError;

/* What redline-check checks before it calls the report module's
 * redline_report_write(): the Redline version and this interface's number,
 * which changes with redline_report_write()'s signature. */
#define REDLINE_REPORT_MODULE_ABI 1
#define REDLINE_REPORT_MODULE_STAMP PACKAGE_VERSION "/" G_STRINGIFY (REDLINE_REPORT_MODULE_ABI)

extern const char redline_report_module_stamp[];

GQuark   redline_report_error_quark      (void);
gboolean redline_report_format_for_file  (GFile                *file,
                                          RedlineReportFormat  *format,
                                          GError              **error);
gboolean redline_report_write            (RedlineProject       *project,
                                          RedlineRuleSet       *rule_set,
                                          gint64                campaign_id,
                                          RedlineReportFormat   format,
                                          GFile                *file,
                                          GError              **error);

G_END_DECLS
