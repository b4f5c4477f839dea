/* test-corpus.c: precision and recall of the built-in packs on labelled ad copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/corpus/README.md describes the corpus format. Every item runs on its
 * ecosystem(s) with the built-in packs. A finding counts as "reported" when
 * its severity is warning or error; info findings (e.g. absolute terms on
 * WeChat) are hints, not reports. Reported findings of one category whose
 * spans overlap are merged into one (two rules that flag the same words are
 * one report for the reviewer). A reported finding is a true positive when an
 * expected finding of the same category overlaps it (span labels) or when
 * the item expects that category anywhere ({{category}} labels, used for
 * document-scope findings and lengths). Precision and recall are printed per
 * category and per ecosystem, checked both as advertising and as plain text of
 * unknown purpose (RedlineDocument.purpose_unknown, as redline-check reads a
 * file without --purpose); the suite fails below 0.95 on either ecosystem as
 * advertising, which is what the corpus is.
 *
 * Given directories as arguments (test-corpus DIR...), it measures each one as
 * a separate set instead (tests/corpus-real/README.md): it prints the same
 * figures per set, both ways, and fails only below REDLINE_CORPUS_MIN_SCORE
 * as plain text (default 0,
 * that is, it only reports), and asserts that the sets together hold at least
 * MIN_REAL_VIOLATIONS labelled items and MIN_REAL_TRAPS traps.
 */

#include <locale.h>
#include <string.h>

#include "redline-core.h"

#define MIN_SCORE 0.95
#define MIN_REAL_VIOLATIONS 300
#define MIN_REAL_TRAPS 300

typedef struct
{
  char     *category;
  gboolean  anywhere;   /* {{category}}: matches any finding of the category */
  gsize     start;      /* code points, end exclusive */
  gsize     end;
  guint     ecosystems; /* bit mask of RedlineEcosystem */
} Expected;

typedef struct
{
  char               *file;
  guint               line;
  guint               ecosystems;
  RedlineContentKind  kind;
  RedlineField        field;
  char               *text;
  GArray             *expected; /* of Expected */
} Item;

typedef struct
{
  guint tp_reported;  /* reported findings that match an expectation */
  guint reported;
  guint tp_expected;  /* expectations matched by a reported finding */
  guint expected;
} Score;

typedef struct
{
  char   *category;
  gsize   start;
  gsize   end;
  gboolean document;
  char   *rule_id;
  char   *text;
} Report;

typedef struct
{
  char      *name;      /* "corpus", or the base name of a directory */
  GPtrArray *items;     /* of Item* */
  double     min_score;
} CorpusSet;

typedef struct
{
  CorpusSet        *set;
  RedlineEcosystem  ecosystem;
  gboolean          as_text;   /* purpose not stated, as redline-check reads text */
  double            min_score;
} EcosystemCase;

static GPtrArray      *sets;     /* of CorpusSet* */
static RedlineRuleSet *rule_set;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  for (guint i = 0; i < item->expected->len; i++)
    g_free (g_array_index (item->expected, Expected, i).category);
  g_array_unref (item->expected);
  g_free (item->file);
  g_free (item->text);
  g_free (item);
}

static void
report_free (gpointer data)
{
  Report *report = data;

  g_free (report->category);
  g_free (report->rule_id);
  g_free (report->text);
  g_free (report);
}

/* Parses "[[cat(@eco)?:span]]" and "{{cat(@eco)?}}" out of a line, unescapes
 * \n and \\, and returns the plain text. */
static gboolean
parse_text (const char  *in,
            guint        item_ecosystems,
            GString     *out,
            GArray      *expected,
            char       **error)
{
  gsize chars = 0;
  const char *p = in;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "[[") || g_str_has_prefix (p, "{{"))
        {
          gboolean anywhere = p[0] == '{';
          const char *close = strstr (p + 2, anywhere ? "}}" : "]]");
          const char *colon;
          g_autofree char *label = NULL;
          g_autofree char *span = NULL;
          char *at;
          Expected e = { 0 };

          if (close == NULL)
            {
              *error = g_strdup ("unclosed marker");
              return FALSE;
            }
          colon = anywhere ? close : memchr (p + 2, ':', close - (p + 2));
          if (colon == NULL)
            {
              *error = g_strdup ("a span marker needs “category:text”");
              return FALSE;
            }
          label = g_strndup (p + 2, colon - (p + 2));
          e.ecosystems = item_ecosystems;
          at = strchr (label, '@');
          if (at != NULL)
            {
              RedlineEcosystem eco;

              *at = '\0';
              if (!redline_ecosystem_from_string (at + 1, &eco))
                {
                  *error = g_strdup_printf ("unknown ecosystem “%s”", at + 1);
                  return FALSE;
                }
              e.ecosystems = 1u << eco;
            }
          e.category = g_strdup (label);
          e.anywhere = anywhere;
          if (!anywhere)
            {
              span = g_strndup (colon + 1, close - (colon + 1));
              e.start = chars;
              for (const char *s = span; *s != '\0'; s = g_utf8_next_char (s))
                {
                  if (s[0] == '\\' && s[1] == 'n')
                    {
                      g_string_append_c (out, '\n');
                      s++;
                    }
                  else
                    g_string_append_unichar (out, g_utf8_get_char (s));
                  chars++;
                }
              e.end = chars;
              if (e.end == e.start)
                {
                  *error = g_strdup ("empty span");
                  return FALSE;
                }
            }
          g_array_append_val (expected, e);
          p = close + 2;
          continue;
        }
      if (p[0] == '\\' && (p[1] == 'n' || p[1] == '\\'))
        {
          g_string_append_c (out, p[1] == 'n' ? '\n' : '\\');
          p += 2;
          chars++;
          continue;
        }
      g_string_append_unichar (out, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
      chars++;
    }
  return TRUE;
}

/* "ECOSYSTEM KIND [FIELD]: text" */
static Item *
parse_line (const char  *file,
            guint        line,
            const char  *str,
            char       **error)
{
  const char *sep = strstr (str, ": ");
  g_autofree char *head = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Item *item;

  if (sep == NULL)
    {
      *error = g_strdup ("expected “ECOSYSTEM KIND [FIELD]: text”");
      return NULL;
    }
  head = g_strndup (str, sep - str);
  words = g_strsplit (head, " ", -1);
  if (g_strv_length (words) < 2 || g_strv_length (words) > 3)
    {
      *error = g_strdup ("expected “ECOSYSTEM KIND [FIELD]: text”");
      return NULL;
    }

  item = g_new0 (Item, 1);
  item->file = g_strdup (file);
  item->line = line;
  item->expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  item->field = REDLINE_FIELD_BODY;
  if (g_str_equal (words[0], "both"))
    item->ecosystems = (1u << REDLINE_ECOSYSTEM_WEIXIN) | (1u << REDLINE_ECOSYSTEM_WECHAT);
  else
    {
      RedlineEcosystem eco;

      if (!redline_ecosystem_from_string (words[0], &eco))
        {
          *error = g_strdup_printf ("unknown ecosystem “%s”", words[0]);
          item_free (item);
          return NULL;
        }
      item->ecosystems = 1u << eco;
    }
  if (!redline_content_kind_from_string (words[1], &item->kind))
    {
      *error = g_strdup_printf ("unknown content kind “%s”", words[1]);
      item_free (item);
      return NULL;
    }
  if (words[2] != NULL)
    {
      if (g_str_equal (words[2], "title"))
        item->field = REDLINE_FIELD_TITLE;
      else if (g_str_equal (words[2], "cta"))
        item->field = REDLINE_FIELD_CALL_TO_ACTION;
      else if (!g_str_equal (words[2], "body"))
        {
          *error = g_strdup_printf ("unknown field “%s”", words[2]);
          item_free (item);
          return NULL;
        }
    }
  if (!parse_text (sep + 2, item->ecosystems, text, item->expected, error))
    {
      item_free (item);
      return NULL;
    }
  item->text = g_strdup (text->str);
  return item;
}

static void
corpus_set_free (gpointer data)
{
  CorpusSet *set = data;

  g_ptr_array_unref (set->items);
  g_free (set->name);
  g_free (set);
}

/* Every item of the *.txt files in dir_path, in file name order. */
static GPtrArray *
load_corpus (const char *dir_path)
{
  GPtrArray *corpus;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);

  corpus = g_ptr_array_new_with_free_func (item_free);
  for (guint n = 0; n < names->len; n++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[n], NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (contents, -1, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *err = NULL;
          Item *item;

          g_strchomp (lines[i]);
          if (lines[i][0] == '\0' || lines[i][0] == '#')
            continue;
          item = parse_line (names->pdata[n], i + 1, lines[i], &err);
          if (item == NULL)
            g_error ("%s:%u: %s", (char *) names->pdata[n], i + 1, err);
          g_ptr_array_add (corpus, item);
        }
    }
  return corpus;
}

/* The reported findings of one item on one ecosystem, merged per category. */
static GPtrArray *
reports_for (Item            *item,
             RedlineEcosystem ecosystem,
             gboolean         as_text)
{
  RedlineDocument document = { { NULL } };
  g_autoptr(GListModel) findings = NULL;
  GPtrArray *reports = g_ptr_array_new_with_free_func (report_free);

  document.fields[item->field] = item->text;
  /* As text given to redline-check without --purpose, or as advertising. */
  document.purpose_unknown = as_text;
  findings = redline_rule_set_check (rule_set, &document, ecosystem, item->kind);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(RedlineFinding) finding = g_list_model_get_item (findings, i);
      gboolean document_scope =
        redline_finding_get_scope (finding) == REDLINE_SCOPE_DOCUMENT;
      const char *category = redline_finding_get_category (finding);
      gsize start = redline_finding_get_start (finding);
      gsize end = redline_finding_get_end (finding);
      Report *report = NULL;

      if (redline_finding_get_severity (finding) < REDLINE_SEVERITY_WARNING)
        continue;

      for (guint r = 0; r < reports->len && report == NULL; r++)
        {
          Report *other = g_ptr_array_index (reports, r);

          if (g_str_equal (other->category, category) && other->document == document_scope &&
              (document_scope || (start < other->end && end > other->start)))
            report = other;
        }
      if (report != NULL)
        {
          report->start = MIN (report->start, start);
          report->end = MAX (report->end, end);
          continue;
        }
      report = g_new0 (Report, 1);
      report->category = g_strdup (category);
      report->start = start;
      report->end = end;
      report->document = document_scope;
      report->rule_id = g_strdup (redline_finding_get_rule_id (finding));
      report->text = g_strdup (document_scope ? redline_finding_get_trigger (finding)
                                              : redline_finding_get_text (finding));
      g_ptr_array_add (reports, report);
    }
  return reports;
}

static gboolean
report_matches (const Report   *report,
                const Expected *e)
{
  if (!g_str_equal (report->category, e->category))
    return FALSE;
  if (e->anywhere)
    return TRUE;
  return !report->document && report->start < e->end && report->end > e->start;
}

static Score *
score_for (GHashTable *scores,
           const char *category)
{
  Score *score = g_hash_table_lookup (scores, category);

  if (score == NULL)
    {
      score = g_new0 (Score, 1);
      g_hash_table_insert (scores, g_strdup (category), score);
    }
  return score;
}

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? 1.0 : (double) num / den;
}

static char *
excerpt (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n", ' ');
  if (g_utf8_strlen (flat, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (flat, 60);

      *cut = '\0';
      return g_strconcat (flat, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
test_ecosystem (gconstpointer data)
{
  const EcosystemCase *ecase = data;
  RedlineEcosystem ecosystem = ecase->ecosystem;
  GPtrArray *corpus = ecase->set->items;
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) categories = NULL;
  Score total = { 0 };
  guint n_items = 0;
  double precision, recall;

  for (guint i = 0; i < corpus->len; i++)
    {
      Item *item = g_ptr_array_index (corpus, i);
      g_autoptr(GPtrArray) reports = NULL;

      if ((item->ecosystems & (1u << ecosystem)) == 0)
        continue;
      n_items++;
      reports = reports_for (item, ecosystem, ecase->as_text);

      for (guint r = 0; r < reports->len; r++)
        {
          Report *report = g_ptr_array_index (reports, r);
          Score *score = score_for (scores, report->category);
          gboolean hit = FALSE;

          for (guint e = 0; e < item->expected->len && !hit; e++)
            {
              Expected *expected = &g_array_index (item->expected, Expected, e);

              hit = (expected->ecosystems & (1u << ecosystem)) && report_matches (report, expected);
            }
          score->reported++;
          score->tp_reported += hit;
          if (!hit)
            {
              g_autofree char *ex = excerpt (item->text);

              g_test_message ("FP %s %s:%u [%s] %s “%s” in “%s”", redline_ecosystem_to_string (ecosystem),
                              item->file, item->line, report->category, report->rule_id,
                              report->text ? report->text : "", ex);
            }
        }

      for (guint e = 0; e < item->expected->len; e++)
        {
          Expected *expected = &g_array_index (item->expected, Expected, e);
          gboolean hit = FALSE;
          Score *score;

          if ((expected->ecosystems & (1u << ecosystem)) == 0)
            continue;
          score = score_for (scores, expected->category);
          for (guint r = 0; r < reports->len && !hit; r++)
            hit = report_matches (g_ptr_array_index (reports, r), expected);
          score->expected++;
          score->tp_expected += hit;
          if (!hit)
            {
              g_autofree char *ex = excerpt (item->text);

              g_test_message ("FN %s %s:%u [%s] %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " in “%s”",
                              redline_ecosystem_to_string (ecosystem), item->file, item->line,
                              expected->category, expected->start, expected->end, ex);
            }
        }
    }

  {
    GHashTableIter iter;
    gpointer key;

    categories = g_ptr_array_new ();
    g_hash_table_iter_init (&iter, scores);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (categories, key);
    g_ptr_array_sort (categories, compare_strings);
  }
  g_print ("# %s on %s, %s: %u items\n", ecase->set->name, redline_ecosystem_to_string (ecosystem),
           ecase->as_text ? "as plain text" : "as advertising", n_items);
  g_print ("# %-22s %8s %8s %9s %6s\n", "category", "expected", "reported", "precision", "recall");
  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      Score *score = g_hash_table_lookup (scores, category);

      g_print ("# %-22s %8u %8u %9.3f %6.3f\n", category, score->expected, score->reported,
               ratio (score->tp_reported, score->reported),
               ratio (score->tp_expected, score->expected));
      total.tp_reported += score->tp_reported;
      total.reported += score->reported;
      total.tp_expected += score->tp_expected;
      total.expected += score->expected;
    }
  precision = ratio (total.tp_reported, total.reported);
  recall = ratio (total.tp_expected, total.expected);
  g_print ("# %-22s %8u %8u %9.3f %6.3f\n", "ALL", total.expected, total.reported, precision, recall);

  g_assert_cmpfloat (precision, >=, ecase->min_score);
  g_assert_cmpfloat (recall, >=, ecase->min_score);
}

static void
count_items (guint *n_items,
             guint *n_traps)
{
  *n_items = *n_traps = 0;
  for (guint s = 0; s < sets->len; s++)
    {
      GPtrArray *corpus = ((CorpusSet *) g_ptr_array_index (sets, s))->items;

      *n_items += corpus->len;
      for (guint i = 0; i < corpus->len; i++)
        *n_traps += ((Item *) g_ptr_array_index (corpus, i))->expected->len == 0;
    }
}

static void
test_size_real (void)
{
  guint n_items, n_traps;

  /* The sets together: enough labelled copy and enough traps to measure. */
  count_items (&n_items, &n_traps);
  g_print ("# %u items: %u labelled, %u traps\n", n_items, n_items - n_traps, n_traps);
  g_assert_cmpuint (n_items - n_traps, >=, MIN_REAL_VIOLATIONS);
  g_assert_cmpuint (n_traps, >=, MIN_REAL_TRAPS);
}

static void
test_size (void)
{
  GPtrArray *corpus = ((CorpusSet *) g_ptr_array_index (sets, 0))->items;
  guint n_traps = 0;

  /* Enough copy to measure, and both kinds of item. */
  g_assert_cmpuint (corpus->len, >=, 400);
  for (guint i = 0; i < corpus->len; i++)
    n_traps += ((Item *) g_ptr_array_index (corpus, i))->expected->len == 0;
  g_assert_cmpuint (n_traps, >=, 100);
  g_assert_cmpuint (corpus->len - n_traps, >=, 200);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;     /* of EcosystemCase* */
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  packs = redline_rule_pack_load_builtin (&error);
  g_assert_no_error (error);
  rule_set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);

  sets = g_ptr_array_new_with_free_func (corpus_set_free);
  cases = g_ptr_array_new_with_free_func (g_free);
  if (argc < 2)
    {
      CorpusSet *set = g_new0 (CorpusSet, 1);
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "corpus", NULL);

      set->name = g_strdup ("corpus");
      set->items = load_corpus (dir_path);
      set->min_score = MIN_SCORE;
      g_ptr_array_add (sets, set);
      g_test_add_func ("/redline/corpus/size", test_size);
    }
  else
    {
      const char *min_score = g_getenv ("REDLINE_CORPUS_MIN_SCORE");

      for (int a = 1; a < argc; a++)
        {
          CorpusSet *set = g_new0 (CorpusSet, 1);

          set->name = g_path_get_basename (argv[a]);
          set->items = load_corpus (argv[a]);
          set->min_score = min_score != NULL ? g_ascii_strtod (min_score, NULL) : 0.0;
          g_ptr_array_add (sets, set);
        }
    }

  for (guint s = 0; s < sets->len; s++)
    {
      static const RedlineEcosystem ecosystems[] = { REDLINE_ECOSYSTEM_WEIXIN, REDLINE_ECOSYSTEM_WECHAT };
      CorpusSet *set = g_ptr_array_index (sets, s);

      /* Each set is measured both ways: as text of unknown purpose, which
       * is how redline-check reads a file without --purpose, and as
       * advertising, which is how the app checks an ad and redline-check
       * with --purpose advertising. The tuning corpus is ad copy and must
       * pass as advertising; the real-world corpus holds prose too and
       * must pass as text. The other way is printed for the record. */
      for (guint m = 0; m < 2; m++)
        for (guint e = 0; e < G_N_ELEMENTS (ecosystems); e++)
          {
            EcosystemCase *ecase = g_new0 (EcosystemCase, 1);
            g_autofree char *path = NULL;

            ecase->set = set;
            ecase->ecosystem = ecosystems[e];
            ecase->as_text = argc < 2 ? m == 1 : m == 0;
            ecase->min_score = m == 0 ? set->min_score : 0.0;
            g_ptr_array_add (cases, ecase);
            if (argc < 2)
              path = g_strdup_printf ("/redline/corpus/%s%s", m == 0 ? "" : "as-text/",
                                      redline_ecosystem_to_string (ecosystems[e]));
            else
              path = g_strdup_printf ("/redline/corpus-real/%s/%s%s", set->name,
                                      m == 0 ? "" : "as-advertising/",
                                      redline_ecosystem_to_string (ecosystems[e]));
            g_test_add_data_func (path, ecase, test_ecosystem);
          }
    }
  /* After the figures, so that they are printed whatever the size. */
  if (argc >= 2)
    g_test_add_func ("/redline/corpus-real/all/size", test_size_real);

  status = g_test_run ();
  g_ptr_array_unref (cases);
  g_ptr_array_unref (sets);
  g_object_unref (rule_set);
  return status;
}
