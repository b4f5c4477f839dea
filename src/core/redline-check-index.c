/* redline-check-index.c: what the checker finds in every post of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redline-check-index.h"
#include "redline-finding.h"
#include "redline-post-summary-private.h"

/**
 * RedlineCheckIndex:
 *
 * A list of #RedlinePostSummary, one per post of the context's project in
 * the project's order, with the error and warning counts of each post on
 * its campaign's ecosystem, and their sums per campaign.
 *
 * Counting is done a few milliseconds at a time from an idle callback of
 * low priority, so a project of any size opens at once and its counts fill
 * in as they come. A post is counted again when it changes, and every post
 * when the rule set does (a pack or a checker setting changed).
 * #RedlineCheckIndex::totals-changed tells when the sums moved.
 */
struct _RedlineCheckIndex
{
  GObject         parent_instance;

  RedlineContext *context;
  RedlineProject *project;
  GListStore     *summaries;
  GHashTable     *by_post;           /* RedlinePost → RedlinePostSummary */
  GQueue          pending;           /* RedlinePostSummary, each once */
  GHashTable     *queued;            /* RedlinePostSummary set */
  GHashTable     *totals;            /* gint64 campaign id → RedlineCampaignTotals */
  guint           idle_id;
};

G_DEFINE_FINAL_TYPE (RedlineCheckIndex, redline_check_index, G_TYPE_OBJECT)

enum {
  TOTALS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Default budget of one idle round: short enough that typing never waits. */
#define IDLE_BUDGET_USEC 6000

typedef struct
{
  guint errors;
  guint warnings;
  guint infos;
} Counts;

static gboolean
count_finding (RedlineFinding *finding,
               gpointer        user_data)
{
  Counts *counts = user_data;

  /* A waived finding no longer counts against its post. */
  if (redline_finding_get_waived (finding))
    return TRUE;
  switch (redline_finding_get_severity (finding))
    {
    case REDLINE_SEVERITY_ERROR:
      counts->errors++;
      break;
    case REDLINE_SEVERITY_WARNING:
      counts->warnings++;
      break;
    case REDLINE_SEVERITY_INFO:
      counts->infos++;
      break;
    case REDLINE_SEVERITY_OFF:
    default:
      break;
    }
  return TRUE;
}

static void
recompute_totals (RedlineCheckIndex *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));

  g_hash_table_remove_all (self->totals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlinePostSummary) summary =
        g_list_model_get_item (G_LIST_MODEL (self->summaries), i);
      RedlinePost *post = redline_post_summary_get_post (summary);
      gint64 campaign_id = redline_post_get_campaign_id (post);
      RedlineCampaignTotals *totals = g_hash_table_lookup (self->totals, &campaign_id);

      if (totals == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = campaign_id;
          totals = g_new0 (RedlineCampaignTotals, 1);
          g_hash_table_insert (self->totals, key, totals);
        }
      totals->posts++;
      totals->checked += redline_post_summary_get_checked (summary);
      totals->errors += redline_post_summary_get_errors (summary);
      totals->warnings += redline_post_summary_get_warnings (summary);
    }
  g_signal_emit (self, signals[TOTALS_CHANGED], 0);
}

static gboolean
on_idle_cb (gpointer user_data)
{
  RedlineCheckIndex *self = user_data;

  if (redline_check_index_run (self, IDLE_BUDGET_USEC))
    return G_SOURCE_CONTINUE;
  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule (RedlineCheckIndex *self)
{
  if (self->idle_id == 0 && !g_queue_is_empty (&self->pending))
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_idle_cb, self, NULL);
}

static void
enqueue (RedlineCheckIndex  *self,
         RedlinePostSummary *summary)
{
  _redline_post_summary_invalidate (summary);
  if (g_hash_table_add (self->queued, summary))
    g_queue_push_tail (&self->pending, g_object_ref (summary));
}

static void
on_post_notify_cb (RedlinePost *post,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  RedlineCheckIndex *self = user_data;
  RedlinePostSummary *summary = g_hash_table_lookup (self->by_post, post);

  /* The id and the timestamps change on every save; the counts do not. */
  if (summary == NULL || g_str_equal (pspec->name, "id") ||
      g_str_equal (pspec->name, "updated-at") || g_str_equal (pspec->name, "created-at") ||
      g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "scheduled-at"))
    return;
  enqueue (self, summary);
  if (g_str_equal (pspec->name, "campaign-id"))
    recompute_totals (self);
  schedule (self);
}

static void
forget_post (RedlineCheckIndex *self,
             RedlinePost       *post)
{
  g_signal_handlers_disconnect_by_func (post, on_post_notify_cb, self);
  g_hash_table_remove (self->by_post, post);
}

static RedlinePostSummary *
summary_for_post (RedlineCheckIndex *self,
                  RedlinePost       *post)
{
  RedlinePostSummary *summary = g_hash_table_lookup (self->by_post, post);

  if (summary != NULL)
    return g_object_ref (summary);
  summary = _redline_post_summary_new (post);
  g_hash_table_insert (self->by_post, post, g_object_ref (summary));
  g_signal_connect_object (post, "notify", G_CALLBACK (on_post_notify_cb), self, 0);
  enqueue (self, summary);
  return summary;
}

static void
on_posts_changed_cb (GListModel *posts,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  RedlineCheckIndex *self = user_data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  /* A post changed in place comes as one removed and one added at the same
   * position: keep its summary (and its counts) rather than start again. */
  for (guint i = 0; i < removed; i++)
    {
      g_autoptr(RedlinePostSummary) old =
        g_list_model_get_item (G_LIST_MODEL (self->summaries), position + i);

      g_ptr_array_add (kept, redline_post_summary_get_post (old));
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(RedlinePost) post = g_list_model_get_item (posts, position + i);
      RedlinePostSummary *summary = summary_for_post (self, post);

      g_ptr_array_remove (kept, post);
      g_ptr_array_add (fresh, summary);
    }
  for (guint i = 0; i < kept->len; i++)
    forget_post (self, kept->pdata[i]);
  g_list_store_splice (self->summaries, position, removed, fresh->pdata, fresh->len);
  if (removed != added || kept->len > 0)
    recompute_totals (self);
  schedule (self);
}

static void
invalidate_all (RedlineCheckIndex *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedlinePostSummary) summary =
        g_list_model_get_item (G_LIST_MODEL (self->summaries), i);

      enqueue (self, summary);
    }
  schedule (self);
}

static void
on_campaigns_changed_cb (GListModel *campaigns,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    user_data)
{
  /* A campaign's ecosystem may have changed: count its posts again. */
  invalidate_all (user_data);
}

static void
on_rule_set_changed_cb (RedlineContext *context,
                        GParamSpec     *pspec,
                        gpointer        user_data)
{
  invalidate_all (user_data);
}

static void
clear_project (RedlineCheckIndex *self)
{
  GHashTableIter iter;
  gpointer post;

  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (redline_project_get_posts (self->project), self);
  g_signal_handlers_disconnect_by_data (redline_project_get_campaigns (self->project), self);
  g_hash_table_iter_init (&iter, self->by_post);
  while (g_hash_table_iter_next (&iter, &post, NULL))
    g_signal_handlers_disconnect_by_func (post, on_post_notify_cb, self);
  g_hash_table_remove_all (self->by_post);
  g_hash_table_remove_all (self->queued);
  g_queue_clear_full (&self->pending, g_object_unref);
  g_list_store_remove_all (self->summaries);
  g_clear_object (&self->project);
}

static void
on_project_changed_cb (RedlineContext *context,
                       GParamSpec     *pspec,
                       gpointer        user_data)
{
  RedlineCheckIndex *self = user_data;
  RedlineProject *project = redline_context_get_project (context);
  GListModel *posts;

  clear_project (self);
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      posts = redline_project_get_posts (project);
      g_signal_connect_object (posts, "items-changed", G_CALLBACK (on_posts_changed_cb), self,
                               0);
      g_signal_connect_object (redline_project_get_campaigns (project), "items-changed",
                               G_CALLBACK (on_campaigns_changed_cb), self, 0);
      on_posts_changed_cb (posts, 0, 0, g_list_model_get_n_items (posts), self);
    }
  recompute_totals (self);
}

static void
redline_check_index_dispose (GObject *object)
{
  RedlineCheckIndex *self = REDLINE_CHECK_INDEX (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  clear_project (self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (redline_check_index_parent_class)->dispose (object);
}

static void
redline_check_index_finalize (GObject *object)
{
  RedlineCheckIndex *self = REDLINE_CHECK_INDEX (object);

  g_clear_object (&self->summaries);
  g_clear_pointer (&self->by_post, g_hash_table_unref);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);

  G_OBJECT_CLASS (redline_check_index_parent_class)->finalize (object);
}

static void
redline_check_index_class_init (RedlineCheckIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redline_check_index_dispose;
  object_class->finalize = redline_check_index_finalize;

  /**
   * RedlineCheckIndex::totals-changed:
   *
   * The per-campaign sums changed: a post was counted, added or removed.
   */
  signals[TOTALS_CHANGED] =
    g_signal_new ("totals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
redline_check_index_init (RedlineCheckIndex *self)
{
  self->summaries = g_list_store_new (REDLINE_TYPE_POST_SUMMARY);
  self->by_post = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->queued = g_hash_table_new (NULL, NULL);
  self->totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_queue_init (&self->pending);
}

/**
 * redline_check_index_new:
 * @context: the context whose project to follow
 *
 * Returns: (transfer full): an index of @context's project, following it
 *   when the context opens another one
 */
RedlineCheckIndex *
redline_check_index_new (RedlineContext *context)
{
  RedlineCheckIndex *self;

  g_return_val_if_fail (REDLINE_IS_CONTEXT (context), NULL);

  self = g_object_new (REDLINE_TYPE_CHECK_INDEX, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::project", G_CALLBACK (on_project_changed_cb), self,
                           0);
  g_signal_connect_object (context, "notify::rule-set", G_CALLBACK (on_rule_set_changed_cb),
                           self, 0);
  on_project_changed_cb (context, NULL, self);
  return self;
}

/**
 * redline_check_index_get_context:
 * @self: a #RedlineCheckIndex
 *
 * Returns: (transfer none): the context whose project is indexed
 */
RedlineContext *
redline_check_index_get_context (RedlineCheckIndex *self)
{
  g_return_val_if_fail (REDLINE_IS_CHECK_INDEX (self), NULL);
  return self->context;
}

/**
 * redline_check_index_get_summaries:
 * @self: a #RedlineCheckIndex
 *
 * Returns: (transfer none): a list model of #RedlinePostSummary, in the
 *   order of the project's posts
 */
GListModel *
redline_check_index_get_summaries (RedlineCheckIndex *self)
{
  g_return_val_if_fail (REDLINE_IS_CHECK_INDEX (self), NULL);
  return G_LIST_MODEL (self->summaries);
}

/**
 * redline_check_index_lookup:
 * @self: a #RedlineCheckIndex
 * @post: a post of the project
 *
 * Returns: (transfer none) (nullable): @post's summary
 */
RedlinePostSummary *
redline_check_index_lookup (RedlineCheckIndex *self,
                            RedlinePost       *post)
{
  g_return_val_if_fail (REDLINE_IS_CHECK_INDEX (self), NULL);
  return g_hash_table_lookup (self->by_post, post);
}

/**
 * redline_check_index_get_campaign_totals:
 * @self: a #RedlineCheckIndex
 * @campaign_id: a campaign's id
 * @totals: (out caller-allocates): its sums; zero for a campaign without posts
 */
void
redline_check_index_get_campaign_totals (RedlineCheckIndex     *self,
                                         gint64                 campaign_id,
                                         RedlineCampaignTotals *totals)
{
  RedlineCampaignTotals *found;

  g_return_if_fail (REDLINE_IS_CHECK_INDEX (self));
  g_return_if_fail (totals != NULL);

  found = g_hash_table_lookup (self->totals, &campaign_id);
  if (found != NULL)
    *totals = *found;
  else
    *totals = (RedlineCampaignTotals) { 0 };
}

/**
 * redline_check_index_get_pending:
 * @self: a #RedlineCheckIndex
 *
 * Returns: how many posts wait to be counted
 */
guint
redline_check_index_get_pending (RedlineCheckIndex *self)
{
  g_return_val_if_fail (REDLINE_IS_CHECK_INDEX (self), 0);
  return self->pending.length;
}

/**
 * redline_check_index_run:
 * @self: a #RedlineCheckIndex
 * @budget_usec: about how long to work, in microseconds; 0 or less: until done
 *
 * Counts the posts that wait, for about @budget_usec. The index does this by
 * itself from the main loop; call it to finish at once (in a test, say).
 *
 * Returns: whether posts still wait
 */
gboolean
redline_check_index_run (RedlineCheckIndex *self,
                         gint64             budget_usec)
{
  gint64 deadline;
  gboolean counted = FALSE;

  g_return_val_if_fail (REDLINE_IS_CHECK_INDEX (self), FALSE);

  deadline = budget_usec > 0 ? g_get_monotonic_time () + budget_usec : G_MAXINT64;
  /* Without a rule set (a project setting it cannot use), nothing is
   * counted: the posts stay unchecked rather than show a false zero. */
  if (self->project == NULL || redline_context_get_rule_set (self->context) == NULL)
    {
      g_hash_table_remove_all (self->queued);
      g_queue_clear_full (&self->pending, g_object_unref);
      return FALSE;
    }
  /* At least one post a call, however short the budget. */
  while (!g_queue_is_empty (&self->pending) && (!counted || g_get_monotonic_time () < deadline))
    {
      g_autoptr(RedlinePostSummary) summary = g_queue_pop_head (&self->pending);
      RedlinePost *post = redline_post_summary_get_post (summary);
      Counts counts = { 0 };

      g_hash_table_remove (self->queued, summary);
      if (g_hash_table_lookup (self->by_post, post) != summary)
        continue;
      redline_context_check_post_stream (self->context, post,
                                         redline_project_get_post_ecosystem (self->project, post),
                                         count_finding, &counts);
      _redline_post_summary_set_counts (summary, counts.errors, counts.warnings, counts.infos);
      counted = TRUE;
    }
  if (counted)
    recompute_totals (self);
  return !g_queue_is_empty (&self->pending);
}
