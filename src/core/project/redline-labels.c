/* redline-labels.c: the names of the core enumerations, for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-labels.h"
#include "redline-post.h"

/**
 * redline_ecosystem_label:
 * @ecosystem: an ecosystem
 *
 * Returns: its name with where it applies, e.g. "Weixin (China)"
 */
const char *
redline_ecosystem_label (RedlineEcosystem ecosystem)
{
  switch (ecosystem)
    {
    case REDLINE_ECOSYSTEM_WEIXIN:
      return _("Weixin (China)");
    case REDLINE_ECOSYSTEM_WECHAT:
      return _("WeChat (Global)");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_ecosystem_short_label:
 * @ecosystem: an ecosystem
 *
 * Returns: its name alone, e.g. "Weixin"
 */
const char *
redline_ecosystem_short_label (RedlineEcosystem ecosystem)
{
  switch (ecosystem)
    {
    case REDLINE_ECOSYSTEM_WEIXIN:
      return _("Weixin");
    case REDLINE_ECOSYSTEM_WECHAT:
      return _("WeChat");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_content_kind_label:
 * @kind: a content kind
 *
 * Returns: its name
 */
const char *
redline_content_kind_label (RedlineContentKind kind)
{
  switch (kind)
    {
    case REDLINE_CONTENT_KIND_ARTICLE:
      return _("Article");
    case REDLINE_CONTENT_KIND_MOMENTS_AD:
      return _("Moments ad");
    case REDLINE_CONTENT_KIND_CHANNELS:
      return _("Channels");
    case REDLINE_CONTENT_KIND_MINI_PROGRAM:
      return _("Mini Program");
    case REDLINE_CONTENT_KIND_GROUP_MESSAGE:
      return _("Group message");
    case REDLINE_CONTENT_KIND_AUTO_REPLY:
      return _("Auto-reply");
    case REDLINE_CONTENT_KIND_MENU:
      return _("Menu item");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_reply_trigger_label:
 * @trigger: what makes an account send a reply
 *
 * Returns: the name of such replies
 */
const char *
redline_reply_trigger_label (RedlineReplyTrigger trigger)
{
  switch (trigger)
    {
    case REDLINE_REPLY_TRIGGER_WELCOME:
      return _("Welcome message");
    case REDLINE_REPLY_TRIGGER_MESSAGE:
      return _("Reply to any message");
    case REDLINE_REPLY_TRIGGER_KEYWORD:
      return _("Keyword reply");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_purpose_label:
 * @purpose: a purpose
 *
 * Returns: its name
 */
const char *
redline_purpose_label (RedlinePurpose purpose)
{
  switch (purpose)
    {
    case REDLINE_PURPOSE_ADVERTISING:
      return C_("purpose", "Advertising");
    case REDLINE_PURPOSE_EDITORIAL:
      return C_("purpose", "Editorial");
    case REDLINE_PURPOSE_NOTICE:
      return C_("purpose", "Notice");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_purpose_explanation:
 * @purpose: a purpose
 *
 * Returns: what a post of @purpose is, in a sentence
 */
const char *
redline_purpose_explanation (RedlinePurpose purpose)
{
  switch (purpose)
    {
    case REDLINE_PURPOSE_ADVERTISING:
      return _("Promotes a product or service: every rule applies");
    case REDLINE_PURPOSE_EDITORIAL:
      return _("An article or news that sells nothing: advertising-law rules are notes only");
    case REDLINE_PURPOSE_NOTICE:
      return _("A service notice: advertising-law rules are notes only");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_post_status_label:
 * @status: a post status
 *
 * Returns: its name
 */
const char *
redline_post_status_label (RedlinePostStatus status)
{
  switch (status)
    {
    case REDLINE_POST_STATUS_DRAFT:
      return _("Draft");
    case REDLINE_POST_STATUS_IN_REVIEW:
      return _("In review");
    case REDLINE_POST_STATUS_APPROVED:
      return _("Approved");
    case REDLINE_POST_STATUS_REJECTED:
      return _("Changes requested");
    case REDLINE_POST_STATUS_PUBLISHED:
      return _("Published");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_severity_label:
 * @severity: a severity
 *
 * Returns: its name
 */
const char *
redline_severity_label (RedlineSeverity severity)
{
  switch (severity)
    {
    case REDLINE_SEVERITY_OFF:
      return _("Allowed");
    case REDLINE_SEVERITY_INFO:
      return _("Note");
    case REDLINE_SEVERITY_WARNING:
      return _("Warning");
    case REDLINE_SEVERITY_ERROR:
      return _("Error");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_field_label:
 * @field: a field of a post
 *
 * Returns: its name
 */
const char *
redline_field_label (RedlineField field)
{
  switch (field)
    {
    case REDLINE_FIELD_TITLE:
      return _("Title");
    case REDLINE_FIELD_DIGEST:
      return _("Digest");
    case REDLINE_FIELD_AUTHOR:
      return _("Author");
    case REDLINE_FIELD_BODY:
      return _("Body");
    case REDLINE_FIELD_CALL_TO_ACTION:
      return _("Call to action");
    case REDLINE_FIELD_LINK:
      return _("Link");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * redline_content_kind_fields:
 * @kind: a content kind
 *
 * Returns: the fields a post of @kind has, as a mask of `1 << RedlineField`
 */
guint
redline_content_kind_fields (RedlineContentKind kind)
{
  guint all = (1u << REDLINE_N_FIELDS) - 1;

  switch (kind)
    {
    case REDLINE_CONTENT_KIND_ARTICLE:
      /* Only an Official Account article has a digest and an author under
       * its title. */
      return all;
    case REDLINE_CONTENT_KIND_GROUP_MESSAGE:
    case REDLINE_CONTENT_KIND_AUTO_REPLY:
      /* A group message is text and perhaps a link: no headline, no button. */
      return (1u << REDLINE_FIELD_BODY) | (1u << REDLINE_FIELD_LINK);
    case REDLINE_CONTENT_KIND_CHANNELS:
      /* A Channels caption has no headline of its own. */
      return all & ~(1u << REDLINE_FIELD_TITLE) & ~(1u << REDLINE_FIELD_DIGEST) &
             ~(1u << REDLINE_FIELD_AUTHOR);
    case REDLINE_CONTENT_KIND_MENU:
      /* A menu item's name, the message it sends or the page it opens. */
      return (1u << REDLINE_FIELD_TITLE) | (1u << REDLINE_FIELD_BODY) | (1u << REDLINE_FIELD_LINK);
    case REDLINE_CONTENT_KIND_MOMENTS_AD:
    case REDLINE_CONTENT_KIND_MINI_PROGRAM:
    default:
      return all & ~(1u << REDLINE_FIELD_DIGEST) & ~(1u << REDLINE_FIELD_AUTHOR);
    }
}

/**
 * redline_format_time:
 * @iso: (nullable): a date and time in ISO 8601, as the project file keeps
 *   them (in UTC)
 *
 * Returns: (transfer full): it in local time to the minute, such as
 *   "2026-11-22 18:06", for people; @iso as it is if it is not a date
 */
char *
redline_format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * redline_post_dup_heading:
 * @post: a post
 *
 * What to call @post in a list or a calendar: its title; for a post without
 * one (a Channels caption, a group message), the start of its first line of
 * body; for an empty post, its content kind.
 *
 * Returns: (transfer full): the heading
 */
char *
redline_post_dup_heading (RedlinePost *post)
{
  const guint max_chars = 24;
  const char *title;
  const char *body;
  const char *end;
  glong n_chars;

  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  title = redline_post_get_title (post);
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  body = redline_post_get_body (post);
  while (body != NULL && g_unichar_isspace (g_utf8_get_char (body)))
    body = g_utf8_next_char (body);
  if (body == NULL || body[0] == '\0')
    return g_strdup (redline_content_kind_label (redline_post_get_kind (post)));
  end = strchr (body, '\n');
  if (end == NULL)
    end = body + strlen (body);
  n_chars = g_utf8_strlen (body, end - body);
  if (n_chars <= max_chars)
    return g_strndup (body, end - body);
  end = g_utf8_offset_to_pointer (body, max_chars);
  return g_strdup_printf ("%.*s…", (int) (end - body), body);
}
