/* test-window.c: the main window, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <string.h>

#include "redline-campaign-dialog.h"
#include "redline-field-view.h"
#include "redline-finding-row.h"
#include "redline-history-window.h"
#include "redline-test-util.h"
#include "redline-post-editor.h"
#include "redline-post-table.h"
#include "redline-auto-reply-dialog.h"
#include "redline-menu-item-dialog.h"
#include "redline-qr-code-dialog.h"
#include "redline-schedule-button.h"
#include "redline-window.h"

typedef struct
{
  char          *dir;
  GFile         *file;
  RedlineWindow *window;
} Fixture;

/* Runs the main loop until @done says so, or fails after @seconds (ten
 * times as long under valgrind). */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer data,
            double   seconds)
{
  gint64 deadline = g_get_monotonic_time () +
                    (gint64) (seconds * G_USEC_PER_SEC * (redline_test_slow_runner () ? 10 : 1));

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
copy_sample (Fixture *fixture)
{
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("REDLINE_SAMPLE_PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("redline-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "lumi-cafe.redline", NULL);
  fixture->file = g_file_new_for_path (path);
  g_file_copy (sample, fixture->file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  copy_sample (fixture);
  fixture->window = g_object_ref_sink (redline_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (redline_window_open_file (fixture->window, fixture->file));
  spin (0.2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *journal = NULL;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  spin (0.05);
  g_file_delete (fixture->file, NULL, NULL);
  journal = g_strconcat (g_file_peek_path (fixture->file), "-journal", NULL);
  g_unlink (journal);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static RedlinePost *
find_post (RedlineWindow *window,
           const char    *title)
{
  RedlineProject *project = redline_context_get_project (redline_window_get_context (window));
  GListModel *posts = redline_project_get_posts (project);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);

      if (g_strcmp0 (redline_post_get_title (post), title) == 0)
        return post;
    }
  g_assert_not_reached ();
}

static RedlinePostEditor *
get_editor (Fixture *fixture)
{
  return REDLINE_POST_EDITOR (redline_window_get_editor (fixture->window));
}

static GtkTextBuffer *
get_buffer (Fixture      *fixture,
            RedlineField  field)
{
  GtkWidget *view = redline_post_editor_get_field_view (get_editor (fixture), field);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

/* The project as stored: the file read back by a second connection. */
static RedlineProject *
reopen_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RedlineProject *project =
    redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  return project;
}

/* What a user types: one character at a time at the end of the body. */
static void
type_at_end (GtkTextBuffer *buffer,
             const char    *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
      gtk_text_buffer_end_user_action (buffer);
      g_main_context_iteration (NULL, FALSE);
    }
}

static RedlineFinding *
find_finding (RedlinePostEditor *editor,
              const char        *rule_id,
              RedlineField       field)
{
  GListModel *findings = redline_post_editor_get_findings (editor);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (finding), rule_id) &&
          redline_finding_get_field (finding) == field)
        return finding;
    }
  return NULL;
}

typedef struct
{
  RedlinePostEditor *editor;
  const char        *rule_id;
} FindingWait;

static gboolean
finding_listed (gpointer data)
{
  FindingWait *wait = data;

  return find_finding (wait->editor, wait->rule_id, REDLINE_FIELD_BODY) != NULL;
}

/* Whether the text at @offset of @buffer is underlined with @style. */
static gboolean
has_underline_style_at (GtkTextBuffer  *buffer,
                        int             offset,
                        PangoUnderline  style)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;
  gboolean found = FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      PangoUnderline underline;
      gboolean set;

      g_object_get (l->data, "underline", &underline, "underline-set", &set, NULL);
      found |= set && underline == style;
    }
  return found;
}

/* Whether the text at @offset is drawn as an error or a warning. */
static gboolean
has_underline_at (GtkTextBuffer *buffer,
                  int            offset)
{
  return has_underline_style_at (buffer, offset, PANGO_UNDERLINE_ERROR);
}

static gboolean
nothing_unsaved (gpointer data)
{
  return redline_post_editor_get_n_unsaved (data) == 0;
}

/* The title's superlative is reported outside the post's purpose. */
static gboolean
title_finding_is_note (gpointer data)
{
  RedlineFinding *finding = find_finding (data, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);

  return finding != NULL && redline_finding_get_outside_purpose (finding);
}

static void
test_window_open_sample (Fixture       *fixture,
                         gconstpointer  data)
{
  RedlineCheckIndex *index = redline_window_get_index (fixture->window);
  RedlinePostTable *table = REDLINE_POST_TABLE (redline_window_get_post_table (fixture->window));
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  GListModel *campaigns = redline_project_get_campaigns (project);
  RedlineCampaignTotals totals;
  g_autoptr(RedlineCampaign) weixin = g_list_model_get_item (campaigns, 0);

  g_assert_true (g_file_equal (redline_window_get_file (fixture->window), fixture->file));
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);

  /* The first campaign (Weixin) is selected, with its posts listed and one
   * of them in the editor. */
  g_assert_cmpint (redline_campaign_get_ecosystem (weixin), ==, REDLINE_ECOSYSTEM_WEIXIN);
  redline_check_index_run (index, 0);
  redline_check_index_get_campaign_totals (index, redline_campaign_get_id (weixin), &totals);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, totals.posts);
  g_assert_cmpuint (totals.posts, >, 0);
  g_assert_cmpuint (totals.checked, ==, totals.posts);
  /* The sample's Weixin campaign has posts with absolute terms in them. */
  g_assert_cmpuint (totals.errors, >, 0);
  g_assert_nonnull (redline_post_editor_get_post (get_editor (fixture)));
}

static void
test_window_type_banned_term (Fixture       *fixture,
                              gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "桂花拿铁回来了");
  GtkTextBuffer *body;
  FindingWait wait = { editor, "ad-law.absolute.zui" };
  RedlineFinding *finding;
  GtkTextIter from, to;
  g_autofree char *text = NULL;
  int before, start, end;

  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_true (redline_post_editor_get_post (editor) == post);
  spin (0.3);
  /* The sample's "最佳赏味期" is a usage tip, which the law allows. */
  g_assert_null (find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_BODY));

  body = get_buffer (fixture, REDLINE_FIELD_BODY);
  before = gtk_text_buffer_get_char_count (body);
  type_at_end (body, "全城最佳");
  wait_until (finding_listed, &wait, 5);

  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_BODY);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  /* The finding is in what was typed ("全城最" is how the absolute-term rule
   * reads it). */
  start = redline_finding_get_start (finding);
  end = redline_finding_get_end (finding);
  g_assert_cmpint (start, >=, before);
  g_assert_cmpint (end, >, start);
  g_assert_cmpint (end, <=, before + 4);
  gtk_text_buffer_get_iter_at_offset (body, &from, start);
  gtk_text_buffer_get_iter_at_offset (body, &to, end);
  text = gtk_text_buffer_get_text (body, &from, &to, FALSE);
  g_assert_cmpstr (text, ==, redline_finding_get_text (finding));
  g_assert_nonnull (strstr (text, "最"));
  /* Drawn over exactly those characters. */
  for (int i = start; i < end; i++)
    g_assert_true (has_underline_at (body, i));
  g_assert_false (has_underline_at (body, start - 1));
  g_assert_false (has_underline_at (body, end));
  /* The post itself follows the typing at once. */
  g_assert_true (g_str_has_suffix (redline_post_get_body (post), "全城最佳"));
}

static void
test_window_apply_suggestion (Fixture       *fixture,
                              gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "全城最佳的秋日咖啡");
  RedlineFinding *finding;
  const char * const *suggestions;
  g_autofree char *expected = NULL;
  g_autofree char *replacement = NULL;
  g_autoptr(RedlineProject) reopened = NULL;
  GtkTextBuffer *title;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert_true (redline_window_select_post (fixture->window, post));
  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);
  g_assert_nonnull (finding);
  suggestions = redline_finding_get_suggestions (finding);
  g_assert_nonnull (suggestions);
  g_assert_nonnull (suggestions[0]);
  replacement = g_strdup (suggestions[0]);
  {
    const char *old = "全城最佳的秋日咖啡";
    const char *from = g_utf8_offset_to_pointer (old, redline_finding_get_start (finding));
    const char *to = g_utf8_offset_to_pointer (old, redline_finding_get_end (finding));

    expected = g_strdup_printf ("%.*s%s%s", (int) (from - old), old, replacement, to);
  }

  g_assert_true (redline_post_editor_apply_suggestion (editor, finding, replacement));
  title = get_buffer (fixture, REDLINE_FIELD_TITLE);
  gtk_text_buffer_get_bounds (title, &start, &end);
  text = gtk_text_buffer_get_text (title, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE));

  /* One undo step brings the old title back. */
  g_assert_true (gtk_text_buffer_get_can_undo (title));
  gtk_text_buffer_undo (title);
  g_free (text);
  gtk_text_buffer_get_bounds (title, &start, &end);
  text = gtk_text_buffer_get_text (title, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "全城最佳的秋日咖啡");
  gtk_text_buffer_redo (title);

  /* Stored once the pause after the edit is over: read back from the file
   * by a second connection. */
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), >, 0);
  wait_until (nothing_unsaved, editor, 5);
  reopened = reopen_file (fixture);
  g_assert_cmpstr (redline_post_get_title (redline_project_find_post (reopened,
                                                                      redline_post_get_id (post))),
                   ==, expected);
}

static void
test_window_switch_ecosystem (Fixture       *fixture,
                              gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "全城最佳的秋日咖啡");
  RedlineFinding *finding;

  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_cmpint (redline_post_editor_get_ecosystem (editor), ==, REDLINE_ECOSYSTEM_WEIXIN);
  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);
  g_assert_nonnull (finding);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  /* Each finding says what the other ecosystem makes of it. */
  g_assert_cmpint (redline_finding_get_other_severity (finding), <, REDLINE_SEVERITY_ERROR);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-other-ecosystem", NULL);
  g_assert_cmpint (redline_post_editor_get_ecosystem (editor), ==, REDLINE_ECOSYSTEM_WECHAT);
  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);
  /* The PRC Advertising Law does not bind WeChat: a note there, drawn as
   * one (a plain underline, no error squiggle). */
  g_assert_nonnull (finding);
  g_assert_cmpint (redline_finding_get_ecosystem (finding), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_INFO);
  g_assert_cmpint (redline_finding_get_other_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  g_assert_true (has_underline_style_at (get_buffer (fixture, REDLINE_FIELD_TITLE),
                                         redline_finding_get_start (finding),
                                         PANGO_UNDERLINE_LOW));
  g_assert_false (has_underline_at (get_buffer (fixture, REDLINE_FIELD_TITLE),
                                    redline_finding_get_start (finding)));

  /* A Moments ad's outer copy is counted against its 40-character limit,
   * in red past it. */
  {
    RedlinePost *ad = find_post (fixture->window, "The best latte in Singapore");
    GtkWidget *counter;
    g_autofree char *expected = NULL;

    g_assert_true (redline_window_select_post (fixture->window, ad));
    counter = redline_post_editor_get_counter (editor, REDLINE_FIELD_BODY);
    expected = g_strdup_printf ("%ld / 40 characters",
                                g_utf8_strlen (redline_post_get_body (ad), -1));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, expected);
    g_assert_true (gtk_widget_has_css_class (counter, "error"));
  }

  /* Another post opens on its own campaign's ecosystem again. */
  g_assert_true (redline_window_select_post (fixture->window,
                                             find_post (fixture->window, "桂花拿铁回来了")));
  g_assert_cmpint (redline_post_editor_get_ecosystem (editor), ==, REDLINE_ECOSYSTEM_WEIXIN);
}

/* Editorial copy: the Advertising Law's findings become notes, saved with
 * the post; a paid placement cannot stop being an ad. */
static void
test_window_purpose (Fixture       *fixture,
                     gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "全城最佳的秋日咖啡");
  GtkDropDown *chooser = GTK_DROP_DOWN (redline_post_editor_get_purpose_chooser (editor));
  RedlineFinding *finding;
  g_autoptr(RedlineProject) reopened = NULL;

  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_cmpint (redline_post_get_kind (post), ==, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (gtk_drop_down_get_selected (chooser), ==, REDLINE_PURPOSE_ADVERTISING);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (chooser)));
  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);
  g_assert_nonnull (finding);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_ERROR);

  gtk_drop_down_set_selected (chooser, REDLINE_PURPOSE_EDITORIAL);
  g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_EDITORIAL);
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), ==, 1);
  wait_until (title_finding_is_note, editor, 5);
  finding = find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE);
  g_assert_nonnull (finding);
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_INFO);
  g_assert_true (redline_finding_get_outside_purpose (finding));
  /* Drawn as a note, not as an error. */
  g_assert_false (has_underline_at (get_buffer (fixture, REDLINE_FIELD_TITLE),
                                    redline_finding_get_start (finding)));
  g_assert_true (has_underline_style_at (get_buffer (fixture, REDLINE_FIELD_TITLE),
                                         redline_finding_get_start (finding),
                                         PANGO_UNDERLINE_LOW));

  /* Stored with the post, read back by a second connection. */
  wait_until (nothing_unsaved, editor, 5);
  reopened = reopen_file (fixture);
  g_assert_cmpint (redline_post_get_purpose (redline_project_find_post (
                     reopened, redline_post_get_id (post))), ==, REDLINE_PURPOSE_EDITORIAL);

  /* A Moments ad is advertising: the chooser says so and cannot change. */
  g_assert_true (redline_window_select_post (fixture->window,
                                             find_post (fixture->window,
                                                        "The best latte in Singapore")));
  g_assert_cmpuint (gtk_drop_down_get_selected (chooser), ==, REDLINE_PURPOSE_ADVERTISING);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (chooser)));

  /* Back on the article, the chooser shows its purpose again. */
  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_cmpuint (gtk_drop_down_get_selected (chooser), ==, REDLINE_PURPOSE_EDITORIAL);
}

static void
test_window_copy_to_other_ecosystem (Fixture       *fixture,
                                     gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  RedlinePost *post = find_post (fixture->window, "全城最佳的秋日咖啡");
  RedlinePost *copy;
  GListModel *findings;

  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_nonnull (find_finding (editor, "ad-law.absolute.zui", REDLINE_FIELD_TITLE));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-to-other-ecosystem", NULL);

  /* The editor shows the copy, in the WeChat campaign, checked there at once. */
  copy = redline_post_editor_get_post (editor);
  g_assert_true (copy != post);
  g_assert_cmpint (redline_project_get_post_ecosystem (project, copy), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_post_editor_get_ecosystem (editor), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpint (redline_post_get_linked_post_id (copy), ==, redline_post_get_id (post));
  g_assert_cmpint (redline_post_get_linked_post_id (post), ==, redline_post_get_id (copy));
  findings = redline_post_editor_get_findings (editor);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpint (redline_finding_get_ecosystem (finding), ==, REDLINE_ECOSYSTEM_WECHAT);
      if (g_str_equal (redline_finding_get_rule_id (finding), "ad-law.absolute.zui"))
        g_assert_cmpint (redline_finding_get_severity (finding), <, REDLINE_SEVERITY_WARNING);
    }

  /* And the link leads back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-linked-post", NULL);
  g_assert_true (redline_post_editor_get_post (editor) == post);
  g_assert_cmpint (redline_post_editor_get_ecosystem (editor), ==, REDLINE_ECOSYSTEM_WEIXIN);
}

static void
test_window_finding_row_jumps (Fixture       *fixture,
                               gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "全城最佳的秋日咖啡");
  RedlineFinding *finding;
  GtkTextBuffer *body;
  GtkTextIter start, end;

  g_assert_true (redline_window_select_post (fixture->window, post));
  /* The first finding of the body ("第一"). */
  finding = NULL;
  for (guint i = 0; finding == NULL &&
                    i < g_list_model_get_n_items (redline_post_editor_get_findings (editor)); i++)
    {
      g_autoptr(RedlineFinding) item =
        g_list_model_get_item (redline_post_editor_get_findings (editor), i);

      if (redline_finding_get_field (item) == REDLINE_FIELD_BODY &&
          redline_finding_get_scope (item) == REDLINE_SCOPE_SPAN)
        finding = item;
    }
  g_assert_nonnull (finding);
  redline_post_editor_show_finding (editor, finding);
  body = get_buffer (fixture, REDLINE_FIELD_BODY);
  g_assert_true (gtk_text_buffer_get_selection_bounds (body, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, redline_finding_get_start (finding));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, redline_finding_get_end (finding));
  g_assert_true (gtk_widget_has_focus (redline_post_editor_get_field_view (editor,
                                                                          REDLINE_FIELD_BODY)));

  /* F8 goes on to the next finding, wrapping around. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-finding", NULL);
  g_assert_true (gtk_text_buffer_get_selection_bounds (body, &start, &end) ||
                 gtk_text_buffer_get_has_selection (
                   get_buffer (fixture, REDLINE_FIELD_TITLE)) ||
                 gtk_text_buffer_get_has_selection (
                   get_buffer (fixture, REDLINE_FIELD_DIGEST)));
}

static gboolean
author_finding_listed (gpointer data)
{
  return find_finding (data, "platform.length.article-author", REDLINE_FIELD_AUTHOR) != NULL;
}

/* An article names its author under the title: edited like any field,
 * counted against the limit, saved; other kinds have no author. */
static void
test_window_author (Fixture       *fixture,
                    gconstpointer  data)
{
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "桂花拿铁回来了");
  GtkWidget *view = redline_post_editor_get_field_view (editor, REDLINE_FIELD_AUTHOR);
  GtkTextBuffer *author = get_buffer (fixture, REDLINE_FIELD_AUTHOR);
  GtkLabel *counter = GTK_LABEL (redline_post_editor_get_counter (editor, REDLINE_FIELD_AUTHOR));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert_true (redline_window_select_post (fixture->window, post));
  spin (0.3);
  g_assert_true (gtk_widget_get_visible (view));
  gtk_text_buffer_get_bounds (author, &start, &end);
  text = gtk_text_buffer_get_text (author, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Lumi 咖啡编辑部");
  g_assert_null (find_finding (editor, "platform.length.article-author", REDLINE_FIELD_AUTHOR));
  g_assert_nonnull (strstr (gtk_label_get_text (counter), "16"));

  /* 10 + 8 characters: past the 16 the publishing interface allows. */
  type_at_end (author, "与杭州门店咖啡师");
  wait_until (author_finding_listed, editor, 5);
  g_assert_cmpstr (redline_post_get_author (post), ==, "Lumi 咖啡编辑部与杭州门店咖啡师");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (counter), "error"));

  /* Saved with the post. */
  g_assert_true (redline_window_save (fixture->window));
  wait_until (nothing_unsaved, editor, 5);
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);

    g_assert_cmpstr (redline_post_get_author (redline_project_find_post (
                       reopened, redline_post_get_id (post))), ==, "Lumi 咖啡编辑部与杭州门店咖啡师");
  }

  /* A Moments ad has no author. */
  g_assert_true (redline_window_select_post (fixture->window,
                                             find_post (fixture->window, "栗子蛋糕限时上新")));
  spin (0.3);
  g_assert_false (gtk_widget_get_visible (view));
}

typedef struct
{
  RedlineProject *project;
  gint64          id;
} PostGone;

static gboolean
post_gone (gpointer data)
{
  PostGone *gone = data;

  return redline_project_find_post (gone->project, gone->id) == NULL;
}

static void
test_window_delete_and_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  RedlinePostTable *table = REDLINE_POST_TABLE (redline_window_get_post_table (fixture->window));
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  RedlinePost *post = find_post (fixture->window, "栗子蛋糕限时上新");
  guint shown;
  gint64 id = redline_post_get_id (post);
  PostGone gone = { project, id };

  g_assert_true (redline_window_select_post (fixture->window, post));
  shown = redline_post_table_get_n_shown (table);

  /* Deleted: gone from the list at once, still in the file while Undo is
   * offered; Undo brings it back as it was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-post", NULL);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, shown - 1);
  g_assert_true (redline_project_find_post (project, id) == post);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "t",
                              (guint64) GPOINTER_TO_SIZE (post));
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, shown);
  g_assert_true (redline_project_find_post (project, id) == post);

  /* Deleted again and the window saved (as on closing): now it is gone. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-post", NULL);
  g_assert_true (redline_window_save (fixture->window));
  wait_until (post_gone, &gone, 5);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, shown - 1);
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);

    g_assert_null (redline_project_find_post (reopened, id));
  }
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget under @widget, depth first, that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = match (child, data) ? child : find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

/* A label of @widget's tree whose text contains @needle. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *needle)
{
  return GTK_LABEL (find_widget (widget, label_contains, needle));
}

/* The open message dialog (AdwMessageDialog) whose body contains
 * @needle, or NULL. */
static AdwMessageDialog *
find_dialog (const char *needle)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), needle) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first descendant of @widget of @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
shows_finding (GtkWidget     *widget,
               gconstpointer  finding)
{
  return REDLINE_IS_FINDING_ROW (widget) &&
         redline_finding_row_get_finding (REDLINE_FINDING_ROW (widget)) == finding;
}

/* The row of the findings list that shows @finding. */
static GtkWidget *
find_finding_row (GtkWidget      *widget,
                  RedlineFinding *finding)
{
  return find_widget (widget, shows_finding, finding);
}

/* A reviewer opens a post in review, is refused approval because of an
 * error, waives it with a reason, approves, and the marketer's next edit
 * sends the post back to draft. */
static void
test_window_review (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.redline.Redline");
  RedlinePostEditor *editor = get_editor (fixture);
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  RedlinePost *post = find_post (fixture->window, "The best latte in Singapore");
  AdwMessageDialog *dialog;
  RedlineFinding *error_finding = NULL;
  GtkWidget *row, *view;
  GListModel *findings;

  g_settings_set_string (settings, "reviewer-name", "Legal — Wang");
  g_assert_cmpstr (redline_project_get_actor (project), ==, "Legal — Wang");
  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_IN_REVIEW);

  /* Refused, saying which error stands in the way. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "post.approve", NULL);
  dialog = find_dialog ("cannot be approved");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "platform.length.moments-outer"));
  /* What a click on Close does: the response, and the dialog goes. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_dialog ("cannot be approved"));
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_IN_REVIEW);

  /* Waive the error from its row: the dialog wants a reason first. */
  findings = redline_post_editor_get_findings (editor);
  for (guint i = 0; i < g_list_model_get_n_items (findings) && error_finding == NULL; i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (redline_finding_blocks (finding))
        error_finding = finding;
    }
  g_assert_nonnull (error_finding);
  row = find_finding_row (GTK_WIDGET (editor), error_finding);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "waive");
  dialog = find_dialog ("Say why it does not apply");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "waive"));
  view = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Longer copy agreed with the account manager", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "waive"));
  adw_message_dialog_response (dialog, "waive");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (redline_project_count_waivers (project, post, FALSE), ==, 2);

  /* Listed still, marked waived; approval now goes through. */
  findings = redline_post_editor_get_findings (editor);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      g_assert_false (redline_finding_blocks (finding));
    }
  gtk_widget_activate_action (GTK_WIDGET (editor), "post.approve", NULL);
  g_assert_null (find_dialog ("cannot be approved"));
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_APPROVED);
  {
    g_autofree char *reviewer = NULL;

    g_assert_true (redline_project_get_last_review (project, post, NULL, &reviewer, NULL, NULL));
    g_assert_cmpstr (reviewer, ==, "Legal — Wang");
  }

  /* Its history: every step, and a comment added from there. */
  {
    GtkWidget *history = redline_history_window_new (GTK_WINDOW (fixture->window), project, post);
    g_autoptr(GPtrArray) comments = NULL;
    g_autoptr(GError) comment_error = NULL;

    gtk_window_present (GTK_WINDOW (history));
    /* Submitted in the sample, waived twice, approved. */
    g_assert_cmpuint (redline_history_window_get_n_entries (REDLINE_HISTORY_WINDOW (history)),
                      >=, 3);
    g_assert_nonnull (find_label (history, "Approved"));
    g_assert_nonnull (find_label (history, "Finding waived"));
    g_assert_true (redline_history_window_add_comment (REDLINE_HISTORY_WINDOW (history),
                                                       "Cleared for SG", &comment_error));
    g_assert_no_error (comment_error);
    comments = redline_project_list_comments (project, post, &comment_error);
    g_assert_no_error (comment_error);
    g_assert_cmpstr (((RedlineCommentRecord *) g_ptr_array_index (comments, comments->len - 1))->author,
                     ==, "Legal — Wang");
    g_assert_nonnull (find_label (history, "Cleared for SG"));
    gtk_window_destroy (GTK_WINDOW (history));
  }

  /* The marketer changes the title: back to draft. */
  type_at_end (get_buffer (fixture, REDLINE_FIELD_TITLE), "!");
  g_assert_true (redline_post_editor_save (editor, NULL));
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_DRAFT);
  /* Submit for Review is open again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "post.submit", NULL));
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_IN_REVIEW);
}

static gboolean
one_shown (gpointer data)
{
  return redline_post_table_get_n_shown (data) == 1;
}

static gboolean
two_shown (gpointer data)
{
  return redline_post_table_get_n_shown (data) == 2;
}

/* The queue: every campaign's posts in review, filtered by ecosystem; a
 * decided post leaves it. */
static void
test_window_review_queue (Fixture       *fixture,
                          gconstpointer  data)
{
  RedlinePostTable *table = REDLINE_POST_TABLE (redline_window_get_post_table (fixture->window));
  RedlinePostEditor *editor = get_editor (fixture);
  RedlinePost *post = find_post (fixture->window, "栗子蛋糕限时上新");
  GtkDropDown *ecosystems = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (table),
                                                            GTK_TYPE_DROP_DOWN));

  redline_window_show_review_queue (fixture->window);
  g_assert_true (redline_post_table_get_showing_review_queue (table));
  /* One from each ecosystem in the sample. */
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, 2);
  gtk_drop_down_set_selected (ecosystems, 1 + REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, 1);
  gtk_drop_down_set_selected (ecosystems, 1 + REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, 1);
  gtk_drop_down_set_selected (ecosystems, 0);
  /* The search finds a campaign's posts by its name. */
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY)),
                         "Autumn launch");
  wait_until (one_shown, table, 5);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY)),
                         "");
  wait_until (two_shown, table, 5);

  /* Selected in the queue, approved (it has no error), gone from it. */
  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_true (redline_post_table_get_showing_review_queue (table));
  g_assert_true (redline_post_editor_get_post (editor) == post);
  gtk_widget_activate_action (GTK_WIDGET (editor), "post.approve", NULL);
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_APPROVED);
  g_assert_cmpuint (redline_post_table_get_n_shown (table), ==, 1);

  /* A campaign again: its posts, all statuses. */
  g_assert_true (redline_window_select_post (fixture->window, post));
  g_assert_false (redline_post_table_get_showing_review_queue (table));
  g_assert_cmpuint (redline_post_table_get_n_shown (table), >, 1);
}

/* The sample with its audit trail edited as one would with sqlite3: the
 * triggers dropped, an entry changed, the triggers put back. */
static void
fixture_set_up_audit_altered (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *triggers = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db = NULL;

  copy_sample (fixture);
  g_assert_cmpint (sqlite3_open (g_file_peek_path (fixture->file), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat(sql, ';') FROM sqlite_master "
                                           "WHERE type = 'trigger' AND tbl_name = 'audit_log'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  triggers = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                     "DROP TRIGGER audit_log_no_delete;"
                                     "UPDATE audit_log SET actor = 'Mallory' WHERE id = 5",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, triggers, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->window = g_object_ref_sink (redline_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (redline_window_open_file (fixture->window, fixture->file));
  spin (0.2);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* An altered audit trail is said plainly when the file opens. */
static void
test_window_audit_altered (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkLabel *banner = find_label (GTK_WIDGET (fixture->window), "audit trail has been altered");

  g_assert_nonnull (banner);
  /* Mapped once the window has drawn (slowly, under valgrind). */
  wait_until (widget_mapped, banner, 5);
  g_assert_nonnull (strstr (gtk_label_get_text (banner), "entry 5"));
  /* Still a working project: only its history is in doubt. */
  g_assert_null (redline_window_get_read_only_reason (fixture->window));
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static char *
body_on_disk (GFile  *file,
              gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = redline_project_open (file, REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                            &error);
  char *body;

  /* Opening runs SQLite's quick_check: the file is sound. */
  g_assert_no_error (error);
  body = g_strdup (redline_post_get_body (redline_project_find_post (project, id)));
  redline_project_close (project);
  return body;
}

/* A write that fails (here the file may not grow, as on a full disk) keeps
 * the text in the window and says so until a write succeeds; closing asks
 * first; with room again, Try Again writes it. */
static void
test_window_save_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  RedlinePostEditor *editor = REDLINE_POST_EDITOR (redline_window_get_editor (fixture->window));
  RedlinePost *post = find_post (fixture->window, "栗子蛋糕限时上新");
  GListModel *posts = redline_project_get_posts (
    redline_context_get_project (redline_window_get_context (fixture->window)));
  g_autoptr(RedlinePost) other = NULL;
  g_autoptr(GString) paste = g_string_new ("，");
  g_autofree char *before_body = NULL;
  g_autofree char *after_body = NULL;
  struct rlimit unlimited, full;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GtkLabel *banner;
  GStatBuf st;
  gint64 id = redline_post_get_id (post);

  while (paste->len < 256 * 1024)
    g_string_append (paste, "秋天的第一杯栗子拿铁，欢迎到店品尝。");
  g_assert_true (redline_window_select_post (fixture->window, post));
  before_body = g_strdup (redline_post_get_body (post));

  /* The file may not grow past its size: SQLite meets EFBIG as it would
   * ENOSPC. */
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->file), &st), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  full = unlimited;
  full.rlim_cur = st.st_size;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);

  /* A large paste at the end of the body. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    redline_post_editor_get_field_view (editor, REDLINE_FIELD_BODY)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, paste->str, -1);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_false (redline_window_save (fixture->window));
  banner = find_label (GTK_WIDGET (fixture->window), "could not be saved");
  g_assert_nonnull (banner);
  g_test_message ("%s", gtk_label_get_text (banner));
  wait_until (widget_mapped, banner, 5);
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), ==, 1);

  /* On to another post: the first one's text waits in memory. */
  for (guint i = 0; other == NULL || other == post; i++)
    g_set_object (&other, g_list_model_get_item (posts, i));
  g_assert_true (redline_window_select_post (fixture->window, other));
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), ==, 1);
  g_assert_true (g_str_has_suffix (redline_post_get_body (post), "欢迎到店品尝。"));

  /* Closing asks, and Cancel keeps the window and the text. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = find_dialog ("could not be saved to the project file");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), ==, 1);

  /* The file is sound and holds what was last written. */
  after_body = body_on_disk (fixture->file, id);
  g_assert_cmpstr (after_body, ==, before_body);
  g_clear_pointer (&after_body, g_free);

  /* Room again: Try Again writes the text, and the banner goes. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  g_assert_cmpuint (redline_post_editor_get_n_unsaved (editor), ==, 0);
  wait_until (widget_unmapped, banner, 5);
  after_body = body_on_disk (fixture->file, id);
  g_assert_true (g_str_has_suffix (after_body, "欢迎到店品尝。"));
  g_assert_cmpuint (strlen (after_body), ==, strlen (before_body) + paste->len);
}

/* Export Review Report…: the file the chooser names, in its format. (The
 * PDF is test-report's: drawing one here would load cairo's PDF writer,
 * whose own leak LeakSanitizer cannot place with the fast unwinding the UI
 * tests need.) */
static void
test_window_export_report (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (fixture->dir, "report.html", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autoptr(GFile) html = g_file_new_for_path (html_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) txt = g_file_new_for_path ("report.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (redline_window_export_report (fixture->window, html, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Lumi Café — autumn launch"));
  g_assert_nonnull (strstr (contents, "<mark class=\"error\""));
  g_clear_pointer (&contents, g_free);

  g_assert_true (redline_window_export_report (fixture->window, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf\"campaign\""));

  g_assert_false (redline_window_export_report (fixture->window, txt, &error));
  g_assert_nonnull (error);
  g_unlink (html_path);
  g_unlink (csv_path);
}

static void
test_window_newer_format (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  const char *reason;
  RedlinePostEditor *editor = get_editor (fixture);
  GtkWidget *body;
  sqlite3 *db = NULL;
  gsize length;

  /* Made by a later Redline: one more column, a higher format. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  sql = g_strdup_printf ("ALTER TABLE posts ADD COLUMN mood TEXT; PRAGMA user_version = %d;",
                         REDLINE_PROJECT_FORMAT + 1);
  g_assert_cmpint (sqlite3_open (g_file_peek_path (fixture->file), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->file), &contents, &length, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);

  fixture->window = g_object_ref_sink (redline_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (redline_window_open_file (fixture->window, fixture->file));
  editor = get_editor (fixture);
  reason = redline_window_get_read_only_reason (fixture->window);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "newer"));
  g_assert_true (redline_project_get_read_only (
                   redline_context_get_project (redline_window_get_context (fixture->window))));

  /* The posts are there to read and check, not to edit. */
  g_assert_nonnull (redline_post_editor_get_post (editor));
  body = redline_post_editor_get_field_view (editor, REDLINE_FIELD_BODY);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (body)));
  {
    GListModel *posts = redline_project_get_posts (
      redline_context_get_project (redline_window_get_context (fixture->window)));
    guint n = g_list_model_get_n_items (posts);

    /* New Post is off: nothing can be added. */
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-post", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (posts), ==, n);
  }
  spin (0.3);
  g_assert_true (redline_window_save (fixture->window));
  gtk_window_close (GTK_WINDOW (fixture->window));
  spin (0.1);

  g_free (contents);
  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->file), &contents, &length, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
  g_assert_cmpstr (before, ==, after);
}

/* In the child a kill test kills: a window on the copy of the sample in
 * REDLINE_TEST_KILL_DIR, with "栗子蛋糕限时上新" selected. It is never freed:
 * the process ends by SIGKILL. */
static RedlineWindow *
open_in_killed_child (void)
{
  const char *dir = g_getenv ("REDLINE_TEST_KILL_DIR");
  g_autofree char *file_path = g_build_filename (dir, "lumi-cafe.redline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  RedlineWindow *window = g_object_ref_sink (redline_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (redline_window_open_file (window, file));
  g_assert_true (redline_window_select_post (window, find_post (window, "栗子蛋糕限时上新")));
  return window;
}

static GtkTextBuffer *
killed_child_body (RedlineWindow *window)
{
  RedlinePostEditor *editor = REDLINE_POST_EDITOR (redline_window_get_editor (window));

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    redline_post_editor_get_field_view (editor, REDLINE_FIELD_BODY)));
}

/* ---- The calendar ------------------------------------------------------ */

static GDate
make_day (guint year,
          guint month,
          guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* The post button for @post among @cell's children, or NULL. */
static GtkWidget *
find_post_button (GtkWidget   *cell,
                  RedlinePost *post)
{
  for (GtkWidget *child = gtk_widget_get_first_child (cell); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_object_get_data (G_OBJECT (child), "redline-post") == post)
      return child;
  return NULL;
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button labelled @label under @widget, or NULL. */
static GtkWidget *
find_button_under (GtkWidget  *widget,
                   const char *label)
{
  return find_widget (widget, button_labelled, label);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *button = find_button_under (widget, label);

  g_assert_nonnull (button);
  return button;
}

static gboolean
undo_shown (gpointer data)
{
  return find_button_under (data, "_Undo") != NULL;
}

static char *
plan_rules (RedlineWindow *window,
            RedlinePost   *post)
{
  RedlinePlanner *planner = redline_context_get_planner (redline_window_get_context (window));
  g_autoptr(GPtrArray) findings = redline_planner_check_post (planner, post);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                            redline_finding_get_rule_id (findings->pdata[i]));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  RedlinePlanView *view;
  GDate            day;
  RedlinePost     *post;
} PostOnDay;

/* Whether the view, rebuilt when it next idles, shows the post that day. */
static gboolean
post_shown_on_day (gpointer data)
{
  PostOnDay *wanted = data;
  GtkWidget *cell = redline_plan_view_get_day (wanted->view, &wanted->day);

  return cell != NULL && find_post_button (cell, wanted->post) != NULL;
}

/* The sample's plan: September 2024 first, with Mid-Autumn and National
 * Day; the fifth Service Account broadcast and the post after its
 * campaign marked; a post dragged to October is no longer the fifth, and
 * Undo puts it back; dragged again, it is saved; a post clicked opens in
 * the editor. */
static void
test_window_calendar (Fixture       *fixture,
                      gconstpointer  data)
{
  RedlinePlanView *view = redline_window_get_plan_view (fixture->window);
  RedlinePost *fifth = find_post (fixture->window, "国庆假期门店营业时间");
  RedlinePost *late = find_post (fixture->window, "双十一囤豆节");
  GDate month, day;
  GtkWidget *cell;
  GtkWidget *button;
  GtkDropTarget *target;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  g_autofree char *rules = NULL;

  redline_window_show_calendar (fixture->window);
  wait_until (widget_mapped, view, 5);
  redline_plan_view_get_month (view, &month);
  g_assert_cmpuint (g_date_get_year (&month), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&month), ==, 9);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "September 2024"));

  day = make_day (2024, 9, 17);
  cell = redline_plan_view_get_day (view, &day);
  g_assert_nonnull (cell);
  g_assert_nonnull (find_label (cell, "Mid-Autumn Festival"));
  day = make_day (2024, 10, 1);
  cell = redline_plan_view_get_day (view, &day);
  g_assert_nonnull (cell);
  g_assert_nonnull (find_label (cell, "National Day Golden Week"));

  /* Marked, with the planner's reason in its tooltip. */
  day = make_day (2024, 9, 28);
  button = find_post_button (redline_plan_view_get_day (view, &day), fifth);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "plan-problem"));
  g_assert_true (gtk_widget_has_css_class (button, "weixin"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "broadcast 5 in 2024-09"));
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.next-month", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.next-month", NULL);
  day = make_day (2024, 11, 11);
  button = find_post_button (redline_plan_view_get_day (view, &day), late);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "plan-problem"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "outside the campaign"));
  redline_plan_view_show_month (view, 2024, G_DATE_SEPTEMBER);

  /* Dropped on the 3rd of October: the same time that day; Undo, from the
   * toast, puts it back. The toast goes after a few seconds, so Undo is
   * clicked as soon as it shows, before anything slow (under valgrind,
   * reopening the file takes longer than the toast stays). */
  day = make_day (2024, 10, 3);
  cell = redline_plan_view_get_day (view, &day);
  target = find_drop_target (cell);
  g_assert_nonnull (target);
  g_value_init (&value, REDLINE_TYPE_POST);
  g_value_set_object (&value, fifth);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  g_assert_cmpstr (redline_post_get_scheduled_at (fifth), ==, "2024-10-03T09:00:00+08:00");
  rules = plan_rules (fixture->window, fifth);
  g_assert_cmpstr (rules, ==, "");
  g_clear_pointer (&rules, g_free);
  wait_until (undo_shown, fixture->window, 5);
  g_signal_emit_by_name (find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  g_assert_cmpstr (redline_post_get_scheduled_at (fifth), ==, "2024-09-28T09:00:00+08:00");
  rules = plan_rules (fixture->window, fifth);
  g_assert_cmpstr (rules, ==, "platform.plan.quota");
  g_clear_pointer (&rules, g_free);

  /* Dropped again, and in the file. */
  target = find_drop_target (redline_plan_view_get_day (view, &day));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  g_assert_cmpstr (redline_post_get_scheduled_at (fifth), ==, "2024-10-03T09:00:00+08:00");
  wait_until (post_shown_on_day, &(PostOnDay) { view, day, fifth }, 5);
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);

    g_assert_cmpstr (redline_post_get_scheduled_at (
                       redline_project_find_post (reopened, redline_post_get_id (fifth))),
                     ==, "2024-10-03T09:00:00+08:00");
  }
  /* Dropped on its own day: nothing changes. */
  target = find_drop_target (redline_plan_view_get_day (view, &day));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_false (dropped);

  /* Clicked: the post opens in its campaign. */
  button = find_post_button (redline_plan_view_get_day (view, &day), fifth);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (redline_post_editor_get_post (get_editor (fixture)) == fifth);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

/* The shown window of @type, or NULL. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The open campaign dialog, or NULL. */
static RedlineCampaignDialog *
find_campaign_dialog (void)
{
  return find_toplevel (REDLINE_TYPE_CAMPAIGN_DIALOG);
}

static gboolean
campaign_dialog_shown (gpointer data)
{
  return find_campaign_dialog () != NULL;
}

static gboolean
campaign_dialog_gone (gpointer data)
{
  return find_campaign_dialog () == NULL;
}

typedef struct
{
  GType       type;
  const char *title;
} Titled;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const Titled *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         ((ADW_IS_PREFERENCES_ROW (widget) &&
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                      wanted->title) == 0) ||
          g_strcmp0 (gtk_widget_get_tooltip_text (widget), wanted->title) == 0);
}

/* The first widget of @type under @widget whose preferences-row title, or
 * tooltip, is @title. */
static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  return find_widget (widget, is_titled, &(Titled) { type, title });
}

/* Picks the item of @row whose label is @label. */
static void
choose (GtkWidget  *row,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
  g_assert_not_reached ();
}

static void
pick_day (GtkWidget  *dialog,
          const char *button_tooltip,
          int         year,
          int         month,
          int         day)
{
  GtkWidget *button = find_titled (dialog, GTK_TYPE_MENU_BUTTON, button_tooltip);
  GtkWidget *calendar;
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, 12, 0, 0);

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  calendar = find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                              GTK_TYPE_CALENDAR);
  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), time);
  g_signal_emit_by_name (calendar, "day-selected");
}

/* A campaign's details: its ecosystem shown and never offered; the
 * account type's capabilities on it; the planner's findings; what cannot
 * be stored keeps Save off; saved, everything is in the file. A new
 * campaign chooses its ecosystem. */
static void
test_window_campaign_details (Fixture       *fixture,
                              gconstpointer  data)
{
  RedlinePost *fifth = find_post (fixture->window, "国庆假期门店营业时间");
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  RedlineCampaign *campaign = redline_project_find_campaign (project,
                                                             redline_post_get_campaign_id (fifth));
  RedlineCampaignDialog *dialog;
  GtkWidget *save, *row, *regions;
  g_autofree char *rules = NULL;
  gint64 id = redline_campaign_get_id (campaign);
  guint n_campaigns = g_list_model_get_n_items (redline_project_get_campaigns (project));

  redline_window_select_post (fixture->window, fifth);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.campaign-details", NULL);
  wait_until (campaign_dialog_shown, NULL, 5);
  dialog = find_campaign_dialog ();
  g_assert_true (redline_campaign_dialog_get_campaign (dialog) == campaign);
  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save)), ==, "_Save");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* The ecosystem is said, not offered. */
  g_assert_false (gtk_widget_get_visible (find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Ecosystem")));
  row = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Ecosystem");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Weixin (China)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Name"))),
                   ==, redline_campaign_get_name (campaign));

  /* What the account type may publish here, from the platform data. */
  row = find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Account _type");
  choose (row, "Channels");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "On Weixin (China): Moments ad, Channels"));
  /* The planner's findings, as saved. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "broadcast 5 in 2024-09"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "outside the campaign"));

  /* An end before the start, or a region that is not a code: no Save. */
  pick_day (GTK_WIDGET (dialog), "Choose the end date", 2024, 8, 20);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                        "_Ends"), "error"));
  pick_day (GTK_WIDGET (dialog), "Choose the end date", 2024, 11, 30);
  g_assert_true (gtk_widget_get_sensitive (save));
  regions = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Target _regions");
  gtk_editable_set_text (GTK_EDITABLE (regions), "cn-sh, Shanghai");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "“Shanghai” is not a region code"));
  gtk_editable_set_text (GTK_EDITABLE (regions), "cn-sh，cn-zj、SG");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Budget in the currency's minor units, rounded. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog),
                                                               GTK_TYPE_SPIN_BUTTON)),
                             12345.678);
  gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    "Account _name")),
                         "  Lumi 咖啡 华东  ");
  g_signal_emit_by_name (save, "clicked");
  wait_until (campaign_dialog_gone, NULL, 5);

  g_assert_cmpstr (redline_campaign_get_account_type (campaign), ==, "channels");
  g_assert_cmpstr (redline_campaign_get_end_date (campaign), ==, "2024-11-30");
  g_assert_cmpint (redline_campaign_get_budget (campaign), ==, 1234568);
  g_assert_cmpstr (redline_campaign_get_account (campaign), ==, "Lumi 咖啡 华东");
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);
    RedlineCampaign *stored = redline_project_find_campaign (reopened, id);
    const char * const *regions_stored;

    g_assert_cmpstr (redline_campaign_get_end_date (stored), ==, "2024-11-30");
    g_assert_cmpstr (redline_campaign_get_start_date (stored), ==, "2024-09-01");
    g_assert_cmpstr (redline_campaign_get_account_type (stored), ==, "channels");
    g_assert_cmpstr (redline_campaign_get_currency (stored), ==, "CNY");
    g_assert_cmpint (redline_campaign_get_budget (stored), ==, 1234568);
    g_assert_cmpstr (redline_campaign_get_objective (stored), ==, "awareness");
    g_assert_cmpint (redline_campaign_get_ecosystem (stored), ==, REDLINE_ECOSYSTEM_WEIXIN);
    regions_stored = redline_campaign_get_target_regions (stored);
    g_assert_cmpuint (g_strv_length ((char **) regions_stored), ==, 3);
    g_assert_cmpstr (regions_stored[0], ==, "CN-SH");
    g_assert_cmpstr (regions_stored[2], ==, "SG");
  }
  /* The late post is inside the campaign now. */
  rules = plan_rules (fixture->window, find_post (fixture->window, "双十一囤豆节"));
  g_assert_null (strstr (rules, "outside"));

  /* A new campaign, on WeChat; Cancel first leaves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL);
  wait_until (campaign_dialog_shown, NULL, 5);
  dialog = find_campaign_dialog ();
  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_null (redline_campaign_dialog_get_campaign (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                       "Ecosystem")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  wait_until (campaign_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==,
                    n_campaigns);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL);
  wait_until (campaign_dialog_shown, NULL, 5);
  dialog = find_campaign_dialog ();
  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  choose (find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Ecosystem"), "WeChat (Global)");
  row = find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Account _type");
  choose (row, "Channels");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog),
                               "On WeChat (Global), not confirmed by any source: Moments ad, Channels"));
  gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    "_Name")),
                         "Lunar New Year SG");
  choose (find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Currency"), "JPY");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog),
                                                               GTK_TYPE_SPIN_BUTTON)),
                             500000.4);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  wait_until (campaign_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==,
                    n_campaigns + 1);
  for (guint i = 0; i < g_list_model_get_n_items (redline_project_get_campaigns (project)); i++)
    {
      g_autoptr(RedlineCampaign) added =
        g_list_model_get_item (redline_project_get_campaigns (project), i);

      if (g_strcmp0 (redline_campaign_get_name (added), "Lunar New Year SG") != 0)
        continue;
      g_assert_cmpint (redline_campaign_get_ecosystem (added), ==, REDLINE_ECOSYSTEM_WECHAT);
      g_assert_cmpstr (redline_campaign_get_currency (added), ==, "JPY");
      g_assert_cmpint (redline_campaign_get_budget (added), ==, 500000);
      g_assert_null (redline_campaign_get_start_date (added));
      n_campaigns = 0;
    }
  g_assert_cmpuint (n_campaigns, ==, 0);
}

/* A post scheduled from the editor: a day and a time in Beijing time,
 * stored with its offset, checked by the planner and saved; then taken off
 * the schedule. */
static void
test_window_schedule_post (Fixture       *fixture,
                           gconstpointer  data)
{
  RedlinePost *fifth = find_post (fixture->window, "国庆假期门店营业时间");
  GtkWidget *editor;
  GtkWidget *schedule, *menu_button, *popover, *calendar;
  GtkWidget *hour, *minute;
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 10, 8, 12, 0, 0);
  g_autofree char *rules = NULL;

  redline_window_select_post (fixture->window, fifth);
  editor = GTK_WIDGET (get_editor (fixture));
  schedule = find_descendant (editor, REDLINE_TYPE_SCHEDULE_BUTTON);
  g_assert_nonnull (schedule);
  g_assert_true (gtk_widget_is_sensitive (schedule));
  g_assert_nonnull (find_label (schedule, "2024-09-28 09:00"));

  menu_button = find_descendant (schedule, GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  calendar = find_descendant (popover, GTK_TYPE_CALENDAR);
  hour = find_descendant (popover, GTK_TYPE_SPIN_BUTTON);
  minute = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (hour));
  g_assert_true (GTK_IS_SPIN_BUTTON (minute));
  /* It opens on the post's own day and time. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hour)), ==, 9);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 28);
  }
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 30);
  g_signal_emit_by_name (find_button (popover, "_Schedule"), "clicked");
  g_assert_cmpstr (redline_post_get_scheduled_at (fifth), ==, "2024-10-08T10:30:00+08:00");
  g_assert_nonnull (find_label (schedule, "2024-10-08 10:30"));
  /* Saved, it is no longer the fifth broadcast of September. */
  wait_until (nothing_unsaved, get_editor (fixture), 5);
  rules = plan_rules (fixture->window, fifth);
  g_assert_cmpstr (rules, ==, "");
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);

    g_assert_cmpstr (redline_post_get_scheduled_at (
                       redline_project_find_post (reopened, redline_post_get_id (fifth))),
                     ==, "2024-10-08T10:30:00+08:00");
  }

  /* Unscheduled. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_signal_emit_by_name (find_button (popover, "_Unschedule"), "clicked");
  g_assert_null (redline_post_get_scheduled_at (fifth));
  g_assert_nonnull (find_label (schedule, "Not scheduled"));
  wait_until (nothing_unsaved, get_editor (fixture), 5);
  {
    g_autoptr(RedlineProject) reopened = reopen_file (fixture);

    g_assert_null (redline_post_get_scheduled_at (
                     redline_project_find_post (reopened, redline_post_get_id (fifth))));
  }
}

static void
test_window_killed_after_typing (void)
{
  Fixture fixture = { 0 };
  g_autoptr(RedlineProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id = 0;

  if (g_test_subprocess ())
    {
      type_at_end (killed_child_body (open_in_killed_child ()), "，欢迎试吃");
      /* Just past the pause after typing: no close, no flush, no goodbye
       * (a sanitizer build saves more slowly). */
      spin (redline_test_slow_runner () ? 3.0 : 1.0);
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  copy_sample (&fixture);
  path = g_file_get_path (fixture.file);
  {
    g_autoptr(RedlineProject) before = redline_project_open (fixture.file,
                                                              REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                              &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (redline_project_get_posts (before)); i++)
      {
        g_autoptr(RedlinePost) post = g_list_model_get_item (redline_project_get_posts (before), i);

        if (g_strcmp0 (redline_post_get_title (post), "栗子蛋糕限时上新") == 0)
          id = redline_post_get_id (post);
      }
  }
  g_assert_cmpint (id, >, 0);
  g_setenv ("REDLINE_TEST_KILL_DIR", fixture.dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* The file is sound and holds what was typed. */
  reopened = redline_project_open (fixture.file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (redline_post_get_body (redline_project_find_post (reopened, id)),
                                   "，欢迎试吃"));
  redline_project_close (reopened);
  g_file_delete (fixture.file, NULL, NULL);
  g_rmdir (fixture.dir);
  g_clear_object (&fixture.file);
  g_free (fixture.dir);
}

/* Killed in the middle of saving: the child types and writes after every
 * character, the parent kills it at three different moments. Each time
 * the file opens sound (SQLite undoes the unfinished write from its
 * journal) and the body is the old one plus some first part of what was
 * typed: never a half-written mix. */
static const char typed_while_saving[] =
  "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六七八九十"
  "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六七八九十"
  "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六七八九十"
  "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六七八九十";

/* Whether @text is a first part of typed_while_saving typed over and over. */
static gboolean
typed_so_far (const char *text)
{
  const char *t = typed_while_saving;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) != g_utf8_get_char (t))
        return FALSE;
      t = g_utf8_next_char (t);
      if (*t == '\0')
        t = typed_while_saving;
    }
  return TRUE;
}

static void
test_window_killed_while_saving (void)
{
  static const double after[] = { 1.5, 2.2, 3.1 };
  Fixture fixture = { 0 };
  g_autofree char *before = NULL;
  gint64 id = 0;

  if (g_test_subprocess ())
    {
      RedlineWindow *window = open_in_killed_child ();
      GtkTextBuffer *buffer = killed_child_body (window);
      /* Until killed. */
      for (;;)
        for (const char *p = typed_while_saving; *p != '\0'; p = g_utf8_next_char (p))
          {
            GtkTextIter end;

            gtk_text_buffer_get_end_iter (buffer, &end);
            gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
            g_assert_true (redline_window_save (window));
          }
    }

  copy_sample (&fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RedlineProject) project = redline_project_open (fixture.file,
                                                               REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                               &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (redline_project_get_posts (project)); i++)
      {
        g_autoptr(RedlinePost) post = g_list_model_get_item (redline_project_get_posts (project), i);

        if (g_strcmp0 (redline_post_get_title (post), "栗子蛋糕限时上新") == 0)
          {
            id = redline_post_get_id (post);
            before = g_strdup (redline_post_get_body (post));
          }
      }
    redline_project_close (project);
  }
  g_assert_nonnull (before);
  g_setenv ("REDLINE_TEST_KILL_DIR", fixture.dir, TRUE);

  for (guint round = 0; round < G_N_ELEMENTS (after); round++)
    {
      /* A sanitizer build starts more slowly; valgrind does not follow the
       * child. */
      double seconds = after[round] * (redline_test_slow_runner () ? 2 : 1);
      g_autoptr(RedlineProject) reopened = NULL;
      g_autoptr(GError) error = NULL;
      const char *body;
      sqlite3_stmt *stmt;
      sqlite3 *db = NULL;

      /* The trap kills the child with SIGKILL when the time is up. */
      g_test_trap_subprocess (NULL, (guint64) (seconds * G_USEC_PER_SEC),
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();

      {
        g_autofree char *journal = g_strconcat (g_file_peek_path (fixture.file), "-journal", NULL);

        g_test_message ("round %u: killed %s", round,
                        g_file_test (journal, G_FILE_TEST_EXISTS) ? "in the middle of a write"
                                                                  : "between writes");
      }
      /* Opened for writing, as the app does: a journal left behind is
       * rolled back. */
      reopened = redline_project_open (fixture.file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_no_error (error);
      body = redline_post_get_body (redline_project_find_post (reopened, id));
      g_assert_true (g_str_has_prefix (body, before));
      g_assert_true (typed_so_far (body + strlen (before)));
      g_test_message ("round %u: %ld characters typed and saved", round,
                      g_utf8_strlen (body + strlen (before), -1));
      /* The next child types on from here. */
      g_free (before);
      before = g_strdup (body);
      redline_project_close (reopened);

      g_assert_cmpint (sqlite3_open_v2 (g_file_peek_path (fixture.file), &db, SQLITE_OPEN_READONLY,
                                        NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                       SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }

  {
    g_autofree char *journal = g_strconcat (g_file_peek_path (fixture.file), "-journal", NULL);

    g_unlink (journal);
  }
  g_file_delete (fixture.file, NULL, NULL);
  g_rmdir (fixture.dir);
  g_clear_object (&fixture.file);
  g_free (fixture.dir);
}

/* The open QR code dialog, or NULL. */
static RedlineQrCodeDialog *
find_qr_code_dialog (void)
{
  return find_toplevel (REDLINE_TYPE_QR_CODE_DIALOG);
}

static gboolean
qr_code_dialog_shown (gpointer data)
{
  return find_qr_code_dialog () != NULL;
}

static gboolean
qr_code_dialog_gone (gpointer data)
{
  return find_qr_code_dialog () == NULL;
}

static guint
count_errors (GListModel *findings)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      n += redline_finding_get_severity (finding) == REDLINE_SEVERITY_ERROR;
    }
  return n;
}

static gboolean
qr_row_listed (gpointer data)
{
  return find_titled (data, ADW_TYPE_ACTION_ROW, "Packaging") != NULL;
}

static gboolean
removal_asked (gpointer data)
{
  return find_dialog ("is removed from the campaign") != NULL;
}

/* A marketer adds a packaging QR code to the Weixin campaign: its source
 * follows the placement, its link is checked as they type (off the
 * allowlist is an error on Weixin), it is stored and listed, and the SVG
 * exported decodes back to the checked link. */
static void
test_window_qr_code (Fixture       *fixture,
                     gconstpointer  data)
{
  RedlinePost *post = find_post (fixture->window, "桂花拿铁回来了");
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  GListModel *codes = redline_project_get_qr_codes (project);
  guint n_codes = g_list_model_get_n_items (codes);
  g_autoptr(RedlineProject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = g_build_filename (fixture->dir, "packaging.svg", NULL);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autofree char *decoded = NULL;
  RedlineCampaignDialog *campaign_dialog;
  RedlineQrCodeDialog *dialog;
  RedlineQrCode *code;
  GtkWidget *add, *placement, *link, *source, *row;

  redline_window_select_post (fixture->window, post);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.campaign-details", NULL);
  wait_until (campaign_dialog_shown, NULL, 5);
  campaign_dialog = find_campaign_dialog ();
  g_assert_cmpint (redline_campaign_get_ecosystem (
                     redline_campaign_dialog_get_campaign (campaign_dialog)), ==,
                   REDLINE_ECOSYSTEM_WEIXIN);
  add = find_titled (GTK_WIDGET (campaign_dialog), GTK_TYPE_BUTTON, "Add a QR Code");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  gtk_widget_activate (add);
  wait_until (qr_code_dialog_shown, NULL, 5);
  dialog = find_qr_code_dialog ();
  g_assert_null (redline_qr_code_dialog_get_code (dialog));

  placement = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                           "_Placement (packaging, poster, till…)");
  link = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Link");
  source = find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Source");
  g_assert_nonnull (placement);
  g_assert_nonnull (link);
  g_assert_nonnull (source);

  /* The source follows the placement's name. */
  gtk_editable_set_text (GTK_EDITABLE (placement), "Packaging");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (source)), ==, "packaging");

  /* A link off the allowlist is an error on Weixin, shown as typed. */
  gtk_editable_set_text (GTK_EDITABLE (link), "https://bit.ly/lumi-autumn");
  g_assert_cmpuint (count_errors (redline_qr_code_dialog_get_findings (dialog)), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_of_type,
                                 GSIZE_TO_POINTER (REDLINE_TYPE_FINDING_ROW)));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog),
                                "https://bit.ly/lumi-autumn?utm_source=packaging"));
  /* Not a web address: nothing to check, and nothing to add. */
  gtk_editable_set_text (GTK_EDITABLE (link), "lumi-cafe.example");
  g_assert_null (redline_qr_code_dialog_get_findings (dialog));
  g_assert_false (gtk_widget_get_sensitive (find_button_under (GTK_WIDGET (dialog), "_Add")));
  gtk_editable_set_text (GTK_EDITABLE (link), "https://www.lumi-cafe.example/autumn");
  g_assert_cmpuint (count_errors (redline_qr_code_dialog_get_findings (dialog)), ==, 0);

  /* Exported as shown, before it is even saved: the SVG decodes back to
   * the checked link. */
  g_assert_true (redline_qr_code_dialog_export (dialog, svg_file, &error));
  g_assert_no_error (error);
  decoded = redline_test_decode_qr (svg);
  if (decoded != NULL)
    g_assert_cmpstr (decoded, ==, "https://www.lumi-cafe.example/autumn?utm_source=packaging");
  g_unlink (svg);

  gtk_widget_activate (find_button_under (GTK_WIDGET (dialog), "_Add"));
  wait_until (qr_code_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (codes), ==, n_codes + 1);
  code = g_list_model_get_item (codes, n_codes);
  g_object_unref (code); /* the project holds it */
  g_assert_cmpstr (redline_qr_code_get_placement (code), ==, "Packaging");
  g_assert_cmpstr (redline_qr_code_get_source (code), ==, "packaging");
  g_assert_cmpint (redline_qr_code_get_campaign_id (code), ==, redline_post_get_campaign_id (post));

  /* Listed in the campaign's details, and in the file. */
  wait_until (qr_row_listed, campaign_dialog, 5);
  stored = reopen_file (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (stored)), ==,
                    n_codes + 1);
  g_clear_object (&stored);

  /* Opened again from its row: Save and Remove, and Remove asks first. */
  row = find_titled (GTK_WIDGET (campaign_dialog), ADW_TYPE_ACTION_ROW, "Packaging");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_until (qr_code_dialog_shown, NULL, 5);
  dialog = find_qr_code_dialog ();
  g_assert_true (redline_qr_code_dialog_get_code (dialog) == code);
  g_assert_nonnull (find_button_under (GTK_WIDGET (dialog), "_Save"));
  gtk_widget_activate (find_button_under (GTK_WIDGET (dialog), "_Remove QR Code"));
  wait_until (removal_asked, NULL, 5);
  gtk_widget_activate (find_button_under (GTK_WIDGET (find_dialog ("is removed from the campaign")),
                                          "_Remove"));
  wait_until (qr_code_dialog_gone, NULL, 5);
  g_assert_null (find_dialog ("is removed from the campaign"));
  g_assert_cmpuint (g_list_model_get_n_items (codes), ==, n_codes);
  stored = reopen_file (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (stored)), ==,
                    n_codes);
  gtk_window_destroy (GTK_WINDOW (campaign_dialog));
}

static gboolean
reply_dialog_shown (gpointer data)
{
  return find_toplevel (REDLINE_TYPE_AUTO_REPLY_DIALOG) != NULL;
}

static gboolean
reply_dialog_gone (gpointer data)
{
  return find_toplevel (REDLINE_TYPE_AUTO_REPLY_DIALOG) == NULL;
}

static gboolean
menu_dialog_shown (gpointer data)
{
  return find_toplevel (REDLINE_TYPE_MENU_ITEM_DIALOG) != NULL;
}

static gboolean
menu_dialog_gone (gpointer data)
{
  return find_toplevel (REDLINE_TYPE_MENU_ITEM_DIALOG) == NULL;
}

static gboolean
reply_removal_asked (gpointer data)
{
  return find_dialog ("no longer sends it") != NULL;
}

static gboolean
welcome_row_listed (gpointer data)
{
  return find_titled (data, ADW_TYPE_ACTION_ROW, "Welcome message") != NULL;
}

static gboolean
keyword_row_listed (gpointer data)
{
  return find_titled (data, ADW_TYPE_ACTION_ROW, "Keywords: 优惠券, coupon") != NULL;
}

static gboolean
menu_row_listed (gpointer data)
{
  return find_titled (data, ADW_TYPE_ACTION_ROW, "领券") != NULL;
}

static gboolean
has_rule (GListModel *findings,
          const char *rule_id)
{
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (redline_finding_get_rule_id (finding), rule_id))
        return TRUE;
    }
  return FALSE;
}

static void
type_text (GtkWidget  *dialog,
           const char *text)
{
  GtkWidget *view = find_widget (dialog, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* A marketer adds a welcome message to the Weixin campaign's account, then
 * a "share to Moments to get a coupon" keyword reply, flagged as they type
 * with the rule that forbids it; both are stored and listed. A menu item
 * past the third is flagged before it is added, and a sub-item is added
 * under a top-level item. */
static void
test_window_account_tools (Fixture       *fixture,
                           gconstpointer  data)
{
  RedlinePost *post = find_post (fixture->window, "桂花拿铁回来了");
  RedlineProject *project = redline_context_get_project (redline_window_get_context (fixture->window));
  GListModel *replies = redline_project_get_auto_replies (project);
  guint n_replies = g_list_model_get_n_items (replies);
  guint n_items = g_list_model_get_n_items (redline_project_get_menu_items (project));
  g_autoptr(RedlineProject) stored = NULL;
  RedlineCampaignDialog *campaign_dialog;
  RedlineAutoReplyDialog *reply_dialog;
  RedlineMenuItemDialog *menu_dialog;
  RedlineAutoReply *reply;
  GtkWidget *add, *keywords, *name, *row;

  redline_window_select_post (fixture->window, post);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.campaign-details", NULL);
  wait_until (campaign_dialog_shown, NULL, 5);
  campaign_dialog = find_campaign_dialog ();
  g_assert_nonnull (find_label (GTK_WIDGET (campaign_dialog),
                                "No automatic replies yet: followers get no welcome message."));

  /* The account has no welcome message: a new reply is one. */
  add = find_titled (GTK_WIDGET (campaign_dialog), GTK_TYPE_BUTTON, "Add an Automatic Reply");
  g_assert_nonnull (add);
  gtk_widget_activate (add);
  wait_until (reply_dialog_shown, NULL, 5);
  reply_dialog = REDLINE_AUTO_REPLY_DIALOG (find_toplevel (REDLINE_TYPE_AUTO_REPLY_DIALOG));
  g_assert_false (gtk_widget_get_sensitive (find_button_under (GTK_WIDGET (reply_dialog), "_Add")));
  type_text (GTK_WIDGET (reply_dialog), "欢迎关注 Lumi 咖啡！回复「门店」查看营业时间。");
  g_assert_cmpuint (count_errors (redline_auto_reply_dialog_get_findings (reply_dialog)), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (reply_dialog), "26 / 600 characters"));
  gtk_widget_activate (find_button_under (GTK_WIDGET (reply_dialog), "_Add"));
  wait_until (reply_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (replies), ==, n_replies + 1);
  reply = redline_project_find_account_reply (project, REDLINE_ECOSYSTEM_WEIXIN, "Lumi 咖啡",
                                              REDLINE_REPLY_TRIGGER_WELCOME);
  g_assert_nonnull (reply);
  wait_until (welcome_row_listed, campaign_dialog, 5);

  /* Now a new reply is a keyword reply; the coupon for sharing is flagged. */
  gtk_widget_activate (add);
  wait_until (reply_dialog_shown, NULL, 5);
  reply_dialog = REDLINE_AUTO_REPLY_DIALOG (find_toplevel (REDLINE_TYPE_AUTO_REPLY_DIALOG));
  keywords = find_titled (GTK_WIDGET (reply_dialog), ADW_TYPE_ENTRY_ROW,
                          "_Keywords, between commas");
  g_assert_true (gtk_widget_get_visible (keywords));
  type_text (GTK_WIDGET (reply_dialog), "转发到朋友圈即可领取优惠券");
  /* No keyword yet: nothing to add. */
  g_assert_false (gtk_widget_get_sensitive (find_button_under (GTK_WIDGET (reply_dialog), "_Add")));
  gtk_editable_set_text (GTK_EDITABLE (keywords), "优惠券，coupon");
  g_assert_true (has_rule (redline_auto_reply_dialog_get_findings (reply_dialog),
                           "platform.promotion.induced-share"));
  g_assert_cmpuint (count_errors (redline_auto_reply_dialog_get_findings (reply_dialog)), >=, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (reply_dialog), is_of_type,
                                 GSIZE_TO_POINTER (REDLINE_TYPE_FINDING_ROW)));
  gtk_widget_activate (find_button_under (GTK_WIDGET (reply_dialog), "_Add"));
  wait_until (reply_dialog_gone, NULL, 5);
  wait_until (keyword_row_listed, campaign_dialog, 5);
  stored = reopen_file (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_auto_replies (stored)), ==,
                    n_replies + 2);
  g_assert_nonnull (redline_project_find_account_reply (stored, REDLINE_ECOSYSTEM_WEIXIN,
                                                        "Lumi 咖啡",
                                                        REDLINE_REPLY_TRIGGER_WELCOME));
  g_clear_object (&stored);

  /* The sample's menu has three top-level items: a fourth is flagged as it
   * is typed, and not added. */
  add = find_titled (GTK_WIDGET (campaign_dialog), GTK_TYPE_BUTTON, "Add a Menu Item");
  gtk_widget_activate (add);
  wait_until (menu_dialog_shown, NULL, 5);
  menu_dialog = REDLINE_MENU_ITEM_DIALOG (find_toplevel (REDLINE_TYPE_MENU_ITEM_DIALOG));
  name = find_titled (GTK_WIDGET (menu_dialog), ADW_TYPE_ENTRY_ROW, "_Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "领券");
  type_text (GTK_WIDGET (menu_dialog), "回复「新品」查看本周新品。");
  g_assert_true (has_rule (redline_menu_item_dialog_get_findings (menu_dialog),
                           "platform.menu.items"));
  g_assert_nonnull (find_label (GTK_WIDGET (menu_dialog), "6 / 16 bytes"));

  /* Under “新品” it is the third sub-item: fine. */
  {
    AdwComboRow *place = ADW_COMBO_ROW (find_titled (GTK_WIDGET (menu_dialog), ADW_TYPE_COMBO_ROW,
                                                     "_Place"));

    g_assert_nonnull (place);
    adw_combo_row_set_selected (place, 1);
  }
  g_assert_false (has_rule (redline_menu_item_dialog_get_findings (menu_dialog),
                            "platform.menu.items"));
  g_assert_cmpuint (count_errors (redline_menu_item_dialog_get_findings (menu_dialog)), ==, 0);
  gtk_widget_activate (find_button_under (GTK_WIDGET (menu_dialog), "_Add"));
  wait_until (menu_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_menu_items (project)), ==,
                    n_items + 1);
  wait_until (menu_row_listed, campaign_dialog, 5);
  row = find_titled (GTK_WIDGET (campaign_dialog), ADW_TYPE_ACTION_ROW, "领券");
  {
    RedlineMenuItem *item = g_object_get_data (G_OBJECT (row), "menu-item");

    g_assert_nonnull (item);
    g_assert_cmpstr (redline_menu_item_get_name (redline_project_find_menu_item (
                       project, redline_menu_item_get_parent_id (item))), ==, "新品");
    g_assert_cmpuint (redline_menu_item_get_position (item), ==, 2);
  }
  stored = reopen_file (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_menu_items (stored)), ==,
                    n_items + 1);
  g_clear_object (&stored);

  /* The keyword reply, opened from its row, is removed after asking. */
  row = find_titled (GTK_WIDGET (campaign_dialog), ADW_TYPE_ACTION_ROW, "Keywords: 优惠券, coupon");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_until (reply_dialog_shown, NULL, 5);
  reply_dialog = REDLINE_AUTO_REPLY_DIALOG (find_toplevel (REDLINE_TYPE_AUTO_REPLY_DIALOG));
  gtk_widget_activate (find_button_under (GTK_WIDGET (reply_dialog), "_Remove Reply"));
  wait_until (reply_removal_asked, NULL, 5);
  gtk_widget_activate (find_button_under (GTK_WIDGET (find_dialog ("no longer sends it")),
                                          "_Remove"));
  wait_until (reply_dialog_gone, NULL, 5);
  g_assert_cmpuint (g_list_model_get_n_items (replies), ==, n_replies + 1);
  stored = reopen_file (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_auto_replies (stored)), ==,
                    n_replies + 1);
  gtk_window_destroy (GTK_WINDOW (campaign_dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the UI tests are skipped.\n");
      return 77;
    }
  adw_init ();
  g_set_application_name ("Redline");

  g_test_add ("/window/open-sample", Fixture, NULL, fixture_set_up, test_window_open_sample,
              fixture_tear_down);
  g_test_add ("/window/type-banned-term", Fixture, NULL, fixture_set_up,
              test_window_type_banned_term, fixture_tear_down);
  g_test_add ("/window/apply-suggestion", Fixture, NULL, fixture_set_up,
              test_window_apply_suggestion, fixture_tear_down);
  g_test_add ("/window/switch-ecosystem", Fixture, NULL, fixture_set_up,
              test_window_switch_ecosystem, fixture_tear_down);
  g_test_add ("/window/purpose", Fixture, NULL, fixture_set_up, test_window_purpose,
              fixture_tear_down);
  g_test_add ("/window/copy-to-other-ecosystem", Fixture, NULL, fixture_set_up,
              test_window_copy_to_other_ecosystem, fixture_tear_down);
  g_test_add ("/window/finding-row-jumps", Fixture, NULL, fixture_set_up,
              test_window_finding_row_jumps, fixture_tear_down);
  g_test_add ("/window/author", Fixture, NULL, fixture_set_up, test_window_author,
              fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up,
              test_window_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/review", Fixture, NULL, fixture_set_up, test_window_review,
              fixture_tear_down);
  g_test_add ("/window/review-queue", Fixture, NULL, fixture_set_up, test_window_review_queue,
              fixture_tear_down);
  g_test_add ("/window/audit-altered", Fixture, NULL, fixture_set_up_audit_altered,
              test_window_audit_altered, fixture_tear_down);
  g_test_add ("/window/export-report", Fixture, NULL, fixture_set_up, test_window_export_report,
              fixture_tear_down);
  g_test_add ("/window/save-fails", Fixture, NULL, fixture_set_up, test_window_save_fails,
              fixture_tear_down);
  g_test_add ("/window/newer-format", Fixture, NULL, fixture_set_up, test_window_newer_format,
              fixture_tear_down);
  g_test_add ("/window/campaign-details", Fixture, NULL, fixture_set_up,
              test_window_campaign_details, fixture_tear_down);
  g_test_add ("/window/account-tools", Fixture, NULL, fixture_set_up, test_window_account_tools,
              fixture_tear_down);
  g_test_add ("/window/qr-code", Fixture, NULL, fixture_set_up, test_window_qr_code,
              fixture_tear_down);
  g_test_add ("/window/schedule-post", Fixture, NULL, fixture_set_up,
              test_window_schedule_post, fixture_tear_down);
  g_test_add ("/window/calendar", Fixture, NULL, fixture_set_up, test_window_calendar,
              fixture_tear_down);
  g_test_add_func ("/window/killed-after-typing", test_window_killed_after_typing);
  g_test_add_func ("/window/killed-while-saving", test_window_killed_while_saving);
  return g_test_run ();
}
