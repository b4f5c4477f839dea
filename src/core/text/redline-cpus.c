/* redline-cpus.c: how many threads a scan or a validation may run on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long text is scanned in pieces on several threads. They must not be more
 * than the processors the process may actually use: those of its CPU
 * affinity (taskset, cpusets), and no more than its cgroup's CPU quota
 * allows (a container limited to one CPU's worth of time on a machine of
 * many). More threads than that only take turns on the same time slice.
 */

#define _GNU_SOURCE  /* sched_getaffinity, CPU_COUNT */
#define G_LOG_DOMAIN "redline-text"

#include "config.h"

#include <sched.h>

#include "redline-cpus-private.h"

/* The processors of the process's affinity mask; at least one. */
guint
_redline_affinity_cpus (void)
{
#ifdef CPU_COUNT  /* glibc and musl */
  cpu_set_t set;

  CPU_ZERO (&set);
  if (sched_getaffinity (0, sizeof set, &set) == 0 && CPU_COUNT (&set) > 0)
    return CPU_COUNT (&set);
#endif
  return MAX (g_get_num_processors (), 1);
}

static gboolean
parse_count (const char *text,
             guint64    *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_ascii_string_to_unsigned (stripped, 10, 1, G_MAXINT64, value, NULL);
}

/* The whole processors a quota of @quota every @period allows, rounded up:
 * 150000 in 100000 lets two threads run, at one and a half CPUs' worth. */
static guint
quota_cpus (guint64 quota,
            guint64 period)
{
  guint64 cpus = (quota + period - 1) / period;

  return (guint) CLAMP (cpus, 1, G_MAXUINT);
}

/* cgroup v2's cpu.max: "QUOTA PERIOD" in microseconds, or "max PERIOD"
 * without a quota. Returns FALSE when there is no quota or the text is not
 * understood. */
gboolean
_redline_parse_cgroup_quota (const char *cpu_max,
                             guint      *cpus)
{
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  guint64 quota, period;

  if (cpu_max == NULL)
    return FALSE;
  line = g_strstrip (g_strdup (cpu_max));
  fields = g_strsplit (line, " ", 0);
  if (g_strv_length (fields) != 2 || g_str_equal (fields[0], "max") ||
      !parse_count (fields[0], &quota) || !parse_count (fields[1], &period))
    return FALSE;
  *cpus = quota_cpus (quota, period);
  return TRUE;
}

/* cgroup v1's cpu.cfs_quota_us (-1 without a quota) and cpu.cfs_period_us. */
gboolean
_redline_parse_cgroup1_quota (const char *quota_us,
                              const char *period_us,
                              guint      *cpus)
{
  guint64 quota, period;

  if (quota_us == NULL || period_us == NULL ||
      !parse_count (quota_us, &quota) || !parse_count (period_us, &period))
    return FALSE;
  *cpus = quota_cpus (quota, period);
  return TRUE;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* The quota of the cgroup the process is in, read where systemd and
 * container runtimes mount it; G_MAXUINT when there is none. */
static guint
cgroup_cpus (void)
{
  g_autofree char *cpu_max = read_file ("/sys/fs/cgroup/cpu.max");
  g_autofree char *quota = NULL;
  g_autofree char *period = NULL;
  guint cpus;

  if (_redline_parse_cgroup_quota (cpu_max, &cpus))
    return cpus;
  quota = read_file ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
  period = read_file ("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
  if (_redline_parse_cgroup1_quota (quota, period, &cpus))
    return cpus;
  return G_MAXUINT;
}

/* How many threads a scan may use: the processors of the affinity mask,
 * at most what the cgroup's quota allows. Read once per process. */
guint
_redline_scan_cpus (void)
{
  static gsize cpus = 0;

  if (g_once_init_enter (&cpus))
    g_once_init_leave (&cpus, MAX (MIN (_redline_affinity_cpus (), cgroup_cpus ()), 1));
  return cpus;
}
