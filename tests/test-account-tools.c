/* test-account-tools.c: an account's automatic replies and custom menu: how
 * they are stored, and what the checks and the platform's limits say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "redline-test-project.h"
#include "redline-test-util.h"

#define WEIXIN_ACCOUNT "Lumi 咖啡"
#define WECHAT_ACCOUNT "Lumi Coffee SG"

static void
test_keywords_parse (void)
{
  g_auto(GStrv) none = redline_keywords_parse (NULL);
  g_auto(GStrv) mixed = redline_keywords_parse (" 门店 ,营业时间，hours、STORE\n门店,, ");
  g_auto(GStrv) bad = redline_keywords_parse ("a\xff,b");

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstrv (mixed, ((const char * const[]) { "门店", "营业时间", "hours", "STORE", NULL }));
  g_assert_cmpuint (g_strv_length (bad), ==, 2);
}

static RedlineAutoReply *
add_reply (RedlineProject      *project,
           RedlineEcosystem     ecosystem,
           const char          *account,
           RedlineReplyTrigger  trigger,
           const char          *keywords,
           const char          *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parsed = redline_keywords_parse (keywords);
  RedlineAutoReply *reply = redline_auto_reply_new (ecosystem, account, trigger);

  redline_auto_reply_set_keywords (reply, (const char * const *) parsed);
  redline_auto_reply_set_text (reply, text);
  g_assert_true (redline_project_add_auto_reply (project, reply, &error));
  g_assert_no_error (error);
  return reply;
}

static RedlineMenuItem *
add_item (RedlineProject   *project,
          RedlineEcosystem  ecosystem,
          const char       *account,
          RedlineMenuItem  *parent,
          const char       *name,
          const char       *message)
{
  g_autoptr(GError) error = NULL;
  RedlineMenuItem *item =
    redline_menu_item_new (ecosystem, account, parent != NULL ? redline_menu_item_get_id (parent)
                                                              : 0, name);

  redline_menu_item_set_message (item, message);
  g_assert_true (redline_project_add_menu_item (project, item, &error));
  g_assert_no_error (error);
  return item;
}

static void
assert_menu (RedlineProject    *project,
             RedlineEcosystem   ecosystem,
             const char        *account,
             const char * const *names)
{
  g_autoptr(GPtrArray) menu = redline_project_list_menu (project, ecosystem, account);

  g_assert_cmpuint (menu->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < menu->len; i++)
    g_assert_cmpstr (redline_menu_item_get_name (g_ptr_array_index (menu, i)), ==, names[i]);
}

/* Stored, changed, moved and removed, each as one action; read back. */
static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  guint n_audit = redline_project_count_audit_entries (project);
  g_autoptr(RedlineAutoReply) welcome = NULL;
  g_autoptr(RedlineAutoReply) keyword = NULL;
  g_autoptr(RedlineAutoReply) global = NULL;
  g_autoptr(RedlineMenuItem) news = NULL;
  g_autoptr(RedlineMenuItem) latte = NULL;
  g_autoptr(RedlineMenuItem) chestnut = NULL;
  g_autoptr(RedlineMenuItem) stores = NULL;
  g_autoptr(RedlineMenuItem) contact = NULL;
  RedlineAutoReply *read;
  RedlineMenuItem *item;

  welcome = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                       REDLINE_REPLY_TRIGGER_WELCOME, "ignored", "欢迎关注 Lumi 咖啡！");
  keyword = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                       REDLINE_REPLY_TRIGGER_KEYWORD, "门店，营业时间", "每天 8:00–21:00。");
  redline_auto_reply_set_name (keyword, "门店信息");
  redline_auto_reply_set_exact_match (keyword, TRUE);
  g_assert_true (redline_project_update_auto_reply (project, keyword, &error));
  g_assert_no_error (error);
  /* The same account name on the other ecosystem is another account. */
  global = add_reply (project, REDLINE_ECOSYSTEM_WECHAT, WEIXIN_ACCOUNT,
                      REDLINE_REPLY_TRIGGER_WELCOME, NULL, "Welcome!");
  g_assert_true (redline_project_find_account_reply (project, REDLINE_ECOSYSTEM_WEIXIN,
                                                     WEIXIN_ACCOUNT,
                                                     REDLINE_REPLY_TRIGGER_WELCOME) == welcome);
  g_assert_true (redline_project_find_account_reply (project, REDLINE_ECOSYSTEM_WECHAT,
                                                     WEIXIN_ACCOUNT,
                                                     REDLINE_REPLY_TRIGGER_WELCOME) == global);
  g_assert_null (redline_project_find_account_reply (project, REDLINE_ECOSYSTEM_WEIXIN,
                                                     WEIXIN_ACCOUNT,
                                                     REDLINE_REPLY_TRIGGER_MESSAGE));

  news = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, NULL, "新品", NULL);
  stores = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, NULL, "门店", "地址");
  latte = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, news, "桂花拿铁", NULL);
  chestnut = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, news, "栗子", "栗子季");
  contact = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, NULL, "联系", "留言");
  redline_menu_item_set_action (latte, REDLINE_MENU_ACTION_LINK);
  redline_menu_item_set_link (latte, "https://lumi.example.cn/latte");
  g_assert_true (redline_project_update_menu_item (project, latte, &error));
  g_assert_no_error (error);
  assert_menu (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
               (const char * const[]) { "新品", "桂花拿铁", "栗子", "门店", "联系", NULL });
  g_assert_cmpuint (redline_project_count_sub_items (project, news), ==, 2);
  g_assert_cmpuint (redline_project_count_sub_items (project, stores), ==, 0);

  /* Moved to the front, and past the end. */
  g_assert_true (redline_project_move_menu_item (project, contact, 0, &error));
  g_assert_no_error (error);
  g_assert_true (redline_project_move_menu_item (project, latte, 9, &error));
  g_assert_no_error (error);
  assert_menu (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
               (const char * const[]) { "联系", "新品", "栗子", "桂花拿铁", "门店", NULL });
  g_assert_cmpuint (redline_menu_item_get_position (stores), ==, 2);
  /* 4 replies and 2 changes; 5 items, 1 change and 2 moves. */
  g_assert_cmpuint (redline_project_count_audit_entries (project), ==, n_audit + 12);

  /* Read back from the file. */
  g_clear_object (&project);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_auto_replies (project)), ==, 3);
  read = redline_project_find_auto_reply (project, redline_auto_reply_get_id (keyword));
  g_assert_nonnull (read);
  g_assert_cmpint (redline_auto_reply_get_ecosystem (read), ==, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpstr (redline_auto_reply_get_account (read), ==, WEIXIN_ACCOUNT);
  g_assert_cmpint (redline_auto_reply_get_trigger (read), ==, REDLINE_REPLY_TRIGGER_KEYWORD);
  g_assert_cmpstr (redline_auto_reply_get_name (read), ==, "门店信息");
  g_assert_cmpstrv (redline_auto_reply_get_keywords (read),
                    ((const char * const[]) { "门店", "营业时间", NULL }));
  g_assert_true (redline_auto_reply_get_exact_match (read));
  g_assert_cmpstr (redline_auto_reply_get_text (read), ==, "每天 8:00–21:00。");
  /* A welcome message keeps no keywords. */
  read = redline_project_find_auto_reply (project, redline_auto_reply_get_id (welcome));
  g_assert_cmpuint (g_strv_length ((char **) redline_auto_reply_get_keywords (read)), ==, 0);
  assert_menu (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
               (const char * const[]) { "联系", "新品", "栗子", "桂花拿铁", "门店", NULL });
  item = redline_project_find_menu_item (project, redline_menu_item_get_id (latte));
  g_assert_cmpint (redline_menu_item_get_parent_id (item), ==, redline_menu_item_get_id (news));
  g_assert_cmpint (redline_menu_item_get_action (item), ==, REDLINE_MENU_ACTION_LINK);
  g_assert_cmpstr (redline_menu_item_get_link (item), ==, "https://lumi.example.cn/latte");
  assert_menu (project, REDLINE_ECOSYSTEM_WECHAT, WEIXIN_ACCOUNT,
               (const char * const[]) { NULL });
  {
    g_autofree char *json = redline_project_export_json (project, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"trigger\" : \"welcome\""));
    g_assert_nonnull (strstr (json, "\"name\" : \"门店信息\""));
    g_assert_nonnull (strstr (json, "\"action\" : \"link\""));
    g_assert_nonnull (strstr (json, "\"account\" : \"Lumi 咖啡\""));
  }

  /* A top-level item goes with its sub-items; the items after it move up. */
  item = redline_project_find_menu_item (project, redline_menu_item_get_id (news));
  {
    g_autoptr(RedlineMenuItem) held = g_object_ref (item);

    g_assert_true (redline_project_remove_menu_item (project, held, &error));
    g_assert_no_error (error);
    g_assert_cmpint (redline_menu_item_get_id (held), ==, 0);
  }
  assert_menu (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
               (const char * const[]) { "联系", "门店", NULL });
  g_assert_cmpuint (_redline_project_count (project,
                                            "SELECT count(*) FROM menu_items WHERE ?1 = 0", 0),
                    ==, 2);
  item = redline_project_find_menu_item (project, redline_menu_item_get_id (stores));
  g_assert_cmpuint (redline_menu_item_get_position (item), ==, 1);
  read = redline_project_find_auto_reply (project, redline_auto_reply_get_id (welcome));
  g_assert_true (redline_project_remove_auto_reply (project, read, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_menu (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
               (const char * const[]) { "联系", "门店", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_auto_replies (project)), ==, 2);
}

/* What the store refuses, and a read-only project. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(RedlineAutoReply) welcome = NULL;
  g_autoptr(RedlineMenuItem) top = NULL;
  g_autoptr(RedlineMenuItem) sub = NULL;
  g_autofree char *before = NULL;

  welcome = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                       REDLINE_REPLY_TRIGGER_WELCOME, NULL, "欢迎关注");
  {
    /* One welcome message per account. */
    g_autoptr(RedlineAutoReply) again = redline_auto_reply_new (REDLINE_ECOSYSTEM_WEIXIN,
                                                                WEIXIN_ACCOUNT,
                                                                REDLINE_REPLY_TRIGGER_WELCOME);

    redline_auto_reply_set_text (again, "欢迎");
    g_assert_false (redline_project_add_auto_reply (project, again, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“Lumi 咖啡” on Weixin (China) already has a "
                                              "welcome message"));
    g_clear_error (&error);
  }
  {
    static const struct
    {
      const char          *account;
      RedlineReplyTrigger  trigger;
      const char          *keywords;
      const char          *text;
      const char          *message;
    } bad[] = {
      { NULL, REDLINE_REPLY_TRIGGER_MESSAGE, NULL, "x", "needs the account’s name" },
      { "Two\nlines", REDLINE_REPLY_TRIGGER_MESSAGE, NULL, "x", "needs the account’s name" },
      { WEIXIN_ACCOUNT, REDLINE_REPLY_TRIGGER_MESSAGE, NULL, "  \n", "needs the text" },
      { WEIXIN_ACCOUNT, REDLINE_REPLY_TRIGGER_MESSAGE, NULL, "\xe4\xb8", "needs the text" },
      { WEIXIN_ACCOUNT, REDLINE_REPLY_TRIGGER_KEYWORD, " , ", "x", "at least one keyword" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(RedlineAutoReply) reply = redline_auto_reply_new (REDLINE_ECOSYSTEM_WEIXIN,
                                                                    bad[i].account,
                                                                    bad[i].trigger);
        g_auto(GStrv) keywords = redline_keywords_parse (bad[i].keywords);

        redline_auto_reply_set_keywords (reply, (const char * const *) keywords);
        redline_auto_reply_set_text (reply, bad[i].text);
        g_assert_false (redline_project_add_auto_reply (project, reply, &error));
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, bad[i].message));
        g_clear_error (&error);
        g_assert_cmpint (redline_auto_reply_get_id (reply), ==, 0);
      }
  }
  /* A change that fails leaves the reply as the file has it. */
  redline_auto_reply_set_text (welcome, "");
  g_assert_false (redline_project_update_auto_reply (project, welcome, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (redline_auto_reply_get_text (welcome), ==, "欢迎关注");

  top = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, NULL, "新品", NULL);
  sub = add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, top, "拿铁", "拿铁");
  {
    /* Two levels, within one account. */
    RedlineMenuItem *bad[] = {
      redline_menu_item_new (REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                             redline_menu_item_get_id (sub), "Third level"),
      redline_menu_item_new (REDLINE_ECOSYSTEM_WECHAT, WEIXIN_ACCOUNT,
                             redline_menu_item_get_id (top), "Other ecosystem"),
      redline_menu_item_new (REDLINE_ECOSYSTEM_WEIXIN, "Other account",
                             redline_menu_item_get_id (top), "Other account"),
      redline_menu_item_new (REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, 9999, "No parent"),
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (redline_project_add_menu_item (project, bad[i], &error));
        g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "a menu has two levels"));
        g_clear_error (&error);
        g_object_unref (bad[i]);
      }
  }
  redline_menu_item_set_name (sub, "");
  g_assert_false (redline_project_update_menu_item (project, sub, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (redline_menu_item_get_name (sub), ==, "拿铁");

  /* Read-only: nothing is written. */
  g_clear_object (&project);
  before = hash_file (fixture->path);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    RedlineAutoReply *reply = redline_project_find_auto_reply (project,
                                                               redline_auto_reply_get_id (welcome));
    RedlineMenuItem *item = redline_project_find_menu_item (project,
                                                            redline_menu_item_get_id (sub));
    g_autoptr(RedlineMenuItem) added = redline_menu_item_new (REDLINE_ECOSYSTEM_WEIXIN,
                                                              WEIXIN_ACCOUNT, 0, "会员");

    g_assert_false (redline_project_add_menu_item (project, added, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    redline_auto_reply_set_text (reply, "变了");
    g_assert_false (redline_project_update_auto_reply (project, reply, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpstr (redline_auto_reply_get_text (reply), ==, "欢迎关注");
    g_assert_false (redline_project_move_menu_item (project, item, 5, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (redline_project_remove_menu_item (project, item, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_clear_object (&project);
  {
    g_autofree char *after = hash_file (fixture->path);

    g_assert_cmpstr (before, ==, after);
  }
}

/* Values another program wrote are refused on open, naming the file and
 * the table (the file's own constraints, checked on open, catch most); the
 * file stays as it was. */
static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *message;
  } cases[] = {
    { "INSERT INTO auto_replies (ecosystem, account, trigger, text, created_at, updated_at) "
      "VALUES ('weixin', 'A', 'subscribe', 'x', '', '')", "CHECK constraint failed in auto_replies" },
    { "INSERT INTO auto_replies (ecosystem, account, trigger, text, created_at, updated_at) "
      "VALUES ('weixin', CAST(x'41ff' AS TEXT), 'welcome', 'x', '', '')", "auto_replies" },
    { "INSERT INTO menu_items (ecosystem, account, name, action, created_at, updated_at) "
      "VALUES ('weibo', 'A', 'x', 'message', '', '')", "CHECK constraint failed in menu_items" },
    { "INSERT INTO menu_items (ecosystem, account, name, action, created_at, updated_at) "
      "VALUES ('weixin', 'A', 'x', 'open', '', '')", "CHECK constraint failed in menu_items" },
    /* A third level, and a post of an account's kind. */
    { "INSERT INTO menu_items (id, ecosystem, account, name, created_at, updated_at) "
      "VALUES (1, 'weixin', 'A', 'top', '', ''), (2, 'weixin', 'A', 'sub', '', ''), "
      "(3, 'weixin', 'A', 'third', '', ''); UPDATE menu_items SET parent_id = 1 WHERE id = 2; "
      "UPDATE menu_items SET parent_id = 2 WHERE id = 3", "not a top-level item" },
    { "INSERT INTO posts (campaign_id, kind, status, created_at, updated_at) "
      "VALUES (1, 'menu', 'draft', '', '')", "“menu” is not a content kind" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedlineProject) project = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      sqlite3 *db;

      g_unlink (fixture->path);
      project = create_sample (fixture, 0);
      g_clear_object (&project);
      db = raw_open (fixture->path);
      raw_exec (db, "PRAGMA ignore_check_constraints = ON");
      raw_exec (db, cases[i].sql);
      sqlite3_close (db);
      before = hash_file (fixture->path);

      project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
      g_assert_null (project);
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, fixture->path));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
      after = hash_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A project of the previous format opens and gains the tables. */
static void
test_upgrade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autoptr(RedlineAutoReply) reply = NULL;
  sqlite3 *db;

  g_clear_object (&project);
  db = raw_open (fixture->path);
  raw_exec (db, "DROP TABLE auto_replies; DROP TABLE menu_items; PRAGMA user_version = 9");
  sqlite3_close (db);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_posts (project)), ==, 2);
  reply = add_reply (project, REDLINE_ECOSYSTEM_WECHAT, WECHAT_ACCOUNT,
                     REDLINE_REPLY_TRIGGER_WELCOME, NULL, "Welcome!");
  g_assert_cmpint (redline_auto_reply_get_id (reply), >, 0);
}

static guint
count_rule (GListModel      *findings,
            const char      *rule_id,
            RedlineSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

      n += g_str_equal (redline_finding_get_rule_id (finding), rule_id) &&
           redline_finding_get_severity (finding) == severity;
    }
  return n;
}

static RedlineContext *
context_for (RedlineProject *project)
{
  g_autoptr(GError) error = NULL;
  RedlineContext *context = redline_context_new ();

  g_assert_true (redline_context_load_builtin_packs (context, &error));
  g_assert_no_error (error);
  redline_context_set_project (context, project);
  g_assert_nonnull (redline_context_get_rule_set (context));
  return context;
}

/* The reply of the issue: a reward for sharing to Moments is induced
 * sharing, forbidden by Weixin's rules (an error) and a warning on WeChat;
 * the text's length is the platform's limit for its trigger. */
static void
test_check_replies (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(RedlineContext) context = context_for (project);
  g_autoptr(RedlineAutoReply) share = NULL;
  g_autoptr(RedlineAutoReply) global = NULL;
  g_autoptr(RedlineAutoReply) plain = NULL;
  g_autoptr(RedlineAutoReply) draft = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  share = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                     REDLINE_REPLY_TRIGGER_KEYWORD, "优惠券", "转发到朋友圈即可领取优惠券");
  findings = redline_context_check_auto_reply (context, share);
  g_assert_cmpuint (count_rule (findings, "platform.promotion.induced-share",
                                REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  global = add_reply (project, REDLINE_ECOSYSTEM_WECHAT, WECHAT_ACCOUNT,
                      REDLINE_REPLY_TRIGGER_KEYWORD, "coupon", "转发到朋友圈即可领取优惠券");
  findings = redline_context_check_auto_reply (context, global);
  g_assert_cmpuint (count_rule (findings, "platform.promotion.induced-share",
                                REDLINE_SEVERITY_WARNING), ==, 1);
  g_clear_object (&findings);

  /* Ordinary replies pass; the same absolute claim as in a post does not. */
  plain = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                     REDLINE_REPLY_TRIGGER_WELCOME, NULL,
                     "欢迎关注 Lumi 咖啡！回复「门店」查看营业时间。");
  findings = redline_context_check_auto_reply (context, plain);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_clear_object (&findings);
  redline_auto_reply_set_text (plain, "欢迎关注全城最好的咖啡店！");
  findings = redline_context_check_auto_reply (context, plain);
  {
    gboolean absolute = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

        absolute |= g_str_equal (redline_finding_get_category (finding), "absolute-term") &&
                    redline_finding_get_severity (finding) == REDLINE_SEVERITY_ERROR;
      }
    g_assert_true (absolute);
  }
  g_clear_object (&findings);

  /* 600 characters for a welcome message, 300 for a keyword reply. */
  for (guint i = 0; i < 301; i++)
    g_string_append (long_text, "咖");
  redline_auto_reply_set_text (plain, long_text->str);
  findings = redline_context_check_auto_reply (context, plain);
  g_assert_cmpuint (count_rule (findings, "platform.reply.length", REDLINE_SEVERITY_ERROR), ==, 0);
  g_clear_object (&findings);
  draft = redline_auto_reply_new (REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                                  REDLINE_REPLY_TRIGGER_KEYWORD);
  redline_auto_reply_set_text (draft, long_text->str);
  findings = redline_context_check_auto_reply (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.reply.length", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  while (g_utf8_strlen (long_text->str, -1) <= 600)
    g_string_append (long_text, "啡");
  redline_auto_reply_set_text (plain, long_text->str);
  findings = redline_context_check_auto_reply (context, plain);
  g_assert_cmpuint (count_rule (findings, "platform.reply.length", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);

  /* Keywords: at most 10 of at most 30 characters; one taken by another
   * reply of the account is a warning, on the draft and on the stored. */
  redline_auto_reply_set_text (draft, "好");
  {
    g_auto(GStrv) many = redline_keywords_parse ("1,2,3,4,5,6,7,8,9,10,11");

    redline_auto_reply_set_keywords (draft, (const char * const *) many);
  }
  findings = redline_context_check_auto_reply (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.reply.keywords", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  {
    g_auto(GStrv) taken = redline_keywords_parse ("优惠券,一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");

    redline_auto_reply_set_keywords (draft, (const char * const *) taken);
  }
  findings = redline_context_check_auto_reply (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.reply.keywords", REDLINE_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (count_rule (findings, "platform.reply.keyword-taken",
                                REDLINE_SEVERITY_WARNING), ==, 1);
  g_clear_object (&findings);
  /* The other account's “coupon” is not this account's. */
  findings = redline_context_check_auto_reply (context, share);
  g_assert_cmpuint (count_rule (findings, "platform.reply.keyword-taken",
                                REDLINE_SEVERITY_WARNING), ==, 0);
  g_clear_object (&findings);
  {
    /* A copy to draft in stands in its reply's place: its keywords are its
     * own, not taken. */
    g_autoptr(RedlineAutoReply) copy = redline_auto_reply_copy (share);

    g_assert_cmpint (redline_auto_reply_get_id (copy), ==, redline_auto_reply_get_id (share));
    findings = redline_context_check_auto_reply (context, copy);
    g_assert_cmpuint (count_rule (findings, "platform.reply.keyword-taken",
                                  REDLINE_SEVERITY_WARNING), ==, 0);
    g_assert_cmpuint (count_rule (findings, "platform.promotion.induced-share",
                                  REDLINE_SEVERITY_ERROR), ==, 1);
  }
}

/* A menu item's name, what it does, and where it stands against the
 * platform's limits. */
static void
test_check_menu (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(RedlineContext) context = context_for (project);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineMenuItem) draft = NULL;
  g_autoptr(GListModel) findings = NULL;
  RedlineMenuItem *top;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("菜单%u", i + 1);

      g_ptr_array_add (items, add_item (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, NULL,
                                        name, "回复我们"));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GListModel) f = redline_context_check_menu_item (context,
                                                                 g_ptr_array_index (items, i));

      g_assert_cmpuint (count_rule (f, "platform.menu.items", REDLINE_SEVERITY_ERROR), ==, i == 3);
    }
  for (guint i = 0; i < 4; i++)
    {
      /* A copy stands where its item is. */
      g_autoptr(RedlineMenuItem) copy = redline_menu_item_copy (g_ptr_array_index (items, i));
      g_autoptr(GListModel) f = redline_context_check_menu_item (context, copy);

      g_assert_cmpuint (count_rule (f, "platform.menu.items", REDLINE_SEVERITY_ERROR), ==, i == 3);
    }
  top = g_ptr_array_index (items, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("子菜单%u", i + 1);
      g_autoptr(RedlineMenuItem) sub = add_item (project, REDLINE_ECOSYSTEM_WEIXIN,
                                                 WEIXIN_ACCOUNT, top, name, "好");
      g_autoptr(GListModel) f = redline_context_check_menu_item (context, sub);

      g_assert_cmpuint (count_rule (f, "platform.menu.items", REDLINE_SEVERITY_ERROR), ==, i == 5);
    }
  /* A draft counts as the last: a fifth top-level item is not shown. */
  draft = redline_menu_item_new (REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT, 0, "新品");
  redline_menu_item_set_message (draft, "好");
  findings = redline_context_check_menu_item (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.menu.items", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  /* The same menu on WeChat is another account's. */
  {
    g_autoptr(RedlineMenuItem) other = redline_menu_item_new (REDLINE_ECOSYSTEM_WECHAT,
                                                              WEIXIN_ACCOUNT, 0, "Menu");

    redline_menu_item_set_message (other, "Hi");
    findings = redline_context_check_menu_item (context, other);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
    g_clear_object (&findings);
  }

  /* Names: 16 bytes at the top (5 Chinese characters are 15), and what the
   * chat bar shows (4 Chinese characters; a Latin letter is half). */
  {
    static const struct
    {
      const char *name;
      guint       too_long;
      guint       cut;
    } names[] = {
      { "新品推荐", 0, 0 },
      { "新品推荐a", 0, 1 },
      { "New menu", 0, 0 },
      { "新品推荐专区", 1, 0 },
      { "Our new autumn m", 0, 1 },
      { "Our new autumn me", 1, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        redline_menu_item_set_name (draft, names[i].name);
        findings = redline_context_check_menu_item (context, draft);
        g_assert_cmpuint (count_rule (findings, "platform.menu.name", REDLINE_SEVERITY_ERROR), ==,
                          names[i].too_long);
        g_assert_cmpuint (count_rule (findings, "platform.menu.name-shown",
                                      REDLINE_SEVERITY_WARNING), ==, names[i].cut);
        g_clear_object (&findings);
      }
  }

  /* An item without sub-items does something, with a link short enough;
   * one with sub-items only opens them. */
  redline_menu_item_set_name (draft, "新品");
  redline_menu_item_set_message (draft, "  ");
  findings = redline_context_check_menu_item (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.menu.action", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  redline_menu_item_set_action (draft, REDLINE_MENU_ACTION_LINK);
  findings = redline_context_check_menu_item (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.menu.action", REDLINE_SEVERITY_ERROR), ==, 1);
  g_clear_object (&findings);
  {
    g_autoptr(GString) link = g_string_new ("https://lumi-cafe.example/");

    while (link->len <= 1024)
      g_string_append (link, "autumn/");
    redline_menu_item_set_link (draft, link->str);
    findings = redline_context_check_menu_item (context, draft);
    g_assert_cmpuint (count_rule (findings, "platform.menu.action", REDLINE_SEVERITY_ERROR), ==,
                      1);
    g_clear_object (&findings);
  }
  redline_menu_item_set_message (top, NULL);
  g_assert_true (redline_project_update_menu_item (project, top, &error));
  g_assert_no_error (error);
  findings = redline_context_check_menu_item (context, top);
  g_assert_cmpuint (count_rule (findings, "platform.menu.action", REDLINE_SEVERITY_ERROR), ==, 0);
  g_clear_object (&findings);

  /* The rules of the ecosystem apply to the name, the message and the link. */
  redline_menu_item_set_link (draft, "https://pay.unknown-shop.example/");
  g_assert_true (redline_project_set_allowed_domains (project,
                                                      (const char * const[]) {
                                                        "lumi-cafe.example", NULL }, &error));
  g_assert_no_error (error);
  g_clear_object (&context);
  context = context_for (project);
  findings = redline_context_check_menu_item (context, draft);
  {
    gboolean link = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);

        link |= g_str_equal (redline_finding_get_category (finding), "link") &&
                redline_finding_get_field (finding) == REDLINE_FIELD_LINK;
      }
    g_assert_true (link);
  }
  g_clear_object (&findings);
  redline_menu_item_set_action (draft, REDLINE_MENU_ACTION_MESSAGE);
  redline_menu_item_set_message (draft, "分享到朋友圈集赞送咖啡");
  findings = redline_context_check_menu_item (context, draft);
  g_assert_cmpuint (count_rule (findings, "platform.promotion.induced-share",
                                REDLINE_SEVERITY_ERROR), ==, 1);
}

/* The platform's limits are data: the built-in data has them, and data
 * without them is refused, naming the file and the place. */
static void
test_limits_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlinePlatform) platform = redline_platform_load_builtin (&error);
  const RedlineMenuLimits *menu;
  const RedlineReplyLimits *replies;
  g_autoptr(GBytes) builtin = NULL;
  g_autofree char *broken = NULL;

  g_assert_no_error (error);
  menu = redline_platform_get_menu_limits (platform);
  g_assert_cmpuint (menu->items, ==, 3);
  g_assert_cmpuint (menu->sub_items, ==, 5);
  g_assert_cmpuint (menu->name_bytes[REDLINE_MENU_LEVEL_TOP], ==, 16);
  g_assert_cmpuint (menu->name_bytes[REDLINE_MENU_LEVEL_SUB], ==, 60);
  g_assert_cmpuint (menu->name_shown[REDLINE_MENU_LEVEL_TOP], ==, 4);
  g_assert_cmpuint (menu->name_shown[REDLINE_MENU_LEVEL_SUB], ==, 8);
  g_assert_cmpuint (menu->link_bytes, ==, 1024);
  replies = redline_platform_get_reply_limits (platform);
  g_assert_cmpuint (replies->rules, ==, 200);
  g_assert_cmpuint (replies->keywords, ==, 10);
  g_assert_cmpuint (replies->text[REDLINE_REPLY_TRIGGER_WELCOME], ==, 600);
  g_assert_cmpuint (replies->text[REDLINE_REPLY_TRIGGER_KEYWORD], ==, 300);
  g_assert_cmpstr (redline_rule_get_category (redline_platform_get_check (platform,
                                                                          "platform.menu.name")),
                   ==, "length");

  builtin = g_resources_lookup_data ("/org/redline/core/planning/platform.xml",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GRegex) regex = g_regex_new ("<menu [^>]*>", 0, 0, NULL);

    broken = g_regex_replace_literal (regex, g_bytes_get_data (builtin, NULL), -1, 0,
                                      "<menu items=\"0\" sub-items=\"5\" link-bytes=\"1024\">", 0,
                                      NULL);
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new (broken, strlen (broken));
    g_autoptr(RedlinePlatform) bad = redline_platform_new_from_bytes (bytes, "platform.xml",
                                                                      &error);

    g_assert_null (bad);
    g_assert_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_SCHEMA);
    g_assert_nonnull (strstr (error->message, "platform.xml:"));
  }
}

/* redline-check reports each reply and menu item as a result of its own,
 * PROJECT#reply-ID and PROJECT#menu-ID, on its account's ecosystem. */
static void
test_command (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  g_autoptr(RedlineAutoReply) reply = NULL;
  g_autoptr(RedlineMenuItem) item = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *reply_name = NULL;
  g_autofree char *item_name = NULL;
  JsonArray *results;
  int status = 0;
  guint seen = 0;

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  reply = add_reply (project, REDLINE_ECOSYSTEM_WEIXIN, WEIXIN_ACCOUNT,
                     REDLINE_REPLY_TRIGGER_KEYWORD, "优惠券", "转发到朋友圈即可领取优惠券");
  item = add_item (project, REDLINE_ECOSYSTEM_WECHAT, WECHAT_ACCOUNT, NULL, "Rewards",
                   "Join the club");
  reply_name = g_strdup_printf ("%s#reply-%" G_GINT64_FORMAT, fixture->path,
                                redline_auto_reply_get_id (reply));
  item_name = g_strdup_printf ("%s#menu-%" G_GINT64_FORMAT, fixture->path,
                               redline_menu_item_get_id (item));
  g_clear_object (&project);

  {
    const char *argv[] = { redline_check, "--format=json", "--ecosystem=wechat", fixture->path,
                           NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *file = json_object_get_string_member (result, "file");
      JsonArray *findings = json_object_get_array_member (result, "findings");

      if (g_str_equal (file, reply_name))
        {
          gboolean induced = FALSE;

          /* On its own ecosystem, whatever --ecosystem says. */
          g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "auto-reply");
          g_assert_cmpstr (json_object_get_string_member (result, "ecosystem"), ==, "weixin");
          g_assert_cmpstr (json_object_get_string_member (result, "purpose"), ==, "advertising");
          for (guint f = 0; f < json_array_get_length (findings); f++)
            {
              JsonObject *finding = json_array_get_object_element (findings, f);

              induced |= g_str_equal (json_object_get_string_member (finding, "rule"),
                                      "platform.promotion.induced-share") &&
                         g_str_equal (json_object_get_string_member (finding, "severity"),
                                      "error");
            }
          g_assert_true (induced);
          seen++;
        }
      else if (g_str_equal (file, item_name))
        {
          g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "menu");
          g_assert_cmpstr (json_object_get_string_member (result, "ecosystem"), ==, "wechat");
          g_assert_cmpuint (json_array_get_length (findings), ==, 0);
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redline/account-tools/keywords-parse", test_keywords_parse);
  g_test_add_func ("/redline/account-tools/limits-data", test_limits_data);
  g_test_add ("/redline/account-tools/store", Fixture, NULL, fixture_set_up, test_store,
              fixture_tear_down);
  g_test_add ("/redline/account-tools/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/redline/account-tools/bad-rows", Fixture, NULL, fixture_set_up, test_bad_rows,
              fixture_tear_down);
  g_test_add ("/redline/account-tools/upgrade", Fixture, NULL, fixture_set_up, test_upgrade,
              fixture_tear_down);
  g_test_add ("/redline/account-tools/check-replies", Fixture, NULL, fixture_set_up,
              test_check_replies, fixture_tear_down);
  g_test_add ("/redline/account-tools/check-menu", Fixture, NULL, fixture_set_up,
              test_check_menu, fixture_tear_down);
  g_test_add ("/redline/account-tools/command", Fixture, NULL, fixture_set_up, test_command,
              fixture_tear_down);

  return g_test_run ();
}
