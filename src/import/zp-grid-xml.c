/* zp-grid-xml.c — the two "xls" files that are not: SpreadsheetML 2003 (what Java systems
 * and WPS write as .xls: <Workbook> with ss:MergeAcross/ss:MergeDown, streamed with
 * libxml2's reader) and HTML tables (web systems' "export to Excel", parsed with libxml2's
 * forgiving HTML parser).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>

#include "zp-grid-private.h"

#define NS_SS "urn:schemas-microsoft-com:office:spreadsheet"
#define MAX_SPAN 10000
#define MAX_HTML (64 * 1024 * 1024)

/* SpreadsheetML 2003 ------------------------------------------------------------------- */

static char *
ss_attribute (xmlTextReaderPtr reader,
              const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) name, (const xmlChar *) NS_SS);
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static guint
ss_uint (xmlTextReaderPtr reader,
         const char      *name,
         guint            fallback,
         guint            max)
{
  g_autofree char *text = ss_attribute (reader, name);
  guint64 v;

  if (text == NULL)
    return fallback;
  v = g_ascii_strtoull (text, NULL, 10);
  return v > max ? max : (guint) v;
}

/* The named formats of SpreadsheetML, then format codes. */
static void
ss_format_info (const char *format,
                int        *places,
                gboolean   *percent)
{
  if (g_strcmp0 (format, "Percent") == 0)
    *places = 2, *percent = TRUE;
  else if (g_strcmp0 (format, "Fixed") == 0 || g_strcmp0 (format, "Standard") == 0)
    *places = 2, *percent = FALSE;
  else if (format == NULL || g_str_has_prefix (format, "General"))
    *places = -1, *percent = FALSE;
  else
    zp_grid_format_code_info (format, places, percent);
}

typedef struct
{
  int      places;
  gboolean percent;
} Format;

static void
xml_error (void                    *arg,
           const char              *msg,
           xmlParserSeverities      severity,
           xmlTextReaderLocatorPtr  locator)
{
  GString *out = arg;

  if (out->len == 0)
    {
      g_string_printf (out, "line %d: %s", xmlTextReaderLocatorLineNumber (locator), msg);
      g_strchomp (out->str);
      out->len = strlen (out->str);
    }
}

static gboolean
ss_store_cell (ZpGrid       *grid,
               ZpGridSheet  *sheet,
               guint         row,
               guint         col,
               const char   *type,
               const char   *text,
               const Format *format,
               GError      **error)
{
  ZpGridCell cell = { 0 };

  if (g_strcmp0 (type, "Number") == 0
      && zp_grid_number_cell (grid, text, format ? format->places : -1,
                              format ? format->percent : FALSE, &cell))
    {
      cell.row = row;
      cell.col = col;
      return zp_grid_add_cell (grid, sheet, &cell, error);
    }
  return zp_grid_add_text (grid, sheet, row, col, text, error);
}

ZpGrid *
zp_grid_read_spreadsheetml (const guint8 *data,
                            gsize         length,
                            const char   *display_name,
                            GError      **error)
{
  g_autoptr(ZpGrid) grid = zp_grid_new (display_name, "SpreadsheetML");
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *style_id = NULL;
  g_autofree char *cell_style = NULL;
  g_autofree char *data_type = NULL;
  xmlTextReaderPtr reader;
  ZpGridSheet *sheet = NULL;
  guint row = 0, col = 0, next_row = 0, cell_across = 0;
  gboolean in_data = FALSE, in_cell = FALSE, ok = TRUE;
  int ret;

  if (length > G_MAXINT)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE, _("%s is too large"), display_name);
      return NULL;
    }
  reader = xmlReaderForMemory ((const char *) data, (int) length, display_name, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (reader == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED, _("%s cannot be read as XML"), display_name);
      return NULL;
    }
  xmlTextReaderSetErrorHandler (reader, xml_error, message);

  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "Style") == 0)
            {
              g_free (style_id);
              style_id = ss_attribute (reader, "ID");
            }
          else if (strcmp (name, "NumberFormat") == 0 && style_id != NULL)
            {
              g_autofree char *format = ss_attribute (reader, "Format");
              Format *f = g_new0 (Format, 1);

              ss_format_info (format, &f->places, &f->percent);
              if (g_hash_table_size (styles) < 100000)
                g_hash_table_replace (styles, g_strdup (style_id), f);
              else
                g_free (f);
            }
          else if (strcmp (name, "Worksheet") == 0)
            {
              g_autofree char *sheet_name = ss_attribute (reader, "Name");

              if (sheet != NULL && !(ok = zp_grid_finish_sheet (grid, sheet, error)))
                break;
              if (grid->sheets->len >= ZP_GRID_MAX_SHEETS)
                {
                  g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                               _("%s has more than %d sheets"), display_name, ZP_GRID_MAX_SHEETS);
                  ok = FALSE;
                  break;
                }
              sheet = zp_grid_add_sheet (grid, sheet_name);
              next_row = 0;
            }
          else if (strcmp (name, "Row") == 0 && sheet != NULL)
            {
              row = ss_uint (reader, "Index", next_row + 1, ZP_GRID_MAX_ROWS) - 1;
              if (row >= ZP_GRID_MAX_ROWS)
                row = ZP_GRID_MAX_ROWS - 1;
              next_row = row + 1 + ss_uint (reader, "Span", 0, MAX_SPAN);
              col = 0;
            }
          else if (strcmp (name, "Cell") == 0 && sheet != NULL)
            {
              guint across = ss_uint (reader, "MergeAcross", 0, MAX_SPAN);
              guint down = ss_uint (reader, "MergeDown", 0, MAX_SPAN);
              guint index = ss_uint (reader, "Index", col + 1, ZP_GRID_MAX_COLS);

              col = index > 0 ? index - 1 : 0;
              if (across > 0 || down > 0)
                zp_grid_add_merge (sheet, row, col, row + down, col + across);
              g_free (cell_style);
              cell_style = ss_attribute (reader, "StyleID");
              g_clear_pointer (&data_type, g_free);
              g_string_truncate (text, 0);
              in_cell = !empty;
              cell_across = across;
              if (empty)
                col += 1 + across;
            }
          else if (in_cell && (strcmp (name, "Data") == 0) && !empty)
            {
              data_type = ss_attribute (reader, "Type");
              in_data = TRUE;
            }
          else if (in_data && strcmp (name, "br") == 0)
            g_string_append_c (text, '\n');
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (strcmp (name, "Data") == 0)
            in_data = FALSE;
          else if (strcmp (name, "Cell") == 0 && in_cell && sheet != NULL)
            {
              const Format *format = cell_style ? g_hash_table_lookup (styles, cell_style) : NULL;

              in_cell = FALSE;
              ok = ss_store_cell (grid, sheet, row, col, data_type, text->str, format, error);
              col += 1 + cell_across;
            }
        }
      else if (in_data && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                           || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
               && text->len < ZP_GRID_MAX_TEXT * 4)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  if (ok && ret < 0)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s is damaged XML (%s); open it in Excel, WPS or LibreOffice and save it "
                     "as .xlsx"), display_name, message->len ? message->str : "?");
      ok = FALSE;
    }
  xmlFreeTextReader (reader);
  if (ok && sheet != NULL)
    ok = zp_grid_finish_sheet (grid, sheet, error);
  return ok ? g_steal_pointer (&grid) : NULL;
}

/* HTML tables ----------------------------------------------------------------------------- */

static gboolean
is_tag (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* The text a cell shows: its text nodes, <br> as a line break, white space runs as one. */
static void
collect_text (xmlNode *node,
              GString *out,
              guint    depth)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      if (out->len > ZP_GRID_MAX_TEXT * 4 || depth > 64)
        return;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *) n->content; p && *p; p++)
            {
              if (g_ascii_isspace (*p))
                {
                  if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
                    g_string_append_c (out, ' ');
                }
              else
                g_string_append_c (out, *p);
            }
        }
      else if (is_tag (n, "br"))
        {
          if (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_c (out, '\n');
        }
      else if (n->type == XML_ELEMENT_NODE && !is_tag (n, "table") && !is_tag (n, "style")
               && !is_tag (n, "script"))
        collect_text (n, out, depth + 1);
    }
}

static guint
span_attribute (xmlNode    *node,
                const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  guint64 v = value ? g_ascii_strtoull ((const char *) value, NULL, 10) : 1;

  xmlFree (value);
  return v < 1 ? 1 : v > MAX_SPAN ? MAX_SPAN : (guint) v;
}

/* A number as shown ("1848.82", "95%", "1,234.50"): the cell keeps its text. */
static void
html_cell (ZpGridCell *cell,
           const char *text)
{
  ZpDecimal value;
  gboolean percent;

  cell->text = text;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !strchr (".,-%", *p))
      return;
  if (*text != '\0' && zp_decimal_parse (text, &value, &percent))
    {
      cell->is_number = TRUE;
      cell->value = value;
      cell->percent = percent;
    }
}

/* One <table>: rows of cells with rowspan/colspan placed on a grid, as a browser does. */
static gboolean
read_table (ZpGrid      *grid,
            xmlNode     *table,
            GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s %u", _("Table"), grid->sheets->len + 1);
  ZpGridSheet *sheet = zp_grid_add_sheet (grid, name);
  g_autoptr(GArray) busy = g_array_new (FALSE, TRUE, sizeof (guint));  /* per column: rows taken up to */
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint row = 0;

  for (xmlNode *n = table->children; n != NULL; n = n->next)
    {
      if (is_tag (n, "tr"))
        g_ptr_array_add (rows, n);
      else if (is_tag (n, "thead") || is_tag (n, "tbody") || is_tag (n, "tfoot"))
        for (xmlNode *m = n->children; m != NULL; m = m->next)
          if (is_tag (m, "tr"))
            g_ptr_array_add (rows, m);
    }

  for (guint r = 0; r < rows->len; r++, row++)
    {
      guint col = 0;

      if (row >= ZP_GRID_MAX_ROWS)
        break;
      for (xmlNode *c = ((xmlNode *) rows->pdata[r])->children; c != NULL; c = c->next)
        {
          guint rowspan, colspan;
          ZpGridCell cell = { 0 };

          if (!is_tag (c, "td") && !is_tag (c, "th"))
            continue;
          while (col < busy->len && g_array_index (busy, guint, col) > row)
            col++;
          if (col >= ZP_GRID_MAX_COLS)
            break;
          rowspan = span_attribute (c, "rowspan");
          colspan = MIN (span_attribute (c, "colspan"), ZP_GRID_MAX_COLS - col);
          if (busy->len < col + colspan)
            g_array_set_size (busy, col + colspan);
          for (guint k = 0; k < colspan; k++)
            g_array_index (busy, guint, col + k) = row + rowspan;

          g_string_truncate (text, 0);
          collect_text (c, text, 0);
          g_strstrip (text->str);
          html_cell (&cell, text->str);
          cell.row = row;
          cell.col = col;
          if (*cell.text != '\0' && !zp_grid_add_cell (grid, sheet, &cell, error))
            return FALSE;
          if (rowspan > 1 || colspan > 1)
            zp_grid_add_merge (sheet, row, col, row + rowspan - 1, col + colspan - 1);
          col += colspan;
        }
    }
  return zp_grid_finish_sheet (grid, sheet, error);
}

static gboolean
find_tables (ZpGrid   *grid,
             xmlNode  *node,
             guint     depth,
             GError  **error)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (is_tag (n, "table"))
        {
          if (grid->sheets->len >= ZP_GRID_MAX_SHEETS)
            return TRUE;
          if (!read_table (grid, n, error))
            return FALSE;
        }
      /* Tables inside tables become tables of their own. */
      if (n->children != NULL && depth < 256 && !find_tables (grid, n->children, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

ZpGrid *
zp_grid_read_html (const guint8 *data,
                   gsize         length,
                   const char   *display_name,
                   GError      **error)
{
  g_autoptr(ZpGrid) grid = zp_grid_new (display_name, "HTML");
  htmlDocPtr doc;
  gboolean ok;

  if (length > MAX_HTML)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                   _("%s is an HTML table larger than %d MB; save it as .xlsx and import that"),
                   display_name, MAX_HTML / (1024 * 1024));
      return NULL;
    }
  doc = htmlReadMemory ((const char *) data, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s cannot be read as HTML; open it in Excel, WPS or LibreOffice and save "
                     "it as .xlsx"), display_name);
      return NULL;
    }
  ok = find_tables (grid, xmlDocGetRootElement (doc) ? doc->children : NULL, 0, error);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&grid) : NULL;
}
