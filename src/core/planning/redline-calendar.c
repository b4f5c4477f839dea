/* redline-calendar.c: festivals, shopping dates and public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-planning"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <lunar-date/lunar-date.h>

#include "redline-calendar.h"
#include "redline-campaign.h"
#include "redline-planning-private.h"
#include "redline-rule-pack.h"

#define SCHEMA_RESOURCE "/org/redline/core/planning/redline-calendar.rng"
#define BUILTIN_RESOURCE "/org/redline/core/planning/calendar.xml"

typedef LunarDate LunarRelease;

/* liblunar-date knows the lunar calendar of these years. */
#define LUNAR_FIRST_YEAR 1900
#define LUNAR_LAST_YEAR 2100

typedef enum
{
  RULE_DATE,       /* date="MM-DD" */
  RULE_LUNAR,      /* lunar="M-D" */
  RULE_LUNAR_EVE,  /* lunar="eve" */
  RULE_QINGMING,   /* solar-term="qingming" */
  RULE_EASTER,     /* easter="N" */
  RULE_WEEKDAY,    /* month="M" weekday="…" nth="N" */
} RuleKind;

/* A key date computed every year: @date is what each year's has, but its
 * first day. */
typedef struct
{
  RuleKind           rule;
  guint              ecosystems; /* bits of RedlineEcosystem */
  RedlineKeyDate     date;       /* country NULL: a festival or commercial date */
  int                month;
  int                day;
  int                offset;     /* easter */
  GDateWeekday       weekday;
  int                nth;
} DayRule;

/* A key date of one year, as announced. */
typedef struct
{
  guint           ecosystems;
  RedlineKeyDate  date;
} Announced;

typedef struct
{
  char  *name;
  guint  confirmed_through;
} Country;

/**
 * RedlineCalendar:
 *
 * The key dates of `data/planning/calendar.xml`: lunar festivals computed
 * with liblunar-date, Qingming, the platforms' shopping dates, the public
 * holidays of the mainland as announced year by year (with their make-up
 * working days), and the rule-based public holidays of WeChat's markets.
 */
struct _RedlineCalendar
{
  GObject     parent_instance;

  GPtrArray  *rules;      /* of DayRule */
  GPtrArray  *announced;  /* of Announced */
  GHashTable *countries;  /* code → Country */
};

G_DEFINE_FINAL_TYPE (RedlineCalendar, redline_calendar, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RedlineKeyDate, redline_key_date, redline_key_date_copy,
                     redline_key_date_free)

/**
 * redline_key_date_copy:
 * @self: a #RedlineKeyDate
 *
 * Returns: (transfer full): a copy
 */
RedlineKeyDate *
redline_key_date_copy (const RedlineKeyDate *self)
{
  RedlineKeyDate *copy = g_new (RedlineKeyDate, 1);

  *copy = *self;
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->country = g_strdup (self->country);
  return copy;
}

static void
key_date_clear (RedlineKeyDate *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->country);
}

void
redline_key_date_free (RedlineKeyDate *self)
{
  if (self == NULL)
    return;
  key_date_clear (self);
  g_free (self);
}

/**
 * redline_key_date_contains:
 * @self: a key date
 * @day: a day
 *
 * Returns: whether @day is one of the days @self lasts
 */
gboolean
redline_key_date_contains (const RedlineKeyDate *self,
                           const GDate          *day)
{
  GDate end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  end = self->first;
  g_date_add_days (&end, self->n_days);
  return g_date_compare (day, &self->first) >= 0 && g_date_compare (day, &end) < 0;
}

static void
day_rule_free (gpointer data)
{
  DayRule *rule = data;

  key_date_clear (&rule->date);
  g_free (rule);
}

static void
announced_free (gpointer data)
{
  Announced *announced = data;

  key_date_clear (&announced->date);
  g_free (announced);
}

static void
country_free (gpointer data)
{
  Country *country = data;

  g_free (country->name);
  g_free (country);
}

static void
redline_calendar_finalize (GObject *object)
{
  RedlineCalendar *self = (RedlineCalendar *) object;

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->announced, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);

  G_OBJECT_CLASS (redline_calendar_parent_class)->finalize (object);
}

static void
redline_calendar_class_init (RedlineCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redline_calendar_finalize;
}

static void
redline_calendar_init (RedlineCalendar *self)
{
  self->rules = g_ptr_array_new_with_free_func (day_rule_free);
  self->announced = g_ptr_array_new_with_free_func (announced_free);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, country_free);
}

/* The schema has checked the forms of these values. */
static int
int_prop (xmlNode    *node,
          const char *name)
{
  g_autofree char *value = _redline_xml_dup_prop (node, name);

  return value != NULL ? atoi (value) : 0;
}

static guint
parse_ecosystems (xmlNode *node)
{
  g_autofree char *value = _redline_xml_dup_prop (node, "ecosystems");
  g_auto(GStrv) names = g_strsplit_set (value != NULL ? value : "", " \t\r\n", -1);
  guint bits = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      RedlineEcosystem ecosystem;

      if (redline_ecosystem_from_string (names[i], &ecosystem))
        bits |= 1u << ecosystem;
    }
  return bits;
}

static gboolean
parse_day (RedlineCalendar   *self,
           RedlineXmlSource  *source,
           xmlNode           *node,
           guint              ecosystems,
           const char        *country,
           RedlineKeyDateKind default_kind,
           GError           **error)
{
  static const char * const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  DayRule *rule = g_new0 (DayRule, 1);
  g_autofree char *kind = _redline_xml_dup_prop (node, "kind");
  g_autofree char *date = _redline_xml_dup_prop (node, "date");
  g_autofree char *lunar = _redline_xml_dup_prop (node, "lunar");
  g_autofree char *term = _redline_xml_dup_prop (node, "solar-term");
  g_autofree char *easter = _redline_xml_dup_prop (node, "easter");
  g_autofree char *weekday = _redline_xml_dup_prop (node, "weekday");
  g_autofree char *days = _redline_xml_dup_prop (node, "days");

  g_ptr_array_add (self->rules, rule);
  rule->ecosystems = ecosystems;
  rule->date.id = _redline_xml_dup_prop (node, "id");
  rule->date.name = _redline_planning_pick_name (node);
  rule->date.country = g_strdup (country);
  rule->date.n_days = days != NULL ? (guint) atoi (days) : 1;
  rule->date.kind = default_kind;
  if (kind != NULL && g_str_equal (kind, "festival"))
    rule->date.kind = REDLINE_KEY_DATE_FESTIVAL;
  else if (kind != NULL && g_str_equal (kind, "commercial"))
    rule->date.kind = REDLINE_KEY_DATE_COMMERCIAL;
  else if (kind != NULL && g_str_equal (kind, "holiday"))
    rule->date.kind = REDLINE_KEY_DATE_HOLIDAY;

  if (date != NULL || (lunar != NULL && !g_str_equal (lunar, "eve")))
    {
      const char *value = date != NULL ? date : lunar;

      rule->rule = date != NULL ? RULE_DATE : RULE_LUNAR;
      rule->month = atoi (value);
      rule->day = atoi (strchr (value, '-') + 1);
      if (rule->month < 1 || rule->month > 12 || rule->day < 1 ||
          rule->day > (date != NULL ? 31 : 30))
        {
          _redline_xml_set_node_error (source, error, node, date != NULL ? "date" : "lunar",
                                       REDLINE_RULES_ERROR_INVALID,
                                       _("“%s” is not a month and a day"), value);
          return FALSE;
        }
    }
  else if (lunar != NULL)
    rule->rule = RULE_LUNAR_EVE;
  else if (term != NULL)
    rule->rule = RULE_QINGMING;
  else if (easter != NULL)
    {
      rule->rule = RULE_EASTER;
      rule->offset = atoi (easter);
      if (ABS (rule->offset) > 60)
        {
          _redline_xml_set_node_error (source, error, node, "easter", REDLINE_RULES_ERROR_INVALID,
                                       _("a day counted from Easter must be within 60 days "
                                         "of it"));
          return FALSE;
        }
    }
  else
    {
      rule->rule = RULE_WEEKDAY;
      rule->month = int_prop (node, "month");
      rule->nth = int_prop (node, "nth");
      for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
        if (g_str_equal (weekday, weekdays[i]))
          rule->weekday = G_DATE_MONDAY + i;
    }
  return TRUE;
}

static gboolean
parse_date (RedlineXmlSource  *source,
            xmlNode           *node,
            const char        *attribute,
            guint              year,
            GDate             *date,
            GError           **error)
{
  g_autofree char *value = _redline_xml_dup_prop (node, attribute);

  g_date_clear (date, 1);
  g_date_set_parse (date, value);
  if (!g_date_valid (date) || g_date_get_year (date) != year)
    {
      _redline_xml_set_node_error (source, error, node, attribute, REDLINE_RULES_ERROR_INVALID,
                                   _("“%s” is not a date of the year %u"), value, year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_year (RedlineCalendar   *self,
            RedlineXmlSource  *source,
            xmlNode           *node,
            guint              ecosystems,
            const char        *country,
            GError           **error)
{
  guint year = int_prop (node, "value");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean holiday = _redline_xml_is_element (child, "holiday");
      Announced *announced;
      GDate last;

      if (!holiday && !_redline_xml_is_element (child, "workday"))
        continue;
      announced = g_new0 (Announced, 1);
      g_ptr_array_add (self->announced, announced);
      announced->ecosystems = ecosystems;
      announced->date.country = g_strdup (country);
      if (!parse_date (source, child, holiday ? "from" : "date", year, &announced->date.first,
                       error))
        return FALSE;
      if (holiday)
        {
          if (!parse_date (source, child, "to", year, &last, error))
            return FALSE;
          if (g_date_compare (&last, &announced->date.first) < 0)
            {
              _redline_xml_set_node_error (source, error, child, "to",
                                           REDLINE_RULES_ERROR_INVALID,
                                           _("the holiday ends before it starts"));
              return FALSE;
            }
          announced->date.n_days = g_date_days_between (&announced->date.first, &last) + 1;
          announced->date.kind = REDLINE_KEY_DATE_HOLIDAY;
          announced->date.id = _redline_xml_dup_prop (child, "id");
          announced->date.name = _redline_planning_pick_name (child);
        }
      else
        {
          announced->date.n_days = 1;
          announced->date.kind = REDLINE_KEY_DATE_WORKDAY;
          announced->date.id = g_strdup ("workday");
          /* TRANSLATORS: a weekend day worked in exchange for a holiday (调休上班) */
          announced->date.name = g_strdup (_("Make-up working day"));
        }
    }
  return TRUE;
}

static gboolean
load_document (GObject           *object,
               RedlineXmlSource  *source,
               xmlDocPtr          doc,
               GError           **error)
{
  RedlineCalendar *self = (RedlineCalendar *) object;
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      guint ecosystems;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      ecosystems = parse_ecosystems (node);
      if (_redline_xml_is_element (node, "festivals"))
        {
          for (xmlNode *day = node->children; day != NULL; day = day->next)
            if (_redline_xml_is_element (day, "day") &&
                !parse_day (self, source, day, ecosystems, NULL, REDLINE_KEY_DATE_FESTIVAL,
                            error))
              return FALSE;
        }
      else if (_redline_xml_is_element (node, "holidays"))
        {
          g_autofree char *code = _redline_xml_dup_prop (node, "country");
          Country *country;

          if (g_hash_table_contains (self->countries, code))
            {
              _redline_xml_set_node_error (source, error, node, "country",
                                           REDLINE_RULES_ERROR_DUPLICATE_ID,
                                           _("the holidays of “%s” are given twice"), code);
              return FALSE;
            }
          country = g_new0 (Country, 1);
          country->name = _redline_planning_pick_name (node);
          country->confirmed_through = int_prop (node, "confirmed-through");
          g_hash_table_insert (self->countries, g_strdup (code), country);
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              if (_redline_xml_is_element (child, "day") &&
                  !parse_day (self, source, child, ecosystems, code, REDLINE_KEY_DATE_HOLIDAY,
                              error))
                return FALSE;
              if (_redline_xml_is_element (child, "year") &&
                  !parse_year (self, source, child, ecosystems, code, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * redline_calendar_new_from_bytes:
 * @bytes: calendar data, as `data/planning/calendar.xml`
 * @display_name: how to name it in messages (usually its path)
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Loads and validates calendar data, refused whole on the first error,
 * which names @display_name, the line and the column.
 *
 * Returns: (transfer full): the calendar, or %NULL
 */
RedlineCalendar *
redline_calendar_new_from_bytes (GBytes      *bytes,
                                 const char  *display_name,
                                 GError     **error)
{
  return (RedlineCalendar *) _redline_planning_new (REDLINE_TYPE_CALENDAR, bytes, display_name,
                                                    SCHEMA_RESOURCE, load_document, error);
}

/**
 * redline_calendar_load_builtin:
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the calendar data built into Redline, or %NULL
 */
RedlineCalendar *
redline_calendar_load_builtin (GError **error)
{
  return (RedlineCalendar *) _redline_planning_new_builtin (REDLINE_TYPE_CALENDAR, BUILTIN_RESOURCE,
                                                            SCHEMA_RESOURCE, load_document, error);
}

/* The solar date of a day of the lunar calendar, by liblunar-date. */
static gboolean
lunar_to_solar (LunarDate *lunar,
                int        year,
                int        month,
                int        day,
                GDate     *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *solar = NULL;

  if (year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR)
    return FALSE;
  lunar_date_set_lunar_date (lunar, year, month, day, 0, FALSE, &error);
  if (error != NULL)
    return FALSE; /* a 30th in a month of 29 days */
  solar = lunar_date_strftime (lunar, "%(year)-%(month)-%(day)");
  g_date_clear (date, 1);
  g_date_set_parse (date, solar);
  return g_date_valid (date);
}

/* The names liblunar-date gives @date's holidays and solar terms. */
static GStrv
lunar_holidays (LunarDate *lunar,
                int        year,
                int        month,
                int        day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  lunar_date_set_solar_date (lunar, year, month, day, 12, &error);
  if (error != NULL)
    return g_new0 (char *, 1);
  names = lunar_date_get_holiday (lunar, "\n");
  return g_strsplit (names != NULL ? names : "", "\n", -1);
}

/* Qingming, as liblunar-date reckons the solar term: it falls on April
 * 4th, 5th or 6th (3rd–6th over the library's years). The library names
 * it in the user's language, so its name is taken from a year whose
 * Qingming is known: April 4th, 2025. */
static gboolean
qingming (LunarDate *lunar,
          int        year,
          GDate     *date)
{
  g_auto(GStrv) reference = lunar_holidays (lunar, 2025, 4, 4);

  if (year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR || reference[0] == NULL ||
      reference[1] != NULL || reference[0][0] == '\0')
    return FALSE;
  for (int day = 3; day <= 6; day++)
    {
      g_auto(GStrv) names = lunar_holidays (lunar, year, 4, day);

      if (g_strv_contains ((const char * const *) names, reference[0]))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, day, G_DATE_APRIL, year);
          return TRUE;
        }
    }
  return FALSE;
}

/* Easter Sunday of the Gregorian calendar (the "anonymous" algorithm of
 * Meeus, Astronomical Algorithms, ch. 8). */
static void
easter_sunday (int    year,
               GDate *date)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static gboolean
nth_weekday (int           year,
             int           month,
             GDateWeekday  weekday,
             int           nth,
             GDate        *date)
{
  g_date_clear (date, 1);
  if (nth > 0)
    {
      g_date_set_dmy (date, 1, month, year);
      g_date_add_days (date, (weekday - g_date_get_weekday (date) + 7) % 7 + 7 * (nth - 1));
      return g_date_get_month (date) == (GDateMonth) month;
    }
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
  g_date_subtract_days (date, (g_date_get_weekday (date) - weekday + 7) % 7);
  return TRUE;
}

/* The first day of @rule in the Gregorian @year (or, for a lunar date,
 * of the lunar year @year, which may end in the next Gregorian year). */
static gboolean
rule_date (const DayRule *rule,
           LunarDate     *lunar,
           int            year,
           GDate         *date)
{
  switch (rule->rule)
    {
    case RULE_DATE:
      if (!g_date_valid_dmy (rule->day, rule->month, year))
        return FALSE; /* February 29th */
      g_date_clear (date, 1);
      g_date_set_dmy (date, rule->day, rule->month, year);
      return TRUE;
    case RULE_LUNAR:
      return lunar_to_solar (lunar, year, rule->month, rule->day, date);
    case RULE_LUNAR_EVE:
      if (!lunar_to_solar (lunar, year, 1, 1, date))
        return FALSE;
      g_date_subtract_days (date, 1);
      return TRUE;
    case RULE_QINGMING:
      return qingming (lunar, year, date);
    case RULE_EASTER:
      easter_sunday (year, date);
      if (rule->offset >= 0)
        g_date_add_days (date, rule->offset);
      else
        g_date_subtract_days (date, -rule->offset);
      return TRUE;
    case RULE_WEEKDAY:
      return nth_weekday (year, rule->month, rule->weekday, rule->nth, date);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* liblunar-date 3.0 frees a date's members in lunar_date_free(), as its
 * documentation asks, but leaves the object itself to be unreferenced. */
static void
lunar_release (LunarDate *lunar)
{
  lunar_date_free (lunar);
  g_object_unref (lunar);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LunarRelease, lunar_release)

static gboolean
overlaps (const GDate *start,
          guint        n_days,
          const GDate *first,
          const GDate *last)
{
  GDate end = *start;

  g_date_add_days (&end, n_days - 1);
  return g_date_compare (start, last) <= 0 && g_date_compare (&end, first) >= 0;
}

static gboolean
applies (guint               ecosystems,
         const char         *country,
         RedlineEcosystem    ecosystem,
         GHashTable         *countries)
{
  if ((ecosystems & (1u << ecosystem)) == 0)
    return FALSE;
  return country == NULL || g_hash_table_contains (countries, country);
}

static int
compare_key_dates (gconstpointer a,
                   gconstpointer b)
{
  const RedlineKeyDate *x = *(RedlineKeyDate * const *) a;
  const RedlineKeyDate *y = *(RedlineKeyDate * const *) b;
  int order = g_date_compare (&x->first, &y->first);

  if (order != 0)
    return order;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return g_strcmp0 (x->country, y->country);
}

/**
 * redline_calendar_get_key_dates:
 * @self: a #RedlineCalendar
 * @first: the first day wanted
 * @last: the last day wanted
 * @ecosystem: the campaign's ecosystem
 * @regions: (nullable): the campaign's target regions (`CN-SH`, `SG`, …):
 *   their countries' holidays are included; on Weixin, the mainland's are
 *   always
 *
 * Returns: (transfer container) (element-type RedlineKeyDate): the key dates
 *   that overlap @first to @last, in date order
 */
GPtrArray *
redline_calendar_get_key_dates (RedlineCalendar    *self,
                                const GDate        *first,
                                const GDate        *last,
                                RedlineEcosystem    ecosystem,
                                const char * const *regions)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_key_date_free);
  g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LunarRelease) lunar = NULL;

  g_return_val_if_fail (REDLINE_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);

  if (ecosystem == REDLINE_ECOSYSTEM_WEIXIN)
    g_hash_table_add (countries, g_strdup ("CN"));
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    g_hash_table_add (countries, g_ascii_strup (regions[i], strcspn (regions[i], "-")));

  lunar = lunar_date_new ();
  for (guint r = 0; r < self->rules->len; r++)
    {
      const DayRule *rule = g_ptr_array_index (self->rules, r);

      if (!applies (rule->ecosystems, rule->date.country, ecosystem, countries))
        continue;
      /* A lunar year starts in January or February: a lunar date of the
       * year before can fall in @first's year. */
      for (int year = (int) g_date_get_year (first) - 1; year <= (int) g_date_get_year (last);
           year++)
        {
          RedlineKeyDate date = rule->date;

          if (year < 1 || !rule_date (rule, lunar, year, &date.first) ||
              !overlaps (&date.first, date.n_days, first, last))
            continue;
          g_ptr_array_add (dates, redline_key_date_copy (&date));
        }
    }
  for (guint a = 0; a < self->announced->len; a++)
    {
      const Announced *announced = g_ptr_array_index (self->announced, a);

      if (applies (announced->ecosystems, announced->date.country, ecosystem, countries) &&
          overlaps (&announced->date.first, announced->date.n_days, first, last))
        g_ptr_array_add (dates, redline_key_date_copy (&announced->date));
    }
  g_ptr_array_sort (dates, compare_key_dates);
  return g_steal_pointer (&dates);
}

/**
 * redline_calendar_get_campaigns_key_dates:
 * @self: a #RedlineCalendar
 * @campaigns: (element-type RedlineCampaign): campaigns, such as a
 *   project's
 * @first: the first day wanted
 * @last: the last day wanted
 *
 * The key dates of every campaign's ecosystem and target regions, as
 * redline_calendar_get_key_dates() gives them, each once (Mid-Autumn is
 * one date for a Weixin and a WeChat campaign). With no campaigns, those
 * of Weixin.
 *
 * Returns: (transfer container) (element-type RedlineKeyDate): the key dates
 *   that overlap @first to @last, in date order
 */
GPtrArray *
redline_calendar_get_campaigns_key_dates (RedlineCalendar *self,
                                          GListModel      *campaigns,
                                          const GDate     *first,
                                          const GDate     *last)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_key_date_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_val_if_fail (REDLINE_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (campaigns), NULL);

  n = g_list_model_get_n_items (campaigns);
  for (guint c = 0; c < MAX (n, 1); c++)
    {
      g_autoptr(RedlineCampaign) campaign = n > 0 ? g_list_model_get_item (campaigns, c) : NULL;
      g_autoptr(GPtrArray) dates =
        redline_calendar_get_key_dates (self, first, last,
                                        campaign != NULL ? redline_campaign_get_ecosystem (campaign)
                                                         : REDLINE_ECOSYSTEM_WEIXIN,
                                        campaign != NULL
                                        ? redline_campaign_get_target_regions (campaign) : NULL);

      for (guint i = 0; i < dates->len; i++)
        {
          RedlineKeyDate *date = g_ptr_array_index (dates, i);
          char *key = g_strdup_printf ("%s/%u/%s", date->id, g_date_get_julian (&date->first),
                                       date->country != NULL ? date->country : "");

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (all, g_steal_pointer (&dates->pdata[i]));
        }
    }
  g_ptr_array_sort (all, compare_key_dates);
  return g_steal_pointer (&all);
}

/**
 * redline_calendar_get_confirmed_through:
 * @self: a #RedlineCalendar
 * @country: a country code, such as `CN`
 *
 * Returns: the last year whose announced holidays the data holds, or 0 if
 *   the country's holidays are not announced year by year (or not known)
 */
guint
redline_calendar_get_confirmed_through (RedlineCalendar *self,
                                        const char      *country)
{
  Country *found;

  g_return_val_if_fail (REDLINE_IS_CALENDAR (self), 0);
  g_return_val_if_fail (country != NULL, 0);

  found = g_hash_table_lookup (self->countries, country);
  return found != NULL ? found->confirmed_through : 0;
}

/**
 * redline_calendar_get_country_name:
 * @self: a #RedlineCalendar
 * @country: a country code, such as `SG`
 *
 * Returns: (nullable): its name in the user's language, if the data has
 *   its holidays
 */
const char *
redline_calendar_get_country_name (RedlineCalendar *self,
                                   const char      *country)
{
  Country *found;

  g_return_val_if_fail (REDLINE_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  found = g_hash_table_lookup (self->countries, country);
  return found != NULL ? found->name : NULL;
}
