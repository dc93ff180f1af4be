/* zp-cli-common.c — output and argument helpers shared by the ziping-cli subcommands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>


#include <glib/gi18n.h>

#include "zp-cli-common.h"

struct _ZpCliTable
{
  guint      n_columns;
  GPtrArray *headers;    /* char*, or NULL when there are none */
  GPtrArray *rows;       /* GStrv of n_columns cells */
  gboolean  *right;      /* per column */
};

gsize
zp_cli_display_width (const char *text)
{
  gsize width = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

char *
zp_cli_ellipsize (const char *text,
                  gsize       max_width)
{
  GString *cut;
  gsize width = 0;

  if (text == NULL)
    return g_strdup ("");
  if (zp_cli_display_width (text) <= max_width)
    return g_strdup (text);

  cut = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      /* Leave one column for the ellipsis. */
      if (width + w + 1 > max_width)
        break;
      g_string_append_unichar (cut, c);
      width += w;
    }
  g_string_append (cut, "…");

  return g_string_free (cut, FALSE);
}

ZpCliTable *
zp_cli_table_new (guint n_columns)
{
  ZpCliTable *table = g_new0 (ZpCliTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->right = g_new0 (gboolean, n_columns);

  return table;
}

void
zp_cli_table_free (ZpCliTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->headers, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table->right);
  g_free (table);
}

/* Collects exactly n_columns cells from a NULL-terminated list (a cell may not be NULL
 * there, so callers pass "" for an empty cell). */
static GStrv
collect_cells (guint       n_columns,
               const char *first,
               va_list     args)
{
  GStrv cells = g_new0 (char *, n_columns + 1);
  const char *cell = first;

  for (guint i = 0; i < n_columns && cell != NULL; i++)
    {
      cells[i] = g_strdup (cell);
      cell = va_arg (args, const char *);
    }
  for (guint i = 0; i < n_columns; i++)
    if (cells[i] == NULL)
      cells[i] = g_strdup ("");

  return cells;
}

void
zp_cli_table_set_headers (ZpCliTable *table,
                          const char *first,
                          ...)
{
  va_list args;
  GStrv cells;

  va_start (args, first);
  cells = collect_cells (table->n_columns, first, args);
  va_end (args);

  g_clear_pointer (&table->headers, g_ptr_array_unref);
  table->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->headers, g_steal_pointer (&cells[i]));
  g_free (cells);
}

void
zp_cli_table_set_right_aligned (ZpCliTable *table,
                                guint       column)
{
  g_return_if_fail (column < table->n_columns);

  table->right[column] = TRUE;
}

void
zp_cli_table_add_row (ZpCliTable *table,
                      const char *first,
                      ...)
{
  va_list args;

  va_start (args, first);
  g_ptr_array_add (table->rows, collect_cells (table->n_columns, first, args));
  va_end (args);
}

void
zp_cli_table_add_rowv (ZpCliTable         *table,
                       const char * const *cells)
{
  GStrv row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

guint
zp_cli_table_get_n_rows (ZpCliTable *table)
{
  return table->rows->len;
}

/* Line breaks and tabs would break the alignment: show them as spaces. */
static char *
flatten (const char *cell)
{
  char *flat = g_strdup (cell);

  for (char *p = flat; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return flat;
}

static void
append_cell (GString    *line,
             const char *cell,
             gsize       width,
             gboolean    right)
{
  g_autofree char *flat = flatten (cell);
  gsize pad = width - MIN (width, zp_cli_display_width (flat));

  if (right)
    {
      for (gsize i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
      g_string_append (line, flat);
    }
  else
    {
      g_string_append (line, flat);
      for (gsize i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
    }
}

/* Trailing blanks (an empty last cell, padding) are dropped. */
static void
print_row (ZpCliTable  *table,
           FILE        *out,
           const char  *indent,
           char       **cells,
           gsize       *widths)
{
  g_autoptr(GString) line = g_string_new (indent);

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i > 0)
        g_string_append (line, "  ");
      append_cell (line, cells[i], widths[i], table->right[i]);
    }
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);

  fputs (line->str, out);
  fputc ('\n', out);
}

void
zp_cli_table_print (ZpCliTable *table,
                    FILE       *out,
                    const char *indent)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);

  if (indent == NULL)
    indent = "";

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *header = NULL;

      if (table->headers != NULL)
        {
          header = flatten (g_ptr_array_index (table->headers, i));
          widths[i] = zp_cli_display_width (header);
        }
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);
          g_autofree char *flat = flatten (row[i]);

          widths[i] = MAX (widths[i], zp_cli_display_width (flat));
        }
    }

  if (table->headers != NULL)
    {
      print_row (table, out, indent, (char **) table->headers->pdata, widths);
      fputs (indent, out);
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (i > 0)
            fputs ("  ", out);
          for (gsize w = 0; w < widths[i]; w++)
            fputc ('-', out);
        }
      fputc ('\n', out);
    }

  for (guint r = 0; r < table->rows->len; r++)
    print_row (table, out, indent, g_ptr_array_index (table->rows, r), widths);
}

gboolean
zp_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      int              *status)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  *status = zp_cli_usage_error (context, "%s", error->message);
  return FALSE;
}

int
zp_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = g_option_context_get_help (context, TRUE, NULL);
  fprintf (stderr, "%s: %s\n\n%s", g_get_prgname (), message, help);

  return ZP_CLI_EXIT_USAGE;
}

ZpWorkbook *
zp_cli_load_workbook (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook;

  workbook = zp_workbook_load (file, &error);
  if (workbook == NULL)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : path);
      return NULL;
    }

  return workbook;
}

char *
zp_cli_format_score (ZpDecimal  value,
                     ZpScheme  *scheme)
{
  guint decimals = scheme != NULL ? zp_scheme_get_decimals (scheme) : 2;

  return zp_decimal_format (value, decimals);
}

char *
zp_cli_format_rate (gboolean  has_rate,
                    ZpDecimal rate)
{
  if (!has_rate)
    return NULL;

  return zp_decimal_format_percent (rate, 2, FALSE);
}

char *
zp_cli_format_weight (const char *typed,
                      ZpScheme   *scheme)
{
  ZpDecimal value;
  gboolean percent = FALSE;

  if (typed == NULL || *typed == '\0')
    return NULL;
  if (!zp_decimal_parse (typed, &value, &percent) || percent)
    return g_strdup (typed);

  return zp_cli_format_score (value, scheme);
}

char *
zp_cli_format_amount (const char *typed)
{
  ZpDecimal value;
  gboolean percent = FALSE;

  if (typed == NULL || *typed == '\0')
    return NULL;
  if (!zp_decimal_parse (typed, &value, &percent) || percent)
    return g_strdup (typed);

  return zp_decimal_format (value, 2);
}

void
zp_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  fputs (data, stdout);
  fputc ('\n', stdout);
}

void
zp_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

GStrv
zp_cli_indicator_flag_names (ZpIndicatorFlags flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (ZP_TYPE_INDICATOR_FLAGS);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GFlagsValue *value = &klass->values[i];

      if (value->value != 0 && (flags & value->value) == value->value)
        g_strv_builder_add (names, value->value_nick);
    }

  return g_strv_builder_end (names);
}

const char *
zp_cli_enum_nick (GType type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const GEnumValue *found = g_enum_get_value (klass, value);

  /* Enum classes are never freed once referenced, so the nick stays valid. */
  return found != NULL ? found->value_nick : "";
}

const char *
zp_cli_comparator_symbol (ZpComparator comparator)
{
  switch (comparator)
    {
    case ZP_COMPARATOR_GE:
      return "≥";
    case ZP_COMPARATOR_GT:
      return ">";
    case ZP_COMPARATOR_LE:
      return "≤";
    case ZP_COMPARATOR_LT:
      return "<";
    case ZP_COMPARATOR_EQ:
      return "=";
    case ZP_COMPARATOR_NONE:
    default:
      return "";
    }
}

ZpScheme *
zp_cli_load_scheme (const char  *spec,
                    GError     **error)
{
  ZpScheme *scheme;
  g_autoptr(GFile) file = NULL;
  g_autofree char *ids = NULL;

  if (spec == NULL)
    return zp_scheme_new_builtin (ZP_SCHEME_DEFAULT_ID);
  scheme = zp_scheme_new_builtin (spec);
  if (scheme != NULL)
    return scheme;

  file = g_file_new_for_commandline_arg (spec);
  if (g_file_query_exists (file, NULL))
    return zp_scheme_load (file, error);

  ids = g_strjoinv (", ", (char **) zp_scheme_list_builtin ());
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("“%s” is neither a built-in scheme (%s) nor a scheme file"), spec, ids);
  return NULL;
}
