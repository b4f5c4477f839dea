/* redline-auto-reply.h: a message an Official Account sends by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "redline-types.h"

G_BEGIN_DECLS

/**
 * RedlineReplyTrigger:
 * @REDLINE_REPLY_TRIGGER_WELCOME: sent to whoever follows the account
 *   (被关注回复)
 * @REDLINE_REPLY_TRIGGER_MESSAGE: sent when a follower's message matches
 *   no keyword (收到消息回复)
 * @REDLINE_REPLY_TRIGGER_KEYWORD: sent when a follower's message holds
 *   one of the reply's keywords, or is one (关键词回复)
 *
 * What makes the account send a reply. The nicks are the values stored in
 * the project file. An account has at most one reply of each trigger but
 * the keyword's.
 */
typedef enum
{
  REDLINE_REPLY_TRIGGER_WELCOME, /*< nick=welcome >*/
  REDLINE_REPLY_TRIGGER_MESSAGE, /*< nick=message >*/
  REDLINE_REPLY_TRIGGER_KEYWORD, /*< nick=keyword >*/
} RedlineReplyTrigger;

#define REDLINE_N_REPLY_TRIGGERS 3

#define REDLINE_TYPE_AUTO_REPLY (redline_auto_reply_get_type ())

G_DECLARE_FINAL_TYPE (RedlineAutoReply, redline_auto_reply, REDLINE, AUTO_REPLY, GObject)

RedlineAutoReply    *redline_auto_reply_new             (RedlineEcosystem     ecosystem,
                                                         const char          *account,
                                                         RedlineReplyTrigger  trigger);
RedlineAutoReply    *redline_auto_reply_copy            (RedlineAutoReply    *self);
gint64               redline_auto_reply_get_id          (RedlineAutoReply    *self);
RedlineEcosystem     redline_auto_reply_get_ecosystem   (RedlineAutoReply    *self);
const char          *redline_auto_reply_get_account     (RedlineAutoReply    *self);
RedlineReplyTrigger  redline_auto_reply_get_trigger     (RedlineAutoReply    *self);
void                 redline_auto_reply_set_trigger     (RedlineAutoReply    *self,
                                                         RedlineReplyTrigger  trigger);
const char          *redline_auto_reply_get_name        (RedlineAutoReply    *self);
void                 redline_auto_reply_set_name        (RedlineAutoReply    *self,
                                                         const char          *name);
const char * const  *redline_auto_reply_get_keywords    (RedlineAutoReply    *self);
void                 redline_auto_reply_set_keywords    (RedlineAutoReply    *self,
                                                         const char * const  *keywords);
gboolean             redline_auto_reply_get_exact_match (RedlineAutoReply    *self);
void                 redline_auto_reply_set_exact_match (RedlineAutoReply    *self,
                                                         gboolean             exact_match);
const char          *redline_auto_reply_get_text        (RedlineAutoReply    *self);
void                 redline_auto_reply_set_text        (RedlineAutoReply    *self,
                                                         const char          *text);

GStrv                redline_keywords_parse             (const char          *text);

G_END_DECLS

#include "redline-project-enums.h"
