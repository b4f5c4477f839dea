/* fuzz-project-rows.c: a sound project file holding arbitrary values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts from a real project with every table filled, then reads the input as
 * a list of edits: which column of which row, a type (text, blob, integer or
 * NULL) and the bytes of the value, written with CHECK constraints and foreign
 * keys off, as another program could. The result is opened and used like any
 * project file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fuzz-project.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct
{
  const char *table;
  const char *column;
} Target;

static const Target targets[] = {
  { "posts", "title" },
  { "posts", "body" },
  { "posts", "call_to_action" },
  { "posts", "link" },
  { "posts", "kind" },
  { "posts", "purpose" },
  { "posts", "status" },
  { "posts", "scheduled_at" },
  { "posts", "campaign_id" },
  { "posts", "created_at" },
  { "posts", "updated_at" },
  { "posts", "id" },
  { "campaigns", "name" },
  { "campaigns", "ecosystem" },
  { "campaigns", "account_type" },
  { "campaigns", "objective" },
  { "campaigns", "start_date" },
  { "campaigns", "end_date" },
  { "campaigns", "budget" },
  { "campaigns", "currency" },
  { "campaigns", "target_regions" },
  { "campaigns", "notes" },
  { "campaigns", "id" },
  { "settings", "key" },
  { "settings", "value" },
  { "allowed_domains", "domain" },
  { "allowed_terms", "term" },
  { "banned_terms", "term" },
  { "banned_terms", "category" },
  { "enabled_packs", "pack_id" },
  { "reviews", "decision" },
  { "reviews", "reviewer" },
  { "reviews", "findings" },
  { "reviews", "pack_versions" },
  { "comments", "author" },
  { "comments", "body" },
  { "waivers", "rule_id" },
  { "waivers", "text" },
  { "waivers", "justification" },
};

static guint8 *template_bytes;
static gsize template_size;

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-fuzz-rows-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func ((GDestroyNotify) redline_banned_term_free);
  g_autoptr(GListStore) no_findings = g_list_store_new (REDLINE_TYPE_FINDING);
  static const char * const domains[] = { "example.cn", NULL };
  static const char * const terms[] = { "第一次", NULL };

  g_assert_no_error (error);
  path = g_build_filename (dir, "template.redline", NULL);
  file = g_file_new_for_path (path);
  project = redline_project_create (file, "模板", &error);
  g_assert_no_error (error);

  for (guint e = 0; e < REDLINE_N_ECOSYSTEMS; e++)
    {
      g_autoptr(RedlineCampaign) campaign =
        redline_campaign_new (e == 0 ? "秋季上新" : "Autumn launch", e);

      g_assert_true (redline_project_add_campaign (project, campaign, &error));
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(RedlinePost) post =
            redline_post_new (redline_campaign_get_id (campaign), k);

          redline_post_set_title (post, "本店咖啡");
          redline_post_set_body (post, "采用最佳阿拉比卡豆，第一次来店免费品尝。https://example.cn/a");
          redline_post_set_call_to_action (post, "立即购买");
          g_assert_true (redline_project_add_post (project, post, &error));
          g_assert_cmpint (redline_project_add_comment (project, post, "王", "请改", &error), >, 0);
          g_assert_cmpint (redline_project_add_waiver (project, post, "ad-law.absolute.zui",
                                                       "最佳", "有证书", "李", &error), >, 0);
          g_assert_cmpint (redline_project_add_review (project, post,
                                                       REDLINE_REVIEW_DECISION_REJECTED,
                                                       "李", "改", G_LIST_MODEL (no_findings),
                                                       NULL, &error), >, 0);
        }
    }
  g_assert_true (redline_project_set_allowed_domains (project, domains, &error));
  g_assert_true (redline_project_set_allowed_terms (project, terms, &error));
  g_ptr_array_add (banned, redline_banned_term_new ("Lumi", "absolute-term"));
  g_assert_true (redline_project_set_banned_terms (project, banned, &error));
  redline_project_close (project);

  g_assert_true (g_file_get_contents (path, (char **) &template_bytes, &template_size, &error));
  g_unlink (path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_project_init ();
  make_template ();
  return 0;
}

/* Applies one edit from @data; returns the bytes it used, 0 at the end. */
static gsize
apply_edit (sqlite3      *db,
            const guint8 *data,
            gsize         size)
{
  const Target *target;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint type, row;
  gsize length;

  if (size < 3)
    return 0;
  target = &targets[data[0] % G_N_ELEMENTS (targets)];
  type = data[1] & 3;
  row = (data[1] >> 2) & 3;
  length = MIN ((gsize) data[2], size - 3);

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE rowid = "
                         "(SELECT rowid FROM %s ORDER BY rowid LIMIT 1 OFFSET ?2)",
                         target->table, target->column, target->table);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return 3 + length;

  switch (type)
    {
    case 0:
      sqlite3_bind_text (stmt, 1, (const char *) data + 3, length, SQLITE_TRANSIENT);
      break;
    case 1:
      sqlite3_bind_blob (stmt, 1, data + 3, length, SQLITE_TRANSIENT);
      break;
    case 2:
      {
        guint64 value = 0;

        for (gsize i = 0; i < MIN (length, 8); i++)
          value = (value << 8) | data[3 + i];
        sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) value);
      }
      break;
    default:
      sqlite3_bind_null (stmt, 1);
      break;
    }
  sqlite3_bind_int (stmt, 2, row);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return 3 + length;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *edited = NULL;
  gsize edited_size = 0;
  sqlite3 *db = NULL;
  gsize used;

  if (size > 1 << 16)
    return 0;

  dir = g_dir_make_tmp ("redline-fuzz-rows-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rows.redline", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) template_bytes, template_size, &error));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; BEGIN",
                NULL, NULL, NULL);
  while ((used = apply_edit (db, data, size)) > 0)
    {
      data += used;
      size -= used;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &edited, &edited_size, &error));
  g_unlink (path);
  g_rmdir (dir);

  fuzz_project_exercise ((const guint8 *) edited, edited_size);
  return 0;
}
