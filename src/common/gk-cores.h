/* gk-cores.h — cores this process may use beyond its own thread, lent to
 * the pages of one scanned file.
 *
 *   gk_cores_set_local    this process alone decides: n cores beyond its own (extract -j N of one file)
 *   gk_cores_set_shared   worker processes share the cores of idle workers through a pipe
 *   gk_cores_take         up to want cores, without waiting: how many were got
 *   gk_cores_give         n cores taken back to where they came from
 *
 * Method.  A worker of `-j N` that waits for a file no longer has one to
 * read keeps its core idle; the parent then writes one byte into a pipe all
 * workers share (pipeline/workers.h), and a worker still reading a scan
 * takes it to read its next page on a second thread — the jobserver of
 * make.  A byte is a core: a worker gives its bytes back when its file is
 * read, and one that dies holding some only lowers the parallelism.
 * Without either set-up nothing is lent (the library's default).
 */
#pragma once
#include <glib.h>

void gk_cores_set_local (guint n);
/* read_fd is non-blocking; both ends belong to the caller. */
void gk_cores_set_shared (int read_fd, int write_fd);
guint gk_cores_take (guint want);
void gk_cores_give (guint n);
