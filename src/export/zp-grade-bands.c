/* zp-grade-bands.c — the grade bands read from the grades resource.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "zp-grade-bands.h"
#include "zp-report-resources.h"

#define GRADES_RESOURCE "/io/github/ziping/Ziping/report/grades.json"

static void
band_free (gpointer data)
{
  ZpGradeBand *band = data;

  g_free (band->id);
  g_free (band->name);
  g_free (band);
}

static int
compare_min_descending (gconstpointer a,
                        gconstpointer b)
{
  const ZpGradeBand *x = *(ZpGradeBand * const *) a;
  const ZpGradeBand *y = *(ZpGradeBand * const *) b;

  return zp_decimal_cmp (y->min, x->min);
}

static void
add_bands (GPtrArray *bands,
           JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      ZpGradeBand *band;

      if (object == NULL)
        continue;
      band = g_new0 (ZpGradeBand, 1);
      band->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
      band->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
      if (!zp_decimal_parse (json_object_get_string_member_with_default (object, "min", "0"),
                             &band->min, NULL))
        band->min = ZP_DECIMAL_ZERO;
      g_ptr_array_add (bands, band);
    }
}

GPtrArray *
zp_grade_bands_for_scheme (ZpScheme *scheme)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (GRADES_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *bands = g_ptr_array_new_with_free_func (band_free);
  const char *id = scheme != NULL ? zp_scheme_get_id (scheme) : ZP_SCHEME_DEFAULT_ID;
  JsonObject *schemes;

  g_assert (zp_report_get_resource () != NULL && bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_error ("grades resource: not JSON");
  schemes = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "schemes");
  if (!json_object_has_member (schemes, id))
    id = ZP_SCHEME_DEFAULT_ID;
  add_bands (bands, json_object_get_array_member (schemes, id));
  g_ptr_array_sort (bands, compare_min_descending);
  return bands;
}

guint
zp_grade_bands_index (GPtrArray *bands,
                      ZpDecimal  total)
{
  for (guint i = 0; i < bands->len; i++)
    if (zp_decimal_cmp (total, ((ZpGradeBand *) g_ptr_array_index (bands, i))->min) >= 0)
      return i;
  return bands->len - 1;
}

const ZpGradeBand *
zp_grade_bands_classify (GPtrArray *bands,
                         ZpDecimal  total)
{
  return g_ptr_array_index (bands, zp_grade_bands_index (bands, total));
}
