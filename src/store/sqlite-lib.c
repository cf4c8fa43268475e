/* sqlite-lib.c — see sqlite-lib.h. */
#define GK_SQLITE_LIB_IMPLEMENTATION
#include "sqlite-lib.h"

GK_LIB_DEFINE (GkSqliteLib, gk_sqlite_lib, GK_SQLITE_SONAME, GK_SQLITE_FUNCTIONS)
