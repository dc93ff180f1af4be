/* zp-export.c — zp_export_workbook(): what to export, then the writer of the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zp-export-private.h"

G_DEFINE_QUARK (zp-export-error-quark, zp_export_error)

static gboolean
resolve_layout (ZpWorkbook             *workbook,
                const ZpExportOptions  *options,
                ZpLayoutKind           *layout,
                GError                **error)
{
  const char *name = options ? options->layout : NULL;

  if (name == NULL)
    {
      /* A scheme with a layout we do not know prints as the default. */
      if (!zp_layout_from_string (zp_scheme_get_layout (zp_workbook_get_scheme (workbook)), layout))
        *layout = ZP_LAYOUT_HUBEI;
      return TRUE;
    }

  if (!zp_layout_from_string (name, layout))
    {
      g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID,
                   _("Unknown layout “%s”: use “hubei” or “central”"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
zp_export_plan_init (ZpExportPlan           *plan,
                     ZpWorkbook             *workbook,
                     const ZpExportOptions  *options,
                     GError                **error)
{
  int form = options ? options->form : -1;
  guint n_forms = zp_workbook_get_n_forms (workbook);

  plan->forms = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->summary = FALSE;
  plan->layout = ZP_LAYOUT_HUBEI;

  if (!resolve_layout (workbook, options, &plan->layout, error))
    return FALSE;

  if (n_forms == 0)
    {
      g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID,
                   _("The workbook has no forms to export"));
      return FALSE;
    }

  if (form >= 0)
    {
      guint position = form;

      if (position >= n_forms)
        {
          g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID,
                       _("There is no form %d: the workbook has %u"), form + 1, n_forms);
          return FALSE;
        }
      g_array_append_val (plan->forms, position);
      return TRUE;
    }

  for (guint i = 0; i < n_forms; i++)
    g_array_append_val (plan->forms, i);
  plan->summary = n_forms > 0;
  return TRUE;
}

void
zp_export_plan_clear (ZpExportPlan *plan)
{
  g_clear_pointer (&plan->forms, g_array_unref);
}

static gboolean
write_format (ZpWorkbook             *workbook,
              ZpExportFormat          format,
              const ZpExportOptions  *options,
              const ZpExportPlan     *plan,
              ZpExportTarget         *target,
              GError                **error)
{
  switch (format)
    {
    case ZP_EXPORT_FORMAT_XLSX:
      return zp_export_write_xlsx (workbook, plan, target, error);
    case ZP_EXPORT_FORMAT_PDF:
      return zp_export_write_pdf (workbook, options, target, error);
    case ZP_EXPORT_FORMAT_CSV:
      return zp_export_write_csv (workbook, plan, target, error);
    case ZP_EXPORT_FORMAT_DOCX:
      return zp_export_write_docx (workbook, plan, target, error);
    default:
      g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID, _("Unknown export format"));
      return FALSE;
    }
}

gboolean
zp_export_workbook (ZpWorkbook             *workbook,
                    ZpExportFormat          format,
                    const ZpExportOptions  *options,
                    GFile                  *file,
                    GError                **error)
{
  ZpExportPlan plan = { 0 };
  ZpExportTarget target = { .fd = -1 };
  gboolean ok;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = zp_export_plan_init (&plan, workbook, options, error) &&
       zp_export_target_open (&target, file, error) &&
       write_format (workbook, format, options, &plan, &target, error) &&
       zp_export_target_commit (&target, error);

  zp_export_target_clear (&target);
  zp_export_plan_clear (&plan);
  return ok;
}
