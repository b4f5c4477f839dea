/* redline-new-project-dialog.c: a new project's name and first campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-ecosystem-chooser.h"
#include "redline-new-project-dialog.h"

/**
 * RedlineNewProjectDialog:
 *
 * Asks for what a new project needs before its file is chosen: its name,
 * and its first campaign's name and ecosystem. "Create…" is enabled once
 * both names are given.
 */
struct _RedlineNewProjectDialog
{
  AdwMessageDialog         parent_instance;

  GtkEntry                *name_entry;
  GtkEntry                *campaign_entry;
  RedlineEcosystemChooser *ecosystem_chooser;
};

G_DEFINE_FINAL_TYPE (RedlineNewProjectDialog, redline_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
on_entry_changed_cb (GtkEditable             *editable,
                     RedlineNewProjectDialog *self)
{
  g_autofree char *name = dup_stripped (self->name_entry);
  g_autofree char *campaign = dup_stripped (self->campaign_entry);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           name[0] != '\0' && campaign[0] != '\0');
}

static void
redline_new_project_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_NEW_PROJECT_DIALOG);

  G_OBJECT_CLASS (redline_new_project_dialog_parent_class)->dispose (object);
}

static void
redline_new_project_dialog_class_init (RedlineNewProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_new_project_dialog_dispose;

  g_type_ensure (REDLINE_TYPE_ECOSYSTEM_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineNewProjectDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlineNewProjectDialog, campaign_entry);
  gtk_widget_class_bind_template_child (widget_class, RedlineNewProjectDialog, ecosystem_chooser);
}

static void
redline_new_project_dialog_init (RedlineNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (self->campaign_entry, "changed", G_CALLBACK (on_entry_changed_cb), self,
                           0);
}

/**
 * redline_new_project_dialog_new:
 * @parent: the window it is for
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
redline_new_project_dialog_new (GtkWindow *parent)
{
  return g_object_new (REDLINE_TYPE_NEW_PROJECT_DIALOG, "transient-for", parent, NULL);
}

/**
 * redline_new_project_dialog_dup_project_name:
 * @self: a #RedlineNewProjectDialog
 *
 * Returns: (transfer full): the project's name, without surrounding spaces
 */
char *
redline_new_project_dialog_dup_project_name (RedlineNewProjectDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_NEW_PROJECT_DIALOG (self), NULL);
  return dup_stripped (self->name_entry);
}

/**
 * redline_new_project_dialog_dup_campaign_name:
 * @self: a #RedlineNewProjectDialog
 *
 * Returns: (transfer full): the first campaign's name, without surrounding
 *   spaces
 */
char *
redline_new_project_dialog_dup_campaign_name (RedlineNewProjectDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_NEW_PROJECT_DIALOG (self), NULL);
  return dup_stripped (self->campaign_entry);
}

/**
 * redline_new_project_dialog_get_ecosystem:
 * @self: a #RedlineNewProjectDialog
 *
 * Returns: the first campaign's ecosystem
 */
RedlineEcosystem
redline_new_project_dialog_get_ecosystem (RedlineNewProjectDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_NEW_PROJECT_DIALOG (self), REDLINE_ECOSYSTEM_WEIXIN);
  return redline_ecosystem_chooser_get_ecosystem (self->ecosystem_chooser);
}
