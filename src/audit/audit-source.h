/* audit-source.h — a report's source file, opened again to show an
 * auditor where each value was read.
 *
 *   gk_audit_source_open / _free   reopen the file a record was read from
 *   gk_audit_source_kind           what it is (PDF, HTML, text)
 *   gk_audit_source_line           one line of a text source (1-based, as provenance counts)
 *   gk_audit_source_crop           PNG of the PDF page region around a box (audit-crop.h)
 *
 * Method.  The record names its file and its sha256; the file is read
 * again through the input stage (same size limits, same kind detection)
 * and must hash to the same sha256 — a file changed or replaced since it
 * was read would show the auditor another figure than the one checked,
 * so it is refused with an error naming the cause.  Text is decoded as
 * the text path decodes it (NUL bytes as line ends, GB18030 fallback), so
 * line numbers mean the same thing here as in the provenance; a line of an
 * HTML file (libxml2 counts its lines) is shown as its text.
 */
#pragma once
#include <glib.h>
#include "content/content.h"
#include "content/options.h"
#include "input/input.h"

typedef struct GkAuditSource GkAuditSource;

/* sha256 may be NULL (then nothing is verified); opts as the file was
 * read with (limits, password), NULL for the defaults. */
GkAuditSource *gk_audit_source_open (const char *path, const char *sha256,
                                     const GkReadOptions *opts, GError **error);
void gk_audit_source_free (GkAuditSource *src);
GkInputKind gk_audit_source_kind (const GkAuditSource *src);
/* The text of line `line` without its line end, or NULL outside the file / for a PDF. */
const char *gk_audit_source_line (const GkAuditSource *src, int line);
GBytes *gk_audit_source_crop (GkAuditSource *src, int page, const GkRect *box, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditSource, gk_audit_source_free)
