/* redline-cpus-private.h: how many threads a scan or a validation may run on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint    _redline_scan_cpus          (void);
guint    _redline_affinity_cpus      (void);
gboolean _redline_parse_cgroup_quota (const char *cpu_max,
                                      guint      *cpus);
gboolean _redline_parse_cgroup1_quota (const char *quota_us,
                                       const char *period_us,
                                       guint      *cpus);

G_END_DECLS
