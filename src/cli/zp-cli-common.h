/* zp-cli-common.h — output and argument helpers shared by the ziping-cli subcommands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "ziping-core.h"

G_BEGIN_DECLS

/* Exit statuses (zp-cli.h). */
#define ZP_CLI_EXIT_OK        0
#define ZP_CLI_EXIT_FINDINGS  1
#define ZP_CLI_EXIT_USAGE     2

/* Columns a terminal gives to the text: wide (CJK) characters count 2, zero-width 0. */
gsize        zp_cli_display_width    (const char     *text);

/* The text cut to at most max_width columns, ending with "…" when cut. */
char        *zp_cli_ellipsize        (const char     *text,
                                      gsize           max_width);

/* A text table whose columns line up on a terminal, CJK included. */
typedef struct _ZpCliTable ZpCliTable;

ZpCliTable  *zp_cli_table_new        (guint           n_columns);
void         zp_cli_table_free       (ZpCliTable     *table);
/* Headers are optional; call once with n_columns strings. */
void         zp_cli_table_set_headers (ZpCliTable    *table,
                                       const char    *first,
                                       ...) G_GNUC_NULL_TERMINATED;
void         zp_cli_table_set_right_aligned (ZpCliTable *table,
                                             guint       column);
/* n_columns strings, then a NULL terminator: pass "" for an empty cell. */
void         zp_cli_table_add_row    (ZpCliTable     *table,
                                      const char     *first,
                                      ...) G_GNUC_NULL_TERMINATED;
void         zp_cli_table_add_rowv   (ZpCliTable     *table,
                                      const char * const *cells);
guint        zp_cli_table_get_n_rows (ZpCliTable     *table);
void         zp_cli_table_print      (ZpCliTable     *table,
                                      FILE           *out,
                                      const char     *indent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpCliTable, zp_cli_table_free)

/* Parses the options; on a bad argument prints the message and the usage on stderr.
 * Returns FALSE then, with *status set to ZP_CLI_EXIT_USAGE. */
gboolean     zp_cli_parse_options    (GOptionContext *context,
                                      int            *argc,
                                      char         ***argv,
                                      int            *status);
/* Prints "ziping-cli NAME: message" and the usage on stderr; returns ZP_CLI_EXIT_USAGE. */
int          zp_cli_usage_error      (GOptionContext *context,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* Loads a workbook; on failure prints the core's message (file:line:column: …) on
 * stderr and returns NULL. */
ZpWorkbook  *zp_cli_load_workbook    (const char     *path);

/* A built-in scheme by id ("hubei", "central", "sichuan"), else a scheme file by path; NULL
 * gives the default. */
ZpScheme    *zp_cli_load_scheme      (const char     *spec,
                                      GError        **error);
/* Fixed places, for text and JSON alike. */
char        *zp_cli_format_score     (ZpDecimal       value,
                                      ZpScheme       *scheme);
/* "86.18%", or NULL when there is no rate. */
char        *zp_cli_format_rate      (gboolean        has_rate,
                                      ZpDecimal       rate);
/* A typed weight as a fixed-place decimal, or the text as typed when it is no number. */
char        *zp_cli_format_weight    (const char     *typed,
                                      ZpScheme       *scheme);

/* A typed amount with two places ("0.80", "215457.60"), or as typed when no number. */
char        *zp_cli_format_amount    (const char     *typed);

/* Pretty-printed JSON on stdout, ending with a newline. */
void         zp_cli_print_json       (JsonNode       *root);
/* Adds "member": value, or null when value is NULL. */
void         zp_cli_json_add_string  (JsonBuilder    *builder,
                                      const char     *member,
                                      const char     *value);

/* Stable names for the CLI and JSON: "over-achieved", "needs-note" … */
GStrv        zp_cli_indicator_flag_names (ZpIndicatorFlags flags);
const char  *zp_cli_enum_nick        (GType           type,
                                      int             value);
/* "≥", "≤", "=" … or "" for a bare number. */
const char  *zp_cli_comparator_symbol (ZpComparator   comparator);

G_END_DECLS
