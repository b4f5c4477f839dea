/* test-campaign.c: a campaign's properties, notifications and copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "redline-core.h"

/* A value for @pspec that differs from the one @object holds. */
static void
init_new_value (GObject    *object,
                GParamSpec *pspec,
                GValue     *value)
{
  static const char * const regions[] = { "CN", "HK", NULL };
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  g_object_get_property (object, pspec->name, value);
  if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strconcat (g_value_get_string (value) != NULL
                                               ? g_value_get_string (value) : "",
                                             " (changed)", NULL));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (value) + 1);
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, g_value_get_boxed (value) == NULL ? regions : NULL);
  else if (G_TYPE_IS_ENUM (type))
    {
      GParamSpecEnum *espec = G_PARAM_SPEC_ENUM (pspec);

      g_value_set_enum (value, (g_value_get_enum (value) + 1) % espec->enum_class->n_values);
    }
  else
    g_assert_not_reached ();
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GHashTable *counts = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count_of (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_enum_property (void)
{
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("Spring", REDLINE_ECOSYSTEM_WECHAT);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (campaign), "ecosystem");
  RedlineEcosystem ecosystem = REDLINE_ECOSYSTEM_WEIXIN;

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == REDLINE_TYPE_ECOSYSTEM);
  g_object_get (campaign, "ecosystem", &ecosystem, NULL);
  g_assert_cmpint (ecosystem, ==, REDLINE_ECOSYSTEM_WECHAT);
}

/* Every writable property, set to a new value and then to the same one:
 * one notification, then none. */
static void
test_notify_once (void)
{
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("Spring", REDLINE_ECOSYSTEM_WEIXIN);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_writable = 0;

  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), counts);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (campaign), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      n_writable++;
      init_new_value (G_OBJECT (campaign), pspecs[i], &value);
      g_object_set_property (G_OBJECT (campaign), pspecs[i]->name, &value);
      g_assert_cmpuint (count_of (counts, pspecs[i]->name), ==, 1);
      g_object_set_property (G_OBJECT (campaign), pspecs[i]->name, &value);
      g_assert_cmpuint (count_of (counts, pspecs[i]->name), ==, 1);
    }
  g_assert_cmpuint (n_writable, ==, 11);
  g_assert_cmpuint (g_hash_table_size (counts), ==, n_writable);

  /* The accessors behave the same. */
  redline_campaign_set_name (campaign, "Summer");
  redline_campaign_set_name (campaign, "Summer");
  g_assert_cmpuint (count_of (counts, "name"), ==, 2);
  redline_campaign_set_ecosystem (campaign, REDLINE_ECOSYSTEM_WEIXIN);
  redline_campaign_set_ecosystem (campaign, REDLINE_ECOSYSTEM_WEIXIN);
  g_assert_cmpuint (count_of (counts, "ecosystem"), ==, 2);
  redline_campaign_set_target_regions (campaign, (const char * const[]) { "TW", NULL });
  redline_campaign_set_target_regions (campaign, (const char * const[]) { "TW", NULL });
  g_assert_cmpuint (count_of (counts, "target-regions"), ==, 2);
}

static void
assert_equal (GObject *a,
              GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&vb, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      /* Boxed values compare by address: compare string arrays by content. */
      if (G_VALUE_HOLDS (&va, G_TYPE_STRV))
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);

          if ((sa == NULL) != (sb == NULL) || (sa != NULL && !g_strv_equal (sa, sb)))
            g_error ("property '%s' differs in the copy", pspecs[i]->name);
        }
      else if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("property '%s' differs in the copy", pspecs[i]->name);
    }
}

static void
test_copy (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(RedlineCampaign) campaign = redline_campaign_new ("Spring", REDLINE_ECOSYSTEM_WECHAT);
  g_autoptr(RedlineCampaign) copy = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-campaign-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "copy.redline", NULL);
  file = g_file_new_for_path (path);
  project = redline_project_create (file, "Copies", &error);
  g_assert_no_error (error);

  redline_campaign_set_account_type (campaign, "service");
  redline_campaign_set_objective (campaign, "awareness");
  redline_campaign_set_start_date (campaign, "2024-03-01");
  redline_campaign_set_end_date (campaign, "2024-03-31");
  redline_campaign_set_budget (campaign, 500000);
  redline_campaign_set_currency (campaign, "CNY");
  redline_campaign_set_target_regions (campaign, (const char * const[]) { "CN", "HK", NULL });
  redline_campaign_set_notes (campaign, "Launch");
  g_assert_true (redline_project_add_campaign (project, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (redline_campaign_get_id (campaign), >, 0);

  copy = redline_campaign_copy (campaign);
  g_assert_true (copy != campaign);
  g_assert_cmpint (redline_campaign_get_id (copy), ==, redline_campaign_get_id (campaign));
  assert_equal (G_OBJECT (campaign), G_OBJECT (copy));

  /* Independent: changing the copy leaves the original and its file alone. */
  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), counts);
  redline_campaign_set_name (copy, "Autumn");
  redline_campaign_set_ecosystem (copy, REDLINE_ECOSYSTEM_WEIXIN);
  redline_campaign_set_target_regions (copy, NULL);
  g_assert_cmpstr (redline_campaign_get_name (campaign), ==, "Spring");
  g_assert_cmpint (redline_campaign_get_ecosystem (campaign), ==, REDLINE_ECOSYSTEM_WECHAT);
  g_assert_cmpstr (redline_campaign_get_target_regions (campaign)[1], ==, "HK");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_true (redline_project_find_campaign (project, redline_campaign_get_id (campaign))
                 == campaign);

  redline_project_close (project);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/campaign/enum-property", test_enum_property);
  g_test_add_func ("/redline/campaign/notify-once", test_notify_once);
  g_test_add_func ("/redline/campaign/copy", test_copy);

  return g_test_run ();
}
