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

GtkColumnView *
zp_test_review_table (ZpReviewPage *page)
{
  return GTK_COLUMN_VIEW (named (page, "review-table"));
}

const char *
zp_test_review_summary (ZpReviewPage *page)
{
  return gtk_label_get_label (GTK_LABEL (named (page, "review-summary")));
}

void
zp_test_review_sort (ZpReviewPage *page,
                     const char   *title,
                     GtkSortType   order)
{
  GtkColumnView *table = zp_test_review_table (page);
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (table, column, order);
          return;
        }
    }
  g_error ("the review has no column headed %s", title);
}

GPtrArray *
zp_test_finding_rows (ZpChecksPanel *panel,
                      const char    *code)
{
  g_autofree char *name = g_strdup_printf ("finding-%s", code);

  return zp_test_find_all_widgets (GTK_WIDGET (panel), name);
}
