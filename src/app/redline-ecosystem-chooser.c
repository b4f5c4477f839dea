/* redline-ecosystem-chooser.c: Weixin or WeChat, for a new campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-ecosystem-chooser.h"

/**
 * RedlineEcosystemChooser:
 *
 * Two radio buttons, Weixin (China) and WeChat (Global), and a line that
 * says why the choice matters: a campaign never changes ecosystem.
 */
struct _RedlineEcosystemChooser
{
  GtkBox          parent_instance;

  GtkCheckButton *weixin_button;
  GtkCheckButton *wechat_button;
};

G_DEFINE_FINAL_TYPE (RedlineEcosystemChooser, redline_ecosystem_chooser, GTK_TYPE_BOX)

static void
redline_ecosystem_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_ECOSYSTEM_CHOOSER);

  G_OBJECT_CLASS (redline_ecosystem_chooser_parent_class)->dispose (object);
}

static void
redline_ecosystem_chooser_class_init (RedlineEcosystemChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_ecosystem_chooser_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-ecosystem-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineEcosystemChooser, weixin_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineEcosystemChooser, wechat_button);
}

static void
redline_ecosystem_chooser_init (RedlineEcosystemChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * redline_ecosystem_chooser_get_ecosystem:
 * @self: a #RedlineEcosystemChooser
 *
 * Returns: the ecosystem chosen
 */
RedlineEcosystem
redline_ecosystem_chooser_get_ecosystem (RedlineEcosystemChooser *self)
{
  g_return_val_if_fail (REDLINE_IS_ECOSYSTEM_CHOOSER (self), REDLINE_ECOSYSTEM_WEIXIN);
  return gtk_check_button_get_active (self->wechat_button) ? REDLINE_ECOSYSTEM_WECHAT
                                                           : REDLINE_ECOSYSTEM_WEIXIN;
}

/**
 * redline_ecosystem_chooser_set_ecosystem:
 * @self: a #RedlineEcosystemChooser
 * @ecosystem: the ecosystem to choose
 */
void
redline_ecosystem_chooser_set_ecosystem (RedlineEcosystemChooser *self,
                                         RedlineEcosystem         ecosystem)
{
  g_return_if_fail (REDLINE_IS_ECOSYSTEM_CHOOSER (self));
  gtk_check_button_set_active (ecosystem == REDLINE_ECOSYSTEM_WECHAT ? self->wechat_button
                                                                     : self->weixin_button, TRUE);
}
