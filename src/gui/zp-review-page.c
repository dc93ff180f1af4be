/* zp-review-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-form-info.h"
#include "zp-review-page.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_KIND,
  FIELD_RATE,
  FIELD_EXECUTION,
  FIELD_INDICATORS,
  FIELD_TOTAL,
  FIELD_ERRORS,
  FIELD_WARNINGS,
  FIELD_OVERRIDES,
  N_FIELDS
} Field;

static const struct {
  const char *id;
  const char *title;
  int         width;
  gboolean    expand;
} fields[N_FIELDS] = {
  { "title", N_("Form"), 180, TRUE },
  { "kind", N_("Kind"), 100, FALSE },
  { "rate", N_("Rate (B/A)"), 100, FALSE },
  { "execution", N_("Execution"), 96, FALSE },
  { "indicators", N_("Indicators"), 96, FALSE },
  { "total", N_("Total"), 84, FALSE },
  { "errors", N_("Errors"), 76, FALSE },
  { "warnings", N_("Warnings"), 90, FALSE },
  { "overrides", N_("Overrides"), 90, FALSE },
};

struct _ZpReviewPage
{
  AdwBin              parent_instance;

  GtkColumnView      *view;
  GtkLabel           *summary_label;

  ZpWorkbook         *workbook;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_FIELDS];
  guint               summary_idle;
};

G_DEFINE_FINAL_TYPE (ZpReviewPage, zp_review_page, ADW_TYPE_BIN)

enum {
  FORM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
field_text (ZpForm *form,
            Field   field)
{
  ZpFormInfo *info = zp_form_info_get (form);

  switch (field)
    {
    case FIELD_TITLE:
      return zp_form_dup_title (form);
    case FIELD_KIND:
      return g_strdup (zp_form_is_department (form) ? _("Department") : _("Project"));
    case FIELD_RATE:
      return g_strdup (zp_form_get_execution_rate_text (form));
    case FIELD_EXECUTION:
      return g_strdup (zp_form_get_execution_score_text (form));
    case FIELD_INDICATORS:
      return g_strdup (zp_form_get_indicator_score_text (form));
    case FIELD_TOTAL:
      return g_strdup (zp_form_get_total_display_text (form));
    case FIELD_ERRORS:
      return g_strdup_printf ("%u", zp_form_info_get_n_errors (info));
    case FIELD_WARNINGS:
      return g_strdup_printf ("%u", zp_form_info_get_n_warnings (info));
    case FIELD_OVERRIDES:
      return g_strdup_printf ("%u", zp_form_count_overrides (form));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
refresh_cell (GtkInscription *cell)
{
  ZpForm *form = g_object_get_data (G_OBJECT (cell), "zp-form");
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-field"));
  g_autofree char *text = NULL;

  if (form == NULL)
    return;
  text = field_text (form, field);
  gtk_inscription_set_text (cell, text);
  if (field == FIELD_ERRORS || field == FIELD_WARNINGS)
    {
      const char *klass = field == FIELD_ERRORS ? "error" : "warning";

      if (g_strcmp0 (text, "0") != 0)
        gtk_widget_add_css_class (GTK_WIDGET (cell), klass);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), klass);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Field field = GPOINTER_TO_INT (data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  if (field != FIELD_TITLE && field != FIELD_KIND)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 3);
  g_object_set_data (G_OBJECT (cell), "zp-field", data);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  ZpForm *form = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (cell), "zp-form", form);
  g_signal_connect_object (zp_form_info_get (form), "changed", G_CALLBACK (refresh_cell), cell,
                           G_CONNECT_SWAPPED);
  if (GPOINTER_TO_INT (data) == FIELD_TITLE)
    g_signal_connect_object (form, "changed", G_CALLBACK (refresh_cell), cell, G_CONNECT_SWAPPED);
  refresh_cell (GTK_INSCRIPTION (cell));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  ZpForm *form = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_data (zp_form_info_get (form), cell);
  g_signal_handlers_disconnect_by_data (form, cell);
  g_object_set_data (G_OBJECT (cell), "zp-form", NULL);
}

static int
compare_decimal (ZpDecimal a,
                 gboolean  has_a,
                 ZpDecimal b,
                 gboolean  has_b)
{
  if (has_a != has_b)
    return has_a ? 1 : -1;
  return zp_decimal_cmp (a, b);
}

static int
compare_forms (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  ZpForm *fa = (ZpForm *) a, *fb = (ZpForm *) b;
  Field field = GPOINTER_TO_INT (data);

  switch (field)
    {
    case FIELD_TITLE:
      {
        g_autofree char *ta = zp_form_dup_title (fa);
        g_autofree char *tb = zp_form_dup_title (fb);
        return g_utf8_collate (ta ? ta : "", tb ? tb : "");
      }
    case FIELD_KIND:
      return (int) zp_form_is_department (fb) - (int) zp_form_is_department (fa);
    case FIELD_RATE:
      {
        ZpDecimal ra = ZP_DECIMAL_ZERO, rb = ZP_DECIMAL_ZERO;
        gboolean ha = zp_form_get_execution_rate (fa, &ra);
        gboolean hb = zp_form_get_execution_rate (fb, &rb);
        return compare_decimal (ra, ha, rb, hb);
      }
    case FIELD_EXECUTION:
      return zp_decimal_cmp (zp_form_get_execution_score (fa), zp_form_get_execution_score (fb));
    case FIELD_INDICATORS:
      return zp_decimal_cmp (zp_form_get_indicator_score (fa), zp_form_get_indicator_score (fb));
    case FIELD_TOTAL:
      return zp_decimal_cmp (zp_form_get_total (fa), zp_form_get_total (fb));
    case FIELD_ERRORS:
      return (int) zp_form_info_get_n_errors (zp_form_info_get (fa)) -
             (int) zp_form_info_get_n_errors (zp_form_info_get (fb));
    case FIELD_WARNINGS:
      return (int) zp_form_info_get_n_warnings (zp_form_info_get (fa)) -
             (int) zp_form_info_get_n_warnings (zp_form_info_get (fb));
    case FIELD_OVERRIDES:
      return (int) zp_form_count_overrides (fa) - (int) zp_form_count_overrides (fb);
    case N_FIELDS:
    default:
      return 0;
    }
}

static void
add_columns (ZpReviewPage *self)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_forms, GINT_TO_POINTER (i), NULL));
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(fields[i].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_fixed_width (column, fields[i].width);
      gtk_column_view_column_set_expand (column, fields[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
}

static void
refresh_summary (ZpReviewPage *self)
{
  guint n_forms = 0, n_errors = 0, n_warnings = 0, n_overrides = 0;
  g_autofree char *text = NULL;
  g_autoptr(GListStore) cross = NULL;

  g_clear_handle_id (&self->summary_idle, g_source_remove);
  if (self->workbook == NULL)
    return;

  n_forms = zp_workbook_get_n_forms (self->workbook);
  for (guint i = 0; i < n_forms; i++)
    {
      ZpForm *form = zp_workbook_get_form (self->workbook, i);
      ZpFormInfo *info = zp_form_info_get (form);

      n_errors += zp_form_info_get_n_errors (info);
      n_warnings += zp_form_info_get_n_warnings (info);
      n_overrides += zp_form_count_overrides (form);
    }
  cross = zp_check_cross_forms (self->workbook);
  n_errors += zp_findings_count (G_LIST_MODEL (cross), ZP_SEVERITY_ERROR, FALSE);
  n_warnings += zp_findings_count (G_LIST_MODEL (cross), ZP_SEVERITY_WARNING, FALSE);

  text = g_strdup_printf (_("%u forms · %u errors · %u warnings (including %u across forms) · %u scores set by hand"),
                          n_forms, n_errors, n_warnings,
                          zp_findings_count (G_LIST_MODEL (cross), ZP_SEVERITY_WARNING, FALSE),
                          n_overrides);
  gtk_label_set_label (self->summary_label, text);
}

static gboolean
summary_timeout (gpointer data)
{
  ZpReviewPage *self = data;

  self->summary_idle = 0;
  refresh_summary (self);
  return G_SOURCE_REMOVE;
}

static void
queue_summary (ZpReviewPage *self)
{
  if (self->summary_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->summary_idle = g_timeout_add (300, summary_timeout, self);
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             ZpReviewPage  *self)
{
  g_autoptr(ZpForm) form = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (form != NULL)
    g_signal_emit (self, signals[FORM_ACTIVATED], 0, form);
}

static void
attach_model (ZpReviewPage *self)
{
  GListModel *forms = self->workbook ? zp_workbook_get_forms (self->workbook) : NULL;

  if (gtk_sort_list_model_get_model (self->sorted) != forms)
    gtk_sort_list_model_set_model (self->sorted, forms);
}

static void
zp_review_page_map (GtkWidget *widget)
{
  attach_model (ZP_REVIEW_PAGE (widget));
  GTK_WIDGET_CLASS (zp_review_page_parent_class)->map (widget);
  refresh_summary (ZP_REVIEW_PAGE (widget));
}

static void
zp_review_page_dispose (GObject *object)
{
  ZpReviewPage *self = ZP_REVIEW_PAGE (object);

  g_clear_handle_id (&self->summary_idle, g_source_remove);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_clear_object (&self->workbook);
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (zp_review_page_parent_class)->dispose (object);
}

static void
zp_review_page_class_init (ZpReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_review_page_dispose;
  widget_class->map = zp_review_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpReviewPage, view);
  gtk_widget_class_bind_template_child (widget_class, ZpReviewPage, summary_label);

  signals[FORM_ACTIVATED] =
    g_signal_new ("form-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZP_TYPE_FORM);
}

static void
zp_review_page_init (ZpReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);
}

ZpReviewPage *
zp_review_page_new (void)
{
  return g_object_new (ZP_TYPE_REVIEW_PAGE, NULL);
}

void
zp_review_page_set_workbook (ZpReviewPage *self,
                             ZpWorkbook   *workbook)
{
  g_return_if_fail (ZP_IS_REVIEW_PAGE (self));

  if (self->workbook == workbook)
    return;
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_set_object (&self->workbook, workbook);
  /* Sorting thousands of forms costs: the rows are only needed once the page is shown. */
  gtk_sort_list_model_set_model (self->sorted, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_model (self);
  if (workbook != NULL)
    g_signal_connect_swapped (workbook, "changed", G_CALLBACK (queue_summary), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_summary (self);
}

GListModel *
zp_review_page_get_model (ZpReviewPage *self)
{
  attach_model (self);
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
zp_review_page_get_view (ZpReviewPage *self)
{
  return self->view;
}

const char *
zp_review_page_get_summary (ZpReviewPage *self)
{
  refresh_summary (self);
  return gtk_label_get_label (self->summary_label);
}

void
zp_review_page_sort_by (ZpReviewPage *self,
                        const char   *field,
                        GtkSortType   order)
{
  attach_model (self);
  for (int i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].id, field))
      gtk_column_view_sort_by_column (self->view, self->columns[i], order);
}
