/* bench-matcher.c: matcher throughput against grep and ripgrep, pack loading, re-checks, start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing about speed (a busy machine would make
 * such a test flaky). HACKING.md lists the targets these figures are read
 * against.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "redline-core.h"

#define CORPUS_BYTES (50 * 1024 * 1024)
#define MIN_TERMS 2000

/* Whole-process runs of each command, taken in turns. */
#define ROUNDS 5

/* Common characters of Chinese ad copy, and English words. */
static const char han[] =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
  "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
  "现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全"
  "表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无"
  "系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基"
  "资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取"
  "据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
  "收证改清美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华"
  "咖啡豆拿铁秋季新品上市限时优惠门店会员积分礼包甜点烘焙香醇口感早餐下午茶";
static const char * const english[] = {
  "coffee", "latte", "autumn", "new", "menu", "fresh", "beans", "roasted", "daily", "our",
  "shop", "members", "points", "gift", "season", "limited", "offer", "taste", "smooth",
  "sweet", "pastry", "breakfast", "afternoon", "tea", "visit", "today", "with", "friends",
  "and", "the", "for", "you", "a", "cup", "of", "warm", "light", "city", "weekend", "open",
};

static const char *
random_han (GRand   *rand,
            GString *out,
            guint    n)
{
  static gunichar *chars = NULL;
  static glong n_chars = 0;

  if (chars == NULL)
    chars = g_utf8_to_ucs4_fast (han, -1, &n_chars);
  for (guint i = 0; i < n; i++)
    g_string_append_unichar (out, chars[g_rand_int_range (rand, 0, n_chars)]);
  return out->str;
}

/* Terms: every built-in term, then made-up three- and four-character Chinese
 * terms and two-word English ones until there are at least MIN_TERMS. */
static GPtrArray *
make_terms (GPtrArray *packs,
            GRand     *rand)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < packs->len; p++)
    {
      RedlineRulePack *pack = g_ptr_array_index (packs, p);

      for (guint r = 0; r < redline_rule_pack_get_n_rules (pack); r++)
        {
          RedlineRule *rule = redline_rule_pack_get_rule (pack, r);

          for (guint t = 0; t < redline_rule_get_n_terms (rule); t++)
            {
              char *term = g_utf8_strdown (redline_rule_get_term (rule, t), -1);

              if (g_hash_table_add (seen, term))
                g_ptr_array_add (terms, term);
              else
                g_free (term);
            }
        }
    }

  while (terms->len < MIN_TERMS)
    {
      g_autoptr(GString) term = g_string_new (NULL);

      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_printf (term, "%s%s",
                                english[g_rand_int_range (rand, 0, G_N_ELEMENTS (english))],
                                g_rand_boolean (rand) ? "ly" : "est");
      else
        random_han (rand, term, g_rand_int_range (rand, 3, 5));
      if (!g_hash_table_contains (seen, term->str))
        {
          char *copy = g_string_free (g_steal_pointer (&term), FALSE);

          g_hash_table_add (seen, copy);
          g_ptr_array_add (terms, copy);
        }
    }
  return terms;
}

/* Mixed Chinese and English copy with a term every few hundred bytes. */
static GString *
make_corpus (GPtrArray *terms,
             GRand     *rand)
{
  GString *corpus = g_string_sized_new (CORPUS_BYTES + 1024);
  guint line = 0;

  while (corpus->len < CORPUS_BYTES)
    {
      guint what = g_rand_int_range (rand, 0, 100);

      if (what < 55)
        random_han (rand, corpus, g_rand_int_range (rand, 4, 24));
      else if (what < 90)
        {
          guint words = g_rand_int_range (rand, 2, 9);

          g_string_append_c (corpus, ' ');
          for (guint w = 0; w < words; w++)
            {
              g_string_append (corpus, english[g_rand_int_range (rand, 0, G_N_ELEMENTS (english))]);
              g_string_append_c (corpus, ' ');
            }
        }
      else if (what < 93)
        g_string_append (corpus, g_ptr_array_index (terms, g_rand_int_range (rand, 0, terms->len)));
      else
        g_string_append (corpus, what < 97 ? "，" : "。");

      if (++line % 12 == 0)
        g_string_append_c (corpus, '\n');
    }
  return corpus;
}

static char *
make_pack_xml (GPtrArray *terms)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<rulepack id=\"bench.synthetic\" version=\"1\">\n"
                               "  <title>Synthetic benchmark terms</title>\n"
                               "  <rule id=\"bench.terms\" category=\"absolute-term\">\n"
                               "    <message>{text}</message>\n    <terms>\n");

  for (guint i = 0; i < terms->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (terms, i), -1);

      g_string_append_printf (xml, "      <term id=\"t%u\">%s</term>\n", i, escaped);
    }
  g_string_append (xml, "    </terms>\n    <example type=\"correct\">.</example>\n"
                        "  </rule>\n</rulepack>\n");
  return g_string_free (xml, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

/* Whether @program is on the PATH. */
static gboolean
can_run (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* Runs @argv with stdout into a pipe that is drained and counted, as a
 * shell pipeline would; returns the wall-clock seconds. */
static double
time_command (const char * const *argv,
              gsize              *out_bytes)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GInputStream *out;
  char buffer[65536];
  gssize n;
  gint64 start = g_get_monotonic_time ();

  *out_bytes = 0;
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (process == NULL)
    {
      g_print ("# cannot run %s: %s\n", argv[0], error->message);
      return -1;
    }
  out = g_subprocess_get_stdout_pipe (process);
  while ((n = g_input_stream_read (out, buffer, sizeof buffer, NULL, NULL)) > 0)
    *out_bytes += n;
  g_subprocess_wait (process, NULL, NULL);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) corpus = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *dir = NULL;
  g_autofree char *corpus_path = NULL;
  g_autofree char *terms_path = NULL;
  g_autofree char *pack_path = NULL;
  g_autofree char *pack_xml = NULL;
  g_autoptr(GString) terms_file = g_string_new (NULL);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RedlineRuleSet) set = NULL;
  g_autoptr(RedlineRuleSet) builtin_set = NULL;
  g_autoptr(GBytes) pack_bytes = NULL;
  double load_ms[21];
  double mb;
  const char *redline_check = g_getenv ("REDLINE_CHECK");

  /* 1. Loading and compiling the built-in packs. */
  for (guint i = 0; i < G_N_ELEMENTS (load_ms); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) loaded = redline_rule_pack_load_builtin (&error);
      g_autoptr(RedlineRuleSet) compiled = NULL;

      g_assert_no_error (error);
      compiled = redline_rule_set_new (loaded, NULL, &error);
      g_assert_no_error (error);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        {
          builtin = g_steal_pointer (&loaded);
          builtin_set = g_steal_pointer (&compiled);
        }
    }
  g_print ("load+compile built-in packs: %u packs, %u rules, %u terms: median %.2f ms "
           "(target < 50 ms)\n",
           redline_rule_set_get_n_packs (builtin_set), redline_rule_set_get_n_rules (builtin_set),
           redline_rule_set_get_n_terms (builtin_set), median (load_ms, G_N_ELEMENTS (load_ms)));

  /* 2. Re-checking a 20,000-character article after one keystroke. */
  {
    g_autoptr(GString) article = g_string_new (NULL);
    double cpu_ms[101];

    while (g_utf8_strlen (article->str, -1) < 20000)
      {
        random_han (rand, article, 30);
        g_string_append (article, " autumn latte menu，最佳。\n");
      }
    g_string_truncate (article, g_utf8_offset_to_pointer (article->str, 20000) - article->str);
    for (guint i = 0; i < G_N_ELEMENTS (cpu_ms); i++)
      {
        double start = cpu_seconds ();
        g_autoptr(GListModel) findings = NULL;

        article->str[i % 64] = 'a' + i % 26;  /* the keystroke */
        findings = redline_rule_set_check_text (builtin_set, article->str,
                                                REDLINE_ECOSYSTEM_WEIXIN,
                                                REDLINE_CONTENT_KIND_ARTICLE);
        cpu_ms[i] = (cpu_seconds () - start) * 1000.0;
      }
    g_print ("re-check 20,000-character article: median %.3f ms CPU (target < 2 ms)\n",
             median (cpu_ms, G_N_ELEMENTS (cpu_ms)));
  }

  /* 3. Throughput on a 50 MB mixed corpus with >= 2,000 terms. */
  terms = make_terms (builtin, rand);
  corpus = make_corpus (terms, rand);
  mb = corpus->len / (1024.0 * 1024.0);
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (terms_file, "%s\n", (char *) g_ptr_array_index (terms, i));
  pack_xml = make_pack_xml (terms);

  dir = g_dir_make_tmp ("redline-bench-XXXXXX", &error);
  g_assert_no_error (error);
  corpus_path = g_build_filename (dir, "corpus.txt", NULL);
  terms_path = g_build_filename (dir, "terms.txt", NULL);
  pack_path = g_build_filename (dir, "synthetic.xml", NULL);
  g_file_set_contents (corpus_path, corpus->str, corpus->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (terms_path, terms_file->str, terms_file->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (pack_path, pack_xml, -1, &error);
  g_assert_no_error (error);

  {
    gsize len = strlen (pack_xml);

    pack_bytes = g_bytes_new_take (g_steal_pointer (&pack_xml), len);
  }
  packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_extend (packs, builtin, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_add (packs, redline_rule_pack_new_from_bytes (pack_bytes, "synthetic.xml", &error));
  g_assert_no_error (error);
  set = redline_rule_set_new (packs, NULL, &error);
  g_assert_no_error (error);
  g_print ("corpus: %.1f MB mixed Chinese/English, %u distinct terms (%u in the rule set)\n",
           mb, terms->len, redline_rule_set_get_n_terms (set));

  {
    double best = G_MAXDOUBLE;
    gsize matches = 0;

    for (guint i = 0; i < 3; i++)
      {
        gint64 start = g_get_monotonic_time ();

        matches = redline_rule_set_count_matches (set, corpus->str, corpus->len);
        best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      }
    g_print ("scan only (normalise + automaton): %.3f s, %.0f MB/s, %" G_GSIZE_FORMAT
             " raw matches\n", best, mb / best, matches);
  }

  /* 4. Whole processes, output into a pipe, taken in turns so that a
   * busy moment of the machine falls on all of them alike: the same terms
   * for grep, ripgrep and redline-check with only the synthetic pack, on
   * one processor and on all; then the built-in packs. */
  {
    g_autofree char *rules_arg = g_strconcat ("--rules=", pack_path, NULL);
    const char * const grep_argv[] = { "grep", "-F", "-o", "-f", terms_path, corpus_path, NULL };
    const char * const rg_argv[] = { "rg", "-F", "-o", "-f", terms_path, corpus_path, NULL };
    const char * const terms_argv[] = { redline_check, "--ecosystem=weixin", "--no-builtin-rules",
                                        rules_arg, corpus_path, NULL };
    const char * const terms_1_argv[] = { "taskset", "-c", "0", redline_check, "--ecosystem=weixin",
                                          "--no-builtin-rules", rules_arg, corpus_path, NULL };
    const char * const builtin_argv[] = { redline_check, "--ecosystem=weixin", corpus_path, NULL };
    const char * const builtin_1_argv[] = { "taskset", "-c", "0", redline_check,
                                            "--ecosystem=weixin", corpus_path, NULL };
    static const char * const names[] = {
      "grep -F -o -f TERMS", "rg -F -o -f TERMS",
      "redline-check, the terms only, 1 thread", "redline-check, the terms only",
      "redline-check, built-in packs, 1 thread", "redline-check, built-in packs",
    };
    const char * const *commands[] = { grep_argv, rg_argv, terms_1_argv, terms_argv,
                                       builtin_1_argv, builtin_argv };
    double times[G_N_ELEMENTS (commands)][ROUNDS];
    gboolean ran[G_N_ELEMENTS (commands)];
    double medians[G_N_ELEMENTS (commands)];
    gsize out_bytes;

    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      ran[c] = commands[c][0] != NULL && can_run (commands[c][0]) &&
               (!g_str_equal (commands[c][0], "taskset") || redline_check != NULL);
    for (guint r = 0; r < ROUNDS; r++)
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          if (ran[c])
            times[c][r] = time_command (commands[c], &out_bytes);
          ran[c] = ran[c] && times[c][r] >= 0;
        }
    g_print ("whole process, output into a pipe, median of %u runs taken in turns:\n", ROUNDS);
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        if (!ran[c])
          {
            g_print ("  %-42s not run (%s is not installed)\n", names[c], commands[c][0] != NULL
                     ? commands[c][0] : "redline-check");
            continue;
          }
        medians[c] = median (times[c], ROUNDS);
        g_print ("  %-42s %7.3f s %6.0f MB/s", names[c], medians[c], mb / medians[c]);
        if (c >= 2 && ran[0])
          g_print ("  %5.2fx grep", medians[c] / medians[0]);
        if (c >= 2 && ran[1])
          g_print ("  %5.2fx rg", medians[c] / medians[1]);
        g_print ("\n");
      }
    g_print ("  (targets, issue 13: the terms only no slower than rg, the built-in packs no "
             "slower than grep)\n");
  }

  /* 5. Start-up: the built-in packs loaded and an empty text checked. */
  if (redline_check != NULL)
    {
      g_autofree char *empty_path = g_build_filename (dir, "empty.txt", NULL);
      const char * const empty_argv[] = { redline_check, "--ecosystem=weixin", empty_path, NULL };
      double startup[21];
      gsize out_bytes;

      g_file_set_contents (empty_path, "", 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (startup); i++)
        startup[i] = time_command (empty_argv, &out_bytes) * 1000.0;
      g_print ("start-up, built-in packs, an empty text: median %.1f ms (target < 15 ms)\n",
               median (startup, G_N_ELEMENTS (startup)));
      g_unlink (empty_path);
    }

  if (g_getenv ("REDLINE_BENCH_KEEP") != NULL)
    {
      g_print ("# kept the inputs in %s\n", dir);
      return 0;
    }
  g_unlink (corpus_path);
  g_unlink (terms_path);
  g_unlink (pack_path);
  g_rmdir (dir);
  return 0;
}
