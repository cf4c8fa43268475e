/* cli-stdout.c — standard output as a checked output: the first write
 * error is kept (errno is gone by the time stdio flushes again) and
 * reported once when the command closes standard output, so a full disk or
 * a closed pipe is exit 3 with a message, never a silently short file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "common/gk-error.h"

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
