/* redline-project-check.c: a project's rule set, and checking its posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "redline-project-private.h"
#include "redline-rule-pack.h"
#include "redline-rule-set.h"

/* The packs of @rule_set and their versions, as a JSON object. */
char *
_redline_pack_versions_to_json (RedlineRuleSet *rule_set)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; rule_set != NULL && i < redline_rule_set_get_n_packs (rule_set); i++)
    {
      RedlineRulePack *pack = redline_rule_set_get_pack (rule_set, i);

      json_builder_set_member_name (builder, redline_rule_pack_get_id (pack));
      json_builder_add_string_value (builder, redline_rule_pack_get_version (pack));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * redline_project_create_rule_set:
 * @self: a #RedlineProject
 * @packs: (element-type RedlineRulePack): the packs available, such as
 *   those of redline_rule_pack_load_builtin()
 * @error: return location for a #GError
 *
 * Compiles the rule set the project's posts are checked with: those of
 * @packs the project enables (all when it names none), a pack made of the
 * project's banned terms, its allowlist and allowed terms, and the field
 * length limits of its length profile.
 *
 * Returns: (transfer full): the rule set, or %NULL
 */
RedlineRuleSet *
redline_project_create_rule_set (RedlineProject  *self,
                                 GPtrArray       *packs,
                                 GError         **error)
{
  return redline_project_create_rule_set_for_profile (self, packs, -1, error);
}

/**
 * redline_project_create_rule_set_for_profile:
 * @self: a #RedlineProject
 * @packs: (element-type RedlineRulePack): the packs available
 * @length_profile: a #RedlineLengthProfile, or -1 for the project's own
 * @error: return location for a #GError
 *
 * As redline_project_create_rule_set(), with the length limits of
 * @length_profile whatever the project's setting is.
 *
 * Returns: (transfer full): the rule set, or %NULL
 */
RedlineRuleSet *
redline_project_create_rule_set_for_profile (RedlineProject  *self,
                                             GPtrArray       *packs,
                                             int              length_profile,
                                             GError         **error)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_object_unref);
  RedlineRuleSetOptions options = {
    .allowed_domains = (const char * const *) self->allowed_domains,
    .allowed_terms = (const char * const *) self->allowed_terms,
    .length_profile = length_profile >= 0 ? (RedlineLengthProfile) length_profile
                                          : self->length_profile,
  };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (length_profile >= -1 && length_profile < REDLINE_N_LENGTH_PROFILES,
                        NULL);

  if (length_profile < 0 && !_redline_project_check_length_profile (self, error))
    return NULL;

  for (guint i = 0; i < packs->len; i++)
    {
      RedlineRulePack *pack = g_ptr_array_index (packs, i);

      if (self->enabled_packs[0] == NULL ||
          g_strv_contains ((const char * const *) self->enabled_packs,
                           redline_rule_pack_get_id (pack)))
        g_ptr_array_add (used, g_object_ref (pack));
    }

  /* The file may come from another program: its terms get the checks the
   * setter makes before any of them goes into the pack. */
  for (guint i = 0; i < self->banned_terms->len; i++)
    {
      if (!_redline_validate_banned_term (g_ptr_array_index (self->banned_terms, i), error))
        {
          g_prefix_error (error, _("%s: project setting “%s”: "), self->display_name,
                          _("banned terms"));
          return NULL;
        }
    }

  if (self->banned_terms->len > 0)
    {
      g_autofree char *name = g_strdup_printf ("%s#banned-terms", self->display_name);
      g_autofree RedlinePackTerm *terms = g_new (RedlinePackTerm, self->banned_terms->len);
      RedlinePackTerm *term = terms;
      RedlineRulePack *pack;

      /* One rule per category, in the order the store keeps them. */
      for (guint i = 0; i < self->banned_terms->len; i++, term++)
        {
          RedlineBannedTerm *banned = g_ptr_array_index (self->banned_terms, i);

          term->term = banned->term;
          term->category = banned->category;
        }
      pack = redline_rule_pack_new_terms ("project.banned-terms", "1.0.0", name,
                                          _("Terms banned by the project"), "project.banned.",
                                          /* TRANSLATORS: a finding's message; keep {text},
                                           * the term found */
                                          _("“{text}” is on the project’s list of banned terms."),
                                          terms, self->banned_terms->len, error);
      if (pack == NULL)
        return NULL;
      g_ptr_array_add (used, pack);
    }

  {
    RedlineRuleSet *rule_set = redline_rule_set_new (used, &options, error);

    if (rule_set == NULL)
      return NULL;
    /* The audit log names the packs in force with every entry. */
    g_free (self->packs_in_force);
    self->packs_in_force = _redline_pack_versions_to_json (rule_set);
    return rule_set;
  }
}

/**
 * redline_project_get_post_ecosystem:
 * @self: a #RedlineProject
 * @post: one of its posts
 *
 * Returns: the ecosystem of @post's campaign
 */
RedlineEcosystem
redline_project_get_post_ecosystem (RedlineProject *self,
                                    RedlinePost    *post)
{
  RedlineCampaign *campaign;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), REDLINE_ECOSYSTEM_WEIXIN);
  g_return_val_if_fail (REDLINE_IS_POST (post), REDLINE_ECOSYSTEM_WEIXIN);

  campaign = redline_project_find_campaign (self, redline_post_get_campaign_id (post));
  g_return_val_if_fail (campaign != NULL, REDLINE_ECOSYSTEM_WEIXIN);
  return redline_campaign_get_ecosystem (campaign);
}

/**
 * redline_project_post_document:
 * @post: a post
 * @document: (out caller-allocates): its fields as a document to check
 *
 * The document borrows @post's strings: it is valid while @post is unchanged.
 */
void
redline_project_post_document (RedlinePost     *post,
                               RedlineDocument *document)
{
  g_return_if_fail (REDLINE_IS_POST (post));
  g_return_if_fail (document != NULL);

  document->fields[REDLINE_FIELD_TITLE] = redline_post_get_title (post);
  document->fields[REDLINE_FIELD_DIGEST] = redline_post_get_digest (post);
  document->fields[REDLINE_FIELD_AUTHOR] = redline_post_get_author (post);
  document->fields[REDLINE_FIELD_BODY] = redline_post_get_body (post);
  document->fields[REDLINE_FIELD_CALL_TO_ACTION] = redline_post_get_call_to_action (post);
  document->fields[REDLINE_FIELD_LINK] = redline_post_get_link (post);
  document->purpose = redline_post_get_purpose (post);
}

/**
 * redline_project_check_post:
 * @self: a #RedlineProject
 * @rule_set: a rule set, usually from redline_project_create_rule_set()
 * @post: one of the project's posts
 * @ecosystem: the ecosystem to check for, usually
 *   redline_project_get_post_ecosystem()
 *
 * Checks the title, body, call to action and link of @post as its content
 * kind. The findings that a waiver of the project covers are marked waived
 * (redline_finding_get_waived()).
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding
 */
GListModel *
redline_project_check_post (RedlineProject   *self,
                            RedlineRuleSet   *rule_set,
                            RedlinePost      *post,
                            RedlineEcosystem  ecosystem)
{
  RedlineDocument document = { { NULL } };
  GListModel *findings;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);

  redline_project_post_document (post, &document);
  findings = redline_rule_set_check (rule_set, &document, ecosystem, redline_post_get_kind (post));
  _redline_waivers_table_apply (self, post, findings);
  return findings;
}

/**
 * redline_project_get_qr_code_ecosystem:
 * @self: a #RedlineProject
 * @code: one of its QR codes
 *
 * Returns: the ecosystem of @code's campaign
 */
RedlineEcosystem
redline_project_get_qr_code_ecosystem (RedlineProject *self,
                                       RedlineQrCode  *code)
{
  RedlineCampaign *campaign;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), REDLINE_ECOSYSTEM_WEIXIN);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), REDLINE_ECOSYSTEM_WEIXIN);

  campaign = redline_project_find_campaign (self, redline_qr_code_get_campaign_id (code));
  g_return_val_if_fail (campaign != NULL, REDLINE_ECOSYSTEM_WEIXIN);
  return redline_campaign_get_ecosystem (campaign);
}

/**
 * redline_project_check_qr_code:
 * @self: a #RedlineProject
 * @rule_set: a rule set, usually from redline_project_create_rule_set()
 * @code: one of the project's QR codes
 * @ecosystem: the ecosystem to check for, usually
 *   redline_project_get_qr_code_ecosystem()
 *
 * Checks the link @code encodes, with its source parameter, as the link of
 * a post would be checked: against the project's allowlist and the
 * ecosystem's rules on links. A link that is not a web address is checked
 * as written.
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding, in the
 *   %REDLINE_FIELD_LINK field
 */
GListModel *
redline_project_check_qr_code (RedlineProject   *self,
                               RedlineRuleSet   *rule_set,
                               RedlineQrCode    *code,
                               RedlineEcosystem  ecosystem)
{
  RedlineDocument document = { { NULL } };
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), NULL);

  encoded = redline_qr_code_dup_encoded_link (code);
  document.fields[REDLINE_FIELD_LINK] = encoded != NULL ? encoded
                                                        : redline_qr_code_get_link (code);
  /* A code is no advertising copy of its own: the rules on links bind
   * every purpose, the Advertising Law's wording rules do not apply to an
   * address. */
  document.purpose = REDLINE_PURPOSE_NOTICE;
  return redline_rule_set_check (rule_set, &document, ecosystem, REDLINE_CONTENT_KIND_ARTICLE);
}

/**
 * redline_project_check_auto_reply:
 * @self: a #RedlineProject
 * @rule_set: a rule set, usually from redline_project_create_rule_set()
 * @reply: one of the project's replies, or one being drafted
 *
 * Checks the text @reply sends with the rules of its account's ecosystem,
 * as content of kind %REDLINE_CONTENT_KIND_AUTO_REPLY. A brand's account
 * writing to its followers by itself is commercial communication: the
 * text is checked as advertising. The platform's limits on replies are
 * the planner's (redline_planner_check_auto_reply()).
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding, in the
 *   %REDLINE_FIELD_BODY field
 */
GListModel *
redline_project_check_auto_reply (RedlineProject   *self,
                                  RedlineRuleSet   *rule_set,
                                  RedlineAutoReply *reply)
{
  RedlineDocument document = { { NULL } };

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), NULL);

  document.fields[REDLINE_FIELD_BODY] = redline_auto_reply_get_text (reply);
  document.purpose = REDLINE_PURPOSE_ADVERTISING;
  return redline_rule_set_check (rule_set, &document, redline_auto_reply_get_ecosystem (reply),
                                 REDLINE_CONTENT_KIND_AUTO_REPLY);
}

/**
 * redline_project_check_menu_item:
 * @self: a #RedlineProject
 * @rule_set: a rule set, usually from redline_project_create_rule_set()
 * @item: one of the project's menu items, or one being drafted
 *
 * Checks @item with the rules of its account's ecosystem, as content of
 * kind %REDLINE_CONTENT_KIND_MENU and purpose advertising: its name as the
 * title, and what tapping it does: the message it sends as the body, or
 * the page it opens as the link. An item with sub-items only opens them.
 * The platform's limits on menus are the planner's
 * (redline_planner_check_menu_item()).
 *
 * Returns: (transfer full): a #GListModel of #RedlineFinding
 */
GListModel *
redline_project_check_menu_item (RedlineProject  *self,
                                 RedlineRuleSet  *rule_set,
                                 RedlineMenuItem *item)
{
  RedlineDocument document = { { NULL } };
  gboolean opens;

  g_return_val_if_fail (REDLINE_IS_PROJECT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), NULL);

  opens = redline_project_count_sub_items (self, item) > 0;
  document.fields[REDLINE_FIELD_TITLE] = redline_menu_item_get_name (item);
  if (!opens && redline_menu_item_get_action (item) == REDLINE_MENU_ACTION_MESSAGE)
    document.fields[REDLINE_FIELD_BODY] = redline_menu_item_get_message (item);
  else if (!opens)
    document.fields[REDLINE_FIELD_LINK] = redline_menu_item_get_link (item);
  document.purpose = REDLINE_PURPOSE_ADVERTISING;
  return redline_rule_set_check (rule_set, &document, redline_menu_item_get_ecosystem (item),
                                 REDLINE_CONTENT_KIND_MENU);
}
