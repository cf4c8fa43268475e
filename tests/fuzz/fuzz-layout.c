/* fuzz-layout.c — libFuzzer target: arbitrary words and ruling lines
 * through the layout stage (grid with merged cells, words into cells,
 * rows broken by a page), then the matcher, the prose reader, the checks
 * and the JSON exporter.  The bytes are read as records of 10 bytes:
 * kind (even: a word, odd: a rule), four 16-bit coordinates (1/32 pt, so
 * up to 2048 pt), and for a word an index into a vocabulary of table
 * text, numbers, blanks-to-be and page furniture; a zero kind byte with
 * an odd index starts a new page. */
#include <stdint.h>
#include "layout/layout.h"
#include "fuzzutil.h"

static const char *const vocabulary[] = {
  "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "（一）予以公开",
  "（二）部分公开（区分处理的，", "只计这一情形，不计其他情形）", "三", "、", "本年度办理结果",
  "1.属于国家秘密", "5.要求行政机关确认", "或重新出具已获取信息", "行政复议", "结果维持",
  "0", "1", "12", "+85", "-2", "15122.275", "万元", "—", "/", "无", "- 3 -", "第3页",
  "http://www.example.gov.cn/", "规章", "行政许可", "信息内容", "本年新制作数量",
};

static double
coord (const uint8_t *p)
{
  return ((p[0] << 8) | p[1]) / 32.0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GkContent *content = gk_content_new (GK_MEDIA_PDF_TEXT);
  GkPage *page = gk_page_new (1, 595, 842, GK_METHOD_PDF_TEXT);
  for (size_t i = 0; i + 10 <= size; i += 10)
    {
      const uint8_t *r = data + i;
      GkRect box = { coord (r + 1), coord (r + 3), coord (r + 5), coord (r + 7) };
      if (r[0] == 0 && (r[9] & 1))
        {
          gk_layout_page (page, content);
          int next = page->number + 1;
          gk_page_free (page);
          page = gk_page_new (next, 595, 842, GK_METHOD_PDF_TEXT);
        }
      else if (r[0] & 1)
        gk_page_add_rule (page, &box);
      else
        gk_page_add_word (page, vocabulary[r[9] % G_N_ELEMENTS (vocabulary)], &box, 1.0);
    }
  gk_layout_page (page, content);
  content->n_pages = page->number;
  gk_page_free (page);
  fz_record_and_free (content, "fuzz.pdf");
  return 0;
}
