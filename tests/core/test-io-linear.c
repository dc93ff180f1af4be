/* test-io-linear.c — loading grows linearly with what a file holds, and counts no real
 * workbook reaches are refused with a message.
 *
 * Times (CPU time of the loading thread) are compared within the run (four times the entries against the run's own
 * baseline), never with an absolute figure: linear growth gives about 4 ×, the quadratic
 * scans this guards against gave 16 × and more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "ziping-core.h"

/* Generous: linear is 4 × (up to 5–6 × once the tables outgrow the caches), quadratic
 * 16 ×. */
#define MAX_GROWTH 10.0

/* A workbook with `n_categories` scheme categories and one project form with
 * `n_explanations` explanations, written compactly as strict JSON. `slow` puts a comment
 * in front, which sends the file to the json-glib loader instead of the fast reader. */
static char *
generate (guint    n_categories,
          guint    n_explanations,
          gboolean slow)
{
  GString *text = g_string_new (slow ? "/* the loader */ " : "");

  g_string_append (text, "{\"format\": \"ziping\", \"version\": 1, \"year\": 2024,\n"
                         "\"scheme\": {\"id\": \"hubei\", \"layout\": \"hubei\", \"execution-weight\": \"20\",\n"
                         "\"categories\": [");
  for (guint i = 0; i < n_categories; i++)
    g_string_append_printf (text, "%s{\"name\": \"类别%u\", \"weight\": \"1\"}", i > 0 ? ",\n" : "", i);
  g_string_append (text, "],\n\"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}},\n"
                         "\"forms\": [{\"kind\": \"project\", \"name\": \"甲\", \"explanations\": {");
  for (guint i = 0; i < n_explanations; i++)
    g_string_append_printf (text, "%s\"form/finding-%u\": \"说明 %u\"", i > 0 ? ",\n" : "", i, i);
  g_string_append (text, "}}]}\n");
  return g_string_free (text, FALSE);
}

/* CPU time of this thread, in seconds: other processes on a busy machine do not count. */
static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* One load, in CPU seconds; checks what was loaded. */
static double
time_load (const char *text,
           guint       n_categories,
           guint       n_explanations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  double start = cpu_seconds (), seconds;

  workbook = zp_workbook_load_from_data (text, strlen (text), "big.ziping", &error);
  seconds = cpu_seconds () - start;
  g_assert_no_error (error);

  keys = zp_form_list_explanation_keys (zp_workbook_get_form (workbook, 0));
  g_assert_cmpuint (keys->len, ==, n_explanations);
  g_assert_cmpuint (zp_scheme_get_n_categories (zp_workbook_get_scheme (workbook)), ==, n_categories);
  return seconds;
}

static void
assert_linear (guint    n_categories,
               guint    n_explanations,
               gboolean slow)
{
  g_autofree char *small = generate (n_categories, n_explanations, slow);
  g_autofree char *large = generate (4 * n_categories, 4 * n_explanations, slow);
  double t_small = G_MAXDOUBLE, t_large = G_MAXDOUBLE, growth;

  /* The best of five of each, interleaved. */
  for (guint run = 0; run < 5; run++)
    {
      t_small = MIN (t_small, time_load (small, n_categories, n_explanations));
      t_large = MIN (t_large, time_load (large, 4 * n_categories, 4 * n_explanations));
    }
  /* Below a few milliseconds the clock's noise is the measure: compare from there. */
  growth = t_large / MAX (t_small, 0.005);

  g_test_message ("%u categories, %u explanations (%s): %.1f ms; 4 × as many: %.1f ms (%.2f ×)",
                  n_categories, n_explanations, slow ? "loader" : "fast reader",
                  t_small * 1e3, t_large * 1e3, growth);
  if (growth > MAX_GROWTH)
    g_error ("4 × the entries took %.1f × the time (%.1f ms, then %.1f ms)",
             growth, t_small * 1e3, t_large * 1e3);
}

/* 20,000 then 80,000 explanations of one form (a linear duplicate scan took 4.5 s at
 * 40,000, 84 s at 160,000). */
static void
test_explanations_linear (void)
{
  assert_linear (3, 20000, FALSE);
  /* json-glib's tree of 80,000 members outgrows the caches and grows by 5–10 ×: the
   * loader is measured where it fits. */
  assert_linear (3, 5000, TRUE);
}

/* 2,500 then 10,000 scheme categories (each added category normalised every name before
 * it: 5.3 s at 10,000). */
static void
test_categories_linear (void)
{
  assert_linear (2500, 0, FALSE);
  assert_linear (2500, 0, TRUE);
}

static void
assert_too_large (const char *text,
                  const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (text, strlen (text), "big.ziping", &error);
  g_autoptr(GRegex) positioned = g_regex_new ("^big\\.ziping:[0-9]+:[0-9]+: ", 0, 0, NULL);

  g_assert_null (workbook);
  g_test_message ("message: %s", error->message);
  g_assert_error (error, ZP_IO_ERROR, ZP_IO_ERROR_TOO_LARGE);
  g_assert_true (g_regex_match (positioned, error->message, 0, NULL));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_limits (void)
{
  g_autofree char *categories = generate (10001, 0, FALSE);
  g_autofree char *explanations = generate (3, 100001, FALSE);
  g_autofree char *slow_explanations = generate (3, 100001, TRUE);
  g_autofree char *at_limit = generate (10000, 100000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;

  assert_too_large (categories, "“categories” has 10001 entries; Ziping reads at most 10000 there");
  assert_too_large (explanations, "“explanations” has 100001 entries; Ziping reads at most 100000 there");
  assert_too_large (slow_explanations, "“explanations” has 100001 entries");

  workbook = zp_workbook_load_from_data (at_limit, strlen (at_limit), "big.ziping", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zp_scheme_get_n_categories (zp_workbook_get_scheme (workbook)), ==, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/linear/explanations", test_explanations_linear);
  g_test_add_func ("/io/linear/categories", test_categories_linear);
  g_test_add_func ("/io/linear/limits", test_limits);

  return g_test_run ();
}
