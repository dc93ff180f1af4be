/* core-fixture.c — see core-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core-fixture.h"

ZpProjectForm *
fixture_project_new (const char *scheme_id,
                     const char *name,
                     const char *goal_text)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (scheme_id);
  ZpProjectForm *form = zp_project_form_new ();

  zp_form_set_scheme (ZP_FORM (form), scheme);
  zp_project_form_set_name (form, name);
  zp_form_set_budget (ZP_FORM (form), "100");
  zp_form_set_spent (ZP_FORM (form), "100");
  zp_goal_set_text (zp_project_form_get_overall_goal (form), goal_text);
  return form;
}

ZpIndicator *
fixture_add_row (ZpGoal     *goal,
                 const char *category,
                 const char *name,
                 const char *target,
                 const char *actual,
                 const char *weight)
{
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_subcategory (indicator, "数量指标");
  zp_indicator_set_name (indicator, name);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
  return indicator;
}

/* How many findings have code. */
guint
fixture_count_code (GListModel *findings,
                    const char *code)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (zp_finding_get_code (finding), code))
        count++;
    }
  return count;
}

/* The first finding with code (a new reference), or NULL. */
ZpFinding *
fixture_find_code (GListModel *findings,
                   const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (zp_finding_get_code (finding), code))
        return g_steal_pointer (&finding);
    }
  return NULL;
}

/* How many of form's checks have code. */
guint
fixture_count_form (ZpForm     *form,
                    const char *code)
{
  g_autoptr(GListStore) findings = zp_check_form (form);

  return fixture_count_code (G_LIST_MODEL (findings), code);
}

/* A new scratch folder, "ziping-<name>-XXXXXX" in the temporary directory. */
char *
fixture_make_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("ziping-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes path and, if a folder, what it holds; links are removed, never followed (a test
 * may link to a folder outside its own). */
void
fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISLNK (st.st_mode))
        g_remove (child);
      else
        fixture_remove_tree (child);
    }
  g_rmdir (path);
}

/* How many entries the folder path holds. */
guint
fixture_count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
