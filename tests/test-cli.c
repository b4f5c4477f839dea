/* test-cli.c: redline-check's contract: exit statuses, text and JSON output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "redline-core.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs redline-check with @args (NULL-terminated) and @input on stdin. */
static void
run_check (Run                *run,
           const char         *input,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("REDLINE_CHECK");
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Without input, stdin is empty: a process that exits before reading it
   * (a refused pack) must not make the write fail. */
  launcher = g_subprocess_launcher_new (input != NULL ? flags | G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                      : flags);
  if (input == NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("status %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static JsonObject *
parse_json (const char  *text,
            JsonParser **parser_out)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_acceptance_weixin (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *result, *finding;
  JsonArray *results, *findings;
  const char * const args[] = { "--format=json", "--ecosystem=weixin", NULL };

  run_check (&run, "本店咖啡采用最佳阿拉比卡豆", args);
  g_assert_cmpint (run.status, ==, 1);
  root = parse_json (run.out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  results = json_object_get_array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  result = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "file"), ==, "<stdin>");
  g_assert_cmpstr (json_object_get_string_member (result, "ecosystem"), ==, "weixin");
  g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "article");
  findings = json_object_get_array_member (result, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 1);
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "category"), ==, "absolute-term");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (finding, "end"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (finding, "column"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "最佳");
  g_assert_true (json_object_has_member (finding, "rule"));
  g_assert_true (json_object_has_member (finding, "message"));
  g_assert_true (json_object_has_member (finding, "reference"));
  g_assert_true (json_object_get_array_member (finding, "suggestions") != NULL);
}

static void
test_acceptance_wechat (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *result;
  JsonArray *findings;
  const char * const args[] = { "--format=json", "--ecosystem=wechat", NULL };

  run_check (&run, "本店咖啡采用最佳阿拉比卡豆", args);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out, &parser);
  result = json_array_get_object_element (json_object_get_array_member (root, "results"), 0);
  findings = json_object_get_array_member (result, "findings");
  /* The same 最佳 as on Weixin, reported for information only. */
  g_assert_cmpstr (json_object_get_string_member (result, "ecosystem"), ==, "wechat");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *severity = json_object_get_string_member (finding, "severity");

      g_assert_cmpstr (severity, ==, "info");
      g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==,
                       "ad-law.absolute.zui");
      g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (finding, "other"), "severity"), ==,
                       "error");
    }
}

static void
test_clean_and_evasions (void)
{
  const char * const both[] = { "--ecosystem=both", NULL };
  const char * const weixin[] = { "--ecosystem=weixin", NULL };
  g_auto(Run) clean = { 0 };
  g_auto(Run) spaced = { 0 };
  g_auto(Run) wide = { 0 };

  run_check (&clean, "最近天气转凉", both);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");

  run_check (&spaced, "本店采用最 佳咖啡豆", weixin);
  g_assert_cmpint (spaced.status, ==, 1);
  g_assert_true (g_str_has_prefix (spaced.out, "<stdin>:1:5: error: [weixin] "));

  run_check (&wide, "The ＢＥＳＴ beans", weixin);
  g_assert_cmpint (wide.status, ==, 1);
  g_assert_true (g_str_has_prefix (wide.out, "<stdin>:1:"));
  g_assert_nonnull (strstr (wide.out, ": error: [weixin] "));
  g_assert_nonnull (strstr (wide.out, "ＢＥＳＴ"));
}

static void
test_both_ecosystems (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *path = data_path ("sample-post.txt");
  const char * const args[] = { "--format=json", path, path, NULL };
  JsonArray *results;

  run_check (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  results = json_object_get_array_member (parse_json (run.out, &parser), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "ecosystem"), ==, "weixin");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1),
                                                  "ecosystem"), ==, "wechat");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "file"), ==, path);
}

/* Editorial copy: the Advertising Law's hits are notes, its duties go, a
 * platform rule still fails the check; a paid placement stays an ad. */
static void
test_purpose (void)
{
  static const char input[] = "保健食品科普：这是最好的学习方式。\n";
  static const char gamble[] = "周末去澳门赌场\n";
  const char * const ad_args[] = { "--ecosystem=weixin", "--format=json", NULL };
  const char * const editorial_args[] = { "--ecosystem=weixin", "--format=json",
                                          "--purpose=editorial", NULL };
  const char * const paid_args[] = { "--ecosystem=weixin", "--format=json",
                                     "--purpose=editorial", "--kind=moments-ad", NULL };
  const char * const text_args[] = { "--ecosystem=weixin", "--purpose=notice",
                                     "--kind=group-message", NULL };
  g_auto(Run) ad = { 0 };
  g_auto(Run) editorial = { 0 };
  g_auto(Run) paid = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) platform = { 0 };
  g_autoptr(JsonParser) ad_parser = NULL;
  g_autoptr(JsonParser) editorial_parser = NULL;
  g_autoptr(JsonParser) paid_parser = NULL;
  JsonObject *result;
  JsonArray *findings;
  gboolean disclaimer = FALSE;

  run_check (&ad, input, ad_args);
  g_assert_cmpint (ad.status, ==, 1);
  result = json_array_get_object_element (
    json_object_get_array_member (parse_json (ad.out, &ad_parser), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "advertising");
  findings = json_object_get_array_member (result, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      g_assert_false (json_object_has_member (finding, "outside_purpose"));
      if (g_str_equal (json_object_get_string_member (finding, "category"), "disclaimer"))
        disclaimer = TRUE;
    }
  g_assert_true (disclaimer);

  run_check (&editorial, input, editorial_args);
  g_assert_cmpint (editorial.status, ==, 0);
  result = json_array_get_object_element (
    json_object_get_array_member (parse_json (editorial.out, &editorial_parser), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "editorial");
  findings = json_object_get_array_member (result, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  result = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "text"), ==, "最好");
  g_assert_cmpstr (json_object_get_string_member (result, "severity"), ==, "info");
  g_assert_true (json_object_get_boolean_member (result, "outside_purpose"));

  run_check (&paid, input, paid_args);
  g_assert_cmpint (paid.status, ==, 1);
  result = json_array_get_object_element (
    json_object_get_array_member (parse_json (paid.out, &paid_parser), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "advertising");

  run_check (&text, input, text_args);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "<stdin>:1:10: info: [weixin] "));
  g_assert_nonnull (strstr (text.out, "    a note only: the rule does not bind notice copy\n"));

  run_check (&platform, gamble, text_args);
  g_assert_cmpint (platform.status, ==, 1);
  g_assert_null (strstr (platform.out, "a note only"));
}

/* Text without --purpose: a superlative that reads as prose is a note;
 * stated advertising, or a paid placement, counts it in full. */
static void
test_context (void)
{
  static const char input[] = "这是最好的学习方式。\n";
  const char * const json_args[] = { "--ecosystem=weixin", "--format=json", NULL };
  const char * const text_args[] = { "--ecosystem=weixin", NULL };
  const char * const ad_args[] = { "--ecosystem=weixin", "--format=json",
                                   "--purpose=advertising", NULL };
  const char * const paid_args[] = { "--ecosystem=weixin", "--kind=moments-ad", NULL };
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) ad = { 0 };
  g_auto(Run) paid = { 0 };
  g_autoptr(JsonParser) json_parser = NULL;
  g_autoptr(JsonParser) ad_parser = NULL;
  JsonArray *findings;
  JsonObject *finding;

  run_check (&json, input, json_args);
  g_assert_cmpint (json.status, ==, 0);
  findings = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (parse_json (json.out, &json_parser), "results"), 0), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "最好");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "info");
  g_assert_true (json_object_get_boolean_member (finding, "outside_context"));
  g_assert_false (json_object_has_member (finding, "outside_purpose"));

  run_check (&text, input, text_args);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "<stdin>:1:3: info: [weixin] "));
  g_assert_nonnull (strstr (text.out, "    a note only: a sentence of prose, and nothing in its paragraph names what is offered; "
                                      "checked with --purpose advertising, it counts in full\n"));

  run_check (&ad, input, ad_args);
  g_assert_cmpint (ad.status, ==, 1);
  findings = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (parse_json (ad.out, &ad_parser), "results"), 0), "findings");
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
  g_assert_false (json_object_has_member (finding, "outside_context"));

  run_check (&paid, input, paid_args);
  g_assert_cmpint (paid.status, ==, 1);
  g_assert_null (strstr (paid.out, "a note only"));
}

static void
test_bad_input (void)
{
  static const struct {
    const char *file;
    const char *mentions;
  } cases[] = {
    { "invalid-utf8.txt", "invalid-utf8.txt:2:3: " },
    { "nul.txt", "nul.txt:1:3: " },
    { "does-not-exist.txt", "does-not-exist.txt: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *path = data_path (cases[i].file);
      const char * const args[] = { path, NULL };

      run_check (&run, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].mentions));
    }
}

static void
test_empty_input (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *path = data_path ("empty.txt");
  const char * const args[] = { "--format=json", path, NULL };
  JsonArray *results;

  run_check (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  results = json_object_get_array_member (parse_json (run.out, &parser), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
}

static void
test_usage_errors (void)
{
  static const char * const bad[][3] = {
    { "--ecosystem=mars", NULL },
    { "--kind=poster", NULL },
    { "--purpose=press", NULL },
    { "--format=xml", NULL },
    { "--no-builtin-rules", NULL },
    { "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_check (&run, NULL, bad[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "redline-check: "));
    }
}

static void
test_hostile_packs (void)
{
  static const char * const names[] = { "xxe.xml", "bomb.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *path = data_path (names[i]);
      g_autofree char *rules = g_strconcat ("--rules=", path, NULL);
      g_autofree char *location = g_strconcat (path, ":2:", NULL);
      const char * const args[] = { rules, NULL };

      run_check (&run, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, location));
      g_assert_cmpstr (run.out, ==, "");
      g_assert_null (strstr (run.err, "root:"));
      g_assert_null (strstr (run.err, "lollol"));
    }
}

static void
test_extra_pack (void)
{
  g_autofree char *path = data_path ("extra-pack.xml");
  g_autofree char *rules = g_strconcat ("--rules=", path, NULL);
  const char * const only[] = { rules, "--no-builtin-rules", "--ecosystem=wechat", NULL };
  const char * const list[] = { rules, "--list-rules", NULL };
  const char * const test[] = { rules, "--test-rules", NULL };
  g_auto(Run) checked = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) tested = { 0 };

  run_check (&checked, "摆上它就能招财，最佳", only);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_true (g_str_has_prefix (checked.out, "<stdin>:1:6: warning: [wechat] "));
  g_assert_null (strstr (checked.out, "最佳"));

  run_check (&listed, NULL, list);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "test.extra 2.1"));
  g_assert_nonnull (strstr (listed.out, "test.superstition"));

  run_check (&tested, NULL, test);
  g_assert_cmpint (tested.status, ==, 0);
  g_assert_nonnull (strstr (tested.out, " passed, 0 failed"));
}

static void
test_failing_examples (void)
{
  g_autofree char *path = data_path ("failing-example.xml");
  g_autofree char *rules = g_strconcat ("--rules=", path, NULL);
  const char * const args[] = { rules, "--no-builtin-rules", "--test-rules", NULL };
  g_auto(Run) run = { 0 };

  run_check (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "test.failing.rule"));
  g_assert_nonnull (strstr (run.out, "1 passed, 1 failed"));
}

static void
test_offsets_in_code_points (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  const char * const args[] = { "--format=json", "--ecosystem=weixin", NULL };
  JsonObject *finding;

  /* An emoji outside the BMP and a combining sequence before the term:
   * offsets count code points, not bytes or UTF-16 units. */
  run_check (&run, "😊e\u0301\n第二行：最佳", args);
  finding = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (parse_json (run.out, &parser), "results"), 0),
      "findings"), 0);
  g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (finding, "end"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (finding, "column"), ==, 5);
}

/* ---- Inputs: pipes, devices, project files -------------------------------- */

/* A process that has not finished by then is stopped and the test fails:
 * a hang must not stall the suite. */
#define INPUT_TIMEOUT_SECONDS 60

typedef struct
{
  GSubprocess *process;
  Run         *run;
  GError      *error;
  gboolean     done;
  gboolean     timed_out;
} Pending;

static void
on_communicated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pending *pending = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &pending->run->out,
                                        &pending->run->err, &pending->error);
  pending->done = TRUE;
}

static gboolean
on_input_timeout_cb (gpointer user_data)
{
  Pending *pending = user_data;

  pending->timed_out = TRUE;
  g_subprocess_force_exit (pending->process);
  return G_SOURCE_REMOVE;
}

/* Writes @input to the FIFO at @path once redline-check has opened it. */
static void
feed_fifo (const char *path,
           const char *input)
{
  gint64 deadline = g_get_monotonic_time () + INPUT_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  gsize length = strlen (input);
  int fd;

  /* Opening without a reader fails at once (ENXIO) instead of blocking. */
  while ((fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
    {
      g_assert_cmpint (errno, ==, ENXIO);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  g_assert_cmpint (write (fd, input, length), ==, (gssize) length);
  g_assert_no_errno (close (fd));
}

typedef enum
{
  FEED_STDIN,   /* on a pipe as standard input */
  FEED_FD,      /* on a pipe as descriptor 3, the file /dev/fd/3 */
  FEED_FIFO,    /* written to the FIFO named by the last argument */
} Feed;

/* Runs redline-check with @args and @input fed as @feed, or standard input
 * from @stdin_path when that is not NULL; fails the test if the process does
 * not finish in time. */
static void
run_fed (Run                *run,
         Feed                feed,
         const char         *input,
         const char         *stdin_path,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  Pending pending = { NULL, run, NULL, FALSE, FALSE };
  int fds[2] = { -1, -1 };
  guint timeout;

  g_ptr_array_add (argv, (gpointer) g_getenv ("REDLINE_CHECK"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (feed == FEED_STDIN && stdin_path == NULL
                                        ? flags | G_SUBPROCESS_FLAGS_STDIN_PIPE : flags);
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  else if (feed != FEED_STDIN)
    g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  if (feed == FEED_FD)
    {
      g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
      g_assert_no_error (error);
      g_subprocess_launcher_take_fd (launcher, fds[0], 3);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  pending.process = process;

  if (feed == FEED_FD)
    {
      g_assert_cmpint (write (fds[1], input, strlen (input)), ==, (gssize) strlen (input));
      g_assert_no_errno (close (fds[1]));
    }
  else if (feed == FEED_FIFO)
    feed_fifo (args[g_strv_length ((char **) args) - 1], input);

  timeout = g_timeout_add_seconds (INPUT_TIMEOUT_SECONDS, on_input_timeout_cb, &pending);
  g_subprocess_communicate_utf8_async (process, feed == FEED_STDIN && stdin_path == NULL
                                                ? input : NULL,
                                       NULL, on_communicated_cb, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  if (!pending.timed_out)
    g_source_remove (timeout);

  g_assert_no_error (pending.error);
  g_assert_false (pending.timed_out);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("status %d\nstdout: %.2000s\nstderr: %s", run->status, run->out, run->err);
}

/* The first finding of the first result of @run's JSON output. */
static JsonObject *
first_finding (Run         *run,
               JsonParser **parser)
{
  JsonObject *root = parse_json (run->out, parser);
  JsonArray *results = json_object_get_array_member (root, "results");
  JsonArray *findings;

  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  findings = json_object_get_array_member (json_array_get_object_element (results, 0),
                                           "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 1);
  return json_array_get_object_element (findings, 0);
}

typedef struct
{
  const char *name;
  Feed        feed;
  const char *file;   /* the FILE argument, or NULL */
} PipeCase;

static const PipeCase pipe_cases[] = {
  { "stdin", FEED_STDIN, NULL },
  { "dash", FEED_STDIN, "-" },
  { "dev-stdin", FEED_STDIN, "/dev/stdin" },
  { "dev-fd", FEED_FD, "/dev/fd/3" },
  { "fifo", FEED_FIFO, NULL },
};

/* Piped text is read once, from its first byte, whatever its length: a
 * short write that fits the project-file sniff and a long one, whose
 * finding must keep its place. */
static void
test_input_pipe (gconstpointer data)
{
  const PipeCase *pipe_case = data;
  g_autofree char *dir = NULL;
  g_autofree char *fifo = NULL;
  g_autoptr(GString) longer = g_string_new (NULL);
  const char *inputs[2];

  for (guint i = 0; i < 60; i++)
    g_string_append (longer, "普通");
  g_string_append (longer, "\n本店最佳咖啡");
  inputs[0] = "本店最佳咖啡";
  inputs[1] = longer->str;

  if (pipe_case->feed == FEED_FIFO)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("redline-cli-XXXXXX", &error);
      g_assert_no_error (error);
      fifo = g_build_filename (dir, "copy.txt", NULL);
      g_assert_no_errno (mkfifo (fifo, 0600));
    }

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(JsonParser) parser = NULL;
      const char *file = fifo != NULL ? fifo : pipe_case->file;
      const char * const args[] = { "--format=json", "--ecosystem=weixin", file, NULL };
      JsonObject *finding;

      run_fed (&run, pipe_case->feed, inputs[i], NULL, args);
      g_assert_cmpint (run.status, ==, 1);
      finding = first_finding (&run, &parser);
      g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "最佳");
      g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, i == 0 ? 2 : 123);
      g_assert_cmpint (json_object_get_int_member (finding, "end"), ==, i == 0 ? 4 : 125);
      g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, i == 0 ? 1 : 2);
      g_assert_cmpint (json_object_get_int_member (finding, "column"), ==, 3);
    }

  if (fifo != NULL)
    {
      g_assert_no_errno (g_unlink (fifo));
      g_assert_no_errno (g_rmdir (dir));
    }
}

/* An endless device is refused once the input passes its budget, naming
 * the input, instead of filling memory. */
static void
test_input_endless (void)
{
  const char * const as_file[] = { "/dev/zero", NULL };
  const char * const as_stdin[] = { NULL };
  const char * const as_pack[] = { "--rules=/dev/zero", NULL };
  g_auto(Run) file = { 0 };
  g_auto(Run) input = { 0 };
  g_auto(Run) pack = { 0 };

  run_fed (&file, FEED_STDIN, NULL, "/dev/null", as_file);
  g_assert_cmpint (file.status, ==, 2);
  g_assert_true (g_str_has_prefix (file.err, "/dev/zero: "));
  g_assert_nonnull (strstr (file.err, "too large"));
  g_assert_cmpstr (file.out, ==, "");

  run_fed (&input, FEED_STDIN, NULL, "/dev/zero", as_stdin);
  g_assert_cmpint (input.status, ==, 2);
  g_assert_true (g_str_has_prefix (input.err, "<stdin>: "));
  g_assert_nonnull (strstr (input.err, "too large"));

  run_fed (&pack, FEED_STDIN, NULL, "/dev/null", as_pack);
  g_assert_cmpint (pack.status, ==, 2);
  g_assert_true (g_str_has_prefix (pack.err, "/dev/zero: "));
  g_assert_nonnull (strstr (pack.err, "too large"));
}

/* A file named *.redline is a project file: one that is not a sound
 * project is refused as such, never read as (empty) text. */
static void
test_input_not_a_project (void)
{
  static const struct {
    const char *name;
    const char *contents;
  } cases[] = {
    { "empty.redline", "" },
    { "text.redline", "本店最佳咖啡" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *expected = g_strconcat (path, ": not a Redline project file", NULL);
      const char * const args[] = { path, NULL };

      g_file_set_contents (path, cases[i].contents, -1, &error);
      g_assert_no_error (error);
      run_fed (&run, FEED_STDIN, NULL, "/dev/null", args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, expected));
      g_assert_cmpstr (run.out, ==, "");
      g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (dir));
}

/* A SQLite database of another application is named for what it is, not
 * taken for a binary text file. */
static void
test_input_foreign_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *expected = g_strconcat (path, ": ", NULL);
  const char * const args[] = { path, NULL };
  g_auto(Run) run = { 0 };
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE t (x);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  run_fed (&run, FEED_STDIN, NULL, "/dev/null", args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_nonnull (strstr (run.err, "SQLite database"));
  g_assert_nonnull (strstr (run.err, "not a Redline project file"));
  g_assert_null (strstr (run.err, "NUL"));

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Runs redline-check on standard input redirected from @path, after
 * @skip bytes of it have been read by another program. */
static void
run_after_skip (Run        *run,
                const char *path,
                guint       skip)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command =
    g_strdup_printf ("dd bs=1 count=%u of=/dev/null 2>/dev/null; "
                     "exec \"$REDLINE_CHECK\" --ecosystem=weixin -", skip);

  g_subprocess_launcher_set_stdin_file_path (launcher, path);
  process = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", command, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Large files are mapped instead of read: a file that fills its last page
 * (nothing after it in memory), checked by name or as standard input, gives
 * what the same bytes through a pipe give, up to its last byte; a bad byte
 * at its very end is found where it is; and standard input that another
 * program has begun to read is checked from where it stands. */
static void
test_input_mapped (void)
{
  static const char * const endings[] = { "最佳", "最\xff", "最佳\0" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.txt", NULL);
  const gsize size = 4 * 1024 * 1024;

  g_assert_no_error (error);
  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      const char *ending = endings[e];
      gsize ending_len = e == 2 ? strlen (ending) + 1 : strlen (ending);
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(Run) named = { 0 };
      g_auto(Run) piped = { 0 };
      g_auto(Run) redirected = { 0 };
      g_auto(Run) skipped = { 0 };
      g_auto(Run) skipped_piped = { 0 };
      const char * const named_args[] = { "--ecosystem=weixin", path, NULL };
      const char * const stdin_args[] = { "--ecosystem=weixin", "-", NULL };
      g_autofree char *last = NULL;
      guint n_lines = 1;

      while (text->len + 64 < size)
        {
          /* A finding now and then: enough to compare, little to print. */
          g_string_append_printf (text, "第%u行：普通的文字，%s plain text\n", n_lines,
                                  n_lines % 4096 == 0 ? "最佳" : "上佳");
          n_lines++;
        }
      while (text->len + ending_len < size)
        g_string_append_c (text, 'x');
      g_string_append_len (text, ending, ending_len);
      g_assert_cmpuint (text->len, ==, size);
      g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
      g_assert_no_error (error);

      run_check (&named, NULL, named_args);
      run_fed (&redirected, FEED_STDIN, NULL, path, stdin_args);
      if (e < 2)
        {
          /* A pipe carries no NUL through run_check(): the NUL case is
           * compared with the redirected file alone. */
          run_check (&piped, text->str, stdin_args);
          g_assert_cmpint (piped.status, ==, named.status);
          g_assert_cmpstr (piped.out, ==, redirected.out);
          g_assert_cmpstr (piped.err, ==, redirected.err);
        }
      g_assert_cmpint (redirected.status, ==, named.status);
      {
        g_autoptr(GString) renamed = g_string_new (named.out);
        g_autoptr(GString) renamed_err = g_string_new (named.err);

        g_string_replace (renamed, path, "<stdin>", 0);
        g_string_replace (renamed_err, path, "<stdin>", 0);
        g_assert_cmpstr (renamed->str, ==, redirected.out);
        g_assert_cmpstr (renamed_err->str, ==, redirected.err);
      }

      /* Where the ending is; the bad byte is @e characters into it. */
      last = g_strdup_printf ("%s:%u:%u: ", path, n_lines,
                              (guint) (size - ending_len - (strrchr (text->str, '\n') + 1 -
                                                            text->str)) + 1 + e);
      if (e == 0)
        {
          g_autofree char *finding = g_strconcat (last, "error: [weixin] ", NULL);
          const char *at = strstr (named.out, finding);

          g_assert_cmpint (named.status, ==, 1);
          g_assert_nonnull (at);
          g_assert_nonnull (strstr (at, "[ad-law.absolute.zui]"));
        }
      else
        {
          g_assert_cmpint (named.status, ==, 2);
          g_assert_cmpstr (named.out, ==, "");
          g_assert_true (g_str_has_prefix (named.err, last));
          g_assert_nonnull (strstr (named.err, e == 1 ? "UTF-8" : "NUL"));
        }

      /* 最 is three bytes: skipping them leaves 佳 at the start. */
      if (e == 0)
        {
          run_after_skip (&skipped, path, 3);
          run_check (&skipped_piped, text->str + 3, stdin_args);
          g_assert_cmpint (skipped.status, ==, 1);
          g_assert_cmpstr (skipped.out, ==, skipped_piped.out);
          g_assert_cmpstr (skipped.out, !=, redirected.out);
        }
    }
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
add_input_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pipe_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/redline/cli/input/pipe/%s", pipe_cases[i].name);

      g_test_add_data_func (path, &pipe_cases[i], test_input_pipe);
    }
  g_test_add_func ("/redline/cli/input/endless", test_input_endless);
  g_test_add_func ("/redline/cli/input/not-a-project", test_input_not_a_project);
  g_test_add_func ("/redline/cli/input/foreign-database", test_input_foreign_database);
  g_test_add_func ("/redline/cli/input/mapped", test_input_mapped);
}

/* ---- Output: streamed findings and write errors ------------------------- */

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample", name, NULL);
}

/* The JSON document the whole-model API gives, as redline-check wrote it
 * before it streamed its findings. */
static char *
expected_json (RedlineRuleSet     *set,
               const char * const *files,
               const char * const *texts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; files[i] != NULL; i++)
    {
      for (RedlineEcosystem e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
        {
          /* Text without --purpose: advertising, unless it reads as prose. */
          RedlineDocument document = { .fields[REDLINE_FIELD_BODY] = texts[i],
                                       .purpose_unknown = TRUE };
          g_autoptr(GListModel) findings =
            redline_rule_set_check (set, &document, e, REDLINE_CONTENT_KIND_ARTICLE);

          redline_json_add_result (builder, files[i], e, REDLINE_CONTENT_KIND_ARTICLE,
                                   REDLINE_PURPOSE_ADVERTISING, findings);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  return g_strconcat (json, "\n", NULL);
}

static void
test_streamed_json_sample (void)
{
  g_autofree char *en = sample_path ("lumi-autumn-en.txt");
  g_autofree char *zh = sample_path ("lumi-autumn-zh.txt");
  g_autofree char *en_text = NULL;
  g_autofree char *zh_text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "sample-copy.txt", NULL);
  g_autoptr(GString) big_text = g_string_new (NULL);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;
  JsonArray *results;
  guint n_findings = 0;

  g_assert_true (g_file_get_contents (en, &en_text, NULL, &error));
  g_assert_true (g_file_get_contents (zh, &zh_text, NULL, &error));
  /* Long enough to be checked in pieces. */
  while (big_text->len < 800 * 1024)
    {
      g_string_append (big_text, zh_text);
      g_string_append (big_text, en_text);
    }
  g_assert_true (g_file_set_contents (big, big_text->str, big_text->len, &error));

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  expected = expected_json (set, (const char * const[]) { en, zh, big, NULL },
                            (const char * const[]) { en_text, zh_text, big_text->str, NULL });

  /* Not run_check(): its log of stdout would be as long as the output. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, g_getenv ("REDLINE_CHECK"), "--format=json", en, zh, big,
                              NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (strlen (out), ==, strlen (expected));
  g_assert_true (strcmp (out, expected) == 0);

  root = parse_json (out, &parser);
  results = json_object_get_array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      n_findings += json_array_get_length (json_object_get_array_member (result, "findings"));
    }
  g_assert_cmpuint (n_findings, >, 10000);
  g_unlink (big);
  g_rmdir (dir);
}

/* Runs redline-check through the shell, so that stdout can be redirected
 * or closed; returns the exit status, with stderr in @err. */
static int
run_shell (const char  *setup,
           const char  *redirect,
           const char  *input_path,
           const char  *args,
           char       **err)
{
  g_autofree char *command = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  command = g_strdup_printf ("%s exec \"$REDLINE_CHECK\" %s %s %s", setup, args,
                             input_path != NULL ? input_path : "", redirect);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDIN_INHERIT,
                              &error, "/bin/sh", "-c", command, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_test_message ("%s: status %d, stderr: %s", command,
                  g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                       : -1, *err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_stdout_errors (void)
{
  g_autofree char *zh = sample_path ("lumi-autumn-zh.txt");
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", NULL);
  g_autofree char *many = g_build_filename (dir, "many.txt", NULL);
  g_autofree char *many_before = NULL;
  g_autofree char *many_after = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  static const char * const args[] = {
    "", "--format=json", "--list-rules", "--test-rules",
  };

  while (text->len < 256 * 1024)
    g_string_append (text, "本店最佳咖啡\n");
  g_assert_true (g_file_set_contents (many, text->str, text->len, &error));

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      g_unlink (many);
      g_rmdir (dir);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      for (guint input = 0; input < 2; input++)
        {
          g_autofree char *err = NULL;
          int status = run_shell ("", ">/dev/full", input == 0 ? zh : many, args[i], &err);

          /* A small output fails on the last flush, a large one on the way. */
          g_assert_cmpint (status, ==, 2);
          g_assert_nonnull (strstr (err, "<stdout>: cannot write the output: "));
          g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
        }
    }

  /* A closed stdout: no output can be written, and none may end up in a
   * file opened later in its place. */
  g_assert_true (g_file_get_contents (many, &many_before, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_autofree char *err = NULL;
      int status = run_shell ("", ">&-", many, args[i], &err);

      g_assert_cmpint (status, ==, 2);
      g_assert_nonnull (strstr (err, "<stdout>: cannot write the output: "));
    }
  g_assert_true (g_file_get_contents (many, &many_after, NULL, NULL));
  g_assert_cmpstr (many_after, ==, many_before);
  g_unlink (many);
  g_rmdir (dir);
}

/* Findings are written as they are found: 1 MB of 最佳 lines, about 300,000
 * findings per ecosystem, is checked in a bounded address space. */
static void
test_streamed_memory (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("address space limits do not work with AddressSanitizer");
#else
  g_autofree char *dir = g_dir_make_tmp ("redline-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zuijia.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (text->len < 1024 * 1024)
    g_string_append (text, "最佳\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *err = NULL;
      /* 768 MB of address space: before, the JSON took over 2 GB. */
      int status = run_shell ("ulimit -v 786432;", ">/dev/null", path,
                              i == 0 ? "--format=json" : "--format=text", &err);

      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (err, ==, "");
    }
  g_unlink (path);
  g_rmdir (dir);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* redline-check may exit (a bad pack) before reading the input we send. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/redline/cli/acceptance-weixin", test_acceptance_weixin);
  g_test_add_func ("/redline/cli/acceptance-wechat", test_acceptance_wechat);
  g_test_add_func ("/redline/cli/clean-and-evasions", test_clean_and_evasions);
  g_test_add_func ("/redline/cli/both-ecosystems", test_both_ecosystems);
  g_test_add_func ("/redline/cli/purpose", test_purpose);
  g_test_add_func ("/redline/cli/context", test_context);
  g_test_add_func ("/redline/cli/bad-input", test_bad_input);
  g_test_add_func ("/redline/cli/empty-input", test_empty_input);
  g_test_add_func ("/redline/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/redline/cli/hostile-packs", test_hostile_packs);
  g_test_add_func ("/redline/cli/extra-pack", test_extra_pack);
  g_test_add_func ("/redline/cli/failing-examples", test_failing_examples);
  g_test_add_func ("/redline/cli/offsets-in-code-points", test_offsets_in_code_points);
  add_input_tests ();
  g_test_add_func ("/redline/cli/streamed-json-sample", test_streamed_json_sample);
  g_test_add_func ("/redline/cli/stdout-errors", test_stdout_errors);
  g_test_add_func ("/redline/cli/streamed-memory", test_streamed_memory);

  return g_test_run ();
}
