/* redline-csv.c: one cell of CSV (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "redline-csv-private.h"

/* Appends @value (NULL is an empty cell) and the separator after it. A
 * cell is quoted when it must be (a comma, a quote, a line end, a leading
 * space), or always for people; quotes inside are doubled. */
void
_redline_csv_append_cell (GString        *csv,
                          const char     *value,
                          RedlineCsvCell  flags)
{
  gboolean for_people = (flags & REDLINE_CSV_CELL_FOR_PEOPLE) != 0;

  if (value == NULL)
    value = "";
  if (for_people || strpbrk (value, ",\"\r\n") != NULL || g_ascii_isspace (value[0]))
    {
      g_string_append_c (csv, '"');
      if (for_people && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
        g_string_append_c (csv, '\'');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, value);
  g_string_append (csv, (flags & REDLINE_CSV_CELL_LAST) != 0 ? "\r\n" : ",");
}

/* A cell of a file for people (REDLINE_CSV_CELL_FOR_PEOPLE), ending the
 * row when @last. */
void
_redline_csv_append_cell_for_people (GString    *csv,
                                     const char *value,
                                     gboolean    last)
{
  _redline_csv_append_cell (csv, value, REDLINE_CSV_CELL_FOR_PEOPLE |
                                        (last ? REDLINE_CSV_CELL_LAST : REDLINE_CSV_CELL_NONE));
}
