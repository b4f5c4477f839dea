/* fuzz-main.c: runs a fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked into every fuzz target when the build is not a fuzzing build, so
 * `meson test` replays the seed corpora and every crash found so far in the
 * ordinary and the sanitizer builds. Arguments are files or folders of files.
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static guint n_run;

static void
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
  n_run++;
}

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          for (guint j = 0; j < names->len; j++)
            run_file (g_ptr_array_index (names, j));
        }
      else
        run_file (argv[i]);
    }

  if (n_run == 0)
    {
      fprintf (stderr, "no input ran\n");
      return 1;
    }
  printf ("1..1\nok 1 - %u inputs\n", n_run);
  return 0;
}
