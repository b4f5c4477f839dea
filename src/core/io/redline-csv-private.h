/* redline-csv-private.h: one cell of CSV, as every CSV writer of Redline writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * RedlineCsvCell:
 * @REDLINE_CSV_CELL_LAST: the cell ends its row (CRLF)
 * @REDLINE_CSV_CELL_FOR_PEOPLE: the file is for a spreadsheet, not for
 *   Redline to read back: every cell is quoted, and one that starts with
 *   =, +, -, @, a tab or a carriage return gets a leading apostrophe so it
 *   is shown as text, never run as a formula (CSV injection)
 */
typedef enum
{
  REDLINE_CSV_CELL_NONE       = 0,
  REDLINE_CSV_CELL_LAST       = 1 << 0,
  REDLINE_CSV_CELL_FOR_PEOPLE = 1 << 1,
} RedlineCsvCell;

/* UTF-8's byte order mark, which spreadsheets need to read Chinese right. */
#define REDLINE_CSV_BOM "\xef\xbb\xbf"

void _redline_csv_append_cell (GString        *csv,
                               const char     *value,
                               RedlineCsvCell  flags);
void _redline_csv_append_cell_for_people (GString    *csv,
                                          const char *value,
                                          gboolean    last);

G_END_DECLS
