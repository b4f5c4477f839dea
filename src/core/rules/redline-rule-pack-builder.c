/* redline-rule-pack-builder.c: a pack of term lists, built without XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program that keeps its own list of terms (a project's banned terms)
 * makes a pack of them here: one "terms" rule per category, checked as a
 * loaded pack is checked, with the rules, severities, messages and line
 * numbers that the same pack written as XML would have.
 */

#define G_LOG_DOMAIN "redline-rule-pack"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-fold-private.h"
#include "redline-rule-pack-private.h"
#include "redline-rule-private.h"
#include "redline-severity-policy.h"
#include "redline-text.h"
#include "redline-xml-private.h"

/* Where the parts of the pack would be in its XML form: the XML
 * declaration, <rulepack> and <title> take three lines, each declared
 * category one, and each rule one line each for <rule>, <message> and
 * <terms>, one per term, one for </terms>, one for its example and one for
 * </rule>. */
#define FIRST_CATEGORY_LINE 4
#define TERM_COLUMN 7      /* "      <term" */
#define EXAMPLE_COLUMN 5   /* "    <example" */

/* [a-z0-9]([a-z0-9._-]*[a-z0-9])?, as in the schema. */
static gboolean
is_identifier (const char *str)
{
  gsize len = str != NULL ? strlen (str) : 0;

  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = str[i];
      gboolean end = i == 0 || i == len - 1;

      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) ||
            (!end && (c == '.' || c == '_' || c == '-'))))
        return FALSE;
    }
  return TRUE;
}

/* [0-9]+(\.[0-9]+){0,3}, as in the schema. */
static gboolean
is_version (const char *str)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (str == NULL)
    return FALSE;
  parts = g_strsplit (str, ".", -1);
  n = g_strv_length (parts);
  if (n < 1 || n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
        }
    }
  return TRUE;
}

/* Text that XML could carry: UTF-8, no control character, no U+FFFE or
 * U+FFFF. Says which text and why. */
static gboolean
check_text (const char  *display_name,
            const char  *what,
            const char  *text,
            GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                   _("%s: %s is not UTF-8 text"), display_name, what);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xfffe || c == 0xffff)
        {
          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                       _("%s: %s holds U+%04X, which a rule pack cannot hold; a term is "
                         "plain text on one line"), display_name, what, c);
          return FALSE;
        }
    }
  return TRUE;
}


G_GNUC_PRINTF (6, 7)
static void
set_place_error (GError     **error,
                 const char  *display_name,
                 guint        line,
                 gsize        column,
                 int          code,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, REDLINE_RULES_ERROR, code, "%s:%u:%" G_GSIZE_FORMAT ": %s",
               display_name, line, column, message);
}

/* The rule of @category, with those of @terms in it, as the XML form's
 * <rule> on @line would load. */
static RedlineRule *
build_rule (RedlineRulePack       *pack,
            const char            *display_name,
            const char            *rule_id,
            const char            *category,
            const char            *message,
            const RedlinePackTerm *terms,
            gsize                  n_terms,
            guint                  line,
            GError               **error)
{
  g_autoptr(RedlineRule) rule = _redline_rule_new ();
  g_autoptr(GStrvBuilder) suggestions = g_strv_builder_new ();
  RedlineExample *example = NULL;
  guint n = 0;

  rule->id = g_strdup (rule_id);
  rule->type = REDLINE_RULE_TYPE_TERMS;
  rule->category = g_strdup (category);
  rule->line = line;
  if (!_redline_rule_pack_category_defaults (pack, category, NULL, rule->severity,
                                             &rule->purposes))
    {
      /* At category= of <rule id="…" category="…">. */
      set_place_error (error, display_name, line,
                       strlen ("  <rule id=\"\" ") + strlen (rule_id) + 1,
                       REDLINE_RULES_ERROR_UNKNOWN_CATEGORY,
                       _("unknown category “%s”: use a standard one or declare it with "
                         "<category id=\"%s\" weixin=\"…\" wechat=\"…\"/>"),
                       category, category);
      return NULL;
    }
  rule->message = _redline_xml_collapse_space (message);
  rule->suggestions = g_strv_builder_end (suggestions);

  for (gsize i = 0; i < n_terms; i++)
    {
      RedlineTerm *term;
      g_autofree char *text = NULL;

      if (!g_str_equal (terms[i].category, category))
        continue;

      term = _redline_term_new ();
      g_ptr_array_add (rule->terms, term);
      term->id = g_strdup_printf ("t%u", ++n);
      term->line = line + 2 + n;
      text = g_strstrip (g_strdup (terms[i].term));
      _redline_phrase_init (&term->phrase, text);
      if (term->phrase.n_chars == 0)
        {
          set_place_error (error, display_name, term->line, TERM_COLUMN,
                           REDLINE_RULES_ERROR_INVALID,
                           _("the term “%s” is empty once spaces and punctuation are ignored"),
                           text);
          return NULL;
        }
      term->word_start = _redline_char_class (term->phrase.chars[0]) == REDLINE_CHAR_WORD;
      term->word_end =
        _redline_char_class (term->phrase.chars[term->phrase.n_chars - 1]) == REDLINE_CHAR_WORD;
      memcpy (term->severity, rule->severity, sizeof term->severity);

      /* The one example: the first term as given, all of it marked. */
      if (example == NULL)
        {
          example = g_new0 (RedlineExample, 1);
          example->kind = REDLINE_CONTENT_KIND_ARTICLE;
          example->field = REDLINE_FIELD_BODY;
          example->text = g_strdup (terms[i].term);
          example->has_marker = TRUE;
          example->marker_end = g_utf8_strlen (example->text, -1);
          g_ptr_array_add (rule->examples, example);
        }
    }
  g_assert (example != NULL);
  example->line = line + n + 4;

  if (rule->severity[REDLINE_ECOSYSTEM_WEIXIN] == REDLINE_SEVERITY_OFF &&
      rule->severity[REDLINE_ECOSYSTEM_WECHAT] == REDLINE_SEVERITY_OFF)
    {
      set_place_error (error, display_name, example->line, EXAMPLE_COLUMN,
                       REDLINE_RULES_ERROR_INVALID,
                       _("rule “%s” is off on both ecosystems"), rule->id);
      return NULL;
    }
  return g_steal_pointer (&rule);
}

/**
 * redline_rule_pack_new_terms:
 * @id: the pack's id, such as `project.banned-terms`
 * @version: the pack's version, such as `1.0.0`
 * @display_name: how to name the pack in messages
 * @title: the pack's title
 * @rule_id_prefix: each rule's id is this followed by its category, such as
 *   `project.banned.`
 * @message: the message of every rule; `{text}` is the term found
 * @terms: (array length=n_terms): the terms and their categories
 * @n_terms: the length of @terms
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Makes a pack of one "terms" rule per category of @terms, in the order the
 * categories first come, each with those of @terms in that category as
 * terms `t1`, `t2`, … and one incorrect example, its first term. A category
 * that is not standard is declared by the pack, an error on Weixin and a
 * warning on WeChat. The pack is checked as a loaded one is: ids and
 * categories must be identifiers, terms plain text on one line (no control
 * character) that is not empty once spaces and punctuation are ignored.
 * Errors name @display_name and the line and column the same pack would
 * have in XML.
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 */
RedlineRulePack *
redline_rule_pack_new_terms (const char             *id,
                             const char             *version,
                             const char             *display_name,
                             const char             *title,
                             const char             *rule_id_prefix,
                             const char             *message,
                             const RedlinePackTerm  *terms,
                             gsize                   n_terms,
                             GError                **error)
{
  static const RedlineSeverity declared[REDLINE_N_ECOSYSTEMS] = {
    [REDLINE_ECOSYSTEM_WEIXIN] = REDLINE_SEVERITY_ERROR,
    [REDLINE_ECOSYSTEM_WECHAT] = REDLINE_SEVERITY_WARNING,
  };
  g_autoptr(RedlineRulePack) self = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *stripped_title = NULL;
  guint line;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (rule_id_prefix != NULL, NULL);
  g_return_val_if_fail (terms != NULL || n_terms == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_identifier (id))
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                   _("%s: “%s” is not a pack id: use lower-case letters, digits, “-”, “_” "
                     "and “.”"), display_name, id != NULL ? id : "");
      return NULL;
    }
  if (!is_version (version))
    {
      g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                   _("%s: “%s” is not a pack version: use numbers such as 1.0.0"),
                   display_name, version != NULL ? version : "");
      return NULL;
    }
  if (!check_text (display_name, _("the title"), title, error) ||
      !check_text (display_name, _("the message"), message, error))
    return NULL;

  for (gsize i = 0; i < n_terms; i++)
    {
      g_autofree char *rule_id = NULL;
      g_autofree char *what = NULL;

      if (!is_identifier (terms[i].category))
        {
          g_autofree char *shown =
            terms[i].category != NULL ? g_utf8_make_valid (terms[i].category, -1) : NULL;

          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                       _("%s: “%s” is not a category name: use lower-case letters, digits, "
                         "“-”, “_” and “.”"), display_name, shown != NULL ? shown : "");
          return NULL;
        }
      what = g_strdup_printf (_("the term %u (category “%s”)"),
                              (guint) MIN (i + 1, G_MAXUINT), terms[i].category);
      if (!check_text (display_name, what, terms[i].term, error))
        return NULL;
      if (terms[i].term[0] == '\0')
        {
          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                       _("%s: %s is empty"), display_name, what);
          return NULL;
        }
      rule_id = g_strconcat (rule_id_prefix, terms[i].category, NULL);
      if (!is_identifier (rule_id))
        {
          g_set_error (error, REDLINE_RULES_ERROR, REDLINE_RULES_ERROR_INVALID,
                       _("%s: “%s” is not a rule id: use lower-case letters, digits, “-”, "
                         "“_” and “.”"), display_name, rule_id);
          return NULL;
        }
      if (g_hash_table_add (seen, (gpointer) terms[i].category))
        g_ptr_array_add (categories, (gpointer) terms[i].category);
    }

  stripped_title = g_strstrip (g_strdup (title));
  self = _redline_rule_pack_new_empty (id, version, stripped_title, display_name);

  line = FIRST_CATEGORY_LINE;
  for (guint c = 0; c < categories->len; c++)
    {
      if (_redline_rule_pack_declare_category (self, g_ptr_array_index (categories, c),
                                               declared, REDLINE_PURPOSES_ALL))
        line++;
    }

  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      g_autofree char *rule_id = g_strconcat (rule_id_prefix, category, NULL);
      RedlineRule *rule = build_rule (self, display_name, rule_id, category, message,
                                      terms, n_terms, line, error);

      if (rule == NULL)
        return NULL;
      _redline_rule_pack_take_rule (self, rule);
      line += redline_rule_get_n_terms (rule) + 6;
    }
  return g_steal_pointer (&self);
}

/**
 * redline_rule_pack_new_plan:
 * @id: the pack's id, such as `redline.platform`
 * @version: the pack's version
 * @display_name: how to name the pack in messages (the data file's name)
 * @title: the pack's title
 * @checks: (array length=n_checks): its rules, valid (the caller read them
 *   from validated data)
 * @n_checks: the length of @checks
 *
 * Makes the pack of the planner's "plan" rules, category `platform` unless
 * a check names another, so
 * that its findings name a rule, a pack and a reference as every other
 * finding does. A rule set never holds these rules: the planner makes their
 * findings (redline_finding_new_for_post()).
 *
 * Returns: (transfer full): the pack
 */
RedlineRulePack *
redline_rule_pack_new_plan (const char             *id,
                            const char             *version,
                            const char             *display_name,
                            const char             *title,
                            const RedlinePlanCheck *checks,
                            gsize                   n_checks)
{
  g_autoptr(RedlineRulePack) self = NULL;

  g_return_val_if_fail (is_identifier (id), NULL);
  g_return_val_if_fail (is_version (version), NULL);
  g_return_val_if_fail (display_name != NULL && title != NULL, NULL);
  g_return_val_if_fail (checks != NULL || n_checks == 0, NULL);

  self = _redline_rule_pack_new_empty (id, version, title, display_name);
  for (gsize i = 0; i < n_checks; i++)
    {
      RedlineRule *rule = _redline_rule_new ();

      g_return_val_if_fail (is_identifier (checks[i].id), NULL);
      rule->id = g_strdup (checks[i].id);
      rule->type = REDLINE_RULE_TYPE_PLAN;
      rule->category = g_strdup (checks[i].category != NULL ? checks[i].category : "platform");
      memcpy (rule->severity, checks[i].severity, sizeof rule->severity);
      rule->message = g_strdup (checks[i].message);
      rule->reference = g_strdup (checks[i].reference);
      rule->url = g_strdup (checks[i].url);
      rule->suggestions = g_new0 (char *, 1);
      _redline_rule_pack_take_rule (self, rule);
    }
  return g_steal_pointer (&self);
}
