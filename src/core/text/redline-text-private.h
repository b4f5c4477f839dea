/* redline-text-private.h: the normalised text's internals, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *_redline_text_find_bad_byte (const char *data,
                                         gsize       length,
                                         guint       n_slices);

G_END_DECLS
