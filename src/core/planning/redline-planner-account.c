/* redline-planner-account.c: the platform's limits on an account's menu
 * and automatic replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-planning"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-finding.h"
#include "redline-labels.h"
#include "redline-planner.h"

/* The planner's checks of an account's own content. They read the limits of
 * the platform data (redline_platform_get_menu_limits(),
 * redline_platform_get_reply_limits()) and the account's other items in
 * the project, and work on an item being drafted (not yet stored) as on a
 * stored one: a draft counts as the last of its kind. */

static void
add_finding (GPtrArray        *findings,
             RedlinePlatform  *platform,
             const char       *rule_id,
             RedlineEcosystem  ecosystem,
             RedlineField      field,
             const char       *message)
{
  RedlineRule *rule = redline_platform_get_check (platform, rule_id);

  g_ptr_array_add (findings, redline_finding_new_for_field (rule, ecosystem, field, message));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/**
 * redline_menu_name_shown:
 * @name: a menu item's name
 * @shown: how wide the chat bar shows a name, in Chinese characters (a
 *   narrow character is half of one), as #RedlineMenuLimits says
 * @cut: (out) (optional): whether the name is cut
 *
 * Returns: (transfer full): @name as the chat bar shows it: cut with “…”
 *   where it is wider than @shown
 */
char *
redline_menu_name_shown (const char *name,
                         guint       shown,
                         gboolean   *cut)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize width = 0;

  g_return_val_if_fail (name != NULL, NULL);

  if (cut != NULL)
    *cut = FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2 : 1;
      if (width > 2 * (gsize) shown)
        {
          g_string_append (out, "…");
          if (cut != NULL)
            *cut = TRUE;
          break;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Where @item stands among the account's items of its level, counting a
 * new draft as the last. */
static guint
menu_index (RedlineProject  *project,
            RedlineMenuItem *item)
{
  g_autoptr(GPtrArray) menu =
    redline_project_list_menu (project, redline_menu_item_get_ecosystem (item),
                               redline_menu_item_get_account (item));
  gint64 parent_id = redline_menu_item_get_parent_id (item);
  gint64 id = redline_menu_item_get_id (item);
  guint index = 0;

  /* A copy (redline_menu_item_copy()) stands where its item is. */
  for (guint i = 0; i < menu->len; i++)
    {
      RedlineMenuItem *other = g_ptr_array_index (menu, i);

      if (other == item || (id != 0 && redline_menu_item_get_id (other) == id))
        return index;
      if (redline_menu_item_get_parent_id (other) == parent_id)
        index++;
    }
  return index;
}

/**
 * redline_planner_check_menu_item:
 * @self: a #RedlinePlanner with a project
 * @item: a menu item of the project, or one being drafted for it
 *
 * Checks @item against the platform's limits on menus: whether the menu
 * shows it (three top-level items, five sub-items each), its name's length
 * in bytes and the width the chat bar shows, and that an item without
 * sub-items does something when tapped, with a link short enough.
 *
 * Returns: (transfer full) (element-type RedlineFinding): its findings, on
 *   its account's ecosystem
 */
GPtrArray *
redline_planner_check_menu_item (RedlinePlanner  *self,
                                 RedlineMenuItem *item)
{
  RedlinePlatform *platform;
  RedlineProject *project;
  const RedlineMenuLimits *limits;
  GPtrArray *findings;
  RedlineEcosystem ecosystem;
  RedlineMenuLevel level;
  const char *name;
  const char *link;
  gsize bytes;
  guint index;
  g_autofree char *shown = NULL;
  gboolean cut = FALSE;

  g_return_val_if_fail (REDLINE_IS_PLANNER (self), NULL);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), NULL);
  g_return_val_if_fail (redline_planner_get_project (self) != NULL, NULL);

  platform = redline_planner_get_platform (self);
  project = redline_planner_get_project (self);
  limits = redline_platform_get_menu_limits (platform);
  findings = g_ptr_array_new_with_free_func (g_object_unref);
  ecosystem = redline_menu_item_get_ecosystem (item);
  level = redline_menu_item_get_parent_id (item) == 0 ? REDLINE_MENU_LEVEL_TOP
                                                      : REDLINE_MENU_LEVEL_SUB;
  name = redline_menu_item_get_name (item) != NULL ? redline_menu_item_get_name (item) : "";

  index = menu_index (project, item);
  if (level == REDLINE_MENU_LEVEL_TOP && index >= limits->items)
    {
      g_autofree char *message =
        /* TRANSLATORS: %s: a menu item's name; %u: its place, such as 4; %u: how many the
         * platform shows, such as 3 */
        g_strdup_printf (_("“%s” is top-level item %u; the chat bar shows %u: it is not shown."),
                         name, index + 1, limits->items);

      add_finding (findings, platform, "platform.menu.items", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }
  else if (level == REDLINE_MENU_LEVEL_SUB && index >= limits->sub_items)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is sub-item %u; a menu item opens %u: it is not shown."),
                         name, index + 1, limits->sub_items);

      add_finding (findings, platform, "platform.menu.items", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }

  bytes = strlen (name);
  shown = redline_menu_name_shown (name, limits->name_shown[level], &cut);
  if (bytes > limits->name_bytes[level])
    {
      g_autofree char *message =
        g_strdup_printf (level == REDLINE_MENU_LEVEL_TOP
                         /* TRANSLATORS: %s: a menu item's name; %zu, %u: bytes */
                         ? _("“%s” is %zu bytes long; a top-level item’s name may have %u (a "
                             "Chinese character takes 3).")
                         : _("“%s” is %zu bytes long; a sub-item’s name may have %u (a Chinese "
                             "character takes 3)."),
                         name, bytes, limits->name_bytes[level]);

      add_finding (findings, platform, "platform.menu.name", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }
  else if (cut)
    {
      g_autofree char *message =
        g_strdup_printf (level == REDLINE_MENU_LEVEL_TOP
                         /* TRANSLATORS: %s: a menu item's name; %u: a number of Chinese
                          * characters */
                         ? _("“%s” is wider than the %u Chinese characters a top-level item "
                             "shows: the rest is cut off with “…”.")
                         : _("“%s” is wider than the %u Chinese characters a sub-item shows: "
                             "the rest is cut off with “…”."),
                         name, limits->name_shown[level]);

      add_finding (findings, platform, "platform.menu.name-shown", ecosystem,
                   REDLINE_FIELD_TITLE, message);
    }

  if (redline_project_count_sub_items (project, item) > 0)
    return findings;
  link = redline_menu_item_get_link (item);
  if (redline_menu_item_get_action (item) == REDLINE_MENU_ACTION_LINK && link != NULL &&
      link[0] != '\0')
    {
      if (strlen (link) > limits->link_bytes)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” opens a link of %zu bytes; the platform takes %u."), name,
                             strlen (link), limits->link_bytes);

          add_finding (findings, platform, "platform.menu.action", ecosystem, REDLINE_FIELD_LINK,
                       message);
        }
    }
  else if (redline_menu_item_get_action (item) == REDLINE_MENU_ACTION_LINK ||
           is_blank (redline_menu_item_get_message (item)))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” does nothing when tapped: give it a message to send, a page to "
                           "open or sub-items."), name);

      add_finding (findings, platform, "platform.menu.action", ecosystem,
                   redline_menu_item_get_action (item) == REDLINE_MENU_ACTION_LINK
                   ? REDLINE_FIELD_LINK : REDLINE_FIELD_BODY, message);
    }
  return findings;
}

/* The account's keyword replies, in the order they were added, @reply
 * among them (last when it is a draft). */
static GPtrArray *
list_keyword_replies (RedlineProject   *project,
                      RedlineAutoReply *reply)
{
  GListModel *replies = redline_project_get_auto_replies (project);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean seen = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
    {
      RedlineAutoReply *other = g_list_model_get_item (replies, i);

      if (other == reply ||
          (redline_auto_reply_get_id (reply) != 0 &&
           redline_auto_reply_get_id (other) == redline_auto_reply_get_id (reply)))
        {
          seen = TRUE;
          g_ptr_array_add (list, g_object_ref (reply));
          g_object_unref (other);
        }
      else if (redline_auto_reply_get_trigger (other) == REDLINE_REPLY_TRIGGER_KEYWORD &&
               redline_auto_reply_get_ecosystem (other) == redline_auto_reply_get_ecosystem (reply) &&
               g_strcmp0 (redline_auto_reply_get_account (other),
                          redline_auto_reply_get_account (reply)) == 0)
        g_ptr_array_add (list, other);
      else
        g_object_unref (other);
    }
  if (!seen)
    g_ptr_array_add (list, g_object_ref (reply));
  return list;
}

static void
check_keywords (RedlinePlanner   *self,
                RedlineAutoReply *reply,
                GPtrArray        *findings)
{
  RedlinePlatform *platform = redline_planner_get_platform (self);
  const RedlineReplyLimits *limits = redline_platform_get_reply_limits (platform);
  RedlineEcosystem ecosystem = redline_auto_reply_get_ecosystem (reply);
  const char * const *keywords = redline_auto_reply_get_keywords (reply);
  const char *name = redline_auto_reply_get_name (reply);
  g_autoptr(GPtrArray) rules = list_keyword_replies (redline_planner_get_project (self), reply);
  guint index = 0;
  guint n = g_strv_length ((char **) keywords);

  g_ptr_array_find (rules, reply, &index);
  if (index >= limits->rules)
    {
      g_autofree char *message =
        /* TRANSLATORS: %u: the reply's place, such as 201; %u: the platform's limit */
        g_strdup_printf (_("This is keyword reply %u of the account; the platform takes %u."),
                         index + 1, limits->rules);

      add_finding (findings, platform, "platform.reply.keywords", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }
  if (name != NULL && (gulong) g_utf8_strlen (name, -1) > limits->rule_name)
    {
      g_autofree char *message =
        g_strdup_printf (_("The rule name has %ld characters; the platform takes %u."),
                         g_utf8_strlen (name, -1), limits->rule_name);

      add_finding (findings, platform, "platform.reply.keywords", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }
  if (n > limits->keywords)
    {
      g_autofree char *message =
        g_strdup_printf (_("The reply has %u keywords; the platform takes %u."), n,
                         limits->keywords);

      add_finding (findings, platform, "platform.reply.keywords", ecosystem, REDLINE_FIELD_TITLE,
                   message);
    }
  for (guint i = 0; keywords[i] != NULL; i++)
    {
      if ((gulong) g_utf8_strlen (keywords[i], -1) > limits->keyword_length)
        {
          g_autofree char *message =
            g_strdup_printf (_("The keyword “%s” has %ld characters; the platform takes %u."),
                             keywords[i], g_utf8_strlen (keywords[i], -1),
                             limits->keyword_length);

          add_finding (findings, platform, "platform.reply.keywords", ecosystem,
                       REDLINE_FIELD_TITLE, message);
        }
      for (guint r = 0; r < rules->len; r++)
        {
          RedlineAutoReply *other = g_ptr_array_index (rules, r);
          const char *other_name = redline_auto_reply_get_name (other);

          if (other == reply ||
              !g_strv_contains (redline_auto_reply_get_keywords (other), keywords[i]))
            continue;
          {
            g_autofree char *message =
              other_name != NULL && other_name[0] != '\0'
              /* TRANSLATORS: %s: a keyword; %s: another reply's rule name */
              ? g_strdup_printf (_("“%s” is also a keyword of “%s”: followers get only one of "
                                   "the two replies."), keywords[i], other_name)
              : g_strdup_printf (_("“%s” is also a keyword of another reply: followers get only "
                                   "one of the two."), keywords[i]);

            add_finding (findings, platform, "platform.reply.keyword-taken", ecosystem,
                         REDLINE_FIELD_TITLE, message);
          }
          break;
        }
    }
}

/**
 * redline_planner_check_auto_reply:
 * @self: a #RedlinePlanner with a project
 * @reply: an automatic reply of the project, or one being drafted for it
 *
 * Checks @reply against the platform's limits on automatic replies: its
 * text's length for its trigger, and for a keyword reply, the account's
 * number of keyword replies, the rule name's length, the number and length
 * of its keywords, and keywords another reply of the account has too.
 *
 * Returns: (transfer full) (element-type RedlineFinding): its findings, on
 *   its account's ecosystem
 */
GPtrArray *
redline_planner_check_auto_reply (RedlinePlanner   *self,
                                  RedlineAutoReply *reply)
{
  RedlinePlatform *platform;
  const RedlineReplyLimits *limits;
  RedlineReplyTrigger trigger;
  GPtrArray *findings;
  const char *text;
  glong length;

  g_return_val_if_fail (REDLINE_IS_PLANNER (self), NULL);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), NULL);
  g_return_val_if_fail (redline_planner_get_project (self) != NULL, NULL);

  platform = redline_planner_get_platform (self);
  limits = redline_platform_get_reply_limits (platform);
  trigger = redline_auto_reply_get_trigger (reply);
  findings = g_ptr_array_new_with_free_func (g_object_unref);
  text = redline_auto_reply_get_text (reply);
  length = text != NULL && g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : 0;
  if (length > (glong) limits->text[trigger])
    {
      g_autofree char *message =
        /* TRANSLATORS: %ld: the reply's length; %s: what it is, such as “Welcome message”;
         * %u: the platform's limit */
        g_strdup_printf (_("The reply has %ld characters; a reply of the kind “%s” may have %u."),
                         length, redline_reply_trigger_label (trigger), limits->text[trigger]);

      add_finding (findings, platform, "platform.reply.length", redline_auto_reply_get_ecosystem (reply),
                   REDLINE_FIELD_BODY, message);
    }
  if (trigger == REDLINE_REPLY_TRIGGER_KEYWORD)
    check_keywords (self, reply, findings);
  return findings;
}
