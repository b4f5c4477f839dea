/* redline-post.c: one piece of copy in a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-post"

#include "config.h"

#include "redline-post.h"
#include "redline-model-private.h"

/**
 * RedlinePost:
 *
 * A post: the fields a #RedlineDocument checks, its content kind and its
 * place in the plan. Times are ISO 8601 strings; `created-at` and
 * `updated-at` are kept by the project.
 *
 * A post taken from redline_project_get_posts() is the project's own
 * object: change it, then call redline_project_update_post().
 */
struct _RedlinePost
{
  GObject             parent_instance;

  gint64              id;
  gint64              campaign_id;
  gint64              linked_post_id;
  RedlineContentKind  kind;
  RedlinePurpose      purpose;
  RedlinePostStatus   status;
  char               *strings[9];
};

G_DEFINE_FINAL_TYPE (RedlinePost, redline_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_LINKED_POST_ID,
  PROP_KIND,
  PROP_PURPOSE,
  PROP_STATUS,
  /* The string properties, in the order of self->strings. */
  PROP_TITLE,
  PROP_DIGEST,
  PROP_AUTHOR,
  PROP_BODY,
  PROP_CALL_TO_ACTION,
  PROP_LINK,
  PROP_SCHEDULED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

#define FIRST_STRING_PROP PROP_TITLE

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  "draft", "in-review", "approved", "rejected", "published",
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == REDLINE_N_POST_STATUSES);

/**
 * redline_post_status_to_string:
 * @status: a #RedlinePostStatus
 *
 * Returns: its name as stored and exported: `draft`, `in-review`,
 *   `approved`, `rejected` or `published`
 */
const char *
redline_post_status_to_string (RedlinePostStatus status)
{
  g_return_val_if_fail (status < REDLINE_N_POST_STATUSES, NULL);
  return status_names[status];
}

/**
 * redline_post_status_from_string:
 * @str: a status name
 * @status: (out): where to store the status
 *
 * Returns: %TRUE if @str names a status
 */
gboolean
redline_post_status_from_string (const char        *str,
                                 RedlinePostStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (str, status_names[i]))
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_string (RedlinePost *self,
            guint        prop_id,
            const char  *value)
{
  g_assert (prop_id >= FIRST_STRING_PROP && prop_id < N_PROPS);

  if (_redline_set_str (&self->strings[prop_id - FIRST_STRING_PROP], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_string (RedlinePost *self,
            guint        prop_id)
{
  g_assert (prop_id >= FIRST_STRING_PROP && prop_id < N_PROPS);

  return self->strings[prop_id - FIRST_STRING_PROP];
}

static void
redline_post_finalize (GObject *object)
{
  RedlinePost *self = REDLINE_POST (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_clear_pointer (&self->strings[i], g_free);

  G_OBJECT_CLASS (redline_post_parent_class)->finalize (object);
}

static void
redline_post_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RedlinePost *self = REDLINE_POST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    case PROP_LINKED_POST_ID:
      g_value_set_int64 (value, self->linked_post_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PURPOSE:
      g_value_set_enum (value, self->purpose);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TITLE:
    case PROP_DIGEST:
    case PROP_AUTHOR:
    case PROP_BODY:
    case PROP_CALL_TO_ACTION:
    case PROP_LINK:
    case PROP_SCHEDULED_AT:
    case PROP_CREATED_AT:
    case PROP_UPDATED_AT:
      g_value_set_string (value, get_string (self, prop_id));
      break;
    case PROP_0:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RedlinePost *self = REDLINE_POST (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      redline_post_set_campaign_id (self, g_value_get_int64 (value));
      break;
    case PROP_LINKED_POST_ID:
      redline_post_set_linked_post_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      redline_post_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PURPOSE:
      redline_post_set_purpose (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      redline_post_set_status (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
    case PROP_DIGEST:
    case PROP_AUTHOR:
    case PROP_BODY:
    case PROP_CALL_TO_ACTION:
    case PROP_LINK:
    case PROP_SCHEDULED_AT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_0:
    case PROP_ID:
    case PROP_CREATED_AT:
    case PROP_UPDATED_AT:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_class_init (RedlinePostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redline_post_finalize;
  object_class->get_property = redline_post_get_property;
  object_class->set_property = redline_post_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro_flags);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LINKED_POST_ID] =
    g_param_spec_int64 ("linked-post-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, REDLINE_TYPE_CONTENT_KIND, REDLINE_CONTENT_KIND_ARTICLE,
                       flags);
  /**
   * RedlinePost:purpose:
   *
   * What the post is for. A paid placement (redline_content_kind_is_paid())
   * is always advertising: setting its kind sets this, and any other value
   * is refused.
   */
  properties[PROP_PURPOSE] =
    g_param_spec_enum ("purpose", NULL, NULL, REDLINE_TYPE_PURPOSE, REDLINE_PURPOSE_ADVERTISING,
                       flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, REDLINE_TYPE_POST_STATUS, REDLINE_POST_STATUS_DRAFT,
                       flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DIGEST] = g_param_spec_string ("digest", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_CALL_TO_ACTION] =
    g_param_spec_string ("call-to-action", NULL, NULL, NULL, flags);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, flags);
  properties[PROP_SCHEDULED_AT] = g_param_spec_string ("scheduled-at", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro_flags);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_post_init (RedlinePost *self)
{
}

/**
 * redline_post_new:
 * @campaign_id: the id of the campaign it belongs to
 * @kind: its content kind
 *
 * Returns: (transfer full): a draft post, not yet in a project
 */
RedlinePost *
redline_post_new (gint64             campaign_id,
                  RedlineContentKind kind)
{
  g_return_val_if_fail (redline_content_kind_is_post (kind), NULL);

  return g_object_new (REDLINE_TYPE_POST, "campaign-id", campaign_id, "kind", kind, NULL);
}

void
_redline_post_set_id (RedlinePost *self,
                      gint64       id)
{
  g_assert (REDLINE_IS_POST (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_redline_post_set_times (RedlinePost *self,
                         const char  *created_at,
                         const char  *updated_at)
{
  g_assert (REDLINE_IS_POST (self));

  set_string (self, PROP_CREATED_AT, created_at);
  set_string (self, PROP_UPDATED_AT, updated_at);
}

/**
 * redline_post_get_id:
 * @self: a #RedlinePost
 *
 * Returns: the post's id in its project, or 0 when not yet added
 */
gint64
redline_post_get_id (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), 0);
  return self->id;
}

gint64
redline_post_get_campaign_id (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), 0);
  return self->campaign_id;
}

void
redline_post_set_campaign_id (RedlinePost *self,
                              gint64       campaign_id)
{
  g_return_if_fail (REDLINE_IS_POST (self));

  if (self->campaign_id == campaign_id)
    return;
  self->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

/**
 * redline_post_get_linked_post_id:
 * @self: a #RedlinePost
 *
 * Returns: the id of the post's counterpart in the other ecosystem (see
 *   redline_project_copy_post_to_ecosystem()), or 0
 */
gint64
redline_post_get_linked_post_id (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), 0);
  return self->linked_post_id;
}

/**
 * redline_post_set_linked_post_id:
 * @self: a #RedlinePost
 * @linked_post_id: the id of its counterpart, or 0
 */
void
redline_post_set_linked_post_id (RedlinePost *self,
                                 gint64       linked_post_id)
{
  g_return_if_fail (REDLINE_IS_POST (self));

  if (self->linked_post_id == linked_post_id)
    return;
  self->linked_post_id = linked_post_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKED_POST_ID]);
}

RedlineContentKind
redline_post_get_kind (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), REDLINE_CONTENT_KIND_ARTICLE);
  return self->kind;
}

void
redline_post_set_kind (RedlinePost        *self,
                       RedlineContentKind  kind)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  g_return_if_fail (redline_content_kind_is_post (kind));

  if (self->kind == kind)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  /* A paid placement is advertising whatever its copy says. */
  if (redline_content_kind_is_paid (kind))
    redline_post_set_purpose (self, REDLINE_PURPOSE_ADVERTISING);
  g_object_thaw_notify (G_OBJECT (self));
}

RedlinePurpose
redline_post_get_purpose (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), REDLINE_PURPOSE_ADVERTISING);
  return self->purpose;
}

/**
 * redline_post_set_purpose:
 * @self: a #RedlinePost
 * @purpose: what the post is for
 *
 * Sets what the post is for, which decides whether the Advertising Law's
 * rules bind it (#RedlineDocument). A paid placement is always
 * %REDLINE_PURPOSE_ADVERTISING.
 */
void
redline_post_set_purpose (RedlinePost    *self,
                          RedlinePurpose  purpose)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  g_return_if_fail (purpose < REDLINE_N_PURPOSES);
  g_return_if_fail (purpose == REDLINE_PURPOSE_ADVERTISING ||
                    !redline_content_kind_is_paid (self->kind));

  if (self->purpose == purpose)
    return;
  self->purpose = purpose;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURPOSE]);
}

RedlinePostStatus
redline_post_get_status (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), REDLINE_POST_STATUS_DRAFT);
  return self->status;
}

void
redline_post_set_status (RedlinePost       *self,
                         RedlinePostStatus  status)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  g_return_if_fail (status < REDLINE_N_POST_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
redline_post_get_title (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_TITLE);
}

void
redline_post_set_title (RedlinePost *self,
                        const char  *title)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_TITLE, title);
}

/**
 * redline_post_get_digest:
 * @self: a #RedlinePost
 *
 * Returns: (nullable): the digest, the summary an Official Account article
 *   shows under its title
 */
const char *
redline_post_get_digest (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_DIGEST);
}

/**
 * redline_post_set_digest:
 * @self: a #RedlinePost
 * @digest: (nullable): the digest
 */
void
redline_post_set_digest (RedlinePost *self,
                         const char  *digest)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_DIGEST, digest);
}

/**
 * redline_post_get_author:
 * @self: a #RedlinePost
 *
 * Returns: (nullable): the author an Official Account article names under
 *   its title
 */
const char *
redline_post_get_author (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_AUTHOR);
}

/**
 * redline_post_set_author:
 * @self: a #RedlinePost
 * @author: (nullable): the author
 */
void
redline_post_set_author (RedlinePost *self,
                         const char  *author)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_AUTHOR, author);
}

const char *
redline_post_get_body (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_BODY);
}

void
redline_post_set_body (RedlinePost *self,
                       const char  *body)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_BODY, body);
}

const char *
redline_post_get_call_to_action (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_CALL_TO_ACTION);
}

void
redline_post_set_call_to_action (RedlinePost *self,
                                 const char  *call_to_action)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_CALL_TO_ACTION, call_to_action);
}

const char *
redline_post_get_link (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_LINK);
}

void
redline_post_set_link (RedlinePost *self,
                       const char  *link)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_LINK, link);
}

const char *
redline_post_get_scheduled_at (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_SCHEDULED_AT);
}

void
redline_post_set_scheduled_at (RedlinePost *self,
                               const char  *scheduled_at)
{
  g_return_if_fail (REDLINE_IS_POST (self));
  set_string (self, PROP_SCHEDULED_AT, scheduled_at);
}

const char *
redline_post_get_created_at (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_CREATED_AT);
}

const char *
redline_post_get_updated_at (RedlinePost *self)
{
  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);
  return get_string (self, PROP_UPDATED_AT);
}

/**
 * redline_post_copy:
 * @self: a #RedlinePost
 *
 * A copy for an editor to change freely: equal to @self in every property,
 * id and times included, and independent of it. The copy is not in any
 * project's models; to store the edits, set them on the project's own post
 * and call redline_project_update_post().
 *
 * Returns: (transfer full): a new #RedlinePost
 */
RedlinePost *
redline_post_copy (RedlinePost *self)
{
  RedlinePost *copy;

  g_return_val_if_fail (REDLINE_IS_POST (self), NULL);

  copy = g_object_new (REDLINE_TYPE_POST, NULL);
  copy->id = self->id;
  copy->campaign_id = self->campaign_id;
  copy->linked_post_id = self->linked_post_id;
  copy->kind = self->kind;
  copy->purpose = self->purpose;
  copy->status = self->status;
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    copy->strings[i] = g_strdup (self->strings[i]);
  return copy;
}
