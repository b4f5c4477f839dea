/* redline-test-util.h: what several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Under valgrind (`meson test --setup=valgrind` sets REDLINE_TEST_SLOW_RUNNER)
 * every instruction costs fifty: random and exhaustive tests take a smaller
 * sample there. The full sample runs in the normal and sanitizer builds. */
static inline gboolean
redline_test_slow_runner (void)
{
  return g_getenv ("REDLINE_TEST_SLOW_RUNNER") != NULL;
}

/* @n in a normal run, a tenth of it (at least 1) under valgrind. */
static inline guint
redline_test_scaled (guint n)
{
  return redline_test_slow_runner () ? MAX (n / 10, 1) : n;
}
