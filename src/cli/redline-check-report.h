/* redline-check-report.h: --report, through the report module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-core.h"
#include "redline-report.h"

G_BEGIN_DECLS

gboolean check_report_write (RedlineProject       *project,
                             RedlineRuleSet       *rule_set,
                             RedlineReportFormat   format,
                             GFile                *file,
                             GError              **error);

G_END_DECLS
