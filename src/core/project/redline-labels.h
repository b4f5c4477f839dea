/* redline-labels.h: the names of the core enumerations, for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-auto-reply.h"
#include "redline-post.h"
#include "redline-types.h"

G_BEGIN_DECLS

const char *redline_ecosystem_label        (RedlineEcosystem   ecosystem);
const char *redline_ecosystem_short_label  (RedlineEcosystem   ecosystem);
const char *redline_content_kind_label     (RedlineContentKind kind);
const char *redline_purpose_label          (RedlinePurpose     purpose);
const char *redline_purpose_explanation    (RedlinePurpose     purpose);
const char *redline_post_status_label      (RedlinePostStatus  status);
const char *redline_reply_trigger_label    (RedlineReplyTrigger trigger);
const char *redline_severity_label         (RedlineSeverity    severity);
const char *redline_field_label            (RedlineField       field);
guint       redline_content_kind_fields    (RedlineContentKind kind);
char       *redline_format_time            (const char        *iso);
char       *redline_post_dup_heading       (RedlinePost       *post);

G_END_DECLS
