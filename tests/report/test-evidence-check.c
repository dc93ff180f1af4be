/* test-evidence-check.c — evidence as findings where the workbook's folder is known: a
 * missing file, a path leading out, and (asked for) met indicators without evidence; and
 * the relative path of a file chosen in the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "zp-evidence.h"

static ZpWorkbook *
load_seed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

static guint
count_code (GListModel *findings,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      n += g_strcmp0 (zp_finding_get_code (finding), code) == 0;
    }
  return n;
}

static void
test_findings (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *folder = g_dir_make_tmp ("ziping-evidence-XXXXXX", NULL);
  g_autofree char *present = g_build_filename (folder, "记录.pdf", NULL);
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  ZpIndicator *indicator = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  const char *paths[] = { "记录.pdf", "缺失.pdf", "../外面.pdf", NULL };
  g_autoptr(GListStore) plain = NULL;
  g_autoptr(GListStore) with_met = NULL;
  g_autoptr(GPtrArray) met = zp_evidence_met_without (workbook);
  g_autoptr(ZpFinding) missing = NULL;

  g_assert_true (g_file_set_contents (present, "x", 1, NULL));
  zp_indicator_set_evidence (indicator, paths);
  plain = zp_evidence_check (workbook, folder, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plain)), ==, 2);
  missing = g_list_model_get_item (G_LIST_MODEL (plain), 0);
  g_assert_cmpstr (zp_finding_get_code (missing), ==, "evidence-missing");
  g_assert_cmpint (zp_finding_get_severity (missing), ==, ZP_SEVERITY_WARNING);
  g_assert_true (zp_finding_get_form (missing) == form);
  g_assert_cmpint (zp_finding_get_goal (missing), ==, 0);
  g_assert_cmpint (zp_finding_get_row (missing), ==, 0);
  g_assert_nonnull (strstr (zp_finding_get_message (missing), "缺失.pdf"));
  g_assert_cmpuint (count_code (G_LIST_MODEL (plain), "evidence-outside"), ==, 1);

  with_met = zp_evidence_check (workbook, folder, TRUE);
  g_assert_cmpuint (met->len, >, 0);
  g_assert_cmpuint (count_code (G_LIST_MODEL (with_met), "evidence-none"), ==, met->len - 1);

  g_unlink (present);
  g_rmdir (folder);
}

static void
test_relative_path (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ziping-evidence-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (folder, "佐证", NULL);
  g_autofree char *inside = g_build_filename (sub, "照片.jpg", NULL);
  g_autofree char *other = g_dir_make_tmp ("ziping-other-XXXXXX", NULL);
  g_autofree char *outside = g_build_filename (other, "照片.jpg", NULL);
  g_autofree char *link = g_build_filename (folder, "link.jpg", NULL);
  g_autofree char *relative = NULL;
  g_autofree char *resolved = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  g_assert_true (g_file_set_contents (outside, "x", 1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  relative = zp_evidence_relative_path (folder, inside);
  g_assert_cmpstr (relative, ==, "佐证/照片.jpg");
  g_assert_null (zp_evidence_relative_path (folder, outside));
  g_assert_null (zp_evidence_relative_path (folder, link));  /* a link leading out */
  g_assert_null (zp_evidence_relative_path (sub, folder));
  g_assert_cmpint (zp_evidence_resolve (folder, relative, &resolved), ==, ZP_EVIDENCE_PRESENT);
  g_assert_cmpstr (resolved, ==, inside);
  g_assert_cmpint (zp_evidence_resolve (folder, "link.jpg", NULL), ==, ZP_EVIDENCE_OUTSIDE);
  g_assert_cmpint (zp_evidence_resolve (folder, "无.jpg", NULL), ==, ZP_EVIDENCE_MISSING);

  g_unlink (link);
  g_unlink (inside);
  g_unlink (outside);
  g_rmdir (sub);
  g_rmdir (folder);
  g_rmdir (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence-check/findings", test_findings);
  g_test_add_func ("/evidence-check/relative-path", test_relative_path);
  return g_test_run ();
}
