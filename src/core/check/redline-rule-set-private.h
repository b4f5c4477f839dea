/* redline-rule-set-private.h: knobs of the checker for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-rule-set.h"

G_BEGIN_DECLS

void _redline_rule_set_set_piece_size (RedlineRuleSet *self,
                                       gsize           piece_bytes,
                                       gsize           context_bytes);

G_END_DECLS
