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
 * a folder, the "Package as" choice adding or taking off ".zip"; a choice adds the .docx
 * files), then writes the package in a worker. The workbook must be saved: the package
 * holds its file as saved. */
void              zp_package_command_run    (ZpWindow   *window);

G_END_DECLS
