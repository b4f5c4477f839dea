/* redline-link-scan.c: the pass of "links" rules: links to domains off the allowlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-rule-set"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "redline-finding-private.h"
#include "redline-fold-private.h"
#include "redline-rule-pack.h"
#include "redline-scan-private.h"

static gboolean
domain_allowed (GPtrArray  *domains,
                const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; i < domains->len; i++)
    {
      const char *domain = g_ptr_array_index (domains, i);
      gsize len = strlen (domain);

      if (host_len == len && memcmp (host, domain, len) == 0)
        return TRUE;
      if (host_len > len && host[host_len - len - 1] == '.' &&
          memcmp (host + host_len - len, domain, len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The host of a link found by link_regex: without scheme, user, port, path. */
static char *
link_host (const char *link)
{
  const char *start = link;
  const char *end;
  const char *at;

  if (g_str_has_prefix (start, "http://"))
    start += 7;
  else if (g_str_has_prefix (start, "https://"))
    start += 8;
  end = start + strcspn (start, "/?#");
  at = memchr (start, '@', end - start);
  if (at != NULL)
    start = at + 1;
  for (const char *p = start; p < end; p++)
    {
      if (*p == ':')
        {
          end = p;
          break;
        }
    }
  while (end > start && end[-1] == '.')
    end--;
  return g_strndup (start, end - start);
}

/* The links of a piece whose host no rule of @all_rules allows. */
static void
scan_links (FieldScan *scan,
            GPtrArray *all_rules)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules = NULL;

  for (guint r = 0; r < all_rules->len; r++)
    {
      RedlineRule *rule = g_ptr_array_index (all_rules, r);

      if (_redline_scan_rule_applies (scan, rule, NULL))
        {
          if (rules == NULL)
            rules = g_ptr_array_new ();
          g_ptr_array_add (rules, rule);
        }
    }
  if (rules == NULL)
    return;

  /* Every link has a dot in its host: most Chinese copy has none. */
  {
    gboolean dot = FALSE;

    for (gsize i = 0; i < scan->n_chars && !dot; i++)
      dot = scan->chars[i] == '.';
    if (!dot)
      {
        g_ptr_array_unref (rules);
        return;
      }
  }

  _redline_scan_ensure_utf8 (scan);
  g_regex_match_full (scan->self->link_regex, scan->utf8, scan->utf8_len, 0,
                      G_REGEX_MATCH_NOTEMPTY, &match, &error);
  while (g_match_info_matches (match))
    {
      g_autofree char *link = g_match_info_fetch (match, 0);
      g_autofree char *host = NULL;
      int byte_start, byte_end;
      gsize start, end;

      /* Sentence punctuation glued to the end is not part of the link. */
      while (link[0] != '\0' && strchr (".,;:!?)]'", link[strlen (link) - 1]) != NULL)
        link[strlen (link) - 1] = '\0';
      host = link_host (link);
      g_match_info_fetch_pos (match, 0, &byte_start, &byte_end);
      start = _redline_scan_char_at_byte (scan, byte_start);
      end = _redline_scan_char_at_byte (scan, byte_start + strlen (link));

      for (guint i = 0; i < rules->len && host[0] != '\0' && end > start; i++)
        {
          RedlineRule *rule = g_ptr_array_index (rules, i);
          Hit hit = { 0 };

          if (domain_allowed (rule->allow_domains, host) ||
              domain_allowed (scan->self->allowed_domains, host))
            continue;

          hit.rule = rule;
          hit.field = scan->field;
                  hit.start = start;
          hit.end = end;
          hit.domain = g_strdup (host);
          g_array_append_val (scan->hits, hit);
        }
      g_match_info_next (match, &error);
    }
  if (error != NULL)
    {
      for (guint i = 0; i < rules->len; i++)
        _redline_scan_add_failure (scan, g_ptr_array_index (rules, i), NULL, 0, scan->n_chars,
                                   error);
    }
  g_ptr_array_unref (rules);
}

static const char *
get_domain (const Hit  *hit,
            const char *text,
            const char *missing,
            char       *buffer,
            gsize       size)
{
  return hit->domain;
}

/* "links" rules: {domain}, the host of the link. */
const RedlineRuleTypeCheck _redline_links_check = {
  .placeholders = (const RedlinePlaceholder[]) {
    { "domain", get_domain },
    { NULL, NULL },
  },
  .scan_piece = scan_links,
};
