/* redline-rule-pack-load-private.h: what the two passes of loading share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redline-rule-pack.c reads and validates the XML; redline-rule-pack-parse.c
 * builds the rules from the validated tree.
 */

#pragma once

#include <libxml/tree.h>

#include "redline-lexicon-private.h"
#include "redline-rule-pack-private.h"
#include "redline-rule-private.h"
#include "redline-xml-private.h"

G_BEGIN_DECLS

struct _RedlineRulePack
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title;
  char       *description;
  char       *display_name;
  GPtrArray  *rules;       /* of RedlineRule */
  GHashTable *categories;  /* id → RedlineSeverity[2], declared by the pack */
  GHashTable *lexicons;    /* id → RedlineLexicon */
  RedlineExceptions exceptions; /* the pack's own: copied into each of its rules */
  guint       n_terms;
};

typedef RedlineXmlSource LoadState;

#define SCHEMA_RESOURCE "/org/redline/core/rules/redline-rules.rng"
/* The lexicons packs share with use="NAME": NAME.xml */
#define SHARED_LEXICON_DIR "/org/redline/core/rules/lexicons"

gboolean _redline_rule_pack_load_document  (RedlineRulePack  *self,
                                            LoadState        *state,
                                            xmlDocPtr         doc,
                                            GError          **error);

G_END_DECLS
