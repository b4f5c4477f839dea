/* redline-severity-policy.h: the default severity of each category, per ecosystem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "redline-types.h"

G_BEGIN_DECLS

gboolean redline_category_is_standard    (const char      *category);
gboolean redline_severity_policy_lookup  (const char      *category,
                                          const char      *topic,
                                          RedlineSeverity  severity[REDLINE_N_ECOSYSTEMS]);

G_END_DECLS
