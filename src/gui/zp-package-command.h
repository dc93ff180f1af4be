/* zp-package-command.h — the submission package (zp-package.h) from the app: choose a
 * folder or a .zip, and a refusal that lists the workbook's errors (or the missing
 * evidence) with an explicit "Package Anyway".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-window.h"

G_BEGIN_DECLS

/* Asks for the target (a save chooser: a name ending in .zip writes a zip file, any other
 * a folder; a choice adds the .docx files). The workbook must be saved: the package
 * holds its file as saved. */
void              zp_package_command_run    (ZpWindow   *window);
/* Writes the package to target as the chooser's answer does, in a worker; force: the user
 * chose to package anyway (errors, missing evidence, an existing target). When done, a
 * toast, or the refusal or the error in a message dialog on the window. FALSE when it
 * could not start (no workbook; unsaved changes, said in a message dialog). */
gboolean          zp_package_command_write  (ZpWindow   *window,
                                             GFile      *target,
                                             gboolean    docx,
                                             gboolean    force);

G_END_DECLS
