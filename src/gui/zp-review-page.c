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
  FIELD_RATE,
  FIELD_EXECUTION,
  FIELD_INDICATORS,
  FIELD_TOTAL,
  FIELD_WEIGHTS,
  FIELD_UNSCORED,
  FIELD_NO_NOTE,
  FIELD_OVERRIDES,
  FIELD_ERRORS,
  FIELD_WARNINGS,
  N_FIELDS
} Field;

/* What a manager checks, each column as narrow as its heading and figures allow (short
 * headings, the rest in their tooltips): the whole table fits a 1280 px window beside
 * the forms list, the form's name taking what is left. */
static const struct {
  const char *title;
  const char *tooltip;
  int         min_chars;
  int         nat_chars;
  gboolean    expand;
} fields[N_FIELDS] = {
  { N_("Form"), NULL, 10, 16, TRUE },
  { N_("B/A"), N_("Execution rate: spent (B) ÷ budget (A)"), 7, 8, FALSE },
  { N_("Spending"), N_("The budget execution score"), 5, 6, FALSE },
  { N_("Indicators"), N_("The indicators' score"), 5, 6, FALSE },
  { N_("Total"), NULL, 5, 6, FALSE },
  { N_("Weights"), N_("Whether the weights add up to 100"), 3, 3, FALSE },
  { N_("Unscored"), N_("Rows that could not be scored"), 3, 3, FALSE },
  { N_("No Note"), N_("Shortfalls without a deviation note (偏差原因)"), 3, 3, FALSE },
  { N_("By Hand"), N_("Scores set by hand"), 3, 3, FALSE },
  { N_("Errors"), NULL, 3, 3, FALSE },
  { N_("Warnings"), NULL, 3, 3, FALSE },
};

/* Findings of the form with code. */
static guint
count_findings (ZpForm     *form,
                const char *code)
{
  GListModel *findings = zp_form_info_get_findings (zp_form_info_get (form));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      n += g_str_equal (zp_finding_get_code (finding), code);
    }
  return n;
}

/* The checker's word on the weights: no weights-total or block-weights error. */
static gboolean
weights_add_up (ZpForm *form)
{
  return count_findings (form, "weights-total") == 0 && count_findings (form, "block-weights") == 0;
}

struct _ZpReviewPage
{
  AdwBin              parent_instance;

  GtkColumnView      *view;
  GtkLabel           *summary_label;

  ZpWorkbook         *workbook;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  guint               summary_idle;
};

G_DEFINE_FINAL_TYPE (ZpReviewPage, zp_review_page, ADW_TYPE_BIN)

enum {
  FORM_ACTIVATED,
  FORM_SELECTED,
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
    case FIELD_WEIGHTS:
      return g_strdup (weights_add_up (form) ? "✓" : "✗");
    case FIELD_UNSCORED:
      return g_strdup_printf ("%u", zp_form_get_n_unscored (form));
    case FIELD_NO_NOTE:
      return g_strdup_printf ("%u", count_findings (form, "deviation-note-missing"));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
fill_cell (GtkInscription *cell)
{
  ZpForm *form = g_object_get_data (G_OBJECT (cell), "zp-form");
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-field"));
  g_autofree char *text = NULL;

  if (form == NULL)
    return;
  text = field_text (form, field);
  gtk_inscription_set_text (cell, text);
  if (field == FIELD_ERRORS || field == FIELD_WARNINGS || field == FIELD_WEIGHTS ||
      field == FIELD_UNSCORED || field == FIELD_NO_NOTE)
    {
      const char *klass = field == FIELD_WARNINGS || field == FIELD_UNSCORED ? "warning" : "error";

      if (g_strcmp0 (text, "0") != 0 && g_strcmp0 (text, "✓") != 0)
        gtk_widget_add_css_class (GTK_WIDGET (cell), klass);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), klass);
    }
}

static void
on_cell_mapped (GtkInscription *cell)
{
  g_signal_handlers_disconnect_by_func (cell, on_cell_mapped, NULL);
  fill_cell (cell);
}

/* A form changed. While the page is hidden its cells wait until they are shown again:
 * a hidden cell's new text would still re-measure the window on every keystroke. */
static void
refresh_cell (GtkInscription *cell)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (cell)))
    fill_cell (cell);
  else if (g_signal_handler_find (cell, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_cell_mapped, NULL) == 0)
    g_signal_connect (cell, "map", G_CALLBACK (on_cell_mapped), NULL);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Field field = GPOINTER_TO_INT (data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  if (field != FIELD_TITLE)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), fields[field].min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), fields[field].nat_chars);
  if (field == FIELD_WEIGHTS)
    gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.5);
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
  fill_cell (GTK_INSCRIPTION (cell));
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
  g_signal_handlers_disconnect_by_func (cell, on_cell_mapped, NULL);
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
    case FIELD_WEIGHTS:
      return (int) weights_add_up (fa) - (int) weights_add_up (fb);
    case FIELD_UNSCORED:
      return (int) zp_form_get_n_unscored (fa) - (int) zp_form_get_n_unscored (fb);
    case FIELD_NO_NOTE:
      return (int) count_findings (fa, "deviation-note-missing") - (int) count_findings (fb, "deviation-note-missing");
    case N_FIELDS:
    default:
      return 0;
    }
}

/* Each heading's label: its tooltip says what the column counts. */
static void
explain_headings (ZpReviewPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->view));
  int i = 0;

  /* the header's children are the columns' titles, in order */
  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;
       title != NULL && i < N_FIELDS; title = gtk_widget_get_next_sibling (title), i++)
    {
      gtk_widget_set_tooltip_text (title, fields[i].tooltip ? _(fields[i].tooltip) : _(fields[i].title));
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
      gtk_column_view_column_set_expand (column, fields[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
      g_object_unref (column);
    }
  explain_headings (self);
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
on_selected (ZpReviewPage *self)
{
  ZpForm *form = gtk_single_selection_get_selected_item (self->selection);

  if (form != NULL)
    g_signal_emit (self, signals[FORM_SELECTED], 0, form);
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
  signals[FORM_SELECTED] =
    g_signal_new ("form-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected), self);
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
