/* redline-window-private.h: what the files of RedlineWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RedlineWindow is one type in two files, as GNOME Text Editor splits its
 * window: redline-window.c (opening, the sidebar, the lists, the editor)
 * and redline-window-actions.c (the win.* actions and their dialogs).
 */

#pragma once

#include "redline-plan-view.h"
#include "redline-post-editor.h"
#include "redline-post-table.h"
#include "redline-welcome-page.h"
#include "redline-window.h"

G_BEGIN_DECLS

/* The type of project files, in the recent list and the file choosers. */
#define MIME_TYPE "application/x-redline-project"

struct _RedlineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RedlineContext       *context;
  RedlineCheckIndex    *index;
  GtkFilterListModel   *campaigns;       /* sorted, without those being deleted */
  GtkCustomFilter      *campaign_filter;
  GHashTable           *hidden_campaigns; /* RedlineCampaign set */
  GHashTable           *pending_deletes;  /* toast → the campaign or post it deletes */
  char                 *read_only_reason;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  RedlineWelcomePage   *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *project_title;
  GtkListBox           *campaign_list;
  GtkListBox           *queue_list;
  GtkImage             *banner_icon;
  GtkListBoxRow        *queue_row;
  GtkListBoxRow        *calendar_row;
  GtkImage             *calendar_problem_icon;
  GtkStack             *content_stack;
  RedlinePlanView      *plan_view;
  GtkLabel             *queue_count;
  GListModel           *watched_posts;   /* the project's posts, for the queue's count */
  AdwWindowTitle       *campaign_title;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkWidget            *banner_save_button;
  GtkRevealer          *save_banner_revealer;
  GtkLabel             *save_banner_label;
  gboolean              close_without_unsaved;
  RedlinePostTable     *post_table;
  GtkStack             *editor_stack;
  RedlinePostEditor    *editor;
};

RedlineProject  *_redline_window_get_project            (RedlineWindow   *self);
gboolean         _redline_window_is_writable            (RedlineWindow   *self);
RedlineCampaign *_redline_window_get_selected_campaign  (RedlineWindow   *self);
void             _redline_window_update_actions         (RedlineWindow   *self);
void             _redline_window_remember_project       (RedlineWindow   *self,
                                                         GFile           *file);
AdwToast        *_redline_window_toast_new              (const char      *text);
void             _redline_window_toast                  (RedlineWindow   *self,
                                                         const char      *text);
void             _redline_window_show_save_failed       (RedlineWindow   *self,
                                                         const char      *message);
void             _redline_window_confirm_close_unsaved  (RedlineWindow   *self);
void             _redline_window_show_error             (RedlineWindow   *self,
                                                         const char      *heading,
                                                         const char      *message);
void             _redline_window_flush_pending_deletes  (RedlineWindow   *self);
void             _redline_window_carry_out_delete       (RedlineWindow   *self,
                                                         AdwToast        *toast);
void             _redline_window_class_add_actions      (GtkWidgetClass  *widget_class);

G_END_DECLS
