/* redline-review-workflow.c: draft → in review → approved or sent back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of the review workflow, over the posts, reviews and waivers
 * tables: a post is submitted for review; a reviewer approves it or asks
 * for changes, with a comment; approval is refused while an error finding
 * nobody has waived remains; an approved post that is edited goes back to
 * draft (redline_project_update_post()). Every step is one transaction with
 * its audit entry, in the name of the project's actor.
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-finding.h"
#include "redline-project-private.h"

/* How a message names a post: its title, else its number. */
static char *
describe_post (RedlinePost *post)
{
  const char *title = redline_post_get_title (post);
  g_autofree char *number = NULL;

  if (!_redline_is_empty (title))
    return g_strdup_printf ("“%s”", title);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, redline_post_get_id (post));
  /* TRANSLATORS: %s: the post's number, for a post without a title */
  return g_strdup_printf (_("post %s"), number);
}

static const char *
describe_status (RedlinePostStatus status)
{
  switch (status)
    {
    case REDLINE_POST_STATUS_DRAFT:
      return _("a draft");
    case REDLINE_POST_STATUS_IN_REVIEW:
      return _("in review");
    case REDLINE_POST_STATUS_APPROVED:
      return _("approved");
    case REDLINE_POST_STATUS_REJECTED:
      return _("sent back for changes");
    case REDLINE_POST_STATUS_PUBLISHED:
      return _("published");
    default:
      g_return_val_if_reached ("?");
    }
}

/* Stores @post with @status and an audit entry for @action, in one
 * transaction; on failure @post is put back as stored. */
static gboolean
change_status (RedlineProject     *self,
               RedlinePost        *post,
               RedlinePostStatus   status,
               const char         *action,
               GError            **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  redline_post_set_status (post, status);
  if (!_redline_posts_table_store (self, post, action, error) ||
      !_redline_transaction_commit (&tx, error))
    {
      _redline_transaction_rollback (&tx);
      _redline_posts_table_reload (self, post);
      return FALSE;
    }
  _redline_project_store_changed (self->posts, post);
  return TRUE;
}

/**
 * redline_project_submit_post:
 * @self: a #RedlineProject
 * @post: one of its posts, a draft or sent back for changes
 * @error: return location for a #GError
 *
 * Submits @post for review: its status becomes
 * %REDLINE_POST_STATUS_IN_REVIEW, and it joins the review queue.
 *
 * Returns: whether it was submitted (%REDLINE_STORE_ERROR_REFUSED if it is
 *   in review, approved or published already)
 */
gboolean
redline_project_submit_post (RedlineProject  *self,
                             RedlinePost     *post,
                             GError         **error)
{
  RedlinePostStatus status;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error))
    return FALSE;
  status = redline_post_get_status (post);
  if (status != REDLINE_POST_STATUS_DRAFT && status != REDLINE_POST_STATUS_REJECTED)
    {
      g_autofree char *name = describe_post (post);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED,
                   /* TRANSLATORS: %s: the file; %s: the post; %s: its status, “approved” */
                   _("%s: %s cannot be submitted for review: it is %s"),
                   self->display_name, name, describe_status (status));
      return FALSE;
    }
  return change_status (self, post, REDLINE_POST_STATUS_IN_REVIEW, "submit", error);
}

/* “最佳” (ad-law.absolute.zui, body 1:7) */
static void
append_finding (GString        *out,
                RedlineFinding *finding)
{
  g_string_append_printf (out, "“%s” (%s, %s", redline_finding_get_text (finding),
                          redline_finding_get_rule_id (finding),
                          redline_field_to_string (redline_finding_get_field (finding)));
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
    g_string_append_printf (out, " %u:%u", redline_finding_get_line (finding),
                            redline_finding_get_column (finding));
  g_string_append_c (out, ')');
}

/* The refusal to approve @post while @findings hold errors nobody waived. */
static gboolean
check_approvable (RedlineProject  *self,
                  RedlinePost     *post,
                  GListModel      *findings,
                  GError         **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint n_blocking = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (!redline_finding_blocks (finding))
        continue;
      if (n_blocking < 3)
        {
          if (n_blocking > 0)
            g_string_append (list, "; ");
          append_finding (list, finding);
        }
      n_blocking++;
    }
  if (n_blocking == 0)
    return TRUE;
  if (n_blocking > 3)
    g_string_append (list, "; …");

  name = describe_post (post);
  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED,
               /* TRANSLATORS: %s: the file; %s: the post; %u: how many; %s: the
                * findings, as “最佳” (ad-law.absolute.zui, body 1:7) */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: %s cannot be approved: %u error is not waived: %s. Change the "
                            "text, or waive the finding with a written justification.",
                            "%s: %s cannot be approved: %u errors are not waived: %s. Change the "
                            "text, or waive each finding with a written justification.",
                            n_blocking),
               self->display_name, name, n_blocking, list->str);
  return FALSE;
}

/**
 * redline_project_review_post:
 * @self: a #RedlineProject
 * @post: one of its posts, in review
 * @decision: approve, or send back for changes
 * @comment: (nullable): the reviewer's comment
 * @rule_set: the project's rule set (redline_project_create_rule_set())
 * @error: return location for a #GError
 *
 * Records the decision of the project's actor (the reviewer, see
 * redline_project_set_actor()) on @post, with the findings as they stand
 * on its campaign's ecosystem, waived ones marked, and the versions of the
 * packs of @rule_set; sets its status; and appends the decision to the
 * audit log: one transaction. An approval is refused while an error
 * finding that nobody has waived remains, and the error names them.
 *
 * Returns: the review's id, or 0 (%REDLINE_STORE_ERROR_REFUSED when the
 *   post is not in review or cannot be approved)
 */
gint64
redline_project_review_post (RedlineProject         *self,
                             RedlinePost            *post,
                             RedlineReviewDecision   decision,
                             const char             *comment,
                             RedlineRuleSet         *rule_set,
                             GError                **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(GListModel) findings = NULL;
  RedlinePostStatus status;
  gint64 review_id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (decision <= REDLINE_REVIEW_DECISION_REJECTED, 0);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), 0);

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error))
    return 0;
  status = redline_post_get_status (post);
  if (status != REDLINE_POST_STATUS_IN_REVIEW)
    {
      g_autofree char *name = describe_post (post);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED,
                   _("%s: %s is not in review (it is %s): submit it for review first"),
                   self->display_name, name, describe_status (status));
      return 0;
    }

  findings = redline_project_check_post (self, rule_set, post,
                                         redline_project_get_post_ecosystem (self, post));
  if (decision == REDLINE_REVIEW_DECISION_APPROVED &&
      !check_approvable (self, post, findings, error))
    return 0;

  if (!_redline_project_begin (self, &tx, error))
    return 0;
  review_id = _redline_reviews_table_insert (self, post, decision,
                                             _redline_project_get_actor (self), comment,
                                             findings, rule_set, error);
  if (review_id == 0)
    goto fail;
  redline_post_set_status (post, decision == REDLINE_REVIEW_DECISION_APPROVED
                                   ? REDLINE_POST_STATUS_APPROVED
                                   : REDLINE_POST_STATUS_REJECTED);
  if (!_redline_posts_table_store (self, post,
                                   decision == REDLINE_REVIEW_DECISION_APPROVED
                                   ? "approve" : "request-changes", error) ||
      (comment != NULL && !_redline_audit_table_append (self, "review-comment", "post",
                                                        redline_post_get_id (post), comment,
                                                        error)) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_store_changed (self->posts, post);
  return review_id;

fail:
  _redline_transaction_rollback (&tx);
  _redline_posts_table_reload (self, post);
  return 0;
}
