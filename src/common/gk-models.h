/* gk-models.h — where the models directory is (templates, prose rules, OCR set-up).
 *
 *   gk_models_dir_default   the directory to read models from when none is given
 *
 * Method.  $GONGKAI_MODELS, else next to the executable (../models in the
 * tree, ../share/gongkai/models installed), else next to the shared
 * library (the same two), else the tree it was built from.  Nothing is
 * fixed at install time, so a staged DESTDIR tree works as installed.
 */
#pragma once
#include <glib.h>

char *gk_models_dir_default (void);
