/* bench-jsonc.c — the benchmark's yardstick: json-c parsing a file, alone in its process
 * (json-c and json-glib export functions of the same names: json_object_get_type…).
 *
 *   ziping-bench-jsonc phase parse FILE
 *
 * Prints `jsonc_parse_us` and `jsonc_parse_cpu_us` (json_tokener_parse_ex on the bytes
 * already read: wall and CPU time) and
 * `jsonc_peak_kb` (VmHWM above the baseline, reset through /proc/self/clear_refs), as
 * ziping-bench's phases do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

static long long
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long
read_status_kb (const char *field)
{
  char line[256];
  long long value = -1;
  FILE *status = fopen ("/proc/self/status", "r");

  if (status == NULL)
    return -1;
  while (fgets (line, sizeof line, status) != NULL)
    if (strncmp (line, field, strlen (field)) == 0)
      value = atoll (line + strlen (field));
  fclose (status);
  return value;
}

static long long
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

static char *
read_file (const char *path,
           long       *length)
{
  FILE *file = fopen (path, "rb");
  char *data;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0 || (*length = ftell (file)) < 0)
    return NULL;
  rewind (file);
  data = malloc (*length + 1);
  if (data == NULL || fread (data, 1, *length, file) != (size_t) *length)
    return NULL;
  data[*length] = '\0';
  fclose (file);
  return data;
}

int
main (int    argc,
      char **argv)
{
  json_tokener *tokener;
  json_object *root;
  long long base, start, end, cpu_start, cpu_end;
  long length = 0;
  char *data;

  if (argc != 4 || strcmp (argv[1], "phase") != 0 || strcmp (argv[2], "parse") != 0)
    {
      fprintf (stderr, "usage: ziping-bench-jsonc phase parse FILE\n");
      return 2;
    }

  base = reset_peak ();
  data = read_file (argv[3], &length);
  if (data == NULL)
    {
      perror (argv[3]);
      return 1;
    }
  tokener = json_tokener_new ();
  cpu_start = cpu_us ();
  start = now_us ();
  root = json_tokener_parse_ex (tokener, data, (int) length);
  end = now_us ();
  cpu_end = cpu_us ();
  if (root == NULL)
    {
      fprintf (stderr, "json-c: %s\n", json_tokener_error_desc (json_tokener_get_error (tokener)));
      return 1;
    }

  printf ("jsonc_parse_us %lld\n", end - start);
  printf ("jsonc_parse_cpu_us %lld\n", cpu_end - cpu_start);
  printf ("jsonc_peak_kb %lld\n", read_status_kb ("VmHWM:") - base);
  json_object_put (root);
  json_tokener_free (tokener);
  free (data);
  return 0;
}
