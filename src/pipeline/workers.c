/* workers.c — see workers.h. */
#include "workers.h"
#include "common/gk-cores.h"
#include "common/gk-error.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* The default limit: the machine's memory shared by the workers, at most
 * this (a 300-page scan at the pixel limit reads in well under it). */
#define DEFAULT_RAM_CAP  (G_GUINT64_CONSTANT (4096) << 20)
#define DEFAULT_RAM_MIN  (G_GUINT64_CONSTANT (512) << 20)
/* A worker dying this close to its address-space limit ran out of memory. */
#define RAM_MARGIN       (G_GUINT64_CONSTANT (64) << 20)
/* The time limit kills a worker this long after --max-seconds, which the
 * pipeline checks itself between stages: the kill is for a stage that hangs. */
#define KILL_GRACE_MIN_S 5.0

typedef enum { MSG_RESULT, MSG_ERROR, MSG_DYING, MSG_DYING_MEMORY } MsgKind;

typedef struct {
  guint32 item;
  gint32 kind;
  gint32 code;   /* MSG_ERROR: the GError code; MSG_DYING*: the signal */
  guint32 pad;
  guint64 len;   /* bytes of payload that follow */
} MsgHeader;

typedef struct {
  pid_t pid;
  int to, from;          /* item numbers out, messages in */
  gboolean busy;
  gboolean lent;         /* idle, its core lent to the others (gk-cores.h) */
  guint item;
  gint64 started_us;
  gboolean timed_out;
  int dying_kind, dying_signal;
} Worker;

struct GkWorkers {
  GkWorkersLimits limits;
  GkWorkFunc func;
  gpointer user_data;
  Worker *w;
  int cores[2];          /* the lent cores' pipe, one byte a core (gk-cores.h) */
  guint cores_owed;      /* cores lent and not yet taken back */
};

/* ---- in the worker ---- */

static int notice_fd = -1;
static volatile sig_atomic_t notice_item;
static volatile sig_atomic_t alloc_failed;
static guint64 worker_ram_limit;

/* VmSize in bytes from /proc/self/statm, with async-signal-safe calls only. */
static guint64
vm_size (void)
{
  int fd = open ("/proc/self/statm", O_RDONLY);
  if (fd < 0)
    return 0;
  char buf[64];
  ssize_t n = read (fd, buf, sizeof buf - 1);
  close (fd);
  guint64 pages = 0;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
    pages = pages * 10 + (guint64) (buf[i] - '0');
  return pages * (guint64) sysconf (_SC_PAGESIZE);
}

static void
on_fatal (int sig)
{
  int saved = errno;
  gboolean memory = alloc_failed || (sig == SIGABRT && saved == ENOMEM)
                    || (worker_ram_limit && vm_size () + RAM_MARGIN >= worker_ram_limit);
  MsgHeader h = { (guint32) notice_item, memory ? MSG_DYING_MEMORY : MSG_DYING, sig, 0, 0 };
  if (notice_fd >= 0)
    (void) !write (notice_fd, &h, sizeof h);
  raise (sig);   /* SA_RESETHAND: the default action now */
}

/* GLib's g_malloc says "failed to allocate N bytes" through g_error before aborting. */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if (level & G_LOG_LEVEL_ERROR)
    for (gsize i = 0; i < n_fields; i++)
      if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0
          && strstr (fields[i].value, "failed to allocate"))
        alloc_failed = 1;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
write_all (int fd, const void *data, gsize len)
{
  const char *p = data;
  while (len)
    {
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);   /* a dead peer is an error, not SIGPIPE */
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* 1 when len bytes were read, 0 at end of file before any, -1 otherwise. */
static int
read_all (int fd, void *data, gsize len)
{
  char *p = data;
  gsize got = 0;
  while (got < len)
    {
      ssize_t n = read (fd, p + got, len - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return got == 0 && n == 0 ? 0 : -1;
      got += (gsize) n;
    }
  return 1;
}

guint64
gk_workers_limit_memory (guint64 bytes)
{
#ifdef __SANITIZE_ADDRESS__
  /* AddressSanitizer reserves terabytes of shadow memory: no RLIMIT_AS under it */
  (void) bytes;
  return 0;
#else
  if (!bytes)
    return 0;
  struct rlimit rl = { bytes, bytes };
  struct rlimit cur;
  if (getrlimit (RLIMIT_AS, &cur) == 0 && cur.rlim_max != RLIM_INFINITY && cur.rlim_max < rl.rlim_max)
    rl.rlim_cur = rl.rlim_max = cur.rlim_max;
  return setrlimit (RLIMIT_AS, &rl) == 0 ? rl.rlim_cur : 0;
#endif
}

static void
worker_setup (const GkWorkersLimits *limits, int result_fd, pid_t parent)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != parent)
    _exit (0);
  signal (SIGINT, SIG_IGN);
  signal (SIGTERM, SIG_IGN);
  signal (SIGPIPE, SIG_DFL);
  worker_ram_limit = gk_workers_limit_memory (limits->max_ram_bytes);
  notice_fd = result_fd;
  g_log_set_writer_func (log_writer, NULL, NULL);
  struct sigaction sa = { 0 };
  sa.sa_handler = on_fatal;
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset (&sa.sa_mask);
  static const int fatal[] = { SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP };
  for (gsize i = 0; i < G_N_ELEMENTS (fatal); i++)
    sigaction (fatal[i], &sa, NULL);
}

static G_NORETURN void
worker_main (GkWorkers *ws, int cmd_fd, int result_fd, pid_t parent)
{
  worker_setup (&ws->limits, result_fd, parent);
  guint32 item;
  while (read_all (cmd_fd, &item, sizeof item) == 1)
    {
      notice_item = (sig_atomic_t) item;
      GError *error = NULL;
      GBytes *bytes = ws->func (item, ws->user_data, &error);
      MsgHeader h = { item, bytes ? MSG_RESULT : MSG_ERROR, 0, 0, 0 };
      gconstpointer data;
      gsize len;
      if (bytes)
        data = g_bytes_get_data (bytes, &len);
      else
        {
          h.code = error->domain == GK_ERROR ? error->code : GK_ERROR_FORMAT;
          data = error->message;
          len = strlen (error->message);
        }
      h.len = len;
      gboolean ok = write_all (result_fd, &h, sizeof h) && write_all (result_fd, data, len);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_error (&error);
      if (!ok)
        break;
    }
  _exit (0);
}

/* ---- in the parent ---- */

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

static gboolean
spawn (GkWorkers *ws, guint k, GError **error)
{
  int cmd[2], res[2];
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, cmd) != 0)
    goto failed;
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, res) != 0)
    {
      close (cmd[0]);
      close (cmd[1]);
      goto failed;
    }
  pid_t parent = getpid ();
  fflush (NULL);   /* nothing buffered is written twice */
  pid_t pid = fork ();
  if (pid < 0)
    {
      close (cmd[0]), close (cmd[1]), close (res[0]), close (res[1]);
      goto failed;
    }
  if (pid == 0)
    {
      /* the other workers' pipes: this one must not keep them open */
      for (guint i = 0; i < ws->limits.n; i++)
        if (i != k)
          close_fd (&ws->w[i].to), close_fd (&ws->w[i].from);
      close (cmd[1]);
      close (res[0]);
      gk_cores_set_shared (ws->cores[0], ws->cores[1]);
      worker_main (ws, cmd[0], res[1], parent);
    }
  close (cmd[0]);
  close (res[1]);
  ws->w[k] = (Worker) { .pid = pid, .to = cmd[1], .from = res[0] };
  return TRUE;
failed:
  g_set_error (error, GK_ERROR, GK_ERROR_IO, "cannot start a worker process: %s", g_strerror (errno));
  return FALSE;
}

guint64
gk_workers_default_ram (guint n)
{
  long pages = sysconf (_SC_PHYS_PAGES), size = sysconf (_SC_PAGESIZE);
  if (pages <= 0 || size <= 0)
    return DEFAULT_RAM_CAP;
  guint64 share = (guint64) pages * (guint64) size / MAX (n, 1u);
  return CLAMP (share, DEFAULT_RAM_MIN, DEFAULT_RAM_CAP);
}

GkWorkers *
gk_workers_new (const GkWorkersLimits *limits, GkWorkFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (limits->n >= 1, NULL);
  GkWorkers *ws = g_new0 (GkWorkers, 1);
  ws->limits = *limits;
  ws->func = func;
  ws->user_data = user_data;
  ws->w = g_new0 (Worker, limits->n);
  for (guint k = 0; k < limits->n; k++)
    ws->w[k] = (Worker) { .pid = 0, .to = -1, .from = -1 };
  if (pipe2 (ws->cores, O_CLOEXEC | O_NONBLOCK) != 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "cannot make the workers' pipe: %s", g_strerror (errno));
      ws->cores[0] = ws->cores[1] = -1;
      gk_workers_free (ws);
      return NULL;
    }
  for (guint k = 0; k < limits->n; k++)
    if (!spawn (ws, k, error))
      {
        gk_workers_free (ws);
        return NULL;
      }
  return ws;
}

guint
gk_workers_idle (const GkWorkers *ws)
{
  guint n = 0;
  for (guint k = 0; k < ws->limits.n; k++)
    n += !ws->w[k].busy;
  return n;
}

/* Cores lent to idle workers' ends and given back since: read out of the
 * pipe again, as far as the workers have returned them. */
static void
take_back_cores (GkWorkers *ws)
{
  char bytes[64];
  while (ws->cores_owed > 0)
    {
      ssize_t got = read (ws->cores[0], bytes, MIN (ws->cores_owed, sizeof bytes));
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      ws->cores_owed -= (guint) got;
    }
}

/* The caller waits, so a worker idle now has nothing to read: its core goes
 * to the workers still reading (their scans' pages). */
static void
lend_idle_cores (GkWorkers *ws)
{
  take_back_cores (ws);
  for (guint k = 0; k < ws->limits.n; k++)
    {
      Worker *w = &ws->w[k];
      if (w->busy || w->lent)
        continue;
      if (ws->cores_owed > 0)
        ws->cores_owed--;   /* not taken back yet: it stays lent */
      else if (write (ws->cores[1], "", 1) != 1)
        continue;
      w->lent = TRUE;
    }
}

gboolean
gk_workers_submit (GkWorkers *ws, guint item, GError **error)
{
  for (guint k = 0; k < ws->limits.n; k++)
    {
      Worker *w = &ws->w[k];
      if (w->busy)
        continue;
      if (w->lent)
        {
          w->lent = FALSE;
          ws->cores_owed++;
          take_back_cores (ws);
        }
      if (w->pid == 0 && !spawn (ws, k, error))
        return FALSE;
      guint32 it = item;
      w->busy = TRUE;
      w->item = item;
      w->started_us = g_get_monotonic_time ();
      /* a worker that died idle shows as end of file when its item is read back */
      if (!write_all (w->to, &it, sizeof it))
        close_fd (&w->to);
      return TRUE;
    }
  return FALSE;
}

/* Why worker w died (reaped here), as its item's failure; the worker slot is
 * emptied, to be forked again on the next submit. */
static void
bury (GkWorkers *ws, Worker *w, GError **failure)
{
  int status = 0;
  while (waitpid (w->pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (w->timed_out)
    g_set_error (failure, GK_ERROR, GK_ERROR_LIMIT, "worker killed (time limit %g s)", ws->limits.max_seconds);
  else if (w->dying_kind == MSG_DYING_MEMORY)
    g_set_error (failure, GK_ERROR, GK_ERROR_LIMIT, "worker killed (memory limit %" G_GUINT64_FORMAT " MiB)",
                 ws->limits.max_ram_bytes >> 20);
  else if (WIFSIGNALED (status))
    g_set_error (failure, GK_ERROR, GK_ERROR_FORMAT, "worker killed (signal %d: %s)", WTERMSIG (status),
                 g_strsignal (WTERMSIG (status)));
  else
    g_set_error (failure, GK_ERROR, GK_ERROR_FORMAT, "worker exited with status %d", WEXITSTATUS (status));
  close_fd (&w->to);
  close_fd (&w->from);
  w->pid = 0;
  w->busy = FALSE;
  w->timed_out = FALSE;
  w->dying_kind = 0;
}

/* Reads one message from busy worker w; TRUE when it finished its item. */
static gboolean
receive (GkWorkers *ws, Worker *w, guint *item, GBytes **result, GError **failure)
{
  MsgHeader h;
  for (;;)
    {
      if (read_all (w->from, &h, sizeof h) != 1)
        {
          *item = w->item;
          bury (ws, w, failure);
          return TRUE;
        }
      if (h.kind != MSG_DYING && h.kind != MSG_DYING_MEMORY)
        break;
      w->dying_kind = h.kind;   /* the end of file follows */
    }
  g_autofree char *payload = h.len ? g_try_malloc (h.len + 1) : g_malloc0 (1);
  if (!payload || (h.len && read_all (w->from, payload, h.len) != 1))
    {
      kill (w->pid, SIGKILL);
      *item = w->item;
      bury (ws, w, failure);
      return TRUE;
    }
  payload[h.len] = '\0';
  *item = w->item;
  w->busy = FALSE;
  if (h.kind == MSG_RESULT)
    *result = g_bytes_new_take (g_steal_pointer (&payload), h.len);
  else
    g_set_error_literal (failure, GK_ERROR, h.code, payload);
  return TRUE;
}

/* The hard time limit of one item (see KILL_GRACE_MIN_S). */
static gint64
kill_after_us (const GkWorkers *ws)
{
  double s = ws->limits.max_seconds;
  return (gint64) ((s + MAX (KILL_GRACE_MIN_S, s / 4)) * G_USEC_PER_SEC);
}

gboolean
gk_workers_wait (GkWorkers *ws, gint64 timeout_us, guint *item, GBytes **result, GError **failure)
{
  guint n = ws->limits.n;
  lend_idle_cores (ws);
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, n);
  gint64 end = timeout_us < 0 ? G_MAXINT64 : g_get_monotonic_time () + timeout_us;
  for (;;)
    {
      guint busy = 0;
      gint64 now = g_get_monotonic_time ();
      gint64 next = end;
      for (guint k = 0; k < n; k++)
        {
          Worker *w = &ws->w[k];
          fds[k] = (struct pollfd) { .fd = w->busy ? w->from : -1, .events = POLLIN };
          if (!w->busy)
            continue;
          busy++;
          if (ws->limits.max_seconds > 0 && !w->timed_out)
            {
              gint64 deadline = w->started_us + kill_after_us (ws);
              if (now >= deadline)
                {
                  w->timed_out = TRUE;
                  kill (w->pid, SIGKILL);
                }
              else
                next = MIN (next, deadline);
            }
        }
      if (!busy || now >= end)
        return FALSE;
      int ms = (int) MIN ((next - now + 999) / 1000, G_MAXINT);
      int rc = poll (fds, n, next == G_MAXINT64 ? -1 : ms);
      if (rc < 0 && errno != EINTR)
        return FALSE;
      for (guint k = 0; rc > 0 && k < n; k++)
        if (fds[k].revents)
          return receive (ws, &ws->w[k], item, result, failure);
      if (rc < 0)
        return FALSE;   /* a signal: the caller looks at it */
    }
}

void
gk_workers_free (GkWorkers *ws)
{
  if (!ws)
    return;
  for (guint k = 0; k < ws->limits.n; k++)
    {
      Worker *w = &ws->w[k];
      if (w->busy && w->pid > 0)
        kill (w->pid, SIGKILL);
      close_fd (&w->to);
      close_fd (&w->from);
    }
  for (guint k = 0; k < ws->limits.n; k++)
    if (ws->w[k].pid > 0)
      while (waitpid (ws->w[k].pid, NULL, 0) < 0 && errno == EINTR)
        ;
  close_fd (&ws->cores[0]);
  close_fd (&ws->cores[1]);
  g_free (ws->w);
  g_free (ws);
}
