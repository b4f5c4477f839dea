/* redline-qr-code-dialog.h: a campaign's QR code for one placement, new or
 * to change, with its preview, its link's check and its export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redline-core.h"
#include "redline-qr-image.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_QR_CODE_DIALOG (redline_qr_code_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedlineQrCodeDialog, redline_qr_code_dialog, REDLINE, QR_CODE_DIALOG,
                      AdwWindow)

GtkWidget     *redline_qr_code_dialog_new          (GtkWindow            *parent,
                                                    RedlineContext       *context,
                                                    RedlineCampaign      *campaign,
                                                    RedlineQrCode        *code);
RedlineQrCode *redline_qr_code_dialog_get_code     (RedlineQrCodeDialog  *self);
GListModel    *redline_qr_code_dialog_get_findings (RedlineQrCodeDialog  *self);
gboolean       redline_qr_code_dialog_save         (RedlineQrCodeDialog  *self,
                                                    GError              **error);
gboolean       redline_qr_code_dialog_export       (RedlineQrCodeDialog  *self,
                                                    GFile                *file,
                                                    GError              **error);

G_END_DECLS
