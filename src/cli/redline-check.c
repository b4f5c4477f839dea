/* redline-check.c: check ad copy from the shell, for batch use and CI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-check"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "redline-core.h"
#include "redline-report.h"

/* Exit statuses of the command-line contract (doc/cli.md). */
enum {
  EXIT_CLEAN = 0,
  EXIT_ERRORS_FOUND = 1,
  EXIT_BAD_INPUT = 2,
};

typedef struct
{
  char               *ecosystem;
  char               *kind;
  char               *purpose;
  char               *length_profile;
  char              **rules;
  gboolean            no_builtin_rules;
  char               *format;
  gboolean            list_rules;
  gboolean            test_rules;
  char               *report;
  char               *plan;
  gboolean            no_key_dates;
  char              **files;

  gboolean            json;
  RedlineReportFormat report_format;
  guint               n_reports;      /* reports written */
  RedlinePlanFormat   plan_format;
  guint               n_plans;        /* plans written */
  guint               n_ecosystems;
  RedlineEcosystem    ecosystems[REDLINE_N_ECOSYSTEMS];
  RedlineContentKind  content_kind;
  RedlinePurpose      content_purpose;
  int                 content_length_profile; /* -1: not given */
  RedlinePurpose      result_purpose; /* of the result being written */
  RedlineContext     *context;
  gboolean            bad_input;
  gboolean            errors_found;
  guint               n_waived;       /* findings of projects waived by a reviewer */
  guint               n_results;     /* JSON results written */
  guint               n_findings;    /* findings written in the current result */
} Options;

/* Why writing to stdout failed, or 0: after a failure nothing more is
 * written and the checks stop. */
static int write_errno;

static void
options_clear (Options *options)
{
  g_free (options->ecosystem);
  g_free (options->kind);
  g_free (options->purpose);
  g_free (options->length_profile);
  g_strfreev (options->rules);
  g_free (options->format);
  g_free (options->report);
  g_free (options->plan);
  g_strfreev (options->files);
  g_clear_object (&options->context);
}

static void
print_error (const char *message)
{
  g_printerr ("%s\n", message);
}

static void
print_usage_error (const char *message)
{
  g_printerr ("redline-check: %s\n", message);
  g_printerr (_("Try “redline-check --help” for more information.\n"));
}

static gboolean
parse_options (Options  *options,
               int      *argc,
               char   ***argv)
{
  const GOptionEntry entries[] = {
    { "ecosystem", 0, 0, G_OPTION_ARG_STRING, &options->ecosystem,
      N_("Check for weixin, wechat or both (default: both)"), "ECOSYSTEM" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind,
      N_("Content kind of text input: article, moments-ad, channels, mini-program or "
         "group-message (default: article)"), "KIND" },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &options->purpose,
      N_("What the copy is for: advertising, editorial or notice (default: advertising, "
         "where a superlative in a sentence of prose is a note; project posts: their own)"),
      "PURPOSE" },
    { "length-profile", 0, 0, G_OPTION_ARG_STRING, &options->length_profile,
      N_("Field length limits: editor (the web editor’s) or api (the publishing interface’s) "
         "(default: editor; project files: their own setting)"), "PROFILE" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->rules,
      N_("Load an extra rule pack (repeatable)"), "FILE" },
    { "no-builtin-rules", 0, 0, G_OPTION_ARG_NONE, &options->no_builtin_rules,
      N_("Use only the packs given with --rules"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: text or json (default: text)"), "FORMAT" },
    { "list-rules", 0, 0, G_OPTION_ARG_NONE, &options->list_rules,
      N_("Print the loaded packs and rules and exit"), NULL },
    { "test-rules", 0, 0, G_OPTION_ARG_NONE, &options->test_rules,
      N_("Run every rule’s examples; exit 1 if one fails"), NULL },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options->report,
      N_("Write a review report of the project checked (.pdf, .html or .csv)"), "FILE" },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &options->plan,
      N_("Write the plan of the project checked: its scheduled posts and key dates (.ics or "
         ".csv)"), "FILE" },
    { "no-key-dates", 0, 0, G_OPTION_ARG_NONE, &options->no_key_dates,
      N_("Leave festivals, shopping dates and holidays out of the plan"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("[FILE…] — check ad copy for Weixin and WeChat"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("FILE is UTF-8 text; with no FILE, or when FILE is -, standard input is read.\n"
      "\n"
      "Exit status: 0 when no finding is an error, 1 when one is, 2 for a usage error,\n"
      "unreadable or invalid input, or an invalid rule pack."));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_usage_error (error->message);
      return FALSE;
    }

  if (options->ecosystem == NULL || g_str_equal (options->ecosystem, "both"))
    {
      options->n_ecosystems = 2;
      options->ecosystems[0] = REDLINE_ECOSYSTEM_WEIXIN;
      options->ecosystems[1] = REDLINE_ECOSYSTEM_WECHAT;
    }
  else if (redline_ecosystem_from_string (options->ecosystem, &options->ecosystems[0]))
    options->n_ecosystems = 1;
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown ecosystem “%s”: use weixin, wechat or both"),
                         options->ecosystem);
      print_usage_error (message);
      return FALSE;
    }

  options->content_kind = REDLINE_CONTENT_KIND_ARTICLE;
  if (options->kind != NULL &&
      !redline_content_kind_from_string (options->kind, &options->content_kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown content kind “%s”: use article, moments-ad, channels, "
                           "mini-program or group-message"), options->kind);
      print_usage_error (message);
      return FALSE;
    }

  options->content_purpose = REDLINE_PURPOSE_ADVERTISING;
  if (options->purpose != NULL &&
      !redline_purpose_from_string (options->purpose, &options->content_purpose))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown purpose “%s”: use advertising, editorial or notice"),
                         options->purpose);
      print_usage_error (message);
      return FALSE;
    }

  options->content_length_profile = -1;
  if (options->length_profile != NULL)
    {
      RedlineLengthProfile profile;

      if (!redline_length_profile_from_string (options->length_profile, &profile))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown length profile “%s”: use editor or api"),
                             options->length_profile);
          print_usage_error (message);
          return FALSE;
        }
      options->content_length_profile = profile;
    }

  if (options->format == NULL || g_str_equal (options->format, "text"))
    options->json = FALSE;
  else if (g_str_equal (options->format, "json"))
    options->json = TRUE;
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown format “%s”: use text or json"), options->format);
      print_usage_error (message);
      return FALSE;
    }

  if (options->report != NULL)
    {
      g_autoptr(GFile) report = g_file_new_for_commandline_arg (options->report);

      if (!redline_report_format_for_file (report, &options->report_format, &error))
        {
          print_usage_error (error->message);
          return FALSE;
        }
      if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
        {
          print_usage_error (_("--report needs exactly one project file to report on"));
          return FALSE;
        }
    }

  if (options->plan != NULL)
    {
      g_autoptr(GFile) plan = g_file_new_for_commandline_arg (options->plan);

      if (!redline_plan_format_for_file (plan, &options->plan_format, &error))
        {
          print_usage_error (error->message);
          return FALSE;
        }
      if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
        {
          print_usage_error (_("--plan needs exactly one project file to plan"));
          return FALSE;
        }
    }
  else if (options->no_key_dates)
    {
      print_usage_error (_("--no-key-dates goes with --plan=FILE"));
      return FALSE;
    }

  if (options->no_builtin_rules && (options->rules == NULL || options->rules[0] == NULL))
    {
      print_usage_error (_("--no-builtin-rules needs at least one --rules=FILE"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_rules (Options *options)
{
  g_autoptr(GError) error = NULL;

  options->context = redline_context_new ();
  redline_context_set_length_profile (options->context, options->content_length_profile);
  if (!options->no_builtin_rules &&
      !redline_context_load_builtin_packs (options->context, &error))
    {
      print_error (error->message);
      return FALSE;
    }

  for (guint i = 0; options->rules != NULL && options->rules[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->rules[i]);

      if (redline_context_add_pack_file (options->context, file, &error) == NULL)
        {
          print_error (error->message);
          return FALSE;
        }
    }

  if (redline_context_get_rule_set (options->context) == NULL)
    {
      print_error (redline_context_get_rule_set_error (options->context)->message);
      return FALSE;
    }
  return TRUE;
}

static void
list_rules (Options *options)
{
  RedlineRuleSet *set = redline_context_get_rule_set (options->context);

  for (guint p = 0; p < redline_rule_set_get_n_packs (set); p++)
    {
      RedlineRulePack *pack = redline_rule_set_get_pack (set, p);

      g_print (_("%s %s — %s (%u rules, %u terms; %s)\n"),
               redline_rule_pack_get_id (pack), redline_rule_pack_get_version (pack),
               redline_rule_pack_get_title (pack), redline_rule_pack_get_n_rules (pack),
               redline_rule_pack_get_n_terms (pack), redline_rule_pack_get_display_name (pack));

      for (guint r = 0; r < redline_rule_pack_get_n_rules (pack); r++)
        {
          RedlineRule *rule = redline_rule_pack_get_rule (pack, r);

          g_print ("  %-40s %-18s %-8s weixin=%-7s wechat=%-7s %u\n",
                   redline_rule_get_id (rule), redline_rule_get_category (rule),
                   redline_rule_type_to_string (redline_rule_get_rule_type (rule)),
                   redline_severity_to_string (redline_rule_get_severity (rule,
                                                 REDLINE_ECOSYSTEM_WEIXIN)),
                   redline_severity_to_string (redline_rule_get_severity (rule,
                                                 REDLINE_ECOSYSTEM_WECHAT)),
                   redline_rule_get_n_terms (rule));
        }
    }
  g_print (_("%u packs, %u rules, %u terms\n"), redline_rule_set_get_n_packs (set),
           redline_rule_set_get_n_rules (set), redline_rule_set_get_n_terms (set));
}

typedef struct
{
  guint passed;
  guint failed;
} ExampleTally;

static void
on_example_cb (RedlineRule *rule,
               guint        line,
               gboolean     passed,
               const char  *detail,
               gpointer     user_data)
{
  ExampleTally *tally = user_data;
  RedlineRulePack *pack = redline_rule_get_pack (rule);

  if (passed)
    {
      tally->passed++;
      return;
    }
  tally->failed++;
  g_print ("%s:%u: %s: %s\n", pack ? redline_rule_pack_get_display_name (pack) : "?", line,
           redline_rule_get_id (rule), detail);
}

static gboolean
test_rules (Options *options)
{
  ExampleTally tally = { 0 };

  redline_rule_set_test_examples (redline_context_get_rule_set (options->context),
                                  on_example_cb, &tally);
  /* The plain closing line test harnesses read. */
  g_print ("%u passed, %u failed\n", tally.passed, tally.failed);
  return tally.failed == 0;
}

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

static void
watch_mapped_file (const char *display_name)
{
  static gboolean installed;

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

static void
unwatch_mapped_file (void)
{
  char *message = mapped_changed_message;

  mapped_changed_message = NULL;
  g_free (message);
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

static const char *
ecosystem_label (RedlineEcosystem ecosystem)
{
  /* Brand names: never translated. */
  return ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? "Weixin" : "WeChat";
}

/* Writes to stdout, remembering the first failure. */
static void
write_output (Options    *options,
              const char *data,
              gsize       length)
{
  if (write_errno != 0)
    return;
  errno = 0;
  if (fwrite (data, 1, length, stdout) != length)
    write_errno = errno != 0 ? errno : EIO;
}

/* g_print() for --list-rules and --test-rules, through write_output(), in
 * the console's character set as GLib's own handler writes it. */
static void
print_handler (const char *string)
{
  const char *charset;
  g_autofree char *converted = NULL;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (string, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  string = converted != NULL ? converted : string;
  write_output (NULL, string, strlen (string));
}

static void
print_finding (Options        *options,
               const char     *file,
               RedlineFinding *finding)
{
  RedlineEcosystem ecosystem = redline_finding_get_ecosystem (finding);
  const char * const *suggestions = redline_finding_get_suggestions (finding);
  const char *reference = redline_finding_get_reference (finding);
  g_autoptr(GString) out = g_string_new (file);

  /* One write per finding: a large input can have tens of thousands. */
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
    g_string_append_printf (out, ":%u:%u", redline_finding_get_line (finding),
                            redline_finding_get_column (finding));
  g_string_append_printf (out, ": %s: [%s] %s [%s]\n",
                          redline_severity_to_string (redline_finding_get_severity (finding)),
                          redline_ecosystem_to_string (ecosystem),
                          redline_finding_get_message (finding),
                          redline_finding_get_rule_id (finding));
  if (suggestions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (_(", "), (char **) suggestions);

      g_string_append_printf (out, _("    suggestion: %s\n"), joined);
    }
  if (reference != NULL)
    g_string_append_printf (out, _("    reference: %s\n"), reference);
  g_string_append_printf (out, _("    on %s: %s\n"), ecosystem_label (redline_ecosystem_other (ecosystem)),
                          redline_severity_to_string (redline_finding_get_other_severity (finding)));
  if (redline_finding_get_outside_purpose (finding))
    /* TRANSLATORS: %s: editorial or notice, as given to --purpose */
    g_string_append_printf (out, _("    a note only: the rule does not bind %s copy\n"),
                            redline_purpose_to_string (options->result_purpose));
  if (redline_finding_get_outside_context (finding))
    g_string_append (out, _("    a note only: a sentence of prose, and nothing in its paragraph names what is offered; "
                            "checked with --purpose advertising, it counts in full\n"));
  if (redline_finding_get_waived (finding))
    /* TRANSLATORS: %s: who; %s: when; %s: their justification */
    g_string_append_printf (out, _("    waived by %s on %s: %s\n"),
                            redline_finding_get_waived_by (finding),
                            redline_finding_get_waived_at (finding) != NULL
                            ? redline_finding_get_waived_at (finding) : "?",
                            redline_finding_get_waiver_justification (finding));
  write_output (options, out->str, out->len);
}

/* The JSON document of doc/cli.md is written as the findings arrive, laid
 * out as a pretty JsonGenerator would lay out the whole. */
static void
begin_json (Options *options)
{
  static const char head[] = "{\n  \"version\" : 1,\n  \"results\" : [";

  write_output (options, head, sizeof head - 1);
}

static void
end_json (Options *options)
{
  static const char tail[] = "\n  ]\n}\n";

  if (options->n_results == 0)
    write_output (options, "]\n}\n", 4);
  else
    write_output (options, tail, sizeof tail - 1);
}

/* @kind: a content kind's name (an account's own content's too), or
 * "qr-code" for the link a project's QR code encodes; @purpose: what the
 * copy is for, as the kind allows. */
static void
begin_result (Options            *options,
              const char         *file,
              RedlineEcosystem    ecosystem,
              const char         *kind,
              RedlinePurpose      purpose)
{
  g_autofree char *name = NULL;
  g_autoptr(GString) out = NULL;

  options->n_findings = 0;
  options->result_purpose = purpose;
  if (!options->json)
    return;

  name = redline_json_string (file);
  out = g_string_new (options->n_results > 0 ? ",\n" : "\n");
  g_string_append_printf (out,
                          "    {\n"
                          "      \"file\" : %s,\n"
                          "      \"ecosystem\" : \"%s\",\n"
                          "      \"kind\" : \"%s\",\n"
                          "      \"purpose\" : \"%s\",\n"
                          "      \"findings\" : [",
                          name, redline_ecosystem_to_string (ecosystem), kind,
                          redline_purpose_to_string (options->result_purpose));
  write_output (options, out->str, out->len);
  options->n_results++;
}

static void
end_result (Options *options)
{
  static const char tail[] = "\n      ]\n    }";

  if (!options->json)
    return;
  if (options->n_findings == 0)
    write_output (options, "]\n    }", 7);
  else
    write_output (options, tail, sizeof tail - 1);
}

typedef struct
{
  Options    *options;
  const char *file;
} Report;

static gboolean
report_finding_cb (RedlineFinding *finding,
                   gpointer        user_data)
{
  Report *report = user_data;
  Options *options = report->options;

  /* A reviewer's waiver takes a finding out of the exit status. */
  if (redline_finding_blocks (finding))
    options->errors_found = TRUE;
  if (redline_finding_get_waived (finding))
    options->n_waived++;
  if (options->json)
    {
      g_autofree char *json = redline_json_finding_to_string (finding);
      const char *line = json;
      const char *end;

      /* Each line indented to the depth of the findings array. */
      write_output (options, options->n_findings > 0 ? "," : "", options->n_findings > 0);
      do
        {
          end = strchr (line, '\n');
          if (end == NULL)
            end = line + strlen (line);
          write_output (options, "\n        ", 9);
          write_output (options, line, end - line);
          line = end + 1;
        }
      while (*end != '\0');
    }
  else
    print_finding (options, report->file, finding);
  options->n_findings++;
  /* Nothing more is checked once the output cannot be written. */
  return write_errno == 0;
}

/* Checks a document and writes its findings as they are found: one result. */
static void
report_document (Options               *options,
                 RedlineRuleSet        *rule_set,
                 const char            *file,
                 const RedlineDocument *document,
                 RedlineEcosystem       ecosystem,
                 RedlineContentKind     kind)
{
  Report report = { options, file };

  if (write_errno != 0)
    return;
  begin_result (options, file, ecosystem, redline_content_kind_to_string (kind),
                redline_content_kind_purpose (kind, document->purpose));
  redline_rule_set_check_stream (rule_set, document, ecosystem, kind, report_finding_cb,
                                 &report);
  end_result (options);
}

/* A project's item, checked already: one result with its findings. */
static void
report_findings (Options          *options,
                 const char       *name,
                 RedlineEcosystem  ecosystem,
                 const char       *kind,
                 RedlinePurpose    purpose,
                 GListModel       *findings)
{
  Report report = { options, name };

  begin_result (options, name, ecosystem, kind, purpose);
  for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, f);

      if (!report_finding_cb (finding, &report))
        break;
    }
  end_result (options);
}

/* The link each QR code of a project encodes, with its source parameter:
 * one result per code (and ecosystem), named PROJECT#qr-ID, of kind
 * "qr-code". */
static void
check_qr_codes (Options        *options,
                RedlineProject *project,
                const char     *path)
{
  GListModel *codes = redline_project_get_qr_codes (project);
  RedlineRuleSet *rule_set = redline_context_get_rule_set (options->context);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(RedlineQrCode) code = g_list_model_get_item (codes, i);
      g_autofree char *name = g_strdup_printf ("%s#qr-%" G_GINT64_FORMAT, path,
                                               redline_qr_code_get_id (code));
      RedlineEcosystem own = redline_project_get_qr_code_ecosystem (project, code);
      guint n_ecosystems = options->ecosystem == NULL ? 1 : options->n_ecosystems;

      for (guint e = 0; e < n_ecosystems && write_errno == 0; e++)
        {
          RedlineEcosystem ecosystem = options->ecosystem == NULL ? own
                                                                  : options->ecosystems[e];
          g_autoptr(GListModel) findings = redline_project_check_qr_code (project, rule_set, code,
                                                                          ecosystem);

          report_findings (options, name, ecosystem, "qr-code", REDLINE_PURPOSE_NOTICE, findings);
        }
    }
}

/* An account's automatic replies and menu items: one result each, named
 * PROJECT#reply-ID (kind "auto-reply") and PROJECT#menu-ID (kind "menu"),
 * with the platform's limits on them. An account is on one ecosystem and
 * nothing of it crosses over: they are checked there, whatever --ecosystem
 * says. */
static void
check_account_content (Options        *options,
                       RedlineProject *project,
                       const char     *path)
{
  GListModel *replies = redline_project_get_auto_replies (project);
  GListModel *items = redline_project_get_menu_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (replies) && write_errno == 0; i++)
    {
      g_autoptr(RedlineAutoReply) reply = g_list_model_get_item (replies, i);
      g_autofree char *name = g_strdup_printf ("%s#reply-%" G_GINT64_FORMAT, path,
                                               redline_auto_reply_get_id (reply));
      g_autoptr(GListModel) findings = redline_context_check_auto_reply (options->context, reply);

      report_findings (options, name, redline_auto_reply_get_ecosystem (reply),
                       redline_content_kind_to_string (REDLINE_CONTENT_KIND_AUTO_REPLY),
                       REDLINE_PURPOSE_ADVERTISING, findings);
    }
  for (guint i = 0; i < g_list_model_get_n_items (items) && write_errno == 0; i++)
    {
      g_autoptr(RedlineMenuItem) item = g_list_model_get_item (items, i);
      g_autofree char *name = g_strdup_printf ("%s#menu-%" G_GINT64_FORMAT, path,
                                               redline_menu_item_get_id (item));
      g_autoptr(GListModel) findings = redline_context_check_menu_item (options->context, item);

      report_findings (options, name, redline_menu_item_get_ecosystem (item),
                       redline_content_kind_to_string (REDLINE_CONTENT_KIND_MENU),
                       REDLINE_PURPOSE_ADVERTISING, findings);
    }
}

/* A project file: every post is checked with its campaign's ecosystem
 * (unless --ecosystem says otherwise) and its own content kind, with the
 * project's allowlist and terms. */
static void
check_project (Options    *options,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RedlineProject) project = NULL;
  RedlineRuleSet *rule_set;
  GListModel *posts;
  guint waived_before = options->n_waived;

  project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  if (project == NULL)
    {
      print_error (error->message);
      options->bad_input = TRUE;
      return;
    }
  /* The findings are still worth having; the history is not. */
  if (!redline_project_verify_audit (project, NULL, &error))
    {
      g_printerr (_("redline-check: warning: %s\n"), error->message);
      g_clear_error (&error);
    }
  redline_context_set_project (options->context, project);
  rule_set = redline_context_get_rule_set (options->context);
  if (rule_set == NULL)
    {
      print_error (redline_context_get_rule_set_error (options->context)->message);
      options->bad_input = TRUE;
      return;
    }

  posts = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autofree char *name = g_strdup_printf ("%s#post-%" G_GINT64_FORMAT, path,
                                               redline_post_get_id (post));
      RedlineContentKind kind = redline_post_get_kind (post);
      RedlineEcosystem own = redline_project_get_post_ecosystem (project, post);
      guint n_ecosystems = options->ecosystem == NULL ? 1 : options->n_ecosystems;

      for (guint e = 0; e < n_ecosystems; e++)
        {
          RedlineEcosystem ecosystem = options->ecosystem == NULL ? own
                                                                  : options->ecosystems[e];

          g_autoptr(GListModel) findings = NULL;

          if (write_errno != 0)
            break;
          /* A post is small: checked whole, with the project's waivers,
           * then its place in the plan (on its own ecosystem). */
          findings = redline_context_check_post (options->context, post, ecosystem);
          report_findings (options, name, ecosystem, redline_content_kind_to_string (kind),
                           redline_content_kind_purpose (kind, redline_post_get_purpose (post)),
                           findings);
        }
    }
  check_qr_codes (options, project, path);
  check_account_content (options, project, path);
  if (options->report != NULL)
    {
      g_autoptr(GFile) report = g_file_new_for_commandline_arg (options->report);

      if (!redline_report_write (project, rule_set, 0, options->report_format, report, &error))
        {
          print_error (error->message);
          options->bad_input = TRUE;
        }
      else
        options->n_reports++;
    }
  if (options->plan != NULL)
    {
      g_autoptr(GFile) plan = g_file_new_for_commandline_arg (options->plan);
      RedlineContext *context = options->context;
      g_autoptr(GError) plan_error = NULL;

      if (!redline_plan_export_write (redline_context_get_planner (context),
                                      options->no_key_dates ? NULL
                                                            : redline_context_get_calendar (context),
                                      options->plan_format, plan, &plan_error))
        {
          print_error (plan_error->message);
          options->bad_input = TRUE;
        }
      else
        options->n_plans++;
    }
  if (options->n_waived > waived_before)
    {
      guint n = options->n_waived - waived_before;

      /* On stderr: the output formats stay as documented. */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "redline-check: %s: %u finding is waived by a reviewer and "
                               "does not count as an error\n",
                               "redline-check: %s: %u findings are waived by a reviewer and "
                               "do not count as errors\n", n), path, n);
    }
}

/* Reads an input once: its first bytes and its name tell a project file
 * from text, and text goes on from those same bytes, so a pipe loses
 * nothing. A project file must be a regular file; it alone is opened again,
 * by the project code. */
static void
check_input (Options    *options,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(Buffer) head = { NULL, 0, 0 };
  g_autofree char *text = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  const char *data = NULL;
  const char *display_name = g_str_equal (path, "-") ? "<stdin>" : path;
  Input input = { NULL, NULL, -1, FALSE, 0 };
  InputKind kind = INPUT_TEXT;
  gboolean at_end = FALSE;
  gsize length = 0;

  if (!input_open (&input, path, display_name, &error))
    {
      print_error (error->message);
      options->bad_input = TRUE;
      return;
    }
  /* A small regular file is read into one allocation of its size; a large
   * one is mapped below. */
  buffer_reserve (&head, input.regular && input.size < (goffset) MAP_MIN_BYTES
                         ? (gsize) input.size + 1 : SNIFF_BYTES);
  if (read_some (&input, &head, SNIFF_BYTES, &at_end, &error))
    {
      kind = sniff_input (&input, &head);
      if (kind == INPUT_FOREIGN_DATABASE)
        g_set_error (&error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                     _("%s: a SQLite database, but not a Redline project file (another "
                       "application made it)"), display_name);
      else if (kind == INPUT_PROJECT && (!input.regular || g_str_equal (path, "-")))
        g_set_error (&error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                     _("%s: not a Redline project file: a project is read from a regular "
                       "file named on the command line, not from standard input, a pipe "
                       "or a device"), display_name);
      else if (kind == INPUT_TEXT && input.regular && input.size > (goffset) MAX_TEXT_INPUT)
        set_too_large_error (&error, display_name);
      else if (kind == INPUT_TEXT && !at_end && input.regular &&
               input.size >= (goffset) MAP_MIN_BYTES &&
               (mapped = map_text (&input, head.len, &error)) != NULL)
        {
          length = g_mapped_file_get_length (mapped);
          data = g_mapped_file_get_contents (mapped);
        }
      else if (kind == INPUT_TEXT && error == NULL)
        data = text = read_text (&input, &head, at_end, &length, &error);
    }
  input_close (&input);

  if (error != NULL)
    {
      print_error (error->message);
      options->bad_input = TRUE;
      return;
    }
  if (kind == INPUT_PROJECT)
    {
      check_project (options, path);
      return;
    }

  if (mapped != NULL)
    watch_mapped_file (display_name);
  if (!redline_text_validate (data, length, display_name, &error))
    {
      unwatch_mapped_file ();
      print_error (error->message);
      options->bad_input = TRUE;
      return;
    }

  /* Text is checked with the packs alone, not a project's settings. */
  redline_context_set_project (options->context, NULL);
  for (guint e = 0; e < options->n_ecosystems; e++)
    {
      RedlineDocument document = { { NULL } };

      /* A mapped file has no NUL after it: its length says where it ends. */
      document.fields[REDLINE_FIELD_BODY] = length > 0 ? data : "";
      document.lengths[REDLINE_FIELD_BODY] = length;
      document.purpose = options->content_purpose;
      /* Without --purpose, text is read as advertising, but a rule's hit
       * that nothing around it makes a claim of is a note only. */
      document.purpose_unknown = options->purpose == NULL;
      report_document (options, redline_context_get_rule_set (options->context), display_name,
                       &document,
                       options->ecosystems[e], options->content_kind);
    }
  unwatch_mapped_file ();
}

/* Flushes stdout: a finding that could not be written is an error, never a
 * silent pass. */
static gboolean
finish_output (Options *options)
{
  errno = 0;
  if (fflush (stdout) != 0 && write_errno == 0)
    write_errno = errno != 0 ? errno : EIO;
  if (ferror (stdout) && write_errno == 0)
    write_errno = EIO;
  if (write_errno == 0)
    return TRUE;

  g_printerr (_("<stdout>: cannot write the output: %s; check where standard output goes "
                "(a full disk, a closed pipe or file) and run again\n"),
              g_strerror (write_errno));
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  Options options = { 0 };
  int status;

  setlocale (LC_ALL, "");
  /* REDLINE_LOCALEDIR: translations installed elsewhere than the prefix
   * (a staged install, a relocated tree); see the man page. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("REDLINE_LOCALEDIR") != NULL
                                   ? g_getenv ("REDLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_handler);

  /* With stdout closed, the next file opened (an input, a project) would
   * take its place and receive the output. */
  if (fcntl (STDOUT_FILENO, F_GETFD) == -1)
    {
      write_errno = errno;
      finish_output (&options);
      return EXIT_BAD_INPUT;
    }

  if (!parse_options (&options, &argc, &argv) || !load_rules (&options))
    {
      options_clear (&options);
      return EXIT_BAD_INPUT;
    }

  if (options.list_rules)
    {
      list_rules (&options);
      status = finish_output (&options) ? EXIT_CLEAN : EXIT_BAD_INPUT;
      options_clear (&options);
      return status;
    }
  if (options.test_rules)
    {
      status = test_rules (&options) ? EXIT_CLEAN : EXIT_ERRORS_FOUND;
      if (!finish_output (&options))
        status = EXIT_BAD_INPUT;
      options_clear (&options);
      return status;
    }

  if (options.json)
    begin_json (&options);

  if (options.files == NULL || options.files[0] == NULL)
    check_input (&options, "-");
  else
    {
      for (guint i = 0; options.files[i] != NULL && write_errno == 0; i++)
        check_input (&options, options.files[i]);
    }

  if (options.json)
    end_json (&options);
  /* A report asked for and not written: the input was no project. */
  if (options.report != NULL && options.n_reports == 0 && !options.bad_input)
    {
      print_usage_error (_("--report needs a project file; the input is text"));
      options.bad_input = TRUE;
    }

  if (options.plan != NULL && options.n_plans == 0 && !options.bad_input)
    {
      print_usage_error (_("--plan needs a project file; the input is text"));
      options.bad_input = TRUE;
    }

  status = !finish_output (&options) ? EXIT_BAD_INPUT
         : options.bad_input ? EXIT_BAD_INPUT
         : options.errors_found ? EXIT_ERRORS_FOUND
         : EXIT_CLEAN;
  options_clear (&options);
  return status;
}
