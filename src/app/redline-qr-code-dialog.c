/* redline-qr-code-dialog.c: a campaign's QR code for one placement, new or
 * to change, with its preview, its link's check and its export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redline-finding-row.h"
#include "redline-item-dialog.h"
#include "redline-qr-code-dialog.h"

/**
 * RedlineQrCodeDialog:
 *
 * Where a marketer makes the QR code a campaign prints on one placement:
 * the link and the source parameter that names the placement, the error
 * correction, size and quiet zone. As they type, the dialog draws the code
 * and checks the link it encodes with the rules of the campaign's
 * ecosystem, as redline-check does. Save stores the code in one action;
 * Export writes it as SVG or PNG, as shown, saved or not.
 */
struct _RedlineQrCodeDialog
{
  AdwWindow        parent_instance;

  RedlineContext  *context;
  RedlineCampaign *campaign;
  RedlineQrCode   *code;      /* the project's own, or NULL for a new one */
  RedlineQrCode   *shown;     /* what the fields say, never stored */
  GListModel      *findings;
  gboolean         read_only;
  gboolean         source_edited;
  gboolean         filling;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkPicture      *picture;
  GtkLabel        *encoded_label;
  GtkLabel        *print_label;
  GtkListBox      *findings_list;
  AdwEntryRow     *placement_row;
  AdwEntryRow     *link_row;
  AdwEntryRow     *source_row;
  AdwEntryRow     *source_key_row;
  AdwComboRow     *level_row;
  GtkSpinButton   *size_spin;
  GtkSpinButton   *quiet_zone_spin;
  GtkWidget       *remove_group;
};

G_DEFINE_FINAL_TYPE (RedlineQrCodeDialog, redline_qr_code_dialog, ADW_TYPE_WINDOW)

/* The preview's width in pixels, with its quiet zone. */
#define PREVIEW_PIXELS 184

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* A source parameter from a placement's name: “Store window” → store-window;
 * NULL when the name has no ASCII letters or digits. */
static char *
source_for_placement (const char *placement)
{
  g_autoptr(GString) source = g_string_new (NULL);

  for (const char *p = placement; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (source, g_ascii_tolower (*p));
      else if (source->len > 0 && source->str[source->len - 1] != '-')
        g_string_append_c (source, '-');
    }
  while (source->len > 0 && source->str[source->len - 1] == '-')
    g_string_truncate (source, source->len - 1);
  return source->len > 0 ? g_string_free (g_steal_pointer (&source), FALSE) : NULL;
}

static void
show_preview (RedlineQrCodeDialog *self,
              const char          *encoded)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guint size_mm = redline_qr_code_get_size_mm (self->shown);
  g_autofree char *print = NULL;

  /* Drawn at the preview's size in pixels, whole pixels per module. */
  if (encoded != NULL)
    png = redline_qr_image_render_preview (self->shown, PREVIEW_PIXELS, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_opacity (GTK_WIDGET (self->picture), texture != NULL ? 1 : 0.3);

  if (encoded == NULL)
    gtk_label_set_text (self->encoded_label, _("Type a web address starting with https://"));
  else if (texture == NULL)
    gtk_label_set_text (self->encoded_label, error->message);
  else
    gtk_label_set_text (self->encoded_label, encoded);
  set_error_style (GTK_WIDGET (self->encoded_label), encoded != NULL && texture == NULL);

  /* TRANSLATORS: %u: the printed width in millimetres; %s: the
   * error-correction level, such as “Medium (15 %)” */
  print = g_strdup_printf (_("%u × %u mm · error correction %s"), size_mm, size_mm,
                           adw_combo_row_get_selected_item (self->level_row) != NULL
                           ? gtk_string_object_get_string (
                               adw_combo_row_get_selected_item (self->level_row))
                           : "");
  gtk_label_set_text (self->print_label, print);
}

/* Reads the fields into the code shown, draws it and checks its link. */
static void
update (RedlineQrCodeDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  RedlineRuleSet *rule_set = redline_context_get_rule_set (self->context);
  const char *placement = gtk_editable_get_text (GTK_EDITABLE (self->placement_row));
  g_autoptr(GError) link_error = NULL;
  g_autofree char *encoded = NULL;
  gboolean valid;

  if (self->filling)
    return;
  redline_qr_code_set_placement (self->shown, placement);
  redline_qr_code_set_link (self->shown, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
  redline_qr_code_set_source (self->shown,
                              gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
  redline_qr_code_set_source_key (self->shown,
                                  gtk_editable_get_text (GTK_EDITABLE (self->source_key_row)));
  redline_qr_code_set_error_correction (self->shown,
                                        adw_combo_row_get_selected (self->level_row));
  redline_qr_code_set_size_mm (self->shown, gtk_spin_button_get_value_as_int (self->size_spin));
  redline_qr_code_set_quiet_zone (self->shown,
                                  gtk_spin_button_get_value_as_int (self->quiet_zone_spin));

  encoded = redline_qr_link_with_source (redline_qr_code_get_link (self->shown),
                                         redline_qr_code_get_source_key (self->shown),
                                         redline_qr_code_get_source (self->shown), &link_error);
  set_error_style (GTK_WIDGET (self->link_row),
                   encoded == NULL && !g_error_matches (link_error, G_URI_ERROR,
                                                        G_URI_ERROR_BAD_QUERY) &&
                   gtk_editable_get_text (GTK_EDITABLE (self->link_row))[0] != '\0');
  set_error_style (GTK_WIDGET (self->source_key_row),
                   g_error_matches (link_error, G_URI_ERROR, G_URI_ERROR_BAD_QUERY));
  show_preview (self, encoded);

  g_clear_object (&self->findings);
  if (encoded != NULL && project != NULL && rule_set != NULL)
    self->findings = redline_project_check_qr_code (project, rule_set, self->shown,
                                                    redline_campaign_get_ecosystem (
                                                      self->campaign));
  redline_finding_row_fill_list (self->findings_list, self->findings);

  valid = encoded != NULL && placement[0] != '\0';
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid && !self->read_only);
}

static void
on_changed_cb (RedlineQrCodeDialog *self)
{
  update (self);
}

static void
on_placement_changed_cb (RedlineQrCodeDialog *self)
{
  /* A new code's source follows its placement until it is typed. */
  if (!self->filling && !self->source_edited && self->code == NULL)
    {
      g_autofree char *source =
        source_for_placement (gtk_editable_get_text (GTK_EDITABLE (self->placement_row)));

      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->source_row), source != NULL ? source : "");
      self->filling = FALSE;
    }
  update (self);
}

static void
on_source_changed_cb (RedlineQrCodeDialog *self)
{
  if (!self->filling)
    self->source_edited = TRUE;
  update (self);
}

/* What the fields say, onto a code of the project or a new one. */
static void
copy_fields (RedlineQrCode *to,
             RedlineQrCode *from)
{
  g_object_set (to,
                "placement", redline_qr_code_get_placement (from),
                "link", redline_qr_code_get_link (from),
                "source", redline_qr_code_get_source (from),
                "source-key", redline_qr_code_get_source_key (from),
                "error-correction", redline_qr_code_get_error_correction (from),
                "size-mm", redline_qr_code_get_size_mm (from),
                "quiet-zone", redline_qr_code_get_quiet_zone (from),
                NULL);
}

/**
 * redline_qr_code_dialog_save:
 * @self: a #RedlineQrCodeDialog
 * @error: return location for a #GError
 *
 * Stores what the fields say: adds the new code, or changes the project's.
 *
 * Returns: whether it was stored
 */
gboolean
redline_qr_code_dialog_save (RedlineQrCodeDialog  *self,
                             GError              **error)
{
  RedlineProject *project = redline_context_get_project (self->context);

  g_return_val_if_fail (REDLINE_IS_QR_CODE_DIALOG (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  update (self);
  if (self->code == NULL)
    {
      g_autoptr(RedlineQrCode) code =
        redline_qr_code_new (redline_campaign_get_id (self->campaign), NULL, NULL);

      copy_fields (code, self->shown);
      if (!redline_project_add_qr_code (project, code, error))
        return FALSE;
      self->code = g_steal_pointer (&code);
      return TRUE;
    }
  copy_fields (self->code, self->shown);
  return redline_project_update_qr_code (project, self->code, error);
}

static void
on_save_clicked_cb (GtkButton           *button,
                    RedlineQrCodeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->read_only)
    return;
  if (!redline_qr_code_dialog_save (self, &error))
    redline_item_dialog_show_error (self->toast_overlay, error->message);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
remove_code (GtkWindow  *window,
             GError    **error)
{
  RedlineQrCodeDialog *self = REDLINE_QR_CODE_DIALOG (window);

  return redline_project_remove_qr_code (redline_context_get_project (self->context), self->code,
                                         error);
}

static void
on_remove_clicked_cb (GtkButton           *button,
                      RedlineQrCodeDialog *self)
{
  g_autofree char *body = NULL;

  if (self->code == NULL || self->read_only)
    return;
  /* TRANSLATORS: %s: where the code is printed, such as “Packaging” */
  body = g_strdup_printf (_("The code for “%s” is removed from the campaign. Codes "
                            "already printed keep working as long as their link does."),
                          redline_qr_code_get_placement (self->code));
  redline_item_dialog_ask_removal (GTK_WINDOW (self), self->toast_overlay,
                                   _("Remove the QR Code?"), body, remove_code);
}

/**
 * redline_qr_code_dialog_export:
 * @self: a #RedlineQrCodeDialog
 * @file: where to write the image, ending in `.svg` or `.png`
 * @error: return location for a #GError
 *
 * Writes the code as the dialog shows it, saved or not.
 *
 * Returns: whether it was written
 */
gboolean
redline_qr_code_dialog_export (RedlineQrCodeDialog  *self,
                               GFile                *file,
                               GError              **error)
{
  RedlineQrImageFormat format;

  g_return_val_if_fail (REDLINE_IS_QR_CODE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  update (self);
  return redline_qr_image_format_for_file (file, &format, error) &&
         redline_qr_image_export (self->shown, format, REDLINE_QR_IMAGE_DEFAULT_DPI, file, error);
}

static void
on_export_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       RedlineQrCodeDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *suffix = g_object_get_data (G_OBJECT (chooser), "suffix");
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      RedlineQrImageFormat format;

      /* A name without a known ending gets the one asked for. */
      if (!redline_qr_image_format_for_file (file, &format, NULL))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (name, suffix, NULL);

          g_object_unref (file);
          file = g_file_get_child (parent, with);
          g_free (name);
          name = g_file_get_basename (file);
        }
      if (!redline_qr_code_dialog_export (self, file, &error))
        redline_item_dialog_show_error (self->toast_overlay, error->message);
      else
        {
          /* TRANSLATORS: %s: the image's file name */
          g_autofree char *text = g_strdup_printf (_("QR code saved as “%s”"), name);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
        }
    }
  g_object_unref (chooser);
}

static void
export_as (RedlineQrCodeDialog *self,
           const char          *suffix,
           const char          *mime_type,
           const char          *filter_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *source = redline_qr_code_get_source (self->shown);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  update (self);
  /* TRANSLATORS: the image's default file name; %s: the campaign; %s: the
   * placement's source parameter, or its name */
  base = g_strdup_printf (_("%s — QR %s"), redline_campaign_get_name (self->campaign),
                          source != NULL && source[0] != '\0'
                          ? source : redline_qr_code_get_placement (self->shown));
  g_strdelimit (base, "/\\", '-');
  name = g_strconcat (base, suffix, NULL);
  chooser = gtk_file_chooser_native_new (_("Export the QR Code"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "suffix", (gpointer) suffix);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_svg_activated_cb (AdwActionRow        *row,
                            RedlineQrCodeDialog *self)
{
  export_as (self, ".svg", "image/svg+xml", _("SVG image"));
}

static void
on_export_png_activated_cb (AdwActionRow        *row,
                            RedlineQrCodeDialog *self)
{
  export_as (self, ".png", "image/png", _("PNG image"));
}

static void
redline_qr_code_dialog_dispose (GObject *object)
{
  RedlineQrCodeDialog *self = REDLINE_QR_CODE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_QR_CODE_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->campaign);
  g_clear_object (&self->code);
  g_clear_object (&self->shown);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (redline_qr_code_dialog_parent_class)->dispose (object);
}

static void
redline_qr_code_dialog_class_init (RedlineQrCodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_qr_code_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-qr-code-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, picture);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, encoded_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, print_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, findings_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, placement_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, source_key_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, quiet_zone_spin);
  gtk_widget_class_bind_template_child (widget_class, RedlineQrCodeDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_svg_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_png_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("The link passes every rule of this ecosystem."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
redline_qr_code_dialog_init (RedlineQrCodeDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RedlineQrErrorCorrection. */
  gtk_string_list_append (levels, _("Low (7 %)"));
  gtk_string_list_append (levels, _("Medium (15 %)"));
  gtk_string_list_append (levels, _("Quartile (25 %)"));
  gtk_string_list_append (levels, _("High (30 %)"));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  gtk_list_box_set_placeholder (self->findings_list, create_placeholder ());
  self->shown = g_object_new (REDLINE_TYPE_QR_CODE, NULL);
}

/**
 * redline_qr_code_dialog_new:
 * @parent: the window it is for
 * @context: the context, with the project and its rule set
 * @campaign: the campaign the code belongs to
 * @code: (nullable): one of the project's codes to change; or a code not in
 *   the project (its id is 0), whose fields the new code starts from; or
 *   %NULL for a new, empty one
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
redline_qr_code_dialog_new (GtkWindow       *parent,
                            RedlineContext  *context,
                            RedlineCampaign *campaign,
                            RedlineQrCode   *code)
{
  RedlineQrCodeDialog *self;
  RedlineProject *project;
  RedlineQrCode *from;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (code == NULL || REDLINE_IS_QR_CODE (code), NULL);

  self = g_object_new (REDLINE_TYPE_QR_CODE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->campaign = g_object_ref (campaign);
  from = code != NULL ? code : self->shown;
  if (code != NULL && redline_qr_code_get_id (code) == 0)
    code = NULL;
  self->code = code != NULL ? g_object_ref (code) : NULL;
  project = redline_context_get_project (context);
  self->read_only = project == NULL || redline_project_get_read_only (project);

  adw_window_title_set_title (self->window_title, code != NULL ? _("QR Code") : _("New QR Code"));
  gtk_window_set_title (GTK_WINDOW (self), code != NULL ? _("QR Code") : _("New QR Code"));
  gtk_button_set_label (self->save_button, code != NULL ? _("_Save") : _("_Add"));
  /* TRANSLATORS: %s: the campaign; %s: its ecosystem, Weixin or WeChat */
  subtitle = self->read_only
             ? g_strdup (_("Read-only"))
             : g_strdup_printf (_("%s · %s"), redline_campaign_get_name (campaign),
                                redline_ecosystem_label (redline_campaign_get_ecosystem (campaign)));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->remove_group, code != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->read_only);

  self->filling = TRUE;
  self->source_edited = self->code != NULL || redline_qr_code_get_source (from) != NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->placement_row),
                         redline_qr_code_get_placement (from) != NULL
                         ? redline_qr_code_get_placement (from) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_row),
                         redline_qr_code_get_link (from) != NULL
                         ? redline_qr_code_get_link (from) : "https://");
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         redline_qr_code_get_source (from) != NULL
                         ? redline_qr_code_get_source (from) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_key_row),
                         redline_qr_code_get_source_key (from));
  adw_combo_row_set_selected (self->level_row, redline_qr_code_get_error_correction (from));
  gtk_spin_button_set_value (self->size_spin, redline_qr_code_get_size_mm (from));
  gtk_spin_button_set_value (self->quiet_zone_spin, redline_qr_code_get_quiet_zone (from));
  self->filling = FALSE;
  if (!self->source_edited)
    on_placement_changed_cb (self);

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *row = (GtkWidget *[]) { GTK_WIDGET (self->placement_row),
                                         GTK_WIDGET (self->link_row),
                                         GTK_WIDGET (self->source_row),
                                         GTK_WIDGET (self->source_key_row) }[i];

      gtk_editable_set_editable (GTK_EDITABLE (row), !self->read_only);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_spin), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quiet_zone_spin), !self->read_only);

  g_signal_connect_object (self->placement_row, "changed", G_CALLBACK (on_placement_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_row, "changed", G_CALLBACK (on_source_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_key_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->level_row, "notify::selected", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_spin, "value-changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quiet_zone_spin, "value-changed", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->placement_row));
  return GTK_WIDGET (self);
}

/**
 * redline_qr_code_dialog_get_code:
 * @self: a #RedlineQrCodeDialog
 *
 * Returns: (transfer none) (nullable): the project's code: the one being
 *   changed, or the new one once added
 */
RedlineQrCode *
redline_qr_code_dialog_get_code (RedlineQrCodeDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE_DIALOG (self), NULL);
  return self->code;
}

/**
 * redline_qr_code_dialog_get_findings:
 * @self: a #RedlineQrCodeDialog
 *
 * Returns: (transfer none) (nullable): the findings of the link shown, or
 *   %NULL while it is not a web address
 */
GListModel *
redline_qr_code_dialog_get_findings (RedlineQrCodeDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_QR_CODE_DIALOG (self), NULL);
  return self->findings;
}
