/* redline-platform.h: what each account type can do, from planning data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-rule-pack.h"
#include "redline-types.h"

G_BEGIN_DECLS

/**
 * RedlineCapability:
 * @REDLINE_CAPABILITY_YES: the account type can publish the content kind
 * @REDLINE_CAPABILITY_NO: it cannot
 * @REDLINE_CAPABILITY_UNCONFIRMED: no source confirms that it can
 * @REDLINE_CAPABILITY_UNKNOWN: the planning data does not know the account type
 */
typedef enum
{
  REDLINE_CAPABILITY_YES,
  REDLINE_CAPABILITY_NO,
  REDLINE_CAPABILITY_UNCONFIRMED,
  REDLINE_CAPABILITY_UNKNOWN,
} RedlineCapability;

/**
 * RedlinePeriod:
 * @REDLINE_PERIOD_DAY: a calendar day
 * @REDLINE_PERIOD_MONTH: a calendar month
 */
typedef enum
{
  REDLINE_PERIOD_DAY,
  REDLINE_PERIOD_MONTH,
} RedlinePeriod;

/**
 * RedlineQuota:
 * @kinds: the content kinds that count (a bit per #RedlineContentKind)
 * @max: how many broadcasts a period allows
 * @period: the period
 *
 * A broadcast quota of an account type.
 */
typedef struct
{
  guint         kinds;
  guint         max;
  RedlinePeriod period;
} RedlineQuota;

#define REDLINE_TYPE_PLATFORM (redline_platform_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePlatform, redline_platform, REDLINE, PLATFORM, GObject)

RedlinePlatform     *redline_platform_new_from_bytes       (GBytes            *bytes,
                                                            const char        *display_name,
                                                            GError           **error);
RedlinePlatform     *redline_platform_load_builtin         (GError           **error);
const char          *redline_platform_get_version          (RedlinePlatform   *self);
RedlineRulePack     *redline_platform_get_rule_pack        (RedlinePlatform   *self);
RedlineRule         *redline_platform_get_check            (RedlinePlatform   *self,
                                                            const char        *id);
const char * const  *redline_platform_get_account_types    (RedlinePlatform   *self);
const char          *redline_platform_get_account_type_name (RedlinePlatform  *self,
                                                            const char        *account_type);
RedlineCapability    redline_platform_can_publish          (RedlinePlatform   *self,
                                                            const char        *account_type,
                                                            RedlineEcosystem   ecosystem,
                                                            RedlineContentKind kind);
const RedlineQuota  *redline_platform_get_quotas           (RedlinePlatform   *self,
                                                            const char        *account_type,
                                                            guint             *n_quotas);

G_END_DECLS
