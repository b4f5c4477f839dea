/* redline-planner.c: the planning checks of a project's posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-planning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-finding.h"
#include "redline-labels.h"
#include "redline-planner.h"
#include "redline-planning-private.h"

/**
 * RedlinePlanner:
 *
 * Checks where each post of a project sits in the plan, with the planning
 * data of a #RedlinePlatform: broadcast quotas per account (a day's or a
 * calendar month's, in platform time), posts scheduled outside their
 * campaign's dates, and content kinds the campaign's account type cannot
 * publish on its ecosystem. Its findings are in the category `platform`
 * and are about a whole post (scope "document").
 *
 * A post's findings depend on the other posts of its account, so the
 * planner checks the whole project at once and keeps the findings until a
 * campaign or a post of the project changes.
 */
struct _RedlinePlanner
{
  GObject          parent_instance;

  RedlinePlatform *platform;
  RedlineProject  *project;
  GListModel      *campaigns;  /* the project's, watched */
  GListModel      *posts;
  GHashTable      *findings;   /* post id → GPtrArray of RedlineFinding; NULL: not checked */
};

G_DEFINE_FINAL_TYPE (RedlinePlanner, redline_planner, G_TYPE_OBJECT)

/* A post in a broadcast quota's count. */
typedef struct
{
  RedlinePost *post;
  gint64       minute;  /* the broadcast it is part of */
} Broadcasting;

static void
invalidate (RedlinePlanner *self)
{
  g_clear_pointer (&self->findings, g_hash_table_unref);
}

static void
on_items_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     RedlinePlanner *self)
{
  invalidate (self);
}

static void
unwatch (RedlinePlanner *self)
{
  if (self->campaigns != NULL)
    g_signal_handlers_disconnect_by_func (self->campaigns, on_items_changed_cb, self);
  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, on_items_changed_cb, self);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->posts);
  g_clear_object (&self->project);
  invalidate (self);
}

static void
redline_planner_dispose (GObject *object)
{
  RedlinePlanner *self = (RedlinePlanner *) object;

  unwatch (self);
  g_clear_object (&self->platform);

  G_OBJECT_CLASS (redline_planner_parent_class)->dispose (object);
}

static void
redline_planner_class_init (RedlinePlannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = redline_planner_dispose;
}

static void
redline_planner_init (RedlinePlanner *self)
{
}

/**
 * redline_planner_new:
 * @platform: the planning data
 *
 * Returns: (transfer full): a planner without a project
 */
RedlinePlanner *
redline_planner_new (RedlinePlatform *platform)
{
  RedlinePlanner *self;

  g_return_val_if_fail (REDLINE_IS_PLATFORM (platform), NULL);

  self = g_object_new (REDLINE_TYPE_PLANNER, NULL);
  self->platform = g_object_ref (platform);
  return self;
}

RedlinePlatform *
redline_planner_get_platform (RedlinePlanner *self)
{
  g_return_val_if_fail (REDLINE_IS_PLANNER (self), NULL);
  return self->platform;
}

RedlineProject *
redline_planner_get_project (RedlinePlanner *self)
{
  g_return_val_if_fail (REDLINE_IS_PLANNER (self), NULL);
  return self->project;
}

/**
 * redline_planner_set_project:
 * @self: a #RedlinePlanner
 * @project: (nullable): the project to check
 */
void
redline_planner_set_project (RedlinePlanner *self,
                             RedlineProject *project)
{
  g_return_if_fail (REDLINE_IS_PLANNER (self));
  g_return_if_fail (project == NULL || REDLINE_IS_PROJECT (project));

  if (project == self->project)
    return;
  unwatch (self);
  if (project == NULL)
    return;
  self->project = g_object_ref (project);
  self->campaigns = g_object_ref (redline_project_get_campaigns (project));
  self->posts = g_object_ref (redline_project_get_posts (project));
  g_signal_connect (self->campaigns, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (self->posts, "items-changed", G_CALLBACK (on_items_changed_cb), self);
}

/**
 * redline_planner_local_time:
 * @scheduled_at: (nullable): a time as posts store it, ISO 8601 with an
 *   offset
 *
 * Returns: (transfer full) (nullable): that time in platform time
 *   (Asia/Shanghai), or %NULL if @scheduled_at is %NULL, empty or not a
 *   time
 */
GDateTime *
redline_planner_local_time (const char *scheduled_at)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (scheduled_at == NULL || scheduled_at[0] == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (scheduled_at, utc);
  if (time == NULL)
    return NULL;
  zone = _redline_planning_time_zone ();
  return g_date_time_to_timezone (time, zone);
}

/**
 * redline_planner_post_local_time:
 * @post: a post
 *
 * Returns: (transfer full) (nullable): when @post is scheduled, in platform
 *   time (Asia/Shanghai), or %NULL if it is not scheduled
 */
GDateTime *
redline_planner_post_local_time (RedlinePost *post)
{
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);
  return redline_planner_local_time (redline_post_get_scheduled_at (post));
}

/**
 * redline_planner_local_time_new:
 * @year: a year
 * @month: a month, 1 to 12
 * @day: a day of @month
 * @hour: an hour, 0 to 23
 * @minute: a minute, 0 to 59
 *
 * A time in platform time (Asia/Shanghai), as a post is scheduled.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if there is no
 *   such day or time
 */
GDateTime *
redline_planner_local_time_new (int year,
                                int month,
                                int day,
                                int hour,
                                int minute)
{
  g_autoptr(GTimeZone) zone = _redline_planning_time_zone ();

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static void
local_day (GDateTime *local,
           GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * redline_planner_post_local_date:
 * @post: a post
 * @date: (out caller-allocates): its day in platform time (Asia/Shanghai)
 *
 * Returns: %FALSE if @post is not scheduled
 */
gboolean
redline_planner_post_local_date (RedlinePost *post,
                                 GDate       *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  local = redline_planner_post_local_time (post);
  if (local == NULL)
    return FALSE;
  local_day (local, date);
  return TRUE;
}

static void
add_finding (RedlinePlanner   *self,
             RedlinePost      *post,
             RedlineEcosystem  ecosystem,
             const char       *check,
             char             *message)
{
  gint64 id = redline_post_get_id (post);
  GPtrArray *findings = g_hash_table_lookup (self->findings, &id);
  RedlineRule *rule = redline_platform_get_check (self->platform, check);

  if (findings == NULL)
    {
      findings = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->findings, g_memdup2 (&id, sizeof id), findings);
    }
  g_ptr_array_add (findings, redline_finding_new_for_post (rule, ecosystem, message));
  g_free (message);
}

/* Who counts toward one quota: the account named by the campaign (two
 * campaigns of one account share its quota), else the campaign alone. */
static char *
account_key (RedlineCampaign *campaign)
{
  const char *account = redline_campaign_get_account (campaign);

  if (account != NULL && account[0] != '\0')
    return g_strdup_printf ("%s\x1f%s\x1f%s",
                            redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign)),
                            redline_campaign_get_account_type (campaign), account);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, redline_campaign_get_id (campaign));
}

static const char *
account_name (RedlineCampaign *campaign)
{
  const char *account = redline_campaign_get_account (campaign);

  return account != NULL && account[0] != '\0' ? account : redline_campaign_get_name (campaign);
}

static int
compare_broadcasting (gconstpointer a,
                      gconstpointer b)
{
  const Broadcasting *x = a;
  const Broadcasting *y = b;

  if (x->minute != y->minute)
    return x->minute < y->minute ? -1 : 1;
  return redline_post_get_id (x->post) < redline_post_get_id (y->post) ? -1
         : redline_post_get_id (x->post) > redline_post_get_id (y->post);
}

/* The posts of one account in one period, in time order: those of the
 * broadcasts past the quota get a finding. */
static void
check_period (RedlinePlanner     *self,
              RedlineCampaign    *campaign,
              const RedlineQuota *quota,
              const char         *period,
              GArray             *posts)
{
  const char *type = redline_platform_get_account_type_name (
    self->platform, redline_campaign_get_account_type (campaign));
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (campaign);
  guint broadcast = 0;

  g_array_sort (posts, compare_broadcasting);
  for (guint i = 0; i < posts->len; i++)
    {
      Broadcasting *item = &g_array_index (posts, Broadcasting, i);
      char *message;

      if (i == 0 || item->minute != g_array_index (posts, Broadcasting, i - 1).minute)
        broadcast++;
      if (broadcast <= quota->max)
        continue;
      if (quota->period == REDLINE_PERIOD_DAY)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s: broadcast %u on %s, but “%s” accounts may "
                                                "broadcast only %u time a day (Beijing time). Move the post "
                                                "to another day, or send it in an earlier "
                                                "broadcast of that day.",
                                                "%s: broadcast %u on %s, but “%s” accounts may "
                                                "broadcast only %u times a day (Beijing time). Move the post "
                                                "to another day, or send it in an earlier "
                                                "broadcast of that day.", quota->max),
                                   account_name (campaign), broadcast, period, type, quota->max);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s: broadcast %u in %s, but “%s” accounts may "
                                                "broadcast only %u time a calendar month (Beijing time). "
                                                "Move the post to another month, or send it in an "
                                                "earlier broadcast of that month.",
                                                "%s: broadcast %u in %s, but “%s” accounts may "
                                                "broadcast only %u times a calendar month (Beijing time). "
                                                "Move the post to another month, or send it in an "
                                                "earlier broadcast of that month.", quota->max),
                                   account_name (campaign), broadcast, period, type, quota->max);
      add_finding (self, item->post, ecosystem, "platform.plan.quota", message);
    }
}

/* The posts of one account that count toward one quota in one period. */
typedef struct
{
  RedlineCampaign    *campaign;  /* the first of them: it names the account */
  const RedlineQuota *quota;
  char               *period;
  GArray             *posts;     /* of Broadcasting */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->period);
  g_array_unref (group->posts);
  g_free (group);
}

static void
count_post (RedlinePlanner  *self,
            GHashTable      *groups,
            RedlineCampaign *campaign,
            RedlinePost     *post,
            GDateTime       *local)
{
  g_autofree char *account = NULL;
  const RedlineQuota *quotas;
  guint n_quotas = 0;

  quotas = redline_platform_get_quotas (self->platform,
                                        redline_campaign_get_account_type (campaign), &n_quotas);
  if (n_quotas == 0)
    return;
  account = account_key (campaign);
  for (guint q = 0; q < n_quotas; q++)
    {
      Broadcasting item = { post, g_date_time_to_unix (local) / 60 };
      g_autofree char *period = NULL;
      g_autofree char *key = NULL;
      Group *group;

      if ((quotas[q].kinds & (1u << redline_post_get_kind (post))) == 0)
        continue;
      period = g_date_time_format (local, quotas[q].period == REDLINE_PERIOD_DAY ? "%Y-%m-%d"
                                                                                 : "%Y-%m");
      key = g_strdup_printf ("%s\x1e%u\x1e%s", account, q, period);
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->campaign = campaign;
          group->quota = &quotas[q];
          group->period = g_steal_pointer (&period);
          group->posts = g_array_new (FALSE, FALSE, sizeof (Broadcasting));
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }
      g_array_append_val (group->posts, item);
    }
}

static void
check_quotas (RedlinePlanner *self,
              GHashTable     *groups)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Group *group = value;

      check_period (self, group->campaign, group->quota, group->period, group->posts);
    }
}

static void
check_dates (RedlinePlanner  *self,
             RedlineCampaign *campaign,
             RedlinePost     *post,
             GDateTime       *local)
{
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (campaign);
  const char *start_text = redline_campaign_get_start_date (campaign);
  const char *end_text = redline_campaign_get_end_date (campaign);
  GDate day, start, end;
  gboolean has_start = redline_campaign_get_start_day (campaign, &start);
  gboolean has_end = redline_campaign_get_end_day (campaign, &end);
  char when[16];
  char *message;

  local_day (local, &day);
  g_date_strftime (when, sizeof when, "%Y-%m-%d", &day);
  if ((!has_start || g_date_compare (&day, &start) >= 0) &&
      (!has_end || g_date_compare (&day, &end) <= 0))
    return;
  if (has_start && has_end)
    message = g_strdup_printf (_("Scheduled for %s (Beijing time), outside the campaign “%s”, "
                                 "which runs from %s to %s. Move the post into those dates, or "
                                 "change the campaign’s dates."),
                               when, redline_campaign_get_name (campaign), start_text, end_text);
  else if (has_start)
    message = g_strdup_printf (_("Scheduled for %s (Beijing time), before the campaign “%s” "
                                 "starts on %s. Move the post into the campaign, or change its "
                                 "start date."),
                               when, redline_campaign_get_name (campaign), start_text);
  else
    message = g_strdup_printf (_("Scheduled for %s (Beijing time), after the campaign “%s” ends "
                                 "on %s. Move the post into the campaign, or change its end "
                                 "date."),
                               when, redline_campaign_get_name (campaign), end_text);
  add_finding (self, post, ecosystem, "platform.plan.outside-campaign", message);
}

static void
check_kind (RedlinePlanner  *self,
            RedlineCampaign *campaign,
            RedlinePost     *post)
{
  RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (campaign);
  const char *account_type = redline_campaign_get_account_type (campaign);
  const char *type = redline_platform_get_account_type_name (self->platform, account_type);
  const char *kind = redline_content_kind_label (redline_post_get_kind (post));
  const char *where = redline_ecosystem_label (ecosystem);

  if (account_type == NULL || account_type[0] == '\0')
    return;
  switch (redline_platform_can_publish (self->platform, account_type, ecosystem,
                                        redline_post_get_kind (post)))
    {
    case REDLINE_CAPABILITY_YES:
      break;
    case REDLINE_CAPABILITY_NO:
      add_finding (self, post, ecosystem, "platform.plan.kind",
                   g_strdup_printf (_("“%s” accounts cannot publish “%s” posts on %s. Move the "
                                      "post to a campaign whose account can publish it, or change this "
                                      "campaign’s account type."), type, kind, where));
      break;
    case REDLINE_CAPABILITY_UNCONFIRMED:
      add_finding (self, post, ecosystem, "platform.plan.unconfirmed",
                   g_strdup_printf (_("No source confirms that “%s” accounts can publish “%s” "
                                      "posts on %s. Check with the platform before you spend on it."),
                                    type, kind, where));
      break;
    case REDLINE_CAPABILITY_UNKNOWN:
      add_finding (self, post, ecosystem, "platform.plan.unknown-account-type",
                   g_strdup_printf (_("The campaign’s account type “%s” is not in Redline’s "
                                      "planning data, so its broadcast quotas and what it can "
                                      "publish are not checked. Choose one of the account types "
                                      "Redline knows."), account_type));
      break;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (redline_finding_get_rule_id (*(RedlineFinding * const *) a),
                    redline_finding_get_rule_id (*(RedlineFinding * const *) b));
}

static void
ensure_checked (RedlinePlanner *self)
{
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->findings != NULL)
    return;
  self->findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  if (self->project == NULL)
    return;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, group_free);
  for (guint i = 0; i < g_list_model_get_n_items (self->posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (self->posts, i);
      RedlineCampaign *campaign = redline_project_find_campaign (self->project,
                                                                 redline_post_get_campaign_id (post));
      g_autoptr(GDateTime) local = NULL;

      if (campaign == NULL)
        continue;
      check_kind (self, campaign, post);
      /* Dates and quotas concern scheduled posts only. */
      local = redline_planner_post_local_time (post);
      if (local == NULL)
        continue;
      check_dates (self, campaign, post, local);
      count_post (self, groups, campaign, post, local);
    }
  check_quotas (self, groups);

  g_hash_table_iter_init (&iter, self->findings);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_findings);
}

/**
 * redline_planner_check_post:
 * @self: a #RedlinePlanner with a project
 * @post: one of the project's posts
 *
 * The planning findings of @post as the project stores it, on its
 * campaign's ecosystem, ordered by rule.
 *
 * Returns: (transfer container) (element-type RedlineFinding): the findings
 */
GPtrArray *
redline_planner_check_post (RedlinePlanner *self,
                            RedlinePost    *post)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *findings;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PLANNER (self), result);
  g_return_val_if_fail (REDLINE_IS_POST (post), result);

  ensure_checked (self);
  id = redline_post_get_id (post);
  findings = g_hash_table_lookup (self->findings, &id);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (findings, i)));
  return result;
}

/**
 * redline_planner_check_campaign:
 * @self: a #RedlinePlanner with a project
 * @campaign: one of the project's campaigns
 *
 * The planning findings of the posts of @campaign, post by post in the
 * project's order.
 *
 * Returns: (transfer container) (element-type RedlineFinding): the findings
 */
GPtrArray *
redline_planner_check_campaign (RedlinePlanner  *self,
                                RedlineCampaign *campaign)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (REDLINE_IS_PLANNER (self), result);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), result);

  ensure_checked (self);
  for (guint i = 0; self->posts != NULL && i < g_list_model_get_n_items (self->posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (self->posts, i);
      gint64 id = redline_post_get_id (post);
      GPtrArray *findings;

      if (redline_post_get_campaign_id (post) != redline_campaign_get_id (campaign))
        continue;
      findings = g_hash_table_lookup (self->findings, &id);
      for (guint f = 0; findings != NULL && f < findings->len; f++)
        g_ptr_array_add (result, g_object_ref (g_ptr_array_index (findings, f)));
    }
  return result;
}
