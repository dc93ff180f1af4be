/* test-file-replace.c — saving replaces the real file whole: through chains of links, with
 * its mode kept, and with the leftovers of killed saves removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ziping-core.h"

#include "core-fixture.h"

static void
write_file (const char *path,
            const char *text,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static ZpWorkbook *
make_workbook (const char *unit)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();

  zp_workbook_set_unit (workbook, unit);
  zp_project_form_set_name (form, "项目");
  zp_workbook_insert_project (workbook, G_MAXUINT, form);
  return workbook;
}

static gboolean
is_link (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/* a → sub/b → ../real.ziping: saving through a replaces real.ziping; both links stay. */
static void
test_chain_of_links (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *real = g_build_filename (dir, "real.ziping", NULL);
  g_autofree char *a = g_build_filename (dir, "a.ziping", NULL);
  g_autofree char *b = g_build_filename (sub, "b.ziping", NULL);
  g_autoptr(ZpWorkbook) workbook = make_workbook ("新单位");
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = zp_workbook_to_data (workbook, NULL);
  g_autofree char *written = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file (real, "old", 0644);
  g_assert_cmpint (symlink ("sub/b.ziping", a), ==, 0);
  g_assert_cmpint (symlink ("../real.ziping", b), ==, 0);

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);

  g_assert_true (is_link (a));
  g_assert_true (is_link (b));
  written = read_file (real);
  g_assert_cmpstr (written, ==, expected);
  /* No temporary file left anywhere. */
  g_assert_cmpuint (fixture_count_entries (dir), ==, 3);
  g_assert_cmpuint (fixture_count_entries (sub), ==, 1);

  /* A link to a file that does not exist yet creates it. */
  {
    g_autofree char *dangling = g_build_filename (dir, "dangling.ziping", NULL);
    g_autofree char *created = g_build_filename (dir, "created.ziping", NULL);
    g_autoptr(GFile) through = g_file_new_for_path (dangling);

    g_assert_cmpint (symlink ("created.ziping", dangling), ==, 0);
    g_assert_true (zp_workbook_save (workbook, through, &error));
    g_assert_no_error (error);
    g_assert_true (is_link (dangling));
    g_assert_true (g_file_test (created, G_FILE_TEST_IS_REGULAR));
  }

  fixture_remove_tree (dir);
}

/* A loop of links is refused and touches nothing. */
static void
test_link_loop (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *a = g_build_filename (dir, "a.ziping", NULL);
  g_autofree char *b = g_build_filename (dir, "b.ziping", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.ziping", a), ==, 0);
  g_assert_cmpint (symlink ("a.ziping", b), ==, 0);
  g_assert_false (zp_file_replace_contents (a, "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, a));
  g_assert_cmpuint (fixture_count_entries (dir), ==, 2);
  fixture_remove_tree (dir);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* An existing file keeps its mode (0600 stays 0600); a new file gets 0666 less the umask. */
static void
test_mode_kept (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *secret = g_build_filename (dir, "secret.ziping", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.ziping", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.ziping", NULL);
  g_autofree char *link = g_build_filename (dir, "link.ziping", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  write_file (secret, "old", 0600);
  write_file (shared, "old", 0664);
  g_assert_cmpint (symlink ("secret.ziping", link), ==, 0);

  g_assert_true (zp_file_replace_contents (secret, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (secret), ==, 0600);
  g_assert_true (zp_file_replace_contents (link, "newer", 5, &error));
  g_assert_cmpint (mode_of (secret), ==, 0600);
  g_assert_true (is_link (link));
  g_assert_true (zp_file_replace_contents (shared, "new", 3, &error));
  g_assert_cmpint (mode_of (shared), ==, 0664);
  g_assert_true (zp_file_replace_contents (fresh, "new", 3, &error));
  g_assert_cmpint (mode_of (fresh), ==, 0644);

  umask (old_umask);
  fixture_remove_tree (dir);
}

/* The owner is kept where the saver may set it: as root (CI), a file of another user stays
 * that user's; otherwise the caller's file stays the caller's. */
static void
test_owner_kept (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *path = g_build_filename (dir, "theirs.ziping", NULL);
  g_autoptr(GError) error = NULL;
  uid_t uid = geteuid () == 0 ? 65534 : geteuid ();
  gid_t gid = geteuid () == 0 ? 65534 : getegid ();
  GStatBuf st;

  write_file (path, "old", 0640);
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, uid, gid), ==, 0);
  else
    g_test_message ("not root: only the caller's own file can be tried");

  g_assert_true (zp_file_replace_contents (path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, uid);
  g_assert_cmpuint (st.st_gid, ==, gid);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  fixture_remove_tree (dir);
}

static void
make_old (const char *path)
{
  struct timeval times[2] = { { time (NULL) - 3600, 0 }, { time (NULL) - 3600, 0 } };

  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* Temporary files left by killed saves are removed by the next save; one being written
 * (locked) by another process is not, nor a leftover of another file. */
static void
test_leftovers_removed (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *target = g_build_filename (dir, "book.ziping", NULL);
  g_autofree char *dead = g_build_filename (dir, ".book.ziping" ZP_FILE_REPLACE_TEMP_INFIX "aB3dE9", NULL);
  g_autofree char *busy = g_build_filename (dir, ".book.ziping" ZP_FILE_REPLACE_TEMP_INFIX "Zz0000", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.ziping" ZP_FILE_REPLACE_TEMP_INFIX "aB3dE9", NULL);
  g_autofree char *mine = g_build_filename (dir, ".book.ziping.XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  int busy_fd;

  write_file (target, "old", 0644);
  write_file (dead, "half a save", 0600);
  write_file (busy, "being written", 0600);
  write_file (other, "another file's", 0600);
  write_file (mine, "not a leftover of ours", 0600);
  make_old (dead);
  make_old (busy);
  make_old (other);
  busy_fd = open (busy, O_RDONLY);
  g_assert_cmpint (flock (busy_fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (zp_file_replace_contents (target, "new", 3, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  written = read_file (target);
  g_assert_cmpstr (written, ==, "new");

  close (busy_fd);
  fixture_remove_tree (dir);
}

/* A save killed halfway leaves its temporary file and the old file whole; the next save
 * removes the leftover. */
static void
test_killed_save (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *target = g_build_filename (dir, "book.ziping", NULL);
  g_autoptr(ZpWorkbook) workbook = make_workbook ("单位");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *leftover = NULL;
  g_autofree char *kept = NULL;
  const char *name;
  int status = 0;
  pid_t pid;

  write_file (target, "old", 0644);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      ZpFileReplace *replace = zp_file_replace_begin (target, NULL);

      if (replace == NULL || write (zp_file_replace_get_fd (replace), "half", 4) != 4)
        _exit (1);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  g_assert_cmpuint (fixture_count_entries (dir), ==, 2);
  kept = read_file (target);
  g_assert_cmpstr (kept, ==, "old");
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, ".book.ziping" ZP_FILE_REPLACE_TEMP_INFIX))
      leftover = g_build_filename (dir, name, NULL);
  g_assert_nonnull (leftover);
  /* Seconds later: a leftover is at least LEFTOVER_AGE_SECONDS old. */
  make_old (leftover);

  g_assert_true (zp_workbook_save (workbook, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);

  fixture_remove_tree (dir);
}

/* A folder or a pipe is not replaced. */
static void
test_not_regular (void)
{
  g_autofree char *dir = fixture_make_dir ("replace");
  g_autofree char *fifo = g_build_filename (dir, "pipe.ziping", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (zp_file_replace_contents (dir, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (zp_file_replace_contents (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpuint (fixture_count_entries (dir), ==, 1);
  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-replace/chain-of-links", test_chain_of_links);
  g_test_add_func ("/file-replace/link-loop", test_link_loop);
  g_test_add_func ("/file-replace/mode-kept", test_mode_kept);
  g_test_add_func ("/file-replace/owner-kept", test_owner_kept);
  g_test_add_func ("/file-replace/leftovers-removed", test_leftovers_removed);
  g_test_add_func ("/file-replace/killed-save", test_killed_save);
  g_test_add_func ("/file-replace/not-regular", test_not_regular);

  return g_test_run ();
}
