/* redline-project-io.c: importing posts from CSV, exporting a project as JSON and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "redline-csv-private.h"
#include "redline-project-io.h"
#include "redline-project-private.h"

/* CSV as RFC 4180 has it, the way spreadsheets write it: an optional
 * UTF-8 byte order mark, CRLF or LF line ends, fields quoted when they
 * hold commas, quotes or line breaks, quotes doubled inside them. */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  const char *display_name;
} CsvReader;

static gboolean
csv_read_record (CsvReader  *reader,
                 GPtrArray  *fields,
                 guint      *record_line,
                 GError    **error)
{
  const char *data = reader->data;

  g_ptr_array_set_size (fields, 0);
  if (reader->pos >= reader->length)
    return FALSE;
  *record_line = reader->line;

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (reader->pos < reader->length && data[reader->pos] == '"')
        {
          guint start_line = reader->line;

          reader->pos++;
          for (;;)
            {
              char c;

              if (reader->pos >= reader->length)
                {
                  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                               _("%s:%u: a quoted field is never closed"),
                               reader->display_name, start_line);
                  return FALSE;
                }
              c = data[reader->pos];
              if (c == '"')
                {
                  if (reader->pos + 1 < reader->length && data[reader->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  break;
                }
              if (c == '\r' && reader->pos + 1 < reader->length && data[reader->pos + 1] == '\n')
                {
                  reader->pos++;
                  continue;
                }
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
              reader->pos++;
            }
          if (reader->pos < reader->length && data[reader->pos] != ',' &&
              data[reader->pos] != '\n' && data[reader->pos] != '\r')
            {
              g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                           _("%s:%u: unexpected text after the closing quote of a field"),
                           reader->display_name, reader->line);
              return FALSE;
            }
        }
      else
        {
          while (reader->pos < reader->length)
            {
              char c = data[reader->pos];

              if (c == ',' || c == '\n' || c == '\r')
                break;
              if (c == '"')
                {
                  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                               _("%s:%u: a quote inside a field that does not start with "
                                 "one; quote the whole field and double the quote"),
                               reader->display_name, reader->line);
                  return FALSE;
                }
              g_string_append_c (field, c);
              reader->pos++;
            }
        }

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (reader->pos >= reader->length)
        return TRUE;
      if (data[reader->pos] == ',')
        {
          reader->pos++;
          if (reader->pos >= reader->length)
            {
              g_ptr_array_add (fields, g_strdup (""));
              return TRUE;
            }
          continue;
        }
      if (data[reader->pos] == '\r')
        reader->pos++;
      if (reader->pos < reader->length && data[reader->pos] == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
}

typedef enum
{
  COLUMN_IGNORED,
  COLUMN_CAMPAIGN,
  COLUMN_KIND,
  COLUMN_PURPOSE,
  COLUMN_STATUS,
  COLUMN_TITLE,
  COLUMN_DIGEST,
  COLUMN_AUTHOR,
  COLUMN_BODY,
  COLUMN_CALL_TO_ACTION,
  COLUMN_LINK,
  COLUMN_SCHEDULED_AT,
} Column;

static const struct
{
  const char *name;
  Column      column;
} column_names[] = {
  { "campaign", COLUMN_CAMPAIGN },
  { "kind", COLUMN_KIND },
  { "purpose", COLUMN_PURPOSE },
  { "status", COLUMN_STATUS },
  { "title", COLUMN_TITLE },
  { "digest", COLUMN_DIGEST },
  { "author", COLUMN_AUTHOR },
  { "body", COLUMN_BODY },
  { "call_to_action", COLUMN_CALL_TO_ACTION },
  { "cta", COLUMN_CALL_TO_ACTION },
  { "link", COLUMN_LINK },
  { "scheduled_at", COLUMN_SCHEDULED_AT },
  { "scheduled", COLUMN_SCHEDULED_AT },
  /* What redline_project_export_csv() writes besides, so that an export
   * imports again. */
  { "id", COLUMN_IGNORED },
  { "ecosystem", COLUMN_IGNORED },
  { "created_at", COLUMN_IGNORED },
  { "updated_at", COLUMN_IGNORED },
};

static gboolean
lookup_column (const char *header,
               Column     *column)
{
  g_autofree char *name = g_utf8_strdown (header, -1);

  g_strstrip (name);
  g_strdelimit (name, " -", '_');
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      if (g_str_equal (name, column_names[i].name))
        {
          *column = column_names[i].column;
          return TRUE;
        }
    }
  return FALSE;
}

static RedlineCampaign *
lookup_campaign (RedlineProject *self,
                 const char     *value)
{
  GListModel *campaigns = redline_project_get_campaigns (self);
  char *end = NULL;
  guint64 id;

  id = g_ascii_strtoull (value, &end, 10);
  if (end != value && *end == '\0')
    {
      RedlineCampaign *campaign = redline_project_find_campaign (self, (gint64) id);

      if (campaign != NULL)
        return campaign;
    }
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(RedlineCampaign) campaign = g_list_model_get_item (campaigns, i);

      if (g_strcmp0 (redline_campaign_get_name (campaign), value) == 0)
        return campaign;
    }
  return NULL;
}

static const char *
nonempty (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

static RedlinePost *
post_from_record (RedlineProject   *self,
                  GArray           *columns,
                  GPtrArray        *fields,
                  RedlineCampaign  *default_campaign,
                  const char       *display_name,
                  guint             line,
                  GError          **error)
{
  RedlineCampaign *campaign = default_campaign;
  RedlineContentKind kind = REDLINE_CONTENT_KIND_ARTICLE;
  RedlinePurpose purpose = REDLINE_PURPOSE_ADVERTISING;
  RedlinePostStatus status = REDLINE_POST_STATUS_DRAFT;
  g_autoptr(RedlinePost) post = NULL;
  const char *text[COLUMN_SCHEDULED_AT + 1] = { NULL };

  if (fields->len != columns->len)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: %u fields, but the header names %u columns"),
                   display_name, line, fields->len, columns->len);
      return NULL;
    }
  for (guint i = 0; i < columns->len; i++)
    text[g_array_index (columns, Column, i)] = nonempty (g_ptr_array_index (fields, i));

  if (text[COLUMN_CAMPAIGN] != NULL)
    {
      campaign = lookup_campaign (self, text[COLUMN_CAMPAIGN]);
      if (campaign == NULL)
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("%s:%u: there is no campaign “%s” in the project"),
                       display_name, line, text[COLUMN_CAMPAIGN]);
          return NULL;
        }
    }
  if (campaign == NULL)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: the post names no campaign"), display_name, line);
      return NULL;
    }
  if (text[COLUMN_KIND] != NULL && (!redline_content_kind_from_string (text[COLUMN_KIND], &kind) ||
                                    !redline_content_kind_is_post (kind)))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: unknown content kind “%s”: use article, moments-ad, channels, "
                     "mini-program or group-message"), display_name, line, text[COLUMN_KIND]);
      return NULL;
    }
  if (text[COLUMN_PURPOSE] != NULL &&
      (!redline_purpose_from_string (text[COLUMN_PURPOSE], &purpose) ||
       redline_content_kind_purpose (kind, purpose) != purpose))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: “%s” is not a purpose this post can have: use advertising, "
                     "editorial or notice (a Moments or Mini Program ad is always "
                     "advertising)"), display_name, line, text[COLUMN_PURPOSE]);
      return NULL;
    }
  if (text[COLUMN_STATUS] != NULL &&
      !redline_post_status_from_string (text[COLUMN_STATUS], &status))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: unknown status “%s”: use draft, in-review, approved, rejected "
                     "or published"), display_name, line, text[COLUMN_STATUS]);
      return NULL;
    }
  if (text[COLUMN_TITLE] == NULL && text[COLUMN_BODY] == NULL)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: the post has neither a title nor a body"), display_name, line);
      return NULL;
    }

  post = redline_post_new (redline_campaign_get_id (campaign), kind);
  redline_post_set_purpose (post, purpose);
  redline_post_set_status (post, status);
  redline_post_set_title (post, text[COLUMN_TITLE]);
  redline_post_set_digest (post, text[COLUMN_DIGEST]);
  redline_post_set_author (post, text[COLUMN_AUTHOR]);
  redline_post_set_body (post, text[COLUMN_BODY]);
  redline_post_set_call_to_action (post, text[COLUMN_CALL_TO_ACTION]);
  redline_post_set_link (post, text[COLUMN_LINK]);
  redline_post_set_scheduled_at (post, text[COLUMN_SCHEDULED_AT]);
  return g_steal_pointer (&post);
}

/**
 * redline_project_import_csv:
 * @self: a #RedlineProject
 * @csv: the CSV text, UTF-8 with or without a byte order mark
 * @display_name: the file name to use in error messages
 * @default_campaign: (nullable): the campaign of rows that name none
 * @error: return location for a #GError
 *
 * Adds a post for every row of @csv after the header, all in one
 * transaction: if any row is wrong, nothing is imported and the error names
 * its line. The header names the columns, in any order and case: `title`,
 * `digest`, `author`, `body`, `call_to_action` (or `cta`), `link`, `kind`, `purpose`, `status`,
 * `scheduled_at` and `campaign` (an id or a name); `id`, `ecosystem`,
 * `created_at` and `updated_at`, which redline_project_export_csv() writes,
 * are ignored.
 *
 * Returns: the number of posts added; 0 with @error set on failure
 */
guint
redline_project_import_csv (RedlineProject   *self,
                            GBytes           *csv,
                            const char       *display_name,
                            RedlineCampaign  *default_campaign,
                            GError          **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autofree char *now = NULL;
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  CsvReader reader = { 0 };
  const char *invalid = NULL;
  guint line = 0;
  gsize length;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (display_name != NULL, 0);
  g_return_val_if_fail (default_campaign == NULL || REDLINE_IS_CAMPAIGN (default_campaign), 0);

  reader.data = g_bytes_get_data (csv, &length);
  reader.length = length;
  reader.line = 1;
  reader.display_name = display_name;
  if (reader.data == NULL)
    reader.data = "";

  if (!g_utf8_validate_len (reader.data, reader.length, &invalid))
    {
      guint bad_line = 1;

      for (const char *p = reader.data; p < invalid; p++)
        bad_line += *p == '\n';
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s:%u: not UTF-8 text; save the sheet as “CSV UTF-8”"),
                   display_name, bad_line);
      return 0;
    }
  if (reader.length >= 3 && memcmp (reader.data, "\xef\xbb\xbf", 3) == 0)
    reader.pos = 3;

  if (!csv_read_record (&reader, fields, &line, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                     _("%s: the file is empty; the first line must name the columns"),
                     display_name);
      return 0;
    }
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      Column column;

      if (!lookup_column (name, &column))
        {
          g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                       _("%s:%u: unknown column “%s”; the columns are title, digest, author, "
                         "body, call_to_action, link, kind, purpose, status, scheduled_at and "
                         "campaign"),
                       display_name, line, name);
          return 0;
        }
      for (guint j = 0; column != COLUMN_IGNORED && j < columns->len; j++)
        {
          if (g_array_index (columns, Column, j) == column)
            {
              g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                           _("%s:%u: column “%s” appears twice"), display_name, line, name);
              return 0;
            }
        }
      g_array_append_val (columns, column);
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      RedlinePost *post;

      if (!csv_read_record (&reader, fields, &line, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return 0;
            }
          break;
        }
      /* A blank line. */
      if (fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0')
        continue;

      post = post_from_record (self, columns, fields, default_campaign, display_name, line,
                               error);
      if (post == NULL)
        return 0;
      g_object_set_data (G_OBJECT (post), "redline-csv-line", GUINT_TO_POINTER (line));
      g_ptr_array_add (posts, post);
    }

  now = _redline_project_now ();
  if (!_redline_project_begin (self, &tx, error))
    return 0;
  for (guint i = 0; i < posts->len; i++)
    {
      RedlinePost *post = g_ptr_array_index (posts, i);
      g_autoptr(GError) local_error = NULL;

      if (!_redline_project_insert_post (self, post, now, &local_error))
        {
          _redline_transaction_rollback (&tx);
          g_set_error (error, local_error->domain, local_error->code, "%s:%u: %s",
                       display_name,
                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (post),
                                                            "redline-csv-line")),
                       local_error->message);
          return 0;
        }
    }
  if (!_redline_transaction_commit (&tx, error))
    return 0;

  for (guint i = 0; i < posts->len; i++)
    g_object_set_data (g_ptr_array_index (posts, i), "redline-csv-line", NULL);
  _redline_project_posts_added (self, posts);
  return posts->len;
}

/* Export */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Adds the rows of @sql for @post_id as objects, every column a member;
 * columns whose name ends in "_json" hold JSON and are added parsed. The
 * first column is the row's id; @name is its table. */
static gboolean
add_rows (JsonBuilder     *builder,
          RedlineProject  *self,
          const char      *name,
          const char      *sql,
          gint64           post_id,
          GError         **error)
{
  RedlineSqlite *sqlite = _redline_project_get_sqlite (self);
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (sqlite, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  _redline_stmt_bind_int64 (stmt, 1, post_id);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  while (_redline_sqlite_step_row (sqlite, stmt, &local_error))
    {
      gint64 row = _redline_stmt_column_int64 (stmt, 0);

      json_builder_begin_object (builder);
      for (int c = 0; c < _redline_stmt_column_count (stmt); c++)
        {
          const char *column = _redline_stmt_column_name (stmt, c);
          gboolean integer = _redline_stmt_column_is_integer (stmt, c);
          const char *text = NULL;

          if (!integer &&
              !_redline_sqlite_column_text (sqlite, stmt, c, name, row, &text, error))
            return FALSE;

          if (g_str_has_suffix (column, "_json") && text != NULL)
            {
              g_autofree char *member = g_strndup (column, strlen (column) - 5);
              JsonNode *node = json_from_string (text, NULL);

              json_builder_set_member_name (builder, member);
              if (node != NULL)
                json_builder_add_value (builder, node);
              else
                json_builder_add_null_value (builder);
            }
          else if (integer)
            {
              json_builder_set_member_name (builder, column);
              json_builder_add_int_value (builder, _redline_stmt_column_int64 (stmt, c));
            }
          else
            add_string (builder, column, text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_post (JsonBuilder     *builder,
          RedlineProject  *self,
          RedlinePost     *post,
          GError         **error)
{
  gint64 id = redline_post_get_id (post);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  add_string (builder, "kind", redline_content_kind_to_string (redline_post_get_kind (post)));
  add_string (builder, "purpose", redline_purpose_to_string (redline_post_get_purpose (post)));
  add_string (builder, "status", redline_post_status_to_string (redline_post_get_status (post)));
  add_string (builder, "title", redline_post_get_title (post));
  add_string (builder, "digest", redline_post_get_digest (post));
  add_string (builder, "author", redline_post_get_author (post));
  add_string (builder, "body", redline_post_get_body (post));
  add_string (builder, "call_to_action", redline_post_get_call_to_action (post));
  add_string (builder, "link", redline_post_get_link (post));
  add_string (builder, "scheduled_at", redline_post_get_scheduled_at (post));
  if (redline_post_get_linked_post_id (post) != 0)
    {
      /* Its copy on the other ecosystem. */
      json_builder_set_member_name (builder, "linked_post_id");
      json_builder_add_int_value (builder, redline_post_get_linked_post_id (post));
    }
  add_string (builder, "created_at", redline_post_get_created_at (post));
  add_string (builder, "updated_at", redline_post_get_updated_at (post));
  if (!add_rows (builder, self, "reviews",
                 "SELECT id, decision, reviewer, comment, reviewed_at, "
                 "findings AS findings_json, pack_versions AS pack_versions_json "
                 "FROM reviews WHERE post_id = ?1 ORDER BY id", id, error) ||
      !add_rows (builder, self, "comments",
                 "SELECT id, author, body, created_at FROM comments WHERE post_id = ?1 "
                 "ORDER BY id", id, error) ||
      !add_rows (builder, self, "waivers",
                 "SELECT id, rule_id, text, justification, waived_by, waived_at FROM waivers "
                 "WHERE post_id = ?1 ORDER BY id", id, error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

/* The campaign's QR codes, each with the link it encodes. */
static void
add_qr_codes (JsonBuilder    *builder,
              RedlineProject *self,
              gint64          campaign_id)
{
  GListModel *codes = redline_project_get_qr_codes (self);

  json_builder_set_member_name (builder, "qr_codes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(RedlineQrCode) code = g_list_model_get_item (codes, i);
      g_autofree char *encoded = NULL;

      if (redline_qr_code_get_campaign_id (code) != campaign_id)
        continue;
      encoded = redline_qr_code_dup_encoded_link (code);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, redline_qr_code_get_id (code));
      add_string (builder, "placement", redline_qr_code_get_placement (code));
      add_string (builder, "link", redline_qr_code_get_link (code));
      add_string (builder, "source_key", redline_qr_code_get_source_key (code));
      add_string (builder, "source", redline_qr_code_get_source (code));
      add_string (builder, "encoded_link", encoded);
      add_string (builder, "error_correction", redline_qr_error_correction_to_string (
                                                 redline_qr_code_get_error_correction (code)));
      json_builder_set_member_name (builder, "quiet_zone");
      json_builder_add_int_value (builder, redline_qr_code_get_quiet_zone (code));
      json_builder_set_member_name (builder, "size_mm");
      json_builder_add_int_value (builder, redline_qr_code_get_size_mm (code));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Every account's replies and menu items, with the account they belong to;
 * the menu in its order, each sub-item naming its top-level item. */
static void
add_account_content (JsonBuilder    *builder,
                     RedlineProject *self)
{
  GListModel *replies = redline_project_get_auto_replies (self);
  GListModel *items = redline_project_get_menu_items (self);

  json_builder_set_member_name (builder, "auto_replies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
    {
      g_autoptr(RedlineAutoReply) reply = g_list_model_get_item (replies, i);
      const char * const *keywords = redline_auto_reply_get_keywords (reply);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, redline_auto_reply_get_id (reply));
      add_string (builder, "ecosystem",
                  redline_ecosystem_to_string (redline_auto_reply_get_ecosystem (reply)));
      add_string (builder, "account", redline_auto_reply_get_account (reply));
      add_string (builder, "trigger", redline_enum_to_nick (REDLINE_TYPE_REPLY_TRIGGER,
                                                            redline_auto_reply_get_trigger (reply)));
      if (redline_auto_reply_get_trigger (reply) == REDLINE_REPLY_TRIGGER_KEYWORD)
        {
          add_string (builder, "name", redline_auto_reply_get_name (reply));
          json_builder_set_member_name (builder, "keywords");
          json_builder_begin_array (builder);
          for (guint k = 0; keywords[k] != NULL; k++)
            json_builder_add_string_value (builder, keywords[k]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "exact_match");
          json_builder_add_boolean_value (builder, redline_auto_reply_get_exact_match (reply));
        }
      add_string (builder, "text", redline_auto_reply_get_text (reply));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "menu_items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RedlineMenuItem) item = g_list_model_get_item (items, i);
      gint64 parent_id = redline_menu_item_get_parent_id (item);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, redline_menu_item_get_id (item));
      add_string (builder, "ecosystem",
                  redline_ecosystem_to_string (redline_menu_item_get_ecosystem (item)));
      add_string (builder, "account", redline_menu_item_get_account (item));
      json_builder_set_member_name (builder, "parent_id");
      if (parent_id != 0)
        json_builder_add_int_value (builder, parent_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, redline_menu_item_get_position (item));
      add_string (builder, "name", redline_menu_item_get_name (item));
      add_string (builder, "action", redline_enum_to_nick (REDLINE_TYPE_MENU_ACTION,
                                                           redline_menu_item_get_action (item)));
      add_string (builder, "message", redline_menu_item_get_message (item));
      add_string (builder, "link", redline_menu_item_get_link (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * redline_project_export_json:
 * @self: a #RedlineProject
 * @error: return location for a #GError
 *
 * Writes the whole project (settings, campaigns with their posts and QR
 * codes, the posts' reviews, comments and waivers, and the accounts'
 * automatic replies and menu items) as one JSON document.
 *
 * Returns: (transfer full): the JSON text, or %NULL
 */
char *
redline_project_export_json (RedlineProject  *self,
                             GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *campaigns, *posts;
  GPtrArray *banned;
  RedlineSqlite *sqlite;
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);

  sqlite = _redline_project_get_sqlite (self);
  if (!_redline_sqlite_is_open (sqlite))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CLOSED,
                   _("The project is closed"));
      return NULL;
    }
  campaigns = redline_project_get_campaigns (self);
  posts = redline_project_get_posts (self);
  banned = redline_project_get_banned_terms (self);

  json_builder_begin_object (builder);
  add_string (builder, "format", "redline-project");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, REDLINE_PROJECT_FORMAT);
  add_string (builder, "name", redline_project_get_name (self));

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  add_strv (builder, "allowed_domains", redline_project_get_allowed_domains (self));
  add_strv (builder, "allowed_terms", redline_project_get_allowed_terms (self));
  add_strv (builder, "enabled_packs", redline_project_get_enabled_packs (self));
  add_string (builder, "length_profile",
              redline_length_profile_to_string (redline_project_get_length_profile (self)));
  json_builder_set_member_name (builder, "banned_terms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < banned->len; i++)
    {
      RedlineBannedTerm *term = g_ptr_array_index (banned, i);

      json_builder_begin_object (builder);
      add_string (builder, "term", term->term);
      add_string (builder, "category", term->category);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* Reading many rows: one read transaction makes it faster and consistent. */
  if (!_redline_sqlite_begin (sqlite, &tx, REDLINE_TRANSACTION_READ, error))
    return NULL;
  json_builder_set_member_name (builder, "campaigns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < g_list_model_get_n_items (campaigns); c++)
    {
      g_autoptr(RedlineCampaign) campaign = g_list_model_get_item (campaigns, c);
      gint64 id = redline_campaign_get_id (campaign);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_string (builder, "name", redline_campaign_get_name (campaign));
      add_string (builder, "ecosystem",
                  redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign)));
      add_string (builder, "account_type", redline_campaign_get_account_type (campaign));
      add_string (builder, "account", redline_campaign_get_account (campaign));
      add_string (builder, "objective", redline_campaign_get_objective (campaign));
      add_string (builder, "start_date", redline_campaign_get_start_date (campaign));
      add_string (builder, "end_date", redline_campaign_get_end_date (campaign));
      json_builder_set_member_name (builder, "budget");
      json_builder_add_int_value (builder, redline_campaign_get_budget (campaign));
      add_string (builder, "currency", redline_campaign_get_currency (campaign));
      add_strv (builder, "target_regions", redline_campaign_get_target_regions (campaign));
      add_string (builder, "notes", redline_campaign_get_notes (campaign));

      json_builder_set_member_name (builder, "posts");
      json_builder_begin_array (builder);
      for (guint p = 0; p < g_list_model_get_n_items (posts); p++)
        {
          g_autoptr(RedlinePost) post = g_list_model_get_item (posts, p);

          if (redline_post_get_campaign_id (post) != id)
            continue;
          if (!add_post (builder, self, post, error))
            return NULL;
        }
      json_builder_end_array (builder);
      add_qr_codes (builder, self, id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_account_content (builder, self);
  json_builder_end_object (builder);
  if (!_redline_transaction_commit (&tx, error))
    return NULL;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * redline_project_export_csv:
 * @self: a #RedlineProject
 *
 * Writes every post as a row of CSV (UTF-8 with a byte order mark, so that
 * spreadsheets read Chinese correctly; CRLF line ends), with a header row.
 * redline_project_import_csv() reads it back.
 *
 * Returns: (transfer full): the CSV text
 */
char *
redline_project_export_csv (RedlineProject *self)
{
  static const char * const header[] = {
    "id", "campaign", "ecosystem", "kind", "purpose", "status", "title", "digest", "author",
    "body", "call_to_action", "link", "scheduled_at", "created_at", "updated_at",
  };
  GString *csv = g_string_new (REDLINE_CSV_BOM);
  GListModel *posts;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    _redline_csv_append_cell (csv, header[i], i + 1 == G_N_ELEMENTS (header)
                                              ? REDLINE_CSV_CELL_LAST : REDLINE_CSV_CELL_NONE);

  posts = redline_project_get_posts (self);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, i);
      RedlineCampaign *campaign =
        redline_project_find_campaign (self, redline_post_get_campaign_id (post));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, redline_post_get_id (post));
      const char *cells[] = {
        id,
        campaign != NULL ? redline_campaign_get_name (campaign) : NULL,
        campaign != NULL ? redline_ecosystem_to_string (redline_campaign_get_ecosystem (campaign))
                         : NULL,
        redline_content_kind_to_string (redline_post_get_kind (post)),
        redline_purpose_to_string (redline_post_get_purpose (post)),
        redline_post_status_to_string (redline_post_get_status (post)),
        redline_post_get_title (post),
        redline_post_get_digest (post),
        redline_post_get_author (post),
        redline_post_get_body (post),
        redline_post_get_call_to_action (post),
        redline_post_get_link (post),
        redline_post_get_scheduled_at (post),
        redline_post_get_created_at (post),
        redline_post_get_updated_at (post),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (header));
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        _redline_csv_append_cell (csv, cells[c], c + 1 == G_N_ELEMENTS (cells)
                                                 ? REDLINE_CSV_CELL_LAST : REDLINE_CSV_CELL_NONE);
    }
  return g_string_free (csv, FALSE);
}
