/* redline-plan-export.h: a project's plan as iCalendar or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-calendar.h"
#include "redline-planner.h"

G_BEGIN_DECLS

/**
 * RedlinePlanFormat:
 * @REDLINE_PLAN_FORMAT_ICS: iCalendar (RFC 5545), for calendar programs
 * @REDLINE_PLAN_FORMAT_CSV: one row per post, for spreadsheets
 *
 * What a plan is written as.
 */
typedef enum
{
  REDLINE_PLAN_FORMAT_ICS,
  REDLINE_PLAN_FORMAT_CSV,
} RedlinePlanFormat;

/**
 * RedlinePlanExportError:
 * @REDLINE_PLAN_EXPORT_ERROR_FORMAT: the file's name asks for no format
 *   Redline writes
 *
 * Why a plan could not be written, besides the errors of #GIOErrorEnum.
 */
typedef enum
{
  REDLINE_PLAN_EXPORT_ERROR_FORMAT,
} RedlinePlanExportError;

#define REDLINE_PLAN_EXPORT_ERROR (redline_plan_export_error_quark ())

GQuark    redline_plan_export_error_quark (void);
gboolean  redline_plan_format_for_file    (GFile              *file,
                                           RedlinePlanFormat  *format,
                                           GError            **error);
char     *redline_plan_export_ics         (RedlinePlanner     *planner,
                                           RedlineCalendar    *calendar,
                                           GDateTime          *now);
char     *redline_plan_export_csv         (RedlinePlanner     *planner,
                                           RedlineCalendar    *calendar);
gboolean  redline_plan_export_write       (RedlinePlanner     *planner,
                                           RedlineCalendar    *calendar,
                                           RedlinePlanFormat   format,
                                           GFile              *file,
                                           GError            **error);

G_END_DECLS
