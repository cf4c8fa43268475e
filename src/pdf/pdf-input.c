/* pdf-input.c — placeholder until the PDF path lands (issue 3). */
#include "pdf-input.h"
#include "common/gk-error.h"

GkContent *
gk_pdf_read (const GkInput *input, const GkReadOptions *opts, GError **error)
{
  g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "PDF input is not built yet");
  return NULL;
}
