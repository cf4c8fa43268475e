/* reread.h — suspect OCR cells read again before a failing check is reported.
 *
 *   gk_reread_save_warnings   copy of the reading warnings (a second pass needs them again)
 *   gk_reread_suspects        failing checks through low-confidence OCR cells →
 *                             those cells read again → the record made again
 *
 * Method.  A check that fails only through OCR readings below
 * GK_OCR_SUSPECT_CONFIDENCE may be our misreading, not the report's
 * error.  Each such operand's cell is found in the content by its page
 * and box and handed to the content's re-read hook (the OCR path reads
 * it again from the page image with other preprocessing).  A new reading
 * is accepted only when it is itself confident (GK_OCR_REREAD_ACCEPT) —
 * whatever it does to the check — and then replaces the cell's text and
 * confidence, with an "ocr_reread" warning saying what changed.  When
 * any cell was accepted, the record is rebuilt from the content (match,
 * prose, checks), once.  A check still failing keeps suspect_ocr only
 * when its operands are still doubtful.
 */
#pragma once
#include "pipeline.h"

GPtrArray *gk_reread_save_warnings (const GkContent *content);
/* Takes rec; returns it, or the record made again (rec freed). */
GkRecord *gk_reread_suspects (const GkPipeline *p, const char *name, GkContent *content, GPtrArray *saved_warnings,
                              GkRecord *rec);
