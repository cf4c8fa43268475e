/* sqlite-lib.h — sqlite3, loaded on first use.
 *
 *   GK_SQLITE_LIB   the library function of that name, sqlite3 opened on the first call
 *
 * Why (common/gk-libs.h).  Only the commands that keep a database (batch,
 * merge, audit, export, review) call it; reading a report does not.
 * Include this header in a .c file only, after every other header: each
 * function's name becomes a macro.
 */
#pragma once
#include <sqlite3.h>
#include "common/gk-libs.h"

/* The library's soname, from the build machine (Makefile); the fallback is
 * what Debian 12 installs. */
#ifndef GK_SQLITE_SONAME
#define GK_SQLITE_SONAME "libsqlite3.so.0"
#endif

/* Every function gongkai calls (a new call adds its name here). */
#define GK_SQLITE_FUNCTIONS(X) \
  X (sqlite3_bind_blob) X (sqlite3_bind_double) X (sqlite3_bind_int) X (sqlite3_bind_int64)          \
  X (sqlite3_bind_null) X (sqlite3_bind_text) X (sqlite3_busy_timeout) X (sqlite3_close)             \
  X (sqlite3_column_blob) X (sqlite3_column_bytes) X (sqlite3_column_double) X (sqlite3_column_int)  \
  X (sqlite3_column_int64) X (sqlite3_column_text) X (sqlite3_column_type)                           \
  X (sqlite3_create_function) X (sqlite3_db_readonly) X (sqlite3_errcode) X (sqlite3_errmsg)         \
  X (sqlite3_errstr) X (sqlite3_exec) X (sqlite3_extended_result_codes) X (sqlite3_finalize)         \
  X (sqlite3_free) X (sqlite3_get_autocommit) X (sqlite3_last_insert_rowid) X (sqlite3_open_v2)      \
  X (sqlite3_prepare_v2) X (sqlite3_reset) X (sqlite3_result_error) X (sqlite3_result_null)          \
  X (sqlite3_result_text) X (sqlite3_step) X (sqlite3_value_blob) X (sqlite3_value_bytes)            \
  X (sqlite3_value_int64) X (sqlite3_value_type)

typedef struct {
  GK_SQLITE_FUNCTIONS (GK_LIB_POINTER)
} GkSqliteLib;

/* The functions, the library loaded on the first call (thread safe). */
const GkSqliteLib *gk_sqlite_lib (void);
#define GK_SQLITE_LIB(name) (gk_sqlite_lib ()->name)

#ifndef GK_SQLITE_LIB_IMPLEMENTATION
#define sqlite3_bind_blob GK_SQLITE_LIB (sqlite3_bind_blob)
#define sqlite3_bind_double GK_SQLITE_LIB (sqlite3_bind_double)
#define sqlite3_bind_int GK_SQLITE_LIB (sqlite3_bind_int)
#define sqlite3_bind_int64 GK_SQLITE_LIB (sqlite3_bind_int64)
#define sqlite3_bind_null GK_SQLITE_LIB (sqlite3_bind_null)
#define sqlite3_bind_text GK_SQLITE_LIB (sqlite3_bind_text)
#define sqlite3_busy_timeout GK_SQLITE_LIB (sqlite3_busy_timeout)
#define sqlite3_close GK_SQLITE_LIB (sqlite3_close)
#define sqlite3_column_blob GK_SQLITE_LIB (sqlite3_column_blob)
#define sqlite3_column_bytes GK_SQLITE_LIB (sqlite3_column_bytes)
#define sqlite3_column_double GK_SQLITE_LIB (sqlite3_column_double)
#define sqlite3_column_int GK_SQLITE_LIB (sqlite3_column_int)
#define sqlite3_column_int64 GK_SQLITE_LIB (sqlite3_column_int64)
#define sqlite3_column_text GK_SQLITE_LIB (sqlite3_column_text)
#define sqlite3_column_type GK_SQLITE_LIB (sqlite3_column_type)
#define sqlite3_create_function GK_SQLITE_LIB (sqlite3_create_function)
#define sqlite3_db_readonly GK_SQLITE_LIB (sqlite3_db_readonly)
#define sqlite3_errcode GK_SQLITE_LIB (sqlite3_errcode)
#define sqlite3_errmsg GK_SQLITE_LIB (sqlite3_errmsg)
#define sqlite3_errstr GK_SQLITE_LIB (sqlite3_errstr)
#define sqlite3_exec GK_SQLITE_LIB (sqlite3_exec)
#define sqlite3_extended_result_codes GK_SQLITE_LIB (sqlite3_extended_result_codes)
#define sqlite3_finalize GK_SQLITE_LIB (sqlite3_finalize)
#define sqlite3_free GK_SQLITE_LIB (sqlite3_free)
#define sqlite3_get_autocommit GK_SQLITE_LIB (sqlite3_get_autocommit)
#define sqlite3_last_insert_rowid GK_SQLITE_LIB (sqlite3_last_insert_rowid)
#define sqlite3_open_v2 GK_SQLITE_LIB (sqlite3_open_v2)
#define sqlite3_prepare_v2 GK_SQLITE_LIB (sqlite3_prepare_v2)
#define sqlite3_reset GK_SQLITE_LIB (sqlite3_reset)
#define sqlite3_result_error GK_SQLITE_LIB (sqlite3_result_error)
#define sqlite3_result_null GK_SQLITE_LIB (sqlite3_result_null)
#define sqlite3_result_text GK_SQLITE_LIB (sqlite3_result_text)
#define sqlite3_step GK_SQLITE_LIB (sqlite3_step)
#define sqlite3_value_blob GK_SQLITE_LIB (sqlite3_value_blob)
#define sqlite3_value_bytes GK_SQLITE_LIB (sqlite3_value_bytes)
#define sqlite3_value_int64 GK_SQLITE_LIB (sqlite3_value_int64)
#define sqlite3_value_type GK_SQLITE_LIB (sqlite3_value_type)
#endif
