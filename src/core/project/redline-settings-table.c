/* redline-settings-table.c: a project's name, length profile, allowlists, packs and banned terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "redline-project-private.h"

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
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      const char *value;

      if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, table,
                                        _redline_stmt_column_int64 (stmt, 1), &value, error))
        return FALSE;
      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
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
    _redline_sqlite_prepare (self->sqlite,
                             "SELECT term, category, rowid FROM banned_terms "
                             "ORDER BY category, term", error);
  g_autoptr(GPtrArray) terms =
    g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      gint64 row = _redline_stmt_column_int64 (stmt, 2);
      const char *term, *category;

      if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, "banned_terms", row, &term, error) ||
          !_redline_sqlite_column_text (self->sqlite, stmt, 1, "banned_terms", row, &category,
                                        error))
        return FALSE;
      g_ptr_array_add (terms, redline_banned_term_new (term != NULL ? term : "",
                                                       category != NULL ? category : ""));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_set_size (self->banned_terms, 0);
  g_ptr_array_extend_and_steal (self->banned_terms, g_steal_pointer (&terms));
  return TRUE;
}

/* The list in one string, to tell whether a store changed it. */
static char *
dup_banned_terms_key (GPtrArray *terms)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      RedlineBannedTerm *term = g_ptr_array_index (terms, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", term->category, term->term);
    }
  return g_string_free (key, FALSE);
}

const char *
redline_project_get_name (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return self->name;
}

/* Stores one key of the settings table as one user action, logged as @action. */
static gboolean
write_setting (RedlineProject  *self,
               const char      *key,
               const char      *value,
               const char      *action,
               GError         **error)
{
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autoptr(RedlineStmt) stmt = NULL;

  if (!_redline_project_begin (self, &tx, error))
    return FALSE;
  stmt = _redline_sqlite_prepare (self->sqlite,
                                  "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                                  error);
  if (stmt == NULL)
    goto fail;
  _redline_stmt_bind_text (stmt, 1, key);
  _redline_stmt_bind_text (stmt, 2, value);
  if (!_redline_sqlite_step_done (self->sqlite, stmt, error) ||
      !_redline_audit_table_append (self, action, NULL, 0, value, error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;
  return TRUE;

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

/* The value is read AS the key, which names it in an error message. */
#define READ_NAME \
  "SELECT value AS name, rowid FROM settings WHERE key = 'name'"
#define READ_LENGTH_PROFILE \
  "SELECT value AS length_profile, rowid FROM settings WHERE key = 'length_profile'"

/* Reads one key of the settings table, with @sql (value, rowid), into
 * @value, left alone when the key is not there. */
static gboolean
read_setting (RedlineProject  *self,
              const char      *sql,
              char           **value,
              GError         **error)
{
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (stmt == NULL)
    return FALSE;
  if (!_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!_redline_sqlite_column_text (self->sqlite, stmt, 0, "settings",
                                    _redline_stmt_column_int64 (stmt, 1), &text, error))
    return FALSE;
  _redline_set_str (value, text);
  return TRUE;
}

gboolean
redline_project_set_name (RedlineProject  *self,
                          const char      *name,
                          GError         **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_strcmp0 (self->name, name) == 0)
    return TRUE;
  if (!write_setting (self, "name", name, "rename", error))
    return FALSE;
  _redline_set_str (&self->name, name);
  _redline_project_notify_name (self);
  return TRUE;
}

/**
 * redline_project_get_length_profile:
 * @self: a #RedlineProject
 *
 * Returns: whose field length limits the project's posts are checked
 *   against: the web editor's (the default) or the publishing API's
 */
RedlineLengthProfile
redline_project_get_length_profile (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), REDLINE_LENGTH_PROFILE_EDITOR);
  return self->length_profile;
}

/**
 * redline_project_set_length_profile:
 * @self: a #RedlineProject
 * @profile: the limits to check against
 * @error: return location for a #GError
 *
 * Returns: whether the setting was stored
 */
gboolean
redline_project_set_length_profile (RedlineProject        *self,
                                    RedlineLengthProfile   profile,
                                    GError               **error)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (profile < REDLINE_N_LENGTH_PROFILES, FALSE);

  if (profile == self->length_profile && self->bad_length_profile == NULL)
    return TRUE;
  if (!write_setting (self, "length_profile", redline_length_profile_to_string (profile),
                      "set-length-profile", error))
    return FALSE;
  g_clear_pointer (&self->bad_length_profile, g_free);
  if (profile != self->length_profile)
    {
      self->length_profile = profile;
      _redline_project_notify_setting (self, REDLINE_PROJECT_SETTING_LENGTH_PROFILE);
    }
  return TRUE;
}

/* The profile, or an error naming the stored value no profile has. */
gboolean
_redline_project_check_length_profile (RedlineProject  *self,
                                       GError         **error)
{
  if (self->bad_length_profile == NULL)
    return TRUE;
  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
               /* TRANSLATORS: the file, the setting's name, the value stored */
               _("%s: project setting “%s”: “%s” is neither “editor” nor “api”; "
                 "choose the length limits in Preferences"),
               self->display_name, _("length profile"), self->bad_length_profile);
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
  if (!_redline_audit_table_append (self, action, NULL, 0, detail,
                                    error) || !_redline_transaction_commit (&tx, error))
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

/* Re-reads a list just stored and notifies its property if it changed. */
static gboolean
reread_list (RedlineProject         *self,
             const char             *sql,
             const char             *table,
             char                 ***list,
             RedlineProjectSetting   setting,
             GError                **error)
{
  g_auto(GStrv) before = g_strdupv (*list);

  if (!read_list (self, sql, table, list, error))
    return FALSE;
  if (!g_strv_equal ((const char * const *) before, (const char * const *) *list))
    _redline_project_notify_setting (self, setting);
  return TRUE;
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

      if (!_redline_is_domain (domain))
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
  return reread_list (self, READ_ALLOWED_DOMAINS, "allowed_domains", &self->allowed_domains,
                      REDLINE_PROJECT_SETTING_ALLOWED_DOMAINS, error);
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
      if (!_redline_validate_term (terms[i], FALSE, error))
        return FALSE;
    }
  if (!replace_list (self, "DELETE FROM allowed_terms",
                     "INSERT OR IGNORE INTO allowed_terms (term) VALUES (?1)",
                     terms, "set-allowed-terms", error))
    return FALSE;
  return reread_list (self, READ_ALLOWED_TERMS, "allowed_terms", &self->allowed_terms,
                      REDLINE_PROJECT_SETTING_ALLOWED_TERMS, error);
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
      if (!_redline_is_identifier (pack_ids[i]))
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
  return reread_list (self, READ_ENABLED_PACKS, "enabled_packs", &self->enabled_packs,
                      REDLINE_PROJECT_SETTING_ENABLED_PACKS, error);
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

      if (!_redline_validate_banned_term (term, error))
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
        _redline_sqlite_prepare (self->sqlite,
                                 "INSERT OR REPLACE INTO banned_terms (term, category) "
                                 "VALUES (?1, ?2)", error);

      if (stmt == NULL)
        goto fail;
      _redline_stmt_bind_text (stmt, 1, term->term);
      _redline_stmt_bind_text (stmt, 2, term->category);
      if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
        goto fail;
      g_string_append_printf (detail, "%s%s: %s", i > 0 ? "\n" : "", term->category,
                              term->term);
    }
  if (!_redline_audit_table_append (self, "set-banned-terms", NULL, 0, detail->str, error) ||
      !_redline_transaction_commit (&tx, error))
    goto fail;
  {
    g_autofree char *before = dup_banned_terms_key (self->banned_terms);
    g_autofree char *after = NULL;

    if (!read_banned_terms (self, error))
      return FALSE;
    after = dup_banned_terms_key (self->banned_terms);
    if (!g_str_equal (before, after))
      _redline_project_notify_setting (self, REDLINE_PROJECT_SETTING_BANNED_TERMS);
    return TRUE;
  }

fail:
  _redline_transaction_rollback (&tx);
  return FALSE;
}

gboolean
_redline_settings_table_load (RedlineProject  *self,
                              GError         **error)
{
  g_autofree char *profile = NULL;
  RedlineLengthProfile value = REDLINE_LENGTH_PROFILE_EDITOR;

  if (!read_setting (self, READ_NAME, &self->name, error) ||
      !read_setting (self, READ_LENGTH_PROFILE, &profile, error))
    return FALSE;
  /* A value no profile has (from another program, or a later version) is
   * kept in the file and refused when a rule set is built. */
  g_clear_pointer (&self->bad_length_profile, g_free);
  if (profile != NULL && !redline_length_profile_from_string (profile, &value))
    self->bad_length_profile = g_steal_pointer (&profile);
  self->length_profile = value;

  return read_list (self, READ_ALLOWED_DOMAINS, "allowed_domains", &self->allowed_domains,
                    error) &&
         read_list (self, READ_ALLOWED_TERMS, "allowed_terms", &self->allowed_terms, error) &&
         read_list (self, READ_ENABLED_PACKS, "enabled_packs", &self->enabled_packs, error) &&
         read_banned_terms (self, error);
}
