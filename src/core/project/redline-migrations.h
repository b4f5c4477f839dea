/* redline-migrations.h: the project file's formats, as SQL resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-sqlite.h"

G_BEGIN_DECLS

/* The SQL text that takes a file from format @version - 1 to @version
 * (1 ≤ @version ≤ REDLINE_PROJECT_FORMAT); tests build old files with it. */
const char  *_redline_project_get_migration  (guint            version);

gboolean     _redline_migrations_apply       (RedlineSqlite   *sqlite,
                                              guint            from,
                                              GError         **error);
gboolean     _redline_migrations_check_schema (RedlineSqlite  *sqlite,
                                               guint           version,
                                               GError        **error);

gboolean     _redline_migrations_check_columns (RedlineSqlite *sqlite,
                                                guint          version,
                                                GError       **error);

G_END_DECLS
