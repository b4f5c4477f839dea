/* redline-project.c: a project file, the SQLite store of campaigns and posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "redline-finding.h"
#include "redline-json.h"
#include "redline-project-private.h"
#include "redline-rule-pack.h"
#include "redline-rule-set.h"

/**
 * RedlineProject:
 *
 * A project file: a SQLite database used as an application file format.
 *
 * The file is identified by `PRAGMA application_id` and versioned by
 * `PRAGMA user_version`; older files are migrated forward in one
 * transaction, newer ones are refused. Files come from other people, so
 * every connection runs in defensive mode without a trusted schema, and a
 * file whose schema holds anything we did not create is refused before a
 * single row of it is used. A file that fails to open is never written.
 *
 * Every change is one transaction that also appends to the audit log.
 * Campaigns and posts are kept in #GListModels that follow the changes.
 */
struct _RedlineProject
{
  GObject      parent_instance;

  GFile       *file;
  char        *display_name;
  RedlineSqlite *sqlite;
  gboolean     read_only;

  char        *name;
  char       **allowed_domains;
  char       **allowed_terms;
  char       **enabled_packs;
  GPtrArray   *banned_terms;

  GListStore  *campaigns;
  GListStore  *posts;
  GHashTable  *campaigns_by_id;
  GHashTable  *posts_by_id;
};

G_DEFINE_FINAL_TYPE (RedlineProject, redline_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (redline-store-error-quark, redline_store_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char sqlite_magic[16] = "SQLite format 3";

RedlineSqlite *
_redline_project_get_sqlite (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return self->sqlite;
}

sqlite3 *
_redline_project_get_db (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return _redline_sqlite_get_db (self->sqlite);
}

/**
 * redline_banned_term_new:
 * @term: the term
 * @category: its category
 *
 * Returns: (transfer full): a new #RedlineBannedTerm
 */
RedlineBannedTerm *
redline_banned_term_new (const char *term,
                         const char *category)
{
  RedlineBannedTerm *self;

  g_return_val_if_fail (term != NULL, NULL);
  g_return_val_if_fail (category != NULL, NULL);

  self = g_new0 (RedlineBannedTerm, 1);
  self->term = g_strdup (term);
  self->category = g_strdup (category);
  return self;
}

void
redline_banned_term_free (RedlineBannedTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->term);
  g_free (term->category);
  g_free (term);
}

char *
_redline_project_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Errors */

static gboolean
check_open (RedlineProject  *self,
            GError         **error)
{
  if (!_redline_sqlite_is_open (self->sqlite))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CLOSED,
                   _("%s: the project is closed"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_writable (RedlineProject  *self,
                GError         **error)
{
  if (!check_open (self, error))
    return FALSE;
  if (self->read_only)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY,
                   _("%s: the project is open read-only"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Transactions */

/* Opens the write transaction of one user action; it rolls back unless
 * committed. */
gboolean
_redline_project_begin (RedlineProject      *self,
                        RedlineTransaction  *tx,
                        GError             **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return _redline_sqlite_begin (self->sqlite, tx, REDLINE_TRANSACTION_WRITE, error);
}

static gboolean
audit (RedlineProject  *self,
       const char      *action,
       const char      *object_kind,
       gint64           object_id,
       const char      *detail,
       GError         **error)
{
  static const char sql[] =
    "INSERT INTO audit_log (at, actor, action, object, detail) VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  g_autofree char *now = _redline_project_now ();
  g_autofree char *object = NULL;

  if (stmt == NULL)
    return FALSE;
  if (object_kind != NULL)
    object = g_strdup_printf ("%s/%" G_GINT64_FORMAT, object_kind, object_id);
  _redline_stmt_bind_text (stmt, 1, now);
  _redline_stmt_bind_text (stmt, 2, g_get_user_name ());
  _redline_stmt_bind_text (stmt, 3, action);
  _redline_stmt_bind_text (stmt, 4, object);
  _redline_stmt_bind_text (stmt, 5, detail);
  return _redline_sqlite_step_done (self->sqlite, stmt, error);
}

/* Validation */

static gboolean
is_identifier (const char *str)
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

static gboolean
is_domain (const char *str)
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

static gboolean
is_date (const char *str)
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
  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_empty (const char *str)
{
  return str == NULL || str[0] == '\0';
}

/* A term is one line of plain text: no control characters (they mean
 * nothing in ad copy, and XML cannot carry most of them) and no U+FFFE or
 * U+FFFF. Says which term and why. */
static gboolean
validate_term (const char  *term,
               gboolean     banned,
               GError     **error)
{
  g_autoptr(GString) shown = NULL;
  gunichar bad = 0;

  if (is_empty (term) || !g_utf8_validate (term, -1, NULL))
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

static gboolean
validate_campaign (RedlineProject   *self,
                   RedlineCampaign  *campaign,
                   GError          **error)
{
  const char *name = redline_campaign_get_name (campaign);
  const char *start = redline_campaign_get_start_date (campaign);
  const char *end = redline_campaign_get_end_date (campaign);
  const char *currency = redline_campaign_get_currency (campaign);

  if (is_empty (name) || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("A campaign needs a name"));
      return FALSE;
    }
  if ((!is_empty (start) && !is_date (start)) || (!is_empty (end) && !is_date (end)))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s”: dates must be written YYYY-MM-DD"), name);
      return FALSE;
    }
  if (!is_empty (start) && !is_empty (end) && strcmp (start, end) > 0)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("Campaign “%s” ends before it starts"), name);
      return FALSE;
    }
  if (!is_empty (currency) &&
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

static gboolean
validate_post (RedlineProject  *self,
               RedlinePost     *post,
               GError         **error)
{
  const char *scheduled = redline_post_get_scheduled_at (post);
  const char *fields[] = {
    redline_post_get_title (post), redline_post_get_body (post),
    redline_post_get_call_to_action (post), redline_post_get_link (post), scheduled,
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
  if (!is_empty (scheduled))
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

/* Models */

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static guint
find_position (GListStore *store,
               gpointer    item)
{
  guint position = 0;

  if (!g_list_store_find (store, item, &position))
    g_assert_not_reached ();
  return position;
}

static void
store_changed (GListStore *store,
               gpointer    item)
{
  /* The object was changed in place; tell the views to rebind its row. */
  g_list_model_items_changed (G_LIST_MODEL (store), find_position (store, item), 1, 1);
}

/* A value outside a column's CHECK list, or a row that points nowhere:
 * only another program writes those. */
static void
set_row_error (RedlineProject  *self,
               GError         **error,
               const char      *message)
{
  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
               _("%s: %s; the file was changed by another program: correct it there or use "
                 "an earlier copy of the project"),
               self->display_name, message);
}

typedef enum
{
  BAD_ECOSYSTEM,
  BAD_KIND,
  BAD_STATUS,
} BadValue;

static void
set_bad_value_error (RedlineProject  *self,
                     GError         **error,
                     BadValue         what,
                     gint64           id,
                     const char      *value)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *message = NULL;

  if (value == NULL)
    value = "";
  switch (what)
    {
    case BAD_ECOSYSTEM:
      message = g_strdup_printf (_("campaign %s: “%s” is not an ecosystem (weixin or wechat)"),
                                 row, value);
      break;
    case BAD_KIND:
      message = g_strdup_printf (_("post %s: “%s” is not a content kind (article, moments-ad, "
                                   "channels, mini-program or group-message)"), row, value);
      break;
    case BAD_STATUS:
      message = g_strdup_printf (_("post %s: “%s” is not a post status (draft, in-review, "
                                   "approved, rejected or published)"), row, value);
      break;
    default:
      g_assert_not_reached ();
    }
  set_row_error (self, error, message);
}

static gboolean
read_campaign (RedlineProject   *self,
               RedlineStmt      *stmt,
               RedlineCampaign  *campaign,
               GError          **error)
{
  RedlineEcosystem ecosystem = REDLINE_ECOSYSTEM_WEIXIN;
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  const char *text[11] = { NULL };
  g_auto(GStrv) region_list = NULL;

  for (int c = 1; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (c != 7 && !_redline_sqlite_column_text (self->sqlite, stmt, c, "campaigns", id, &text[c], error))
        return FALSE;
    }
  if (!redline_ecosystem_from_string (text[2], &ecosystem))
    {
      set_bad_value_error (self, error, BAD_ECOSYSTEM, id, text[2]);
      return FALSE;
    }
  if (text[9] != NULL && text[9][0] != '\0')
    region_list = g_strsplit (text[9], "\n", -1);

  _redline_campaign_set_id (campaign, id);
  redline_campaign_set_name (campaign, text[1]);
  redline_campaign_set_ecosystem (campaign, ecosystem);
  redline_campaign_set_account_type (campaign, text[3]);
  redline_campaign_set_objective (campaign, text[4]);
  redline_campaign_set_start_date (campaign, text[5]);
  redline_campaign_set_end_date (campaign, text[6]);
  redline_campaign_set_budget (campaign, MAX (_redline_stmt_column_int64 (stmt, 7), 0));
  redline_campaign_set_currency (campaign, text[8]);
  redline_campaign_set_target_regions (campaign, (const char * const *) region_list);
  redline_campaign_set_notes (campaign, text[10]);
  return TRUE;
}

#define CAMPAIGN_COLUMNS \
  "id, name, ecosystem, account_type, objective, start_date, end_date, budget, currency, " \
  "target_regions, notes"

static gboolean
read_post (RedlineProject  *self,
           RedlineStmt     *stmt,
           RedlinePost     *post,
           GError         **error)
{
  RedlineContentKind kind = REDLINE_CONTENT_KIND_ARTICLE;
  RedlinePostStatus status = REDLINE_POST_STATUS_DRAFT;
  gint64 id = _redline_stmt_column_int64 (stmt, 0);
  gint64 campaign_id = _redline_stmt_column_int64 (stmt, 1);
  const char *text[11] = { NULL };

  for (int c = 2; c < (int) G_N_ELEMENTS (text); c++)
    {
      if (!_redline_sqlite_column_text (self->sqlite, stmt, c, "posts", id, &text[c], error))
        return FALSE;
    }

  if (g_hash_table_lookup (self->campaigns_by_id, &campaign_id) == NULL)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *campaign = g_strdup_printf ("%" G_GINT64_FORMAT, campaign_id);
      g_autofree char *message =
        g_strdup_printf (_("post %s belongs to campaign %s, which is not in the file"), row,
                         campaign);

      set_row_error (self, error, message);
      return FALSE;
    }
  if (!redline_content_kind_from_string (text[2], &kind))
    {
      set_bad_value_error (self, error, BAD_KIND, id, text[2]);
      return FALSE;
    }
  if (!redline_post_status_from_string (text[8], &status))
    {
      set_bad_value_error (self, error, BAD_STATUS, id, text[8]);
      return FALSE;
    }

  _redline_post_set_id (post, id);
  redline_post_set_campaign_id (post, campaign_id);
  redline_post_set_kind (post, kind);
  redline_post_set_title (post, text[3]);
  redline_post_set_body (post, text[4]);
  redline_post_set_call_to_action (post, text[5]);
  redline_post_set_link (post, text[6]);
  redline_post_set_scheduled_at (post, text[7]);
  redline_post_set_status (post, status);
  _redline_post_set_times (post, text[9], text[10]);
  return TRUE;
}

#define POST_COLUMNS \
  "id, campaign_id, kind, title, body, call_to_action, link, scheduled_at, status, " \
  "created_at, updated_at"

/* @sql selects the value, then the rowid, of a one-column setting table. */
static gboolean
read_list (RedlineProject   *self,
           const char       *sql,
           const char       *table,
           char           ***list,
           GError          **error)
{
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value;

      if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, table, _redline_stmt_column_int64 (stmt, 1), &value, error))
        return FALSE;
      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  if (rc != SQLITE_DONE)
    {
      _redline_sqlite_set_error (self->sqlite, error, rc);
      return FALSE;
    }
  g_strfreev (*list);
  *list = g_strv_builder_end (builder);
  return TRUE;
}

#define READ_ALLOWED_DOMAINS \
  "SELECT domain, rowid FROM allowed_domains ORDER BY domain"
#define READ_ALLOWED_TERMS \
  "SELECT term, rowid FROM allowed_terms ORDER BY term"
#define READ_ENABLED_PACKS \
  "SELECT pack_id, rowid FROM enabled_packs ORDER BY pack_id"

static gboolean
read_banned_terms (RedlineProject  *self,
                   GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT term, category, rowid FROM banned_terms ORDER BY category, term",
             error);
  g_autoptr(GPtrArray) terms =
    g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = _redline_stmt_column_int64 (stmt, 2);
      const char *term, *category;

      if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, "banned_terms", row, &term, error) ||
          !_redline_sqlite_column_text (self->sqlite, stmt, 1, "banned_terms", row, &category, error))
        return FALSE;
      g_ptr_array_add (terms, redline_banned_term_new (term != NULL ? term : "",
                                                       category != NULL ? category : ""));
    }
  if (rc != SQLITE_DONE)
    {
      _redline_sqlite_set_error (self->sqlite, error, rc);
      return FALSE;
    }
  g_ptr_array_set_size (self->banned_terms, 0);
  g_ptr_array_extend_and_steal (self->banned_terms, g_steal_pointer (&terms));
  return TRUE;
}

static gboolean
load (RedlineProject  *self,
      GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "SELECT value FROM settings WHERE key = 'name'", error);

    if (stmt == NULL)
      return FALSE;
    if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *name;

        if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, "settings", 0, &name, error))
          return FALSE;
        _redline_set_str (&self->name, name);
      }
    else if (rc != SQLITE_DONE)
      {
        _redline_sqlite_set_error (self->sqlite, error, rc);
        return FALSE;
      }
  }

  if (!read_list (self, READ_ALLOWED_DOMAINS, "allowed_domains", &self->allowed_domains,
                  error) ||
      !read_list (self, READ_ALLOWED_TERMS, "allowed_terms", &self->allowed_terms, error) ||
      !read_list (self, READ_ENABLED_PACKS, "enabled_packs", &self->enabled_packs, error))
    return FALSE;

  if (!read_banned_terms (self, error))
    return FALSE;

  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns ORDER BY id", error);

    if (stmt == NULL)
      return FALSE;
    items = g_ptr_array_new_with_free_func (g_object_unref);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        RedlineCampaign *campaign = g_object_new (REDLINE_TYPE_CAMPAIGN, NULL);

        g_ptr_array_add (items, campaign);
        if (!read_campaign (self, stmt, campaign, error))
          return FALSE;
        g_hash_table_insert (self->campaigns_by_id,
                             dup_id (redline_campaign_get_id (campaign)), campaign);
      }
    if (rc != SQLITE_DONE)
      {
        _redline_sqlite_set_error (self->sqlite, error, rc);
        return FALSE;
      }
    g_list_store_splice (self->campaigns, 0, 0, items->pdata, items->len);
    g_clear_pointer (&items, g_ptr_array_unref);
  }

  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "SELECT " POST_COLUMNS " FROM posts ORDER BY id", error);

    if (stmt == NULL)
      return FALSE;
    items = g_ptr_array_new_with_free_func (g_object_unref);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        RedlinePost *post = g_object_new (REDLINE_TYPE_POST, NULL);

        g_ptr_array_add (items, post);
        if (!read_post (self, stmt, post, error))
          return FALSE;
        g_hash_table_insert (self->posts_by_id, dup_id (redline_post_get_id (post)), post);
      }
    if (rc != SQLITE_DONE)
      {
        _redline_sqlite_set_error (self->sqlite, error, rc);
        return FALSE;
      }
    g_list_store_splice (self->posts, 0, 0, items->pdata, items->len);
  }

  return TRUE;
}

/* GObject */

static void
close_db (RedlineProject *self)
{
  if (self->sqlite != NULL)
    _redline_sqlite_close (self->sqlite);
}

static void
redline_project_dispose (GObject *object)
{
  RedlineProject *self = REDLINE_PROJECT (object);

  close_db (self);

  G_OBJECT_CLASS (redline_project_parent_class)->dispose (object);
}

static void
redline_project_finalize (GObject *object)
{
  RedlineProject *self = REDLINE_PROJECT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sqlite, _redline_sqlite_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->allowed_domains, g_strfreev);
  g_clear_pointer (&self->allowed_terms, g_strfreev);
  g_clear_pointer (&self->enabled_packs, g_strfreev);
  g_clear_pointer (&self->banned_terms, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns_by_id, g_hash_table_unref);
  g_clear_pointer (&self->posts_by_id, g_hash_table_unref);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->posts);

  G_OBJECT_CLASS (redline_project_parent_class)->finalize (object);
}

static void
redline_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RedlineProject *self = REDLINE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_0:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_project_class_init (RedlineProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redline_project_dispose;
  object_class->finalize = redline_project_finalize;
  object_class->get_property = redline_project_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_project_init (RedlineProject *self)
{
  self->allowed_domains = g_new0 (char *, 1);
  self->allowed_terms = g_new0 (char *, 1);
  self->enabled_packs = g_new0 (char *, 1);
  self->banned_terms = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);
  self->campaigns = g_list_store_new (REDLINE_TYPE_CAMPAIGN);
  self->posts = g_list_store_new (REDLINE_TYPE_POST);
  self->campaigns_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->posts_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Opening */

static RedlineProject *
project_new (GFile *file)
{
  RedlineProject *self = g_object_new (REDLINE_TYPE_PROJECT, NULL);

  self->file = g_object_ref (file);
  self->display_name = g_file_get_parse_name (file);
  self->sqlite = _redline_sqlite_new (self->display_name);
  return self;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Reads the database header without SQLite, so that a file that is not
 * ours is refused before anything could touch it. */
static gboolean
check_header (RedlineProject  *self,
              const char      *path,
              guint32         *version,
              gboolean        *wal,
              GError         **error)
{
  guint8 header[100];
  gssize n = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *target = g_file_read_link (path, NULL);

      if (target != NULL)
        {
          g_autofree char *shown = g_filename_display_name (target);

          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                       _("%s: the project is a symbolic link to “%s”, which cannot be opened: "
                         "%s"), self->display_name, shown, g_strerror (saved_errno));
        }
      else
        g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                     _("%s: cannot open the project file: %s"), self->display_name,
                     g_strerror (saved_errno));
      return FALSE;
    }
  while (n < (gssize) sizeof header)
    {
      gssize r = read (fd, header + n, sizeof header - n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      n += r;
    }
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0 ||
      read_be32 (header + 68) != REDLINE_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                   _("%s: not a Redline project file"), self->display_name);
      return FALSE;
    }

  *version = read_be32 (header + 60);
  /* The read and write versions: 2 for a file in WAL mode. */
  if (wal != NULL)
    *wal = header[18] == 2 && header[19] == 2;
  return TRUE;
}

static gboolean
check_version (RedlineProject  *self,
               gint64           version,
               GError         **error)
{
  if (version > REDLINE_PROJECT_FORMAT)
    {
      g_autofree char *format = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_TOO_NEW,
                   _("%s: the project was made by a newer Redline (format %s); this "
                     "version reads formats up to %d"),
                   self->display_name, format, REDLINE_PROJECT_FORMAT);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                   _("%s: not a Redline project file"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* PRAGMA quick_check only says "CHECK constraint failed in posts": find
 * a value outside the lists Redline writes, to name its row. Returns
 * whether one was found (and @error set). */
static gboolean
find_bad_value (RedlineProject  *self,
                GError         **error)
{
  static const char sql[] =
    "SELECT 0, id, ecosystem FROM campaigns WHERE ecosystem NOT IN ('weixin', 'wechat') "
    "UNION ALL SELECT 1, id, kind FROM posts WHERE kind NOT IN "
    "('article', 'moments-ad', 'channels', 'mini-program', 'group-message') "
    "UNION ALL SELECT 2, id, status FROM posts WHERE status NOT IN "
    "('draft', 'in-review', 'approved', 'rejected', 'published') "
    "LIMIT 1";
  static const BadValue kinds[] = { BAD_ECOSYSTEM, BAD_KIND, BAD_STATUS };
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL);
  const char *value;
  gint64 id;
  int which;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  which = sqlite3_column_int (stmt, 0);
  id = _redline_stmt_column_int64 (stmt, 1);
  if (which < 0 || which >= (int) G_N_ELEMENTS (kinds))
    return FALSE;
  if (_redline_sqlite_column_text (self->sqlite, stmt, 2, which == 0 ? "campaigns" : "posts", id, &value, error))
    set_bad_value_error (self, error, kinds[which], id, value);
  return TRUE;
}

static gboolean
check_integrity (RedlineProject  *self,
                 GError         **error)
{
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, "PRAGMA quick_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _redline_sqlite_set_error (self->sqlite, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* The names in it come from the file. */
      g_autofree char *detail = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);

      if (!g_str_has_prefix (detail, "CHECK constraint failed") ||
          !find_bad_value (self, error))
        g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT,
                     _("%s: the project file is damaged (%s)"), self->display_name, detail);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (RedlineProject  *self,
         guint            from,
         GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autofree char *detail = NULL;

  g_assert (from < REDLINE_PROJECT_FORMAT);

  if (!_redline_sqlite_begin (self->sqlite, &tx, REDLINE_TRANSACTION_WRITE, error))
    return FALSE;
  /* The version goes up in the same transaction as the tables change. */
  detail = g_strdup_printf ("format %u → %d", from, REDLINE_PROJECT_FORMAT);
  if (!_redline_migrations_apply (self->sqlite, from, error) ||
      !audit (self, "migrate", NULL, 0, detail, error))
    return FALSE;
  return _redline_transaction_commit (&tx, error);
}

static gboolean
file_has_data (const char *path,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (name, &st) == 0 && st.st_size > 0;
}

static gboolean
file_exists (const char *path,
             const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_lstat (name, &st) == 0;
}

/* The URI of a read-only connection, which must leave no trace: no
 * -journal, -wal or -shm file appears, and a read-only folder is enough.
 *
 * In the rollback-journal mode Redline writes, mode=ro reads only the
 * file; a hot journal (a writer died mid-change) is still seen by SQLite,
 * which reports it, and it is refused (set_db_error()).
 *
 * In WAL mode (another tool switched the file) a reader would create -shm
 * and -wal files. With no -shm nobody else has the file open; if no -wal
 * holds changes either, the file alone is the whole project and
 * immutable=1 reads it without locks or side files. With a -shm, another
 * program has it open: share its state. Changes in a -wal without a -shm
 * were left by a writer that died: refused, as a hot journal is. */
static char *
read_only_uri (RedlineProject  *self,
               gboolean         wal,
               GError         **error)
{
  const char *path = _redline_sqlite_get_path (self->sqlite);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  gboolean immutable = FALSE;

  if (wal && !file_exists (path, "-shm"))
    {
      if (file_has_data (path, "-wal"))
        {
          _redline_sqlite_set_error (self->sqlite, error, SQLITE_READONLY_RECOVERY);
          return NULL;
        }
      immutable = TRUE;
    }
  return g_strconcat ("file:", escaped, "?mode=ro", immutable ? "&immutable=1" : "", NULL);
}

/**
 * redline_project_is_project_file:
 * @path: a file name
 *
 * Looks at the first bytes of @path only.
 *
 * Returns: whether @path is a SQLite file with Redline's application id
 */
gboolean
redline_project_is_project_file (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RedlineProject) self = NULL;
  guint32 version;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  self = project_new (file);
  return check_header (self, path, &version, NULL, NULL);
}

/**
 * redline_project_open:
 * @file: a project file
 * @flags: how to open it
 * @error: return location for a #GError in %REDLINE_STORE_ERROR
 *
 * Opens @file, checks that it is a sound project of a format this Redline
 * knows and migrates it to the current format if it is older (read-only,
 * a copy in memory is migrated instead). Nothing is written to a file that
 * is refused.
 *
 * Returns: (transfer full): the project, or %NULL
 */
RedlineProject *
redline_project_open (GFile                *file,
                      RedlineProjectFlags   flags,
                      GError              **error)
{
  g_autoptr(RedlineProject) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  char *real_path;
  guint32 header_version = 0;
  gboolean wal = FALSE;
  gint64 app_id = 0, version = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = project_new (file);
  self->read_only = (flags & REDLINE_PROJECT_FLAGS_READ_ONLY) != 0;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: project files must be local files"), self->display_name);
      return NULL;
    }
  if (!check_header (self, path, &header_version, &wal, error) ||
      !check_version (self, header_version, error))
    return NULL;

  /* A symbolic link is followed here, on purpose and once: SQLite gets the
   * file itself, so that its journal is always beside the file (it refuses
   * links for that reason). */
  real_path = realpath (path, NULL);
  if (real_path == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot open the project file: %s"), self->display_name,
                   g_strerror (saved_errno));
      return NULL;
    }
  _redline_sqlite_set_path (self->sqlite, real_path);
  free (real_path);

  if (self->read_only)
    {
      uri = read_only_uri (self, wal, error);
      if (uri == NULL)
        return NULL;
      if (!_redline_sqlite_open (self->sqlite, uri,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW |
                                 SQLITE_OPEN_EXRESCODE, error))
        return NULL;
    }
  else if (!_redline_sqlite_open (self->sqlite, _redline_sqlite_get_path (self->sqlite),
                                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
                                  SQLITE_OPEN_EXRESCODE, error))
    return NULL;

  /* Check everything in one read transaction, so that it all sees the
   * same file. */
  if (!_redline_sqlite_begin (self->sqlite, &tx, REDLINE_TRANSACTION_READ, error))
    return NULL;
  if (!_redline_sqlite_query_int (self->sqlite, "PRAGMA application_id", &app_id, error) ||
      !_redline_sqlite_query_int (self->sqlite, "PRAGMA user_version", &version, error))
    return NULL;
  if (app_id != REDLINE_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_A_PROJECT,
                   _("%s: not a Redline project file"), self->display_name);
      return NULL;
    }
  if (!check_version (self, version, error) ||
      !check_integrity (self, error) ||
      !_redline_migrations_check_schema (self->sqlite, version, error))
    return NULL;
  if (!_redline_transaction_commit (&tx, error))
    return NULL;

  if (version < REDLINE_PROJECT_FORMAT)
    {
      /* Read-only: upgrade a copy in memory and leave the file alone. */
      if (self->read_only && !_redline_sqlite_copy_to_memory (self->sqlite, error))
        return NULL;
      if (!migrate (self, version, error))
        return NULL;
    }

  if (!_redline_sqlite_exec (self->sqlite, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!_redline_sqlite_begin (self->sqlite, &tx, REDLINE_TRANSACTION_READ, error) ||
      !load (self, error) ||
      !_redline_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * redline_project_create:
 * @file: where to create the project; must not exist
 * @name: the project's name
 * @error: return location for a #GError in %REDLINE_STORE_ERROR
 *
 * Returns: (transfer full): a new, empty project open for writing, or %NULL
 */
RedlineProject *
redline_project_create (GFile       *file,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(RedlineProject) self = NULL;
  g_autofree char *path = NULL;
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = project_new (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: project files must be local files"), self->display_name);
      return NULL;
    }

  /* Claim the name first so that we never take over somebody's file. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot create the project file: %s"), self->display_name,
                   g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  _redline_sqlite_set_path (self->sqlite, path);
  if (!_redline_sqlite_open (self->sqlite, path,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
                             SQLITE_OPEN_EXRESCODE, error))
    {
      close_db (self);
      g_unlink (path);
      return NULL;
    }

  G_STATIC_ASSERT (REDLINE_PROJECT_APPLICATION_ID == 1380207694);
  if (!_redline_sqlite_begin (self->sqlite, &tx, REDLINE_TRANSACTION_WRITE, error) ||
      !_redline_sqlite_exec (self->sqlite, "PRAGMA application_id = 1380207694", error) ||
      !_redline_migrations_apply (self->sqlite, 0, error) ||
      !_redline_sqlite_exec (self->sqlite, "PRAGMA foreign_keys = ON", error) ||
      !audit (self, "create", NULL, 0, name, error))
    {
      close_db (self);
      g_unlink (path);
      return NULL;
    }
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "INSERT INTO settings (key, value) VALUES ('name', ?1)", error);

    if (stmt == NULL)
      {
        close_db (self);
        g_unlink (path);
        return NULL;
      }
    _redline_stmt_bind_text (stmt, 1, name);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error) ||
        !_redline_transaction_commit (&tx, error))
      {
        g_clear_pointer (&stmt, _redline_stmt_release);
        close_db (self);
        g_unlink (path);
        return NULL;
      }
  }
  /* foreign_keys is a no-op inside a transaction; set it for real now. */
  if (!_redline_sqlite_exec (self->sqlite, "PRAGMA foreign_keys = ON", error))
    return NULL;

  self->name = g_strdup (name);
  return g_steal_pointer (&self);
}

/**
 * redline_project_close:
 * @self: a #RedlineProject
 *
 * Closes the file. Everything was already saved: each change is committed
 * when it is made. The models keep their last contents.
 */
void
redline_project_close (RedlineProject *self)
{
  g_return_if_fail (REDLINE_IS_PROJECT (self));

  close_db (self);
}

/**
 * redline_project_duplicate:
 * @self: a #RedlineProject
 * @destination: the new file; replaced if it exists
 * @error: return location for a #GError
 *
 * Copies the project, consistently, to @destination with the SQLite backup
 * API. The copy is written beside @destination and renamed over it, so
 * @destination is never half-written.
 *
 * Returns: whether the copy was made
 */
gboolean
redline_project_duplicate (RedlineProject  *self,
                           GFile           *destination,
                           GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!check_open (self, error))
    return FALSE;
  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: project files must be local files"), name);
      return FALSE;
    }
  tmp_path = g_strconcat (path, ".part", NULL);
  g_unlink (tmp_path);

  rc = sqlite3_open_v2 (tmp_path, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", _redline_sqlite_get_db (self->sqlite), "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_OK);
          rc = sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK || rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (copy);
    }
  if (copy != NULL)
    {
      int close_rc = sqlite3_close (copy);

      if (rc == SQLITE_OK)
        rc = close_rc;
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_unlink (tmp_path);
      g_set_error (error, REDLINE_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? REDLINE_STORE_ERROR_LOCKED
                                              : REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot write the copy: %s"), name, sqlite3_errstr (rc));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_file_get_parse_name (destination);

      g_unlink (tmp_path);
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_OPEN,
                   _("%s: cannot write the copy: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * redline_project_save_as:
 * @self: a #RedlineProject
 * @destination: the new file
 * @error: return location for a #GError
 *
 * Copies the project to @destination and goes on working there; the old
 * file stays as it was.
 *
 * Returns: whether it worked; on failure @self still uses its old file
 */
gboolean
redline_project_save_as (RedlineProject  *self,
                         GFile           *destination,
                         GError         **error)
{
  g_autoptr(RedlineProject) copy = NULL;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!redline_project_duplicate (self, destination, error))
    return FALSE;
  copy = redline_project_open (destination, REDLINE_PROJECT_FLAGS_NONE, error);
  if (copy == NULL)
    return FALSE;

  /* Take over the copy's connection; the objects in our models are the
   * same rows, so the models stay as they are. */
  g_clear_pointer (&self->sqlite, _redline_sqlite_free);
  self->sqlite = g_steal_pointer (&copy->sqlite);
  self->read_only = FALSE;
  g_set_object (&self->file, destination);
  g_free (self->display_name);
  self->display_name = g_file_get_parse_name (destination);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  return TRUE;
}

/**
 * redline_project_get_file:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): the project's file
 */
GFile *
redline_project_get_file (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return self->file;
}

gboolean
redline_project_get_read_only (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), TRUE);
  return self->read_only;
}

/* Settings */

const char *
redline_project_get_name (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return self->name;
}

gboolean
redline_project_set_name (RedlineProject  *self,
                          const char      *name,
                          GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_strcmp0 (self->name, name) == 0)
    return TRUE;
  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite, "INSERT OR REPLACE INTO settings (key, value) VALUES ('name', ?1)", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_text (stmt, 1, name);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!audit (self, "rename", NULL, 0, name, error) || !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_set_str (&self->name, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

static gboolean
replace_list (RedlineProject      *self,
              const char          *delete_sql,
              const char          *insert_sql,
              const char * const  *values,
              const char          *action,
              GError             **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autofree char *detail = NULL;

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  if (!_redline_sqlite_exec (self->sqlite, delete_sql, error))
    goto fail;
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, insert_sql, error);

      if (stmt == NULL)
        goto fail;
      _redline_stmt_bind_text (stmt, 1, values[i]);
      if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
        goto fail;
    }
  detail = values != NULL ? g_strjoinv ("\n", (char **) values) : NULL;
  if (!audit (self, action, NULL, 0, detail, error) || !_redline_transaction_commit (&tx, error))
    goto fail;
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/**
 * redline_project_get_allowed_domains:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): the project's link allowlist, added to the packs'
 */
const char * const *
redline_project_get_allowed_domains (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return (const char * const *) self->allowed_domains;
}

gboolean
redline_project_set_allowed_domains (RedlineProject      *self,
                                     const char * const  *domains,
                                     GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) normalised = NULL;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (domains[i]));
      g_autofree char *domain = g_ascii_strdown (stripped, -1);

      if (!is_domain (domain))
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("“%s” is not a domain name such as example.com"), domains[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, domain);
    }
  normalised = g_strv_builder_end (builder);

  if (!replace_list (self, "DELETE FROM allowed_domains",
                     "INSERT OR IGNORE INTO allowed_domains (domain) VALUES (?1)",
                     (const char * const *) normalised, "set-allowed-domains", error))
    return FALSE;
  return read_list (self, READ_ALLOWED_DOMAINS, "allowed_domains", &self->allowed_domains,
                    error);
}

/**
 * redline_project_get_allowed_terms:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): phrases that cancel every hit they overlap
 */
const char * const *
redline_project_get_allowed_terms (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return (const char * const *) self->allowed_terms;
}

gboolean
redline_project_set_allowed_terms (RedlineProject      *self,
                                   const char * const  *terms,
                                   GError             **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      if (!validate_term (terms[i], FALSE, error))
        return FALSE;
    }
  if (!replace_list (self, "DELETE FROM allowed_terms",
                     "INSERT OR IGNORE INTO allowed_terms (term) VALUES (?1)",
                     terms, "set-allowed-terms", error))
    return FALSE;
  return read_list (self, READ_ALLOWED_TERMS, "allowed_terms", &self->allowed_terms, error);
}

/**
 * redline_project_get_enabled_packs:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): ids of the rule packs the project uses; empty
 *   means all of them
 */
const char * const *
redline_project_get_enabled_packs (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return (const char * const *) self->enabled_packs;
}

gboolean
redline_project_set_enabled_packs (RedlineProject      *self,
                                   const char * const  *pack_ids,
                                   GError             **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);

  for (guint i = 0; pack_ids != NULL && pack_ids[i] != NULL; i++)
    {
      if (!is_identifier (pack_ids[i]))
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("“%s” is not a rule pack id"), pack_ids[i]);
          return FALSE;
        }
    }
  if (!replace_list (self, "DELETE FROM enabled_packs",
                     "INSERT OR IGNORE INTO enabled_packs (pack_id) VALUES (?1)",
                     pack_ids, "set-enabled-packs", error))
    return FALSE;
  return read_list (self, READ_ENABLED_PACKS, "enabled_packs", &self->enabled_packs, error);
}

static gboolean
validate_banned_term (RedlineBannedTerm  *term,
                      GError            **error)
{
  if (!validate_term (term->term, TRUE, error))
    return FALSE;
  if (!is_identifier (term->category))
    {
      g_autofree char *category = g_utf8_make_valid (term->category, -1);

      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("“%s” is not a category name: use lower-case letters, digits, "
                     "“-”, “_” and “.”"), category);
      return FALSE;
    }
  return TRUE;
}

/**
 * redline_project_get_banned_terms:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none) (element-type RedlineBannedTerm): the terms the
 *   project bans on top of the packs
 */
GPtrArray *
redline_project_get_banned_terms (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return self->banned_terms;
}

/**
 * redline_project_set_banned_terms:
 * @self: a #RedlineProject
 * @terms: (element-type RedlineBannedTerm): the new list
 * @error: return location for a #GError
 *
 * Returns: whether the list was stored
 */
gboolean
redline_project_set_banned_terms (RedlineProject  *self,
                                  GPtrArray       *terms,
                                  GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(GString) detail = g_string_new (NULL);

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  for (guint i = 0; i < terms->len; i++)
    {
      RedlineBannedTerm *term = g_ptr_array_index (terms, i);

      if (!validate_banned_term (term, error))
        return FALSE;
    }

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  if (!_redline_sqlite_exec (self->sqlite, "DELETE FROM banned_terms", error))
    goto fail;
  for (guint i = 0; i < terms->len; i++)
    {
      RedlineBannedTerm *term = g_ptr_array_index (terms, i);
      g_autoptr(RedlineStmt) stmt =
        _redline_sqlite_prepare (self->sqlite, "INSERT OR REPLACE INTO banned_terms (term, category) VALUES (?1, ?2)",
                 error);

      if (stmt == NULL)
        goto fail;
      _redline_stmt_bind_text (stmt, 1, term->term);
      _redline_stmt_bind_text (stmt, 2, term->category);
      if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
        goto fail;
      g_string_append_printf (detail, "%s%s: %s", i > 0 ? "\n" : "", term->category,
                              term->term);
    }
  if (!audit (self, "set-banned-terms", NULL, 0, detail->str, error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;
  return read_banned_terms (self, error);

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* Campaigns */

/**
 * redline_project_get_campaigns:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of #RedlineCampaign in the order
 *   they were added; it follows every change
 */
GListModel *
redline_project_get_campaigns (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->campaigns);
}

/**
 * redline_project_find_campaign:
 * @self: a #RedlineProject
 * @id: a campaign id
 *
 * Returns: (transfer none) (nullable): the campaign with @id
 */
RedlineCampaign *
redline_project_find_campaign (RedlineProject *self,
                               gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->campaigns_by_id, &id);
}

static void
bind_campaign (RedlineStmt     *stmt,
               RedlineCampaign *campaign)
{
  const char * const *regions = redline_campaign_get_target_regions (campaign);
  g_autofree char *joined = regions[0] != NULL ? g_strjoinv ("\n", (char **) regions) : NULL;

  _redline_stmt_bind_text (stmt, 1, redline_campaign_get_name (campaign));
  _redline_stmt_bind_text (stmt, 2, redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign)));
  _redline_stmt_bind_text (stmt, 3, redline_campaign_get_account_type (campaign));
  _redline_stmt_bind_text (stmt, 4, redline_campaign_get_objective (campaign));
  _redline_stmt_bind_text (stmt, 5, redline_campaign_get_start_date (campaign));
  _redline_stmt_bind_text (stmt, 6, redline_campaign_get_end_date (campaign));
  _redline_stmt_bind_int64 (stmt, 7, redline_campaign_get_budget (campaign));
  _redline_stmt_bind_text (stmt, 8, redline_campaign_get_currency (campaign));
  _redline_stmt_bind_text (stmt, 9, joined);
  _redline_stmt_bind_text (stmt, 10, redline_campaign_get_notes (campaign));
}

/**
 * redline_project_add_campaign:
 * @self: a #RedlineProject
 * @campaign: a campaign not yet in a project
 * @error: return location for a #GError
 *
 * Stores @campaign, gives it an id and appends it to the campaigns model.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_campaign (RedlineProject   *self,
                              RedlineCampaign  *campaign,
                              GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "INSERT INTO campaigns (name, ecosystem, account_type, objective, start_date, end_date, "
    "budget, currency, target_regions, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (redline_campaign_get_id (campaign) == 0, FALSE);

  if (!check_writable (self, error) || !validate_campaign (self, campaign, error))
    return FALSE;
  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_campaign (stmt, campaign);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!audit (self, "add-campaign", "campaign", id, redline_campaign_get_name (campaign),
              error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_campaign_set_id (campaign, id);
  g_hash_table_insert (self->campaigns_by_id, dup_id (id), campaign);
  g_list_store_append (self->campaigns, campaign);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

static void
reload_campaign (RedlineProject  *self,
                 RedlineCampaign *campaign)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?1", NULL);

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_campaign_get_id (campaign));
  /* Already read once; if another program has broken it since, the
   * campaign keeps its values. */
  if (sqlite3_step (stmt) == SQLITE_ROW)
    read_campaign (self, stmt, campaign, NULL);
}

static gboolean
check_member (RedlineProject  *self,
              GHashTable      *by_id,
              gpointer         item,
              gint64           id,
              GError         **error)
{
  if (id == 0 || g_hash_table_lookup (by_id, &id) != item)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_FOUND,
                   _("%s: no such item in this project"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * redline_project_update_campaign:
 * @self: a #RedlineProject
 * @campaign: one of the project's campaigns, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @campaign. On failure, @campaign is put back
 * as it is in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_campaign (RedlineProject   *self,
                                 RedlineCampaign  *campaign,
                                 GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "UPDATE campaigns SET name = ?1, ecosystem = ?2, account_type = ?3, objective = ?4, "
    "start_date = ?5, end_date = ?6, budget = ?7, currency = ?8, target_regions = ?9, "
    "notes = ?10 WHERE id = ?11";
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);

  id = redline_campaign_get_id (campaign);
  if (!check_open (self, error) ||
      !check_member (self, self->campaigns_by_id, campaign, id, error))
    return FALSE;
  if (!check_writable (self, error) || !validate_campaign (self, campaign, error) ||
      !_redline_project_begin (self, &tx, error))
    goto revert;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    bind_campaign (stmt, campaign);
    _redline_stmt_bind_int64 (stmt, 11, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!audit (self, "update-campaign", "campaign", id, redline_campaign_get_name (campaign),
              error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  store_changed (self->campaigns, campaign);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_campaign (self, campaign);
  return FALSE;
}

/**
 * redline_project_remove_campaign:
 * @self: a #RedlineProject
 * @campaign: one of the project's campaigns
 * @error: return location for a #GError
 *
 * Removes @campaign and, with it, its posts and their reviews.
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_campaign (RedlineProject   *self,
                                 RedlineCampaign  *campaign,
                                 GError          **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlineCampaign) removed = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_CAMPAIGN (campaign), FALSE);

  id = redline_campaign_get_id (campaign);
  if (!check_open (self, error) ||
      !check_member (self, self->campaigns_by_id, campaign, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, "DELETE FROM campaigns WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!audit (self, "remove-campaign", "campaign", id, redline_campaign_get_name (campaign),
              error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  /* The posts went with it (ON DELETE CASCADE). */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));
  for (guint i = n; i > 0; i--)
    {
      RedlinePost *post = g_list_model_get_item (G_LIST_MODEL (self->posts), i - 1);
      gint64 post_id = redline_post_get_id (post);

      if (redline_post_get_campaign_id (post) == id)
        {
          g_hash_table_remove (self->posts_by_id, &post_id);
          g_list_store_remove (self->posts, i - 1);
        }
      g_object_unref (post);
    }

  removed = g_object_ref (campaign);
  g_hash_table_remove (self->campaigns_by_id, &id);
  g_list_store_remove (self->campaigns, find_position (self->campaigns, campaign));
  _redline_campaign_set_id (removed, 0);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* Posts */

/**
 * redline_project_get_posts:
 * @self: a #RedlineProject
 *
 * Returns: (transfer none): a #GListModel of every #RedlinePost, in the order
 *   they were added; it follows every change
 */
GListModel *
redline_project_get_posts (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->posts);
}

/**
 * redline_project_find_post:
 * @self: a #RedlineProject
 * @id: a post id
 *
 * Returns: (transfer none) (nullable): the post with @id
 */
RedlinePost *
redline_project_find_post (RedlineProject *self,
                           gint64          id)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->posts_by_id, &id);
}

static void
bind_post (RedlineStmt *stmt,
           RedlinePost *post)
{
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_campaign_id (post));
  _redline_stmt_bind_text (stmt, 2, redline_content_kind_to_string (redline_post_get_kind (post)));
  _redline_stmt_bind_text (stmt, 3, redline_post_get_title (post));
  _redline_stmt_bind_text (stmt, 4, redline_post_get_body (post));
  _redline_stmt_bind_text (stmt, 5, redline_post_get_call_to_action (post));
  _redline_stmt_bind_text (stmt, 6, redline_post_get_link (post));
  _redline_stmt_bind_text (stmt, 7, redline_post_get_scheduled_at (post));
  _redline_stmt_bind_text (stmt, 8, redline_post_status_to_string (redline_post_get_status (post)));
}

gboolean
_redline_project_insert_post (RedlineProject  *self,
                              RedlinePost     *post,
                              const char      *now,
                              GError         **error)
{
  static const char sql[] =
    "INSERT INTO posts (campaign_id, kind, title, body, call_to_action, link, scheduled_at, "
    "status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
  g_autoptr(RedlineStmt) stmt = NULL;

  g_assert (_redline_sqlite_in_transaction (self->sqlite));

  if (redline_post_get_id (post) != 0)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("The post is already in a project"));
      return FALSE;
    }
  if (!validate_post (self, post, error))
    return FALSE;
  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post);
  _redline_stmt_bind_text (stmt, 9, now);
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return FALSE;
  /* The id is set now; the caller rolls back and clears it on failure. */
  _redline_post_set_id (post, _redline_sqlite_last_insert_id (self->sqlite));
  _redline_post_set_times (post, now, now);
  return audit (self, "add-post", "post", redline_post_get_id (post),
                redline_post_get_title (post), error);
}

void
_redline_project_posts_added (RedlineProject *self,
                              GPtrArray      *posts)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  for (guint i = 0; i < posts->len; i++)
    {
      RedlinePost *post = g_ptr_array_index (posts, i);

      g_hash_table_insert (self->posts_by_id, dup_id (redline_post_get_id (post)), post);
    }
  g_list_store_splice (self->posts, n, 0, posts->pdata, posts->len);
}

/**
 * redline_project_add_posts:
 * @self: a #RedlineProject
 * @posts: (element-type RedlinePost): posts not yet in a project
 * @error: return location for a #GError
 *
 * Adds all of @posts in one transaction: all or none.
 *
 * Returns: whether they were added
 */
gboolean
redline_project_add_posts (RedlineProject  *self,
                           GPtrArray       *posts,
                           GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autofree char *now = _redline_project_now ();
  guint i;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  for (i = 0; i < posts->len; i++)
    {
      if (!_redline_project_insert_post (self, g_ptr_array_index (posts, i), now, error))
        goto fail;
    }
  if (!_redline_transaction_commit (&tx, error))
    goto fail;

  _redline_project_posts_added (self, posts);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  for (guint j = 0; j < posts->len; j++)
    {
      RedlinePost *post = g_ptr_array_index (posts, j);

      if (j < i || (j == i && g_hash_table_lookup (self->posts_by_id,
                                                   &(gint64) { redline_post_get_id (post) })
                              == NULL))
        {
          _redline_post_set_id (post, 0);
          _redline_post_set_times (post, NULL, NULL);
        }
    }
  return FALSE;
}

/**
 * redline_project_add_post:
 * @self: a #RedlineProject
 * @post: a post not yet in a project, whose campaign is in @self
 * @error: return location for a #GError
 *
 * Stores @post, gives it an id and appends it to the posts model.
 *
 * Returns: whether it was added
 */
gboolean
redline_project_add_post (RedlineProject  *self,
                          RedlinePost     *post,
                          GError         **error)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new ();

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  g_ptr_array_add (posts, post);
  return redline_project_add_posts (self, posts, error);
}

static void
reload_post (RedlineProject *self,
             RedlinePost    *post)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "SELECT " POST_COLUMNS " FROM posts WHERE id = ?1", NULL);

  if (stmt == NULL)
    return;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    read_post (self, stmt, post, NULL);
}

static gboolean
store_post (RedlineProject  *self,
            RedlinePost     *post,
            const char      *action,
            GError         **error)
{
  static const char sql[] =
    "UPDATE posts SET campaign_id = ?1, kind = ?2, title = ?3, body = ?4, call_to_action = ?5, "
    "link = ?6, scheduled_at = ?7, status = ?8, updated_at = ?9 WHERE id = ?10";
  g_autoptr(RedlineStmt) stmt = NULL;
  g_autofree char *now = _redline_project_now ();

  if (!validate_post (self, post, error))
    return FALSE;
  stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post);
  _redline_stmt_bind_text (stmt, 9, now);
  _redline_stmt_bind_int64 (stmt, 10, redline_post_get_id (post));
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
    return FALSE;
  _redline_post_set_times (post, redline_post_get_created_at (post), now);
  return audit (self, action, "post", redline_post_get_id (post),
                redline_post_status_to_string (redline_post_get_status (post)), error);
}

/**
 * redline_project_update_post:
 * @self: a #RedlineProject
 * @post: one of the project's posts, changed
 * @error: return location for a #GError
 *
 * Stores the changes made to @post. On failure, @post is put back as it
 * is in the file.
 *
 * Returns: whether the changes were stored
 */
gboolean
redline_project_update_post (RedlineProject  *self,
                             RedlinePost     *post,
                             GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  if (!check_open (self, error) ||
      !check_member (self, self->posts_by_id, post, redline_post_get_id (post), error))
    return FALSE;
  if (!_redline_project_begin (self, &tx, error))
    goto revert;
  if (!store_post (self, post, "update-post", error) || !_redline_transaction_commit (&tx, error))
    goto fail;

  store_changed (self->posts, post);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
revert:
  reload_post (self, post);
  return FALSE;
}

/**
 * redline_project_remove_post:
 * @self: a #RedlineProject
 * @post: one of the project's posts
 * @error: return location for a #GError
 *
 * Returns: whether it was removed
 */
gboolean
redline_project_remove_post (RedlineProject  *self,
                             RedlinePost     *post,
                             GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlinePost) removed = NULL;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);

  id = redline_post_get_id (post);
  if (!check_open (self, error) || !check_member (self, self->posts_by_id, post, id, error) ||
      !_redline_project_begin (self, &tx, error))
    return FALSE;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, "DELETE FROM posts WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, id);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  if (!audit (self, "remove-post", "post", id, redline_post_get_title (post), error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;

  removed = g_object_ref (post);
  g_hash_table_remove (self->posts_by_id, &id);
  g_list_store_remove (self->posts, find_position (self->posts, post));
  _redline_post_set_id (removed, 0);
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* Reviews, comments, waivers */

static char *
findings_to_json (GListModel *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      redline_json_add_finding (builder, finding);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
pack_versions_to_json (RedlineRuleSet *rule_set)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; rule_set != NULL && i < redline_rule_set_get_n_packs (rule_set); i++)
    {
      RedlineRulePack *pack = redline_rule_set_get_pack (rule_set, i);

      json_builder_set_member_name (builder, redline_rule_pack_get_id (pack));
      json_builder_add_string_value (builder, redline_rule_pack_get_version (pack));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * redline_project_add_review:
 * @self: a #RedlineProject
 * @post: the post reviewed
 * @decision: the reviewer's decision
 * @reviewer: who reviewed it
 * @comment: (nullable): why
 * @findings: (nullable): the findings as the reviewer saw them
 * @rule_set: (nullable): the rule set that found them, for its pack versions
 * @error: return location for a #GError
 *
 * Records a review and sets the post's status to match, in one transaction.
 *
 * Returns: the review's id, or 0 on failure
 */
gint64
redline_project_add_review (RedlineProject         *self,
                            RedlinePost            *post,
                            RedlineReviewDecision   decision,
                            const char             *reviewer,
                            const char             *comment,
                            GListModel             *findings,
                            RedlineRuleSet         *rule_set,
                            GError                **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  static const char sql[] =
    "INSERT INTO reviews (post_id, decision, reviewer, comment, reviewed_at, findings, "
    "pack_versions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autofree char *now = _redline_project_now ();
  g_autofree char *findings_json = NULL;
  g_autofree char *versions_json = NULL;
  RedlinePostStatus old_status;
  gint64 review_id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (decision <= REDLINE_REVIEW_DECISION_REJECTED, 0);
  g_return_val_if_fail (reviewer != NULL, 0);

  if (!check_open (self, error) ||
      !check_member (self, self->posts_by_id, post, redline_post_get_id (post), error) ||
      !_redline_project_begin (self, &tx, error))
    return 0;

  findings_json = findings_to_json (findings);
  versions_json = pack_versions_to_json (rule_set);
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
    _redline_stmt_bind_text (stmt, 2, decision == REDLINE_REVIEW_DECISION_APPROVED ? "approved" : "rejected");
    _redline_stmt_bind_text (stmt, 3, reviewer);
    _redline_stmt_bind_text (stmt, 4, comment);
    _redline_stmt_bind_text (stmt, 5, now);
    _redline_stmt_bind_text (stmt, 6, findings_json);
    _redline_stmt_bind_text (stmt, 7, versions_json);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  review_id = _redline_sqlite_last_insert_id (self->sqlite);

  old_status = redline_post_get_status (post);
  redline_post_set_status (post, decision == REDLINE_REVIEW_DECISION_APPROVED
                                   ? REDLINE_POST_STATUS_APPROVED
                                   : REDLINE_POST_STATUS_REJECTED);
  if (!store_post (self, post, "review", error) || !_redline_transaction_commit (&tx, error))
    {
      redline_post_set_status (post, old_status);
      goto fail;
    }

  store_changed (self->posts, post);
  return review_id;

fail:
  _redline_transaction_rollback (&tx);
  reload_post (self, post);
  return 0;
}

static gint64
insert_for_post (RedlineProject      *self,
                 RedlinePost         *post,
                 const char          *sql,
                 const char          *action,
                 const char * const  *values,
                 guint                n_values,
                 GError             **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  gint64 id;

  if (!check_open (self, error) ||
      !check_member (self, self->posts_by_id, post, redline_post_get_id (post), error) ||
      !_redline_project_begin (self, &tx, error))
    return 0;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      goto fail;
    _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
    for (guint i = 0; i < n_values; i++)
      _redline_stmt_bind_text (stmt, i + 2, values[i]);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      goto fail;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  if (!audit (self, action, "post", redline_post_get_id (post), values[0], error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;
  return id;

fail:
  _redline_transaction_rollback (&tx);
  return 0;
}

/**
 * redline_project_add_comment:
 * @self: a #RedlineProject
 * @post: the post
 * @author: who wrote the comment
 * @text: the comment
 * @error: return location for a #GError
 *
 * Returns: the comment's id, or 0 on failure
 */
gint64
redline_project_add_comment (RedlineProject  *self,
                             RedlinePost     *post,
                             const char      *author,
                             const char      *text,
                             GError         **error)
{
  g_autofree char *now = _redline_project_now ();
  const char * const values[] = { author, text, now };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (author != NULL && text != NULL, 0);

  return insert_for_post (self, post,
                          "INSERT INTO comments (post_id, author, body, created_at) "
                          "VALUES (?1, ?2, ?3, ?4)",
                          "comment", values, G_N_ELEMENTS (values), error);
}

/**
 * redline_project_add_waiver:
 * @self: a #RedlineProject
 * @post: the post
 * @rule_id: the rule whose finding is waived
 * @text: (nullable): the text of the finding
 * @justification: why the finding does not apply
 * @waived_by: who decided it
 * @error: return location for a #GError
 *
 * Returns: the waiver's id, or 0 on failure
 */
gint64
redline_project_add_waiver (RedlineProject  *self,
                            RedlinePost     *post,
                            const char      *rule_id,
                            const char      *text,
                            const char      *justification,
                            const char      *waived_by,
                            GError         **error)
{
  g_autofree char *now = _redline_project_now ();
  const char * const values[] = { rule_id, text, justification, waived_by, now };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (rule_id != NULL && justification != NULL && waived_by != NULL, 0);

  return insert_for_post (self, post,
                          "INSERT INTO waivers (post_id, rule_id, text, justification, "
                          "waived_by, waived_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          "waive", values, G_N_ELEMENTS (values), error);
}

static guint
count (RedlineProject *self,
       const char     *sql,
       gint64          id)
{
  g_autoptr(RedlineStmt) stmt = NULL;

  if (!_redline_sqlite_is_open (self->sqlite) ||
      (stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL)) == NULL)
    return 0;
  _redline_stmt_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/**
 * redline_project_count_reviews:
 * @self: a #RedlineProject
 * @post: one of its posts
 *
 * Returns: how many reviews @post has had
 */
guint
redline_project_count_reviews (RedlineProject *self,
                               RedlinePost    *post)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);

  return count (self, "SELECT count(*) FROM reviews WHERE post_id = ?1",
                redline_post_get_id (post));
}

/**
 * redline_project_count_audit_entries:
 * @self: a #RedlineProject
 *
 * Returns: the length of the audit log
 */
guint
redline_project_count_audit_entries (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);

  return count (self, "SELECT count(*) FROM audit_log WHERE ?1 IS NOT NULL", 0);
}

/* Checking */

static GBytes *
build_custom_pack (RedlineProject *self)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autofree char *title = NULL;

  /* Banned terms are grouped by category, one rule each. */
  for (guint i = 0; i < self->banned_terms->len; i++)
    {
      RedlineBannedTerm *term = g_ptr_array_index (self->banned_terms, i);

      if (categories->len == 0 ||
          !g_str_equal (g_ptr_array_index (categories, categories->len - 1), term->category))
        g_ptr_array_add (categories, term->category);
    }

  title = g_markup_escape_text (_("Terms banned by the project"), -1);
  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<rulepack id=\"project.banned-terms\" version=\"1.0.0\">\n");
  g_string_append_printf (xml, "  <title>%s</title>\n", title);

  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);

      g_autofree char *escaped = g_markup_escape_text (category, -1);

      /* Categories are identifiers (checked on the way in and before this),
       * escaped all the same; those beyond the fixed ones default to
       * error/warning. */
      if (!redline_category_is_standard (category))
        g_string_append_printf (xml, "  <category id=\"%s\" weixin=\"error\" "
                                "wechat=\"warning\"/>\n", escaped);
    }

  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      g_autofree char *escaped_category = g_markup_escape_text (category, -1);
      g_autofree char *message = NULL;
      g_autofree char *first = NULL;
      guint n = 0;

      /* TRANSLATORS: a finding's message; keep {text}, the term found */
      message = g_markup_escape_text (_("“{text}” is on the project’s list of banned terms."),
                                      -1);
      g_string_append_printf (xml, "  <rule id=\"project.banned.%s\" category=\"%s\">\n"
                              "    <message>%s</message>\n    <terms>\n",
                              escaped_category, escaped_category, message);
      for (guint i = 0; i < self->banned_terms->len; i++)
        {
          RedlineBannedTerm *term = g_ptr_array_index (self->banned_terms, i);
          g_autofree char *escaped = NULL;

          if (!g_str_equal (term->category, category))
            continue;
          escaped = g_markup_escape_text (term->term, -1);
          g_string_append_printf (xml, "      <term id=\"t%u\">%s</term>\n", ++n, escaped);
          if (first == NULL)
            first = g_steal_pointer (&escaped);
        }
      /* The schema wants an example; the project's packs are not run by
       * --test-rules, so this one only has to be valid. */
      g_string_append_printf (xml, "    </terms>\n"
                              "    <example type=\"incorrect\"><marker>%s</marker></example>\n"
                              "  </rule>\n", first);
    }
  g_string_append (xml, "</rulepack>\n");
  return g_string_free_to_bytes (g_steal_pointer (&xml));
}

/**
 * redline_project_create_rule_set:
 * @self: a #RedlineProject
 * @packs: (element-type RedlineRulePack): the packs available, such as
 *   those of redline_rule_pack_load_builtin()
 * @error: return location for a #GError
 *
 * Compiles the rule set the project's posts are checked with: those of
 * @packs the project enables (all when it names none), a pack made of the
 * project's banned terms, and its allowlist and allowed terms.
 *
 * Returns: (transfer full): the rule set, or %NULL
 */
RedlineRuleSet *
redline_project_create_rule_set (RedlineProject  *self,
                                 GPtrArray       *packs,
                                 GError         **error)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_object_unref);
  RedlineRuleSetOptions options = {
    .allowed_domains = (const char * const *) self->allowed_domains,
    .allowed_terms = (const char * const *) self->allowed_terms,
  };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (packs != NULL, NULL);

  for (guint i = 0; i < packs->len; i++)
    {
      RedlineRulePack *pack = g_ptr_array_index (packs, i);

      if (self->enabled_packs[0] == NULL ||
          g_strv_contains ((const char * const *) self->enabled_packs,
                           redline_rule_pack_get_id (pack)))
        g_ptr_array_add (used, g_object_ref (pack));
    }

  /* The file may come from another program: its terms get the checks the
   * setter makes before any of them goes into the generated pack. */
  for (guint i = 0; i < self->banned_terms->len; i++)
    {
      if (!validate_banned_term (g_ptr_array_index (self->banned_terms, i), error))
        {
          g_prefix_error (error, _("%s: project setting “%s”: "), self->display_name,
                          _("banned terms"));
          return NULL;
        }
    }

  if (self->banned_terms->len > 0)
    {
      g_autoptr(GBytes) xml = build_custom_pack (self);
      g_autofree char *name = g_strdup_printf ("%s#banned-terms", self->display_name);
      RedlineRulePack *pack = redline_rule_pack_new_from_bytes (xml, name, error);

      if (pack == NULL)
        return NULL;
      g_ptr_array_add (used, pack);
    }

  return redline_rule_set_new (used, &options, error);
}

/**
 * redline_project_get_post_ecosystem:
 * @self: a #RedlineProject
 * @post: one of its posts
 *
 * Returns: the ecosystem of @post's campaign
 */
RedlineEcosystem
redline_project_get_post_ecosystem (RedlineProject *self,
                                    RedlinePost    *post)
{
  RedlineCampaign *campaign;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), REDLINE_ECOSYSTEM_WEIXIN);
  g_return_val_if_fail (REDLINE_IS_POST (post), REDLINE_ECOSYSTEM_WEIXIN);

  campaign = redline_project_find_campaign (self, redline_post_get_campaign_id (post));
  g_return_val_if_fail (campaign != NULL, REDLINE_ECOSYSTEM_WEIXIN);
  return redline_campaign_get_ecosystem (campaign);
}

/**
 * redline_project_check_post:
 * @self: a #RedlineProject
 * @rule_set: a rule set, usually from redline_project_create_rule_set()
 * @post: one of the project's posts
 * @ecosystem: the ecosystem to check for, usually
 *   redline_project_get_post_ecosystem()
 *
 * Checks the title, body, call to action and link of @post as its content
 * kind.
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding
 */
GListModel *
redline_project_check_post (RedlineProject   *self,
                            RedlineRuleSet   *rule_set,
                            RedlinePost      *post,
                            RedlineEcosystem  ecosystem)
{
  RedlineDocument document = { { NULL } };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  document.fields[REDLINE_FIELD_TITLE] = redline_post_get_title (post);
  document.fields[REDLINE_FIELD_BODY] = redline_post_get_body (post);
  document.fields[REDLINE_FIELD_CALL_TO_ACTION] = redline_post_get_call_to_action (post);
  document.fields[REDLINE_FIELD_LINK] = redline_post_get_link (post);
  return redline_rule_set_check (rule_set, &document, ecosystem, redline_post_get_kind (post));
}
