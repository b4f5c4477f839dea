/* redline-types.c: string forms of the core enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-enums.h"
#include "redline-types.h"

/* The string forms are part of the file formats (rule packs, project files)
 * and of the command-line contract: they are the enums' GType nicks, which
 * glib-mkenums derives from the value names (REDLINE_CONTENT_KIND_MOMENTS_AD
 * is "moments-ad"), and test-types pins them. */

static GEnumClass *
enum_class (GType type)
{
  /* Kept for the life of the process, as GLib keeps the type itself. */
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

/**
 * redline_enum_to_nick:
 * @type: an enumeration's #GType
 * @value: one of its values
 *
 * The string form of a value, as files and the command line write it.
 *
 * Returns: (nullable): @value's nick, or %NULL when @type has no such value
 */
const char *
redline_enum_to_nick (GType type,
                      int   value)
{
  GEnumValue *enum_value = g_enum_get_value (enum_class (type), value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/**
 * redline_enum_from_nick:
 * @type: an enumeration's #GType
 * @nick: (nullable): a string form
 * @value: (out): the value it names
 *
 * Returns: whether @nick names a value of @type
 */
gboolean
redline_enum_from_nick (GType       type,
                        const char *nick,
                        int        *value)
{
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;
  enum_value = g_enum_get_value_by_nick (enum_class (type), nick);
  if (enum_value == NULL)
    return FALSE;
  *value = enum_value->value;
  return TRUE;
}

const char *
redline_ecosystem_to_string (RedlineEcosystem ecosystem)
{
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_ECOSYSTEM, ecosystem);
}

gboolean
redline_ecosystem_from_string (const char       *str,
                               RedlineEcosystem *ecosystem)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_ECOSYSTEM, str, &value))
    return FALSE;
  *ecosystem = value;
  return TRUE;
}

RedlineEcosystem
redline_ecosystem_other (RedlineEcosystem ecosystem)
{
  return ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? REDLINE_ECOSYSTEM_WECHAT
                                               : REDLINE_ECOSYSTEM_WEIXIN;
}

const char *
redline_severity_to_string (RedlineSeverity severity)
{
  g_return_val_if_fail (severity <= REDLINE_SEVERITY_ERROR, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_SEVERITY, severity);
}

gboolean
redline_severity_from_string (const char      *str,
                              RedlineSeverity *severity)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_SEVERITY, str, &value))
    return FALSE;
  *severity = value;
  return TRUE;
}

const char *
redline_content_kind_to_string (RedlineContentKind kind)
{
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_CONTENT_KIND, kind);
}

gboolean
redline_content_kind_from_string (const char         *str,
                                  RedlineContentKind *kind)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_CONTENT_KIND, str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
redline_purpose_to_string (RedlinePurpose purpose)
{
  g_return_val_if_fail (purpose < REDLINE_N_PURPOSES, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_PURPOSE, purpose);
}

gboolean
redline_purpose_from_string (const char     *str,
                             RedlinePurpose *purpose)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_PURPOSE, str, &value))
    return FALSE;
  *purpose = value;
  return TRUE;
}

/**
 * redline_content_kind_is_post:
 * @kind: a content kind
 *
 * Returns: whether a post can be of @kind (an auto-reply or a menu item is
 *   an account's content, not a post)
 */
gboolean
redline_content_kind_is_post (RedlineContentKind kind)
{
  return kind < REDLINE_N_POST_KINDS;
}

/**
 * redline_content_kind_is_paid:
 * @kind: a content kind
 *
 * Returns: whether @kind is a paid placement (a Moments ad, a Mini Program
 *   ad), which is advertising whatever its copy says
 */
gboolean
redline_content_kind_is_paid (RedlineContentKind kind)
{
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, FALSE);
  return kind == REDLINE_CONTENT_KIND_MOMENTS_AD || kind == REDLINE_CONTENT_KIND_MINI_PROGRAM;
}

/**
 * redline_content_kind_purpose:
 * @kind: a content kind
 * @purpose: the purpose a post of @kind states
 *
 * Returns: the purpose a post of @kind is checked for: @purpose, except for
 *   a paid placement, which is always %REDLINE_PURPOSE_ADVERTISING
 */
RedlinePurpose
redline_content_kind_purpose (RedlineContentKind kind,
                              RedlinePurpose     purpose)
{
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, REDLINE_PURPOSE_ADVERTISING);
  g_return_val_if_fail (purpose < REDLINE_N_PURPOSES, REDLINE_PURPOSE_ADVERTISING);
  return redline_content_kind_is_paid (kind) ? REDLINE_PURPOSE_ADVERTISING : purpose;
}

const char *
redline_field_to_string (RedlineField field)
{
  g_return_val_if_fail (field < REDLINE_N_FIELDS, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_FIELD, field);
}

gboolean
redline_field_from_string (const char   *str,
                           RedlineField *field)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_FIELD, str, &value))
    return FALSE;
  *field = value;
  return TRUE;
}

const char *
redline_rule_type_to_string (RedlineRuleType type)
{
  g_return_val_if_fail (type <= REDLINE_RULE_TYPE_PLAN, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_RULE_TYPE, type);
}

const char *
redline_length_profile_to_string (RedlineLengthProfile profile)
{
  g_return_val_if_fail (profile < REDLINE_N_LENGTH_PROFILES, NULL);
  return redline_enum_to_nick (REDLINE_TYPE_LENGTH_PROFILE, profile);
}

gboolean
redline_length_profile_from_string (const char           *str,
                                    RedlineLengthProfile *profile)
{
  int value;

  if (!redline_enum_from_nick (REDLINE_TYPE_LENGTH_PROFILE, str, &value))
    return FALSE;
  *profile = value;
  return TRUE;
}
