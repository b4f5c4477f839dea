/* redline-context.c: the service root: packs, the open project, the rule set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One RedlineContext holds what every check needs: the rule packs that are
 * available, the project that is open (if any) and the rule set built from
 * both. The rule set is rebuilt whenever a pack comes or goes, the project
 * changes, or one of the project's settings that feed the checker changes,
 * and "rule-set" is notified once per change (the set itself is built when
 * next asked for). The CLI and the app both check
 * through a context, so they give the same findings for the same copy.
 */

#define G_LOG_DOMAIN "redline-context"

#include "config.h"

#include "redline-context.h"
#include "redline-finding.h"

struct _RedlineContext
{
  GObject         parent_instance;

  GListStore     *packs;
  RedlineProject *project;
  GSignalGroup   *project_signals;
  RedlineRuleSet *rule_set;
  GError         *rule_set_error;
  gboolean        rule_set_valid;
  int             length_profile; /* a RedlineLengthProfile, or -1: the project's */
  RedlinePlanner *planner;      /* made when first needed */
  RedlineCalendar *calendar;    /* made when first needed */
};

G_DEFINE_FINAL_TYPE (RedlineContext, redline_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PACKS,
  PROP_PROJECT,
  PROP_RULE_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The project settings the rule set is built from. */
static const char * const checker_settings[] = {
  "allowed-domains",
  "allowed-terms",
  "banned-terms",
  "enabled-packs",
  "length-profile",
};

static GPtrArray *
dup_packs (RedlineContext *self)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packs));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (packs, g_list_model_get_item (G_LIST_MODEL (self->packs), i));
  return packs;
}

/* Built when first asked for after a change: adding the built-in packs and
 * then a user pack compiles once, not twice. */
static void
ensure_rule_set (RedlineContext *self)
{
  g_autoptr(GPtrArray) packs = NULL;

  if (self->rule_set_valid)
    return;

  packs = dup_packs (self);
  if (self->project != NULL)
    {
      self->rule_set = redline_project_create_rule_set_for_profile (self->project, packs,
                                                                    self->length_profile,
                                                                    &self->rule_set_error);
    }
  else
    {
      RedlineRuleSetOptions options = {
        .length_profile = self->length_profile >= 0
                          ? (RedlineLengthProfile) self->length_profile
                          : REDLINE_LENGTH_PROFILE_EDITOR,
      };

      self->rule_set = redline_rule_set_new (packs, &options, &self->rule_set_error);
    }
  if (self->rule_set_error != NULL)
    g_debug ("No rule set: %s", self->rule_set_error->message);
  self->rule_set_valid = TRUE;
}

static void
invalidate_rule_set (RedlineContext *self)
{
  g_clear_object (&self->rule_set);
  g_clear_error (&self->rule_set_error);
  self->rule_set_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE_SET]);
}

static void
on_project_notify_cb (RedlineContext *self,
                      GParamSpec     *pspec,
                      RedlineProject *project)
{
  for (guint i = 0; i < G_N_ELEMENTS (checker_settings); i++)
    {
      if (g_str_equal (pspec->name, checker_settings[i]))
        {
          invalidate_rule_set (self);
          return;
        }
    }
}

static void
on_packs_items_changed_cb (RedlineContext *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *packs)
{
  invalidate_rule_set (self);
}

static void
redline_context_dispose (GObject *object)
{
  RedlineContext *self = (RedlineContext *) object;

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->planner);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rule_set);
  if (self->packs != NULL)
    g_signal_handlers_disconnect_by_data (self->packs, self);
  g_clear_object (&self->packs);

  G_OBJECT_CLASS (redline_context_parent_class)->dispose (object);
}

static void
redline_context_finalize (GObject *object)
{
  RedlineContext *self = (RedlineContext *) object;

  g_clear_error (&self->rule_set_error);

  G_OBJECT_CLASS (redline_context_parent_class)->finalize (object);
}

static void
redline_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RedlineContext *self = REDLINE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_PACKS:
      g_value_set_object (value, self->packs);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_RULE_SET:
      g_value_set_object (value, redline_context_get_rule_set (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RedlineContext *self = REDLINE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      redline_context_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redline_context_class_init (RedlineContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redline_context_dispose;
  object_class->finalize = redline_context_finalize;
  object_class->get_property = redline_context_get_property;
  object_class->set_property = redline_context_set_property;

  properties[PROP_PACKS] =
    g_param_spec_object ("packs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, REDLINE_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE_SET] =
    g_param_spec_object ("rule-set", NULL, NULL, REDLINE_TYPE_RULE_SET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redline_context_init (RedlineContext *self)
{
  self->length_profile = -1;
  self->packs = g_list_store_new (REDLINE_TYPE_RULE_PACK);
  g_signal_connect_object (self->packs, "items-changed",
                           G_CALLBACK (on_packs_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->project_signals = g_signal_group_new (REDLINE_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "notify",
                                 G_CALLBACK (on_project_notify_cb), self, G_CONNECT_SWAPPED);
}

/**
 * redline_context_new:
 *
 * Returns: (transfer full): a context with no pack and no project; its rule
 *   set is empty until packs are added
 */
RedlineContext *
redline_context_new (void)
{
  return g_object_new (REDLINE_TYPE_CONTEXT, NULL);
}

/**
 * redline_context_load_builtin_packs:
 * @self: a #RedlineContext
 * @error: return location for a #GError
 *
 * Adds the rule packs built into Redline.
 *
 * Returns: %TRUE if they loaded
 */
gboolean
redline_context_load_builtin_packs (RedlineContext  *self,
                                    GError         **error)
{
  g_autoptr(GPtrArray) packs = NULL;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  packs = redline_rule_pack_load_builtin (error);
  if (packs == NULL)
    return FALSE;
  /* One change, so one notification. */
  g_list_store_splice (self->packs, g_list_model_get_n_items (G_LIST_MODEL (self->packs)), 0,
                       packs->pdata, packs->len);
  return TRUE;
}

/**
 * redline_context_add_pack_file:
 * @self: a #RedlineContext
 * @file: a rule pack
 * @error: return location for a #GError in %REDLINE_RULES_ERROR
 *
 * Loads @file and adds it. An invalid pack is refused whole, naming the file,
 * line and column, and the packs already there keep working.
 *
 * Returns: (transfer none) (nullable): the pack, or %NULL
 */
RedlineRulePack *
redline_context_add_pack_file (RedlineContext  *self,
                               GFile           *file,
                               GError         **error)
{
  g_autoptr(RedlineRulePack) pack = NULL;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pack = redline_rule_pack_new_from_file (file, error);
  if (pack == NULL)
    return NULL;
  g_list_store_append (self->packs, pack);
  return pack;
}

/**
 * redline_context_add_pack:
 * @self: a #RedlineContext
 * @pack: a rule pack
 *
 * Adds a pack that is already loaded.
 */
void
redline_context_add_pack (RedlineContext  *self,
                          RedlineRulePack *pack)
{
  g_return_if_fail (REDLINE_IS_CONTEXT (self));
  g_return_if_fail (REDLINE_IS_RULE_PACK (pack));

  g_list_store_append (self->packs, pack);
}

/**
 * redline_context_remove_pack:
 * @self: a #RedlineContext
 * @pack: one of its packs
 *
 * Takes @pack away; the rule set is built again without it.
 *
 * Returns: whether @pack was there
 */
gboolean
redline_context_remove_pack (RedlineContext  *self,
                             RedlineRulePack *pack)
{
  guint position;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (REDLINE_IS_RULE_PACK (pack), FALSE);

  if (!g_list_store_find (self->packs, pack, &position))
    return FALSE;
  g_list_store_remove (self->packs, position);
  return TRUE;
}

/**
 * redline_context_get_packs:
 * @self: a #RedlineContext
 *
 * Returns: (transfer none): a list model of the #RedlineRulePack available,
 *   enabled for the project or not
 */
GListModel *
redline_context_get_packs (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  return G_LIST_MODEL (self->packs);
}

/**
 * redline_context_get_project:
 * @self: a #RedlineContext
 *
 * Returns: (transfer none) (nullable): the open project
 */
RedlineProject *
redline_context_get_project (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  return self->project;
}

/**
 * redline_context_set_project:
 * @self: a #RedlineContext
 * @project: (nullable): the project to check with, or %NULL for none
 *
 * The rule set follows the project's enabled packs, link allowlist, allowed
 * and banned terms from now on.
 */
void
redline_context_set_project (RedlineContext *self,
                             RedlineProject *project)
{
  g_return_if_fail (REDLINE_IS_CONTEXT (self));
  g_return_if_fail (project == NULL || REDLINE_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_signal_group_set_target (self->project_signals, project);
  if (self->planner != NULL)
    redline_planner_set_project (self->planner, project);
  invalidate_rule_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * redline_context_set_length_profile:
 * @self: a #RedlineContext
 * @length_profile: a #RedlineLengthProfile, or -1 (the default) for the
 *   project's setting, or the editor's limits when there is no project
 *
 * Chooses whose field length limits the rule set checks against, whatever
 * the project says: for a command line that asks for one.
 */
void
redline_context_set_length_profile (RedlineContext *self,
                                    int             length_profile)
{
  g_return_if_fail (REDLINE_IS_CONTEXT (self));
  g_return_if_fail (length_profile >= -1 && length_profile < REDLINE_N_LENGTH_PROFILES);

  if (self->length_profile == length_profile)
    return;
  self->length_profile = length_profile;
  invalidate_rule_set (self);
}

/**
 * redline_context_get_rule_set:
 * @self: a #RedlineContext
 *
 * Returns: (transfer none) (nullable): the rule set for the packs and the
 *   project, or %NULL when it could not be built (see
 *   redline_context_get_rule_set_error())
 */
RedlineRuleSet *
redline_context_get_rule_set (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);

  ensure_rule_set (self);
  return self->rule_set;
}

/**
 * redline_context_get_rule_set_error:
 * @self: a #RedlineContext
 *
 * Returns: (transfer none) (nullable): why there is no rule set (a project
 *   setting that cannot be used, say), or %NULL
 */
const GError *
redline_context_get_rule_set_error (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);

  ensure_rule_set (self);
  return self->rule_set_error;
}

/**
 * redline_context_get_planner:
 * @self: a #RedlineContext
 *
 * The planner of the open project, with the planning data built into
 * Redline.
 *
 * Returns: (transfer none): the planner
 */
RedlinePlanner *
redline_context_get_planner (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);

  if (self->planner == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedlinePlatform) platform = redline_platform_load_builtin (&error);

      /* The data is built in and tested: failing to load it is a bug. */
      if (platform == NULL)
        g_error ("%s", error->message);
      self->planner = redline_planner_new (platform);
      redline_planner_set_project (self->planner, self->project);
    }
  return self->planner;
}

/**
 * redline_context_get_calendar:
 * @self: a #RedlineContext
 *
 * The calendar of festivals, shopping dates and public holidays built
 * into Redline.
 *
 * Returns: (transfer none): the calendar
 */
RedlineCalendar *
redline_context_get_calendar (RedlineContext *self)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);

  if (self->calendar == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->calendar = redline_calendar_load_builtin (&error);
      /* The data is built in and tested: failing to load it is a bug. */
      if (self->calendar == NULL)
        g_error ("%s", error->message);
    }
  return self->calendar;
}

/* The planning findings of @post, if it is the open project's and
 * @ecosystem is its campaign's: a post is planned on its own ecosystem. */
static GPtrArray *
plan_post (RedlineContext   *self,
           RedlinePost      *post,
           RedlineEcosystem  ecosystem)
{
  if (self->project == NULL ||
      redline_project_find_post (self->project, redline_post_get_id (post)) == NULL ||
      redline_project_get_post_ecosystem (self->project, post) != ecosystem)
    return g_ptr_array_new ();
  return redline_planner_check_post (redline_context_get_planner (self), post);
}

typedef struct
{
  RedlineProject     *project;
  RedlinePost        *post;
  RedlineFindingFunc  func;
  gpointer            user_data;
} Waiving;

static gboolean
waive_cb (RedlineFinding *finding,
          gpointer        user_data)
{
  Waiving *waiving = user_data;

  redline_project_apply_waivers (waiving->project, waiving->post, finding);
  return waiving->func (finding, waiving->user_data);
}

/**
 * redline_context_check_post_stream:
 * @self: a #RedlineContext with a rule set
 * @post: a post
 * @ecosystem: the ecosystem to check for (usually its campaign's)
 * @func: (scope call): called with each finding, in text order
 * @user_data: data for @func
 *
 * Checks @post with its own content kind, handing on findings as they are
 * found, so memory stays small on long posts. With a project, its waivers
 * mark the findings they cover.
 *
 * Returns: %FALSE if @func stopped the check
 */
gboolean
redline_context_check_post_stream (RedlineContext     *self,
                                   RedlinePost        *post,
                                   RedlineEcosystem    ecosystem,
                                   RedlineFindingFunc  func,
                                   gpointer            user_data)
{
  RedlineDocument document = { { NULL } };

  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (redline_context_get_rule_set (self) != NULL, FALSE);
  g_return_val_if_fail (REDLINE_IS_POST (post), FALSE);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  redline_project_post_document (post, &document);
  if (self->project != NULL)
    {
      Waiving waiving = { self->project, post, func, user_data };
      g_autoptr(GPtrArray) planned = NULL;

      if (!redline_rule_set_check_stream (self->rule_set, &document, ecosystem,
                                          redline_post_get_kind (post), waive_cb, &waiving))
        return FALSE;
      planned = plan_post (self, post, ecosystem);
      for (guint i = 0; i < planned->len; i++)
        if (!func (g_ptr_array_index (planned, i), user_data))
          return FALSE;
      return TRUE;
    }
  return redline_rule_set_check_stream (self->rule_set, &document, ecosystem,
                                        redline_post_get_kind (post), func, user_data);
}

/**
 * redline_context_check_post:
 * @self: a #RedlineContext with a rule set
 * @post: a post
 * @ecosystem: the ecosystem to check for
 *
 * Checks @post with its own content kind; with a project, its waivers mark
 * the findings they cover, and the planner's findings about the post's
 * place in the plan (category `platform`) follow those of its copy.
 *
 * Returns: (transfer full): a list model of #RedlineFinding, in text order
 */
GListModel *
redline_context_check_post (RedlineContext   *self,
                            RedlinePost      *post,
                            RedlineEcosystem  ecosystem)
{
  RedlineDocument document = { { NULL } };

  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (redline_context_get_rule_set (self) != NULL, NULL);
  g_return_val_if_fail (REDLINE_IS_POST (post), NULL);
  g_return_val_if_fail (ecosystem < REDLINE_N_ECOSYSTEMS, NULL);

  if (self->project != NULL)
    {
      GListModel *findings = redline_project_check_post (self->project, self->rule_set, post,
                                                         ecosystem);
      g_autoptr(GPtrArray) planned = plan_post (self, post, ecosystem);

      /* After the copy's findings, as the document's own come last. */
      for (guint i = 0; i < planned->len; i++)
        g_list_store_append (G_LIST_STORE (findings), g_ptr_array_index (planned, i));
      return findings;
    }
  redline_project_post_document (post, &document);
  return redline_rule_set_check (self->rule_set, &document, ecosystem,
                                 redline_post_get_kind (post));
}

/**
 * redline_context_check_qr_code:
 * @self: a #RedlineContext with a project and a rule set
 * @code: one of the project's QR codes
 *
 * Checks the link @code encodes on its campaign's ecosystem
 * (redline_project_check_qr_code()).
 *
 * Returns: (transfer full): a list model of #RedlineFinding
 */
GListModel *
redline_context_check_qr_code (RedlineContext *self,
                               RedlineQrCode  *code)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_PROJECT (self->project), NULL);
  g_return_val_if_fail (redline_context_get_rule_set (self) != NULL, NULL);
  g_return_val_if_fail (REDLINE_IS_QR_CODE (code), NULL);

  return redline_project_check_qr_code (self->project, self->rule_set, code,
                                        redline_project_get_qr_code_ecosystem (self->project,
                                                                               code));
}

/* The findings of an account's content, then the planner's on its limits. */
static GListModel *
append_planned (GListModel *findings,
                GPtrArray  *planned)
{
  for (guint i = 0; i < planned->len; i++)
    g_list_store_append (G_LIST_STORE (findings), g_ptr_array_index (planned, i));
  g_ptr_array_unref (planned);
  return findings;
}

/**
 * redline_context_check_auto_reply:
 * @self: a #RedlineContext with a project and a rule set
 * @reply: one of the project's automatic replies, or one being drafted
 *
 * Checks the text of @reply on its account's ecosystem
 * (redline_project_check_auto_reply()), then the platform's limits on it
 * (redline_planner_check_auto_reply()).
 *
 * Returns: (transfer full): a list model of #RedlineFinding
 */
GListModel *
redline_context_check_auto_reply (RedlineContext   *self,
                                  RedlineAutoReply *reply)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_PROJECT (self->project), NULL);
  g_return_val_if_fail (redline_context_get_rule_set (self) != NULL, NULL);
  g_return_val_if_fail (REDLINE_IS_AUTO_REPLY (reply), NULL);

  return append_planned (redline_project_check_auto_reply (self->project, self->rule_set, reply),
                         redline_planner_check_auto_reply (redline_context_get_planner (self),
                                                           reply));
}

/**
 * redline_context_check_menu_item:
 * @self: a #RedlineContext with a project and a rule set
 * @item: one of the project's menu items, or one being drafted
 *
 * Checks @item on its account's ecosystem
 * (redline_project_check_menu_item()), then the platform's limits on it
 * (redline_planner_check_menu_item()).
 *
 * Returns: (transfer full): a list model of #RedlineFinding
 */
GListModel *
redline_context_check_menu_item (RedlineContext  *self,
                                 RedlineMenuItem *item)
{
  g_return_val_if_fail (REDLINE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (REDLINE_IS_PROJECT (self->project), NULL);
  g_return_val_if_fail (redline_context_get_rule_set (self) != NULL, NULL);
  g_return_val_if_fail (REDLINE_IS_MENU_ITEM (item), NULL);

  return append_planned (redline_project_check_menu_item (self->project, self->rule_set, item),
                         redline_planner_check_menu_item (redline_context_get_planner (self),
                                                          item));
}
