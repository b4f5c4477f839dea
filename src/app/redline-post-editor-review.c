/* redline-post-editor-review.c: the review bar and waivers of the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the fields, a line says where the post stands in review and what
 * the reviewer last said, with the one or two steps open from there:
 * Submit for Review on a draft or a post sent back; Request Changes… and
 * Approve on a post in review. Each step saves the text first, then is one
 * call to the project, so one transaction with its audit entry. A refused
 * approval says which errors stand in its way. Waive… on a finding asks for
 * a written justification.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-history-window.h"
#include "redline-labels.h"
#include "redline-post-editor-private.h"

static RedlineProject *
get_project (RedlinePostEditor *self)
{
  return self->context != NULL ? redline_context_get_project (self->context) : NULL;
}

static void
show_error (RedlinePostEditor *self,
            const char        *heading,
            const char        *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_redline_post_editor_update_review (RedlinePostEditor *self)
{
  RedlineProject *project = get_project (self);
  RedlinePostStatus status;
  RedlineReviewDecision decision;
  g_autofree char *reviewer = NULL;
  g_autofree char *at = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gboolean reviewed, writable;

  if (self->post == NULL || project == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->review_bar), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_bar), TRUE);
  status = redline_post_get_status (self->post);
  writable = !_redline_post_editor_is_read_only (self);
  reviewed = redline_project_get_last_review (project, self->post, &decision, &reviewer, &at,
                                              &comment);
  when = redline_format_time (at);

  switch (status)
    {
    case REDLINE_POST_STATUS_IN_REVIEW:
      text = g_strdup (_("Waiting for a reviewer’s decision."));
      break;
    case REDLINE_POST_STATUS_APPROVED:
      text = reviewed && decision == REDLINE_REVIEW_DECISION_APPROVED
             /* TRANSLATORS: "Approved by 王律师 on 2026/11/22 09:30." */
             ? g_strdup_printf (_("Approved by %s on %s."), reviewer, when)
             : g_strdup (_("Approved."));
      break;
    case REDLINE_POST_STATUS_REJECTED:
      text = reviewed && comment != NULL && comment[0] != '\0'
             /* TRANSLATORS: "Changes requested by 王律师 on 2026/11/22 09:30: 请删去最佳" */
             ? g_strdup_printf (_("Changes requested by %s on %s: %s"), reviewer, when, comment)
             : reviewed ? g_strdup_printf (_("Changes requested by %s on %s."), reviewer, when)
                        : g_strdup (_("Changes requested."));
      break;
    case REDLINE_POST_STATUS_PUBLISHED:
      text = g_strdup (_("Published."));
      break;
    case REDLINE_POST_STATUS_DRAFT:
    default:
      text = reviewed && decision == REDLINE_REVIEW_DECISION_APPROVED
             ? g_strdup (_("Edited since its approval: submit it for review again."))
             : g_strdup (_("A draft: submit it for review when it is ready."));
      break;
    }
  gtk_label_set_text (self->review_label, text);

  gtk_widget_set_visible (self->submit_button,
                          status == REDLINE_POST_STATUS_DRAFT ||
                          status == REDLINE_POST_STATUS_REJECTED);
  gtk_widget_set_visible (self->request_changes_button, status == REDLINE_POST_STATUS_IN_REVIEW);
  gtk_widget_set_visible (self->approve_button, status == REDLINE_POST_STATUS_IN_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "post.submit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "post.approve", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "post.request-changes", writable);
}

/* Saves the text typed so far: a decision is on what the file holds. */
static gboolean
save_first (RedlinePostEditor *self,
            const char        *heading)
{
  g_autoptr(GError) error = NULL;

  if (redline_post_editor_save (self, &error))
    return TRUE;
  show_error (self, heading, error->message);
  return FALSE;
}

static void
after_review_step (RedlinePostEditor *self)
{
  _redline_post_editor_update_review (self);
  /* The findings now read against what was decided. */
  _redline_post_editor_run_check (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->post == NULL || get_project (self) == NULL || !save_first (self, _("Cannot Submit")))
    return;
  if (!redline_project_submit_post (get_project (self), self->post, &error))
    show_error (self, _("Cannot Submit"), error->message);
  after_review_step (self);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (widget);
  RedlineRuleSet *rule_set;
  g_autoptr(GError) error = NULL;

  if (self->post == NULL || get_project (self) == NULL || !save_first (self, _("Cannot Approve")))
    return;
  rule_set = redline_context_get_rule_set (self->context);
  if (rule_set == NULL)
    {
      show_error (self, _("Cannot Approve"),
                  _("The post cannot be checked with this project’s rule packs, so it cannot "
                    "be approved. Open Rules and Project Settings to see why."));
      return;
    }
  if (redline_project_review_post (get_project (self), self->post,
                                   REDLINE_REVIEW_DECISION_APPROVED, NULL, rule_set, &error) == 0)
    show_error (self, _("Cannot Approve"), error->message);
  after_review_step (self);
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_request_changes_response_cb (AdwMessageDialog  *dialog,
                                const char        *response,
                                RedlinePostEditor *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "comment-view");
  g_autofree char *comment = dup_text_view (view);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "request") || self->post == NULL || get_project (self) == NULL ||
      redline_context_get_rule_set (self->context) == NULL)
    return;
  if (redline_project_review_post (get_project (self), self->post,
                                   REDLINE_REVIEW_DECISION_REJECTED,
                                   comment[0] != '\0' ? comment : NULL,
                                   redline_context_get_rule_set (self->context), &error) == 0)
    show_error (self, _("Cannot Request Changes"), error->message);
  after_review_step (self);
}

/* A dialog with a multi-line text box under its message; @response is
 * enabled while the box holds text, if @required. */
static void
on_comment_changed_cb (GtkTextBuffer    *buffer,
                       AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *response = g_object_get_data (G_OBJECT (dialog), "required-response");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog, response, text[0] != '\0');
}

static GtkWidget *
new_text_dialog (RedlinePostEditor *self,
                 const char        *heading,
                 const char        *body,
                 const char        *response,
                 const char        *response_label,
                 const char        *accessible_label,
                 gboolean           required)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 90);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "comment-view", view);
  if (required)
    {
      g_object_set_data_full (G_OBJECT (dialog), "required-response", g_strdup (response),
                              g_free);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                               G_CALLBACK (on_comment_changed_cb), dialog, 0);
    }
  gtk_widget_grab_focus (view);
  return dialog;
}

static void
request_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (widget);
  GtkWidget *dialog;

  if (self->post == NULL || get_project (self) == NULL ||
      !save_first (self, _("Cannot Request Changes")))
    return;
  dialog = new_text_dialog (self, _("Request Changes"),
                            _("Say what must change. The comment is kept with the post and "
                              "in the project’s history."),
                            "request", _("_Request Changes"), _("Comment"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_request_changes_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_waive_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      RedlinePostEditor *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "comment-view");
  RedlineFinding *finding = g_object_get_data (G_OBJECT (dialog), "finding");
  g_autofree char *justification = dup_text_view (view);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "waive") || self->post == NULL || get_project (self) == NULL)
    return;
  if (redline_project_waive_finding (get_project (self), self->post, finding, justification,
                                     &error) == 0)
    show_error (self, _("Cannot Waive"), error->message);
  after_review_step (self);
}

/**
 * _redline_post_editor_waive:
 * @self: a #RedlinePostEditor
 * @finding: a finding of the post as shown
 *
 * Asks for a written justification, then waives @finding.
 */
void
_redline_post_editor_waive (RedlinePostEditor *self,
                            RedlineFinding    *finding)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->post == NULL || get_project (self) == NULL || !save_first (self, _("Cannot Waive")))
    return;
  /* TRANSLATORS: %s: the text found; %s: the finding's message */
  body = g_strdup_printf (_("“%s”: %s\n\nA waived finding stays listed, marked waived, and no "
                            "longer blocks approval. It lapses by itself if this text changes. "
                            "Say why it does not apply."),
                          redline_finding_get_text (finding), redline_finding_get_message (finding));
  dialog = new_text_dialog (self, _("Waive Finding"), body, "waive", _("_Waive"),
                            _("Justification"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "finding", g_object_ref (finding), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_waive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (widget);
  GtkWidget *window;

  if (self->post == NULL || get_project (self) == NULL)
    return;
  window = redline_history_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       get_project (self), self->post);
  gtk_window_present (GTK_WINDOW (window));
}

void
_redline_post_editor_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "post.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "post.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "post.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "post.request-changes", NULL,
                                   request_changes_action);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, review_bar);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, review_label);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, request_changes_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, approve_button);
}
