/* test-score-json.c — `ziping-cli score --json` prints form by form (one form's tree in
 * memory at a time); its text must be exactly what json-glib prints for the whole tree.
 *
 * json-glib's parser and generator round-trip a pretty document byte for byte (members
 * keep their order), so the streamed output parsed and printed again by json-glib must
 * come back unchanged: on the example, on texts that need every kind of escape, and on
 * a workbook with no forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"

static const char *cli_path;
static char *tmp_dir;

static char *
score_json (const char *path)
{
  const char *argv[] = { cli_path, "score", "--json", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  return out;
}

/* What json-glib prints for the whole tree, as the command did before it streamed. */
static char *
whole_tree_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);
  return g_strconcat (data, "\n", NULL);
}

static void
assert_streamed_as_whole (const char *path,
                          guint       n_forms)
{
  g_autofree char *streamed = score_json (path);
  g_autofree char *whole = whole_tree_text (streamed);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpstr (streamed, ==, whole);
  g_assert_true (json_parser_load_from_data (parser, streamed, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "forms")), ==, n_forms);
}

static char *
save (ZpWorkbook *workbook,
      const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);

  assert_streamed_as_whole (path, 4);
}

static void
test_escapes (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();
  g_autofree char *path = NULL;

  zp_workbook_set_unit (workbook, "单位 \"引号\" \\ 反斜杠 / 斜杠");
  zp_project_form_set_name (form, "换行\n制表\t回车\r\b\f\x0b\x01\x1e\x1f\x7f 😀 结束");
  zp_workbook_insert_project (workbook, G_MAXUINT, form);
  zp_indicator_set_name (indicator, "\"}\n  ]\n}\n");
  zp_indicator_set_target (indicator, "≥95%");
  zp_indicator_set_actual (indicator, "96%");
  zp_goal_insert_indicator (zp_form_get_goal (ZP_FORM (form), 0), G_MAXUINT, indicator);
  path = save (workbook, "escapes.ziping");
  assert_streamed_as_whole (path, 1);
}

/* Each form says how many of its rows are not scored: the example none, and one once an
 * actual is blank (the total then misses its points). */
static void
test_unscored (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonArray *forms;

  g_assert_no_error (error);
  zp_indicator_set_actual (zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (workbook, 1), 0), 0), "");
  path = save (workbook, "unscored.ziping");
  text = score_json (path);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  forms = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "forms");
  g_assert_cmpuint (json_array_get_length (forms), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *form = json_array_get_object_element (forms, i);

      g_assert_true (json_object_has_member (form, "unscored"));
      g_assert_cmpint (json_object_get_int_member (form, "unscored"), ==, i == 1 ? 1 : 0);
    }
}

static void
test_no_forms (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autofree char *path = save (workbook, "empty.ziping");

  assert_streamed_as_whole (path, 0);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL;)
    {
      g_autofree char *child = g_build_filename (tmp_dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];
  tmp_dir = g_dir_make_tmp ("zp-score-json-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/score-json/example", test_example);
  g_test_add_func ("/cli/score-json/escapes", test_escapes);
  g_test_add_func ("/cli/score-json/unscored", test_unscored);
  g_test_add_func ("/cli/score-json/no-forms", test_no_forms);
  status = g_test_run ();

  remove_tmp_dir ();
  return status;
}
