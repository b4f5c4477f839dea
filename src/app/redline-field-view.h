/* redline-field-view.h: one field of a post, with its findings drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_FIELD_VIEW (redline_field_view_get_type ())

G_DECLARE_FINAL_TYPE (RedlineFieldView, redline_field_view, REDLINE, FIELD_VIEW, GtkTextView)

RedlineField  redline_field_view_get_field       (RedlineFieldView *self);
char         *redline_field_view_dup_text        (RedlineFieldView *self);
void          redline_field_view_set_text        (RedlineFieldView *self,
                                                  const char       *text);
void          redline_field_view_set_findings    (RedlineFieldView *self,
                                                  GPtrArray        *findings);
GPtrArray    *redline_field_view_get_findings    (RedlineFieldView *self);
void          redline_field_view_show_finding    (RedlineFieldView *self,
                                                  RedlineFinding   *finding);
gboolean      redline_field_view_replace_finding (RedlineFieldView *self,
                                                  RedlineFinding   *finding,
                                                  const char       *replacement);
char         *redline_finding_describe_markup    (RedlineFinding   *finding);

G_END_DECLS
