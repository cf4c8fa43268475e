/* gk-cores.c — see gk-cores.h. */
#include "gk-cores.h"
#include <errno.h>
#include <unistd.h>

static GMutex lock;
static guint local_cores;
static int shared_read = -1, shared_write = -1;

void
gk_cores_set_local (guint n)
{
  g_mutex_lock (&lock);
  local_cores = n;
  shared_read = shared_write = -1;
  g_mutex_unlock (&lock);
}

void
gk_cores_set_shared (int read_fd, int write_fd)
{
  g_mutex_lock (&lock);
  local_cores = 0;
  shared_read = read_fd;
  shared_write = write_fd;
  g_mutex_unlock (&lock);
}

guint
gk_cores_take (guint want)
{
  guint got = 0;
  g_mutex_lock (&lock);
  if (shared_read >= 0)
    {
      char bytes[64];
      ssize_t n;
      do
        n = read (shared_read, bytes, MIN (want, sizeof bytes));
      while (n < 0 && errno == EINTR);
      got = n > 0 ? (guint) n : 0;
    }
  else
    {
      got = MIN (want, local_cores);
      local_cores -= got;
    }
  g_mutex_unlock (&lock);
  return got;
}

void
gk_cores_give (guint n)
{
  g_mutex_lock (&lock);
  if (shared_write >= 0)
    {
      char bytes[64] = { 0 };
      while (n > 0)
        {
          ssize_t w = write (shared_write, bytes, MIN (n, sizeof bytes));
          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            break;   /* the parent is gone: nobody is left to lend to */
          n -= (guint) w;
        }
    }
  else
    local_cores += n;
  g_mutex_unlock (&lock);
}
