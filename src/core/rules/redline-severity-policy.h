/* redline-severity-policy.h: the default severity of each category, per ecosystem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "redline-types.h"

G_BEGIN_DECLS

/* A set of purposes, as bits 1 << RedlinePurpose. */
#define REDLINE_PURPOSE_BIT(purpose) (1u << (purpose))
#define REDLINE_PURPOSES_ALL ((1u << REDLINE_N_PURPOSES) - 1)

gboolean redline_category_is_standard    (const char      *category);
gboolean redline_severity_policy_lookup  (const char      *category,
                                          const char      *topic,
                                          RedlineSeverity  severity[REDLINE_N_ECOSYSTEMS]);

guint    redline_purpose_policy_lookup   (const char      *category);

G_END_DECLS
