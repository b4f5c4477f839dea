/* redline-check-input.c: the inputs of redline-check, read once and not copied
 *
 * An input is standard input or a named file. Its first bytes, and its
 * name, tell a project file from text; text goes on from those same bytes,
 * so a pipe loses nothing. A large regular file is mapped rather than
 * copied, and a mapped file that another program shortens while it is
 * checked ends the process with a message instead of a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-check"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "redline-core.h"
#include "redline-check-input.h"

/* Text inputs are read whole, within this budget: far more than any real
 * copy or archive, and an endless device (/dev/zero) or pipe is refused
 * instead of filling memory. A regular file is measured before it is read.
 * README.md documents the limit. */
#define MAX_TEXT_INPUT ((gsize) 1 << 30)

/* Regular text files of this size or more are mapped, not copied. */
#define MAP_MIN_BYTES ((gsize) 1 << 20)

/* The bytes read to tell a project file from text: a SQLite header. */
#define SNIFF_BYTES 100

static const char sqlite_magic[16] = "SQLite format 3";

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
set_too_large_error (GError     **error,
                     const char  *display_name)
{
  g_autofree char *limit = g_format_size_full (MAX_TEXT_INPUT, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("%s: the input is too large: Redline checks up to %s of text; split it "
                 "into smaller files"), display_name, limit);
}

/* Where an input comes from: standard input or an open file, and whether
 * it is a regular file, which alone may be a project file. */
typedef struct
{
  const char *path;          /* as given, or "-" */
  const char *display_name;
  int         fd;
  gboolean    regular;
  goffset     size;          /* of a regular file */
} Input;

/* The bytes of an input read so far. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  capacity;
} Buffer;

static void
buffer_clear (Buffer *buffer)
{
  g_clear_pointer (&buffer->data, g_free);
  buffer->len = buffer->capacity = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Buffer, buffer_clear)

static void
buffer_reserve (Buffer *buffer,
                gsize   capacity)
{
  if (capacity > buffer->capacity)
    {
      buffer->data = g_realloc (buffer->data, capacity);
      buffer->capacity = capacity;
    }
}

/* Appends what @input gives to @buffer until end of file, or until it holds
 * @want bytes. Never holds more than MAX_TEXT_INPUT bytes, plus one to tell
 * that the input is larger. Returns FALSE with @error set on a read error or
 * an input over the budget. */
static gboolean
read_some (Input       *input,
           Buffer      *buffer,
           gsize        want,
           gboolean    *at_end,
           GError     **error)
{
  *at_end = FALSE;
  while (buffer->len < want)
    {
      gssize n;

      if (buffer->len == buffer->capacity)
        buffer_reserve (buffer, MIN (MAX (buffer->capacity * 2, 65536), MAX_TEXT_INPUT + 1));
      n = read (input->fd, buffer->data + buffer->len,
                MIN (buffer->capacity - buffer->len, want - buffer->len));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot read the file: %s"), input->display_name,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        {
          *at_end = TRUE;
          return TRUE;
        }
      buffer->len += n;
      if (buffer->len > MAX_TEXT_INPUT)
        {
          set_too_large_error (error, input->display_name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
input_open (Input       *input,
            const char  *path,
            const char  *display_name,
            GError     **error)
{
  struct stat info;

  input->path = path;
  input->display_name = display_name;
  if (g_str_equal (path, "-"))
    input->fd = STDIN_FILENO;
  else
    {
      input->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (input->fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot read the file: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  if (fstat (input->fd, &info) == 0 && S_ISREG (info.st_mode))
    {
      input->regular = TRUE;
      input->size = info.st_size;
    }
  return TRUE;
}

static void
input_close (Input *input)
{
  if (input->fd > STDIN_FILENO)
    close (input->fd);
  input->fd = -1;
}

/* What the first bytes of an input and its name say it is. */
typedef enum
{
  INPUT_TEXT,
  INPUT_PROJECT,
  INPUT_FOREIGN_DATABASE,
} InputKind;

static InputKind
sniff_input (const Input  *input,
             const Buffer *head)
{
  const guint8 *bytes = (const guint8 *) head->data;
  gboolean sqlite = head->len >= sizeof sqlite_magic &&
                    memcmp (bytes, sqlite_magic, sizeof sqlite_magic) == 0;

  if (sqlite && head->len >= 72 && read_be32 (bytes + 68) != REDLINE_PROJECT_APPLICATION_ID)
    return INPUT_FOREIGN_DATABASE;
  if (sqlite || (!g_str_equal (input->path, "-") && g_str_has_suffix (input->path, ".redline")))
    return INPUT_PROJECT;
  return INPUT_TEXT;
}

/* Reads the rest of a text input after the bytes already in @buffer
 * (unless they reached the end); the result is nul-terminated after
 * @length bytes. */
static char *
read_text (Input       *input,
           Buffer      *buffer,
           gboolean     at_end,
           gsize       *length,
           GError     **error)
{
  if (!at_end && !read_some (input, buffer, MAX_TEXT_INPUT + 1, &at_end, error))
    return NULL;
  buffer_reserve (buffer, buffer->len + 1);
  buffer->data[buffer->len] = '\0';
  *length = buffer->len;
  buffer->len = buffer->capacity = 0;
  return g_steal_pointer (&buffer->data);
}

/* What to say, and the exit status, if a mapped file is shortened while it
 * is checked: reading a page past its new end raises SIGBUS. Set while a
 * mapped file is checked, in whichever thread reads the page. */
static char *volatile mapped_changed_message;

static void
on_sigbus (int signal_number)
{
  const char *message = mapped_changed_message;

  if (message == NULL)
    {
      /* Not ours: as if there were no handler. */
      signal (signal_number, SIG_DFL);
      raise (signal_number);
      return;
    }
  /* write() and _exit() only: the process is in an unknown state. */
  if (write (STDERR_FILENO, message, strlen (message)) < 0)
    _exit (EXIT_BAD_INPUT);
  _exit (EXIT_BAD_INPUT);
}

/* Maps the whole of a large regular file instead of copying it: the
 * kernel's pages are read in place. @head_length bytes have been read, from
 * the start of the file: standard input redirected from a file someone has
 * already read from is read on from where it is, never mapped. Returns
 * %NULL, with @error set only if the file is too large, when it cannot be
 * mapped (a file system without mmap(), a file that is shorter than its size
 * says): it is then read. */
static GMappedFile *
map_text (Input   *input,
          gsize    head_length,
          GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  gsize length;

  if (lseek (input->fd, 0, SEEK_CUR) != (off_t) head_length)
    return NULL;
  mapped = g_mapped_file_new_from_fd (input->fd, FALSE, NULL);
  if (mapped == NULL || g_mapped_file_get_contents (mapped) == NULL)
    return NULL;
  length = g_mapped_file_get_length (mapped);
  if (length > MAX_TEXT_INPUT)
    {
      set_too_large_error (error, input->display_name);
      return NULL;
    }
  if (length < (gsize) input->size)
    return NULL;
  /* Every page will be read: ask for them all now. */
  posix_madvise (g_mapped_file_get_contents (mapped), length, POSIX_MADV_WILLNEED);
  return g_steal_pointer (&mapped);
}

void
check_input_clear (CheckInput *input)
{
  g_clear_pointer (&input->owned, g_free);
  g_clear_pointer (&input->mapped, g_mapped_file_unref);
  input->data = NULL;
  input->length = 0;
}

/* Reads @path ("-" for standard input) once. A project file must be a
 * regular file named on the command line; it alone is opened again, by the
 * project code. Returns FALSE with @error set, naming @display_name, on a
 * read error, a database of another application, a project on a pipe or
 * text over the budget. */
gboolean
check_input_read (CheckInput  *result,
                  const char  *path,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(Buffer) head = { NULL, 0, 0 };
  Input input = { NULL, NULL, -1, FALSE, 0 };
  InputKind kind = INPUT_TEXT;
  gboolean at_end = FALSE;

  *result = (CheckInput) { CHECK_INPUT_TEXT, NULL, 0, NULL, NULL };
  if (!input_open (&input, path, display_name, error))
    return FALSE;
  /* A small regular file is read into one allocation of its size; a large
   * one is mapped below. */
  buffer_reserve (&head, input.regular && input.size < (goffset) MAP_MIN_BYTES
                         ? (gsize) input.size + 1 : SNIFF_BYTES);
  if (read_some (&input, &head, SNIFF_BYTES, &at_end, &local_error))
    {
      kind = sniff_input (&input, &head);
      if (kind == INPUT_FOREIGN_DATABASE)
        g_set_error (&local_error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                     _("%s: a SQLite database, but not a Redline project file (another "
                       "application made it)"), display_name);
      else if (kind == INPUT_PROJECT && (!input.regular || g_str_equal (path, "-")))
        g_set_error (&local_error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                     _("%s: not a Redline project file: a project is read from a regular "
                       "file named on the command line, not from standard input, a pipe "
                       "or a device"), display_name);
      else if (kind == INPUT_PROJECT)
        result->kind = CHECK_INPUT_PROJECT;
      else if (input.regular && input.size > (goffset) MAX_TEXT_INPUT)
        set_too_large_error (&local_error, display_name);
      else if (!at_end && input.regular && input.size >= (goffset) MAP_MIN_BYTES &&
               (result->mapped = map_text (&input, head.len, &local_error)) != NULL)
        {
          result->length = g_mapped_file_get_length (result->mapped);
          result->data = g_mapped_file_get_contents (result->mapped);
        }
      else if (local_error == NULL)
        result->data = result->owned = read_text (&input, &head, at_end, &result->length,
                                                  &local_error);
    }
  input_close (&input);

  if (local_error != NULL)
    {
      check_input_clear (result);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (result->kind == CHECK_INPUT_TEXT && result->data == NULL)
    result->data = "";
  return TRUE;
}

/* While a mapped input is checked, a SIGBUS from a page past its end is
 * reported as the file having been shortened; see on_sigbus(). Nothing to
 * watch for text that was read. */
void
check_input_watch (CheckInput *input,
                   const char *display_name)
{
  static gboolean installed;

  if (input->mapped == NULL)
    return;
  if (!installed)
    {
      struct sigaction action = { 0 };

      action.sa_handler = on_sigbus;
      sigemptyset (&action.sa_mask);
      sigaction (SIGBUS, &action, NULL);
      installed = TRUE;
    }
  g_free (mapped_changed_message);
  mapped_changed_message =
    g_strdup_printf (_("redline-check: %s: the file was shortened while it was checked; check "
                       "it again once nothing writes to it\n"), display_name);
}

void
check_input_unwatch (void)
{
  char *message = mapped_changed_message;

  mapped_changed_message = NULL;
  g_free (message);
}
