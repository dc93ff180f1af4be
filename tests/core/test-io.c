/* test-io.c — .ziping files: round trips, every kind of bad file, safe saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ziping-core.h"

#include "core-fixture.h"

/* ---- A dump of every input of a workbook, through the getters ---------------------- */

static void
dump_decimal (GString    *out,
              const char *label,
              ZpDecimal   value)
{
  g_autofree char *text = zp_decimal_format (value, 6);

  g_string_append_printf (out, "%s=%s\n", label, text);
}

static void
dump_scheme (GString  *out,
             ZpScheme *scheme)
{
  guint i;

  g_string_append_printf (out, "scheme id=%s name=%s layout=%s decimals=%u formula=%d\n",
                          zp_scheme_get_id (scheme), zp_scheme_get_name (scheme),
                          zp_scheme_get_layout (scheme), zp_scheme_get_decimals (scheme),
                          zp_scheme_get_reverse_formula (scheme));
  dump_decimal (out, "execution-weight", zp_scheme_get_execution_weight (scheme));
  for (i = 0; i < zp_scheme_get_n_categories (scheme); i++)
    {
      g_string_append_printf (out, "category %s\n", zp_scheme_get_category_name (scheme, i));
      dump_decimal (out, "weight", zp_scheme_get_category_weight (scheme, i));
    }
  dump_decimal (out, "achieved", zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED));
  dump_decimal (out, "partial", zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL));
  dump_decimal (out, "missed", zp_scheme_get_band_lower (scheme, ZP_GRADE_MISSED));
  dump_decimal (out, "over", zp_scheme_get_over_achievement (scheme));
  dump_decimal (out, "threshold", zp_scheme_get_execution_threshold (scheme));
}

static void
dump_indicator (GString     *out,
                ZpIndicator *indicator)
{
  g_autofree char *score = zp_decimal_format (zp_indicator_get_score (indicator), 6);

  g_string_append_printf (out, "indicator [%s] [%s] [%s] [%s] [%s] [%s] %d %d [%s] [%s] [%s] score=%s\n",
                          zp_indicator_get_category (indicator),
                          zp_indicator_get_subcategory (indicator),
                          zp_indicator_get_name (indicator),
                          zp_indicator_get_target (indicator),
                          zp_indicator_get_actual (indicator),
                          zp_indicator_get_weight (indicator),
                          zp_indicator_get_direction (indicator),
                          zp_indicator_get_grade (indicator),
                          zp_indicator_get_manual_score (indicator),
                          zp_indicator_get_manual_reason (indicator),
                          zp_indicator_get_deviation_note (indicator),
                          score);
}

static void
dump_form_header (GString *out,
                  ZpForm  *form)
{
  guint fund, field;

  if (zp_form_is_department (form))
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (form);

      g_string_append_printf (out, "department [%s] [%s] [%s]\n",
                              zp_department_form_get_unit (department),
                              zp_department_form_get_basic_expenditure (department),
                              zp_department_form_get_project_expenditure (department));
      return;
    }

  g_string_append_printf (out, "project [%s] [%s] [%s] [%s] %d %d %d\n",
                          zp_project_form_get_name (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_department (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_implementer (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_manager (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_project_category (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_project_attribute (ZP_PROJECT_FORM (form)),
                          zp_project_form_get_project_type (ZP_PROJECT_FORM (form)));
  for (fund = 0; fund < ZP_N_FUNDS; fund++)
    for (field = 0; field < ZP_N_FUND_FIELDS; field++)
      g_string_append_printf (out, "fund %u %u [%s]\n", fund, field,
                              zp_project_form_get_fund (ZP_PROJECT_FORM (form), fund, field));
}

static void
dump_form (GString *out,
           ZpForm  *form)
{
  g_autoptr(GPtrArray) keys = zp_form_list_explanation_keys (form);
  guint i, j;

  dump_form_header (out, form);
  g_string_append_printf (out, "figures [%s] [%s] [%s] texts [%s] [%s] total=%s\n",
                          zp_form_get_initial_budget (form), zp_form_get_budget (form),
                          zp_form_get_spent (form), zp_form_get_analysis (form),
                          zp_form_get_improvement (form), zp_form_get_total_text (form));
  for (i = 0; i < keys->len; i++)
    g_string_append_printf (out, "explanation [%s] [%s]\n", (char *) keys->pdata[i],
                            zp_form_get_explanation (form, keys->pdata[i]));

  for (i = 0; i < zp_form_get_n_goals (form); i++)
    {
      ZpGoal *goal = zp_form_get_goal (form, i);

      g_string_append_printf (out, "goal [%s] [%s] [%s]\n", zp_goal_get_text (goal),
                              zp_goal_get_achieved (goal), zp_goal_get_weight (goal));
      for (j = 0; j < zp_goal_get_n_indicators (goal); j++)
        dump_indicator (out, zp_goal_get_indicator (goal, j));
    }
}

static char *
dump_workbook (ZpWorkbook *workbook)
{
  g_autoptr(GPtrArray) keys = zp_workbook_list_explanation_keys (workbook);
  GString *out = g_string_new (NULL);
  guint i;

  g_string_append_printf (out, "year %u unit [%s] short [%s] department [%s]\n",
                          zp_workbook_get_year (workbook), zp_workbook_get_unit (workbook),
                          zp_workbook_get_unit_short (workbook),
                          zp_workbook_get_department (workbook));
  dump_scheme (out, zp_workbook_get_scheme (workbook));
  for (i = 0; i < keys->len; i++)
    g_string_append_printf (out, "explanation [%s] [%s]\n", (char *) keys->pdata[i],
                            zp_workbook_get_explanation (workbook, keys->pdata[i]));
  for (i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    dump_form (out, zp_workbook_get_form (workbook, i));
  return g_string_free (out, FALSE);
}

/* ---- A workbook that uses every member ---------------------------------------------- */

static ZpIndicator *
make_indicator (const char *category,
                const char *name,
                const char *target,
                const char *actual,
                const char *weight)
{
  ZpIndicator *indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_subcategory (indicator, "数量指标");
  zp_indicator_set_name (indicator, name);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  return indicator;
}

static ZpDepartmentForm *
make_department_form (void)
{
  ZpDepartmentForm *form = zp_department_form_new ();
  g_autoptr(ZpGoal) goal = zp_goal_new ();
  g_autoptr(ZpIndicator) first = make_indicator ("产出指标", "数据汇集条数", "不少于 1 亿条数据", "1.2亿条", "40.0");
  g_autoptr(ZpIndicator) second = make_indicator ("满意度指标", "满意度", "≥90%", "85%", "40");

  zp_department_form_set_unit (form, "江岸区大数据中心");
  zp_department_form_set_basic_expenditure (form, "217.30");
  zp_department_form_set_project_expenditure (form, "1849.33");
  zp_form_set_initial_budget (ZP_FORM (form), "2000");
  zp_form_set_budget (ZP_FORM (form), "2066.63");
  zp_form_set_spent (ZP_FORM (form), "1800.5");
  zp_form_set_analysis (ZP_FORM (form), "第一行\n第二行\t\"引号\" \\ 反斜杠 \x01 控制");
  zp_form_set_improvement (ZP_FORM (form), "emoji 😀 and / slash");
  zp_form_set_explanation (ZP_FORM (form), "zeta", "最后");
  zp_form_set_explanation (ZP_FORM (form), "alpha", "first");

  zp_indicator_set_deviation_note (second, "样本偏少");
  zp_goal_set_text (goal, "目标一");
  zp_goal_set_achieved (goal, "已完成");
  zp_goal_set_weight (goal, "80");
  zp_goal_insert_indicator (goal, G_MAXUINT, first);
  zp_goal_insert_indicator (goal, G_MAXUINT, second);
  zp_form_insert_goal (ZP_FORM (form), 0, goal);
  return form;
}

static ZpProjectForm *
make_project_form (void)
{
  ZpProjectForm *form = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (form);
  g_autoptr(ZpIndicator) reverse = make_indicator ("产出指标", "成本", "≤90万元", "100万元", "50");
  g_autoptr(ZpIndicator) graded = make_indicator ("效益指标", "效果", "有效保障", "基本保障", "30");
  g_autoptr(ZpIndicator) manual = make_indicator ("满意度指标", "满意度", "满意", "abc", "ten");

  zp_project_form_set_name (form, "科技条件专项");
  zp_project_form_set_department (form, "区经科局");
  zp_project_form_set_implementer (form, "区大数据中心");
  zp_project_form_set_manager (form, "张三");
  zp_project_form_set_project_category (form, ZP_PROJECT_CATEGORY_TRANSFER);
  zp_project_form_set_project_attribute (form, ZP_PROJECT_ATTRIBUTE_NEW);
  zp_project_form_set_project_type (form, ZP_PROJECT_TYPE_ONE_OFF);
  zp_form_set_budget (ZP_FORM (form), "0.80");
  zp_form_set_spent (ZP_FORM (form), "0.80");
  zp_project_form_set_fund (form, ZP_FUND_CURRENT, ZP_FUND_FIELD_BUDGET, "0.50");
  zp_project_form_set_fund (form, ZP_FUND_OTHER, ZP_FUND_FIELD_SPENT, "0.30");

  zp_indicator_set_direction (reverse, ZP_DIRECTION_REVERSE);
  zp_indicator_set_grade (graded, ZP_GRADE_PARTIAL);
  zp_indicator_set_manual_score (graded, "20");
  zp_indicator_set_manual_reason (graded, "部分达成");
  zp_indicator_set_direction (manual, ZP_DIRECTION_QUALITATIVE);
  zp_goal_set_text (goal, "预期目标");
  zp_goal_set_achieved (goal, "实际完成情况");
  zp_goal_insert_indicator (goal, G_MAXUINT, reverse);
  zp_goal_insert_indicator (goal, G_MAXUINT, graded);
  zp_goal_insert_indicator (goal, G_MAXUINT, manual);
  return form;
}

static ZpWorkbook *
make_workbook (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("central");
  g_autoptr(ZpScheme) scheme = zp_scheme_copy (zp_workbook_get_scheme (workbook));
  g_autoptr(ZpDepartmentForm) department = make_department_form ();
  g_autoptr(ZpProjectForm) project = make_project_form ();
  g_autoptr(ZpProjectForm) empty = zp_project_form_new ();

  zp_scheme_set_name (scheme, "我的方案");
  zp_scheme_set_reverse_formula (scheme, ZP_REVERSE_FORMULA_LINEAR);
  zp_scheme_set_decimals (scheme, 3);
  zp_scheme_set_over_achievement (scheme, zp_decimal_from_fixed (15, 1));
  zp_scheme_set_execution_threshold (scheme, zp_decimal_from_fixed (85, 2));
  zp_scheme_set_band_lower (scheme, ZP_GRADE_PARTIAL, zp_decimal_from_fixed (55, 2));
  zp_scheme_add_category (scheme, "成本指标", zp_decimal_from_fixed (25, 1));
  zp_workbook_set_scheme (workbook, scheme);

  zp_workbook_set_year (workbook, 2025);
  zp_workbook_set_unit (workbook, "江岸区大数据中心");
  zp_workbook_set_unit_short (workbook, "江岸大数据中心");
  zp_workbook_set_department (workbook, "区经科局");
  zp_workbook_set_explanation (workbook, "cross/project-sum", "上年结转");
  zp_workbook_set_department_form (workbook, department);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  zp_workbook_insert_project (workbook, G_MAXUINT, empty);
  return workbook;
}

static ZpWorkbook *
load_data (const char  *data,
           gsize        length)
{
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load_from_data (data, length, "test.ziping", &error);

  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  return workbook;
}

/* ---- Round trips -------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autoptr(ZpWorkbook) reloaded = NULL;
  g_autofree char *before = dump_workbook (workbook);
  g_autofree char *after = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *third = NULL;
  gsize length = 0, again_length = 0;

  data = zp_workbook_to_data (workbook, &length);
  g_assert_cmpuint (strlen (data), ==, length);
  g_assert_true (g_str_has_suffix (data, "}\n"));

  loaded = load_data (data, length);
  after = dump_workbook (loaded);
  g_assert_cmpstr (after, ==, before);

  /* A second save of the loaded copy gives the very same bytes. */
  again = zp_workbook_to_data (loaded, &again_length);
  g_assert_cmpuint (again_length, ==, length);
  g_assert_cmpstr (again, ==, data);

  reloaded = load_data (again, again_length);
  third = zp_workbook_to_data (reloaded, NULL);
  g_assert_cmpstr (third, ==, data);
}

/* Figures are kept as typed: no reformatting, no binary floating point. */
static void
test_decimals_as_typed (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  ZpForm *project;
  ZpIndicator *indicator;

  g_assert_nonnull (strstr (data, "\"budget\": \"0.80\""));
  g_assert_nonnull (strstr (data, "\"basic-expenditure\": \"217.30\""));
  g_assert_nonnull (strstr (data, "\"weight\": \"40.0\""));
  g_assert_nonnull (strstr (data, "\"weight\": \"ten\""));
  g_assert_nonnull (strstr (data, "\"over-achievement\": \"1.5\""));
  g_assert_nonnull (strstr (data, "\"partial\": \"0.55\""));

  loaded = load_data (data, strlen (data));
  project = zp_workbook_get_form (loaded, 1);
  g_assert_cmpstr (zp_form_get_budget (project), ==, "0.80");
  g_assert_cmpstr (zp_project_form_get_fund (ZP_PROJECT_FORM (project), ZP_FUND_CURRENT, ZP_FUND_FIELD_BUDGET), ==, "0.50");
  indicator = zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (loaded, 0), 0), 0);
  g_assert_cmpstr (zp_indicator_get_weight (indicator), ==, "40.0");
  g_assert_cmpstr (zp_department_form_get_basic_expenditure (zp_workbook_get_department_form (loaded)), ==, "217.30");
}

/* Texts with quotes, backslashes, control characters and non-BMP characters survive. */
static void
test_escapes (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);

  g_assert_nonnull (strstr (data, "\"analysis\": \"第一行\\n第二行\\t\\\"引号\\\" \\\\ 反斜杠 \\u0001 控制\""));
  g_assert_nonnull (strstr (data, "emoji 😀 and / slash"));

  loaded = load_data (data, strlen (data));
  g_assert_cmpstr (zp_form_get_analysis (zp_workbook_get_form (loaded, 0)), ==,
                   "第一行\n第二行\t\"引号\" \\ 反斜杠 \x01 控制");
}

/* The layout of what is written: 2-space indent, stable member order, empty members left out. */
static void
test_layout (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autofree char *data = NULL;
  const char *format, *version, *scheme, *forms;

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  data = zp_workbook_to_data (workbook, NULL);

  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"ziping\",\n  \"version\": 2,\n  \"year\": 2024,\n"));
  format = strstr (data, "\"format\"");
  version = strstr (data, "\"version\"");
  scheme = strstr (data, "\"scheme\"");
  forms = strstr (data, "\"forms\"");
  g_assert_true (format < version && version < scheme && scheme < forms);
  g_assert_nonnull (strstr (data, "\n    \"execution-weight\": \"20\",\n"));
  g_assert_nonnull (strstr (data, "\n      \"kind\": \"project\",\n      \"project-category\": \"department-budget\",\n"));
  g_assert_null (strstr (data, "\"unit\""));
  g_assert_null (strstr (data, "\"analysis\""));
  g_assert_null (strstr (data, "\"explanations\""));
  g_assert_null (strstr (data, "\"funds\""));
  g_assert_true (g_str_has_suffix (data, "\n  ]\n}\n"));
}

/* The bundled example is exactly what saving it writes. */
static void
test_example_is_canonical (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  gsize length = 0, data_length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  workbook = zp_workbook_load (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);

  data = zp_workbook_to_data (workbook, &data_length);
  g_assert_cmpuint (data_length, ==, length);
  g_assert_cmpstr (data, ==, contents);
}

/* The example in docs/file-format.md loads, and is exactly what saving it writes. */
static void
test_documented_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "..", "..", "docs",
                                            "file-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  g_autofree char *data = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);
  start = strstr (doc, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```\n");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start + 1);

  workbook = load_data (example, strlen (example));
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 2);
  data = zp_workbook_to_data (workbook, NULL);
  g_assert_cmpstr (data, ==, example);
}

/* Members this version does not know are skipped (files of the same version from a
 * later release may carry more). */
static void
test_unknown_members (void)
{
  static const char data[] =
    "{\"format\": \"ziping\", \"version\": 1, \"year\": 2024, \"colour\": [1, {\"x\": null}],\n"
    " \"scheme\": {\"id\": \"hubei\", \"layout\": \"hubei\", \"execution-weight\": \"20\", \"future\": true,\n"
    "  \"categories\": [{\"name\": \"产出指标\", \"weight\": \"40\", \"note\": \"x\"}],\n"
    "  \"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}},\n"
    " \"forms\": [{\"kind\": \"project\", \"name\": \"甲\", \"stamp\": {}, \"goals\": [\n"
    "   {\"indicators\": [{\"name\": \"乙\", \"weight\": \"5\", \"colour\": \"red\"}]}]}]}\n";
  g_autoptr(ZpWorkbook) workbook = load_data (data, strlen (data));
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);

  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 1);
  g_assert_cmpstr (zp_indicator_get_name (zp_goal_get_indicator (zp_form_get_goal (form, 0), 0)), ==, "乙");
  /* Absent scheme options take their defaults. */
  g_assert_cmpuint (zp_scheme_get_decimals (scheme), ==, 2);
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_RATIO);
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "hubei");
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 1);
}

/* ---- Bad files ---------------------------------------------------------------------- */

/* A small valid document; the cases below change one thing in it. Line numbers matter. */
static const char head[] =
  "{\n"                                       /* 1 */
  "  \"format\": \"ziping\",\n"               /* 2 */
  "  \"version\": 1,\n"                       /* 3 */
  "  \"year\": 2024,\n"                       /* 4 */
  "  \"scheme\": {\n"                         /* 5 */
  "    \"id\": \"hubei\",\n"                  /* 6 */
  "    \"layout\": \"hubei\",\n"              /* 7 */
  "    \"execution-weight\": \"20\",\n"       /* 8 */
  "    \"categories\": [\n"                   /* 9 */
  "      {\n"                                 /* 10 */
  "        \"name\": \"产出指标\",\n"         /* 11 */
  "        \"weight\": \"40\"\n"              /* 12 */
  "      }\n"                                 /* 13 */
  "    ],\n"                                  /* 14 */
  "    \"bands\": {\n"                        /* 15 */
  "      \"achieved\": \"0.8\",\n"            /* 16 */
  "      \"partial\": \"0.5\",\n"             /* 17 */
  "      \"missed\": \"0\"\n"                 /* 18 */
  "    }\n"                                   /* 19 */
  "  },\n";                                   /* 20 */

static const char forms[] =
  "  \"forms\": [\n"                          /* 21 */
  "    {\n"                                   /* 22 */
  "      \"kind\": \"project\",\n"            /* 23 */
  "      \"name\": \"测试\",\n"               /* 24 */
  "      \"goals\": [\n"                      /* 25 */
  "        {\n"                               /* 26 */
  "          \"indicators\": [\n"             /* 27 */
  "            {\n"                           /* 28 */
  "              \"name\": \"数据汇集条数\",\n" /* 29 */
  "              \"weight\": \"5\",\n"        /* 30 */
  "              \"direction\": \"auto\"\n"   /* 31 */
  "            }\n"                           /* 32 */
  "          ]\n"                             /* 33 */
  "        }\n"                               /* 34 */
  "      ]\n"                                 /* 35 */
  "    }\n"                                   /* 36 */
  "  ]\n"                                     /* 37 */
  "}\n";                                      /* 38 */

static char *
valid_document (void)
{
  return g_strconcat (head, forms, NULL);
}

/* The valid document with the first `from` replaced by `to`. */
static char *
variant (const char *from,
         const char *to)
{
  g_autofree char *document = valid_document ();
  const char *at = strstr (document, from);
  g_autofree char *before = NULL;

  g_assert_nonnull (at);
  before = g_strndup (document, at - document);
  return g_strconcat (before, to, at + strlen (from), NULL);
}

static void
assert_load_fails (const char *data,
                   gsize       length,
                   ZpIoError   code,
                   const char *prefix,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, length, "bad.ziping", &error);

  g_assert_null (workbook);
  g_assert_error (error, ZP_IO_ERROR, (int) code);
  g_test_message ("message: %s", error->message);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, words) == NULL)
    g_error ("expected “%s…%s”, got “%s”", prefix, words, error->message);
}

static void
assert_variant_fails (const char *from,
                      const char *to,
                      ZpIoError   code,
                      const char *prefix,
                      const char *words)
{
  g_autofree char *data = variant (from, to);

  assert_load_fails (data, strlen (data), code, prefix, words);
}

/* ---- The two readers ---------------------------------------------------------------- */

/* Files as Ziping writes them are read by a fast reader; anything else (here a comment
 * after the first brace, which json-glib takes) by the loader on json-glib's tree. Both
 * must build the same workbook. */
static void
assert_readers_agree (const char *data)
{
  const char *brace = strchr (data, '{');
  g_autofree char *before = g_strndup (data, brace + 1 - data);
  g_autofree char *commented = g_strconcat (before, " /* slow path */ ", brace + 1, NULL);
  g_autoptr(ZpWorkbook) fast = load_data (data, strlen (data));
  g_autoptr(ZpWorkbook) careful = load_data (commented, strlen (commented));
  g_autofree char *fast_dump = dump_workbook (fast);
  g_autofree char *careful_dump = dump_workbook (careful);

  g_assert_cmpstr (fast_dump, ==, careful_dump);
}

static void
test_readers_agree (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autofree char *every_member = zp_workbook_to_data (workbook, NULL);
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  static const char nulls_and_escapes[] =
    "{\"format\": \"ziping\", \"version\": 1, \"year\": 2024, \"unit\": null,\n"
    " \"scheme\": {\"id\": \"hubei\", \"layout\": \"hubei\", \"execution-weight\": \"20\",\n"
    "  \"categories\": [{\"name\": \"产出指标\", \"weight\": \"40\"}],\n"
    "  \"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}},\n"
    " \"forms\": [\n"
    "  {\"kind\": \"department\", \"unit\": \"\\u6c5f\\u5cb8\", \"goals\": [\n"
    "    {\"text\": \"a\\/b\\\\c\\\"d\\be\\ff\\ng\\rh\\ti\", \"weight\": null, \"indicators\": null},\n"
    "    {\"text\": \"二\", \"weight\": \"20\", \"indicators\": [\n"
    "      {\"name\": \"乙\", \"target\": \"≥90%\", \"actual\": \"95%\", \"weight\": \"5\",\n"
    "       \"direction\": null, \"grade\": \"partial\", \"manual-score\": \"3\", \"extra\": [true, false, -1.5, 0, {}, []]}]}]},\n"
    "  {\"kind\": \"project\", \"name\": \"甲\", \"project-type\": \"one-off\", \"project-category\": null,\n"
    "   \"funds\": {\"current\": {\"budget\": \"10\", \"spent\": null}, \"carryover\": null, \"more\": 1},\n"
    "   \"explanations\": {\"a\": \"说明\", \"b\": \"\", \"c\": null},\n"
    "   \"goals\": []},\n"
    "  {\"kind\": \"project\", \"goals\": null, \"budget\": \"5\", \"spent\": \"4\"}\n"
    " ], \"later\": {\"forms\": 1}}\n";

  g_assert_true (g_file_get_contents (path, &example, NULL, &error));
  g_assert_no_error (error);

  assert_readers_agree (every_member);
  assert_readers_agree (example);
  assert_readers_agree (nulls_and_escapes);
}

/* The example changed at random, a byte at a time: whatever the fast reader takes, the
 * loader takes the same way (a comment in front sends a copy to the loader); whatever it
 * refuses, the loader refuses too. */
static void
test_readers_agree_on_damage (void)
{
  static const char bytes[] = "{}[],:\"\\ n0-.9eE/*tfu";
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241126);
  gsize length = 0;
  guint loaded = 0;

  g_assert_true (g_file_get_contents (path, &example, &length, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GString) damaged = g_string_new_len (example, length);
      g_autofree char *commented = NULL;
      g_autoptr(GError) fast_error = NULL;
      g_autoptr(GError) careful_error = NULL;
      g_autoptr(ZpWorkbook) fast = NULL;
      g_autoptr(ZpWorkbook) careful = NULL;
      gsize at = g_rand_int_range (rand, 0, length);
      char byte = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_erase (damaged, at, 1);
          break;
        case 1:
          g_string_insert_c (damaged, at, byte);
          break;
        default:
          damaged->str[at] = byte;
          break;
        }

      commented = g_strconcat ("/* loader */", damaged->str, NULL);
      fast = zp_workbook_load_from_data (damaged->str, damaged->len, "damaged.ziping", &fast_error);
      careful = zp_workbook_load_from_data (commented, strlen (commented), "damaged.ziping", &careful_error);

      if (careful == NULL)
        {
          g_assert_null (fast);
          g_assert_nonnull (fast_error);
          g_assert_true (fast_error->domain == careful_error->domain);
          g_assert_cmpint (fast_error->code, ==, careful_error->code);
        }
      else
        {
          g_autofree char *fast_dump = NULL;
          g_autofree char *careful_dump = dump_workbook (careful);

          if (fast == NULL)
            g_error ("only the loader read damage %u: %s", i, fast_error->message);
          fast_dump = dump_workbook (fast);
          g_assert_cmpstr (fast_dump, ==, careful_dump);
          loaded++;
        }
    }

  /* Damage inside texts leaves a valid file: both kinds were tried. */
  g_assert_cmpuint (loaded, >, 20);
  g_assert_cmpuint (loaded, <, 380);
}

/* The fast reader validates UTF-8 only in strings, as it reads them: text that is not
 * UTF-8 anywhere (in a form's text, a member name, between members) is still refused
 * with its line and column, as the loader refuses it. */
static void
test_fast_reader_refuses_bad_utf8 (void)
{
  static const struct { const char *from; const char *to; } cases[] = {
    { "\"name\": \"测试\"", "\"name\": \"测\xC0\xAF试\"" },          /* overlong "/" */
    { "\"name\": \"测试\"", "\"name\": \"测\xED\xA0\x80试\"" },      /* a surrogate */
    { "\"name\": \"测试\"", "\"name\": \"测\xE8\xAF\"" },            /* cut short */
    { "\"name\": \"测试\"", "\"name\": \"\x80测试\"" },              /* lone continuation */
    { "\"name\": \"测试\"", "\"name\": \"测\xF4\x90\x80\x80试\"" },  /* above U+10FFFF */
    { "\"name\": \"测试\"", "\"name\": \"测\xFF试\"" },
    { "\"name\": \"测试\"", "\"na\xE9me\": \"测试\"" },              /* in a member name */
    { "\"name\": \"测试\"", "\"name\":\xA0\"测试\"" },               /* between tokens */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = variant (cases[i].from, cases[i].to);
      const char *at = strstr (data, cases[i].to);
      const char *line_start = data;
      guint line = 1;
      g_autofree char *prefix = NULL;

      g_assert_nonnull (at);
      /* The first byte that is not UTF-8. */
      g_assert_false (g_utf8_validate (data, -1, &at));
      for (const char *p = data; p < at; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      prefix = g_strdup_printf ("bad.ziping:%u:%ld: ", line, g_utf8_strlen (line_start, at - line_start) + 1);
      assert_load_fails (data, strlen (data), ZP_IO_ERROR_SYNTAX, prefix, "UTF-8");
    }
}

/* What the fast reader does not take is left to the loader, which reads it all the same
 * or says what is wrong, exactly as before. */
static void
test_fast_reader_gives_up (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  g_autoptr(ZpWorkbook) reference = load_data (data, strlen (data));
  g_autofree char *expected = dump_workbook (reference);
  const char *forms_at = strstr (data, "  \"forms\"");
  const char *scheme_at = strstr (data, "  \"scheme\"");
  g_autofree char *start = g_strndup (data, scheme_at - data);
  g_autofree char *scheme = g_strndup (scheme_at, forms_at - scheme_at);
  g_autofree char *forms_part = g_strndup (forms_at, strrchr (data, ']') + 1 - forms_at);
  g_autofree char *scheme_last = g_strndup (scheme, strrchr (scheme, ',') - scheme);
  /* The forms before the scheme: valid, but not as Ziping writes it. */
  g_autofree char *reordered = g_strdup_printf ("%s%s,\n%s\n}\n", start, forms_part, scheme_last);
  g_autoptr(ZpWorkbook) loaded = load_data (reordered, strlen (reordered));
  g_autofree char *dump = dump_workbook (loaded);
  g_autofree char *kind_later = NULL;
  g_autofree char *surrogates = NULL;

  g_assert_cmpstr (dump, ==, expected);

  /* "kind" after another member, and a character written as a surrogate pair. */
  kind_later = variant ("      \"kind\": \"project\",\n      \"name\": \"测试\",\n",
                        "      \"name\": \"测试\",\n      \"kind\": \"project\",\n");
  g_clear_object (&loaded);
  loaded = load_data (kind_later, strlen (kind_later));
  g_assert_cmpstr (zp_project_form_get_name (ZP_PROJECT_FORM (zp_workbook_get_form (loaded, 0))), ==, "测试");

  surrogates = variant ("\"测试\"", "\"\\ud83d\\ude00\"");
  g_clear_object (&loaded);
  loaded = load_data (surrogates, strlen (surrogates));
  g_assert_cmpstr (zp_project_form_get_name (ZP_PROJECT_FORM (zp_workbook_get_form (loaded, 0))), ==, "😀");

  /* Errors the fast reader meets are the loader's to explain. */
  assert_variant_fails ("\"weight\": \"5\"", "\"weight\": 5", ZP_IO_ERROR_TYPE,
                        "bad.ziping:30:", "in quotes");
  assert_variant_fails ("\"direction\": \"auto\"", "\"direction\": \"sideways\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:31:", "sideways");
}

static void
test_valid_document (void)
{
  g_autofree char *data = valid_document ();
  g_autoptr(ZpWorkbook) workbook = load_data (data, strlen (data));

  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 1);
}

static void
test_bad_syntax (void)
{
  g_autofree char *data = valid_document ();
  g_autofree char *truncated = g_strndup (data, strstr (data, "      \"goals\"") - data);
  char deep[101];

  /* Cut after line 24: the form object is not closed. */
  assert_load_fails (truncated, strlen (truncated), ZP_IO_ERROR_SYNTAX,
                     "bad.ziping:25:1: ", "the end of the file");
  /* Columns count characters: “测试” is two, not six bytes. */
  assert_variant_fails ("\"测试\",", "\"测试\" 1,", ZP_IO_ERROR_SYNTAX,
                        "bad.ziping:24:20: ", "expected “,” or “}” after a member, not “1”");
  assert_variant_fails ("\"weight\": \"5\",", "\"weight\": \"5\",,", ZP_IO_ERROR_SYNTAX,
                        "bad.ziping:30:29: ", "member name");
  assert_variant_fails ("\"auto\"", "auto", ZP_IO_ERROR_SYNTAX,
                        "bad.ziping:31:28: ", "“auto” is not a value");
  assert_load_fails ("{\n  \"format\": \"zip", 18, ZP_IO_ERROR_SYNTAX, "bad.ziping:2:13: ", "not closed");
  assert_load_fails ("{\"a\": 1} x", 10, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:10: ", "after the end");

  assert_load_fails ("", 0, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:1: ", "empty");
  assert_load_fails (" \n\n ", 4, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:1: ", "empty");
  assert_load_fails ("/* nothing */\n", 14, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:1: ", "empty");
  assert_load_fails ("{\n\0}", 4, ZP_IO_ERROR_SYNTAX, "bad.ziping:2:1: ", "NUL byte");
  assert_load_fails ("{\"format\": \"\xff\"}", 15, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:13: ", "UTF-8");

  memset (deep, '[', 100);
  deep[100] = '\0';
  assert_load_fails (deep, 100, ZP_IO_ERROR_FORMAT, "bad.ziping:1:65: ", "nested");
}

static void
test_bad_format (void)
{
  assert_load_fails ("[]", 2, ZP_IO_ERROR_FORMAT, "bad.ziping:1:1: ", "expected an object with “format”: “ziping”, not an array");
  assert_load_fails ("\n  \"text\"", 9, ZP_IO_ERROR_FORMAT, "bad.ziping:2:3: ", "not a string");
  assert_load_fails ("{\"name\": \"x\"}", 13, ZP_IO_ERROR_FORMAT, "bad.ziping:1:1: ", "expected “format”: “ziping”");
  assert_variant_fails ("\"ziping\"", "\"excel\"", ZP_IO_ERROR_FORMAT,
                        "bad.ziping:2:3: ", "expected “format”: “ziping”");
  assert_variant_fails ("\"version\": 1", "\"version\": 3", ZP_IO_ERROR_VERSION,
                        "bad.ziping:3:3: ", "written by a newer Ziping (version 3); this version reads versions up to 2");
  assert_variant_fails ("\"version\": 1", "\"version\": 0", ZP_IO_ERROR_VALUE,
                        "bad.ziping:3:3: ", "“version” must be 1 or more, not 0");
}

/* json-glib takes a few forms strict JSON has not, not always the way one would guess:
 * they are refused with their position before json-glib reads them. */
static void
test_lenient_positions (void)
{
  g_autofree char *data = variant ("\"year\": 2024,", "\"year\": 2024, \"x\": [.5, 0x10, 1.], \"y\": \"\\x41\",");

  assert_load_fails (data, strlen (data), ZP_IO_ERROR_SYNTAX,
                     "bad.ziping:4:23: ", "“.5” is not a value");
}

static void
test_bad_types (void)
{
  assert_variant_fails ("\"数据汇集条数\"", "5", ZP_IO_ERROR_TYPE,
                        "bad.ziping:29:15: ", "“name” must be a string, not a number");
  assert_variant_fails ("\"weight\": \"5\"", "\"weight\": {}", ZP_IO_ERROR_TYPE,
                        "bad.ziping:30:15: ", "“weight” must be a string holding a number, not an object");
  assert_variant_fails ("\"weight\": \"5\"", "\"weight\": 5", ZP_IO_ERROR_TYPE,
                        "bad.ziping:30:15: ", "not a bare number");
  assert_variant_fails ("\"forms\": [", "\"forms\": {}, \"x\": [", ZP_IO_ERROR_TYPE,
                        "bad.ziping:21:3: ", "“forms” must be an array, not an object");
  assert_variant_fails ("\"indicators\": [\n            {", "\"indicators\": [\n            true, {", ZP_IO_ERROR_TYPE,
                        "bad.ziping:28:13: ", "each indicator must be an object, not true");
  assert_variant_fails ("\"year\": 2024", "\"year\": \"2024\"", ZP_IO_ERROR_TYPE,
                        "bad.ziping:4:3: ", "“year” must be a whole number, not a string");
  assert_variant_fails ("\"year\": 2024", "\"year\": 2024.5", ZP_IO_ERROR_TYPE,
                        "bad.ziping:4:3: ", "“year” must be a whole number, not a fractional number");
  assert_variant_fails ("\"categories\": [", "\"categories\": \"产出\", \"x\": [", ZP_IO_ERROR_TYPE,
                        "bad.ziping:9:5: ", "“categories” must be an array, not a string");
}

static void
test_missing_members (void)
{
  g_autofree char *no_forms = g_strconcat (head, "  \"unit\": \"甲\"\n}\n", NULL);

  assert_load_fails (no_forms, strlen (no_forms), ZP_IO_ERROR_MISSING,
                     "bad.ziping:1:1: ", "expected a member “forms”");
  assert_variant_fails ("\"kind\": \"project\",", "", ZP_IO_ERROR_MISSING,
                        "bad.ziping:22:5: ", "expected a member “kind”");
  assert_variant_fails ("\"version\": 1,", "", ZP_IO_ERROR_MISSING,
                        "bad.ziping:1:1: ", "“version”");
  assert_variant_fails ("\"missed\": \"0\"", "\"miss\": \"0\"", ZP_IO_ERROR_MISSING,
                        "bad.ziping:15:14: ", "expected a member “missed”");
  assert_variant_fails ("\"execution-weight\": \"20\",", "", ZP_IO_ERROR_MISSING,
                        "bad.ziping:5:13: ", "“execution-weight”");
}

static void
test_bad_values (void)
{
  assert_variant_fails ("\"direction\": \"auto\"", "\"direction\": \"sideways\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:31:15: ", "“direction” must be one of “auto”, “positive”, “reverse”, “equal”, “qualitative”, not “sideways”");
  assert_variant_fails ("\"kind\": \"project\"", "\"kind\": \"Project\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:23:7: ", "not “Project”");
  assert_variant_fails ("\"name\": \"测试\",", "\"name\": \"测试\", \"project-type\": \"yearly\",", ZP_IO_ERROR_VALUE,
                        "bad.ziping:24:21: ", "“project-type” must be one of “recurrent”, “extended”, “one-off”");
  assert_variant_fails ("\"execution-weight\": \"20\"", "\"execution-weight\": \"二十\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:8:5: ", "“execution-weight” must hold a number");
  assert_variant_fails ("\"achieved\": \"0.8\"", "\"achieved\": \"1.5\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:16:7: ", "between 0 and 1");
  assert_variant_fails ("\"layout\": \"hubei\"", "\"layout\": \"fujian\"", ZP_IO_ERROR_VALUE,
                        "bad.ziping:7:5: ", "“layout” must be one of “hubei”, “central”");
  /* The department form comes first. */
  assert_variant_fails ("\"forms\": [\n", "\"forms\": [\n    {\"kind\": \"project\"},\n    {\"kind\": \"department\"},\n",
                        ZP_IO_ERROR_VALUE, "bad.ziping:23:6: ", "department form must come first");
}

/* The example cut anywhere is refused with a position, never loaded in part. */
static void
test_truncated_anywhere (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GRegex) positioned = g_regex_new ("^cut\\.ziping:[0-9]+:[0-9]+: ", 0, 0, NULL);
  g_autofree char *data = NULL;
  gsize length = 0, cut;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (cut = 0; cut + 1 < length; cut += 11)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, cut, "cut.ziping", &error);

      g_assert_null (workbook);
      g_assert_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX);
      if (!g_regex_match (positioned, error->message, 0, NULL))
        g_error ("cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
    }
}

/* ---- Files ------------------------------------------------------------------------- */

static void
test_load_missing_file (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *path = g_build_filename (dir, "nowhere.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);

  g_assert_null (workbook);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.ziping"));
  fixture_remove_tree (dir);
}

static void
test_load_too_large (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *path = g_build_filename (dir, "huge.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autofree char *size = g_format_size_full (ZP_FILE_MAX_SIZE + 1, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);

  /* A sparse file: one byte more than allowed, nothing written. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), ZP_FILE_MAX_SIZE + 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);

  workbook = zp_workbook_load (file, &error);
  g_assert_null (workbook);
  g_assert_error (error, ZP_IO_ERROR, ZP_IO_ERROR_TOO_LARGE);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, "huge.ziping"));
  g_assert_nonnull (strstr (error->message, size));
  fixture_remove_tree (dir);
}

static void
test_load_folder (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);

  g_assert_null (workbook);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  fixture_remove_tree (dir);
}

static void
test_load_file_names_it (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *path = g_build_filename (dir, "broken.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;

  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"ziping\",\n  \"version\": 9\n}\n", -1, &error));
  workbook = zp_workbook_load (file, &error);
  g_assert_null (workbook);
  g_assert_error (error, ZP_IO_ERROR, ZP_IO_ERROR_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "broken.ziping:3:3: "));
  fixture_remove_tree (dir);
}

static void
test_save (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *path = g_build_filename (dir, "saved.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = zp_workbook_to_data (workbook, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = dump_workbook (workbook);
  g_autofree char *after = NULL;
  GStatBuf st;

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_cmpstr (first, ==, expected);

  /* Saving again over it keeps the bytes and the permissions, and leaves no temporary. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);

  loaded = zp_workbook_load (file, &error);
  g_assert_no_error (error);
  after = dump_workbook (loaded);
  g_assert_cmpstr (after, ==, before);
  fixture_remove_tree (dir);
}

static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old contents\n", -1, &error));
  g_assert_no_error (error);
}

static void
assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents\n");
}

/* Saving through a symbolic link replaces the file it points to and keeps the link. */
static void
test_save_through_link (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *real = g_build_filename (dir, "real.ziping", NULL);
  g_autofree char *link = g_build_filename (dir, "link.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = zp_workbook_to_data (workbook, NULL);
  g_autofree char *contents = NULL;

  write_old_file (real);
  g_assert_cmpint (symlink ("real.ziping", link), ==, 0);

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 2);
  fixture_remove_tree (dir);
}

static void
test_save_to_missing_folder (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *missing = g_build_filename (dir, "not-there", NULL);
  g_autofree char *path = g_build_filename (missing, "saved.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(GError) error = NULL;

  g_assert_false (zp_workbook_save (workbook, file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture_count_entries (dir), ==, 0);
  fixture_remove_tree (dir);
}

/* Saves workbook over an old file at dir/old.ziping with the file size limited to limit
 * bytes (a write that fails half-way; the limit holds even for root): the save fails,
 * saying the old file is unchanged, and the old file is as it was, with no temporary file
 * beside it. Removes dir. */
static void
assert_save_fails_at_limit (ZpWorkbook *workbook,
                            char       *dir,
                            rlim_t      limit)
{
  g_autofree char *path = g_build_filename (dir, "old.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);

  write_old_file (path);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = limit;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

  g_assert_false (zp_workbook_save (workbook, file, &error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "old.ziping was not saved (the file on disk is unchanged): "));
  assert_old_file (path);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);
  fixture_remove_tree (dir);
}

/* A write that fails half-way (here: the file size limit, which holds even for root)
 * leaves the old file as it was and no temporary file behind. */
static void
test_save_fails_midway (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autoptr(ZpWorkbook) workbook = make_workbook ();

  assert_save_fails_at_limit (workbook, dir, 512);
}

/* A workbook of many forms, its document several of the writer's 64 KiB chunks long. */
static ZpWorkbook *
make_large_workbook (gsize *length)
{
  ZpWorkbook *workbook = make_workbook ();
  g_autofree char *data = NULL;

  do
    {
      for (guint i = 0; i < 20; i++)
        {
          g_autoptr(ZpProjectForm) form = make_project_form ();

          zp_workbook_insert_project (workbook, G_MAXUINT, form);
        }
      g_free (data);
      data = zp_workbook_to_data (workbook, length);
    }
  while (*length < 5 * 64 * 1024);
  return workbook;
}

static char *
join_chunks (ZpWorkbook *workbook,
             gsize      *length)
{
  g_autoptr(GPtrArray) chunks = zp_workbook_to_chunks (workbook);

  return zp_chunks_join (chunks, length);
}

/* One random edit of what a form saves, through the public setters (some inside a freeze,
 * where ::changed waits for the thaw). */
static void
edit_randomly (ZpWorkbook *workbook,
               GRand      *rand,
               guint       round)
{
  guint n = zp_workbook_get_n_forms (workbook);
  ZpForm *form = zp_workbook_get_form (workbook, g_rand_int_range (rand, 0, n));
  ZpGoal *goal = zp_form_get_goal (form, 0);
  g_autofree char *text = g_strdup_printf ("改动 %u \"x\"", round);
  gboolean frozen = g_rand_boolean (rand);

  if (frozen)
    zp_form_freeze (form);
  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      zp_form_set_analysis (form, text);
      break;
    case 1:
      zp_goal_set_text (goal, text);
      break;
    case 2:
      if (zp_goal_get_n_indicators (goal) > 0)
        zp_indicator_set_actual (zp_goal_get_indicator (goal, 0), text);
      break;
    case 3:
      {
        g_autoptr(ZpIndicator) indicator = make_indicator ("产出指标", text,
                                                           "≥1个", "1个", "10");

        zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
      }
      break;
    case 4:
      if (zp_goal_get_n_indicators (goal) > 1)
        zp_goal_remove_indicator (goal, 0);
      break;
    case 5:
      zp_form_set_explanation (form, "some-finding", text);
      break;
    case 6:
      if (zp_goal_get_n_indicators (goal) > 0)
        zp_indicator_set_not_applicable (zp_goal_get_indicator (goal, 0), round % 2 == 0);
      break;
    default:
      {
        g_autoptr(ZpProjectForm) added = make_project_form ();

        zp_project_form_set_name (added, text);
        zp_workbook_insert_project (workbook, G_MAXUINT, added);
      }
      break;
    }
  /* Saving in the middle of a freeze gives the edit too. */
  if (frozen && g_rand_boolean (rand))
    {
      g_autofree char *fresh = zp_workbook_to_data (workbook, NULL);
      g_autofree char *cached = join_chunks (workbook, NULL);

      g_assert_true (g_str_equal (cached, fresh));
    }
  if (frozen)
    zp_form_thaw (form);
}

/* Pieces kept from earlier saves give, after any edits, the bytes of a fresh save. */
static void
test_cached_chunks (void)
{
  g_autoptr(ZpWorkbook) workbook = make_large_workbook (&(gsize){ 0 });
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint n_forms = zp_workbook_get_n_forms (workbook);

  /* Kept in slices, as the document does after loading. */
  g_assert_cmpuint (n_forms, >, 5);
  g_assert_cmpuint (zp_workbook_keep_form_texts (workbook, 0, 5), ==, 5);
  g_assert_cmpuint (zp_workbook_keep_form_texts (workbook, 5, n_forms), ==, n_forms);
  g_assert_cmpuint (zp_workbook_keep_form_texts (workbook, n_forms, 5), ==, n_forms);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *fresh = NULL;
      g_autofree char *cached = NULL;
      gsize fresh_length = 0, cached_length = 0;

      edit_randomly (workbook, rand, round);
      fresh = zp_workbook_to_data (workbook, &fresh_length);
      cached = join_chunks (workbook, &cached_length);
      g_assert_cmpuint (cached_length, ==, fresh_length);
      g_assert_true (memcmp (cached, fresh, fresh_length) == 0);
    }
}

/* Saving streams the document to the file a chunk at a time: the file holds exactly
 * zp_workbook_to_data()'s bytes. */
static void
test_save_large (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *path = g_build_filename (dir, "large.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length = 0, saved_length = 0;
  g_autoptr(ZpWorkbook) workbook = make_large_workbook (&length);
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  g_autofree char *saved = NULL;

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, &saved_length, &error));
  g_assert_cmpuint (saved_length, ==, length);
  g_assert_true (memcmp (saved, data, length) == 0);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);
  fixture_remove_tree (dir);
}

/* A write that fails after some chunks were written leaves the old file as it was. */
static void
test_save_large_fails_midway (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  gsize length = 0;
  g_autoptr(ZpWorkbook) workbook = make_large_workbook (&length);

  /* three of the writer's 64 KiB chunks and a little more */
  assert_save_fails_at_limit (workbook, dir, 3 * 64 * 1024 + 100);
}

/* Renaming over a folder fails at the very end: nothing changes. */
static void
test_save_over_folder (void)
{
  g_autofree char *dir = fixture_make_dir ("io");
  g_autofree char *target = g_build_filename (dir, "folder.ziping", NULL);
  g_autofree char *inside = g_build_filename (target, "old.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  write_old_file (inside);

  g_assert_false (zp_workbook_save (workbook, file, &error));
  g_assert_nonnull (error);
  assert_old_file (inside);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);
  g_assert_cmpuint (fixture_count_entries (target), ==, 1);
  fixture_remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write into read-only folders");
      return;
    }

  dir = fixture_make_dir ("io");
  path = g_build_filename (dir, "old.ziping", NULL);
  file = g_file_new_for_path (path);
  workbook = make_workbook ();
  write_old_file (path);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (zp_workbook_save (workbook, file, &error));
  g_assert_nonnull (error);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_old_file (path);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);
  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip", test_round_trip);
  g_test_add_func ("/io/decimals-as-typed", test_decimals_as_typed);
  g_test_add_func ("/io/escapes", test_escapes);
  g_test_add_func ("/io/layout", test_layout);
  g_test_add_func ("/io/example-is-canonical", test_example_is_canonical);
  g_test_add_func ("/io/documented-example", test_documented_example);
  g_test_add_func ("/io/unknown-members", test_unknown_members);
  g_test_add_func ("/io/readers-agree", test_readers_agree);
  g_test_add_func ("/io/fast-reader-gives-up", test_fast_reader_gives_up);
  g_test_add_func ("/io/fast-reader-refuses-bad-utf8", test_fast_reader_refuses_bad_utf8);
  g_test_add_func ("/io/readers-agree-on-damage", test_readers_agree_on_damage);
  g_test_add_func ("/io/bad/valid-base", test_valid_document);
  g_test_add_func ("/io/bad/syntax", test_bad_syntax);
  g_test_add_func ("/io/bad/format", test_bad_format);
  g_test_add_func ("/io/bad/types", test_bad_types);
  g_test_add_func ("/io/bad/missing", test_missing_members);
  g_test_add_func ("/io/bad/lenient-positions", test_lenient_positions);
  g_test_add_func ("/io/bad/values", test_bad_values);
  g_test_add_func ("/io/bad/truncated-anywhere", test_truncated_anywhere);
  g_test_add_func ("/io/file/missing", test_load_missing_file);
  g_test_add_func ("/io/file/too-large", test_load_too_large);
  g_test_add_func ("/io/file/names-it", test_load_file_names_it);
  g_test_add_func ("/io/file/folder", test_load_folder);
  g_test_add_func ("/io/save/ok", test_save);
  g_test_add_func ("/io/save/through-link", test_save_through_link);
  g_test_add_func ("/io/save/missing-folder", test_save_to_missing_folder);
  g_test_add_func ("/io/save/fails-midway", test_save_fails_midway);
  g_test_add_func ("/io/save/large", test_save_large);
  g_test_add_func ("/io/save/cached-chunks", test_cached_chunks);
  g_test_add_func ("/io/save/large-fails-midway", test_save_large_fails_midway);
  g_test_add_func ("/io/save/over-folder", test_save_over_folder);
  g_test_add_func ("/io/save/read-only-folder", test_save_read_only_folder);

  return g_test_run ();
}
