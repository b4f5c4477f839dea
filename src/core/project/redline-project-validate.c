/* redline-project-validate.c: the checks a value passes before it is stored,
 * shared by the API and the CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-labels.h"
#include "redline-project-private.h"

gboolean
_redline_is_identifier (const char *str)
{
  if (str == NULL || !g_ascii_islower (str[0]))
    return FALSE;
  for (const char *p = str; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '_' &&
          *p != '-')
        return FALSE;
    }
  return TRUE;
}

gboolean
_redline_is_domain (const char *str)
{
  gsize len = str != NULL ? strlen (str) : 0;

  if (len == 0 || strchr (str, '.') == NULL)
    return FALSE;
  if (str[0] == '.' || str[0] == '-' || str[len - 1] == '.' || str[len - 1] == '-' ||
      strstr (str, "..") != NULL)
    return FALSE;
  for (const char *p = str; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

/* @str is a date written YYYY-MM-DD (a campaign's start or end); it is
 * stored in @date, if not %NULL. */
gboolean
_redline_parse_date (const char *str,
                     GDate      *date)
{
  guint year, month, day;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
        return FALSE;
    }
  year = g_ascii_digit_value (str[0]) * 1000 + g_ascii_digit_value (str[1]) * 100 +
         g_ascii_digit_value (str[2]) * 10 + g_ascii_digit_value (str[3]);
  month = g_ascii_digit_value (str[5]) * 10 + g_ascii_digit_value (str[6]);
  day = g_ascii_digit_value (str[8]) * 10 + g_ascii_digit_value (str[9]);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, day, month, year);
    }
  return TRUE;
}

gboolean
_redline_is_empty (const char *str)
{
  return str == NULL || str[0] == '\0';
}

/* A term is one line of plain text: no control characters (they mean
 * nothing in ad copy, and XML cannot carry most of them) and no U+FFFE or
 * U+FFFF. Says which term and why. */
gboolean
_redline_validate_term (const char  *term,
                        gboolean     banned,
                        GError     **error)
{
  g_autoptr(GString) shown = NULL;
  gunichar bad = 0;

  if (_redline_is_empty (term) || !g_utf8_validate (term, -1, NULL))
    {
      g_set_error_literal (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                           banned ? _("A banned term must be non-empty UTF-8 text")
                                  : _("An allowed term must be non-empty UTF-8 text"));
      return FALSE;
    }
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xfffe || c == 0xffff)
        {
          bad = c;
          break;
        }
    }
  if (bad == 0)
    return TRUE;

  /* The term as it can be shown: each such character as \uXXXX. */
  shown = g_string_new (NULL);
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xfffe || c == 0xffff)
        g_string_append_printf (shown, "\\u%04X", c);
      else
        g_string_append_unichar (shown, c);
    }
  if (g_unichar_iscntrl (bad))
    g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                 banned ? _("The banned term “%s” holds a control character (U+%04X); a term "
                            "is plain text on one line")
                        : _("The allowed term “%s” holds a control character (U+%04X); a term "
                            "is plain text on one line"),
                 shown->str, bad);
  else
    g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                 banned ? _("The banned term “%s” holds U+%04X, which is not a character")
                        : _("The allowed term “%s” holds U+%04X, which is not a character"),
                 shown->str, bad);
  return FALSE;
}

gboolean
_redline_validate_campaign (RedlineProject   *self,
                            RedlineCampaign  *campaign,
                            GError          **error)
{
  const char *name = redline_campaign_get_name (campaign);
  const char *start = redline_campaign_get_start_date (campaign);
  const char *end = redline_campaign_get_end_date (campaign);
  const char *currency = redline_campaign_get_currency (campaign);
  const char *account = redline_campaign_get_account (campaign);

  if (_redline_is_empty (name) || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("A campaign needs a name"));
      return FALSE;
    }
  if ((!_redline_is_empty (start) && !_redline_parse_date (start, NULL)) ||
      (!_redline_is_empty (end) && !_redline_parse_date (end, NULL)))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s”: dates must be written YYYY-MM-DD"), name);
      return FALSE;
    }
  if (!_redline_is_empty (start) && !_redline_is_empty (end) && strcmp (start, end) > 0)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s” ends before it starts"), name);
      return FALSE;
    }
  if (account != NULL &&
      (!g_utf8_validate (account, -1, NULL) || strpbrk (account, "\r\n\t") != NULL))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s”: the account’s name must be one line of text"), name);
      return FALSE;
    }
  if (!_redline_is_empty (currency) &&
      (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) ||
       !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2])))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s”: “%s” is not an ISO 4217 currency code such as CNY"),
                   name, currency);
      return FALSE;
    }
  return TRUE;
}

gboolean
_redline_validate_post (RedlineProject  *self,
                        RedlinePost     *post,
                        GError         **error)
{
  const char *scheduled = redline_post_get_scheduled_at (post);
  const char *fields[] = {
    redline_post_get_title (post), redline_post_get_digest (post), redline_post_get_author (post),
    redline_post_get_body (post), redline_post_get_call_to_action (post),
    redline_post_get_link (post), scheduled,
  };

  if (g_hash_table_lookup (self->campaigns_by_id,
                           &(gint64) { redline_post_get_campaign_id (post) }) == NULL)
    {
      /* Numbers of 64 bits go in as text: xgettext cannot see through
       * G_GINT64_FORMAT. */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             redline_post_get_campaign_id (post));

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_FOUND,
                   _("There is no campaign %s in this project"), id);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("A post’s text is not valid UTF-8"));
          return FALSE;
        }
    }
  if (!_redline_is_empty (scheduled))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (scheduled, utc);

      if (time == NULL)
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("“%s” is not a date and time such as 2024-09-20T09:00:00+08:00"),
                       scheduled);
          return FALSE;
        }
    }
  return TRUE;
}

/* A placement names where a code is printed: one line, short enough for a
 * list and a file name. */
#define MAX_PLACEMENT_CHARS 64

static gboolean
is_one_line (const char *str)
{
  return str == NULL || (g_utf8_validate (str, -1, NULL) && strpbrk (str, "\r\n\t") == NULL);
}

gboolean
_redline_validate_qr_code (RedlineProject  *self,
                           RedlineQrCode   *code,
                           GError         **error)
{
  const char *placement = redline_qr_code_get_placement (code);
  const char *source = redline_qr_code_get_source (code);
  gint64 campaign_id = redline_qr_code_get_campaign_id (code);
  RedlineCampaign *campaign = g_hash_table_lookup (self->campaigns_by_id, &campaign_id);
  g_autoptr(GError) link_error = NULL;
  g_autofree char *encoded = NULL;
  GListModel *codes = G_LIST_MODEL (self->qr_codes);

  if (campaign == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_FOUND,
                   _("There is no campaign %s in this project"), id);
      return FALSE;
    }
  if (_redline_is_empty (placement) || !is_one_line (placement) ||
      g_utf8_strlen (placement, -1) > MAX_PLACEMENT_CHARS)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("A QR code needs a placement, such as “Packaging”: one line of at most "
                     "%d characters"), MAX_PLACEMENT_CHARS);
      return FALSE;
    }
  if (!is_one_line (source))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("QR code “%s”: the source must be one line of text"), placement);
      return FALSE;
    }
  encoded = redline_qr_link_with_source (redline_qr_code_get_link (code),
                                         redline_qr_code_get_source_key (code), source,
                                         &link_error);
  if (encoded == NULL)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("QR code “%s”: %s"), placement, link_error->message);
      return FALSE;
    }
  if (strlen (encoded) > REDLINE_QR_MAX_LINK_BYTES)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("QR code “%s”: the link is %zu bytes long with its source; a QR code "
                     "holds at most %d: shorten it"), placement, strlen (encoded),
                   REDLINE_QR_MAX_LINK_BYTES);
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(RedlineQrCode) other = g_list_model_get_item (codes, i);

      if (other != code && redline_qr_code_get_campaign_id (other) == campaign_id &&
          g_strcmp0 (redline_qr_code_get_placement (other), placement) == 0)
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("Campaign “%s” already has a QR code for “%s”: a campaign has one "
                         "code per placement"),
                       redline_campaign_get_name (campaign), placement);
          return FALSE;
        }
    }
  return TRUE;
}

/* Nothing but white space, or nothing at all. */
static gboolean
is_blank (const char *str)
{
  for (const char *p = str; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* An account is named as its campaigns name it: one line of text. */
static gboolean
validate_account (const char  *account,
                  GError     **error)
{
  if (is_blank (account) || !is_one_line (account))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("An account’s reply or menu item needs the account’s name, as its "
                     "campaigns give it: one line of text"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_redline_validate_auto_reply (RedlineProject    *self,
                              RedlineAutoReply  *reply,
                              GError           **error)
{
  const char *account = redline_auto_reply_get_account (reply);
  const char *text = redline_auto_reply_get_text (reply);
  const char * const *keywords = redline_auto_reply_get_keywords (reply);
  RedlineReplyTrigger trigger = redline_auto_reply_get_trigger (reply);
  RedlineEcosystem ecosystem = redline_auto_reply_get_ecosystem (reply);
  RedlineAutoReply *other;

  if (!validate_account (account, error))
    return FALSE;
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || is_blank (text))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("“%s”: a reply needs the text the account sends"), account);
      return FALSE;
    }
  if (!is_one_line (redline_auto_reply_get_name (reply)))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("“%s”: a reply’s rule name must be one line of text"), account);
      return FALSE;
    }
  if (trigger == REDLINE_REPLY_TRIGGER_KEYWORD)
    {
      if (keywords[0] == NULL)
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("“%s”: a keyword reply needs at least one keyword"), account);
          return FALSE;
        }
      for (guint i = 0; keywords[i] != NULL; i++)
        {
          if (_redline_is_empty (keywords[i]) || !is_one_line (keywords[i]))
            {
              g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                           _("“%s”: each keyword is one line of text"), account);
              return FALSE;
            }
        }
      return TRUE;
    }
  other = redline_project_find_account_reply (self, ecosystem, account, trigger);
  if (other != NULL && other != reply)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   trigger == REDLINE_REPLY_TRIGGER_WELCOME
                   ? _("“%s” on %s already has a welcome message: change that one")
                   : _("“%s” on %s already has a reply to any message: change that one"),
                   account, redline_ecosystem_label (ecosystem));
      return FALSE;
    }
  return TRUE;
}

gboolean
_redline_validate_menu_item (RedlineProject   *self,
                             RedlineMenuItem  *item,
                             GError          **error)
{
  const char *account = redline_menu_item_get_account (item);
  const char *name = redline_menu_item_get_name (item);
  gint64 parent_id = redline_menu_item_get_parent_id (item);

  if (!validate_account (account, error))
    return FALSE;
  if (!is_one_line (name) || is_blank (name))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("“%s”: a menu item needs a name, one line of text"), account);
      return FALSE;
    }
  if (!g_utf8_validate (redline_menu_item_get_message (item) != NULL
                        ? redline_menu_item_get_message (item) : "", -1, NULL) ||
      !is_one_line (redline_menu_item_get_link (item)))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Menu item “%s”: its message must be text and its link one line"), name);
      return FALSE;
    }
  if (parent_id != 0)
    {
      RedlineMenuItem *parent = redline_project_find_menu_item (self, parent_id);

      if (parent == NULL || redline_menu_item_get_parent_id (parent) != 0 ||
          redline_menu_item_get_ecosystem (parent) != redline_menu_item_get_ecosystem (item) ||
          g_strcmp0 (redline_menu_item_get_account (parent), account) != 0)
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("Menu item “%s”: a sub-item opens from a top-level item of the same "
                         "account’s menu; a menu has two levels"), name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_redline_validate_banned_term (RedlineBannedTerm  *term,
                               GError            **error)
{
  if (!_redline_validate_term (term->term, TRUE, error))
    return FALSE;
  if (!_redline_is_identifier (term->category))
    {
      g_autofree char *category = g_utf8_make_valid (term->category, -1);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("“%s” is not a category name: use lower-case letters, digits, "
                     "“-”, “_” and “.”"), category);
      return FALSE;
    }
  return TRUE;
}

/* A value outside a column's CHECK list, or a row that points nowhere:
 * only another program writes those. */
void
_redline_project_set_row_error (RedlineProject  *self,
                                GError         **error,
                                const char      *message)
{
  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
               _("%s: %s; the file was changed by another program: correct it there or use "
                 "an earlier copy of the project"),
               self->display_name, message);
}

void
_redline_project_set_bad_value_error (RedlineProject   *self,
                                      GError          **error,
                                      RedlineBadValue   what,
                                      gint64            id,
                                      const char       *value)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *message = NULL;

  if (value == NULL)
    value = "";
  switch (what)
    {
    case REDLINE_BAD_ECOSYSTEM:
      message = g_strdup_printf (_("campaign %s: “%s” is not an ecosystem (weixin or wechat)"),
                                 row, value);
      break;
    case REDLINE_BAD_KIND:
      message = g_strdup_printf (_("post %s: “%s” is not a content kind (article, moments-ad, "
                                   "channels, mini-program or group-message)"), row, value);
      break;
    case REDLINE_BAD_STATUS:
      message = g_strdup_printf (_("post %s: “%s” is not a post status (draft, in-review, "
                                   "approved, rejected or published)"), row, value);
      break;
    case REDLINE_BAD_PURPOSE:
      message = g_strdup_printf (_("post %s: “%s” is not a purpose it can have (advertising, "
                                   "editorial or notice; a Moments or Mini Program ad is "
                                   "always advertising)"), row, value);
      break;
    default:
      g_assert_not_reached ();
    }
  _redline_project_set_row_error (self, error, message);
}
