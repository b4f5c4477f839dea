/* test-calendar.c: festivals, shopping dates and public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-calendar.h"
#include "redline-rule-pack.h"

static const char * const festival_ids[] = {
  "lunar-new-year", "lantern", "qingming", "dragon-boat", "qixi", "mid-autumn",
  "double-ninth", "lunar-new-years-eve",
};

static RedlineCalendar *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  RedlineCalendar *calendar = redline_calendar_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static GPtrArray *
dates_of (RedlineCalendar    *calendar,
          const char         *first,
          const char         *last,
          RedlineEcosystem    ecosystem,
          const char * const *regions)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, first);
  g_date_set_parse (&b, last);
  g_assert_true (g_date_valid (&a) && g_date_valid (&b));
  return redline_calendar_get_key_dates (calendar, &a, &b, ecosystem, regions);
}

/* The first day of the key date @id (of @country, or a festival) in the
 * dates, as YYYY-MM-DD, or NULL. */
static char *
find (GPtrArray  *dates,
      const char *id,
      const char *country)
{
  for (guint i = 0; i < dates->len; i++)
    {
      RedlineKeyDate *date = g_ptr_array_index (dates, i);
      char text[16];

      if (!g_str_equal (date->id, id) || g_strcmp0 (date->country, country) != 0)
        continue;
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date->first);
      return g_strdup (text);
    }
  return NULL;
}

/* Every festival of 151 years against the reference table. */
static void
test_festivals (void)
{
  g_autoptr(RedlineCalendar) calendar = builtin ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "festivals.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_years = 0, n_dates = 0;
  g_autoptr(GString) mismatches = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) dates = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (lines[l][0] == '#' || lines[l][0] == '\0')
        continue;
      fields = g_strsplit (lines[l], " ", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 1 + G_N_ELEMENTS (festival_ids));
      first = g_strconcat (fields[0], "-01-01", NULL);
      last = g_strconcat (fields[0], "-12-31", NULL);
      /* Festivals are the same on both ecosystems. */
      dates = dates_of (calendar, first, last, l % 2 ? REDLINE_ECOSYSTEM_WECHAT
                                                    : REDLINE_ECOSYSTEM_WEIXIN, NULL);
      for (guint f = 0; f < G_N_ELEMENTS (festival_ids); f++)
        {
          g_autofree char *found = find (dates, festival_ids[f], NULL);

          n_dates++;
          if (g_strcmp0 (found, fields[1 + f]) != 0)
            g_string_append_printf (mismatches, "%s %s: %s, not %s\n", fields[0],
                                    festival_ids[f], found ? found : "none", fields[1 + f]);
        }
      n_years++;
    }
  g_test_message ("%u festival dates of %u years compared", n_dates, n_years);
  g_assert_cmpuint (n_years, >=, 151);
  /* liblunar-date and the reference disagree on two of these dates, both
   * where a new moon or a solar term falls within minutes of midnight in
   * Beijing, which the two reckon differently: the eighth lunar month of
   * 1978 (so its Mid-Autumn), and the Qingming of 2071. Any other
   * difference is a regression. */
  g_assert_cmpstr (mismatches->str, ==,
                   "1978 mid-autumn: 1978-09-16, not 1978-09-17\n"
                   "2071 qingming: 2071-04-04, not 2071-04-05\n");
}

/* The dates the fact sheet of the product lists, 2025–2030. */
static void
test_published (void)
{
  static const struct { const char *id; const char *dates[6]; } table[] = {
    { "lunar-new-years-eve", { "2025-01-28", "2026-02-16", "2027-02-05", "2028-01-25", "2029-02-12", "2030-02-02" } },
    { "lunar-new-year", { "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03" } },
    { "lantern", { "2025-02-12", "2026-03-03", "2027-02-20", "2028-02-09", "2029-02-27", "2030-02-17" } },
    { "qingming", { "2025-04-04", "2026-04-05", "2027-04-05", "2028-04-04", "2029-04-04", "2030-04-05" } },
    { "dragon-boat", { "2025-05-31", "2026-06-19", "2027-06-09", "2028-05-28", "2029-06-16", "2030-06-05" } },
    { "qixi", { "2025-08-29", "2026-08-19", "2027-08-08", "2028-08-26", "2029-08-16", "2030-08-05" } },
    { "mid-autumn", { "2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03", "2029-09-22", "2030-09-12" } },
    { "double-ninth", { "2025-10-29", "2026-10-18", "2027-10-08", "2028-10-26", "2029-10-16", "2030-10-05" } },
  };
  g_autoptr(RedlineCalendar) calendar = builtin ();
  g_autoptr(GPtrArray) dates = dates_of (calendar, "2025-01-01", "2030-12-31",
                                         REDLINE_ECOSYSTEM_WEIXIN, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    for (guint y = 0; y < 6; y++)
      {
        gboolean seen = FALSE;

        for (guint d = 0; d < dates->len; d++)
          {
            RedlineKeyDate *date = g_ptr_array_index (dates, d);
            char text[16];

            g_date_strftime (text, sizeof text, "%Y-%m-%d", &date->first);
            if (g_str_equal (date->id, table[i].id) && g_str_equal (text, table[i].dates[y]))
              seen = TRUE;
          }
        if (!seen)
          g_error ("%s on %s is missing", table[i].id, table[i].dates[y]);
      }
}

/* Weixin: the mainland's shopping dates, announced holidays and make-up
 * working days; WeChat: none of those, the festivals, and the holidays of
 * the campaign's countries. */
static void
test_ecosystems (void)
{
  static const char * const sg_my[] = { "SG", "MY-14", NULL };
  g_autoptr(RedlineCalendar) calendar = builtin ();
  g_autoptr(GPtrArray) weixin = dates_of (calendar, "2024-09-01", "2024-10-31",
                                          REDLINE_ECOSYSTEM_WEIXIN, NULL);
  g_autoptr(GPtrArray) wechat = dates_of (calendar, "2024-09-01", "2024-10-31",
                                          REDLINE_ECOSYSTEM_WECHAT, sg_my);
  g_autoptr(GPtrArray) year = dates_of (calendar, "2026-01-01", "2026-12-31",
                                        REDLINE_ECOSYSTEM_WECHAT, sg_my);
  g_autofree char *mid_autumn = find (weixin, "mid-autumn", NULL);
  g_autofree char *golden_week = find (weixin, "golden-week", NULL);
  g_autofree char *national_day = find (weixin, "national-day", "CN");
  g_autofree char *holiday = find (weixin, "mid-autumn", "CN");
  g_autofree char *workday = find (weixin, "workday", "CN");
  g_autofree char *wechat_mid_autumn = find (wechat, "mid-autumn", NULL);
  g_autofree char *wechat_99 = find (wechat, "99", NULL);
  g_autofree char *wechat_cn = find (wechat, "national-day", "CN");
  g_autofree char *malaysia_day = find (wechat, "malaysia-day", "MY");
  g_autofree char *good_friday = find (year, "good-friday", "SG");
  g_autofree char *cny = find (year, "chinese-new-year", "SG");
  g_autofree char *agong = find (year, "agong-birthday", "MY");

  g_assert_cmpstr (mid_autumn, ==, "2024-09-17");
  g_assert_cmpstr (golden_week, ==, "2024-10-01");
  g_assert_cmpstr (national_day, ==, "2024-10-01");
  g_assert_cmpstr (holiday, ==, "2024-09-15");
  g_assert_cmpstr (workday, ==, "2024-09-14");
  g_assert_cmpstr (wechat_mid_autumn, ==, "2024-09-17");
  g_assert_null (wechat_99);
  g_assert_null (wechat_cn);
  g_assert_cmpstr (malaysia_day, ==, "2024-09-16");
  g_assert_cmpstr (good_friday, ==, "2026-04-03");
  g_assert_cmpstr (cny, ==, "2026-02-17");
  g_assert_cmpstr (agong, ==, "2026-06-01");

  /* In date order. */
  for (guint i = 1; i < weixin->len; i++)
    g_assert_cmpint (g_date_compare (&((RedlineKeyDate *) g_ptr_array_index (weixin, i - 1))->first,
                                     &((RedlineKeyDate *) g_ptr_array_index (weixin, i))->first),
                     <=, 0);
}

/* Rule-based holidays: Easter, the Nth and the last weekday of a month. */
static void
test_rules (void)
{
  static const char * const us_gb_hk[] = { "US", "GB", "HK", NULL };
  static const struct { const char *id; const char *country; const char *date; } cases[] = {
    { "good-friday", "GB", "2024-03-29" },
    { "easter-monday", "GB", "2024-04-01" },
    { "spring-bank", "GB", "2024-05-27" },
    { "summer-bank", "GB", "2024-08-26" },
    { "mlk-day", "US", "2024-01-15" },
    { "memorial-day", "US", "2024-05-27" },
    { "thanksgiving", "US", "2024-11-28" },
    { "buddha-birthday", "HK", "2024-05-15" },
    { "ching-ming", "HK", "2024-04-04" },
    { "after-mid-autumn", "HK", "2024-09-18" },
  };
  g_autoptr(RedlineCalendar) calendar = builtin ();
  g_autoptr(GPtrArray) dates = dates_of (calendar, "2024-01-01", "2024-12-31",
                                         REDLINE_ECOSYSTEM_WECHAT, us_gb_hk);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = find (dates, cases[i].id, cases[i].country);

      g_assert_cmpstr (found, ==, cases[i].date);
    }
}

/* The mainland's holidays are announced year by year: the data says up to
 * which year it knows them, and later years have none of them. */
static void
test_confirmed_through (void)
{
  g_autoptr(RedlineCalendar) calendar = builtin ();
  g_autoptr(GPtrArray) later = dates_of (calendar, "2027-01-01", "2027-12-31",
                                         REDLINE_ECOSYSTEM_WEIXIN, NULL);
  g_autofree char *holiday = find (later, "national-day", "CN");
  g_autofree char *festival = find (later, "mid-autumn", NULL);

  g_assert_cmpuint (redline_calendar_get_confirmed_through (calendar, "CN"), ==, 2026);
  g_assert_cmpuint (redline_calendar_get_confirmed_through (calendar, "SG"), ==, 0);
  g_assert_cmpuint (redline_calendar_get_confirmed_through (calendar, "ZZ"), ==, 0);
  g_assert_cmpstr (redline_calendar_get_country_name (calendar, "SG"), ==, "Singapore");
  g_assert_null (holiday);
  g_assert_cmpstr (festival, ==, "2027-09-15");
}

static void
check_refused (const char *xml,
               const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineCalendar) calendar = redline_calendar_new_from_bytes (bytes, "bad.xml", &error);

  g_assert_null (calendar);
  g_assert_error (error, REDLINE_RULES_ERROR, error->code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” lacks “%s”", error->message, expected);
}

/* Broken calendar data is refused with the file, the line and the column. */
static void
test_refused (void)
{
  check_refused ("", "bad.xml:1:1: the planning data is empty");
  check_refused ("<calendar version=\"1\"><festivals ecosystems=\"weixin\">\n"
                 "<day id=\"x\" date=\"13-01\"><name>X</name></day></festivals></calendar>",
                 "bad.xml:2:13: “13-01” is not a month and a day");
  check_refused ("<calendar version=\"1\"><holidays country=\"CN\" ecosystems=\"weixin\">"
                 "<name>CN</name>\n<year value=\"2024\" source=\"s\">"
                 "<holiday id=\"a\" from=\"2025-01-01\" to=\"2025-01-02\"><name>A</name></holiday>"
                 "</year></holidays></calendar>",
                 "bad.xml:2:");
  check_refused ("<calendar version=\"1\"><festivals ecosystems=\"mars\"/></calendar>",
                 "bad.xml:1:23: Element festivals failed to validate attributes");
  check_refused ("<!DOCTYPE calendar [<!ENTITY x \"y\">]><calendar version=\"1\"/>",
                 "document type declarations and entities are not allowed in planning data");
  check_refused ("<calendar version=\"1\">\xff</calendar>", "planning data must be UTF-8");
}

/* Names follow the user's language. */
static void
test_names (void)
{
  g_autoptr(RedlineCalendar) english = builtin ();
  g_autoptr(RedlineCalendar) chinese = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (language);

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = builtin ();
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  dates = dates_of (chinese, "2024-09-17", "2024-09-17", REDLINE_ECOSYSTEM_WEIXIN, NULL);
  g_assert_cmpuint (dates->len, >=, 1);
  for (guint i = 0; i < dates->len; i++)
    {
      RedlineKeyDate *date = g_ptr_array_index (dates, i);

      if (g_str_equal (date->id, "mid-autumn") && date->country == NULL)
        g_assert_cmpstr (date->name, ==, "中秋节");
    }
  g_assert_cmpstr (redline_calendar_get_country_name (english, "CN"), ==, "Mainland China");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redline/calendar/festivals", test_festivals);
  g_test_add_func ("/redline/calendar/published", test_published);
  g_test_add_func ("/redline/calendar/ecosystems", test_ecosystems);
  g_test_add_func ("/redline/calendar/rules", test_rules);
  g_test_add_func ("/redline/calendar/confirmed-through", test_confirmed_through);
  g_test_add_func ("/redline/calendar/refused", test_refused);
  g_test_add_func ("/redline/calendar/names", test_names);

  return g_test_run ();
}
