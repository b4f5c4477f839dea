/* redline-types.h: forward declarations and enumerations of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RedlineFinding  RedlineFinding;
typedef struct _RedlineRule     RedlineRule;
typedef struct _RedlineRulePack RedlineRulePack;
typedef struct _RedlineRuleSet  RedlineRuleSet;

/**
 * RedlineEcosystem:
 * @REDLINE_ECOSYSTEM_WEIXIN: Weixin, mainland China (PRC law and content rules)
 * @REDLINE_ECOSYSTEM_WECHAT: WeChat, the global app (foreign law, Tencent terms)
 *
 * The two separate ecosystems; a campaign belongs to exactly one.
 */
typedef enum
{
  REDLINE_ECOSYSTEM_WEIXIN,
  REDLINE_ECOSYSTEM_WECHAT,
} RedlineEcosystem;

#define REDLINE_N_ECOSYSTEMS 2

/**
 * RedlineSeverity:
 * @REDLINE_SEVERITY_OFF: not reported
 * @REDLINE_SEVERITY_INFO: for information, e.g. "not allowed on Weixin"
 * @REDLINE_SEVERITY_WARNING: likely to be rejected or to need evidence
 * @REDLINE_SEVERITY_ERROR: would be rejected; `redline-check` exits 1
 */
typedef enum
{
  REDLINE_SEVERITY_OFF,
  REDLINE_SEVERITY_INFO,
  REDLINE_SEVERITY_WARNING,
  REDLINE_SEVERITY_ERROR,
} RedlineSeverity;

/**
 * RedlineContentKind:
 * @REDLINE_CONTENT_KIND_ARTICLE: Official Account article (title and body)
 * @REDLINE_CONTENT_KIND_MOMENTS_AD: Moments ad
 * @REDLINE_CONTENT_KIND_CHANNELS: Channels video caption
 * @REDLINE_CONTENT_KIND_MINI_PROGRAM: Mini Program ad or page copy
 * @REDLINE_CONTENT_KIND_GROUP_MESSAGE: group message
 * @REDLINE_CONTENT_KIND_AUTO_REPLY: a message an Official Account sends by
 *   itself: its welcome message, its reply to any message, a keyword reply
 * @REDLINE_CONTENT_KIND_MENU: an item of an Official Account's custom menu
 *   (its name as the title, the message it sends as the body, the page it
 *   opens as the link)
 *
 * The first %REDLINE_N_POST_KINDS kinds are those of posts; the others are
 * an account's own content, which rule packs can address as well.
 */
typedef enum
{
  REDLINE_CONTENT_KIND_ARTICLE,
  REDLINE_CONTENT_KIND_MOMENTS_AD,
  REDLINE_CONTENT_KIND_CHANNELS,
  REDLINE_CONTENT_KIND_MINI_PROGRAM,
  REDLINE_CONTENT_KIND_GROUP_MESSAGE,
  REDLINE_CONTENT_KIND_AUTO_REPLY,
  REDLINE_CONTENT_KIND_MENU,
} RedlineContentKind;

#define REDLINE_N_POST_KINDS 5
#define REDLINE_N_CONTENT_KINDS 7

/**
 * RedlinePurpose:
 * @REDLINE_PURPOSE_ADVERTISING: the copy promotes a product or service (an
 *   advertisement under the Advertising Law); every rule applies
 * @REDLINE_PURPOSE_EDITORIAL: an article, news or knowledge that sells
 *   nothing; duties that exist only for ads do not apply
 * @REDLINE_PURPOSE_NOTICE: a service notice (opening hours, an order's
 *   state); duties that exist only for ads do not apply
 *
 * What a post is for. Rules declare the purposes they apply to (most
 * advertising-law rules: advertising only); a finding of a rule outside the
 * copy's purpose is reported as information, and a duty (a missing
 * disclaimer) is not reported. Paid placements are always advertising.
 */
typedef enum
{
  REDLINE_PURPOSE_ADVERTISING,
  REDLINE_PURPOSE_EDITORIAL,
  REDLINE_PURPOSE_NOTICE,
} RedlinePurpose;

#define REDLINE_N_PURPOSES 3

/**
 * RedlineField:
 * @REDLINE_FIELD_TITLE: a title or headline
 * @REDLINE_FIELD_DIGEST: the summary an article shows under its title
 * @REDLINE_FIELD_AUTHOR: the author an article names under its title
 * @REDLINE_FIELD_BODY: the body text
 * @REDLINE_FIELD_CALL_TO_ACTION: the call to action
 * @REDLINE_FIELD_LINK: the link the post points to
 *
 * The parts of a post that are checked, each on its own.
 */
typedef enum
{
  REDLINE_FIELD_TITLE,
  REDLINE_FIELD_DIGEST,
  REDLINE_FIELD_AUTHOR,
  REDLINE_FIELD_BODY,
  REDLINE_FIELD_CALL_TO_ACTION,
  REDLINE_FIELD_LINK,
} RedlineField;

#define REDLINE_N_FIELDS 6

/**
 * RedlineScope:
 * @REDLINE_SCOPE_SPAN: the finding is about a span of text
 * @REDLINE_SCOPE_DOCUMENT: the finding is about the whole document (something is missing)
 */
typedef enum
{
  REDLINE_SCOPE_SPAN,
  REDLINE_SCOPE_DOCUMENT,
} RedlineScope;

/**
 * RedlineRuleType:
 * @REDLINE_RULE_TYPE_TERMS: terms and patterns; every surviving hit is a finding
 * @REDLINE_RULE_TYPE_REQUIRES: a trigger requires one of a set of phrases
 * @REDLINE_RULE_TYPE_LINKS: links must point at allowlisted domains
 * @REDLINE_RULE_TYPE_LENGTH: length limits per content kind and field
 * @REDLINE_RULE_TYPE_PLAN: a check of a post's place in the plan (quotas,
 *   dates, what the account can publish), made by the planner from the
 *   planning data; no pack declares one in XML, and the text checker never
 *   runs one
 */
typedef enum
{
  REDLINE_RULE_TYPE_TERMS,
  REDLINE_RULE_TYPE_REQUIRES,
  REDLINE_RULE_TYPE_LINKS,
  REDLINE_RULE_TYPE_LENGTH,
  REDLINE_RULE_TYPE_PLAN,
} RedlineRuleType;

/**
 * RedlineLengthProfile:
 * @REDLINE_LENGTH_PROFILE_EDITOR: the limits of the platforms' web
 *   editors, which is what people type into (the default)
 * @REDLINE_LENGTH_PROFILE_API: the limits of the publishing interfaces,
 *   for copy a program sends (an article title of 32 characters instead of
 *   64, a digest of 128 instead of 120)
 *
 * Which of a length rule's limits apply, where the sources give two.
 */
typedef enum
{
  REDLINE_LENGTH_PROFILE_EDITOR,
  REDLINE_LENGTH_PROFILE_API,
} RedlineLengthProfile;

#define REDLINE_N_LENGTH_PROFILES 2

const char         *redline_ecosystem_to_string     (RedlineEcosystem    ecosystem);
gboolean            redline_ecosystem_from_string   (const char         *str,
                                                     RedlineEcosystem   *ecosystem);
RedlineEcosystem    redline_ecosystem_other         (RedlineEcosystem    ecosystem);
const char         *redline_severity_to_string      (RedlineSeverity     severity);
gboolean            redline_severity_from_string    (const char         *str,
                                                     RedlineSeverity    *severity);
const char         *redline_enum_to_nick            (GType               type,
                                                     int                 value);
gboolean            redline_enum_from_nick          (GType               type,
                                                     const char         *nick,
                                                     int                *value);
const char         *redline_content_kind_to_string  (RedlineContentKind  kind);
gboolean            redline_content_kind_from_string (const char         *str,
                                                     RedlineContentKind *kind);
const char         *redline_purpose_to_string       (RedlinePurpose      purpose);
gboolean            redline_purpose_from_string     (const char         *str,
                                                     RedlinePurpose     *purpose);
gboolean            redline_content_kind_is_post    (RedlineContentKind  kind);
gboolean            redline_content_kind_is_paid    (RedlineContentKind  kind);
RedlinePurpose      redline_content_kind_purpose    (RedlineContentKind  kind,
                                                     RedlinePurpose      purpose);
const char         *redline_field_to_string         (RedlineField        field);
gboolean            redline_field_from_string       (const char         *str,
                                                     RedlineField       *field);
const char         *redline_rule_type_to_string     (RedlineRuleType     type);
const char         *redline_length_profile_to_string (RedlineLengthProfile  profile);
gboolean            redline_length_profile_from_string (const char           *str,
                                                       RedlineLengthProfile *profile);

G_END_DECLS

/* The enumerations' GTypes (REDLINE_TYPE_ECOSYSTEM…), generated. */
#include "redline-enums.h"
