/* redline-severity-policy.c: the default severity of each category, per ecosystem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy a rule falls back on when its pack sets no severity of its own
 * (doc/rule-packs.md, "The default severity policy"). The same finding is
 * often an error on Weixin, under PRC advertising law, and only information
 * on WeChat, under foreign law and Tencent's terms.
 *
 * The same table says which purposes of copy a category's rules apply to:
 * the Advertising Law's prohibitions and duties bind advertisements, so a
 * news article that names a superlative, or a notice without the health
 * food warning, is not a breach of them; platform content rules (sensitive
 * topics, links, personal data, lengths, promotions) bind every post.
 */

#include "config.h"

#include "redline-severity-policy.h"

typedef struct
{
  const char      *id;
  RedlineSeverity  weixin;
  RedlineSeverity  wechat;
  guint            purposes;
} CategoryPolicy;

#define ADS REDLINE_PURPOSE_BIT (REDLINE_PURPOSE_ADVERTISING)
#define ALL REDLINE_PURPOSES_ALL

static const CategoryPolicy standard_categories[] = {
  { "absolute-term", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_INFO, ADS },
  { "state-authority", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_INFO, ADS },
  { "sensitive-topic", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ALL },
  { "medical-claim", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ADS },
  { "financial-promise", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ADS },
  { "disclaimer", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ADS },
  { "link", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_OFF, ALL },
  { "data-consent", REDLINE_SEVERITY_WARNING, REDLINE_SEVERITY_WARNING, ALL },
  { "ad-label", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ADS },
  { "length", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_ERROR, ALL },
  { "platform", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_ERROR, ALL },
  /* Induced sharing and following (Weixin's platform rules), prize draws
   * and coupon conditions (Anti-Unfair Competition Law): they bind every
   * post, not only ads; abroad the platform rules still apply and prize
   * law is the target country's. */
  { "promotion", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ALL },
};

/* Sensitive topics differ most between the ecosystems. */
static const CategoryPolicy sensitive_topics[] = {
  { "politics", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_OFF, ALL },
  { "gambling", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_WARNING, ALL },
  { "drugs", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_ERROR, ALL },
  { "pornography", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_ERROR, ALL },
  { "hate", REDLINE_SEVERITY_ERROR, REDLINE_SEVERITY_ERROR, ALL },
};

static const CategoryPolicy *
find_policy (const CategoryPolicy *table,
             guint                 n,
             const char           *id)
{
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (table[i].id, id))
        return &table[i];
    }
  return NULL;
}

/**
 * redline_category_is_standard:
 * @category: a category id
 *
 * Returns: whether @category is one of the categories every pack may use
 */
gboolean
redline_category_is_standard (const char *category)
{
  g_return_val_if_fail (category != NULL, FALSE);
  return find_policy (standard_categories, G_N_ELEMENTS (standard_categories), category) != NULL;
}

/**
 * redline_severity_policy_lookup:
 * @category: a standard category
 * @topic: (nullable): the sensitive topic, for `sensitive-topic`
 * @severity: (out caller-allocates): the default severity on each ecosystem
 *
 * Returns: %FALSE, with @severity untouched, if @category is not standard
 */
gboolean
redline_severity_policy_lookup (const char      *category,
                                const char      *topic,
                                RedlineSeverity  severity[REDLINE_N_ECOSYSTEMS])
{
  const CategoryPolicy *policy;

  g_return_val_if_fail (category != NULL, FALSE);

  policy = find_policy (standard_categories, G_N_ELEMENTS (standard_categories), category);
  if (policy == NULL)
    return FALSE;
  if (topic != NULL)
    {
      const CategoryPolicy *by_topic =
        find_policy (sensitive_topics, G_N_ELEMENTS (sensitive_topics), topic);

      if (by_topic != NULL)
        policy = by_topic;
    }
  severity[REDLINE_ECOSYSTEM_WEIXIN] = policy->weixin;
  severity[REDLINE_ECOSYSTEM_WECHAT] = policy->wechat;
  return TRUE;
}

/**
 * redline_purpose_policy_lookup:
 * @category: a category id
 *
 * Returns: the purposes a rule of @category applies to by default, as
 *   %REDLINE_PURPOSE_BIT()s; every purpose for a category that is not
 *   standard
 */
guint
redline_purpose_policy_lookup (const char *category)
{
  const CategoryPolicy *policy;

  g_return_val_if_fail (category != NULL, REDLINE_PURPOSES_ALL);
  policy = find_policy (standard_categories, G_N_ELEMENTS (standard_categories), category);
  return policy != NULL ? policy->purposes : REDLINE_PURPOSES_ALL;
}
