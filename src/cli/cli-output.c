/* cli-output.c — what the commands write to.  Standard output is a
 * checked output: the first write error is kept (errno is gone by the time
 * stdio flushes again) and reported once when the command closes standard
 * output, so a full disk or a closed pipe is exit 3 with a message, never
 * a silently short file.  An output file that is one of the command's
 * inputs is refused before anything is read. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "cli.h"
#include "common/gk-error.h"
#include "common/gk-file.h"

static int stdout_errno;

static void
keep_errno (void)
{
  if (!stdout_errno)
    stdout_errno = errno ? errno : EIO;
}

void
cli_stdout_write (const char *text, gsize len)
{
  if (len && fwrite (text, 1, len, stdout) != len)
    keep_errno ();
}

void
cli_stdout_puts (const char *text)
{
  cli_stdout_write (text, strlen (text));
}

int
cli_stdout_close (void)
{
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    keep_errno ();
  errno = 0;
  if (fclose (stdout) != 0)
    keep_errno ();
  if (!stdout_errno)
    return GK_EXIT_OK;
  fprintf (stderr, "gongkai: standard output: %s\n", g_strerror (stdout_errno));
  return GK_EXIT_OUTPUT;
}

gboolean
cli_output_is_stdout (char **out)
{
  if (g_strcmp0 (*out, "-") != 0)
    return FALSE;
  g_clear_pointer (out, g_free);
  return TRUE;
}

int
cli_write_output (const char *out, const char *text)
{
  if (!out)
    {
      cli_stdout_puts (text);
      return cli_stdout_close ();
    }
  g_autoptr (GError) error = NULL;
  if (gk_write_file_atomic (out, text, strlen (text), &error))
    return GK_EXIT_OK;
  cli_report_error (out, error);
  return GK_EXIT_OUTPUT;
}

static gboolean
same_file (const char *path, const GStatBuf *o)
{
  GStatBuf i;
  return path && g_stat (path, &i) == 0 && i.st_dev == o->st_dev && i.st_ino == o->st_ino;
}

gboolean
cli_output_overwrites_input (const char *command, const char *out, const char *const *inputs, const char *db)
{
  GStatBuf o;
  if (!out || g_stat (out, &o) != 0)
    return FALSE;   /* not there yet: it is no input */
  const char *input = same_file (db, &o) ? db : NULL;
  for (gsize k = 0; !input && inputs && inputs[k]; k++)
    if (same_file (inputs[k], &o))
      input = inputs[k];
  if (input)
    fprintf (stderr, "gongkai: %s: the output %s is the input %s (not overwritten)\n", command, out, input);
  return input != NULL;
}
