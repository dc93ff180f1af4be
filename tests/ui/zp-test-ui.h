/* zp-test-ui.h — what the UI tests share: starting GTK on a scratch folder, waiting for a
 * condition (never a fixed sleep), the seed example opened in a window, closing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-window-private.h"

G_BEGIN_DECLS

gboolean    zp_test_wake_up         (gpointer data);

/* Iterates the main loop until expr holds; fails the test after 10 s. A macro so that
 * the message names the condition and the line that waited for it. */
#define zp_test_wait_for(expr) G_STMT_START {                                  \
    guint wake_ = g_timeout_add (10, zp_test_wake_up, NULL);                     \
    gint64 end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;                 \
    while (!(expr) && g_get_monotonic_time () < end_)                            \
      g_main_context_iteration (NULL, TRUE);                                     \
    g_source_remove (wake_);                                                     \
    if (!(expr))                                                                 \
      g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #expr);    \
  } G_STMT_END

typedef gboolean (*ZpTestPredicate) (gpointer data);

void        zp_test_wait_until      (ZpTestPredicate holds,
                                     gpointer        data,
                                     const char     *what);

char       *zp_test_ui_setup        (int            *argc,
                                     char         ***argv,
                                     const char     *name);
int         zp_test_ui_finish       (char           *tmpdir,
                                     int             result);
void        zp_test_ui_init         (int            *argc,
                                     char         ***argv);

ZpWorkbook *zp_test_load_seed       (void);
GFile      *zp_test_copy_example    (const char     *folder,
                                     const char     *name);
void        zp_test_load_and_wait   (ZpWindow       *window,
                                     GFile          *file);
ZpWindow   *zp_test_open_example    (int             width,
                                     int             height);
void        zp_test_close_window    (ZpWindow       *window);

GtkWidget  *zp_test_find_widget     (GtkWidget      *root,
                                     const char     *name);
GPtrArray  *zp_test_find_all_widgets (GtkWidget     *root,
                                     const char     *name);
GtkWidget  *zp_test_find_dialog     (GtkWindow      *parent,
                                     const char     *name);
GtkWidget  *zp_test_find_transient  (GtkWindow      *parent,
                                     GType           type);
GtkWidget  *zp_test_find_by_type    (GtkWidget      *root,
                                     GType           type);
GtkLabel   *zp_test_find_label      (GtkWidget      *root,
                                     const char     *text);
/* The button labelled label ("_Import", mnemonic and all) in root or below it, or NULL. */
GtkWidget  *zp_test_find_button     (GtkWidget      *root,
                                     const char     *label);
GtkFileChooser *zp_test_find_file_chooser (GtkWindow *parent);
void        zp_test_choose_file     (GtkWindow      *parent,
                                     GFile          *folder,
                                     const char     *path);
/* The same for an open chooser: selects file, waits until the chooser gives it, accepts. */
void        zp_test_choose_existing_file (GtkWindow *parent,
                                     GFile          *file);
/* Waits until the toast whose title is the label title has gone (its timeout: a toast
 * added meanwhile waits behind it). */
void        zp_test_wait_toast_gone (GtkLabel       *title);
gboolean    zp_test_is_on_screen    (GtkWidget      *widget);
/* Iterates the main loop until widget's window has drawn n more frames: whatever an edit
 * queued has run and been drawn. */
void        zp_test_wait_for_frames (GtkWidget      *widget,
                                     gint64          n);
AdwMessageDialog *zp_test_find_message_dialog (GtkWindow *window);
void        zp_test_respond         (AdwMessageDialog *dialog,
                                     const char       *response);

G_END_DECLS
