/* screenshot.c: the README's screenshots, drawn by GTK from the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: screenshot PROJECT POST-TITLE OUTPUT.png WIDTH HEIGHT [wechat|queue]
 *
 * Opens PROJECT (a copy: nothing is written to it), selects the post titled
 * POST-TITLE, waits for the checks to settle and saves the window as a PNG.
 * With "wechat" as the last argument the post is previewed against the
 * other ecosystem; with "queue", the post is selected in the review queue;
 * with "calendar" or "agenda", the plan is shown (POST-TITLE may be "").
 * Run it with LANGUAGE=zh_CN for the Chinese screenshots.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "redline-auto-reply-dialog.h"
#include "redline-campaign-dialog.h"
#include "redline-history-window.h"
#include "redline-menu-item-dialog.h"
#include "redline-post-editor.h"
#include "redline-preferences-window.h"
#include "redline-qr-code-dialog.h"
#include "redline-window.h"

static void
spin (double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
save_window (GtkWidget  *window,
             const char *output)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, output);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  RedlineWindow *window;
  RedlineProject *project;
  GListModel *posts;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("REDLINE_LOCALEDIR") != NULL
                                   ? g_getenv ("REDLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 6)
    {
      g_printerr ("Usage: %s PROJECT POST-TITLE OUTPUT.png WIDTH HEIGHT [wechat|queue|calendar|agenda]\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("%s: no display\n", argv[0]);
      return 77;
    }
  adw_init ();
  g_set_application_name (_("Redline"));
  {
    /* What AdwApplication loads for the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/redline/Redline/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  source = g_file_new_for_commandline_arg (argv[1]);
  dir = g_dir_make_tmp ("redline-shot-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "lumi-cafe.redline", NULL);
  copy = g_file_new_for_path (path);
  if (!g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  window = redline_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), atoi (argv[4]), atoi (argv[5]));
  gtk_window_present (GTK_WINDOW (window));
  if (!redline_window_open_file (window, copy))
    return 1;
  project = redline_context_get_project (redline_window_get_context (window));
  posts = redline_project_get_posts (project);
  if (argc > 6 && g_str_equal (argv[6], "queue"))
    redline_window_show_review_queue (window);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);

      if (g_strcmp0 (redline_post_get_title (post), argv[2]) == 0)
        redline_window_select_post (window, post);
    }
  /* "calendar" or "agenda": the plan, on the month of its first post. */
  if (argc > 6 && (g_str_equal (argv[6], "calendar") || g_str_equal (argv[6], "agenda")))
    {
      redline_window_show_calendar (window);
      if (g_str_equal (argv[6], "agenda"))
        gtk_widget_activate_action (GTK_WIDGET (redline_window_get_plan_view (window)),
                                    "plan.show-agenda", NULL);
    }
  if (argc > 6 && g_str_equal (argv[6], "wechat"))
    redline_post_editor_set_ecosystem (REDLINE_POST_EDITOR (redline_window_get_editor (window)),
                                       REDLINE_ECOSYSTEM_WECHAT);
  spin (1.5);
  if (g_getenv ("REDLINE_SCREENSHOT_DISK_FULL") != NULL)
    {
      /* The file may not grow, as on a full disk, and a paragraph is
       * pasted: the banner that says the text is kept. */
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
        redline_post_editor_get_field_view (REDLINE_POST_EDITOR (redline_window_get_editor (window)),
                                            REDLINE_FIELD_BODY)));
      g_autoptr(GString) paste = g_string_new (NULL);
      struct rlimit unlimited, full;
      GStatBuf st;
      GtkTextIter end;

      while (paste->len < 64 * 1024)
        g_string_append (paste, "\n秋天的第一杯栗子拿铁，欢迎到店品尝。");
      g_stat (path, &st);
      getrlimit (RLIMIT_FSIZE, &unlimited);
      full = unlimited;
      full.rlim_cur = st.st_size;
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &full);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, paste->str, -1);
      redline_window_save (window);
      /* The picture itself must be written. */
      setrlimit (RLIMIT_FSIZE, &unlimited);
      spin (1.0);
    }
  if (g_getenv ("REDLINE_SCREENSHOT_PREFERENCES") != NULL)
    {
      GtkWidget *preferences =
        redline_preferences_window_new (GTK_WINDOW (window), redline_window_get_context (window));

      gtk_window_set_default_size (GTK_WINDOW (preferences), 720, 560);
      gtk_window_present (GTK_WINDOW (preferences));
      if (g_str_equal (g_getenv ("REDLINE_SCREENSHOT_PREFERENCES"), "project"))
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                      "project");
      spin (1.0);
      if (!save_window (preferences, argv[3]))
        return 1;
      return 0;
    }
  if (g_getenv ("REDLINE_SCREENSHOT_CAMPAIGN") != NULL)
    {
      /* The details of the shown post's campaign, scrolled as far as
       * REDLINE_SCREENSHOT_CAMPAIGN says (0 for the top). */
      RedlinePost *post = redline_post_editor_get_post (REDLINE_POST_EDITOR (
                                                          redline_window_get_editor (window)));
      RedlineCampaign *campaign = redline_project_find_campaign (project,
                                                                 redline_post_get_campaign_id (post));
      GtkWidget *dialog = redline_campaign_dialog_new (GTK_WINDOW (window),
                                                       redline_window_get_context (window),
                                                       campaign, REDLINE_ECOSYSTEM_WEIXIN);

      gtk_window_present (GTK_WINDOW (dialog));
      spin (0.5);
      {
        GtkWidget *scrolled = dialog;

        while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
          {
            GtkWidget *next = gtk_widget_get_first_child (scrolled);

            /* Depth first along the first children, past the header bar. */
            while (next != NULL && GTK_IS_WIDGET (next) && ADW_IS_HEADER_BAR (next))
              next = gtk_widget_get_next_sibling (next);
            scrolled = next;
          }
        if (scrolled != NULL)
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                    g_ascii_strtod (g_getenv ("REDLINE_SCREENSHOT_CAMPAIGN"), NULL));
      }
      spin (1.0);
      if (!save_window (dialog, argv[3]))
        return 1;
      return 0;
    }
  if (g_getenv ("REDLINE_SCREENSHOT_QR") != NULL)
    {
      /* A QR code of the shown post's campaign: REDLINE_SCREENSHOT_QR is
       * the placement of one it has, or PLACEMENT|LINK for a new one. */
      RedlinePost *post = redline_post_editor_get_post (REDLINE_POST_EDITOR (
                                                          redline_window_get_editor (window)));
      RedlineCampaign *campaign = redline_project_find_campaign (project,
                                                                 redline_post_get_campaign_id (post));
      g_auto(GStrv) spec = g_strsplit (g_getenv ("REDLINE_SCREENSHOT_QR"), "|", 2);
      g_autoptr(RedlineQrCode) code = NULL;
      GListModel *codes = redline_project_get_qr_codes (project);
      GtkWidget *dialog;

      for (guint i = 0; spec[1] == NULL && i < g_list_model_get_n_items (codes); i++)
        {
          g_autoptr(RedlineQrCode) item = g_list_model_get_item (codes, i);

          if (g_strcmp0 (redline_qr_code_get_placement (item), spec[0]) == 0)
            code = g_object_ref (item);
        }
      if (code == NULL)
        code = redline_qr_code_new (redline_campaign_get_id (campaign), spec[0], spec[1]);
      dialog = redline_qr_code_dialog_new (GTK_WINDOW (window), redline_window_get_context (window),
                                           campaign, code);
      gtk_window_present (GTK_WINDOW (dialog));
      spin (1.0);
      if (!save_window (dialog, argv[3]))
        return 1;
      return 0;
    }
  if (g_getenv ("REDLINE_SCREENSHOT_REPLY") != NULL || g_getenv ("REDLINE_SCREENSHOT_MENU") != NULL)
    {
      /* The account of the shown post's campaign: REDLINE_SCREENSHOT_MENU
       * names one of its menu items; REDLINE_SCREENSHOT_REPLY is the text of
       * a new reply, KEYWORDS|TEXT for a keyword reply. */
      RedlinePost *post = redline_post_editor_get_post (REDLINE_POST_EDITOR (
                                                          redline_window_get_editor (window)));
      RedlineCampaign *campaign = redline_project_find_campaign (project,
                                                                 redline_post_get_campaign_id (post));
      RedlineContext *context = redline_window_get_context (window);
      RedlineEcosystem ecosystem = redline_campaign_get_ecosystem (campaign);
      const char *account = redline_campaign_get_account (campaign);
      GtkWidget *dialog = NULL;

      if (g_getenv ("REDLINE_SCREENSHOT_MENU") != NULL)
        {
          g_autoptr(GPtrArray) menu = redline_project_list_menu (project, ecosystem, account);

          for (guint i = 0; i < menu->len; i++)
            if (g_strcmp0 (redline_menu_item_get_name (g_ptr_array_index (menu, i)),
                           g_getenv ("REDLINE_SCREENSHOT_MENU")) == 0)
              dialog = redline_menu_item_dialog_new (GTK_WINDOW (window), context, ecosystem,
                                                     account, g_ptr_array_index (menu, i));
          if (dialog == NULL)
            return 1;
        }
      else
        {
          g_auto(GStrv) spec = g_strsplit (g_getenv ("REDLINE_SCREENSHOT_REPLY"), "|", 2);
          g_autoptr(RedlineAutoReply) reply =
            redline_auto_reply_new (ecosystem, account, spec[1] != NULL
                                                        ? REDLINE_REPLY_TRIGGER_KEYWORD
                                                        : REDLINE_REPLY_TRIGGER_WELCOME);
          g_auto(GStrv) keywords = redline_keywords_parse (spec[1] != NULL ? spec[0] : NULL);
          redline_auto_reply_set_keywords (reply, (const char * const *) keywords);
          redline_auto_reply_set_text (reply, spec[1] != NULL ? spec[1] : spec[0]);
          /* Drawn as the dialog of a reply the account has: stored in the
           * copy of the sample the screenshot opened. */
          if (!redline_project_add_auto_reply (project, reply, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          dialog = redline_auto_reply_dialog_new (GTK_WINDOW (window), context, ecosystem,
                                                  account, reply);
        }
      gtk_window_present (GTK_WINDOW (dialog));
      spin (1.0);
      if (!save_window (dialog, argv[3]))
        return 1;
      return 0;
    }
  if (g_getenv ("REDLINE_SCREENSHOT_HISTORY") != NULL)
    {
      RedlinePost *post = redline_post_editor_get_post (REDLINE_POST_EDITOR (
                                                          redline_window_get_editor (window)));
      GtkWidget *history = redline_history_window_new (GTK_WINDOW (window), project, post);

      gtk_window_present (GTK_WINDOW (history));
      spin (1.0);
      if (!save_window (history, argv[3]))
        return 1;
      return 0;
    }
  if (!save_window (GTK_WIDGET (window), argv[3]))
    {
      g_printerr ("%s: could not draw the window\n", argv[3]);
      return 1;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_file_delete (copy, NULL, NULL);
  g_rmdir (dir);
  return 0;
}
