/* scan-quality.h — what a record says of its own reading, once the checks ran.
 *
 *   gk_scan_quality_warn   poor_scan for an OCR page read poorly; checks_skipped
 *                          for a table none of whose checks could be evaluated
 *
 * Method.  Per OCR page, the table values read there: when at least
 * GK_SCAN_QUALITY_MIN_VALUES were, and their mean confidence is under
 * GK_SCAN_QUALITY_MIN_MEAN or more than GK_SCAN_QUALITY_MAX_DOUBTFUL of
 * them are doubtful (suspect_ocr) or unread (null with ink seen), the page
 * gets a poor_scan warning — unless the OCR path gave it one already for
 * its image (ocr.h).  Per table (the checks' first key part: active,
 * applications, appeals), when every check is skipped, the warning
 * checks_skipped says the table's arithmetic was not verified: no failing
 * check there is no clean bill.
 */
#pragma once
#include "model/record.h"

#define GK_SCAN_QUALITY_MIN_VALUES 10
#define GK_SCAN_QUALITY_MIN_MEAN 0.80
#define GK_SCAN_QUALITY_MAX_DOUBTFUL 0.25

void gk_scan_quality_warn (GkRecord *rec);
