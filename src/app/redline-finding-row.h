/* redline-finding-row.h: a finding in the list beside the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_FINDING_ROW (redline_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (RedlineFindingRow, redline_finding_row, REDLINE, FINDING_ROW, GtkListBoxRow)

GtkWidget      *redline_finding_row_new         (RedlineFinding    *finding,
                                                 gboolean           can_replace);
RedlineFinding *redline_finding_row_get_finding (RedlineFindingRow *self);
void            redline_finding_row_set_finding (RedlineFindingRow *self,
                                                 RedlineFinding    *finding);
void            redline_finding_row_fill_list   (GtkListBox        *list,
                                                 GListModel        *findings);
void            redline_finding_row_add_verdict (AdwActionRow      *row,
                                                 GListModel        *findings,
                                                 gboolean           broken);

G_END_DECLS
