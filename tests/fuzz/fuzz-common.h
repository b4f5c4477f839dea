/* fuzz-common.h: what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  /* Warnings and criticals are bugs: make them crashes the fuzzer reports. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      __builtin_trap ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_quiet_logs (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}
