/* narrative.h — the prose reader: report metadata and the figures stated
 * in running text, with patterns from models/narrative.json.
 *
 *   gk_narrative_rules_load / _free
 *   gk_narrative_read        content lines → title, issuer, year, date,
 *                            narrative.* values and the active breakdown
 *   gk_narrative_report_year the year alone (the table matcher's prior)
 *   gk_narrative_read_date   the signature date alone, among lines read again
 *   gk_prose_new             the squeezed prose with its line map, page
 *                            furniture left out (tests, audit)
 *
 * Method.  All lines are squeezed (NFKC, white space out) and joined, so a
 * figure broken over two visual lines ("其他信息310 / 条，占总数的3.51%")
 * reads whole; an offset map leads each match back to its page and line.
 * Furniture the text path keeps, for out of context it may be a figure,
 * is left out of the prose: the page's own number alone on the first or
 * last line of its page, and the lines narrative.json's prose_furniture
 * finds (a browser's print stamp 2023/2/8 14:56, a line that is only a
 * web address), so a sentence broken
 * over a page ("…占比" / 1 / "14.14%…") reads whole.
 * Metadata comes from the title line (first lines of the document, one
 * naming its year preferred; a crawler's 标题： label is no part of it, a
 * breadcrumb is no title) and the date at the foot; the issuer is the
 * title's organ name, completed to the full name (沁县 → 沁县人民政府,
 * 平潭综合实验区 → …管委会: narrative.json's issuer_completions, in order)
 * when the text spells that name out; a title naming no organ takes the
 * line above it (read by OCR, only when the prose spells it again), a web
 * page's 来源：/发布机构： field, the author the opening prose names
 * (本报告由XX编制, 汇总XX各有关单位…), else the organ above the date; a page
 * with no title is read the same way.  A name printed short takes the
 * parent place the report spells before it at least twice (洪泽区人民政府
 * → 淮安市洪泽区人民政府).  A title naming
 * no year takes the statistics period's (统计期限自2014年1月1日…).  A date
 * followed by 印发/发布/施行 dates a quoted document, not the report.
 *
 * Figures.  Each figure of narrative.json is a key and a list of patterns;
 * the earliest match in the document wins, its sentence fragment is the
 * value's raw text and its line the provenance.  A figure may fix its
 * value (0 for 未收到…), scale the number (万元 → 元), skip matches whose
 * sentence an 'exclude' pattern finds, and fill canonical keys ('also')
 * in a report whose tables gave nothing, so a pre-2019 report's 受理…12件
 * becomes applications.new_received.total with method narrative.  {N} in a
 * pattern is the count group of narrative.json's "number" (digits, 1.2万,
 * 十二/两); a figure the report states as approximate (N余条, 近N条) is
 * marked approximate and no check fails on it.  The breakdown is the list
 * after the total, else a list of categories introduced on its own
 * (主要类别有：…).  The C code holds no label: adding a sentence shape is
 * editing the JSON.
 */
#pragma once
#include "content/content.h"
#include "model/record.h"

typedef struct GkNarrativeRules GkNarrativeRules;

/* jit: the figures' patterns JIT-compiled, for a loader that reads several
 * reports (compiling them costs one report several times what it saves). */
GkNarrativeRules *gk_narrative_rules_load (const char *models_dir, gboolean jit, GError **error);
void gk_narrative_rules_free (GkNarrativeRules *rules);
void gk_narrative_read (const GkNarrativeRules *rules, const GkContent *content, GkRecord *record);
/* The report's year as gk_narrative_read reads it (title, else statistics
 * period); 0 when none. For the table matcher, which runs first. */
int gk_narrative_report_year (const GkNarrativeRules *rules, const GkContent *content);
/* The signature date among lines (GkLine*, reading order), searched from
 * the foot up as gk_narrative_read searches a document's: TRUE with
 * record->published_on and date_src set (a reading made again, ocr.h). */
gboolean gk_narrative_read_date (const GkNarrativeRules *rules, const GPtrArray *lines, GkRecord *record);

/* Prose text with a map from byte offsets back to content lines. */
typedef struct {
  char *text;
  GArray *starts;          /* gsize: offset where each line begins */
  const GkContent *content;
} GkProse;

GkProse *gk_prose_new (const GkNarrativeRules *rules, const GkContent *content);
const GkLine *gk_prose_line_at (const GkProse *prose, gsize offset);
void gk_prose_free (GkProse *prose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkNarrativeRules, gk_narrative_rules_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkProse, gk_prose_free)
