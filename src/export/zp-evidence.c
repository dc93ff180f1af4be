/* zp-evidence.c — attachments resolved safely inside the workbook's folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "zp-evidence.h"

static void
item_free (gpointer data)
{
  ZpEvidenceItem *item = data;

  g_free (item->path);
  g_free (item->resolved);
  g_free (item);
}

/* No absolute path, no "..", no drive or backslash tricks. */
static gboolean
path_stays_inside (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL
      || strchr (path, ':') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* A link inside the folder may still lead out: compare the real paths. */
static gboolean
real_path_inside (const char *file,
                  const char *folder)
{
  g_autofree char *real_file = realpath (file, NULL);
  g_autofree char *real_folder = realpath (folder, NULL);
  gsize n;

  if (real_file == NULL || real_folder == NULL)
    return TRUE;  /* missing: reported as such */
  n = strlen (real_folder);
  return strncmp (real_file, real_folder, n) == 0 && (real_file[n] == '/' || real_folder[n - 1] == '/');
}

static ZpEvidenceItem *
item_new (ZpForm      *form,
          int          goal,
          int          row,
          ZpIndicator *indicator,
          const char  *path,
          const char  *folder)
{
  ZpEvidenceItem *item = g_new0 (ZpEvidenceItem, 1);

  item->form = form;
  item->goal = goal;
  item->row = row;
  item->indicator = indicator;
  item->path = g_strdup (path);
  if (path == NULL)
    return item;
  if (!path_stays_inside (path))
    {
      item->state = ZP_EVIDENCE_OUTSIDE;
      return item;
    }
  item->resolved = g_build_filename (folder, path, NULL);
  if (!real_path_inside (item->resolved, folder))
    {
      item->state = ZP_EVIDENCE_OUTSIDE;
      g_clear_pointer (&item->resolved, g_free);
    }
  else if (!g_file_test (item->resolved, G_FILE_TEST_IS_REGULAR))
    item->state = ZP_EVIDENCE_MISSING;
  return item;
}

static void
add_paths (GPtrArray          *items,
           ZpForm             *form,
           int                 goal,
           int                 row,
           ZpIndicator        *indicator,
           const char * const *paths,
           const char         *folder)
{
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (items, item_new (form, goal, row, indicator, paths[i], folder));
}

GPtrArray *
zp_evidence_collect (ZpWorkbook *workbook,
                     const char *folder)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);

  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);

      add_paths (items, form, -1, -1, NULL, zp_form_get_evidence (form), folder);
      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
            {
              ZpIndicator *indicator = zp_goal_get_indicator (goal, i);

              add_paths (items, form, g, i, indicator, zp_indicator_get_evidence (indicator), folder);
            }
        }
    }
  return items;
}

GPtrArray *
zp_evidence_met_without (ZpWorkbook *workbook)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);

  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);

      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
            {
              ZpIndicator *indicator = zp_goal_get_indicator (goal, i);

              if (zp_indicator_get_state (indicator) == ZP_INDICATOR_STATE_MET
                  && zp_indicator_get_evidence (indicator)[0] == NULL)
                g_ptr_array_add (items, item_new (form, g, i, indicator, NULL, NULL));
            }
        }
    }
  return items;
}

char *
zp_evidence_item_describe (const ZpEvidenceItem *item)
{
  g_autofree char *title = zp_form_dup_title (item->form);

  if (item->indicator == NULL)
    return g_steal_pointer (&title);
  /* TRANSLATORS: "科技条件专项, goal 1, row 2 (视频会议设备年度巡检次数)" */
  return g_strdup_printf (_("%1$s, goal %2$d, row %3$d (%4$s)"), title, item->goal + 1, item->row + 1,
                          zp_indicator_get_name (item->indicator));
}

ZpEvidenceState
zp_evidence_resolve (const char  *folder,
                     const char  *path,
                     char       **resolved)
{
  ZpEvidenceItem *item;
  ZpEvidenceState state;

  g_return_val_if_fail (folder != NULL, ZP_EVIDENCE_OUTSIDE);
  g_return_val_if_fail (path != NULL, ZP_EVIDENCE_OUTSIDE);

  item = item_new (NULL, -1, -1, NULL, path, folder);
  state = item->state;
  if (resolved != NULL)
    *resolved = g_steal_pointer (&item->resolved);
  item_free (item);
  return state;
}

char *
zp_evidence_relative_path (const char *folder,
                           const char *file)
{
  g_autofree char *real_file = NULL;
  g_autofree char *real_folder = NULL;
  gsize n;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  real_file = realpath (file, NULL);
  real_folder = realpath (folder, NULL);
  if (real_file == NULL || real_folder == NULL)
    return NULL;
  n = strlen (real_folder);
  if (strncmp (real_file, real_folder, n) != 0 || real_file[n] != '/' || real_file[n + 1] == '\0')
    return NULL;
  /* G_DIR_SEPARATOR is "/" on every system Ziping is built for. */
  return g_strdup (real_file + n + 1);
}

GListStore *
zp_evidence_check (ZpWorkbook *workbook,
                   const char *folder,
                   gboolean    met_without)
{
  GListStore *findings = g_list_store_new (ZP_TYPE_FINDING);
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), findings);
  g_return_val_if_fail (folder != NULL, findings);

  items = zp_evidence_collect (workbook, folder);
  for (guint i = 0; i < items->len; i++)
    {
      ZpEvidenceItem *item = g_ptr_array_index (items, i);
      g_autoptr(ZpFinding) finding = NULL;
      g_autofree char *message = NULL;

      if (item->state == ZP_EVIDENCE_PRESENT)
        continue;
      if (item->state == ZP_EVIDENCE_MISSING)
        message = g_strdup_printf (_("The evidence file “%s” is missing from the workbook’s folder: put it back or remove it from the list."), item->path);
      else
        message = g_strdup_printf (_("The evidence path “%s” leads out of the workbook’s folder: it is never opened or packaged."), item->path);
      finding = zp_finding_new (item->state == ZP_EVIDENCE_MISSING ? ZP_SEVERITY_WARNING : ZP_SEVERITY_ERROR,
                                item->state == ZP_EVIDENCE_MISSING ? "evidence-missing" : "evidence-outside",
                                item->form, item->goal, item->row, "evidence", message);
      g_list_store_append (findings, finding);
    }
  if (met_without)
    {
      g_autoptr(GPtrArray) bare = zp_evidence_met_without (workbook);

      for (guint i = 0; i < bare->len; i++)
        {
          ZpEvidenceItem *item = g_ptr_array_index (bare, i);
          g_autoptr(ZpFinding) finding = NULL;

          finding = zp_finding_new (ZP_SEVERITY_WARNING, "evidence-none", item->form, item->goal,
                                    item->row, "evidence",
                                    _("This indicator is met but has no evidence attached."));
          g_list_store_append (findings, finding);
        }
    }
  return findings;
}
