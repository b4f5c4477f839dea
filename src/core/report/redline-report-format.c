/* redline-report-format.c: the format a report's file name asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from the writers, which draw with Pango and cairo: redline-check
 * reads --report=FILE at every start and loads the writers (the report
 * module) only to write one.
 */

#define G_LOG_DOMAIN "redline-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-report.h"

G_DEFINE_QUARK (redline-report-error-quark, redline_report_error)

/**
 * redline_report_format_for_file:
 * @file: where a report is to go
 * @format: (out): the format its name asks for
 * @error: return location for a #GError
 *
 * Returns: whether the name ends in `.html`, `.htm`, `.csv` or `.pdf`
 */
gboolean
redline_report_format_for_file (GFile                *file,
                                RedlineReportFormat  *format,
                                GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    *format = REDLINE_REPORT_FORMAT_HTML;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = REDLINE_REPORT_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = REDLINE_REPORT_FORMAT_PDF;
  else
    {
      g_set_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_FORMAT,
                   _("%s: a report is written as .pdf, .html or .csv: name the file with one "
                     "of these"), g_file_peek_path (file));
      return FALSE;
    }
  return TRUE;
}
