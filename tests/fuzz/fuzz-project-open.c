/* fuzz-project-open.c: a project file made of arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seeds are real project files, so mutations land inside SQLite pages.
 */

#include "config.h"

#include "fuzz-project.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_project_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (size > 1 << 20)
    return 0;
  fuzz_project_exercise (data, size);
  return 0;
}
