/* zp-form.h — what every self-evaluation form has: the execution block, goals with
 * indicators, the two analysis texts, computed scores and the user's explanations of
 * accepted warnings (出错说明).
 *
 * ZpForm is abstract; ZpDepartmentForm and ZpProjectForm add their header fields.
 * A form rescores itself whenever one of its own inputs, goals or indicators changes
 * (only itself: never another form), then emits ::rescored and notifies the computed
 * string properties "execution-rate-text", "execution-score-text", "total-text" when
 * their text changes. A form's ::changed signal fires on any input edit (for dirty
 * tracking and undo); the workbook re-emits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-types.h"
#include "zp-decimal.h"

G_BEGIN_DECLS

#define ZP_TYPE_FORM (zp_form_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZpForm, zp_form, ZP, FORM, GObject)

struct _ZpFormClass
{
  GObjectClass parent_class;

  /* The form's name for lists and sheet names: 项目名称, or the unit for the department. */
  char       *(*dup_title)     (ZpForm *self);
  /* A deep copy with inputs only (used by duplicate and carry-over). */
  ZpForm     *(*copy)          (ZpForm *self);

  gpointer padding[8];
};

/* One block of indicators with its expected weight: a category of a project form
 * (in the scheme's order, then any other category met) or a goal of a department form. */
typedef struct
{
  char      *name;          /* "产出指标" or the goal's text */
  int        goal_index;    /* department form: the goal; project form: 0 */
  gboolean   has_weight;    /* FALSE for a category the scheme does not know */
  ZpDecimal  weight;        /* expected: the scheme's category weight, or the goal's */
  ZpDecimal  weight_sum;    /* sum of its indicators' weights */
  ZpDecimal  score;         /* sum of its indicators' rounded scores */
  guint      n_indicators;
  char      *score_text;    /* the score as shown: "40.00", the scheme's decimals */
} ZpBlockSummary;

void          zp_block_summary_free         (ZpBlockSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpBlockSummary, zp_block_summary_free)

char         *zp_form_dup_title             (ZpForm      *self);
ZpForm       *zp_form_copy                  (ZpForm      *self);
gboolean      zp_form_is_department         (ZpForm      *self);

/* The workbook sets its scheme on every form it holds; a lone form needs one before
 * it scores. Setting it rescores. */
ZpScheme     *zp_form_get_scheme            (ZpForm      *self);
void          zp_form_set_scheme            (ZpForm      *self,
                                             ZpScheme    *scheme);

/* Enum property "amount-unit": the unit of the form's amounts, set by its workbook
 * (万元 by default). Amounts typed with a unit are converted into it (zp_amount_parse). */
ZpAmountUnit  zp_form_get_amount_unit       (ZpForm      *self);
void          zp_form_set_amount_unit       (ZpForm      *self,
                                             ZpAmountUnit unit);

/* String properties (as typed; parse with zp_amount_parse): "initial-budget" (年初预算数),
 * "budget" (预算数 A), "spent" (执行数 B); texts "analysis" (偏差大或目标未完成原因分析)
 * and "improvement" (改进措施及结果应用方案). */
const char   *zp_form_get_initial_budget    (ZpForm      *self);
void          zp_form_set_initial_budget    (ZpForm      *self, const char *value);
const char   *zp_form_get_budget            (ZpForm      *self);
void          zp_form_set_budget            (ZpForm      *self, const char *value);
const char   *zp_form_get_spent             (ZpForm      *self);
void          zp_form_set_spent             (ZpForm      *self, const char *value);
const char   *zp_form_get_analysis          (ZpForm      *self);
void          zp_form_set_analysis          (ZpForm      *self, const char *value);
const char   *zp_form_get_improvement       (ZpForm      *self);
void          zp_form_set_improvement       (ZpForm      *self, const char *value);

/* What the published form printed, beside what Ziping computes (the checks compare them):
 * string properties "published-rate" (执行率 as printed, "86.19%"), "published-execution-score"
 * (the execution block's 得分) and "published-total" (总分); "" when not known. */
const char   *zp_form_get_published_rate    (ZpForm      *self);
void          zp_form_set_published_rate    (ZpForm      *self, const char *value);
const char   *zp_form_get_published_execution_score (ZpForm *self);
void          zp_form_set_published_execution_score (ZpForm *self, const char *value);
const char   *zp_form_get_published_total   (ZpForm      *self);
void          zp_form_set_published_total   (ZpForm      *self, const char *value);

/* Last year's 预算数 and 执行数 (string properties "last-year-budget", "last-year-spent"),
 * set by zp_workbook_new_year from the year before: a hint for the empty cells, never
 * this year's values (nothing scores or checks them); "" when not known. */
const char   *zp_form_get_last_year_budget  (ZpForm      *self);
void          zp_form_set_last_year_budget  (ZpForm      *self, const char *value);
const char   *zp_form_get_last_year_spent   (ZpForm      *self);
void          zp_form_set_last_year_spent   (ZpForm      *self, const char *value);

/* The form's own points per category (一级指标), as in "产出指标（60分）": they replace the
 * scheme's for this form. Names match as the scheme matches them; points NULL or ""
 * removes. Property "category-points" (GStrv of "name=points", in the order set) is
 * notified on every change, and ::changed is emitted. */
const char   *zp_form_get_category_points   (ZpForm      *self,
                                             const char  *category);
void          zp_form_set_category_points   (ZpForm      *self,
                                             const char  *category,
                                             const char  *points);
guint         zp_form_get_n_category_points (ZpForm      *self);
/* The i-th category name, and its points in *points. */
const char   *zp_form_get_category_points_nth (ZpForm    *self,
                                             guint        i,
                                             const char **points);
char        **zp_form_dup_category_points   (ZpForm      *self);
void          zp_form_set_all_category_points (ZpForm    *self,
                                             const char * const *pairs);
/* The points a category must add up to on this form: the form's own, else the scheme's in
 * a fixed split; FALSE when none is set (free split, unknown category, points not a
 * number). */
gboolean      zp_form_get_category_weight   (ZpForm      *self,
                                             const char  *category,
                                             ZpDecimal   *weight);

/* Property "evidence" (佐证材料 of the whole form): paths relative to the workbook's
 * folder; never NULL. Setting NULL clears. Emits ::changed. */
const char * const *zp_form_get_evidence      (ZpForm      *self);
void          zp_form_set_evidence          (ZpForm      *self,
                                             const char * const *paths);
/* Goals: a GListModel of ZpGoal. A project form has at least one: the first is its
 * 年度总体目标; some forms (黄冈 2020) print several goals, each with its indicators. */
GListModel   *zp_form_get_goals             (ZpForm      *self);
guint         zp_form_get_n_goals           (ZpForm      *self);
ZpGoal       *zp_form_get_goal              (ZpForm      *self,
                                             guint        position);  /* borrowed */
void          zp_form_insert_goal           (ZpForm      *self,
                                             guint        position,
                                             ZpGoal      *goal);
void          zp_form_remove_goal           (ZpForm      *self,
                                             guint        position);
guint         zp_form_get_n_indicators      (ZpForm      *self);      /* over all goals */

void          zp_form_rescore               (ZpForm      *self);

/* Bulk edits (loading, carry-over, undo of many rows): while frozen the form neither
 * rescores nor emits ::changed; the last thaw rescores once and emits ::changed once if
 * anything changed. Calls nest. */
void          zp_form_freeze                (ZpForm      *self);
void          zp_form_thaw                  (ZpForm      *self);

/* Computed. The rate is B/A unrounded (FALSE when A is missing, zero, negative or not a
 * number); the execution score is weight × min(rate, 1) rounded; the totals are sums of
 * rounded parts. */
gboolean      zp_form_get_execution_rate    (ZpForm      *self,
                                             ZpDecimal   *rate);
ZpDecimal     zp_form_get_execution_weight  (ZpForm      *self);
ZpDecimal     zp_form_get_execution_score   (ZpForm      *self);
ZpDecimal     zp_form_get_indicator_score   (ZpForm      *self);
ZpDecimal     zp_form_get_total             (ZpForm      *self);
/* The weights that must make 100: the execution block's plus the indicators' (project
 * form) or the goals' (department form). A weight that is not a number counts as 0. */
ZpDecimal     zp_form_get_weight_total      (ZpForm      *self);
/* "86.18%" or "—"; "8.62"; "100.00" — the scheme's decimals, for display. */
const char   *zp_form_get_execution_rate_text  (ZpForm   *self);
const char   *zp_form_get_execution_score_text (ZpForm   *self);
const char   *zp_form_get_total_text        (ZpForm      *self);
/* Property "indicator-score-text": the indicators' part of the total, e.g. "80.00". */
const char   *zp_form_get_indicator_score_text (ZpForm   *self);
guint         zp_form_count_overrides       (ZpForm      *self);

/* Rows that could not be scored (a blank actual, an ungraded qualitative row, an actual
 * with no number, a missing weight): their points are missing from the total. Property
 * "n-unscored". Not-applicable rows are not counted. */
guint         zp_form_get_n_unscored        (ZpForm      *self);
/* The total as every display shows it: "80.69" when complete, else "80.69, 1 row not
 * scored" in the UI language, or with `printed` as forms print it, "80.69, 1 行未评分".
 * Property "total-display-text" is the UI one. Free with g_free(). */
char         *zp_form_dup_total_display     (ZpForm      *self,
                                             gboolean     printed);
const char   *zp_form_get_total_display_text (ZpForm     *self);
/* The same for any total text and count (the CLI's summaries). */
char         *zp_format_incomplete_total    (const char  *total,
                                             guint        n_unscored,
                                             gboolean     printed);

/* An array of ZpBlockSummary*, freshly computed. */
GPtrArray    *zp_form_summarize_blocks      (ZpForm      *self);

/* Explanations of accepted warnings (出错说明), keyed by zp_finding_get_key().
 * NULL or "" removes. Saved with the form. Emits ::changed. */
const char   *zp_form_get_explanation       (ZpForm      *self,
                                             const char  *key);
void          zp_form_set_explanation       (ZpForm      *self,
                                             const char  *key,
                                             const char  *text);
/* The keys in sorted order (stable for saving). */
GPtrArray    *zp_form_list_explanation_keys (ZpForm      *self);

G_END_DECLS
