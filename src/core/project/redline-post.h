/* redline-post.h: one piece of copy in a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "redline-types.h"

G_BEGIN_DECLS

/**
 * RedlinePostStatus:
 * @REDLINE_POST_STATUS_DRAFT: being written
 * @REDLINE_POST_STATUS_IN_REVIEW: waiting for a reviewer
 * @REDLINE_POST_STATUS_APPROVED: a reviewer approved it
 * @REDLINE_POST_STATUS_REJECTED: a reviewer sent it back
 * @REDLINE_POST_STATUS_PUBLISHED: out on the platform
 */
typedef enum
{
  REDLINE_POST_STATUS_DRAFT,
  REDLINE_POST_STATUS_IN_REVIEW,
  REDLINE_POST_STATUS_APPROVED,
  REDLINE_POST_STATUS_REJECTED,
  REDLINE_POST_STATUS_PUBLISHED,
} RedlinePostStatus;

#define REDLINE_N_POST_STATUSES 5

#define REDLINE_TYPE_POST (redline_post_get_type ())

G_DECLARE_FINAL_TYPE (RedlinePost, redline_post, REDLINE, POST, GObject)

const char          *redline_post_status_to_string   (RedlinePostStatus    status);
gboolean             redline_post_status_from_string (const char          *str,
                                                      RedlinePostStatus   *status);

RedlinePost         *redline_post_new                (gint64               campaign_id,
                                                      RedlineContentKind   kind);
gint64               redline_post_get_id             (RedlinePost         *self);
gint64               redline_post_get_campaign_id    (RedlinePost         *self);
void                 redline_post_set_campaign_id    (RedlinePost         *self,
                                                      gint64               campaign_id);
gint64               redline_post_get_linked_post_id (RedlinePost        *self);
void                 redline_post_set_linked_post_id (RedlinePost        *self,
                                                      gint64              linked_post_id);
RedlineContentKind   redline_post_get_kind           (RedlinePost         *self);
void                 redline_post_set_kind           (RedlinePost         *self,
                                                      RedlineContentKind   kind);
RedlinePurpose       redline_post_get_purpose        (RedlinePost         *self);
void                 redline_post_set_purpose        (RedlinePost         *self,
                                                      RedlinePurpose       purpose);
RedlinePostStatus    redline_post_get_status         (RedlinePost         *self);
void                 redline_post_set_status         (RedlinePost         *self,
                                                      RedlinePostStatus    status);
const char          *redline_post_get_title          (RedlinePost         *self);
void                 redline_post_set_title          (RedlinePost         *self,
                                                      const char          *title);
const char          *redline_post_get_digest         (RedlinePost         *self);
void                 redline_post_set_digest         (RedlinePost         *self,
                                                      const char          *digest);
const char          *redline_post_get_author         (RedlinePost         *self);
void                 redline_post_set_author         (RedlinePost         *self,
                                                      const char          *author);
const char          *redline_post_get_body           (RedlinePost         *self);
void                 redline_post_set_body           (RedlinePost         *self,
                                                      const char          *body);
const char          *redline_post_get_call_to_action (RedlinePost         *self);
void                 redline_post_set_call_to_action (RedlinePost         *self,
                                                      const char          *call_to_action);
const char          *redline_post_get_link           (RedlinePost         *self);
void                 redline_post_set_link           (RedlinePost         *self,
                                                      const char          *link);
const char          *redline_post_get_scheduled_at   (RedlinePost         *self);
void                 redline_post_set_scheduled_at   (RedlinePost         *self,
                                                      const char          *scheduled_at);
const char          *redline_post_get_created_at     (RedlinePost         *self);
const char          *redline_post_get_updated_at     (RedlinePost         *self);

RedlinePost         *redline_post_copy               (RedlinePost         *self);

G_END_DECLS

/* REDLINE_TYPE_POST_STATUS */
#include "redline-project-enums.h"
