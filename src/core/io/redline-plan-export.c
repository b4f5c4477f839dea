/* redline-plan-export.c: a project's plan as iCalendar or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is the scheduled posts of every campaign, with where each
 * stands (its status) and what the planner says of it; with a calendar,
 * the festivals, shopping dates and public holidays of the campaigns'
 * ecosystems and target regions too.
 *
 * iCalendar as RFC 5545 has it, for GNOME Calendar, Thunderbird and
 * Outlook: one VEVENT per scheduled post, half an hour long and written in
 * UTC (no VTIMEZONE to go wrong); its UID is the post's, so importing a
 * newer export updates the events instead of doubling them. Key dates are
 * all-day events that do not mark the day busy. No METHOD: the file is a
 * calendar to import, not an invitation (iTIP), which would need an
 * organizer.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-csv-private.h"
#include "redline-finding.h"
#include "redline-labels.h"
#include "redline-plan-export.h"

G_DEFINE_QUARK (redline-plan-export-error-quark, redline_plan_export_error)

/* How long a post's event lasts: a post goes out at a moment, but a
 * calendar shows a moment badly. */
#define POST_EVENT_DURATION "PT30M"

typedef struct
{
  RedlinePost     *post;
  RedlineCampaign *campaign;
  GDateTime       *local;       /* NULL: not scheduled */
} PlanEntry;

static void
plan_entry_clear (gpointer data)
{
  PlanEntry *entry = data;

  g_clear_object (&entry->post);
  g_clear_object (&entry->campaign);
  g_clear_pointer (&entry->local, g_date_time_unref);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PlanEntry *ea = a;
  const PlanEntry *eb = b;
  gint64 ia = redline_post_get_id (ea->post);
  gint64 ib = redline_post_get_id (eb->post);

  /* Scheduled first, by time; unscheduled after, as they were made. */
  if ((ea->local == NULL) != (eb->local == NULL))
    return ea->local == NULL ? 1 : -1;
  if (ea->local != NULL)
    {
      int order = g_date_time_compare (ea->local, eb->local);

      if (order != 0)
        return order;
    }
  return ia < ib ? -1 : ia > ib;
}

/* The posts of the planner's project with their campaigns, in plan order. */
static GArray *
collect_entries (RedlinePlanner *planner)
{
  RedlineProject *project = redline_planner_get_project (planner);
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (PlanEntry));
  GListModel *posts;

  g_array_set_clear_func (entries, plan_entry_clear);
  if (project == NULL)
    return entries;
  posts = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      PlanEntry entry = { g_list_model_get_item (posts, i), NULL, NULL };
      RedlineCampaign *campaign =
        redline_project_find_campaign (project, redline_post_get_campaign_id (entry.post));

      entry.campaign = campaign != NULL ? g_object_ref (campaign) : NULL;
      entry.local = redline_planner_post_local_time (entry.post);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  return entries;
}

/* ---- Key dates ------------------------------------------------------- */

static void
local_day (GDateTime *local,
           GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
widen (GDate       *first,
       GDate       *last,
       const GDate *day)
{
  if (!g_date_valid (day))
    return;
  if (!g_date_valid (first) || g_date_compare (day, first) < 0)
    *first = *day;
  if (!g_date_valid (last) || g_date_compare (day, last) > 0)
    *last = *day;
}

/* The days of @campaign's dates and of its scheduled posts; of every
 * campaign's and post's when @campaign is NULL. Returns FALSE if there
 * are none. */
static gboolean
plan_span (RedlineProject  *project,
           RedlineCampaign *campaign,
           GArray          *entries,
           GDate           *first,
           GDate           *last)
{
  GListModel *campaigns = redline_project_get_campaigns (project);
  GDate day;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  for (guint c = 0; c < g_list_model_get_n_items (campaigns); c++)
    {
      g_autoptr(RedlineCampaign) each = g_list_model_get_item (campaigns, c);

      if (campaign != NULL && each != campaign)
        continue;
      if (redline_campaign_get_start_day (each, &day))
        widen (first, last, &day);
      if (redline_campaign_get_end_day (each, &day))
        widen (first, last, &day);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      PlanEntry *entry = &g_array_index (entries, PlanEntry, i);

      if (entry->local == NULL || (campaign != NULL && entry->campaign != campaign))
        continue;
      local_day (entry->local, &day);
      widen (first, last, &day);
    }
  return g_date_valid (first);
}

/* The key dates of @campaign's ecosystem and regions over its dates and
 * those of its scheduled posts. */
static GPtrArray *
campaign_key_dates (RedlineCalendar *calendar,
                    RedlineProject  *project,
                    RedlineCampaign *campaign,
                    GArray          *entries)
{
  GDate first, last;

  if (!plan_span (project, campaign, entries, &first, &last))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) redline_key_date_free);
  return redline_calendar_get_key_dates (calendar, &first, &last,
                                         redline_campaign_get_ecosystem (campaign),
                                         redline_campaign_get_target_regions (campaign));
}

/* The key dates of the plan's campaigns over the plan's days: from the
 * first campaign's start, or first post, to the last campaign's end, or
 * last post. */
static GPtrArray *
plan_key_dates (RedlineCalendar *calendar,
                GArray          *entries,
                RedlineProject  *project)
{
  GDate first, last;

  if (!plan_span (project, NULL, entries, &first, &last))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) redline_key_date_free);
  return redline_calendar_get_campaigns_key_dates (calendar, redline_project_get_campaigns (project),
                                                   &first, &last);
}

/* A key date's name as a calendar shows it: a holiday with its country. */
static char *
key_date_title (RedlineCalendar *calendar,
                RedlineKeyDate  *date)
{
  if (date->country == NULL)
    return g_strdup (date->name);
  /* TRANSLATORS: a public holiday in a calendar, e.g. "National Day (China)" */
  return g_strdup_printf (C_("key date", "%s (%s)"), date->name,
                          redline_calendar_get_country_name (calendar, date->country));
}

static const char *
key_date_kind_label (RedlineKeyDateKind kind)
{
  switch (kind)
    {
    case REDLINE_KEY_DATE_FESTIVAL:
      return _("Festival");
    case REDLINE_KEY_DATE_COMMERCIAL:
      return _("Shopping date");
    case REDLINE_KEY_DATE_HOLIDAY:
      return _("Public holiday");
    case REDLINE_KEY_DATE_WORKDAY:
      return _("Working day");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Plan findings ----------------------------------------------------- */

/* The planner's messages about @post, one per line, each with its
 * severity. */
static char *
plan_problems (RedlinePlanner *planner,
               RedlinePost    *post,
               const char     *separator)
{
  g_autoptr(GPtrArray) findings = redline_planner_check_post (planner, post);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      RedlineFinding *finding = g_ptr_array_index (findings, i);

      if (text->len > 0)
        g_string_append (text, separator);
      /* TRANSLATORS: a planning problem, e.g. "Error: Scheduled for …" */
      g_string_append_printf (text, C_("plan problem", "%s: %s"),
                              redline_severity_label (redline_finding_get_severity (finding)),
                              redline_finding_get_message (finding));
    }
  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

/* ---- iCalendar --------------------------------------------------------- */

/* Appends @value as iCalendar TEXT: backslash, semicolon and comma
 * escaped, line ends as \n. */
static void
append_text (GString    *out,
             const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (out, '\\');
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

/* Appends one content line, its value escaped as TEXT when @escape,
 * folded at 75 octets (never inside a UTF-8 sequence) and ended with
 * CRLF. */
static void
append_line (GString    *ics,
             const char *name,
             const char *value,
             gboolean    escape)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize width = 0;

  g_string_append_c (line, ':');
  if (escape)
    append_text (line, value);
  else
    g_string_append (line, value != NULL ? value : "");
  for (const char *p = line->str; *p != '\0';)
    {
      const char *next = g_utf8_find_next_char (p, NULL);
      gsize len = next != NULL ? (gsize) (next - p) : strlen (p);

      /* A continuation line starts with a space, which counts. */
      if (width + len > 75)
        {
          g_string_append (ics, "\r\n ");
          width = 1;
        }
      g_string_append_len (ics, p, len);
      width += len;
      p += len;
    }
  g_string_append (ics, "\r\n");
}

static void
append_utc (GString    *ics,
            const char *name,
            GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *value = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  append_line (ics, name, value, FALSE);
}

static void
append_day (GString     *ics,
            const char  *name,
            const GDate *day)
{
  char value[16];

  g_snprintf (value, sizeof value, "%04u%02u%02u", g_date_get_year (day),
              g_date_get_month (day), g_date_get_day (day));
  append_line (ics, name, value, FALSE);
}

static const char *
ics_status (RedlinePostStatus status)
{
  switch (status)
    {
    case REDLINE_POST_STATUS_APPROVED:
    case REDLINE_POST_STATUS_PUBLISHED:
      return "CONFIRMED";
    case REDLINE_POST_STATUS_REJECTED:    /* changes requested: not called off */
    case REDLINE_POST_STATUS_DRAFT:
    case REDLINE_POST_STATUS_IN_REVIEW:
    default:
      return "TENTATIVE";
    }
}

static void
append_post_event (GString        *ics,
                   RedlinePlanner *planner,
                   PlanEntry      *entry,
                   const char     *stamp)
{
  RedlinePlatform *platform = redline_planner_get_platform (planner);
  RedlinePost *post = entry->post;
  RedlineEcosystem ecosystem = entry->campaign != NULL
                               ? redline_campaign_get_ecosystem (entry->campaign)
                               : REDLINE_ECOSYSTEM_WEIXIN;
  const char *account = entry->campaign != NULL ? redline_campaign_get_account (entry->campaign)
                                                : NULL;
  const char *type = entry->campaign != NULL
                     ? redline_campaign_get_account_type (entry->campaign) : NULL;
  const char *type_name = type != NULL && type[0] != '\0'
                          ? redline_platform_get_account_type_name (platform, type) : NULL;
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;
  g_autofree char *heading = redline_post_dup_heading (post);
  g_autofree char *problems = plan_problems (planner, post, "\n");
  g_autoptr(GString) description = g_string_new (NULL);

  /* The post's id and when it was made: the same post in the same project
   * always, another project's post never. */
  created = g_strdup (redline_post_get_created_at (post) != NULL
                      ? redline_post_get_created_at (post) : "");
  {
    char *out = created;

    for (const char *p = created; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        *out++ = *p;
    *out = '\0';
  }
  uid = g_strdup_printf ("redline-post-%" G_GINT64_FORMAT "-%.14s@redline",
                         redline_post_get_id (post), created);

  if (entry->campaign != NULL)
    g_string_append_printf (description, _("Campaign: %s (%s)\n"),
                            redline_campaign_get_name (entry->campaign),
                            redline_ecosystem_label (ecosystem));
  if (account != NULL && account[0] != '\0')
    g_string_append_printf (description, _("Account: %s\n"), account);
  if (type_name != NULL)
    g_string_append_printf (description, _("Account type: %s\n"), type_name);
  g_string_append_printf (description, _("Content: %s\n"),
                          redline_content_kind_label (redline_post_get_kind (post)));
  g_string_append_printf (description, _("Status: %s\n"),
                          redline_post_status_label (redline_post_get_status (post)));
  if (problems != NULL)
    g_string_append_printf (description, "\n%s\n", problems);
  if (description->len > 0 && description->str[description->len - 1] == '\n')
    g_string_truncate (description, description->len - 1);

  append_line (ics, "BEGIN", "VEVENT", FALSE);
  append_line (ics, "UID", uid, FALSE);
  append_line (ics, "DTSTAMP", stamp, FALSE);
  append_utc (ics, "DTSTART", entry->local);
  append_line (ics, "DURATION", POST_EVENT_DURATION, FALSE);
  append_line (ics, "SUMMARY", heading, TRUE);
  append_line (ics, "DESCRIPTION", description->str, TRUE);
  if (entry->campaign != NULL)
    {
      /* Each category is TEXT: a comma inside a campaign's name is
       * escaped, the one between them is not. */
      g_autoptr(GString) categories = g_string_new (NULL);

      append_text (categories, redline_ecosystem_short_label (ecosystem));
      g_string_append_c (categories, ',');
      append_text (categories, redline_campaign_get_name (entry->campaign));
      append_line (ics, "CATEGORIES", categories->str, FALSE);
    }
  append_line (ics, "STATUS", ics_status (redline_post_get_status (post)), FALSE);
  append_line (ics, "X-REDLINE-ECOSYSTEM", redline_ecosystem_to_string (ecosystem), FALSE);
  append_line (ics, "X-REDLINE-STATUS",
               redline_post_status_to_string (redline_post_get_status (post)), FALSE);
  append_line (ics, "END", "VEVENT", FALSE);
}

static void
append_key_date_event (GString         *ics,
                       RedlineCalendar *calendar,
                       RedlineKeyDate  *date,
                       const char      *stamp)
{
  g_autofree char *title = key_date_title (calendar, date);
  g_autofree char *uid = g_strdup_printf ("redline-%s-%04u%02u%02u%s%s@redline", date->id,
                                          g_date_get_year (&date->first),
                                          g_date_get_month (&date->first),
                                          g_date_get_day (&date->first),
                                          date->country != NULL ? "-" : "",
                                          date->country != NULL ? date->country : "");
  GDate end = date->first;

  g_date_add_days (&end, date->n_days);
  append_line (ics, "BEGIN", "VEVENT", FALSE);
  append_line (ics, "UID", uid, FALSE);
  append_line (ics, "DTSTAMP", stamp, FALSE);
  append_day (ics, "DTSTART;VALUE=DATE", &date->first);
  append_day (ics, "DTEND;VALUE=DATE", &end);
  append_line (ics, "SUMMARY", title, TRUE);
  append_line (ics, "CATEGORIES", key_date_kind_label (date->kind), TRUE);
  append_line (ics, "TRANSP", "TRANSPARENT", FALSE);
  append_line (ics, "END", "VEVENT", FALSE);
}

/**
 * redline_plan_export_ics:
 * @planner: a planner, with the project to export
 * @calendar: (nullable): the calendar whose key dates to add, or %NULL for
 *   the posts alone
 * @now: (nullable): when the export is made (the events' DTSTAMP), or
 *   %NULL for now
 *
 * Writes the scheduled posts of the planner's project as an iCalendar
 * file: each post an event at its time with its title, campaign, status and
 * planning problems; with @calendar, the key dates of the campaigns'
 * ecosystems and regions as all-day events.
 *
 * Returns: (transfer full): the iCalendar text
 */
char *
redline_plan_export_ics (RedlinePlanner  *planner,
                         RedlineCalendar *calendar,
                         GDateTime       *now)
{
  RedlineProject *project;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *prodid = NULL;
  GString *ics = g_string_new (NULL);

  g_return_val_if_fail (REDLINE_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (calendar == NULL || REDLINE_IS_CALENDAR (calendar), NULL);

  project = redline_planner_get_project (planner);
  entries = collect_entries (planner);
  stamp_time = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (stamp_time, "%Y%m%dT%H%M%SZ");
  prodid = g_strdup_printf ("-//Redline//Redline %s//EN", PACKAGE_VERSION);

  append_line (ics, "BEGIN", "VCALENDAR", FALSE);
  append_line (ics, "VERSION", "2.0", FALSE);
  append_line (ics, "PRODID", prodid, FALSE);
  append_line (ics, "CALSCALE", "GREGORIAN", FALSE);
  if (project != NULL)
    append_line (ics, "X-WR-CALNAME", redline_project_get_name (project), TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      PlanEntry *entry = &g_array_index (entries, PlanEntry, i);

      if (entry->local != NULL)
        append_post_event (ics, planner, entry, stamp);
    }
  if (calendar != NULL && project != NULL)
    {
      g_autoptr(GPtrArray) dates = plan_key_dates (calendar, entries, project);

      for (guint i = 0; i < dates->len; i++)
        append_key_date_event (ics, calendar, g_ptr_array_index (dates, i), stamp);
    }
  append_line (ics, "END", "VCALENDAR", FALSE);
  return g_string_free (ics, FALSE);
}

/* ---- CSV --------------------------------------------------------------- */

/* Every cell of a file for people, quoted and never a formula. */
#define append_cell _redline_csv_append_cell_for_people

/* The names of the key dates on @day among @dates, joined. */
static char *
key_dates_on (RedlineCalendar *calendar,
              GPtrArray       *dates,
              const GDate     *day)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; dates != NULL && i < dates->len; i++)
    {
      RedlineKeyDate *date = g_ptr_array_index (dates, i);
      g_autofree char *title = NULL;

      if (!redline_key_date_contains (date, day))
        continue;
      title = key_date_title (calendar, date);
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, title);
    }
  return g_string_free (g_steal_pointer (&names), names->len == 0);
}

/**
 * redline_plan_export_csv:
 * @planner: a planner, with the project to export
 * @calendar: (nullable): the calendar whose key dates to name on each
 *   post's day, or %NULL
 *
 * Writes the plan as CSV for a spreadsheet (UTF-8 with a byte order mark,
 * CRLF line ends, every cell quoted and none read as a formula): one row
 * per post, the scheduled ones first by time in platform time
 * (Asia/Shanghai), then those not yet scheduled.
 *
 * Returns: (transfer full): the CSV text
 */
char *
redline_plan_export_csv (RedlinePlanner  *planner,
                         RedlineCalendar *calendar)
{
  /* The column names are the same in every language: a spreadsheet or a
   * script reads them. */
  static const char * const header[] = {
    "date", "time", "campaign", "ecosystem", "account", "account_type", "kind", "status",
    "title", "key_dates", "plan_problems", "post_id",
  };
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) key_dates = NULL;
  GString *csv = g_string_new (REDLINE_CSV_BOM);

  g_return_val_if_fail (REDLINE_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (calendar == NULL || REDLINE_IS_CALENDAR (calendar), NULL);

  entries = collect_entries (planner);
  /* Each campaign's key dates, worked out once. */
  key_dates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (csv, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < entries->len; i++)
    {
      PlanEntry *entry = &g_array_index (entries, PlanEntry, i);
      RedlineCampaign *campaign = entry->campaign;
      const char *type = campaign != NULL ? redline_campaign_get_account_type (campaign) : NULL;
      g_autofree char *date = NULL;
      g_autofree char *time = NULL;
      g_autofree char *heading = redline_post_dup_heading (entry->post);
      g_autofree char *problems = plan_problems (planner, entry->post, "\n");
      g_autofree char *names = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             redline_post_get_id (entry->post));

      if (entry->local != NULL)
        {
          GDate day;

          date = g_date_time_format (entry->local, "%Y-%m-%d");
          time = g_date_time_format (entry->local, "%H:%M");
          local_day (entry->local, &day);
          if (calendar != NULL && campaign != NULL)
            {
              GPtrArray *dates = g_hash_table_lookup (key_dates, campaign);

              if (dates == NULL)
                {
                  dates = campaign_key_dates (calendar, redline_planner_get_project (planner),
                                              campaign, entries);
                  g_hash_table_insert (key_dates, campaign, dates);
                }
              names = key_dates_on (calendar, dates, &day);
            }
        }
      append_cell (csv, date, FALSE);
      append_cell (csv, time, FALSE);
      append_cell (csv, campaign != NULL ? redline_campaign_get_name (campaign) : NULL, FALSE);
      append_cell (csv, campaign != NULL
                        ? redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign))
                        : NULL, FALSE);
      append_cell (csv, campaign != NULL ? redline_campaign_get_account (campaign) : NULL, FALSE);
      append_cell (csv, type, FALSE);
      append_cell (csv, redline_content_kind_to_string (redline_post_get_kind (entry->post)),
                   FALSE);
      append_cell (csv, redline_post_status_to_string (redline_post_get_status (entry->post)),
                   FALSE);
      append_cell (csv, heading, FALSE);
      append_cell (csv, names, FALSE);
      append_cell (csv, problems, FALSE);
      append_cell (csv, id, TRUE);
    }
  return g_string_free (csv, FALSE);
}

/* ---- Files ------------------------------------------------------------- */

/**
 * redline_plan_format_for_file:
 * @file: where a plan is to go
 * @format: (out): the format its name asks for
 * @error: return location for a #GError
 *
 * Returns: whether the name ends in `.ics` or `.csv`
 */
gboolean
redline_plan_format_for_file (GFile              *file,
                              RedlinePlanFormat  *format,
                              GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".ics"))
    *format = REDLINE_PLAN_FORMAT_ICS;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = REDLINE_PLAN_FORMAT_CSV;
  else
    {
      g_set_error (error, REDLINE_PLAN_EXPORT_ERROR, REDLINE_PLAN_EXPORT_ERROR_FORMAT,
                   _("%s: a plan is written as .ics (a calendar) or .csv (a spreadsheet): name "
                     "the file with one of these"), g_file_peek_path (file));
      return FALSE;
    }
  return TRUE;
}

/**
 * redline_plan_export_write:
 * @planner: a planner, with the project to export
 * @calendar: (nullable): the calendar whose key dates to add, or %NULL
 * @format: what to write
 * @file: where
 * @error: return location for a #GError
 *
 * Writes the plan to @file, which is replaced only once the whole plan is
 * written.
 *
 * Returns: whether it was written
 */
gboolean
redline_plan_export_write (RedlinePlanner     *planner,
                           RedlineCalendar    *calendar,
                           RedlinePlanFormat   format,
                           GFile              *file,
                           GError            **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (REDLINE_IS_PLANNER (planner), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = format == REDLINE_PLAN_FORMAT_ICS ? redline_plan_export_ics (planner, calendar, NULL)
                                           : redline_plan_export_csv (planner, calendar);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    {
      g_prefix_error (error, _("%s: cannot write the plan: "), g_file_peek_path (file));
      return FALSE;
    }
  return TRUE;
}
