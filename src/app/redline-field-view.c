/* redline-field-view.c: one field of a post, with its findings drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "redline-field-view.h"
#include "redline-labels.h"

/**
 * RedlineFieldView:
 *
 * A text view for one field of a post. The findings of the field are drawn
 * as underlines, one style per severity (wavy red and semibold for errors,
 * wavy amber for warnings, a plain blue line for notes: GTK 4.8 draws no
 * single underline in a text view, so notes use the low one), in colours
 * that follow the light or dark style; hovering one shows its message, legal reference, suggestions
 * and what the other ecosystem says.
 *
 * A single-line field (a title, a link) turns line breaks into spaces and
 * moves the focus on Enter.
 */
#define N_SEVERITIES (REDLINE_SEVERITY_ERROR + 1)

struct _RedlineFieldView
{
  GtkTextView  parent_instance;

  RedlineField field;
  gboolean     single_line;
  GPtrArray   *findings;
  GtkTextTag  *tags[N_SEVERITIES];
  GtkTextTag  *shown_tag;
};

G_DEFINE_FINAL_TYPE (RedlineFieldView, redline_field_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_SINGLE_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Colours from the GNOME palette, darker on light and lighter on dark, so
 * that each keeps its contrast against the text background. */
static const struct {
  const char *light;
  const char *dark;
} severity_colors[N_SEVERITIES] = {
  /* A finding a reviewer waived: a neutral grey line. */
  [REDLINE_SEVERITY_OFF] = { "#77767b", "#9a9996" },
  [REDLINE_SEVERITY_INFO] = { "#1c71d8", "#78aeed" },
  [REDLINE_SEVERITY_WARNING] = { "#c64600", "#ffa348" },
  [REDLINE_SEVERITY_ERROR] = { "#c01c28", "#ff7b63" },
};

static void
update_tag_colors (RedlineFieldView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = REDLINE_SEVERITY_OFF; i < N_SEVERITIES; i++)
    {
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, dark ? severity_colors[i].dark : severity_colors[i].light);
      g_object_set (self->tags[i], "underline-rgba", &rgba, NULL);
    }
}

static void
on_dark_changed_cb (AdwStyleManager  *manager,
                    GParamSpec       *pspec,
                    RedlineFieldView *self)
{
  update_tag_colors (self);
}

static void
on_insert_text_cb (GtkTextBuffer    *buffer,
                   GtkTextIter      *location,
                   const char       *text,
                   int               len,
                   RedlineFieldView *self)
{
  g_autofree char *flat = NULL;

  if (!self->single_line || (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL))
    return;

  /* Insert the text with its line breaks as spaces instead; the nested
   * insertion moves @location past it, as the default handler would. */
  flat = g_strndup (text, len);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, location, flat, -1);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RedlineFieldView      *self)
{
  if (self->single_line && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                            keyval == GDK_KEY_ISO_Enter))
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

      if (root != NULL)
        gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

/* The findings covering the character at @offset, most severe first. */
static RedlineFinding *
find_at_offset (RedlineFieldView *self,
                gsize             offset)
{
  RedlineFinding *best = NULL;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      RedlineFinding *finding = self->findings->pdata[i];

      if (redline_finding_get_scope (finding) != REDLINE_SCOPE_SPAN ||
          offset < redline_finding_get_start (finding) || offset >= redline_finding_get_end (finding))
        continue;
      if (best == NULL || redline_finding_get_severity (finding) > redline_finding_get_severity (best))
        best = finding;
    }
  return best;
}

static gboolean
redline_field_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  RedlineFieldView *self = REDLINE_FIELD_VIEW (widget);
  GtkTextIter iter;
  RedlineFinding *finding;
  g_autofree char *markup = NULL;
  int bx, by;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
        return FALSE;
    }
  finding = find_at_offset (self, gtk_text_iter_get_offset (&iter));
  if (finding == NULL)
    return FALSE;
  markup = redline_finding_describe_markup (finding);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
redline_field_view_realize (GtkWidget *widget)
{
  RedlineFieldView *self = REDLINE_FIELD_VIEW (widget);
  g_autoptr(PangoLayout) layout = NULL;
  int height, requested;

  GTK_WIDGET_CLASS (redline_field_view_parent_class)->realize (widget);

  /* A text view measures its height from the lines it has laid out, and
   * lays out only what is on screen: one line's height is the minimum, or
   * a view shown empty-handed would stay zero pixels high. */
  layout = gtk_widget_create_pango_layout (widget, "Ag中");
  pango_layout_get_pixel_size (layout, NULL, &height);
  height += gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self)) +
            gtk_text_view_get_bottom_margin (GTK_TEXT_VIEW (self));
  gtk_widget_get_size_request (widget, NULL, &requested);
  if (requested < height)
    gtk_widget_set_size_request (widget, -1, height);
}

static void
redline_field_view_dispose (GObject *object)
{
  RedlineFieldView *self = REDLINE_FIELD_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (redline_field_view_parent_class)->dispose (object);
}

static void
redline_field_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RedlineFieldView *self = REDLINE_FIELD_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_SINGLE_LINE:
      g_value_set_boolean (value, self->single_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_field_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RedlineFieldView *self = REDLINE_FIELD_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      break;
    case PROP_SINGLE_LINE:
      self->single_line = g_value_get_boolean (value);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), !self->single_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_field_view_class_init (RedlineFieldViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_field_view_dispose;
  object_class->get_property = redline_field_view_get_property;
  object_class->set_property = redline_field_view_set_property;
  widget_class->query_tooltip = redline_field_view_query_tooltip;
  widget_class->realize = redline_field_view_realize;

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, REDLINE_TYPE_FIELD, REDLINE_FIELD_BODY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINGLE_LINE] =
    g_param_spec_boolean ("single-line", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
redline_field_view_init (RedlineFieldView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *keys = gtk_event_controller_key_new ();
  static const PangoUnderline underlines[N_SEVERITIES] = {
    [REDLINE_SEVERITY_OFF] = PANGO_UNDERLINE_LOW,  /* waived */
    [REDLINE_SEVERITY_INFO] = PANGO_UNDERLINE_LOW,
    [REDLINE_SEVERITY_WARNING] = PANGO_UNDERLINE_ERROR,
    [REDLINE_SEVERITY_ERROR] = PANGO_UNDERLINE_ERROR,
  };

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 7);
  gtk_text_view_set_bottom_margin (view, 7);
  gtk_text_view_set_left_margin (view, 9);
  gtk_text_view_set_right_margin (view, 9);
  gtk_widget_add_css_class (GTK_WIDGET (self), "redline-field");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  for (guint i = REDLINE_SEVERITY_OFF; i < N_SEVERITIES; i++)
    self->tags[i] = gtk_text_buffer_create_tag (buffer, NULL, "underline", underlines[i], NULL);
  /* Errors are also bold enough to see without colour. */
  g_object_set (self->tags[REDLINE_SEVERITY_ERROR], "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  self->shown_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  update_tag_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text_cb), self, 0);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * redline_field_view_get_field:
 * @self: a #RedlineFieldView
 *
 * Returns: the field it edits
 */
RedlineField
redline_field_view_get_field (RedlineFieldView *self)
{
  g_return_val_if_fail (REDLINE_IS_FIELD_VIEW (self), REDLINE_FIELD_BODY);
  return self->field;
}

/**
 * redline_field_view_dup_text:
 * @self: a #RedlineFieldView
 *
 * Returns: (transfer full): the text
 */
char *
redline_field_view_dup_text (RedlineFieldView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (REDLINE_IS_FIELD_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * redline_field_view_set_text:
 * @self: a #RedlineFieldView
 * @text: (nullable): the text
 *
 * Replaces the text, and forgets the undo history: it belongs to another
 * post.
 */
void
redline_field_view_set_text (RedlineFieldView *self,
                             const char       *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (REDLINE_IS_FIELD_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  redline_field_view_set_findings (self, NULL);
}

/**
 * redline_field_view_set_findings:
 * @self: a #RedlineFieldView
 * @findings: (nullable) (element-type RedlineFinding): the field's findings
 *
 * Draws @findings in the text, replacing those drawn before.
 */
void
redline_field_view_set_findings (RedlineFieldView *self,
                                 GPtrArray        *findings)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int n_chars;

  g_return_if_fail (REDLINE_IS_FIELD_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = REDLINE_SEVERITY_OFF; i < N_SEVERITIES; i++)
    gtk_text_buffer_remove_tag (buffer, self->tags[i], &start, &end);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (findings == NULL)
    return;
  self->findings = g_ptr_array_ref (findings);

  n_chars = gtk_text_buffer_get_char_count (buffer);
  for (guint i = 0; i < findings->len; i++)
    {
      RedlineFinding *finding = findings->pdata[i];
      RedlineSeverity severity = redline_finding_get_severity (finding);
      gsize from = redline_finding_get_start (finding);
      gsize to = redline_finding_get_end (finding);

      /* A document-level finding (something missing) has no span to draw;
       * offsets past the end belong to text that changed since. */
      if (redline_finding_get_scope (finding) != REDLINE_SCOPE_SPAN ||
          severity == REDLINE_SEVERITY_OFF || to <= from || to > (gsize) n_chars)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) to);
      /* A waived finding is drawn apart, in the waived tag (tags[OFF]). */
      gtk_text_buffer_apply_tag (buffer,
                                 self->tags[redline_finding_get_waived (finding)
                                            ? REDLINE_SEVERITY_OFF : severity],
                                 &start, &end);
    }
}

/**
 * redline_field_view_get_findings:
 * @self: a #RedlineFieldView
 *
 * Returns: (transfer none) (nullable) (element-type RedlineFinding): the
 *   findings drawn
 */
GPtrArray *
redline_field_view_get_findings (RedlineFieldView *self)
{
  g_return_val_if_fail (REDLINE_IS_FIELD_VIEW (self), NULL);
  return self->findings;
}

/**
 * redline_field_view_show_finding:
 * @self: a #RedlineFieldView
 * @finding: a finding of the field
 *
 * Selects @finding's text (or puts the cursor at the start for a finding
 * about the whole field), scrolls to it and gives the view the focus.
 */
void
redline_field_view_show_finding (RedlineFieldView *self,
                                 RedlineFinding   *finding)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int n_chars;

  g_return_if_fail (REDLINE_IS_FIELD_VIEW (self));
  g_return_if_fail (REDLINE_IS_FINDING (finding));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  n_chars = gtk_text_buffer_get_char_count (buffer);
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          (int) MIN (redline_finding_get_start (finding),
                                                     (gsize) n_chars));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          (int) MIN (redline_finding_get_end (finding),
                                                     (gsize) n_chars));
    }
  else
    gtk_text_buffer_get_start_iter (buffer, &start), end = start;
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer), 0.1,
                                FALSE, 0, 0);
}

/**
 * redline_field_view_replace_finding:
 * @self: a #RedlineFieldView
 * @finding: a span finding of the field
 * @replacement: the text to put in its place
 *
 * Replaces @finding's text with @replacement as one step the user can undo.
 *
 * Returns: %FALSE if the text there is no longer the finding's
 */
gboolean
redline_field_view_replace_finding (RedlineFieldView *self,
                                    RedlineFinding   *finding,
                                    const char       *replacement)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *current = NULL;
  gsize from, to;

  g_return_val_if_fail (REDLINE_IS_FIELD_VIEW (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (replacement != NULL, FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  from = redline_finding_get_start (finding);
  to = redline_finding_get_end (finding);
  if (redline_finding_get_scope (finding) != REDLINE_SCOPE_SPAN ||
      to > (gsize) gtk_text_buffer_get_char_count (buffer) || to <= from)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) to);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, redline_finding_get_text (finding)) != 0)
    return FALSE;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &start);
  return TRUE;
}

/**
 * redline_finding_describe_markup:
 * @finding: a finding
 *
 * Returns: (transfer full): Pango markup that says what @finding is, on
 *   which ecosystem, with its reference, suggestions and the other
 *   ecosystem's verdict
 */
char *
redline_finding_describe_markup (RedlineFinding *finding)
{
  GString *markup = g_string_new (NULL);
  RedlineEcosystem ecosystem = redline_finding_get_ecosystem (finding);
  RedlineEcosystem other = ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? REDLINE_ECOSYSTEM_WECHAT
                                                                  : REDLINE_ECOSYSTEM_WEIXIN;
  const char * const *suggestions = redline_finding_get_suggestions (finding);
  const char *reference = redline_finding_get_reference (finding);
  g_autofree char *message = g_markup_escape_text (redline_finding_get_message (finding), -1);

  g_string_append_printf (markup, "<b>%s</b> · %s\n%s",
                          redline_severity_label (redline_finding_get_severity (finding)),
                          redline_ecosystem_short_label (ecosystem), message);
  if (reference != NULL && reference[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (reference, -1);

      g_string_append_printf (markup, "\n<small>%s %s</small>",
                              /* TRANSLATORS: before a legal reference */
                              _("Reference:"), escaped);
    }
  if (suggestions != NULL && suggestions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (_("”, “"), (char **) suggestions);
      g_autofree char *escaped = g_markup_escape_text (joined, -1);

      g_string_append_printf (markup, "\n%s “%s”", _("Try:"), escaped);
    }
  g_string_append_printf (markup, "\n<small>");
  /* TRANSLATORS: "On WeChat: Note", what the other ecosystem says */
  g_string_append_printf (markup, _("On %s: %s"), redline_ecosystem_short_label (other),
                          redline_severity_label (redline_finding_get_other_severity (finding)));
  g_string_append (markup, "</small>");
  if (redline_finding_get_waived (finding))
    {
      g_autofree char *by = g_markup_escape_text (redline_finding_get_waived_by (finding), -1);
      g_autofree char *why =
        g_markup_escape_text (redline_finding_get_waiver_justification (finding), -1);

      g_string_append (markup, "\n<i>");
      g_string_append_printf (markup, _("Waived by %s: %s"), by, why);
      g_string_append (markup, "</i>");
    }
  return g_string_free (markup, FALSE);
}
