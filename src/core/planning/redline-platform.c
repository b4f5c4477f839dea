/* redline-platform.c: what each account type can do, from planning data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-planning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-planning-private.h"
#include "redline-platform.h"
#include "redline-rule.h"
#include "redline-severity-policy.h"

#define SCHEMA_RESOURCE "/org/redline/core/planning/redline-platform.rng"
#define BUILTIN_RESOURCE "/org/redline/core/planning/platform.xml"

typedef struct
{
  char   *id;
  char   *name;
  guint   kinds[REDLINE_N_ECOSYSTEMS];       /* bits of RedlineContentKind */
  guint   unconfirmed[REDLINE_N_ECOSYSTEMS];
  gboolean on[REDLINE_N_ECOSYSTEMS];
  GArray *quotas;                            /* of RedlineQuota */
} AccountType;

/**
 * RedlinePlatform:
 *
 * The planning data of `data/planning/platform.xml`: the account types,
 * what each can publish on each ecosystem, their broadcast quotas, and the
 * planner's checks (a pack of "plan" rules, category `platform`) with
 * their references and severities.
 */
struct _RedlinePlatform
{
  GObject          parent_instance;

  char            *version;
  RedlineRulePack *pack;
  GPtrArray       *account_types; /* of AccountType */
  GStrv            account_type_ids;
  RedlineMenuLimits  menu;
  RedlineReplyLimits replies;
};

G_DEFINE_FINAL_TYPE (RedlinePlatform, redline_platform, G_TYPE_OBJECT)

/* The checks the planner makes; the data must give each a reference. */
static const struct
{
  const char *id;
  const char *message;
} known_checks[] = {
  { "platform.plan.quota",
    N_("More broadcasts than the account type allows in a day or a month.") },
  { "platform.plan.outside-campaign",
    N_("A post scheduled outside its campaign’s dates.") },
  { "platform.plan.kind",
    N_("A content kind the campaign’s account type cannot publish on its ecosystem.") },
  { "platform.plan.unconfirmed",
    N_("A content kind no source confirms the account type can publish on its ecosystem.") },
  { "platform.plan.unknown-account-type",
    N_("An account type the planning data does not know: its quotas and capabilities are "
       "not checked.") },
  { "platform.menu.items",
    N_("More menu items than the platform shows.") },
  { "platform.menu.name",
    N_("A menu item’s name longer than the platform takes.") },
  { "platform.menu.name-shown",
    N_("A menu item’s name wider than the chat bar shows: the rest is cut off.") },
  { "platform.menu.action",
    N_("A menu item that does nothing when tapped, or opens a link longer than the platform "
       "takes.") },
  { "platform.reply.length",
    N_("An automatic reply longer than the platform takes.") },
  { "platform.reply.keywords",
    N_("More keyword replies, or keywords, than the platform takes, or a keyword or rule "
       "name too long.") },
  { "platform.reply.keyword-taken",
    N_("A keyword of two keyword replies: followers get only one of them.") },
};

static void
account_type_free (gpointer data)
{
  AccountType *type = data;

  g_free (type->id);
  g_free (type->name);
  g_array_unref (type->quotas);
  g_free (type);
}

static void
redline_platform_finalize (GObject *object)
{
  RedlinePlatform *self = (RedlinePlatform *) object;

  g_free (self->version);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->account_types, g_ptr_array_unref);
  g_strfreev (self->account_type_ids);

  G_OBJECT_CLASS (redline_platform_parent_class)->finalize (object);
}

static void
redline_platform_class_init (RedlinePlatformClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redline_platform_finalize;
}

static void
redline_platform_init (RedlinePlatform *self)
{
  self->account_types = g_ptr_array_new_with_free_func (account_type_free);
}

/* A kinds="…" list (the schema allows only the kinds' names). */
static guint
parse_kinds (xmlNode    *node,
             const char *attribute)
{
  g_autofree char *value = _redline_xml_dup_prop (node, attribute);
  g_auto(GStrv) names = g_strsplit_set (value != NULL ? value : "", " \t\r\n", -1);
  guint bits = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      RedlineContentKind kind;

      if (names[i][0] != '\0' && redline_content_kind_from_string (names[i], &kind))
        bits |= 1u << kind;
    }
  return bits;
}

static gboolean
parse_check (RedlineXmlSource  *source,
             xmlNode           *node,
             GArray            *checks,
             GHashTable        *seen,
             GError           **error)
{
  RedlinePlanCheck check = { 0 };
  const char *message = NULL;
  g_autofree char *id = _redline_xml_dup_prop (node, "id");

  for (guint i = 0; i < G_N_ELEMENTS (known_checks); i++)
    if (g_str_equal (known_checks[i].id, id))
      message = known_checks[i].message;
  if (message == NULL)
    {
      _redline_xml_set_node_error (source, error, node, "id", REDLINE_RULES_ERROR_INVALID,
                                   _("Redline makes no planning check “%s”"), id);
      return FALSE;
    }
  if (!g_hash_table_add (seen, g_strdup (id)))
    {
      _redline_xml_set_node_error (source, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                                   _("the check “%s” is given twice"), id);
      return FALSE;
    }

  redline_severity_policy_lookup ("platform", NULL, check.severity);
  for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      g_autofree char *value = _redline_xml_dup_prop (node, redline_ecosystem_to_string (e));

      if (value != NULL && !redline_severity_from_string (value, &check.severity[e]))
        g_assert_not_reached (); /* the schema allows only the severities */
    }
  check.id = g_steal_pointer (&id);
  check.message = message;
  check.category = _redline_xml_dup_prop (node, "category");
  if (check.category != NULL)
    redline_severity_policy_lookup (check.category, NULL, check.severity);
  for (RedlineEcosystem e = 0; check.category != NULL && e < REDLINE_N_ECOSYSTEMS; e++)
    {
      g_autofree char *value = _redline_xml_dup_prop (node, redline_ecosystem_to_string (e));

      if (value != NULL && !redline_severity_from_string (value, &check.severity[e]))
        g_assert_not_reached ();
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_redline_xml_is_element (child, "reference"))
        check.reference = _redline_xml_dup_prose (child);
      else if (_redline_xml_is_element (child, "url"))
        check.url = _redline_xml_dup_stripped (child);
    }
  g_array_append_val (checks, check);
  return TRUE;
}

static gboolean
parse_account_type (RedlinePlatform   *self,
                    RedlineXmlSource  *source,
                    xmlNode           *node,
                    GHashTable        *seen,
                    GError           **error)
{
  AccountType *type = g_new0 (AccountType, 1);

  type->id = _redline_xml_dup_prop (node, "id");
  type->name = _redline_planning_pick_name (node);
  type->quotas = g_array_new (FALSE, FALSE, sizeof (RedlineQuota));
  g_ptr_array_add (self->account_types, type);
  if (!g_hash_table_add (seen, g_strdup (type->id)))
    {
      _redline_xml_set_node_error (source, error, node, "id", REDLINE_RULES_ERROR_DUPLICATE_ID,
                                   _("the account type “%s” is given twice"), type->id);
      return FALSE;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_redline_xml_is_element (child, "on"))
        {
          g_autofree char *name = _redline_xml_dup_prop (child, "ecosystem");
          RedlineEcosystem ecosystem;

          if (!redline_ecosystem_from_string (name, &ecosystem))
            g_assert_not_reached ();
          if (type->on[ecosystem])
            {
              _redline_xml_set_node_error (source, error, child, "ecosystem",
                                           REDLINE_RULES_ERROR_DUPLICATE_ID,
                                           _("the account type “%s” has two <on "
                                             "ecosystem=\"%s\">"), type->id, name);
              return FALSE;
            }
          type->on[ecosystem] = TRUE;
          type->kinds[ecosystem] = parse_kinds (child, "kinds");
          type->unconfirmed[ecosystem] = parse_kinds (child, "unconfirmed");
          if ((type->kinds[ecosystem] & type->unconfirmed[ecosystem]) != 0)
            {
              _redline_xml_set_node_error (source, error, child, "unconfirmed",
                                           REDLINE_RULES_ERROR_INVALID,
                                           _("a content kind is both confirmed and "
                                             "unconfirmed for “%s” on %s"), type->id, name);
              return FALSE;
            }
        }
      else if (_redline_xml_is_element (child, "quota"))
        {
          g_autofree char *max = _redline_xml_dup_prop (child, "max");
          g_autofree char *period = _redline_xml_dup_prop (child, "period");
          RedlineQuota quota = { 0 };
          guint64 value = 0;

          quota.kinds = parse_kinds (child, "kinds");
          quota.period = g_str_equal (period, "day") ? REDLINE_PERIOD_DAY : REDLINE_PERIOD_MONTH;
          if (!g_ascii_string_to_unsigned (max, 10, 1, 10000, &value, NULL) || quota.kinds == 0)
            {
              _redline_xml_set_node_error (source, error, child, quota.kinds == 0 ? "kinds" : "max",
                                           REDLINE_RULES_ERROR_INVALID,
                                           _("a quota needs at least one content kind and a "
                                             "maximum from 1 to 10000"));
              return FALSE;
            }
          quota.max = value;
          g_array_append_val (type->quotas, quota);
        }
    }
  return TRUE;
}

static void
clear_check (gpointer data)
{
  RedlinePlanCheck *check = data;

  g_free ((char *) check->id);
  g_free ((char *) check->reference);
  g_free ((char *) check->url);
  g_free ((char *) check->category);
}

/* A number the schema has checked (a positive integer up to 100000). */
static guint
count_prop (xmlNode    *node,
            const char *name)
{
  g_autofree char *value = _redline_xml_dup_prop (node, name);
  guint64 count = 0;

  if (!g_ascii_string_to_unsigned (value, 10, 1, 100000, &count, NULL))
    g_assert_not_reached ();
  return count;
}

static void
parse_menu (RedlinePlatform *self,
            xmlNode         *node)
{
  self->menu.items = count_prop (node, "items");
  self->menu.sub_items = count_prop (node, "sub-items");
  self->menu.link_bytes = count_prop (node, "link-bytes");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_redline_xml_is_element (child, "name"))
        {
          g_autofree char *level = _redline_xml_dup_prop (child, "level");
          RedlineMenuLevel l = g_strcmp0 (level, "top") == 0 ? REDLINE_MENU_LEVEL_TOP
                                                             : REDLINE_MENU_LEVEL_SUB;

          self->menu.name_bytes[l] = count_prop (child, "max-bytes");
          self->menu.name_shown[l] = count_prop (child, "shown");
        }
    }
}

static void
parse_auto_replies (RedlinePlatform *self,
                    xmlNode         *node)
{
  self->replies.rules = count_prop (node, "rules");
  self->replies.rule_name = count_prop (node, "rule-name");
  self->replies.keywords = count_prop (node, "keywords");
  self->replies.keyword_length = count_prop (node, "keyword-length");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_redline_xml_is_element (child, "text"))
        {
          g_autofree char *trigger = _redline_xml_dup_prop (child, "trigger");
          int value;

          if (!redline_enum_from_nick (REDLINE_TYPE_REPLY_TRIGGER, trigger, &value))
            g_assert_not_reached ();
          self->replies.text[value] = count_prop (child, "max");
        }
    }
}

static gboolean
load_document (GObject           *object,
               RedlineXmlSource  *source,
               xmlDocPtr          doc,
               GError           **error)
{
  RedlinePlatform *self = (RedlinePlatform *) object;
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GArray) checks = g_array_new (FALSE, TRUE, sizeof (RedlinePlanCheck));
  g_autoptr(GHashTable) seen_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *title = NULL;

  g_array_set_clear_func (checks, clear_check);
  self->version = _redline_xml_dup_prop (root, "version");
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (_redline_xml_is_element (node, "check"))
        {
          if (!parse_check (source, node, checks, seen_checks, error))
            return FALSE;
        }
      else if (_redline_xml_is_element (node, "menu"))
        parse_menu (self, node);
      else if (_redline_xml_is_element (node, "auto-replies"))
        parse_auto_replies (self, node);
      else if (_redline_xml_is_element (node, "account-type"))
        {
          if (!parse_account_type (self, source, node, seen_types, error))
            return FALSE;
          g_strv_builder_add (ids, ((AccountType *) g_ptr_array_index (
                                      self->account_types, self->account_types->len - 1))->id);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (known_checks); i++)
    {
      if (!g_hash_table_contains (seen_checks, known_checks[i].id))
        {
          _redline_xml_set_node_error (source, error, root, NULL, REDLINE_RULES_ERROR_INVALID,
                                       _("the planning check “%s” is missing: give it a "
                                         "<check id=\"%s\"> with its reference"),
                                       known_checks[i].id, known_checks[i].id);
          return FALSE;
        }
    }
  for (guint i = 0; i < checks->len; i++)
    {
      RedlinePlanCheck *check = &g_array_index (checks, RedlinePlanCheck, i);

      check->message = _(check->message);
    }

  self->account_type_ids = g_strv_builder_end (ids);
  title = g_strdup (_("Planning checks: broadcast quotas, campaign dates, account "
                      "capabilities, menus and automatic replies"));
  self->pack = redline_rule_pack_new_plan ("redline.platform", self->version,
                                           source->display_name, title,
                                           (const RedlinePlanCheck *) checks->data, checks->len);
  return TRUE;
}

/**
 * redline_platform_new_from_bytes:
 * @bytes: planning data, as `data/planning/platform.xml`
 * @display_name: how to name it in messages (usually its path)
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Loads and validates planning data. It is refused whole on the first
 * error, which names @display_name, the line and the column.
 *
 * Returns: (transfer full): the platform data, or %NULL
 */
RedlinePlatform *
redline_platform_new_from_bytes (GBytes      *bytes,
                                 const char  *display_name,
                                 GError     **error)
{
  return (RedlinePlatform *) _redline_planning_new (REDLINE_TYPE_PLATFORM, bytes, display_name,
                                                    SCHEMA_RESOURCE, load_document, error);
}

/**
 * redline_platform_load_builtin:
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the planning data built into Redline, or %NULL
 */
RedlinePlatform *
redline_platform_load_builtin (GError **error)
{
  return (RedlinePlatform *) _redline_planning_new_builtin (REDLINE_TYPE_PLATFORM, BUILTIN_RESOURCE,
                                                            SCHEMA_RESOURCE, load_document, error);
}

const char *
redline_platform_get_version (RedlinePlatform *self)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  return self->version;
}

/**
 * redline_platform_get_rule_pack:
 * @self: a #RedlinePlatform
 *
 * Returns: (transfer none): the pack of the planner's rules
 */
RedlineRulePack *
redline_platform_get_rule_pack (RedlinePlatform *self)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  return self->pack;
}

/**
 * redline_platform_get_check:
 * @self: a #RedlinePlatform
 * @id: a check's id, such as `platform.plan.quota`
 *
 * Returns: (transfer none): its rule
 */
RedlineRule *
redline_platform_get_check (RedlinePlatform *self,
                            const char      *id)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);

  for (guint i = 0; i < redline_rule_pack_get_n_rules (self->pack); i++)
    {
      RedlineRule *rule = redline_rule_pack_get_rule (self->pack, i);

      if (g_str_equal (redline_rule_get_id (rule), id))
        return rule;
    }
  g_return_val_if_reached (NULL);
}

/**
 * redline_platform_get_menu_limits:
 * @self: a #RedlinePlatform
 *
 * Returns: (transfer none): the platform's limits on a custom menu
 */
const RedlineMenuLimits *
redline_platform_get_menu_limits (RedlinePlatform *self)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  return &self->menu;
}

/**
 * redline_platform_get_reply_limits:
 * @self: a #RedlinePlatform
 *
 * Returns: (transfer none): the platform's limits on automatic replies
 */
const RedlineReplyLimits *
redline_platform_get_reply_limits (RedlinePlatform *self)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  return &self->replies;
}

/**
 * redline_platform_get_account_types:
 * @self: a #RedlinePlatform
 *
 * Returns: (transfer none): the ids of the account types, in the data's order
 */
const char * const *
redline_platform_get_account_types (RedlinePlatform *self)
{
  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  return (const char * const *) self->account_type_ids;
}

static AccountType *
find_type (RedlinePlatform *self,
           const char      *id)
{
  for (guint i = 0; id != NULL && i < self->account_types->len; i++)
    {
      AccountType *type = g_ptr_array_index (self->account_types, i);

      if (g_str_equal (type->id, id))
        return type;
    }
  return NULL;
}

/**
 * redline_platform_get_account_type_name:
 * @self: a #RedlinePlatform
 * @account_type: an account type's id
 *
 * Returns: (nullable): its name in the user's language, or %NULL if the
 *   data does not know it
 */
const char *
redline_platform_get_account_type_name (RedlinePlatform *self,
                                        const char      *account_type)
{
  AccountType *type;

  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);

  type = find_type (self, account_type);
  return type != NULL ? type->name : NULL;
}

/**
 * redline_platform_can_publish:
 * @self: a #RedlinePlatform
 * @account_type: an account type's id
 * @ecosystem: an ecosystem
 * @kind: a content kind
 *
 * Returns: whether an account of @account_type on @ecosystem can publish
 *   @kind
 */
RedlineCapability
redline_platform_can_publish (RedlinePlatform    *self,
                              const char         *account_type,
                              RedlineEcosystem    ecosystem,
                              RedlineContentKind  kind)
{
  AccountType *type;

  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), REDLINE_CAPABILITY_UNKNOWN);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, REDLINE_CAPABILITY_UNKNOWN);
  g_return_val_if_fail (kind < REDLINE_N_CONTENT_KINDS, REDLINE_CAPABILITY_UNKNOWN);

  type = find_type (self, account_type);
  if (type == NULL)
    return REDLINE_CAPABILITY_UNKNOWN;
  if ((type->kinds[ecosystem] & (1u << kind)) != 0)
    return REDLINE_CAPABILITY_YES;
  if ((type->unconfirmed[ecosystem] & (1u << kind)) != 0)
    return REDLINE_CAPABILITY_UNCONFIRMED;
  return REDLINE_CAPABILITY_NO;
}

/**
 * redline_platform_get_quotas:
 * @self: a #RedlinePlatform
 * @account_type: an account type's id
 * @n_quotas: (out): how many there are
 *
 * Returns: (array length=n_quotas) (transfer none) (nullable): the
 *   broadcast quotas of @account_type
 */
const RedlineQuota *
redline_platform_get_quotas (RedlinePlatform *self,
                             const char      *account_type,
                             guint           *n_quotas)
{
  AccountType *type;

  g_return_val_if_fail (REDLINE_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (n_quotas != NULL, NULL);

  type = find_type (self, account_type);
  *n_quotas = type != NULL ? type->quotas->len : 0;
  return type != NULL ? (const RedlineQuota *) type->quotas->data : NULL;
}
