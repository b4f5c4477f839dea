/* test-qr-code.c: a campaign's QR codes: the link they encode, how they are
 * stored and checked, and the images they are exported as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "redline-qr-image.h"
#include "redline-test-project.h"
#include "redline-test-util.h"

/* The source parameter joins the link's query; the rest stays as written. */
static void
test_link_with_source (void)
{
  static const struct
  {
    const char *link;
    const char *key;
    const char *source;
    const char *expected;
  } cases[] = {
    { "https://lumi.example.cn/autumn", NULL, "packaging",
      "https://lumi.example.cn/autumn?utm_source=packaging" },
    { "https://lumi.example.cn/a?x=1&y=2#menu", "", "poster",
      "https://lumi.example.cn/a?x=1&y=2&utm_source=poster#menu" },
    /* The same parameter is replaced, not doubled. */
    { "https://lumi.example.cn/a?utm_source=old&x=1", NULL, "till",
      "https://lumi.example.cn/a?x=1&utm_source=till" },
    { "https://lumi.example.cn/a?utm_source_x=1", NULL, "till",
      "https://lumi.example.cn/a?utm_source_x=1&utm_source=till" },
    { "http://lumi.example.cn:8080/", "from", "weibo",
      "http://lumi.example.cn:8080/?from=weibo" },
    /* A source that is not ASCII is percent-encoded. */
    { "https://lumi.example.cn/", NULL, "包装 盒&1",
      "https://lumi.example.cn/?utm_source=%E5%8C%85%E8%A3%85%20%E7%9B%92%261" },
    /* No source: the link as written. */
    { "https://lumi.example.cn/a?x=%20", NULL, NULL, "https://lumi.example.cn/a?x=%20" },
    { "https://lumi.example.cn/a", NULL, "", "https://lumi.example.cn/a" },
  };
  static const char * const not_links[] = {
    "", "lumi.example.cn/autumn", "ftp://lumi.example.cn/", "mailto:hi@lumi.example.cn",
    "https://", "javascript:alert(1)", "https://lumi.example.cn/\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = redline_qr_link_with_source (cases[i].link, cases[i].key,
                                                           cases[i].source, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (link, ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_links); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = redline_qr_link_with_source (not_links[i], NULL, "poster", &error);

      g_assert_null (link);
      g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "is not a web address"));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *link = redline_qr_link_with_source ("https://lumi.example.cn/", "a b",
                                                         "poster", &error);

    g_assert_null (link);
    g_assert_error (error, G_URI_ERROR, G_URI_ERROR_BAD_QUERY);
  }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  GPtrArray *names = user_data;

  g_ptr_array_add (names, g_strdup (pspec->name));
}

/* The model: defaults, limits, and the encoded link following its parts. */
static void
test_model (void)
{
  g_autoptr(RedlineQrCode) code = redline_qr_code_new (3, "Packaging", "https://a.example/x");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *encoded = NULL;

  g_assert_cmpint (redline_qr_code_get_id (code), ==, 0);
  g_assert_cmpint (redline_qr_code_get_campaign_id (code), ==, 3);
  g_assert_cmpstr (redline_qr_code_get_source_key (code), ==, REDLINE_QR_DEFAULT_SOURCE_KEY);
  g_assert_null (redline_qr_code_get_source (code));
  g_assert_cmpint (redline_qr_code_get_error_correction (code), ==,
                   REDLINE_QR_ERROR_CORRECTION_MEDIUM);
  g_assert_cmpuint (redline_qr_code_get_quiet_zone (code), ==, 4);
  g_assert_cmpuint (redline_qr_code_get_size_mm (code), ==, 30);

  g_signal_connect (code, "notify", G_CALLBACK (notify_cb), names);
  redline_qr_code_set_source (code, "packaging");
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "source", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "encoded-link", g_str_equal, NULL));
  g_object_get (code, "encoded-link", &encoded, NULL);
  g_assert_cmpstr (encoded, ==, "https://a.example/x?utm_source=packaging");

  /* An empty parameter name means the default one. */
  redline_qr_code_set_source_key (code, "");
  g_assert_cmpstr (redline_qr_code_get_source_key (code), ==, REDLINE_QR_DEFAULT_SOURCE_KEY);
  g_ptr_array_set_size (names, 0);
  redline_qr_code_set_source (code, "packaging");
  g_assert_cmpuint (names->len, ==, 0);

  /* Sizes and margins stay printable. */
  redline_qr_code_set_size_mm (code, 2);
  g_assert_cmpuint (redline_qr_code_get_size_mm (code), ==, REDLINE_QR_MIN_SIZE_MM);
  redline_qr_code_set_size_mm (code, 5000);
  g_assert_cmpuint (redline_qr_code_get_size_mm (code), ==, REDLINE_QR_MAX_SIZE_MM);
  redline_qr_code_set_quiet_zone (code, 99);
  g_assert_cmpuint (redline_qr_code_get_quiet_zone (code), ==, REDLINE_QR_MAX_QUIET_ZONE);

  redline_qr_code_set_link (code, "not a link");
  g_assert_null (redline_qr_code_dup_encoded_link (code));

  for (RedlineQrErrorCorrection level = 0; level <= REDLINE_QR_ERROR_CORRECTION_HIGH; level++)
    {
      RedlineQrErrorCorrection back = 99;

      g_assert_true (redline_qr_error_correction_from_string (
                       redline_qr_error_correction_to_string (level), &back));
      g_assert_cmpint (back, ==, level);
    }
  {
    RedlineQrErrorCorrection back = 0;

    g_assert_false (redline_qr_error_correction_from_string ("H", &back));
    g_assert_false (redline_qr_error_correction_from_string (NULL, &back));
  }
}

static RedlineCampaign *
campaign_of (RedlineProject    *project,
             RedlineEcosystem   ecosystem)
{
  GListModel *campaigns = redline_project_get_campaigns (project);

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(RedlineCampaign) campaign = g_list_model_get_item (campaigns, i);

      if (redline_campaign_get_ecosystem (campaign) == ecosystem)
        return campaign;
    }
  g_assert_not_reached ();
}

/* Stored, changed and removed, each as one action; read back as stored. */
static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  RedlineCampaign *weixin = campaign_of (project, REDLINE_ECOSYSTEM_WEIXIN);
  gint64 weixin_id = redline_campaign_get_id (weixin);
  g_autoptr(RedlineQrCode) packaging = redline_qr_code_new (weixin_id, "Packaging",
                                                            "https://lumi.example.cn/autumn");
  g_autoptr(RedlineQrCode) poster = redline_qr_code_new (weixin_id, "海报",
                                                         "https://lumi.example.cn/autumn");
  g_autoptr(RedlineQrCode) same = redline_qr_code_new (weixin_id, "Packaging",
                                                       "https://lumi.example.cn/other");
  RedlineQrCode *read;
  guint n_audit = redline_project_count_audit_entries (project);
  gint64 id;

  redline_qr_code_set_source (packaging, "packaging");
  redline_qr_code_set_error_correction (packaging, REDLINE_QR_ERROR_CORRECTION_QUARTILE);
  redline_qr_code_set_size_mm (packaging, 25);
  redline_qr_code_set_quiet_zone (packaging, 2);
  g_assert_true (redline_project_add_qr_code (project, packaging, &error));
  g_assert_no_error (error);
  id = redline_qr_code_get_id (packaging);
  g_assert_cmpint (id, >, 0);
  g_assert_true (redline_project_find_qr_code (project, id) == packaging);
  g_assert_cmpuint (redline_project_count_audit_entries (project), ==, n_audit + 1);

  redline_qr_code_set_source (poster, "poster");
  g_assert_true (redline_project_add_qr_code (project, poster, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (project)), ==, 2);

  /* One code per placement of a campaign. */
  g_assert_false (redline_project_add_qr_code (project, same, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has a QR code for “Packaging”"));
  g_clear_error (&error);
  g_assert_cmpint (redline_qr_code_get_id (same), ==, 0);

  /* A change that fails leaves the code as the file has it. */
  redline_qr_code_set_link (poster, "lumi.example.cn");
  g_assert_false (redline_project_update_qr_code (project, poster, &error));
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "QR code “海报”: “lumi.example.cn” is not a web "
                            "address"));
  g_clear_error (&error);
  g_assert_cmpstr (redline_qr_code_get_link (poster), ==, "https://lumi.example.cn/autumn");

  redline_qr_code_set_placement (poster, "Poster");
  redline_qr_code_set_error_correction (poster, REDLINE_QR_ERROR_CORRECTION_HIGH);
  g_assert_true (redline_project_update_qr_code (project, poster, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_count_audit_entries (project), ==, n_audit + 3);

  /* Read back from the file. */
  g_clear_object (&project);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (project)), ==, 2);
  read = redline_project_find_qr_code (project, id);
  g_assert_nonnull (read);
  g_assert_cmpint (redline_qr_code_get_campaign_id (read), ==, weixin_id);
  g_assert_cmpstr (redline_qr_code_get_placement (read), ==, "Packaging");
  g_assert_cmpstr (redline_qr_code_get_link (read), ==, "https://lumi.example.cn/autumn");
  g_assert_cmpstr (redline_qr_code_get_source (read), ==, "packaging");
  g_assert_cmpint (redline_qr_code_get_error_correction (read), ==,
                   REDLINE_QR_ERROR_CORRECTION_QUARTILE);
  g_assert_cmpuint (redline_qr_code_get_size_mm (read), ==, 25);
  g_assert_cmpuint (redline_qr_code_get_quiet_zone (read), ==, 2);
  {
    /* The JSON export carries the codes under their campaign, with the link
     * they encode. */
    g_autofree char *json = redline_project_export_json (project, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"placement\" : \"Packaging\""));
    g_assert_nonnull (strstr (json, "\"encoded_link\" : "
                                    "\"https://lumi.example.cn/autumn?utm_source=packaging\""));
    g_assert_nonnull (strstr (json, "\"error_correction\" : \"quartile\""));
  }
  read = redline_project_find_qr_code (project, redline_qr_code_get_id (poster));
  g_assert_cmpstr (redline_qr_code_get_placement (read), ==, "Poster");
  g_assert_cmpint (redline_qr_code_get_error_correction (read), ==,
                   REDLINE_QR_ERROR_CORRECTION_HIGH);

  {
    /* The project lets go of a removed code; whoever holds it sees id 0. */
    g_autoptr(RedlineQrCode) held = g_object_ref (read);

    g_assert_true (redline_project_remove_qr_code (project, held, &error));
    g_assert_no_error (error);
    g_assert_cmpint (redline_qr_code_get_id (held), ==, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (project)), ==, 1);

  /* A campaign takes its codes with it. */
  weixin = campaign_of (project, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_true (redline_project_remove_campaign (project, weixin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (project)), ==, 0);
  g_assert_cmpuint (_redline_project_count (project, "SELECT count(*) FROM qr_codes WHERE ?1 = 0",
                                            0), ==, 0);
}

/* What the store refuses, and a read-only project. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  gint64 weixin_id = redline_campaign_get_id (campaign_of (project, REDLINE_ECOSYSTEM_WEIXIN));
  g_autoptr(GString) long_link = g_string_new ("https://lumi.example.cn/");
  g_autofree char *before = NULL;
  static const char * const bad_placements[] = { "", "Two\nlines", "\xe4\xb8", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (bad_placements); i++)
    {
      g_autoptr(RedlineQrCode) code = redline_qr_code_new (weixin_id, bad_placements[i],
                                                           "https://lumi.example.cn/");

      g_assert_false (redline_project_add_qr_code (project, code, &error));
      g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "A QR code needs a placement"));
      g_clear_error (&error);
    }
  {
    g_autoptr(RedlineQrCode) code = redline_qr_code_new (999, "Till", "https://lumi.example.cn/");

    g_assert_false (redline_project_add_qr_code (project, code, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(RedlineQrCode) code = NULL;

    while (long_link->len < REDLINE_QR_MAX_LINK_BYTES)
      g_string_append (long_link, "abcdefgh");
    code = redline_qr_code_new (weixin_id, "Till", long_link->str);
    g_assert_false (redline_project_add_qr_code (project, code, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "a QR code holds at most 1273"));
    g_clear_error (&error);
  }
  {
    g_autoptr(RedlineQrCode) code = redline_qr_code_new (weixin_id, "Till",
                                                         "https://lumi.example.cn/");

    redline_qr_code_set_source (code, "till\r\n");
    g_assert_false (redline_project_add_qr_code (project, code, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_INVALID);
    g_clear_error (&error);
    redline_qr_code_set_source (code, "till");
    g_assert_true (redline_project_add_qr_code (project, code, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_qr_codes (project)), ==, 1);

  /* Read-only: nothing is written. */
  g_clear_object (&project);
  before = hash_file (fixture->path);
  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RedlineQrCode) code = redline_qr_code_new (weixin_id, "Poster",
                                                         "https://lumi.example.cn/");
    RedlineQrCode *till = g_list_model_get_item (redline_project_get_qr_codes (project), 0);

    g_assert_false (redline_project_add_qr_code (project, code, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (redline_project_remove_qr_code (project, till, &error));
    g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_object_unref (till);
  }
  g_clear_object (&project);
  {
    g_autofree char *after = hash_file (fixture->path);

    g_assert_cmpstr (before, ==, after);
  }
}

/* A value another program wrote is refused on open, naming the file; the
 * file stays as it was. */
static void
test_bad_row (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  g_clear_object (&project);
  db = raw_open (fixture->path);
  raw_exec (db, "PRAGMA ignore_check_constraints = ON;"
                "INSERT INTO qr_codes (campaign_id, placement, link, error_correction, "
                "created_at, updated_at) VALUES (1, 'Till', 'https://a.example/', 'H', '', '')");
  sqlite3_close (db);
  before = hash_file (fixture->path);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_null (project);
  g_assert_error (error, REDLINE_STORE_ERROR, REDLINE_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "qr_codes"));
  after = hash_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A project of the previous format opens, gains the table, and keeps its
 * campaigns. */
static void
test_upgrade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 2);
  g_autoptr(RedlineQrCode) code = NULL;
  sqlite3 *db;

  g_clear_object (&project);
  db = raw_open (fixture->path);
  raw_exec (db, "DROP TABLE auto_replies; DROP TABLE menu_items; DROP TABLE qr_codes; "
                "PRAGMA user_version = 8");
  sqlite3_close (db);

  project = redline_project_open (fixture->file, REDLINE_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redline_project_get_format (project), ==, REDLINE_PROJECT_FORMAT);
  g_assert_cmpuint (g_list_model_get_n_items (redline_project_get_campaigns (project)), ==, 2);
  code = redline_qr_code_new (redline_campaign_get_id (campaign_of (project,
                                                                    REDLINE_ECOSYSTEM_WECHAT)),
                              "Store window", "https://lumi.example.com/");
  g_assert_true (redline_project_add_qr_code (project, code, &error));
  g_assert_no_error (error);
}

/* The encoded link is checked as a link of the campaign's ecosystem. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  g_autoptr(GPtrArray) packs = redline_rule_pack_load_builtin (&error);
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  RedlineCampaign *weixin = campaign_of (project, REDLINE_ECOSYSTEM_WEIXIN);
  RedlineCampaign *wechat = campaign_of (project, REDLINE_ECOSYSTEM_WECHAT);
  g_autoptr(RedlineQrCode) allowed = redline_qr_code_new (redline_campaign_get_id (weixin),
                                                          "Packaging",
                                                          "https://lumi.example.cn/autumn");
  g_autoptr(RedlineQrCode) off_list = redline_qr_code_new (redline_campaign_get_id (weixin),
                                                           "Poster",
                                                           "https://bit.example.io/x");
  g_autoptr(RedlineQrCode) global = redline_qr_code_new (redline_campaign_get_id (wechat),
                                                         "Poster", "https://bit.example.io/x");
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(RedlineFinding) finding = NULL;

  g_assert_no_error (error);
  g_assert_true (redline_project_set_allowed_domains (project,
                                                      (const char * const[]) {
                                                        "lumi.example.cn", NULL }, &error));
  g_assert_no_error (error);
  rule_set = redline_project_create_rule_set (project, packs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      RedlineQrCode *code = (RedlineQrCode *[]) { allowed, off_list, global }[i];

      redline_qr_code_set_source (code, "poster");
      g_assert_true (redline_project_add_qr_code (project, code, &error));
      g_assert_no_error (error);
    }

  findings = redline_project_check_qr_code (project, rule_set, allowed,
                                            redline_project_get_qr_code_ecosystem (project,
                                                                                   allowed));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_clear_object (&findings);

  g_assert_cmpint (redline_project_get_qr_code_ecosystem (project, off_list), ==,
                   REDLINE_ECOSYSTEM_WEIXIN);
  findings = redline_project_check_qr_code (project, rule_set, off_list, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (redline_finding_get_category (finding), ==, "link");
  g_assert_cmpint (redline_finding_get_severity (finding), ==, REDLINE_SEVERITY_ERROR);
  g_assert_cmpint (redline_finding_get_field (finding), ==, REDLINE_FIELD_LINK);
  g_clear_object (&findings);

  /* The allowlist is a Weixin rule: off it is no finding on WeChat. */
  findings = redline_project_check_qr_code (project, rule_set, global,
                                            redline_project_get_qr_code_ecosystem (project,
                                                                                   global));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) f = g_list_model_get_item (findings, i);

      g_assert_cmpint (redline_finding_get_severity (f), <, REDLINE_SEVERITY_WARNING);
    }
}

/* redline-check reports a code's link as a result of its own, PROJECT#qr-ID
 * of kind qr-code, and an error in it sets the exit status. */
static void
test_command (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = create_sample (fixture, 0);
  const char *redline_check = g_getenv ("REDLINE_CHECK");
  g_autoptr(RedlineQrCode) code = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *file = NULL;
  JsonObject *result, *finding;
  int status = 0;

  if (redline_check == NULL)
    {
      g_test_skip ("REDLINE_CHECK is not set");
      return;
    }
  code = redline_qr_code_new (redline_campaign_get_id (campaign_of (project,
                                                                    REDLINE_ECOSYSTEM_WEIXIN)),
                              "Packaging", "https://bit.example.io/autumn");
  redline_qr_code_set_source (code, "packaging");
  g_assert_true (redline_project_add_qr_code (project, code, &error));
  g_assert_no_error (error);
  file = g_strdup_printf ("%s#qr-%" G_GINT64_FORMAT, fixture->path,
                          redline_qr_code_get_id (code));
  g_clear_object (&project);

  {
    const char *argv[] = { redline_check, "--format=json", fixture->path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  result = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "file"), ==, file);
  g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "qr-code");
  g_assert_cmpstr (json_object_get_string_member (result, "ecosystem"), ==, "weixin");
  finding = json_array_get_object_element (json_object_get_array_member (result, "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "category"), ==, "link");
  g_assert_cmpstr (json_object_get_string_member (finding, "field"), ==, "link");
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==,
                   "https://bit.example.io/autumn?utm_source=packaging");
  g_clear_pointer (&out, g_free);

  {
    const char *argv[] = { redline_check, fixture->path, NULL };
    g_autofree char *prefix = g_strconcat (file, ":1:", NULL);

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (out, prefix));
  }
}

/* Exported as SVG and PNG, each decodes back to the checked link. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const names[] = { "packaging.svg", "packaging.PNG" };
  g_autoptr(RedlineQrCode) code = redline_qr_code_new (1, "包装", "https://lumi.example.cn/秋?x=1");
  g_autofree char *encoded = NULL;
  gboolean decoded = FALSE;

  redline_qr_code_set_source (code, "包装 盒");
  redline_qr_code_set_error_correction (code, REDLINE_QR_ERROR_CORRECTION_HIGH);
  encoded = redline_qr_code_dup_encoded_link (code);
  g_assert_cmpstr (encoded, ==,
                   "https://lumi.example.cn/%E7%A7%8B?x=1&utm_source=%E5%8C%85%E8%A3%85%20%E7%9B%92");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      RedlineQrImageFormat format = 99;
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (redline_qr_image_format_for_file (file, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, i == 0 ? REDLINE_QR_IMAGE_SVG : REDLINE_QR_IMAGE_PNG);
      g_assert_true (redline_qr_image_export (code, format, REDLINE_QR_IMAGE_DEFAULT_DPI, file,
                                              &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (format == REDLINE_QR_IMAGE_SVG)
        {
          /* The printed size, and the link as its title. */
          g_assert_nonnull (strstr (contents, "width=\"30mm\" height=\"30mm\""));
          g_assert_nonnull (strstr (contents, "<title>https://lumi.example.cn/%E7%A7%8B?x=1&amp;"));
        }
      else
        {
          /* 30 mm at 300 dpi is 354 px; whole pixels per module come close. */
          guint32 width = GUINT32_FROM_BE (*(guint32 *) (contents + 16));

          g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
          g_assert_cmpuint (width, >=, 300);
          g_assert_cmpuint (width, <=, 400);
        }
      text = redline_test_decode_qr (path);
      if (text != NULL)
        {
          g_assert_cmpstr (text, ==, encoded);
          decoded = TRUE;
        }
    }
  {
    /* A preview is drawn about as wide as it is shown, never wider. */
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) png = redline_qr_image_render_preview (code, 184, &error);
    const guchar *bytes = g_bytes_get_data (png, NULL);
    guint32 width;

    g_assert_no_error (error);
    memcpy (&width, bytes + 16, sizeof width);
    width = GUINT32_FROM_BE (width);
    g_assert_cmpuint (width, >=, 140);
    g_assert_cmpuint (width, <=, 200);
  }
  if (!decoded)
    g_test_incomplete ("zbarimg is not installed: the images were not decoded");
}

static void
test_export_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "code.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) long_link = g_string_new ("https://lumi.example.cn/");
  g_autoptr(RedlineQrCode) code = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RedlineQrImageFormat format;

  g_assert_false (redline_qr_image_format_for_file (file, &format, &error));
  g_assert_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "code.jpg"));
  g_clear_error (&error);

  /* A link over what level H holds, though level L would take it. */
  while (long_link->len < 1500)
    g_string_append (long_link, "abcdefgh");
  bytes = redline_qr_image_render (long_link->str, REDLINE_QR_ERROR_CORRECTION_HIGH, 4, 30,
                                   REDLINE_QR_IMAGE_SVG, 300, &error);
  g_assert_null (bytes);
  g_assert_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_TOO_LONG);
  g_clear_error (&error);
  bytes = redline_qr_image_render (long_link->str, REDLINE_QR_ERROR_CORRECTION_LOW, 4, 30,
                                   REDLINE_QR_IMAGE_SVG, 300, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  /* Not a web address: nothing is written. */
  code = redline_qr_code_new (1, "Till", "lumi.example.cn");
  g_free (path);
  path = g_build_filename (fixture->dir, "code.svg", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  g_assert_false (redline_qr_image_export (code, REDLINE_QR_IMAGE_SVG, 300, file, &error));
  g_assert_error (error, REDLINE_QR_IMAGE_ERROR, REDLINE_QR_IMAGE_ERROR_LINK);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A folder that is not there: the message names the file. */
  redline_qr_code_set_link (code, "https://lumi.example.cn/");
  g_free (path);
  path = g_build_filename (fixture->dir, "missing", "code.svg", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  g_assert_false (redline_qr_image_export (code, REDLINE_QR_IMAGE_SVG, 300, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redline/qr-code/link-with-source", test_link_with_source);
  g_test_add_func ("/redline/qr-code/model", test_model);
  g_test_add ("/redline/qr-code/store", Fixture, NULL, fixture_set_up, test_store,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/bad-row", Fixture, NULL, fixture_set_up, test_bad_row,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/upgrade", Fixture, NULL, fixture_set_up, test_upgrade,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/check", Fixture, NULL, fixture_set_up, test_check,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/command", Fixture, NULL, fixture_set_up, test_command,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/redline/qr-code/export-refused", Fixture, NULL, fixture_set_up,
              test_export_refused, fixture_tear_down);

  return g_test_run ();
}
