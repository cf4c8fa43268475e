/* html-input.h — the web-page path: an HTML report → the shared content model.
 *
 *   gk_html_read   HTML bytes → GkContent (media html): table cells as rows, body text as lines
 */
#pragma once
#include "content/content.h"
#include "content/options.h"
#include "input/input.h"

GkContent *gk_html_read (const GkInput *input, const GkReadOptions *opts, GError **error);
