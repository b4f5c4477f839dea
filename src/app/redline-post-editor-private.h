/* redline-post-editor-private.h: what the files of RedlinePostEditor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RedlinePostEditor is one type in three files: redline-post-editor.c (the
 * fields, checking and saving), redline-post-editor-findings.c (the list
 * of findings beside the text) and redline-post-editor-review.c (the review
 * bar: submit, approve, request changes, and waivers).
 */

#pragma once

#include <adwaita.h>

#include "redline-field-view.h"
#include "redline-post-editor.h"

G_BEGIN_DECLS

struct _RedlinePostEditor
{
  GtkWidget         parent_instance;

  RedlineContext   *context;
  RedlinePost      *post;
  RedlineEcosystem  ecosystem;
  GListStore       *findings;
  guint             check_id;
  guint             save_id;
  gboolean          loading;
  gboolean          dirty;
  GPtrArray        *unsaved;      /* RedlinePost: edited, but the last write failed */

  AdwFlap          *box;
  GtkToggleButton  *findings_button;
  GtkDropDown      *kind_dropdown;
  GtkDropDown      *purpose_dropdown;
  GtkWidget        *schedule_button;
  GtkLabel         *status_label;
  GtkWidget        *review_bar;
  GtkLabel         *review_label;
  GtkWidget        *submit_button;
  GtkWidget        *request_changes_button;
  GtkWidget        *approve_button;
  GtkToggleButton  *weixin_button;
  GtkToggleButton  *wechat_button;
  GtkLabel         *preview_label;
  GtkWidget        *linked_button;
  AdwButtonContent *linked_content;
  GtkWidget        *field_labels[REDLINE_N_FIELDS];
  RedlineFieldView *field_views[REDLINE_N_FIELDS];
  GtkLabel         *counters[REDLINE_N_FIELDS];
  GtkLabel         *findings_title;
  GtkStack         *findings_stack;
  GtkListBox       *findings_list;
  AdwStatusPage    *findings_empty;
};

gboolean _redline_post_editor_is_read_only               (RedlinePostEditor *self);
int      _redline_post_editor_compare_findings           (gconstpointer      a,
                                                          gconstpointer      b);
void     _redline_post_editor_update_findings_title      (RedlinePostEditor *self);
void     _redline_post_editor_update_finding_rows        (RedlinePostEditor *self,
                                                          GPtrArray         *findings);
void     _redline_post_editor_update_finding_header      (GtkListBoxRow     *row,
                                                          GtkListBoxRow     *before,
                                                          gpointer           user_data);
void     _redline_post_editor_run_check                  (RedlinePostEditor *self);
void     _redline_post_editor_update_review              (RedlinePostEditor *self);
void     _redline_post_editor_class_init_review          (GtkWidgetClass    *widget_class);
void     _redline_post_editor_waive                      (RedlinePostEditor *self,
                                                          RedlineFinding    *finding);
void     _redline_post_editor_on_finding_activated_cb    (GtkListBox        *list,
                                                          GtkListBoxRow     *row,
                                                          RedlinePostEditor *self);

G_END_DECLS
