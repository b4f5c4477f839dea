/* redline-finding.h: one thing the checker found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-rule.h"
#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_FINDING (redline_finding_get_type ())

G_DECLARE_FINAL_TYPE (RedlineFinding, redline_finding, REDLINE, FINDING, GObject)

RedlineFinding      *redline_finding_new_for_post        (RedlineRule      *rule,
                                                          RedlineEcosystem  ecosystem,
                                                          const char       *message);
RedlineFinding      *redline_finding_new_for_field       (RedlineRule      *rule,
                                                          RedlineEcosystem  ecosystem,
                                                          RedlineField      field,
                                                          const char       *message);
const char          *redline_finding_get_rule_id         (RedlineFinding *self);
const char          *redline_finding_get_term_id         (RedlineFinding *self);
const char          *redline_finding_get_pack_id         (RedlineFinding *self);
const char          *redline_finding_get_pack_version    (RedlineFinding *self);
const char          *redline_finding_get_category        (RedlineFinding *self);
RedlineSeverity      redline_finding_get_severity        (RedlineFinding *self);
RedlineEcosystem     redline_finding_get_ecosystem       (RedlineFinding *self);
RedlineSeverity      redline_finding_get_other_severity  (RedlineFinding *self);
RedlineField         redline_finding_get_field           (RedlineFinding *self);
RedlineScope         redline_finding_get_scope           (RedlineFinding *self);
gsize                redline_finding_get_start           (RedlineFinding *self);
gsize                redline_finding_get_end             (RedlineFinding *self);
guint                redline_finding_get_line            (RedlineFinding *self);
guint                redline_finding_get_column          (RedlineFinding *self);
const char          *redline_finding_get_text            (RedlineFinding *self);
const char          *redline_finding_get_message         (RedlineFinding *self);
const char * const  *redline_finding_get_suggestions     (RedlineFinding *self);
const char          *redline_finding_get_reference       (RedlineFinding *self);
const char          *redline_finding_get_url             (RedlineFinding *self);
const char          *redline_finding_get_missing         (RedlineFinding *self);
const char          *redline_finding_get_trigger         (RedlineFinding *self);
void                 redline_finding_set_waived          (RedlineFinding *self,
                                                          const char     *by,
                                                          const char     *at,
                                                          const char     *justification);
gboolean             redline_finding_get_waived          (RedlineFinding *self);
gboolean             redline_finding_get_outside_purpose (RedlineFinding *self);
gboolean             redline_finding_get_outside_context (RedlineFinding *self);
const char          *redline_finding_get_waived_by       (RedlineFinding *self);
const char          *redline_finding_get_waived_at       (RedlineFinding *self);
const char          *redline_finding_get_waiver_justification (RedlineFinding *self);
gboolean             redline_finding_blocks              (RedlineFinding *self);
int                  redline_finding_compare             (RedlineFinding *a,
                                                          RedlineFinding *b);

G_END_DECLS
