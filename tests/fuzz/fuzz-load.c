/* fuzz-load.c — the .ziping loader on any bytes.
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers), every input must
 * either load, or be refused with a message that starts "file:line:column: "; what loads
 * must save to a text that loads again to the same workbook; and the fast reader and the
 * json-glib loader must agree (a comment in front sends the text to the loader).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ziping-core.h"
#include "fuzz.h"

static gboolean
has_position (const char *message)
{
  const char *p = message;

  if (!g_str_has_prefix (p, "fuzz.ziping:"))
    return FALSE;
  p += strlen ("fuzz.ziping:");
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p++ != ':' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return g_str_has_prefix (p, ": ");
}

static char *
load_and_save (const char *data,
               size_t      size,
               GError    **error)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, size, "fuzz.ziping", error);

  return workbook != NULL ? zp_workbook_to_data (workbook, NULL) : NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) careful_error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *commented = NULL;
  g_autofree char *careful = NULL;
  g_autofree char *again = NULL;

  /* Larger inputs only make runs slower: loading is linear (tests/core/test-io-linear.c). */
  if (size > 1024 * 1024)
    return 0;

  saved = load_and_save ((const char *) data, size, &error);
  if (saved == NULL)
    {
      if (error == NULL || error->domain != ZP_IO_ERROR)
        abort ();
      /* Every refusal says where (a file too large to read at all is larger than any
       * input here). */
      if (!has_position (error->message))
        {
          g_printerr ("no position: %s\n", error->message);
          abort ();
        }
    }
  else
    {
      again = load_and_save (saved, strlen (saved), &again_error);
      if (again == NULL || strcmp (again, saved) != 0)
        {
          g_printerr ("saved text does not load the same: %s\n", again_error ? again_error->message : "");
          abort ();
        }
    }

  /* The loader reads what the fast reader reads, the same way (a byte order mark is only
   * taken at the start). */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  commented = g_malloc (size + 16);
  memcpy (commented, "/* loader */", 12);
  memcpy (commented + 12, data, size);
  careful = load_and_save (commented, size + 12, &careful_error);
  if ((careful == NULL) != (saved == NULL)
      || (careful != NULL && strcmp (careful, saved) != 0))
    {
      g_printerr ("the readers disagree: %s / %s\n", error ? error->message : "loaded",
                  careful_error ? careful_error->message : "loaded");
      abort ();
    }
  return 0;
}
