/* redline-calendar.h: festivals, shopping dates and public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-types.h"

G_BEGIN_DECLS

/**
 * RedlineKeyDateKind:
 * @REDLINE_KEY_DATE_FESTIVAL: a traditional festival
 * @REDLINE_KEY_DATE_COMMERCIAL: a shopping or social date of the platforms
 * @REDLINE_KEY_DATE_HOLIDAY: a public holiday
 * @REDLINE_KEY_DATE_WORKDAY: a make-up working day (调休上班)
 */
typedef enum
{
  REDLINE_KEY_DATE_FESTIVAL,
  REDLINE_KEY_DATE_COMMERCIAL,
  REDLINE_KEY_DATE_HOLIDAY,
  REDLINE_KEY_DATE_WORKDAY,
} RedlineKeyDateKind;

/**
 * RedlineKeyDate:
 * @first: its first day
 * @n_days: how many days it lasts
 * @kind: what it is
 * @id: its id in the calendar data, such as `mid-autumn`
 * @name: its name in the user's language
 * @country: (nullable): the country whose holiday it is (ISO 3166 code),
 *   or %NULL for a festival or a commercial date
 *
 * A day, or a run of days, worth planning around.
 */
typedef struct
{
  GDate              first;
  guint              n_days;
  RedlineKeyDateKind kind;
  char              *id;
  char              *name;
  char              *country;
} RedlineKeyDate;

#define REDLINE_TYPE_KEY_DATE (redline_key_date_get_type ())
GType           redline_key_date_get_type (void) G_GNUC_CONST;
RedlineKeyDate *redline_key_date_copy     (const RedlineKeyDate *self);
void            redline_key_date_free     (RedlineKeyDate       *self);
gboolean        redline_key_date_contains (const RedlineKeyDate *self,
                                           const GDate          *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineKeyDate, redline_key_date_free)

#define REDLINE_TYPE_CALENDAR (redline_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RedlineCalendar, redline_calendar, REDLINE, CALENDAR, GObject)

RedlineCalendar *redline_calendar_new_from_bytes       (GBytes             *bytes,
                                                        const char         *display_name,
                                                        GError            **error);
RedlineCalendar *redline_calendar_load_builtin         (GError            **error);
GPtrArray       *redline_calendar_get_key_dates        (RedlineCalendar    *self,
                                                        const GDate        *first,
                                                        const GDate        *last,
                                                        RedlineEcosystem    ecosystem,
                                                        const char * const *regions);
GPtrArray       *redline_calendar_get_campaigns_key_dates (RedlineCalendar *self,
                                                          GListModel      *campaigns,
                                                          const GDate     *first,
                                                          const GDate     *last);
guint            redline_calendar_get_confirmed_through (RedlineCalendar   *self,
                                                        const char         *country);
const char      *redline_calendar_get_country_name     (RedlineCalendar    *self,
                                                        const char         *country);

G_END_DECLS
