/* zp-package.c — the submission package, built beside the target and renamed into place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "zp-docx.h"
#include "zp-evidence.h"
#include "zp-export-private.h"
#include "zp-package.h"
#include "zp-summary-table.h"
#include "zp-written-report.h"

G_DEFINE_QUARK (zp-package-error-quark, zp_package_error)

#define MANIFEST  "manifest.json"
#define CHECKSUMS "SHA256SUMS"

typedef struct
{
  ZpWorkbook             *workbook;
  GFile                  *source;
  const ZpPackageOptions *options;
  char                   *dir;    /* the folder being built */
  GPtrArray              *files;  /* relative paths, in order */
  GPtrArray              *evidence;  /* ZpEvidenceItem* */
  GPtrArray              *missing;   /* evidence paths left out (forced) */
} Builder;

/* ---- helpers ---- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
zp_package_file_sha256 (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[65536];
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static GFile *
builder_file (Builder    *builder,
              const char *relative)
{
  g_autofree char *path = g_build_filename (builder->dir, relative, NULL);

  return g_file_new_for_path (path);
}

static void
add_name (Builder    *builder,
          const char *relative)
{
  g_ptr_array_add (builder->files, g_strdup (relative));
}

/* ---- the parts ---- */

static gboolean
add_forms (Builder  *builder,
           GError  **error)
{
  static const struct { ZpExportFormat format; const char *name; gboolean docx; } forms[] = {
    { ZP_EXPORT_FORMAT_PDF, "forms.pdf", FALSE },
    { ZP_EXPORT_FORMAT_XLSX, "forms.xlsx", FALSE },
    { ZP_EXPORT_FORMAT_DOCX, "forms.docx", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GFile) file = NULL;

      if (forms[i].docx && !builder->options->docx)
        continue;
      file = builder_file (builder, forms[i].name);
      if (!zp_export_workbook (builder->workbook, forms[i].format, NULL, file, error))
        return FALSE;
      add_name (builder, forms[i].name);
    }
  return TRUE;
}

static gboolean
add_report (Builder  *builder,
            GError  **error)
{
  g_autoptr(ZpWrittenReport) report = zp_written_report_generate (builder->workbook, NULL);
  g_autoptr(GFile) pdf = builder_file (builder, "report.pdf");
  g_autoptr(GFile) text = builder_file (builder, "report.txt");
  g_autoptr(GFile) docx = builder_file (builder, "report.docx");

  if (!zp_written_report_write_pdf (report, pdf, error)
      || !zp_written_report_write_text (report, text, error))
    return FALSE;
  add_name (builder, "report.pdf");
  add_name (builder, "report.txt");
  if (!builder->options->docx)
    return TRUE;
  if (!zp_docx_write_report (report, docx, error))
    return FALSE;
  add_name (builder, "report.docx");
  return TRUE;
}

static gboolean
add_summary (Builder  *builder,
             GError  **error)
{
  static const struct { ZpSummaryFormat format; const char *name; gboolean docx; } outputs[] = {
    { ZP_SUMMARY_FORMAT_XLSX, "summary.xlsx", FALSE },
    { ZP_SUMMARY_FORMAT_PDF, "summary.pdf", FALSE },
    { ZP_SUMMARY_FORMAT_DOCX, "summary.docx", TRUE },
  };
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (FALSE);
  g_autofree char *title = g_strdup_printf ("%u 年度%s项目支出绩效自评汇总表",
                                            zp_workbook_get_year (builder->workbook),
                                            zp_workbook_get_unit (builder->workbook));

  zp_summary_table_add_workbook (table, builder->workbook, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autoptr(GFile) file = NULL;

      if (outputs[i].docx && !builder->options->docx)
        continue;
      file = builder_file (builder, outputs[i].name);
      if (!zp_summary_table_write (table, outputs[i].format, title, file, error))
        return FALSE;
      add_name (builder, outputs[i].name);
    }
  return TRUE;
}

static gboolean
add_source (Builder  *builder,
            GError  **error)
{
  g_autofree char *name = g_file_get_basename (builder->source);
  g_autoptr(GFile) copy = builder_file (builder, name);

  if (!g_file_copy (builder->source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;
  add_name (builder, name);
  return TRUE;
}

static gboolean
add_evidence (Builder  *builder,
              GError  **error)
{
  g_autoptr(GHashTable) copied = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < builder->evidence->len; i++)
    {
      ZpEvidenceItem *item = g_ptr_array_index (builder->evidence, i);
      g_autofree char *relative = NULL;
      g_autoptr(GFile) from = NULL;
      g_autoptr(GFile) to = NULL;
      g_autoptr(GFile) parent = NULL;

      if (item->state != ZP_EVIDENCE_PRESENT)
        {
          g_ptr_array_add (builder->missing, g_strdup (item->path));
          continue;
        }
      relative = g_build_filename ("evidence", item->path, NULL);
      if (g_hash_table_contains (copied, item->path))
        continue;
      g_hash_table_add (copied, item->path);
      from = g_file_new_for_path (item->resolved);
      to = builder_file (builder, relative);
      parent = g_file_get_parent (to);
      if (!g_file_query_exists (parent, NULL) && !g_file_make_directory_with_parents (parent, NULL, error))
        return FALSE;
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return FALSE;
      add_name (builder, relative);
    }
  return TRUE;
}

/* ---- manifest ---- */

/* What each file is, in the bureau's words (the names stay ASCII: a zip tool that ignores
 * the encoding of names still shows them right). */
static const char *
describe (const char *name)
{
  if (g_str_has_prefix (name, "forms."))
    return "绩效自评表";
  if (g_str_has_prefix (name, "report."))
    return "自评报告";
  if (g_str_has_prefix (name, "summary."))
    return "汇总表";
  if (g_str_has_prefix (name, "evidence/"))
    return "佐证材料";
  return "自评工作簿";
}

static gboolean
write_manifest (Builder  *builder,
                GError  **error)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) sums = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *source = g_file_get_basename (builder->source);
  g_autofree char *manifest_path = g_build_filename (builder->dir, MANIFEST, NULL);
  g_autofree char *sums_path = g_build_filename (builder->dir, CHECKSUMS, NULL);
  g_autofree char *text = NULL;
  g_autofree char *manifest_sum = NULL;

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "format");
  json_builder_add_string_value (json, "ziping-package");
  json_builder_set_member_name (json, "version");
  json_builder_add_int_value (json, 1);
  json_builder_set_member_name (json, "unit");
  json_builder_add_string_value (json, zp_workbook_get_unit (builder->workbook));
  json_builder_set_member_name (json, "year");
  json_builder_add_int_value (json, zp_workbook_get_year (builder->workbook));
  json_builder_set_member_name (json, "workbook");
  json_builder_add_string_value (json, source);
  json_builder_set_member_name (json, "created");
  json_builder_add_string_value (json, created);
  json_builder_set_member_name (json, "files");
  json_builder_begin_array (json);
  for (guint i = 0; i < builder->files->len; i++)
    {
      const char *name = g_ptr_array_index (builder->files, i);
      g_autofree char *path = g_build_filename (builder->dir, name, NULL);
      g_autofree char *sum = zp_package_file_sha256 (path, error);
      GStatBuf st;

      if (sum == NULL || g_stat (path, &st) != 0)
        return FALSE;
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "path");
      json_builder_add_string_value (json, name);
      json_builder_set_member_name (json, "title");
      json_builder_add_string_value (json, describe (name));
      json_builder_set_member_name (json, "size");
      json_builder_add_int_value (json, st.st_size);
      json_builder_set_member_name (json, "sha256");
      json_builder_add_string_value (json, sum);
      json_builder_end_object (json);
      g_string_append_printf (sums, "%s  %s\n", sum, name);
    }
  json_builder_end_array (json);
  if (builder->missing->len > 0)
    {
      json_builder_set_member_name (json, "missing");
      json_builder_begin_array (json);
      for (guint i = 0; i < builder->missing->len; i++)
        json_builder_add_string_value (json, g_ptr_array_index (builder->missing, i));
      json_builder_end_array (json);
    }
  json_builder_end_object (json);
  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  if (!g_file_set_contents (manifest_path, text, -1, error))
    return FALSE;
  add_name (builder, MANIFEST);
  /* SHA256SUMS covers the manifest too. */
  manifest_sum = zp_package_file_sha256 (manifest_path, error);
  if (manifest_sum == NULL)
    return FALSE;
  g_string_append_printf (sums, "%s  %s\n", manifest_sum, MANIFEST);
  if (!g_file_set_contents (sums_path, sums->str, sums->len, error))
    return FALSE;
  add_name (builder, CHECKSUMS);
  return TRUE;
}

/* ---- zip ---- */

static GsfOutfile *
zip_folder (GsfOutfile  *zip,
            GHashTable  *folders,
            const char  *relative)
{
  g_autofree char *parent = g_path_get_dirname (relative);
  GsfOutfile *folder, *above;
  g_autofree char *base = NULL;

  if (g_str_equal (parent, "."))
    return zip;
  folder = g_hash_table_lookup (folders, parent);
  if (folder != NULL)
    return folder;
  above = zip_folder (zip, folders, parent);
  base = g_path_get_basename (parent);
  folder = GSF_OUTFILE (gsf_outfile_new_child (above, base, TRUE));
  g_hash_table_insert (folders, g_strdup (parent), folder);
  return folder;
}

static gboolean
zip_add_file (GsfOutfile  *zip,
              GHashTable  *folders,
              const char  *dir,
              const char  *relative,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *base = g_path_get_basename (relative);
  g_autofree char *contents = NULL;
  gsize length;
  GsfOutput *member;
  gboolean ok;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  member = gsf_outfile_new_child_full (zip_folder (zip, folders, relative), base, FALSE,
                                       "compression-level", GSF_ZIP_DEFLATED, NULL);
  ok = gsf_output_write (member, length, (const guint8 *) contents);
  ok &= gsf_output_close (member);
  g_object_unref (member);
  return ok;
}

static void
close_folder (gpointer data)
{
  GsfOutput *folder = data;

  if (!gsf_output_is_closed (folder))
    gsf_output_close (folder);
  g_object_unref (folder);
}

/* Children are closed before their folder: deepest paths first. */
static int
compare_depth_list (const char *a,
                    const char *b)
{
  return (int) strlen (b) - (int) strlen (a);
}

static gboolean
write_zip (Builder         *builder,
           ZpExportTarget  *target,
           GError         **error)
{
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GList *keys;
  GsfOutput *sink;
  GsfOutfile *zip;
  gboolean ok = TRUE;

  if (!zp_export_target_close_fd (target, error))
    return FALSE;
  sink = gsf_output_stdio_new (target->tmp_path, error);
  if (sink == NULL)
    return FALSE;
  zip = gsf_outfile_zip_new (sink, error);
  if (zip == NULL)
    {
      g_object_unref (sink);
      return FALSE;
    }
  for (guint i = 0; ok && i < builder->files->len; i++)
    ok = zip_add_file (zip, folders, builder->dir, g_ptr_array_index (builder->files, i), error);
  keys = g_list_sort (g_hash_table_get_keys (folders), (GCompareFunc) compare_depth_list);
  for (GList *l = keys; l != NULL; l = l->next)
    close_folder (g_hash_table_lookup (folders, l->data));
  g_list_free (keys);
  ok &= gsf_output_close (GSF_OUTPUT (zip));
  if (!gsf_output_is_closed (sink))
    ok &= gsf_output_close (sink);
  g_object_unref (zip);
  g_object_unref (sink);
  if (!ok && (error == NULL || *error == NULL))
    zp_export_set_write_error (error, target->path, "zip");
  return ok;
}

/* ---- putting it in place ---- */

static gboolean
place_folder (const char  *built,
              const char  *target,
              GError     **error)
{
  g_autofree char *old = NULL;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      old = g_strconcat (built, ".old", NULL);
      if (g_rename (target, old) != 0)
        {
          zp_export_set_errno_error (error, errno, target);
          return FALSE;
        }
    }
  if (g_rename (built, target) != 0)
    {
      int saved = errno;

      if (old != NULL)
        g_rename (old, target);
      zp_export_set_errno_error (error, saved, target);
      return FALSE;
    }
  if (old != NULL)
    remove_tree (old);
  return TRUE;
}

static gboolean
place_zip (Builder     *builder,
           GFile       *target,
           GError     **error)
{
  ZpExportTarget out = { .fd = -1 };
  gboolean ok;

  ok = zp_export_target_open (&out, target, error)
       && write_zip (builder, &out, error)
       && zp_export_target_commit (&out, error);
  zp_export_target_clear (&out);
  return ok;
}

static gboolean
check_errors (ZpWorkbook              *workbook,
              const ZpPackageOptions  *options,
              GError                 **error)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  guint errors = zp_findings_count (G_LIST_MODEL (findings), ZP_SEVERITY_ERROR, FALSE);

  if (errors == 0 || options->force)
    return TRUE;
  g_set_error (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_HAS_ERRORS,
               g_dngettext (GETTEXT_PACKAGE,
                            "The workbook has %u error: correct it, or package it as it is with --force",
                            "The workbook has %u errors: correct them, or package it as it is with --force",
                            errors),
               errors);
  return FALSE;
}

static gboolean
check_evidence (Builder  *builder,
                GError  **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint problems = 0;

  for (guint i = 0; i < builder->evidence->len; i++)
    {
      ZpEvidenceItem *item = g_ptr_array_index (builder->evidence, i);

      if (item->state == ZP_EVIDENCE_PRESENT)
        continue;
      g_string_append_printf (list, "%s“%s”", problems > 0 ? ", " : "", item->path);
      problems++;
    }
  if (problems == 0 || builder->options->force)
    return TRUE;
  g_set_error (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_EVIDENCE,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u evidence file is missing or outside the workbook’s folder (%s): put it back, or package without it with --force",
                            "%u evidence files are missing or outside the workbook’s folder (%s): put them back, or package without them with --force",
                            problems),
               problems, list->str);
  return FALSE;
}

static gboolean
build (Builder  *builder,
       GError  **error)
{
  return add_forms (builder, error) && add_report (builder, error) && add_summary (builder, error)
         && add_evidence (builder, error) && add_source (builder, error)
         && write_manifest (builder, error);
}

gboolean
zp_package_write (ZpWorkbook              *workbook,
                  GFile                   *source,
                  const ZpPackageOptions  *options,
                  GFile                   *target,
                  GStrv                   *files,
                  GError                 **error)
{
  static const ZpPackageOptions defaults = { FALSE, FALSE };
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *parent = NULL;
  g_autofree char *template_ = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) source_folder = g_file_get_parent (source);
  g_autofree char *folder = g_file_get_path (source_folder);
  g_autoptr(GPtrArray) evidence = zp_evidence_collect (workbook, folder != NULL ? folder : ".");
  Builder builder = { workbook, source, options != NULL ? options : &defaults, NULL, names,
                      evidence, missing };
  gboolean zip, ok;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), FALSE);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Packages are written to local files only"));
      return FALSE;
    }
  if (!check_errors (workbook, builder.options, error) || !check_evidence (&builder, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !builder.options->force)
    {
      g_set_error (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_EXISTS,
                   _("“%s” exists: choose another name, or replace it with --force"), path);
      return FALSE;
    }
  zip = g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP");
  parent = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template_ = g_strdup_printf ("%s/.%s.XXXXXX", parent, base);
  builder.dir = g_mkdtemp_full (template_, 0755);
  if (builder.dir == NULL)
    {
      zp_export_set_errno_error (error, errno, path);
      return FALSE;
    }
  ok = build (&builder, error);
  if (ok && zip)
    ok = place_zip (&builder, target, error);
  else if (ok)
    ok = place_folder (builder.dir, path, error);
  if (zip || !ok)
    remove_tree (builder.dir);
  if (ok && files != NULL)
    {
      g_ptr_array_add (names, NULL);
      *files = g_strdupv ((char **) names->pdata);
    }
  return ok;
}
