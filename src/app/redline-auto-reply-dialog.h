/* redline-auto-reply-dialog.h: an account's automatic reply, new or to
 * change, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_AUTO_REPLY_DIALOG (redline_auto_reply_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineAutoReplyDialog, redline_auto_reply_dialog, REDLINE,
                      AUTO_REPLY_DIALOG, AdwWindow)

GtkWidget        *redline_auto_reply_dialog_new          (GtkWindow               *parent,
                                                          RedlineContext          *context,
                                                          RedlineEcosystem         ecosystem,
                                                          const char              *account,
                                                          RedlineAutoReply        *reply);
RedlineAutoReply *redline_auto_reply_dialog_get_reply    (RedlineAutoReplyDialog  *self);
GListModel       *redline_auto_reply_dialog_get_findings (RedlineAutoReplyDialog  *self);
gboolean          redline_auto_reply_dialog_save         (RedlineAutoReplyDialog  *self,
                                                          GError                 **error);

G_END_DECLS
