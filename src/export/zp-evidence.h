/* zp-evidence.h — 佐证材料: the files attached to indicators and forms, resolved against the
 * workbook's folder, and what is wrong with them.
 *
 * The workbook stores paths relative to its own folder ("佐证/巡检记录.pdf"), never the
 * files. A path is resolved only inside that folder: an absolute path, a ".." step or a
 * link leading out is refused (a workbook from another unit is untrusted; a package must
 * not copy files from elsewhere on the disk).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_EVIDENCE_PRESENT,
  ZP_EVIDENCE_MISSING,   /* no such file */
  ZP_EVIDENCE_OUTSIDE,   /* absolute, "..", or leading out of the workbook's folder */
} ZpEvidenceState;

typedef struct
{
  ZpForm          *form;       /* borrowed */
  int              goal;       /* −1 for the form's own evidence */
  int              row;        /* the indicator's position in its goal, or −1 */
  ZpIndicator     *indicator;  /* borrowed; NULL for the form's own */
  char            *path;       /* as stored */
  char            *resolved;   /* the file on disk; NULL when OUTSIDE */
  ZpEvidenceState  state;
} ZpEvidenceItem;

/* Every attachment in order (forms, then their indicators): ZpEvidenceItem*.
 * folder: the workbook's folder. */
GPtrArray  *zp_evidence_collect        (ZpWorkbook  *workbook,
                                        const char  *folder);
/* The optional check: met indicators with no evidence, as ZpEvidenceItem* with path NULL. */
GPtrArray  *zp_evidence_met_without    (ZpWorkbook  *workbook);
/* The evidence as findings (zp-finding.h), for the checks where the workbook's folder is
 * known: "evidence-missing" (warning) for each file not on disk, "evidence-outside" (error)
 * for each path leading out of the folder, and with met_without "evidence-none" (warning)
 * for each met indicator without evidence. Each carries the indicator's goal and row and
 * the field "evidence". */
GListStore *zp_evidence_check          (ZpWorkbook  *workbook,
                                        const char  *folder,
                                        gboolean     met_without);
/* One stored path against folder: its state, and with resolved (not NULL) the file on
 * disk (NULL when OUTSIDE). */
ZpEvidenceState zp_evidence_resolve    (const char  *folder,
                                        const char  *path,
                                        char       **resolved);
/* The path to store for file: relative to folder, with "/" between parts; NULL when the
 * file is not inside folder (after following links). */
char       *zp_evidence_relative_path  (const char  *folder,
                                        const char  *file);
/* "科技条件专项, goal 1, row 2 (视频会议设备年度巡检次数)" or "科技条件专项". */
char       *zp_evidence_item_describe  (const ZpEvidenceItem *item);

G_END_DECLS
