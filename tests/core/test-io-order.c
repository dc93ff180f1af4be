/* test-io-order.c — a workbook whose members come in another order than Ziping writes
 * them (a hand-edited file, another tool's output) is read by the fast reader too, to
 * the same workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ziping-core.h"

/* The one-pass reader (zp-io-fast.c): NULL when it leaves the file to the loader. */
ZpWorkbook *_zp_io_fast_load (const char *text,
                              gsize       length);

/* `node` with the members of every object in another order: reversed (rand NULL) or
 * shuffled. */
static JsonNode *
reorder (JsonNode *node,
         GRand    *rand)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      JsonObject *out = json_object_new ();
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      for (GList *m = members; m != NULL; m = m->next)
        g_ptr_array_add (names, m->data);
      for (guint i = 0; i + 1 < names->len; i++)
        {
          guint pick = rand != NULL ? (guint) g_rand_int_range (rand, i, names->len) : names->len - 1;
          gpointer name = names->pdata[pick];

          /* Reversed: the last name still in place comes next. */
          if (rand == NULL)
            {
              g_ptr_array_remove_index (names, pick);
              g_ptr_array_insert (names, i, name);
              continue;
            }
          names->pdata[pick] = names->pdata[i];
          names->pdata[i] = name;
        }
      for (guint i = 0; i < names->len; i++)
        json_object_set_member (out, names->pdata[i],
                                reorder (json_object_get_member (object, names->pdata[i]), rand));
      json_node_take_object (result, out);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *out = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (out, reorder (json_array_get_element (array, i), rand));
      json_node_take_array (result, out);
      return result;
    }
  return json_node_copy (node);
}

static char *
reordered_text (const char *text,
                GRand      *rand)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = reorder (json_parser_get_root (parser), rand);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, rand == NULL);
  return json_generator_to_data (generator, NULL);
}

static char *
saved_text (ZpWorkbook *workbook)
{
  g_assert_nonnull (workbook);
  return zp_workbook_to_data (workbook, NULL);
}

/* The file reordered is read by the fast reader, and gives what the file gives. */
static void
assert_order_does_not_matter (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) reference = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1201);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  reference = zp_workbook_load_from_data (text, strlen (text), "reference.ziping", &error);
  g_assert_no_error (error);
  expected = saved_text (reference);

  for (guint round = 0; round < 21; round++)
    {
      g_autofree char *other = reordered_text (text, round == 0 ? NULL : rand);
      g_autoptr(ZpWorkbook) fast = _zp_io_fast_load (other, strlen (other));
      g_autoptr(ZpWorkbook) loaded = zp_workbook_load_from_data (other, strlen (other), "other.ziping", &error);
      g_autofree char *fast_saved = NULL;
      g_autofree char *loaded_saved = NULL;

      g_assert_no_error (error);
      if (fast == NULL)
        g_error ("the fast reader left round %u to the loader:\n%.400s", round, other);
      fast_saved = saved_text (fast);
      loaded_saved = saved_text (loaded);
      g_assert_cmpstr (fast_saved, ==, expected);
      g_assert_cmpstr (loaded_saved, ==, expected);
      g_assert_cmpuint (zp_workbook_get_n_forms (fast), ==, zp_workbook_get_n_forms (reference));
    }
}

static void
test_example_reordered (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);

  assert_order_does_not_matter (path);
}

/* A version-1 file, as an older Ziping wrote it. */
static void
test_version_1_reordered (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "..", "..", "tests", "core",
                                           "data", "jiangan-2024-v1.ziping", NULL);

  assert_order_does_not_matter (path);
}

/* `text` with every character past ASCII written as \uXXXX (a surrogate pair past
 * U+FFFF), as Python's json.dumps writes by default. */
static char *
ascii_escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_printf (out, "\\u%04x\\u%04x", 0xD800 + ((c - 0x10000) >> 10),
                                0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  return g_string_free (out, FALSE);
}

/* Another tool's output: every Chinese character and an emoji escaped. */
static void
test_escaped_by_another_tool (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
  g_autofree char *expected = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(ZpWorkbook) fast = NULL;
  g_autofree char *fast_saved = NULL;

  g_assert_no_error (error);
  zp_form_set_analysis (zp_workbook_get_form (workbook, 0), "分析 😀 完");
  expected = saved_text (workbook);
  escaped = ascii_escaped (expected);
  g_assert_null (strstr (escaped, "😀"));
  g_assert_nonnull (strstr (escaped, "\\ud83d\\ude00"));

  fast = _zp_io_fast_load (escaped, strlen (escaped));
  g_assert_nonnull (fast);
  fast_saved = saved_text (fast);
  g_assert_cmpstr (fast_saved, ==, expected);
}

#define SCHEME \
  "\"scheme\": {\"bands\": {\"missed\": \"0\", \"partial\": \"0.5\", \"achieved\": \"0.8\"}," \
  " \"categories\": [{\"weight\": \"40\", \"name\": \"产出指标\"}], \"execution-weight\": \"20\"," \
  " \"layout\": \"hubei\", \"id\": \"hubei\"}"

/* Reordering keeps every rule: what the fast reader is not sure of (a repeated member) is
 * the loader's, and a department form after a project form, a kind that is not one or no
 * kind at all are refused as before. */
static void
test_reordered_mistakes (void)
{
  static const struct { const char *text; const char *words; } cases[] = {
    { "{\"forms\": [{\"name\": \"甲\", \"kind\": \"project\", \"kind\": \"project\"}], " SCHEME ","
      " \"year\": 2024, \"version\": 2, \"format\": \"ziping\"}", NULL },
    { "{\"forms\": [], \"forms\": [], " SCHEME ", \"year\": 2024, \"version\": 2, \"format\": \"ziping\"}", NULL },
    { "{\"forms\": [{\"name\": \"甲\", \"kind\": \"project\"}, {\"unit\": \"乙\", \"kind\": \"department\"}], "
      SCHEME ", \"year\": 2024, \"version\": 2, \"format\": \"ziping\"}", "department form must come first" },
    { "{\"forms\": [{\"name\": \"甲\", \"kind\": \"bogus\"}], " SCHEME ", \"year\": 2024, \"version\": 2,"
      " \"format\": \"ziping\"}", "not “bogus”" },
    { "{\"forms\": [{\"name\": \"甲\"}], " SCHEME ", \"year\": 2024, \"version\": 2, \"format\": \"ziping\"}",
      "expected a member “kind”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) fast = _zp_io_fast_load (cases[i].text, strlen (cases[i].text));
      g_autoptr(ZpWorkbook) loaded = zp_workbook_load_from_data (cases[i].text, strlen (cases[i].text), "bad.ziping", &error);

      g_assert_null (fast);
      if (cases[i].words == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (loaded);
          continue;
        }
      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.ziping:1:"));
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/order/example", test_example_reordered);
  g_test_add_func ("/io/order/version-1", test_version_1_reordered);
  g_test_add_func ("/io/order/escaped-by-another-tool", test_escaped_by_another_tool);
  g_test_add_func ("/io/order/mistakes", test_reordered_mistakes);

  return g_test_run ();
}
