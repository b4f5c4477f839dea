/* redline-core.h: the public API of libredline-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-types.h"
#include "redline-calendar.h"
#include "redline-campaign.h"
#include "redline-check-index.h"
#include "redline-context.h"
#include "redline-finding.h"
#include "redline-history.h"
#include "redline-json.h"
#include "redline-labels.h"
#include "redline-matcher.h"
#include "redline-planner.h"
#include "redline-platform.h"
#include "redline-post.h"
#include "redline-post-summary.h"
#include "redline-project.h"
#include "redline-plan-export.h"
#include "redline-project-io.h"
#include "redline-rule.h"
#include "redline-rule-pack.h"
#include "redline-rule-set.h"
#include "redline-text.h"
