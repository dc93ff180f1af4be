/* zp-file-replace.h — replacing a file whole or not at all, for saving and exporting.
 *
 * The new contents go to a temporary file beside the real target (every symbolic link on
 * the way followed, so that links stay links), with the target's permissions (and owner,
 * where allowed); it is flushed to disk, renamed over the target and the folder flushed
 * too. On any failure the temporary file is removed and the target is untouched.
 *
 * Temporary files are named ".NAME.zp-tmp-XXXXXX" and locked (flock) while they are
 * written: one left behind by a process that was killed is unlocked, and the next replace
 * of the same file removes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZP_FILE_REPLACE_TEMP_INFIX ".zp-tmp-"

typedef struct _ZpFileReplace ZpFileReplace;

/* Resolves `path`, removes leftovers beside its target and creates the temporary file.
 * A folder or a special file (a pipe, a device) is refused. Errors are G_IO_ERROR and
 * name `path`. */
ZpFileReplace *zp_file_replace_begin          (const char     *path,
                                               GError        **error);
/* Open for writing on the temporary file, or −1 once closed. */
int            zp_file_replace_get_fd         (ZpFileReplace  *self);
/* For writers that open the file by name (call zp_file_replace_close_fd() first). */
const char    *zp_file_replace_get_temp_path  (ZpFileReplace  *self);
/* The file that will be replaced: `path` with every link followed. */
const char    *zp_file_replace_get_target     (ZpFileReplace  *self);
gboolean       zp_file_replace_close_fd       (ZpFileReplace  *self,
                                               GError        **error);
/* Writes all of `data` to the temporary file (retrying short writes). */
gboolean       zp_file_replace_write          (ZpFileReplace  *self,
                                               const char     *data,
                                               gsize           length,
                                               GError        **error);
/* fsync, rename over the target, fsync the folder. */
gboolean       zp_file_replace_commit         (ZpFileReplace  *self,
                                               GError        **error);
/* Removes the temporary file unless committed. */
void           zp_file_replace_free           (ZpFileReplace  *self);

/* All of the above for bytes already in memory. */
gboolean       zp_file_replace_contents       (const char     *path,
                                               const char     *data,
                                               gsize           length,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpFileReplace, zp_file_replace_free)

G_END_DECLS
