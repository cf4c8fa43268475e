/* workers.h — items (files) done in worker processes, each with its own
 * limits, so that one file that crashes a library, hangs or eats memory
 * costs that file and never the run.
 *
 *   gk_workers_new      fork N workers (after the models are loaded: they share them copy-on-write)
 *   gk_workers_submit   hand item i to an idle worker
 *   gk_workers_wait     the next finished item: the bytes its function made, or why it failed
 *   gk_workers_idle     how many workers wait for an item
 *   gk_workers_free     close the workers' pipes (they exit), kill the busy ones, reap them all
 *   gk_workers_default_ram   the default address-space limit of one of n workers
 *   gk_workers_limit_memory  that limit on the calling process (a worker's, or a one-file run's)
 *
 * Method.  Each worker is a fork of the caller, so it starts with the
 * models loaded and its own poppler, FreeType and tesseract state (nothing
 * shared, nothing to lock).  It reads item numbers from a socket, runs the
 * function, and writes back one message per item.  Its address space is
 * bounded (RLIMIT_AS), it dies with its parent (PR_SET_PDEATHSIG), it
 * ignores SIGINT/SIGTERM (the parent decides when to stop), and a fatal
 * signal first writes a short notice saying whether memory had run out
 * (an allocation failed, or the address space was at its limit).  The
 * parent kills a worker busy on one item past the time limit.  A worker
 * that dies is replaced, and its item fails with GK_ERROR_LIMIT ("worker
 * killed (memory limit 2048 MiB)", "… (time limit 30 s)") or
 * GK_ERROR_FORMAT ("worker killed (signal 11: Segmentation fault)").
 * While the parent waits, a worker it has no item for lends its core: one
 * byte in a pipe all workers share (common/gk-cores.h), which a worker
 * still reading a scan takes for a second page thread; the byte is taken
 * back out of the pipe when that worker gets an item again.
 * The parent must have no other threads when it calls gk_workers_new or
 * gk_workers_wait (they fork).
 */
#pragma once
#include <glib.h>

/* Runs in a worker: item → bytes to hand back, or NULL with an error. */
typedef GBytes *(*GkWorkFunc) (guint item, gpointer user_data, GError **error);

typedef struct {
  guint n;                  /* worker processes, at least 1 */
  guint64 max_ram_bytes;    /* address space of each worker; 0: unbounded */
  double max_seconds;       /* one item longer than this: the worker is killed; 0: never */
} GkWorkersLimits;

typedef struct GkWorkers GkWorkers;

GkWorkers *gk_workers_new (const GkWorkersLimits *limits, GkWorkFunc func, gpointer user_data, GError **error);
/* FALSE when no worker is idle (or one could not be started: then error). */
gboolean gk_workers_submit (GkWorkers *w, guint item, GError **error);
guint gk_workers_idle (const GkWorkers *w);
/* Waits at most timeout_us (-1: until one finishes) for an item.  TRUE with
 * *item and either *result or *failure set; FALSE when the time ran out or
 * no item is in hand. */
gboolean gk_workers_wait (GkWorkers *w, gint64 timeout_us, guint *item, GBytes **result, GError **failure);
void gk_workers_free (GkWorkers *w);
guint64 gk_workers_default_ram (guint n);
/* Bounds this process's address space (as a worker's); the limit set, or 0
 * for none (bytes 0, or under AddressSanitizer). */
guint64 gk_workers_limit_memory (guint64 bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWorkers, gk_workers_free)
