/* zp-grid-xlsx.c — .xlsx (OOXML) into a ZpGrid: libgsf opens the zip, libxml2's reader
 * streams each part (workbook, relationships, shared strings, styles, sheets), so a large
 * sheet is never held as a tree.
 *
 * Numbers come out as the decimal the cell shows (its number format's places, percent);
 * formula cells give their cached value; merges expand to their top-left value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "zp-grid-private.h"

#define NS_REL_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT       "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  GsfInput   *input;
  gsize       read;
  gboolean    too_large;
} PartStream;

typedef struct
{
  ZpGrid      *grid;
  GsfInfile   *zip;
  GPtrArray   *shared;      /* const char*, interned in the grid */
  GArray      *xf_places;   /* int per cellXfs entry */
  GArray      *xf_percent;  /* gboolean per cellXfs entry */
  GString     *xml_error;   /* the first message libxml2 gave */
} Xlsx;

/* Opening parts ------------------------------------------------------------------------ */

static GsfInput *
open_member (GsfInfile  *zip,
             const char *path)
{
  g_auto(GStrv) names = NULL;
  GsfInput *current = NULL;
  GsfInfile *dir = zip;

  while (*path == '/')
    path++;
  names = g_strsplit (path, "/", 16);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInput *child;

      if (*names[i] == '\0')
        continue;
      if (dir == NULL)
        {
          g_clear_object (&current);
          return NULL;
        }
      child = gsf_infile_child_by_name (dir, names[i]);
      g_clear_object (&current);
      if (child == NULL)
        return NULL;
      current = child;
      dir = GSF_IS_INFILE (child) ? GSF_INFILE (child) : NULL;
    }
  return current;
}

static int
part_read (void *context,
           char *buffer,
           int   len)
{
  PartStream *stream = context;
  gsf_off_t remaining = gsf_input_remaining (stream->input);
  gsize n = MIN ((gsf_off_t) len, remaining);

  if (n == 0)
    return 0;
  if (stream->read + n > ZP_GRID_MAX_PART)
    {
      stream->too_large = TRUE;
      return -1;
    }
  if (gsf_input_read (stream->input, n, (guint8 *) buffer) == NULL)
    return -1;
  stream->read += n;
  return (int) n;
}

static void
xml_error_handler (void                    *arg,
                   const char              *msg,
                   xmlParserSeverities      severity,
                   xmlTextReaderLocatorPtr  locator)
{
  Xlsx *x = arg;

  if (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR
      && x->xml_error->len > 0)
    return;
  if (x->xml_error->len == 0)
    {
      g_string_printf (x->xml_error, "line %d: %s", xmlTextReaderLocatorLineNumber (locator), msg);
      g_strchomp (x->xml_error->str);
      x->xml_error->len = strlen (x->xml_error->str);
    }
}

/* A reader over a part; NULL when the part is missing. */
static xmlTextReaderPtr
open_part (Xlsx       *x,
           const char *path,
           PartStream *stream)
{
  xmlTextReaderPtr reader;

  stream->input = open_member (x->zip, path);
  stream->read = 0;
  stream->too_large = FALSE;
  if (stream->input == NULL)
    return NULL;
  /* No network, no entity expansion, no DTD: a part is data, never instructions. */
  reader = xmlReaderForIO (part_read, NULL, stream, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (reader == NULL)
    {
      g_clear_object (&stream->input);
      return NULL;
    }
  g_string_truncate (x->xml_error, 0);
  xmlTextReaderSetErrorHandler (reader, xml_error_handler, x);
  return reader;
}

static void
close_part (xmlTextReaderPtr reader,
            PartStream      *stream)
{
  if (reader != NULL)
    xmlFreeTextReader (reader);
  g_clear_object (&stream->input);
}

/* After a reader returned -1: the message naming the part. */
static gboolean
part_failed (Xlsx        *x,
             const char  *part,
             const char  *sheet,
             PartStream  *stream,
             GError     **error)
{
  if (stream->too_large)
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                 _("%s: the part %s unpacks to more than %d MB"),
                 x->grid->display_name, part, ZP_GRID_MAX_PART / (1024 * 1024));
  else if (sheet != NULL)
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                 _("%s: sheet “%s” is damaged (%s, %s); open it in Excel, WPS or LibreOffice "
                   "and save it again"),
                 x->grid->display_name, sheet, part,
                 x->xml_error->len ? x->xml_error->str : "unreadable");
  else
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                 _("%s is damaged (%s, %s); open it in Excel, WPS or LibreOffice and save it "
                   "again"),
                 x->grid->display_name, part,
                 x->xml_error->len ? x->xml_error->str : "unreadable");
  return FALSE;
}

static gboolean
is_element (xmlTextReaderPtr reader,
            const char      *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr reader,
        const char      *name)
{
  int type = xmlTextReaderNodeType (reader);

  return (type == XML_READER_TYPE_END_ELEMENT
          || (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader)))
         && strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attribute (xmlTextReaderPtr reader,
           const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_text_node (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
         || type == XML_READER_TYPE_WHITESPACE;
}

/* Relationships and the workbook ------------------------------------------------------- */

/* Id → target path inside the zip, resolved against the part's folder. */
static GHashTable *
read_relationships (Xlsx        *x,
                    const char  *rels_path,
                    const char  *base_dir,
                    GError     **error)
{
  PartStream stream;
  xmlTextReaderPtr reader = open_part (x, rels_path, &stream);
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int ret;

  if (reader == NULL)
    return targets;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "Relationship"))
        {
          g_autofree char *id = attribute (reader, "Id");
          g_autofree char *target = attribute (reader, "Target");

          if (id == NULL || target == NULL)
            continue;
          if (*target == '/')
            g_hash_table_replace (targets, g_steal_pointer (&id), g_strdup (target + 1));
          else
            g_hash_table_replace (targets, g_steal_pointer (&id),
                                  g_strconcat (base_dir, target, NULL));
        }
    }
  if (ret < 0)
    {
      part_failed (x, rels_path, NULL, &stream, error);
      close_part (reader, &stream);
      g_hash_table_unref (targets);
      return NULL;
    }
  close_part (reader, &stream);
  return targets;
}

typedef struct
{
  char *name;
  char *path;
} SheetRef;

static void
sheet_ref_free (SheetRef *ref)
{
  g_free (ref->name);
  g_free (ref->path);
  g_free (ref);
}

static GPtrArray *
read_workbook (Xlsx        *x,
               GError     **error)
{
  g_autoptr(GHashTable) targets = read_relationships (x, "xl/_rels/workbook.xml.rels", "xl/", error);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_ref_free);
  PartStream stream;
  xmlTextReaderPtr reader;
  int ret;

  if (targets == NULL)
    return NULL;
  reader = open_part (x, "xl/workbook.xml", &stream);
  if (reader == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s is a zip file but not a spreadsheet (no xl/workbook.xml)"),
                   x->grid->display_name);
      return NULL;
    }
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "sheet"))
        {
          g_autofree char *name = attribute (reader, "name");
          xmlChar *id = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                     (const xmlChar *) NS_REL_TRANSITIONAL);
          const char *path;
          SheetRef *ref;

          if (id == NULL)
            id = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                              (const xmlChar *) NS_REL_STRICT);
          path = id ? g_hash_table_lookup (targets, (const char *) id) : NULL;
          xmlFree (id);
          if (path == NULL)
            continue;  /* a chart sheet or a dangling reference: nothing to read */
          if (sheets->len >= ZP_GRID_MAX_SHEETS)
            {
              close_part (reader, &stream);
              g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                           _("%s has more than %d sheets"), x->grid->display_name,
                           ZP_GRID_MAX_SHEETS);
              return NULL;
            }
          ref = g_new0 (SheetRef, 1);
          ref->name = g_steal_pointer (&name);
          ref->path = g_strdup (path);
          g_ptr_array_add (sheets, ref);
        }
    }
  if (ret < 0)
    {
      part_failed (x, "xl/workbook.xml", NULL, &stream, error);
      close_part (reader, &stream);
      return NULL;
    }
  close_part (reader, &stream);
  return g_steal_pointer (&sheets);
}

/* Shared strings and styles ------------------------------------------------------------ */

/* The text of an <si> or <is>: its <t> runs, without phonetic guides (<rPh>). Leaves the
 * reader on the closing element. */
static int
read_string_item (xmlTextReaderPtr reader,
                  const char      *end_name,
                  GString         *text)
{
  int depth_rph = 0;
  gboolean in_t = FALSE;
  int ret;

  g_string_truncate (text, 0);
  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_end (reader, end_name))
        break;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (reader);

          if (strcmp (name, "rPh") == 0 && !xmlTextReaderIsEmptyElement (reader))
            depth_rph++;
          else if (strcmp (name, "t") == 0 && !xmlTextReaderIsEmptyElement (reader))
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (reader);

          if (strcmp (name, "rPh") == 0 && depth_rph > 0)
            depth_rph--;
          else if (strcmp (name, "t") == 0)
            in_t = FALSE;
        }
      else if (in_t && depth_rph == 0 && is_text_node (reader)
               && text->len < ZP_GRID_MAX_TEXT * 4)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return ret;
}

static gboolean
read_shared_strings (Xlsx       *x,
                     const char *path,
                     GError    **error)
{
  PartStream stream;
  xmlTextReaderPtr reader = open_part (x, path, &stream);
  g_autoptr(GString) text = g_string_new (NULL);
  int ret;

  if (reader == NULL)
    return TRUE;  /* a workbook without text has none */
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "si"))
        {
          if ((ret = read_string_item (reader, "si", text)) != 1)
            break;
          if (x->shared->len >= ZP_GRID_MAX_CELLS)
            {
              stream.too_large = TRUE;
              ret = -1;
              break;
            }
          g_ptr_array_add (x->shared, (gpointer) zp_grid_intern (x->grid, text->str));
        }
    }
  if (ret < 0)
    {
      part_failed (x, path, NULL, &stream, error);
      close_part (reader, &stream);
      return FALSE;
    }
  close_part (reader, &stream);
  return TRUE;
}

static gboolean
read_styles (Xlsx        *x,
             GError     **error)
{
  PartStream stream;
  xmlTextReaderPtr reader = open_part (x, "xl/styles.xml", &stream);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  gboolean in_cell_xfs = FALSE;
  int ret;

  if (reader == NULL)
    return TRUE;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = attribute (reader, "numFmtId");
          g_autofree char *code = attribute (reader, "formatCode");

          if (id != NULL && code != NULL && g_hash_table_size (formats) < 100000)
            g_hash_table_replace (formats, GUINT_TO_POINTER (strtoul (id, NULL, 10)),
                                  g_steal_pointer (&code));
        }
      else if (is_element (reader, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (reader, "xf") && x->xf_places->len < 1000000)
        {
          g_autofree char *id_text = attribute (reader, "numFmtId");
          guint id = id_text ? (guint) strtoul (id_text, NULL, 10) : 0;
          const char *code = g_hash_table_lookup (formats, GUINT_TO_POINTER (id));
          int places;
          gboolean percent;

          if (code != NULL)
            zp_grid_format_code_info (code, &places, &percent);
          else
            zp_grid_builtin_format_info (id, &places, &percent);
          g_array_append_val (x->xf_places, places);
          g_array_append_val (x->xf_percent, percent);
        }
    }
  if (ret < 0)
    {
      part_failed (x, "xl/styles.xml", NULL, &stream, error);
      close_part (reader, &stream);
      return FALSE;
    }
  close_part (reader, &stream);
  return TRUE;
}

/* Sheets ------------------------------------------------------------------------------- */

typedef struct
{
  guint    row, col;
  char    *type;      /* t: s, str, inlineStr, b, e, n, d */
  guint    style;
  GString *value;     /* <v> */
  GString *inline_text;
  gboolean has_inline;
} CellState;

static gboolean
store_cell (Xlsx        *x,
            ZpGridSheet *sheet,
            CellState   *c,
            GError     **error)
{
  const char *type = c->type ? c->type : "n";
  g_autofree char *ref = NULL;
  ZpGridCell cell = { 0 };

  cell.row = c->row;
  cell.col = c->col;

  if (strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (c->value->str, &end, 10);

      if (c->value->len == 0)
        return TRUE;
      if (end == c->value->str || index >= x->shared->len)
        {
          ref = zp_grid_ref (c->row, c->col);
          g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                       _("%s: sheet “%s”, cell %s refers to shared string %s, which is "
                         "not there; open the file in Excel, WPS or LibreOffice and save it again"),
                       x->grid->display_name, sheet->name, ref, c->value->str);
          return FALSE;
        }
      return zp_grid_add_text (x->grid, sheet, c->row, c->col, g_ptr_array_index (x->shared, index), error);
    }
  if (strcmp (type, "inlineStr") == 0)
    return zp_grid_add_text (x->grid, sheet, c->row, c->col, c->inline_text->str, error);
  if (strcmp (type, "b") == 0)
    return zp_grid_add_text (x->grid, sheet, c->row, c->col,
                             strcmp (c->value->str, "1") == 0 ? "TRUE" : c->value->len ? "FALSE" : "",
                             error);
  if (strcmp (type, "n") == 0)
    {
      int places = -1;
      gboolean percent = FALSE;

      if (c->value->len == 0)
        return TRUE;
      if (c->style < x->xf_places->len)
        {
          places = g_array_index (x->xf_places, int, c->style);
          percent = g_array_index (x->xf_percent, gboolean, c->style);
        }
      if (zp_grid_number_cell (x->grid, c->value->str, places, percent, &cell))
        {
          cell.row = c->row;
          cell.col = c->col;
          return zp_grid_add_cell (x->grid, sheet, &cell, error);
        }
      /* Not a number after all: keep what it says. */
    }
  /* str (a formula's text), e (an error such as #DIV/0!), d (an ISO date) and the rest */
  return zp_grid_add_text (x->grid, sheet, c->row, c->col, c->value->str, error);
}

/* Sheets are the bulk of a file: parsed with SAX2 (no allocation per attribute, no
 * node objects), fed from the zip in chunks. */
typedef struct
{
  Xlsx            *x;
  ZpGridSheet     *sheet;
  const char      *part;
  xmlParserCtxtPtr ctxt;
  CellState        c;
  guint            next_row;
  gboolean         in_cell, in_v, in_is, in_t;
  int              rph_depth;
  GError          *error;     /* set by a callback: parsing stops */
} SheetSax;

/* An attribute's value (not NUL-terminated in SAX2) into buf. */
static const char *
sax_attribute (const xmlChar **attributes,
               int             n,
               const char     *name,
               char           *buf,
               gsize           size)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[1] == NULL && strcmp ((const char *) a[0], name) == 0)
        {
          gsize len = MIN ((gsize) (a[4] - a[3]), size - 1);

          memcpy (buf, a[3], len);
          buf[len] = '\0';
          return buf;
        }
    }
  return NULL;
}

static void
sax_fail (SheetSax *sax)
{
  xmlStopParser (sax->ctxt);
}

static void
sax_start (void           *data,
           const xmlChar  *localname,
           const xmlChar  *prefix,
           const xmlChar  *uri,
           int             nb_namespaces,
           const xmlChar **namespaces,
           int             nb_attributes,
           int             nb_defaulted,
           const xmlChar **attributes)
{
  SheetSax *sax = data;
  const char *name = (const char *) localname;
  char buf[64];

  if (sax->error != NULL)
    return;
  if (sax->in_cell)
    {
      if (strcmp (name, "v") == 0)
        sax->in_v = TRUE;
      else if (strcmp (name, "is") == 0)
        sax->in_is = TRUE;
      else if (sax->in_is && strcmp (name, "rPh") == 0)
        sax->rph_depth++;
      else if (sax->in_is && strcmp (name, "t") == 0)
        sax->in_t = TRUE;
      return;
    }
  if (strcmp (name, "c") == 0)
    {
      const char *r = sax_attribute (attributes, nb_attributes, "r", buf, sizeof buf);
      CellState *c = &sax->c;

      if (r != NULL)
        {
          guint row, col;

          if (!zp_grid_parse_ref (r, &row, &col))
            {
              g_set_error (&sax->error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                           _("%s: sheet “%s”: “%s” is not a cell reference"),
                           sax->x->grid->display_name, sax->sheet->name, r);
              sax_fail (sax);
              return;
            }
          c->row = row;
          c->col = col;
          sax->next_row = row + 1;
        }
      g_free (c->type);
      c->type = g_strdup (sax_attribute (attributes, nb_attributes, "t", buf, sizeof buf));
      r = sax_attribute (attributes, nb_attributes, "s", buf, sizeof buf);
      c->style = r ? (guint) g_ascii_strtoull (r, NULL, 10) : 0;
      g_string_truncate (c->value, 0);
      g_string_truncate (c->inline_text, 0);
      sax->in_cell = TRUE;
    }
  else if (strcmp (name, "row") == 0)
    {
      const char *r = sax_attribute (attributes, nb_attributes, "r", buf, sizeof buf);
      guint64 n = r ? g_ascii_strtoull (r, NULL, 10) : 0;

      sax->c.row = n >= 1 && n <= ZP_GRID_MAX_ROWS ? (guint) n - 1 : sax->next_row;
      sax->next_row = sax->c.row + 1;
      sax->c.col = 0;
    }
  else if (strcmp (name, "mergeCell") == 0)
    {
      char range[64];
      const char *ref = sax_attribute (attributes, nb_attributes, "ref", range, sizeof range);
      char *colon = ref ? strchr (range, ':') : NULL;
      guint r1, c1, r2, c2;

      if (colon != NULL)
        {
          *colon = '\0';
          if (zp_grid_parse_ref (range, &r1, &c1) && zp_grid_parse_ref (colon + 1, &r2, &c2))
            zp_grid_add_merge (sax->sheet, MIN (r1, r2), MIN (c1, c2), MAX (r1, r2), MAX (c1, c2));
        }
    }
}

static void
sax_end (void          *data,
         const xmlChar *localname,
         const xmlChar *prefix,
         const xmlChar *uri)
{
  SheetSax *sax = data;
  const char *name = (const char *) localname;

  if (sax->error != NULL || !sax->in_cell)
    return;
  if (strcmp (name, "v") == 0)
    sax->in_v = FALSE;
  else if (strcmp (name, "t") == 0)
    sax->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0 && sax->rph_depth > 0)
    sax->rph_depth--;
  else if (strcmp (name, "is") == 0)
    sax->in_is = FALSE;
  else if (strcmp (name, "c") == 0)
    {
      sax->in_cell = sax->in_v = sax->in_is = sax->in_t = FALSE;
      sax->rph_depth = 0;
      if (!store_cell (sax->x, sax->sheet, &sax->c, &sax->error))
        sax_fail (sax);
      sax->c.col++;
    }
}

static void
sax_characters (void          *data,
                const xmlChar *ch,
                int            len)
{
  SheetSax *sax = data;

  if (sax->in_v && sax->c.value->len < ZP_GRID_MAX_TEXT * 4)
    g_string_append_len (sax->c.value, (const char *) ch, len);
  else if (sax->in_t && sax->rph_depth == 0 && sax->c.inline_text->len < ZP_GRID_MAX_TEXT * 4)
    g_string_append_len (sax->c.inline_text, (const char *) ch, len);
}

static void
sax_error (void       *data,
           xmlErrorPtr error)
{
  SheetSax *sax = data;

  if (sax->x->xml_error->len == 0 && error != NULL && error->level >= XML_ERR_ERROR)
    {
      g_string_printf (sax->x->xml_error, "line %d: %s", error->line,
                       error->message ? error->message : "?");
      g_strchomp (sax->x->xml_error->str);
      sax->x->xml_error->len = strlen (sax->x->xml_error->str);
    }
}

#define CHUNK (64 * 1024)

static gboolean
read_sheet (Xlsx        *x,
            SheetRef    *ref,
            GError     **error)
{
  xmlSAXHandler handler = { 0 };
  SheetSax sax = { 0 };
  GsfInput *input = open_member (x->zip, ref->path);
  gsize total = 0;
  gboolean too_large = FALSE, ok;
  int ret = 0;

  if (input == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s: sheet “%s” is missing from the file (%s)"),
                   x->grid->display_name, ref->name, ref->path);
      return FALSE;
    }
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = sax_start;
  handler.endElementNs = sax_end;
  handler.characters = sax_characters;
  handler.cdataBlock = sax_characters;
  handler.serror = sax_error;
  sax.x = x;
  sax.sheet = zp_grid_add_sheet (x->grid, ref->name);
  sax.part = ref->path;
  sax.c.value = g_string_new (NULL);
  sax.c.inline_text = g_string_new (NULL);
  g_string_truncate (x->xml_error, 0);

  sax.ctxt = xmlCreatePushParserCtxt (&handler, &sax, NULL, 0, ref->path);
  /* No network, no entities expanded (no handler stores them), no DTD. */
  xmlCtxtUseOptions (sax.ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  while (ret == 0 && sax.error == NULL)
    {
      gsf_off_t remaining = gsf_input_remaining (input);
      gsize n = MIN ((gsf_off_t) CHUNK, remaining);
      const guint8 *chunk;

      if (n == 0)
        {
          ret = xmlParseChunk (sax.ctxt, NULL, 0, 1);
          break;
        }
      if (total + n > ZP_GRID_MAX_PART)
        {
          too_large = TRUE;
          break;
        }
      chunk = gsf_input_read (input, n, NULL);
      if (chunk == NULL)
        {
          ret = -1;
          break;
        }
      total += n;
      ret = xmlParseChunk (sax.ctxt, (const char *) chunk, (int) n, 0);
    }

  ok = sax.error == NULL && !too_large && ret == 0 && sax.ctxt->wellFormed;
  if (sax.error != NULL)
    g_propagate_error (error, g_steal_pointer (&sax.error));
  else if (!ok)
    {
      PartStream stream = { NULL, 0, too_large };

      part_failed (x, ref->path, ref->name, &stream, error);
    }
  /* libxml2 keeps entity declarations in a document of its own when no handler takes
   * them (a hostile sheet's DTD): freed here, the context does not. */
  if (sax.ctxt->myDoc != NULL)
    {
      xmlFreeDoc (sax.ctxt->myDoc);
      sax.ctxt->myDoc = NULL;
    }
  xmlFreeParserCtxt (sax.ctxt);
  g_object_unref (input);
  g_free (sax.c.type);
  g_string_free (sax.c.value, TRUE);
  g_string_free (sax.c.inline_text, TRUE);
  return ok && zp_grid_finish_sheet (x->grid, sax.sheet, error);
}

static const char *
shared_strings_path (Xlsx *x)
{
  return "xl/sharedStrings.xml";
}

ZpGrid *
zp_grid_read_xlsx (GsfInput    *input,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(ZpGrid) grid = zp_grid_new (display_name, "xlsx");
  g_autoptr(GPtrArray) sheets = NULL;
  Xlsx x = { 0 };
  gboolean ok = FALSE;

  x.zip = gsf_infile_zip_new (input, &zip_error);
  if (x.zip == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s is a damaged zip file (%s): was it copied whole? Open it in Excel, "
                     "WPS or LibreOffice and save it again"),
                   display_name, zip_error ? zip_error->message : "?");
      return NULL;
    }
  x.grid = grid;
  x.shared = g_ptr_array_new ();
  x.xf_places = g_array_new (FALSE, FALSE, sizeof (int));
  x.xf_percent = g_array_new (FALSE, FALSE, sizeof (gboolean));
  x.xml_error = g_string_new (NULL);

  sheets = read_workbook (&x, error);
  if (sheets != NULL && read_shared_strings (&x, shared_strings_path (&x), error)
      && read_styles (&x, error))
    {
      ok = TRUE;
      for (guint i = 0; ok && i < sheets->len; i++)
        ok = read_sheet (&x, g_ptr_array_index (sheets, i), error);
    }

  g_ptr_array_unref (x.shared);
  g_array_unref (x.xf_places);
  g_array_unref (x.xf_percent);
  g_string_free (x.xml_error, TRUE);
  g_object_unref (x.zip);
  return ok ? g_steal_pointer (&grid) : NULL;
}
