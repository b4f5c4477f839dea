/* redline-project-enums.h: GTypes for the project layer's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Its nicks are the strings stored in the file and exported. */
GType redline_post_status_get_type (void) G_GNUC_CONST;
#define REDLINE_TYPE_POST_STATUS (redline_post_status_get_type ())

G_END_DECLS
