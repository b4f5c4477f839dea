/* redline-project-enums.c: GTypes for the project layer's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-post.h"
#include "redline-project-enums.h"

G_DEFINE_ENUM_TYPE (RedlinePostStatus, redline_post_status,
  G_DEFINE_ENUM_VALUE (REDLINE_POST_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (REDLINE_POST_STATUS_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (REDLINE_POST_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (REDLINE_POST_STATUS_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (REDLINE_POST_STATUS_PUBLISHED, "published"))
