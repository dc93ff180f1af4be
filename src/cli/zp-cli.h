/* zp-cli.h — subcommands of ziping-cli, one file each.
 *
 * Each takes the arguments after the subcommand name (argv[0] is the subcommand) and returns
 * the process exit status: 0 success, 1 findings with errors (check), 2 bad arguments or an
 * unreadable file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int zp_cli_score     (int argc, char **argv);  /* zp-cli-score.c */
int zp_cli_check     (int argc, char **argv);  /* zp-cli-check.c */
int zp_cli_indicator (int argc, char **argv);  /* zp-cli-indicator.c */
int zp_cli_execution (int argc, char **argv);  /* zp-cli-execution.c */
int zp_cli_new       (int argc, char **argv);  /* zp-cli-new.c */
int zp_cli_summary   (int argc, char **argv);  /* zp-cli-summary.c */
int zp_cli_export    (int argc, char **argv);  /* zp-cli-export.c, built only with export */
int zp_cli_scheme    (int argc, char **argv);  /* zp-cli-scheme.c */
int zp_cli_import    (int argc, char **argv);  /* zp-cli-import.c, built with src/import */
int zp_cli_report    (int argc, char **argv);  /* zp-cli-report.c, built only with export */
int zp_cli_package   (int argc, char **argv);  /* zp-cli-package.c, built only with export */
int zp_cli_evidence  (int argc, char **argv);  /* zp-cli-evidence.c, built only with export */

G_END_DECLS
