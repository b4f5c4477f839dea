/* redline-check-input.h: the inputs of redline-check, read once and not copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command-line contract (doc/cli.md). */
enum {
  EXIT_CLEAN = 0,
  EXIT_ERRORS_FOUND = 1,
  EXIT_BAD_INPUT = 2,
};

typedef enum
{
  CHECK_INPUT_TEXT,
  CHECK_INPUT_PROJECT,
} CheckInputKind;

/* One input, read: a project file to open by its path, or text. The text
 * is mapped or read into one allocation; a mapped file has no NUL after
 * it, so @length alone says where it ends. */
typedef struct
{
  CheckInputKind  kind;
  const char     *data;
  gsize           length;

  /*< private >*/
  char           *owned;
  GMappedFile    *mapped;
} CheckInput;

gboolean check_input_read     (CheckInput  *input,
                               const char  *path,
                               const char  *display_name,
                               GError     **error);
void     check_input_clear    (CheckInput  *input);
void     check_input_watch    (CheckInput  *input,
                               const char  *display_name);
void     check_input_unwatch  (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckInput, check_input_clear)

G_END_DECLS
