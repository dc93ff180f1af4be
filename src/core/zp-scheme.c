/* zp-scheme.c — the scoring rules and weights a form follows, as data.
 *
 * Qualitative bands are stored as their lower bounds only; the upper bound of a grade is
 * the lower bound of the grade above it (1 for 达成). So hubei's bands read
 * 达成 [0.8, 1], 部分达成 [0.5, 0.8), 未达成 [0, 0.5): the upper bounds of 部分达成 and
 * 未达成 are exclusive, which the checker must respect when it tests a score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-core-private.h"

#define MAX_DECIMALS 4

typedef struct
{
  char      *name;
  ZpDecimal  weight;
} Category;

/* A 自评等级 of a form's total (优 ≥ 90 …). */
typedef struct
{
  char      *id;
  char      *name;
  ZpDecimal  min;
} GradeBand;

struct _ZpScheme
{
  GObject           parent_instance;

  char             *id;
  char             *name;
  char             *layout;

  ZpDecimal         execution_weight;
  GArray           *categories;      /* of Category, in print order */
  ZpDecimal         band_lower[ZP_GRADE_MISSED + 1];  /* indexed by ZpGrade; NONE unused */
  ZpReverseFormula  reverse_formula;
  ZpDecimal         over_achievement;
  ZpDecimal         execution_threshold;
  guint             decimals;
  ZpCategorySplit   category_split;
  ZpNotApplicableRule not_applicable;
  GArray           *grade_bands;     /* of GradeBand, highest minimum first */

  /* zp_scheme_lookup_category() by the text as typed: index + 1, or 0 for no category.
   * Every indicator's category is looked up on each summary and check, and the lookup
   * normalises both names; cleared on any change. */
  GHashTable       *category_cache;
  /* Each category's normalised name (_zp_category_key()) → index + 1, so that adding or
   * looking up a category does not normalise every name again. */
  GHashTable       *category_keys;
};

/* Beyond this many different texts, the cache starts again (texts typed by hand). */
#define CATEGORY_CACHE_MAX 1024

G_DEFINE_FINAL_TYPE (ZpScheme, zp_scheme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LAYOUT,
  PROP_CATEGORY_SPLIT,
  PROP_NOT_APPLICABLE,
  /* The settings as properties, for the scheme page and its undo (notified together on
   * any change: schemes change rarely). */
  PROP_EXECUTION_WEIGHT,
  PROP_CATEGORY_WEIGHTS,
  PROP_BAND_ACHIEVED,
  PROP_BAND_PARTIAL,
  PROP_REVERSE_FORMULA,
  PROP_OVER_ACHIEVEMENT,
  PROP_EXECUTION_THRESHOLD,
  PROP_DECIMALS,
  PROP_GRADE_BANDS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const builtin_ids[] = { "hubei", "central", "sichuan", NULL };

typedef struct
{
  const char *id;
  const char *name;           /* translatable, N_() */
  const char *name_zh;        /* its Chinese name: a file made in Chinese is recognised */
  const char *layout;
  gint64      execution_weight;
  gint64      category_weights[3];
  gint64      partial_lower_percent;
  ZpCategorySplit split;
} BuiltinScheme;

/* The three level-1 categories of spec §2, as the published forms label them. */
static const char * const builtin_category_names[] = { "产出指标", "效益指标", "满意度指标" };

/* Each built-in with its source (spec §2; add none without one):
 * - hubei: the 湖北/武汉 templates and their 填表说明, as the seed's published forms fill them
 *   (江岸区 2024): execution 20, 产出 40, 效益 30, 满意度 10, bands from 80% and 50%.
 * - central: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号), 附件: execution 10,
 *   产出 50, 效益 30, 满意度 10, bands from 80% and 60%.
 * - sichuan: the same 10号 rule where it lets the level-1 weights be adjusted (一级指标权重
 *   可做适当调整), as the 四川/重庆 project forms do (issue 9: 90 points split per project):
 *   execution 10, a free split of 90 (50/30/10 offered), the 10号 bands and layout. */
static const BuiltinScheme builtins[] = {
  { "hubei", N_("Hubei / Wuhan"), "湖北 / 武汉", "hubei", 20, { 40, 30, 10 }, 50,
    ZP_CATEGORY_SPLIT_FIXED },
  { "central", N_("Central (MoF No. 10, 2020)"), "中央（财预〔2020〕10号）", "central", 10,
    { 50, 30, 10 }, 60, ZP_CATEGORY_SPLIT_FIXED },
  { "sichuan", N_("Sichuan / Chongqing (10 + 90, free split)"), "四川 / 重庆（10 + 90，自由分配）",
    "central", 10, { 50, 30, 10 }, 60, ZP_CATEGORY_SPLIT_FREE },
};

/* The 自评等级 every built-in scheme has (and a scheme whose file names none: the file
 * format's default, docs/file-format.md): 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. The ids
 * name the written report's counts ({grade_excellent}). */
static const struct { const char *id; const char *name; gint64 min; } default_grade_bands[] = {
  { "excellent", "优", 90 },
  { "good", "良", 80 },
  { "fair", "中", 60 },
  { "poor", "差", 0 },
};

static const BuiltinScheme *
find_builtin (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (id, builtins[i].id))
      return &builtins[i];
  return NULL;
}

gboolean
zp_scheme_is_builtin_name (const char *id,
                           const char *name)
{
  const BuiltinScheme *builtin = find_builtin (id);

  return builtin != NULL && name != NULL
         && (g_str_equal (name, builtin->name) || g_str_equal (name, builtin->name_zh)
             || g_str_equal (name, _(builtin->name)));
}

void
zp_scheme_localize_name (ZpScheme *self)
{
  const BuiltinScheme *builtin;

  g_return_if_fail (ZP_IS_SCHEME (self));

  builtin = find_builtin (self->id);
  if (builtin != NULL && zp_scheme_is_builtin_name (self->id, self->name))
    zp_scheme_set_name (self, _(builtin->name));
}

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_clear_pointer (&category->name, g_free);
}

static void
grade_band_clear (gpointer data)
{
  GradeBand *band = data;

  g_clear_pointer (&band->id, g_free);
  g_clear_pointer (&band->name, g_free);
}

static void
emit_changed (ZpScheme *self)
{
  if (self->category_cache != NULL)
    g_hash_table_remove_all (self->category_cache);
  for (guint prop_id = PROP_EXECUTION_WEIGHT; prop_id < N_PROPS; prop_id++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
format_setting (ZpDecimal value)
{
  return zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);
}

/* Settings typed as text: a non-number leaves the setting as it was. */
static void
set_decimal_text (ZpScheme    *self,
                  const char  *text,
                  void       (*setter) (ZpScheme *, ZpDecimal))
{
  ZpDecimal value;
  gboolean percent = FALSE;

  if (text != NULL && zp_decimal_parse (text, &value, &percent) && !percent)
    setter (self, value);
}

static void
set_band_achieved (ZpScheme  *self,
                   ZpDecimal  share)
{
  zp_scheme_set_band_lower (self, ZP_GRADE_ACHIEVED, share);
}

static void
set_band_partial (ZpScheme  *self,
                  ZpDecimal  share)
{
  zp_scheme_set_band_lower (self, ZP_GRADE_PARTIAL, share);
}

static char **
dup_category_weights (ZpScheme *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);
      g_autofree char *weight = format_setting (category->weight);
      g_autofree char *pair = g_strdup_printf ("%s=%s", category->name, weight);

      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

static void
set_category_weights (ZpScheme           *self,
                      const char * const *pairs)
{
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      const char *equals = strrchr (pairs[i], '=');
      g_autofree char *name = NULL;
      ZpDecimal weight;

      if (equals == NULL || equals == pairs[i] || !zp_decimal_parse (equals + 1, &weight, NULL))
        continue;
      name = g_strndup (pairs[i], equals - pairs[i]);
      zp_scheme_add_category (self, name, weight);
    }
}

static char **
dup_grade_bands (ZpScheme *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->grade_bands->len; i++)
    {
      const GradeBand *band = &g_array_index (self->grade_bands, GradeBand, i);
      g_autofree char *min = format_setting (band->min);
      g_autofree char *text = g_strdup_printf ("%s:%s=%s", band->id, band->name, min);

      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* "excellent:优=90" each; a text not of that form is ignored, and no valid text at all
 * leaves the bands as they were. */
static void
set_grade_bands_text (ZpScheme           *self,
                      const char * const *texts)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (ZpSchemeGradeBand));

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      const char *colon = strchr (texts[i], ':');
      const char *equals = strrchr (texts[i], '=');
      ZpSchemeGradeBand band;

      if (colon == NULL || equals == NULL || equals < colon + 2
          || !zp_decimal_parse (equals + 1, &band.min, NULL))
        continue;
      g_ptr_array_add (ids, g_strndup (texts[i], colon - texts[i]));
      g_ptr_array_add (names, g_strndup (colon + 1, equals - colon - 1));
      g_array_append_val (bands, band);
    }
  for (guint i = 0; i < bands->len; i++)
    {
      g_array_index (bands, ZpSchemeGradeBand, i).id = g_ptr_array_index (ids, i);
      g_array_index (bands, ZpSchemeGradeBand, i).name = g_ptr_array_index (names, i);
    }
  if (bands->len > 0)
    zp_scheme_set_grade_bands (self, (const ZpSchemeGradeBand *) bands->data, bands->len);
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
zp_scheme_finalize (GObject *object)
{
  ZpScheme *self = (ZpScheme *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->grade_bands, g_array_unref);
  g_clear_pointer (&self->category_cache, g_hash_table_unref);
  g_clear_pointer (&self->category_keys, g_hash_table_unref);

  G_OBJECT_CLASS (zp_scheme_parent_class)->finalize (object);
}

static void
zp_scheme_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZpScheme *self = ZP_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LAYOUT:
      g_value_set_string (value, self->layout);
      break;

    case PROP_CATEGORY_SPLIT:
      g_value_set_enum (value, self->category_split);
      break;

    case PROP_NOT_APPLICABLE:
      g_value_set_enum (value, self->not_applicable);
      break;

    case PROP_EXECUTION_WEIGHT:
      g_value_take_string (value, format_setting (self->execution_weight));
      break;

    case PROP_CATEGORY_WEIGHTS:
      g_value_take_boxed (value, dup_category_weights (self));
      break;

    case PROP_BAND_ACHIEVED:
      g_value_take_string (value, format_setting (self->band_lower[ZP_GRADE_ACHIEVED]));
      break;

    case PROP_BAND_PARTIAL:
      g_value_take_string (value, format_setting (self->band_lower[ZP_GRADE_PARTIAL]));
      break;

    case PROP_REVERSE_FORMULA:
      g_value_set_enum (value, self->reverse_formula);
      break;

    case PROP_OVER_ACHIEVEMENT:
      g_value_take_string (value, format_setting (self->over_achievement));
      break;

    case PROP_EXECUTION_THRESHOLD:
      g_value_take_string (value, format_setting (self->execution_threshold));
      break;

    case PROP_DECIMALS:
      g_value_set_uint (value, self->decimals);
      break;

    case PROP_GRADE_BANDS:
      g_value_take_boxed (value, dup_grade_bands (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_scheme_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZpScheme *self = ZP_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      zp_scheme_set_name (self, g_value_get_string (value));
      break;

    case PROP_LAYOUT:
      zp_scheme_set_layout (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_SPLIT:
      zp_scheme_set_category_split (self, g_value_get_enum (value));
      break;

    case PROP_NOT_APPLICABLE:
      zp_scheme_set_not_applicable (self, g_value_get_enum (value));
      break;

    case PROP_EXECUTION_WEIGHT:
      set_decimal_text (self, g_value_get_string (value), zp_scheme_set_execution_weight);
      break;

    case PROP_CATEGORY_WEIGHTS:
      set_category_weights (self, g_value_get_boxed (value));
      break;

    case PROP_BAND_ACHIEVED:
      set_decimal_text (self, g_value_get_string (value), set_band_achieved);
      break;

    case PROP_BAND_PARTIAL:
      set_decimal_text (self, g_value_get_string (value), set_band_partial);
      break;

    case PROP_REVERSE_FORMULA:
      zp_scheme_set_reverse_formula (self, g_value_get_enum (value));
      break;

    case PROP_OVER_ACHIEVEMENT:
      set_decimal_text (self, g_value_get_string (value), zp_scheme_set_over_achievement);
      break;

    case PROP_EXECUTION_THRESHOLD:
      set_decimal_text (self, g_value_get_string (value), zp_scheme_set_execution_threshold);
      break;

    case PROP_DECIMALS:
      zp_scheme_set_decimals (self, MIN (g_value_get_uint (value), MAX_DECIMALS));
      break;

    case PROP_GRADE_BANDS:
      set_grade_bands_text (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_scheme_class_init (ZpSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zp_scheme_finalize;
  object_class->get_property = zp_scheme_get_property;
  object_class->set_property = zp_scheme_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", NULL, NULL,
                         ZP_SCHEME_DEFAULT_ID,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY_SPLIT] =
    g_param_spec_enum ("category-split", NULL, NULL,
                       ZP_TYPE_CATEGORY_SPLIT, ZP_CATEGORY_SPLIT_FIXED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOT_APPLICABLE] =
    g_param_spec_enum ("not-applicable", NULL, NULL,
                       ZP_TYPE_NOT_APPLICABLE_RULE, ZP_NOT_APPLICABLE_ERROR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXECUTION_WEIGHT] =
    g_param_spec_string ("execution-weight", NULL, NULL, "0",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_WEIGHTS] =
    g_param_spec_boxed ("category-weights", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BAND_ACHIEVED] =
    g_param_spec_string ("band-achieved", NULL, NULL, "0.8",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BAND_PARTIAL] =
    g_param_spec_string ("band-partial", NULL, NULL, "0.5",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVERSE_FORMULA] =
    g_param_spec_enum ("reverse-formula", NULL, NULL, ZP_TYPE_REVERSE_FORMULA, ZP_REVERSE_FORMULA_RATIO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVER_ACHIEVEMENT] =
    g_param_spec_string ("over-achievement", NULL, NULL, "1.2",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXECUTION_THRESHOLD] =
    g_param_spec_string ("execution-threshold", NULL, NULL, "0.9",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_uint ("decimals", NULL, NULL, 0, MAX_DECIMALS, 2,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRADE_BANDS] =
    g_param_spec_boxed ("grade-bands", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZpScheme::changed:
   *
   * Emitted after any setting changed, once per change, so that forms can rescore.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
zp_scheme_init (ZpScheme *self)
{
  self->layout = g_strdup (ZP_SCHEME_DEFAULT_ID);
  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, category_clear);
  self->category_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reverse_formula = ZP_REVERSE_FORMULA_RATIO;
  self->over_achievement = zp_decimal_from_fixed (12, 1);
  self->execution_threshold = zp_decimal_from_fixed (9, 1);
  self->decimals = 2;
  self->grade_bands = g_array_new (FALSE, TRUE, sizeof (GradeBand));
  g_array_set_clear_func (self->grade_bands, grade_band_clear);
  for (guint i = 0; i < G_N_ELEMENTS (default_grade_bands); i++)
    {
      GradeBand band = { g_strdup (default_grade_bands[i].id), g_strdup (default_grade_bands[i].name),
                         zp_decimal_from_int (default_grade_bands[i].min) };

      g_array_append_val (self->grade_bands, band);
    }
}

/* ---- construction ----------------------------------------------------------------- */

ZpScheme *
zp_scheme_new (const char *id,
               const char *name,
               const char *layout)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ZP_TYPE_SCHEME,
                       "id", id,
                       "name", name != NULL ? name : id,
                       "layout", layout != NULL ? layout : ZP_SCHEME_DEFAULT_ID,
                       NULL);
}

static ZpScheme *
new_from_builtin (const BuiltinScheme *builtin)
{
  ZpScheme *self = zp_scheme_new (builtin->id, _(builtin->name), builtin->layout);

  self->execution_weight = zp_decimal_from_int (builtin->execution_weight);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_category_names); i++)
    zp_scheme_add_category (self, builtin_category_names[i],
                            zp_decimal_from_int (builtin->category_weights[i]));

  self->band_lower[ZP_GRADE_ACHIEVED] = zp_decimal_from_fixed (80, 2);
  self->band_lower[ZP_GRADE_PARTIAL] = zp_decimal_from_fixed (builtin->partial_lower_percent, 2);
  self->category_split = builtin->split;
  self->band_lower[ZP_GRADE_MISSED] = ZP_DECIMAL_ZERO;

  return self;
}

ZpScheme *
zp_scheme_new_builtin (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      if (g_str_equal (id, builtins[i].id))
        return new_from_builtin (&builtins[i]);
    }

  return NULL;
}

const char * const *
zp_scheme_list_builtin (void)
{
  return builtin_ids;
}

ZpScheme *
zp_scheme_copy (ZpScheme *self)
{
  ZpScheme *copy;

  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);

  copy = zp_scheme_new (self->id, self->name, self->layout);
  copy->execution_weight = self->execution_weight;
  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);

      zp_scheme_add_category (copy, category->name, category->weight);
    }
  memcpy (copy->band_lower, self->band_lower, sizeof self->band_lower);
  copy->reverse_formula = self->reverse_formula;
  copy->over_achievement = self->over_achievement;
  copy->execution_threshold = self->execution_threshold;
  copy->decimals = self->decimals;
  copy->category_split = self->category_split;
  copy->not_applicable = self->not_applicable;
  g_array_set_size (copy->grade_bands, 0);
  for (guint i = 0; i < self->grade_bands->len; i++)
    {
      const GradeBand *band = &g_array_index (self->grade_bands, GradeBand, i);
      GradeBand dup = { g_strdup (band->id), g_strdup (band->name), band->min };

      g_array_append_val (copy->grade_bands, dup);
    }

  return copy;
}

/* ---- id, name, layout ------------------------------------------------------------- */

const char *
zp_scheme_get_id (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);

  return self->id;
}

const char *
zp_scheme_get_name (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);

  return self->name;
}

/* Replaces *field with a copy of value; TRUE when that changed anything. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
zp_scheme_set_name (ZpScheme   *self,
                    const char *name)
{
  g_return_if_fail (ZP_IS_SCHEME (self));

  if (replace_string (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      emit_changed (self);
    }
}

const char *
zp_scheme_get_layout (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);

  return self->layout;
}

void
zp_scheme_set_layout (ZpScheme   *self,
                      const char *layout)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (layout != NULL);

  if (replace_string (&self->layout, layout))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
      emit_changed (self);
    }
}

/* ---- decimal settings ------------------------------------------------------------- */

/* Stores value in *field; TRUE (and ::changed emitted) when that changed anything. */
static gboolean
replace_decimal (ZpScheme  *self,
                 ZpDecimal *field,
                 ZpDecimal  value)
{
  if (zp_decimal_equal (*field, value))
    return FALSE;

  *field = value;
  emit_changed (self);
  return TRUE;
}

ZpDecimal
zp_scheme_get_execution_weight (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);

  return self->execution_weight;
}

void
zp_scheme_set_execution_weight (ZpScheme  *self,
                                ZpDecimal  weight)
{
  g_return_if_fail (ZP_IS_SCHEME (self));

  replace_decimal (self, &self->execution_weight, weight);
}

/* ---- categories ------------------------------------------------------------------- */

guint
zp_scheme_get_n_categories (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), 0);

  return self->categories->len;
}

const char *
zp_scheme_get_category_name (ZpScheme *self,
                             guint     i)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);
  g_return_val_if_fail (i < self->categories->len, NULL);

  return g_array_index (self->categories, Category, i).name;
}

ZpDecimal
zp_scheme_get_category_weight (ZpScheme *self,
                               guint     i)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);
  g_return_val_if_fail (i < self->categories->len, ZP_DECIMAL_ZERO);

  return g_array_index (self->categories, Category, i).weight;
}

/* Drops a trailing "(40分)" / "(40)" (after normalisation: full-width parentheses are
 * ASCII by then), the way the project form labels its categories. */
static void
strip_points_label (char *text)
{
  char *open;
  g_autofree char *inside = NULL;
  ZpDecimal points;

  if (!g_str_has_suffix (text, ")") || (open = strrchr (text, '(')) == NULL)
    return;

  inside = g_strndup (open + 1, strlen (open + 1) - 1);
  if (g_str_has_suffix (inside, "分"))
    inside[strlen (inside) - strlen ("分")] = '\0';

  if (zp_decimal_parse (inside, &points, NULL))
    *open = '\0';
}

/* "产出指标（40 分）", "产出指标", "产出" all give "产出". */
char *
_zp_category_key (const char *name)
{
  char *key = zp_text_normalize (name);

  strip_points_label (key);
  if (g_str_has_suffix (key, "指标") && strlen (key) > strlen ("指标"))
    key[strlen (key) - strlen ("指标")] = '\0';

  return key;
}

static gboolean
lookup_category_uncached (ZpScheme   *self,
                          const char *category,
                          guint      *index)
{
  g_autofree char *wanted = _zp_category_key (category);
  guint found;

  if (wanted[0] == '\0')
    return FALSE;

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->category_keys, wanted));
  if (found == 0)
    return FALSE;
  *index = found - 1;
  return TRUE;
}

gboolean
zp_scheme_lookup_category (ZpScheme   *self,
                           const char *category,
                           guint      *index)
{
  gpointer cached;
  guint found = 0;

  g_return_val_if_fail (ZP_IS_SCHEME (self), FALSE);

  if (category == NULL)
    return FALSE;

  if (self->category_cache == NULL)
    self->category_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_lookup_extended (self->category_cache, category, NULL, &cached))
    found = GPOINTER_TO_UINT (cached);
  else
    {
      guint i;

      if (lookup_category_uncached (self, category, &i))
        found = i + 1;
      if (g_hash_table_size (self->category_cache) >= CATEGORY_CACHE_MAX)
        g_hash_table_remove_all (self->category_cache);
      g_hash_table_insert (self->category_cache, g_strdup (category), GUINT_TO_POINTER (found));
    }

  if (found == 0)
    return FALSE;
  if (index != NULL)
    *index = found - 1;
  return TRUE;
}

void
zp_scheme_set_category_weight (ZpScheme  *self,
                               guint      i,
                               ZpDecimal  weight)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (i < self->categories->len);

  replace_decimal (self, &g_array_index (self->categories, Category, i).weight, weight);
}

/* A name the scheme already has (by zp_scheme_lookup_category) updates that category's
 * weight instead of adding a second one: files written by hand may repeat a category. */
void
zp_scheme_add_category (ZpScheme   *self,
                        const char *name,
                        ZpDecimal   weight)
{
  Category category;
  guint existing;

  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (name != NULL && name[0] != '\0');

  if (zp_scheme_lookup_category (self, name, &existing))
    {
      zp_scheme_set_category_weight (self, existing, weight);
      return;
    }

  category.name = g_strdup (name);
  category.weight = weight;
  g_array_append_val (self->categories, category);
  /* The first of two names with the same key is the one found, as before. */
  {
    char *key = _zp_category_key (name);

    if (key[0] != '\0' && !g_hash_table_contains (self->category_keys, key))
      g_hash_table_insert (self->category_keys, key, GUINT_TO_POINTER (self->categories->len));
    else
      g_free (key);
  }
  emit_changed (self);
}

ZpDecimal
zp_scheme_get_indicator_weight (ZpScheme *self)
{
  ZpDecimal total = ZP_DECIMAL_ZERO;

  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);

  for (guint i = 0; i < self->categories->len; i++)
    total = zp_decimal_add (total, g_array_index (self->categories, Category, i).weight);

  return total;
}

/* ---- qualitative bands ------------------------------------------------------------ */

static gboolean
is_band (ZpGrade grade)
{
  return grade == ZP_GRADE_ACHIEVED || grade == ZP_GRADE_PARTIAL || grade == ZP_GRADE_MISSED;
}

ZpDecimal
zp_scheme_get_band_lower (ZpScheme *self,
                          ZpGrade   grade)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);
  g_return_val_if_fail (is_band (grade), ZP_DECIMAL_ZERO);

  return self->band_lower[grade];
}

/* Inclusive for ACHIEVED (1), exclusive for PARTIAL and MISSED: see the top of the file. */
ZpDecimal
zp_scheme_get_band_upper (ZpScheme *self,
                          ZpGrade   grade)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);
  g_return_val_if_fail (is_band (grade), ZP_DECIMAL_ZERO);

  switch (grade)
    {
    case ZP_GRADE_PARTIAL:
      return self->band_lower[ZP_GRADE_ACHIEVED];

    case ZP_GRADE_MISSED:
      return self->band_lower[ZP_GRADE_PARTIAL];

    case ZP_GRADE_ACHIEVED:
    case ZP_GRADE_NONE:
    default:
      return zp_decimal_from_int (1);
    }
}

gboolean
zp_scheme_get_band_range (ZpScheme  *self,
                          ZpGrade    grade,
                          ZpDecimal  weight,
                          ZpDecimal *lower,
                          ZpDecimal *upper)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), FALSE);
  g_return_val_if_fail (lower != NULL && upper != NULL, FALSE);

  if (!is_band (grade))
    return FALSE;

  /* Rounded as shown: a score the user types at the shown bounds is in the band. */
  *lower = zp_decimal_round (zp_decimal_mul (weight, zp_scheme_get_band_lower (self, grade)),
                             self->decimals);
  *upper = zp_decimal_round (zp_decimal_mul (weight, zp_scheme_get_band_upper (self, grade)),
                             self->decimals);
  return TRUE;
}

void
zp_scheme_set_band_lower (ZpScheme  *self,
                          ZpGrade    grade,
                          ZpDecimal  share)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (is_band (grade));

  replace_decimal (self, &self->band_lower[grade], share);
}

/* ---- formulas and thresholds ------------------------------------------------------ */

ZpReverseFormula
zp_scheme_get_reverse_formula (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_REVERSE_FORMULA_RATIO);

  return self->reverse_formula;
}

void
zp_scheme_set_reverse_formula (ZpScheme         *self,
                               ZpReverseFormula  formula)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (formula == ZP_REVERSE_FORMULA_RATIO || formula == ZP_REVERSE_FORMULA_LINEAR);

  if (self->reverse_formula == formula)
    return;

  self->reverse_formula = formula;
  emit_changed (self);
}

ZpDecimal
zp_scheme_get_over_achievement (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);

  return self->over_achievement;
}

void
zp_scheme_set_over_achievement (ZpScheme  *self,
                                ZpDecimal  ratio)
{
  g_return_if_fail (ZP_IS_SCHEME (self));

  replace_decimal (self, &self->over_achievement, ratio);
}

ZpDecimal
zp_scheme_get_execution_threshold (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_DECIMAL_ZERO);

  return self->execution_threshold;
}

void
zp_scheme_set_execution_threshold (ZpScheme  *self,
                                   ZpDecimal  rate)
{
  g_return_if_fail (ZP_IS_SCHEME (self));

  replace_decimal (self, &self->execution_threshold, rate);
}

guint
zp_scheme_get_decimals (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), 2);

  return self->decimals;
}

void
zp_scheme_set_decimals (ZpScheme *self,
                        guint     decimals)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (decimals <= MAX_DECIMALS);

  if (self->decimals == decimals)
    return;

  self->decimals = decimals;
  emit_changed (self);
}

/* ---- category split and not-applicable rows -------------------------------------- */

ZpCategorySplit
zp_scheme_get_category_split (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_CATEGORY_SPLIT_FIXED);

  return self->category_split;
}

void
zp_scheme_set_category_split (ZpScheme        *self,
                              ZpCategorySplit  split)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (split == ZP_CATEGORY_SPLIT_FIXED || split == ZP_CATEGORY_SPLIT_FREE);

  if (self->category_split == split)
    return;

  self->category_split = split;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_SPLIT]);
  emit_changed (self);
}

ZpNotApplicableRule
zp_scheme_get_not_applicable (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), ZP_NOT_APPLICABLE_ERROR);

  return self->not_applicable;
}

void
zp_scheme_set_not_applicable (ZpScheme            *self,
                              ZpNotApplicableRule  rule)
{
  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (rule == ZP_NOT_APPLICABLE_ERROR || rule == ZP_NOT_APPLICABLE_RESCALE);

  if (self->not_applicable == rule)
    return;

  self->not_applicable = rule;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_APPLICABLE]);
  emit_changed (self);
}

/* ---- grade bands (自评等级) --------------------------------------------------------- */

guint
zp_scheme_get_n_grade_bands (ZpScheme *self)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), 0);

  return self->grade_bands->len;
}

static const GradeBand *
get_grade_band (ZpScheme *self,
                guint     i)
{
  g_return_val_if_fail (ZP_IS_SCHEME (self), NULL);
  g_return_val_if_fail (i < self->grade_bands->len, NULL);

  return &g_array_index (self->grade_bands, GradeBand, i);
}

const char *
zp_scheme_get_grade_band_id (ZpScheme *self,
                             guint     i)
{
  const GradeBand *band = get_grade_band (self, i);

  return band != NULL ? band->id : NULL;
}

const char *
zp_scheme_get_grade_band_name (ZpScheme *self,
                               guint     i)
{
  const GradeBand *band = get_grade_band (self, i);

  return band != NULL ? band->name : NULL;
}

ZpDecimal
zp_scheme_get_grade_band_min (ZpScheme *self,
                              guint     i)
{
  const GradeBand *band = get_grade_band (self, i);

  return band != NULL ? band->min : ZP_DECIMAL_ZERO;
}

static int
compare_grade_min_descending (gconstpointer a,
                              gconstpointer b)
{
  return zp_decimal_cmp (((const GradeBand *) b)->min, ((const GradeBand *) a)->min);
}

static gboolean
grade_bands_equal (GArray *bands,
                   GArray *other)
{
  if (bands->len != other->len)
    return FALSE;
  for (guint i = 0; i < bands->len; i++)
    {
      const GradeBand *x = &g_array_index (bands, GradeBand, i);
      const GradeBand *y = &g_array_index (other, GradeBand, i);

      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->name, y->name) != 0
          || !zp_decimal_equal (x->min, y->min))
        return FALSE;
    }
  return TRUE;
}

void
zp_scheme_set_grade_bands (ZpScheme                *self,
                           const ZpSchemeGradeBand *bands,
                           guint                    n_bands)
{
  g_autoptr(GArray) replacement = NULL;

  g_return_if_fail (ZP_IS_SCHEME (self));
  g_return_if_fail (bands != NULL && n_bands > 0);

  replacement = g_array_sized_new (FALSE, TRUE, sizeof (GradeBand), n_bands);
  g_array_set_clear_func (replacement, grade_band_clear);
  for (guint i = 0; i < n_bands; i++)
    {
      GradeBand band = { g_strdup (bands[i].id != NULL ? bands[i].id : ""),
                         g_strdup (bands[i].name != NULL ? bands[i].name : ""), bands[i].min };

      g_array_append_val (replacement, band);
    }
  /* Stable, so that equal minimums keep the order given. */
  g_array_sort (replacement, compare_grade_min_descending);
  if (grade_bands_equal (self->grade_bands, replacement))
    return;
  g_array_unref (self->grade_bands);
  self->grade_bands = g_steal_pointer (&replacement);
  emit_changed (self);
}

gboolean
zp_scheme_has_default_grade_bands (ZpScheme *self)
{
  g_autoptr(ZpScheme) fresh = NULL;

  g_return_val_if_fail (ZP_IS_SCHEME (self), FALSE);

  fresh = g_object_new (ZP_TYPE_SCHEME, "id", self->id, NULL);
  return grade_bands_equal (self->grade_bands, fresh->grade_bands);
}
