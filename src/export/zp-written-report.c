/* zp-written-report.c — generating the written report from a workbook and a template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "zp-export-private.h"
#include "zp-grade-bands.h"
#include "zp-written-report.h"

/* Placeholders whose values are figures taken from the forms. */
static const char * const figure_names[] = {
  "project_count", "project_budget", "project_spent", "project_rate", "project_expenditure",
  "project_share", "department_count", "department_budget", "department_spent",
  "department_rate", "department_total", "budget", "spent", "rate", "total",
  "execution_score", "indicator_score", "score", "weight", "form_count",
  "indicator_count", "missed_count", NULL
};

struct _ZpWrittenReport
{
  GObject    parent_instance;
  GPtrArray *paragraphs;  /* ZpReportParagraph* */
  GPtrArray *overruns;    /* ZpReportOverrun* */
  ZpWorkbook *workbook;   /* borrowed while generating: its edits replace paragraphs */
};

G_DEFINE_FINAL_TYPE (ZpWrittenReport, zp_written_report, G_TYPE_OBJECT)

static void
paragraph_free (gpointer data)
{
  ZpReportParagraph *paragraph = data;

  g_free (paragraph->section);
  g_free (paragraph->text);
  g_strfreev (paragraph->figures);
  g_free (paragraph->key);
  g_free (paragraph->generated);
  g_free (paragraph->based_on);
  g_free (paragraph);
}

static void
overrun_free (gpointer data)
{
  ZpReportOverrun *overrun = data;

  g_free (overrun->section);
  g_free (overrun->heading);
  g_free (overrun);
}

static void
zp_written_report_finalize (GObject *object)
{
  ZpWrittenReport *self = ZP_WRITTEN_REPORT (object);

  g_ptr_array_unref (self->paragraphs);
  g_ptr_array_unref (self->overruns);
  G_OBJECT_CLASS (zp_written_report_parent_class)->finalize (object);
}

static void
zp_written_report_class_init (ZpWrittenReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zp_written_report_finalize;
}

static void
zp_written_report_init (ZpWrittenReport *self)
{
  self->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  self->overruns = g_ptr_array_new_with_free_func (overrun_free);
}

/* ---- values ---- */

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
values_copy (GHashTable *values)
{
  GHashTable *copy = values_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

static void
set_value (GHashTable *values,
           const char *name,
           char       *text)  /* taken */
{
  g_hash_table_insert (values, g_strdup (name), text);
}

static char *
format_amount (gboolean  has_value,
               ZpDecimal value)
{
  return has_value ? zp_decimal_format (value, 2) : g_strdup ("—");
}

static char *
format_rate (gboolean  has_rate,
             ZpDecimal rate)
{
  return has_rate ? zp_decimal_format_percent (rate, 2, TRUE) : g_strdup ("—");
}

static char *
format_score (ZpDecimal score)
{
  return zp_decimal_format_trim (score, 2);
}

/* A typed amount as printed on the form: two places, or as typed when no number. */
static char *
typed_amount (const char *typed)
{
  ZpDecimal value;

  if (typed != NULL && zp_decimal_parse (typed, &value, NULL))
    return zp_decimal_format (value, 2);
  return g_strdup (typed != NULL && *typed ? typed : "—");
}

/* A quoted text without the closing punctuation the template adds itself. */
static char *
trim_text (const char *text)
{
  static const char * const endings[] = { "。", "；", "，", ";", ",", ".", NULL };
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean cut = TRUE;

  while (cut && *copy)
    {
      gsize length = strlen (copy);

      cut = FALSE;
      for (guint i = 0; endings[i] != NULL; i++)
        if (g_str_has_suffix (copy, endings[i]))
          {
            copy[length - strlen (endings[i])] = '\0';
            g_strchomp (copy);
            cut = TRUE;
            break;
          }
    }
  return copy;
}

static gboolean
indicator_below_full (ZpIndicator *indicator)
{
  ZpIndicatorState state = zp_indicator_get_state (indicator);

  return state == ZP_INDICATOR_STATE_PARTIAL || state == ZP_INDICATOR_STATE_MISSED;
}

/* ---- 主要产出和效益 ---- */

/* "有效保障" + "保障视频会议顺利召开" reads "有效保障视频会议顺利召开": the name without
 * the words the actual already ends with. */
static const char *
skip_overlap (const char *actual,
              const char *name)
{
  gsize actual_len = strlen (actual);
  const char *best = name;

  for (const char *p = g_utf8_next_char (name); *p; p = g_utf8_next_char (p))
    {
      gsize n = p - name;

      if (n <= actual_len && memcmp (actual + actual_len - n, name, n) == 0)
        best = p;
    }
  return best;
}

static gboolean
is_zero_target (ZpIndicator *indicator)
{
  const ZpQuantity *target = zp_indicator_get_parsed_target (indicator);

  return target != NULL && zp_decimal_is_zero (target->value);
}

static char *
output_phrase (const ZpReportOutputs *outputs,
               ZpIndicator           *indicator)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *actual = trim_text (zp_indicator_get_actual (indicator));
  g_autofree char *name = trim_text (zp_indicator_get_name (indicator));
  const char *rest = skip_overlap (actual, name);
  const char *pattern = outputs->qualitative;

  if (zp_indicator_get_parsed_target (indicator) != NULL)
    pattern = outputs->zero != NULL && is_zero_target (indicator) ? outputs->zero : outputs->quantitative;
  else if (rest != name && outputs->overlapping != NULL)
    pattern = outputs->overlapping;
  set_value (values, "name", g_strdup (pattern == outputs->overlapping ? rest : name));
  set_value (values, "actual", g_strdup (actual));
  set_value (values, "target", trim_text (zp_indicator_get_target (indicator)));
  return zp_report_template_expand (pattern, values);
}

static gboolean
category_matches (const char *category,
                  const char *wanted)
{
  return g_str_has_prefix (category, wanted);
}

static char *
project_outputs (const ZpReportOutputs *outputs,
                 ZpForm                *form)
{
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; outputs->categories[c] != NULL; c++)
    for (guint g = 0; g < zp_form_get_n_goals (form); g++)
      {
        ZpGoal *goal = zp_form_get_goal (form, g);

        for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
          {
            ZpIndicator *indicator = zp_goal_get_indicator (goal, i);

            if (outputs->max > 0 && phrases->len >= outputs->max)
              break;
            if (zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_MET
                || !category_matches (zp_indicator_get_category (indicator), outputs->categories[c])
                || g_strv_contains ((const char * const *) outputs->skip_subcategories,
                                    zp_indicator_get_subcategory (indicator)))
              continue;
            g_ptr_array_add (phrases, output_phrase (outputs, indicator));
          }
      }
  if (phrases->len == 0)
    return g_strdup (outputs->empty != NULL ? outputs->empty : "");
  g_ptr_array_add (phrases, NULL);
  return g_strjoinv (outputs->separator, (char **) phrases->pdata);
}

/* ---- the workbook's figures ---- */

typedef struct
{
  gboolean  has;
  ZpDecimal value;
} Sum;

static void
sum_add (Sum        *sum,
         const char *typed)
{
  ZpDecimal value;

  if (typed != NULL && zp_decimal_parse (typed, &value, NULL))
    {
      sum->value = zp_decimal_add (sum->value, value);
      sum->has = TRUE;
    }
}

static char *
format_ratio (Sum part,
              Sum whole)
{
  if (!part.has || !whole.has || zp_decimal_sign (whole.value) <= 0)
    return g_strdup ("—");
  return format_rate (TRUE, zp_decimal_div (part.value, whole.value));
}

static void
add_grade_counts (GHashTable *values,
                  ZpWorkbook *workbook)
{
  g_autoptr(GPtrArray) bands = zp_grade_bands_for_scheme (zp_workbook_get_scheme (workbook));
  g_autofree guint *counts = g_new0 (guint, bands->len);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      if (!zp_form_is_department (form))
        counts[zp_grade_bands_index (bands, zp_form_get_total (form))]++;
    }

  for (guint i = 0; i < bands->len; i++)
    {
      ZpGradeBand *band = g_ptr_array_index (bands, i);
      g_autofree char *name = g_strconcat ("grade_", band->id, NULL);

      set_value (values, name, g_strdup_printf ("%u", counts[i]));
      /* {grade_counts}: every grade of the scheme, whatever its ids, as the forms say it */
      g_string_append_printf (all, "%s%s %u 个", i > 0 ? "，" : "", band->name, counts[i]);
    }
  set_value (values, "grade_counts", g_string_free (g_steal_pointer (&all), FALSE));
}

static void
add_indicator_counts (GHashTable *values,
                      ZpWorkbook *workbook)
{
  guint n_indicators = 0, n_missed = 0;

  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);

      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
            {
              n_indicators++;
              n_missed += indicator_below_full (zp_goal_get_indicator (goal, i));
            }
        }
    }
  set_value (values, "indicator_count", g_strdup_printf ("%u", n_indicators));
  set_value (values, "missed_count", g_strdup_printf ("%u", n_missed));
}

static void
add_department_values (GHashTable *values,
                       ZpWorkbook *workbook,
                       Sum         projects_budget)
{
  ZpDepartmentForm *department = zp_workbook_get_department_form (workbook);
  Sum project_expenditure = { FALSE, ZP_DECIMAL_ZERO };
  ZpForm *form = ZP_FORM (department);
  ZpDecimal rate;

  set_value (values, "department_count", g_strdup (department != NULL ? "1" : "0"));
  if (department == NULL)
    {
      set_value (values, "project_share", g_strdup ("—"));
      return;
    }
  sum_add (&project_expenditure, zp_department_form_get_project_expenditure (department));
  set_value (values, "project_expenditure", format_amount (project_expenditure.has, project_expenditure.value));
  set_value (values, "project_share", format_ratio (projects_budget, project_expenditure));
  set_value (values, "department_budget", typed_amount (zp_form_get_budget (form)));
  set_value (values, "department_spent", typed_amount (zp_form_get_spent (form)));
  set_value (values, "department_rate", format_rate (zp_form_get_execution_rate (form, &rate), rate));
  set_value (values, "department_total", format_score (zp_form_get_total (form)));
}

static GHashTable *
workbook_values (ZpWorkbook *workbook)
{
  GHashTable *values = values_new ();
  Sum budget = { FALSE, ZP_DECIMAL_ZERO }, spent = { FALSE, ZP_DECIMAL_ZERO };

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      if (zp_form_is_department (form))
        continue;
      sum_add (&budget, zp_form_get_budget (form));
      sum_add (&spent, zp_form_get_spent (form));
    }
  set_value (values, "year", g_strdup_printf ("%u", zp_workbook_get_year (workbook)));
  set_value (values, "unit", g_strdup (zp_workbook_get_unit (workbook)));
  set_value (values, "unit_short", g_strdup (zp_workbook_get_display_unit_short (workbook)));
  set_value (values, "department", g_strdup (zp_workbook_get_department (workbook)));
  set_value (values, "form_count", g_strdup_printf ("%u", zp_workbook_get_n_forms (workbook)));
  set_value (values, "project_count", g_strdup_printf ("%u", zp_workbook_get_n_projects (workbook)));
  /* The projects' money is the sum of the project forms, never a figure typed elsewhere. */
  set_value (values, "project_budget", format_amount (TRUE, budget.value));
  set_value (values, "project_spent", format_amount (TRUE, spent.value));
  set_value (values, "project_rate", format_ratio (spent, budget));
  add_department_values (values, workbook, budget);
  add_grade_counts (values, workbook);
  add_indicator_counts (values, workbook);
  return values;
}

static GHashTable *
project_values (GHashTable            *base,
                ZpReportTemplate      *template_,
                GPtrArray             *bands,
                ZpForm                *form,
                guint                  index)
{
  GHashTable *values = values_copy (base);
  ZpProjectForm *project = ZP_PROJECT_FORM (form);
  ZpDecimal rate;

  set_value (values, "index", g_strdup_printf ("%u", index));
  set_value (values, "name", g_strdup (zp_project_form_get_name (project)));
  set_value (values, "implementer", g_strdup (zp_project_form_get_implementer (project)));
  set_value (values, "budget", typed_amount (zp_form_get_budget (form)));
  set_value (values, "spent", typed_amount (zp_form_get_spent (form)));
  set_value (values, "rate", format_rate (zp_form_get_execution_rate (form, &rate), rate));
  set_value (values, "total", format_score (zp_form_get_total (form)));
  set_value (values, "execution_score", format_score (zp_form_get_execution_score (form)));
  set_value (values, "indicator_score", format_score (zp_form_get_indicator_score (form)));
  set_value (values, "grade", g_strdup (zp_grade_bands_classify (bands, zp_form_get_total (form))->name));
  set_value (values, "outputs", project_outputs (zp_report_template_get_outputs (template_), form));
  return values;
}

/* ---- problems and measures ---- */

static GHashTable *
item_values (GHashTable *base,
             ZpForm     *form,
             const char *text)
{
  GHashTable *values = values_copy (base);

  set_value (values, "form", zp_form_dup_title (form));
  set_value (values, "text", trim_text (text));
  return values;
}

static void
add_indicator_item (GPtrArray   *items,
                    GHashTable  *base,
                    ZpForm      *form,
                    ZpIndicator *indicator,
                    const char  *pattern)
{
  GHashTable *values = item_values (base, form, zp_indicator_get_deviation_note (indicator));
  ZpDecimal weight;

  set_value (values, "indicator", g_strdup (zp_indicator_get_name (indicator)));
  set_value (values, "target", g_strdup (zp_indicator_get_target (indicator)));
  set_value (values, "actual", g_strdup (zp_indicator_get_actual (indicator)));
  set_value (values, "score", format_score (zp_indicator_get_score (indicator)));
  set_value (values, "weight", zp_indicator_get_weight_value (indicator, &weight)
                               ? format_score (weight) : g_strdup (zp_indicator_get_weight (indicator)));
  set_value (values, "text", zp_report_template_expand (pattern, values));
  g_ptr_array_add (items, values);
}

static void
add_form_item (GPtrArray  *items,
               GHashTable *base,
               ZpForm     *form,
               const char *text,
               const char *pattern)
{
  g_autofree char *trimmed = trim_text (text);
  GHashTable *values;

  if (pattern == NULL || *trimmed == '\0')
    return;
  values = item_values (base, form, text);
  set_value (values, "text", zp_report_template_expand (pattern, values));
  g_ptr_array_add (items, values);
}

static void
add_deviation_items (GPtrArray  *items,
                     GHashTable *base,
                     ZpForm     *form,
                     const char *with_note,
                     const char *without_note)
{
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
          g_autofree char *note = trim_text (zp_indicator_get_deviation_note (indicator));
          const char *pattern = *note ? with_note : without_note;

          if (indicator_below_full (indicator) && pattern != NULL)
            add_indicator_item (items, base, form, indicator, pattern);
        }
    }
}

/* Each item is a values table whose "text" is the phrase; "index" is set by the caller. */
static GPtrArray *
collect_items (ZpWorkbook       *workbook,
               ZpReportTemplate *template_,
               GHashTable       *base,
               ZpReportEach      each)
{
  const ZpReportPhrases *phrases = zp_report_template_get_phrases (template_);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);

      if (each == ZP_REPORT_EACH_PROBLEM)
        {
          add_form_item (items, base, form, zp_form_get_analysis (form), phrases->analysis);
          add_deviation_items (items, base, form, phrases->deviation, phrases->missing_note);
        }
      else
        {
          add_form_item (items, base, form, zp_form_get_improvement (form), phrases->improvement);
          add_deviation_items (items, base, form, phrases->measure_deviation, NULL);
        }
    }
  return items;
}

/* ---- paragraphs ---- */

static GStrv
collect_figures (const char *pattern,
                 GHashTable *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; figure_names[i] != NULL; i++)
    {
      g_autofree char *placeholder = g_strdup_printf ("{%s}", figure_names[i]);
      const char *value = g_hash_table_lookup (values, figure_names[i]);

      if (value != NULL && strstr (pattern, placeholder) != NULL)
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

/* The user's text replaces the generated one; the generated one stays to compare. */
static void
apply_edit (ZpReportParagraph *paragraph,
            ZpWorkbook        *workbook)
{
  const char *text, *based_on;

  if (!zp_workbook_get_report_edit (workbook, paragraph->key, &text, &based_on))
    return;
  paragraph->edited = TRUE;
  paragraph->generated = g_steal_pointer (&paragraph->text);
  paragraph->text = g_strdup (text);
  paragraph->based_on = g_strdup (based_on);
  paragraph->stale = g_strcmp0 (based_on, paragraph->generated) != 0;
}

/* key: taken. */
static void
add_paragraph (ZpWrittenReport       *self,
               ZpReportParagraphKind  kind,
               const char            *section,
               char                  *key,
               const char            *pattern,
               GHashTable            *values)
{
  ZpReportParagraph *paragraph = g_new0 (ZpReportParagraph, 1);

  paragraph->kind = kind;
  paragraph->section = g_strdup (section);
  paragraph->key = key;
  paragraph->text = zp_report_template_expand (pattern, values);
  paragraph->figures = collect_figures (pattern, values);
  apply_edit (paragraph, self->workbook);
  g_ptr_array_add (self->paragraphs, paragraph);
}

static void
add_projects (ZpWrittenReport        *self,
              ZpWorkbook             *workbook,
              ZpReportTemplate       *template_,
              const ZpReportSection  *section,
              const ZpReportBlock    *block,
              guint                   block_index,
              GHashTable             *base)
{
  g_autoptr(GPtrArray) bands = zp_grade_bands_for_scheme (zp_workbook_get_scheme (workbook));
  guint index = 0;

  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);
      g_autoptr(GHashTable) values = NULL;

      if (zp_form_is_department (form))
        continue;
      values = project_values (base, template_, bands, form, ++index);
      add_paragraph (self, ZP_REPORT_PARAGRAPH_BODY, section->id,
                     g_strdup_printf ("%s:%u:%u", section->id, block_index, index),
                     block->text, values);
    }
  if (index == 0 && block->empty != NULL)
    add_paragraph (self, ZP_REPORT_PARAGRAPH_BODY, section->id,
                   g_strdup_printf ("%s:%u:empty", section->id, block_index), block->empty, base);
}

static void
add_items (ZpWrittenReport        *self,
           ZpWorkbook             *workbook,
           ZpReportTemplate       *template_,
           const ZpReportSection  *section,
           const ZpReportBlock    *block,
           guint                   block_index,
           GHashTable             *base)
{
  g_autoptr(GPtrArray) items = collect_items (workbook, template_, base, block->each);

  for (guint i = 0; i < items->len; i++)
    {
      GHashTable *values = g_ptr_array_index (items, i);

      set_value (values, "index", g_strdup_printf ("%u", i + 1));
      add_paragraph (self, ZP_REPORT_PARAGRAPH_BODY, section->id,
                     g_strdup_printf ("%s:%u:%u", section->id, block_index, i + 1),
                     block->text, values);
    }
  if (items->len == 0 && block->empty != NULL)
    add_paragraph (self, ZP_REPORT_PARAGRAPH_BODY, section->id,
                   g_strdup_printf ("%s:%u:empty", section->id, block_index), block->empty, base);
}

static guint
count_characters (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;
  return n;
}

static void
check_limit (ZpWrittenReport       *self,
             const ZpReportSection *section,
             guint                  first_body)
{
  guint length = 0;
  ZpReportOverrun *overrun;

  if (section->limit == 0)
    return;
  for (guint i = first_body; i < self->paragraphs->len; i++)
    length += count_characters (((ZpReportParagraph *) g_ptr_array_index (self->paragraphs, i))->text);
  if (length <= section->limit)
    return;
  overrun = g_new0 (ZpReportOverrun, 1);
  overrun->section = g_strdup (section->id);
  overrun->heading = g_strdup (section->heading);
  overrun->length = length;
  overrun->limit = section->limit;
  g_ptr_array_add (self->overruns, overrun);
}

static void
add_section (ZpWrittenReport        *self,
             ZpWorkbook             *workbook,
             ZpReportTemplate       *template_,
             const ZpReportSection  *section,
             GHashTable             *base)
{
  gboolean has_department = zp_workbook_get_department_form (workbook) != NULL;
  guint first_body;

  if (section->needs_department && !has_department)
    return;
  add_paragraph (self, ZP_REPORT_PARAGRAPH_HEADING, section->id,
                 g_strdup_printf ("%s:heading", section->id), section->heading, base);
  first_body = self->paragraphs->len;
  for (guint b = 0; b < section->blocks->len; b++)
    {
      const ZpReportBlock *block = g_ptr_array_index (section->blocks, b);

      if (block->needs_department && !has_department)
        continue;
      if (block->each == ZP_REPORT_EACH_PROJECT)
        add_projects (self, workbook, template_, section, block, b, base);
      else if (block->each != ZP_REPORT_EACH_NONE)
        add_items (self, workbook, template_, section, block, b, base);
      else
        add_paragraph (self, ZP_REPORT_PARAGRAPH_BODY, section->id,
                       g_strdup_printf ("%s:%u", section->id, b), block->text, base);
    }
  check_limit (self, section, first_body);
}

ZpWrittenReport *
zp_written_report_generate (ZpWorkbook       *workbook,
                            ZpReportTemplate *template_)
{
  g_autoptr(ZpReportTemplate) default_template = NULL;
  g_autoptr(GHashTable) base = NULL;
  ZpWrittenReport *self;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);
  if (template_ == NULL)
    template_ = default_template = zp_report_template_new_for_scheme (zp_workbook_get_scheme (workbook));

  self = g_object_new (ZP_TYPE_WRITTEN_REPORT, NULL);
  self->workbook = workbook;
  base = workbook_values (workbook);
  add_paragraph (self, ZP_REPORT_PARAGRAPH_TITLE, "title", g_strdup ("title"),
                 zp_report_template_get_title (template_), base);
  for (guint s = 0; s < zp_report_template_get_n_sections (template_); s++)
    add_section (self, workbook, template_, zp_report_template_get_section (template_, s), base);
  self->workbook = NULL;
  return self;
}

guint
zp_written_report_get_n_paragraphs (ZpWrittenReport *self)
{
  return self->paragraphs->len;
}

const ZpReportParagraph *
zp_written_report_get_paragraph (ZpWrittenReport *self,
                                 guint            i)
{
  g_return_val_if_fail (i < self->paragraphs->len, NULL);
  return g_ptr_array_index (self->paragraphs, i);
}

const ZpReportParagraph *
zp_written_report_find_paragraph (ZpWrittenReport *self,
                                  const char      *key)
{
  g_return_val_if_fail (ZP_IS_WRITTEN_REPORT (self), NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const ZpReportParagraph *paragraph = g_ptr_array_index (self->paragraphs, i);

      if (g_strcmp0 (paragraph->key, key) == 0)
        return paragraph;
    }
  return NULL;
}

GPtrArray *
zp_written_report_get_overruns (ZpWrittenReport *self)
{
  return self->overruns;
}

char *
zp_report_overrun_describe (const ZpReportOverrun *overrun)
{
  return g_strdup_printf (_("“%1$s” has %2$u characters; the limit is %3$u"),
                          overrun->heading, overrun->length, overrun->limit);
}

/* ---- text ---- */

char *
zp_written_report_to_text (ZpWrittenReport *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const ZpReportParagraph *paragraph = g_ptr_array_index (self->paragraphs, i);

      switch (paragraph->kind)
        {
        case ZP_REPORT_PARAGRAPH_TITLE:
          g_string_append_printf (out, "%s\n\n", paragraph->text);
          break;
        case ZP_REPORT_PARAGRAPH_HEADING:
          g_string_append_printf (out, "%s\n", paragraph->text);
          break;
        case ZP_REPORT_PARAGRAPH_BODY:
        default:
          g_string_append_printf (out, "\u3000\u3000%s\n", paragraph->text);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

gboolean
zp_written_report_write_text (ZpWrittenReport  *self,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *text = zp_written_report_to_text (self);
  ZpExportTarget target = { 0 };
  gboolean ok;

  if (!zp_export_target_open (&target, file, error))
    {
      zp_export_target_clear (&target);
      return FALSE;
    }
  ok = write_all (target.fd, text, strlen (text));
  if (!ok)
    zp_export_set_errno_error (error, errno, target.path);
  ok = ok && zp_export_target_commit (&target, error);
  zp_export_target_clear (&target);
  return ok;
}
