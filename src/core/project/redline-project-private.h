/* redline-project-private.h: the project object as its table files see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redline-project.c holds the object, opening and closing; one file per
 * table holds that table's SQL and the public calls that change it
 * (redline-campaigns-table.c, redline-posts-table.c, redline-qr-codes-table.c,
 * redline-auto-replies-table.c, redline-menu-items-table.c, redline-reviews-table.c,
 * redline-settings-table.c, redline-audit-table.c); the checks values pass
 * before they are stored are in redline-project-validate.c.
 */

#pragma once

#include "redline-migrations.h"
#include "redline-model-private.h"
#include "redline-sqlite.h"

#include "redline-campaign.h"
#include "redline-post.h"
#include "redline-project.h"

G_BEGIN_DECLS

struct _RedlineProject
{
  GObject         parent_instance;

  GFile          *file;
  char           *display_name;
  RedlineSqlite  *sqlite;
  gboolean        read_only;
  gboolean        allow_newer;
  guint           format;

  char           *name;
  char          **allowed_domains;
  char          **allowed_terms;
  char          **enabled_packs;
  GPtrArray      *banned_terms;
  RedlineLengthProfile length_profile;
  char           *bad_length_profile; /* the stored value, when no profile's name */

  GListStore     *campaigns;
  GListStore     *posts;
  GHashTable     *campaigns_by_id;
  GHashTable     *posts_by_id;
  GListStore     *qr_codes;
  GHashTable     *qr_codes_by_id; /* id → a reference of its code */
  GListStore     *auto_replies;
  GHashTable     *auto_replies_by_id;
  GListStore     *menu_items;
  GHashTable     *menu_items_by_id;

  char           *actor;          /* who acts, for the audit log; NULL: the user */
  char           *packs_in_force; /* JSON: pack id → version, of the last rule set */
  GHashTable     *waivers;        /* post id → GPtrArray: its waivers in force, as read */
};

/* redline-project.c */

/* The connection, for the import/export code; the raw handle for tests. */
RedlineSqlite *_redline_project_get_sqlite          (RedlineProject      *self);
sqlite3       *_redline_project_get_db              (RedlineProject      *self);
char          *_redline_project_now                 (void);
const char    *_redline_project_get_actor           (RedlineProject      *self);
gboolean       _redline_project_check_open          (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_project_check_writable      (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_project_check_member        (RedlineProject      *self,
                                                     GHashTable          *by_id,
                                                     gpointer             item,
                                                     gint64               id,
                                                     GError             **error);
/* The write transaction of one user action; it rolls back unless committed. */
gboolean       _redline_project_begin               (RedlineProject      *self,
                                                     RedlineTransaction  *tx,
                                                     GError             **error);
guint          _redline_project_count               (RedlineProject      *self,
                                                     const char          *sql,
                                                     gint64               id);
typedef enum
{
  REDLINE_PROJECT_SETTING_ALLOWED_DOMAINS,
  REDLINE_PROJECT_SETTING_ALLOWED_TERMS,
  REDLINE_PROJECT_SETTING_ENABLED_PACKS,
  REDLINE_PROJECT_SETTING_BANNED_TERMS,
  REDLINE_PROJECT_SETTING_LENGTH_PROFILE,
} RedlineProjectSetting;

void           _redline_project_notify_name         (RedlineProject      *self);
void           _redline_project_notify_setting      (RedlineProject        *self,
                                                     RedlineProjectSetting  setting);
gint64        *_redline_project_dup_id              (gint64               id);
guint          _redline_project_find_position       (GListStore          *store,
                                                     gpointer             item);
void           _redline_project_store_changed       (GListStore          *store,
                                                     gpointer             item);

/* redline-project-validate.c */

typedef enum
{
  REDLINE_BAD_ECOSYSTEM,
  REDLINE_BAD_KIND,
  REDLINE_BAD_STATUS,
  REDLINE_BAD_PURPOSE,
} RedlineBadValue;

gboolean       _redline_is_identifier               (const char          *str);
gboolean       _redline_is_domain                   (const char          *str);
gboolean       _redline_is_empty                    (const char          *str);
gboolean       _redline_validate_term               (const char          *term,
                                                     gboolean             banned,
                                                     GError             **error);
gboolean       _redline_validate_banned_term        (RedlineBannedTerm   *term,
                                                     GError             **error);
gboolean       _redline_validate_campaign           (RedlineProject      *self,
                                                     RedlineCampaign     *campaign,
                                                     GError             **error);
gboolean       _redline_validate_qr_code            (RedlineProject      *self,
                                                     RedlineQrCode       *code,
                                                     GError             **error);
gboolean       _redline_validate_auto_reply         (RedlineProject      *self,
                                                     RedlineAutoReply    *reply,
                                                     GError             **error);
gboolean       _redline_validate_menu_item          (RedlineProject      *self,
                                                     RedlineMenuItem     *item,
                                                     GError             **error);
gboolean       _redline_validate_post               (RedlineProject      *self,
                                                     RedlinePost         *post,
                                                     GError             **error);
void           _redline_project_set_row_error       (RedlineProject      *self,
                                                     GError             **error,
                                                     const char          *message);
void           _redline_project_set_bad_value_error (RedlineProject      *self,
                                                     GError             **error,
                                                     RedlineBadValue      what,
                                                     gint64               id,
                                                     const char          *value);

/* redline-project-check.c */

char          *_redline_pack_versions_to_json       (RedlineRuleSet      *rule_set);

/* redline-reviews-table.c */

gint64         _redline_reviews_table_insert        (RedlineProject         *self,
                                                     RedlinePost            *post,
                                                     RedlineReviewDecision   decision,
                                                     const char             *reviewer,
                                                     const char             *comment,
                                                     GListModel             *findings,
                                                     RedlineRuleSet         *rule_set,
                                                     GError                **error);

/* redline-waivers-table.c */

void           _redline_waivers_table_apply         (RedlineProject      *self,
                                                     RedlinePost         *post,
                                                     GListModel          *findings);
void           _redline_waivers_table_forget        (RedlineProject      *self,
                                                     gint64               id);
gboolean       _redline_waivers_table_lapse         (RedlineProject      *self,
                                                     RedlinePost         *post,
                                                     GError             **error);

/* redline-audit-table.c */

gboolean       _redline_audit_table_append          (RedlineProject      *self,
                                                     const char          *action,
                                                     const char          *object_kind,
                                                     gint64               object_id,
                                                     const char          *detail,
                                                     GError             **error);

/* redline-settings-table.c: refuses a length profile the file names that
 * no profile has. */
gboolean       _redline_project_check_length_profile (RedlineProject     *self,
                                                      GError            **error);

/* redline-settings-table.c, redline-campaigns-table.c, redline-posts-table.c:
 * fill the object from the file when it is opened. */

gboolean       _redline_settings_table_load         (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_campaigns_table_load        (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_posts_table_load            (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_qr_codes_table_load         (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_auto_replies_table_load     (RedlineProject      *self,
                                                     GError             **error);
gboolean       _redline_menu_items_table_load       (RedlineProject      *self,
                                                     GError             **error);

/* redline-qr-codes-table.c */

void           _redline_qr_codes_table_forget_campaign (RedlineProject   *self,
                                                        gint64            campaign_id);

/* redline-posts-table.c */

gint64         _redline_campaigns_table_insert      (RedlineProject      *self,
                                                     RedlineCampaign     *campaign,
                                                     GError             **error);
void           _redline_project_campaign_added      (RedlineProject      *self,
                                                     RedlineCampaign     *campaign,
                                                     gint64               id);
gboolean       _redline_project_insert_post         (RedlineProject      *self,
                                                     RedlinePost         *post,
                                                     const char          *now,
                                                     GError             **error);
void           _redline_project_posts_added         (RedlineProject      *self,
                                                     GPtrArray           *posts);
gboolean       _redline_posts_table_store           (RedlineProject      *self,
                                                     RedlinePost         *post,
                                                     const char          *action,
                                                     GError             **error);
void           _redline_posts_table_reload          (RedlineProject      *self,
                                                     RedlinePost         *post);

G_END_DECLS
