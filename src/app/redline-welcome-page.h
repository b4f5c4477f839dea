/* redline-welcome-page.h: what a window shows with no project open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDLINE_TYPE_WELCOME_PAGE (redline_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (RedlineWelcomePage, redline_welcome_page, REDLINE, WELCOME_PAGE, AdwBin)

void redline_welcome_page_refresh (RedlineWelcomePage *self);

G_END_DECLS
