/* redline-matcher.h: multi-pattern matcher over normalised text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RedlineMatcher RedlineMatcher;

/**
 * RedlineMatchFunc:
 * @payload: the payload given to redline_matcher_add() for the pattern
 * @start: start of the match in the scanned characters
 * @end: its end (exclusive)
 * @user_data: the data given to redline_matcher_scan()
 *
 * Called for every occurrence of every pattern, in order of @start.
 */
typedef void (*RedlineMatchFunc) (guint32  payload,
                                  gsize    start,
                                  gsize    end,
                                  gpointer user_data);

RedlineMatcher *redline_matcher_new            (void);
void            redline_matcher_free           (RedlineMatcher   *self);
void            redline_matcher_add            (RedlineMatcher   *self,
                                                const gunichar   *chars,
                                                gsize             n_chars,
                                                guint32           payload);
void            redline_matcher_compile        (RedlineMatcher   *self);
guint           redline_matcher_get_n_patterns (RedlineMatcher   *self);
guint           redline_matcher_get_n_states   (RedlineMatcher   *self);
gsize           redline_matcher_scan           (RedlineMatcher   *self,
                                                const gunichar   *chars,
                                                gsize             n_chars,
                                                RedlineMatchFunc  func,
                                                gpointer          user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineMatcher, redline_matcher_free)

G_END_DECLS
