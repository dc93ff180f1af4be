/* test-cli.c — runs the built ziping-cli and checks what it prints and returns.
 *
 * The binary's path is the first argument after the GTest options (tests/cli/meson.build).
 * Small workbooks are made with the core and saved to a temporary folder; the bundled
 * example comes from $ZIPING_EXAMPLES.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"

static const char *cli_path;
static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* Runs ziping-cli with the NULL-terminated arguments. */
static CliRun *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  return run;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static char *
example_path (void)
{
  const char *dir = g_getenv ("ZIPING_EXAMPLES");
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "jiangan-2024.ziping", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static ZpIndicator *
make_indicator (const char *category,
                const char *subcategory,
                const char *name,
                const char *target,
                const char *actual,
                const char *weight)
{
  ZpIndicator *indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_subcategory (indicator, subcategory);
  zp_indicator_set_name (indicator, name);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);

  return indicator;
}

/* One project form, hubei scheme: execution 100 / 103.5 → 103.50%, 20.00;
 * 产出 "≥500人" 420 of 40 → 33.60 (no deviation note: an error); 效益 30; 满意度 10.
 * Total 93.60. */
static char *
write_small_workbook (const char *file_name,
                      const char *unit)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ZpIndicator *indicators[] = {
    make_indicator ("产出指标", "数量指标", "培训人数", "≥500人", "420人", "40"),
    make_indicator ("效益指标", "社会效益指标", "保障培训顺利开展", "有效保障", "有效保障", "30"),
    make_indicator ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "10"),
  };

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, unit);
  zp_project_form_set_name (project, "职工技能培训");
  zp_project_form_set_department (project, "区人社局");
  zp_project_form_set_implementer (project, unit);
  zp_form_set_budget (ZP_FORM (project), "100");
  zp_form_set_spent (ZP_FORM (project), "103.5");
  zp_goal_set_text (goal, "完成全年职工技能培训");
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      zp_goal_insert_indicator (goal, G_MAXUINT, indicators[i]);
      g_object_unref (indicators[i]);
    }
  zp_workbook_insert_project (workbook, G_MAXUINT, project);

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static JsonObject *
find_form (JsonNode   *root,
           const char *title)
{
  JsonArray *forms = json_object_get_array_member (json_node_get_object (root), "forms");

  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      JsonObject *form = json_array_get_object_element (forms, i);

      if (g_strcmp0 (json_object_get_string_member (form, "title"), title) == 0)
        return form;
    }
  g_assert_not_reached ();
}

static const char *
block_score (JsonObject *form,
             const char *name)
{
  JsonArray *blocks = json_object_get_array_member (form, "blocks");

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (g_str_has_prefix (json_object_get_string_member (block, "name"), name))
        return json_object_get_string_member (block, "score");
    }
  g_assert_not_reached ();
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;

  return FALSE;
}

/* ---- main, help, bad arguments ---- */

static void
test_version_and_help (void)
{
  g_autoptr(CliRun) version = run_cli ("--version", NULL);
  g_autoptr(CliRun) help = run_cli ("--help", NULL);
  const char *commands[] = { "score", "check", "indicator", "execution", "new", "summary" };

  g_assert_cmpint (version->status, ==, 0);
  g_assert_cmpstr (version->out, ==, "ziping-cli 0.1.0\n");
  g_assert_cmpint (help->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (help->out, line));
    }
}

static void
assert_usage_error (CliRun     *run,
                    const char *message)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "Usage:"));
  if (message != NULL)
    g_assert_nonnull (strstr (run->err, message));
}

static void
test_bad_arguments (void)
{
  g_autoptr(CliRun) none = run_cli (NULL);
  g_autoptr(CliRun) unknown = run_cli ("frobnicate", NULL);
  g_autoptr(CliRun) no_file = run_cli ("score", NULL);
  g_autoptr(CliRun) two_files = run_cli ("check", "a.ziping", "b.ziping", NULL);
  g_autoptr(CliRun) bad_option = run_cli ("score", "--jsn", "x.ziping", NULL);
  g_autoptr(CliRun) bad_weight = run_cli ("indicator", "--target", "≥500人", "--actual", "420",
                                          "--weight", "ten", NULL);
  g_autoptr(CliRun) no_target = run_cli ("indicator", "--actual", "420", "--weight", "10", NULL);
  g_autoptr(CliRun) bad_direction = run_cli ("indicator", "--target", "≥500人", "--actual", "420",
                                             "--weight", "10", "--direction", "sideways", NULL);
  g_autoptr(CliRun) bad_grade = run_cli ("indicator", "--target", "有效保障", "--actual", "有效保障",
                                         "--weight", "10", "--grade", "优秀", NULL);
  g_autoptr(CliRun) bad_scheme = run_cli ("indicator", "--target", "≥500人", "--actual", "420",
                                          "--weight", "10", "--scheme", "shanghai", NULL);
  g_autoptr(CliRun) bad_budget = run_cli ("execution", "--budget", "lots", "--spent", "5",
                                          "--weight", "10", NULL);
  g_autoptr(CliRun) no_year = run_cli ("new", "--from", "a.ziping", "-o", "b.ziping", NULL);
  g_autoptr(CliRun) no_files = run_cli ("summary", "--json", NULL);

  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  assert_usage_error (no_file, "FILE");
  assert_usage_error (two_files, NULL);
  assert_usage_error (bad_option, "--jsn");
  assert_usage_error (bad_weight, "ten");
  assert_usage_error (no_target, "--target");
  assert_usage_error (bad_direction, "sideways");
  assert_usage_error (bad_grade, "优秀");
  assert_usage_error (bad_scheme, "shanghai");
  assert_usage_error (bad_budget, "lots");
  assert_usage_error (no_year, "--year");
  assert_usage_error (no_files, "FILE");
}

static void
test_unreadable_file (void)
{
  g_autofree char *broken = tmp_path ("broken.ziping");
  g_autofree char *missing = tmp_path ("missing.ziping");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) position = g_regex_new ("broken\\.ziping:3:[0-9]+:", 0, 0, NULL);
  const char *commands[] = { "score", "check", "summary" };

  g_file_set_contents (broken, "{\n  \"format\": \"ziping\",\n  \"version\": 1 2\n}\n", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliRun) run = run_cli (commands[i], broken, NULL);
      g_autoptr(CliRun) gone = run_cli (commands[i], missing, NULL);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_regex_match (position, run->err, 0, NULL));
      g_assert_cmpint (gone->status, ==, 2);
      g_assert_nonnull (strstr (gone->err, "missing.ziping"));
    }
}

/* ---- indicator ---- */

static JsonObject *
indicator_json (JsonNode  **root,
                const char *target,
                const char *actual,
                const char *weight)
{
  g_autoptr(CliRun) run = run_cli ("indicator", "--target", target, "--actual", actual,
                                   "--weight", weight, "--json", NULL);

  g_assert_cmpint (run->status, ==, 0);
  *root = parse_json (run->out);
  return json_node_get_object (*root);
}

static void
test_indicator_positive (void)
{
  g_autoptr(JsonNode) below_root = NULL;
  g_autoptr(JsonNode) over_root = NULL;
  JsonObject *below = indicator_json (&below_root, "≥500人", "420", "10");
  JsonObject *over = indicator_json (&over_root, "≥500人", "1700", "10");
  JsonObject *target = json_object_get_object_member (below, "target");

  g_assert_cmpstr (json_object_get_string_member (below, "score"), ==, "8.40");
  g_assert_cmpstr (json_object_get_string_member (below, "direction"), ==, "positive");
  g_assert_cmpstr (json_object_get_string_member (target, "value"), ==, "500");
  g_assert_cmpstr (json_object_get_string_member (target, "unit"), ==, "人");
  g_assert_cmpstr (json_object_get_string_member (target, "comparator"), ==, "≥");
  g_assert_false (json_object_get_boolean_member (target, "percent"));
  g_assert_false (array_has_string (json_object_get_array_member (below, "flags"), "over-achieved"));

  g_assert_cmpstr (json_object_get_string_member (over, "score"), ==, "10.00");
  g_assert_true (array_has_string (json_object_get_array_member (over, "flags"), "over-achieved"));
}

static void
test_indicator_reverse_and_zero (void)
{
  g_autoptr(JsonNode) reverse_root = NULL;
  g_autoptr(JsonNode) zero_root = NULL;
  g_autoptr(JsonNode) zero_met_root = NULL;
  JsonObject *reverse = indicator_json (&reverse_root, "≤90万元", "100", "10");
  JsonObject *zero = indicator_json (&zero_root, "0起", "1", "10");
  JsonObject *zero_met = indicator_json (&zero_met_root, "0起", "0", "10");

  g_assert_cmpstr (json_object_get_string_member (reverse, "score"), ==, "9.00");
  g_assert_cmpstr (json_object_get_string_member (reverse, "direction"), ==, "reverse");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reverse, "target"),
                                                  "comparator"), ==, "≤");
  g_assert_cmpstr (json_object_get_string_member (zero, "score"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (zero_met, "score"), ==, "10.00");
}

static void
test_indicator_direction (void)
{
  g_autoptr(CliRun) cost = run_cli ("indicator", "--target", "900元/人", "--actual", "950元/人",
                                    "--weight", "10", "--subcategory", "成本指标", "--json", NULL);
  g_autoptr(CliRun) forced = run_cli ("indicator", "--target", "500", "--actual", "600",
                                      "--weight", "10", "--direction", "reverse", "--json", NULL);
  g_autoptr(CliRun) central = run_cli ("indicator", "--target", "有效保障", "--actual", "基本保障",
                                       "--weight", "10", "--grade", "部分达成", "--score", "6",
                                       "--scheme", "central", "--json", NULL);
  g_autoptr(JsonNode) cost_root = NULL;
  g_autoptr(JsonNode) forced_root = NULL;
  g_autoptr(JsonNode) central_root = NULL;

  g_assert_cmpint (cost->status, ==, 0);
  g_assert_cmpint (forced->status, ==, 0);
  cost_root = parse_json (cost->out);
  forced_root = parse_json (forced->out);
  /* Under 成本指标 a bare number is a ceiling: 900 / 950 × 10. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cost_root), "direction"), ==, "reverse");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cost_root), "score"), ==, "9.47");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (forced_root), "direction_set"), ==, "reverse");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (forced_root), "score"), ==, "8.33");

  /* The central scheme's 部分达成 band starts at 60%: 6 of 10 is inside it (5.5 is refused,
   * /cli/indicator/band). */
  g_assert_cmpint (central->status, ==, 0);
  central_root = parse_json (central->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (central_root), "scheme"), ==, "central");
}

static void
test_indicator_text (void)
{
  g_autoptr(CliRun) run = run_cli ("indicator", "--target", "≥500人", "--actual", "1700",
                                   "--weight", "10", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "10.00 / 10.00"));
  g_assert_nonnull (strstr (run->out, "positive"));
  g_assert_nonnull (strstr (run->out, "≥ 500 人"));
  g_assert_nonnull (strstr (run->out, "over-achieved"));
}

static void
test_indicator_qualitative (void)
{
  g_autoptr(CliRun) partial = run_cli ("indicator", "--target", "有效保障", "--actual", "基本保障",
                                       "--weight", "5", "--grade", "部分达成", "--score", "3",
                                       "--json", NULL);
  g_autoptr(CliRun) achieved = run_cli ("indicator", "--target", "有效保障", "--actual", "有效保障",
                                        "--weight", "5", "--grade", "达成", "--json", NULL);
  g_autoptr(JsonNode) partial_root = NULL;
  g_autoptr(JsonNode) achieved_root = NULL;

  g_assert_cmpint (partial->status, ==, 0);
  g_assert_cmpint (achieved->status, ==, 0);
  partial_root = parse_json (partial->out);
  achieved_root = parse_json (achieved->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (partial_root), "score"), ==, "3.00");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (partial_root), "direction"), ==, "qualitative");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (achieved_root), "score"), ==, "5.00");
}

/* ---- execution ---- */

static JsonObject *
execution_json (JsonNode  **root,
                int         expected_status,
                const char *budget,
                const char *spent,
                const char *weight)
{
  g_autoptr(CliRun) run = run_cli ("execution", "--budget", budget, "--spent", spent,
                                   "--weight", weight, "--json", NULL);

  g_assert_cmpint (run->status, ==, expected_status);
  *root = parse_json (run->out);
  return json_node_get_object (*root);
}

static void
test_execution (void)
{
  g_autoptr(JsonNode) root1 = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autoptr(JsonNode) root3 = NULL;
  JsonObject *low = execution_json (&root1, 0, "250000", "215457.6", "10");
  JsonObject *half = execution_json (&root2, 0, "20000", "9034", "10");
  JsonObject *over = execution_json (&root3, 0, "100", "103.5", "20");

  g_assert_cmpstr (json_object_get_string_member (low, "execution_rate"), ==, "86.18%");
  g_assert_cmpstr (json_object_get_string_member (low, "score"), ==, "8.62");
  g_assert_true (json_object_get_boolean_member (low, "below_threshold"));
  g_assert_cmpstr (json_object_get_string_member (half, "execution_rate"), ==, "45.17%");
  g_assert_cmpstr (json_object_get_string_member (half, "score"), ==, "4.52");
  g_assert_cmpstr (json_object_get_string_member (over, "execution_rate"), ==, "103.50%");
  g_assert_cmpstr (json_object_get_string_member (over, "score"), ==, "20.00");
  g_assert_false (json_object_get_boolean_member (over, "below_threshold"));
}

static void
test_execution_text (void)
{
  g_autoptr(CliRun) run = run_cli ("execution", "--budget", "250000", "--spent", "215457.6",
                                   "--weight", "10", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "86.18%"));
  g_assert_nonnull (strstr (run->out, "8.62 / 10.00"));
}

static void
test_execution_bad_budget (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *zero = execution_json (&root, 1, "0", "5", "10");
  g_autoptr(CliRun) zero_text = run_cli ("execution", "--budget", "0", "--spent", "5",
                                         "--weight", "10", NULL);
  g_autoptr(CliRun) negative = run_cli ("execution", "--budget=-100", "--spent", "5",
                                        "--weight", "10", NULL);
  g_autoptr(CliRun) negative_spent = run_cli ("execution", "--budget", "100", "--spent=-5",
                                              "--weight", "10", NULL);

  g_assert_true (json_object_get_null_member (zero, "execution_rate"));
  g_assert_true (json_object_get_null_member (zero, "score"));
  g_assert_nonnull (strstr (zero_text->out, "—"));
  g_assert_nonnull (strstr (zero_text->err, "zero"));
  g_assert_cmpint (negative->status, ==, 2);
  g_assert_nonnull (strstr (negative->err, "negative"));
  g_assert_cmpstr (negative->out, ==, "");
  g_assert_cmpint (negative_spent->status, ==, 2);
  g_assert_nonnull (strstr (negative_spent->err, "negative"));
}

/* ---- score ---- */

static void
test_score_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(CliRun) run = run_cli ("score", path, "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *forms;
  JsonObject *department;
  JsonObject *project;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "year"), ==, 2024);
  forms = json_object_get_array_member (json_node_get_object (root), "forms");
  g_assert_cmpuint (json_array_get_length (forms), ==, 4);

  department = json_array_get_object_element (forms, 0);
  g_assert_cmpstr (json_object_get_string_member (department, "kind"), ==, "department");
  g_assert_cmpstr (json_object_get_string_member (department, "total"), ==, "100.00");
  g_assert_cmpstr (json_object_get_string_member (department, "execution_rate"), ==, "100.00%");
  g_assert_cmpstr (json_object_get_string_member (department, "execution_score"), ==, "20.00");
  g_assert_cmpstr (json_object_get_string_member (department, "budget"), ==, "2066.63");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (department, "blocks")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (department, "blocks"), 0),
                     "score"), ==, "20.00");

  project = find_form (root, "科技条件专项");
  g_assert_cmpstr (json_object_get_string_member (project, "kind"), ==, "project");
  g_assert_cmpstr (json_object_get_string_member (project, "budget"), ==, "0.80");
  g_assert_cmpstr (block_score (project, "产出指标"), ==, "40.00");
  g_assert_cmpstr (block_score (project, "效益指标"), ==, "30.00");
  g_assert_cmpstr (block_score (project, "满意度指标"), ==, "10.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (project, "indicators")), ==, 23);
  g_assert_cmpstr (json_object_get_string_member (project, "total"), ==, "100.00");
}

static void
test_score_small (void)
{
  g_autofree char *path = write_small_workbook ("small.ziping", "区职业技能培训中心");
  g_autoptr(CliRun) run = run_cli ("score", "--json", path, NULL);
  g_autoptr(CliRun) text = run_cli ("score", path, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *form;
  JsonObject *first;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  form = find_form (root, "职工技能培训");
  g_assert_cmpstr (json_object_get_string_member (form, "execution_rate"), ==, "103.50%");
  g_assert_cmpstr (json_object_get_string_member (form, "execution_score"), ==, "20.00");
  g_assert_cmpstr (block_score (form, "产出指标"), ==, "33.60");
  g_assert_cmpstr (block_score (form, "效益指标"), ==, "30.00");
  g_assert_cmpstr (block_score (form, "满意度指标"), ==, "10.00");
  g_assert_cmpstr (json_object_get_string_member (form, "total"), ==, "93.60");
  first = json_array_get_object_element (json_object_get_array_member (form, "indicators"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "weight"), ==, "40.00");
  g_assert_cmpstr (json_object_get_string_member (first, "score"), ==, "33.60");

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Total: 93.60"));
  g_assert_nonnull (strstr (text->out, "33.60"));
}

/* ---- check ---- */

static gboolean
findings_have_code (JsonNode   *root,
                    const char *code)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (root), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (findings, i), "code"),
                   code) == 0)
      return TRUE;

  return FALSE;
}

static void
test_check_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(CliRun) run = run_cli ("check", path, "--json", NULL);
  g_autoptr(CliRun) text = run_cli ("check", path, NULL);
  g_autoptr(JsonNode) root = NULL;

  /* The seed's forms have warnings (1.31 against 1849.33) and no error. */
  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "warnings"), >, 0);
  g_assert_true (findings_have_code (root, "project-sum"));
  g_assert_false (findings_have_code (root, "department-sum"));

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "project-sum"));
  g_assert_nonnull (strstr (text->out, "warning"));
}

static void
test_check_errors (void)
{
  g_autofree char *path = write_small_workbook ("errors.ziping", "区职业技能培训中心");
  g_autoptr(CliRun) run = run_cli ("check", "--json", path, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *findings;
  JsonObject *first;

  /* 420 of 500 scores below the weight with no deviation note: an error. */
  g_assert_cmpint (run->status, ==, 1);
  root = parse_json (run->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "errors"), >=, 1);
  g_assert_true (findings_have_code (root, "deviation-note-missing"));
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  first = json_array_get_object_element (findings, 0);
  g_assert_true (json_object_has_member (first, "severity"));
  g_assert_true (json_object_has_member (first, "location"));
  g_assert_true (json_object_has_member (first, "message"));
  g_assert_true (json_object_has_member (first, "explanation"));
}

/* Execution 80 of 100 (below 90%) with its warning explained (出错说明). */
static char *
write_explained_workbook (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autofree char *path = tmp_path ("explained.ziping");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpIndicator *indicators[] = {
    make_indicator ("产出指标", "数量指标", "培训人数", "≥500人", "520人", "40"),
    make_indicator ("效益指标", "社会效益指标", "保障培训顺利开展", "有效保障", "有效保障", "30"),
    make_indicator ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "10"),
  };

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, "区职业技能培训中心");
  zp_project_form_set_name (project, "职工技能培训");
  zp_form_set_budget (ZP_FORM (project), "100");
  zp_form_set_spent (ZP_FORM (project), "80");
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      zp_goal_insert_indicator (goal, G_MAXUINT, indicators[i]);
      g_object_unref (indicators[i]);
    }
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  zp_form_set_explanation (ZP_FORM (project), "execution-low@-1:-1:spent", "尾款按合同于次年一月支付");

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_check_explained (void)
{
  g_autofree char *path = write_explained_workbook ();
  g_autoptr(CliRun) run = run_cli ("check", "--json", path, NULL);
  g_autoptr(CliRun) text = run_cli ("check", path, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *findings;
  gboolean found = FALSE;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "code"), "execution-low") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "warning");
      g_assert_cmpstr (json_object_get_string_member (finding, "explanation"), ==, "尾款按合同于次年一月支付");
    }
  g_assert_true (found);

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Explanation: 尾款按合同于次年一月支付"));
  g_assert_nonnull (strstr (text->out, "(1 explained)"));
}

/* ---- new ---- */

static void
test_new_year (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = tmp_path ("jiangan-2025.ziping");
  g_autoptr(CliRun) run = run_cli ("new", "--from", example, "--year", "2025", "-o", out, NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) score = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonArray *forms;
  guint n_indicators = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  score = run_cli ("score", "--json", out, NULL);
  g_assert_cmpint (score->status, ==, 0);
  root = parse_json (score->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "year"), ==, 2025);
  forms = json_object_get_array_member (json_node_get_object (root), "forms");
  g_assert_cmpuint (json_array_get_length (forms), ==, 4);
  for (guint f = 0; f < json_array_get_length (forms); f++)
    {
      JsonObject *form = json_array_get_object_element (forms, f);
      JsonArray *indicators = json_object_get_array_member (form, "indicators");

      g_assert_true (json_object_get_null_member (form, "spent"));
      for (guint i = 0; i < json_array_get_length (indicators); i++, n_indicators++)
        {
          JsonObject *indicator = json_array_get_object_element (indicators, i);

          g_assert_cmpstr (json_object_get_string_member (indicator, "actual"), ==, "");
          g_assert_cmpstr (json_object_get_string_member (indicator, "target"), !=, "");
        }
    }
  g_assert_cmpuint (n_indicators, ==, 20 + 23 + 7 + 7);
  /* No money carried over (issue 9). */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (forms, 0), "budget"));

  /* An existing file is never replaced without --force. */
  g_assert_true (g_file_get_contents (out, &before, NULL, NULL));
  again = run_cli ("new", "--from", example, "--year", "2026", "-o", out, NULL);
  g_assert_cmpint (again->status, ==, 2);
  g_assert_nonnull (strstr (again->err, "--force"));
  g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* ---- summary ---- */

static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

static void
test_summary (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *small = write_small_workbook ("summary-small.ziping", "区职业技能培训中心");
  g_autoptr(CliRun) run = run_cli ("summary", "--json", example, small, NULL);
  g_autoptr(CliRun) text = run_cli ("summary", example, small, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *rows;
  JsonObject *last;
  guint n_lines = 0;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  rows = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "total"), ==, "100.00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "execution_rate"), ==, "100.00%");
  last = json_array_get_object_element (rows, 4);
  g_assert_cmpstr (json_object_get_string_member (last, "unit"), ==, "区职业技能培训中心");
  g_assert_cmpstr (json_object_get_string_member (last, "title"), ==, "职工技能培训");
  g_assert_cmpstr (json_object_get_string_member (last, "total"), ==, "93.60");
  g_assert_cmpstr (json_object_get_string_member (last, "execution_rate"), ==, "103.50%");
  g_assert_cmpint (json_object_get_int_member (last, "errors"), >=, 1);

  /* The last column is right-aligned, so every line of an aligned table has the same
   * display width, CJK characters counting two columns. */
  g_assert_cmpint (text->status, ==, 0);
  lines = g_strsplit (text->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (display_width (lines[i]), ==, display_width (lines[0]));
      n_lines++;
    }
  g_assert_cmpuint (n_lines, ==, 2 + 5);
  g_assert_nonnull (strstr (text->out, "职工技能培训"));
  g_assert_nonnull (strstr (text->out, "93.60"));
}


/* The 汇总表's grade follows the workbook's scheme: a scheme file with its own "grades",
 * applied to a workbook, changes the grade column; the same workbook without them keeps
 * 优 (93.60 ≥ 90). */
static void
test_summary_scheme_grades (void)
{
  static const char scheme_file[] =
    "{\"format\": \"ziping-scheme\", \"version\": 2, \"scheme\": {\"id\": \"county\", \"name\": \"县级\", "
    "\"layout\": \"hubei\", \"execution-weight\": \"20\", \"categories\": ["
    "{\"name\": \"产出指标\", \"weight\": \"40\"}, {\"name\": \"效益指标\", \"weight\": \"30\"}, "
    "{\"name\": \"满意度指标\", \"weight\": \"10\"}], "
    "\"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}, "
    "\"grades\": [{\"id\": \"excellent\", \"name\": \"优秀\", \"min\": \"95\"}, "
    "{\"id\": \"pass\", \"name\": \"合格\", \"min\": \"60\"}, {\"id\": \"fail\", \"name\": \"不合格\", \"min\": \"0\"}]}}";
  g_autofree char *plain = write_small_workbook ("grades-plain.ziping", "区职业技能培训中心");
  g_autofree char *graded = tmp_path ("grades-own.ziping");
  g_autoptr(GFile) graded_file = g_file_new_for_path (graded);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpScheme) scheme = zp_scheme_load_from_data (scheme_file, strlen (scheme_file), "county.json", &error);
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(CliRun) plain_run = run_cli ("summary", "--format", "json", plain, NULL);
  g_autoptr(CliRun) graded_run = NULL;
  g_autoptr(JsonNode) plain_root = NULL;
  g_autoptr(JsonNode) graded_root = NULL;
  JsonObject *row;

  g_assert_no_error (error);
  workbook = zp_workbook_load (plain_file, &error);
  g_assert_no_error (error);
  zp_workbook_set_scheme (workbook, scheme);
  g_assert_true (zp_workbook_save (workbook, graded_file, &error));
  g_assert_no_error (error);
  graded_run = run_cli ("summary", "--format", "json", graded, NULL);

  g_assert_cmpint (plain_run->status, ==, 0);
  plain_root = parse_json (plain_run->out);
  row = json_array_get_object_element (json_node_get_array (plain_root), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "total"), ==, "93.60");
  g_assert_cmpstr (json_object_get_string_member (row, "grade"), ==, "优");

  g_assert_cmpint (graded_run->status, ==, 0);
  graded_root = parse_json (graded_run->out);
  row = json_array_get_object_element (json_node_get_array (graded_root), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "total"), ==, "93.60");
  g_assert_cmpstr (json_object_get_string_member (row, "grade"), ==, "合格");
}

/* ---- nothing lost silently (issue 9) ---- */

static guint
count_findings (const char *json,
                const char *code)
{
  g_autoptr(JsonNode) root = parse_json (json);
  JsonArray *findings = json_object_get_array_member (json_node_get_object (root), "findings");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (findings, i), "code"),
                   code) == 0)
      count++;
  return count;
}

/* A carried-over workbook: every blank actual is an error, and every total says so. */
static void
test_new_year_unscored (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *out = tmp_path ("jiangan-2025-unscored.ziping");
  g_autoptr(CliRun) run = run_cli ("new", "--from", example, "--year", "2025", "-o", out, NULL);
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) quiet = NULL;
  g_autoptr(CliRun) score = NULL;
  g_autoptr(CliRun) summary = NULL;

  g_assert_cmpint (run->status, ==, 0);
  check = run_cli ("check", "--json", out, NULL);
  g_assert_cmpint (check->status, ==, 1);
  g_assert_cmpuint (count_findings (check->out, "actual-missing"), ==, 57);

  quiet = run_cli ("check", "--json", example, NULL);
  g_assert_cmpuint (count_findings (quiet->out, "actual-missing"), ==, 0);
  g_assert_cmpuint (count_findings (quiet->out, "grade-missing"), ==, 0);

  score = run_cli ("score", out, NULL);
  g_assert_cmpint (score->status, ==, 0);
  g_assert_nonnull (strstr (score->out, "Total: 0.00, 20 rows not scored"));
  g_assert_nonnull (strstr (score->out, "Total: 0.00, 7 rows not scored"));

  summary = run_cli ("summary", out, NULL);
  g_assert_nonnull (strstr (summary->out, "0.00, 23 rows not scored"));
}

/* "150万" typed in a 万元 cell: read as 150 and warned about. */
static void
test_amount_unit_typed (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autofree char *path = tmp_path ("unit-typed.ziping");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) score = NULL;

  zp_project_form_set_name (project, "单位测试");
  zp_form_set_budget (ZP_FORM (project), "200");
  zp_form_set_spent (ZP_FORM (project), "1,500,000元");
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  g_assert_true (zp_workbook_save (workbook, file, &error));

  check = run_cli ("check", "--json", path, NULL);
  g_assert_cmpuint (count_findings (check->out, "amount-unit-typed"), ==, 1);
  g_assert_cmpuint (count_findings (check->out, "not-a-number"), ==, 0);
  g_assert_nonnull (strstr (check->out, "read as 150 万元"));
  score = run_cli ("score", path, NULL);
  g_assert_nonnull (strstr (score->out, "75.00%"));
}

/* ---- checks of issue 9, through the CLI ---- */

/* A 10号 form as published, with the errors seen in the wild: 86.18% printed as 86.19%,
 * 8.62 printed as 9, a row's 得分 and a 总分 typed over. */
static char *
write_published_workbook (gboolean wrong)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("central");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autofree char *path = tmp_path (wrong ? "published-wrong.ziping" : "published-right.ziping");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpIndicator *indicators[] = {
    make_indicator ("产出指标", "时效指标", "接种完成时间", "12月底前", "12月20日完成", "50"),
    make_indicator ("效益指标", "社会效益指标", "报告及时率", "90%-110%", "100%", "30"),
    make_indicator ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "95%", "10"),
  };

  zp_project_form_set_name (project, "疫苗接种");
  zp_form_set_budget (ZP_FORM (project), "250000元");
  zp_form_set_spent (ZP_FORM (project), "215457.6元");
  zp_form_set_analysis (ZP_FORM (project), "部分资金结转");
  zp_form_set_published_rate (ZP_FORM (project), wrong ? "86.19%" : "86.18%");
  zp_form_set_published_execution_score (ZP_FORM (project), wrong ? "9" : "8.62");
  zp_form_set_published_total (ZP_FORM (project), wrong ? "100" : "98.62");
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      zp_indicator_set_published_score (indicators[i], i == 0 && wrong ? "45" : zp_indicator_get_weight (indicators[i]));
      zp_goal_insert_indicator (goal, G_MAXUINT, indicators[i]);
      g_object_unref (indicators[i]);
    }
  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_YUAN);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_check_published (void)
{
  g_autofree char *right = write_published_workbook (FALSE);
  g_autofree char *wrong = write_published_workbook (TRUE);
  g_autoptr(CliRun) quiet = run_cli ("check", "--json", right, NULL);
  g_autoptr(CliRun) loud = run_cli ("check", "--json", wrong, NULL);
  g_autoptr(CliRun) score = run_cli ("score", right, NULL);

  g_assert_cmpint (quiet->status, ==, 0);
  g_assert_cmpuint (count_findings (quiet->out, "published-rate"), ==, 0);
  g_assert_cmpuint (count_findings (quiet->out, "published-score"), ==, 0);
  g_assert_cmpuint (count_findings (quiet->out, "published-total"), ==, 0);
  /* "250000元" in a 元 workbook: the unit is the workbook's, still said. */
  g_assert_cmpuint (count_findings (quiet->out, "amount-unit-typed"), ==, 2);
  g_assert_nonnull (strstr (score->out, "86.18%"));
  g_assert_nonnull (strstr (score->out, "Total: 98.62"));

  g_assert_cmpuint (count_findings (loud->out, "published-rate"), ==, 1);
  g_assert_cmpuint (count_findings (loud->out, "published-score"), ==, 2);
  g_assert_cmpuint (count_findings (loud->out, "published-total"), ==, 1);
  g_assert_nonnull (strstr (loud->out, "is 9, but the rules give 8.62"));
}

static void
test_indicator_deadline (void)
{
  g_autoptr(CliRun) met = run_cli ("indicator", "--json", "--target", "6月30日前完成", "--actual", "6月28日",
                                   "--weight", "10", NULL);
  g_autoptr(CliRun) missed = run_cli ("indicator", "--target", "2024年底前", "--actual", "2025年2月",
                                      "--weight", "10", NULL);
  g_autoptr(CliRun) range = run_cli ("indicator", "--target", "90%-110%", "--actual", "120%",
                                     "--weight", "20", NULL);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (met->status, ==, 0);
  root = parse_json (met->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "rule"), ==, "deadline");
  g_assert_nonnull (strstr (missed->out, "0.00 / 10.00"));
  g_assert_nonnull (strstr (missed->out, "deadline"));
  g_assert_nonnull (strstr (range->out, "18.33 / 20.00"));
}

/* ---- indicator --grade --score, and Chinese values in any locale ---- */

/* Runs ziping-cli in locale `lc_all` (argv NULL-terminated, without the program). */
static CliRun *
run_cli_in_locale (const char         *lc_all,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  int wait_status = 0;

  envp = g_environ_setenv (envp, "LC_ALL", lc_all, TRUE);
  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run;
}

static void
test_indicator_band (void)
{
  g_autoptr(CliRun) outside = run_cli ("indicator", "--target", "有效保障", "--actual", "基本保障",
                                       "--weight", "10", "--grade", "部分达成", "--score", "9", NULL);
  g_autoptr(CliRun) upper = run_cli ("indicator", "--target", "有效保障", "--actual", "基本保障",
                                     "--weight", "10", "--grade", "部分达成", "--score", "8", NULL);
  g_autoptr(CliRun) inside = run_cli ("indicator", "--target", "有效保障", "--actual", "基本保障",
                                      "--weight", "10", "--grade", "部分达成", "--score", "6.5", NULL);
  g_autoptr(CliRun) achieved = run_cli ("indicator", "--target", "有效保障", "--actual", "有效保障",
                                        "--weight", "10", "--grade", "达成", "--score", "7", NULL);
  g_autoptr(CliRun) central = run_cli ("indicator", "--scheme", "central", "--target", "有效保障",
                                       "--actual", "基本保障", "--weight", "10", "--grade", "部分达成",
                                       "--score", "5.5", NULL);

  g_assert_cmpint (outside->status, ==, 2);
  g_assert_nonnull (strstr (outside->err, "--score 9 is outside the band of 部分达成: type a score from 5.00 to below 8.00"));
  g_assert_cmpint (upper->status, ==, 2);
  g_assert_cmpint (inside->status, ==, 0);
  g_assert_nonnull (strstr (inside->out, "6.50 / 10.00"));
  g_assert_cmpint (achieved->status, ==, 2);
  g_assert_nonnull (strstr (achieved->err, "from 8.00 to 10.00"));
  /* 10号: 部分达成 from 60% */
  g_assert_cmpint (central->status, ==, 2);
  g_assert_nonnull (strstr (central->err, "from 6.00 to below 8.00"));
}

static void
test_chinese_in_c_locale (void)
{
  static const char * const args[] = {
    "indicator", "--target", "有效保障", "--actual", "基本保障", "--weight", "10",
    "--grade", "部分达成", "--score", "6", "--name", "保障会议", NULL
  };
  g_autoptr(CliRun) c = run_cli_in_locale ("C", args);
  g_autoptr(CliRun) posix = run_cli_in_locale ("POSIX", args);

  g_assert_cmpstr (c->err, ==, "");
  g_assert_cmpint (c->status, ==, 0);
  g_assert_null (strstr (c->err, "Invalid byte sequence"));
  g_assert_nonnull (strstr (c->out, "6.00 / 10.00"));
  g_assert_cmpint (posix->status, ==, 0);
  g_assert_nonnull (strstr (posix->out, "partial"));
}

/* ---- scheme ---- */

static void
test_scheme_commands (void)
{
  g_autofree char *path = tmp_path ("bureau.json");
  g_autoptr(CliRun) list = run_cli ("scheme", "list", "--json", NULL);
  g_autoptr(CliRun) show = run_cli ("scheme", "show", "sichuan", NULL);
  g_autoptr(CliRun) exported = run_cli ("scheme", "export", "central", "-o", path, NULL);
  g_autoptr(CliRun) again = run_cli ("scheme", "export", "central", "-o", path, NULL);
  g_autoptr(CliRun) bad = run_cli ("scheme", "show", "fujian", NULL);
  g_autoptr(CliRun) nothing = run_cli ("scheme", NULL);
  g_autoptr(CliRun) shown_file = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  JsonArray *schemes;

  g_assert_cmpint (list->status, ==, 0);
  root = parse_json (list->out);
  schemes = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (schemes), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schemes, 0), "id"), ==, "hubei");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schemes, 2), "category_split"),
                   ==, "free");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schemes, 2), "indicator_weight"),
                   ==, "90");

  g_assert_cmpint (show->status, ==, 0);
  g_assert_nonnull (strstr (show->out, "Split:"));
  g_assert_nonnull (strstr (show->out, "free"));

  g_assert_cmpint (exported->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"ziping-scheme\",\n  \"version\": 2,\n"));
  g_assert_cmpint (again->status, ==, 2);
  g_assert_nonnull (strstr (again->err, "--force"));

  shown_file = run_cli ("scheme", "show", "--json", path, NULL);
  g_assert_cmpint (shown_file->status, ==, 0);
  g_assert_cmpstr (shown_file->out, ==, contents);

  g_assert_cmpint (bad->status, ==, 2);
  g_assert_nonnull (strstr (bad->err, "neither a built-in scheme (hubei, central, sichuan) nor a scheme file"));
  g_assert_cmpint (nothing->status, ==, 2);
}

/* A bureau's own scheme file wherever --scheme is taken: here its execution block is 30. */
static void
test_scheme_file_option (void)
{
  g_autofree char *path = tmp_path ("execution-30.json");
  g_autoptr(CliRun) exported = run_cli ("scheme", "export", "hubei", "-o", path, "--force", NULL);
  g_autoptr(CliRun) execution = NULL;
  g_autoptr(CliRun) indicator = NULL;
  g_autoptr(CliRun) broken = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *broken_path = tmp_path ("broken.json");
  g_autoptr(GString) edited = NULL;

  g_assert_cmpint (exported->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_string_replace (edited, "\"decimals\": 2", "\"decimals\": 1", 1);
  g_string_replace (edited, "\"partial\": \"0.5\"", "\"partial\": \"0.4\"", 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  execution = run_cli ("execution", "--budget", "3", "--spent", "2", "--weight", "20", "--scheme", path,
                       "--json", NULL);
  g_assert_cmpint (execution->status, ==, 0);
  g_assert_nonnull (strstr (execution->out, "\"13.3\""));
  indicator = run_cli ("indicator", "--scheme", path, "--target", "有效保障", "--actual", "基本保障",
                       "--weight", "10", "--grade", "部分达成", "--score", "4.5", NULL);
  g_assert_cmpint (indicator->status, ==, 0);
  g_assert_nonnull (strstr (indicator->out, "4.5 / 10.0"));

  g_string_replace (edited, "\"execution-weight\": \"20\"", "\"execution-weight\": \"twenty\"", 1);
  g_assert_true (g_file_set_contents (broken_path, edited->str, -1, NULL));
  broken = run_cli ("indicator", "--scheme", broken_path, "--target", "1", "--actual", "1", "--weight", "1", NULL);
  g_assert_cmpint (broken->status, ==, 2);
  g_assert_nonnull (strstr (broken->err, "broken.json:8:5: “execution-weight” must hold a number"));
}

/* The published forms of tests/core/data through the CLI: they load, score and check. */
static void
test_published_forms (void)
{
  static const struct { const char *file; const char *total; guint warnings; } forms[] = {
    { "published-central-yuan.ziping", "Total: 98.62", 4 },
    { "hubei-20-split.ziping", "Total: 99.00", 0 },
    { "sichuan-free-split.ziping", "Total: 100.00", 0 },
    { "huanggang-two-goals.ziping", "Total: 99.20", 0 },
    { "not-applicable-rescale.ziping", "Total: 100.00", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "..", "..", "tests", "core",
                                                "data", forms[i].file, NULL);
      g_autoptr(CliRun) score = run_cli ("score", path, NULL);
      g_autoptr(CliRun) check = run_cli ("check", "--json", path, NULL);
      g_autoptr(JsonNode) root = NULL;

      g_assert_cmpint (score->status, ==, 0);
      if (strstr (score->out, forms[i].total) == NULL)
        g_error ("%s: no “%s” in\n%s", forms[i].file, forms[i].total, score->out);
      g_assert_cmpint (check->status, ==, 0);
      root = parse_json (check->out);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "warnings"), ==, forms[i].warnings);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "errors"), ==, 0);
    }
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = tmp_path (name);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-cli PATH-TO-ziping-cli");
  cli_path = argv[1];
  tmp_dir = g_dir_make_tmp ("ziping-cli-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/unreadable-file", test_unreadable_file);
  g_test_add_func ("/cli/indicator/positive", test_indicator_positive);
  g_test_add_func ("/cli/indicator/reverse-and-zero", test_indicator_reverse_and_zero);
  g_test_add_func ("/cli/indicator/direction", test_indicator_direction);
  g_test_add_func ("/cli/indicator/text", test_indicator_text);
  g_test_add_func ("/cli/indicator/qualitative", test_indicator_qualitative);
  g_test_add_func ("/cli/execution/json", test_execution);
  g_test_add_func ("/cli/execution/text", test_execution_text);
  g_test_add_func ("/cli/execution/bad-budget", test_execution_bad_budget);
  g_test_add_func ("/cli/score/example", test_score_example);
  g_test_add_func ("/cli/score/small", test_score_small);
  g_test_add_func ("/cli/check/example", test_check_example);
  g_test_add_func ("/cli/check/errors", test_check_errors);
  g_test_add_func ("/cli/check/explained", test_check_explained);
  g_test_add_func ("/cli/new/year", test_new_year);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/summary/scheme-grades", test_summary_scheme_grades);
  g_test_add_func ("/cli/gaps/new-year-unscored", test_new_year_unscored);
  g_test_add_func ("/cli/gaps/amount-unit-typed", test_amount_unit_typed);
  g_test_add_func ("/cli/check/published", test_check_published);
  g_test_add_func ("/cli/indicator/deadline", test_indicator_deadline);
  g_test_add_func ("/cli/indicator/band", test_indicator_band);
  g_test_add_func ("/cli/chinese-in-c-locale", test_chinese_in_c_locale);
  g_test_add_func ("/cli/scheme/commands", test_scheme_commands);
  g_test_add_func ("/cli/scheme/file-option", test_scheme_file_option);
  g_test_add_func ("/cli/published-forms", test_published_forms);

  result = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);

  return result;
}
