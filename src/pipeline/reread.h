/* reread.h — suspect OCR cells read again before a failing check is reported.
 *
 *   gk_reread_save_warnings   copy of the reading warnings (a second pass needs them again)
 *   gk_reread_suspects        failing checks through low-confidence OCR cells,
 *                             and values tesseract barely believes →
 *                             those cells read again → the record made again
 *   gk_reread_signature_date  a scan whose date was not read → the foot of its
 *                             last page read again without the seal's paler ink
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
 * when its operands are still doubtful.  A value tesseract barely believes
 * (below GK_REREAD_DOUBT_CONFIDENCE) is read again whether or not a check
 * rests on it: a confident re-read replaces it, one that reads the same
 * keeps it, and one that reads otherwise, unsure too, leaves two guesses
 * and no value (null, ocr_unreadable).
 */
#pragma once
#include "pipeline.h"
#include "narrative/narrative.h"

/* A value read below this confidence is read again even where no check
 * fails through it (a clean "9762.788万元" read "39762.788万元" at 0.35). */
#define GK_REREAD_DOUBT_CONFIDENCE 0.5
/* ... its ink split at most this many times, darker each time, until a date reads. */
#define GK_REREAD_DARK_SPLITS 2
/* The foot read again starts this many lines of its page above the last. */
#define GK_REREAD_FOOT_LINES 8

GPtrArray *gk_reread_save_warnings (const GkContent *content);
/* Takes rec; returns it, or the record made again (rec freed). */
GkRecord *gk_reread_suspects (const GkPipeline *p, const char *name, GkContent *content, GPtrArray *saved_warnings,
                              GkRecord *rec);
/* A scan's signature is often stamped over: a red seal is gone from the
 * image already, a grey one (a grey scan of a red seal) is paler than the
 * text and garbles the date.  When no date was read, the foot of the last
 * page read by OCR (from GK_REREAD_FOOT_LINES lines above its last line
 * down) is read again from its darker ink alone (GkContent's reread_dark;
 * its ink split once, then twice: a dark grey seal survives the first
 * split) and the date searched there as the prose reader searches it; a
 * date of a year the report cannot be signed in (its year or the next) is
 * none. */
void gk_reread_signature_date (const GkNarrativeRules *rules, GkContent *content, GkRecord *rec);
