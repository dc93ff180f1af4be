/* zp-io-loader.c — the json-glib based loader, which validates and explains (docs/file-format.md).
 *
 * Anything the fast reader does not take — or anything wrong — comes here: the text is
 * parsed with json-glib, then every member is validated while the model is built.
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

static void
loader_enter_key (Loader     *l,
                  const char *key)
{
  g_assert (l->depth < MAX_PATH);
  l->path[l->depth++] = (PathSegment) { key, 0 };
}

static void
loader_enter_index (Loader *l,
                    guint   index)
{
  g_assert (l->depth < MAX_PATH);
  l->path[l->depth++] = (PathSegment) { NULL, index };
}

static void
loader_leave (Loader *l)
{
  g_assert (l->depth > 0);
  l->depth--;
}

/* Where the current path (plus `member`, when not NULL) is in the text. */
static gboolean
loader_locate (Loader     *l,
               const char *member,
               gboolean    at_value,
               guint      *line,
               guint      *column)
{
  PathSegment path[MAX_PATH + 1];
  Walker w = { 0 };
  guint n = l->depth;

  memcpy (path, l->path, n * sizeof (PathSegment));
  if (member != NULL)
    path[n++] = (PathSegment) { member, 0 };

  w.text = l->text;
  w.length = l->length;
  w.path = path;
  w.n_path = n;
  w.want_value = at_value;
  w.found = G_MAXSIZE;
  w.lenient = TRUE;
  _zp_io_walker_document (&w);
  g_free (w.error_message);

  if (w.found == G_MAXSIZE)
    return FALSE;

  _zp_io_position_of (l->text, w.found, line, column);
  return TRUE;
}

static gboolean loader_fail (Loader *l, ZpIoError code, const char *member, gboolean at_value,
                             const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Always returns FALSE, for `return loader_fail (…);`. */
static gboolean
loader_fail (Loader     *l,
             ZpIoError   code,
             const char *member,
             gboolean    at_value,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (loader_locate (l, member, at_value, &line, &column))
    g_set_error (l->error, ZP_IO_ERROR, code, "%s:%u:%u: %s", l->display_name, line, column, what);
  else
    g_set_error (l->error, ZP_IO_ERROR, code, "%s: %s", l->display_name, what);
  return FALSE;
}

/* More elements or members than any real workbook holds. */
static gboolean
check_count (Loader     *l,
             const char *member,
             guint       count,
             guint       max)
{
  if (count <= max)
    return TRUE;
  /* TRANSLATORS: "“categories” has 20000 entries; Ziping reads at most 10000 there" */
  return loader_fail (l, ZP_IO_ERROR_TOO_LARGE, member, FALSE,
                      _("“%s” has %u entries; Ziping reads at most %u there"), member, count, max);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node) ? "true" : "false";
    case G_TYPE_DOUBLE:
      return _("a fractional number");
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
fail_type (Loader     *l,
           const char *member,
           const char *expected,
           JsonNode   *node)
{
  /* TRANSLATORS: "“weight” must be a string holding a number, not an object" */
  return loader_fail (l, ZP_IO_ERROR_TYPE, member, FALSE, _("“%s” must be %s, not %s"),
                      member, expected, describe_node (node));
}

static gboolean
fail_missing (Loader     *l,
              const char *member)
{
  return loader_fail (l, ZP_IO_ERROR_MISSING, NULL, TRUE,
                      _("expected a member “%s” in this object"), member);
}

/* Absent and null members are "not there". */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Text as typed; "" when absent. */
static gboolean
read_text (Loader      *l,
           JsonObject  *object,
           const char  *member,
           const char **out)
{
  JsonNode *node = get_member (object, member);

  *out = "";
  if (node == NULL)
    return TRUE;
  if (!node_is_string (node))
    return fail_type (l, member, _("a string"), node);
  *out = json_node_get_string (node);
  return TRUE;
}

/* A figure kept exactly as typed (it may even be a non-number, which the checks report);
 * "" when absent. */
static gboolean
read_figure (Loader      *l,
             JsonObject  *object,
             const char  *member,
             const char **out)
{
  JsonNode *node = get_member (object, member);

  *out = "";
  if (node == NULL)
    return TRUE;
  if (node_is_number (node))
    return loader_fail (l, ZP_IO_ERROR_TYPE, member, FALSE,
                        _("“%s” must be a string holding a number, in quotes (\"2.5\"), not a bare number"),
                        member);
  if (!node_is_string (node))
    return fail_type (l, member, _("a string holding a number"), node);
  *out = json_node_get_string (node);
  if (!_zp_io_figure_in_range (*out))
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” is “%s”, a number beyond what Ziping can hold (±%s)"),
                        member, *out, ZP_DECIMAL_MAX_TEXT);
  return TRUE;
}

/* FALSE for a figure written as a number that no ZpDecimal holds: it would not be
 * capped silently, nor be called "not a number" later. Shorter texts cannot be that
 * large (the shortest is "92234亿", 8 bytes): most figures are not parsed here. */
gboolean
_zp_io_figure_in_range (const char *text)
{
  return strlen (text) < 8 || zp_decimal_parse_checked (text, NULL, NULL) != ZP_DECIMAL_PARSE_OUT_OF_RANGE;
}

static gboolean
read_object (Loader      *l,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (l, member, _("an object"), node);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (Loader      *l,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            JsonArray  **out)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (l, member, _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

/* An array element that must be an object; the path already ends in its index. */
static gboolean
element_object (Loader      *l,
                JsonArray   *array,
                guint        index,
                const char  *what,
                JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    /* TRANSLATORS: "each form must be an object, not a string" */
    return loader_fail (l, ZP_IO_ERROR_TYPE, NULL, TRUE, _("each %s must be an object, not %s"),
                        what, describe_node (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_integer (Loader     *l,
              JsonObject *object,
              const char *member,
              gboolean    required,
              gint64      min,
              gint64      max,
              gint64     *out)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_type (l, member, _("a whole number"), node);

  *out = json_node_get_int (node);
  if (*out < min && max == G_MAXINT64)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be %lld or more, not %lld"),
                        member, (long long) min, (long long) *out);
  if (*out < min || *out > max)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be between %lld and %lld, not %lld"),
                        member, (long long) min, (long long) max, (long long) *out);
  return TRUE;
}

/* true or false; *out keeps its value when the member is absent. */
static gboolean
read_boolean (Loader     *l,
              JsonObject *object,
              const char *member,
              gboolean   *out)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_type (l, member, _("true or false"), node);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static char *
list_words (const char * const *words)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint i;

  for (i = 0; words[i] != NULL; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", words[i]);
  return g_strdup (list->str);
}

/* One of `words`; *out keeps its value when the member is absent and not required. */
static gboolean
read_word (Loader             *l,
           JsonObject         *object,
           const char         *member,
           gboolean            required,
           const char * const *words,
           int                *out)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *allowed = NULL;
  const char *word;
  int i;

  if (node == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!node_is_string (node))
    return fail_type (l, member, _("a string"), node);

  word = json_node_get_string (node);
  for (i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], word))
        {
          *out = i;
          return TRUE;
        }
    }

  allowed = list_words (words);
  return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                      _("“%s” must be one of %s, not “%s”"), member, allowed, word);
}

/* A number of the scheme, which must be readable ("20", "0.8"). */
static gboolean
read_scheme_number (Loader     *l,
                    JsonObject *object,
                    const char *member,
                    gboolean    required,
                    ZpDecimal   max,
                    gboolean   *present,
                    ZpDecimal  *out)
{
  g_autofree char *max_text = NULL;
  const char *text;

  *present = FALSE;
  if (get_member (object, member) == NULL)
    return required ? fail_missing (l, member) : TRUE;
  if (!read_figure (l, object, member, &text))
    return FALSE;

  if (!zp_decimal_parse (text, out, NULL))
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must hold a number such as “20” or “0.8”, not “%s”"), member, text);

  max_text = zp_decimal_format_trim (max, ZP_DECIMAL_PLACES);
  if (zp_decimal_sign (*out) < 0 || zp_decimal_cmp (*out, max) > 0)
    return loader_fail (l, ZP_IO_ERROR_VALUE, member, FALSE,
                        _("“%s” must be between 0 and %s, not “%s”"), member, max_text, text);

  *present = TRUE;
  return TRUE;
}

/* The header: "format", "version". */
static gboolean
load_header (Loader     *l,
             JsonObject *root)
{
  JsonNode *node = get_member (root, "format");
  gint64 version = 0;

  if (node == NULL)
    return loader_fail (l, ZP_IO_ERROR_FORMAT, NULL, TRUE,
                        _("expected “format”: “%s”; this is not a .ziping document"), ZP_FILE_FORMAT_NAME);
  if (!node_is_string (node) || !g_str_equal (json_node_get_string (node), ZP_FILE_FORMAT_NAME))
    return loader_fail (l, ZP_IO_ERROR_FORMAT, "format", FALSE,
                        _("expected “format”: “%s”; this is not a .ziping document"), ZP_FILE_FORMAT_NAME);

  if (!read_integer (l, root, "version", TRUE, 1, G_MAXINT64, &version))
    return FALSE;
  if (version > ZP_FILE_FORMAT_VERSION)
    return loader_fail (l, ZP_IO_ERROR_VERSION, "version", FALSE,
                        _("written by a newer Ziping (version %lld); this version reads versions up to %d"),
                        (long long) version, ZP_FILE_FORMAT_VERSION);
  return TRUE;
}

static gboolean
load_categories (Loader     *l,
                 JsonObject *object,
                 ZpScheme   *scheme)
{
  JsonArray *categories;
  guint i;

  if (!read_array (l, object, "categories", TRUE, &categories)
      || !check_count (l, "categories", json_array_get_length (categories), ZP_IO_MAX_CATEGORIES))
    return FALSE;

  loader_enter_key (l, "categories");
  for (i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *category;
      const char *name;
      ZpDecimal weight;
      gboolean present;

      loader_enter_index (l, i);
      if (!element_object (l, categories, i, _("category"), &category)
          || !read_text (l, category, "name", &name))
        return FALSE;
      if (*name == '\0')
        return loader_fail (l, ZP_IO_ERROR_MISSING, get_member (category, "name") ? "name" : NULL,
                            get_member (category, "name") == NULL,
                            _("each category needs a “name”, such as “%s”"), "产出指标");
      if (!read_scheme_number (l, category, "weight", TRUE, zp_decimal_from_int (100), &present, &weight))
        return FALSE;
      zp_scheme_add_category (scheme, name, weight);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static gboolean
load_bands (Loader     *l,
            JsonObject *object,
            ZpScheme   *scheme)
{
  static const struct { const char *word; ZpGrade grade; } bands[] = {
    { "achieved", ZP_GRADE_ACHIEVED },
    { "partial", ZP_GRADE_PARTIAL },
    { "missed", ZP_GRADE_MISSED },
  };
  JsonObject *lower;
  guint i;

  if (!read_object (l, object, "bands", TRUE, &lower))
    return FALSE;

  loader_enter_key (l, "bands");
  for (i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      ZpDecimal share;
      gboolean present;

      if (!read_scheme_number (l, lower, bands[i].word, TRUE, zp_decimal_from_int (1), &present, &share))
        return FALSE;
      zp_scheme_set_band_lower (scheme, bands[i].grade, share);
    }
  loader_leave (l);
  return TRUE;
}

/* "grades": optional; absent, the scheme keeps its default bands. */
static gboolean
load_grade_bands (Loader     *l,
                  JsonObject *object,
                  ZpScheme   *scheme)
{
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (ZpSchemeGradeBand));
  JsonArray *grades;
  guint i;

  if (!read_array (l, object, "grades", FALSE, &grades))
    return FALSE;
  if (grades == NULL)
    return TRUE;
  if (!check_count (l, "grades", json_array_get_length (grades), ZP_IO_MAX_GRADE_BANDS))
    return FALSE;
  if (json_array_get_length (grades) == 0)
    return loader_fail (l, ZP_IO_ERROR_VALUE, "grades", FALSE,
                        _("“grades” needs at least one grade, such as “%s”"),
                        "{\"id\": \"excellent\", \"name\": \"优\", \"min\": \"90\"}");

  loader_enter_key (l, "grades");
  for (i = 0; i < json_array_get_length (grades); i++)
    {
      JsonObject *grade;
      ZpSchemeGradeBand band = { 0 };
      gboolean present;

      loader_enter_index (l, i);
      if (!element_object (l, grades, i, _("grade"), &grade)
          || !read_text (l, grade, "id", &band.id)
          || !read_text (l, grade, "name", &band.name))
        return FALSE;
      if (*band.name == '\0')
        return loader_fail (l, ZP_IO_ERROR_MISSING, get_member (grade, "name") ? "name" : NULL,
                            get_member (grade, "name") == NULL,
                            _("each grade needs a “name”, such as “%s”"), "优");
      if (!read_scheme_number (l, grade, "min", TRUE, zp_decimal_from_int (100), &present, &band.min))
        return FALSE;
      g_array_append_val (bands, band);
      loader_leave (l);
    }
  loader_leave (l);
  zp_scheme_set_grade_bands (scheme, (const ZpSchemeGradeBand *) bands->data, bands->len);
  return TRUE;
}

/* The members with defaults: zp_scheme_new() has them already. */
static gboolean
load_scheme_options (Loader     *l,
                     JsonObject *object,
                     ZpScheme   *scheme)
{
  int formula = zp_scheme_get_reverse_formula (scheme);
  gint64 decimals = zp_scheme_get_decimals (scheme);
  int split, not_applicable;
  ZpDecimal value;
  gboolean present;

  if (!read_word (l, object, "reverse-formula", FALSE, formula_words, &formula))
    return FALSE;
  zp_scheme_set_reverse_formula (scheme, formula);

  if (!read_scheme_number (l, object, "over-achievement", FALSE, zp_decimal_from_int (100), &present, &value))
    return FALSE;
  if (present)
    zp_scheme_set_over_achievement (scheme, value);

  if (!read_scheme_number (l, object, "execution-threshold", FALSE, zp_decimal_from_int (1), &present, &value))
    return FALSE;
  if (present)
    zp_scheme_set_execution_threshold (scheme, value);

  if (!read_integer (l, object, "decimals", FALSE, 0, 4, &decimals))
    return FALSE;
  zp_scheme_set_decimals (scheme, decimals);

  /* version 2 */
  split = zp_scheme_get_category_split (scheme);
  not_applicable = zp_scheme_get_not_applicable (scheme);
  if (!read_word (l, object, "category-split", FALSE, split_words, &split)
      || !read_word (l, object, "not-applicable", FALSE, not_applicable_words, &not_applicable))
    return FALSE;
  zp_scheme_set_category_split (scheme, split);
  zp_scheme_set_not_applicable (scheme, not_applicable);
  return TRUE;
}

static ZpScheme *
load_scheme (Loader     *l,
             JsonObject *root)
{
  g_autoptr(ZpScheme) scheme = NULL;
  JsonObject *object;
  const char *id, *name;
  int layout = 0;
  ZpDecimal weight;
  gboolean present;

  if (!read_object (l, root, "scheme", TRUE, &object))
    return NULL;

  loader_enter_key (l, "scheme");
  if (!read_text (l, object, "id", &id))
    return NULL;
  if (*id == '\0')
    {
      loader_fail (l, ZP_IO_ERROR_MISSING, get_member (object, "id") ? "id" : NULL,
                   get_member (object, "id") == NULL,
                   _("the scheme needs an “id”, such as “%s”"), ZP_SCHEME_DEFAULT_ID);
      return NULL;
    }
  if (!read_text (l, object, "name", &name)
      || !read_word (l, object, "layout", TRUE, layout_words, &layout)
      || !read_scheme_number (l, object, "execution-weight", TRUE, zp_decimal_from_int (100), &present, &weight))
    return NULL;

  scheme = zp_scheme_new (id, *name != '\0' ? name : id, layout_words[layout]);
  zp_scheme_set_execution_weight (scheme, weight);

  if (!load_categories (l, object, scheme)
      || !load_bands (l, object, scheme)
      || !load_scheme_options (l, object, scheme)
      || !load_grade_bands (l, object, scheme))
    return NULL;

  /* "湖北 / 武汉" written by a Chinese Ziping reads "Hubei / Wuhan" in English. */
  zp_scheme_localize_name (scheme);
  loader_leave (l);
  return g_steal_pointer (&scheme);
}

/* A scheme file (docs/file-format.md, "Scheme files"): {"format": "ziping-scheme",
 * "version": 2, "scheme": {…}}, the scheme as a workbook holds it. */
ZpScheme *
_zp_io_load_scheme_document (Loader   *l,
                             JsonNode *root)
{
  JsonObject *object;
  JsonNode *format;
  gint64 version = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      loader_fail (l, ZP_IO_ERROR_FORMAT, NULL, TRUE,
                   _("expected an object with “format”: “%s”, not %s"),
                   ZP_SCHEME_FORMAT_NAME, describe_node (root));
      return NULL;
    }
  object = json_node_get_object (root);
  format = get_member (object, "format");
  if (format == NULL || !node_is_string (format)
      || !g_str_equal (json_node_get_string (format), ZP_SCHEME_FORMAT_NAME))
    {
      loader_fail (l, ZP_IO_ERROR_FORMAT, format != NULL ? "format" : NULL, format == NULL,
                   _("expected “format”: “%s”; this is not a Ziping scheme file"), ZP_SCHEME_FORMAT_NAME);
      return NULL;
    }
  if (!read_integer (l, object, "version", TRUE, 1, G_MAXINT64, &version))
    return NULL;
  if (version > ZP_FILE_FORMAT_VERSION)
    {
      loader_fail (l, ZP_IO_ERROR_VERSION, "version", FALSE,
                   _("written by a newer Ziping (version %lld); this version reads versions up to %d"),
                   (long long) version, ZP_FILE_FORMAT_VERSION);
      return NULL;
    }
  return load_scheme (l, object);
}

static void
set_workbook_explanation (gpointer    target,
                          const char *key,
                          const char *text)
{
  zp_workbook_set_explanation (target, key, text);
}

void
_zp_io_set_form_explanation (gpointer    target,
                             const char *key,
                             const char *text)
{
  zp_form_set_explanation (target, key, text);
}

static gboolean
load_explanations (Loader     *l,
                   JsonObject *object,
                   gpointer    target,
                   void      (*set) (gpointer, const char *, const char *))
{
  JsonObject *explanations;
  g_autoptr(GList) keys = NULL;
  GList *iter;

  if (!read_object (l, object, "explanations", FALSE, &explanations))
    return FALSE;
  if (explanations == NULL)
    return TRUE;
  if (!check_count (l, "explanations", json_object_get_size (explanations), ZP_IO_MAX_EXPLANATIONS))
    return FALSE;

  loader_enter_key (l, "explanations");
  keys = json_object_get_members (explanations);
  for (iter = keys; iter != NULL; iter = iter->next)
    {
      const char *text;

      if (!read_text (l, explanations, iter->data, &text))
        return FALSE;
      if (*text != '\0')
        set (target, iter->data, text);
    }
  loader_leave (l);
  return TRUE;
}

void
_zp_io_indicator_fields_init (IndicatorFields *fields)
{
  for (guint i = 0; i < N_INDICATOR_TEXTS; i++)
    fields->texts[i] = "";
  fields->direction = ZP_DIRECTION_AUTO;
  fields->grade = ZP_GRADE_NONE;
  fields->not_applicable = FALSE;
  fields->evidence = NULL;
}

ZpIndicator *
_zp_io_indicator_from_fields (const IndicatorFields *fields)
{
  ZpIndicator *indicator = _zp_indicator_new_with_inputs (fields->texts, fields->direction,
                                                          fields->grade);

  /* Rare: nobody listens yet, so the notification costs nothing. */
  if (fields->not_applicable)
    zp_indicator_set_not_applicable (indicator, TRUE);
  if (fields->evidence != NULL)
    zp_indicator_set_evidence (indicator, (const char * const *) fields->evidence);
  return indicator;
}

/* "evidence": an optional list of paths (佐证材料); *out NULL when absent. */
static gboolean
read_evidence (Loader      *l,
               JsonObject  *object,
               GStrv       *out)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!read_array (l, object, "evidence", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!node_is_string (node))
        {
          loader_enter_key (l, "evidence");
          loader_enter_index (l, i);
          return loader_fail (l, ZP_IO_ERROR_TYPE, NULL, TRUE,
                              _("each evidence file must be a path in a string, not %s"),
                              describe_node (node));
        }
      g_strv_builder_add (paths, json_node_get_string (node));
    }
  *out = g_strv_builder_end (paths);
  return TRUE;
}

static ZpIndicator *
load_indicator (Loader     *l,
                JsonObject *object)
{
  IndicatorFields fields;
  ZpIndicator *indicator;
  guint i;

  _zp_io_indicator_fields_init (&fields);
  for (i = 0; i < N_INDICATOR_TEXTS; i++)
    {
      if (indicator_texts[i].figure ? !read_figure (l, object, indicator_texts[i].member, &fields.texts[i])
                                    : !read_text (l, object, indicator_texts[i].member, &fields.texts[i]))
        return NULL;
    }

  if (!read_word (l, object, "direction", FALSE, direction_words, &fields.direction)
      || !read_word (l, object, "grade", FALSE, grade_words, &fields.grade)
      || !read_boolean (l, object, "not-applicable", &fields.not_applicable)
      || !read_evidence (l, object, &fields.evidence))
    return NULL;

  indicator = _zp_io_indicator_from_fields (&fields);
  g_strfreev (fields.evidence);
  return indicator;
}

/* Fills `goal` (which may come with defaults, like a project's one goal: every member is
 * set, so that the file decides). */
static gboolean
load_goal (Loader     *l,
           JsonObject *object,
           ZpGoal     *goal)
{
  const char *text, *achieved, *weight;
  JsonArray *indicators;
  guint i;

  if (!read_text (l, object, "text", &text)
      || !read_text (l, object, "achieved", &achieved)
      || !read_figure (l, object, "weight", &weight)
      || !read_array (l, object, "indicators", FALSE, &indicators))
    return FALSE;

  zp_goal_set_text (goal, text);
  zp_goal_set_achieved (goal, achieved);
  zp_goal_set_weight (goal, weight);
  while (zp_goal_get_n_indicators (goal) > 0)
    zp_goal_remove_indicator (goal, 0);

  if (indicators == NULL)
    return TRUE;
  if (!check_count (l, "indicators", json_array_get_length (indicators), ZP_IO_MAX_INDICATORS))
    return FALSE;

  loader_enter_key (l, "indicators");
  for (i = 0; i < json_array_get_length (indicators); i++)
    {
      g_autoptr(ZpIndicator) indicator = NULL;
      JsonObject *element;

      loader_enter_index (l, i);
      if (!element_object (l, indicators, i, _("indicator"), &element))
        return FALSE;
      indicator = load_indicator (l, element);
      if (indicator == NULL)
        return FALSE;
      zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

/* Budget figures, texts and explanations shared by both kinds of form. */
/* version 2: [{"name": "产出指标", "points": "60"}, …] */
static gboolean
load_category_points (Loader     *l,
                      JsonObject *object,
                      ZpForm     *form)
{
  JsonArray *points;

  if (!read_array (l, object, "category-points", FALSE, &points))
    return FALSE;
  if (points == NULL)
    return TRUE;

  loader_enter_key (l, "category-points");
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *element;
      const char *name, *value;

      loader_enter_index (l, i);
      if (!element_object (l, points, i, _("category"), &element)
          || !read_text (l, element, "name", &name)
          || !read_figure (l, element, "points", &value))
        return FALSE;
      if (*name == '\0')
        return loader_fail (l, ZP_IO_ERROR_MISSING, get_member (element, "name") ? "name" : NULL,
                            get_member (element, "name") == NULL,
                            _("each category needs a “name”, such as “%s”"), "产出指标");
      zp_form_set_category_points (form, name, value);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static gboolean
load_form_common (Loader     *l,
                  JsonObject *object,
                  ZpForm     *form)
{
  const char *initial, *budget, *spent, *analysis, *improvement;
  const char *published_rate, *published_score, *published_total;
  const char *last_year_budget, *last_year_spent;
  g_auto(GStrv) evidence = NULL;

  if (!read_figure (l, object, "initial-budget", &initial)
      || !read_figure (l, object, "budget", &budget)
      || !read_figure (l, object, "spent", &spent)
      || !read_text (l, object, "analysis", &analysis)
      || !read_text (l, object, "improvement", &improvement)
      || !read_figure (l, object, "published-rate", &published_rate)
      || !read_figure (l, object, "published-execution-score", &published_score)
      || !read_figure (l, object, "published-total", &published_total)
      || !read_figure (l, object, "last-year-budget", &last_year_budget)
      || !read_figure (l, object, "last-year-spent", &last_year_spent)
      || !read_evidence (l, object, &evidence))
    return FALSE;

  zp_form_set_initial_budget (form, initial);
  zp_form_set_budget (form, budget);
  zp_form_set_spent (form, spent);
  zp_form_set_analysis (form, analysis);
  zp_form_set_improvement (form, improvement);
  zp_form_set_published_rate (form, published_rate);
  zp_form_set_published_execution_score (form, published_score);
  zp_form_set_published_total (form, published_total);
  zp_form_set_last_year_budget (form, last_year_budget);
  zp_form_set_last_year_spent (form, last_year_spent);
  zp_form_set_evidence (form, (const char * const *) evidence);

  return load_explanations (l, object, form, _zp_io_set_form_explanation)
         && load_category_points (l, object, form);
}

static gboolean
load_department_goals (Loader           *l,
                       JsonObject       *object,
                       ZpDepartmentForm *form)
{
  JsonArray *goals;
  guint i;

  if (!read_array (l, object, "goals", FALSE, &goals))
    return FALSE;
  if (goals == NULL)
    return TRUE;
  if (!check_count (l, "goals", json_array_get_length (goals), ZP_IO_MAX_GOALS))
    return FALSE;

  loader_enter_key (l, "goals");
  for (i = 0; i < json_array_get_length (goals); i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();
      JsonObject *element;

      loader_enter_index (l, i);
      if (!element_object (l, goals, i, _("goal"), &element)
          || !load_goal (l, element, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), zp_form_get_n_goals (ZP_FORM (form)), goal);
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static ZpForm *
load_department_form (Loader     *l,
                      JsonObject *object,
                      ZpScheme   *scheme)
{
  g_autoptr(ZpDepartmentForm) form = zp_department_form_new ();
  const char *unit, *basic, *project;

  zp_form_freeze (ZP_FORM (form));
  zp_form_set_scheme (ZP_FORM (form), scheme);

  if (!read_text (l, object, "unit", &unit)
      || !read_figure (l, object, "basic-expenditure", &basic)
      || !read_figure (l, object, "project-expenditure", &project))
    return NULL;
  zp_department_form_set_unit (form, unit);
  zp_department_form_set_basic_expenditure (form, basic);
  zp_department_form_set_project_expenditure (form, project);

  if (!load_form_common (l, object, ZP_FORM (form))
      || !load_department_goals (l, object, form))
    return NULL;

  return ZP_FORM (g_steal_pointer (&form));
}

static gboolean
load_funds (Loader        *l,
            JsonObject    *object,
            ZpProjectForm *form)
{
  JsonObject *funds;
  guint fund, field;

  if (!read_object (l, object, "funds", FALSE, &funds))
    return FALSE;
  if (funds == NULL)
    return TRUE;

  loader_enter_key (l, "funds");
  for (fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      JsonObject *row;

      if (!read_object (l, funds, fund_words[fund], FALSE, &row))
        return FALSE;
      if (row == NULL)
        continue;

      loader_enter_key (l, fund_words[fund]);
      for (field = 0; field < ZP_N_FUND_FIELDS; field++)
        {
          const char *value;

          if (!read_figure (l, row, fund_field_words[field], &value))
            return FALSE;
          zp_project_form_set_fund (form, fund, field, value);
        }
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

static gboolean
load_project_header (Loader        *l,
                     JsonObject    *object,
                     ZpProjectForm *form)
{
  const char *name, *department, *implementer, *manager;
  int category = ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET;
  int attribute = ZP_PROJECT_ATTRIBUTE_CONTINUING;
  int type = ZP_PROJECT_TYPE_RECURRENT;

  if (!read_text (l, object, "name", &name)
      || !read_text (l, object, "department", &department)
      || !read_text (l, object, "implementer", &implementer)
      || !read_text (l, object, "manager", &manager)
      || !read_word (l, object, "project-category", FALSE, category_words, &category)
      || !read_word (l, object, "project-attribute", FALSE, attribute_words, &attribute)
      || !read_word (l, object, "project-type", FALSE, type_words, &type))
    return FALSE;

  zp_project_form_set_name (form, name);
  zp_project_form_set_department (form, department);
  zp_project_form_set_implementer (form, implementer);
  zp_project_form_set_manager (form, manager);
  zp_project_form_set_project_category (form, category);
  zp_project_form_set_project_attribute (form, attribute);
  zp_project_form_set_project_type (form, type);
  return TRUE;
}

/* The first goal is the 年度总体目标 (an absent one stays empty); version 2 files may hold
 * more (黄冈 2020 prints two). */
static gboolean
load_project_goal (Loader        *l,
                   JsonObject    *object,
                   ZpProjectForm *form)
{
  JsonArray *goals;
  JsonObject *element = NULL;
  guint n;
  gboolean ok;

  if (!read_array (l, object, "goals", FALSE, &goals))
    return FALSE;
  n = goals != NULL ? json_array_get_length (goals) : 0;
  if (!check_count (l, "goals", n, ZP_IO_MAX_GOALS))
    return FALSE;

  loader_enter_key (l, "goals");
  loader_enter_index (l, 0);
  if (n > 0 && !element_object (l, goals, 0, _("goal"), &element))
    return FALSE;

  /* With no goal in the file, an empty object clears the default one. */
  if (element == NULL)
    {
      g_autoptr(JsonObject) empty = json_object_new ();
      ok = load_goal (l, empty, zp_project_form_get_overall_goal (form));
    }
  else
    ok = load_goal (l, element, zp_project_form_get_overall_goal (form));
  loader_leave (l);

  for (guint i = 1; ok && i < n; i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();

      loader_enter_index (l, i);
      if (!element_object (l, goals, i, _("goal"), &element)
          || !load_goal (l, element, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), i, goal);
      loader_leave (l);
    }

  loader_leave (l);
  return ok;
}

static ZpForm *
load_project_form (Loader     *l,
                   JsonObject *object,
                   ZpScheme   *scheme)
{
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();

  zp_form_freeze (ZP_FORM (form));
  zp_form_set_scheme (ZP_FORM (form), scheme);

  if (!load_project_header (l, object, form)
      || !load_form_common (l, object, ZP_FORM (form))
      || !load_funds (l, object, form)
      || !load_project_goal (l, object, form))
    return NULL;

  return ZP_FORM (g_steal_pointer (&form));
}

/* Builds one form (frozen: it scores once, when thawed in the workbook). */
static gboolean
load_form (Loader     *l,
           JsonArray  *forms,
           guint       index,
           ZpWorkbook *workbook)
{
  g_autoptr(ZpForm) form = NULL;
  JsonObject *object;
  int kind = KIND_PROJECT;

  if (!element_object (l, forms, index, _("form"), &object)
      || !read_word (l, object, "kind", TRUE, kind_words, &kind))
    return FALSE;

  if (kind == KIND_DEPARTMENT && index > 0)
    return loader_fail (l, ZP_IO_ERROR_VALUE, "kind", FALSE,
                        _("the department form must come first, and a workbook has at most one"));

  if (kind == KIND_DEPARTMENT)
    form = load_department_form (l, object, zp_workbook_get_scheme (workbook));
  else
    form = load_project_form (l, object, zp_workbook_get_scheme (workbook));
  if (form == NULL)
    return FALSE;

  if (kind == KIND_DEPARTMENT)
    zp_workbook_set_department_form (workbook, ZP_DEPARTMENT_FORM (form));
  else
    zp_workbook_insert_project (workbook, G_MAXUINT, ZP_PROJECT_FORM (form));
  zp_form_thaw (form);
  return TRUE;
}

static gboolean
load_forms (Loader     *l,
            JsonObject *root,
            ZpWorkbook *workbook)
{
  JsonArray *forms;
  guint i;

  if (!read_array (l, root, "forms", TRUE, &forms)
      || !check_count (l, "forms", json_array_get_length (forms), ZP_IO_MAX_FORMS))
    return FALSE;

  loader_enter_key (l, "forms");
  for (i = 0; i < json_array_get_length (forms); i++)
    {
      loader_enter_index (l, i);
      if (!load_form (l, forms, i, workbook))
        return FALSE;
      loader_leave (l);
    }
  loader_leave (l);
  return TRUE;
}

/* "report-edits" (optional): paragraph key → { "text", "generated" }. */
static gboolean
load_report_edits (Loader     *l,
                   JsonObject *object,
                   ZpWorkbook *workbook)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(ss)}"));
  JsonObject *edits;
  g_autoptr(GList) keys = NULL;

  if (!read_object (l, object, "report-edits", FALSE, &edits))
    return FALSE;
  if (edits == NULL)
    return TRUE;
  if (!check_count (l, "report-edits", json_object_get_size (edits), ZP_IO_MAX_EXPLANATIONS))
    return FALSE;

  loader_enter_key (l, "report-edits");
  keys = json_object_get_members (edits);
  /* Sorted, as the workbook keeps them. */
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *iter = keys; iter != NULL; iter = iter->next)
    {
      JsonObject *edit;
      const char *text, *generated;

      if (!read_object (l, edits, iter->data, TRUE, &edit))
        return FALSE;
      loader_enter_key (l, iter->data);
      if (!read_text (l, edit, "text", &text) || !read_text (l, edit, "generated", &generated))
        return FALSE;
      loader_leave (l);
      g_variant_builder_add (&builder, "{s(ss)}", (const char *) iter->data, text, generated);
    }
  loader_leave (l);
  zp_workbook_set_report_edits (workbook, g_variant_builder_end (&builder));
  return TRUE;
}

/* Everything but the forms: header, scheme, the workbook's own members. */
ZpWorkbook *
_zp_io_load_workbook_head (Loader     *l,
                           JsonObject *object)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(ZpScheme) scheme = NULL;
  const char *unit, *unit_short, *department;
  int amount_unit = ZP_AMOUNT_UNIT_WAN_YUAN;
  gint64 year = 0;

  if (!load_header (l, object)
      || !read_integer (l, object, "year", TRUE, 0, 9999, &year)
      || !read_text (l, object, "unit", &unit)
      || !read_text (l, object, "unit-short", &unit_short)
      || !read_text (l, object, "department", &department)
      || !read_word (l, object, "amount-unit", FALSE, amount_unit_words, &amount_unit))
    return NULL;

  scheme = load_scheme (l, object);
  if (scheme == NULL)
    return NULL;

  workbook = zp_workbook_new (NULL);
  zp_workbook_set_year (workbook, year);
  zp_workbook_set_unit (workbook, unit);
  zp_workbook_set_unit_short (workbook, unit_short);
  zp_workbook_set_department (workbook, department);
  zp_workbook_set_amount_unit (workbook, amount_unit);
  zp_workbook_set_scheme (workbook, scheme);

  if (!load_explanations (l, object, workbook, set_workbook_explanation)
      || !load_report_edits (l, object, workbook))
    return NULL;

  return g_steal_pointer (&workbook);
}

ZpWorkbook *
_zp_io_load_workbook (Loader   *l,
                      JsonNode *root)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      loader_fail (l, ZP_IO_ERROR_FORMAT, NULL, TRUE,
                   _("expected an object with “format”: “%s”, not %s"),
                   ZP_FILE_FORMAT_NAME, describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  workbook = _zp_io_load_workbook_head (l, object);
  if (workbook == NULL || !load_forms (l, object, workbook))
    return NULL;

  return g_steal_pointer (&workbook);
}
