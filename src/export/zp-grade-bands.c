/* zp-grade-bands.c — the grade bands of a workbook's scheme (zp_scheme_get_grade_band_*).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-grade-bands.h"

static void
band_free (gpointer data)
{
  ZpGradeBand *band = data;

  g_free (band->id);
  g_free (band->name);
  g_free (band);
}

GPtrArray *
zp_grade_bands_for_scheme (ZpScheme *scheme)
{
  g_autoptr(ZpScheme) fallback = NULL;
  GPtrArray *bands = g_ptr_array_new_with_free_func (band_free);

  if (scheme == NULL)
    scheme = fallback = zp_scheme_new_builtin (ZP_SCHEME_DEFAULT_ID);
  /* The scheme keeps them highest first. */
  for (guint i = 0; i < zp_scheme_get_n_grade_bands (scheme); i++)
    {
      ZpGradeBand *band = g_new0 (ZpGradeBand, 1);

      band->id = g_strdup (zp_scheme_get_grade_band_id (scheme, i));
      band->name = g_strdup (zp_scheme_get_grade_band_name (scheme, i));
      band->min = zp_scheme_get_grade_band_min (scheme, i);
      g_ptr_array_add (bands, band);
    }
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
