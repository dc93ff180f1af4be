/* test-scheme-files.c — schemes users can make: the free-split built-in, scheme files a
 * bureau hands out, and built-in names in the UI language whatever made the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ziping-core.h"

static void
test_sichuan (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("sichuan");

  g_assert_nonnull (scheme);
  g_assert_cmpint (zp_scheme_get_category_split (scheme), ==, ZP_CATEGORY_SPLIT_FREE);
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (10)));
  g_assert_true (zp_decimal_equal (zp_scheme_get_indicator_weight (scheme), zp_decimal_from_int (90)));
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "Sichuan / Chongqing (10 + 90, free split)");

  /* The others keep a fixed split. */
  {
    g_autoptr(ZpScheme) hubei = zp_scheme_new_builtin ("hubei");

    g_assert_cmpint (zp_scheme_get_category_split (hubei), ==, ZP_CATEGORY_SPLIT_FIXED);
  }
}

static void
test_file_round_trip (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("central");
  g_autoptr(ZpScheme) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ziping-scheme-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bureau.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  zp_scheme_set_name (scheme, "某区财政局 2024 方案");
  zp_scheme_set_category_weight (scheme, 0, zp_decimal_from_int (60));
  zp_scheme_set_category_weight (scheme, 1, zp_decimal_from_int (20));
  zp_scheme_set_not_applicable (scheme, ZP_NOT_APPLICABLE_RESCALE);
  zp_scheme_set_reverse_formula (scheme, ZP_REVERSE_FORMULA_LINEAR);
  data = zp_scheme_to_data (scheme, NULL);
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"ziping-scheme\",\n  \"version\": 2,\n  \"scheme\": {\n"));

  g_assert_true (zp_scheme_save (scheme, file, &error));
  g_assert_no_error (error);
  loaded = zp_scheme_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zp_scheme_get_id (loaded), ==, "central");
  g_assert_cmpstr (zp_scheme_get_name (loaded), ==, "某区财政局 2024 方案");
  g_assert_true (zp_decimal_equal (zp_scheme_get_category_weight (loaded, 0), zp_decimal_from_int (60)));
  g_assert_cmpint (zp_scheme_get_not_applicable (loaded), ==, ZP_NOT_APPLICABLE_RESCALE);
  g_assert_cmpint (zp_scheme_get_reverse_formula (loaded), ==, ZP_REVERSE_FORMULA_LINEAR);
  again = zp_scheme_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);

  g_remove (path);
  g_rmdir (dir);
}

static void
assert_fails (const char *data,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpScheme) scheme = zp_scheme_load_from_data (data, -1, "bad.json", &error);

  g_assert_null (scheme);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_bad_files (void)
{
  g_autoptr(ZpScheme) hubei = zp_scheme_new_builtin ("hubei");
  g_autofree char *data = zp_scheme_to_data (hubei, NULL);
  g_autoptr(GString) bad = g_string_new (data);

  assert_fails ("", "empty");
  assert_fails ("{\"format\": \"ziping\"}", "this is not a Ziping scheme file");
  assert_fails ("[1]", "expected an object");
  assert_fails ("{\"format\": \"ziping-scheme\", \"version\": 3}", "written by a newer Ziping (version 3)");
  g_string_replace (bad, "\"execution-weight\": \"20\"", "\"execution-weight\": \"二十\"", 1);
  assert_fails (bad->str, "bad.json:8:5: “execution-weight” must hold a number");
  /* A workbook is not a scheme file. */
  {
    g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
    g_autofree char *book = zp_workbook_to_data (workbook, NULL);

    assert_fails (book, "not a Ziping scheme file");
  }
}

/* A workbook made in Chinese names its built-in scheme in Chinese: read in English, the
 * name is English; a renamed scheme keeps its name. */
static void
test_builtin_names (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("hubei");
  g_autoptr(GString) data = NULL;
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  zp_scheme_set_name (zp_workbook_get_scheme (workbook), "湖北 / 武汉");
  text = zp_workbook_to_data (workbook, NULL);
  g_assert_nonnull (strstr (text, "\"name\": \"湖北 / 武汉\""));
  loaded = zp_workbook_load_from_data (text, strlen (text), "zh.ziping", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zp_scheme_get_name (zp_workbook_get_scheme (loaded)), ==, "Hubei / Wuhan");

  g_assert_true (zp_scheme_is_builtin_name ("central", "中央（财预〔2020〕10号）"));
  g_assert_true (zp_scheme_is_builtin_name ("sichuan", "Sichuan / Chongqing (10 + 90, free split)"));
  g_assert_false (zp_scheme_is_builtin_name ("central", "Hubei / Wuhan"));
  g_assert_false (zp_scheme_is_builtin_name ("bureau", "Hubei / Wuhan"));

  g_clear_object (&loaded);
  data = g_string_new (text);
  g_string_replace (data, "湖北 / 武汉", "江岸区方案", 1);
  loaded = zp_workbook_load_from_data (data->str, data->len, "renamed.ziping", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zp_scheme_get_name (zp_workbook_get_scheme (loaded)), ==, "江岸区方案");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The settings as properties, which the scheme page and its undo use. */
static void
test_properties (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autofree char *weight = NULL;
  g_autofree char *partial = NULL;
  g_auto(GStrv) categories = NULL;
  const char *changed[] = { "产出指标=60", "效益指标=10", NULL };
  guint notified = 0;

  g_object_get (scheme, "execution-weight", &weight, "band-partial", &partial,
                "category-weights", &categories, NULL);
  g_assert_cmpstr (weight, ==, "20");
  g_assert_cmpstr (partial, ==, "0.5");
  g_assert_cmpstr (categories[0], ==, "产出指标=40");
  g_assert_cmpstr (categories[2], ==, "满意度指标=10");

  g_signal_connect (scheme, "notify::execution-weight", G_CALLBACK (count_notify), &notified);
  g_object_set (scheme, "execution-weight", "30", "decimals", 1u,
                "reverse-formula", ZP_REVERSE_FORMULA_LINEAR, "category-weights", changed, NULL);
  g_assert_cmpuint (notified, >, 0);
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (30)));
  g_assert_cmpuint (zp_scheme_get_decimals (scheme), ==, 1);
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_LINEAR);
  g_assert_true (zp_decimal_equal (zp_scheme_get_category_weight (scheme, 0), zp_decimal_from_int (60)));
  g_assert_true (zp_decimal_equal (zp_scheme_get_category_weight (scheme, 1), zp_decimal_from_int (10)));
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 3);

  /* A non-number leaves the setting as it was. */
  g_object_set (scheme, "execution-weight", "三十", NULL);
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (30)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme-files/sichuan", test_sichuan);
  g_test_add_func ("/scheme-files/round-trip", test_file_round_trip);
  g_test_add_func ("/scheme-files/bad", test_bad_files);
  g_test_add_func ("/scheme-files/builtin-names", test_builtin_names);
  g_test_add_func ("/scheme-files/properties", test_properties);

  return g_test_run ();
}
