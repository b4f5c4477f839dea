/* redline-campaign-dialog.c: a campaign's details, new or to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "redline-campaign-dialog.h"
#include "redline-auto-reply-dialog.h"
#include "redline-finding-row.h"
#include "redline-menu-item-dialog.h"
#include "redline-qr-code-dialog.h"

/**
 * RedlineCampaignDialog:
 *
 * Everything a campaign holds: its name, its ecosystem (chosen once, for a
 * new campaign, and shown but never offered again), objective, account and
 * account type (with what that type may publish on the ecosystem, from the
 * platform data), start and end days, budget and currency, target regions
 * and notes; and, for a campaign already saved, its QR codes (each opens
 * in a #RedlineQrCodeDialog, which stores it on its own) and what the
 * planner finds in its posts.
 *
 * The dialog changes nothing itself. Save emits #RedlineCampaignDialog::save
 * only when what was typed can be stored; the handler copies the details
 * onto a campaign with redline_campaign_dialog_apply(), stores it, and
 * closes the dialog, or says why not with
 * redline_campaign_dialog_show_error() and leaves it open.
 */
struct _RedlineCampaignDialog
{
  AdwWindow        parent_instance;

  RedlineContext  *context;
  RedlineCampaign *campaign;
  GPtrArray       *objective_ids;
  GPtrArray       *account_type_ids;
  GPtrArray       *currencies;
  GDate            start;
  GDate            end;
  gboolean         read_only;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  AdwEntryRow     *name_row;
  AdwComboRow     *ecosystem_row;
  AdwActionRow    *ecosystem_fixed_row;
  AdwComboRow     *objective_row;
  AdwEntryRow     *account_row;
  AdwComboRow     *account_type_row;
  GtkLabel        *account_type_label;
  AdwActionRow    *start_row;
  GtkWidget       *start_clear_button;
  GtkMenuButton   *start_button;
  GtkCalendar     *start_calendar;
  AdwActionRow    *end_row;
  GtkWidget       *end_clear_button;
  GtkMenuButton   *end_button;
  GtkCalendar     *end_calendar;
  GtkSpinButton   *budget_spin;
  AdwComboRow     *currency_row;
  AdwEntryRow     *regions_row;
  GtkLabel        *regions_label;
  GtkTextView     *notes_view;
  GtkWidget       *qr_group;
  GtkWidget       *add_qr_button;
  GtkListBox      *qr_list;
  GtkWidget       *plan_group;
  GtkListBox      *plan_list;
  AdwPreferencesGroup *menu_group;
  GtkWidget       *add_menu_button;
  GtkWidget       *menu_bar_frame;
  GtkBox          *menu_bar;
  GtkListBox      *menu_list;
  AdwPreferencesGroup *replies_group;
  GtkWidget       *add_reply_button;
  GtkListBox      *replies_list;
};

G_DEFINE_FINAL_TYPE (RedlineCampaignDialog, redline_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What campaigns are for, as stored (ids) and as shown. */
static const struct {
  const char *id;
  const char *label;
} objectives[] = {
  { "awareness", N_("Brand awareness") },
  { "engagement", N_("Engagement") },
  { "followers", N_("New followers") },
  { "leads", N_("Leads") },
  { "store-visits", N_("Store visits") },
  { "sales", N_("Sales") },
  { "app-installs", N_("App installs") },
};

/* The currencies offered, with the digits of their minor unit (ISO 4217):
 * a budget is stored in minor units, fen or cents, and whole yen or won. */
static const struct {
  const char *code;
  guint       digits;
} currencies[] = {
  { "CNY", 2 }, { "HKD", 2 }, { "MOP", 2 }, { "TWD", 2 }, { "SGD", 2 }, { "MYR", 2 },
  { "THB", 2 }, { "IDR", 2 }, { "PHP", 2 }, { "VND", 0 }, { "JPY", 0 }, { "KRW", 0 },
  { "AUD", 2 }, { "NZD", 2 }, { "CAD", 2 }, { "USD", 2 }, { "EUR", 2 }, { "GBP", 2 },
};

static guint
currency_digits (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (currencies); i++)
    if (g_str_equal (currencies[i].code, code))
      return currencies[i].digits;
  return 2;
}

/* ---- Combo rows of ids -------------------------------------------------- */

/* Each combo row lists labels; beside it, an array holds the id each label
 * stands for, NULL for "not set". */

static void
select_id (AdwComboRow *row,
           GPtrArray   *ids,
           const char  *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (ids->pdata[i], id) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static const char *
selected_id (AdwComboRow *row,
             GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? ids->pdata[selected] : NULL;
}

/* Adds a value the file holds but the lists do not know, as it is, so
 * opening and saving the dialog never loses it. */
static void
add_unknown (GtkStringList *labels,
             GPtrArray     *ids,
             const char    *id)
{
  if (id == NULL || *id == '\0')
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (ids->pdata[i], id) == 0)
      return;
  g_ptr_array_add (ids, g_strdup (id));
  gtk_string_list_append (labels, id);
}

static RedlineEcosystem
chosen_ecosystem (RedlineCampaignDialog *self)
{
  if (self->campaign != NULL)
    return redline_campaign_get_ecosystem (self->campaign);
  return adw_combo_row_get_selected (self->ecosystem_row) == 1 ? REDLINE_ECOSYSTEM_WECHAT
                                                               : REDLINE_ECOSYSTEM_WEIXIN;
}

/* ---- What the account type may publish ----------------------------------- */

static void
update_account_type (RedlineCampaignDialog *self)
{
  RedlinePlatform *platform = redline_planner_get_platform (redline_context_get_planner (self->context));
  const char *type = selected_id (self->account_type_row, self->account_type_ids);
  RedlineEcosystem ecosystem = chosen_ecosystem (self);
  g_autoptr(GString) yes = g_string_new (NULL);
  g_autoptr(GString) unconfirmed = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (type == NULL)
    {
      gtk_label_set_text (self->account_type_label,
                      _("Not set: the planner cannot tell what the account may "
                                     "publish or how often"));
      return;
    }
  if (redline_platform_get_account_type_name (platform, type) == NULL)
    {
      gtk_label_set_text (self->account_type_label,
                      _("Not in Redline’s platform data: the planner cannot tell "
                                     "what it may publish"));
      return;
    }
  for (guint kind = 0; kind < REDLINE_N_POST_KINDS; kind++)
    {
      RedlineCapability can = redline_platform_can_publish (platform, type, ecosystem, kind);
      GString *list = can == REDLINE_CAPABILITY_YES ? yes
                      : can == REDLINE_CAPABILITY_UNCONFIRMED ? unconfirmed : NULL;

      if (list == NULL)
        continue;
      if (list->len > 0)
        /* TRANSLATORS: between the items of a list, e.g. "Articles, Moments ads" */
        g_string_append (list, _(", "));
      g_string_append (list, redline_content_kind_label (kind));
    }
  if (yes->len == 0 && unconfirmed->len == 0)
    /* TRANSLATORS: %s: an ecosystem, e.g. "WeChat (Global)" */
    text = g_strdup_printf (_("Publishes nothing on %s"), redline_ecosystem_label (ecosystem));
  else if (unconfirmed->len == 0)
    /* TRANSLATORS: %1$s: an ecosystem, e.g. "Weixin (China)"; %2$s: a list of
     * content kinds */
    text = g_strdup_printf (_("On %1$s: %2$s"), redline_ecosystem_label (ecosystem), yes->str);
  else if (yes->len == 0)
    /* TRANSLATORS: %1$s: an ecosystem; %2$s: a list of content kinds */
    text = g_strdup_printf (_("On %1$s, not confirmed by any source: %2$s"),
                            redline_ecosystem_label (ecosystem), unconfirmed->str);
  else
    /* TRANSLATORS: %1$s: an ecosystem; %2$s and %3$s: lists of content kinds */
    text = g_strdup_printf (_("On %1$s: %2$s; not confirmed by any source: %3$s"),
                            redline_ecosystem_label (ecosystem), yes->str, unconfirmed->str);
  gtk_label_set_text (self->account_type_label, text);
}

/* ---- Checking what was typed -------------------------------------------- */

static gboolean
parse_regions (const char  *text,
               GStrv       *regions_out,
               char       **bad_out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GRegex) separators = g_regex_new ("[\\s,;，、；]+", 0, 0, NULL);
  g_autoptr(GRegex) code = g_regex_new ("^[A-Z]{2}(-[A-Z0-9]{1,3})?$", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (separators, text, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *up = g_utf8_strup (parts[i], -1);

      if (*up == '\0')
        continue;
      if (!g_regex_match (code, up, 0, NULL))
        {
          if (bad_out != NULL)
            *bad_out = g_strdup (parts[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, up);
    }
  if (regions_out != NULL)
    *regions_out = g_strv_builder_end (builder);
  return TRUE;
}

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  /* TRANSLATORS: a campaign's first or last day, e.g. "16 September 2024";
   * see g_date_time_format(). Month names follow LC_TIME, not the language
   * of the interface: a format with numbers reads right in any locale. */
  return g_date_time_format (time, C_("campaign day", "%-d %B %Y"));
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static gboolean
validate (RedlineCampaignDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *bad = NULL;
  gboolean ends_before = g_date_valid (&self->start) && g_date_valid (&self->end) &&
                         g_date_compare (&self->end, &self->start) < 0;
  gboolean regions_ok = parse_regions (gtk_editable_get_text (GTK_EDITABLE (self->regions_row)),
                                       NULL, &bad);
  const GDate *days[] = { &self->start, &self->end };
  AdwActionRow *rows[] = { self->start_row, self->end_row };
  GtkWidget *clears[] = { self->start_clear_button, self->end_clear_button };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *text = g_date_valid (days[i]) ? format_day (days[i]) : NULL;

      if (i == 1 && ends_before)
        {
          g_autofree char *both = g_strdup_printf (_("%s — before the campaign starts"), text);

          adw_action_row_set_subtitle (rows[i], both);
        }
      else
        adw_action_row_set_subtitle (rows[i], text != NULL ? text : _("Not set"));
      gtk_widget_set_visible (clears[i], text != NULL);
    }
  set_error_style (GTK_WIDGET (self->end_row), ends_before);

  set_error_style (GTK_WIDGET (self->regions_row), !regions_ok);
  gtk_widget_remove_css_class (GTK_WIDGET (self->regions_label), regions_ok ? "error" : "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->regions_label), regions_ok ? "dim-label" : "error");
  if (regions_ok)
    gtk_label_set_text (self->regions_label,
                        _("Codes such as CN-SH for Shanghai or SG for Singapore, between commas. "
                          "The calendar shows these regions’ holidays."));
  else
    {
      /* TRANSLATORS: %s: what was typed among the target regions */
      g_autofree char *text = g_strdup_printf (_("“%s” is not a region code: write a country "
                                                 "(SG, MY) or a province (CN-SH, CN-GD) as ISO "
                                                 "3166 has it."),
                                               bad);

      gtk_label_set_text (self->regions_label, text);
    }

  set_error_style (GTK_WIDGET (self->name_row), name[0] == '\0');
  return name[0] != '\0' && !ends_before && regions_ok;
}

static void
update (RedlineCampaignDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), validate (self) && !self->read_only);
}

/* ---- Dates ---------------------------------------------------------------- */

static void
show_day_in (GtkCalendar *calendar,
             const GDate *day)
{
  g_autoptr(GDateTime) time = NULL;

  if (g_date_valid (day))
    time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                  g_date_get_day (day), 12, 0, 0);
  else
    time = g_date_time_new_now_local ();
  gtk_calendar_select_day (calendar, time);
}

static void
on_day_selected_cb (GtkCalendar           *calendar,
                    RedlineCampaignDialog *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);
  gboolean start = calendar == self->start_calendar;
  GDate *day = start ? &self->start : &self->end;

  g_date_set_dmy (day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  gtk_menu_button_popdown (start ? self->start_button : self->end_button);
  update (self);
}

static void
on_clear_date_clicked_cb (GtkButton             *button,
                          RedlineCampaignDialog *self)
{
  g_date_clear (GTK_WIDGET (button) == self->start_clear_button ? &self->start : &self->end, 1);
  update (self);
}

/* Each calendar opens on its day, or next to the other one's. */
static void
on_popover_shown_cb (GtkWidget             *popover,
                     RedlineCampaignDialog *self)
{
  gboolean start = popover == GTK_WIDGET (gtk_menu_button_get_popover (self->start_button));
  GtkCalendar *calendar = start ? self->start_calendar : self->end_calendar;
  const GDate *own = start ? &self->start : &self->end;
  const GDate *other = start ? &self->end : &self->start;

  g_signal_handlers_block_by_func (calendar, on_day_selected_cb, self);
  show_day_in (calendar, g_date_valid (own) ? own : other);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, self);
}

/* ---- Budget ---------------------------------------------------------------- */

static void
on_currency_changed_cb (AdwComboRow           *row,
                        GParamSpec            *pspec,
                        RedlineCampaignDialog *self)
{
  guint digits = currency_digits (selected_id (self->currency_row, self->currencies));

  gtk_spin_button_set_digits (self->budget_spin, digits);
  gtk_adjustment_set_step_increment (gtk_spin_button_get_adjustment (self->budget_spin),
                                     digits == 0 ? 10000 : 100);
}

static gint64
budget_minor_units (RedlineCampaignDialog *self)
{
  guint digits = gtk_spin_button_get_digits (self->budget_spin);
  double value = gtk_spin_button_get_value (self->budget_spin) * pow (10, digits);

  return (gint64) llround (CLAMP (value, 0, (double) G_MAXINT64 / 2));
}

/* ---- The planner's findings ------------------------------------------------- */

static void
fill_plan_findings (RedlineCampaignDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  RedlinePlanner *planner = redline_context_get_planner (self->context);
  GListModel *posts;
  guint shown = 0;

  if (self->campaign == NULL || project == NULL)
    {
      gtk_widget_set_visible (self->plan_group, FALSE);
      return;
    }
  posts = redline_project_get_posts (project);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *heading = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;

      if (redline_post_get_campaign_id (post) != redline_campaign_get_id (self->campaign))
        continue;
      findings = redline_planner_check_post (planner, post);
      if (findings->len == 0)
        continue;
      heading = redline_post_dup_heading (post);
      local = redline_planner_post_local_time (post);
      /* TRANSLATORS: when a post is scheduled, in Beijing time; see
       * g_date_time_format() */
      when = local != NULL ? g_date_time_format (local, _("%Y-%m-%d %H:%M Beijing time")) : NULL;
      subtitle = when != NULL ? g_strdup_printf ("%s · %s", heading, when) : g_strdup (heading);
      for (guint f = 0; f < findings->len; f++)
        {
          RedlineFinding *finding = findings->pdata[f];
          RedlineSeverity severity = redline_finding_get_severity (finding);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
          GtkWidget *title = gtk_label_new (redline_finding_get_message (finding));
          GtkWidget *sub = gtk_label_new (subtitle);
          GtkWidget *icon = gtk_image_new_from_icon_name (
            severity == REDLINE_SEVERITY_ERROR ? "dialog-error-symbolic"
            : severity == REDLINE_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                                   : "dialog-information-symbolic");
          GtkWidget *row = gtk_list_box_row_new ();

          gtk_widget_add_css_class (icon, severity == REDLINE_SEVERITY_ERROR ? "error"
                                          : severity == REDLINE_SEVERITY_WARNING ? "warning"
                                                                                 : "accent");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          redline_severity_label (severity), -1);
          /* Long names and dates with no space to break at still wrap. */
          for (guint l = 0; l < 2; l++)
            {
              GtkLabel *label = GTK_LABEL (l == 0 ? title : sub);

              gtk_label_set_wrap (label, TRUE);
              gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
              gtk_label_set_selectable (label, l == 0);
              gtk_label_set_xalign (label, 0);
              gtk_box_append (GTK_BOX (text), GTK_WIDGET (label));
            }
          gtk_widget_add_css_class (sub, "caption");
          gtk_widget_add_css_class (sub, "dim-label");
          gtk_widget_set_hexpand (text, TRUE);
          gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), icon);
          gtk_box_append (GTK_BOX (box), text);
          g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 10,
                        "margin-bottom", 10, NULL);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_append (self->plan_list, row);
          shown++;
        }
    }
  gtk_widget_set_visible (self->plan_group, shown > 0);
}

/* ---- QR codes ---------------------------------------------------------------- */

/* The thumbnail of a code in its row, in pixels. */
#define QR_THUMBNAIL_PIXELS 40

static GtkWidget *
create_qr_row (gpointer item,
               gpointer user_data)
{
  RedlineCampaignDialog *self = user_data;
  RedlineQrCode *code = item;
  g_autofree char *encoded = redline_qr_code_dup_encoded_link (code);
  g_autoptr(GListModel) findings = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture = gtk_picture_new ();
  g_autoptr(GBytes) png = NULL;
  RedlineRuleSet *rule_set = redline_context_get_rule_set (self->context);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), redline_qr_code_get_placement (code));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               encoded != NULL ? encoded : redline_qr_code_get_link (code));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "qr-code", g_object_ref (code), g_object_unref);

  if (encoded != NULL)
    png = redline_qr_image_render_preview (code, QR_THUMBNAIL_PIXELS, NULL);
  if (png != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, NULL);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
  gtk_widget_set_size_request (picture, QR_THUMBNAIL_PIXELS, QR_THUMBNAIL_PIXELS);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  /* The worst verdict on its link, as in the editor. */
  if (rule_set != NULL && encoded != NULL)
    findings = redline_context_check_qr_code (self->context, code);
  redline_finding_row_add_verdict (ADW_ACTION_ROW (row), findings, encoded == NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static gboolean
is_campaign_code (gpointer item,
                  gpointer user_data)
{
  RedlineCampaignDialog *self = user_data;

  return self->campaign != NULL &&
         redline_qr_code_get_campaign_id (item) == redline_campaign_get_id (self->campaign);
}

static void
show_qr_codes (RedlineCampaignDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  g_autoptr(GtkFilterListModel) codes = NULL;

  if (self->campaign == NULL || project == NULL)
    {
      gtk_widget_set_visible (self->qr_group, FALSE);
      return;
    }
  codes = gtk_filter_list_model_new (
    g_object_ref (redline_project_get_qr_codes (project)),
    GTK_FILTER (gtk_custom_filter_new (is_campaign_code, self, NULL)));
  gtk_list_box_bind_model (self->qr_list, G_LIST_MODEL (codes), create_qr_row, self, NULL);
  gtk_widget_set_visible (self->add_qr_button, !self->read_only);
}

static void
open_qr_code (RedlineCampaignDialog *self,
              RedlineQrCode         *code)
{
  GtkWidget *dialog = redline_qr_code_dialog_new (GTK_WINDOW (self), self->context,
                                                  self->campaign, code);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_qr_clicked_cb (GtkButton             *button,
                      RedlineCampaignDialog *self)
{
  if (self->campaign != NULL && !self->read_only)
    open_qr_code (self, NULL);
}

static void
on_qr_row_activated_cb (GtkListBox            *list,
                        GtkListBoxRow         *row,
                        RedlineCampaignDialog *self)
{
  RedlineQrCode *code = g_object_get_data (G_OBJECT (row), "qr-code");

  if (code != NULL)
    open_qr_code (self, code);
}

/* ---- The account's menu and replies ----------------------------------------- */

/* The account the campaign publishes from, as saved; NULL when it names none. */
static const char *
saved_account (RedlineCampaignDialog *self)
{
  const char *account = self->campaign != NULL ? redline_campaign_get_account (self->campaign)
                                               : NULL;

  return account != NULL && account[0] != '\0' ? account : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
create_menu_row (RedlineCampaignDialog *self,
                 RedlineMenuItem       *item)
{
  RedlineProject *project = redline_context_get_project (self->context);
  GtkWidget *row = adw_action_row_new ();
  guint n_subs = redline_project_count_sub_items (project, item);
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), redline_menu_item_get_name (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (n_subs > 0)
    /* TRANSLATORS: what a top-level menu item does */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opens %u sub-item",
                                             "Opens %u sub-items", n_subs), n_subs);
  else if (redline_menu_item_get_action (item) == REDLINE_MENU_ACTION_LINK)
    subtitle = g_strdup (redline_menu_item_get_link (item));
  else
    subtitle = g_strdup (redline_menu_item_get_message (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "menu-item", g_object_ref (item), g_object_unref);
  if (redline_menu_item_get_parent_id (item) != 0)
    {
      GtkWidget *indent = gtk_image_new_from_icon_name ("mail-forward-symbolic");

      gtk_widget_add_css_class (indent, "dim-label");
      gtk_widget_set_margin_start (indent, 12);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
    }
  if (redline_context_get_rule_set (self->context) != NULL)
    findings = redline_context_check_menu_item (self->context, item);
  redline_finding_row_add_verdict (ADW_ACTION_ROW (row), findings, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_menu (RedlineCampaignDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  const char *account = saved_account (self);
  RedlineEcosystem ecosystem;
  const RedlineMenuLimits *limits;
  g_autoptr(GPtrArray) menu = NULL;
  GtkWidget *child;
  guint n_top = 0;

  clear_list (self->menu_list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->menu_bar))) != NULL)
    gtk_box_remove (self->menu_bar, child);
  if (account == NULL || project == NULL)
    {
      gtk_widget_set_visible (self->menu_bar_frame, FALSE);
      return;
    }
  ecosystem = redline_campaign_get_ecosystem (self->campaign);
  limits = redline_platform_get_menu_limits (
    redline_planner_get_platform (redline_context_get_planner (self->context)));
  menu = redline_project_list_menu (project, ecosystem, account);
  for (guint i = 0; i < menu->len; i++)
    {
      RedlineMenuItem *item = g_ptr_array_index (menu, i);

      gtk_list_box_append (self->menu_list, create_menu_row (self, item));
      /* The bar shows the top-level items the platform shows. */
      if (redline_menu_item_get_parent_id (item) == 0 && n_top++ < limits->items)
        {
          g_autofree char *name =
            redline_menu_name_shown (redline_menu_item_get_name (item),
                                     limits->name_shown[REDLINE_MENU_LEVEL_TOP], NULL);

          gtk_box_append (self->menu_bar, gtk_label_new (name));
        }
    }
  gtk_widget_set_visible (self->menu_bar_frame, n_top > 0);
}

static GtkWidget *
create_reply_row (RedlineCampaignDialog *self,
                  RedlineAutoReply      *reply)
{
  GtkWidget *row = adw_action_row_new ();
  RedlineReplyTrigger trigger = redline_auto_reply_get_trigger (reply);
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *title = NULL;

  if (trigger == REDLINE_REPLY_TRIGGER_KEYWORD)
    {
      g_autofree char *keywords = g_strjoinv (", ",
                                              (char **) redline_auto_reply_get_keywords (reply));

      /* TRANSLATORS: a keyword reply in a list, by its keywords */
      title = g_strdup_printf (_("Keywords: %s"), keywords);
    }
  else
    title = g_strdup (redline_reply_trigger_label (trigger));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), redline_auto_reply_get_text (reply));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "auto-reply", g_object_ref (reply), g_object_unref);
  if (redline_context_get_rule_set (self->context) != NULL)
    findings = redline_context_check_auto_reply (self->context, reply);
  redline_finding_row_add_verdict (ADW_ACTION_ROW (row), findings, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_replies (RedlineCampaignDialog *self)
{
  RedlineProject *project = redline_context_get_project (self->context);
  const char *account = saved_account (self);
  GListModel *replies;

  clear_list (self->replies_list);
  if (account == NULL || project == NULL)
    return;
  /* The welcome message first, then the reply to any message, then the
   * keyword replies as they were added. */
  replies = redline_project_get_auto_replies (project);
  for (RedlineReplyTrigger trigger = 0; trigger < REDLINE_N_REPLY_TRIGGERS; trigger++)
    for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
      {
        g_autoptr(RedlineAutoReply) reply = g_list_model_get_item (replies, i);

        if (redline_auto_reply_get_trigger (reply) == trigger &&
            redline_auto_reply_get_ecosystem (reply) ==
              redline_campaign_get_ecosystem (self->campaign) &&
            g_strcmp0 (redline_auto_reply_get_account (reply), account) == 0)
          gtk_list_box_append (self->replies_list, create_reply_row (self, reply));
      }
}

static GtkWidget *
create_empty_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The menu and the replies of the campaign's account, which its other
 * campaigns share. */
static void
show_account_tools (RedlineCampaignDialog *self)
{
  const char *account = saved_account (self);
  gboolean shown = self->campaign != NULL && redline_context_get_project (self->context) != NULL;
  g_autofree char *menu_text = NULL;
  g_autofree char *replies_text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->menu_group), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->replies_group), shown);
  if (!shown)
    return;
  if (account != NULL)
    {
      const char *ecosystem = redline_ecosystem_label (redline_campaign_get_ecosystem (
                                                         self->campaign));

      /* TRANSLATORS: %s: the account's name; %s: its ecosystem */
      menu_text = g_strdup_printf (_("The menu at the bottom of the chat with “%s” on %s: up "
                                     "to three items of up to five sub-items. The account’s "
                                     "campaigns share it."), account, ecosystem);
      /* TRANSLATORS: %s: the account's name */
      replies_text = g_strdup_printf (_("What “%s” sends by itself: its welcome message, its "
                                        "reply to any message and its keyword replies."),
                                      account);
    }
  else
    {
      menu_text = g_strdup (_("Name the campaign’s account and save to draft the account’s "
                              "menu."));
      replies_text = g_strdup (_("Name the campaign’s account and save to draft its welcome "
                                 "message and keyword replies."));
    }
  adw_preferences_group_set_description (self->menu_group, menu_text);
  adw_preferences_group_set_description (self->replies_group, replies_text);
  gtk_widget_set_visible (self->add_menu_button, account != NULL && !self->read_only);
  gtk_widget_set_visible (self->add_reply_button, account != NULL && !self->read_only);
  show_menu (self);
  show_replies (self);
}

static void
on_account_content_changed_cb (RedlineCampaignDialog *self)
{
  show_account_tools (self);
}

static void
on_add_menu_clicked_cb (GtkButton             *button,
                        RedlineCampaignDialog *self)
{
  GtkWidget *dialog;

  if (saved_account (self) == NULL || self->read_only)
    return;
  dialog = redline_menu_item_dialog_new (GTK_WINDOW (self), self->context,
                                         redline_campaign_get_ecosystem (self->campaign),
                                         saved_account (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_menu_row_activated_cb (GtkListBox            *list,
                          GtkListBoxRow         *row,
                          RedlineCampaignDialog *self)
{
  RedlineMenuItem *item = g_object_get_data (G_OBJECT (row), "menu-item");
  GtkWidget *dialog;

  if (item == NULL)
    return;
  dialog = redline_menu_item_dialog_new (GTK_WINDOW (self), self->context,
                                         redline_menu_item_get_ecosystem (item),
                                         redline_menu_item_get_account (item), item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_reply_clicked_cb (GtkButton             *button,
                         RedlineCampaignDialog *self)
{
  GtkWidget *dialog;

  if (saved_account (self) == NULL || self->read_only)
    return;
  dialog = redline_auto_reply_dialog_new (GTK_WINDOW (self), self->context,
                                          redline_campaign_get_ecosystem (self->campaign),
                                          saved_account (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reply_row_activated_cb (GtkListBox            *list,
                           GtkListBoxRow         *row,
                           RedlineCampaignDialog *self)
{
  RedlineAutoReply *reply = g_object_get_data (G_OBJECT (row), "auto-reply");
  GtkWidget *dialog;

  if (reply == NULL)
    return;
  dialog = redline_auto_reply_dialog_new (GTK_WINDOW (self), self->context,
                                          redline_auto_reply_get_ecosystem (reply),
                                          redline_auto_reply_get_account (reply), reply);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Save ------------------------------------------------------------------ */

static void
on_save_clicked_cb (GtkButton             *button,
                    RedlineCampaignDialog *self)
{
  if (validate (self) && !self->read_only)
    g_signal_emit (self, signals[SAVE], 0);
}

static void
on_changed_cb (RedlineCampaignDialog *self)
{
  update (self);
}

static void
redline_campaign_dialog_dispose (GObject *object)
{
  RedlineCampaignDialog *self = REDLINE_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REDLINE_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->campaign);
  g_clear_object (&self->context);
  g_clear_pointer (&self->objective_ids, g_ptr_array_unref);
  g_clear_pointer (&self->account_type_ids, g_ptr_array_unref);
  g_clear_pointer (&self->currencies, g_ptr_array_unref);

  G_OBJECT_CLASS (redline_campaign_dialog_parent_class)->dispose (object);
}

static void
redline_campaign_dialog_class_init (RedlineCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redline_campaign_dialog_dispose;

  /**
   * RedlineCampaignDialog::save:
   * @self: the dialog
   *
   * Save was pressed, and what the dialog holds can be stored.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redline/Redline/redline-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, ecosystem_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, ecosystem_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, objective_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, account_type_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, account_type_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, start_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, end_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, end_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, regions_row);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, regions_label);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, qr_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, add_qr_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, qr_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, menu_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, add_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, menu_bar_frame);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, menu_bar);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, menu_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, replies_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, add_reply_button);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, replies_list);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, plan_group);
  gtk_widget_class_bind_template_child (widget_class, RedlineCampaignDialog, plan_list);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_qr_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_reply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redline_campaign_dialog_init (RedlineCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
  self->objective_ids = g_ptr_array_new_with_free_func (g_free);
  self->account_type_ids = g_ptr_array_new_with_free_func (g_free);
  self->currencies = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_object (gtk_menu_button_get_popover (self->start_button), "show",
                           G_CALLBACK (on_popover_shown_cb), self, 0);
  g_signal_connect_object (gtk_menu_button_get_popover (self->end_button), "show",
                           G_CALLBACK (on_popover_shown_cb), self, 0);
}

static void
fill_lists (RedlineCampaignDialog *self,
            RedlineCampaign       *campaign,
            RedlineEcosystem       ecosystem)
{
  RedlinePlatform *platform = redline_planner_get_platform (redline_context_get_planner (self->context));
  const char * const *types = redline_platform_get_account_types (platform);
  g_autoptr(GtkStringList) ecosystems = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) objective_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) type_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currency_labels = gtk_string_list_new (NULL);

  gtk_string_list_append (ecosystems, redline_ecosystem_label (REDLINE_ECOSYSTEM_WEIXIN));
  gtk_string_list_append (ecosystems, redline_ecosystem_label (REDLINE_ECOSYSTEM_WECHAT));
  adw_combo_row_set_model (self->ecosystem_row, G_LIST_MODEL (ecosystems));
  adw_combo_row_set_selected (self->ecosystem_row, ecosystem == REDLINE_ECOSYSTEM_WECHAT);

  g_ptr_array_add (self->objective_ids, NULL);
  gtk_string_list_append (objective_labels, C_("objective", "Not set"));
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    {
      g_ptr_array_add (self->objective_ids, g_strdup (objectives[i].id));
      gtk_string_list_append (objective_labels, _(objectives[i].label));
    }

  g_ptr_array_add (self->account_type_ids, NULL);
  gtk_string_list_append (type_labels, C_("account type", "Not set"));
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      g_ptr_array_add (self->account_type_ids, g_strdup (types[i]));
      gtk_string_list_append (type_labels, redline_platform_get_account_type_name (platform, types[i]));
    }

  g_ptr_array_add (self->currencies, NULL);
  gtk_string_list_append (currency_labels, C_("currency", "Not set"));
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_ptr_array_add (self->currencies, g_strdup (currencies[i].code));
      gtk_string_list_append (currency_labels, currencies[i].code);
    }

  if (campaign != NULL)
    {
      add_unknown (objective_labels, self->objective_ids, redline_campaign_get_objective (campaign));
      add_unknown (type_labels, self->account_type_ids, redline_campaign_get_account_type (campaign));
      add_unknown (currency_labels, self->currencies, redline_campaign_get_currency (campaign));
    }
  adw_combo_row_set_model (self->objective_row, G_LIST_MODEL (objective_labels));
  adw_combo_row_set_model (self->account_type_row, G_LIST_MODEL (type_labels));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currency_labels));
}

static void
show_campaign (RedlineCampaignDialog *self,
               RedlineCampaign       *campaign)
{
  const char * const *regions = redline_campaign_get_target_regions (campaign);
  g_autofree char *joined = regions != NULL ? g_strjoinv (", ", (char **) regions) : NULL;
  const char *notes = redline_campaign_get_notes (campaign);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), redline_campaign_get_name (campaign));
  adw_action_row_set_subtitle (self->ecosystem_fixed_row,
                               redline_ecosystem_label (redline_campaign_get_ecosystem (campaign)));
  select_id (self->objective_row, self->objective_ids, redline_campaign_get_objective (campaign));
  gtk_editable_set_text (GTK_EDITABLE (self->account_row),
                         redline_campaign_get_account (campaign) != NULL
                           ? redline_campaign_get_account (campaign) : "");
  select_id (self->account_type_row, self->account_type_ids,
             redline_campaign_get_account_type (campaign));
  if (!redline_campaign_get_start_day (campaign, &self->start))
    g_date_clear (&self->start, 1);
  if (!redline_campaign_get_end_day (campaign, &self->end))
    g_date_clear (&self->end, 1);
  select_id (self->currency_row, self->currencies, redline_campaign_get_currency (campaign));
  on_currency_changed_cb (self->currency_row, NULL, self);
  gtk_spin_button_set_value (self->budget_spin,
                             (double) redline_campaign_get_budget (campaign) /
                             pow (10, gtk_spin_button_get_digits (self->budget_spin)));
  gtk_editable_set_text (GTK_EDITABLE (self->regions_row), joined != NULL ? joined : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            notes != NULL ? notes : "", -1);
}

/**
 * redline_campaign_dialog_new:
 * @parent: the window it is for
 * @context: the context, for the platform data and the planner
 * @campaign: (nullable): the campaign to change, or %NULL for a new one
 * @ecosystem: the ecosystem offered first for a new campaign
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
redline_campaign_dialog_new (GtkWindow        *parent,
                             RedlineContext   *context,
                             RedlineCampaign  *campaign,
                             RedlineEcosystem  ecosystem)
{
  RedlineCampaignDialog *self;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (campaign == NULL || REDLINE_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (REDLINE_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  fill_lists (self, campaign, ecosystem);
  if (campaign != NULL)
    {
      self->campaign = g_object_ref (campaign);
      adw_window_title_set_title (self->window_title, _("Campaign Details"));
      gtk_window_set_title (GTK_WINDOW (self), _("Campaign Details"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (GTK_WIDGET (self->ecosystem_row), FALSE);
      show_campaign (self, campaign);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Campaign"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Campaign"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_widget_set_visible (GTK_WIDGET (self->ecosystem_fixed_row), FALSE);
      on_currency_changed_cb (self->currency_row, NULL, self);
    }
  if (redline_context_get_project (context) != NULL &&
      redline_project_get_read_only (redline_context_get_project (context)))
    {
      self->read_only = TRUE;
      adw_window_title_set_subtitle (self->window_title, _("Read-only"));
    }
  show_qr_codes (self);
  gtk_list_box_set_placeholder (self->qr_list,
                                create_empty_label (_("No QR codes yet.")));
  gtk_list_box_set_placeholder (self->menu_list,
                                create_empty_label (_("No menu yet: the chat shows only its "
                                                      "text box.")));
  gtk_list_box_set_placeholder (self->replies_list,
                                create_empty_label (_("No automatic replies yet: followers get "
                                                      "no welcome message.")));
  show_account_tools (self);
  if (redline_context_get_project (context) != NULL)
    {
      RedlineProject *project = redline_context_get_project (context);

      g_signal_connect_object (redline_project_get_menu_items (project), "items-changed",
                               G_CALLBACK (on_account_content_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (redline_project_get_auto_replies (project), "items-changed",
                               G_CALLBACK (on_account_content_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  fill_plan_findings (self);
  update_account_type (self);
  update (self);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regions_row, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ecosystem_row, "notify::selected",
                           G_CALLBACK (update_account_type), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_type_row, "notify::selected",
                           G_CALLBACK (update_account_type), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->currency_row, "notify::selected",
                           G_CALLBACK (on_currency_changed_cb), self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}

/**
 * redline_campaign_dialog_get_campaign:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: (transfer none) (nullable): the campaign being changed, or %NULL
 *   for a new one
 */
RedlineCampaign *
redline_campaign_dialog_get_campaign (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), NULL);
  return self->campaign;
}

/**
 * redline_campaign_dialog_get_ecosystem:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: the ecosystem of the campaign: the one chosen for a new campaign,
 *   its own for an existing one
 */
RedlineEcosystem
redline_campaign_dialog_get_ecosystem (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), REDLINE_ECOSYSTEM_WEIXIN);
  return chosen_ecosystem (self);
}

/**
 * redline_campaign_dialog_get_valid:
 * @self: a #RedlineCampaignDialog
 *
 * Returns: whether what the dialog holds can be stored: a name, an end not
 *   before the start, and region codes
 */
gboolean
redline_campaign_dialog_get_valid (RedlineCampaignDialog *self)
{
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self), FALSE);
  return validate (self);
}

/**
 * redline_campaign_dialog_apply:
 * @self: a #RedlineCampaignDialog whose details are valid
 * @campaign: the campaign to set them on
 *
 * Sets every detail of the dialog on @campaign, except its ecosystem.
 */
void
redline_campaign_dialog_apply (RedlineCampaignDialog *self,
                               RedlineCampaign       *campaign)
{
  g_autofree char *name = NULL;
  g_autofree char *account = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) regions = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char text[16];

  g_return_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self));
  g_return_if_fail (REDLINE_IS_CAMPAIGN (campaign));

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  account = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->account_row))));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (!parse_regions (gtk_editable_get_text (GTK_EDITABLE (self->regions_row)), &regions, NULL))
    g_return_if_reached ();

  redline_campaign_set_name (campaign, name);
  redline_campaign_set_objective (campaign, selected_id (self->objective_row, self->objective_ids));
  redline_campaign_set_account (campaign, account[0] != '\0' ? account : NULL);
  redline_campaign_set_account_type (campaign,
                                     selected_id (self->account_type_row, self->account_type_ids));
  if (g_date_valid (&self->start))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->start);
  redline_campaign_set_start_date (campaign, g_date_valid (&self->start) ? text : NULL);
  if (g_date_valid (&self->end))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->end);
  redline_campaign_set_end_date (campaign, g_date_valid (&self->end) ? text : NULL);
  redline_campaign_set_budget (campaign, budget_minor_units (self));
  redline_campaign_set_currency (campaign, selected_id (self->currency_row, self->currencies));
  redline_campaign_set_target_regions (campaign,
                                       regions[0] != NULL ? (const char * const *) regions : NULL);
  redline_campaign_set_notes (campaign, notes[0] != '\0' ? notes : NULL);
}

/**
 * redline_campaign_dialog_show_error:
 * @self: a #RedlineCampaignDialog
 * @message: why the details could not be stored
 *
 * Says why in the dialog, which stays open with what was typed.
 */
void
redline_campaign_dialog_show_error (RedlineCampaignDialog *self,
                                    const char            *message)
{
  AdwToast *toast;

  g_return_if_fail (REDLINE_IS_CAMPAIGN_DIALOG (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
