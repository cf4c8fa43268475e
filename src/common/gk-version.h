/* gk-version.h — gongkai's version, GK_VERSION ("X.Y.Z").
 *
 * Defined once, in the VERSION file at the top of the source tree, which
 * the Makefile passes to every compilation as -DGK_VERSION.  It is what
 * `gongkai --version` prints and every record's source.gongkai_version.
 */
#pragma once

#ifndef GK_VERSION
#error "GK_VERSION comes from the VERSION file, through the Makefile (-DGK_VERSION)"
#endif
