/* html-input.c — placeholder until the HTML path lands (issue 8). */
#include "html-input.h"
#include "common/gk-error.h"

GkContent *
gk_html_read (const GkInput *input, const GkReadOptions *opts, GError **error)
{
  g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "HTML input is not built yet");
  return NULL;
}
