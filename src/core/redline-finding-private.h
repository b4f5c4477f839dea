/* redline-finding-private.h: how the checker fills in a finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-finding.h"

G_BEGIN_DECLS

struct _RedlineFinding
{
  GObject           parent_instance;

  char             *rule_id;
  char             *term_id;
  char             *pack_id;
  char             *pack_version;
  char             *category;
  RedlineSeverity   severity;
  RedlineEcosystem  ecosystem;
  RedlineSeverity   other_severity;
  RedlineField      field;
  RedlineScope      scope;
  gsize             start;
  gsize             end;
  guint             line;
  guint             column;
  char             *text;
  char             *message;
  char            **suggestions;
  char             *reference;
  char             *url;
  char             *missing;
  char             *trigger;
};

RedlineFinding *_redline_finding_new (void);

G_END_DECLS
