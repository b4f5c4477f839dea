/* redline-finding-row.c: a finding in the list beside the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-finding-row.h"
#include "redline-labels.h"

/**
 * RedlineFindingRow:
 *
 * One finding: its severity on the ecosystem checked for, the field and
 * text it is about, the message, the legal reference, what the other
 * ecosystem says, a "Replace with …" button per suggestion, which emits
 * #RedlineFindingRow::replace, and for a finding not yet waived a
 * "Waive…" button (#RedlineFindingRow::waive); a waived one says by whom
 * and why.
 */
struct _RedlineFindingRow
{
  GtkListBoxRow   parent_instance;

  RedlineFinding *finding;

  GtkImage       *icon;
  GtkLabel       *where_label;
  GtkLabel       *message_label;
  GtkLabel       *reference_label;
  GtkLabel       *other_label;
  GtkFlowBox     *suggestions_box;
  GtkLabel       *waived_label;
  GtkWidget      *waive_button;
};

G_DEFINE_FINAL_TYPE (RedlineFindingRow, redline_finding_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REPLACE,
  WAIVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *icon;
  const char *css;
} severity_style[] = {
  [REDLINE_SEVERITY_OFF] = { "emblem-ok-symbolic", "success" },
  [REDLINE_SEVERITY_INFO] = { "dialog-information-symbolic", "accent" },
  [REDLINE_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning" },
  [REDLINE_SEVERITY_ERROR] = { "dialog-error-symbolic", "error" },
};

static void
on_suggestion_clicked_cb (GtkButton         *button,
                          RedlineFindingRow *self)
{
  const char *suggestion = g_object_get_data (G_OBJECT (button), "suggestion");

  g_signal_emit (self, signals[REPLACE], 0, suggestion);
}

static void
on_waive_clicked_cb (GtkButton         *button,
                     RedlineFindingRow *self)
{
  g_signal_emit (self, signals[WAIVE], 0);
}

/* The text found, as it reads in one line of the list: runs of white
 * space become one space, and a long text (a length limit's excess) is
 * cut. */
static char *
quote_for_line (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
      n++;
      if (n == 40 && *g_utf8_next_char (p) != '\0')
        g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

static void
populate (RedlineFindingRow *self,
          gboolean           can_replace)
{
  RedlineFinding *finding = self->finding;
  RedlineSeverity severity = redline_finding_get_severity (finding);
  RedlineEcosystem ecosystem = redline_finding_get_ecosystem (finding);
  RedlineEcosystem other = ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? REDLINE_ECOSYSTEM_WECHAT
                                                                  : REDLINE_ECOSYSTEM_WEIXIN;
  RedlineSeverity other_severity = redline_finding_get_other_severity (finding);
  const char * const *suggestions = redline_finding_get_suggestions (finding);
  const char *reference = redline_finding_get_reference (finding);
  const char *text = redline_finding_get_text (finding);
  g_autofree char *where = NULL;
  g_autofree char *other_text = NULL;

  gtk_image_set_from_icon_name (self->icon, severity_style[severity].icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), severity_style[severity].css);
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN && text != NULL && text[0] != '\0')
    {
      g_autofree char *quote = quote_for_line (text);

      /* TRANSLATORS: "Error · Body · “最佳”": severity, field and the text found */
      where = g_strdup_printf (_("%s · %s · “%s”"), redline_severity_label (severity),
                               redline_field_label (redline_finding_get_field (finding)), quote);
    }
  else
    where = g_strdup_printf ("%s · %s", redline_severity_label (severity),
                             redline_field_label (redline_finding_get_field (finding)));
  gtk_label_set_text (self->where_label, where);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->where_label), where);
  gtk_label_set_text (self->message_label, redline_finding_get_message (finding));

  gtk_widget_set_visible (GTK_WIDGET (self->reference_label),
                          reference != NULL && reference[0] != '\0');
  if (reference != NULL)
    gtk_label_set_text (self->reference_label, reference);

  /* TRANSLATORS: "On WeChat: Note": the other ecosystem's verdict */
  other_text = g_strdup_printf (_("On %s: %s"), redline_ecosystem_short_label (other),
                                redline_severity_label (other_severity));
  /* An advertising-law rule on editorial copy: say why it is only a note. */
  if (redline_finding_get_outside_purpose (finding))
    {
      g_autofree char *line = other_text;

      other_text = g_strconcat (line, "\n",
                                _("A note only: the rule does not bind this post’s purpose"),
                                NULL);
    }
  gtk_label_set_text (self->other_label, other_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->other_label), severity_style[other_severity].css);

  for (guint i = 0; can_replace && suggestions != NULL && suggestions[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Replace with “%s”"), suggestions[i]);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data_full (G_OBJECT (button), "suggestion", g_strdup (suggestions[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_suggestion_clicked_cb), self, 0);
      gtk_flow_box_append (self->suggestions_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_box),
                          can_replace && suggestions != NULL && suggestions[0] != NULL);

  /* A waived finding stays listed, says who waived it and why, and is
   * dimmed. */
  if (redline_finding_get_waived (finding))
    {
      g_autofree char *waived =
        /* TRANSLATORS: "Waived by 王律师: 第一 refers to a named award" */
        g_strdup_printf (_("Waived by %s: %s"), redline_finding_get_waived_by (finding),
                         redline_finding_get_waiver_justification (finding));

      gtk_label_set_text (self->waived_label, waived);
      gtk_widget_add_css_class (GTK_WIDGET (self), "waived");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->waived_label), redline_finding_get_waived (finding));
  /* Errors and warnings can be waived, where the post can change. */
  gtk_widget_set_visible (self->waive_button,
                          can_replace && !redline_finding_get_waived (finding) &&
                          severity >= REDLINE_SEVERITY_WARNING);
}

static void
redline_finding_row_dispose (GObject *object)
{
  RedlineFindingRow *self = REDLINE_FINDING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (redline_finding_row_parent_class)->dispose (object);
}

static void
redline_finding_row_class_init (RedlineFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_finding_row_dispose;

  /**
   * RedlineFindingRow::replace:
   * @row: the row
   * @suggestion: the text to put in the finding's place
   */
  signals[REPLACE] =
    g_signal_new ("replace", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RedlineFindingRow::waive:
   * @row: the row
   *
   * The user asks to waive the row's finding.
   */
  signals[WAIVE] =
    g_signal_new ("waive", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, other_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, waived_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineFindingRow, waive_button);
  gtk_widget_class_bind_template_callback (widget_class, on_waive_clicked_cb);
}

static void
redline_finding_row_init (RedlineFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * redline_finding_row_new:
 * @finding: a finding
 * @can_replace: whether to offer its suggestions as replacements
 *
 * Returns: (transfer floating): a row for @finding
 */
GtkWidget *
redline_finding_row_new (RedlineFinding *finding,
                         gboolean        can_replace)
{
  RedlineFindingRow *self;

  g_return_val_if_fail (REDLINE_IS_FINDING (finding), NULL);

  self = g_object_new (REDLINE_TYPE_FINDING_ROW, NULL);
  self->finding = g_object_ref (finding);
  populate (self, can_replace);
  return GTK_WIDGET (self);
}

/**
 * redline_finding_row_set_finding:
 * @self: a #RedlineFindingRow
 * @finding: a finding that shows as the row's does, at another place
 *
 * Points the row at @finding, which the text now has where the row's
 * finding was: the row reads the same and acts on the new place.
 */
void
redline_finding_row_set_finding (RedlineFindingRow *self,
                                 RedlineFinding    *finding)
{
  g_return_if_fail (REDLINE_IS_FINDING_ROW (self));
  g_return_if_fail (REDLINE_IS_FINDING (finding));

  g_set_object (&self->finding, finding);
}

/**
 * redline_finding_row_get_finding:
 * @self: a #RedlineFindingRow
 *
 * Returns: (transfer none): the finding
 */
RedlineFinding *
redline_finding_row_get_finding (RedlineFindingRow *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING_ROW (self), NULL);
  return self->finding;
}

/**
 * redline_finding_row_fill_list:
 * @list: a list box of finding rows, with its placeholder
 * @findings: (nullable): the findings to show, or %NULL for none
 *
 * Replaces the rows of @list by a row for each of @findings (that cannot
 * replace text); the placeholder stays.
 */
void
redline_finding_row_fill_list (GtkListBox *list,
                               GListModel *findings)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      gtk_list_box_append (list, redline_finding_row_new (finding, FALSE));
    }
}

/**
 * redline_finding_row_add_verdict:
 * @row: a row of a list of items
 * @findings: (nullable): the item's findings
 * @broken: whether the item cannot be checked as it is (an error)
 *
 * Adds an error or a warning icon at the end of @row for the worst of
 * @findings, as the editor marks a post; nothing below a warning.
 */
void
redline_finding_row_add_verdict (AdwActionRow *row,
                                 GListModel   *findings,
                                 gboolean      broken)
{
  RedlineSeverity worst = broken ? REDLINE_SEVERITY_ERROR : REDLINE_SEVERITY_OFF;
  GtkWidget *icon;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      worst = MAX (worst, redline_finding_get_severity (finding));
    }
  if (worst < REDLINE_SEVERITY_WARNING)
    return;
  icon = gtk_image_new_from_icon_name (worst == REDLINE_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                                       : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, worst == REDLINE_SEVERITY_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  redline_severity_label (worst), -1);
  adw_action_row_add_suffix (row, icon);
}
