/* zp-window-private.h — ZpWindow's state, shared by zp-window.c and zp-window-actions.c,
 * and accessors for the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-window.h"
#include "zp-checks-panel.h"
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
  AdwWindowTitle       *window_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkListView          *sidebar_list;
  GtkSearchEntry       *search_entry;
  AdwViewStack         *view_stack;
  AdwFlap              *checks_flap;
  GtkToggleButton      *checks_button;
  AdwButtonContent     *checks_button_content;
  GtkScrolledWindow    *editor_scroller;
  ZpFormEditor         *form_editor;
  ZpReviewPage         *review_page;
  ZpChecksPanel        *checks_panel;
  GMenu                *recent_submenu;
  GMenu                *export_section;

  /* document */
  ZpWorkbook           *workbook;
  GFile                *file;
  ZpUndoStack          *undo;
  GtkCustomFilter      *filter;      /* the sidebar's search */
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;   /* positions are in the filtered list */
  GSettings            *settings;
  guint                 autosave_id;
  gboolean              force_close;
  /* restored from the recovery file: modified although the undo stack is clean */
  gboolean              recovered;

  /* a file being opened in a worker thread */
  GCancellable         *opening;
  char                 *opening_name;
  guint                 opening_timeout;
  AdwToast             *opening_toast;

  /* the last message dialog shown (for tests), and the file chooser being shown */
  AdwMessageDialog     *message_dialog;
  GtkNativeDialog      *chooser;
  /* the workbook properties while shown (a weak pointer) */
  ZpWorkbookDialog     *workbook_dialog;
};

/* zp-window.c; zp_window_load_file() reads synchronously (tests, recovery) */
void        zp_window_set_workbook      (ZpWindow             *self,
                                         ZpWorkbook           *workbook,
                                         GFile                *file);
gboolean    zp_window_load_file         (ZpWindow             *self,
                                         GFile                *file);
gboolean    zp_window_save_to           (ZpWindow             *self,
                                         GFile                *file);
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
void        zp_window_remove_recovery   (void);
/* Writes the recovery file now when there are unsaved changes (every minute otherwise). */
void        zp_window_autosave          (ZpWindow             *self);
void        zp_window_update_actions    (ZpWindow             *self);

/* zp-window-actions.c */
void        zp_window_class_init_actions (GtkWidgetClass      *widget_class);
void        zp_window_update_recent_menu (ZpWindow            *self);
/* Adds the export entries to the main menu when export is built. */
void        zp_window_init_export_menu   (ZpWindow            *self);
/* Exports the workbook as format_id ("xlsx", "pdf", "csv") to file, as the export menu
 * does once a file is chosen: a toast, or the error shown. FALSE without the exporter. */
gboolean    zp_window_export_to          (ZpWindow            *self,
                                          const char          *format_id,
                                          GFile               *file);
/* Runs the print operation into a PDF file instead of the print dialog. */
gboolean    zp_window_print_to_pdf       (ZpWindow            *self,
                                          GFile               *file);

/* For tests. */
ZpFormEditor     *zp_window_get_form_editor     (ZpWindow *self);
ZpChecksPanel    *zp_window_get_checks_panel    (ZpWindow *self);
ZpReviewPage     *zp_window_get_review_page     (ZpWindow *self);
GtkListView      *zp_window_get_sidebar         (ZpWindow *self);
AdwMessageDialog *zp_window_get_message_dialog  (ZpWindow *self);
ZpUndoStack      *zp_window_get_undo_stack      (ZpWindow *self);
ZpWorkbookDialog *zp_window_get_workbook_dialog (ZpWindow *self);

G_END_DECLS
