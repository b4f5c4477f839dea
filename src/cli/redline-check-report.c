/* redline-check-report.c: --report, through the report module
 *
 * The report writers draw PDF with Pango and cairo, whose libraries took
 * 4 ms of every start of redline-check to load and relocate. They are a
 * module instead (libredline-report.so in LIBDIR/redline), loaded only
 * when a report is to be written; it takes the core's functions from this
 * program, which exports them. REDLINE_MODULEDIR names another folder to
 * load it from: the build tree (meson test, meson devenv), a staged or
 * relocated installation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gmodule.h>

#include "redline-check-report.h"

typedef gboolean (*ReportWriteFunc) (RedlineProject       *project,
                                     RedlineRuleSet       *rule_set,
                                     gint64                campaign_id,
                                     RedlineReportFormat   format,
                                     GFile                *file,
                                     GError              **error);

/* redline_report_write() from the module, loaded once and kept. */
static ReportWriteFunc
load_report_write (GError **error)
{
  static ReportWriteFunc write_report;
  const char *dir = g_getenv ("REDLINE_MODULEDIR");
  g_autofree char *path = NULL;
  const char *stamp = NULL;
  GModule *module;

  if (write_report != NULL)
    return write_report;

  path = g_build_filename (dir != NULL && dir[0] != '\0' ? dir : MODULEDIR, REPORT_MODULE,
                           NULL);
  /* Every symbol bound now: one the program does not export is an error
   * here, not a crash halfway through a report. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module != NULL &&
      !g_module_symbol (module, "redline_report_write", (gpointer *) &write_report))
    write_report = NULL;
  /* A module of another build (an older installation found before the
   * build tree's) is refused before its functions are called. */
  if (write_report != NULL &&
      (!g_module_symbol (module, "redline_report_module_stamp", (gpointer *) &stamp) ||
       stamp == NULL || strcmp (stamp, REDLINE_REPORT_MODULE_STAMP) != 0))
    {
      write_report = NULL;
      g_set_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_MODULE,
                   /* TRANSLATORS: %s: the module's path; %s, %s: versions such as
                    * 0.1.0/1. REDLINE_MODULEDIR is not translated. */
                   _("cannot load the report writers: %s is of Redline %s, this program of "
                     "%s; install Redline again, or set REDLINE_MODULEDIR to the folder "
                     "that holds this build's module"),
                   path, stamp != NULL ? stamp : "?", REDLINE_REPORT_MODULE_STAMP);
      g_module_close (module);
      return NULL;
    }
  if (write_report == NULL)
    {
      /* g_module_error() names the file and says what went wrong. */
      g_set_error (error, REDLINE_REPORT_ERROR, REDLINE_REPORT_ERROR_MODULE,
                   /* TRANSLATORS: %s: why, in the system's words, with the module's
                    * path; %s: its file name. REDLINE_MODULEDIR is not translated. */
                   _("cannot load the report writers: %s; install Redline again, or set "
                     "REDLINE_MODULEDIR to the folder that holds %s"),
                   g_module_error (), REPORT_MODULE);
      g_clear_pointer (&module, g_module_close);
      return NULL;
    }
  /* Pango and fontconfig keep caches for the life of the process. */
  g_module_make_resident (module);
  return write_report;
}

/* Writes the report on the whole project, or says why it cannot. */
gboolean
check_report_write (RedlineProject       *project,
                    RedlineRuleSet       *rule_set,
                    RedlineReportFormat   format,
                    GFile                *file,
                    GError              **error)
{
  ReportWriteFunc write_report = load_report_write (error);

  if (write_report == NULL)
    {
      g_prefix_error (error, _("%s: cannot write the report: "), g_file_peek_path (file));
      return FALSE;
    }
  return write_report (project, rule_set, 0, format, file, error);
}
