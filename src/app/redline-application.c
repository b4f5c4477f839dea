/* redline-application.c: the redline desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-application.h"
#include "redline-window.h"

struct _RedlineApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RedlineApplication, redline_application, ADW_TYPE_APPLICATION)

/* The window that shows @file, or NULL. */
static RedlineWindow *
find_window_for_file (RedlineApplication *self,
                      GFile              *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!REDLINE_IS_WINDOW (l->data))
        continue;
      shown = redline_window_get_file (REDLINE_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

/* A window with nothing open, or a new one. */
static RedlineWindow *
get_empty_window (RedlineApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REDLINE_IS_WINDOW (l->data) && redline_window_get_file (REDLINE_WINDOW (l->data)) == NULL)
      return l->data;
  return redline_window_new (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RedlineApplication *self = user_data;

  /* Each window saves what it holds as it closes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RedlineApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (redline_window_new (self)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RedlineApplication *self = user_data;
  static const char *developers[] = { "The Redline developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Redline"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan campaigns for Weixin and WeChat, and check ad copy "
                                      "against each ecosystem’s rules before it is submitted."),
                        "developers", developers,
                        "copyright", "© 2026 The Redline developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your name, to be credited in the about window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
};

static void
redline_application_startup (GApplication *app)
{
  RedlineApplication *self = REDLINE_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.new-post", { "<Control>t", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.check-other-ecosystem", { "<Control>e", NULL } },
    { "win.next-finding", { "F8", NULL } },
    { "win.previous-finding", { "<Shift>F8", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (redline_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
redline_application_activate (GApplication *app)
{
  RedlineApplication *self = REDLINE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (redline_window_new (self));
  last = g_settings_get_string (self->settings, "last-project");
  if (g_settings_get_boolean (self->settings, "reopen-last-project") && last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      /* A project that was moved away since is not an error: the welcome
       * page is shown instead. */
      if (g_file_query_exists (file, NULL))
        redline_window_open_file (REDLINE_WINDOW (window), file);
    }
  gtk_window_present (window);
}

static void
redline_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RedlineApplication *self = REDLINE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      RedlineWindow *window = find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          window = get_empty_window (self);
          redline_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
redline_application_dispose (GObject *object)
{
  RedlineApplication *self = REDLINE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (redline_application_parent_class)->dispose (object);
}

static void
redline_application_class_init (RedlineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = redline_application_dispose;
  app_class->startup = redline_application_startup;
  app_class->activate = redline_application_activate;
  app_class->open = redline_application_open;
}

static void
redline_application_init (RedlineApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

/**
 * redline_application_new:
 *
 * Returns: (transfer full): the application
 */
RedlineApplication *
redline_application_new (void)
{
  return g_object_new (REDLINE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/redline/Redline",
                       NULL);
}

/**
 * redline_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
redline_application_get_settings (RedlineApplication *self)
{
  g_return_val_if_fail (REDLINE_IS_APPLICATION (self), NULL);
  return self->settings;
}
