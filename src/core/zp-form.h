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

/* String properties (as typed; parse with zp_decimal_parse): "initial-budget" (年初预算数),
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

/* Goals: a GListModel of ZpGoal. A project form always has exactly one. */
GListModel   *zp_form_get_goals             (ZpForm      *self);
guint         zp_form_get_n_goals           (ZpForm      *self);
ZpGoal       *zp_form_get_goal              (ZpForm      *self,
                                             guint        position);  /* borrowed */
void          zp_form_insert_goal           (ZpForm      *self,       /* department only */
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
