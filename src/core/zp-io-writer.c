/* zp-io-writer.c — serialising a workbook and saving it atomically (docs/file-format.md).
 *
 * Saving writes the JSON itself (fixed member order, 2-space indent, "\n" at the end), so
 * that two saves of the same workbook are byte-identical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"
#include "zp-io-private.h"

/* Pretty-printed JSON, written by hand so the bytes never depend on a library's choices. */
typedef struct
{
  GString        *out;
  guint           level;
  gboolean        has_items[MAX_PATH];
  /* Saving: `out` goes to the temporary file a chunk at a time, so that a district's
   * workbook is never held whole in memory (fresh pages for 60 MB cost more than
   * writing them). NULL: `out` is the whole document. */
  ZpFileReplace  *replace;
  GError        **error;
  gboolean        failed;
} Writer;

#define WRITER_CHUNK (64 * 1024)

/* Writes what is gathered in `out` to the file when saving (all of it with `all`, else
 * once there is a chunk); after a failure nothing more is written. */
static void
writer_flush (Writer   *w,
              gboolean  all)
{
  if (w->replace == NULL || (!all && w->out->len < WRITER_CHUNK))
    return;
  if (!w->failed && !zp_file_replace_write (w->replace, w->out->str, w->out->len, w->error))
    w->failed = TRUE;
  g_string_truncate (w->out, 0);
}

static void
write_quoted (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *run = p;

      /* Text that needs no escape, appended in one go. */
      while (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
        c = *++p;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (c == '\0')
        break;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* A newline and the indent: appended, not printed ("%*s" through vasprintf was half of
 * a save's instructions). */
static void
writer_newline (Writer *w)
{
  static const char spaces[] = "                                                                ";
  gsize indent = w->level * 2;

  g_string_append_c (w->out, '\n');
  while (indent > 0)
    {
      gsize n = MIN (indent, sizeof spaces - 1);

      g_string_append_len (w->out, spaces, n);
      indent -= n;
    }
}

/* Starts an item (a member or an element) of the open container. */
static void
writer_item (Writer *w)
{
  if (w->has_items[w->level])
    g_string_append_c (w->out, ',');
  w->has_items[w->level] = TRUE;
  writer_newline (w);
}

static void
writer_key (Writer     *w,
            const char *key)
{
  writer_item (w);
  write_quoted (w->out, key);
  g_string_append (w->out, ": ");
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_assert (w->level + 1 < MAX_PATH);
  g_string_append_c (w->out, bracket);
  w->has_items[++w->level] = FALSE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  gboolean had_items = w->has_items[w->level--];

  if (had_items)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
}

static void
writer_open_member (Writer     *w,
                    const char *key,
                    char        bracket)
{
  writer_key (w, key);
  writer_open (w, bracket);
}

static void
writer_open_element (Writer *w)
{
  writer_item (w);
  writer_open (w, '{');
}

static void
write_string (Writer     *w,
              const char *key,
              const char *value)
{
  writer_key (w, key);
  write_quoted (w->out, value != NULL ? value : "");
}

/* Empty texts are left out: loading reads an absent member as "". */
static void
write_text (Writer     *w,
            const char *key,
            const char *value)
{
  if (value != NULL && *value != '\0')
    write_string (w, key, value);
}

static void
write_integer (Writer     *w,
               const char *key,
               gint64      value)
{
  writer_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_number (Writer     *w,
              const char *key,
              ZpDecimal   value)
{
  g_autofree char *text = zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);

  write_string (w, key, text);
}

/* Only bands other than the defaults: a file without them reads back the same, and the
 * files of every scheme that keeps them stay as they were. */
static void
write_grade_bands (Writer   *w,
                   ZpScheme *scheme)
{
  if (zp_scheme_has_default_grade_bands (scheme))
    return;
  writer_open_member (w, "grades", '[');
  for (guint i = 0; i < zp_scheme_get_n_grade_bands (scheme); i++)
    {
      writer_open_element (w);
      write_string (w, "id", zp_scheme_get_grade_band_id (scheme, i));
      write_string (w, "name", zp_scheme_get_grade_band_name (scheme, i));
      write_number (w, "min", zp_scheme_get_grade_band_min (scheme, i));
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_scheme (Writer   *w,
              ZpScheme *scheme)
{
  guint i;

  writer_open_member (w, "scheme", '{');
  write_string (w, "id", zp_scheme_get_id (scheme));
  write_string (w, "name", zp_scheme_get_name (scheme));
  write_string (w, "layout", zp_scheme_get_layout (scheme));
  write_number (w, "execution-weight", zp_scheme_get_execution_weight (scheme));

  writer_open_member (w, "categories", '[');
  for (i = 0; i < zp_scheme_get_n_categories (scheme); i++)
    {
      writer_open_element (w);
      write_string (w, "name", zp_scheme_get_category_name (scheme, i));
      write_number (w, "weight", zp_scheme_get_category_weight (scheme, i));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  writer_open_member (w, "bands", '{');
  write_number (w, "achieved", zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED));
  write_number (w, "partial", zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL));
  write_number (w, "missed", zp_scheme_get_band_lower (scheme, ZP_GRADE_MISSED));
  writer_close (w, '}');

  write_string (w, "reverse-formula", formula_words[zp_scheme_get_reverse_formula (scheme)]);
  write_number (w, "over-achievement", zp_scheme_get_over_achievement (scheme));
  write_number (w, "execution-threshold", zp_scheme_get_execution_threshold (scheme));
  write_integer (w, "decimals", zp_scheme_get_decimals (scheme));
  write_string (w, "category-split", split_words[zp_scheme_get_category_split (scheme)]);
  write_string (w, "not-applicable", not_applicable_words[zp_scheme_get_not_applicable (scheme)]);
  write_grade_bands (w, scheme);
  writer_close (w, '}');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* keys: sorted here again, so that the bytes never depend on another module's order. */
static void
write_explanations (Writer     *w,
                    GPtrArray  *keys,
                    gpointer    target,
                    const char *(*get) (gpointer, const char *))
{
  guint i, written = 0;

  g_ptr_array_sort (keys, compare_keys);
  for (i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *text = get (target, key);

      if (text == NULL || *text == '\0')
        continue;
      if (written++ == 0)
        writer_open_member (w, "explanations", '{');
      write_string (w, key, text);
    }
  if (written > 0)
    writer_close (w, '}');
}

static const char *
get_workbook_explanation (gpointer    target,
                          const char *key)
{
  return zp_workbook_get_explanation (target, key);
}

static const char *
get_form_explanation (gpointer    target,
                      const char *key)
{
  return zp_form_get_explanation (target, key);
}

/* The written report's edited paragraphs, left out when none (sorted by key already). */
static void
write_report_edits (Writer   *w,
                    GVariant *edits)
{
  GVariantIter iter;
  const char *key, *text, *generated;

  if (g_variant_n_children (edits) == 0)
    return;
  writer_open_member (w, "report-edits", '{');
  g_variant_iter_init (&iter, edits);
  while (g_variant_iter_next (&iter, "{&s(&s&s)}", &key, &text, &generated))
    {
      writer_open_member (w, key, '{');
      write_string (w, "text", text);
      write_string (w, "generated", generated);
      writer_close (w, '}');
    }
  writer_close (w, '}');
}

/* 佐证材料: a list of paths, left out when empty. */
static void
write_evidence (Writer             *w,
                const char * const *paths)
{
  if (paths[0] == NULL)
    return;
  writer_open_member (w, "evidence", '[');
  for (guint i = 0; paths[i] != NULL; i++)
    {
      writer_item (w);
      write_quoted (w->out, paths[i]);
    }
  writer_close (w, ']');
}

static void
write_indicator (Writer      *w,
                 ZpIndicator *indicator)
{
  ZpDirection direction = zp_indicator_get_direction (indicator);
  ZpGrade grade = zp_indicator_get_grade (indicator);

  writer_open_element (w);
  write_text (w, "category", zp_indicator_get_category (indicator));
  write_text (w, "subcategory", zp_indicator_get_subcategory (indicator));
  write_text (w, "name", zp_indicator_get_name (indicator));
  write_text (w, "target", zp_indicator_get_target (indicator));
  write_text (w, "actual", zp_indicator_get_actual (indicator));
  write_text (w, "weight", zp_indicator_get_weight (indicator));
  if (direction != ZP_DIRECTION_AUTO)
    write_string (w, "direction", direction_words[direction]);
  if (grade != ZP_GRADE_NONE)
    write_string (w, "grade", grade_words[grade]);
  write_text (w, "manual-score", zp_indicator_get_manual_score (indicator));
  write_text (w, "manual-reason", zp_indicator_get_manual_reason (indicator));
  write_text (w, "deviation-note", zp_indicator_get_deviation_note (indicator));
  write_text (w, "calc-symbol", zp_indicator_get_calc_symbol (indicator));
  write_text (w, "measure-unit", zp_indicator_get_measure_unit (indicator));
  if (zp_indicator_get_not_applicable (indicator))
    {
      writer_key (w, "not-applicable");
      g_string_append (w->out, "true");
    }
  write_text (w, "published-score", zp_indicator_get_published_score (indicator));
  write_evidence (w, zp_indicator_get_evidence (indicator));
  writer_close (w, '}');
}

static void
write_goal (Writer *w,
            ZpGoal *goal)
{
  guint i;

  writer_open_element (w);
  write_text (w, "text", zp_goal_get_text (goal));
  write_text (w, "achieved", zp_goal_get_achieved (goal));
  write_text (w, "weight", zp_goal_get_weight (goal));
  writer_open_member (w, "indicators", '[');
  for (i = 0; i < zp_goal_get_n_indicators (goal); i++)
    write_indicator (w, zp_goal_get_indicator (goal, i));
  writer_close (w, ']');
  writer_close (w, '}');
}

static gboolean
funds_row_is_empty (ZpProjectForm *form,
                    ZpFund         fund)
{
  guint field;

  for (field = 0; field < ZP_N_FUND_FIELDS; field++)
    {
      const char *value = zp_project_form_get_fund (form, fund, field);

      if (value != NULL && *value != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
write_funds (Writer        *w,
             ZpProjectForm *form)
{
  guint fund, field, written = 0;

  for (fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      if (funds_row_is_empty (form, fund))
        continue;
      if (written++ == 0)
        writer_open_member (w, "funds", '{');
      writer_open_member (w, fund_words[fund], '{');
      for (field = 0; field < ZP_N_FUND_FIELDS; field++)
        write_text (w, fund_field_words[field], zp_project_form_get_fund (form, fund, field));
      writer_close (w, '}');
    }
  if (written > 0)
    writer_close (w, '}');
}

static void
write_header_fields (Writer *w,
                     ZpForm *form)
{
  if (zp_form_is_department (form))
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (form);

      write_string (w, "kind", kind_words[KIND_DEPARTMENT]);
      write_text (w, "unit", zp_department_form_get_unit (department));
      write_text (w, "basic-expenditure", zp_department_form_get_basic_expenditure (department));
      write_text (w, "project-expenditure", zp_department_form_get_project_expenditure (department));
    }
  else
    {
      ZpProjectForm *project = ZP_PROJECT_FORM (form);

      write_string (w, "kind", kind_words[KIND_PROJECT]);
      write_text (w, "name", zp_project_form_get_name (project));
      write_text (w, "department", zp_project_form_get_department (project));
      write_text (w, "implementer", zp_project_form_get_implementer (project));
      write_text (w, "manager", zp_project_form_get_manager (project));
      write_string (w, "project-category", category_words[zp_project_form_get_project_category (project)]);
      write_string (w, "project-attribute", attribute_words[zp_project_form_get_project_attribute (project)]);
      write_string (w, "project-type", type_words[zp_project_form_get_project_type (project)]);
    }
}

static void
write_category_points (Writer *w,
                       ZpForm *form)
{
  guint n = zp_form_get_n_category_points (form);

  if (n == 0)
    return;
  writer_open_member (w, "category-points", '[');
  for (guint i = 0; i < n; i++)
    {
      const char *points;
      const char *name = zp_form_get_category_points_nth (form, i, &points);

      writer_open_element (w);
      write_string (w, "name", name);
      write_string (w, "points", points);
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_form (Writer *w,
            ZpForm *form)
{
  g_autoptr(GPtrArray) keys = zp_form_list_explanation_keys (form);
  guint i;

  writer_open_element (w);
  write_header_fields (w, form);
  write_text (w, "initial-budget", zp_form_get_initial_budget (form));
  write_text (w, "budget", zp_form_get_budget (form));
  write_text (w, "spent", zp_form_get_spent (form));
  if (!zp_form_is_department (form))
    write_funds (w, ZP_PROJECT_FORM (form));
  write_text (w, "analysis", zp_form_get_analysis (form));
  write_text (w, "improvement", zp_form_get_improvement (form));
  write_evidence (w, zp_form_get_evidence (form));
  write_text (w, "published-rate", zp_form_get_published_rate (form));
  write_text (w, "published-execution-score", zp_form_get_published_execution_score (form));
  write_text (w, "published-total", zp_form_get_published_total (form));
  write_text (w, "last-year-budget", zp_form_get_last_year_budget (form));
  write_text (w, "last-year-spent", zp_form_get_last_year_spent (form));
  write_explanations (w, keys, form, get_form_explanation);
  write_category_points (w, form);

  writer_open_member (w, "goals", '[');
  for (i = 0; i < zp_form_get_n_goals (form); i++)
    write_goal (w, zp_form_get_goal (form, i));
  writer_close (w, ']');
  writer_close (w, '}');
  writer_flush (w, FALSE);
}

static void
write_workbook (Writer     *w,
                ZpWorkbook *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  guint i;

  writer_open (w, '{');
  write_string (w, "format", ZP_FILE_FORMAT_NAME);
  write_integer (w, "version", ZP_FILE_FORMAT_VERSION);
  write_integer (w, "year", zp_workbook_get_year (self));
  write_text (w, "unit", zp_workbook_get_unit (self));
  write_text (w, "unit-short", zp_workbook_get_unit_short (self));
  write_text (w, "department", zp_workbook_get_department (self));
  write_string (w, "amount-unit", amount_unit_words[zp_workbook_get_amount_unit (self)]);
  write_scheme (w, zp_workbook_get_scheme (self));

  keys = zp_workbook_list_explanation_keys (self);
  write_explanations (w, keys, self, get_workbook_explanation);
  write_report_edits (w, zp_workbook_get_report_edits (self));

  writer_open_member (w, "forms", '[');
  for (i = 0; i < zp_workbook_get_n_forms (self) && !w->failed; i++)
    write_form (w, zp_workbook_get_form (self, i));
  writer_close (w, ']');
  writer_close (w, '}');
  g_string_append_c (w->out, '\n');
  writer_flush (w, TRUE);
}

char *
zp_workbook_to_data (ZpWorkbook *self,
                     gsize      *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  w.out = g_string_new (NULL);
  write_workbook (&w, self);
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* zp_workbook_to_data()'s bytes, written to the temporary file of an atomic replace a
 * chunk at a time as they are made. */
static gboolean
save_streamed (ZpWorkbook  *self,
               const char  *path,
               GError     **error)
{
  g_autoptr(ZpFileReplace) replace = zp_file_replace_begin (path, error);
  Writer w = { 0 };

  if (replace == NULL)
    return FALSE;

  w.out = g_string_sized_new (2 * WRITER_CHUNK);
  w.replace = replace;
  w.error = error;
  write_workbook (&w, self);
  g_string_free (w.out, TRUE);
  if (w.failed)
    return FALSE;
  return zp_file_replace_commit (replace, error);
}

char *
zp_scheme_to_data (ZpScheme *scheme,
                   gsize    *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (ZP_IS_SCHEME (scheme), NULL);

  w.out = g_string_new (NULL);
  writer_open (&w, '{');
  write_string (&w, "format", ZP_SCHEME_FORMAT_NAME);
  write_integer (&w, "version", ZP_FILE_FORMAT_VERSION);
  write_scheme (&w, scheme);
  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* GIO's message names the temporary file: say first which file was not saved. */
static gboolean
prefix_not_saved (GFile   *file,
                  GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  g_prefix_error (error, _("%s was not saved (the file on disk is unchanged): "), name);
  return FALSE;
}

gboolean
zp_workbook_save (ZpWorkbook  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (save_streamed (self, path, error))
        return TRUE;
      return prefix_not_saved (file, error);
    }

  data = zp_workbook_to_data (self, &length);
  return zp_workbook_save_data (file, data, length, error);
}

/* The writing half of zp_workbook_save(), for bytes taken from zp_workbook_to_data() on the
 * main thread: it touches no model object, so a worker thread may call it. */
gboolean
zp_workbook_save_data (GFile       *file,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *path = NULL;
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    /* Every link followed, the mode and owner kept, leftovers of killed saves removed. */
    saved = zp_file_replace_contents (path, data, length, error);
  else
    /* Not a local file (a remote location): GIO writes a temporary and renames it on close. */
    saved = g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                     NULL, NULL, error);
  if (!saved)
    return prefix_not_saved (file, error);
  return TRUE;
}

gboolean
zp_scheme_save (ZpScheme  *scheme,
                GFile     *file,
                GError   **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  gboolean saved;

  g_return_val_if_fail (ZP_IS_SCHEME (scheme), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = zp_scheme_to_data (scheme, &length);
  path = g_file_get_path (file);
  if (path != NULL)
    saved = zp_file_replace_contents (path, data, length, error);
  else
    saved = g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                     NULL, NULL, error);
  if (!saved)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_prefix_error (error, _("%s was not saved (the file on disk is unchanged): "), name);
    }
  return saved;
}
