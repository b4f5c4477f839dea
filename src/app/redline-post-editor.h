/* redline-post-editor.h: the fields of one post, checked as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redline-core.h"

G_BEGIN_DECLS

#define REDLINE_TYPE_POST_EDITOR (redline_post_editor_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePostEditor, redline_post_editor, REDLINE, POST_EDITOR, GtkWidget)

RedlinePost      *redline_post_editor_get_post       (RedlinePostEditor *self);
void              redline_post_editor_set_post       (RedlinePostEditor *self,
                                                      RedlinePost       *post);
RedlineEcosystem  redline_post_editor_get_ecosystem  (RedlinePostEditor *self);
void              redline_post_editor_set_ecosystem  (RedlinePostEditor *self,
                                                      RedlineEcosystem   ecosystem);
GListModel       *redline_post_editor_get_findings   (RedlinePostEditor *self);
gboolean          redline_post_editor_save           (RedlinePostEditor *self,
                                                      GError           **error);
guint             redline_post_editor_get_n_unsaved  (RedlinePostEditor *self);
void              redline_post_editor_discard_unsaved (RedlinePostEditor *self);
void              redline_post_editor_check_now      (RedlinePostEditor *self);
void              redline_post_editor_show_finding   (RedlinePostEditor *self,
                                                      RedlineFinding    *finding);
gboolean          redline_post_editor_apply_suggestion (RedlinePostEditor *self,
                                                        RedlineFinding    *finding,
                                                        const char        *suggestion);
void              redline_post_editor_move_to_finding (RedlinePostEditor *self,
                                                       int                direction);
GtkWidget        *redline_post_editor_get_field_view (RedlinePostEditor *self,
                                                      RedlineField       field);
GtkWidget        *redline_post_editor_get_counter    (RedlinePostEditor *self,
                                                      RedlineField       field);
GtkWidget        *redline_post_editor_get_purpose_chooser (RedlinePostEditor *self);

G_END_DECLS
