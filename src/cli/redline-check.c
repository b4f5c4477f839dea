/* redline-check.c: check ad copy from the shell, for batch use and CI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-check"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redline-core.h"
#include "redline-report.h"
#include "redline-check-input.h"
#include "redline-check-report.h"

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

      if (!check_report_write (project, rule_set, options->report_format, report, &error))
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

/* Checks one input: a project file, or text. */
static void
check_input (Options    *options,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(CheckInput) input = { 0 };
  const char *display_name = g_str_equal (path, "-") ? "<stdin>" : path;

  if (!check_input_read (&input, path, display_name, &error))
    {
      print_error (error->message);
      options->bad_input = TRUE;
      return;
    }
  if (input.kind == CHECK_INPUT_PROJECT)
    {
      check_project (options, path);
      return;
    }

  check_input_watch (&input, display_name);
  if (!redline_text_validate (input.data, input.length, display_name, &error))
    {
      check_input_unwatch ();
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
      document.fields[REDLINE_FIELD_BODY] = input.data;
      document.lengths[REDLINE_FIELD_BODY] = input.length;
      document.purpose = options->content_purpose;
      /* Without --purpose, text is read as advertising, but a rule's hit
       * that nothing around it makes a claim of is a note only. */
      document.purpose_unknown = options->purpose == NULL;
      report_document (options, redline_context_get_rule_set (options->context), display_name,
                       &document,
                       options->ecosystems[e], options->content_kind);
    }
  check_input_unwatch ();
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
