/* redline-json.h: findings in the JSON form of the command-line contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "redline-types.h"

G_BEGIN_DECLS

void redline_json_add_finding (JsonBuilder        *builder,
                               RedlineFinding     *finding);
void redline_json_add_result  (JsonBuilder        *builder,
                               const char         *file,
                               RedlineEcosystem    ecosystem,
                               RedlineContentKind  kind,
                               RedlinePurpose      purpose,
                               GListModel         *findings);
char *redline_json_finding_to_string (RedlineFinding *finding);
char *redline_json_string            (const char     *value);

G_END_DECLS
