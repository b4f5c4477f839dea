/* other-report-module.c: a report module of another Redline build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It exports what redline-check looks up, with a stamp no build has:
 * redline-check must refuse it before it calls redline_report_write(),
 * which here would write a report no real module writes.
 */

#include <gio/gio.h>
#include <gmodule.h>

G_MODULE_EXPORT const char redline_report_module_stamp[] = "0.0.0/0";

G_MODULE_EXPORT gboolean redline_report_write (gpointer   project,
                                               gpointer   rule_set,
                                               gint64     campaign_id,
                                               int        format,
                                               GFile     *file,
                                               GError   **error);

G_MODULE_EXPORT gboolean
redline_report_write (gpointer   project,
                      gpointer   rule_set,
                      gint64     campaign_id,
                      int        format,
                      GFile     *file,
                      GError   **error)
{
  return g_file_replace_contents (file, "wrong module", 12, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
