/* redline-planning-private.h: what the planning data readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "redline-xml-private.h"

G_BEGIN_DECLS

/* Planning data files are small; this refuses anything that is not. */
#define REDLINE_PLANNING_MAX_SIZE (4 * 1024 * 1024)

/* Platform time: days and months of quotas, and the dates of the plan. */
#define REDLINE_PLANNING_TIME_ZONE "Asia/Shanghai"

/* Fills in a new object of planning data from its validated document. */
typedef gboolean (*RedlinePlanningLoad) (GObject           *object,
                                         RedlineXmlSource  *source,
                                         xmlDocPtr          doc,
                                         GError           **error);

GObject    *_redline_planning_new       (GType                type,
                                         GBytes              *bytes,
                                         const char          *display_name,
                                         const char          *schema_resource,
                                         RedlinePlanningLoad  load,
                                         GError             **error);
GObject    *_redline_planning_new_builtin (GType              type,
                                         const char          *resource,
                                         const char          *schema_resource,
                                         RedlinePlanningLoad  load,
                                         GError             **error);
char       *_redline_planning_pick_name (xmlNode           *parent);
GTimeZone  *_redline_planning_time_zone (void);

G_END_DECLS
