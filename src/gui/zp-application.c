/* zp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-application.h"
#include "zp-preferences-window.h"
#include "zp-window-private.h"

struct _ZpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ZpApplication, zp_application, ADW_TYPE_APPLICATION)

extern GResource *zp_get_resource (void);

/* Accelerators of the actions; the shortcuts window (gtk/help-overlay.ui) lists them. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.add-project", { "<Control><Shift>n", NULL } },
  { "win.duplicate-project", { "<Control><Shift>d", NULL } },
  { "win.review", { "<Control>r", NULL } },
  { "win.show-checks", { "F8", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* The schema is installed, or (running from the build tree) compiled in <build>/data. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (ZP_BUILD_SCHEMADIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }
  if (schema == NULL)
    {
      g_message ("GSettings schema %s not found: settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static ZpWindow *
get_reusable_window (ZpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ZP_IS_WINDOW (window) && zp_window_is_reusable (ZP_WINDOW (window)))
    return ZP_WINDOW (window);
  return zp_window_new (GTK_APPLICATION (self));
}

/* --version answers without a display (scripts, packaging checks). */
static int
zp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ziping %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
zp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean first = window == NULL;

  if (window == NULL)
    window = GTK_WINDOW (zp_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  if (first)
    zp_window_offer_drafts (ZP_WINDOW (window));
}

static gboolean
scroll_to_indicators (gpointer data)
{
  ZpWindow *window = data;

  zp_form_editor_scroll_to_indicators (zp_window_get_form_editor (window));
  return G_SOURCE_REMOVE;
}

/* ZIPING_VIEW, for screenshots: comma-separated "form=N", "indicators", "review", "checks",
 * "action=NAME" (a win.NAME action without parameter, e.g. workbook-properties). */
static gboolean
apply_view_from_env (gpointer data)
{
  ZpWindow *window = data;
  const char *spec = g_getenv ("ZIPING_VIEW");
  g_auto(GStrv) parts = NULL;
  ZpWorkbook *workbook = zp_window_get_workbook (window);

  if (spec == NULL)
    return G_SOURCE_REMOVE;
  if (workbook == NULL)
    return G_SOURCE_CONTINUE;  /* still opening */
  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "form="))
        {
          guint64 n = g_ascii_strtoull (parts[i] + 5, NULL, 10);
          if (n < zp_workbook_get_n_forms (workbook))
            zp_window_show_form (window, zp_workbook_get_form (workbook, n));
        }
      else if (g_str_equal (parts[i], "review"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
      else if (g_str_equal (parts[i], "indicators"))
        g_timeout_add_full (G_PRIORITY_DEFAULT, 1500, scroll_to_indicators, g_object_ref (window), g_object_unref);
      else if (g_str_equal (parts[i], "checks"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
      else if (g_str_has_prefix (parts[i], "action="))
        {
          g_autofree char *action = g_strconcat ("win.", parts[i] + 7, NULL);
          gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
        }
    }
  return G_SOURCE_REMOVE;
}

static ZpWindow *
find_window_for_file (ZpApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown = ZP_IS_WINDOW (l->data) ? zp_window_get_file (l->data) : NULL;

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

static void
zp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* Each file gets a window of its own: only the first may take over an empty one (the
   * others would find it still loading). */
  for (int i = 0; i < n_files; i++)
    {
      ZpWindow *window = find_window_for_file (ZP_APPLICATION (app), files[i]);

      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = i == 0 ? get_reusable_window (ZP_APPLICATION (app))
                      : zp_window_new (GTK_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      zp_window_open (window, files[i]);
      if (g_getenv ("ZIPING_VIEW") != NULL)
        g_timeout_add_full (G_PRIORITY_DEFAULT, 100, apply_view_from_env,
                            g_object_ref (window), g_object_unref);
    }
}

static void
apply_color_scheme (void)
{
  /* ZIPING_COLOR_SCHEME=dark|light, for screenshots and testing. */
  const char *scheme = g_getenv ("ZIPING_COLOR_SCHEME");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
zp_application_startup (GApplication *app)
{
  ZpApplication *self = ZP_APPLICATION (app);

  G_APPLICATION_CLASS (zp_application_parent_class)->startup (app);

  self->settings = create_settings ();
  apply_color_scheme ();
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
on_new (GSimpleAction *action,
        GVariant      *param,
        gpointer       user_data)
{
  ZpApplication *self = user_data;
  ZpWindow *window = get_reusable_window (self);
  const char *scheme = self->settings ? NULL : ZP_SCHEME_DEFAULT_ID;
  g_autofree char *setting = self->settings ? g_settings_get_string (self->settings, "default-scheme") : NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", setting ? setting : scheme);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Each window asks about its unsaved changes; the app ends when the last one closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ZpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (zp_preferences_window_new (parent, self->settings));

  gtk_window_present (prefs);
}

static void
on_about (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Ziping developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Ziping"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Fill in, score and check budget performance self-evaluation forms"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/ziping/ziping",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new", on_new },
  { "quit", on_quit },
  { "preferences", on_preferences },
  { "about", on_about },
};

static void
zp_application_finalize (GObject *object)
{
  ZpApplication *self = ZP_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zp_application_parent_class)->finalize (object);
}

static void
zp_application_class_init (ZpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = zp_application_finalize;
  app_class->activate = zp_application_activate;
  app_class->open = zp_application_open;
  app_class->startup = zp_application_startup;
  app_class->handle_local_options = zp_application_handle_local_options;

  /* Links the resources' object file (and so its registration) from the static library. */
  (void) zp_get_resource ();
}

static void
zp_application_init (ZpApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Show the version and exit"), NULL);
}

ZpApplication *
zp_application_new (void)
{
  return g_object_new (ZP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/ziping/Ziping",
                       NULL);
}


GSettings *
zp_settings_get_default (void)
{
  GApplication *app = g_application_get_default ();

  return ZP_IS_APPLICATION (app) ? ZP_APPLICATION (app)->settings : NULL;
}
