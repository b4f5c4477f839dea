/* redline-text.h: text normalised for matching, with a map back to the original
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

typedef struct _RedlineText RedlineText;

#define REDLINE_TEXT_ERROR (redline_text_error_quark ())

/**
 * RedlineTextError:
 * @REDLINE_TEXT_ERROR_INVALID_UTF8: the input is not valid UTF-8
 * @REDLINE_TEXT_ERROR_NUL: the input holds a NUL byte (a binary file)
 */
typedef enum
{
  REDLINE_TEXT_ERROR_INVALID_UTF8,
  REDLINE_TEXT_ERROR_NUL,
} RedlineTextError;

GQuark           redline_text_error_quark          (void);

gboolean         redline_text_validate             (const char    *data,
                                                    gsize          length,
                                                    const char    *display_name,
                                                    GError       **error);

RedlineText     *redline_text_new                  (const char    *utf8,
                                                    gssize         length);
void             redline_text_reset                (RedlineText   *self,
                                                    const char    *utf8,
                                                    gssize         length);
void             redline_text_free                 (RedlineText   *self);
gsize            redline_text_get_original_length  (RedlineText   *self);
gsize            redline_text_get_n_line_breaks    (RedlineText   *self);
const gunichar  *redline_text_get_chars            (RedlineText   *self,
                                                    gsize         *n_chars);
gsize            redline_text_get_original_offset  (RedlineText   *self,
                                                    gsize          index);
void             redline_text_get_original_span    (RedlineText   *self,
                                                    gsize          start,
                                                    gsize          end,
                                                    gsize         *orig_start,
                                                    gsize         *orig_end);
void             redline_text_locate               (RedlineText   *self,
                                                    const char    *original,
                                                    gsize          offset,
                                                    gsize         *byte,
                                                    guint         *line,
                                                    guint         *column);
char            *redline_text_dup_normalized_utf8  (RedlineText   *self);

gunichar        *redline_normalize                 (const char    *utf8,
                                                    gsize         *n_chars);
char            *redline_normalize_to_utf8         (const char    *utf8);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineText, redline_text_free)

G_END_DECLS
