/* redline-finding.c: one thing the checker found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redline-finding"

#include "config.h"

#include "redline-finding-private.h"

G_DEFINE_FINAL_TYPE (RedlineFinding, redline_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_CATEGORY,
  PROP_ECOSYSTEM,
  PROP_SEVERITY,
  PROP_OTHER_SEVERITY,
  PROP_FIELD,
  PROP_SCOPE,
  PROP_START,
  PROP_END,
  PROP_LINE,
  PROP_COLUMN,
  PROP_TEXT,
  PROP_MESSAGE,
  PROP_SUGGESTIONS,
  PROP_REFERENCE,
  PROP_PACK_ID,
  PROP_WAIVED,
  PROP_OUTSIDE_PURPOSE,
  PROP_OUTSIDE_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redline_finding_finalize (GObject *object)
{
  RedlineFinding *self = (RedlineFinding *) object;

  g_clear_object (&self->rule);
  g_clear_object (&self->pack);
  g_free (self->text);
  g_free (self->message);
  g_free (self->missing);
  g_free (self->trigger);
  g_free (self->waived_by);
  g_free (self->waived_at);
  g_free (self->waiver_justification);

  G_OBJECT_CLASS (redline_finding_parent_class)->finalize (object);
}

static void
redline_finding_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RedlineFinding *self = REDLINE_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule->id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->rule->category);
      break;
    case PROP_ECOSYSTEM:
      g_value_set_enum (value, self->ecosystem);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_OTHER_SEVERITY:
      g_value_set_enum (value, self->other_severity);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;
    case PROP_START:
      g_value_set_uint64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint64 (value, self->end);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_SUGGESTIONS:
      g_value_set_boxed (value, redline_finding_get_suggestions (self));
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->rule->reference);
      break;
    case PROP_PACK_ID:
      g_value_set_string (value, redline_finding_get_pack_id (self));
      break;
    case PROP_WAIVED:
      g_value_set_boolean (value, redline_finding_get_waived (self));
      break;
    case PROP_OUTSIDE_PURPOSE:
      g_value_set_boolean (value, self->outside_purpose);
      break;
    case PROP_OUTSIDE_CONTEXT:
      g_value_set_boolean (value, self->outside_context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_finding_class_init (RedlineFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redline_finding_finalize;
  object_class->get_property = redline_finding_get_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_ECOSYSTEM] = g_param_spec_enum ("ecosystem", NULL, NULL, REDLINE_TYPE_ECOSYSTEM,
                                                  REDLINE_ECOSYSTEM_WEIXIN, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, REDLINE_TYPE_SEVERITY,
                                                 REDLINE_SEVERITY_OFF, flags);
  /* What the other ecosystem says of the same finding. */
  properties[PROP_OTHER_SEVERITY] = g_param_spec_enum ("other-severity", NULL, NULL,
                                                       REDLINE_TYPE_SEVERITY,
                                                       REDLINE_SEVERITY_OFF, flags);
  properties[PROP_FIELD] = g_param_spec_enum ("field", NULL, NULL, REDLINE_TYPE_FIELD,
                                              REDLINE_FIELD_TITLE, flags);
  properties[PROP_SCOPE] = g_param_spec_enum ("scope", NULL, NULL, REDLINE_TYPE_SCOPE,
                                              REDLINE_SCOPE_SPAN, flags);
  properties[PROP_START] = g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_END] = g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_SUGGESTIONS] = g_param_spec_boxed ("suggestions", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_PACK_ID] = g_param_spec_string ("pack-id", NULL, NULL, NULL, flags);
  /**
   * RedlineFinding:waived:
   *
   * Whether a reviewer has waived the finding (redline_finding_set_waived()).
   */
  properties[PROP_WAIVED] = g_param_spec_boolean ("waived", NULL, NULL, FALSE,
                                                  flags | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RedlineFinding:outside-purpose:
   *
   * Whether the rule does not bind copy of the purpose checked for (an
   * advertising-law rule on editorial copy): the finding is then only
   * information (redline_finding_get_outside_purpose()).
   */
  properties[PROP_OUTSIDE_PURPOSE] = g_param_spec_boolean ("outside-purpose", NULL, NULL, FALSE,
                                                           flags);
  /**
   * RedlineFinding:outside-context:
   *
   * Whether, in copy whose purpose was not stated, the hit reads as prose
   * rather than a claim about what is offered: the finding is then only
   * information (redline_finding_get_outside_context()).
   */
  properties[PROP_OUTSIDE_CONTEXT] = g_param_spec_boolean ("outside-context", NULL, NULL, FALSE,
                                                           flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_finding_init (RedlineFinding *self)
{
}

RedlineFinding *
_redline_finding_new (void)
{
  return g_object_new (REDLINE_TYPE_FINDING, NULL);
}

/**
 * redline_finding_new_for_post:
 * @rule: a rule that is about a post as a whole, such as a "plan" rule
 * @ecosystem: the ecosystem it was checked for
 * @message: what the finding says of this post
 *
 * Makes a finding about a whole post (scope "document") that is not found
 * in its text: the planner's, whose rules need the project around the
 * post. Its severities are @rule's on @ecosystem and on the other one.
 *
 * Returns: (transfer full): the finding
 */
RedlineFinding *
redline_finding_new_for_post (RedlineRule      *rule,
                              RedlineEcosystem  ecosystem,
                              const char       *message)
{
  return redline_finding_new_for_field (rule, ecosystem, REDLINE_FIELD_BODY, message);
}

/**
 * redline_finding_new_for_field:
 * @rule: a rule that is about a field as a whole, such as a "plan" rule
 * @ecosystem: the ecosystem it was checked for
 * @field: the field it is about
 * @message: what the finding says of this field
 *
 * As redline_finding_new_for_post(), about one field.
 *
 * Returns: (transfer full): the finding
 */
RedlineFinding *
redline_finding_new_for_field (RedlineRule      *rule,
                               RedlineEcosystem  ecosystem,
                               RedlineField      field,
                               const char       *message)
{
  RedlineFinding *self;

  g_return_val_if_fail (REDLINE_IS_RULE (rule), NULL);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);
  g_return_val_if_fail (field < REDLINE_N_FIELDS, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = _redline_finding_new ();
  self->rule = g_object_ref (rule);
  if (rule->pack != NULL)
    self->pack = g_object_ref (rule->pack);
  self->ecosystem = ecosystem;
  self->severity = rule->severity[ecosystem];
  self->other_severity = rule->severity[redline_ecosystem_other (ecosystem)];
  self->field = field;
  self->scope = REDLINE_SCOPE_DOCUMENT;
  self->text = g_strdup ("");
  self->message = g_strdup (message);
  return self;
}

const char *
redline_finding_get_rule_id (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->rule->id;
}

/**
 * redline_finding_get_term_id:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): the id of the term or pattern within its rule
 */
const char *
redline_finding_get_term_id (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->term_id;
}

const char *
redline_finding_get_pack_id (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->pack != NULL ? redline_rule_pack_get_id (self->pack) : NULL;
}

const char *
redline_finding_get_pack_version (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->pack != NULL ? redline_rule_pack_get_version (self->pack) : NULL;
}

const char *
redline_finding_get_category (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->rule->category;
}

RedlineSeverity
redline_finding_get_severity (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), REDLINE_SEVERITY_OFF);
  return self->severity;
}

RedlineEcosystem
redline_finding_get_ecosystem (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), REDLINE_ECOSYSTEM_WEIXIN);
  return self->ecosystem;
}

/**
 * redline_finding_get_other_severity:
 * @self: a #RedlineFinding
 *
 * Returns: what the same rule says on the other ecosystem
 */
RedlineSeverity
redline_finding_get_other_severity (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), REDLINE_SEVERITY_OFF);
  return self->other_severity;
}

RedlineField
redline_finding_get_field (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), REDLINE_FIELD_BODY);
  return self->field;
}

RedlineScope
redline_finding_get_scope (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), REDLINE_SCOPE_SPAN);
  return self->scope;
}

/**
 * redline_finding_get_start:
 * @self: a #RedlineFinding
 *
 * Returns: where the finding starts in its field, in code points of the text
 *   as written (0 for a finding about the whole document)
 */
gsize
redline_finding_get_start (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), 0);
  return self->start;
}

gsize
redline_finding_get_end (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), 0);
  return self->end;
}

guint
redline_finding_get_line (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), 0);
  return self->line;
}

guint
redline_finding_get_column (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), 0);
  return self->column;
}

const char *
redline_finding_get_text (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->text;
}

const char *
redline_finding_get_message (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->message;
}

/**
 * redline_finding_get_suggestions:
 * @self: a #RedlineFinding
 *
 * Returns: (transfer none) (array zero-terminated=1): replacements, maybe none
 */
const char * const *
redline_finding_get_suggestions (RedlineFinding *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->suggestions != NULL ? self->suggestions : none;
}

/**
 * redline_finding_get_reference:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): the legal or platform reference
 */
const char *
redline_finding_get_reference (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->rule->reference;
}

/**
 * redline_finding_get_url:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): where to read more
 */
const char *
redline_finding_get_url (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->rule->url;
}

/**
 * redline_finding_get_missing:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): for a missing phrase, the phrase the rule asks for
 */
const char *
redline_finding_get_missing (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->missing;
}

/**
 * redline_finding_get_trigger:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): for a missing phrase, the text that made it required
 */
const char *
redline_finding_get_trigger (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->trigger;
}

/**
 * redline_finding_compare:
 * @a: a #RedlineFinding
 * @b: another
 *
 * Orders findings as they are shown: by field, document-wide ones first, then
 * by position, then by rule.
 *
 * Returns: negative, zero or positive
 */
int
redline_finding_compare (RedlineFinding *a,
                         RedlineFinding *b)
{
  if (a->field != b->field)
    return a->field < b->field ? -1 : 1;
  if (a->scope != b->scope)
    return a->scope == REDLINE_SCOPE_DOCUMENT ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return g_strcmp0 (a->rule->id, b->rule->id);
}

/**
 * redline_finding_set_waived:
 * @self: a #RedlineFinding
 * @by: (nullable): who waived it, or %NULL to take the waiver back
 * @at: (nullable): when, as an ISO 8601 date and time
 * @justification: (nullable): why the finding does not apply
 *
 * Marks the finding as waived by a reviewer, as a project's waivers do. A
 * waived finding is still a finding: it is shown as waived and counted
 * apart, and no longer blocks an approval nor fails a check.
 */
void
redline_finding_set_waived (RedlineFinding *self,
                            const char     *by,
                            const char     *at,
                            const char     *justification)
{
  gboolean was_waived;

  g_return_if_fail (REDLINE_IS_FINDING (self));

  was_waived = self->waived_by != NULL;
  g_free (self->waived_by);
  g_free (self->waived_at);
  g_free (self->waiver_justification);
  self->waived_by = g_strdup (by);
  self->waived_at = by != NULL ? g_strdup (at) : NULL;
  self->waiver_justification = by != NULL ? g_strdup (justification) : NULL;
  if (was_waived != (by != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIVED]);
}

gboolean
redline_finding_get_waived (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), FALSE);
  return self->waived_by != NULL;
}

/**
 * redline_finding_get_outside_purpose:
 * @self: a #RedlineFinding
 *
 * A rule binds copy of some purposes only (redline_rule_applies_to_purpose()):
 * the Advertising Law's rules bind advertising. Checked as another purpose,
 * such a rule's hit is still reported, so that nobody mistakes an advert
 * for an article unseen, but at most as %REDLINE_SEVERITY_INFO; a duty of
 * the rule (a missing disclaimer) is not reported at all.
 *
 * Returns: whether the finding's rule does not bind the copy's purpose
 */
gboolean
redline_finding_get_outside_purpose (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), FALSE);
  return self->outside_purpose;
}

/**
 * redline_finding_get_outside_context:
 * @self: a #RedlineFinding
 *
 * A rule may ask for a context (context="ID" in its pack): a superlative is
 * a claim about what is offered, and 最好 in ordinary prose is not. Where
 * the copy's purpose was not stated (plain text given to redline-check
 * without --purpose), a hit that reads as prose (its sentence ends with a
 * full stop, and its paragraph holds more than the hit and no member of
 * that context's lexicon) is reported at most as %REDLINE_SEVERITY_INFO.
 * Copy stated to be advertising, and a paid placement, is never read this
 * way.
 *
 * Returns: whether the finding's hit lacks the context its rule asks for
 */
gboolean
redline_finding_get_outside_context (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), FALSE);
  return self->outside_context;
}

/**
 * redline_finding_get_waived_by:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): who waived it, or %NULL if it is not waived
 */
const char *
redline_finding_get_waived_by (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->waived_by;
}

/**
 * redline_finding_get_waived_at:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): when it was waived
 */
const char *
redline_finding_get_waived_at (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->waived_at;
}

/**
 * redline_finding_get_waiver_justification:
 * @self: a #RedlineFinding
 *
 * Returns: (nullable): why it was waived
 */
const char *
redline_finding_get_waiver_justification (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), NULL);
  return self->waiver_justification;
}

/**
 * redline_finding_blocks:
 * @self: a #RedlineFinding
 *
 * Returns: whether the finding is an error nobody has waived: what fails a
 *   check and blocks an approval
 */
gboolean
redline_finding_blocks (RedlineFinding *self)
{
  g_return_val_if_fail (REDLINE_IS_FINDING (self), FALSE);
  return self->severity == REDLINE_SEVERITY_ERROR && self->waived_by == NULL;
}
