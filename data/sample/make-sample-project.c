/* make-sample-project.c: builds a project file from its JSON source
 *
 * Used at build time for the sample project, so that the repository holds
 * readable text and the file is made by the same code as every project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "redline-core.h"

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static char **
get_strv (JsonObject *object,
          const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (builder);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* One menu item of the campaign's account, with its sub-items ("items"):
 * a "message" to send or a "link" to open. */
static gboolean
add_menu_item (RedlineProject  *project,
               RedlineCampaign *campaign,
               gint64           parent_id,
               JsonObject      *spec,
               GError         **error)
{
  g_autoptr(RedlineMenuItem) item =
    redline_menu_item_new (redline_campaign_get_ecosystem (campaign),
                           redline_campaign_get_account (campaign), parent_id,
                           get_string (spec, "name"));
  JsonArray *items = get_array (spec, "items");

  if (get_string (spec, "link") != NULL)
    {
      redline_menu_item_set_action (item, REDLINE_MENU_ACTION_LINK);
      redline_menu_item_set_link (item, get_string (spec, "link"));
    }
  redline_menu_item_set_message (item, get_string (spec, "message"));
  if (!redline_project_add_menu_item (project, item, error))
    return FALSE;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      if (!add_menu_item (project, campaign, redline_menu_item_get_id (item),
                          json_array_get_object_element (items, i), error))
        return FALSE;
    }
  return TRUE;
}

/* The automatic replies of the campaign's account. */
static gboolean
add_auto_reply (RedlineProject  *project,
                RedlineCampaign *campaign,
                JsonObject      *spec,
                GError         **error)
{
  g_auto(GStrv) keywords = get_strv (spec, "keywords");
  g_autoptr(RedlineAutoReply) reply = NULL;
  int trigger;

  if (!redline_enum_from_nick (REDLINE_TYPE_REPLY_TRIGGER, get_string (spec, "trigger"), &trigger))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad reply trigger");
      return FALSE;
    }
  reply = redline_auto_reply_new (redline_campaign_get_ecosystem (campaign),
                                  redline_campaign_get_account (campaign), trigger);
  redline_auto_reply_set_name (reply, get_string (spec, "name"));
  redline_auto_reply_set_keywords (reply, (const char * const *) keywords);
  redline_auto_reply_set_text (reply, get_string (spec, "text"));
  return redline_project_add_auto_reply (project, reply, error);
}

static gboolean
add_post (RedlineProject  *project,
          RedlineRuleSet  *rule_set,
          RedlineCampaign *campaign,
          JsonObject      *object,
          GError         **error)
{
  g_autoptr(RedlinePost) post = NULL;
  RedlineContentKind kind = REDLINE_CONTENT_KIND_ARTICLE;
  RedlinePostStatus status = REDLINE_POST_STATUS_DRAFT;
  RedlinePurpose purpose = REDLINE_PURPOSE_ADVERTISING;
  JsonArray *array;

  if (!redline_content_kind_from_string (get_string (object, "kind"), &kind) ||
      (get_string (object, "status") != NULL &&
       !redline_post_status_from_string (get_string (object, "status"), &status)) ||
      (get_string (object, "purpose") != NULL &&
       (!redline_purpose_from_string (get_string (object, "purpose"), &purpose) ||
        redline_content_kind_purpose (kind, purpose) != purpose)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad kind, status or purpose");
      return FALSE;
    }
  post = redline_post_new (redline_campaign_get_id (campaign), kind);
  redline_post_set_purpose (post, purpose);
  redline_post_set_title (post, get_string (object, "title"));
  redline_post_set_digest (post, get_string (object, "digest"));
  redline_post_set_author (post, get_string (object, "author"));
  redline_post_set_body (post, get_string (object, "body"));
  redline_post_set_call_to_action (post, get_string (object, "call_to_action"));
  redline_post_set_link (post, get_string (object, "link"));
  redline_post_set_scheduled_at (post, get_string (object, "scheduled_at"));
  if (!redline_project_add_post (project, post, error))
    return FALSE;

  if ((array = get_array (object, "reviews")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *review = json_array_get_object_element (array, i);
          g_autoptr(GListModel) findings =
            redline_project_check_post (project, rule_set, post,
                                        redline_campaign_get_ecosystem (campaign));
          RedlineReviewDecision decision =
            g_strcmp0 (get_string (review, "decision"), "approved") == 0
              ? REDLINE_REVIEW_DECISION_APPROVED : REDLINE_REVIEW_DECISION_REJECTED;

          if (!redline_project_add_review (project, post, decision,
                                           get_string (review, "reviewer"),
                                           get_string (review, "comment"), findings, rule_set,
                                           error))
            return FALSE;
        }
    }
  if ((array = get_array (object, "comments")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *comment = json_array_get_object_element (array, i);

          if (!redline_project_add_comment (project, post, get_string (comment, "author"),
                                            get_string (comment, "body"), error))
            return FALSE;
        }
    }
  if ((array = get_array (object, "waivers")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *waiver = json_array_get_object_element (array, i);

          if (!redline_project_add_waiver (project, post, get_string (waiver, "rule_id"),
                                           get_string (waiver, "text"),
                                           get_string (waiver, "justification"),
                                           get_string (waiver, "waived_by"), error))
            return FALSE;
        }
    }

  /* Reviews set the status; the source has the last word. */
  if (redline_post_get_status (post) != status)
    {
      redline_post_set_status (post, status);
      if (!redline_project_update_post (project, post, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_project (const char  *source,
              const char  *output,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(RedlineProject) project = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) banned = g_ptr_array_new_with_free_func (
    (GDestroyNotify) redline_banned_term_free);
  g_autoptr(RedlineRuleSet) rule_set = NULL;
  g_auto(GStrv) domains = NULL;
  g_auto(GStrv) allowed = NULL;
  JsonObject *root, *settings;
  JsonArray *campaigns, *array;

  if (!json_parser_load_from_file (parser, source, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  settings = json_object_get_object_member (root, "settings");

  g_unlink (output);
  project = redline_project_create (file, get_string (root, "name"), error);
  if (project == NULL)
    return FALSE;

  domains = get_strv (settings, "allowed_domains");
  allowed = get_strv (settings, "allowed_terms");
  if ((array = get_array (settings, "banned_terms")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *term = json_array_get_object_element (array, i);

          g_ptr_array_add (banned, redline_banned_term_new (get_string (term, "term"),
                                                            get_string (term, "category")));
        }
    }
  if (!redline_project_set_allowed_domains (project, (const char * const *) domains, error) ||
      !redline_project_set_allowed_terms (project, (const char * const *) allowed, error) ||
      !redline_project_set_banned_terms (project, banned, error))
    return FALSE;

  packs = redline_rule_pack_load_builtin (error);
  if (packs == NULL)
    return FALSE;
  rule_set = redline_project_create_rule_set (project, packs, error);
  if (rule_set == NULL)
    return FALSE;

  campaigns = json_object_get_array_member (root, "campaigns");
  for (guint c = 0; c < json_array_get_length (campaigns); c++)
    {
      JsonObject *object = json_array_get_object_element (campaigns, c);
      g_autoptr(RedlineCampaign) campaign = NULL;
      g_auto(GStrv) regions = get_strv (object, "target_regions");
      RedlineEcosystem ecosystem;
      JsonArray *posts, *codes, *menu, *replies;

      if (!redline_ecosystem_from_string (get_string (object, "ecosystem"), &ecosystem))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad ecosystem");
          return FALSE;
        }
      campaign = redline_campaign_new (get_string (object, "name"), ecosystem);
      redline_campaign_set_account_type (campaign, get_string (object, "account_type"));
      redline_campaign_set_account (campaign, get_string (object, "account"));
      redline_campaign_set_objective (campaign, get_string (object, "objective"));
      redline_campaign_set_start_date (campaign, get_string (object, "start_date"));
      redline_campaign_set_end_date (campaign, get_string (object, "end_date"));
      redline_campaign_set_budget (campaign, json_object_get_int_member (object, "budget"));
      redline_campaign_set_currency (campaign, get_string (object, "currency"));
      redline_campaign_set_target_regions (campaign, (const char * const *) regions);
      redline_campaign_set_notes (campaign, get_string (object, "notes"));
      if (!redline_project_add_campaign (project, campaign, error))
        return FALSE;

      posts = get_array (object, "posts");
      for (guint p = 0; posts != NULL && p < json_array_get_length (posts); p++)
        {
          if (!add_post (project, rule_set, campaign, json_array_get_object_element (posts, p),
                         error))
            return FALSE;
        }

      codes = get_array (object, "qr_codes");
      for (guint q = 0; codes != NULL && q < json_array_get_length (codes); q++)
        {
          JsonObject *spec = json_array_get_object_element (codes, q);
          g_autoptr(RedlineQrCode) code =
            redline_qr_code_new (redline_campaign_get_id (campaign),
                                 get_string (spec, "placement"), get_string (spec, "link"));
          RedlineQrErrorCorrection level = REDLINE_QR_ERROR_CORRECTION_MEDIUM;

          if (get_string (spec, "error_correction") != NULL &&
              !redline_qr_error_correction_from_string (get_string (spec, "error_correction"),
                                                        &level))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad error correction");
              return FALSE;
            }
          redline_qr_code_set_source (code, get_string (spec, "source"));
          redline_qr_code_set_error_correction (code, level);
          if (json_object_has_member (spec, "size_mm"))
            redline_qr_code_set_size_mm (code, json_object_get_int_member (spec, "size_mm"));
          if (!redline_project_add_qr_code (project, code, error))
            return FALSE;
        }

      menu = get_array (object, "menu");
      for (guint m = 0; menu != NULL && m < json_array_get_length (menu); m++)
        {
          if (!add_menu_item (project, campaign, 0, json_array_get_object_element (menu, m),
                              error))
            return FALSE;
        }
      replies = get_array (object, "auto_replies");
      for (guint r = 0; replies != NULL && r < json_array_get_length (replies); r++)
        {
          if (!add_auto_reply (project, campaign, json_array_get_object_element (replies, r),
                               error))
            return FALSE;
        }
    }
  redline_project_close (project);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: %s SOURCE.json OUTPUT.redline\n", argv[0]);
      return 2;
    }
  if (!make_project (argv[1], argv[2], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      g_unlink (argv[2]);
      return 1;
    }
  return 0;
}
