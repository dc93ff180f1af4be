/* zp-rollup-window.c — the roll-up of a folder of workbooks.
 *
 * The worker loads each workbook, checks it and adds its forms to a 汇总表 across
 * workbooks; the workbooks are then dropped, so that 500 units take the memory of their
 * rows, not of their forms. Rows are ZpRollupItem in a GListStore, sorted by the column
 * view's sorter; the cells are labels bound from the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ziping-core.h"
#include "zp-rollup-item.h"
#include "zp-rollup-window.h"
#include "zp-export-chooser.h"
#include "zp-window.h"
#ifdef ZP_HAVE_IMPORT
#include "zp-import.h"
#include "zp-import-dialog.h"
#endif

struct _ZpRollupWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  GtkWidget            *export_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  GtkLabel             *failures_label;
  GtkColumnView        *column_view;

  GFile                *folder;
  GListStore           *items;
  GtkSortListModel     *sorted;
  ZpSummaryTable       *table;
  GStrv                 failures;
  GCancellable         *cancellable;
  gboolean              busy;
  GtkNativeDialog      *chooser;
};

G_DEFINE_FINAL_TYPE (ZpRollupWindow, zp_rollup_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The spinner follows it. */
static void
set_busy (ZpRollupWindow *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- reading the folder (worker) ---- */

typedef struct
{
  ZpSummaryTable *table;
  GStrv           failures;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_object (&result->table);
  g_strfreev (result->failures);
  g_free (result);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Per form, indexed like zp_workbook_get_forms(): errors, and warnings not explained. */
static void
count_findings (ZpWorkbook *workbook,
                guint      *errors,
                guint      *warnings)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      ZpForm *form = zp_finding_get_form (finding);
      guint position = form != NULL ? zp_workbook_find_form (workbook, form) : 0;

      if (position == G_MAXUINT)
        position = 0;
      if (zp_finding_get_severity (finding) == ZP_SEVERITY_ERROR)
        errors[position]++;
      else if (!zp_finding_is_explained (finding))
        warnings[position]++;
    }
}

static gboolean
is_spreadsheet_name (const char *name)
{
#ifdef ZP_HAVE_IMPORT
  /* Not the lock files office programs leave beside an open file. */
  if (g_str_has_prefix (name, "~$") || g_str_has_prefix (name, ".~lock"))
    return FALSE;
  return g_str_has_suffix (name, ".xlsx") || g_str_has_suffix (name, ".xls") || g_str_has_suffix (name, ".et");
#else
  return FALSE;
#endif
}

/* A workbook, or a spreadsheet imported into a new one as the import does. */
static ZpWorkbook *
load_unit (const char  *path,
           GFile       *file,
           GError     **error)
{
#ifdef ZP_HAVE_IMPORT
  if (is_spreadsheet_name (path))
    {
      g_autoptr(ZpImport) import = zp_import_read (path, NULL, error);
      ZpWorkbook *workbook;

      if (import == NULL)
        return NULL;
      workbook = zp_workbook_new (zp_import_guess_scheme (import));
      zp_import_apply (import, workbook);
      return workbook;
    }
#endif
  return zp_workbook_load (file, error);
}

static void
read_folder (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autofree char *dir_path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) failures = g_strv_builder_new ();
  Result *result;
  const char *name;

  if (dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ziping") || is_spreadsheet_name (name))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  result = g_new0 (Result, 1);
  result->table = zp_summary_table_new (TRUE);
  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(ZpWorkbook) workbook = load_unit (path, file, &load_error);
      g_autofree guint *errors = NULL;
      g_autofree guint *warnings = NULL;
      guint n;

      if (workbook == NULL)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *line = g_strdup_printf ("%s: %s", base, load_error->message);

          g_strv_builder_add (failures, line);
          continue;
        }
      n = MAX (zp_workbook_get_n_forms (workbook), 1);
      errors = g_new0 (guint, n);
      warnings = g_new0 (guint, n);
      count_findings (workbook, errors, warnings);
      zp_summary_table_add_workbook (result->table, workbook, path, errors, warnings);
    }
  result->failures = g_strv_builder_end (failures);
  g_task_return_pointer (task, result, result_free);
}

static void
on_folder_read (GObject      *source,
                GAsyncResult *async,
                gpointer      data)
{
  ZpRollupWindow *self = ZP_ROLLUP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (async), &error);
  g_autofree char *status = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_stack_set_visible_child_name (self->stack, "rows");
  if (result == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      set_busy (self, FALSE);
      return;
    }
  g_set_object (&self->table, result->table);
  g_strfreev (self->failures);
  self->failures = g_steal_pointer (&result->failures);
  n = zp_summary_table_get_n_entries (self->table);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, zp_rollup_item_new (self->table, i));
    g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         items->pdata, items->len);
  }
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u form. Double-click a row to open its unit’s workbook.",
                                         "%u forms. Double-click a row to open its unit’s workbook.", n),
                            n);
  gtk_label_set_text (self->status_label, status);
  if (self->failures[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", self->failures);
      g_autofree char *text = g_strdup_printf (_("Not read:\n%s"), list);

      gtk_label_set_text (self->failures_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->failures_label), self->failures[0] != NULL);
  gtk_widget_set_sensitive (self->export_button, n > 0);
  result_free (result);
  /* last: whoever waits for the read finds the rows in */
  set_busy (self, FALSE);
}

static void
start_reading (ZpRollupWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, on_folder_read, NULL);
  g_task_set_task_data (task, g_object_ref (self->folder), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_folder);
}

/* ---- columns ---- */

typedef enum { TEXT, NUMBER } Kind;

typedef struct
{
  const char *title;
  Kind        kind;
  gboolean    expand;
} Column;

enum {
  COL_UNIT, COL_YEAR, COL_FORM, COL_CATEGORY, COL_BUDGET, COL_SPENT, COL_RATE, COL_TOTAL,
  COL_GRADE, COL_MISSED, COL_NOTES, COL_ERRORS, COL_WARNINGS, N_COLUMNS
};

static const Column columns[N_COLUMNS] = {
  [COL_UNIT] = { N_("Unit"), TEXT, TRUE },
  [COL_YEAR] = { N_("Year"), NUMBER, FALSE },
  [COL_FORM] = { N_("Form"), TEXT, TRUE },
  [COL_CATEGORY] = { N_("Project Category"), TEXT, FALSE },
  [COL_BUDGET] = { N_("Budget"), NUMBER, FALSE },
  [COL_SPENT] = { N_("Spent"), NUMBER, FALSE },
  [COL_RATE] = { N_("Rate"), NUMBER, FALSE },
  [COL_TOTAL] = { N_("Total"), NUMBER, FALSE },
  [COL_GRADE] = { N_("Grade"), TEXT, FALSE },
  [COL_MISSED] = { N_("Not Met"), NUMBER, FALSE },
  [COL_NOTES] = { N_("Notes"), TEXT, FALSE },
  [COL_ERRORS] = { N_("Errors"), NUMBER, FALSE },
  [COL_WARNINGS] = { N_("Warnings"), NUMBER, FALSE },
};

static char *
cell_text (ZpRollupItem *item,
           guint         column)
{
  const ZpSummaryEntry *e = zp_rollup_item_get_entry (item);

  switch (column)
    {
    case COL_UNIT: return g_strdup (e->unit);
    case COL_YEAR: return g_strdup_printf ("%u", e->year);
    case COL_FORM: return g_strdup (e->title);
    case COL_CATEGORY: return g_strdup (e->category);
    case COL_BUDGET: return e->has_budget ? zp_decimal_format (e->budget, 2) : g_strdup ("—");
    case COL_SPENT: return e->has_spent ? zp_decimal_format (e->spent, 2) : g_strdup ("—");
    case COL_RATE: return e->has_rate ? zp_decimal_format_percent (e->rate, 2, TRUE) : g_strdup ("—");
    case COL_TOTAL: return zp_decimal_format (e->total, 2);
    case COL_GRADE: return g_strdup (zp_summary_table_grade_name (zp_rollup_item_get_table (item), e->grade));
    case COL_MISSED: return g_strdup_printf ("%u", e->missed);
    case COL_NOTES: return g_strdup (zp_deviation_notes_to_label (e->notes));
    case COL_ERRORS: return e->errors < 0 ? g_strdup ("—") : g_strdup_printf ("%d", e->errors);
    case COL_WARNINGS: return e->warnings < 0 ? g_strdup ("—") : g_strdup_printf ("%d", e->warnings);
    default: return g_strdup ("");
    }
}

/* A missing figure sorts first, as the smallest. */
static int
compare_decimals (gboolean  has_a,
                  ZpDecimal a,
                  gboolean  has_b,
                  ZpDecimal b)
{
  if (!has_a || !has_b)
    return (int) has_a - (int) has_b;
  return zp_decimal_cmp (a, b);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const ZpSummaryEntry *x = zp_rollup_item_get_entry ((ZpRollupItem *) a);
  const ZpSummaryEntry *y = zp_rollup_item_get_entry ((ZpRollupItem *) b);
  int order;

  switch (GPOINTER_TO_UINT (data))
    {
    case COL_UNIT: order = g_strcmp0 (x->unit, y->unit); break;
    case COL_YEAR: order = (x->year > y->year) - (x->year < y->year); break;
    case COL_FORM: order = g_strcmp0 (x->title, y->title); break;
    case COL_CATEGORY: order = g_strcmp0 (x->category, y->category); break;
    case COL_BUDGET: order = compare_decimals (x->has_budget, x->budget, y->has_budget, y->budget); break;
    case COL_SPENT: order = compare_decimals (x->has_spent, x->spent, y->has_spent, y->spent); break;
    case COL_RATE: order = compare_decimals (x->has_rate, x->rate, y->has_rate, y->rate); break;
    case COL_TOTAL: order = zp_decimal_cmp (x->total, y->total); break;
    case COL_GRADE: order = (x->grade > y->grade) - (x->grade < y->grade); break;
    case COL_MISSED: order = (x->missed > y->missed) - (x->missed < y->missed); break;
    case COL_NOTES: order = (int) x->notes - (int) y->notes; break;
    case COL_ERRORS: order = (x->errors > y->errors) - (x->errors < y->errors); break;
    case COL_WARNINGS: order = (x->warnings > y->warnings) - (x->warnings < y->warnings); break;
    default: order = 0;
    }
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[GPOINTER_TO_UINT (data)].kind == NUMBER ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (columns[GPOINTER_TO_UINT (data)].kind == NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data);
  ZpRollupItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = cell_text (item, column);

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == COL_UNIT || column == COL_FORM ? text : NULL);
  if (column == COL_ERRORS)
    {
      if (zp_rollup_item_get_entry (item)->errors > 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
}

static void
add_columns (ZpRollupWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_items, GUINT_TO_POINTER (i), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- opening a row, exporting ---- */

/* The row's workbook, in a new window. */
static void
open_row (ZpRollupWindow *self,
          guint           position)
{
  g_autoptr(ZpRollupItem) item = NULL;
  g_autoptr(GFile) file = NULL;
  ZpWindow *window;

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item == NULL)
    return;
  file = g_file_new_for_path (zp_rollup_item_get_entry (item)->file);
  window = zp_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
#ifdef ZP_HAVE_IMPORT
  /* A spreadsheet opens through the import's preview, as a new workbook. */
  if (zp_import_file_is_spreadsheet (file))
    {
      zp_import_dialog_show (window, file, TRUE);
      return;
    }
#endif
  zp_window_open (window, file);
}

static void
on_activate (GtkColumnView  *view,
             guint           position,
             ZpRollupWindow *self)
{
  open_row (self, position);
}

static gboolean
format_from_id (const char      *id,
                ZpSummaryFormat *format)
{
  if (g_strcmp0 (id, "docx") == 0)
    {
      *format = ZP_SUMMARY_FORMAT_DOCX;
      return TRUE;
    }
  if (g_strcmp0 (id, "pdf") == 0)
    {
      *format = ZP_SUMMARY_FORMAT_PDF;
      return TRUE;
    }
  return zp_summary_format_from_string (id, format);
}

/* The 汇总表 written to the file the chooser gave, in format_id: "xlsx", "csv", "json",
 * "pdf" or "docx". */
static gboolean
export_to (ZpRollupWindow *self,
           const char     *format_id,
           GFile          *file,
           GError        **error)
{
  ZpSummaryFormat format;

  if (self->table == NULL || !format_from_id (format_id, &format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Nothing to export yet"));
      return FALSE;
    }
  return zp_summary_table_write (self->table, format, _("Performance Self-Evaluation Summary (绩效自评汇总表)"),
                                 file, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZpRollupWindow *self = ZP_ROLLUP_WINDOW (widget);
  const char *format = g_intern_string (g_variant_get_string (parameter, NULL));
  GtkFileChooser *chooser;
  g_autofree char *suggested = NULL;

  /* Translators: the suggested file name of the exported roll-up; %s: the extension */
  suggested = g_strdup_printf (_("summary.%s"), format);
  chooser = zp_export_chooser_new (GTK_WINDOW (self), _("Export the Roll-up"), suggested);
  gtk_file_chooser_set_current_folder (chooser, self->folder, NULL);
  zp_export_chooser_show (chooser, &self->chooser, format, (ZpExportFunc) export_to, self,
                          self->toast_overlay);
}

/* ---- the object ---- */

static void
zp_rollup_window_dispose (GObject *object)
{
  ZpRollupWindow *self = ZP_ROLLUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_ROLLUP_WINDOW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->items);
  g_clear_object (&self->table);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->failures, g_strfreev);

  G_OBJECT_CLASS (zp_rollup_window_parent_class)->dispose (object);
}

static void
zp_rollup_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZpRollupWindow *self = ZP_ROLLUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_rollup_window_class_init (ZpRollupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_rollup_window_dispose;
  object_class->get_property = zp_rollup_window_get_property;

  /* TRUE while the folder is being read; the spinner spins. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-rollup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, failures_label);
  gtk_widget_class_bind_template_child (widget_class, ZpRollupWindow, column_view);
  gtk_widget_class_install_action (widget_class, "rollup.export", "s", export_action);
}

static void
zp_rollup_window_init (ZpRollupWindow *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (ZP_TYPE_ROLLUP_ITEM);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);
  g_object_bind_property (self, "busy", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  self->failures = g_new0 (char *, 1);
}

ZpRollupWindow *
zp_rollup_window_new (GtkApplication *application,
                      GFile          *folder)
{
  ZpRollupWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (ZP_TYPE_ROLLUP_WINDOW, "application", application, NULL);
  self->folder = g_object_ref (folder);
  name = g_file_get_parse_name (folder);
  adw_window_title_set_subtitle (self->window_title, name);
  start_reading (self);
  return self;
}

gboolean
zp_rollup_window_get_busy (ZpRollupWindow *self)
{
  g_return_val_if_fail (ZP_IS_ROLLUP_WINDOW (self), FALSE);

  return self->busy;
}
