/* redline-project.h: a project file, the SQLite store of campaigns and posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redline-campaign.h"
#include "redline-post.h"
#include "redline-qr-code.h"
#include "redline-auto-reply.h"
#include "redline-menu-item.h"
#include "redline-rule-set.h"
#include "redline-types.h"

G_BEGIN_DECLS

#define REDLINE_STORE_ERROR (redline_store_error_quark ())

/**
 * RedlineStoreError:
 * @REDLINE_STORE_ERROR_OPEN: the file could not be opened or created
 * @REDLINE_STORE_ERROR_NOT_A_PROJECT: the file is not a Redline project
 * @REDLINE_STORE_ERROR_TOO_NEW: the file was made by a newer Redline
 * @REDLINE_STORE_ERROR_CORRUPT: the file is damaged
 * @REDLINE_STORE_ERROR_FOREIGN_SCHEMA: the file holds tables, views or
 *   triggers Redline did not create; it is refused
 * @REDLINE_STORE_ERROR_LOCKED: another program is using the file
 * @REDLINE_STORE_ERROR_READ_ONLY: the project is open read-only
 * @REDLINE_STORE_ERROR_SQL: any other database failure
 * @REDLINE_STORE_ERROR_INVALID: a value is not acceptable (bad ecosystem,
 *   date, category, CSV content…)
 * @REDLINE_STORE_ERROR_NOT_FOUND: no such campaign or post
 * @REDLINE_STORE_ERROR_CLOSED: the project has been closed
 * @REDLINE_STORE_ERROR_TAMPERED: the audit trail was changed outside Redline
 * @REDLINE_STORE_ERROR_REFUSED: the review workflow does not allow the
 *   action (approving a post with unwaived errors…)
 * @REDLINE_STORE_ERROR_DISK: the disk could not take the change (it is
 *   full, or reading or writing failed)
 *
 * Errors of project files. A file that fails to open is left untouched.
 */
typedef enum
{
  REDLINE_STORE_ERROR_OPEN,
  REDLINE_STORE_ERROR_NOT_A_PROJECT,
  REDLINE_STORE_ERROR_TOO_NEW,
  REDLINE_STORE_ERROR_CORRUPT,
  REDLINE_STORE_ERROR_FOREIGN_SCHEMA,
  REDLINE_STORE_ERROR_LOCKED,
  REDLINE_STORE_ERROR_READ_ONLY,
  REDLINE_STORE_ERROR_SQL,
  REDLINE_STORE_ERROR_INVALID,
  REDLINE_STORE_ERROR_NOT_FOUND,
  REDLINE_STORE_ERROR_CLOSED,
  REDLINE_STORE_ERROR_TAMPERED,
  REDLINE_STORE_ERROR_REFUSED,
  REDLINE_STORE_ERROR_DISK,
} RedlineStoreError;

/**
 * REDLINE_PROJECT_APPLICATION_ID:
 *
 * The `PRAGMA application_id` of every project file: "RDLN".
 */
#define REDLINE_PROJECT_APPLICATION_ID 0x52444c4e

/**
 * REDLINE_PROJECT_FORMAT:
 *
 * The file format this Redline writes (`PRAGMA user_version`).
 */
#define REDLINE_PROJECT_FORMAT 10

/**
 * RedlineProjectFlags:
 * @REDLINE_PROJECT_FLAGS_NONE: open for reading and writing
 * @REDLINE_PROJECT_FLAGS_READ_ONLY: never write to the file
 * @REDLINE_PROJECT_FLAGS_ALLOW_NEWER: open a file of a newer format too,
 *   read-only, as far as this Redline knows it (what a newer Redline added is
 *   left alone); without it such a file is refused with
 *   %REDLINE_STORE_ERROR_TOO_NEW
 */
typedef enum
{
  REDLINE_PROJECT_FLAGS_NONE        = 0,
  REDLINE_PROJECT_FLAGS_READ_ONLY   = 1 << 0,
  REDLINE_PROJECT_FLAGS_ALLOW_NEWER = 1 << 1,
} RedlineProjectFlags;

/**
 * RedlineReviewDecision:
 * @REDLINE_REVIEW_DECISION_APPROVED: the post may go out
 * @REDLINE_REVIEW_DECISION_REJECTED: the post must change
 */
typedef enum
{
  REDLINE_REVIEW_DECISION_APPROVED,
  REDLINE_REVIEW_DECISION_REJECTED,
} RedlineReviewDecision;

/**
 * RedlineBannedTerm:
 * @term: the term
 * @category: its finding category, a fixed one or a lower-case identifier
 *
 * A term a project bans on top of the rule packs.
 */
typedef struct
{
  char *term;
  char *category;
} RedlineBannedTerm;

#define REDLINE_TYPE_PROJECT (redline_project_get_type ())

G_DECLARE_FINAL_TYPE (RedlineProject, redline_project, REDLINE, PROJECT, GObject)

GQuark              redline_store_error_quark           (void);

RedlineBannedTerm  *redline_banned_term_new             (const char             *term,
                                                         const char             *category);
void                redline_banned_term_free            (RedlineBannedTerm      *term);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedlineBannedTerm, redline_banned_term_free)

gboolean            redline_project_is_project_file     (const char             *path);

RedlineProject     *redline_project_create              (GFile                  *file,
                                                         const char             *name,
                                                         GError                **error);
RedlineProject     *redline_project_open                (GFile                  *file,
                                                         RedlineProjectFlags     flags,
                                                         GError                **error);
void                redline_project_close               (RedlineProject         *self);
gboolean            redline_project_duplicate           (RedlineProject         *self,
                                                         GFile                  *destination,
                                                         GError                **error);
gboolean            redline_project_save_as             (RedlineProject         *self,
                                                         GFile                  *destination,
                                                         GError                **error);

GFile              *redline_project_get_file            (RedlineProject         *self);
gboolean            redline_project_get_read_only       (RedlineProject         *self);
guint               redline_project_get_format          (RedlineProject         *self);

const char         *redline_project_get_name            (RedlineProject         *self);
gboolean            redline_project_set_name            (RedlineProject         *self,
                                                         const char             *name,
                                                         GError                **error);
const char * const *redline_project_get_allowed_domains (RedlineProject         *self);
gboolean            redline_project_set_allowed_domains (RedlineProject         *self,
                                                         const char * const     *domains,
                                                         GError                **error);
const char * const *redline_project_get_allowed_terms   (RedlineProject         *self);
gboolean            redline_project_set_allowed_terms   (RedlineProject         *self,
                                                         const char * const     *terms,
                                                         GError                **error);
const char * const *redline_project_get_enabled_packs   (RedlineProject         *self);
gboolean            redline_project_set_enabled_packs   (RedlineProject         *self,
                                                         const char * const     *pack_ids,
                                                         GError                **error);
GPtrArray          *redline_project_get_banned_terms    (RedlineProject         *self);
gboolean            redline_project_set_banned_terms    (RedlineProject         *self,
                                                         GPtrArray              *terms,
                                                         GError                **error);
RedlineLengthProfile redline_project_get_length_profile (RedlineProject         *self);
gboolean            redline_project_set_length_profile  (RedlineProject         *self,
                                                         RedlineLengthProfile    profile,
                                                         GError                **error);

GListModel         *redline_project_get_campaigns       (RedlineProject         *self);
RedlineCampaign    *redline_project_find_campaign       (RedlineProject         *self,
                                                         gint64                  id);
gboolean            redline_project_add_campaign        (RedlineProject         *self,
                                                         RedlineCampaign        *campaign,
                                                         GError                **error);
gboolean            redline_project_update_campaign     (RedlineProject         *self,
                                                         RedlineCampaign        *campaign,
                                                         GError                **error);
gboolean            redline_project_remove_campaign     (RedlineProject         *self,
                                                         RedlineCampaign        *campaign,
                                                         GError                **error);

GListModel         *redline_project_get_posts           (RedlineProject         *self);
RedlinePost        *redline_project_find_post           (RedlineProject         *self,
                                                         gint64                  id);
gboolean            redline_project_add_post            (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         GError                **error);
gboolean            redline_project_add_posts           (RedlineProject         *self,
                                                         GPtrArray              *posts,
                                                         GError                **error);
gboolean            redline_project_update_post         (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         GError                **error);
gboolean            redline_project_remove_post         (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         GError                **error);

GListModel         *redline_project_get_qr_codes        (RedlineProject         *self);
RedlineQrCode      *redline_project_find_qr_code        (RedlineProject         *self,
                                                         gint64                  id);
gboolean            redline_project_add_qr_code         (RedlineProject         *self,
                                                         RedlineQrCode          *code,
                                                         GError                **error);
gboolean            redline_project_update_qr_code      (RedlineProject         *self,
                                                         RedlineQrCode          *code,
                                                         GError                **error);
gboolean            redline_project_remove_qr_code      (RedlineProject         *self,
                                                         RedlineQrCode          *code,
                                                         GError                **error);
GListModel         *redline_project_check_qr_code       (RedlineProject         *self,
                                                         RedlineRuleSet         *rule_set,
                                                         RedlineQrCode          *code,
                                                         RedlineEcosystem        ecosystem);
RedlineEcosystem    redline_project_get_qr_code_ecosystem (RedlineProject       *self,
                                                         RedlineQrCode          *code);

GListModel         *redline_project_get_auto_replies    (RedlineProject         *self);
RedlineAutoReply   *redline_project_find_auto_reply     (RedlineProject         *self,
                                                         gint64                  id);
RedlineAutoReply   *redline_project_find_account_reply  (RedlineProject         *self,
                                                         RedlineEcosystem        ecosystem,
                                                         const char             *account,
                                                         RedlineReplyTrigger     trigger);
gboolean            redline_project_add_auto_reply      (RedlineProject         *self,
                                                         RedlineAutoReply       *reply,
                                                         GError                **error);
gboolean            redline_project_update_auto_reply   (RedlineProject         *self,
                                                         RedlineAutoReply       *reply,
                                                         GError                **error);
gboolean            redline_project_remove_auto_reply   (RedlineProject         *self,
                                                         RedlineAutoReply       *reply,
                                                         GError                **error);
GListModel         *redline_project_check_auto_reply    (RedlineProject         *self,
                                                         RedlineRuleSet         *rule_set,
                                                         RedlineAutoReply       *reply);

GListModel         *redline_project_get_menu_items      (RedlineProject         *self);
RedlineMenuItem    *redline_project_find_menu_item      (RedlineProject         *self,
                                                         gint64                  id);
GPtrArray          *redline_project_list_menu           (RedlineProject         *self,
                                                         RedlineEcosystem        ecosystem,
                                                         const char             *account);
guint               redline_project_count_sub_items     (RedlineProject         *self,
                                                         RedlineMenuItem        *item);
gboolean            redline_project_add_menu_item       (RedlineProject         *self,
                                                         RedlineMenuItem        *item,
                                                         GError                **error);
gboolean            redline_project_update_menu_item    (RedlineProject         *self,
                                                         RedlineMenuItem        *item,
                                                         GError                **error);
gboolean            redline_project_move_menu_item      (RedlineProject         *self,
                                                         RedlineMenuItem        *item,
                                                         guint                   position,
                                                         GError                **error);
gboolean            redline_project_remove_menu_item    (RedlineProject         *self,
                                                         RedlineMenuItem        *item,
                                                         GError                **error);
GListModel         *redline_project_check_menu_item     (RedlineProject         *self,
                                                         RedlineRuleSet         *rule_set,
                                                         RedlineMenuItem        *item);

gint64              redline_project_add_review          (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         RedlineReviewDecision   decision,
                                                         const char             *reviewer,
                                                         const char             *comment,
                                                         GListModel             *findings,
                                                         RedlineRuleSet         *rule_set,
                                                         GError                **error);
gint64              redline_project_add_comment         (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         const char             *author,
                                                         const char             *text,
                                                         GError                **error);
gint64              redline_project_add_waiver          (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         const char             *rule_id,
                                                         const char             *text,
                                                         const char             *justification,
                                                         const char             *waived_by,
                                                         GError                **error);
gint64              redline_project_waive_finding       (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         RedlineFinding         *finding,
                                                         const char             *justification,
                                                         GError                **error);
gboolean            redline_project_apply_waivers       (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         RedlineFinding         *finding);
guint               redline_project_count_waivers       (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         gboolean                lapsed);
gboolean            redline_project_submit_post         (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         GError                **error);
gint64              redline_project_review_post         (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         RedlineReviewDecision   decision,
                                                         const char             *comment,
                                                         RedlineRuleSet         *rule_set,
                                                         GError                **error);
guint               redline_project_count_reviews       (RedlineProject         *self,
                                                         RedlinePost            *post);
gboolean            redline_project_get_last_review     (RedlineProject         *self,
                                                         RedlinePost            *post,
                                                         RedlineReviewDecision  *decision,
                                                         char                  **reviewer,
                                                         char                  **reviewed_at,
                                                         char                  **comment);
guint               redline_project_count_audit_entries (RedlineProject         *self);
gboolean            redline_project_verify_audit        (RedlineProject         *self,
                                                         guint                  *n_unsealed,
                                                         GError                **error);
const char         *redline_project_get_actor           (RedlineProject         *self);
void                redline_project_set_actor           (RedlineProject         *self,
                                                         const char             *actor);

RedlinePost        *redline_project_copy_post_to_ecosystem (RedlineProject     *self,
                                                             RedlinePost        *post,
                                                             GError            **error);
RedlineRuleSet     *redline_project_create_rule_set     (RedlineProject         *self,
                                                         GPtrArray              *packs,
                                                         GError                **error);
RedlineRuleSet     *redline_project_create_rule_set_for_profile (RedlineProject    *self,
                                                                 GPtrArray         *packs,
                                                                 int                length_profile,
                                                                 GError           **error);
RedlineEcosystem    redline_project_get_post_ecosystem  (RedlineProject         *self,
                                                         RedlinePost            *post);
void                redline_project_post_document       (RedlinePost            *post,
                                                         RedlineDocument        *document);
GListModel         *redline_project_check_post          (RedlineProject         *self,
                                                         RedlineRuleSet         *rule_set,
                                                         RedlinePost            *post,
                                                         RedlineEcosystem        ecosystem);

G_END_DECLS
