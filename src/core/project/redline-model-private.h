/* redline-model-private.h: what the project may set on its model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign and the post include this, never the store's headers: a
 * model knows nothing of SQLite.
 */

#pragma once

#include "redline-auto-reply.h"
#include "redline-campaign.h"
#include "redline-menu-item.h"
#include "redline-post.h"
#include "redline-qr-code.h"

G_BEGIN_DECLS

/* Replaces *str by a copy of @value; returns whether it changed
 * (g_set_str() only arrives in GLib 2.76). */
static inline gboolean
_redline_set_str (char       **str,
                  const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

gboolean     _redline_parse_date             (const char      *str,
                                              GDate           *date);
void         _redline_campaign_set_id        (RedlineCampaign *self,
                                              gint64           id);
void         _redline_post_set_id            (RedlinePost     *self,
                                              gint64           id);
void         _redline_qr_code_set_id         (RedlineQrCode   *self,
                                              gint64           id);
void         _redline_auto_reply_set_id      (RedlineAutoReply *self,
                                              gint64           id);
void         _redline_menu_item_set_id       (RedlineMenuItem *self,
                                              gint64           id);
void         _redline_menu_item_set_position (RedlineMenuItem *self,
                                              guint            position);
void         _redline_post_set_times         (RedlinePost     *self,
                                              const char      *created_at,
                                              const char      *updated_at);

G_END_DECLS
