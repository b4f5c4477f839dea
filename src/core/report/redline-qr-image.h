/* redline-qr-image.h: a QR code drawn for print, as PNG or SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-qr-code.h"

G_BEGIN_DECLS

#define REDLINE_QR_IMAGE_ERROR (redline_qr_image_error_quark ())

/**
 * RedlineQrImageError:
 * @REDLINE_QR_IMAGE_ERROR_FORMAT: the file name says no image format Redline
 *   writes
 * @REDLINE_QR_IMAGE_ERROR_LINK: the code's link is not a web address
 * @REDLINE_QR_IMAGE_ERROR_TOO_LONG: the link does not fit in a QR code of
 *   the code's error-correction level
 * @REDLINE_QR_IMAGE_ERROR_RENDER: the image could not be drawn
 */
typedef enum
{
  REDLINE_QR_IMAGE_ERROR_FORMAT,
  REDLINE_QR_IMAGE_ERROR_LINK,
  REDLINE_QR_IMAGE_ERROR_TOO_LONG,
  REDLINE_QR_IMAGE_ERROR_RENDER,
} RedlineQrImageError;

/**
 * RedlineQrImageFormat:
 * @REDLINE_QR_IMAGE_PNG: a bitmap at a resolution for print
 * @REDLINE_QR_IMAGE_SVG: a vector drawing of the printed size
 */
typedef enum
{
  REDLINE_QR_IMAGE_PNG,
  REDLINE_QR_IMAGE_SVG,
} RedlineQrImageFormat;

/**
 * REDLINE_QR_IMAGE_DEFAULT_DPI:
 *
 * The resolution of a PNG unless another is asked for: enough for offset
 * print at the code's size.
 */
#define REDLINE_QR_IMAGE_DEFAULT_DPI 300
#define REDLINE_QR_IMAGE_MAX_DPI 2400

GQuark    redline_qr_image_error_quark    (void);

gboolean  redline_qr_image_format_for_file (GFile                    *file,
                                            RedlineQrImageFormat     *format,
                                            GError                  **error);
GBytes   *redline_qr_image_render          (const char               *text,
                                            RedlineQrErrorCorrection  level,
                                            guint                     quiet_zone,
                                            guint                     size_mm,
                                            RedlineQrImageFormat      format,
                                            guint                     dpi,
                                            GError                  **error);
GBytes   *redline_qr_image_render_code     (RedlineQrCode            *code,
                                            RedlineQrImageFormat      format,
                                            guint                     dpi,
                                            GError                  **error);
GBytes   *redline_qr_image_render_preview  (RedlineQrCode            *code,
                                            guint                     pixels,
                                            GError                  **error);
gboolean  redline_qr_image_export          (RedlineQrCode            *code,
                                            RedlineQrImageFormat      format,
                                            guint                     dpi,
                                            GFile                    *file,
                                            GError                  **error);

G_END_DECLS
