/* redline-post-summary.c: a post with the counts of what the checker found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-post-summary-private.h"

/**
 * RedlinePostSummary:
 *
 * One post of a project and how many errors, warnings and notes the checker
 * finds in it on its campaign's ecosystem: the rows of a post list and the
 * totals of a campaign. #RedlineCheckIndex keeps the counts current; until
 * a post has been checked, #RedlinePostSummary:checked is %FALSE and the
 * counts are those of the last check (zero at first).
 */
struct _RedlinePostSummary
{
  GObject      parent_instance;

  RedlinePost *post;
  guint        errors;
  guint        warnings;
  guint        infos;
  guint        checked : 1;
};

G_DEFINE_FINAL_TYPE (RedlinePostSummary, redline_post_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST,
  PROP_CHECKED,
  PROP_ERRORS,
  PROP_WARNINGS,
  PROP_INFOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redline_post_summary_finalize (GObject *object)
{
  RedlinePostSummary *self = REDLINE_POST_SUMMARY (object);

  g_clear_object (&self->post);

  G_OBJECT_CLASS (redline_post_summary_parent_class)->finalize (object);
}

static void
redline_post_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RedlinePostSummary *self = REDLINE_POST_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;
    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;
    case PROP_ERRORS:
      g_value_set_uint (value, self->errors);
      break;
    case PROP_WARNINGS:
      g_value_set_uint (value, self->warnings);
      break;
    case PROP_INFOS:
      g_value_set_uint (value, self->infos);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_summary_class_init (RedlinePostSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redline_post_summary_finalize;
  object_class->get_property = redline_post_summary_get_property;

  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL, REDLINE_TYPE_POST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERRORS] =
    g_param_spec_uint ("errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNINGS] =
    g_param_spec_uint ("warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INFOS] =
    g_param_spec_uint ("infos", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_post_summary_init (RedlinePostSummary *self)
{
}

RedlinePostSummary *
_redline_post_summary_new (RedlinePost *post)
{
  RedlinePostSummary *self = g_object_new (REDLINE_TYPE_POST_SUMMARY, NULL);

  self->post = g_object_ref (post);
  return self;
}

void
_redline_post_summary_set_counts (RedlinePostSummary *self,
                                  guint               errors,
                                  guint               warnings,
                                  guint               infos)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->errors != errors)
    {
      self->errors = errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERRORS]);
    }
  if (self->warnings != warnings)
    {
      self->warnings = warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
    }
  if (self->infos != infos)
    {
      self->infos = infos;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFOS]);
    }
  if (!self->checked)
    {
      self->checked = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_redline_post_summary_invalidate (RedlinePostSummary *self)
{
  if (!self->checked)
    return;
  self->checked = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

/**
 * redline_post_summary_get_post:
 * @self: a #RedlinePostSummary
 *
 * Returns: (transfer none): the post
 */
RedlinePost *
redline_post_summary_get_post (RedlinePostSummary *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_SUMMARY (self), NULL);
  return self->post;
}

/**
 * redline_post_summary_get_checked:
 * @self: a #RedlinePostSummary
 *
 * Returns: whether the counts are those of the post as it is now
 */
gboolean
redline_post_summary_get_checked (RedlinePostSummary *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_SUMMARY (self), FALSE);
  return self->checked;
}

/**
 * redline_post_summary_get_errors:
 * @self: a #RedlinePostSummary
 *
 * Returns: the number of error findings
 */
guint
redline_post_summary_get_errors (RedlinePostSummary *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_SUMMARY (self), 0);
  return self->errors;
}

/**
 * redline_post_summary_get_warnings:
 * @self: a #RedlinePostSummary
 *
 * Returns: the number of warning findings
 */
guint
redline_post_summary_get_warnings (RedlinePostSummary *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_SUMMARY (self), 0);
  return self->warnings;
}

/**
 * redline_post_summary_get_infos:
 * @self: a #RedlinePostSummary
 *
 * Returns: the number of informational findings
 */
guint
redline_post_summary_get_infos (RedlinePostSummary *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_SUMMARY (self), 0);
  return self->infos;
}
