/* fuzz-project.h: opening and using a project file the fuzzers wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-core.h"

void fuzz_project_init     (void);
void fuzz_project_exercise (const guint8 *bytes,
                            gsize         size);
