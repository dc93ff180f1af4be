/* test-report-edits.c — edited paragraphs of the written report: kept in the workbook and
 * its file, used by every output, and marked stale when the forms move on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-written-report.h"

static ZpWorkbook *
load_example (const char *dir_variable,
              const char *subdir,
              const char *name)
{
  const char *dir = g_getenv (dir_variable);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, subdir ? subdir : name, subdir ? name : NULL, NULL);
  file = g_file_new_for_path (path);
  workbook = zp_workbook_load (file, &error);
  g_assert_no_error (error);
  return workbook;
}

static ZpWorkbook *
load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

static const ZpReportParagraph *
paragraph_with (ZpWrittenReport *report,
                const char      *needle)
{
  for (guint i = 0; i < zp_written_report_get_n_paragraphs (report); i++)
    {
      const ZpReportParagraph *paragraph = zp_written_report_get_paragraph (report, i);

      if (strstr (paragraph->text, needle) != NULL)
        return paragraph;
    }
  g_error ("no paragraph contains “%s”", needle);
  return NULL;
}

static ZpForm *
project_named (ZpWorkbook *workbook,
               const char *name)
{
  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      if (!zp_form_is_department (form)
          && g_strcmp0 (zp_project_form_get_name (ZP_PROJECT_FORM (form)), name) == 0)
        return form;
    }
  g_error ("no project “%s”", name);
  return NULL;
}

#define USER_TEXT "科技条件专项全年预算数为0.80万元，已全部执行。（用户改写）"

/* An edit replaces the paragraph in the report and its text output; unchanged forms:
 * not stale. Then the budget changes: the user's text stays, marked stale, with the
 * paragraph the template gives now beside it. */
static void
test_edit_and_stale (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ("ZIPING_EXAMPLES", NULL, "jiangan-2024.ziping");
  g_autoptr(ZpWrittenReport) before = zp_written_report_generate (workbook, NULL);
  const ZpReportParagraph *generated = paragraph_with (before, "科技条件专项");
  g_autofree char *key = g_strdup (generated->key);
  g_autofree char *original = g_strdup (generated->text);
  g_autoptr(ZpWrittenReport) edited = NULL;
  g_autoptr(ZpWrittenReport) moved = NULL;
  const ZpReportParagraph *paragraph;
  g_autofree char *text = NULL;

  g_assert_false (generated->edited);
  g_assert_nonnull (strstr (original, "0.80"));
  g_assert_nonnull (zp_written_report_find_paragraph (before, key));

  zp_workbook_set_report_edit (workbook, key, USER_TEXT, original);
  edited = zp_written_report_generate (workbook, NULL);
  paragraph = zp_written_report_find_paragraph (edited, key);
  g_assert_true (paragraph->edited);
  g_assert_false (paragraph->stale);
  g_assert_cmpstr (paragraph->text, ==, USER_TEXT);
  g_assert_cmpstr (paragraph->generated, ==, original);
  text = zp_written_report_to_text (edited);
  g_assert_nonnull (strstr (text, USER_TEXT));
  g_assert_null (strstr (text, original));

  zp_form_set_budget (project_named (workbook, "科技条件专项"), "1.25");
  moved = zp_written_report_generate (workbook, NULL);
  paragraph = zp_written_report_find_paragraph (moved, key);
  g_assert_true (paragraph->edited);
  g_assert_true (paragraph->stale);
  g_assert_cmpstr (paragraph->text, ==, USER_TEXT);
  g_assert_nonnull (strstr (paragraph->generated, "1.25"));
  g_assert_cmpstr (paragraph->based_on, ==, original);

  /* Removing the edit gives the generated paragraph back. */
  zp_workbook_set_report_edit (workbook, key, NULL, NULL);
  g_clear_object (&moved);
  moved = zp_written_report_generate (workbook, NULL);
  paragraph = zp_written_report_find_paragraph (moved, key);
  g_assert_false (paragraph->edited);
  g_assert_nonnull (strstr (paragraph->text, "1.25"));
}

/* The edits go into the file and come back; a file without them (version 1 or 2) has
 * none, and a workbook without edits writes no "report-edits" member. */
static void
test_file_format (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ("ZIPING_EXAMPLES", NULL, "jiangan-2024.ziping");
  g_autoptr(ZpWorkbook) v1 = load_file (ZP_CORE_TEST_DATA "/jiangan-2024-v1.ziping");
  g_autoptr(ZpWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = zp_workbook_to_data (workbook, NULL);
  g_autofree char *data = NULL;
  const char *text, *based_on;
  gsize length;

  g_assert_cmpuint (g_variant_n_children (zp_workbook_get_report_edits (v1)), ==, 0);
  g_assert_cmpuint (g_variant_n_children (zp_workbook_get_report_edits (workbook)), ==, 0);
  g_assert_null (strstr (plain, "report-edits"));

  zp_workbook_set_report_edit (workbook, "b:1:2", "第二段 \"引号\"\n换行", "生成的");
  zp_workbook_set_report_edit (workbook, "a:heading", "标题", "原标题");
  data = zp_workbook_to_data (workbook, &length);
  g_assert_nonnull (strstr (data, "\"report-edits\""));
  back = zp_workbook_load_from_data (data, length, "edits.ziping", &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_equal (zp_workbook_get_report_edits (back),
                                  zp_workbook_get_report_edits (workbook)));
  g_assert_true (zp_workbook_get_report_edit (back, "b:1:2", &text, &based_on));
  g_assert_cmpstr (text, ==, "第二段 \"引号\"\n换行");
  g_assert_cmpstr (based_on, ==, "生成的");
  g_assert_false (zp_workbook_get_report_edit (back, "c", NULL, NULL));
}

/* A hostile member is refused by name, not half read. */
static void
test_bad_member (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ("ZIPING_EXAMPLES", NULL, "jiangan-2024.ziping");
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  g_autoptr(GString) bad = g_string_new (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) back = NULL;
  const char *forms = strstr (data, "\"forms\"");

  g_assert_nonnull (forms);
  g_string_insert (bad, forms - data, "\"report-edits\": { \"x\": { \"text\": 5 } },\n  ");
  back = zp_workbook_load_from_data (bad->str, bad->len, "bad.ziping", &error);
  g_assert_null (back);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "text"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-edits/edit-and-stale", test_edit_and_stale);
  g_test_add_func ("/report-edits/file-format", test_file_format);
  g_test_add_func ("/report-edits/bad-member", test_bad_member);
  return g_test_run ();
}
