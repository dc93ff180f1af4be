/* zp-window-private.h — ZpWindow's state, shared by zp-window.c and zp-window-actions.c,
 * and the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-window.h"
#include "zp-checks-panel.h"
#include "zp-document.h"
#include "zp-form-editor.h"
#include "zp-review-page.h"
#include "zp-undo-stack.h"
#include "zp-workbook-dialog.h"

G_BEGIN_DECLS

typedef void (*ZpWindowContinuation) (ZpWindow *self,
                                      gpointer  data);

struct _ZpWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkListView          *sidebar_list;
  GtkSearchEntry       *search_entry;
  AdwViewStack         *view_stack;
  GtkWidget            *content_box;
  AdwFlap              *checks_flap;
  GtkWidget            *checks_separator;
  GtkToggleButton      *checks_button;
  GtkWidget            *errors_icon;
  GtkLabel             *errors_label;
  GtkWidget            *warnings_icon;
  GtkLabel             *warnings_label;
  GtkWidget            *ok_icon;
  GtkScrolledWindow    *editor_scroller;
  ZpFormEditor         *form_editor;
  ZpReviewPage         *review_page;
  ZpChecksPanel        *checks_panel;
  GMenu                *recent_submenu;
  GMenu                *export_section;

  /* the window's document, for its whole life */
  ZpDocument           *document;
  GSignalGroup         *workbook_signals;
  GSignalGroup         *forms_signals;
  /* the department form's unit name, which the workbook's follows */
  GSignalGroup         *department_signals;
  char                 *department_unit;
  GtkCustomFilter      *filter;      /* the sidebar's search */
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;   /* positions are in the filtered list */
  GSettings            *settings;
  gboolean              force_close;

  /* a file being opened in a worker thread */
  GCancellable         *opening;
  char                 *opening_name;
  gint64                opening_started;
  guint                 opening_timeout;
  AdwToast             *opening_toast;

  /* the file chooser being shown */
  GtkNativeDialog      *chooser;
  /* turns the checks beside or below the form once the window's size is known */
  guint                 checks_layout_idle;
  /* the workbook properties and the written report while shown (weak pointers) */
  ZpWorkbookDialog     *workbook_dialog;
  GtkWindow            *report_view;    /* a ZpReportView, with the exporter */
};

/* zp-window.c */
/* Saves into file (NULL: the document's own) in the worker; an error is shown, a file
 * changed on disk by another program asks first. */
void        zp_window_save              (ZpWindow             *self,
                                         GFile                *file);
/* Asks about unsaved changes, then shows workbook (a new one, without a file). */
void        zp_window_replace_workbook  (ZpWindow             *self,
                                         ZpWorkbook           *workbook);
void        zp_window_show_error        (ZpWindow             *self,
                                         const char           *heading,
                                         const char           *body);
void        zp_window_toast             (ZpWindow             *self,
                                         const char           *text);
ZpForm     *zp_window_get_selected_form (ZpWindow             *self);
/* Runs continuation once unsaved changes are saved or discarded (not if cancelled). */
void        zp_window_confirm_discard   (ZpWindow             *self,
                                         ZpWindowContinuation  continuation,
                                         gpointer              data,
                                         GDestroyNotify        destroy);
GSettings  *zp_window_get_settings      (ZpWindow             *self);
void        zp_window_update_actions    (ZpWindow             *self);
ZpFormEditor *zp_window_get_form_editor (ZpWindow             *self);

/* zp-window-actions.c */
void        zp_window_class_init_actions (GtkWidgetClass      *widget_class);
void        zp_window_update_recent_menu (ZpWindow            *self);
/* Adds the export entries to the main menu when export is built. */
void        zp_window_init_export_menu   (ZpWindow            *self);
/* Exports the workbook as format_id ("xlsx", "pdf", "csv") to file, as the export menu
 * does once a file is chosen: in a worker, on a copy of the workbook as it is now; when
 * done, a toast, or the error shown. FALSE without the exporter. */
gboolean    zp_window_export_to          (ZpWindow            *self,
                                          const char          *format_id,
                                          GFile               *file);
/* Runs the print operation into a PDF file instead of the print dialog, of the form at
 * that position (−1: all forms, as the dialog's "All forms"). */
gboolean    zp_window_print_to_pdf       (ZpWindow            *self,
                                          GFile               *file,
                                          int                  form);

G_END_DECLS
