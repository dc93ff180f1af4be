/* zp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ziping-core.h"
#include "zp-preferences-window.h"

struct _ZpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *scheme_row;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ZpPreferencesWindow, zp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_scheme_selected (ZpPreferencesWindow *self)
{
  const char * const *ids = zp_scheme_list_builtin ();
  guint selected = adw_combo_row_get_selected (self->scheme_row);

  if (self->settings != NULL && selected < g_strv_length ((char **) ids))
    g_settings_set_string (self->settings, "default-scheme", ids[selected]);
}

static void
zp_preferences_window_dispose (GObject *object)
{
  ZpPreferencesWindow *self = ZP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (zp_preferences_window_parent_class)->dispose (object);
}

static void
zp_preferences_window_class_init (ZpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpPreferencesWindow, scheme_row);
}

static void
zp_preferences_window_init (ZpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpPreferencesWindow *
zp_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  ZpPreferencesWindow *self = g_object_new (ZP_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = zp_scheme_list_builtin ();
  g_autofree char *current = settings ? g_settings_get_string (settings, "default-scheme")
                                      : g_strdup (ZP_SCHEME_DEFAULT_ID);
  guint selected = 0;

  self->settings = settings ? g_object_ref (settings) : NULL;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (ids[i]);

      gtk_string_list_append (names, scheme ? zp_scheme_get_name (scheme) : ids[i]);
      if (g_strcmp0 (ids[i], current) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->scheme_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scheme_row, selected);
  g_signal_connect_swapped (self->scheme_row, "notify::selected", G_CALLBACK (on_scheme_selected), self);
  return self;
}
