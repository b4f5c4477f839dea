/* test-post.c: a post's properties, notifications and copies
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
test_enum_properties (void)
{
  g_autoptr(RedlinePost) post = redline_post_new (1, REDLINE_CONTENT_KIND_CHANNELS);
  GObjectClass *klass = G_OBJECT_GET_CLASS (post);
  GParamSpec *kind = g_object_class_find_property (klass, "kind");
  GParamSpec *status = g_object_class_find_property (klass, "status");
  RedlineContentKind kind_value = REDLINE_CONTENT_KIND_ARTICLE;
  RedlinePostStatus status_value = REDLINE_POST_STATUS_DRAFT;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (kind));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (kind) == REDLINE_TYPE_CONTENT_KIND);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (status));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (status) == REDLINE_TYPE_POST_STATUS);

  redline_post_set_status (post, REDLINE_POST_STATUS_PUBLISHED);
  g_object_get (post, "kind", &kind_value, "status", &status_value, NULL);
  g_assert_cmpint (kind_value, ==, REDLINE_CONTENT_KIND_CHANNELS);
  g_assert_cmpint (status_value, ==, REDLINE_POST_STATUS_PUBLISHED);
}

/* The nicks are the strings stored in project files. */
static void
test_status_nicks (void)
{
  static const char * const nicks[] = {
    "draft", "in-review", "approved", "rejected", "published",
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (REDLINE_TYPE_POST_STATUS);

  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (nicks));
  g_assert_cmpuint (REDLINE_N_POST_STATUSES, ==, G_N_ELEMENTS (nicks));
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      GEnumValue *value = g_enum_get_value (klass, i);
      RedlinePostStatus status;

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, nicks[i]);
      g_assert_cmpstr (redline_post_status_to_string (i), ==, nicks[i]);
      g_assert_true (redline_post_status_from_string (nicks[i], &status));
      g_assert_cmpint (status, ==, i);
    }
}

/* Every writable property, set to a new value and then to the same one:
 * one notification, then none. */
static void
test_notify_once (void)
{
  /* The next kind, group message, may have any purpose. */
  g_autoptr(RedlinePost) post = redline_post_new (1, REDLINE_CONTENT_KIND_MINI_PROGRAM);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_writable = 0;

  g_signal_connect (post, "notify", G_CALLBACK (count_notify_cb), counts);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (post), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      n_writable++;
      init_new_value (G_OBJECT (post), pspecs[i], &value);
      g_object_set_property (G_OBJECT (post), pspecs[i]->name, &value);
      g_assert_cmpuint (count_of (counts, pspecs[i]->name), ==, 1);
      g_object_set_property (G_OBJECT (post), pspecs[i]->name, &value);
      g_assert_cmpuint (count_of (counts, pspecs[i]->name), ==, 1);
    }
  g_assert_cmpuint (n_writable, ==, 12);
  g_assert_cmpuint (g_hash_table_size (counts), ==, n_writable);

  /* The accessors behave the same. */
  redline_post_set_title (post, "Hello");
  redline_post_set_title (post, "Hello");
  g_assert_cmpuint (count_of (counts, "title"), ==, 2);
  redline_post_set_status (post, REDLINE_POST_STATUS_APPROVED);
  redline_post_set_status (post, REDLINE_POST_STATUS_APPROVED);
  g_assert_cmpuint (count_of (counts, "status"), ==, 2);
  redline_post_set_kind (post, REDLINE_CONTENT_KIND_ARTICLE);
  redline_post_set_kind (post, REDLINE_CONTENT_KIND_ARTICLE);
  g_assert_cmpuint (count_of (counts, "kind"), ==, 2);
}

/* A paid placement is advertising: its kind sets the purpose, once. */
static void
test_purpose (void)
{
  g_autoptr(RedlinePost) post = redline_post_new (1, REDLINE_CONTENT_KIND_ARTICLE);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RedlinePost) copy = NULL;

  g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_ADVERTISING);
  g_signal_connect (post, "notify", G_CALLBACK (count_notify_cb), counts);
  redline_post_set_purpose (post, REDLINE_PURPOSE_EDITORIAL);
  g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_EDITORIAL);
  copy = redline_post_copy (post);
  g_assert_cmpint (redline_post_get_purpose (copy), ==, REDLINE_PURPOSE_EDITORIAL);

  redline_post_set_kind (post, REDLINE_CONTENT_KIND_GROUP_MESSAGE);
  g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_EDITORIAL);
  redline_post_set_kind (post, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_ADVERTISING);
  g_assert_cmpuint (count_of (counts, "purpose"), ==, 2);
  g_assert_cmpuint (count_of (counts, "kind"), ==, 2);

  for (RedlineContentKind kind = 0; kind < REDLINE_N_CONTENT_KINDS; kind++)
    for (RedlinePurpose purpose = 0; purpose < REDLINE_N_PURPOSES; purpose++)
      g_assert_cmpint (redline_content_kind_purpose (kind, purpose), ==,
                       redline_content_kind_is_paid (kind) ? REDLINE_PURPOSE_ADVERTISING
                                                           : purpose);
  g_assert_true (redline_content_kind_is_paid (REDLINE_CONTENT_KIND_MINI_PROGRAM));
  g_assert_false (redline_content_kind_is_paid (REDLINE_CONTENT_KIND_CHANNELS));

  /* A paid placement refuses another purpose. */
  if (g_test_undefined ())
    {
      g_test_expect_message ("redline-post", G_LOG_LEVEL_CRITICAL, "*purpose*");
      redline_post_set_purpose (post, REDLINE_PURPOSE_NOTICE);
      g_test_assert_expected_messages ();
      g_assert_cmpint (redline_post_get_purpose (post), ==, REDLINE_PURPOSE_ADVERTISING);
    }
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
  g_autoptr(RedlinePost) post = NULL;
  g_autoptr(RedlinePost) copy = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redline-post-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "copy.redline", NULL);
  file = g_file_new_for_path (path);
  project = redline_project_create (file, "Copies", &error);
  g_assert_no_error (error);
  g_assert_true (redline_project_add_campaign (project, campaign, &error));
  g_assert_no_error (error);

  post = redline_post_new (redline_campaign_get_id (campaign), REDLINE_CONTENT_KIND_MOMENTS_AD);
  redline_post_set_title (post, "Spring menu");
  redline_post_set_body (post, "New drinks every week.");
  redline_post_set_digest (post, "Eight new drinks, one a week.");
  redline_post_set_author (post, "Lumi 咖啡编辑部");
  redline_post_set_call_to_action (post, "Order now");
  redline_post_set_link (post, "https://example.com/menu");
  redline_post_set_scheduled_at (post, "2024-03-02T09:00:00+08:00");
  redline_post_set_status (post, REDLINE_POST_STATUS_IN_REVIEW);
  g_assert_true (redline_project_add_post (project, post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (redline_post_get_id (post), >, 0);
  g_assert_nonnull (redline_post_get_created_at (post));

  copy = redline_post_copy (post);
  g_assert_true (copy != post);
  g_assert_cmpint (redline_post_get_id (copy), ==, redline_post_get_id (post));
  g_assert_cmpstr (redline_post_get_updated_at (copy), ==, redline_post_get_updated_at (post));
  assert_equal (G_OBJECT (post), G_OBJECT (copy));

  /* Independent: changing the copy leaves the original and its file alone. */
  g_signal_connect (post, "notify", G_CALLBACK (count_notify_cb), counts);
  redline_post_set_title (copy, "Summer menu");
  redline_post_set_kind (copy, REDLINE_CONTENT_KIND_ARTICLE);
  redline_post_set_status (copy, REDLINE_POST_STATUS_DRAFT);
  g_assert_cmpstr (redline_post_get_title (post), ==, "Spring menu");
  g_assert_cmpint (redline_post_get_kind (post), ==, REDLINE_CONTENT_KIND_MOMENTS_AD);
  g_assert_cmpint (redline_post_get_status (post), ==, REDLINE_POST_STATUS_IN_REVIEW);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_true (redline_project_find_post (project, redline_post_get_id (post)) == post);

  /* Every field, the digest and author too, is in the file: read back by a second
   * connection, the post compares equal. */
  {
    g_autoptr(RedlineProject) reopened = redline_project_open (file,
                                                               REDLINE_PROJECT_FLAGS_READ_ONLY,
                                                               &error);
    RedlinePost *read;

    g_assert_no_error (error);
    read = redline_project_find_post (reopened, redline_post_get_id (post));
    g_assert_nonnull (read);
    g_assert_cmpstr (redline_post_get_digest (read), ==, "Eight new drinks, one a week.");
    g_assert_cmpstr (redline_post_get_author (read), ==, "Lumi 咖啡编辑部");
    assert_equal (G_OBJECT (post), G_OBJECT (read));
  }

  redline_project_close (project);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/redline/post/enum-properties", test_enum_properties);
  g_test_add_func ("/redline/post/status-nicks", test_status_nicks);
  g_test_add_func ("/redline/post/notify-once", test_notify_once);
  g_test_add_func ("/redline/post/purpose", test_purpose);
  g_test_add_func ("/redline/post/copy", test_copy);

  return g_test_run ();
}
