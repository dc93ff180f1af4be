/* zp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zp-application.h"
#include "zp-form-info.h"
#include "zp-sidebar-row.h"
#include "zp-window-private.h"

G_DEFINE_FINAL_TYPE (ZpWindow, zp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

extern GResource *zp_get_resource (void);

/* ---- title and state ---- */

static void
update_title (ZpWindow *self)
{
  ZpWorkbook *workbook = zp_window_get_workbook (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *unit;

  if (workbook == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Ziping"));
      return;
    }
  title = g_strdup_printf ("%s%s", zp_document_get_title (self->document),
                           zp_document_get_modified (self->document) ? " •" : "");
  unit = zp_workbook_get_unit (workbook);
  subtitle = g_strdup_printf ("%u · %s", zp_workbook_get_year (workbook),
                              unit && *unit ? unit : zp_scheme_get_name (zp_workbook_get_scheme (workbook)));
  /* Called on every edit: only a real change may cost a relayout or a round trip to the
   * display server. */
  if (g_strcmp0 (title, gtk_window_get_title (GTK_WINDOW (self))) == 0 &&
      g_strcmp0 (subtitle, adw_window_title_get_subtitle (self->window_title)) == 0)
    return;
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
zp_window_update_actions (ZpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has = zp_document_get_workbook (self->document) != NULL;
  ZpForm *form = zp_window_get_selected_form (self);
  gboolean project = form != NULL && !zp_form_is_department (form);

  gtk_widget_action_set_enabled (widget, "win.undo", has && zp_undo_stack_can_undo (zp_document_get_undo_stack (self->document)));
  gtk_widget_action_set_enabled (widget, "win.redo", has && zp_undo_stack_can_redo (zp_document_get_undo_stack (self->document)));
  /* one save at a time: the next would write the same bytes again */
  gtk_widget_action_set_enabled (widget, "win.save", has && !zp_document_get_busy (self->document));
  gtk_widget_action_set_enabled (widget, "win.save-as", has && !zp_document_get_busy (self->document));
  gtk_widget_action_set_enabled (widget, "win.new-year", has);
  gtk_widget_action_set_enabled (widget, "win.workbook-properties", has);
  gtk_widget_action_set_enabled (widget, "win.add-project", has);
  gtk_widget_action_set_enabled (widget, "win.add-department",
                                 has && zp_workbook_get_department_form (zp_document_get_workbook (self->document)) == NULL);
  gtk_widget_action_set_enabled (widget, "win.duplicate-project", project);
  gtk_widget_action_set_enabled (widget, "win.delete-project", project);
  gtk_widget_action_set_enabled (widget, "win.move-form-up", project);
  gtk_widget_action_set_enabled (widget, "win.move-form-down", project);
  gtk_widget_action_set_enabled (widget, "win.review", has);
  gtk_widget_action_set_enabled (widget, "win.show-checks", has);
#ifdef ZP_HAVE_EXPORT
  gtk_widget_action_set_enabled (widget, "win.export", has);
  gtk_widget_action_set_enabled (widget, "win.print", has);
#endif
}

static void
on_undo_state (ZpWindow *self)
{
  update_title (self);
  zp_window_update_actions (self);
}

/* The header's badge: errors and warnings counted apart, a tick when there are none. */
static void
update_checks_button (ZpWindow *self)
{
  guint errors = zp_checks_panel_count (self->checks_panel, ZP_SEVERITY_ERROR);
  guint warnings = zp_checks_panel_count (self->checks_panel, ZP_SEVERITY_WARNING);
  g_autofree char *errors_text = g_strdup_printf ("%u", errors);
  g_autofree char *warnings_text = g_strdup_printf ("%u", warnings);
  g_autofree char *tooltip = NULL;
  GtkWidget *button = GTK_WIDGET (self->checks_button);

  gtk_label_set_label (self->errors_label, errors_text);
  gtk_label_set_label (self->warnings_label, warnings_text);
  gtk_widget_set_visible (self->errors_icon, errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), errors > 0);
  gtk_widget_set_visible (self->warnings_icon, warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), warnings > 0);
  gtk_widget_set_visible (self->ok_icon, errors + warnings == 0);
  /* Translators: the checks button's tooltip */
  tooltip = g_strdup_printf (_("Checks: %1$u errors, %2$u warnings (F8)"), errors, warnings);
  /* A new tooltip asks the display where the pointer is: not while the window goes (the
   * panel refreshes as it is disposed), and not when nothing changed. */
  if (gtk_widget_get_realized (button) && g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (button)) != 0)
    {
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  gtk_widget_remove_css_class (button, "error");
  gtk_widget_remove_css_class (button, "warning");
  if (errors)
    gtk_widget_add_css_class (button, "error");
  else if (warnings)
    gtk_widget_add_css_class (button, "warning");
}

/* ---- selection ---- */

ZpForm *
zp_window_get_selected_form (ZpWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_selected_form (ZpWindow *self)
{
  ZpForm *form = zp_window_get_selected_form (self);

  zp_form_editor_set_form (self->form_editor, form);
  zp_checks_panel_set_form (self->checks_panel, form);
  /* each form opens at its top, not where the last one was left */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->editor_scroller), 0);
  zp_window_update_actions (self);
  /* On a narrow window the list and the form share the screen in turn. */
  if (form != NULL && adw_leaflet_get_folded (self->leaflet) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The form's row in the (maybe filtered) sidebar; G_MAXUINT when not shown. */
static guint
sidebar_position (ZpWindow *self,
                  ZpForm   *form)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZpForm) item = g_list_model_get_item (model, i);
      if (item == form)
        return i;
    }
  return G_MAXUINT;
}

void
zp_window_show_form (ZpWindow *self,
                     ZpForm   *form)
{
  guint position;

  g_return_if_fail (ZP_IS_WINDOW (self));

  if (zp_document_get_workbook (self->document) == NULL || form == NULL)
    return;
  if (zp_workbook_find_form (zp_document_get_workbook (self->document), form) == G_MAXUINT)
    return;
  position = sidebar_position (self, form);
  if (position == G_MAXUINT)
    {
      /* Filtered out by the search: show every form again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      position = sidebar_position (self, form);
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->sidebar_list), "list.scroll-to-item", "u", position);
  adw_view_stack_set_visible_child_name (self->view_stack, "forms");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_activate (GtkListView *list,
                     guint        position,
                     ZpWindow    *self)
{
  g_autoptr(ZpForm) form = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  zp_window_show_form (self, form);
}

static void
on_review_activated (ZpReviewPage *page,
                     ZpForm       *form,
                     ZpWindow     *self)
{
  zp_window_show_form (self, form);
}

/* The manager picks a form on the review page: its findings show beside the table. */
static void
on_review_selected (ZpReviewPage *page,
                    ZpForm       *form,
                    ZpWindow     *self)
{
  zp_checks_panel_set_form (self->checks_panel, form);
}

/* Back on the forms, the checks are the shown form's again. */
static void
on_view_changed (ZpWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "forms") == 0)
    zp_checks_panel_set_form (self->checks_panel, zp_window_get_selected_form (self));
}

static void
on_finding_activated (ZpChecksPanel *panel,
                      ZpFinding     *finding,
                      ZpWindow      *self)
{
  ZpForm *form = zp_finding_get_form (finding);

  /* Findings across forms are about the department form's totals. */
  if (form == NULL && zp_document_get_workbook (self->document) != NULL)
    form = ZP_FORM (zp_workbook_get_department_form (zp_document_get_workbook (self->document)));
  if (form != NULL)
    zp_window_show_form (self, form);
  zp_form_editor_focus (self->form_editor, zp_finding_get_goal (finding),
                        zp_finding_get_row (finding), zp_finding_get_field (finding));
}

/* The form holding an object an undo changed, and the place within it. */
static ZpForm *
find_owner (ZpWindow *self,
            GObject  *object,
            int      *goal_out,
            int      *row_out)
{
  guint n_forms = zp_workbook_get_n_forms (zp_document_get_workbook (self->document));
  ZpForm *selected = zp_window_get_selected_form (self);

  *goal_out = *row_out = -1;
  if (ZP_IS_FORM (object))
    return ZP_FORM (object);
  for (guint k = 0; k <= n_forms; k++)
    {
      /* the shown form first: the usual case */
      ZpForm *form = k == 0 ? selected : zp_workbook_get_form (zp_document_get_workbook (self->document), k - 1);

      if (form == NULL || (k > 0 && form == selected))
        continue;
      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          *goal_out = g;
          if (G_OBJECT (goal) == object)
            return form;
          for (guint r = 0; r < zp_goal_get_n_indicators (goal); r++)
            if (G_OBJECT (zp_goal_get_indicator (goal, r)) == object)
              {
                *row_out = r;
                return form;
              }
        }
    }
  *goal_out = -1;
  return NULL;
}

static void
on_undo_applied (ZpUndoStack *undo,
                 GObject     *object,
                 ZpWindow    *self)
{
  int goal, row;
  ZpForm *form;

  if (zp_document_get_workbook (self->document) == NULL || ZP_IS_WORKBOOK (object))
    return;
  form = find_owner (self, object, &goal, &row);
  if (form == NULL)
    return;
  if (form != zp_window_get_selected_form (self))
    zp_window_show_form (self, form);
  if (row >= 0)
    zp_form_editor_focus (self->form_editor, goal, row, NULL);
}

/* ---- sidebar ---- */

static GMenuModel *
sidebar_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_append (menu, _("_Duplicate"), "win.duplicate-project");
  g_menu_append (menu, _("Move _Up"), "win.move-form-up");
  g_menu_append (menu, _("Move _Down"), "win.move-form-down");
  g_menu_append (section, _("_Delete"), "win.delete-project");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

/* Right-click on a form: select it and offer the commands on forms. */
static void
on_sidebar_row_menu (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     ZpWindow        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ZpForm *form = zp_sidebar_row_get_form (ZP_SIDEBAR_ROW (row));
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (form == NULL)
    return;
  zp_window_show_form (self, form);
  model = sidebar_menu ();
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
setup_sidebar_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   ZpWindow                 *self)
{
  GtkWidget *row = GTK_WIDGET (zp_sidebar_row_new ());
  GtkGesture *menu_click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (menu_click, "pressed", G_CALLBACK (on_sidebar_row_menu), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (menu_click));
  gtk_list_item_set_child (item, row);
}

static void
bind_sidebar_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  zp_sidebar_row_set_form (ZP_SIDEBAR_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
unbind_sidebar_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  zp_sidebar_row_set_form (ZP_SIDEBAR_ROW (gtk_list_item_get_child (item)), NULL);
}

static gboolean
navigate_to_form (gpointer data)
{
  ZpWindow *self = data;

  if (adw_leaflet_get_folded (self->leaflet) && zp_window_get_selected_form (self) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return G_SOURCE_REMOVE;
}

/* A click on the (already selected) form in a folded list shows it too. */
static void
on_sidebar_click (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  ZpWindow        *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, navigate_to_form, g_object_ref (self), g_object_unref);
}

static gboolean
match_search (gpointer item,
              gpointer data)
{
  ZpWindow *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *title = NULL;
  g_autofree char *folded_title = NULL;
  g_autofree char *folded_text = NULL;

  if (*text == '\0')
    return TRUE;
  title = zp_form_dup_title (ZP_FORM (item));
  folded_title = g_utf8_casefold (title ? title : "", -1);
  folded_text = g_utf8_casefold (text, -1);
  return strstr (folded_title, folded_text) != NULL;
}

static void
on_search_changed (ZpWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_sidebar (ZpWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_sidebar_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_sidebar_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_sidebar_row), NULL);
  gtk_list_view_set_factory (self->sidebar_list, factory);
  g_object_unref (factory);

  self->filter = gtk_custom_filter_new (match_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_form), self);
  g_signal_connect (self->sidebar_list, "activate", G_CALLBACK (on_sidebar_activate), self);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_sidebar_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), GTK_EVENT_CONTROLLER (click));
}

/* ---- documents ---- */

/* One unit name: the department form's 单位名称 fills the workbook's when that is blank
 * or was the same name, so no export prints a title without the unit. Undo of the form's
 * name takes the workbook's along the same way. */
static void
on_department_unit (ZpWindow *self)
{
  ZpWorkbook *workbook = zp_window_get_workbook (self);
  ZpDepartmentForm *department = workbook ? zp_workbook_get_department_form (workbook) : NULL;
  const char *unit = department ? zp_department_form_get_unit (department) : NULL;
  const char *current = workbook ? zp_workbook_get_unit (workbook) : NULL;

  if (unit != NULL && *unit != '\0' &&
      (current == NULL || *current == '\0' || g_strcmp0 (current, self->department_unit) == 0))
    zp_workbook_set_unit (workbook, unit);
  g_free (self->department_unit);
  self->department_unit = g_strdup (unit);
}

static void
follow_department (ZpWindow *self)
{
  ZpWorkbook *workbook = zp_window_get_workbook (self);
  ZpDepartmentForm *department = workbook ? zp_workbook_get_department_form (workbook) : NULL;
  g_autoptr(GObject) followed = g_signal_group_dup_target (self->department_signals);

  if (followed == (GObject *) department)
    return;
  g_signal_group_set_target (self->department_signals, department);
  g_free (self->department_unit);
  self->department_unit = g_strdup (department ? zp_department_form_get_unit (department) : NULL);
}

static void
on_forms_changed (ZpWindow *self)
{
  follow_department (self);
  zp_window_update_actions (self);
}

/* The document holds another workbook (opened, restored, new): show it from its first form. */
static void
on_document_workbook (ZpWindow *self)
{
  ZpWorkbook *workbook = zp_window_get_workbook (self);

  /* It edits the workbook that goes. */
  if (self->workbook_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->workbook_dialog));
  zp_form_editor_set_form (self->form_editor, NULL);
  zp_checks_panel_set_form (self->checks_panel, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_filter_list_model_set_model (self->filtered, workbook ? zp_workbook_get_forms (workbook) : NULL);
  zp_review_page_set_workbook (self->review_page, workbook);
  zp_checks_panel_set_workbook (self->checks_panel, workbook);
  g_signal_group_set_target (self->workbook_signals, workbook);
  g_signal_group_set_target (self->forms_signals, workbook ? zp_workbook_get_forms (workbook) : NULL);
  follow_department (self);
  if (workbook != NULL)
    gtk_single_selection_set_selected (self->selection, 0);
  on_selected_form (self);
  gtk_stack_set_visible_child_name (self->main_stack, workbook ? "workbook" : "empty");
  adw_view_stack_set_visible_child_name (self->view_stack, "forms");
  update_title (self);
  zp_window_update_actions (self);
}

static void
remember_file (ZpWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  GSettings *settings = zp_window_get_settings (self);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (settings != NULL && parent != NULL)
    {
      g_autofree char *path = g_file_get_path (parent);
      if (path != NULL)
        g_settings_set_string (settings, "last-folder", path);
    }
  zp_window_update_recent_menu (self);
}

/* ZIPING_DEBUG_TIMING=1: how long a file takes to show its first form. */
static void
on_first_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 started = GPOINTER_TO_SIZE (data);

  g_printerr ("ziping: first form painted %.0f ms after the load began\n",
              (g_get_monotonic_time () - started) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, data);
}

static void
report_timing (ZpWindow *self,
               gint64    started)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_printerr ("ziping: loaded and shown in %.0f ms\n", (g_get_monotonic_time () - started) / 1000.0);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), GSIZE_TO_POINTER (started));
}

static gboolean
show_opening_toast (gpointer data)
{
  ZpWindow *self = data;
  g_autofree char *message = NULL;

  self->opening_timeout = 0;
  message = g_strdup_printf (_("Opening “%s”…"), self->opening_name);
  self->opening_toast = g_object_ref (adw_toast_new (message));
  adw_toast_set_timeout (self->opening_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->opening_toast));
  return G_SOURCE_REMOVE;
}

static void
end_opening (ZpWindow *self)
{
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  if (self->opening_toast != NULL)
    adw_toast_dismiss (self->opening_toast);
  g_clear_object (&self->opening_toast);
  g_clear_pointer (&self->opening_name, g_free);
  g_clear_object (&self->opening);
}

static void
finish_opening (ZpWindow *self,
                gboolean  opened,
                GError   *error)
{
  g_autofree char *heading = NULL;
  gint64 started = self->opening_started;
  GFile *file = zp_document_get_file (self->document);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  heading = g_strdup_printf (_("Could Not Open “%s”"), self->opening_name);
  end_opening (self);
  if (!opened)
    {
      zp_window_show_error (self, heading, error->message);
      return;
    }
  if (file != NULL)
    remember_file (self, file);
  if (g_getenv ("ZIPING_DEBUG_TIMING") != NULL)
    report_timing (self, started);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean opened = zp_document_load_finish (ZP_DOCUMENT (source), result, &error);

  finish_opening (self, opened, error);
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ZpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean opened = zp_document_restore_finish (ZP_DOCUMENT (source), result, &error);

  finish_opening (self, opened, error);
}

/* Reads file, or the draft, in the document's worker; a toast says so when it takes a
 * while. */
static void
start_opening (ZpWindow *self,
               GFile    *file,
               ZpDraft  *draft)
{
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  end_opening (self);
  self->opening = g_cancellable_new ();
  self->opening_name = file ? g_file_get_basename (file) : zp_draft_dup_title (draft);
  self->opening_started = g_get_monotonic_time ();
  self->opening_timeout = g_timeout_add (300, show_opening_toast, self);
  if (draft != NULL)
    zp_document_restore_async (self->document, draft, self->opening, on_restored, g_object_ref (self));
  else
    zp_document_load_async (self->document, file, self->opening, on_loaded, g_object_ref (self));
}

/* ---- recovery drafts ---- */

typedef struct
{
  ZpWindow   *self;
  ZpDraft    *draft;
  GFile      *file;   /* being opened by name: opened as it is unless the draft is restored */
  GListModel *queue;  /* offering the drafts left at start, one after the other */
  guint       next;
} DraftOffer;

static void offer_draft (ZpWindow   *self,
                         ZpDraft    *draft,
                         GFile      *file,
                         GListModel *queue,
                         guint       next);

static void
draft_offer_free (DraftOffer *offer)
{
  g_object_unref (offer->self);
  g_object_unref (offer->draft);
  g_clear_object (&offer->file);
  g_clear_object (&offer->queue);
  g_free (offer);
}

static void
offer_next_draft (ZpWindow   *self,
                  GListModel *queue,
                  guint       position)
{
  g_autoptr(ZpDraft) draft = NULL;

  if (position >= g_list_model_get_n_items (queue))
    return;
  draft = g_list_model_get_item (queue, position);
  offer_draft (self, draft, NULL, queue, position + 1);
}

/* A restored draft goes into this window when it is free, else into a new one. */
static ZpWindow *
window_for_draft (ZpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ZpWindow *window;

  if (zp_window_is_reusable (self) || app == NULL)
    return self;
  window = zp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_draft_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DraftOffer       *offer)
{
  if (g_str_equal (response, "restore"))
    start_opening (offer->file ? offer->self : window_for_draft (offer->self), NULL, offer->draft);
  else
    {
      if (g_str_equal (response, "discard"))
        zp_draft_delete (offer->draft);
      /* "keep": the draft stays for the next start, unlocked once the offer is freed */
      if (offer->file != NULL)
        start_opening (offer->self, offer->file, NULL);
    }
  if (offer->queue != NULL)
    offer_next_draft (offer->self, offer->queue, offer->next);
  draft_offer_free (offer);
}

static void
offer_draft (ZpWindow   *self,
             ZpDraft    *draft,
             GFile      *file,
             GListModel *queue,
             guint       next)
{
  DraftOffer *offer = g_new0 (DraftOffer, 1);
  g_autofree char *title = zp_draft_dup_title (draft);
  GDateTime *time = zp_draft_get_time (draft);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("—");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  offer->self = g_object_ref (self);
  offer->draft = g_object_ref (draft);
  offer->file = file ? g_object_ref (file) : NULL;
  offer->queue = queue ? g_object_ref (queue) : NULL;
  offer->next = next;
  /* Translators: %1$s is a file name, %2$s a date and time */
  body = g_strdup_printf (_("Changes to “%1$s” made until %2$s were not saved when Ziping closed. "
                            "They were kept in a recovery draft."), title, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep for Later"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_draft_response), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zp_window_offer_drafts (ZpWindow *self)
{
  g_autoptr(GListModel) orphans = zp_draft_list_orphans ();

  g_return_if_fail (ZP_IS_WINDOW (self));

  offer_next_draft (self, orphans, 0);
}

/* ---- opening ---- */

static void
on_open_confirmed (ZpWindow *self,
                   gpointer  data)
{
  GFile *file = G_FILE (data);
  g_autoptr(ZpDraft) draft = zp_draft_find_orphan (file);

  if (draft != NULL)
    offer_draft (self, draft, file, NULL, 0);
  else
    start_opening (self, file, NULL);
}

/* The app's window showing file, if any. */
static ZpWindow *
find_window_for_file (ZpWindow *self,
                      GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      GFile *shown = ZP_IS_WINDOW (l->data) ? zp_window_get_file (l->data) : NULL;

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

void
zp_window_open (ZpWindow *self,
                GFile    *file)
{
  ZpWindow *showing;

  g_return_if_fail (ZP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One window per file: two documents of one file would overwrite each other. */
  showing = find_window_for_file (self, file);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }
  zp_window_confirm_discard (self, on_open_confirmed, g_object_ref (file), g_object_unref);
}

/* ---- dialogs ---- */

void
zp_window_show_error (ZpWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zp_window_toast (ZpWindow   *self,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

typedef struct
{
  ZpWindow             *self;
  ZpWindowContinuation  continuation;
  gpointer              data;
  GDestroyNotify        destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  pending->continuation (pending->self, pending->data);
  pending_free (pending);
}

static gboolean
pending_run_idle (gpointer data)
{
  Pending *pending = data;

  pending_run (pending);
  return G_SOURCE_REMOVE;
}

/* From a dialog's ::response: the dialog finishes closing before the continuation
 * (which may close the window the dialog belongs to). */
static void
pending_run_later (Pending *pending)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, pending_run_idle, pending, NULL);
}

/* ---- saving ---- */

typedef struct
{
  ZpWindow *self;
  GFile    *file;     /* the file written */
  Pending  *pending;  /* run once saved; NULL */
} SaveJob;

static void save_then (ZpWindow            *self,
                       GFile               *file,
                       ZpDocumentSaveFlags  flags,
                       Pending             *pending);

static void
save_job_free (SaveJob *job)
{
  if (job->pending != NULL)
    pending_free (job->pending);
  g_object_unref (job->self);
  g_object_unref (job->file);
  g_free (job);
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             SaveJob          *job)
{
  ZpWindow *self = job->self;

  if (g_str_equal (response, "overwrite"))
    save_then (self, job->file, ZP_DOCUMENT_SAVE_OVERWRITE, g_steal_pointer (&job->pending));
  else if (g_str_equal (response, "reload"))
    start_opening (self, job->file, NULL);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  save_job_free (job);
}

/* Another program wrote the file since it was opened or saved: never overwrite it unasked. */
static void
ask_changed_on_disk (SaveJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Another program changed “%s” since it was opened here. Reload it "
                            "(the changes made here are lost), save the changes made here "
                            "under another name, or overwrite the other program’s changes?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (job->self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveJob *job = user_data;
  ZpWindow *self = job->self;
  g_autoptr(GError) error = NULL;

  if (zp_document_save_finish (ZP_DOCUMENT (source), result, &error))
    {
      remember_file (self, job->file);
      if (job->pending != NULL)
        pending_run (g_steal_pointer (&job->pending));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      ask_changed_on_disk (job);
      return;
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      zp_window_show_error (self, heading, error->message);
    }
  save_job_free (job);
}

static void
save_then (ZpWindow            *self,
           GFile               *file,
           ZpDocumentSaveFlags  flags,
           Pending             *pending)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file ? file : zp_document_get_file (self->document));
  job->pending = pending;
  zp_document_save_async (self->document, job->file, flags, NULL, on_saved, job);
}

void
zp_window_save (ZpWindow *self,
                GFile    *file)
{
  g_return_if_fail (ZP_IS_WINDOW (self));
  g_return_if_fail (file != NULL || zp_document_get_file (self->document) != NULL);

  save_then (self, file, ZP_DOCUMENT_SAVE_DEFAULT, NULL);
}

/* ---- unsaved changes ---- */

static void
on_save_as_for_pending (GtkNativeDialog *chooser,
                        int              response,
                        Pending         *pending)
{
  ZpWindow *self = pending->self;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    save_then (self, file, ZP_DOCUMENT_SAVE_DEFAULT, pending);
  else
    pending_free (pending);
}

static void
on_save_changes_response (AdwMessageDialog *dialog,
                          const char       *response,
                          Pending          *pending)
{
  ZpWindow *self = pending->self;

  /* Discarding needs nothing more: the draft goes with the document's contents. */
  if (g_str_equal (response, "discard"))
    pending_run_later (pending);
  else if (g_str_equal (response, "save") && zp_document_get_file (self->document) != NULL)
    save_then (self, NULL, ZP_DOCUMENT_SAVE_DEFAULT, pending);
  else if (g_str_equal (response, "save"))
    {
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                   _("_Save"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("workbook.ziping"));
      self->chooser = GTK_NATIVE_DIALOG (chooser);
      g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_for_pending), pending);
      gtk_native_dialog_show (self->chooser);
    }
  else
    pending_free (pending);
}

void
zp_window_confirm_discard (ZpWindow             *self,
                           ZpWindowContinuation  continuation,
                           gpointer              data,
                           GDestroyNotify        destroy)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  pending->self = g_object_ref (self);
  pending->continuation = continuation;
  pending->data = data;
  pending->destroy = destroy;
  if (!zp_document_get_modified (self->document))
    {
      pending_run (pending);
      return;
    }

  body = g_strdup_printf (_("“%s” has changes that are not saved. Save them first?"),
                          zp_document_get_title (self->document));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_changes_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_now (ZpWindow *self,
           gpointer  data)
{
  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_window_state (ZpWindow *self)
{
  GSettings *settings = zp_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
zp_window_close_request (GtkWindow *window)
{
  ZpWindow *self = ZP_WINDOW (window);

  if (!self->force_close && zp_document_get_modified (self->document))
    {
      zp_window_confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (zp_window_parent_class)->close_request (window);
}

/* ---- drag and drop ---- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ZpWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".ziping"))
        {
          zp_window_open (self, l->data);
          return TRUE;
        }
    }
  zp_window_toast (self, _("Only .ziping files can be opened"));
  return FALSE;
}

static void
setup_drop (ZpWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* ---- the checks beside or below the form ---- */

/* The checks go beside the form while the form keeps a workable width next to them, and
 * below it, as a bottom sheet of a third of the height, when not: then the form keeps its
 * whole width and 分值, 得分 and 偏差原因 stay on screen. libadwaita 1.2 has no
 * breakpoints, so the window decides after each allocation of the area both share (the
 * forms list, F9 and a fold change it as much as the window's width). */
#define CHECKS_SIDE_WIDTH 320
#define FORM_BESIDE_CHECKS_WIDTH 680
#define CHECKS_SHEET_MIN_HEIGHT 150

static gboolean
checks_fit_beside (ZpWindow *self)
{
  int form_min = 0;

  /* (never narrower than the form can be: the checks would then lie over it) */
  gtk_widget_measure (GTK_WIDGET (self->view_stack), GTK_ORIENTATION_HORIZONTAL, -1, &form_min, NULL, NULL, NULL);
  return gtk_widget_get_width (self->content_box) >=
         CHECKS_SIDE_WIDTH + 1 + MAX (form_min, FORM_BESIDE_CHECKS_WIDTH);
}

static int
checks_sheet_height (ZpWindow *self)
{
  return MAX (gtk_widget_get_height (self->content_box) / 3, CHECKS_SHEET_MIN_HEIGHT);
}

static gboolean
checks_layout_is_current (ZpWindow *self)
{
  gboolean beside = checks_fit_beside (self);
  int width, height;

  gtk_widget_get_size_request (GTK_WIDGET (self->checks_panel), &width, &height);
  if (beside)
    return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->checks_flap)) == GTK_ORIENTATION_HORIZONTAL;
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->checks_flap)) == GTK_ORIENTATION_VERTICAL &&
         height == checks_sheet_height (self);
}

static gboolean
apply_checks_layout (gpointer data)
{
  ZpWindow *self = ZP_WINDOW (data);
  gboolean beside = checks_fit_beside (self);

  self->checks_layout_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->checks_flap),
                                  beside ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->checks_separator),
                                  beside ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* a sheet shares the height, never lies over the form; beside, a window narrower than
   * its minimum still gets the checks over the form rather than no checks */
  adw_flap_set_fold_policy (self->checks_flap, beside ? ADW_FLAP_FOLD_POLICY_AUTO : ADW_FLAP_FOLD_POLICY_NEVER);
  gtk_widget_set_size_request (GTK_WIDGET (self->checks_panel),
                               beside ? CHECKS_SIDE_WIDTH : -1, beside ? -1 : checks_sheet_height (self));
  return G_SOURCE_REMOVE;
}

static void
zp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  ZpWindow *self = ZP_WINDOW (widget);

  GTK_WIDGET_CLASS (zp_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* (not within the allocation: the change asks for another one, before the next frame) */
  if (gtk_widget_get_mapped (self->content_box) && self->checks_layout_idle == 0 &&
      !checks_layout_is_current (self))
    self->checks_layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_checks_layout, self, NULL);
}

/* ---- life cycle ---- */

/* Icon-only buttons are named for screen readers by what their tooltip says. */
static void
label_icon_buttons (GtkWidget *widget)
{
  if ((GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL) ||
      (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    label_icon_buttons (child);
}

static void
restore_window_state (ZpWindow *self)
{
  GSettings *settings = zp_window_get_settings (self);

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
zp_window_dispose (GObject *object)
{
  ZpWindow *self = ZP_WINDOW (object);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  end_opening (self);
  g_clear_handle_id (&self->checks_layout_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->forms_signals);
  g_clear_object (&self->department_signals);
  g_clear_pointer (&self->department_unit, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zp_window_parent_class)->dispose (object);
}

static void
zp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZpWindow *self = ZP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      /* (asked for by the property action before the template exists, and after) */
      g_value_set_boolean (value, self->sidebar_box == NULL || gtk_widget_get_visible (self->sidebar_box));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZpWindow *self = ZP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      if (self->sidebar_box == NULL || g_value_get_boolean (value) == gtk_widget_get_visible (self->sidebar_box))
        break;
      gtk_widget_set_visible (self->sidebar_box, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_window_class_init (ZpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zp_window_dispose;
  object_class->get_property = zp_window_get_property;
  object_class->set_property = zp_window_set_property;

  /* The forms list can give its width to the form (F9). */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = zp_window_close_request;
  widget_class->size_allocate = zp_window_size_allocate;

  (void) zp_get_resource ();
  g_type_ensure (ZP_TYPE_FORM_EDITOR);
  g_type_ensure (ZP_TYPE_REVIEW_PAGE);
  g_type_ensure (ZP_TYPE_CHECKS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, checks_flap);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, checks_separator);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, errors_icon);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, errors_label);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, warnings_icon);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, ok_icon);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, form_editor);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, checks_panel);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, ZpWindow, export_section);

  zp_window_class_init_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
}

static void
zp_window_init (ZpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = zp_document_new ();
  g_signal_connect_swapped (self->document, "notify::workbook", G_CALLBACK (on_document_workbook), self);
  g_signal_connect_swapped (self->document, "notify::title", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->document, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->document, "notify::busy", G_CALLBACK (zp_window_update_actions), self);
  self->workbook_signals = g_signal_group_new (ZP_TYPE_WORKBOOK);
  g_signal_group_connect_swapped (self->workbook_signals, "changed", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->workbook_signals, "notify", G_CALLBACK (update_title), self);
  self->department_signals = g_signal_group_new (ZP_TYPE_DEPARTMENT_FORM);
  g_signal_group_connect_swapped (self->department_signals, "notify::unit", G_CALLBACK (on_department_unit), self);
  self->forms_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->forms_signals, "items-changed", G_CALLBACK (on_forms_changed), self);
  zp_form_editor_set_undo_stack (self->form_editor, zp_document_get_undo_stack (self->document));
  zp_checks_panel_set_undo_stack (self->checks_panel, zp_document_get_undo_stack (self->document));
  g_signal_connect_swapped (zp_document_get_undo_stack (self->document), "notify", G_CALLBACK (on_undo_state), self);
  g_signal_connect (zp_document_get_undo_stack (self->document), "applied", G_CALLBACK (on_undo_applied), self);

  setup_sidebar (self);
  setup_drop (self);
  g_signal_connect (self->review_page, "form-activated", G_CALLBACK (on_review_activated), self);
  g_signal_connect (self->review_page, "form-selected", G_CALLBACK (on_review_selected), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_view_changed), self);
  g_signal_connect (self->checks_panel, "finding-activated", G_CALLBACK (on_finding_activated), self);
  g_signal_connect_swapped (self->checks_panel, "refreshed", G_CALLBACK (update_checks_button), self);
  g_object_bind_property (self->checks_button, "active", self->checks_flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->settings = zp_settings_get_default ();
  if (self->settings != NULL)
    g_object_ref (self->settings);
  restore_window_state (self);
  zp_window_update_recent_menu (self);
  /* a file opened in another window (or another app) shows here too */
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (zp_window_update_recent_menu), self, G_CONNECT_SWAPPED);
  zp_window_init_export_menu (self);
  label_icon_buttons (GTK_WIDGET (self));
  on_document_workbook (self);
}

ZpWindow *
zp_window_new (GtkApplication *application)
{
  return g_object_new (ZP_TYPE_WINDOW, "application", application, NULL);
}

ZpWorkbook *
zp_window_get_workbook (ZpWindow *self)
{
  g_return_val_if_fail (ZP_IS_WINDOW (self), NULL);

  return zp_document_get_workbook (self->document);
}

GFile *
zp_window_get_file (ZpWindow *self)
{
  g_return_val_if_fail (ZP_IS_WINDOW (self), NULL);

  return zp_document_get_file (self->document);
}

gboolean
zp_window_is_reusable (ZpWindow *self)
{
  ZpDocument *document = self->document;

  if (zp_document_get_busy (document) || self->opening != NULL)
    return FALSE;
  return zp_document_get_workbook (document) == NULL ||
         (zp_document_get_file (document) == NULL && !zp_document_get_modified (document));
}

ZpDocument *
zp_window_get_document (ZpWindow *self)
{
  g_return_val_if_fail (ZP_IS_WINDOW (self), NULL);

  return self->document;
}

static void
replace_confirmed (ZpWindow *self,
                   gpointer  data)
{
  zp_document_set_workbook (self->document, ZP_WORKBOOK (data));
}

void
zp_window_replace_workbook (ZpWindow   *self,
                            ZpWorkbook *workbook)
{
  g_return_if_fail (ZP_IS_WINDOW (self));

  zp_window_confirm_discard (self, replace_confirmed, g_object_ref (workbook), g_object_unref);
}

GSettings *
zp_window_get_settings (ZpWindow *self)
{
  return self->settings;
}

GFile *
zp_window_find_example (void)
{
  const char *dirs[] = { g_getenv ("ZIPING_EXAMPLES"), EXAMPLESDIR, ZP_SOURCE_EXAMPLESDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], "jiangan-2024.ziping", NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }
  return NULL;
}

ZpFormEditor *
zp_window_get_form_editor (ZpWindow *self)
{
  return self->form_editor;
}
