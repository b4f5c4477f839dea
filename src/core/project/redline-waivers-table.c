/* redline-waivers-table.c: reviewers' waivers of findings, and their lapse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A waiver names one finding: its rule, its text, the field and ecosystem it
 * was found in, and a few characters either side of it (its anchor). It
 * covers a finding of the same rule with the same text and the same
 * characters around it, wherever edits elsewhere have moved it. When the
 * post is stored and its field no longer holds the anchor, the waived text
 * has changed: the waiver lapses (lapsed_at), and the audit log says so.
 * Waivers from before format 5, and those made with
 * redline_project_add_waiver(), have no anchor: they cover the rule's
 * findings with that text anywhere in the post.
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-finding.h"
#include "redline-project-private.h"

/* How many characters either side of a finding anchor its waiver. */
#define ANCHOR_CHARS 8

typedef struct
{
  gint64  id;
  char   *rule_id;
  char   *text;
  char   *ecosystem;
  char   *field;
  char   *before;
  char   *after;
  char   *by;
  char   *at;
  char   *justification;
} Waiver;

static void
waiver_free (Waiver *waiver)
{
  g_free (waiver->rule_id);
  g_free (waiver->text);
  g_free (waiver->ecosystem);
  g_free (waiver->field);
  g_free (waiver->before);
  g_free (waiver->after);
  g_free (waiver->by);
  g_free (waiver->at);
  g_free (waiver->justification);
  g_free (waiver);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Waiver, waiver_free)

/* The waivers of @post in force. A row whose text is not sound (a file
 * changed by another program) is left out: it waives nothing. */
static GPtrArray *
load_waivers (RedlineProject *self,
              RedlinePost    *post)
{
  static const char sql[] =
    "SELECT id, rule_id, text, ecosystem, field, before_text, after_text, waived_by, "
    "waived_at, justification FROM waivers WHERE post_id = ?1 AND lapsed_at IS NULL "
    "ORDER BY id";
  GPtrArray *waivers = g_ptr_array_new_with_free_func ((GDestroyNotify) waiver_free);
  g_autoptr(RedlineStmt) stmt = NULL;

  if (!_redline_sqlite_is_open (self->sqlite) ||
      (stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL)) == NULL)
    return waivers;
  _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
  while (_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    {
      g_autoptr(Waiver) waiver = g_new0 (Waiver, 1);
      char **columns[] = { &waiver->rule_id, &waiver->text, &waiver->ecosystem, &waiver->field,
                           &waiver->before, &waiver->after, &waiver->by, &waiver->at,
                           &waiver->justification };
      gboolean sound = TRUE;

      waiver->id = _redline_stmt_column_int64 (stmt, 0);
      for (guint c = 0; c < G_N_ELEMENTS (columns) && sound; c++)
        {
          const char *value = NULL;

          sound = _redline_sqlite_column_text (self->sqlite, stmt, c + 1, "waivers", waiver->id,
                                               &value, NULL);
          *columns[c] = g_strdup (value);
        }
      if (sound && waiver->rule_id != NULL)
        g_ptr_array_add (waivers, g_steal_pointer (&waiver));
    }
  return waivers;
}

/* The waivers of @post in force, kept until they change: a check of a post
 * being typed in asks on every keystroke. */
static GPtrArray *
get_waivers (RedlineProject *self,
             RedlinePost    *post)
{
  gint64 id = redline_post_get_id (post);
  GPtrArray *waivers;

  if (self->waivers == NULL)
    self->waivers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  waivers = g_hash_table_lookup (self->waivers, &id);
  if (waivers == NULL)
    {
      waivers = load_waivers (self, post);
      g_hash_table_insert (self->waivers, _redline_project_dup_id (id), waivers);
    }
  return waivers;
}

/* Drops what is known of the waivers of post @id: they changed, or the
 * post is gone (and its id may be given to the next one). */
void
_redline_waivers_table_forget (RedlineProject *self,
                               gint64          id)
{
  if (self->waivers != NULL)
    g_hash_table_remove (self->waivers, &id);
}

static void
forget_waivers (RedlineProject *self,
                RedlinePost    *post)
{
  _redline_waivers_table_forget (self, redline_post_get_id (post));
}

static const char *
post_field (RedlinePost  *post,
            RedlineField  field)
{
  RedlineDocument document = { { NULL } };

  redline_project_post_document (post, &document);
  return field < REDLINE_N_FIELDS ? document.fields[field] : NULL;
}

/* The characters of @text before code point @start and after @end, at most
 * ANCHOR_CHARS of each; FALSE if the offsets are not in @text. */
static gboolean
get_anchor (const char  *text,
            gsize        start,
            gsize        end,
            char       **before,
            char       **after)
{
  glong length = text != NULL ? g_utf8_strlen (text, -1) : 0;
  gsize from = start > ANCHOR_CHARS ? start - ANCHOR_CHARS : 0;
  gsize to = MIN ((gsize) length, end + ANCHOR_CHARS);

  if (text == NULL || end < start || end > (gsize) length)
    return FALSE;
  *before = g_utf8_substring (text, from, start);
  *after = g_utf8_substring (text, end, to);
  return TRUE;
}

static gboolean
waiver_covers (const Waiver   *waiver,
               RedlineFinding *finding,
               RedlinePost    *post)
{
  RedlineField field = redline_finding_get_field (finding);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (g_strcmp0 (waiver->rule_id, redline_finding_get_rule_id (finding)) != 0 ||
      (waiver->text != NULL && g_strcmp0 (waiver->text, redline_finding_get_text (finding)) != 0) ||
      (waiver->ecosystem != NULL &&
       g_strcmp0 (waiver->ecosystem,
                  redline_ecosystem_to_string (redline_finding_get_ecosystem (finding))) != 0) ||
      (waiver->field != NULL && g_strcmp0 (waiver->field, redline_field_to_string (field)) != 0))
    return FALSE;
  if (waiver->before == NULL && waiver->after == NULL)
    return TRUE;
  if (!get_anchor (post_field (post, field), redline_finding_get_start (finding),
                   redline_finding_get_end (finding), &before, &after))
    return FALSE;
  return g_str_has_suffix (before, waiver->before != NULL ? waiver->before : "") &&
         g_str_has_prefix (after, waiver->after != NULL ? waiver->after : "");
}

/**
 * redline_project_apply_waivers:
 * @self: a #RedlineProject
 * @post: one of its posts, or an editor's copy of one
 * @finding: a finding of @post's text as it is now
 *
 * Marks @finding waived if a waiver of @post in force covers it, for a
 * check that hands findings on one at a time
 * (redline_rule_set_check_stream()); redline_project_check_post() does it
 * for each of its findings.
 *
 * Returns: whether @finding is waived
 */
gboolean
redline_project_apply_waivers (RedlineProject *self,
                               RedlinePost    *post,
                               RedlineFinding *finding)
{
  GPtrArray *waivers;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);
  g_return_val_if_fail (REDLINE_IS_FINDING (finding), FALSE);

  if (redline_post_get_id (post) == 0 || !_redline_sqlite_is_open (self->sqlite))
    return FALSE;
  waivers = get_waivers (self, post);
  for (guint w = 0; w < waivers->len; w++)
    {
      const Waiver *waiver = g_ptr_array_index (waivers, w);

      if (waiver_covers (waiver, finding, post))
        {
          redline_finding_set_waived (finding, waiver->by, waiver->at, waiver->justification);
          return TRUE;
        }
    }
  return FALSE;
}

/* Marks the findings of @post that a waiver in force covers. */
void
_redline_waivers_table_apply (RedlineProject *self,
                              RedlinePost    *post,
                              GListModel     *findings)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      redline_project_apply_waivers (self, post, finding);
    }
}

/* Whether @post still holds what @waiver waived: its anchor in its field,
 * or its text anywhere for a waiver without one. */
static gboolean
still_holds (const Waiver *waiver,
             RedlinePost  *post)
{
  g_autofree char *anchor = NULL;
  RedlineField field;

  if (waiver->text == NULL)
    return TRUE;
  anchor = g_strconcat (waiver->before != NULL ? waiver->before : "", waiver->text,
                        waiver->after != NULL ? waiver->after : "", NULL);
  if (waiver->field != NULL && redline_field_from_string (waiver->field, &field))
    return post_field (post, field) != NULL && strstr (post_field (post, field), anchor) != NULL;
  for (field = 0; field < REDLINE_N_FIELDS; field++)
    {
      if (post_field (post, field) != NULL && strstr (post_field (post, field), anchor) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* In the transaction that stores @post: the waivers whose text it no
 * longer holds lapse, each with an audit entry. */
gboolean
_redline_waivers_table_lapse (RedlineProject  *self,
                              RedlinePost     *post,
                              GError         **error)
{
  g_autoptr(GPtrArray) waivers = load_waivers (self, post);
  g_autofree char *now = _redline_project_now ();

  /* Read again after the transaction, whether it commits or not. */
  forget_waivers (self, post);
  for (guint w = 0; w < waivers->len; w++)
    {
      const Waiver *waiver = g_ptr_array_index (waivers, w);
      g_autoptr(RedlineStmt) stmt = NULL;
      g_autofree char *detail = NULL;

      if (still_holds (waiver, post))
        continue;
      stmt = _redline_sqlite_prepare (self->sqlite,
                                      "UPDATE waivers SET lapsed_at = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      _redline_stmt_bind_int64 (stmt, 1, waiver->id);
      _redline_stmt_bind_text (stmt, 2, now);
      if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
        return FALSE;
      detail = g_strdup_printf ("waiver %" G_GINT64_FORMAT ": %s “%s”", waiver->id,
                                waiver->rule_id, waiver->text);
      if (!_redline_audit_table_append (self, "lapse-waiver", "post", redline_post_get_id (post),
                                        detail, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_waiver (RedlineProject      *self,
               RedlinePost         *post,
               const char * const   values[9],
               GError             **error)
{
  static const char sql[] =
    "INSERT INTO waivers (post_id, rule_id, text, justification, waived_by, waived_at, "
    "ecosystem, field, before_text, after_text) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
  g_auto(RedlineTransaction) tx = REDLINE_TRANSACTION_INIT;
  g_autofree char *detail = NULL;
  gint64 id;

  if (!_redline_project_check_open (self, error) ||
      !_redline_project_check_member (self, self->posts_by_id, post, redline_post_get_id (post),
                                      error) ||
      !_redline_project_begin (self, &tx, error))
    return 0;
  {
    g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, error);

    if (stmt == NULL)
      return 0;
    _redline_stmt_bind_int64 (stmt, 1, redline_post_get_id (post));
    for (guint i = 0; i < 9; i++)
      _redline_stmt_bind_text (stmt, i + 2, values[i]);
    if (!_redline_sqlite_step_done (self->sqlite, stmt, error))
      return 0;
  }
  id = _redline_sqlite_last_insert_id (self->sqlite);
  forget_waivers (self, post);
  detail = g_strdup_printf ("waiver %" G_GINT64_FORMAT ": %s “%s”: %s", id, values[0],
                            values[1] != NULL ? values[1] : "", values[2]);
  if (!_redline_audit_table_append (self, "waive", "post", redline_post_get_id (post), detail,
                                    error) ||
      !_redline_transaction_commit (&tx, error))
    return 0;
  /* Its counts change: the lists showing it learn so. */
  _redline_project_store_changed (self->posts, post);
  return id;
}

static gboolean
check_justification (RedlineProject  *self,
                     const char      *justification,
                     GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (justification));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_REFUSED,
               _("%s: a waiver needs a written justification: say why the finding does not "
                 "apply"), self->display_name);
  return FALSE;
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
 * Records a waiver as given, as an import does: it covers the rule's
 * findings with @text (any text if %NULL) anywhere in the post. A reviewer
 * waives one finding with redline_project_waive_finding().
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
  const char * const values[9] = { rule_id, text, justification, waived_by, now };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (rule_id != NULL && justification != NULL && waived_by != NULL, 0);

  if (!check_justification (self, justification, error))
    return 0;
  return insert_waiver (self, post, values, error);
}

/**
 * redline_project_waive_finding:
 * @self: a #RedlineProject
 * @post: one of its posts, as stored
 * @finding: a finding of @post, from redline_project_check_post()
 * @justification: why the finding does not apply, such as “第一 refers to a
 *   named award; certificate on file”
 * @error: return location for a #GError
 *
 * Waives @finding in the name of the project's actor
 * (redline_project_set_actor()), in one transaction with its audit entry,
 * and marks @finding waived. The waiver covers this finding only: the same
 * rule, text, field and ecosystem, with the same few characters around it.
 * It lapses by itself when the post is stored without them.
 *
 * Returns: the waiver's id, or 0 on failure (%REDLINE_STORE_ERROR_REFUSED
 *   for an empty justification)
 */
gint64
redline_project_waive_finding (RedlineProject  *self,
                               RedlinePost     *post,
                               RedlineFinding  *finding,
                               const char      *justification,
                               GError         **error)
{
  g_autofree char *now = _redline_project_now ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RedlineField field;
  gint64 id;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);
  g_return_val_if_fail (REDLINE_IS_FINDING (finding), 0);
  g_return_val_if_fail (justification != NULL, 0);

  if (!check_justification (self, justification, error))
    return 0;
  field = redline_finding_get_field (finding);
  if (redline_finding_get_scope (finding) == REDLINE_SCOPE_SPAN &&
      !get_anchor (post_field (post, field), redline_finding_get_start (finding),
                   redline_finding_get_end (finding), &before, &after))
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID,
                   _("%s: the finding “%s” is not in the post as stored; check the post "
                     "again and waive the new finding"),
                   self->display_name, redline_finding_get_text (finding));
      return 0;
    }

  {
    const char * const values[9] = {
      redline_finding_get_rule_id (finding), redline_finding_get_text (finding), justification,
      _redline_project_get_actor (self), now,
      redline_ecosystem_to_string (redline_finding_get_ecosystem (finding)),
      redline_field_to_string (field), before, after,
    };

    id = insert_waiver (self, post, values, error);
  }
  if (id != 0)
    redline_finding_set_waived (finding, _redline_project_get_actor (self), now, justification);
  return id;
}

/**
 * redline_project_count_waivers:
 * @self: a #RedlineProject
 * @post: one of its posts
 * @lapsed: count the lapsed waivers instead of those in force
 *
 * Returns: how many waivers @post has, in force or lapsed
 */
guint
redline_project_count_waivers (RedlineProject *self,
                               RedlinePost    *post,
                               gboolean        lapsed)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  g_return_val_if_fail (REDLINE_IS_POST (post), 0);

  return _redline_project_count (self,
                                 lapsed ? "SELECT count(*) FROM waivers WHERE post_id = ?1 "
                                          "AND lapsed_at IS NOT NULL"
                                        : "SELECT count(*) FROM waivers WHERE post_id = ?1 "
                                          "AND lapsed_at IS NULL",
                                 redline_post_get_id (post));
}
