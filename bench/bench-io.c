/* bench-io.c — the loader on the files that used to make it slow.
 *
 *   ziping-bench-io counts                  load times of workbooks with many form
 *                                           explanations (40,000, 160,000) and many scheme
 *                                           categories (10,000, 100,000)
 *   ziping-bench-io reordered [N] [REPEAT]  the generated workbook (N = 2,000 project forms)
 *                                           as Ziping writes it and with every object's
 *                                           members in reverse order (forms before the
 *                                           scheme, "kind" last): load time and peak memory
 *                                           of each, REPEAT (5) runs in fresh processes
 *   ziping-bench-io phase load FILE         (internal) one load in this process
 *
 * Times are printed absolute and, for the reordered file, as a ratio to the file as
 * Ziping writes it, measured in the same run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "bench-generate.h"

/* ---- many entries ---- */

static char *
generate_counts (guint n_categories,
                 guint n_explanations)
{
  GString *text = g_string_new ("{\"format\": \"ziping\", \"version\": 1, \"year\": 2024,\n"
                                "\"scheme\": {\"id\": \"hubei\", \"layout\": \"hubei\", \"execution-weight\": \"20\",\n"
                                "\"categories\": [");

  for (guint i = 0; i < n_categories; i++)
    g_string_append_printf (text, "%s{\"name\": \"类别%u\", \"weight\": \"1\"}", i > 0 ? ",\n" : "", i);
  g_string_append (text, "],\n\"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}},\n"
                         "\"forms\": [{\"kind\": \"project\", \"name\": \"甲\", \"explanations\": {");
  for (guint i = 0; i < n_explanations; i++)
    g_string_append_printf (text, "%s\"form/finding-%u\": \"说明 %u\"", i > 0 ? ",\n" : "", i, i);
  g_string_append (text, "}}]}\n");
  return g_string_free (text, FALSE);
}

static void
time_counts (guint n_categories,
             guint n_explanations)
{
  g_autofree char *text = generate_counts (n_categories, n_explanations);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  gint64 start = g_get_monotonic_time ();

  workbook = zp_workbook_load_from_data (text, strlen (text), "counts.ziping", &error);
  printf ("%7u categories %7u explanations  %10.1f ms  %s\n", n_categories, n_explanations,
          (g_get_monotonic_time () - start) / 1e3, workbook != NULL ? "loaded" : error->message);
  fflush (stdout);
}

static int
run_counts (void)
{
  time_counts (3, 40000);
  time_counts (3, 100000);
  time_counts (3, 160000);
  time_counts (10000, 0);
  time_counts (100000, 0);
  return 0;
}

/* ---- members in another order ---- */

static JsonNode *
reversed (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      JsonObject *out = json_object_new ();
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      members = g_list_reverse (members);
      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (out, m->data, reversed (json_object_get_member (object, m->data)));
      json_node_take_object (result, out);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *out = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (out, reversed (json_array_get_element (array, i)));
      json_node_take_array (result, out);
      return result;
    }
  return json_node_copy (node);
}

/* The canonical text with every object's members in reverse order, pretty-printed. */
static char *
reorder (const char *canonical)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, canonical, -1, &error))
    g_error ("%s", error->message);
  root = reversed (json_parser_get_root (parser));
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

static gint64
reset_peak (void)
{
  FILE *clear = fopen ("/proc/self/clear_refs", "w");

  if (clear != NULL)
    {
      fputs ("5", clear);
      fclose (clear);
    }
  return read_status_kb ("VmHWM:");
}

static int
phase_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  gint64 base, start, end;

  base = reset_peak ();
  start = g_get_monotonic_time ();
  workbook = zp_workbook_load (file, &error);
  end = g_get_monotonic_time ();
  if (workbook == NULL)
    g_error ("%s", error->message);
  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u\n", end - start,
          read_status_kb ("VmHWM:") - base, zp_workbook_get_n_forms (workbook));
  return 0;
}

static void
spawn_load (const char *self,
            const char *path,
            gint64     *us,
            gint64     *kb,
            guint      *n_forms)
{
  const char *argv[] = { self, "phase", "load", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &wait_status, &error))
    g_error ("%s", error->message);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0
      || sscanf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u", us, kb, n_forms) != 3)
    g_error ("loading %s failed", path);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static int
run_reordered (guint n_projects,
               guint repeat)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_dir_make_tmp ("ziping-bench-io-XXXXXX", NULL);
  g_autofree char *canonical_path = g_build_filename (dir, "canonical.ziping", NULL);
  g_autofree char *reordered_path = g_build_filename (dir, "reordered.ziping", NULL);
  g_autoptr(ZpWorkbook) workbook = bench_generate_workbook (n_projects);
  g_autofree char *canonical = zp_workbook_to_data (workbook, NULL);
  g_autofree char *other = reorder (canonical);
  const char *paths[] = { canonical_path, reordered_path };
  const char *names[] = { "as Ziping writes it", "members reversed" };
  gint64 us[2][16], kb[2][16];
  double base_ms = 0, base_mb = 0;

  repeat = CLAMP (repeat, 1, 15);
  g_file_set_contents (canonical_path, canonical, -1, NULL);
  g_file_set_contents (reordered_path, other, -1, NULL);
  printf ("%u project forms; %.1f MB as written, %.1f MB reordered; median of %u loads, each in a fresh process\n",
          n_projects, strlen (canonical) / 1e6, strlen (other) / 1e6, repeat);

  /* Interleaved, so that a busy moment of the machine hits both. */
  for (guint r = 0; r < repeat; r++)
    for (guint k = 0; k < 2; k++)
      {
        guint n_forms = 0;

        spawn_load (self, paths[k], &us[k][r], &kb[k][r], &n_forms);
        g_assert (n_forms == n_projects + 1);
      }

  for (guint k = 0; k < 2; k++)
    {
      double ms, mb;

      qsort (us[k], repeat, sizeof (gint64), compare_gint64);
      qsort (kb[k], repeat, sizeof (gint64), compare_gint64);
      ms = us[k][repeat / 2] / 1e3;
      mb = kb[k][repeat / 2] / 1024.0;
      if (k == 0)
        {
          base_ms = ms;
          base_mb = mb;
        }
      printf ("load, %-22s %9.1f ms %6.2f ×   peak %7.1f MB %6.2f ×\n", names[k], ms, ms / base_ms,
              mb, mb / base_mb);
    }

  g_unlink (canonical_path);
  g_unlink (reordered_path);
  g_rmdir (dir);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 4 && strcmp (argv[1], "phase") == 0 && strcmp (argv[2], "load") == 0)
    return phase_load (argv[3]);
  if (argc >= 2 && strcmp (argv[1], "counts") == 0)
    return run_counts ();
  if (argc >= 2 && strcmp (argv[1], "reordered") == 0)
    return run_reordered (argc >= 3 ? (guint) atoi (argv[2]) : 2000, argc >= 4 ? (guint) atoi (argv[3]) : 5);

  fprintf (stderr, "usage: ziping-bench-io counts | reordered [PROJECTS] [REPEAT]\n");
  return 2;
}
