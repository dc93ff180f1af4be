/* bench-save.c — the main thread's part of a save after one edit (issue 12: "saving and
 * autosave never stall the main loop for more than a frame").
 *
 * ziping-bench-save FILE [REPEAT]: loads FILE, then REPEAT times edits one indicator of a
 * form in the middle and takes the bytes as the document's save does. Printed: the median
 * CPU time of this thread for zp_workbook_to_data() (every form serialised: the old way)
 * and for zp_workbook_to_chunks() (only the edited form serialised, the others' text
 * kept from the save before), and the slices of 50 forms the document keeps in idle
 * callbacks after loading (zp_workbook_keep_form_texts(): all of them and the longest),
 * which make the first save after loading as quick. CPU time, not wall time: the machine
 * is shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ziping-core.h"

static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
edit_one (ZpWorkbook *workbook,
          guint       round)
{
  ZpForm *form = zp_workbook_get_form (workbook, zp_workbook_get_n_forms (workbook) / 2);
  ZpGoal *goal = zp_form_get_goal (form, 0);
  g_autofree char *actual = g_strdup_printf ("%u", 90 + round % 10);

  zp_indicator_set_actual (zp_goal_get_indicator (goal, 0), actual);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  guint repeat = argc > 2 ? (guint) atoi (argv[2]) : 7;
  g_autofree double *fresh = NULL;
  g_autofree double *cached = NULL;
  double start, slice, longest = 0, all = 0;
  guint next = 0;
  gsize length = 0;

  if (argc < 2 || repeat == 0)
    {
      fprintf (stderr, "usage: %s FILE [REPEAT]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  workbook = zp_workbook_load (file, &error);
  if (workbook == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  do
    {
      start = thread_ms ();
      next = zp_workbook_keep_form_texts (workbook, next, 50);
      slice = thread_ms () - start;
      longest = MAX (longest, slice);
      all += slice;
    }
  while (next < zp_workbook_get_n_forms (workbook));

  fresh = g_new (double, repeat);
  cached = g_new (double, repeat);
  for (guint i = 0; i < repeat; i++)
    {
      GPtrArray *chunks;
      char *data;

      edit_one (workbook, i);
      start = thread_ms ();
      data = zp_workbook_to_data (workbook, &length);
      fresh[i] = thread_ms () - start;
      g_free (data);

      edit_one (workbook, i + 1);
      start = thread_ms ();
      chunks = zp_workbook_to_chunks (workbook);
      cached[i] = thread_ms () - start;
      g_ptr_array_unref (chunks);
    }

  printf ("%u forms, %" G_GSIZE_FORMAT " bytes; main-thread CPU ms, median of %u saves after one edit:\n",
          zp_workbook_get_n_forms (workbook), length, repeat);
  printf ("  zp_workbook_to_data (every form):        %8.2f\n", median (fresh, repeat));
  printf ("  zp_workbook_to_chunks (the edited form): %8.2f\n", median (cached, repeat));
  printf ("  keeping every form's text after load:    %8.2f (slices of 50 forms, longest %.2f)\n",
          all, longest);
  return 0;
}
