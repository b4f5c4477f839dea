/* redline-types.c: string forms of the core enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-types.h"

/* The string forms are part of the file formats (rule packs, project files)
 * and the command-line contract: never change one. */
static const char * const ecosystem_names[] = { "weixin", "wechat" };
static const char * const severity_names[] = { "off", "info", "warning", "error" };
static const char * const kind_names[] = {
  "article", "moments-ad", "channels", "mini-program", "group-message",
};
static const char * const field_names[] = { "title", "body", "call-to-action", "link" };
static const char * const rule_type_names[] = { "terms", "requires", "links", "length" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *index)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
redline_ecosystem_to_string (RedlineEcosystem ecosystem)
{
  g_return_val_if_fail (ecosystem < G_N_ELEMENTS (ecosystem_names), NULL);
  return ecosystem_names[ecosystem];
}

gboolean
redline_ecosystem_from_string (const char       *str,
                               RedlineEcosystem *ecosystem)
{
  guint i;

  if (!lookup_name (ecosystem_names, G_N_ELEMENTS (ecosystem_names), str, &i))
    return FALSE;
  *ecosystem = i;
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
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_names), NULL);
  return severity_names[severity];
}

gboolean
redline_severity_from_string (const char      *str,
                              RedlineSeverity *severity)
{
  guint i;

  if (!lookup_name (severity_names, G_N_ELEMENTS (severity_names), str, &i))
    return FALSE;
  *severity = i;
  return TRUE;
}

const char *
redline_content_kind_to_string (RedlineContentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
redline_content_kind_from_string (const char         *str,
                                  RedlineContentKind *kind)
{
  guint i;

  if (!lookup_name (kind_names, G_N_ELEMENTS (kind_names), str, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
redline_field_to_string (RedlineField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (field_names), NULL);
  return field_names[field];
}

gboolean
redline_field_from_string (const char   *str,
                           RedlineField *field)
{
  guint i;

  if (!lookup_name (field_names, G_N_ELEMENTS (field_names), str, &i))
    return FALSE;
  *field = i;
  return TRUE;
}

const char *
redline_rule_type_to_string (RedlineRuleType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (rule_type_names), NULL);
  return rule_type_names[type];
}
