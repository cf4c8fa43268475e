/* gk-error.c — see gk-error.h. */
#include "gk-error.h"

G_DEFINE_QUARK (gongkai-error-quark, gk_error)

int
gk_exit_code_for (const GError *error)
{
  if (error == NULL)
    return GK_EXIT_OK;
  if (error->domain != GK_ERROR)
    return GK_EXIT_INPUT;
  switch ((GkErrorCode) error->code)
    {
    case GK_ERROR_USAGE:    return GK_EXIT_USAGE;
    case GK_ERROR_OUTPUT:   return GK_EXIT_OUTPUT;
    case GK_ERROR_TEMPLATE:
    case GK_ERROR_OCR:      return GK_EXIT_SETUP;
    default:                return GK_EXIT_INPUT;
    }
}
