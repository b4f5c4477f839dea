/* test-plan-export.c: the plan as iCalendar and CSV, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each .ics is read back twice: by this test's own reader, which holds the
 * text to RFC 5545 (CRLF, lines folded at 75 octets in whole characters,
 * escaped TEXT) and compares every event with its post; and, where it is
 * installed, by libical, the library GNOME Calendar and Evolution read
 * calendars with.
 */

#include "config.h"

#include <string.h>

#ifdef HAVE_LIBICAL
#include <libical/ical.h>
#endif

#include "redline-context.h"
#include "redline-plan-export.h"
#include "redline-test-project.h"

typedef struct
{
  Fixture          base;
  RedlineContext  *context;
  RedlineProject  *project;
  RedlineCampaign *weixin;
  RedlineCampaign *wechat;
} ExportFixture;

static RedlineCampaign *
add_campaign (ExportFixture    *fixture,
              const char       *name,
              RedlineEcosystem  ecosystem,
              const char       *account_type,
              const char       *start,
              const char       *end,
              const char       *region)
{
  g_autoptr(GError) error = NULL;
  RedlineCampaign *campaign = redline_campaign_new (name, ecosystem);

  redline_campaign_set_account_type (campaign, account_type);
  redline_campaign_set_account (campaign, "Lumi");
  redline_campaign_set_start_date (campaign, start);
  redline_campaign_set_end_date (campaign, end);
  redline_campaign_set_target_regions (campaign, (const char * const[]) { region, NULL });
  g_assert_true (redline_project_add_campaign (fixture->project, campaign, &error));
  g_assert_no_error (error);
  return campaign;
}

static void
add_post (ExportFixture      *fixture,
          RedlineCampaign    *campaign,
          RedlineContentKind  kind,
          RedlinePostStatus   status,
          const char         *title,
          const char         *body,
          const char         *scheduled_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlinePost) post = redline_post_new (redline_campaign_get_id (campaign), kind);

  redline_post_set_status (post, status);
  redline_post_set_title (post, title);
  redline_post_set_body (post, body);
  redline_post_set_scheduled_at (post, scheduled_at);
  g_assert_true (redline_project_add_post (fixture->project, post, &error));
  g_assert_no_error (error);
}

/* Two campaigns, one a Service Account with five broadcasts in
 * September (the last, at Beijing midnight, is the fifth) and a post after
 * its last day; names and titles with what iCalendar and CSV escape. */
static void
export_set_up (ExportFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture->base, data);
  fixture->project = redline_project_create (fixture->base.file, "Plan; export, test", &error);
  g_assert_no_error (error);
  fixture->context = redline_context_new ();
  redline_context_set_project (fixture->context, fixture->project);
  fixture->weixin = add_campaign (fixture, "秋季, 上新; 华东", REDLINE_ECOSYSTEM_WEIXIN,
                                  "service-account", "2024-09-01", "2024-10-31", "CN-SH");
  fixture->wechat = add_campaign (fixture, "Autumn MY", REDLINE_ECOSYSTEM_WECHAT,
                                  "official-account", "2024-09-10", "2024-11-15", "MY");

  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_APPROVED,
            "桂花拿铁回来了", "秋风起。", "2024-09-05T09:00:00+08:00");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_DRAFT,
            "第二篇", "正文", "2024-09-08T09:00:00+08:00");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_GROUP_MESSAGE,
            REDLINE_POST_STATUS_IN_REVIEW, NULL, "各位会员好！\n本周六下午有拉花体验课，名额有限，回复“报名”即可。",
            "2024-09-19T18:00:00+08:00");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_DRAFT,
            "=HYPERLINK(\"http://x.example\")", "正文", "2024-09-24T09:00:00+08:00");
  /* 2024-09-30 16:00 UTC is 2024-10-01 00:00 in Beijing: October's first. */
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_DRAFT,
            "国庆节快乐", "正文", "2024-09-30T16:00:00Z");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_DRAFT,
            "一个标题很长很长的文章：从云南小粒咖啡豆到杭州满觉陇桂花糖浆，一杯桂花拿铁的秋天之旅，全程记录",
            "正文", "2024-09-28T09:00:00+08:00");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_MOMENTS_AD, REDLINE_POST_STATUS_DRAFT,
            "双十一囤豆节", "买二送一", "2024-11-11T10:00:00+08:00");
  add_post (fixture, fixture->weixin, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_DRAFT,
            "Not yet scheduled", "正文", NULL);
  add_post (fixture, fixture->wechat, REDLINE_CONTENT_KIND_ARTICLE, REDLINE_POST_STATUS_PUBLISHED,
            "Osmanthus Latte is back", "Autumn, again.", "2024-09-12T10:00:00+08:00");
}

static void
export_tear_down (ExportFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->weixin);
  g_clear_object (&fixture->wechat);
  g_clear_object (&fixture->context);
  redline_project_close (fixture->project);
  g_clear_object (&fixture->project);
  fixture_tear_down (&fixture->base, data);
}

/* ---- A strict reader of what the exporter writes ----------------------- */

typedef struct
{
  GHashTable *props;   /* name (with its parameters) → unescaped value */
} Event;

static void
event_free (Event *event)
{
  g_hash_table_unref (event->props);
  g_free (event);
}

static char *
unescape_text (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
          continue;
        }
      /* An unescaped comma or semicolon in TEXT would split the value. */
      g_assert_true (*p != ';');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Unfolds @ics, checking its lines, and returns its events in order. */
static GPtrArray *
read_events (const char *ics)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_auto(GStrv) raw = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  Event *event = NULL;
  guint depth = 0;

  g_assert_true (g_utf8_validate (ics, -1, NULL));
  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  raw = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; raw[i] != NULL && (raw[i][0] != '\0' || raw[i + 1] != NULL); i++)
    {
      /* No bare LF, lines of at most 75 octets cut between characters. */
      g_assert_null (strchr (raw[i], '\n'));
      g_assert_cmpuint (strlen (raw[i]), <=, 75);
      g_assert_true (g_utf8_validate (raw[i], -1, NULL));
      if (raw[i][0] == ' ')
        {
          char *joined;

          g_assert_cmpuint (lines->len, >, 0);
          joined = g_strconcat (lines->pdata[lines->len - 1], raw[i] + 1, NULL);
          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = joined;
        }
      else
        g_ptr_array_add (lines, g_strdup (raw[i]));
    }

  g_assert_cmpstr (lines->pdata[0], ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (lines->pdata[lines->len - 1], ==, "END:VCALENDAR");
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;

      g_assert_nonnull (colon);
      name = g_strndup (line, colon - line);
      if (g_str_equal (line, "BEGIN:VEVENT"))
        {
          g_assert_null (event);
          event = g_new0 (Event, 1);
          event->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          depth++;
        }
      else if (g_str_equal (line, "END:VEVENT"))
        {
          g_assert_nonnull (event);
          g_ptr_array_add (events, g_steal_pointer (&event));
          depth--;
        }
      else if (event != NULL)
        {
          /* Each property once in an event. */
          g_assert_false (g_hash_table_contains (event->props, name));
          g_hash_table_insert (event->props, g_steal_pointer (&name), g_strdup (colon + 1));
        }
    }
  g_assert_null (event);
  g_assert_cmpuint (depth, ==, 0);
  return g_steal_pointer (&events);
}

static const char *
prop (Event      *event,
      const char *name)
{
  return g_hash_table_lookup (event->props, name);
}

static Event *
find_event (GPtrArray  *events,
            const char *summary)
{
  for (guint i = 0; i < events->len; i++)
    {
      Event *event = events->pdata[i];
      g_autofree char *text = unescape_text (prop (event, "SUMMARY"));

      if (g_str_equal (text, summary))
        return event;
    }
  return NULL;
}

/* ---- Tests ------------------------------------------------------------- */

/* Every scheduled post is an event at its time in UTC, with its title, its
 * campaign and ecosystem, its status and what the planner says of it. */
static void
test_ics_posts (ExportFixture *fixture,
                gconstpointer  data)
{
  RedlinePlanner *planner = redline_context_get_planner (fixture->context);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 8, 0, 0);
  g_autofree char *ics = redline_plan_export_ics (planner, NULL, now);
  g_autoptr(GPtrArray) events = read_events (ics);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  Event *event;
  g_autofree char *description = NULL;
  g_autofree char *summary = NULL;

  /* Eight of nine posts are scheduled; no key dates without a calendar. */
  g_assert_cmpuint (events->len, ==, 8);
  g_assert_nonnull (strstr (ics, "\r\nX-WR-CALNAME:Plan\\; export\\, test\r\n"));
  for (guint i = 0; i < events->len; i++)
    {
      event = events->pdata[i];
      g_assert_true (g_hash_table_add (uids, (gpointer) prop (event, "UID")));
      g_assert_cmpstr (prop (event, "DTSTAMP"), ==, "20261123T080000Z");
      g_assert_cmpstr (prop (event, "DURATION"), ==, "PT30M");
      g_assert_true (g_str_has_suffix (prop (event, "DTSTART"), "Z"));
      g_assert_nonnull (prop (event, "STATUS"));
    }
  /* In time order, as a calendar lists them. */
  g_assert_cmpstr (prop (events->pdata[0], "DTSTART"), ==, "20240905T010000Z");
  g_assert_cmpstr (prop (events->pdata[7], "DTSTART"), ==, "20241111T020000Z");

  event = find_event (events, "桂花拿铁回来了");
  g_assert_nonnull (event);
  g_assert_cmpstr (prop (event, "STATUS"), ==, "CONFIRMED");
  g_assert_cmpstr (prop (event, "CATEGORIES"), ==, "Weixin,秋季\\, 上新\\; 华东");
  g_assert_cmpstr (prop (event, "X-REDLINE-ECOSYSTEM"), ==, "weixin");
  g_assert_cmpstr (prop (event, "X-REDLINE-STATUS"), ==, "approved");
  description = unescape_text (prop (event, "DESCRIPTION"));
  g_assert_nonnull (strstr (description, "Campaign: 秋季, 上新; 华东 (Weixin (China))\n"));
  g_assert_nonnull (strstr (description, "Account type: Service Account\n"));
  g_assert_nonnull (strstr (description, "Status: Approved"));
  g_clear_pointer (&description, g_free);

  /* A long title folds, and reads back whole. */
  g_assert_nonnull (find_event (events, "一个标题很长很长的文章：从云南小粒咖啡豆到杭州满觉陇桂花糖浆，"
                                        "一杯桂花拿铁的秋天之旅，全程记录"));
  /* Untitled: the start of the body's first line. */
  event = find_event (events, "各位会员好！");
  g_assert_nonnull (event);
  g_assert_cmpstr (prop (event, "STATUS"), ==, "TENTATIVE");

  /* The fifth broadcast of September, by Beijing time, says so. */
  event = find_event (events, "一个标题很长很长的文章：从云南小粒咖啡豆到杭州满觉陇桂花糖浆，"
                              "一杯桂花拿铁的秋天之旅，全程记录");
  description = unescape_text (prop (event, "DESCRIPTION"));
  g_assert_nonnull (strstr (description, "Error: Lumi: broadcast 5 in 2024-09"));
  g_clear_pointer (&description, g_free);
  event = find_event (events, "国庆节快乐");
  g_assert_cmpstr (prop (event, "DTSTART"), ==, "20240930T160000Z");
  description = unescape_text (prop (event, "DESCRIPTION"));
  g_assert_null (strstr (description, "Error:"));
  g_clear_pointer (&description, g_free);
  event = find_event (events, "双十一囤豆节");
  description = unescape_text (prop (event, "DESCRIPTION"));
  g_assert_nonnull (strstr (description, "outside the campaign"));

  /* The same post has the same UID in the next export: a calendar updates
   * its event. */
  {
    g_autofree char *again = redline_plan_export_ics (planner, NULL, NULL);
    g_autoptr(GPtrArray) events_again = read_events (again);

    for (guint i = 0; i < events->len; i++)
      g_assert_cmpstr (prop (events->pdata[i], "UID"), ==, prop (events_again->pdata[i], "UID"));
  }
  summary = unescape_text (prop (events->pdata[4], "SUMMARY"));
  g_assert_cmpstr (summary, ==, "=HYPERLINK(\"http://x.example\")");
}

/* With the calendar: the festivals, shopping dates and holidays of each
 * campaign's ecosystem and regions, all day, each once. */
static void
test_ics_key_dates (ExportFixture *fixture,
                    gconstpointer  data)
{
  RedlinePlanner *planner = redline_context_get_planner (fixture->context);
  RedlineCalendar *calendar = redline_context_get_calendar (fixture->context);
  g_autofree char *ics = redline_plan_export_ics (planner, calendar, NULL);
  g_autoptr(GPtrArray) events = read_events (ics);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  Event *event;
  guint n_key_dates = 0;

  for (guint i = 0; i < events->len; i++)
    {
      event = events->pdata[i];
      g_assert_true (g_hash_table_add (uids, (gpointer) prop (event, "UID")));
      if (prop (event, "DTSTART;VALUE=DATE") != NULL)
        {
          n_key_dates++;
          g_assert_cmpstr (prop (event, "TRANSP"), ==, "TRANSPARENT");
          g_assert_nonnull (prop (event, "DTEND;VALUE=DATE"));
        }
    }
  g_assert_cmpuint (events->len - n_key_dates, ==, 8);
  g_assert_cmpuint (n_key_dates, >, 5);

  /* Mid-Autumn once, though both campaigns have it. */
  event = find_event (events, "Mid-Autumn Festival");
  g_assert_nonnull (event);
  g_assert_cmpstr (prop (event, "DTSTART;VALUE=DATE"), ==, "20240917");
  g_assert_cmpstr (prop (event, "DTEND;VALUE=DATE"), ==, "20240918");
  g_assert_cmpstr (prop (event, "CATEGORIES"), ==, "Festival");
  event = find_event (events, "National Day Golden Week");
  g_assert_nonnull (event);
  g_assert_cmpstr (prop (event, "DTSTART;VALUE=DATE"), ==, "20241001");
  g_assert_cmpstr (prop (event, "DTEND;VALUE=DATE"), ==, "20241008");
  /* The holidays of the campaigns' countries, named with them. */
  g_assert_nonnull (find_event (events, "National Day holiday (Mainland China)"));
  g_assert_nonnull (find_event (events, "Malaysia Day (Malaysia)"));
  /* Only within the campaigns' dates and those of their posts. */
  g_assert_null (find_event (events, "Christmas Day (Malaysia)"));
  g_assert_null (find_event (events, "Double 12"));
}

#ifdef HAVE_LIBICAL
/* libical (GNOME Calendar's and Evolution's reader) finds no error, and
 * reads the same events. */
static void
test_ics_libical (ExportFixture *fixture,
                  gconstpointer  data)
{
  RedlinePlanner *planner = redline_context_get_planner (fixture->context);
  RedlineCalendar *calendar = redline_context_get_calendar (fixture->context);
  g_autofree char *ics = redline_plan_export_ics (planner, calendar, NULL);
  icalcomponent *root = icalparser_parse_string (ics);
  icalcomponent *event;
  guint n_posts = 0;
  gboolean found_long = FALSE;

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  g_assert_true (icalrestriction_check (root));
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      const char *summary = icalcomponent_get_summary (event);

      g_assert_false (icaltime_is_null_time (start));
      if (start.is_date)
        continue;
      n_posts++;
      g_assert_true (icaltime_is_utc (start));
      g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (event)), ==, 30 * 60);
      if (g_str_has_prefix (summary, "一个标题很长很长的文章"))
        {
          found_long = TRUE;
          g_assert_cmpstr (summary, ==, "一个标题很长很长的文章：从云南小粒咖啡豆到杭州满觉陇桂花糖浆，"
                                        "一杯桂花拿铁的秋天之旅，全程记录");
          g_assert_cmpint (start.year, ==, 2024);
          g_assert_cmpint (start.month, ==, 9);
          g_assert_cmpint (start.day, ==, 28);
          g_assert_cmpint (start.hour, ==, 1);
          g_assert_nonnull (strstr (icalcomponent_get_description (event), "broadcast 5"));
        }
    }
  g_assert_cmpuint (n_posts, ==, 8);
  g_assert_true (found_long);
  icalcomponent_free (root);
}
#endif

/* Splits one row of the exporter's CSV (every cell quoted). */
static GStrv
split_row (const char *row)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  const char *p = row;

  while (*p != '\0')
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      g_assert_cmpint (*p, ==, '"');
      for (p++; !(*p == '"' && p[1] != '"'); p++)
        {
          g_assert_cmpint (*p, !=, '\0');
          if (*p == '"')
            p++;
          g_string_append_c (cell, *p);
        }
      p++;
      g_assert_true (*p == ',' || *p == '\0');
      if (*p == ',')
        p++;
      g_strv_builder_add (cells, cell->str);
    }
  return g_strv_builder_end (cells);
}

/* One row per post in plan order, unscheduled last; the day's key dates;
 * no cell a spreadsheet would run. */
static void
test_csv (ExportFixture *fixture,
          gconstpointer  data)
{
  RedlinePlanner *planner = redline_context_get_planner (fixture->context);
  RedlineCalendar *calendar = redline_context_get_calendar (fixture->context);
  g_autofree char *csv = redline_plan_export_csv (planner, calendar);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) record = g_string_new (NULL);
  GStrv row;

  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf\"date\",\"time\",\"campaign\""));
  /* Records end with CRLF; a line end inside quotes belongs to the cell. */
  for (const char *p = csv + 3; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          guint quotes = 0;

          for (const char *q = record->str; *q != '\0'; q++)
            quotes += *q == '"';
          if (quotes % 2 == 0)
            {
              g_ptr_array_add (rows, split_row (record->str));
              g_string_truncate (record, 0);
              p++;
              continue;
            }
        }
      g_string_append_c (record, *p);
    }
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (rows->len, ==, 1 + 9);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 12);

  row = rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "2024-09-05");
  g_assert_cmpstr (row[1], ==, "09:00");
  g_assert_cmpstr (row[2], ==, "秋季, 上新; 华东");
  g_assert_cmpstr (row[3], ==, "weixin");
  g_assert_cmpstr (row[5], ==, "service-account");
  g_assert_cmpstr (row[7], ==, "approved");
  g_assert_cmpstr (row[8], ==, "桂花拿铁回来了");

  /* Beijing's October the first, a holiday, from a time written in UTC. */
  row = rows->pdata[7];
  g_assert_cmpstr (row[0], ==, "2024-10-01");
  g_assert_cmpstr (row[1], ==, "00:00");
  g_assert_nonnull (strstr (row[9], "National Day Golden Week"));
  g_assert_cmpstr (row[10], ==, "");

  row = rows->pdata[6];
  g_assert_cmpstr (row[0], ==, "2024-09-28");
  g_assert_true (g_str_has_prefix (row[10], "Error: Lumi: broadcast 5 in 2024-09"));

  /* A title that starts like a formula is shown as text. */
  row = rows->pdata[5];
  g_assert_cmpstr (row[8], ==, "'=HYPERLINK(\"http://x.example\")");

  row = rows->pdata[8];
  g_assert_cmpstr (row[0], ==, "2024-11-11");
  g_assert_nonnull (strstr (row[10], "outside the campaign"));
  row = rows->pdata[9];
  g_assert_cmpstr (row[0], ==, "");
  g_assert_cmpstr (row[8], ==, "Not yet scheduled");
}

/* Files: the format from the name; a name without one is refused and
 * nothing written; redline-check writes both. */
static void
test_files (ExportFixture *fixture,
            gconstpointer  data)
{
  RedlinePlanner *planner = redline_context_get_planner (fixture->context);
  g_autofree char *ics_path = g_build_filename (fixture->base.dir, "plan.ICS", NULL);
  g_autofree char *txt_path = g_build_filename (fixture->base.dir, "plan.txt", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  RedlinePlanFormat format;
  const char *check = g_getenv ("REDLINE_CHECK");

  g_assert_false (redline_plan_format_for_file (txt, &format, &error));
  g_assert_error (error, REDLINE_PLAN_EXPORT_ERROR, REDLINE_PLAN_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, txt_path));
  g_clear_error (&error);

  g_assert_true (redline_plan_format_for_file (ics, &format, &error));
  g_assert_cmpint (format, ==, REDLINE_PLAN_FORMAT_ICS);
  g_assert_true (redline_plan_export_write (planner, NULL, format, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_clear_pointer (&contents, g_free);

  /* redline-check --plan: the plan beside the findings, key dates unless
   * left out; a text input or a wrong name is a usage error. */
  redline_project_close (fixture->project);
  g_assert_nonnull (check);
  {
    g_autofree char *plan_option = g_strdup_printf ("--plan=%s/out.ics", fixture->base.dir);
    g_autofree char *csv_option = g_strdup_printf ("--plan=%s/out.csv", fixture->base.dir);
    g_autofree char *bad_option = g_strdup_printf ("--plan=%s/out.pdf", fixture->base.dir);
    g_autofree char *out_path = g_build_filename (fixture->base.dir, "out.ics", NULL);
    g_autofree char *csv_path = g_build_filename (fixture->base.dir, "out.csv", NULL);
    g_autofree char *pdf_path = g_build_filename (fixture->base.dir, "out.pdf", NULL);
    const char *runs[][5] = {
      { check, plan_option, fixture->base.path, NULL },
      { check, csv_option, "--no-key-dates", fixture->base.path, NULL },
      { check, bad_option, fixture->base.path, NULL },
      { check, "--no-key-dates", fixture->base.path, NULL },
    };
    const int expected[] = { 1, 1, 2, 2 };

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        g_autofree char *err = NULL;
        int status = 0;

        g_assert_true (g_spawn_sync (NULL, (char **) runs[i], NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                     NULL, NULL, NULL, &err, &status, &error));
        g_assert_no_error (error);
        g_assert_cmpint (WEXITSTATUS (status), ==, expected[i]);
      }
    g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "SUMMARY:Mid-Autumn Festival\r\n"));
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"桂花拿铁回来了\""));
    g_assert_null (strstr (contents, "Golden Week"));
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/redline/plan-export/" path, ExportFixture, NULL, export_set_up, func, \
              export_tear_down)
  ADD ("ics-posts", test_ics_posts);
  ADD ("ics-key-dates", test_ics_key_dates);
#ifdef HAVE_LIBICAL
  ADD ("ics-libical", test_ics_libical);
#endif
  ADD ("csv", test_csv);
  ADD ("files", test_files);
#undef ADD
  return g_test_run ();
}
