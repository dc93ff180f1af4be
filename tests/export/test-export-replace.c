/* test-export-replace.c — exports replace files as saving does (zp-file-replace.c):
 * through chains of links, keeping the target's mode, for every format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "zp-export.h"

static ZpWorkbook *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

static gboolean
is_link (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* link → sub/link2 → ../real.EXT, the real file 0600: after the export both links are
 * links, the real file holds the export and is still 0600. */
static void
test_links_and_mode (void)
{
  static const struct { ZpExportFormat format; const char *ext; const char *magic; } formats[] = {
    { ZP_EXPORT_FORMAT_CSV, "csv", NULL },
    { ZP_EXPORT_FORMAT_XLSX, "xlsx", "PK" },
    { ZP_EXPORT_FORMAT_PDF, "pdf", "%PDF" },
  };
  g_autoptr(ZpWorkbook) workbook = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("ziping-export-replace-XXXXXX", NULL);
      g_autofree char *sub = g_build_filename (dir, "sub", NULL);
      g_autofree char *real_name = g_strconcat ("real.", formats[i].ext, NULL);
      g_autofree char *real = g_build_filename (dir, real_name, NULL);
      g_autofree char *link = g_build_filename (dir, "link", NULL);
      g_autofree char *link2 = g_build_filename (sub, "link2", NULL);
      g_autofree char *link2_target = g_strconcat ("../", real_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (link);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      GStatBuf st;

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      g_assert_true (g_file_set_contents (real, "old", -1, NULL));
      g_assert_cmpint (g_chmod (real, 0600), ==, 0);
      g_assert_cmpint (symlink ("sub/link2", link), ==, 0);
      g_assert_cmpint (symlink (link2_target, link2), ==, 0);

      g_assert_true (zp_export_workbook (workbook, formats[i].format, NULL, file, &error));
      g_assert_no_error (error);

      g_assert_true (is_link (link));
      g_assert_true (is_link (link2));
      g_assert_cmpint (g_stat (real, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (real, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (formats[i].magic != NULL)
        g_assert_true (g_str_has_prefix (contents, formats[i].magic));
      else
        g_assert_nonnull (strstr (contents, "江岸区大数据中心"));
      /* Nothing left beside it. */
      g_assert_cmpuint (count_entries (dir), ==, 3);

      g_unlink (link2);
      g_rmdir (sub);
      g_unlink (link);
      g_unlink (real);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/replace/links-and-mode", test_links_and_mode);

  return g_test_run ();
}
