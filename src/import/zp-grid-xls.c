/* zp-grid-xls.c — .xls (BIFF8, also what WPS writes as .et/.xls) into a ZpGrid.
 *
 * libgsf opens the OLE2 container and gives the Workbook stream; the records are read
 * here: BOUNDSHEET (sheet names), SST with its CONTINUE records (shared strings),
 * FORMAT/XF (number formats: percentages and the decimals shown), LABELSST, LABEL,
 * NUMBER, RK, MULRK, BOOLERR, FORMULA with its cached result (and the STRING record after
 * it), MERGEDCELLS. FILEPASS (a password) and an OLE2 file holding EncryptionInfo (a
 * password-protected .xlsx) are named as such.
 *
 * Debian 12 packages no BIFF reader usable here: libfreexl reads cell values but neither
 * merged cells nor number formats, both of which the forms need (一级/二级 spans,
 * percentages); Gnumeric's and LibreOffice's readers are not libraries. So this small
 * reader, bounded by the stream: every record is checked against its end, every index
 * against its table, and each record is read once (no quadratic work).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-grid-private.h"

enum
{
  R_FORMULA = 0x0006, R_EOF = 0x000A, R_FILEPASS = 0x002F, R_CONTINUE = 0x003C,
  R_BOUNDSHEET = 0x0085, R_MULRK = 0x00BD, R_XF = 0x00E0, R_MERGEDCELLS = 0x00E5,
  R_SST = 0x00FC, R_LABELSST = 0x00FD, R_NUMBER = 0x0203, R_LABEL = 0x0204,
  R_BOOLERR = 0x0205, R_STRING = 0x0207, R_RK = 0x027E, R_FORMAT = 0x041E, R_BOF = 0x0809,
};

typedef struct
{
  ZpGrid       *grid;
  const guint8 *data;
  gsize         length;
  GPtrArray    *sst;         /* const char*, interned */
  GHashTable   *formats;     /* ifmt → format code */
  GArray       *xf_places;
  GArray       *xf_percent;
  GHashTable   *sheet_names; /* BOF offset → name */
  ZpGridSheet  *sheet;
  gboolean      want_string; /* a FORMULA with a text result waits for its STRING */
  guint         string_row, string_col;
} Biff;

/* A record with its CONTINUE records joined; `breaks` are where each CONTINUE began,
 * because a string's characters restart there with a new flags byte. */
typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         pos;
  GArray       *breaks;   /* gsize */
  guint         next;     /* index of the next break at or after pos */
  gboolean      bad;
} Rec;

static guint16
u16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static double
f64 (const guint8 *p)
{
  guint64 bits = (guint64) u32 (p) | (guint64) u32 (p + 4) << 32;
  double v;

  memcpy (&v, &bits, sizeof v);
  return v;
}

static gboolean
rec_need (Rec  *r,
          gsize n)
{
  if (r->bad || r->length - r->pos < n)
    {
      r->bad = TRUE;
      return FALSE;
    }
  return TRUE;
}

static guint
rec_u8 (Rec *r)
{
  return rec_need (r, 1) ? r->data[r->pos++] : 0;
}

static guint
rec_u16 (Rec *r)
{
  guint v = rec_need (r, 2) ? u16 (r->data + r->pos) : 0;

  if (!r->bad)
    r->pos += 2;
  return v;
}

static guint32
rec_u32 (Rec *r)
{
  guint32 v = rec_need (r, 4) ? u32 (r->data + r->pos) : 0;

  if (!r->bad)
    r->pos += 4;
  return v;
}

static void
rec_skip (Rec  *r,
          gsize n)
{
  if (rec_need (r, n))
    r->pos += n;
}

static gsize
rec_next_break (Rec *r)
{
  while (r->breaks != NULL && r->next < r->breaks->len
         && g_array_index (r->breaks, gsize, r->next) < r->pos)
    r->next++;
  if (r->breaks != NULL && r->next < r->breaks->len)
    return g_array_index (r->breaks, gsize, r->next);
  return r->length;
}

/* `cch` characters, compressed (Latin-1) or UTF-16LE, restarting at CONTINUE breaks. */
static void
rec_chars (Rec     *r,
           guint    cch,
           gboolean high,
           GString *out)
{
  g_string_truncate (out, 0);
  while (cch > 0 && !r->bad)
    {
      gsize limit = rec_next_break (r);
      gsize avail = limit - r->pos;
      guint n = MIN (cch, (guint) (avail / (high ? 2 : 1)));

      if (n == 0)
        {
          if (r->pos == limit && limit < r->length)
            {
              /* A CONTINUE in the middle of a string: a new flags byte. */
              high = rec_u8 (r) & 1;
              r->next++;
              continue;
            }
          r->bad = TRUE;
          return;
        }
      for (guint i = 0; i < n; i++)
        {
          gunichar c;

          if (high)
            {
              c = u16 (r->data + r->pos);
              r->pos += 2;
              /* A surrogate pair: combine when the second half is there. */
              if (c >= 0xD800 && c < 0xDC00 && i + 1 < n)
                {
                  gunichar lo = u16 (r->data + r->pos);

                  if (lo >= 0xDC00 && lo < 0xE000)
                    {
                      c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                      r->pos += 2;
                      i++;
                    }
                }
              if (c >= 0xD800 && c < 0xE000)
                c = 0xFFFD;
            }
          else
            c = r->data[r->pos++];
          if (c == 0)
            continue;
          if (out->len < ZP_GRID_MAX_TEXT * 4)
            g_string_append_unichar (out, c);
        }
      cch -= n;
    }
}

/* XLUnicodeRichExtendedString (SST) or XLUnicodeString (cch16 = TRUE, no runs). */
static void
rec_string (Rec     *r,
            gboolean rich_allowed,
            GString *out)
{
  guint cch = rec_u16 (r);
  guint flags = rec_u8 (r);
  guint runs = 0;
  guint32 ext = 0;

  if (rich_allowed && (flags & 0x08))
    runs = rec_u16 (r);
  if (rich_allowed && (flags & 0x04))
    ext = rec_u32 (r);
  rec_chars (r, cch, flags & 1, out);
  rec_skip (r, (gsize) runs * 4);
  rec_skip (r, ext);
}

/* The stream ------------------------------------------------------------------------- */

static gboolean
damaged (Biff        *b,
         gsize        offset,
         const char  *what,
         GError     **error)
{
  if (b->sheet != NULL)
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                 _("%s: sheet “%s” is damaged (%s at byte %u of the Workbook stream); open it "
                   "in Excel, WPS or LibreOffice and save it again"),
                 b->grid->display_name, b->sheet->name, what, (guint) offset);
  else
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                 _("%s is damaged (%s at byte %u of the Workbook stream); open it in Excel, "
                   "WPS or LibreOffice and save it again"),
                 b->grid->display_name, what, (guint) offset);
  return FALSE;
}

/* Joins the record at `offset` (its body) with the CONTINUE records after it. Returns the
 * offset after the last one. */
static gsize
join_continues (Biff       *b,
                gsize       offset,
                GByteArray *body,
                GArray     *breaks)
{
  guint len = u16 (b->data + offset + 2);
  gsize pos = offset + 4 + len;

  g_byte_array_set_size (body, 0);
  g_array_set_size (breaks, 0);
  g_byte_array_append (body, b->data + offset + 4, len);
  while (pos + 4 <= b->length && u16 (b->data + pos) == R_CONTINUE)
    {
      guint clen = u16 (b->data + pos + 2);
      gsize at = body->len;

      if (pos + 4 + clen > b->length)
        break;
      g_array_append_val (breaks, at);
      g_byte_array_append (body, b->data + pos + 4, clen);
      pos += 4 + clen;
    }
  return pos;
}

static void
rk_text (guint32 rk,
         char   *buf,
         gsize   size)
{
  double v;

  if (rk & 0x02)
    v = (double) ((gint32) rk >> 2);
  else
    {
      guint64 bits = (guint64) (rk & 0xFFFFFFFCu) << 32;

      memcpy (&v, &bits, sizeof v);
    }
  if (rk & 0x01)
    v /= 100;
  g_ascii_dtostr (buf, size, v);
}

static gboolean
add_number (Biff      *b,
            guint      row,
            guint      col,
            guint      xf,
            const char *stored,
            GError   **error)
{
  ZpGridCell cell = { 0 };
  int places = -1;
  gboolean percent = FALSE;

  if (b->sheet == NULL)
    return TRUE;
  if (xf < b->xf_places->len)
    {
      places = g_array_index (b->xf_places, int, xf);
      percent = g_array_index (b->xf_percent, gboolean, xf);
    }
  if (!zp_grid_number_cell (b->grid, stored, places, percent, &cell))
    return zp_grid_add_text (b->grid, b->sheet, row, col, stored, error);  /* NaN, ∞ */
  cell.row = row;
  cell.col = col;
  return zp_grid_add_cell (b->grid, b->sheet, &cell, error);
}

static gboolean
add_text (Biff       *b,
          guint       row,
          guint       col,
          const char *text,
          GError    **error)
{
  if (b->sheet == NULL)
    return TRUE;
  return zp_grid_add_text (b->grid, b->sheet, row, col, text, error);
}

static void
add_xf (Biff *b,
        guint ifmt)
{
  const char *code = g_hash_table_lookup (b->formats, GUINT_TO_POINTER (ifmt));
  int places;
  gboolean percent;

  if (code != NULL)
    zp_grid_format_code_info (code, &places, &percent);
  else
    zp_grid_builtin_format_info (ifmt, &places, &percent);
  g_array_append_val (b->xf_places, places);
  g_array_append_val (b->xf_percent, percent);
}

/* One cell record (type already known to be one), body at p of length len. */
static gboolean
read_cell_record (Biff         *b,
                  guint         type,
                  const guint8 *p,
                  guint         len,
                  gsize         offset,
                  GString      *text,
                  GError      **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  guint row, col, xf;

  if (len < 6)
    return damaged (b, offset, "short cell record", error);
  row = u16 (p);
  col = u16 (p + 2);
  xf = u16 (p + 4);

  switch (type)
    {
    case R_LABELSST:
      {
        guint32 index;

        if (len < 10)
          return damaged (b, offset, "short LABELSST", error);
        index = u32 (p + 6);
        if (index >= b->sst->len)
          {
            g_autofree char *ref = zp_grid_ref (row, col);

            g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                         _("%s: sheet “%s”, cell %s refers to shared string %u, which is not "
                           "there; open the file in Excel, WPS or LibreOffice and save it again"),
                         b->grid->display_name, b->sheet ? b->sheet->name : "?", ref, index);
            return FALSE;
          }
        return add_text (b, row, col, g_ptr_array_index (b->sst, index), error);
      }
    case R_NUMBER:
      if (len < 14)
        return damaged (b, offset, "short NUMBER", error);
      g_ascii_dtostr (buf, sizeof buf, f64 (p + 6));
      return add_number (b, row, col, xf, buf, error);
    case R_RK:
      if (len < 10)
        return damaged (b, offset, "short RK", error);
      rk_text (u32 (p + 6), buf, sizeof buf);
      return add_number (b, row, col, xf, buf, error);
    case R_MULRK:
      {
        guint n = (len - 6) / 6;

        /* colFirst, then (ixfe, rk) × n, then colLast */
        for (guint i = 0; i < n; i++)
          {
            const guint8 *q = p + 4 + i * 6;

            rk_text (u32 (q + 2), buf, sizeof buf);
            if (!add_number (b, row, col + i, u16 (q), buf, error))
              return FALSE;
          }
        return TRUE;
      }
    case R_BOOLERR:
      if (len < 8)
        return damaged (b, offset, "short BOOLERR", error);
      if (p[7] == 0)
        return add_text (b, row, col, p[6] ? "TRUE" : "FALSE", error);
      return add_text (b, row, col, "#ERROR", error);
    case R_FORMULA:
      if (len < 20)
        return damaged (b, offset, "short FORMULA", error);
      if (u16 (p + 12) != 0xFFFF)
        {
          g_ascii_dtostr (buf, sizeof buf, f64 (p + 6));
          return add_number (b, row, col, xf, buf, error);
        }
      switch (p[6])
        {
        case 0:  /* text: in the STRING record that follows */
          b->want_string = TRUE;
          b->string_row = row;
          b->string_col = col;
          return TRUE;
        case 1:
          return add_text (b, row, col, p[8] ? "TRUE" : "FALSE", error);
        case 2:
          return add_text (b, row, col, "#ERROR", error);
        default:
          return TRUE;
        }
    default:
      return TRUE;
    }
  (void) text;
}

static gboolean
read_merges (Biff         *b,
             const guint8 *p,
             guint         len)
{
  guint n = len >= 2 ? u16 (p) : 0;

  if (b->sheet == NULL)
    return TRUE;
  for (guint i = 0; i < n && 2 + (i + 1) * 8 <= len; i++)
    {
      const guint8 *q = p + 2 + i * 8;

      zp_grid_add_merge (b->sheet, u16 (q), u16 (q + 4), u16 (q + 2), u16 (q + 6));
    }
  return TRUE;
}

static gboolean
read_sst (Biff       *b,
          GByteArray *body,
          GArray     *breaks,
          GString    *text,
          gsize       offset,
          GError    **error)
{
  Rec r = { body->data, body->len, 0, breaks, 0, FALSE };
  guint32 unique;

  rec_u32 (&r);
  unique = rec_u32 (&r);
  /* Each string takes at least 3 bytes: a count past that is a lie, not a reason to
   * allocate. */
  for (guint32 i = 0; i < unique && !r.bad && r.pos < r.length; i++)
    {
      rec_string (&r, TRUE, text);
      if (!r.bad)
        g_ptr_array_add (b->sst, (gpointer) zp_grid_intern (b->grid, text->str));
    }
  if (r.bad)
    return damaged (b, offset, "broken shared string table", error);
  return TRUE;
}

static gboolean
read_stream (Biff    *b,
             GError **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) text = g_string_new (NULL);
  gsize pos = 0;
  int depth = 0;        /* BOF nesting */
  gboolean skipping = FALSE;  /* a chart or macro sheet */
  gboolean seen_bof = FALSE;

  while (pos + 4 <= b->length)
    {
      guint type = u16 (b->data + pos);
      guint len = u16 (b->data + pos + 2);
      const guint8 *p = b->data + pos + 4;
      gsize next = pos + 4 + len;

      if (next > b->length)
        return damaged (b, pos, "a record past the end", error);

      if (type == R_BOF)
        {
          guint version = len >= 4 ? u16 (p) : 0;
          guint dt = len >= 4 ? u16 (p + 2) : 0;

          if (!seen_bof && version != 0x0600)
            {
              g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND,
                           _("%s is an Excel 95 or older file; open it in Excel, WPS or "
                             "LibreOffice and save it as .xlsx"), b->grid->display_name);
              return FALSE;
            }
          seen_bof = TRUE;
          depth++;
          if (dt == 0x0010 && depth == 1)
            {
              const char *name = g_hash_table_lookup (b->sheet_names, GSIZE_TO_POINTER (pos));

              if (b->grid->sheets->len >= ZP_GRID_MAX_SHEETS)
                {
                  g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                               _("%s has more than %d sheets"), b->grid->display_name, ZP_GRID_MAX_SHEETS);
                  return FALSE;
                }
              b->sheet = zp_grid_add_sheet (b->grid, name != NULL ? name : "?");
              skipping = FALSE;
            }
          else if (dt != 0x0005 && depth == 1)
            skipping = TRUE;
          pos = next;
          continue;
        }
      if (type == R_EOF)
        {
          if (depth > 0)
            depth--;
          if (depth == 0 && b->sheet != NULL)
            {
              if (!zp_grid_finish_sheet (b->grid, b->sheet, error))
                return FALSE;
              b->sheet = NULL;
            }
          skipping = FALSE;
          pos = next;
          continue;
        }
      if (!seen_bof)
        return damaged (b, pos, "no BOF record", error);
      if (skipping)
        {
          pos = next;
          continue;
        }

      switch (type)
        {
        case R_FILEPASS:
          g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_ENCRYPTED,
                       _("%s is protected by a password; open it in Excel, WPS or LibreOffice, "
                         "remove the password (or save a copy without one) and import that"),
                       b->grid->display_name);
          return FALSE;
        case R_BOUNDSHEET:
          if (len >= 8)
            {
              Rec r = { p, len, 6, NULL, 0, FALSE };
              guint cch = rec_u8 (&r);
              guint flags = rec_u8 (&r);

              rec_chars (&r, cch, flags & 1, text);
              g_hash_table_replace (b->sheet_names, GSIZE_TO_POINTER ((gsize) u32 (p)),
                                    g_strdup (text->str));
            }
          break;
        case R_FORMAT:
          if (len >= 5)
            {
              Rec r = { p, len, 2, NULL, 0, FALSE };

              rec_string (&r, FALSE, text);
              if (g_hash_table_size (b->formats) < 100000)
                g_hash_table_replace (b->formats, GUINT_TO_POINTER (u16 (p)), g_strdup (text->str));
            }
          break;
        case R_XF:
          if (len >= 4 && b->xf_places->len < 1000000)
            add_xf (b, u16 (p + 2));
          break;
        case R_SST:
          next = join_continues (b, pos, body, breaks);
          if (!read_sst (b, body, breaks, text, pos, error))
            return FALSE;
          break;
        case R_LABEL:
          if (len >= 9)
            {
              gsize end = join_continues (b, pos, body, breaks);
              Rec r = { body->data, body->len, 6, breaks, 0, FALSE };

              rec_string (&r, FALSE, text);
              if (r.bad)
                return damaged (b, pos, "broken LABEL", error);
              if (!add_text (b, u16 (p), u16 (p + 2), text->str, error))
                return FALSE;
              next = end;
            }
          break;
        case R_STRING:
          if (b->want_string)
            {
              gsize end = join_continues (b, pos, body, breaks);
              Rec r = { body->data, body->len, 0, breaks, 0, FALSE };

              rec_string (&r, FALSE, text);
              b->want_string = FALSE;
              if (r.bad)
                return damaged (b, pos, "broken STRING", error);
              if (!add_text (b, b->string_row, b->string_col, text->str, error))
                return FALSE;
              next = end;
            }
          break;
        case R_MERGEDCELLS:
          read_merges (b, p, len);
          break;
        case R_LABELSST: case R_NUMBER: case R_RK: case R_MULRK: case R_BOOLERR: case R_FORMULA:
          if (!read_cell_record (b, type, p, len, pos, text, error))
            return FALSE;
          break;
        default:
          break;
        }
      pos = next;
    }
  if (b->sheet != NULL && !zp_grid_finish_sheet (b->grid, b->sheet, error))
    return FALSE;
  b->sheet = NULL;
  if (!seen_bof)
    return damaged (b, 0, "no BOF record", error);
  return TRUE;
}

ZpGrid *
zp_grid_read_ole2 (GsfInput    *input,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(ZpGrid) grid = NULL;
  GsfInfile *ole = gsf_infile_msole_new (input, &local);
  GsfInput *stream;
  GsfInput *probe;
  gsf_off_t size;
  guint8 *data;
  Biff b = { 0 };
  gboolean ok;

  if (ole == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s is a damaged .xls file (%s): was it copied whole? Open it in Excel, "
                     "WPS or LibreOffice and save it again"),
                   display_name, local ? local->message : "?");
      return NULL;
    }
  probe = gsf_infile_child_by_name (ole, "EncryptionInfo");
  if (probe == NULL)
    probe = gsf_infile_child_by_name (ole, "EncryptedPackage");
  if (probe != NULL)
    {
      g_object_unref (probe);
      g_object_unref (ole);
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_ENCRYPTED,
                   _("%s is protected by a password; open it in Excel, WPS or LibreOffice, "
                     "remove the password (or save a copy without one) and import that"),
                   display_name);
      return NULL;
    }
  stream = gsf_infile_child_by_name (ole, "Workbook");
  if (stream == NULL)
    stream = gsf_infile_child_by_name (ole, "WORKBOOK");
  if (stream == NULL)
    {
      gboolean old = (probe = gsf_infile_child_by_name (ole, "Book")) != NULL;

      g_clear_object (&probe);
      g_object_unref (ole);
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND,
                   old ? _("%s is an Excel 95 or older file; open it in Excel, WPS or "
                           "LibreOffice and save it as .xlsx")
                       : _("%s is an OLE2 file without a workbook (a Word or other Office "
                           "file?); import the spreadsheet instead"),
                   display_name);
      return NULL;
    }
  size = gsf_input_size (stream);
  if (size < 0 || size > ZP_GRID_MAX_FILE)
    {
      g_object_unref (stream);
      g_object_unref (ole);
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB; split it into smaller files"),
                   display_name, ZP_GRID_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  data = g_malloc (size > 0 ? (gsize) size : 1);
  if (size > 0 && gsf_input_read (stream, (size_t) size, data) == NULL)
    {
      g_free (data);
      g_object_unref (stream);
      g_object_unref (ole);
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s is a damaged .xls file (its Workbook stream cannot be read); open it "
                     "in Excel, WPS or LibreOffice and save it again"), display_name);
      return NULL;
    }
  g_object_unref (stream);
  g_object_unref (ole);

  grid = zp_grid_new (display_name, "xls");
  b.grid = grid;
  b.data = data;
  b.length = (gsize) size;
  b.sst = g_ptr_array_new ();
  b.formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  b.xf_places = g_array_new (FALSE, FALSE, sizeof (int));
  b.xf_percent = g_array_new (FALSE, FALSE, sizeof (gboolean));
  b.sheet_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  ok = read_stream (&b, error);

  g_ptr_array_unref (b.sst);
  g_hash_table_unref (b.formats);
  g_array_unref (b.xf_places);
  g_array_unref (b.xf_percent);
  g_hash_table_unref (b.sheet_names);
  g_free (data);
  return ok ? g_steal_pointer (&grid) : NULL;
}
