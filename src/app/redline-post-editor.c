/* redline-post-editor.c: the fields of one post, checked as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "redline-field-view.h"
#include "redline-finding-row.h"
#include "redline-labels.h"
#include "redline-post-editor-private.h"
#include "redline-schedule-button.h"

/**
 * RedlinePostEditor:
 *
 * Edits one post of the context's project: the fields its content kind
 * has, each a #RedlineFieldView. Every change is written into the post at
 * once, checked again after a short pause (the findings are drawn in the
 * text and listed beside it, most severe first), and saved to the project
 * file a moment later, when the editor loses the focus, when another post
 * is shown and when the window closes. There is never anything unsaved to
 * ask about.
 *
 * "Check for" previews the copy against the other ecosystem's rules; the
 * post itself stays in its campaign's ecosystem.
 */

G_DEFINE_FINAL_TYPE (RedlinePostEditor, redline_post_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_POST,
  PROP_ECOSYSTEM,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Typing pauses this long before the post is checked again, and this long
 * before it is written to the file: a killed app loses less than a second. */
#define CHECK_DELAY_MS 120
#define SAVE_DELAY_MS 700

static const char *
post_get_field (RedlinePost  *post,
                RedlineField  field)
{
  switch (field)
    {
    case REDLINE_FIELD_TITLE:
      return redline_post_get_title (post);
    case REDLINE_FIELD_DIGEST:
      return redline_post_get_digest (post);
    case REDLINE_FIELD_AUTHOR:
      return redline_post_get_author (post);
    case REDLINE_FIELD_BODY:
      return redline_post_get_body (post);
    case REDLINE_FIELD_CALL_TO_ACTION:
      return redline_post_get_call_to_action (post);
    case REDLINE_FIELD_LINK:
      return redline_post_get_link (post);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
post_set_field (RedlinePost  *post,
                RedlineField  field,
                const char   *text)
{
  switch (field)
    {
    case REDLINE_FIELD_TITLE:
      redline_post_set_title (post, text);
      break;
    case REDLINE_FIELD_DIGEST:
      redline_post_set_digest (post, text);
      break;
    case REDLINE_FIELD_AUTHOR:
      redline_post_set_author (post, text);
      break;
    case REDLINE_FIELD_BODY:
      redline_post_set_body (post, text);
      break;
    case REDLINE_FIELD_CALL_TO_ACTION:
      redline_post_set_call_to_action (post, text);
      break;
    case REDLINE_FIELD_LINK:
      redline_post_set_link (post, text);
      break;
    default:
      g_return_if_reached ();
    }
}

static RedlineProject *
get_project (RedlinePostEditor *self)
{
  return self->context != NULL ? redline_context_get_project (self->context) : NULL;
}

gboolean
_redline_post_editor_is_read_only (RedlinePostEditor *self)
{
  RedlineProject *project = get_project (self);

  return project == NULL || redline_project_get_read_only (project);
}

static RedlineEcosystem
get_campaign_ecosystem (RedlinePostEditor *self)
{
  RedlineProject *project = get_project (self);

  if (project == NULL || self->post == NULL)
    return self->ecosystem;
  return redline_project_get_post_ecosystem (project, self->post);
}

static void
update_status (RedlinePostEditor *self)
{
  g_autofree char *text = NULL;
  const char *state;

  if (self->post == NULL)
    return;
  if (_redline_post_editor_is_read_only (self))
    state = _("Read-only");
  else if (g_ptr_array_find (self->unsaved, self->post, NULL))
    state = _("Not saved");
  else if (self->dirty)
    state = _("Saving…");
  else
    state = _("Saved");
  /* TRANSLATORS: "Draft · Saved": the post's status and whether edits are saved */
  text = g_strdup_printf (_("%s · %s"), redline_post_status_label (redline_post_get_status (self->post)),
                          state);
  gtk_label_set_text (self->status_label, text);
  _redline_post_editor_update_review (self);
}

static void
update_fields_visible (RedlinePostEditor *self)
{
  guint fields;

  if (self->post == NULL)
    return;
  fields = redline_content_kind_fields (redline_post_get_kind (self->post));
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      const char *text = post_get_field (self->post, field);
      /* A field the kind lacks still shows while it holds text, so that
       * nothing checked is ever hidden. */
      gboolean visible = (fields & (1u << field)) != 0 || (text != NULL && text[0] != '\0');

      gtk_widget_set_visible (self->field_labels[field], visible);
      gtk_widget_set_visible (GTK_WIDGET (self->field_views[field]), visible);
    }
}

/* "62 / 40 characters" under the title, author, digest and body, against the limit
 * of the post's content kind on the ecosystem checked for; red past it. */
static void
update_counters (RedlinePostEditor *self)
{
  RedlineRuleSet *rule_set = self->context != NULL ? redline_context_get_rule_set (self->context)
                                                   : NULL;

  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      const char *text;
      g_autofree char *label = NULL;
      guint limit = 0;
      glong n;

      if (self->counters[field] == NULL)
        continue;
      text = self->post != NULL ? post_get_field (self->post, field) : NULL;
      n = text != NULL ? g_utf8_strlen (text, -1) : 0;
      if (rule_set != NULL && self->post != NULL)
        limit = redline_rule_set_get_length_limit (rule_set, self->ecosystem,
                                                   redline_post_get_kind (self->post), field);
      if (limit > 0)
        /* TRANSLATORS: "62 / 40 characters": the length of a field and its limit */
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld / %u character",
                                              "%ld / %u characters", limit), n, limit);
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters",
                                              n), n);
      gtk_label_set_text (self->counters[field], label);
      /* Only the body's count shows on its own; the short fields show theirs
       * once they have a limit and text. */
      gtk_widget_set_visible (GTK_WIDGET (self->counters[field]),
                              gtk_widget_get_visible (GTK_WIDGET (self->field_views[field])) &&
                              (field == REDLINE_FIELD_BODY || (limit > 0 && n > 0)));
      if (limit > 0 && (gulong) n > limit)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->counters[field]), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->counters[field]), "error");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->counters[field]), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->counters[field]), "dim-label");
        }
    }
}

/* "Linked to “Title” on WeChat", a button to the post's counterpart. */
static void
update_linked (RedlinePostEditor *self)
{
  RedlineProject *project = get_project (self);
  RedlinePost *linked = NULL;
  RedlineCampaign *campaign = NULL;
  g_autofree char *label = NULL;
  const char *title;

  if (project != NULL && self->post != NULL && redline_post_get_linked_post_id (self->post) != 0)
    linked = redline_project_find_post (project, redline_post_get_linked_post_id (self->post));
  if (linked != NULL)
    campaign = redline_project_find_campaign (project, redline_post_get_campaign_id (linked));
  gtk_widget_set_visible (self->linked_button, campaign != NULL);
  if (campaign == NULL)
    return;
  title = redline_post_get_title (linked);
  /* TRANSLATORS: "Linked to “The best latte” on WeChat", the post's copy there */
  label = g_strdup_printf (_("Linked to “%s” on %s"),
                           title != NULL && title[0] != '\0' ? title : _("Untitled"),
                           redline_ecosystem_short_label (redline_campaign_get_ecosystem (campaign)));
  adw_button_content_set_label (self->linked_content, label);
  gtk_widget_set_tooltip_text (self->linked_button, _("Open the linked post"));
}

static void
update_preview (RedlinePostEditor *self)
{
  RedlineEcosystem home = get_campaign_ecosystem (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->preview_label),
                          self->post != NULL && home != self->ecosystem);
  if (self->post == NULL || home == self->ecosystem)
    return;
  /* TRANSLATORS: "Previewing the WeChat rules. This campaign runs on Weixin …" */
  text = g_strdup_printf (_("Previewing the %s rules. This campaign runs on %s: its counts and "
                            "reviews stay those of %s."),
                          redline_ecosystem_short_label (self->ecosystem),
                          redline_ecosystem_short_label (home),
                          redline_ecosystem_short_label (home));
  gtk_label_set_text (self->preview_label, text);
}

static void
run_check (RedlinePostEditor *self)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *by_field[REDLINE_N_FIELDS];
  const GError *rule_error;
  guint n;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->post == NULL || self->context == NULL)
    return;

  if (redline_context_get_rule_set (self->context) == NULL)
    {
      rule_error = redline_context_get_rule_set_error (self->context);
      adw_status_page_set_title (self->findings_empty, _("Not Checked"));
      adw_status_page_set_description (self->findings_empty,
                                       rule_error != NULL ? rule_error->message : NULL);
      _redline_post_editor_update_finding_rows (self, NULL);
      g_list_store_remove_all (self->findings);
      gtk_stack_set_visible_child_name (self->findings_stack, "empty");
      update_counters (self);
      return;
    }
  adw_status_page_set_title (self->findings_empty, _("Nothing Found"));
  adw_status_page_set_description (self->findings_empty,
                                   _("No rule of the enabled packs applies to this copy."));

  found = redline_context_check_post (self->context, self->post, self->ecosystem);
  n = g_list_model_get_n_items (found);
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    by_field[field] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RedlineFinding *finding = g_list_model_get_item (found, i);

      g_ptr_array_add (by_field[redline_finding_get_field (finding)], g_object_ref (finding));
      g_ptr_array_add (sorted, finding);
    }
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      redline_field_view_set_findings (self->field_views[field], by_field[field]);
      g_ptr_array_unref (by_field[field]);
    }
  g_ptr_array_sort (sorted, _redline_post_editor_compare_findings);
  _redline_post_editor_update_finding_rows (self, sorted);
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       sorted->pdata, sorted->len);
  _redline_post_editor_update_findings_title (self);
  update_counters (self);
}

void
_redline_post_editor_run_check (RedlinePostEditor *self)
{
  run_check (self);
}

static gboolean
on_check_timeout_cb (gpointer user_data)
{
  RedlinePostEditor *self = user_data;

  self->check_id = 0;
  run_check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  RedlinePostEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!redline_post_editor_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_check_and_save (RedlinePostEditor *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, on_check_timeout_cb, self);
  if (!_redline_post_editor_is_read_only (self))
    {
      self->dirty = TRUE;
      g_clear_handle_id (&self->save_id, g_source_remove);
      self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
      update_status (self);
    }
}

static void
on_buffer_changed_cb (GtkTextBuffer    *buffer,
                      RedlineFieldView *view)
{
  RedlinePostEditor *self =
    REDLINE_POST_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (view), REDLINE_TYPE_POST_EDITOR));
  g_autofree char *text = NULL;

  if (self == NULL || self->loading || self->post == NULL)
    return;
  text = redline_field_view_dup_text (view);
  post_set_field (self->post, redline_field_view_get_field (view), text);
  schedule_check_and_save (self);
}

/* Moved on the calendar: the button follows. */
static void
on_post_scheduled_cb (RedlinePostEditor *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  redline_schedule_button_set_scheduled_at (REDLINE_SCHEDULE_BUTTON (self->schedule_button),
                                            redline_post_get_scheduled_at (self->post));
  self->loading = loading;
}

/* Chosen with the button: into the post, checked and saved like typing. */
static void
on_schedule_chosen_cb (RedlinePostEditor *self)
{
  const char *chosen;

  if (self->loading || self->post == NULL || _redline_post_editor_is_read_only (self))
    return;
  chosen = redline_schedule_button_get_scheduled_at (REDLINE_SCHEDULE_BUTTON (self->schedule_button));
  if (g_strcmp0 (chosen, redline_post_get_scheduled_at (self->post)) == 0)
    return;
  redline_post_set_scheduled_at (self->post, chosen);
  schedule_check_and_save (self);
}

/* The purpose shown, and whether it can change: a paid placement is
 * advertising. */
static void
update_purpose (RedlinePostEditor *self)
{
  RedlinePurpose purpose;
  gboolean paid;
  gboolean loading = self->loading;

  if (self->post == NULL)
    return;
  purpose = redline_post_get_purpose (self->post);
  paid = redline_content_kind_is_paid (redline_post_get_kind (self->post));
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->purpose_dropdown, purpose);
  self->loading = loading;
  gtk_widget_set_sensitive (GTK_WIDGET (self->purpose_dropdown),
                            !paid && !_redline_post_editor_is_read_only (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->purpose_dropdown),
                               paid ? _("Moments and Mini Program ads are paid placements: "
                                        "always advertising")
                                    : redline_purpose_explanation (purpose));
}

static void
on_kind_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     RedlinePostEditor *self)
{
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->post == NULL || kind >= REDLINE_N_POST_KINDS ||
      kind == redline_post_get_kind (self->post))
    return;
  redline_post_set_kind (self->post, kind);
  update_fields_visible (self);
  update_purpose (self);
  schedule_check_and_save (self);
}

static void
on_purpose_selected_cb (GtkDropDown       *dropdown,
                        GParamSpec        *pspec,
                        RedlinePostEditor *self)
{
  guint purpose = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->post == NULL || purpose >= REDLINE_N_PURPOSES ||
      purpose == redline_post_get_purpose (self->post) ||
      redline_content_kind_purpose (redline_post_get_kind (self->post), purpose) != purpose)
    return;
  redline_post_set_purpose (self->post, purpose);
  update_purpose (self);
  schedule_check_and_save (self);
}

static void
on_ecosystem_toggled_cb (GtkToggleButton   *button,
                         RedlinePostEditor *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  redline_post_editor_set_ecosystem (self, button == self->weixin_button
                                           ? REDLINE_ECOSYSTEM_WEIXIN
                                           : REDLINE_ECOSYSTEM_WECHAT);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   RedlinePostEditor       *self)
{
  g_autoptr(GError) error = NULL;

  if (!redline_post_editor_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

static void
on_rule_set_changed_cb (RedlineContext    *context,
                        GParamSpec        *pspec,
                        RedlinePostEditor *self)
{
  if (self->post != NULL)
    run_check (self);
}

static void
redline_post_editor_dispose (GObject *object)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (object);

  /* The window saves before it closes; this is the last chance for an
   * editor taken down some other way. */
  if (self->dirty)
    redline_post_editor_save (self, NULL);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDLINE_TYPE_POST_EDITOR);
  g_clear_object (&self->post);
  g_clear_object (&self->context);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (redline_post_editor_parent_class)->dispose (object);
}

static void
redline_post_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;
    case PROP_ECOSYSTEM:
      g_value_set_enum (value, self->ecosystem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RedlinePostEditor *self = REDLINE_POST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (self->context != NULL)
        g_signal_handlers_disconnect_by_data (self->context, self);
      g_set_object (&self->context, g_value_get_object (value));
      if (self->context != NULL)
        g_signal_connect_object (self->context, "notify::rule-set",
                                 G_CALLBACK (on_rule_set_changed_cb), self, 0);
      break;
    case PROP_POST:
      redline_post_editor_set_post (self, g_value_get_object (value));
      break;
    case PROP_ECOSYSTEM:
      redline_post_editor_set_ecosystem (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_post_editor_class_init (RedlinePostEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_post_editor_dispose;
  object_class->get_property = redline_post_editor_get_property;
  object_class->set_property = redline_post_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, REDLINE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL, REDLINE_TYPE_POST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ECOSYSTEM] =
    g_param_spec_enum ("ecosystem", NULL, NULL, REDLINE_TYPE_ECOSYSTEM, REDLINE_ECOSYSTEM_WEIXIN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RedlinePostEditor::save-failed:
   * @editor: the editor
   * @message: what went wrong, for the user
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (REDLINE_TYPE_FIELD_VIEW);
  g_type_ensure (REDLINE_TYPE_SCHEDULE_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-post-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, box);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, findings_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, purpose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, status_label);
  _redline_post_editor_class_init_review (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, weixin_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, wechat_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, linked_button);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, linked_content);
  gtk_widget_class_bind_template_child_full (widget_class, "title_counter", FALSE,
    G_STRUCT_OFFSET (RedlinePostEditor, counters[REDLINE_FIELD_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "digest_counter", FALSE,
    G_STRUCT_OFFSET (RedlinePostEditor, counters[REDLINE_FIELD_DIGEST]));
  gtk_widget_class_bind_template_child_full (widget_class, "author_counter", FALSE,
    G_STRUCT_OFFSET (RedlinePostEditor, counters[REDLINE_FIELD_AUTHOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "counter_label", FALSE,
    G_STRUCT_OFFSET (RedlinePostEditor, counters[REDLINE_FIELD_BODY]));
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, findings_title);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, findings_list);
  gtk_widget_class_bind_template_child (widget_class, RedlinePostEditor, findings_empty);
  /* Each field's heading and view: "title_label", "title_view", … */
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (redline_field_to_string (field)), "-", '_');
      g_autofree char *label = g_strconcat (name, "_label", NULL);
      g_autofree char *view = g_strconcat (name, "_view", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 G_STRUCT_OFFSET (RedlinePostEditor, field_labels)
                                                 + field * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, view, FALSE,
                                                 G_STRUCT_OFFSET (RedlinePostEditor, field_views)
                                                 + field * sizeof (RedlineFieldView *));
    }
}

static void
redline_post_editor_init (RedlinePostEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* On a narrow window the findings fold into a pane the button reveals. */
  g_object_bind_property (self->box, "reveal-flap", self->findings_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  for (RedlineContentKind kind = 0; kind < REDLINE_N_POST_KINDS; kind++)
    gtk_string_list_append (kinds, redline_content_kind_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  for (RedlinePurpose purpose = 0; purpose < REDLINE_N_PURPOSES; purpose++)
    gtk_string_list_append (purposes, redline_purpose_label (purpose));
  gtk_drop_down_set_model (self->purpose_dropdown, G_LIST_MODEL (purposes));

  self->findings = g_list_store_new (REDLINE_TYPE_FINDING);
  self->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_list_box_set_header_func (self->findings_list, _redline_post_editor_update_finding_header, NULL, NULL);

  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->field_views[field])),
                             "changed", G_CALLBACK (on_buffer_changed_cb), self->field_views[field],
                             0);
  gtk_toggle_button_set_active (self->weixin_button, TRUE);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_selected_cb), self, 0);
  g_signal_connect_object (self->schedule_button, "notify::scheduled-at",
                           G_CALLBACK (on_schedule_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->purpose_dropdown, "notify::selected",
                           G_CALLBACK (on_purpose_selected_cb), self, 0);
  g_signal_connect_object (self->weixin_button, "toggled", G_CALLBACK (on_ecosystem_toggled_cb),
                           self, 0);
  g_signal_connect_object (self->wechat_button, "toggled", G_CALLBACK (on_ecosystem_toggled_cb),
                           self, 0);
  g_signal_connect_object (self->findings_list, "row-activated",
                           G_CALLBACK (_redline_post_editor_on_finding_activated_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  _redline_post_editor_update_findings_title (self);
}

/**
 * redline_post_editor_get_post:
 * @self: a #RedlinePostEditor
 *
 * Returns: (transfer none) (nullable): the post edited
 */
RedlinePost *
redline_post_editor_get_post (RedlinePostEditor *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), NULL);
  return self->post;
}

/* A review, or an edit after approval, moved the post. */
static void
on_post_status_cb (RedlinePostEditor *self)
{
  update_status (self);
}

/**
 * redline_post_editor_set_post:
 * @self: a #RedlinePostEditor
 * @post: (nullable): a post of the context's project
 *
 * Saves the post edited so far, then shows @post, checked on its
 * campaign's ecosystem.
 */
void
redline_post_editor_set_post (RedlinePostEditor *self,
                              RedlinePost       *post)
{
  g_autoptr(GError) error = NULL;
  gboolean editable;

  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));
  g_return_if_fail (post == NULL || REDLINE_IS_POST (post));

  if (post == self->post)
    return;
  if (!redline_post_editor_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->post != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->post, on_post_status_cb, self);
      g_signal_handlers_disconnect_by_func (self->post, on_post_scheduled_cb, self);
    }
  g_set_object (&self->post, post);
  if (post != NULL)
    {
      g_signal_connect_object (post, "notify::status", G_CALLBACK (on_post_status_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (post, "notify::scheduled-at", G_CALLBACK (on_post_scheduled_cb),
                               self, G_CONNECT_SWAPPED);
    }

  self->loading = TRUE;
  editable = !_redline_post_editor_is_read_only (self);
  for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
    {
      redline_field_view_set_text (self->field_views[field],
                                   post != NULL ? post_get_field (post, field) : NULL);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->field_views[field]), editable);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), editable);
  if (post != NULL)
    gtk_drop_down_set_selected (self->kind_dropdown, redline_post_get_kind (post));
  gtk_widget_set_sensitive (self->schedule_button, editable && post != NULL);
  redline_schedule_button_set_scheduled_at (REDLINE_SCHEDULE_BUTTON (self->schedule_button),
                                            post != NULL ? redline_post_get_scheduled_at (post)
                                                         : NULL);
  update_purpose (self);
  self->loading = FALSE;

  _redline_post_editor_update_finding_rows (self, NULL);
  g_list_store_remove_all (self->findings);
  if (post != NULL)
    {
      update_fields_visible (self);
      update_status (self);
      /* Always open on the campaign's own ecosystem. */
      self->ecosystem = get_campaign_ecosystem (self);
      gtk_toggle_button_set_active (self->ecosystem == REDLINE_ECOSYSTEM_WEIXIN
                                    ? self->weixin_button : self->wechat_button, TRUE);
      update_preview (self);
      run_check (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ECOSYSTEM]);
    }
  update_linked (self);
  _redline_post_editor_update_review (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

/**
 * redline_post_editor_get_ecosystem:
 * @self: a #RedlinePostEditor
 *
 * Returns: the ecosystem the post is checked for
 */
RedlineEcosystem
redline_post_editor_get_ecosystem (RedlinePostEditor *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), REDLINE_ECOSYSTEM_WEIXIN);
  return self->ecosystem;
}

/**
 * redline_post_editor_set_ecosystem:
 * @self: a #RedlinePostEditor
 * @ecosystem: the ecosystem to check for
 *
 * Checks the post against @ecosystem's rules: its campaign's, or the other
 * one as a preview.
 */
void
redline_post_editor_set_ecosystem (RedlinePostEditor *self,
                                   RedlineEcosystem   ecosystem)
{
  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));
  g_return_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS);

  if (self->ecosystem == ecosystem)
    return;
  self->ecosystem = ecosystem;
  gtk_toggle_button_set_active (ecosystem == REDLINE_ECOSYSTEM_WEIXIN ? self->weixin_button
                                                                      : self->wechat_button, TRUE);
  update_preview (self);
  run_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ECOSYSTEM]);
}

/**
 * redline_post_editor_get_findings:
 * @self: a #RedlinePostEditor
 *
 * Returns: (transfer none): a list model of the #RedlineFinding listed,
 *   most severe first
 */
GListModel *
redline_post_editor_get_findings (RedlinePostEditor *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/**
 * redline_post_editor_save:
 * @self: a #RedlinePostEditor
 * @error: return location for a #GError
 *
 * Writes the post to the project file now, if it changed since it was last
 * written, and every post edited here whose write failed before (a full
 * disk, a file held by another program): their text stays in memory until
 * a write succeeds or redline_post_editor_discard_unsaved() gives it up.
 *
 * Returns: %TRUE if there was nothing to save or all of it was saved
 */
gboolean
redline_post_editor_save (RedlinePostEditor  *self,
                          GError            **error)
{
  g_autoptr(GError) first_error = NULL;
  RedlineProject *project;

  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  project = get_project (self);
  if (self->dirty && self->post != NULL && project != NULL && redline_post_get_id (self->post) != 0 &&
      !g_ptr_array_find (self->unsaved, self->post, NULL))
    g_ptr_array_add (self->unsaved, g_object_ref (self->post));
  self->dirty = FALSE;
  if (project == NULL)
    g_ptr_array_set_size (self->unsaved, 0);

  for (guint i = self->unsaved->len; i > 0; i--)
    {
      RedlinePost *post = g_ptr_array_index (self->unsaved, i - 1);
      g_autoptr(RedlinePost) edited = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Deleted since, or of a project no longer open: nothing to write. */
      if (redline_project_find_post (project, redline_post_get_id (post)) != post)
        {
          g_ptr_array_remove_index (self->unsaved, i - 1);
          continue;
        }
      edited = redline_post_copy (post);
      if (redline_project_update_post (project, post, &local_error))
        {
          g_ptr_array_remove_index (self->unsaved, i - 1);
          continue;
        }
      /* The project puts a post it could not write back as the file has
       * it; here the edits stay, in memory, for the next try. */
      for (RedlineField field = 0; field < REDLINE_N_FIELDS; field++)
        post_set_field (post, field, post_get_field (edited, field));
      redline_post_set_kind (post, redline_post_get_kind (edited));
      redline_post_set_purpose (post, redline_post_get_purpose (edited));
      redline_post_set_status (post, redline_post_get_status (edited));
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  if (self->post != NULL)
    update_status (self);
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * redline_post_editor_get_n_unsaved:
 * @self: a #RedlinePostEditor
 *
 * Returns: how many posts edited here are not yet written to the file
 */
guint
redline_post_editor_get_n_unsaved (RedlinePostEditor *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), 0);
  return self->unsaved->len + (self->dirty ? 1 : 0);
}

/**
 * redline_post_editor_discard_unsaved:
 * @self: a #RedlinePostEditor
 *
 * Gives up the edits that could not be written, when the user closes
 * without them.
 */
void
redline_post_editor_discard_unsaved (RedlinePostEditor *self)
{
  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->dirty = FALSE;
  g_ptr_array_set_size (self->unsaved, 0);
}

/**
 * redline_post_editor_check_now:
 * @self: a #RedlinePostEditor
 *
 * Checks the post and redraws its findings at once, without waiting for the
 * pause after typing.
 */
void
redline_post_editor_check_now (RedlinePostEditor *self)
{
  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));
  run_check (self);
}

/**
 * redline_post_editor_get_field_view:
 * @self: a #RedlinePostEditor
 * @field: a field
 *
 * Returns: (transfer none): the view that edits @field
 */
GtkWidget *
redline_post_editor_get_field_view (RedlinePostEditor *self,
                                    RedlineField       field)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), NULL);
  g_return_val_if_fail (field < REDLINE_N_FIELDS, NULL);
  return GTK_WIDGET (self->field_views[field]);
}

/**
 * redline_post_editor_get_counter:
 * @self: a #RedlinePostEditor
 * @field: the title, digest or body
 *
 * Returns: (transfer none) (nullable): the label that counts @field's
 *   characters against its limit
 */
GtkWidget *
redline_post_editor_get_counter (RedlinePostEditor *self,
                                 RedlineField       field)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), NULL);
  g_return_val_if_fail (field < REDLINE_N_FIELDS, NULL);
  return GTK_WIDGET (self->counters[field]);
}

/**
 * redline_post_editor_get_purpose_chooser:
 * @self: a #RedlinePostEditor
 *
 * Returns: (transfer none): the drop-down that sets what the post is for,
 *   its items in the order of #RedlinePurpose
 */
GtkWidget *
redline_post_editor_get_purpose_chooser (RedlinePostEditor *self)
{
  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), NULL);
  return GTK_WIDGET (self->purpose_dropdown);
}

/**
 * redline_post_editor_show_finding:
 * @self: a #RedlinePostEditor
 * @finding: a finding of the post
 *
 * Selects the text of @finding in its field.
 */
void
redline_post_editor_show_finding (RedlinePostEditor *self,
                                  RedlineFinding    *finding)
{
  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));
  g_return_if_fail (REDLINE_IS_FINDING (finding));

  redline_field_view_show_finding (self->field_views[redline_finding_get_field (finding)], finding);
}

/**
 * redline_post_editor_apply_suggestion:
 * @self: a #RedlinePostEditor
 * @finding: a span finding of the post
 * @suggestion: the text to put in its place
 *
 * Replaces @finding's text as one step that Ctrl+Z undoes; the post is
 * checked and saved as after typing.
 *
 * Returns: %FALSE if the text changed since the finding was made
 */
gboolean
redline_post_editor_apply_suggestion (RedlinePostEditor *self,
                                      RedlineFinding    *finding,
                                      const char        *suggestion)
{
  RedlineFieldView *view;

  g_return_val_if_fail (REDLINE_IS_POST_EDITOR (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_FINDING (finding), FALSE);

  if (_redline_post_editor_is_read_only (self))
    return FALSE;
  view = self->field_views[redline_finding_get_field (finding)];
  if (!redline_field_view_replace_finding (view, finding, suggestion))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* Show the result at once; the save follows on the usual delay. */
  run_check (self);
  return TRUE;
}

/**
 * redline_post_editor_move_to_finding:
 * @self: a #RedlinePostEditor
 * @direction: 1 for the next finding after the cursor, -1 for the one before
 *
 * Moves to the next or previous span finding in field and text order.
 */
void
redline_post_editor_move_to_finding (RedlinePostEditor *self,
                                     int                direction)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  GtkWidget *focus;
  RedlineField field = REDLINE_FIELD_TITLE;
  int cursor = 0;
  RedlineFinding *target = NULL;

  g_return_if_fail (REDLINE_IS_POST_EDITOR (self));

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (REDLINE_IS_FIELD_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      field = redline_field_view_get_field (REDLINE_FIELD_VIEW (focus));
      cursor = gtk_text_iter_get_offset (&iter);
    }
  for (RedlineField f = 0; f < REDLINE_N_FIELDS; f++)
    {
      GPtrArray *findings = redline_field_view_get_findings (self->field_views[f]);

      for (guint i = 0; findings != NULL && i < findings->len; i++)
        if (redline_finding_get_scope (findings->pdata[i]) == REDLINE_SCOPE_SPAN)
          g_ptr_array_add (ordered, findings->pdata[i]);
    }
  for (guint i = 0; i < ordered->len; i++)
    {
      RedlineFinding *finding = ordered->pdata[direction > 0 ? i : ordered->len - 1 - i];
      RedlineField ff = redline_finding_get_field (finding);
      int start = (int) redline_finding_get_start (finding);

      if (direction > 0 ? (ff > field || (ff == field && start > cursor))
                        : (ff < field || (ff == field && start < cursor)))
        {
          target = finding;
          break;
        }
    }
  /* Wrap around. */
  if (target == NULL && ordered->len > 0)
    target = ordered->pdata[direction > 0 ? 0 : ordered->len - 1];
  if (target != NULL)
    redline_post_editor_show_finding (self, target);
}
