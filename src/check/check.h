/* check.h — the published arithmetic, verified (output.md "checks").
 *
 *   gk_checks_run     every single-report check: identities from
 *                     models/templates/checks.json, the prose checks
 *                     (percentages, parts, applications vs table), and a
 *                     failing check for each negative count or non-number
 *
 * The checks come by kind, one file each (check-private.h): identities.c
 * (data-driven), prose.c (one function per check), values.c; check.c runs
 * them in one list of passes.  Checks across two reports of one issuer are
 * cross-year.h, run by the store's cross-year pass (store/series.h).
 *
 * Method.  A check never changes a value.  A cell printed as a
 * placeholder (—, －, -, /, 无, or blank inside a ruled table) was read as
 * 0 by the matcher, and stays 0 whatever the checks say: a published table
 * that does not add up with its dashes read as 0 is what an auditor must
 * see.  A failing check whose operands include such a value lists their
 * keys (placeholders) and its message says so (…，其中“—”按0计).  A
 * failing check whose operands include an OCR reading below
 * GK_OCR_SUSPECT_CONFIDENCE (record.h) is marked suspect_ocr, and the pipeline sends
 * that reading to be read again (pipeline/reread.h).
 */
#pragma once
#include "model/record.h"
#include "templates/template.h"

void gk_checks_run (const GkTemplateSet *set, GkRecord *record);
