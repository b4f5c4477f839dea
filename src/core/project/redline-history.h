/* redline-history.h: what was decided on a project's posts, as records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-project.h"

G_BEGIN_DECLS

/**
 * RedlineReviewRecord:
 * @decision: approved, or changes requested
 * @reviewer: who decided
 * @reviewed_at: when, ISO 8601 in UTC
 * @comment: (nullable): what the reviewer said
 * @pack_versions: the rule packs in force, a JSON object of id → version
 */
typedef struct
{
  RedlineReviewDecision  decision;
  char                  *reviewer;
  char                  *reviewed_at;
  char                  *comment;
  char                  *pack_versions;
} RedlineReviewRecord;

/**
 * RedlineWaiverRecord:
 * @rule_id: the rule of the waived finding
 * @text: (nullable): the text of the finding
 * @field: (nullable): its field, as in the file formats ("body")
 * @ecosystem: (nullable): the ecosystem it was found on
 * @justification: why it does not apply
 * @waived_by: who waived it
 * @waived_at: when
 * @lapsed_at: (nullable): when it lapsed, the text having changed; %NULL
 *   while it is in force
 */
typedef struct
{
  char *rule_id;
  char *text;
  char *field;
  char *ecosystem;
  char *justification;
  char *waived_by;
  char *waived_at;
  char *lapsed_at;
} RedlineWaiverRecord;

/**
 * RedlineCommentRecord:
 * @author: who wrote it
 * @body: the comment
 * @created_at: when
 */
typedef struct
{
  char *author;
  char *body;
  char *created_at;
} RedlineCommentRecord;

/**
 * RedlineAuditRecord:
 * @id: its number in the log
 * @at: when
 * @actor: who
 * @action: what ("approve", "waive", "edit-after-approval"…)
 * @object: (nullable): on what ("post/12")
 * @detail: (nullable): more, such as the new status or the justification
 * @packs: (nullable): the rule packs in force, JSON
 */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *object;
  char   *detail;
  char   *packs;
} RedlineAuditRecord;

void       redline_review_record_free     (RedlineReviewRecord  *record);
void       redline_waiver_record_free     (RedlineWaiverRecord  *record);
void       redline_comment_record_free    (RedlineCommentRecord *record);
void       redline_audit_record_free      (RedlineAuditRecord   *record);

GPtrArray *redline_project_list_reviews   (RedlineProject       *self,
                                           RedlinePost          *post,
                                           GError              **error);
GPtrArray *redline_project_list_waivers   (RedlineProject       *self,
                                           RedlinePost          *post,
                                           GError              **error);
GPtrArray *redline_project_list_comments  (RedlineProject       *self,
                                           RedlinePost          *post,
                                           GError              **error);
GPtrArray *redline_project_list_audit     (RedlineProject       *self,
                                           RedlinePost          *post,
                                           GError              **error);

G_END_DECLS
