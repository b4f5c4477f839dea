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

#include "redline-project-private.h"

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

G_DEFINE_FINAL_TYPE (RedlineProject, redline_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (redline-store-error-quark, redline_store_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_NAME,
  PROP_ALLOWED_DOMAINS,
  PROP_ALLOWED_TERMS,
  PROP_ENABLED_PACKS,
  PROP_BANNED_TERMS,
  PROP_LENGTH_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char sqlite_magic[16] = "SQLite format 3";

void
_redline_project_notify_name (RedlineProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_redline_project_notify_setting (RedlineProject        *self,
                                 RedlineProjectSetting  setting)
{
  static const guint props[] = {
    [REDLINE_PROJECT_SETTING_ALLOWED_DOMAINS] = PROP_ALLOWED_DOMAINS,
    [REDLINE_PROJECT_SETTING_ALLOWED_TERMS] = PROP_ALLOWED_TERMS,
    [REDLINE_PROJECT_SETTING_ENABLED_PACKS] = PROP_ENABLED_PACKS,
    [REDLINE_PROJECT_SETTING_BANNED_TERMS] = PROP_BANNED_TERMS,
    [REDLINE_PROJECT_SETTING_LENGTH_PROFILE] = PROP_LENGTH_PROFILE,
  };

  g_assert (setting < G_N_ELEMENTS (props));
  g_object_notify_by_pspec (G_OBJECT (self), properties[props[setting]]);
}

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

char *
_redline_project_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Who the audit log says did what: the name set for this session, else the
 * user's real name, else their login. */
const char *
_redline_project_get_actor (RedlineProject *self)
{
  const char *real_name;

  if (self->actor != NULL)
    return self->actor;
  real_name = g_get_real_name ();
  return real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0
         ? real_name : g_get_user_name ();
}

/**
 * redline_project_get_actor:
 * @self: a #RedlineProject
 *
 * Returns: who the audit log names for what is done to @self: the name set
 *   with redline_project_set_actor(), else the user's real name
 */
const char *
redline_project_get_actor (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  return _redline_project_get_actor (self);
}

/**
 * redline_project_set_actor:
 * @self: a #RedlineProject
 * @actor: (nullable): a person's name, such as the reviewer's from the
 *   preferences, or %NULL for the user's real name
 *
 * Sets who the audit log names for what is done from now on.
 */
void
redline_project_set_actor (RedlineProject *self,
                           const char     *actor)
{
  g_return_if_fail (REDLINE_IS_PROJECT (self));

  g_free (self->actor);
  self->actor = actor != NULL && actor[0] != '\0' ? g_strdup (actor) : NULL;
}

gboolean
_redline_project_check_open (RedlineProject  *self,
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

gboolean
_redline_project_check_writable (RedlineProject  *self,
                                 GError         **error)
{
  if (!_redline_project_check_open (self, error))
    return FALSE;
  if (self->read_only)
    {
      g_set_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY,
                   _("%s: the project is open read-only"), self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Opens the write transaction of one user action; it rolls back unless
 * committed. */
gboolean
_redline_project_begin (RedlineProject      *self,
                        RedlineTransaction  *tx,
                        GError             **error)
{
  if (!_redline_project_check_writable (self, error))
    return FALSE;
  return _redline_sqlite_begin (self->sqlite, tx, REDLINE_TRANSACTION_WRITE, error);
}

gint64 *
_redline_project_dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

guint
_redline_project_find_position (GListStore *store,
                                gpointer    item)
{
  guint position = 0;

  if (!g_list_store_find (store, item, &position))
    g_assert_not_reached ();
  return position;
}

void
_redline_project_store_changed (GListStore *store,
                                gpointer    item)
{
  /* The object was changed in place; tell the views to rebind its row. */
  g_list_model_items_changed (G_LIST_MODEL (store), _redline_project_find_position (store, item),
                              1, 1);
}

gboolean
_redline_project_check_member (RedlineProject  *self,
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

guint
_redline_project_count (RedlineProject *self,
                        const char     *sql,
                        gint64          id)
{
  g_autoptr(RedlineStmt) stmt = NULL;

  if (!_redline_sqlite_is_open (self->sqlite) ||
      (stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL)) == NULL)
    return 0;
  _redline_stmt_bind_int64 (stmt, 1, id);
  if (!_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    return 0;
  return (guint) _redline_stmt_column_int64 (stmt, 0);
}

static gboolean
load (RedlineProject  *self,
      GError         **error)
{
  return _redline_settings_table_load (self, error) &&
         _redline_campaigns_table_load (self, error) &&
         _redline_posts_table_load (self, error) &&
         _redline_qr_codes_table_load (self, error) &&
         _redline_auto_replies_table_load (self, error) &&
         _redline_menu_items_table_load (self, error);
}

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
  g_clear_pointer (&self->bad_length_profile, g_free);
  g_clear_pointer (&self->allowed_domains, g_strfreev);
  g_clear_pointer (&self->allowed_terms, g_strfreev);
  g_clear_pointer (&self->enabled_packs, g_strfreev);
  g_clear_pointer (&self->banned_terms, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns_by_id, g_hash_table_unref);
  g_clear_pointer (&self->posts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->qr_codes_by_id, g_hash_table_unref);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->posts);
  g_clear_object (&self->qr_codes);
  g_clear_pointer (&self->auto_replies_by_id, g_hash_table_unref);
  g_clear_object (&self->auto_replies);
  g_clear_pointer (&self->menu_items_by_id, g_hash_table_unref);
  g_clear_object (&self->menu_items);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->packs_in_force, g_free);
  g_clear_pointer (&self->waivers, g_hash_table_unref);

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
    case PROP_ALLOWED_DOMAINS:
      g_value_set_boxed (value, self->allowed_domains);
      break;
    case PROP_ALLOWED_TERMS:
      g_value_set_boxed (value, self->allowed_terms);
      break;
    case PROP_ENABLED_PACKS:
      g_value_set_boxed (value, self->enabled_packs);
      break;
    case PROP_BANNED_TERMS:
      g_value_set_boxed (value, self->banned_terms);
      break;
    case PROP_LENGTH_PROFILE:
      g_value_set_enum (value, self->length_profile);
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
  /* The settings the checker is built from: notified once per change, so a
   * RedlineContext rebuilds its rule set. */
  properties[PROP_ALLOWED_DOMAINS] =
    g_param_spec_boxed ("allowed-domains", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOWED_TERMS] =
    g_param_spec_boxed ("allowed-terms", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED_PACKS] =
    g_param_spec_boxed ("enabled-packs", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A GPtrArray of RedlineBannedTerm. */
  properties[PROP_BANNED_TERMS] =
    g_param_spec_boxed ("banned-terms", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Which field limits apply: the web editor's or the publishing API's. */
  properties[PROP_LENGTH_PROFILE] =
    g_param_spec_enum ("length-profile", NULL, NULL, REDLINE_TYPE_LENGTH_PROFILE,
                       REDLINE_LENGTH_PROFILE_EDITOR,
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
  self->qr_codes = g_list_store_new (REDLINE_TYPE_QR_CODE);
  self->qr_codes_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);
  self->auto_replies = g_list_store_new (REDLINE_TYPE_AUTO_REPLY);
  self->auto_replies_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                    g_object_unref);
  self->menu_items = g_list_store_new (REDLINE_TYPE_MENU_ITEM);
  self->menu_items_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  g_object_unref);
}

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
  if (version > REDLINE_PROJECT_FORMAT && self->allow_newer && version <= G_MAXUINT)
    {
      /* Read as far as this version knows the file, and never write. */
      self->read_only = TRUE;
      return TRUE;
    }
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
    "UNION ALL SELECT 3, id, purpose FROM posts WHERE purpose NOT IN "
    "('advertising', 'editorial', 'notice') OR (purpose <> 'advertising' AND kind IN "
    "('moments-ad', 'mini-program')) "
    "LIMIT 1";
  static const RedlineBadValue kinds[] =
    { REDLINE_BAD_ECOSYSTEM, REDLINE_BAD_KIND, REDLINE_BAD_STATUS, REDLINE_BAD_PURPOSE };
  g_autoptr(RedlineStmt) stmt = _redline_sqlite_prepare (self->sqlite, sql, NULL);
  const char *value;
  gint64 id;
  int which;

  if (stmt == NULL || !_redline_sqlite_step_row (self->sqlite, stmt, NULL))
    return FALSE;
  which = (int) _redline_stmt_column_int64 (stmt, 0);
  id = _redline_stmt_column_int64 (stmt, 1);
  if (which < 0 || which >= (int) G_N_ELEMENTS (kinds))
    return FALSE;
  if (_redline_sqlite_column_text (self->sqlite, stmt, 2, which == 0 ? "campaigns" : "posts", id,
                                   &value, error))
    _redline_project_set_bad_value_error (self, error, kinds[which], id, value);
  return TRUE;
}

static gboolean
check_integrity (RedlineProject  *self,
                 GError         **error)
{
  g_autoptr(RedlineStmt) stmt =
    _redline_sqlite_prepare (self->sqlite, "PRAGMA quick_check", error);
  g_autoptr(GError) local_error = NULL;
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (!_redline_sqlite_step_row (self->sqlite, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _redline_sqlite_set_error (self->sqlite, error, SQLITE_CORRUPT);
      return FALSE;
    }
  result = _redline_stmt_column_raw_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      /* The names in it come from the file. */
      g_autofree char *detail = g_utf8_make_valid (result, -1);

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
      !_redline_audit_table_append (self, "migrate", NULL, 0, detail, error))
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
  self->allow_newer = (flags & REDLINE_PROJECT_FLAGS_ALLOW_NEWER) != 0;

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
      !check_integrity (self, error))
    return NULL;
  self->format = (guint) MAX (version, REDLINE_PROJECT_FORMAT);
  /* A newer file's schema is more than ours: check what we read is there. */
  if (version > REDLINE_PROJECT_FORMAT
      ? !_redline_migrations_check_columns (self->sqlite, REDLINE_PROJECT_FORMAT, error)
      : !_redline_migrations_check_schema (self->sqlite, version, error))
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
  self->format = REDLINE_PROJECT_FORMAT;
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
      !_redline_audit_table_append (self, "create", NULL, 0, name, error))
    {
      close_db (self);
      g_unlink (path);
      return NULL;
    }
  {
    g_autoptr(RedlineStmt) stmt =
      _redline_sqlite_prepare (self->sqlite,
                               "INSERT INTO settings (key, value) VALUES ('name', ?1)", error);

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

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!_redline_project_check_open (self, error))
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

  if (!_redline_sqlite_backup (self->sqlite, tmp_path, destination, error))
    {
      g_unlink (tmp_path);
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

/**
 * redline_project_get_format:
 * @self: a #RedlineProject
 *
 * Returns: the format of the project's file (`PRAGMA user_version`):
 *   %REDLINE_PROJECT_FORMAT (an older file is upgraded as it opens, in memory
 *   when read-only), or more for a newer file opened with
 *   %REDLINE_PROJECT_FLAGS_ALLOW_NEWER
 */
guint
redline_project_get_format (RedlineProject *self)
{
  g_return_val_if_fail (REDLINE_IS_PROJECT (self), 0);
  return self->format;
}
