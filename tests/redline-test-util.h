/* redline-test-util.h: what several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

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

/* What a QR code image holds, read back by zbarimg (zbar-tools; SVG through
 * ImageMagick and rsvg-convert); NULL when the machine lacks zbarimg. */
static inline char *
redline_test_decode_qr (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  const char *argv[] = { NULL, "--quiet", "--raw", "-Sbinary", path, NULL };
  int status = 0;

  if (zbarimg == NULL)
    return NULL;
  argv[0] = zbarimg;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  /* zbarimg may end the data with a newline. */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}
