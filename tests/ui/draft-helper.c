/* draft-helper.c — another Ziping instance, for test-instances: opens each FILE in a
 * document of its own, changes its first form's analysis to TEXT, waits until every
 * document has written its recovery draft, prints "ready" and runs until it is killed.
 *
 *   draft-helper TEXT FILE…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "zp-document.h"

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      text)
{
  ZpDocument *document = ZP_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  ZpForm *form;

  if (!zp_document_load_finish (document, result, &error))
    g_error ("%s", error->message);
  form = zp_workbook_get_form (zp_document_get_workbook (document), 0);
  zp_undo_stack_set_string (zp_document_get_undo_stack (document), G_OBJECT (form), "analysis", text, FALSE);
}

static gboolean
all_drafted (GPtrArray *documents)
{
  for (guint i = 0; i < documents->len; i++)
    {
      ZpDraft *draft = zp_document_get_draft (g_ptr_array_index (documents, i));

      if (draft == NULL || zp_draft_get_time (draft) == NULL)
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  if (argc < 3)
    {
      g_printerr ("usage: draft-helper TEXT FILE…\n");
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      ZpDocument *document = zp_document_new ();
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      zp_document_set_autosave_delay (document, 1);
      zp_document_load_async (document, file, NULL, on_loaded, argv[1]);
      g_ptr_array_add (documents, document);
    }
  while (!all_drafted (documents))
    g_main_context_iteration (NULL, TRUE);
  g_print ("ready\n");
  fflush (stdout);
  g_main_loop_run (loop);
  return 0;
}
