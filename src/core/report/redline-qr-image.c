/* redline-qr-image.c: a QR code drawn for print, as PNG or SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libqrencode makes the matrix; cairo writes the PNG; the SVG is a few
 * lines of markup: one path of the dark modules, row by row, on a white
 * square that includes the quiet zone, so a code printed on a coloured
 * background keeps its margin.
 */

#define G_LOG_DOMAIN "redline-qr"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "redline-qr-image.h"

G_DEFINE_QUARK (redline-qr-image-error-quark, redline_qr_image_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

#define MM_PER_INCH 25.4

/**
 * redline_qr_image_format_for_file:
 * @file: where an image is to be written
 * @format: (out): the format its name asks for
 * @error: return location for a #GError
 *
 * Returns: whether @file ends in `.png` or `.svg`
 */
gboolean
redline_qr_image_format_for_file (GFile                 *file,
                                  RedlineQrImageFormat  *format,
                                  GError               **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = REDLINE_QR_IMAGE_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = REDLINE_QR_IMAGE_SVG;
  else
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_set_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_FORMAT,
                   _("%s: a QR code is written as PNG or SVG; end the file name in .png or "
                     ".svg"), shown);
      return FALSE;
    }
  return TRUE;
}

static QRcode *
encode (const char                *text,
        RedlineQrErrorCorrection   level,
        GError                   **error)
{
  static const QRecLevel levels[] = { QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H };
  QRcode *qr;

  g_assert (level < G_N_ELEMENTS (levels));

  /* Bytes, case kept: a link's path and query are case-sensitive. */
  errno = 0;
  qr = QRcode_encodeString8bit (text, 0, levels[level]);
  if (qr == NULL && errno == ERANGE)
    g_set_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_TOO_LONG,
                 _("The link is too long for a QR code at this error correction (%zu bytes): "
                   "shorten it or choose a lower level"), strlen (text));
  else if (qr == NULL)
    g_set_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_RENDER,
                 _("The QR code could not be made: %s"), g_strerror (errno));
  return qr;
}

static inline gboolean
is_dark (const QRcode *qr,
         int           x,
         int           y)
{
  return (qr->data[y * qr->width + x] & 1) != 0;
}

static GBytes *
render_svg (const QRcode *qr,
            const char   *text,
            guint         quiet_zone,
            guint         size_mm)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (text, -1);
  guint side = qr->width + 2 * quiet_zone;

  g_string_append_printf (svg,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%umm\" height=\"%umm\" viewBox=\"0 0 %u %u\" "
                          "shape-rendering=\"crispEdges\">\n"
                          "<title>%s</title>\n"
                          "<rect width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n"
                          "<path fill=\"#000000\" d=\"",
                          size_mm, size_mm, side, side, title, side, side);
  for (int y = 0; y < qr->width; y++)
    {
      for (int x = 0; x < qr->width;)
        {
          int run = 0;

          while (x + run < qr->width && is_dark (qr, x + run, y))
            run++;
          if (run > 0)
            {
              g_string_append_printf (svg, "M%u %uh%dv1h-%dz", x + quiet_zone, y + quiet_zone,
                                      run, run);
              x += run;
            }
          else
            x++;
        }
    }
  g_string_append (svg, "\"/>\n</svg>\n");
  return g_string_free_to_bytes (g_steal_pointer (&svg));
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_png (const QRcode  *qr,
            guint          quiet_zone,
            guint          size_mm,
            guint          dpi,
            GError       **error)
{
  guint side = qr->width + 2 * quiet_zone;
  /* Whole pixels per module, so no module blurs into the next: the image
   * is as close to the printed size as that allows, never smaller than a
   * pixel a module. */
  double wanted = size_mm / MM_PER_INCH * dpi;
  guint module = MAX (1, (guint) lround (wanted / side));
  int pixels = (int) (module * side);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixels, pixels);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < qr->width; y++)
    {
      for (int x = 0; x < qr->width; x++)
        {
          if (is_dark (qr, x, y))
            cairo_rectangle (cr, (x + quiet_zone) * (double) module,
                             (y + quiet_zone) * (double) module, module, module);
        }
    }
  cairo_fill (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_RENDER,
                   _("The QR code could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * redline_qr_image_render:
 * @text: what the code encodes, as UTF-8 bytes
 * @level: its error-correction level
 * @quiet_zone: the blank margin, in modules
 * @size_mm: the printed width with the margin, in millimetres
 * @format: PNG or SVG
 * @dpi: the resolution of a PNG, in dots per inch (ignored for SVG)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the image file's contents, or %NULL
 */
GBytes *
redline_qr_image_render (const char                *text,
                         RedlineQrErrorCorrection   level,
                         guint                      quiet_zone,
                         guint                      size_mm,
                         RedlineQrImageFormat       format,
                         guint                      dpi,
                         GError                   **error)
{
  g_autoptr(QRcode) qr = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (level <= REDLINE_QR_ERROR_CORRECTION_HIGH, NULL);
  g_return_val_if_fail (format == REDLINE_QR_IMAGE_PNG || format == REDLINE_QR_IMAGE_SVG, NULL);

  quiet_zone = MIN (quiet_zone, REDLINE_QR_MAX_QUIET_ZONE);
  size_mm = CLAMP (size_mm, REDLINE_QR_MIN_SIZE_MM, REDLINE_QR_MAX_SIZE_MM);
  dpi = CLAMP (dpi, 1, REDLINE_QR_IMAGE_MAX_DPI);
  qr = encode (text, level, error);
  if (qr == NULL)
    return NULL;
  if (format == REDLINE_QR_IMAGE_SVG)
    return render_svg (qr, text, quiet_zone, size_mm);
  return render_png (qr, quiet_zone, size_mm, dpi, error);
}

/**
 * redline_qr_image_render_code:
 * @code: a QR code of a campaign
 * @format: PNG or SVG
 * @dpi: the resolution of a PNG
 * @error: return location for a #GError
 *
 * Draws @code's encoded link (redline_qr_code_dup_encoded_link()) at its
 * size, error correction and quiet zone.
 *
 * Returns: (transfer full): the image file's contents, or %NULL
 */
GBytes *
redline_qr_image_render_code (RedlineQrCode         *code,
                              RedlineQrImageFormat   format,
                              guint                  dpi,
                              GError               **error)
{
  g_autoptr(GError) link_error = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), NULL);

  link = redline_qr_link_with_source (redline_qr_code_get_link (code),
                                      redline_qr_code_get_source_key (code),
                                      redline_qr_code_get_source (code), &link_error);
  if (link == NULL)
    {
      g_set_error_literal (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_LINK,
                           link_error->message);
      return NULL;
    }
  return redline_qr_image_render (link, redline_qr_code_get_error_correction (code),
                                  redline_qr_code_get_quiet_zone (code),
                                  redline_qr_code_get_size_mm (code), format, dpi, error);
}

/**
 * redline_qr_image_render_preview:
 * @code: a QR code of a campaign
 * @pixels: about how wide the image is to be shown, in pixels
 * @error: return location for a #GError
 *
 * Draws @code as redline_qr_image_render_code() does, as a PNG at the
 * resolution that makes its printed size about @pixels wide on screen.
 *
 * Returns: (transfer full): the PNG file's contents, or %NULL
 */
GBytes *
redline_qr_image_render_preview (RedlineQrCode  *code,
                                 guint           pixels,
                                 GError        **error)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), NULL);

  return redline_qr_image_render_code (code, REDLINE_QR_IMAGE_PNG,
                                       (guint) lround (pixels * MM_PER_INCH /
                                                       redline_qr_code_get_size_mm (code)),
                                       error);
}

/**
 * redline_qr_image_export:
 * @code: a QR code of a campaign
 * @format: PNG or SVG
 * @dpi: the resolution of a PNG
 * @file: where to write it; replaced whole or left as it was
 * @error: return location for a #GError
 *
 * Returns: whether the image was written
 */
gboolean
redline_qr_image_export (RedlineQrCode         *code,
                         RedlineQrImageFormat   format,
                         guint                  dpi,
                         GFile                 *file,
                         GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = redline_qr_image_render_code (code, format, dpi, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error))
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", shown);
      return FALSE;
    }
  return TRUE;
}
