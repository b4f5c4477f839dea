/* redline-finding-private.h: how the checker fills in a finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-finding.h"
#include "redline-rule-pack.h"
#include "redline-rule-private.h"

G_BEGIN_DECLS

struct _RedlineFinding
{
  GObject           parent_instance;

  /* The rule and its pack are referenced, not copied: a finding is made for
   * every hit of a large text. The term id and suggestions belong to them. */
  RedlineRule      *rule;
  RedlineRulePack  *pack;
  const char       *term_id;
  RedlineSeverity   severity;
  RedlineEcosystem  ecosystem;
  RedlineSeverity   other_severity;
  RedlineField      field;
  RedlineScope      scope;
  gboolean          outside_purpose;
  gboolean          outside_context;
  gsize             start;
  gsize             end;
  guint             line;
  guint             column;
  char             *text;
  char             *message;
  const char * const *suggestions;
  char             *missing;
  char             *trigger;
  char             *waived_by;
  char             *waived_at;
  char             *waiver_justification;
};

RedlineFinding *_redline_finding_new (void);

G_END_DECLS
