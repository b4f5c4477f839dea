/* redline-post-editor-findings.c: the list of findings beside the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-finding-row.h"
#include "redline-labels.h"
#include "redline-post-editor-private.h"

int
_redline_post_editor_compare_findings (gconstpointer a,
                                       gconstpointer b)
{
  RedlineFinding *fa = *(RedlineFinding **) a, *fb = *(RedlineFinding **) b;
  RedlineSeverity sa = redline_finding_get_severity (fa), sb = redline_finding_get_severity (fb);

  if (sa != sb)
    return sa > sb ? -1 : 1;
  return redline_finding_compare (fa, fb);
}

void
_redline_post_editor_update_findings_title (RedlinePostEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint errors = 0, warnings = 0, waived = 0;
  g_autofree char *title = NULL;
  g_autofree char *n_errors = NULL;
  g_autofree char *n_warnings = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if (redline_finding_get_waived (finding))
        {
          waived++;
          continue;
        }
      errors += redline_finding_get_severity (finding) == REDLINE_SEVERITY_ERROR;
      warnings += redline_finding_get_severity (finding) == REDLINE_SEVERITY_WARNING;
    }
  n_errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors),
                              errors);
  n_warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                             warnings), warnings);
  /* TRANSLATORS: "Weixin: 2 errors, 1 warning", the findings listed below */
  title = g_strdup_printf (_("%s: %s, %s"), redline_ecosystem_short_label (self->ecosystem),
                           n_errors, n_warnings);
  if (waived > 0)
    {
      g_autofree char *with_waived =
        /* TRANSLATORS: "Weixin: 0 errors, 1 warning · 2 waived" */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u waived", "%s · %u waived",
                                      waived), title, waived);

      g_free (title);
      title = g_steal_pointer (&with_waived);
    }
  gtk_label_set_text (self->findings_title, title);
  gtk_stack_set_visible_child_name (self->findings_stack, n > 0 ? "list" : "empty");
}

static void
on_row_replace_cb (RedlineFindingRow *row,
                   const char        *suggestion,
                   RedlinePostEditor *self)
{
  redline_post_editor_apply_suggestion (self, redline_finding_row_get_finding (row), suggestion);
}

static void
on_row_waive_cb (RedlineFindingRow *row,
                 RedlinePostEditor *self)
{
  _redline_post_editor_waive (self, redline_finding_row_get_finding (row));
}

static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  RedlinePostEditor *self = user_data;
  GtkWidget *row = redline_finding_row_new (item, !_redline_post_editor_is_read_only (self));

  g_signal_connect_object (row, "replace", G_CALLBACK (on_row_replace_cb), self, 0);
  g_signal_connect_object (row, "waive", G_CALLBACK (on_row_waive_cb), self, 0);
  return row;
}

void
_redline_post_editor_update_finding_header (GtkListBoxRow *row,
                                            GtkListBoxRow *before,
                                            gpointer       user_data)
{
  RedlineFinding *finding = redline_finding_row_get_finding (REDLINE_FINDING_ROW (row));
  RedlineSeverity severity = redline_finding_get_severity (finding);
  GtkWidget *header;

  if (before != NULL &&
      redline_finding_get_severity (redline_finding_row_get_finding (REDLINE_FINDING_ROW (before)))
      == severity)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (severity == REDLINE_SEVERITY_ERROR ? _("Errors")
                          : severity == REDLINE_SEVERITY_WARNING ? _("Warnings")
                          : _("Notes"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "findings-header");
  gtk_list_box_row_set_header (row, header);
}

/* Whether @a and @b would show the same row: the same rule on the same text
 * in the same field with the same verdicts, wherever it now is. */
static gboolean
same_row (RedlineFinding *a,
          RedlineFinding *b)
{
  return redline_finding_get_severity (a) == redline_finding_get_severity (b) &&
         redline_finding_get_waived (a) == redline_finding_get_waived (b) &&
         redline_finding_get_other_severity (a) == redline_finding_get_other_severity (b) &&
         redline_finding_get_field (a) == redline_finding_get_field (b) &&
         g_strcmp0 (redline_finding_get_rule_id (a), redline_finding_get_rule_id (b)) == 0 &&
         g_strcmp0 (redline_finding_get_text (a), redline_finding_get_text (b)) == 0 &&
         g_strcmp0 (redline_finding_get_message (a), redline_finding_get_message (b)) == 0;
}

/* Shows @findings in the list. A keystroke mostly moves findings rather
 * than changes them: rows that show the same thing are kept and given
 * the new finding, and only the rows between the unchanged start and end
 * of the list are made anew. */
void
_redline_post_editor_update_finding_rows (RedlinePostEditor *self,
                                          GPtrArray         *findings)
{
  guint n_new = findings != NULL ? findings->len : 0;
  guint n_old = 0, prefix = 0, suffix = 0;
  GtkListBoxRow *row;

  while (gtk_list_box_get_row_at_index (self->findings_list, n_old) != NULL)
    n_old++;
  while (prefix < n_old && prefix < n_new &&
         same_row (redline_finding_row_get_finding (REDLINE_FINDING_ROW (
                     gtk_list_box_get_row_at_index (self->findings_list, prefix))),
                   findings->pdata[prefix]))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same_row (redline_finding_row_get_finding (REDLINE_FINDING_ROW (
                     gtk_list_box_get_row_at_index (self->findings_list, n_old - 1 - suffix))),
                   findings->pdata[n_new - 1 - suffix]))
    suffix++;

  for (guint i = 0; i < prefix; i++)
    redline_finding_row_set_finding (REDLINE_FINDING_ROW (
                                       gtk_list_box_get_row_at_index (self->findings_list, i)),
                                     findings->pdata[i]);
  for (guint i = 0; i < suffix; i++)
    redline_finding_row_set_finding (REDLINE_FINDING_ROW (
                                       gtk_list_box_get_row_at_index (self->findings_list,
                                                                      n_old - 1 - i)),
                                     findings->pdata[n_new - 1 - i]);
  for (guint i = prefix; i < n_old - suffix; i++)
    {
      row = gtk_list_box_get_row_at_index (self->findings_list, prefix);
      gtk_list_box_remove (self->findings_list, GTK_WIDGET (row));
    }
  for (guint i = prefix; i < n_new - suffix; i++)
    gtk_list_box_insert (self->findings_list, create_finding_row (findings->pdata[i], self), (int) i);
  if (prefix != n_old || prefix != n_new)
    gtk_list_box_invalidate_headers (self->findings_list);
}

void
_redline_post_editor_on_finding_activated_cb (GtkListBox        *list,
                                              GtkListBoxRow     *row,
                                              RedlinePostEditor *self)
{
  redline_post_editor_show_finding (self,
                                    redline_finding_row_get_finding (REDLINE_FINDING_ROW (row)));
}

