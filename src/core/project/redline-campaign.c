/* redline-campaign.c: a campaign of a project, on one ecosystem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-campaign"

#include "config.h"

#include "redline-campaign.h"
#include "redline-model-private.h"

/**
 * RedlineCampaign:
 *
 * One campaign: a plan on exactly one ecosystem. Dates are `YYYY-MM-DD`,
 * the budget is in minor units (cents, fen) of an ISO 4217 currency.
 *
 * A campaign taken from redline_project_get_campaigns() is the project's
 * own object: change it, then call redline_project_update_campaign().
 */
struct _RedlineCampaign
{
  GObject           parent_instance;

  gint64            id;
  RedlineEcosystem  ecosystem;
  gint64            budget;
  char            **target_regions;
  char             *strings[8];
};

G_DEFINE_FINAL_TYPE (RedlineCampaign, redline_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ECOSYSTEM,
  PROP_BUDGET,
  PROP_TARGET_REGIONS,
  /* The string properties, in the order of self->strings. */
  PROP_NAME,
  PROP_ACCOUNT_TYPE,
  PROP_OBJECTIVE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_CURRENCY,
  PROP_NOTES,
  PROP_ACCOUNT,
  N_PROPS
};

#define FIRST_STRING_PROP PROP_NAME

static GParamSpec *properties[N_PROPS];

static void
set_string (RedlineCampaign *self,
            guint            prop_id,
            const char      *value)
{
  g_assert (prop_id >= FIRST_STRING_PROP && prop_id < N_PROPS);

  if (_redline_set_str (&self->strings[prop_id - FIRST_STRING_PROP], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_string (RedlineCampaign *self,
            guint            prop_id)
{
  g_assert (prop_id >= FIRST_STRING_PROP && prop_id < N_PROPS);

  return self->strings[prop_id - FIRST_STRING_PROP];
}

static void
redline_campaign_finalize (GObject *object)
{
  RedlineCampaign *self = REDLINE_CAMPAIGN (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_clear_pointer (&self->strings[i], g_free);
  g_clear_pointer (&self->target_regions, g_strfreev);

  G_OBJECT_CLASS (redline_campaign_parent_class)->finalize (object);
}

static void
redline_campaign_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RedlineCampaign *self = REDLINE_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ECOSYSTEM:
      g_value_set_enum (value, self->ecosystem);
      break;
    case PROP_BUDGET:
      g_value_set_int64 (value, self->budget);
      break;
    case PROP_TARGET_REGIONS:
      g_value_set_boxed (value, self->target_regions);
      break;
    case PROP_NAME:
    case PROP_ACCOUNT_TYPE:
    case PROP_OBJECTIVE:
    case PROP_START_DATE:
    case PROP_END_DATE:
    case PROP_CURRENCY:
    case PROP_NOTES:
    case PROP_ACCOUNT:
      g_value_set_string (value, get_string (self, prop_id));
      break;
    case PROP_0:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_campaign_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RedlineCampaign *self = REDLINE_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ECOSYSTEM:
      redline_campaign_set_ecosystem (self, g_value_get_enum (value));
      break;
    case PROP_BUDGET:
      redline_campaign_set_budget (self, g_value_get_int64 (value));
      break;
    case PROP_TARGET_REGIONS:
      redline_campaign_set_target_regions (self, g_value_get_boxed (value));
      break;
    case PROP_NAME:
    case PROP_ACCOUNT_TYPE:
    case PROP_OBJECTIVE:
    case PROP_START_DATE:
    case PROP_END_DATE:
    case PROP_CURRENCY:
    case PROP_NOTES:
    case PROP_ACCOUNT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_0:
    case PROP_ID:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_campaign_class_init (RedlineCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[] = {
    "name", "account-type", "objective", "start-date", "end-date", "currency", "notes",
    "account",
  };

  object_class->finalize = redline_campaign_finalize;
  object_class->get_property = redline_campaign_get_property;
  object_class->set_property = redline_campaign_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ECOSYSTEM] =
    g_param_spec_enum ("ecosystem", NULL, NULL, REDLINE_TYPE_ECOSYSTEM, REDLINE_ECOSYSTEM_WEIXIN,
                       flags);
  properties[PROP_BUDGET] =
    g_param_spec_int64 ("budget", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TARGET_REGIONS] =
    g_param_spec_boxed ("target-regions", NULL, NULL, G_TYPE_STRV, flags);
  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING_PROP);
  for (guint i = 0; i < G_N_ELEMENTS (string_names); i++)
    properties[FIRST_STRING_PROP + i] =
      g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_campaign_init (RedlineCampaign *self)
{
}

/**
 * redline_campaign_new:
 * @name: the campaign's name
 * @ecosystem: its ecosystem
 *
 * Returns: (transfer full): a campaign, not yet in a project
 */
RedlineCampaign *
redline_campaign_new (const char       *name,
                      RedlineEcosystem  ecosystem)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);

  return g_object_new (REDLINE_TYPE_CAMPAIGN, "name", name, "ecosystem", ecosystem, NULL);
}

void
_redline_campaign_set_id (RedlineCampaign *self,
                          gint64           id)
{
  g_assert (REDLINE_IS_CAMPAIGN (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * redline_campaign_get_id:
 * @self: a #RedlineCampaign
 *
 * Returns: the campaign's id in its project, or 0 when not yet added
 */
gint64
redline_campaign_get_id (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), 0);
  return self->id;
}

const char *
redline_campaign_get_name (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_NAME);
}

void
redline_campaign_set_name (RedlineCampaign *self,
                           const char      *name)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_NAME, name);
}

const char *
redline_campaign_get_account_type (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_ACCOUNT_TYPE);
}

void
redline_campaign_set_account_type (RedlineCampaign *self,
                                   const char      *account_type)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_ACCOUNT_TYPE, account_type);
}

const char *
redline_campaign_get_objective (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_OBJECTIVE);
}

void
redline_campaign_set_objective (RedlineCampaign *self,
                                const char      *objective)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_OBJECTIVE, objective);
}

const char *
redline_campaign_get_start_date (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_START_DATE);
}

void
redline_campaign_set_start_date (RedlineCampaign *self,
                                 const char      *start_date)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_START_DATE, start_date);
}

const char *
redline_campaign_get_end_date (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_END_DATE);
}

void
redline_campaign_set_end_date (RedlineCampaign *self,
                               const char      *end_date)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_END_DATE, end_date);
}

const char *
redline_campaign_get_currency (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_CURRENCY);
}

void
redline_campaign_set_currency (RedlineCampaign *self,
                               const char      *currency)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_CURRENCY, currency);
}

const char *
redline_campaign_get_notes (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_NOTES);
}

void
redline_campaign_set_notes (RedlineCampaign *self,
                            const char      *notes)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_NOTES, notes);
}

/**
 * redline_campaign_get_start_day:
 * @self: a #RedlineCampaign
 * @day: (out caller-allocates): its first day
 *
 * Returns: %FALSE if the campaign has no start date (or not a date)
 */
gboolean
redline_campaign_get_start_day (RedlineCampaign *self,
                                GDate           *day)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  return _redline_parse_date (get_string (self, PROP_START_DATE), day);
}

/**
 * redline_campaign_get_end_day:
 * @self: a #RedlineCampaign
 * @day: (out caller-allocates): its last day
 *
 * Returns: %FALSE if the campaign has no end date (or not a date)
 */
gboolean
redline_campaign_get_end_day (RedlineCampaign *self,
                              GDate           *day)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  return _redline_parse_date (get_string (self, PROP_END_DATE), day);
}

/**
 * redline_campaign_get_account:
 * @self: a #RedlineCampaign
 *
 * The name of the account the campaign publishes from. Campaigns that name
 * the same account (of the same type, on the same ecosystem) share its
 * broadcast quota.
 *
 * Returns: (nullable): the account's name
 */
const char *
redline_campaign_get_account (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);
  return get_string (self, PROP_ACCOUNT);
}

void
redline_campaign_set_account (RedlineCampaign *self,
                              const char      *account)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  set_string (self, PROP_ACCOUNT, account);
}

RedlineEcosystem
redline_campaign_get_ecosystem (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), REDLINE_ECOSYSTEM_WEIXIN);
  return self->ecosystem;
}

void
redline_campaign_set_ecosystem (RedlineCampaign  *self,
                                RedlineEcosystem  ecosystem)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  g_return_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS);

  if (self->ecosystem == ecosystem)
    return;
  self->ecosystem = ecosystem;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ECOSYSTEM]);
}

gint64
redline_campaign_get_budget (RedlineCampaign *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), 0);
  return self->budget;
}

void
redline_campaign_set_budget (RedlineCampaign *self,
                             gint64           budget)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));
  g_return_if_fail (budget >= 0);

  if (self->budget == budget)
    return;
  self->budget = budget;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

/**
 * redline_campaign_get_target_regions:
 * @self: a #RedlineCampaign
 *
 * Returns: (transfer none) (array zero-terminated=1): region codes, never %NULL
 */
const char * const *
redline_campaign_get_target_regions (RedlineCampaign *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), empty);
  return self->target_regions != NULL ? (const char * const *) self->target_regions : empty;
}

void
redline_campaign_set_target_regions (RedlineCampaign    *self,
                                     const char * const *regions)
{
  g_return_if_fail (REDLINE_IS_CAMPAIGN (self));

  if (regions != NULL && regions[0] == NULL)
    regions = NULL;
  if (self->target_regions == NULL && regions == NULL)
    return;
  if (self->target_regions != NULL && regions != NULL &&
      g_strv_equal ((const char * const *) self->target_regions, regions))
    return;
  g_strfreev (self->target_regions);
  self->target_regions = g_strdupv ((char **) regions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_REGIONS]);
}

/**
 * redline_campaign_copy:
 * @self: a #RedlineCampaign
 *
 * A copy for an editor to change freely: equal to @self in every property,
 * id included, and independent of it. The copy is not in any project's
 * models; to store the edits, set them on the project's own campaign and
 * call redline_project_update_campaign().
 *
 * Returns: (transfer full): a new #RedlineCampaign
 */
RedlineCampaign *
redline_campaign_copy (RedlineCampaign *self)
{
  RedlineCampaign *copy;

  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (self), NULL);

  copy = g_object_new (REDLINE_TYPE_CAMPAIGN, NULL);
  copy->id = self->id;
  copy->ecosystem = self->ecosystem;
  copy->budget = self->budget;
  copy->target_regions = g_strdupv (self->target_regions);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    copy->strings[i] = g_strdup (self->strings[i]);
  return copy;
}
