/* redline-qr-code.h: a campaign's QR code for one placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RedlineQrErrorCorrection:
 * @REDLINE_QR_ERROR_CORRECTION_LOW: level L, about 7 % of the code may be lost
 * @REDLINE_QR_ERROR_CORRECTION_MEDIUM: level M, about 15 %
 * @REDLINE_QR_ERROR_CORRECTION_QUARTILE: level Q, about 25 %
 * @REDLINE_QR_ERROR_CORRECTION_HIGH: level H, about 30 %
 *
 * How much of a printed code may be damaged or covered and still scan. The
 * nicks are the values stored in the project file.
 */
typedef enum
{
  REDLINE_QR_ERROR_CORRECTION_LOW,      /*< nick=low >*/
  REDLINE_QR_ERROR_CORRECTION_MEDIUM,   /*< nick=medium >*/
  REDLINE_QR_ERROR_CORRECTION_QUARTILE, /*< nick=quartile >*/
  REDLINE_QR_ERROR_CORRECTION_HIGH,     /*< nick=high >*/
} RedlineQrErrorCorrection;

/**
 * REDLINE_QR_DEFAULT_SOURCE_KEY:
 *
 * The query parameter that tells one placement's scans from another's,
 * unless a code names its own.
 */
#define REDLINE_QR_DEFAULT_SOURCE_KEY "utm_source"

/* Limits of the stored values (ISO/IEC 18004 asks for a quiet zone of 4
 * modules; below about 15 mm phones struggle). */
#define REDLINE_QR_MIN_SIZE_MM 15
#define REDLINE_QR_MAX_SIZE_MM 1000
#define REDLINE_QR_DEFAULT_SIZE_MM 30
#define REDLINE_QR_MAX_QUIET_ZONE 16
#define REDLINE_QR_DEFAULT_QUIET_ZONE 4
/* What a code of the highest error correction holds as bytes (version 40,
 * level H: 1,273); the link with its source parameter must fit. */
#define REDLINE_QR_MAX_LINK_BYTES 1273

#define REDLINE_TYPE_QR_CODE (redline_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (RedlineQrCode, redline_qr_code, REDLINE, QR_CODE, GObject)

const char              *redline_qr_error_correction_to_string   (RedlineQrErrorCorrection  level);
gboolean                 redline_qr_error_correction_from_string (const char               *str,
                                                                  RedlineQrErrorCorrection *level);

char                    *redline_qr_link_with_source             (const char               *link,
                                                                  const char               *key,
                                                                  const char               *source,
                                                                  GError                  **error);

RedlineQrCode           *redline_qr_code_new                     (gint64                    campaign_id,
                                                                  const char               *placement,
                                                                  const char               *link);
gint64                   redline_qr_code_get_id                  (RedlineQrCode            *self);
gint64                   redline_qr_code_get_campaign_id         (RedlineQrCode            *self);
void                     redline_qr_code_set_campaign_id         (RedlineQrCode            *self,
                                                                  gint64                    campaign_id);
const char              *redline_qr_code_get_placement           (RedlineQrCode            *self);
void                     redline_qr_code_set_placement           (RedlineQrCode            *self,
                                                                  const char               *placement);
const char              *redline_qr_code_get_link                (RedlineQrCode            *self);
void                     redline_qr_code_set_link                (RedlineQrCode            *self,
                                                                  const char               *link);
const char              *redline_qr_code_get_source_key          (RedlineQrCode            *self);
void                     redline_qr_code_set_source_key          (RedlineQrCode            *self,
                                                                  const char               *key);
const char              *redline_qr_code_get_source              (RedlineQrCode            *self);
void                     redline_qr_code_set_source              (RedlineQrCode            *self,
                                                                  const char               *source);
RedlineQrErrorCorrection redline_qr_code_get_error_correction    (RedlineQrCode            *self);
void                     redline_qr_code_set_error_correction    (RedlineQrCode            *self,
                                                                  RedlineQrErrorCorrection  level);
guint                    redline_qr_code_get_quiet_zone          (RedlineQrCode            *self);
void                     redline_qr_code_set_quiet_zone          (RedlineQrCode            *self,
                                                                  guint                     modules);
guint                    redline_qr_code_get_size_mm             (RedlineQrCode            *self);
void                     redline_qr_code_set_size_mm             (RedlineQrCode            *self,
                                                                  guint                     size_mm);
char                    *redline_qr_code_dup_encoded_link        (RedlineQrCode            *self);

G_END_DECLS

#include "redline-project-enums.h"
