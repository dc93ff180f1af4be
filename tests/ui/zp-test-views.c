/* zp-test-views.c — see zp-test-views.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-test-ui.h"
#include "zp-test-views.h"

static GtkWidget *
named (gpointer    root,
       const char *name)
{
  GtkWidget *widget = zp_test_find_widget (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

const char *
zp_test_row_title (ZpSidebarRow *row)
{
  return gtk_label_get_label (GTK_LABEL (named (row, "title")));
}

const char *
zp_test_row_total (ZpSidebarRow *row)
{
  return gtk_label_get_label (GTK_LABEL (named (row, "total")));
}

const char *
zp_test_row_icon (ZpSidebarRow *row)
{
  return gtk_image_get_icon_name (GTK_IMAGE (named (row, "status-icon")));
}
