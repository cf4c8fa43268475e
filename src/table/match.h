/* match.h — tables matched to a template: rows of any input path become
 * canonical values in the record.
 *
 *   gk_match_tables    content rows → record values, template id, warnings
 *
 * Method.  The row stream is cut into sections at the headings the
 * templates name (二、主动公开… / 三、收到和处理… / 四、…行政复议…).  Each
 * section is matched against every template that has it; the candidate
 * that fits more rows (same number of cells as the block has columns)
 * and more of the template's own header markers wins, so the template is
 * decided per table from its shape; the year only rules out a template
 * issued after it (a 2020 report cannot print 2021's rows, however a
 * broken dump's rows happen to fit them).  Inside a
 * section, label-only rows accumulate into the label of the next data
 * row (a wrapped or vertical label arrives whole); the data row takes the
 * template row whose pattern matches nearest the end of that label,
 * preferring rows not yet passed.  Values are parsed by the column type;
 * a blank cell becomes 0 only where the layout proves it is a cell, and
 * every zero read from a blank or dash is marked so the checks can take it
 * back.  A row whose cells ran together in web-page text
 * ("规范性文件121230") is split by glued.h only where the template and the
 * row's identities leave one reading; otherwise its values are null with
 * a cells_glued warning.  In a text dump, a table's last numbers that
 * pdftotext printed after the next heading go back to it where they fill
 * its grid with every identity holding and the next table reads as well
 * without them (decode.h) — those right after the heading, or blocks of
 * bare numbers among the next table's header blocks, exactly as many as it
 * misses; so the tables are written once all are read.
 */
#pragma once
#include "content/content.h"
#include "model/record.h"
#include "templates/template.h"

/* year: the report's year, 0 when unknown; templates whose first_year is
 * later are left out unless no template remains. */
void gk_match_tables (const GkTemplateSet *set, const GkContent *content, int year, GkRecord *record);
