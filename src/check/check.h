/* check.h — the published arithmetic, verified (output.md "checks").
 *
 *   gk_checks_run     every single-report check: identities from
 *                     models/templates/checks.json, the prose checks
 *                     (percentages, parts, applications vs table), and a
 *                     failing check for each negative count or non-number
 *
 * Method.  A check never changes a value.  The one exception is a value
 * the matcher read as 0 from a blank or dash cell: when an identity fails
 * through it, the zero was a guess the arithmetic refutes, so it goes back
 * to null (with a warning) and the checks run again — the check is then
 * skipped, not failed, and nothing is invented.  A failing check whose
 * operands include an OCR reading below GK_OCR_SUSPECT_CONFIDENCE is
 * marked suspect_ocr.  While such readings may still be read again
 * (keep_doubted_blanks), a blank beside one stays 0: the doubtful reading
 * is the likelier fault, and the failing check sends it to be re-read
 * (pipeline/reread.h); the run after the re-reads revokes it as usual.
 */
#pragma once
#include "model/record.h"
#include "templates/template.h"

/* OCR confidence (0..1) under which a cell may be misread. */
#define GK_OCR_SUSPECT_CONFIDENCE 0.80

void gk_checks_run (const GkTemplateSet *set, GkRecord *record, gboolean keep_doubted_blanks);
