#include "config.h"
#include <glib/gi18n-lib.h>
#include "zp-grid-private.h"
ZpGrid *zp_grid_read_ole2 (GsfInput *input, const char *n, GError **error)
{ g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND, "%s: .xls not yet", n); return NULL; }
ZpGrid *zp_grid_read_spreadsheetml (const guint8 *d, gsize l, const char *n, GError **error)
{ g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND, "%s: xml not yet", n); return NULL; }
ZpGrid *zp_grid_read_html (const guint8 *d, gsize l, const char *n, GError **error)
{ g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND, "%s: html not yet", n); return NULL; }
