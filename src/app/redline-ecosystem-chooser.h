/* redline-ecosystem-chooser.h: Weixin or WeChat, for a new campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_ECOSYSTEM_CHOOSER (redline_ecosystem_chooser_get_type ())

G_DECLARE_FINAL_TYPE (RedlineEcosystemChooser, redline_ecosystem_chooser, REDLINE,
                      ECOSYSTEM_CHOOSER, GtkBox)

RedlineEcosystem redline_ecosystem_chooser_get_ecosystem (RedlineEcosystemChooser *self);
void             redline_ecosystem_chooser_set_ecosystem (RedlineEcosystemChooser *self,
                                                          RedlineEcosystem         ecosystem);

G_END_DECLS
