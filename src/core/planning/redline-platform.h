/* redline-platform.h: what each account type can do, from planning data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-auto-reply.h"
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

/**
 * RedlineMenuLevel:
 * @REDLINE_MENU_LEVEL_TOP: a top-level item of a custom menu
 * @REDLINE_MENU_LEVEL_SUB: a sub-item
 */
typedef enum
{
  REDLINE_MENU_LEVEL_TOP,
  REDLINE_MENU_LEVEL_SUB,
} RedlineMenuLevel;

#define REDLINE_N_MENU_LEVELS 2

/**
 * RedlineMenuLimits:
 * @items: how many top-level items a menu shows
 * @sub_items: how many sub-items a top-level item opens
 * @name_bytes: the longest name of each #RedlineMenuLevel, in UTF-8 bytes
 * @name_shown: how wide a name of each level shows, in Chinese characters
 *   (a narrow character is half of one); the rest is cut off
 * @link_bytes: the longest link, in bytes
 *
 * The platform's limits on an Official Account's custom menu.
 */
typedef struct
{
  guint items;
  guint sub_items;
  guint name_bytes[REDLINE_N_MENU_LEVELS];
  guint name_shown[REDLINE_N_MENU_LEVELS];
  guint link_bytes;
} RedlineMenuLimits;

/**
 * RedlineReplyLimits:
 * @rules: how many keyword replies an account may have
 * @rule_name: the longest rule name, in characters
 * @keywords: how many keywords a keyword reply may have
 * @keyword_length: the longest keyword, in characters
 * @text: the longest text of each #RedlineReplyTrigger's reply, in
 *   characters
 *
 * The platform's limits on an Official Account's automatic replies.
 */
typedef struct
{
  guint rules;
  guint rule_name;
  guint keywords;
  guint keyword_length;
  guint text[REDLINE_N_REPLY_TRIGGERS];
} RedlineReplyLimits;

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
const RedlineMenuLimits  *redline_platform_get_menu_limits  (RedlinePlatform *self);
const RedlineReplyLimits *redline_platform_get_reply_limits (RedlinePlatform *self);
const RedlineQuota  *redline_platform_get_quotas           (RedlinePlatform   *self,
                                                            const char        *account_type,
                                                            guint             *n_quotas);

G_END_DECLS
