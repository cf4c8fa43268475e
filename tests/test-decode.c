/* test-decode.c — the text-dump decoder (src/table/decode.h): one table 三
 * (template 2021) printed in each order a producer's PDF leaves in
 * pdftotext's default mode, read back whole; a misprint stays a misprint;
 * blank cells are placed only where one reading fits.
 */
#include "testutil.h"
#include "table/template-grid.h"
#include <math.h>
#include <pthread.h>

enum { ROWS = 25, COLS = 7 };

static const char *const labels[ROWS] = {
  "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
  "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
  "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
  "四、结转下年度继续办理",
};

static const char *const row_keys[ROWS] = {
  "new_received", "carried_over", "granted", "partially_granted", "withheld_state_secret",
  "withheld_prohibited_by_law", "withheld_security_stability", "withheld_third_party",
  "withheld_internal_affairs", "withheld_process_info", "withheld_enforcement_files",
  "withheld_administrative_query", "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
  "not_processed_petition", "not_processed_repeated", "not_processed_publication", "not_processed_excessive",
  "not_processed_reconfirmation", "other_handling_overdue_correction", "other_handling_overdue_fee",
  "other_handling_misc", "processed_total", "carried_forward",
};

static const char *const col_keys[COLS] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
};

enum { NEW = 0, CARRIED = 1, FIRST_OUTCOME = 2, LAST_OUTCOME = 22, PROCESSED = 23, FORWARD = 24 };

/* Every total and the balance of table v computed from its outcome parts,
 * the carried-over and the carried-forward rows (a report's own
 * arithmetic). */
static void
table_add_up (int v[ROWS][COLS])
{
  for (int c = 0; c < COLS; c++)
    v[PROCESSED][c] = v[NEW][c] = 0;
  for (int c = 0; c < COLS - 1; c++)
    {
      for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
        v[PROCESSED][c] += v[r][c];
      v[NEW][c] = v[PROCESSED][c] + v[FORWARD][c] - v[CARRIED][c];
      g_assert_cmpint (v[NEW][c], >=, 0);
    }
  for (int r = 0; r < ROWS; r++)
    {
      v[r][COLS - 1] = 0;
      for (int c = 0; c < COLS - 1; c++)
        v[r][COLS - 1] += v[r][c];
    }
}

/* A table that adds up everywhere: outcome parts from a pattern with zeros,
 * every total and the balance computed (a report's own arithmetic). */
static void
consistent_table (int v[ROWS][COLS], int seed)
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
    for (int c = 0; c < COLS - 1; c++)
      v[r][c] = ((r * 7 + c * 3 + seed) % 11 < 4) ? (r + c + seed) % 9 : 0;
  v[CARRIED][0] = 2, v[CARRIED][1] = 1;
  v[FORWARD][0] = 3, v[FORWARD][3] = 1;
  table_add_up (v);
}

static void
append_header (GString *s)
{
  g_string_append (s, "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n"
                      "法律服务机构\n其他\n总计\n");
}

/* One number a line with a blank line after it, as pdftotext leaves each
 * cell of a table its own text block. */
static void
append_cell (GString *s, int value)
{
  g_string_append_printf (s, "%d\n\n", value);
}

/* Rows [from, ROWS) of table 三 printed whole, each its label then its
 * cells, as a page narrow enough for none of them to break prints them. */
static void
append_rows_whole (GString *s, int v[ROWS][COLS], int from)
{
  for (int r = from; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
}

/* A page break inside the table: the page number, a form feed, a repeated
 * header. */
static void
append_page_break (GString *s, int page)
{
  g_string_append_printf (s, "- %d -\n\f申请人情况\n自然人\n", page);
}

/* Column c of rows [r0, r1) of table 三 read exactly as v. */
static void
assert_column (const GkRecord *rec, int v[ROWS][COLS], int c, int r0, int r1)
{
  for (int r = r0; r < r1; r++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
      if (!tu_int_is (rec, key, v[r][c]))
        g_error ("%s: want %d", key, v[r][c]);
    }
}

/* Rows [r0, r1) of table 三 read exactly as v. */
static void
assert_rows (const GkRecord *rec, int v[ROWS][COLS], int r0, int r1)
{
  for (int c = 0; c < COLS; c++)
    assert_column (rec, v, c, r0, r1);
}

/* Rows [r0, r1) of table 三 read as v or left null: never a wrong number. */
static void
assert_rows_right_or_null (const GkRecord *rec, int v[ROWS][COLS], int r0, int r1)
{
  for (int r = r0; r < r1; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        const GkValue *got = gk_record_get (rec, key);
        if (got && got->kind != GK_VALUE_NULL && !tu_int_is (rec, key, v[r][c]))
          g_error ("%s: read %s, want %d or null", key, got->kind == GK_VALUE_INT ? "a wrong number" : "a value", v[r][c]);
      }
}

static void
assert_table (const GkRecord *rec, int v[ROWS][COLS])
{
  assert_rows (rec, v, 0, ROWS);
}

static GkRecord *
read_text (GString *s)
{
  g_string_append (s, "五、存在的主要问题及改进情况\n无。\n");
  return tu_record_from_text (s->str);
}

/* A consistent table from the seed, and the text so far: heading and header. */
static GString *
table_start (int v[ROWS][COLS], int seed)
{
  consistent_table (v, seed);
  GString *s = g_string_new (NULL);
  append_header (s);
  return s;
}

/* The foot of a page whose rows [from, page_rows) printed all but their
 * totals: the page number, the totals column as a strip of its own; then
 * the next page, the other rows row by row, the last cut short after two
 * cells (its other numbers printed with the next section). */
static void
append_totals_strip_and_rest (GString *s, int v[ROWS][COLS], int from, int page_rows)
{
  g_string_append (s, "- 2 -\n\n总计\n");
  for (int r = from; r < page_rows; r++)
    append_cell (s, v[r][COLS - 1]);
  g_string_append (s, "\f");
  for (int r = page_rows; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < (r == FORWARD ? 2 : COLS); c++)
        append_cell (s, v[r][c]);
    }
}

/* The label column as one block. */
static void
append_labels (GString *s)
{
  for (int r = 0; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
}

/* Table 三's labels with no number (blank), then table 四's heading and
 * header: the text so far of a table 四 test. */
static GString *
table4_start (void)
{
  GString *s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  g_string_append (s, "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n"
                      "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n");
  return s;
}

/* Reads table 四 printed as a stream of numbers (tokens, NULL-ended), a
 * block each. */
static GkRecord *
read_table4_stream (const char *const *tokens)
{
  g_autoptr (GString) s = table4_start ();
  for (const char *const *t = tokens; *t; t++)
    g_string_append_printf (s, "%s\n\n", *t);
  return read_text (s);
}


static const char *const appeal_cols[] = { "upheld", "corrected", "other", "pending", "total" };

/* A consistent table from the seed printed label and row, row after row. */
static GString *
table_row_by_row (int v[ROWS][COLS], int seed)
{
  GString *s = table_start (v, seed);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  return s;
}

/* Table 四's group (review, litigation_direct, litigation_after_review) read as want. */
static gboolean
value_is_null (const GkRecord *rec, const char *key)
{
  const GkValue *v = gk_record_get (rec, key);
  return !v || v->kind == GK_VALUE_NULL;
}

/* want[c] for a cell left unread (null). */
enum { APPEAL_UNREAD = -1 };

static void
assert_appeals_group (const GkRecord *rec, const char *group, const int want[5])
{
  for (guint c = 0; c < G_N_ELEMENTS (appeal_cols); c++)
    {
      g_autofree char *key = g_strdup_printf ("appeals.%s.%s", group, appeal_cols[c]);
      if (want[c] == APPEAL_UNREAD && !value_is_null (rec, key))
        g_error ("%s: want null", key);
      if (want[c] != APPEAL_UNREAD && !tu_int_is (rec, key, want[c]))
        g_error ("%s: want %d", key, want[c]);
    }
}

/* Both litigation groups' 总计 judged by no check (a placement's doubt,
 * not a misprint), the doubt told as ambiguous_placement. */
static void
assert_litigation_totals_unjudged (const GkRecord *rec)
{
  g_assert_cmpstr (tu_check_status (rec, "appeals.litigation_direct.total"), !=, "fail");
  g_assert_cmpstr (tu_check_status (rec, "appeals.litigation_after_review.total"), !=, "fail");
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四's three groups read as want (five cells each, in their order). */
static void
assert_appeals_groups (const GkRecord *rec, const int want[15])
{
  assert_appeals_group (rec, "review", want);
  assert_appeals_group (rec, "litigation_direct", want + 5);
  assert_appeals_group (rec, "litigation_after_review", want + 10);
}

/* Table 四's headers as a browser's PDF prints them, vertically: a cell
 * under 结/果/维/持 or 总/计, three under the parts' headers side by side. */
#define UPHELD_CELL "结\n果\n维\n持\n%d\n\n"
#define PARTS_HEADER "结 其 尚\n果 他 未\n纠 结 审\n正 果 结\n"
#define TOTAL_CELL "总\n计\n%d\n\n"

/* Reads the text and asserts every cell; returns the record for more. */
static GkRecord *
read_and_assert (GString *s, int v[ROWS][COLS])
{
  GkRecord *rec = read_text (s);
  assert_table (rec, v);
  return rec;
}

/* Label and row, row after row, each cell a block of its own. */
static void
test_row_major (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 1);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r == 12)
        append_page_break (s, 3);
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Outcome row r of table v set to row (its total among them), the
 * processed and new rows changed with it: the table still adds up. */
static void
table_set_outcome_row (int v[ROWS][COLS], int r, const int row[COLS])
{
  g_assert_true (r >= FIRST_OUTCOME && r <= LAST_OUTCOME);
  for (int c = 0; c < COLS; c++)
    {
      int delta = row[c] - v[r][c];
      v[r][c] = row[c];
      v[PROCESSED][c] += delta;
      v[NEW][c] += delta;
      g_assert_cmpint (v[NEW][c], >=, 0);
    }
}

/* Table 三 row after row, row 3 printed again after a page break: under a
 * page number, the header and its label again, or (bare) at the head of
 * the next page with nothing before it. */
static GString *
table_with_row_3_twice (int v[ROWS][COLS], gboolean bare)
{
  GString *s = table_start (v, 1);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r != 3)
        continue;
      if (bare)
        g_string_append (s, "\f");
      else
        {
          append_page_break (s, 3);
          g_string_append_printf (s, "%s\n", labels[r]);
        }
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  return s;
}

/* A row cut by the page break drawn on both pages (a producer that clips
 * the row at the foot and prints it again whole at the head): its second
 * copy, under its label again, is the same row, not the next one.  Two
 * rows of zeros side by side across a break are two rows. */
static void
test_row_printed_twice_over_page_break (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_with_row_3_twice (v, FALSE);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_nonnull (tu_warning (rec->warnings, "row_printed_twice", NULL));

  /* rows 5 and 6 print zeros alone: a break between them repeats nothing */
  int z[ROWS][COLS];
  g_autoptr (GString) t = table_start (z, 1);
  static const int zeros[COLS] = { 0 };
  table_set_outcome_row (z, 5, zeros);
  table_set_outcome_row (z, 6, zeros);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (t, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (t, z[r][c]);
      if (r == 5)
        append_page_break (t, 3);
    }
  g_autoptr (GkRecord) rec2 = read_and_assert (t, z);
  g_assert_null (tu_warning (rec2->warnings, "row_printed_twice", NULL));
}

/* The same, the next page opening on the second copy with nothing before
 * it (no page number, no header, the label's rest printed elsewhere): a
 * page's first numbers printed exactly as the last page's last are the
 * same row.  Two rows printing the same numbers across such a break,
 * where the stream holds no more numbers than cells, are two rows. */
static void
test_row_printed_twice_at_a_bare_page_head (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_with_row_3_twice (v, TRUE);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_nonnull (tu_warning (rec->warnings, "row_printed_twice", NULL));

  int z[ROWS][COLS];
  g_autoptr (GString) t = table_start (z, 1);
  table_set_outcome_row (z, 4, z[3]);
  for (int r = 0; r < ROWS; r++)
    {
      if (r == 4)
        g_string_append (t, "\f");
      else
        g_string_append_printf (t, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (t, z[r][c]);
      if (r == 4)
        g_string_append_printf (t, "%s\n", labels[r]);
    }
  g_autoptr (GkRecord) rec2 = read_text (t);
  g_assert_null (tu_warning (rec2->warnings, "row_printed_twice", NULL));
  assert_rows_right_or_null (rec2, z, 0, ROWS);
}

/* Table 三 row after row as a Qt WebKit PDF leaves it in pdftotext's
 * default mode: the first row's total printed far below it, after the
 * group label 三、本年度办理结果 set vertically beside the outcome rows (a
 * character a line); the two rows of （三）'s first pair under a block of
 * their labels.  Row twice (-1: none) is clipped at a page's foot and
 * printed again whole at the next page's head: the clipped copy, then
 * its label, the break, the row again.  Where twice is the row before
 * the group label, the page ends after that label and the total, the
 * labels of that row and the next beside them, a block. */
static void
append_first_total_apart (GString *s, int v[ROWS][COLS], int twice)
{
  enum { GROUP_AT = 11 };
  g_string_append_printf (s, "%s\n", labels[0]);
  for (int c = 0; c < COLS - 1; c++)
    append_cell (s, v[0][c]);
  for (int r = 1; r < ROWS; r++)
    {
      if (r == 7)
        g_string_append (s, "（三）不予 4.保护第三方合法权益\n公开\n5.属于三类内部事务信息\n\n");
      else if (r == GROUP_AT && twice != GROUP_AT - 1)
        g_string_append_printf (s, "三\n、\n本\n年\n度\n办\n理\n结\n果\n\n%d\n\n%s\n", v[0][COLS - 1], labels[r]);
      else if (r != 8 && r != twice)
        g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r == twice && r == GROUP_AT - 1)
        g_string_append_printf (s, "三\n、\n本\n年\n度\n办\n理\n结\n果\n%s\n%s\n\n%d\n\n- %d -\n\f%s\n", labels[r],
                                labels[r + 1], v[0][COLS - 1], r, labels[r]);
      else if (r == twice)
        g_string_append_printf (s, "%s\n- %d -\n\f", labels[r], r);
      if (r == twice)
        for (int c = 0; c < COLS; c++)
          append_cell (s, v[r][c]);
    }
}

static GString *
table_first_total_apart (int v[ROWS][COLS], int seed, int twice)
{
  GString *s = table_start (v, seed);
  append_first_total_apart (s, v, twice);
  return s;
}

/* The first row's total printed far below its row (a tall label's cell
 * beside the rows between): the row is read without it, and the one
 * number left out fills it where the row's identities then hold. */
static void
test_first_row_total_after_a_group_label (void)
{
  int v[ROWS][COLS];
  for (int seed = 1; seed <= 3; seed++)
    {
      g_autoptr (GString) s = table_first_total_apart (v, seed, -1);
      g_autoptr (GkRecord) rec = read_and_assert (s, v);
    }
}

/* The same where most rows are zeros: many placements read them alike,
 * and the one that reads the first row a cell off (its misprints seen
 * only once the table is placed) is not the table's. */
static void
test_first_row_total_apart_among_zeros (void)
{
  int v[ROWS][COLS];
  for (int seed = 1; seed <= 3; seed++)
    {
      consistent_table (v, seed);
      for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
        for (int c = 0; c < COLS - 1; c++)
          if ((r + seed) % 4 != 0)
            v[r][c] = 0;
      memset (v[CARRIED], 0, sizeof v[CARRIED]);
      memset (v[FORWARD], 0, sizeof v[FORWARD]);
      table_add_up (v);
      g_autoptr (GString) s = g_string_new (NULL);
      append_header (s);
      append_first_total_apart (s, v, -1);
      g_autoptr (GkRecord) rec = read_and_assert (s, v);
    }
}

/* A row clipped at a page's foot, its label printed after the clipped
 * copy, and printed again at the next page's head: one row. */
static void
test_row_printed_twice_label_at_the_foot (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_first_total_apart (v, 2, 16);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_nonnull (tu_warning (rec->warnings, "row_printed_twice", NULL));
}

/* The clipped copy of a row printed twice may have, after it at the
 * page's foot, a number set beside a block of labels (the first row's
 * total beside the group label): the copies are still compared. */
static void
test_row_printed_twice_before_a_number_apart (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_first_total_apart (v, 3, 10);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_nonnull (tu_warning (rec->warnings, "row_printed_twice", NULL));
}

/* The label column printed first (a word processor's table flows by column),
 * then every number, row by row, with a page break among them. */
static void
test_labels_then_numbers (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 2);
  append_labels (s);
  for (int r = 0; r < ROWS; r++)
    {
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r == 9)
        append_page_break (s, 4);
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Pairs of rows printed column by column (a browser sets two rows whose
 * labels are taller than their cells side by side), one pair cut by a page
 * break; the other rows row by row. */
static void
test_column_major_pairs_over_page_break (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 3);
  for (int r = 0; r < ROWS; r++)
    {
      gboolean pair = r == NEW || r == 6 || r == PROCESSED;
      g_string_append_printf (s, "%s\n", labels[r]);
      if (pair)
        g_string_append_printf (s, "%s\n", labels[r + 1]);
      for (int c = 0; c < COLS; c++)
        {
          append_cell (s, v[r][c]);
          if (pair)
            append_cell (s, v[r + 1][c]);
          if (pair && r == 6 && c == 3)
            append_page_break (s, 3);
        }
      r += pair;
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* A wide band: eleven rows printed column by column, each column one run of
 * lines (no blank line between them). */
static void
test_column_runs (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 4);
  append_labels (s);
  for (int r = 0; r < ROWS;)
    {
      int k = r == 9 ? 11 : 1;
      for (int c = 0; c < COLS; c++)
        {
          for (int q = 0; q < k; q++)
            g_string_append_printf (s, "%d\n", v[r + q][c]);
          g_string_append (s, "\n");
        }
      r += k;
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Strips: the first two columns of two rows, then their next four, then
 * their totals. */
static void
test_strips (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 5);
  static const int strips[][2] = { { 0, 2 }, { 2, 6 }, { 6, 7 } };
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      if (r != NEW)
        {
          for (int c = 0; c < COLS; c++)
            append_cell (s, v[r][c]);
          continue;
        }
      g_string_append_printf (s, "%s\n", labels[r + 1]);
      for (guint g = 0; g < G_N_ELEMENTS (strips); g++)
        for (int q = 0; q < 2; q++)
          for (int c = strips[g][0]; c < strips[g][1]; c++)
            append_cell (s, v[r + q][c]);
      r++;
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The first two rows in strips of columns, and two published errors that
 * keep the row total (last year's two first figures swapped): too many
 * placements cost about as much to walk them all, yet of the placements
 * the layout alone makes cheapest, one explains the sums with the fewest
 * errors, and the errors stay as printed. */
static void
test_strips_with_two_misprints (void)
{
  /* a year of few applications: most outcome rows are zeros */
  int v[ROWS][COLS] = { { 0 } };
  static const int parts[][3] = { { 2, 11, 1 }, { 3, 4, 1 }, { 5, 1, 0 }, { 7, 2, 0 }, { 11, 0, 1 }, { 13, 1, 0 }, { 16, 3, 0 } };
  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    for (int c = 0; c < 2; c++)
      {
        v[parts[k][0]][c] = parts[k][1 + c];
        v[PROCESSED][c] += parts[k][1 + c];
      }
  v[FORWARD][0] = 3, v[FORWARD][1] = 1;
  v[CARRIED][0] = 2, v[CARRIED][1] = 1;
  for (int c = 0; c < 2; c++)
    v[NEW][c] = v[PROCESSED][c] + v[FORWARD][c] - v[CARRIED][c];
  v[CARRIED][0] = 1, v[CARRIED][1] = 2;
  for (int r = 0; r < ROWS; r++)
    v[r][COLS - 1] = v[r][0] + v[r][1];
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  /* the first two columns row by row, each row after its label; then the
   * next two columns of both rows as one block of four lines, the fifth
   * column, the last two columns row by row */
  for (int q = 0; q < 2; q++)
    {
      g_string_append_printf (s, "%s\n\n", labels[q]);
      append_cell (s, v[q][0]);
      append_cell (s, v[q][1]);
    }
  g_string_append_printf (s, "%d\n%d\n%d\n%d\n\n", v[0][2], v[0][3], v[1][2], v[1][3]);
  append_cell (s, v[0][4]);
  append_cell (s, v[1][4]);
  for (int q = 0; q < 2; q++)
    for (int c = 5; c < COLS; c++)
      append_cell (s, v[q][c]);
  for (int r = 2; r < PROCESSED; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  /* the last two rows column by column, each column's pair on two lines */
  g_string_append_printf (s, "%s\n%s\n", labels[PROCESSED], labels[FORWARD]);
  for (int c = 0; c < COLS; c++)
    g_string_append_printf (s, "%d\n%d\n\n", v[PROCESSED][c], v[FORWARD][c]);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.natural_person"), ==, "fail");
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.commercial"), ==, "fail");
}

/* A misprinted part (its row total summed from it) breaks the column sums:
 * the decoder keeps the printed layout and the checks fail, instead of
 * moving numbers until the sums agree. */
static void
test_misprint_not_explained_away (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 6);
  v[17][1] += 3;   /* 3.要求提供公开出版物, 商业企业 */
  v[17][6] += 3;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_cmpstr (tu_check_status (rec, "applications.outcomes_sum.commercial"), ==, "fail");
  g_assert_cmpstr (tu_check_status (rec, "applications.outcomes_sum.total"), ==, "fail");
}

/* A stray number between the cells of a row (a page number pdftotext set
 * among them) is dropped, not read into the next cell. */
static void
test_stray_inside_row (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 7);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        {
          append_cell (s, v[r][c]);
          if (r == 14 && c == 2)
            append_cell (s, 4);
        }
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_nonnull (tu_warning (rec->warnings, "stray_number", NULL));
}


/* Table 四 printed whole with a number that is no cell among its cells
 * (text of the page's margin in the flow) and a group that does not add
 * up.  The cheapest placement leaves the number out and takes the group
 * for a misprint; but the number may as well be a cell of the groups it
 * was left out between, the rest shifted past it: those groups and the
 * one that breaks are not read, the group far from both is. */
static void
test_misprint_beside_a_number_left_out (void)
{
  g_autoptr (GString) s = table4_start ();
  for (const int *t = (const int[]){ 4, 1, 1, 3, 9, 8, 0, 1, 1, 0, 3, 0, 0, 2, 1, 3, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_cmpint (gk_record_get (rec, "appeals.review.total")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_direct.total")->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.total", 3));
}

/* A table of zeros: any placement gives the same values, which are certain. */
static void
test_table_of_zeros (void)
{
  int v[ROWS][COLS] = { { 0 } };
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  for (int n = 0; n < ROWS * COLS; n++)
    g_string_append (s, n % 3 ? "0 " : "0\n");
  g_string_append (s, "\n");
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Blank cells for zero: a row prints only its non-zero cells, on its label's
 * line.  A row whose printed numbers are all 0 is zeros; a row "2 2" adds up
 * with the 2 in any part column, so only its total is read; a row whose
 * numbers fit no placement is not read at all. */
static void
test_blank_zero_rows (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      const char *cells = r == NEW ? "2 2" : r == 5 ? "0" : r == 8 ? "5 1"
                          : r == 10 ? "\n21\n3\n13\n4\n24\n1\n18" : "";
      g_string_append_printf (s, "%s %s\n", labels[r], cells);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 2));
  g_assert_cmpint (gk_record_get (rec, "applications.new_received.natural_person")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
  for (int c = 0; c < COLS; c++)
    {
      g_autofree char *key = g_strdup_printf ("applications.withheld_prohibited_by_law.%s", col_keys[c]);
      g_assert_true (tu_int_is (rec, key, 0));
    }
  /* seven numbers from seven lines that do not add up: other rows' numbers
   * among them, not a row */
  g_assert_cmpint (gk_record_get (rec, "applications.withheld_enforcement_files.total")->kind, ==, GK_VALUE_NULL);
  /* 5 and 1 add up in no order: the row is not read */
  g_assert_cmpint (gk_record_get (rec, "applications.withheld_internal_affairs.total")->kind, ==, GK_VALUE_NULL);
}

/* A blank-zero table whose printed cells are all 0, scattered among the
 * labels and a label block with fewer numbers than it has rows: wherever
 * each 0 sat, every other cell was blank, so every cell is 0. */
static void
test_blank_zero_all_zero (void)
{
  int v[ROWS][COLS] = { { 0 } };
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 6; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "0\n\n0\n\n");
  for (int r = 6; r < ROWS; r++)
    g_string_append_printf (s, "%s%s\n", labels[r], r % 7 == 3 ? " 0" : "");
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* The same table of zeros cut off inside it (a crawler's copy that ends
 * there): the rows its text names and went past (on to another label
 * after a number), even by a wrapped label's head or a label run over two
 * lines, are zeros; the row it stops in (4.保护第三方合法权 0: its other
 * cells may be cut off) and the rows after, never printed, are not read,
 * and the header 总计 names no row (（七）总计). */
static void
test_zero_table_cut_off_reads_the_rows_named (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 6; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "0\n\n0\n\n3.危及“三安全一\n稳定”\n0\n\n4.保护第三方合法权\n0\n\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        const GkValue *got = gk_record_get (rec, key);
        gboolean null = !got || got->kind == GK_VALUE_NULL;
        if (r <= 6 ? !tu_int_is (rec, key, 0) : !null)
          g_error ("%s: want %s", key, r <= 6 ? "0" : "null");
      }
}

/* Table 四 with blank cells for zero: its three groups print only their
 * non-zero cells, one stream with no label between the groups.  Only one
 * split of the stream lets every group add up (parts, then the total), so
 * each total is read; where a part sat among the blanks is not known. */
static void
test_blank_zero_groups_in_order (void)
{
  g_autoptr (GkRecord) rec = read_table4_stream ((const char *const[]){ "3", "5", "8", "6", "1", "7", "2", "2", NULL });
  g_assert_true (tu_int_is (rec, "appeals.review.total", 8));
  g_assert_true (tu_int_is (rec, "appeals.litigation_direct.total", 7));
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.total", 2));
  g_assert_cmpint (gk_record_get (rec, "appeals.review.upheld")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_after_review.pending")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四 with blank cells for zero, one group's parts and total printed,
 * the other two groups' totals printed 0.  Each group's numbers may shift
 * to the next group (all blank, its total too, before them), but a report
 * that leaves its zeros blank still prints every total: the one placement
 * that prints all three puts 8 in the review's total and the 0s in the
 * litigation totals, so the totals and the litigation groups are read;
 * where the review's two 4s sat among its parts is not known. */
static void
test_blank_zero_groups_print_their_totals (void)
{
  g_autoptr (GkRecord) rec = read_table4_stream ((const char *const[]){ "4", "4", "8", "0", "0", NULL });
  g_assert_true (tu_int_is (rec, "appeals.review.total", 8));
  assert_appeals_group (rec, "litigation_direct", (const int[]){ 0, 0, 0, 0, 0 });
  assert_appeals_group (rec, "litigation_after_review", (const int[]){ 0, 0, 0, 0, 0 });
  g_assert_cmpint (gk_record_get (rec, "appeals.review.upheld")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四 with blank cells for zero that prints a 0 among a group's other
 * figures (1 2 0 1 4: 其他结果 printed 0): its zeros are printed as it likes,
 * so nothing says its groups print their totals.  The five figures may be
 * the review's (the 0s after them the litigation totals) or the first
 * litigation group's (the review blank, total too): neither is read. */
static void
test_blank_zero_group_printing_a_zero_part (void)
{
  g_autoptr (GkRecord) rec = read_table4_stream ((const char *const[]){ "1", "2", "0", "1", "4", "0", "0", NULL });
  g_assert_cmpint (gk_record_get (rec, "appeals.review.total")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.review.upheld")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_direct.total")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
  /* the same figures with the 0 left blank: the zeros after them can only
   * be totals, so every group prints its total and the review holds them */
  g_autoptr (GkRecord) totals = read_table4_stream ((const char *const[]){ "1", "2", "1", "4", "0", "0", NULL });
  g_assert_true (tu_int_is (totals, "appeals.review.total", 4));
  assert_appeals_group (totals, "litigation_direct", (const int[]){ 0, 0, 0, 0, 0 });
}

/* Table 四 with blank cells for zero and two numbers only, a part and its
 * total: at most one total is printed, and it may be any group's, so no
 * cell of the table is read. */
static void
test_blank_zero_group_anywhere (void)
{
  g_autoptr (GkRecord) rec = read_table4_stream ((const char *const[]){ "3", "3", NULL });
  g_assert_cmpint (gk_record_get (rec, "appeals.review.total")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_direct.total")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_after_review.total")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四 with blank cells for zero, the two litigation groups printed
 * side by side: their parts first (a blank in each), then their totals
 * (the totals column read after both).  Read row by row no split adds up;
 * read as a run with its totals after its parts, the review and both
 * totals are certain, where each blank sat among the parts is not. */
static void
test_blank_zero_groups_totals_after_parts (void)
{
  g_autoptr (GkRecord) rec = read_table4_stream (
    (const char *const[]){ "4", "4", "4", "3", "15", "2", "2", "1", "3", "2", "1", "5", "6", NULL });
  assert_appeals_group (rec, "review", (const int[]){ 4, 4, 4, 3, 15 });
  g_assert_true (tu_int_is (rec, "appeals.litigation_direct.total", 5));
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.total", 6));
  g_assert_cmpint (gk_record_get (rec, "appeals.litigation_direct.upheld")->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Blank cells for zero, rows placed by their labels: the first row's total
 * printed after a block of the next rows' labels, with those rows' numbers
 * (a label block), and a row "1 1 2" whose columns no row identity tells.
 * The block's numbers split among its rows one way only keeps each row's
 * identity and the balance of the total column; the columns of every part
 * are the only ones that keep every column's balance and outcome sum with
 * 三（七）, printed whole. */
static void
test_blank_zero_rows_joined_by_identities (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { NOT_HELD = 12 };
  v[NEW][0] = 5, v[NEW][1] = 1, v[NEW][COLS - 1] = 6;
  v[FIRST_OUTCOME][0] = v[FIRST_OUTCOME][COLS - 1] = 4;
  v[NOT_HELD][0] = v[NOT_HELD][1] = 1, v[NOT_HELD][COLS - 1] = 2;
  memcpy (v[PROCESSED], v[NEW], sizeof v[NEW]);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  for (const int *t = (const int[]){ 5, 1, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  for (int r = CARRIED; r <= 3; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  for (const int *t = (const int[]){ 6, 0, 4, 4, 0, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  for (int r = 4; r <= LAST_OUTCOME; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      if (r == NOT_HELD)
        for (const int *t = (const int[]){ 1, 1, 2, -1 }; *t >= 0; t++)
          append_cell (s, *t);
      else
        append_cell (s, 0);
    }
  g_string_append_printf (s, "%s\n5 1 0 0 0 0 6\n\n%s\n", labels[PROCESSED], labels[FORWARD]);
  append_cell (s, 0);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_table (rec, v);
}

/* Table v, blank cells for zero, each row's numbers after its label, its
 * totals and every cell of （七）总计 printed; row moved's total printed
 * with row at instead, right after its label or after its numbers. */
static GString *
blank_zero_total_moved (int v[ROWS][COLS], int moved, int at, gboolean after_label)
{
  GString *s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      if (r == at && after_label)
        append_cell (s, v[moved][COLS - 1]);
      for (int c = 0; c < COLS; c++)
        if ((v[r][c] || c == COLS - 1 || r == PROCESSED) && !(r == moved && c == COLS - 1))
          append_cell (s, v[r][c]);
      if (r == at && !after_label)
        append_cell (s, v[moved][COLS - 1]);
    }
  return s;
}

/* Blank cells for zero, rows placed by their labels: a row's total printed
 * after the next row's number and the label of the row after (a wrapped
 * label's total column read later).  The row and the one after it break their own
 * identities alone; a span over them and the row between, its numbers in
 * order, holds one way, and with it every column's balance pins the
 * columns of the rows above.  Whether the last two numbers were the row
 * between's or the row after's is not known: those rows are right or
 * null. */
static void
test_blank_zero_total_after_next_row (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { NOT_HELD = 12, NEEDS_CREATION = 13, UNCLEAR = 14 };
  v[FIRST_OUTCOME][0] = 4;
  v[NOT_HELD][0] = 3, v[NOT_HELD][1] = 1;
  v[UNCLEAR][0] = 1;
  table_add_up (v);
  g_autoptr (GString) s = blank_zero_total_moved (v, NOT_HELD, UNCLEAR, TRUE);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, 0, NEEDS_CREATION);
  assert_rows_right_or_null (rec, v, NEEDS_CREATION, UNCLEAR + 1);
  assert_rows (rec, v, UNCLEAR + 1, ROWS);
}

/* Blank cells for zero, every total printed (rows of zeros print a lone 0
 * beside their labels): a row and the next printed as a band, the row's
 * total after the next row's numbers (their labels taller than their
 * cells).  No split in order keeps the rows' identities; split as a band,
 * each row's numbers in order and ending with its total, one does, and
 * （七）总计 pins their columns. */
static void
test_blank_zero_rows_printed_as_a_band (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { NOT_HELD = 12, NEEDS_CREATION = 13 };
  v[FIRST_OUTCOME][0] = 5;
  v[NOT_HELD][0] = 2, v[NOT_HELD][4] = 3;
  v[NEEDS_CREATION][5] = 1;
  table_add_up (v);
  g_autoptr (GString) s = blank_zero_total_moved (v, NOT_HELD, NEEDS_CREATION, FALSE);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_table (rec, v);
}

/* Blank cells for zero, every total printed: the labels of 上年结转,
 * 予以公开 and 部分公开 printed as a block, then their numbers after the
 * total of 本年新收, 部分公开's first among 予以公开's (a total after the
 * next row's numbers: the three rows are read as a band).  Split the other
 * way round, 部分公开 taking the first four numbers and 予以公开 three after
 * them, the columns' sums hold alike (the ones in 商业企业 and 其他 trade
 * places).  But a row's numbers never start before the row above's:
 * 予以公开 and 部分公开 are read, every cell the identities pin. */
static void
test_blank_zero_band_rows_in_order (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { GRANTED = 2, PARTLY = 3 };
  v[GRANTED][0] = 14, v[GRANTED][1] = 1, v[GRANTED][5] = 4;
  v[PARTLY][0] = 4, v[PARTLY][5] = 1;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  for (int c = 0; c < COLS - 1; c++)
    if (v[NEW][c])
      append_cell (s, v[NEW][c]);
  for (int r = CARRIED; r <= PARTLY; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "\n");
  int stream[] = { v[NEW][COLS - 1], v[CARRIED][COLS - 1], v[GRANTED][0], v[GRANTED][1], v[GRANTED][5],
                   v[PARTLY][0], v[GRANTED][COLS - 1], v[PARTLY][5], v[PARTLY][COLS - 1] };
  for (guint i = 0; i < G_N_ELEMENTS (stream); i++)
    append_cell (s, stream[i]);
  for (int r = PARTLY + 1; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c] || c == COLS - 1 || r == PROCESSED)
          append_cell (s, v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  const int pinned[] = { 0, 5, COLS - 1 };   /* 自然人, 其他, 总计 */
  for (int r = GRANTED; r <= PARTLY; r++)
    for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
      {
        int c = pinned[k];
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        if (!tu_int_is (rec, key, v[r][c]))
          g_error ("%s: want %d", key, v[r][c]);
      }
  assert_rows (rec, v, PARTLY + 1, ROWS);
}

/* A page narrower than table 三 (blank cells and dashes for zero alike):
 * its rows print their first five columns beside their labels, each cell
 * on a line, a zero as "—" (or, a row in four, left blank); row short
 * prints its first four cells as numbers and leaves its fifth blank; the
 * 其他 and 总计 columns of rows [0, cut) come after them as strips under
 * their headers alone, then rows [cut, ROWS) alike, their strips not
 * printed (lost with the next section).  printed: per row, the cells it
 * printed. */
static GkRecord *
read_strip_table (int v[ROWS][COLS], int printed[ROWS], int short_row, int cut)
{
  /* table 二 of the 2021 form, whose template table 三 follows */
  g_autoptr (GString) s = g_string_new (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 3\n"
    "行政规范性文件 11 5 81\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 45652\n"
    "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 67\n行政强制 2\n第二十条第（八）项\n"
    "信息内容 本年收费金额（单位：万元）\n行政事业性收费 0\n\n"
    "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n");
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      printed[r] = 0;
      for (int c = 0; c < 5; c++)
        if (r == short_row ? c < 4 : r % 4 != 1 || v[r][c])
          {
            g_string_append_printf (s, v[r][c] || r == short_row ? "%d\n" : "—\n", v[r][c]);
            printed[r]++;
          }
      if (r + 1 != cut)
        continue;
      g_string_append (s, "\n- 2 -\n\n其他\n");
      for (int q = 0; q < cut; q++)
        if (v[q][5])
          g_string_append_printf (s, "%d\n", v[q][5]);
      g_string_append (s, "\n总计\n");
      for (int q = 0; q < cut; q++)
        g_string_append_printf (s, "%d\n", v[q][COLS - 1]);
      g_string_append (s, "\f申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n");
    }
  return read_text (s);
}

/* A row that prints five cells fills the five columns its page shows,
 * dashes included; the strips' numbers, blanks among them, are placed
 * nowhere by that. */
static void
test_rows_filling_their_strip_before_the_last_columns (void)
{
  int v[ROWS][COLS], printed[ROWS];
  consistent_table (v, 3);
  g_autoptr (GkRecord) rec = read_strip_table (v, printed, -1, ROWS);
  /* (a row after one that printed nothing may be either's: not asked) */
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < 5 && printed[r] == 5 && (r == 0 || printed[r - 1]); c++)
      assert_column (rec, v, c, r, r + 1);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* A row of the strip printing fewer numbers than its columns, "2 0 0 0":
 * the 2 sat in the first or second column, but every way of laying the
 * four numbers in order in five columns leaves 0 in the last three. */
static void
test_row_short_of_its_strip_reads_what_every_placement_gives (void)
{
  enum { ROW = 6 };
  int v[ROWS][COLS], printed[ROWS];
  consistent_table (v, 3);
  memset (v[ROW], 0, sizeof v[ROW]);
  v[ROW][0] = 2;
  table_add_up (v);
  g_autoptr (GkRecord) rec = read_strip_table (v, printed, ROW, ROWS);
  for (int c = 2; c < 5; c++)
    assert_column (rec, v, c, ROW, ROW + 1);
  for (int c = 0; c < 2; c++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[ROW], col_keys[c]);
      g_assert_cmpint (gk_record_get (rec, key)->kind, ==, GK_VALUE_NULL);
    }
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* The rows of the next page printed alike, their strips lost with the
 * next section: cut at the same column (the page as wide), a row whose
 * five numbers no reading of all seven columns keeps adding up (nor all
 * 0) fills the first five. */
static void
test_rows_after_the_last_strip_cut_alike (void)
{
  enum { CUT = 20 };
  int v[ROWS][COLS], printed[ROWS];
  consistent_table (v, 3);
  g_autoptr (GkRecord) rec = read_strip_table (v, printed, -1, CUT);
  int read = 0;
  for (int r = CUT; r < ROWS; r++)
    {
      int parts = v[r][0] + v[r][1] + v[r][2] + v[r][3];
      if (printed[r] != 5 || (v[r][4] && parts == v[r][4]))
        continue;
      for (int c = 0; c < 5; c++)
        assert_column (rec, v, c, r, r + 1);
      read++;
    }
  g_assert_cmpint (read, >=, 3);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* Table 三 with blank cells for zero (its values in v): the first row's
 * total and the numbers of the next four rows after a block of their
 * labels, more numbers than a row holds; row `gone` printed with no label
 * nor number (a form that lacks it). */
static GkRecord *
read_label_block_part_filled (int v[ROWS][COLS], int gone)
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  v[NEW][1] = v[NEW][COLS - 1] = 5;
  v[FIRST_OUTCOME][1] = v[FIRST_OUTCOME][COLS - 1] = 3;
  v[FIRST_OUTCOME + 1][1] = v[FIRST_OUTCOME + 1][COLS - 1] = 2;
  memcpy (v[PROCESSED], v[NEW], sizeof v[NEW]);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  append_cell (s, 5);
  for (int r = CARRIED; r <= 4; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  for (const int *t = (const int[]){ 5, 0, 3, 3, 2, 2, 0, 0, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  for (int r = 5; r <= LAST_OUTCOME; r++)
    {
      if (r == gone)
        continue;
      g_string_append_printf (s, "%s\n", labels[r]);
      append_cell (s, 0);
    }
  g_string_append_printf (s, "%s\n0 5 0 0 0 0 5\n\n%s\n", labels[PROCESSED], labels[FORWARD]);
  append_cell (s, 0);
  return read_text (s);
}

/* The labels fill the block's rows a row's worth each and leave the block
 * part-filled, which no row of it can be read from alone.  Split among
 * the rows every way in order, the numbers keep every identity one way
 * only. */
static void
test_blank_zero_label_block_part_filled (void)
{
  int v[ROWS][COLS];
  g_autoptr (GkRecord) rec = read_label_block_part_filled (v, ROWS);
  assert_table (rec, v);
}

/* The same with a row the text never names after the block: it is no
 * blank row (the numbers may be its own), and the block's split, which
 * would fill it, is not made. */
static void
test_blank_zero_rows_never_named_are_not_blank (void)
{
  int v[ROWS][COLS];
  g_autoptr (GkRecord) rec = read_label_block_part_filled (v, 5);
  for (int r = 0; r <= 5; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        GkValue *got = gk_record_get (rec, key);
        if (r >= 5 ? got->kind != GK_VALUE_NULL : got->kind != GK_VALUE_NULL && !tu_int_is (rec, key, v[r][c]))
          g_error ("%s: a row the text never names read", key);
      }
  g_assert_true (tu_int_is (rec, "applications.processed_total.total", 5));
}

/* Blank cells for zero, and a wrapped label whose numbers sit between its
 * head and the rest of it (a tall row's numbers beside its first line): the
 * head, from its ordinal on, begins one row's label only, so the numbers
 * are that row's and not more of the row before. */
static void
test_blank_zero_label_wrapped_around_numbers (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 4; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  /* the first row's numbers begin beside its label (after the blank rows'
   * labels, numbers on lines of their own may be any of those rows') */
  g_string_append (s, "（三）不予 1.属于国家秘密 4\n\n4\n\n公开 2.其他法律行政\n3\n\n3\n\n法规禁止公开\n");
  for (int r = 6; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.withheld_state_secret.total", 4));
  g_assert_true (tu_int_is (rec, "applications.withheld_prohibited_by_law.total", 3));
  /* which part column held the 3 is not known */
  g_assert_cmpint (gk_record_get (rec, "applications.withheld_prohibited_by_law.natural_person")->kind, ==, GK_VALUE_NULL);
}

/* Blank cells for zero, and a wrapped label whose lines a group label
 * printed down beside them breaks (其他, 处理 of （六）其他处理 before the
 * label's second and third lines): its head still begins that one row's
 * label, and the numbers beside it are that row's. */
static void
test_blank_zero_label_broken_by_a_group_label (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 21; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "（六） 2.申请人逾期未按收\n其他 费通知要求缴纳费\n处理 用、行政机关不再处 5\n\n5\n"
                      "理其政府信息公开申\n请\n");
  for (int r = 22; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.other_handling_overdue_fee.total", 5));
  g_assert_false (tu_int_is (rec, "applications.other_handling_misc.total", 5));
}

/* Blank cells for zero, and tall rows whose labels wrap around their
 * numbers: each row's numbers printed beside its label's first line, the
 * rest of the label after them, a group heading's fragment beside one.
 * The rest of a label names its own row again, but it is not a new
 * naming: the next numbers are the next row's.  After the labels of rows
 * printed blank, the head of a label is the row the numbers are beside. */
static void
test_blank_zero_label_tails_name_no_row (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 16; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "3.要求提供公\n（五 1 0 0 0 0 0 1\n开出版物\n）不\n"
                      "予处 4.无正当理由\n2 0 0 0 0 0 2\n理 大量反复申请\n"
                      "5.要求行政机关确认或重新出\n1 0 0 0 0 0 1\n具已获取信息\n"
                      "（六）其他处理\n3 0 0 0 0 0 3\n");
  for (int r = PROCESSED; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.not_processed_publication.natural_person", 1));
  g_assert_true (tu_int_is (rec, "applications.not_processed_publication.total", 1));
  g_assert_true (tu_int_is (rec, "applications.not_processed_excessive.natural_person", 2));
  g_assert_true (tu_int_is (rec, "applications.not_processed_excessive.total", 2));
  g_assert_true (tu_int_is (rec, "applications.not_processed_reconfirmation.natural_person", 1));
  g_assert_true (tu_int_is (rec, "applications.not_processed_reconfirmation.total", 1));
  /* the older form's single row: the report is read on that form */
  g_assert_true (tu_int_is (rec, "applications.other_handling.total", 3));
  /* the numbers after the blank rows' labels are not the blank rows' */
  g_assert_false (tu_int_is (rec, "applications.not_processed_petition.total", 1));
}

/* Blank cells for zero; a wrapped label's rest after its row's numbers,
 * then a row the template does not have (a breakdown the report adds):
 * its label names no row, so its numbers fill none, and the full row
 * before it stays as read (the rest of the label is no new naming). */
static void
test_blank_zero_row_the_grid_lacks (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 19; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "5.要求行政机关 1 0 0 0 0 0 1\n确认或重新出\n具已获取信息\n其中：网上申请\n3 0 0 0 0 0 3\n");
  for (int r = 20; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.not_processed_reconfirmation.natural_person", 1));
  g_assert_true (tu_int_is (rec, "applications.not_processed_reconfirmation.total", 1));
  g_assert_false (tu_int_is (rec, "applications.other_handling_overdue_correction.total", 3));
}

/* Blank cells for zero: the labels of two rows of one block printed
 * together, each on a line of its own, then a row's worth of numbers (a
 * label column's text block, the numbers after it).  They are the numbers
 * of either row, the other printed blank (the outcome sums read alike):
 * neither row is read, and the rows after them still are.  The last
 * label's rest printed after the numbers (wrapped around them) makes them
 * its row's. */
static void
test_blank_zero_numbers_after_two_labels (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 7; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append_printf (s, "（三）不 %s\n予公开 %s\n\n4\n\n0\n\n4\n\n", labels[7], labels[8]);
  g_string_append_printf (s, "%s 2 2\n", labels[9]);
  /* the second label wrapped around the numbers, its rest after them */
  g_string_append_printf (s, "%s\n8.属于行政查询\n\n3\n\n3\n\n事项\n", labels[10]);
  for (int r = 12; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_cmpint (gk_record_get (rec, "applications.withheld_third_party.total")->kind, ==, GK_VALUE_NULL);
  g_assert_cmpint (gk_record_get (rec, "applications.withheld_internal_affairs.total")->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_int_is (rec, "applications.withheld_process_info.total", 2));
  g_assert_true (tu_int_is (rec, "applications.withheld_administrative_query.total", 3));
}


/* Blank cells for zero, and the column 其他 printed apart after the rows
 * beside their labels, its header above its numbers: the header names no
 * row, though the label of row （六）3.其他 ends in the same word, so that
 * row (its label lost) is not read as them. */
static void
test_blank_zero_column_header_names_no_row (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r <= 21; r++)
    g_string_append_printf (s, "%s%s\n", labels[r], r == 21 ? " 5 5" : "");
  g_string_append (s, "其他\n3\n\n3\n\n");
  for (int r = PROCESSED; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_autoptr (GkRecord) rec = read_text (s);
  const GkValue *total = gk_record_get (rec, "applications.other_handling_misc.total");
  g_assert_true (!total || !tu_int_is (rec, "applications.other_handling_misc.total", 3));
}

/* Rows [r0, r1) of table v with blank cells for zero, each row's part cells
 * printed after its label a line each, its total not. */
static void
append_parts_after_labels (GString *s, int v[ROWS][COLS], int r0, int r1)
{
  for (int r = r0; r < r1; r++)
    {
      g_string_append_printf (s, "%s\n\n", labels[r]);
      for (int c = 0; c < COLS - 1; c++)
        if (v[r][c])
          append_cell (s, v[r][c]);
    }
}

/* A table of blank cells for zero, its rows [0, strip) printed in part
 * (append_parts_after_labels), their totals column apart after the page's
 * foot under its header (a browser's page narrower than the table), row
 * 12's total misprinted by `misprint`; the rows after it on the next page
 * under the header repeated, their totals printed nowhere. */
static GString *
blank_zero_totals_apart (int v[ROWS][COLS], int misprint, int strip)
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
    v[r][0] = r % 3 + 1;
  v[4][0] = v[4][1] = 1;           /* "1 1": adds up as a part and its total */
  v[9][0] = 3;
  v[12][0] = 6, v[12][4] = 2;
  v[16][1] = 1;
  v[5][2] = v[7][3] = v[9][5] = 1;   /* every column of 三（七） printed */
  v[CARRIED][0] = 1, v[FORWARD][0] = 2;
  table_add_up (v);
  GString *s = g_string_new (NULL);
  append_header (s);
  append_parts_after_labels (s, v, 0, strip);
  g_string_append (s, "- 2 -\n\n总计\n");
  for (int r = 0; r < strip; r++)
    if (v[r][COLS - 1])
      append_cell (s, v[r][COLS - 1] + (r == 12 ? misprint : 0));
  if (strip < ROWS)
    g_string_append (s, "\f申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n");
  append_parts_after_labels (s, v, strip, ROWS);
  return s;
}

/* The strip of totals is each row's total in order (a row prints its total
 * where any cell of it prints, and it is the sum of its printed parts): the
 * totals are read, and the rows the print pins (all their parts printed, or
 * only zeros), nothing wrong. */
static void
test_blank_zero_totals_strip_apart (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = blank_zero_totals_apart (v, 0, ROWS);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  assert_column (rec, v, COLS - 1, 0, ROWS);
}

/* The same table, its last two rows on the next page: rows after the strip
 * print their other columns alone (三（七） every one of them).  Their
 * parts, and the rows printed in part above, are placed by the identities
 * across the rows (each applicant column's outcomes add up to 三（七）, the
 * balance): every first number is read in the natural persons' column, no
 * total is made up. */
static void
test_blank_zero_rows_after_the_totals_strip (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = blank_zero_totals_apart (v, 0, PROCESSED);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  assert_column (rec, v, 0, 0, ROWS);
  for (int r = PROCESSED; r < ROWS; r++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.total", row_keys[r]);
      const GkValue *total = gk_record_get (rec, key);
      g_assert_true (!total || total->kind == GK_VALUE_NULL);
    }
}

/* The same table, the last row before the strip printed beside its
 * label's first line, the label's rest after its numbers: that rest is no
 * header, and the totals' header after it begins the strip all the same. */
static void
test_blank_zero_totals_strip_after_a_wrapped_label (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) whole = blank_zero_totals_apart (v, 0, ROWS);
  g_autoptr (GString) s = g_string_new (NULL);
  enum { LAST = 21 };
  append_header (s);
  append_parts_after_labels (s, v, 0, LAST);
  g_string_append (s, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处");
  for (int c = 0; c < COLS - 1; c++)
    if (v[LAST][c])
      g_string_append_printf (s, " %d\n", v[LAST][c]);
  g_string_append (s, "理其政府信息公开申请\n\n- 2 -\n\n总计\n");
  for (int r = 0; r <= LAST; r++)
    if (v[r][COLS - 1])
      append_cell (s, v[r][COLS - 1]);
  g_string_append (s, "\f申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n");
  append_parts_after_labels (s, v, LAST + 1, ROWS);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  assert_column (rec, v, COLS - 1, 0, LAST + 1);
}

/* The same strip with a total that is not the sum of its row's printed
 * parts: the strip is not the rows' totals as printed, and its numbers
 * may be cells of any row printed in part, so no such row is read, and
 * nothing is read wrong. */
static void
test_blank_zero_strip_apart_leaves_part_rows_unread (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = blank_zero_totals_apart (v, 1, ROWS);
  g_autoptr (GkRecord) rec = read_text (s);
  v[12][COLS - 1]++;
  assert_rows_right_or_null (rec, v, 0, ROWS);
  const GkValue *total = gk_record_get (rec, "applications.withheld_state_secret.total");
  g_assert_true (!total || total->kind == GK_VALUE_NULL);
}

/* Blank cells for zero, each row's first two cells printed after its label
 * a line each, the rest of the table (the other columns' non-zero cells)
 * after the rows, under headers among other text; with swap, two labels
 * printed in each other's place.  Numbers no row took remain: a row
 * printing "0 0" beside its label may have its other cells among them (its
 * 1 under 法律服务机构 and its total), so it is not read as zeros, and
 * nothing is read wrong. */
static void
assert_two_columns_then_the_rest_leave_row_unread (gboolean swap)
{
  int v[ROWS][COLS] = { { 0 } };
  for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
    v[r][0] = r % 3 + 1;
  v[9][0] = 0, v[9][4] = 1;
  v[CARRIED][0] = 1, v[FORWARD][0] = 2;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n");
  for (int q = 0; q < ROWS; q++)
    {
      int r = swap && q == 6 ? 7 : swap && q == 7 ? 6 : q;
      g_string_append_printf (s, "%s\n\n", labels[r]);
      append_cell (s, v[r][0]);
      append_cell (s, v[r][1]);
    }
  g_string_append (s, "科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n申请人情况\n");
  for (int r = 0; r < ROWS; r++)
    for (int c = 2; c < COLS; c++)
      if (v[r][c])
        append_cell (s, v[r][c]);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  g_assert_true (value_is_null (rec, "applications.withheld_process_info.total"));
}

/* The labels swapped do not follow the print. */
static void
test_blank_zero_labels_out_of_order_leave_part_rows_unread (void)
{
  assert_two_columns_then_the_rest_leave_row_unread (TRUE);
}

/* The labels in the table's order: a figure among the numbers left (no
 * 0: a blank is 0 as well) may be a cell of any row named before it. */
static void
test_blank_zero_figures_left_leave_part_rows_unread (void)
{
  assert_two_columns_then_the_rest_leave_row_unread (FALSE);
}

/* A blank-zero table 三 whose first row prints its later columns (科研机构
 * … 其他) apart from the rest: every cell of （一）予以公开, two of another
 * row, and the first row's parts add up to its total. */
static void
first_row_apart_table (int v[ROWS][COLS])
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  int granted[COLS - 1] = { 40, 3, 1, 1, 2, 2 };
  memcpy (v[FIRST_OUTCOME], granted, sizeof granted);
  v[12][0] = 50, v[12][1] = 2;
  v[CARRIED][0] = 1, v[FORWARD][0] = 1;
  table_add_up (v);
}

/* Rows [from, ROWS) each its label, then its non-zero cells a line each. */
static void
append_rows_nonzero_cells (GString *s, int v[ROWS][COLS], int from)
{
  for (int r = from; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c])
          append_cell (s, v[r][c]);
    }
}

/* The first row's cells not printed apart (first_row_apart_table). */
static void
append_first_row_rest (GString *s, int v[ROWS][COLS])
{
  append_cell (s, v[NEW][0]);
  append_cell (s, v[NEW][1]);
  append_cell (s, v[NEW][COLS - 1]);
}

/* first_row_apart_table read from s: nothing wrong, the first row's
 * parts printed apart not read, （一）予以公开 (printed whole) read. */
static void
assert_first_row_apart_read (GString *s, int v[ROWS][COLS])
{
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  g_assert_true (value_is_null (rec, "applications.new_received.research"));
  assert_rows (rec, v, FIRST_OUTCOME, FIRST_OUTCOME + 1);
}

/* first_row_apart_table, the first row's later columns printed under
 * their headers before any label, the rest of it after its label; every
 * other row prints its non-zero cells after its label.  The first row,
 * printed out of order, is read by nothing: not by its totals from the
 * numbers before its label (read in order they add up, wrongly: 1 1 2 2
 * 90 5 101). */
static void
test_blank_zero_numbers_before_any_label_read_by_no_total (void)
{
  int v[ROWS][COLS];
  first_row_apart_table (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int c = 2; c < COLS - 1; c++)
    append_cell (s, v[NEW][c]);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  append_first_row_rest (s, v);
  append_rows_nonzero_cells (s, v, CARRIED);
  assert_first_row_apart_read (s, v);
}

/* first_row_apart_table, its first two labels printed first as a block,
 * then the headers with the first row's later columns each under its own
 * (wrapped: 社会 公益 组织), then the rest of it.  A number under one
 * column's header alone stands in that column: the first row is not read
 * by its totals with it in another. */
static void
test_blank_zero_number_under_its_header_stays_in_its_column (void)
{
  int v[ROWS][COLS];
  first_row_apart_table (v);
  static const char *const headers[] = { "社会\n公益\n组织\n", "法律服务机\n构\n", "其他\n", "总计\n" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n申请人情况\n");
  g_string_append_printf (s, "%s\n%s\n自然人\n商业企业\n科研\n机构\n", labels[NEW], labels[CARRIED]);
  for (int c = 2; c < COLS - 1; c++)
    {
      append_cell (s, v[NEW][c]);
      g_string_append (s, headers[c - 2]);
    }
  append_first_row_rest (s, v);
  append_cell (s, v[CARRIED][0]);
  append_cell (s, v[CARRIED][COLS - 1]);
  append_rows_nonzero_cells (s, v, FIRST_OUTCOME);
  assert_first_row_apart_read (s, v);
}

/* A table printing its zeros, a lone 0 for a row of zeros, whose last
 * rows print only their first columns beside their labels (the rest, 其他
 * and 总计, printed apart and lost): （七）总计 prints 54 0 1 1, 四、结转
 * 1 0 0.  Only one split adds up with a single published error, and it
 * takes 四、结转's 1 into （七）总计, leaving 四、结转 all zeros: a number
 * of the next row's explains a broken identity as well as a misprint, so
 * 四、结转 is not read as zeros. */
static void
test_span_with_a_misprint_keeps_numbers_in_their_labels_rows (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[FIRST_OUTCOME][0] = 28, v[FIRST_OUTCOME][2] = 1, v[FIRST_OUTCOME][4] = 1;
  v[FIRST_OUTCOME + 1][0] = 12, v[FIRST_OUTCOME + 1][5] = 1;
  v[9][0] = 2, v[16][0] = 4, v[20][0] = 2, v[21][0] = 1;
  v[12][0] = 5, v[12][5] = 1;
  v[CARRIED][0] = 1, v[FORWARD][0] = 1;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      gboolean zeros = TRUE;
      for (int c = 0; c < COLS; c++)
        zeros &= v[r][c] == 0;
      g_string_append_printf (s, "%s\n", labels[r]);
      if (r == PROCESSED)
        g_string_append_printf (s, "%d\n0\n%d\n%d\n", v[r][0], v[r][2], v[r][4]);
      else if (r == FORWARD)
        g_string_append_printf (s, "%d\n0\n0\n", v[r][0]);
      else if (r == LAST_OUTCOME)
        g_string_append (s, "0\n0\n");
      else
        for (int c = 0; c < (zeros ? 1 : COLS); c++)
          g_string_append_printf (s, "%d\n", v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  g_assert_true (value_is_null (rec, "applications.carried_forward.natural_person"));
  assert_rows (rec, v, FIRST_OUTCOME, 8);
}

/* A table of zeros printed row by row, each label then its seven cells,
 * the text cut off after three cells of the 13th row (a report goes on
 * after its tables: this one stops inside one).  The rows printed whole
 * are zeros; the 13th row's last four cells were never printed, not blank,
 * and are not read. */
static void
test_table_of_zeros_cut_off_leaves_unprinted_cells_unread (void)
{
  enum { CUT_ROW = 12 };
  int v[ROWS][COLS] = { { 0 } };
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r <= CUT_ROW; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < (r < CUT_ROW ? COLS : 3); c++)
        append_cell (s, 0);
    }
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  assert_rows (rec, v, 0, CUT_ROW);
  for (int c = 3; c < COLS; c++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[CUT_ROW], col_keys[c]);
      if (!value_is_null (rec, key))
        g_error ("%s: read though the text stops before it", key);
    }
}

/* Rows printed whole beside their labels, but for a run of the （五） and
 * （六） rows: 3.要求提供公开出版物 prints nothing, the next three print
 * their natural persons, two zeros and their totals on the line after
 * their labels, and the first row of （六）, tall, is cut by a page break:
 * its numbers at the foot of the page, after 5.要求行政机关确认's, its label
 * on the next page.  Numbers after a page's last label may be those of a
 * row the next page names first, so the reading that shifts every row of
 * the run up one (3.要求提供公开出版物 taking 4.'s numbers) is not the only
 * one that fits: nothing is read wrong. */
static void
test_numbers_at_a_page_foot_may_be_the_next_pages_first_row (void)
{
  enum { PUBLICATION = 17, CUT_ROW = 20, FEE = 21 };
  int v[ROWS][COLS] = { { 0 } };
  int granted[COLS - 1] = { 40, 3, 0, 0, 0, 2 };
  memcpy (v[FIRST_OUTCOME], granted, sizeof granted);
  v[12][0] = 16, v[15][0] = 6, v[15][1] = 2, v[15][4] = 1;
  for (int r = PUBLICATION + 1; r <= FEE; r++)
    v[r][0] = r == CUT_ROW ? 3 : r - PUBLICATION;
  v[CARRIED][0] = 5, v[FORWARD][0] = 4;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      if (r == CUT_ROW)
        continue;
      g_string_append (s, labels[r]);
      if (r == PUBLICATION)
        g_string_append (s, "\n");
      else if (r > PUBLICATION && r <= FEE)
        g_string_append_printf (s, "\n%d 0 0%s %d\n", v[r][0], r == FEE ? " 0" : "", v[r][COLS - 1]);
      else
        for (int c = 0; c < COLS; c++)
          g_string_append_printf (s, c + 1 < COLS ? " %d" : " %d\n", v[r][c]);
      if (r == CUT_ROW - 1)
        g_string_append_printf (s, "%d 0 0 %d\n- 2 -\n\f%s\n", v[CUT_ROW][0], v[CUT_ROW][COLS - 1], labels[CUT_ROW]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  assert_rows (rec, v, 0, PUBLICATION);
}

/* Blank cells for zero, each row's non-zero cells (its total among them)
 * on its label's line, labels in the table's order: rows whose labels the
 * next row's label and numbers (of their block) follow with nothing
 * between printed no cell at all, so every cell of them is 0. */
static void
test_blank_zero_row_printing_nothing_is_zeros (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[8][0] = 3;
  v[CARRIED][0] = 1, v[FORWARD][0] = 2;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append (s, labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c])
          g_string_append_printf (s, " %d", v[r][c]);
      g_string_append (s, "\n");
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  assert_rows (rec, v, FIRST_OUTCOME, 8);
}

/* Table 二's fee (an amount) read as want. */
static gboolean
fee_is (const GkRecord *rec, double want)
{
  const GkValue *fee = gk_record_get (rec, "active.fees.amount_wan");
  return fee && fee->kind == GK_VALUE_DOUBLE && fabs (fee->d - want) < 1e-9;
}

/* Each of the keys read as null (or not at all). */
static void
assert_keys_null (const GkRecord *rec, const char *const *keys, guint n)
{
  for (guint k = 0; k < n; k++)
    if (!value_is_null (rec, keys[k]))
      g_error ("%s: want null", keys[k]);
}

/* Table 二 (template 2021) with blank cells for zero, its labels first as
 * one block, then each block's header and the numbers under it: the first
 * number stands under the header of the first block's columns, not beside
 * the last label (the fee, a column of its own block).  The fee's block
 * heading and header come after the last number: the fee printed nothing,
 * a blank, 0; the number under （五）'s header before （六）'s heading is
 * （五）'s one cell; （六）'s number may be either of its two. */
static void
test_blank_zero_numbers_under_another_blocks_header (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n信息内容\n行政许可\n"
    "信息内容\n行政处罚\n行政强制\n信息内容\n行政事业性收费\n\n第二十条第（一）项\n本年制发件数\n本年废止件数\n"
    "3\n第二十条第（五）项\n本年处理决定数量\n812\n第二十条第（六）项\n本年处理决定数量\n97\n\n现行有效件数\n41\n\n"
    "第二十条第（八）项\n本年收费金额（单位：万元）\n\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (fee_is (rec, 0));
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 812));
  static const char *const keys[] = { "active.penalty.decisions", "active.coercion.decisions" };
  assert_keys_null (rec, keys, G_N_ELEMENTS (keys));
}

/* Table 二 (template 2021) with blank cells for zero, every heading, label
 * and header printed before the numbers (a browser's print): nothing but
 * the types of the columns places a number, and a decimal is no count: it
 * is the fee, the one amount; the counts could be any of several cells. */
static void
test_blank_zero_decimal_is_the_amount (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n第二十条第（五）项\n信息内容\n"
    "行政许可\n第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n信息内容\n行政事业性收费\n\n"
    "本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n26\n\n4\n\n188\n\n本年处理决定数量\n本年处理决定数量\n"
    "5120\n618\n本年收费金额（单位：万元）\n87.25\n\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (fee_is (rec, 87.25));
  static const char *const keys[] = { "active.rules.issued", "active.normative_documents.in_force",
                                      "active.licensing.decisions", "active.coercion.decisions" };
  assert_keys_null (rec, keys, G_N_ELEMENTS (keys));
}

/* Table 二 (template 2021) with blank cells for zero, each row's numbers
 * beside its label: a row of no total that printed nothing, the next row
 * of its block printing every column beside its label (the block not cut
 * into strips of columns), is zeros; the next row printing fewer tells
 * nothing of it. */
static void
test_blank_zero_row_without_total_printing_nothing (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章\n"
    "行政规范性文件 11 5 81\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 45652\n"
    "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 67\n行政强制\n第二十条第（八）项\n"
    "信息内容 本年收费金额（单位：万元）\n行政事业性收费\n\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (tu_int_is (rec, "active.normative_documents.in_force", 81));
  g_assert_true (tu_int_is (rec, "active.rules.issued", 0));
  g_assert_true (tu_int_is (rec, "active.rules.repealed", 0));
  g_assert_true (tu_int_is (rec, "active.rules.in_force", 0));

  g_autoptr (GkRecord) part = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章\n"
    "行政规范性文件 11 81\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 45652\n"
    "\n三、收到和处理政府信息公开申请情况\n");
  static const char *const keys[] = { "active.rules.issued", "active.rules.repealed", "active.rules.in_force" };
  assert_keys_null (part, keys, G_N_ELEMENTS (keys));
}

/* Table 二 (template 2021) of which a page keeps only the first block,
 * its two rows full, no other block's heading or label printed: the cells
 * of the blocks not printed are not blank zeros but not read at all. */
static void
test_blocks_not_printed_are_not_blank (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
    "| 规章 | 3 | 0 | 15 |\n| 行政规范性文件 | 61 | 59 | 422 |\n\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (tu_int_is (rec, "active.rules.in_force", 15));
  g_assert_true (tu_int_is (rec, "active.normative_documents.repealed", 59));
  static const char *const keys[] = { "active.licensing.decisions", "active.penalty.decisions",
                                      "active.coercion.decisions", "active.fees.amount_wan" };
  assert_keys_null (rec, keys, G_N_ELEMENTS (keys));
}

/* Table 三 with blank cells for zero on a page narrower than it: each row's
 * numbers among its first five columns, each on a line after its label
 * (row late's label printed after its numbers instead, as a wrapped label
 * column pushes it), then the 其他 and 总计 columns apart as strips under
 * their headers alone. */
static GkRecord *
read_blank_strips_label_late (int v[ROWS][COLS], int late)
{
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n科研机构\n"
                                        "社会公益组织\n法律服务机构\n");
  for (int r = 0; r < ROWS; r++)
    {
      if (r != late)
        g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < 5; c++)
        if (v[r][c])
          g_string_append_printf (s, "%d\n", v[r][c]);
      if (r == late)
        g_string_append_printf (s, "%s\n", labels[r]);
    }
  g_string_append (s, "\n其他\n");
  for (int r = 0; r < ROWS; r++)
    if (v[r][5])
      g_string_append_printf (s, "%d\n", v[r][5]);
  g_string_append (s, "\n总计\n");
  for (int r = 0; r < ROWS; r++)
    if (v[r][COLS - 1])
      g_string_append_printf (s, "%d\n", v[r][COLS - 1]);
  g_string_append (s, "\n四、政府信息公开行政复议、行政诉讼情况\n");
  return read_text (s);
}

/* Row 二's numbers printed before its label join row 一's: five numbers,
 * as many as the columns the page shows, but they add up to 9, a total the
 * 总计 strip does not hold: they are not one row's, and row 一 does not
 * read them (nor any row a number of another). */
static void
test_blank_strip_row_takes_no_numbers_of_the_next (void)
{
  int v[ROWS][COLS] = { { 0 } };
  static const int carried[] = { 0, 1, 0, 1, 1, 0 }, granted[] = { 2, 2, 0, 1, 0, 0 }, partial[] = { 2, 0, 0, 0, 1, 0 };
  for (int c = 0; c < COLS - 1; c++)
    v[CARRIED][c] = carried[c], v[FIRST_OUTCOME][c] = granted[c], v[FIRST_OUTCOME + 1][c] = partial[c];
  v[FORWARD][0] = 1;
  table_add_up (v);
  g_autoptr (GkRecord) rec = read_blank_strips_label_late (v, CARRIED);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* A table of zeros printing more zeros than it has cells (a row printed
 * twice over a page break), one label run into its group's and its zeros
 * printed with the next row's: no placement of the stream comes near a
 * layout, but whichever of its zeros are the table's, every cell is 0. */
static void
test_zero_table_printing_more_zeros (void)
{
  enum { JOINED = 7, TWICE = 12 };
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      if (r == JOINED)
        {
          g_string_append_printf (s, "（三）不予 %s\n公开\n", labels[r]);
          continue;
        }
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS * (r == JOINED + 1 ? 2 : 1) + (r == TWICE ? COLS : 0); c++)
        append_cell (s, 0);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  int v[ROWS][COLS] = { { 0 } };
  assert_table (rec, v);
}

static void *
read_qinxian (void *data)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (GK_SOURCE_DIR "/samples/qinxian-2020.txt", &text, NULL, NULL));
  return tu_record_from_text (text);
}

/* The walk over a section's placements goes down one call per step, a row
 * or so: its frames must not hold the steps' arrays, or a report's table
 * takes megabytes of stack (qinxian's took over 3 MB, a page run together
 * without its form feeds 9 MB: a crash).  Read in a thread of 2 MB. */
static void
test_decoding_fits_a_small_stack (void)
{
  pthread_attr_t attr;
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 2u << 20);
  pthread_t thread;
  g_assert_cmpint (pthread_create (&thread, &attr, read_qinxian, NULL), ==, 0);
  void *out = NULL;
  g_assert_cmpint (pthread_join (thread, &out), ==, 0);
  pthread_attr_destroy (&attr);
  g_autoptr (GkRecord) rec = out;
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 1));
  g_assert_true (tu_int_is (rec, "applications.processed_total.natural_person", 1));
}

/* A report with no table 四 (tests/data/no-table-four.txt, a generated
 * blank-zero dump: table 三's labels, its numbers, then 五): the numbers
 * after the last row table 三 named are no table 四 found by its content
 * (no heading printed): such a table names its row, or is not read. */
static void
test_no_table_four_made_of_table_three (void)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (GK_SOURCE_DIR "/tests/data/no-table-four.txt", &text, NULL, NULL));
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  for (guint i = 0; i < rec->values->len; i++)
    {
      const GkValue *val = rec->values->pdata[i];
      if (g_str_has_prefix (val->key, "appeals.") && val->kind != GK_VALUE_NULL)
        g_error ("%s read from table 三's numbers", val->key);
    }
}

/* Table v with the outcome rows up to turned printed numbers first, then
 * their labels as a block, turned's label last beside its first cell. */
static GString *
text_turned_below_labels (int v[ROWS][COLS], int turned)
{
  GString *s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      if (r >= FIRST_OUTCOME && r <= turned)
        {
          for (int c = r == turned; c < COLS; c++)
            append_cell (s, v[r][c]);
          if (r < turned)
            continue;
          for (int q = FIRST_OUTCOME; q < turned; q++)
            g_string_append_printf (s, "%s\n\n", labels[q]);
          g_string_append_printf (s, "%s %d\n\n", labels[r], v[r][0]);
          continue;
        }
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  return s;
}

/* A row whose only part is its first column (and its total), its other
 * cells printed before its label and the first after it, on the label's
 * line (the rows before it numbers first, then their labels), and the
 * table's totals misprinted as the stream's order reads the row (its
 * number under 其他): that reading keeps every sum.  The number beside the
 * line that begins the label is the row's first cell: the turned reading
 * is not kept. */
static void
test_row_turned_past_its_label (void)
{
  enum { TURNED = FIRST_OUTCOME + 2, NEXT = TURNED + 1 };
  int v[ROWS][COLS];
  for (int seed = 5; consistent_table (v, seed), v[TURNED][0] == 0; seed++)
    ;
  for (int c = 1; c < COLS - 1; c++)
    {
      v[NEXT][c] += v[TURNED][c], v[NEXT][COLS - 1] += v[TURNED][c];
      v[TURNED][COLS - 1] -= v[TURNED][c], v[TURNED][c] = 0;
    }
  /* the totals printed as the turned row reads: its number under 其他 */
  int x = v[TURNED][0];
  v[PROCESSED][0] -= x, v[PROCESSED][COLS - 2] += x, v[NEW][0] -= x, v[NEW][COLS - 2] += x;
  g_assert_cmpint (v[NEW][0], >=, 0);
  g_autoptr (GString) s = text_turned_below_labels (v, TURNED);
  g_autoptr (GkRecord) rec = read_text (s);
  for (int c = 0; c < COLS; c++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[TURNED], col_keys[c]);
      GkValue *got = gk_record_get (rec, key);
      int want = c == 0 || c == COLS - 1 ? x : 0;
      if (got && got->kind != GK_VALUE_NULL && !tu_int_is (rec, key, want))
        g_error ("%s: want %d or null", key, want);
    }
}

/* Rows printed numbers first, then their labels as a block (a label column
 * printed late): the next row's later cells before the block, its label's
 * line last with its first cell.  The labels above that line are other
 * rows': the number beside it is still its row's first cell, and the row,
 * turned round, is read whole with the table adding up. */
static void
test_row_turned_below_a_block_of_labels (void)
{
  enum { TURNED = FIRST_OUTCOME + 2 };
  int v[ROWS][COLS];
  for (int seed = 5; consistent_table (v, seed), v[TURNED][0] == 0 || v[TURNED][0] == v[TURNED][COLS - 1]; seed++)
    ;
  g_autoptr (GString) s = text_turned_below_labels (v, TURNED);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Table 二 (template 2021) printed column by column under its headers: the
 * first two columns of both document rows, each block's decisions under
 * 本年处理决定数量 (two numbers under one header for 行政处罚, 行政强制),
 * then 现行有效件数 and its column. */
static GkRecord *
table2_by_columns (void)
{
  return tu_record_from_text (
    "二、主动公开政府信息情况\n信息内容\n规章\n行政规范性文件\n信息内容\n行政许可\n信息内容\n行政处罚\n"
    "行政强制\n\n第二十条第（一）项\n本年制发件数\n本年废止件数\n0\n0\n28\n13\n第二十条第（五）项\n"
    "本年处理决定数量\n3431\n第二十条第（六）项\n本年处理决定数量\n2139751\n22296\n\n-1-\n\n现行有效件数\n7\n93\n\n"
    "信息内容\n行政事业性收费\n第二十条第（八）项\n本年收费金额（单位：万元）\n2592.7\n\n"
    "三、收到和处理政府信息公开申请情况\n");
}

static gboolean
int_is_or_null (const GkRecord *rec, const char *key, gint64 want)
{
  const GkValue *v = gk_record_get (rec, key);
  return !v || v->kind == GK_VALUE_NULL || tu_int_is (rec, key, want);
}

/* A column whose header is printed on one line just above a number is as
 * wide as that line: a number narrower than it does not wrap there, so two
 * numbers under 本年处理决定数量 are two cells, never one number. */
static void
test_header_line_wider_than_a_wrapped_number (void)
{
  g_autoptr (GkRecord) rec = table2_by_columns ();
  g_assert_true (int_is_or_null (rec, "active.licensing.decisions", 3431));
  g_assert_true (int_is_or_null (rec, "active.penalty.decisions", 2139751));
  g_assert_true (int_is_or_null (rec, "active.coercion.decisions", 22296));
}

/* A number under the header of a column of other rows, placed elsewhere:
 * those rows' cells of that column hold another number in that reading,
 * however far it is printed from the header, so they are not read. */
static void
test_rows_a_far_header_names (void)
{
  g_autoptr (GkRecord) rec = table2_by_columns ();
  g_assert_true (int_is_or_null (rec, "active.rules.in_force", 7));
  g_assert_true (int_is_or_null (rec, "active.normative_documents.in_force", 93));
  g_assert_true (int_is_or_null (rec, "active.rules.issued", 0));
  g_assert_true (int_is_or_null (rec, "active.normative_documents.issued", 28));
}

/* Table 四's two litigation groups printed in two strips (the first four
 * columns of each, then both totals), a cell a block: read down the
 * columns instead, the groups add up as well.  But the groups of one
 * printed row stand side by side, and no print alternates between their
 * columns (a band read column by column stacks rows): the strips are read. */
static void
test_side_by_side_groups_not_by_columns (void)
{
  g_autoptr (GString) s = table4_start ();
  for (const int *t = (const int[]){ 1, 4, 1, 4, 10, 0, 1, 1, 1, 2, 1, 0, 2, 3, 5, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  g_autoptr (GkRecord) rec = read_text (s);
  static const int direct[] = { 0, 1, 1, 1, 3 }, after[] = { 2, 1, 0, 2, 5 };
  g_assert_true (tu_int_is (rec, "appeals.review.total", 10));
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四's groups each printed whole under its own name, in an order not
 * the template's (the litigation groups first), their first cells equal:
 * any group's numbers fit any group's identities, so the order of print
 * alone would read one group's figures as another's.  The names say whose
 * they are: each group is read as its name says, or not at all. */
static void
test_side_by_side_groups_by_their_names (void)
{
  static const char *const names[] = { "行政复议", "未经复议直接起诉", "复议后起诉" };
  static const char *const groups[] = { "review", "litigation_direct", "litigation_after_review" };
  static const int want[3][5] = { { 1, 1, 1, 0, 3 }, { 1, 0, 2, 1, 4 }, { 1, 2, 0, 0, 3 } };
  static const guint order[] = { 1, 2, 0 };
  GString *s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  g_string_append (s, "四、政府信息公开行政复议、行政诉讼情况\n");
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_string_append_printf (s, "%s\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n", names[order[k]]);
      for (guint c = 0; c < 5; c++)
        append_cell (s, want[order[k]][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  g_string_free (s, TRUE);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (appeal_cols); c++)
      {
        g_autofree char *key = g_strdup_printf ("appeals.%s.%s", groups[g], appeal_cols[c]);
        if (!int_is_or_null (rec, key, want[g][c]))
          g_error ("%s: another group's figure read into it", key);
      }
}

/* Two numbers printed together after table 四's cells but its last (another
 * table's, pdftotext's flow put them there), then that last cell: joined,
 * the two would read as one number wrapped in the last group's total.  But
 * nothing in the print tells a piece from a number of its own: pieces are
 * one number where the identities hold with it, and 752 breaks the group's
 * total, so it is never read. */
static void
test_pieces_joined_only_where_they_add_up (void)
{
  g_autoptr (GString) s = table4_start ();
  for (const int *t = (const int[]){ 0, 0, 0, 0, 0, 2, 1, 0, 1, 4, 0, 0, 0, 0, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  g_string_append (s, "总计\n75\n2\n\n");
  append_cell (s, 0);
  g_autoptr (GkRecord) rec = read_text (s);
  for (guint c = 0; c < G_N_ELEMENTS (appeal_cols); c++)
    {
      g_autofree char *key = g_strconcat ("appeals.litigation_after_review.", appeal_cols[c], NULL);
      if (!int_is_or_null (rec, key, 0))
        g_error ("%s: a number of another table read into it", key);
    }
  g_assert_true (tu_int_is (rec, "appeals.litigation_direct.total", 4));
}

/* A small office's table 四, its cells a block each under a vertical header. */
static const int small_table4[] = { 1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0 };

/* Table 四's heading and small_table4, with text among its cells before
 * its last (what pdftotext printed there of the table before). */
static void
append_table4_with_before_its_last (GString *s, const char *among)
{
  g_string_append (s, "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结\n果\n维\n持\n");
  for (guint k = 0; k + 1 < G_N_ELEMENTS (small_table4); k++)
    append_cell (s, small_table4[k]);
  g_string_append (s, among);
  append_cell (s, small_table4[G_N_ELEMENTS (small_table4) - 1]);
}

static void
assert_small_table4 (const GkRecord *rec)
{
  assert_appeals_groups (rec, small_table4);
}

/* A browser's table 三 whose last page prints its rows' first six columns,
 * then their totals as a strip of its own (under its 总计 header) that
 * pdftotext puts after the next heading, among table 四's cells.  Those
 * numbers go back to table 三, whose grid they fill with every identity
 * holding, and table 四 reads as well without them. */
static void
test_numbers_after_the_next_heading_go_back (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 3);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS - (r >= PROCESSED); c++)
        append_cell (s, v[r][c]);
    }
  g_autofree char *among = g_strdup_printf ("总计\n%d\n%d\n\n", v[PROCESSED][COLS - 1], v[FORWARD][COLS - 1]);
  append_table4_with_before_its_last (s, among);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  assert_small_table4 (rec);
}

/* The same, where a page of table 三 prints its rows as a strip of six
 * columns, then the page number and its totals column under its 总计 header
 * (a browser's page narrower than the table), and the last row, on the
 * next page, has its total printed among table 四's cells: no placement of
 * rows explains the table, its strips do, and with that number given back
 * they fill the grid with every identity holding — so it goes back. */
static void
test_number_after_the_next_heading_goes_back_to_strips (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 5);
  for (int r = 0; r < FORWARD; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS - 1; c++)
        append_cell (s, v[r][c]);
    }
  g_string_append (s, "- 2 -\n\n总计\n");
  for (int r = 0; r < FORWARD; r++)
    append_cell (s, v[r][COLS - 1]);
  g_string_append_printf (s, "\f申请人情况\n自然人\n%s\n", labels[FORWARD]);
  for (int c = 0; c < COLS - 1; c++)
    append_cell (s, v[FORWARD][c]);
  g_autofree char *among = g_strdup_printf ("总计\n%d\n\n总\n计\n", v[FORWARD][COLS - 1]);
  append_table4_with_before_its_last (s, among);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  assert_small_table4 (rec);
}

/* Rows [0, last) row by row, then the other rows' labels alone, a block
 * (their numbers printed elsewhere). */
static void
append_rows_then_labels (GString *s, int v[ROWS][COLS], int last)
{
  for (int r = 0; r < last; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  for (int r = last; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "\n");
}

/* A browser's last page of table 三 beside table 四: pdftotext prints the
 * last rows' labels, their first two columns (a block of numbers each),
 * then table 四's heading and header blocks — each of its numbers right
 * under its header's text — with table 三's other columns among them as
 * blocks of bare numbers, set off by a blank line from the number before.
 * Those blocks are the numbers table 三 misses, exactly as many: they go
 * back to it, whose grid they fill with every identity holding. */
static void
test_columns_printed_apart_among_the_next_table_go_back (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 4);
  enum { LAST = 22 };
  append_rows_then_labels (s, v, LAST);
  int c = 0;
  /* a column of the last rows: one block of bare numbers */
#define APPEND_COLUMN()                                        \
  do                                                           \
    {                                                          \
      for (int r = LAST; r < ROWS; r++)                        \
        g_string_append_printf (s, "%d\n", v[r][c]);           \
      g_string_append (s, "\n");                               \
      c++;                                                     \
    }                                                          \
  while (0)
  APPEND_COLUMN ();
  APPEND_COLUMN ();
  static const char *const blocks[] = {
    "结\n果\n维\n持\n0\n\n", "行政复议\n结 其 尚\n果 他 未\n纠 结 审\n正 果 结\n0 0 0\n\n", "总\n计\n0\n\n",
    "结\n果\n维\n持\n0\n\n", "未经复议直接起诉\n结 其 尚\n果 他 未\n纠 结 审\n正 果 结\n0\n0\n0\n\n",
    "复议后起诉\n结\n果\n维\n持\n0\n\n", "结 其 尚\n果 他 未\n纠 结 审\n正 果 结\n0 0 0\n\n",
    "行政诉讼\n总\n计\n0\n\n", "总\n计\n0\n\n",
  };
  g_string_append (s, "四、政府信息公开行政复议、行政诉讼情况\n");
  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      g_string_append (s, blocks[b]);
      if (b == 1 || b == 4 || b == 6 || (b == 7 && c < COLS))
        APPEND_COLUMN ();
      if (b == 3)
        APPEND_COLUMN ();
    }
#undef APPEND_COLUMN
  g_assert_cmpint (c, ==, COLS);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  static const int zeros[5] = { 0 };
  assert_appeals_group (rec, "review", zeros);
  assert_appeals_group (rec, "litigation_direct", zeros);
  assert_appeals_group (rec, "litigation_after_review", zeros);
}

/* A browser's table 四, its three groups side by side, each cell under its
 * own header printed vertically (结/果/维/持 above one number; 结 其 尚 /
 * 果 他 未 / 纠 结 审 / 正 果 结 above three, on a line or a line each):
 * pdftotext gives the blocks out of the groups' order (a group's total
 * after the next group's cells).  Each number stands under the header of
 * its column, and each column has one number a group: the n-th under a
 * column is the n-th group's, and every group adds up so. */
static void
test_cells_under_vertical_headers (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_row_by_row (v, 2);
  static const int want[] = { 1, 1, 1, 0, 3, 2, 0, 1, 1, 4, 0, 2, 0, 1, 3 };
  g_string_append_printf (s,
                          "四、政府信息公开行政复议、行政诉讼情况\n" UPHELD_CELL "行政复议\n" PARTS_HEADER
                          "%d %d %d\n\n" TOTAL_CELL UPHELD_CELL "未经复议直接起诉\n" PARTS_HEADER "%d\n%d\n%d\n\n"
                          "复议后起诉\n" UPHELD_CELL PARTS_HEADER "%d %d %d\n\n行政诉讼\n" TOTAL_CELL TOTAL_CELL,
                          want[0], want[1], want[2], want[3], want[4], want[5], want[6], want[7], want[8], want[10],
                          want[11], want[12], want[13], want[9], want[14]);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  assert_appeals_groups (rec, want);
}

/* A text dump in columns (pdftotext -layout) of table 四 that leaves a
 * zero blank, its last group all blank: the row's blanks, placed under the
 * headers printed one character a column, are cells read as 0, at the
 * row's end too. */
static void
test_layout_blanks_at_the_row_end (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_row_by_row (v, 3);
  /* a column each four characters */
  g_string_append (s, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
                      "      行政复议                    行政诉讼\n"
                      "结   结   其   尚   总   结   结   其   尚   总   结   结   其   尚   总\n"
                      "果   果   他   未   计   果   果   他   未   计   果   果   他   未   计\n"
                      "1   2       2   5   2   1   2   1   6\n");
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  static const int review[] = { 1, 2, 0, 2, 5 }, direct[] = { 2, 1, 2, 1, 6 }, after[] = { 0, 0, 0, 0, 0 };
  assert_appeals_group (rec, "review", review);
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
}

/* Table 二 of template 2019 read: its labels first (the blocks' headings
 * and row labels), then the headers and numbers given. */
static GkRecord *
read_table2_2019 (const char *numbers)
{
  g_autofree char *text = g_strconcat (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n规范性文件\n第二十条第（五）项\n信息内容\n"
    "行政许可\n其他对外管理服务事项\n第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n"
    "信息内容\n行政事业性收费\n第二十条第（九）项\n信息内容\n政府集中采购\n",
    numbers, "三、收到和处理政府信息公开申请情况\n", NULL);
  return tu_record_from_text (text);
}

/* Rows whose labels wrap around their numbers: pdftotext prints the first
 * cell of two of them apart, after the page's other rows, each alone under
 * its row's label.  Read in order, every later row of the page shifts; a
 * cell is read only where every number that may have filled it agrees
 * (the zeros around), or where its row's label, printed right before
 * exactly its numbers, pins it — never one of the rows' numbers in
 * another's cell. */
static void
test_numbers_set_apart_under_their_labels (void)
{
  /* a small office's table: mostly zeros, one published error (a row's
   * part and total printed 1 where the outcomes sum to 0) */
  int v[ROWS][COLS] = { { 0 } };
  v[NEW][0] = v[NEW][COLS - 1] = 2;
  v[FIRST_OUTCOME][0] = v[FIRST_OUTCOME][COLS - 1] = 1;
  v[PROCESSED][0] = v[PROCESSED][COLS - 1] = 1;
  v[FORWARD][0] = v[FORWARD][COLS - 1] = 1;
  v[16][1] = v[16][COLS - 1] = 1;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  enum { APART_A = 12, APART_B = 13, PAGE_END = 17 };
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = (r == APART_A || r == APART_B) ? 1 : 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r == PAGE_END)
        {
          g_string_append_printf (s, "%s\n%d\n\n%s\n%d\n\n", labels[APART_A], v[APART_A][0], labels[APART_B],
                                  v[APART_B][0]);
          append_page_break (s, 4);
        }
    }
  g_autoptr (GkRecord) rec = read_text (s);
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        if (gk_record_get (rec, key)->kind != GK_VALUE_NULL && !tu_int_is (rec, key, v[r][c]))
          g_error ("%s: a number in the wrong cell (want %d)", key, v[r][c]);
      }
  g_assert_true (tu_int_is (rec, "applications.new_received.total", v[NEW][COLS - 1]));
  /* the row of the published error, pinned by its label */
  g_assert_true (tu_int_is (rec, "applications.not_processed_repeated.commercial", 1));
  g_assert_true (tu_int_is (rec, "applications.not_processed_repeated.total", 1));
}

/* Each pair of rows printed column by column, every column under its own
 * header (a word processor's table of short rows): a header just above a
 * number names its column, which tells the pairs read by columns from the
 * rows read one by one (no identity can). */
static void
test_columns_under_their_headers (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n3\n9\n\n本年新公开数量\n2\n9\n\n对外公开总数量\n40\n61\n\n"
    "上一年项目数量\n7\n512\n\n本年增/减\n0\n4\n\n处理决定数量\n2301\n6\n\n"
    "上一年项目数量\n8\n75\n\n本年增/减\n0\n-50\n\n处理决定数量\n0\n385\n\n"
    "上一年项目数量\n60\n\n本年增/减\n-9\n\n采购项目数量\n445\n\n采购总金额\n1174.7\n\n");
  static const struct { const char *key; gint64 value; } want[] = {
    { "rules.made", 3 }, { "rules.total", 40 }, { "normative_documents.made", 9 },
    { "licensing.items_change", 0 }, { "licensing.decisions", 2301 }, { "other_services.items_prev_year", 512 },
    { "coercion.items_change", -50 }, { "penalty.decisions", 0 },
  };
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_autofree char *key = g_strconcat ("active.", want[k].key, NULL);
      if (!tu_int_is (rec, key, want[k].value))
        g_error ("%s: want %" G_GINT64_FORMAT, key, want[k].value);
    }
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Rows each printed on a line of their own, one of them with a published
 * error (more published than the total).  Read as a band (two rows column
 * by column) the error would vanish, but numbers side by side on one line
 * are one row's neighbouring cells: the print outweighs the arithmetic. */
static void
test_line_outweighs_a_misprint (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
    "规章 2 2 7\n规范性文件 24 290 287\n"
    "第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 349 0 4214\n"
    "其他对外管理服务事项 182 +27 3420\n第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    "行政处罚 1043 0 2471\n行政强制 524 0 2737\n第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n"
    "行政事业性收费 35 0\n第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 446 5222.9\n"
    "三、收到和处理政府信息公开申请情况\n");
  static const struct { const char *key; gint64 value; } want[] = {
    { "rules.made", 2 }, { "rules.published", 2 }, { "rules.total", 7 },
    { "normative_documents.made", 24 }, { "normative_documents.published", 290 }, { "normative_documents.total", 287 },
  };
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_autofree char *key = g_strconcat ("active.", want[k].key, NULL);
      if (!tu_int_is (rec, key, want[k].value))
        g_error ("%s: want %" G_GINT64_FORMAT, key, want[k].value);
    }
}

/* Checks table 二's values (keys under active.) and that none is ambiguous. */
static void
assert_table2 (const GkRecord *rec, const char *const *keys, const gint64 *values, guint n)
{
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *key = g_strconcat ("active.", keys[k], NULL);
      if (!tu_int_is (rec, key, values[k]))
        g_error ("%s: want %" G_GINT64_FORMAT, key, values[k]);
    }
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四 of a report that prints a dash for zero, its text cut off after
 * the review group's five dashes: a table printing dashes leaves no cell
 * blank, so the groups after the cut were not printed blank.  Only the
 * cells the dashes reached are read (before, every group read 0). */
static void
test_dash_table_cut_off_reads_what_it_printed (void)
{
  g_autoptr (GString) s = table4_start ();
  g_string_append (s, "未经复议直接起诉\n复议后起诉\n—\n\n—\n\n—\n\n—\n\n—\n\n结果维持\n结果纠正\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  for (guint i = 0; i < G_N_ELEMENTS (appeal_cols); i++)
    {
      g_autofree char *review = g_strdup_printf ("appeals.review.%s", appeal_cols[i]);
      g_autofree char *direct = g_strdup_printf ("appeals.litigation_direct.%s", appeal_cols[i]);
      g_autofree char *after = g_strdup_printf ("appeals.litigation_after_review.%s", appeal_cols[i]);
      g_assert_true (tu_int_is (rec, review, 0));
      g_assert_true (int_is_or_null (rec, direct, G_MININT64));
      g_assert_true (int_is_or_null (rec, after, G_MININT64));
    }
}

/* Table 四 as pdfminer prints it, each cell apart: the review group's five
 * numbers, the litigation groups' headers, each litigation group's four
 * parts under their headers, then the two 总计s; printed[] in that order. */
static GkRecord *
table4_parts_then_totals (const int printed[15])
{
  static const char *const parts[4] = { "结果维持", "结果纠正", "其他结果", "尚未审结" };
  g_autoptr (GString) s = table4_start ();
  for (int k = 0; k < 5; k++)
    g_string_append_printf (s, "%d\n", printed[k]);
  g_string_append (s, "未经复议直接起诉\n复议后起诉\n");
  for (int k = 0; k < 8; k++)
    g_string_append_printf (s, "%s\n%d\n", parts[k % 4], printed[5 + k]);
  g_string_append_printf (s, "总计\n%d\n总计\n%d\n五、存在的主要问题及改进情况\n", printed[13], printed[14]);
  return tu_record_from_text (s->str);
}

/* Table 四 whose two litigation groups print their parts in order, then
 * their 总计s the other way round (pdfminer printing each cell apart): read
 * in order, both groups break their sums, and swapping the two totals makes
 * every sum hold.  Two published errors that are each other's figures are
 * far rarer than two cells printed out of order: the two totals are null
 * (ambiguous), no check fails, and the other cells are read. */
static void
test_two_misprints_one_swap_explains (void)
{
  static const int printed[15] = { 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 3 };
  g_autoptr (GkRecord) rec = table4_parts_then_totals (printed);
  static const int direct[5] = { 1, 0, 2, 0, APPEAL_UNREAD }, after[5] = { 0, 0, 0, 0, APPEAL_UNREAD };
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  assert_litigation_totals_unjudged (rec);
}

/* Table 四 whose first litigation group's 总计 is printed last, after the
 * second group's cells (pdfminer).  Read in order, the first group's total
 * takes the second group's first number and every later number shifts:
 * both groups break their sums.  One number moved back to its place makes
 * every sum hold; several published errors that one displaced number
 * explains are far rarer than the displacement.  The cells the two
 * readings differ on are null, no check fails, the rest is read. */
static void
test_misprints_one_move_explains (void)
{
  static const int printed[15] = { 1, 1, 0, 0, 2, 3, 1, 0, 2, 2, 2, 1, 0, 5, 6 };
  g_autoptr (GkRecord) rec = table4_parts_then_totals (printed);
  static const int review[5] = { 1, 1, 0, 0, 2 };
  assert_appeals_group (rec, "review", review);
  static const int direct[5] = { 3, 1, 0, 2, APPEAL_UNREAD };
  static const int after[5] = { 2, APPEAL_UNREAD, APPEAL_UNREAD, APPEAL_UNREAD, APPEAL_UNREAD };
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  assert_litigation_totals_unjudged (rec);
}

/* Table 四 printing its zeros as dashes, its headers vertical as a
 * browser's PDF prints them, one cell of the first litigation group left
 * unprinted and a stray 4 before the last group's total.  Read in order,
 * both litigation totals fail; a stray and an unprinted cell explain
 * both, so the cells the two readings differ on are ambiguous and no
 * total is judged. */
static void
test_misprints_a_stray_and_a_blank_explain (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  g_string_append (s, "四、政府信息公开行政复议、行政诉讼情况\n结\n果\n维\n持\n1\n\n行政复议\n" PARTS_HEADER "3 3 3\n\n"
                      "总\n计\n10\n\n结\n果\n维\n持\n—\n\n未经复议直接起诉\n" PARTS_HEADER "2 2\n\n行政诉讼\n"
                      "总\n计\n4\n\n结\n果\n维\n持\n/\n\n复议后起诉\n" PARTS_HEADER "- 1 2\n\n总计\n4\n\n"
                      "总\n计\n3\n\n五、存在的主要问题及改进情况\n无。\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  static const int review[5] = { 1, 3, 3, 3, 10 };
  static const int direct[5] = { 0, APPEAL_UNREAD, APPEAL_UNREAD, APPEAL_UNREAD, APPEAL_UNREAD };
  static const int after[5] = { 0, APPEAL_UNREAD, APPEAL_UNREAD, APPEAL_UNREAD, 3 };
  assert_appeals_group (rec, "review", review);
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  assert_litigation_totals_unjudged (rec);
}

/* Table 二 of 2019 whose labels came as a block, then its numbers column
 * by column (pdfminer): 行政许可 and 其他对外管理服务事项's 上年项目数量,
 * then their 本年增/减 (+77 and 0), then their 处理决定数量.  Paired row by
 * row, +77 fell in 行政许可's 处理决定数量: a number printed with a plus
 * is a change, never a count, so no such pairing stands. */
static void
test_signed_number_never_a_count (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n行政许可\n其他对外管理服务事项\n上年项目数量\n本年增/减\n"
    "处理决定数量\n0\n651\n+77\n0\n0\n15305\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (int_is_or_null (rec, "active.licensing.decisions", 0));
  g_assert_true (int_is_or_null (rec, "active.licensing.items_change", 77));
  g_assert_true (int_is_or_null (rec, "active.other_services.items_prev_year", 651));
  g_assert_true (int_is_or_null (rec, "active.other_services.decisions", 15305));
}

/* Table 二 (template 2021) with the labels of its first block's rows
 * printed as a block, the columns' headers, then that block's six numbers
 * (numbers: a line each); the later rows each beside its label. */
static GkRecord *
table2_label_block (const char *numbers)
{
  g_autofree char *text = g_strconcat (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n本年制发件数\n本年废止件数\n"
    "现行有效件数\n",
    numbers,
    "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n2851\n第二十条第（六）项\n信息内容\n本年处理决定数量\n"
    "行政处罚\n1620\n行政强制\n1486\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n297.8\n"
    "三、收到和处理政府信息公开申请情况\n",
    NULL);
  return tu_record_from_text (text);
}

/* Table 二 (template 2021): the labels of its rows printed as a block, the
 * columns' headers, then six numbers, each on a line of its own.  Row by
 * row they read 3 35 1 / 25 7 209; column by column (pdfminer prints each
 * cell apart, going down the columns) 3 1 7 / 35 25 209.  No identity
 * tells the two apart: the cells they read alike are read, the others are
 * null with ambiguous_placement.  The rows after, each beside its label,
 * are read. */
static void
test_label_block_rows_or_columns (void)
{
  g_autoptr (GkRecord) rec = table2_label_block ("3\n35\n1\n25\n7\n209\n");
  g_assert_true (tu_int_is (rec, "active.rules.issued", 3));
  g_assert_true (tu_int_is (rec, "active.normative_documents.in_force", 209));
  g_assert_true (value_is_null (rec, "active.rules.repealed"));
  g_assert_true (value_is_null (rec, "active.rules.in_force"));
  g_assert_true (value_is_null (rec, "active.normative_documents.issued"));
  g_assert_true (value_is_null (rec, "active.normative_documents.repealed"));
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 2851));
  g_assert_true (tu_int_is (rec, "active.penalty.decisions", 1620));
  g_assert_true (tu_int_is (rec, "active.coercion.decisions", 1486));
}

/* The same block whose numbers read alike row by row and column by column
 * (0 0 0 / 0 0 36): every cell is read. */
static void
test_label_block_rows_and_columns_alike (void)
{
  g_autoptr (GkRecord) rec = table2_label_block ("0\n0\n0\n0\n0\n36\n");
  static const char *const keys[] = { "rules.issued", "rules.repealed", "rules.in_force", "normative_documents.issued",
                                      "normative_documents.repealed", "normative_documents.in_force" };
  static const gint64 values[] = { 0, 0, 0, 0, 0, 36 };
  assert_table2 (rec, keys, values, G_N_ELEMENTS (keys));
}

/* Table 二 (template 2021) whose first columns' headers are printed one
 * after another, then their numbers, and the last column apart after the
 * page's foot under its own header: a browser's table cut in strips, each
 * strip's headers a row above it.  No identity tells the strip read row by
 * row from the band read column by column; the headers of both columns
 * above the first number do: the strip is read. */
static void
test_strip_under_its_header_row (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n信息内容\n规章\n行政规范性文件\n\n第二十条第（一）项\n本年制发件数\n本年废止件数\n"
    "3\n5\n17\n4\n\n-1-\n\n现行有效件数\n9\n61\n\n信息内容\n行政许可\n信息内容\n行政处罚\n行政强制\n"
    "信息内容\n行政事业性收费\n\n第二十条第（五）项\n本年处理决定数量\n2851\n第二十条第（六）项\n本年处理决定数量\n"
    "1620\n1486\n第二十条第（八）项\n本年收费金额（单位：万元）\n297.8\n\n三、收到和处理政府信息公开申请情况\n");
  static const char *const keys[] = { "rules.issued", "rules.repealed", "rules.in_force", "normative_documents.issued",
                                      "normative_documents.repealed", "normative_documents.in_force" };
  static const gint64 values[] = { 3, 5, 9, 17, 4, 61 };
  assert_table2 (rec, keys, values, G_N_ELEMENTS (keys));
}

/* Table 二 (template 2019) printed row by row, each row's label on a line
 * of its own before its numbers, the second row with a published error
 * (more published than the total).  Read as a band (two rows column by
 * column) or in strips the error would vanish, but those take a cell of
 * the second row from a number printed before its label: the print
 * outweighs the arithmetic. */
static void
test_label_before_every_cell_of_its_row (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n"
    "规章\n3\n3\n6\n规范性文件\n12\n180\n177\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n"
    "行政许可\n402\n0\n4710\n第二十条第（五）项\n其他对外管理服务事项\n561\n+31\n2204\n信息内容\n上一年项目数量\n"
    "本年增/减\n处理决定数量\n行政处罚\n870\n0\n4420\n行政强制\n905\n0\n4532\n信息内容\n上一年项目数量\n"
    "本年增/减\n行政事业性收费\n17\n0\n信息内容\n采购项目数量\n采购总金额\n政府集中采购\n431\n2753.6\n"
    "三、收到和处理政府信息公开申请情况\n");
  static const char *const keys[] = { "rules.made", "rules.published", "rules.total", "normative_documents.made",
                                      "normative_documents.published", "normative_documents.total" };
  static const gint64 values[] = { 3, 3, 6, 12, 180, 177 };
  assert_table2 (rec, keys, values, G_N_ELEMENTS (keys));
}

/* The last row of one block and the row of the next block printed column
 * by column (the shorter row ends first) over a page break: the next
 * block's header stands above its first number, between the other row's
 * cells.  No step reads two blocks' rows so across pages (on one page they
 * are a corner); the row that took that number is not read, nor is the
 * row of the next block whose first cell another number then filled. */
static void
test_header_names_next_blocks_row (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n对外公开总数量\n3\n2\n40\n\n9\n9\n61\n\n"
    "上年项目数量\n本年增/减\n处理决定数量\n7\n0\n2301\n\n512\n4\n6\n\n"
    "上一年项目数量\n本年增/减\n处理决定数量\n8\n0\n385\n\n0\n\n\f"
    "上一年项目数量\n35\n\n0\n\n0\n\n本年增/减\n0\n\n采购项目数量\n445\n\n采购总金额\n1174.7\n\n");
  static const struct { const char *key; gint64 value; } truth[] = {
    { "active.coercion.items_prev_year", 0 }, { "active.coercion.items_change", 0 },
    { "active.coercion.decisions", 0 }, { "active.fees.items_prev_year", 35 }, { "active.fees.items_change", 0 },
  };
  for (guint k = 0; k < G_N_ELEMENTS (truth); k++)
    {
      GkValue *v = gk_record_get (rec, truth[k].key);
      if (v->kind != GK_VALUE_NULL && !tu_int_is (rec, truth[k].key, truth[k].value))
        g_error ("%s: a number in the wrong cell", truth[k].key);
    }
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 2301));
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

static const char *const table2_keys[] = {
  "rules.made", "rules.published", "rules.total", "normative_documents.made", "normative_documents.published",
  "normative_documents.total", "licensing.items_prev_year", "licensing.items_change", "licensing.decisions",
  "other_services.items_prev_year", "other_services.items_change", "other_services.decisions",
  "penalty.items_prev_year", "penalty.items_change", "penalty.decisions", "coercion.items_prev_year",
  "coercion.items_change", "coercion.decisions", "fees.items_prev_year", "fees.items_change",
  "procurement.projects",
};

/* Pairs of rows printed by their top-left corner first (pdftotext reads a
 * short table's cells by height, and the flow of a tall label beside them
 * cuts it in a staircase): the first row's two first cells and the second
 * row's first, then the rest under the third column's header; the same
 * for a pair of rows of two blocks and widths (a row of three columns and
 * a row of two); and a header printed under a row's label names the
 * column of the number after it. */
static void
test_corner_of_a_pair (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n1\n\n2\n\n7\n\n对外公开总数量\n5\n\n8\n\n90\n\n"
    "上年项目数量 本年增/减 处理决定数量\n1163 3 48660\n6 4 11\n\n"
    "信息内容\n行政处罚\n\n上一年项目数量\n529\n\n本年增/减\n9\n\n处理决定数量\n5285\n\n行政强制\n\n12\n"
    "第二十条第（八）项\n上一年项目数量\n35\n\n13\n\n14\n\n本年增/减\n15\n\n"
    "采购项目数量\n280\n\n采购总金额\n1174.7\n\n");
  static const gint64 want[] = { 1, 2, 5, 7, 8, 90, 1163, 3, 48660, 6, 4, 11, 529, 9, 5285, 12, 13, 14, 35, 15, 280 };
  assert_table2 (rec, table2_keys, want, G_N_ELEMENTS (want));
}

/* The same pair whose corner is one block of lines (no blank line between
 * its cells): the first row's piece ends where the second row's begins,
 * as a staircase prints them, no sign of cells side by side in one row. */
static void
test_corner_as_one_block (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n1\n2\n7\n\n对外公开总数量\n5\n\n8\n\n90\n\n"
    "上年项目数量 本年增/减 处理决定数量\n1163 3 48660\n6 4 11\n\n"
    "信息内容\n行政处罚\n\n上一年项目数量\n529\n\n本年增/减\n9\n\n处理决定数量\n5285\n\n行政强制\n\n12\n"
    "第二十条第（八）项\n上一年项目数量\n35\n\n13\n\n14\n\n本年增/减\n15\n\n"
    "采购项目数量\n280\n\n采购总金额\n1174.7\n\n");
  static const gint64 want[] = { 1, 2, 5, 7, 8, 90, 1163, 3, 48660, 6, 4, 11, 529, 9, 5285, 12, 13, 14, 35, 15, 280 };
  assert_table2 (rec, table2_keys, want, G_N_ELEMENTS (want));
}

/* Four rows of two blocks printed by their corner: the first two columns
 * of every row, row after row, then the third columns (a browser's short
 * table whose third column flows apart), with a change's plus sign. */
static void
test_corner_across_blocks (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n0\n0\n30\n30\n上一年项目数量\n本年增/减\n0\n+148\n0\n+25\n"
    "对外公开总数量\n58\n71\n处理决定数量\n16819\n0\n\n"
    "上一年项目数量\n1259\n0\n\n本年增/减\n0\n0\n\n处理决定数量\n0\n426\n\n"
    "上一年项目数量\n0\n\n本年增/减\n+5\n\n采购项目数量\n0\n\n采购总金额\n0\n\n");
  static const gint64 want[] = { 0, 0, 58, 30, 30, 71, 0, 148, 16819, 0, 25, 0, 1259, 0, 0, 0, 0, 426, 0, 5, 0 };
  assert_table2 (rec, table2_keys, want, G_N_ELEMENTS (want));
}

/* A browser's table 二 (template 2019) cut at the page's width: the first
 * two columns of five rows of three blocks ((一), (五), (六)'s first row)
 * come first under their headers, then under the page's foot their third
 * column — a corner of five rows; the next page row by row. */
static void
test_corner_of_five_rows (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n4\n6\n3\n8\n上一年项目数量\n本年增/减\n161\n+12\n720\n0\n"
    "上一年项目数量\n本年增/减\n455\n-3\n\n-1-\n\n对外公开总数量\n9\n57\n处理决定数量\n1042\n2980\n"
    "处理决定数量\n4411\n\f上一年项目数量\n本年增/减\n处理决定数量\n12\n0\n30\n\n上一年项目数量\n本年增/减\n"
    "35\n+2\n\n采购项目数量\n采购总金额\n280\n1174.7\n\n");
  static const gint64 want[] = { 4, 6, 9, 3, 8, 57, 161, 12, 1042, 720, 0, 2980, 455, -3, 4411, 12, 0, 30, 35, 2, 280 };
  assert_table2 (rec, table2_keys, want, G_N_ELEMENTS (want));
}

/* Table 二 printed column by column under its headers (table2_by_columns)
 * read as a corner: the document rows' first two columns
 * and the decisions rows below them (rows of one column, wholly in the
 * staircase's first column), then the document rows' third column under
 * its header. */
static void
test_corner_with_rows_of_one_column (void)
{
  g_autoptr (GkRecord) rec = table2_by_columns ();
  static const char *const keys[] = { "rules.issued", "rules.repealed", "rules.in_force", "normative_documents.issued",
                                      "normative_documents.repealed", "normative_documents.in_force",
                                      "licensing.decisions", "penalty.decisions", "coercion.decisions" };
  static const gint64 values[] = { 0, 0, 7, 28, 13, 93, 3431, 2139751, 22296 };
  assert_table2 (rec, keys, values, G_N_ELEMENTS (keys));
}

/* Two short rows printed row by row, each a run of lines, in a table
 * whose first pair comes in two strips: a decrease printed with its minus
 * sign is a change, never a count, which tells the rows from their first
 * cells printed as a column (a corner), an order as rare as the strips. */
static void
test_minus_sign_in_a_count_column (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n0\n0\n19\n19\n\n对外公开总数量\n0\n313\n\n"
    "上一年项目数量 本年增/减 处理决定数量\n1196 +78 2511\n438 +43 4701\n932 -5 199\n229 -5 4511\n\n"
    "上一年项目数量\n本年增/减\n30\n-2\n\n采购项目数量\n采购总金额\n298\n7635.9\n\n");
  g_assert_true (tu_int_is (rec, "active.fees.items_prev_year", 30));
  g_assert_true (tu_int_is (rec, "active.fees.items_change", -2));
  g_assert_true (tu_int_is (rec, "active.procurement.projects", 298));
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* A pair of rows in an order the decoder has no step for (each row's
 * change printed before its count): every placement puts a change printed
 * with its plus sign in a column of counts, so the rows are not read,
 * rather than read with numbers in the wrong cells. */
static void
test_plus_sign_in_a_count_column (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 (
    "本年新制作数量\n本年新公开数量\n对外公开总数量\n0 0 58\n30 30 71\n\n"
    "上一年项目数量\n本年增/减\n处理决定数量\n+148\n3\n16819\n+25\n4\n0\n\n"
    "上一年项目数量\n1259\n0\n\n本年增/减\n0\n0\n\n处理决定数量\n0\n426\n\n"
    "上一年项目数量\n0\n\n本年增/减\n+5\n\n采购项目数量\n0\n\n采购总金额\n0\n\n");
  g_assert_true (tu_int_is (rec, "active.normative_documents.total", 71));
  g_assert_true (tu_int_is (rec, "active.penalty.items_prev_year", 1259));
  static const char *const licensing[] = { "active.licensing.items_prev_year", "active.licensing.items_change" };
  for (guint k = 0; k < G_N_ELEMENTS (licensing); k++)
    g_assert_cmpint (gk_record_get (rec, licensing[k])->kind, ==, GK_VALUE_NULL);
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Fewer numbers than cells (the rest printed after the next heading), the
 * labels a block before them: the number after the block fills its last
 * row, but a number printed under the header of a column that row has not
 * (上一年项目数量, after 政府集中采购's 采购项目数量 and 采购总金额) stands in
 * another block's column, never in that row.  The one number under
 * 采购项目数量 is that column's, its only cell's. */
static void
test_number_under_another_blocks_header (void)
{
  g_autoptr (GkRecord) rec = read_table2_2019 ("\n377\n上一年项目数量\n52\n采购项目数量\n275\n\n");
  const GkValue *amount = gk_record_get (rec, "active.procurement.amount_wan");
  if (amount && amount->kind != GK_VALUE_NULL)
    g_error ("active.procurement.amount_wan read from a number of another block's column");
  const GkValue *projects = gk_record_get (rec, "active.procurement.projects");
  if (projects && projects->kind != GK_VALUE_NULL && !tu_int_is (rec, "active.procurement.projects", 275))
    g_error ("active.procurement.projects read from a number of another block's column");
}

/* Wide strips over a page break: a browser prints the first six columns of
 * the page's rows row by row, then their totals as one run of lines, with
 * the page's bare number ("2", the report numbers its pages so) among them;
 * the next page goes on row by row. */
static void
test_wide_strip_with_page_number (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 6);
  g_autoptr (GString) s = g_string_new ("封面\n\n1\n\f");
  append_header (s);
  enum { PAGE_ROWS = 14 };
  for (int r = 0; r < PAGE_ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS - 1; c++)
        append_cell (s, v[r][c]);
    }
  g_string_append (s, "2\n\n");
  for (int r = 0; r < PAGE_ROWS; r++)
    g_string_append_printf (s, "%d\n", v[r][COLS - 1]);
  g_string_append (s, "\n\f");
  append_rows_whole (s, v, PAGE_ROWS);
  g_string_append (s, "五、存在的主要问题及改进情况\n无。\n\n3\n\f结束\n\n4\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  assert_table (rec, v);
  g_assert_null (tu_warning (rec->warnings, "stray_number", NULL));
}

/* The last rows in an order no placement explains (each printed backwards):
 * the rows before them, which one placement explains with every identity
 * holding, are read; the scrambled rows are not, and no value is wrong. */
static void
test_first_rows_of_unknown_layout (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 7);
  enum { SCRAMBLED = 21 };
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][r >= SCRAMBLED ? (c * 3 + r) % COLS : c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, 0, SCRAMBLED - 1);
  assert_rows_right_or_null (rec, v, SCRAMBLED - 1, ROWS);
  g_assert_cmpint (gk_record_get (rec, "applications.processed_total.total")->kind, ==, GK_VALUE_NULL);
}

/* A layout the decoder does not know (the last rows column by column), and
 * the first row printed apart: its total under its label, its parts after
 * the fourth row.  Read with the total dropped as a stray, every row after
 * it shifts up into its place and adds up as well: the first rows stand
 * only where their placement leaves out no number.  The first and fourth
 * rows are not read; the others, their labels right before their numbers,
 * are. */
static void
test_first_rows_drop_no_number (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 7);
  enum { HEAD_AFTER = 3, BY_COLUMNS = 12 };
  g_string_append_printf (s, "%s\n", labels[NEW]);
  append_cell (s, v[NEW][COLS - 1]);
  for (int r = CARRIED; r < BY_COLUMNS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
      if (r == HEAD_AFTER)
        for (int c = 0; c < COLS - 1; c++)
          append_cell (s, v[NEW][c]);
    }
  /* the rest of the table column by column: no layout the decoder knows */
  for (int r = BY_COLUMNS; r < ROWS; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  for (int c = 0; c < COLS; c++)
    for (int r = BY_COLUMNS; r < ROWS; r++)
      append_cell (s, v[r][c]);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
  /* the rows their labels pin, the first row's pieces apart */
  assert_rows (rec, v, CARRIED, HEAD_AFTER);
  assert_rows (rec, v, HEAD_AFTER + 1, BY_COLUMNS);
}

/* A page's rows in two strips of several columns: the first three columns
 * of every row on the page, row after row, then their other four; the next
 * page row by row. */
static void
test_page_in_two_strips (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 8);
  enum { PAGE_ROWS = 12, CUT = 3 };
  for (int r = 0; r < PAGE_ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < CUT; c++)
        append_cell (s, v[r][c]);
    }
  g_string_append (s, "法律服务机构\n其他\n总计\n");
  for (int r = 0; r < PAGE_ROWS; r++)
    for (int c = CUT; c < COLS; c++)
      append_cell (s, v[r][c]);
  g_string_append (s, "\f");
  append_rows_whole (s, v, PAGE_ROWS);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The first page_rows rows of a browser's table 三 wider than pdftotext's
 * flow: each row's label and its first five cells, then under the page's
 * foot the second strip (其他, 总计), its top rows' 其他 under that header,
 * the other rows in bands of three read column by column under 总计, and
 * last the top rows' totals, each run of a column's cells lines printed
 * together; the next page row by row (or rest_labels, when not NULL, then
 * the rest of the rows' numbers). */
static void
append_strip_tops_last (GString *s, int v[ROWS][COLS], int page_rows, int top, const char *rest_labels)
{
  enum { CUT = COLS - 2 };
  for (int r = 0; r < page_rows; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < CUT; c++)
        append_cell (s, v[r][c]);
    }
  g_string_append (s, "- 2 -\n\n其他\n");
  for (int r = 0; r < top; r++)
    g_string_append_printf (s, "%d\n", v[r][CUT]);
  g_string_append (s, "\n总计\n\n");
  for (int b = top; b < page_rows; b += 3)
    for (int c = CUT; c < COLS; c++)
      {
        for (int r = b; r < MIN (b + 3, page_rows); r++)
          g_string_append_printf (s, "%d\n", v[r][c]);
        g_string_append (s, "\n");
      }
  for (int r = 0; r < top; r++)
    g_string_append_printf (s, "%d\n", v[r][COLS - 1]);
  g_string_append (s, "\f");
  g_string_append (s, rest_labels ? rest_labels : "");
  for (int r = page_rows; r < ROWS; r++)
    {
      if (!rest_labels)
        g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
}

/* A page in two strips whose second strip prints its top rows' last
 * column after the other rows (pdftotext taking the 总计 header with the
 * cells below it): read whole. */
static void
test_strip_tops_last (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 5);
  append_strip_tops_last (s, v, 16, 3, NULL);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Table 四's column-group header (复议后起诉, its columns' words one
 * character a line) and the cells under it printed before its heading,
 * right after table 三's last row: they end table 三's section, which
 * reads whole without them. */
static void
test_next_tables_headers_end_the_section (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 6);
  append_strip_tops_last (s, v, 20, 4, NULL);
  g_string_append (s, "复议后起诉\n结 其 尚\n果 他 未\n纠 结 审\n正 果 结\n0 0 0\n\n总\n计\n2\n\n"
                      "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n");
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Table 四's last group (复议后起诉) printed before its heading, set beside
 * it: its cells and total under their headers, then the heading, the
 * other groups' blocks and the last group's 结/果/维/持 cell.  Those rows
 * are table 四's last columns: read after the rows under the heading, each
 * number under its column's header is its group's, every group adding up;
 * read first, as printed, they fit no group. */
static void
test_next_tables_cells_before_its_heading_read_last (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_row_by_row (v, 3);
  static const int want[15] = { 2, 1, 4, 3, 10, 0, 0, 1, 0, 1, 3, 0, 2, 0, 5 };
  g_string_append_printf (s,
                          "复议后起诉\n" PARTS_HEADER "%d %d %d\n\n" TOTAL_CELL
                          "四、政府信息公开行政复议、行政诉讼情况\n" UPHELD_CELL "行政复议\n" PARTS_HEADER
                          "%d %d %d\n\n" TOTAL_CELL UPHELD_CELL "未经复议直接起诉\n" PARTS_HEADER
                          "%d\n%d\n%d\n\n行政诉讼\n" TOTAL_CELL UPHELD_CELL,
                          want[11], want[12], want[13], want[14], want[0], want[1], want[2], want[3], want[4],
                          want[5], want[6], want[7], want[8], want[9], want[10]);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  assert_appeals_groups (rec, want);
}

/* A browser's last page of table 三 beside table 四, table 四's last group
 * begun before its heading: table 三's last rows' columns come out as
 * blocks of bare numbers, the first ones before the heading, then that
 * group's 结/果/维/持 (a column's title printed vertically, which no column
 * of table 三 prints) and the cells under its name, then the heading, the
 * other blocks and table 三's last columns among them.  The title ends
 * table 三's section; its columns after the heading go back to it, and
 * the rows before the heading are table 四's last columns. */
static void
test_next_tables_column_title_before_its_heading (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 8);
  enum { LAST = 22, BEFORE = 5 };
  static const int want[15] = { 1, 0, 2, 0, 3, 0, 1, 1, 1, 3, 2, 0, 0, 1, 3 };
  append_rows_then_labels (s, v, LAST);
  for (int c = 0; c < COLS; c++)
    {
      if (c == BEFORE)
        g_string_append_printf (s,
                                UPHELD_CELL "复议后起诉\n" PARTS_HEADER "%d %d %d\n\n"
                                "四、政府信息公开行政复议、行政诉讼情况\n" UPHELD_CELL "行政复议\n" PARTS_HEADER
                                "%d %d %d\n\n" TOTAL_CELL UPHELD_CELL "未经复议直接起诉\n" PARTS_HEADER
                                "%d\n%d\n%d\n\n行政诉讼\n" TOTAL_CELL,
                                want[10], want[11], want[12], want[13], want[0], want[1], want[2], want[3], want[4],
                                want[5], want[6], want[7], want[8], want[9]);
      for (int r = LAST; r < ROWS; r++)
        g_string_append_printf (s, "%d\n", v[r][c]);
      g_string_append (s, "\n");
    }
  g_string_append_printf (s, TOTAL_CELL, want[14]);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  assert_appeals_groups (rec, want);
}

/* A browser's page of table 三 in two strips: its rows' first five columns
 * row by row, then under the page's foot the strip of 其他 and 总计 — the
 * top rows' 其他 under its header, the other rows a few at a time (each
 * few column by column, a blank line after each column's run; a row alone
 * across), the top rows' 总计 last.  Two rows read column by column look
 * on the page like two rows read across; only the identities tell them
 * apart.  The placements are too many to walk, and the cheapest by their
 * steps read those two rows across, taking misprints: walked again up to
 * that cost, the placement keeping every identity is found, and read. */
static void
test_strip_pair_told_by_the_identities (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 5);
  /* the pair's 其他 and 总计 apart, other rows' 其他 not all zero */
  v[FIRST_OUTCOME][5] = 2, v[4][5] = 1, v[5][5] = 0, v[4][0] = 3, v[5][0] = 1, v[12][5] = 3;
  table_add_up (v);
  enum { TOP = 4, PAGE = 20 };
  static const int groups[] = { 2, 3, 3, 3, 3, 1, 1 };
  for (int r = 0; r < PAGE; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS - 2; c++)
        g_string_append_printf (s, "%d\n", v[r][c]);
    }
  g_string_append (s, "\n- 2 -\n\n其他\n");
  for (int r = 0; r < TOP; r++)
    g_string_append_printf (s, "%d\n", v[r][COLS - 2]);
  g_string_append (s, "\n总计\n\n");
  for (int g = 0, r = TOP; g < (int) G_N_ELEMENTS (groups); r += groups[g++])
    for (int c = COLS - 2; c < COLS; c++)
      {
        for (int q = r; q < r + groups[g]; q++)
          g_string_append_printf (s, "%d\n", v[q][c]);
        g_string_append (s, "\n");
      }
  for (int r = 0; r < TOP; r++)
    g_string_append_printf (s, "%d\n", v[r][COLS - 1]);
  g_string_append (s, "\f");
  append_rows_whole (s, v, PAGE);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* A dump in columns (pdftotext -layout) whose labels wrap around their
 * rows' lines (the label's head above its numbers, its tail below, so the
 * text above a row's numbers holds two rows' labels: a block of labels),
 * of a table with two published errors (new_received's 商业企业 and the
 * total of （七）总计 one too many).  A row printed whole on its line lost
 * no edge number to its label: no placement reads it without one (leaving
 * the number beside it out) to explain the errors away; the rows stand as
 * printed and the checks fail. */
static void
test_row_on_its_line_keeps_its_edges (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 2);
  v[NEW][1]++, v[NEW][COLS - 1]++, v[PROCESSED][COLS - 1]++;
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n              申请人情况\n"
                                        "        自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n");
  for (int r = 0; r < ROWS; r++)
    {
      glong half = g_utf8_strlen (labels[r], -1) / 2;
      const char *tail = g_utf8_offset_to_pointer (labels[r], half);
      g_string_append_printf (s, "%.*s\n        ", (int) (tail - labels[r]), labels[r]);
      for (int c = 0; c < COLS; c++)
        g_string_append_printf (s, "%-6d", v[r][c]);
      g_string_append_printf (s, "\n%s\n", tail);
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Table 二 (template 2021) printed by a browser in parts: the first two
 * columns of its first block, its other blocks, then after the page's
 * foot the header 现行有效件数 — and its two numbers after table 三's
 * heading.  Table 二 cannot tell where they go among its parts; table 三,
 * whose zeros are printed, holds exactly two numbers more than its cells:
 * they are no cell of table 三, which reads whole without them. */
static void
test_previous_tables_numbers_after_the_heading_left_out (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 9);
  g_autoptr (GString) s = g_string_new (
    "二、主动公开政府信息情况\n信息内容\n规章\n行政规范性文件\n信息内容\n行政许可\n信息内容\n行政处罚\n"
    "行政强制\n\n第二十条第（一）项\n本年制发件数\n本年废止件数\n1\n0\n11\n5\n第二十条第（五）项\n"
    "本年处理决定数量\n28705\n第二十条第（六）项\n本年处理决定数量\n5060\n4974\n\n-1-\n\n现行有效件数\n\f"
    "信息内容\n行政事业性收费\n\n第二十条第（八）项\n本年收费金额（单位：万元）\n2248.3035\n\n"
    "三、收到和处理政府信息公开申请情况\n\n9\n133\n\n申请人情况\n自然人\n商业企业\n科研机构\n"
    "社会公益组织\n法律服务机构\n");
  append_strip_tops_last (s, v, 20, 4, NULL);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* Table 二 of template 2021, then a table 三 whose （六） rows' labels are
 * printed as one wrapped block before their numbers (the row reading
 * finds template 2019's one row （六）其他处理 there): its numbers, every
 * zero printed, fill 2021's grid exactly and not 2019's, and the template
 * table 二 decided is the table's. */
static void
test_numbers_fill_the_earlier_tables_template (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 7);
  g_autoptr (GString) s = g_string_new (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
    "规章\n1\n0\n9\n行政规范性文件\n11\n5\n133\n第二十条第（五）项\n信息内容\n本年处理决定数量\n"
    "行政许可\n2870\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n506\n行政强制\n49\n"
    "第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n22.5\n");
  append_header (s);
  append_strip_tops_last (s, v, 20, 4,
                          "1.申请人无正当理\n由逾期不补正、\n行政机关不再处\n理其政府信息公\n（六） 开申请\n"
                          "其他处 2.申请人逾期未按\n理 收费通知要求缴\n纳费用、行政机\n关不再处理其政\n"
                          "府信息公开申请\n3.其他\n（七）总计\n四、结转下年度继续办理\n\n");
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_cmpstr (rec->template_id, ==, "2021");
}

/* The pieces of a number printed in a cell narrower than it, a line each,
 * two digits a line ("1346" as "13" / "46"), in full-width digits. */
static void
append_wrapped (GString *s, int value)
{
  g_autofree char *digits = g_strdup_printf ("%d", value);
  for (const char *p = digits; *p; p++)
    {
      g_string_append_unichar (s, 0xFF10 + (gunichar) (*p - '0'));
      if (p[1] == '\0' || (p - digits) % 2 == 1)
        g_string_append_c (s, '\n');
    }
}

/* A word processor's table whose natural-person and total columns are
 * narrow: the first four rows' numbers wrap there, and pdftotext prints
 * them in strips (the narrow column's pieces as one run of lines, the
 * middle columns row by row, the totals' pieces), so those columns hold
 * more tokens than rows.  The pieces are joined where the row totals say:
 * every cell read, none ambiguous. */
static void
test_numbers_wrapped_in_narrow_columns (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 8);
  /* a busy year: thousands of applications from natural persons */
  static const int more[][2] = { { FIRST_OUTCOME, 690 }, { FIRST_OUTCOME + 1, 130 }, { 13, 88 } };
  for (guint k = 0; k < G_N_ELEMENTS (more); k++)
    {
      v[more[k][0]][0] += more[k][1];
      v[more[k][0]][COLS - 1] += more[k][1];
      v[PROCESSED][0] += more[k][1];
      v[PROCESSED][COLS - 1] += more[k][1];
      v[NEW][0] += more[k][1];
      v[NEW][COLS - 1] += more[k][1];
    }
  v[CARRIED][0] += 210, v[CARRIED][COLS - 1] += 210, v[FORWARD][0] += 210, v[FORWARD][COLS - 1] += 210;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 3; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "\n");
  for (int r = 0; r < 4; r++)
    append_wrapped (s, v[r][0]);
  g_string_append_printf (s, "\n%s\n\n", labels[3]);
  for (int r = 0; r < 4; r++)
    for (int c = 1; c < COLS - 1; c++)
      append_cell (s, v[r][c]);
  for (int r = 0; r < 4; r++)
    append_wrapped (s, v[r][COLS - 1]);
  g_string_append (s, "\n");
  for (int r = 4; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  g_assert_cmpint (v[NEW][COLS - 1], >=, 1000);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* A word processor's page printed numbers first, row by row, then its
 * label column as a block: one row's edge cells, whose numbers wrap in
 * their narrow columns, went with its label into that block (the first
 * piece beside the label's first line, the others among the next labels).
 * The row is read without them, and the pieces left in the labels fill
 * them, joined the one way the row's total allows; a misprinted total
 * leaves them unread (null, not guessed), every other cell read. */
static void
test_row_edges_with_the_labels (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 9);
  enum { WRAPPED = 12, FLOW_FIRST = 6, FLOW_LAST = 21 };
  v[WRAPPED][0] += 300, v[WRAPPED][COLS - 1] += 300, v[PROCESSED][0] += 300, v[PROCESSED][COLS - 1] += 300;
  v[NEW][0] += 300, v[NEW][COLS - 1] += 300;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < FLOW_FIRST; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  for (int r = FLOW_FIRST; r <= FLOW_LAST; r++)
    for (int c = r == WRAPPED; c < COLS - (r == WRAPPED); c++)
      append_cell (s, v[r][c]);
  for (int r = FLOW_FIRST; r <= FLOW_LAST; r++)
    {
      g_string_append_printf (s, "%s", labels[r]);
      if (r == WRAPPED)
        {
          g_string_append (s, " ");
          append_wrapped (s, v[r][0] / 10);
        }
      else
        g_string_append (s, "\n");
      if (r == WRAPPED + 3)
        {
          g_string_append_printf (s, "%d\n\n", v[WRAPPED][0] % 10);
          append_wrapped (s, v[WRAPPED][COLS - 1]);
        }
    }
  g_string_append (s, "\n");
  for (int r = FLOW_LAST + 1; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  g_assert_cmpint (v[WRAPPED][0], >=, 100);
  g_autofree char *text = g_strdup (s->str);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  /* the same print with the row's total misprinted by one */
  g_autoptr (GString) wrong = g_string_new (NULL);
  append_wrapped (wrong, v[WRAPPED][COLS - 1] + 1);
  g_autoptr (GString) right = g_string_new (NULL);
  append_wrapped (right, v[WRAPPED][COLS - 1]);
  g_autoptr (GString) misprinted = g_string_new (text);
  g_assert_cmpint (g_string_replace (misprinted, right->str, wrong->str, 1), ==, 1);
  g_autoptr (GkRecord) rec2 = read_text (misprinted);
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        if (r == WRAPPED && (c == 0 || c == COLS - 1))
          g_assert_cmpint (gk_record_get (rec2, key)->kind, ==, GK_VALUE_NULL);
        else if (!tu_int_is (rec2, key, v[r][c]))
          g_error ("%s: want %d", key, v[r][c]);
      }
}

/* Corner orders append_page_with_corner prints. */
enum { CORNER_FIRST = 0, CORNER_LAST = 1, CORNER_PAIR_BY_COLUMNS = 2, CORNER_RIGHT_TO_LEFT = 4 };

/* A page's rows printed as a staircase corner and the rest (pdftotext's
 * flow cut by a tall label beside the table): the first cuts[r] columns of
 * each of the page's first rows, row after row, then (after the header of
 * the other columns) the rest of every row of the page; or the rest first
 * and the corner last (CORNER_LAST); the first two rows (cut alike) in each
 * part column by column (CORNER_PAIR_BY_COLUMNS); the corner's columns
 * right to left (CORNER_RIGHT_TO_LEFT).  The next page row by row. */
static void
append_page_with_corner (GString *s, int v[ROWS][COLS], const int *cuts, int page_rows, guint order)
{
  gboolean corner_last = order & CORNER_LAST, pair_by_columns = order & CORNER_PAIR_BY_COLUMNS;
  gboolean reversed = order & CORNER_RIGHT_TO_LEFT;
  for (int part = 0; part < 2; part++)
    {
      gboolean corner = (part == 0) != corner_last;
      g_string_append (s, !corner ? "法律服务机构\n其他\n总计\n" : reversed ? "商业企业\n自然人\n" : "自然人\n商业企业\n");
      for (int r = 0; r < page_rows; r++)
        {
          if (part == 0 && r == 0)
            append_labels (s);
          int from = corner ? 0 : cuts[r], to = corner ? cuts[r] : COLS;
          if (pair_by_columns && r == 0)
            {
              g_assert_cmpint (cuts[0], ==, cuts[1]);
              for (int c = from; c < to; c++)
                append_cell (s, v[0][c]), append_cell (s, v[1][c]);
              r++;
              continue;
            }
          for (int j = from; j < to; j++)
            append_cell (s, v[r][corner && reversed ? to - 1 - (j - from) : j]);
        }
    }
  g_string_append (s, "\f");
  for (int r = page_rows; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
}

static void
test_page_corner_first (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 9);
  enum { PAGE_ROWS = 12 };
  static const int cuts[PAGE_ROWS] = { 4, 4, 3, 2, 1 };
  append_page_with_corner (s, v, cuts, PAGE_ROWS, CORNER_FIRST);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The same, the first two rows' corners and rests each printed column by
 * column (their labels taller than their cells). */
static void
test_page_corner_pair_by_columns (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 11);
  enum { PAGE_ROWS = 14 };
  static const int cuts[PAGE_ROWS] = { 4, 4, 4, 3, 2, 1 };
  append_page_with_corner (s, v, cuts, PAGE_ROWS, CORNER_PAIR_BY_COLUMNS);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

static void
test_page_corner_last (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 10);
  enum { PAGE_ROWS = 12 };
  static const int cuts[PAGE_ROWS] = { 2, 1 };
  append_page_with_corner (s, v, cuts, PAGE_ROWS, CORNER_LAST);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The corner last, its columns right to left (pdftotext takes the header
 * cells over a short table's corner, each with its number, from the right). */
static void
test_page_corner_right_to_left (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 12);
  enum { PAGE_ROWS = 10 };
  static const int cuts[PAGE_ROWS] = { 4, 3 };
  append_page_with_corner (s, v, cuts, PAGE_ROWS, CORNER_LAST | CORNER_RIGHT_TO_LEFT);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The same page with a published error in it: a row of the rest, below
 * the corner, prints a total one more than its parts.  The staircase is
 * still the reading its rows' identities like best, at one misprint; the
 * table's identities judge it as any placement, and the row is read as
 * printed. */
static void
test_page_corner_with_a_misprint (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 12);
  enum { PAGE_ROWS = 10, MISPRINTED = 5 };
  v[MISPRINTED][COLS - 1]++;
  static const int cuts[PAGE_ROWS] = { 4, 3 };
  append_page_with_corner (s, v, cuts, PAGE_ROWS, CORNER_LAST | CORNER_RIGHT_TO_LEFT);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* A page printed in two strips, the totals column apart: each row's label
 * and its applicant cells, then under the page's foot the header 总计 and
 * the page's totals, one a line; the next page row by row, its last row
 * cut short (its other numbers printed with the next section), so the
 * stream is shorter than the grid.  The first page is read whole. */
static void
test_page_totals_strip_in_a_short_stream (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 13);
  enum { PAGE_ROWS = 13 };
  for (int r = 0; r < PAGE_ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS - 1; c++)
        append_cell (s, v[r][c]);
    }
  append_totals_strip_and_rest (s, v, 0, PAGE_ROWS);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, 0, PROCESSED);
}

/* A row turned round beside a tall label: its other cells printed first,
 * then the line that begins its label with its first cell on it.  That
 * number is the row's first cell, the rest its later ones, in order. */
static void
test_row_turned_round_after_its_label (void)
{
  enum { TURNED = FIRST_OUTCOME + 1 };
  int v[ROWS][COLS];
  g_autoptr (GString) s = NULL;
  for (int seed = 1;; seed++)
    {
      consistent_table (v, seed);
      if (v[TURNED][0] != v[TURNED][1] && v[TURNED][0] != v[TURNED][COLS - 2])
        break;
    }
  s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      if (r != TURNED)
        {
          g_string_append_printf (s, "%s\n", labels[r]);
          for (int c = 0; c < COLS; c++)
            append_cell (s, v[r][c]);
          continue;
        }
      for (int c = 1; c < COLS; c++)
        append_cell (s, v[r][c]);
      g_string_append_printf (s, "%s %d\n\n", labels[r], v[r][0]);
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
}

/* The page of a short stream printed in two strips (the totals column
 * apart, under the page's foot) with one row turned round beside its tall
 * label: the page read row by row needs misprints, in its strips none, and
 * it is read so — on the first page, or on a later one (the page's rows
 * placed alone, their labels named as the page's rows).  first_rows rows
 * printed whole on a page before it. */
static void
page_totals_strip_with_a_turned_row (int first_rows)
{
  enum { PAGE_ROWS = 13, TURNED = 10 };
  int v[ROWS][COLS];
  g_autoptr (GString) s = NULL;
  for (int seed = 1;; seed++)
    {
      consistent_table (v, seed);
      if (v[TURNED][0] != 0 && v[TURNED][0] != v[TURNED][1] && v[TURNED][0] != v[TURNED][COLS - 2])
        break;
    }
  s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < PAGE_ROWS; r++)
    {
      if (r == first_rows && r > 0)
        append_page_break (s, 1);
      if (r == TURNED)
        {
          for (int c = 1; c < COLS - 1; c++)
            append_cell (s, v[r][c]);
          g_string_append_printf (s, "%s %d\n\n", labels[r], v[r][0]);
          continue;
        }
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < (r < first_rows ? COLS : COLS - 1); c++)
        append_cell (s, v[r][c]);
    }
  append_totals_strip_and_rest (s, v, first_rows, PAGE_ROWS);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, 0, PAGE_ROWS);
}

static void
test_page_totals_strip_with_a_turned_row (void)
{
  page_totals_strip_with_a_turned_row (0);
}

static void
test_later_page_totals_strip_with_a_turned_row (void)
{
  page_totals_strip_with_a_turned_row (3);
}

/* Table v with thousands from natural persons in three rows: its first
 * and last columns' numbers wrap where those columns are narrow. */
static void
busy_wrapped_table (int v[ROWS][COLS])
{
  consistent_table (v, 10);
  static const int more[][2] = { { FIRST_OUTCOME, 3410 }, { 13, 88 }, { 16, 5 } };
  for (guint k = 0; k < G_N_ELEMENTS (more); k++)
    for (int r = 0; r < 3; r++)
      {
        int row = r == 0 ? more[k][0] : r == 1 ? PROCESSED : NEW;
        v[row][0] += more[k][1];
        v[row][COLS - 1] += more[k][1];
      }
}

/* Row by row, each cell a block of its own, in a table whose first and last
 * columns are narrow: a wrapped number is a block of two lines, its pieces
 * joined where the row's total says. */
static void
test_row_major_wrapped_cells (void)
{
  int v[ROWS][COLS];
  busy_wrapped_table (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (c == 0 || c == COLS - 1)
          {
            append_wrapped (s, v[r][c]);
            g_string_append (s, "\n");
          }
        else
          append_cell (s, v[r][c]);
    }
  g_assert_cmpint (v[NEW][COLS - 1], >=, 1000);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Row by row, each row one block of touching lines (its label, then its
 * cells a line each), most cells two digits wide, and the first and last
 * columns narrow: a number of three digits or more wraps there in pieces
 * of two.  So nearly every cell may be a piece of the one before it, far
 * more than a table's joins: the pieces of the last rows are joined all
 * the same, where the rows' totals say. */
static void
test_wrapped_cells_after_many_possible_pieces (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 3);
  for (int r = FIRST_OUTCOME; r <= LAST_OUTCOME; r++)
    for (int c = 0; c < COLS - 1; c++)
      if (v[r][c])
        v[r][c] += 10 + r;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  guint wrapped = 0;
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if ((c == 0 || c == COLS - 1) && v[r][c] >= 100)
          append_wrapped (s, v[r][c]), wrapped += r >= PROCESSED;
        else
          g_string_append_printf (s, "%d\n", v[r][c]);
      g_string_append (s, "\n");
    }
  g_assert_cmpuint (wrapped, >=, 2);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* A dump that sets each of its lines apart, a blank line after every one
 * (mutool's of a word processor's PDF): the paragraphs' lines, the labels,
 * each cell and each piece of a number wrapped in a narrow cell alike.  A
 * blank line there is no block break: the pieces are joined where the
 * rows' totals say. */
static void
test_wrapped_cells_in_a_dump_spacing_its_lines (void)
{
  int v[ROWS][COLS];
  busy_wrapped_table (v);
  g_autoptr (GString) one = g_string_new (
    "一、总体情况\n2023年，本机关坚持以公开为常态、不公开为例外，\n全面推进决策、执行、管理、服务、结果公开，持续\n"
    "加大主动公开力度，不断拓展公开的深度和广度，着力\n提升政务公开质量，充分保障人民群众的知情权、参与\n"
    "权、表达权与监督权，政府信息公开工作总体运行平稳\n有序。全年通过政府门户网站主动公开政府信息共计\n"
    "1902条，其中重点领域信息351条，政策解读类信息\n269条；依申请公开工作严格按照法定时限和程序办\n"
    "理，答复率百分之百，未发生因政府信息公开工作引发\n的责任追究情况，工作机制进一步健全完善规范。\n");
  append_header (one);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (one, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (c == 0 || c == COLS - 1)
          append_wrapped (one, v[r][c]);
        else
          g_string_append_printf (one, "%d\n", v[r][c]);
    }
  /* every line a block of its own */
  g_autoptr (GString) s = g_string_new (NULL);
  for (const char *p = one->str; *p; p++)
    {
      g_string_append_c (s, *p);
      if (*p == '\n')
        g_string_append_c (s, '\n');
    }
  g_assert_cmpint (v[NEW][COLS - 1], >=, 1000);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四's numbers from its first through the direct group's parts, then
 * a break (the last group's heading and the header of the direct group's
 * total and the last group's columns, as header), then six numbers. */
static GkRecord *
read_total_after_a_break_of (const char *header, const int before[9], const int after[6])
{
  g_autoptr (GString) s = table4_start ();
  for (guint k = 0; k < 9; k++)
    append_cell (s, before[k]);
  g_string_append_printf (s, "复议后起诉\n%s", header);
  for (guint k = 0; k < 6; k++)
    append_cell (s, after[k]);
  return read_text (s);
}

static GkRecord *
read_total_after_a_break (const char *header)
{
  return read_total_after_a_break_of (header, (const int[]){ 1, 0, 2, 0, 3, 1, 0, 1, 0 },
                                      (const int[]){ 2, 1, 0, 0, 2, 3 });
}

/* The litigation groups read whole as direct and after, nothing ambiguous. */
static void
assert_litigation_groups (const GkRecord *rec, const int direct[5], const int after[5])
{
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 四 with a break (the next group's headers) inside a group, before
 * its total: pdftotext reads the block after it in no fixed order, so the
 * total may be its first number or come after the next group's parts.  A
 * header printed one character a line, line after line across the
 * columns, the total's first, says nothing of that order.  Both readings
 * add up here; the cells they disagree on are not read. */
static void
test_total_after_a_break (void)
{
  g_autoptr (GkRecord) rec = read_total_after_a_break ("总\n结\n结\n其\n尚\n总\n计\n果\n果\n他\n未\n计\n维\n纠\n结\n审\n"
                                                      "持\n正\n果\n结\n");
  g_assert_true (tu_int_is (rec, "appeals.review.total", 3));
  g_assert_true (tu_int_is (rec, "appeals.litigation_direct.upheld", 1));
  g_assert_true (tu_int_is (rec, "appeals.litigation_direct.total", 2));
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.other", 0));
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.total", 3));
  for (const char *const *k = (const char *const[]){ "upheld", "corrected", "pending", NULL }; *k; k++)
    {
      g_autofree char *key = g_strconcat ("appeals.litigation_after_review.", *k, NULL);
      g_assert_cmpint (gk_record_get (rec, key)->kind, ==, GK_VALUE_NULL);
    }
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* The same break with a header that spells its columns whole, one after
 * the other (总/计 then 结/果/维/持 …): the columns came out as blocks,
 * left to right, and the numbers under them so — the total first. */
static void
test_total_after_a_break_spelled (void)
{
  g_autoptr (GkRecord) rec = read_total_after_a_break ("总\n计\n结\n果\n维\n持\n结果纠正\n其\n他\n结\n果\n尚未审结\n"
                                                      "总\n计\n");
  assert_litigation_groups (rec, (const int[]){ 1, 0, 1, 0, 2 }, (const int[]){ 1, 0, 0, 2, 3 });
}

/* Table 四's header of a group's total and the next group's columns,
 * printed a character a line across the columns, the parts' first line
 * first. */
#define PARTS_FIRST_HEADER "结\n结\n其\n尚\n总\n果\n果\n他\n未\n总\n计\n维\n纠\n结\n审\n计\n持\n正\n果\n结\n"

/* The same break under a header printed a character a line across the
 * columns whose first line is the next group's parts' (结 结 其 尚, the
 * totals' shorter headers set lower, from its second line): pdftotext
 * gives the parts' numbers first, then the totals — the group before's,
 * then the next group's. */
static void
test_total_after_a_break_parts_first (void)
{
  g_autoptr (GkRecord) rec = read_total_after_a_break (PARTS_FIRST_HEADER);
  assert_litigation_groups (rec, (const int[]){ 1, 0, 1, 0, 2 }, (const int[]){ 2, 1, 0, 0, 3 });
}

/* The same header over numbers that strips of columns fit two ways (the
 * first four columns of both groups, then both totals; or the first, the
 * next two, the last two), the row-by-row reading breaking a group's
 * total: the header's order (the parts, the group before's total, the
 * next group's) fits, and tells. */
static void
test_parts_first_header_tells_strips_apart (void)
{
  g_autoptr (GkRecord) rec = read_total_after_a_break_of (PARTS_FIRST_HEADER, (const int[]){ 0, 0, 0, 0, 0, 0, 0, 0, 0 },
                                                          (const int[]){ 1, 2, 0, 0, 0, 3 });
  assert_litigation_groups (rec, (const int[]){ 0, 0, 0, 0, 0 }, (const int[]){ 1, 2, 0, 0, 3 });
}

/* Table 四's two litigation groups printed in two strips, their totals
 * apart: each group's four parts, the second group's header (one character
 * a line, as pdftotext leaves tall narrow header cells) between them, then
 * both totals.  Three strips (the first column, the middle three, the
 * total) add up too, but put the header inside a group's run of cells: a
 * strip prints each row's part in one run, so the two strips are read. */
static void
test_strip_rows_unbroken_by_headers (void)
{
  g_autoptr (GString) s = table4_start ();
  static const int review[] = { 1, 2, 0, 1, 4 }, direct[] = { 2, 1, 0, 3, 6 }, after[] = { 1, 0, 2, 0, 3 };
  for (int c = 0; c < 5; c++)
    append_cell (s, review[c]);
  for (int c = 0; c < 4; c++)
    append_cell (s, direct[c]);
  g_string_append (s, "结\n结\n其\n尚\n总\n果\n果\n他\n未\n计\n");
  for (int c = 0; c < 4; c++)
    append_cell (s, after[c]);
  append_cell (s, direct[4]);
  append_cell (s, after[4]);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_appeals_group (rec, "litigation_direct", direct);
  assert_appeals_group (rec, "litigation_after_review", after);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* A 2021 report whose table 三 keeps 2019's one row of （六）其他处理 (23
 * rows), its labels as a block and then its numbers: the labels fit both
 * templates alike, the numbers fill only the grid of 23 rows. */
static void
test_grid_the_numbers_fill (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 3);
  /* table 二 of 2021 before it: the template chosen for an earlier table */
  g_string_prepend (s, "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                       "规章 1 1 5\n行政规范性文件 13 5 200\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 2504\n"
                       "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 1704\n行政强制 335\n第二十条第（八）项\n"
                       "信息内容 本年收费金额（单位：万元）\n行政事业性收费 42\n");
  for (int c = 0; c < COLS; c++)
    {
      v[LAST_OUTCOME][c] += v[LAST_OUTCOME - 1][c] + v[LAST_OUTCOME - 2][c];
      v[LAST_OUTCOME - 1][c] = v[LAST_OUTCOME - 2][c] = 0;
    }
  for (int r = 0; r < ROWS; r++)
    if (r < LAST_OUTCOME - 2 || r > LAST_OUTCOME)
      g_string_append_printf (s, "%s\n", labels[r]);
    else if (r == LAST_OUTCOME)
      g_string_append (s, "（六）其他处理\n");
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS && (r < LAST_OUTCOME - 2 || r == LAST_OUTCOME || r > LAST_OUTCOME); c++)
      append_cell (s, v[r][c]);
  g_autoptr (GkRecord) rec = read_text (s);
  for (int c = 0; c < COLS; c++)
    {
      g_autofree char *key = g_strconcat ("applications.other_handling.", col_keys[c], NULL);
      g_autofree char *total = g_strconcat ("applications.processed_total.", col_keys[c], NULL);
      g_assert_true (tu_int_is (rec, key, v[LAST_OUTCOME][c]));
      g_assert_true (tu_int_is (rec, total, v[PROCESSED][c]));
    }
}

/* A page's first row printed with only its total beside its label, its
 * other cells (dashes) after the page's rows, each alone among the
 * repeated header's words and the wrapped labels of other rows, right to
 * left (pdftotext's flow on a word processor's page).  Placements that
 * keep the stream's order shift the rows after it two ways; each row whose
 * label is printed right before exactly its numbers is pinned by it, and
 * a run of dashes between two labels is zeros whatever its order: every
 * cell is read. */
static void
test_rows_their_labels_pin (void)
{
  int v[ROWS][COLS];
  memset (v, 0, sizeof v);
  enum { BROKEN = 4, LAST_ON_PAGE = 17, ONES = 16 };
  static const char *const header_words[] = { "组织 机构", "总计", "公益 服务 其他", "社会 法律", "商业 科研", "自然" };
  /* rows whose wrapped labels pdftotext prints after the page's rows */
  static const gboolean late[ROWS] = { [5] = TRUE, [6] = TRUE, [7] = TRUE, [8] = TRUE, [9] = TRUE,
                                       [12] = TRUE, [13] = TRUE, [14] = TRUE, [15] = TRUE };
  v[NEW][0] = v[FORWARD][0] = 1;
  v[ONES][1] = v[PROCESSED][1] = v[NEW][1] = 1;
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS - 1; c++)
      v[r][COLS - 1] += v[r][c];
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      if (r == BROKEN)
        append_page_break (s, 1);
      if (r == LAST_ON_PAGE + 1)
        {
          for (int q = BROKEN; q <= LAST_ON_PAGE; q++)
            if (late[q])
              g_string_append_printf (s, "%s\n\n", labels[q]);
          for (int c = COLS - 2; c >= 0; c--)
            g_string_append_printf (s, "%s\n\n—\n\n", header_words[COLS - 2 - c]);
          append_page_break (s, 2);
        }
      if (!late[r])
        g_string_append_printf (s, "%s\n\n", labels[r]);
      for (int c = r == BROKEN ? COLS - 1 : 0; c < COLS; c++)
        if (v[r][c])
          append_cell (s, v[r][c]);
        else
          g_string_append (s, "—\n\n");
    }
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* Table 三 with blank cells for zero whose labels all come first, then its
 * numbers row after row, every row printing its total (v: the values, the
 * text so far appended to s).  Rows from `band` on (three of them, when
 * band < ROWS) come column by column instead, an order no reading by rows
 * explains. */
static void
append_blank_zero_after_labels (GString *s, int v[ROWS][COLS], int band)
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  v[NEW][0] = 2, v[NEW][4] = 1, v[NEW][COLS - 1] = 3;
  v[FIRST_OUTCOME][0] = v[FIRST_OUTCOME][COLS - 1] = 2;
  v[7][4] = v[7][COLS - 1] = 1;
  memcpy (v[PROCESSED], v[NEW], sizeof v[NEW]);
  append_header (s);
  append_labels (s);
  g_string_append (s, "商业企业\n科研机构\n");
  for (int r = 0; r < ROWS && r < band; r++)
    for (int c = 0; c < COLS; c++)
      if (v[r][c] || c == COLS - 1 || r == PROCESSED)
        append_cell (s, v[r][c]);
  for (int c = 0; c < COLS && band < ROWS; c++)
    for (int r = band; r < band + 3; r++)
      if (v[r][c] || c == COLS - 1 || r == PROCESSED)
        append_cell (s, v[r][c]);
}

/* Every row's numbers end where its parts add up to its total: the stream
 * splits into rows one way only, and the identities across the rows (the
 * balance, the outcome sums with （七）总计 printed whole) put each part in
 * its column. */
static void
test_blank_zero_rows_by_their_totals (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = g_string_new (NULL);
  append_blank_zero_after_labels (s, v, ROWS);
  g_autoptr (GkRecord) rec = read_and_assert (s, v);
  g_assert_null (tu_warning (rec->warnings, "ambiguous_placement", NULL));
}

/* The labels of the first rows as a block, then a strip of two columns
 * (社会公益组织, 法律服务机构) row by row, zeros printed, and the text cut
 * off there: the strip's first zeros fit the first rows, each a total of
 * 0 (no other cut of them adds up), but numbers follow them: the rows are
 * not read as zeros. */
static void
test_blank_zero_rows_not_zeros_before_numbers (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[CARRIED][4] = 3;
  v[FIRST_OUTCOME][0] = 5, v[FIRST_OUTCOME][4] = 1;
  v[FIRST_OUTCOME + 1][4] = 2;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 3; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  g_string_append (s, "社会公益组织\n法律服务机构\n\n");
  for (int r = 0; r < 8; r++)
    {
      append_cell (s, v[r][3]);
      append_cell (s, v[r][4]);
    }
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* A page of dashes for zero, cut off after it: its rows, most of them
 * under no label, the labels of those printed at the page's foot among a
 * few of the rows' dashes (pdftotext reading the label column beside the
 * cells late), one row printed whole beside its label: "— 1 — — — — 1".
 * The page read alone fits rows of zeros anywhere; it does not move the
 * row its label holds. */
static void
test_page_keeps_a_row_printed_whole (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[16][1] = 1;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < 4; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        append_cell (s, v[r][c]);
    }
  g_string_append (s, "- 1 -\n\f申请人情况\n");
  static const int named[] = { 4, 10, 11, 16, 17 };
  guint next = 0, foot = 0;
  for (int r = 4; r < 18; r++)
    {
      if (next < G_N_ELEMENTS (named) && named[next] == r)
        g_string_append_printf (s, "%s\n", labels[named[next++]]);
      for (int c = 0; c < COLS; c++)
        {
          /* the last cells of rows 13 to 15 went to the foot */
          if ((r == 13 && c >= 5) || (r == 14 && c >= 3) || (r == 15 && c >= 4))
            {
              foot++;
              continue;
            }
          if (v[r][c])
            append_cell (s, v[r][c]);
          else
            g_string_append (s, "—\n\n");
        }
    }
  static const int late[] = { 15, 14, 13, 12, 9, 8, 7, 6, 5 };
  for (guint k = 0; k < G_N_ELEMENTS (late); k++)
    {
      g_string_append_printf (s, "%s\n", labels[late[k]]);
      if (k < foot)
        g_string_append (s, "—\n\n");
    }
  g_string_append (s, "第 2 页\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* Table 二 of a browser's PDF dumped without its form feeds, the page's
 * number then the next page's header (its URL) printed among its blocks,
 * the text before and after; strip 2 of the row's pages (tail) follows. */
static GkRecord *
table2_with_page_furniture (const char *fee, const char *tail)
{
  g_autofree char *text = g_strdup_printf (
    "某县文化和旅游局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，某县文化和旅游局持续推进政务公开，"
    "不断拓展公开的深度和广度。\n\n1\n\n\nhttp://wl.mouxian.gov.cn/\n\n（一）主动公开\n全年主动公开政府信息2216条。\n"
    "二、主动公开政府信息情况\n第二十条第（一）项 信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n"
    "0\n\n0\n\n0\n\n行政规范性文件\n\n0\n\n0\n\n90\n\n第二十条第（五）项 信息内容\n\n本年处理决定数量\n行政许可\n\n"
    "56158\n第二十条第（六）项\n\n2\n\n\nhttp://wl.mouxian.gov.cn/\n\n信息内容\n\n本年处理决定数量\n行政处罚\n\n4393\n\n"
    "行政强制\n\n112\n第二十条第（八）项\n\n信息内容\n\n本年收费金额（单位：万元）\n行政事业性收费\n\n%s\n\n%s"
    "三、收到和处理政府信息公开申请情况\n",
    fee, tail);
  return tu_record_from_text (text);
}

/* A report whose later pages end in their bare numbers (2, 3), and whose
 * first page prints its number as a footer (- 1 -): on that page a 1 alone
 * on its line, a blank line after it as after every line of the dump, is
 * a cell (规章's 对外公开总数量), not the page's number. */
static void
test_page_with_a_footer_number_has_no_bare_one (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某县2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n\n信息内容\n\n本年新制作数量\n\n"
    "本年新公开数量\n\n对外公开总数量\n\n规章\n\n0\n\n0\n\n1\n\n规范性文件\n\n4\n\n4\n\n272\n\n- 1 -\n\n"
    "\f三、收到和处理政府信息公开申请情况\n\n本年新收政府信息公开申请5件。\n\n2\n\n"
    "\f五、存在的主要问题及改进情况\n\n无。\n\n3\n");
  g_assert_true (tu_int_is (rec, "active.rules.total", 1));
  g_assert_true (tu_int_is (rec, "active.normative_documents.total", 272));
}

/* Without form feeds no page says which bare number is its own: one alone
 * beside a browser's header or footer line (its URL), counting the pages
 * down the text (1, 2), is the page's number, no cell of table 二's; a
 * number beside that line that counts nothing (the fee, after 2) stays a
 * cell. */
static void
test_page_numbers_beside_a_url_without_form_feeds (void)
{
  g_autoptr (GkRecord) rec = table2_with_page_furniture ("3692.43", "");
  g_assert_true (tu_int_is (rec, "active.normative_documents.in_force", 90));
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 56158));
  g_assert_true (tu_int_is (rec, "active.penalty.decisions", 4393));
  g_assert_true (tu_int_is (rec, "active.coercion.decisions", 112));

  g_autoptr (GkRecord) cell = table2_with_page_furniture ("5", "\nhttp://wl.mouxian.gov.cn/\n\n");
  const GkValue *fee = gk_record_get (cell, "active.fees.amount_wan");
  g_assert_true (fee && fee->kind == GK_VALUE_DOUBLE && fabs (fee->d - 5) < 1e-9);
}

/* A dump that glues a browser's print stamp to the page's last line (the
 * fee's row here) reads the fee, not the stamp's minutes (13). */
static void
test_print_stamp_after_the_fee (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某区人民政府2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n规范性文件 1 2 70\n第二十条第（五）项\n"
    "信息内容 本年处理决定数量\n行政许可 5\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 10985\n"
    "行政强制 330\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n"
    "行政事业性收费 2014.72 2025/3/5 16:13\n三、收到和处理政府信息公开申请情况\n");
  g_assert_true (fee_is (rec, 2014.72));
  g_assert_true (tu_int_is (rec, "active.coercion.decisions", 330));
}

/* pdfminer runs a browser's page into one line of some 500 characters:
 * table 二's fee glued to its label, then table 三's rows, each row's
 * zeros after it.  The line is cut as a flattened page's, so the fee's row
 * reads its own number, not the last row's 0 at the line's end. */
static void
test_page_run_into_one_line (void)
{
  static const char *const rows[] = {
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密",
    "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
    "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
  };
  g_autoptr (GString) text = g_string_new (
    "某区人民政府2024年政府信息公开工作年度报告\n二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
    "本年废止件数现行有效件数规章   规范性文件  70第二十条第（五）项信息内容本年处理决定数量行政许可 "
    "第二十条第（六）项信息内容本年处理决定数量行政处罚10985行政强制330第二十条第（八）项信息内容"
    "本年收费金额（单位：万元）\n行政事业性收费2014.7285三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为："
    "第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织"
    "法律服务机构其他");
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "%s      0", rows[i]);
  g_string_append_c (text, '\n');
  g_autoptr (GkRecord) rec = tu_record_from_text (text->str);
  g_assert_true (fee_is (rec, 2014.7285));
}

/* Table 三 printed as its labels alone, every number of it after table
 * 四's heading (pdfminer's order of a browser's page), then table 四's
 * header and its 15 numbers.  No row of table 三 was read before its
 * numbers are found: they go back to it all the same.  Where they cannot
 * (a misprint: 5 new from natural persons, total 0), they are still no
 * cells of table 四, whose own numbers follow its header. */
static GkRecord *
table3_numbers_after_the_next_heading (const char *first)
{
  g_autoptr (GString) text = g_string_new ("某县人民政府2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                                           "申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n"
                                           "法律服务机构\n其他\n总计\n");
  for (guint r = 0; r < ROWS; r++)
    g_string_append_printf (text, "%s\n", labels[r]);
  g_string_append_printf (text, "四、政府信息公开行政复议、行政诉讼情况\n%s\n", first);
  for (guint k = 1; k < ROWS * COLS; k++)
    g_string_append (text, "0\n");
  g_string_append (text, "行政复议\n行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n未经复议直接起诉\n复议后起诉\n"
                         "0 2 3 1 6 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n无。\n");
  return tu_record_from_text (text->str);
}

static void
test_table3_numbers_after_the_next_heading (void)
{
  g_autoptr (GkRecord) zeros = table3_numbers_after_the_next_heading ("0");
  assert_appeals_group (zeros, "review", (const int[]){ 0, 2, 3, 1, 6 });
  assert_appeals_group (zeros, "litigation_after_review", (const int[]){ 0, 0, 0, 0, 0 });
  g_assert_true (tu_int_is (zeros, "applications.new_received.total", 0));
  g_assert_true (tu_int_is (zeros, "applications.carried_forward.total", 0));

  g_autoptr (GkRecord) misprint = table3_numbers_after_the_next_heading ("5");
  assert_appeals_group (misprint, "review", (const int[]){ 0, 2, 3, 1, 6 });
  g_assert_true (value_is_null (misprint, "applications.new_received.natural_person"));
}

/* The same with the last three rows printed column by column: the rows
 * before them, whose readings all end at the same number, are read (each
 * total; the parts of a row of zeros; the column of a part no identity
 * pins without （七）总计 is not known); the last three are not. */
static void
test_blank_zero_first_rows_by_their_totals (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = g_string_new (NULL);
  append_blank_zero_after_labels (s, v, LAST_OUTCOME);
  g_autoptr (GkRecord) rec = read_text (s);
  for (int r = 0; r < LAST_OUTCOME; r++)
    for (int c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", row_keys[r], col_keys[c]);
        gboolean pinned = c == COLS - 1 || v[r][COLS - 1] == 0;
        GkValue *got = gk_record_get (rec, key);
        if (pinned ? !tu_int_is (rec, key, v[r][c]) : got->kind != GK_VALUE_NULL)
          g_error ("%s: want %d%s", key, v[r][c], pinned ? "" : " or null");
      }
  g_assert_nonnull (tu_warning (rec->warnings, "ambiguous_placement", NULL));
  for (int r = LAST_OUTCOME; r < ROWS; r++)
    {
      g_autofree char *key = g_strdup_printf ("applications.%s.total", row_keys[r]);
      g_assert_cmpint (gk_record_get (rec, key)->kind, ==, GK_VALUE_NULL);
    }
}

/* Blank cells for zero, the labels first, and the numbers after them in
 * no order of rows: the first row's two zeros printed (beside the header)
 * before everything, then the table column by column.  Zeros fit any rows
 * however they are cut: read as the first two rows (each a total of 0),
 * only the row after them failing to read ended them.  That tells nothing
 * unless the failing row is the last of the run (its own misprint): the
 * first rows are not read as zeros. */
static void
test_blank_zero_first_rows_not_zeros_by_a_failure (void)
{
  int v[ROWS][COLS];
  memset (v, 0, sizeof v);
  v[CARRIED][0] = v[CARRIED][COLS - 1] = 4;
  v[FIRST_OUTCOME][0] = 11, v[FIRST_OUTCOME][4] = 2, v[FIRST_OUTCOME][COLS - 1] = 13;
  memcpy (v[PROCESSED], v[FIRST_OUTCOME], sizeof v[PROCESSED]);
  v[FORWARD][0] = v[FORWARD][COLS - 1] = 2;
  v[NEW][0] = 9, v[NEW][4] = 2, v[NEW][COLS - 1] = 11;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  g_string_append (s, "科研机构\n");
  append_cell (s, 0);
  g_string_append (s, "社会公益组织\n");
  append_cell (s, 0);
  for (int c = 0; c < COLS; c++)
    for (int r = 0; r < ROWS; r++)
      if (v[r][c] || c == COLS - 1)
        append_cell (s, v[r][c]);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, NEW, FIRST_OUTCOME + 1);
}

/* A row's first number printed on the line that begins its label, the
 * rest one a line; two rows in a row whose last two cells are lost (printed
 * elsewhere), so neither adds up alone and their numbers are split between
 * them every way.  The second row's first number is its own: never the
 * first row's total (that reading leaves the second row all zeros). */
static void
test_number_on_a_label_line_starts_its_row (void)
{
  int v[ROWS][COLS];
  consistent_table (v, 7);
  enum { A = 8, B = 9 };
  for (int r = A; r <= B; r++)
    for (int c = 0; c < COLS - 1; c++)
      v[r][c] = c == 0 ? 3 : 0;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s %d\n\n", labels[r], v[r][0]);
      for (int c = 1; c < (r == A || r == B ? COLS - 2 : COLS); c++)
        append_cell (s, v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, A, B + 1);
}

/* A blank-zero table that prints its totals, 0 included (its outcome rows
 * print a lone 0 beside their labels), v its values: new_received's first
 * cell beside its label, the labels of the next four rows as a block and
 * their numbers after, in order; （七）总计 prints every cell.  With error,
 * 4.无正当理由大量反复申请 prints a total of 2 over blank parts (a published
 * error), its label and the row's before wrapped together before the two
 * rows' numbers.  Read, its first rows asserted. */
static GkRecord *
read_blank_zero_printing_totals (int v[ROWS][COLS], gboolean error)
{
  memset (v, 0, sizeof (int) * ROWS * COLS);
  v[NEW][0] = v[NEW][COLS - 1] = v[FIRST_OUTCOME][0] = v[FIRST_OUTCOME][COLS - 1] = 3;
  v[PROCESSED][0] = v[PROCESSED][COLS - 1] = 3;
  enum { PUBLICATION = 17, EXCESSIVE = 18 };
  if (error)
    v[EXCESSIVE][COLS - 1] = 2;
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  append_cell (s, v[NEW][0]);
  for (int r = CARRIED; r <= FIRST_OUTCOME + 2; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  for (int r = NEW; r <= FIRST_OUTCOME + 2; r++)
    for (int c = r == NEW ? COLS - 1 : 0; c < COLS; c++)
      if (v[r][c] || c == COLS - 1)
        append_cell (s, v[r][c]);
  for (int r = FIRST_OUTCOME + 3; r <= LAST_OUTCOME; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      /* with the error, 3.要求提供公开出版物's 0 comes after the next label */
      if (error && r == PUBLICATION)
        continue;
      if (error && r == EXCESSIVE)
        append_cell (s, v[PUBLICATION][COLS - 1]);
      append_cell (s, v[r][COLS - 1]);
    }
  g_string_append_printf (s, "%s\n", labels[PROCESSED]);
  for (int c = 0; c < COLS; c++)
    append_cell (s, v[PROCESSED][c]);
  g_string_append_printf (s, "%s\n", labels[FORWARD]);
  append_cell (s, v[FORWARD][COLS - 1]);
  GkRecord *rec = read_text (s);
  assert_rows (rec, v, NEW, FIRST_OUTCOME + 3);
  return rec;
}

/* The rows after a label block, in a table that prints every total: each
 * row's numbers end with its total, so a row printing no number is no
 * reading (it would leave its total blank), and the rows read in order
 * fix 予以公开's lone part in the column （七）总计 says. */
static void
test_blank_zero_span_rows_print_their_totals (void)
{
  int v[ROWS][COLS];
  g_autoptr (GkRecord) rec = read_blank_zero_printing_totals (v, FALSE);
}

/* The same with a published error in two rows printed together (a total
 * over blank parts): no split of their numbers keeps every identity, the
 * one printing every total breaks one; it is the table's reading, judged
 * with the other rows on the identities across them, and the error is
 * reported, not hidden. */
static void
test_blank_zero_span_with_a_published_error (void)
{
  int v[ROWS][COLS];
  g_autoptr (GkRecord) rec = read_blank_zero_printing_totals (v, TRUE);
  assert_rows (rec, v, 17, 19);
  g_assert_cmpstr (tu_check_status (rec, "applications.row_total.not_processed_excessive"), ==, "fail");
  g_assert_cmpstr (tu_check_status (rec, "applications.outcomes_sum.total"), ==, "fail");
}

/* Blank cells for zero, each row's numbers after its label, but the last
 * two rows' labels taller than their cells: （七）总计's first cell beside
 * its label, then 四、结转下年度继续办理's, then the rest of each row, row
 * after row (pdftotext's flow around the tall labels).  No split of their
 * numbers in order keeps the rows' identities; read with their first cells
 * first, one reading does. */
static void
test_blank_zero_last_rows_first_cells_first (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { NOT_HELD = 12 };
  v[FIRST_OUTCOME][0] = 14, v[FIRST_OUTCOME][5] = 4, v[NOT_HELD][0] = 1, v[NOT_HELD][3] = 2;
  v[FORWARD][0] = 4;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < PROCESSED; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c] || c == COLS - 1)
          append_cell (s, v[r][c]);
    }
  g_string_append_printf (s, "%s\n", labels[PROCESSED]);
  append_cell (s, v[PROCESSED][0]);
  g_string_append_printf (s, "%s\n", labels[FORWARD]);
  append_cell (s, v[FORWARD][0]);
  for (int c = 1; c < COLS; c++)
    append_cell (s, v[PROCESSED][c]);
  for (int c = 1; c < COLS; c++)
    if (v[FORWARD][c] || c == COLS - 1)
      append_cell (s, v[FORWARD][c]);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, PROCESSED, ROWS);
  assert_rows_right_or_null (rec, v, 0, PROCESSED);
}

/* Blank cells for zero, each row its label then its numbers, but the
 * first row's last two (其他, 总计) printed under their own headers after
 * its first parts (a wide cell's text set beside them), and （七）总计
 * printed whole: two numbers for the two columns named, then the next
 * label, are that row's cells, not a strip of those columns printed apart
 * for the rows to come; the columns' balance then places its parts. */
static void
test_blank_zero_row_ends_under_its_own_headers (void)
{
  int v[ROWS][COLS] = { { 0 } };
  enum { NOT_CREATED = 13 };
  v[FIRST_OUTCOME][0] = 14, v[FIRST_OUTCOME][1] = 1, v[FIRST_OUTCOME][5] = 4;
  v[FIRST_OUTCOME + 1][0] = 4, v[FIRST_OUTCOME + 1][5] = 1;
  v[NOT_CREATED][0] = 1, v[NOT_CREATED][3] = 1, v[FORWARD][0] = 4;
  table_add_up (v);
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  g_string_append_printf (s, "%s\n", labels[NEW]);
  for (int c = 0; c < COLS - 2; c++)
    if (v[NEW][c])
      append_cell (s, v[NEW][c]);
  g_string_append (s, "其他\n总计\n");
  append_cell (s, v[NEW][COLS - 2]);
  append_cell (s, v[NEW][COLS - 1]);
  for (int r = CARRIED; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c] || c == COLS - 1 || r == PROCESSED)
          append_cell (s, v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows (rec, v, NEW, NEW + 1);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* A blank-zero table printing every total (v, its values): 3.其他,
 * （七）总计 and the carried-forward heading side by side, their labels run
 * together, then their numbers merged line by line as three rows' cells
 * fall (each row's in order, its total last; （七）总计 prints its zeros). */
static GString *
three_rows_merged (int v[ROWS][COLS])
{
  enum { QUERY = 11 };
  memset (v, 0, sizeof (int) * ROWS * COLS);
  v[FIRST_OUTCOME][0] = 805, v[FIRST_OUTCOME][1] = 148, v[FIRST_OUTCOME][4] = 15;
  v[QUERY][0] = 19, v[QUERY][1] = 7;
  v[LAST_OUTCOME][0] = 71, v[LAST_OUTCOME][1] = 7, v[LAST_OUTCOME][4] = 2;
  v[FORWARD][1] = 21, v[CARRIED][1] = 4;
  table_add_up (v);
  GString *s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r < LAST_OUTCOME; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      for (int c = 0; c < COLS; c++)
        if (v[r][c] || c == COLS - 1)
          append_cell (s, v[r][c]);
    }
  g_string_append_printf (s, "%s\n%s\n%s\n", labels[LAST_OUTCOME], labels[PROCESSED], labels[FORWARD]);
  /* the three rows' printed cells, in the order their lines interleave */
  int at[3] = { 0 };
  const int rows3[3] = { LAST_OUTCOME, PROCESSED, FORWARD };
  for (const char *who = "0011011210112"; *who; who++)
    {
      int k = *who - '0', r = rows3[k];
      while (!(v[r][at[k]] || r == PROCESSED || at[k] == COLS - 1))
        at[k]++;
      append_cell (s, v[r][at[k]++]);
    }
  return s;
}

/* Only the rows' sums and the column sums place the merged rows: those
 * every fitting placement agrees on are read, the rest null, none wrong. */
static void
test_blank_zero_three_rows_merged (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = three_rows_merged (v);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.other_handling_misc.total", 80));
  g_assert_true (tu_int_is (rec, "applications.processed_total.total", v[PROCESSED][COLS - 1]));
  g_assert_true (tu_int_is (rec, "applications.carried_forward.total", 21));
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* The same table prints a 0 only for a sum (a row of zeros its total 0,
 * （七）总计 every column's, 0 too; every other zero is blank): the merged
 * rows' zeros are （七）总计's, so its columns are known, and with them
 * every row's (805 · 148 · 15 are 自然人, 商业企业 and 法律服务机构, the
 * columns whose sums are not 0).  Every cell is read. */
static void
test_blank_zero_printed_zeros_are_sums (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = three_rows_merged (v);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_table (rec, v);
}

/* Table v printed blank-zero with its label column as one block down to
 * （七）总计, that row's first cell beside it, then the carried-forward
 * label and every row's numbers in order (the total row's from its second
 * cell, all of them printed, 0 too); totals: a row of zeros prints its
 * total 0, else nothing. */
static GString *
lone_zero_then_numbers (int v[ROWS][COLS], gboolean totals)
{
  GString *s = g_string_new (NULL);
  append_header (s);
  for (int r = 0; r <= PROCESSED; r++)
    g_string_append_printf (s, "%s\n", labels[r]);
  append_cell (s, v[PROCESSED][0]);
  g_string_append_printf (s, "%s\n", labels[FORWARD]);
  for (int r = 0; r < ROWS; r++)
    for (int c = r == PROCESSED ? 1 : 0; c < COLS; c++)
      if (v[r][c] || r == PROCESSED || (totals && c == COLS - 1))
        append_cell (s, v[r][c]);
  return s;
}

/* A blank-zero table printing every total: the label column printed as
 * one block down to （七）总计, that row's first cell (a 0) beside it, then
 * the carried-forward label and every row's numbers in order (the total
 * row's from its second cell).  The lone 0 is no row of zeros: read so,
 * the rows read by their totals break the column sums, and without it the
 * placements are too many to tell; its blanks, and the cells of the sums
 * it breaks, are null rather than zeros: no value wrong. */
static void
test_blank_zero_lone_zero_opens_a_row (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[CARRIED][4] = 1, v[FIRST_OUTCOME][4] = 1, v[LAST_OUTCOME][1] = 3, v[FORWARD][4] = 1;
  table_add_up (v);
  g_autoptr (GString) s = lone_zero_then_numbers (v, TRUE);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 4));
  g_assert_true (tu_int_is (rec, "applications.partially_granted.natural_person", 0));
  const GkValue *commercial = gk_record_get (rec, "applications.processed_total.commercial");
  g_assert_true (!commercial || commercial->kind == GK_VALUE_NULL);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* The same block of labels down to （七）总计 and its first cell (a 0)
 * beside it, but rows of zeros print nothing at all, not even a total:
 * read so, the lone 0 makes every row above it zeros, and the column sums
 * break.  Without those zeros the numbers after the carried-forward label
 * could be any rows': read by their totals as carried-forward's own (the
 * first row after the zeros), no identity holds them against another row,
 * so they are not read either.  Nothing wrong. */
static void
test_blank_zero_lone_zero_rows_after_dropped_zeros (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[FIRST_OUTCOME + 1][4] = 8, v[LAST_OUTCOME - 4][1] = 5;
  table_add_up (v);
  g_autoptr (GString) s = lone_zero_then_numbers (v, FALSE);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* The same print, every total printed, but the outcome rows too many ways
 * to cut for the rows read by their totals to reach the column sums: no
 * identity weighs the lone 0's row of zeros against a row read from
 * printed numbers, and numbers after it go back to the rows above, so the
 * 0 may open its row.  Read so, its other numbers in its turn after the
 * outcomes', the total row and the carried-forward row are read by their
 * totals; nothing is read as zeros that is not. */
static void
test_blank_zero_lone_zero_unchecked (void)
{
  int v[ROWS][COLS] = { { 0 } };
  v[LAST_OUTCOME - 8][4] = 5, v[LAST_OUTCOME - 6][4] = 6, v[LAST_OUTCOME - 4][1] = 4, v[LAST_OUTCOME - 2][2] = 1;
  v[FORWARD][4] = 8;
  table_add_up (v);
  g_autoptr (GString) s = lone_zero_then_numbers (v, TRUE);
  g_autoptr (GkRecord) rec = read_text (s);
  g_assert_true (tu_int_is (rec, "applications.processed_total.total", v[PROCESSED][COLS - 1]));
  g_assert_true (tu_int_is (rec, "applications.carried_forward.total", v[FORWARD][COLS - 1]));
  assert_rows_right_or_null (rec, v, 0, ROWS);
}

/* A label block, then fewer numbers than its rows have totals, four rows'
 * worth (a part and its total each): the rows printing no number at all
 * leave their totals blank, so the table does not print every row's
 * total, and the first numbers are not known to be the first rows' (a
 * total blank there, they may be any later rows'). */
static void
test_blank_zero_totals_not_all_printed (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  append_header (s);
  append_labels (s);
  for (const int *t = (const int[]){ 3, 3, 2, 2, 1, 1, 4, 4, -1 }; *t >= 0; t++)
    append_cell (s, *t);
  g_autoptr (GkRecord) rec = read_text (s);
  const GkValue *total = gk_record_get (rec, "applications.new_received.total");
  g_assert_true (!total || total->kind == GK_VALUE_NULL);
}

/* Table 四's groups stand side by side on one printed row and are told
 * apart only by their order across it; a page placed alone on their grid
 * loses that order, and any group's numbers fit any group's identities.
 * A generated report's pdftotext -layout dump (tests/data, rendered by
 * scripts/gen-samples --fresh) put the review group's 1 2 2 0 5 into the
 * direct-litigation group, whose truth is all zeros: read or null, never
 * another group's figures. */
static void
test_side_by_side_groups_not_read_page_alone (void)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (GK_SOURCE_DIR "/tests/data/appeals-side-by-side-layout.txt", &text, NULL, NULL));
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  for (guint i = 0; i < G_N_ELEMENTS (appeal_cols); i++)
    {
      g_autofree char *key = g_strdup_printf ("appeals.litigation_direct.%s", appeal_cols[i]);
      g_assert_true (int_is_or_null (rec, key, 0));
    }
}

/* A dump of a corpus report through pdfminer (pdf2txt), whose orders no
 * test was written from, read beside the report's truth: each value of
 * the rows named (applications.<row>) is read right or null, and no check
 * fails that the report does not fail but those of table 二 (no identity:
 * its label block is read row by row, a dump's usual order, where
 * pdfminer's is by columns). */
static void
assert_fixture_rows_never_wrong (const char *name, const char *const *rows)
{
  g_autofree char *path = g_strdup_printf (GK_SOURCE_DIR "/tests/data/%s.txt", name);
  g_autofree char *truth_path = g_strdup_printf (GK_SOURCE_DIR "/tests/data/%s.truth.json", name);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  json_error_t jerr;
  json_t *truth = json_load_file (truth_path, 0, &jerr);
  g_assert_nonnull (truth);
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  for (guint r = 0; rows[r]; r++)
    for (guint c = 0; c < COLS; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", rows[r], col_keys[c]);
        json_t *want = json_object_get (json_object_get (truth, "values"), key);
        GkValue *v = gk_record_get (rec, key);
        if (want && v && v->kind != GK_VALUE_NULL && (v->kind != GK_VALUE_INT || v->i != json_integer_value (want)))
          g_error ("%s: %s read wrong, want %" JSON_INTEGER_FORMAT, name, key, json_integer_value (want));
      }
  json_t *failing = json_object_get (truth, "failing_checks");
  for (guint i = 0; i < rec->checks->len; i++)
    {
      const GkCheck *c = rec->checks->pdata[i];
      if (c->status != GK_CHECK_FAIL || g_str_has_prefix (c->id, "active.") || g_str_has_prefix (c->id, "cross_year."))
        continue;
      gboolean published = FALSE;
      size_t k;
      json_t *id;
      json_array_foreach (failing, k, id)
        published |= strcmp (json_string_value (id), c->id) == 0;
      if (!published)
        g_error ("%s: check %s fails, the report does not", name, c->id);
    }
  json_decref (truth);
}

/* pdfminer's dump of a word processor's table with wrapped numbers: the
 * first rows' numbers in strips above the labels, then the labels of
 * those rows and of 国家秘密 as one block with 国家秘密's numbers after it.
 * The row reading paired the block's rows in order with the one number
 * row that followed: 本年新收 read 国家秘密's numbers (and each row after
 * the next). */
static void
test_pdfminer_label_block_short_of_its_rows (void)
{
  static const char *const rows[] = { "new_received", "carried_over", "granted", "partially_granted",
                                      "withheld_state_secret", NULL };
  assert_fixture_rows_never_wrong ("pdfminer-wrapped-strips", rows);
}

/* pdfminer's dump of a table of zeros and a few ones, in strips no walk
 * could finish: the cheapest placement by its steps alone stood for all,
 * its rows that break their own sums read (本年新收 1 … total 0, and two
 * checks failed that the report passes). */
static void
test_pdfminer_walk_given_up_reads_no_broken_row (void)
{
  static const char *const rows[] = { "new_received", "processed_total", NULL };
  assert_fixture_rows_never_wrong ("pdfminer-zero-table", rows);
}

/* The memo of what the text above the tokens says (asked again of every
 * layout tried: strips, corners, a page's rows) says what the patterns
 * themselves say (GK_DECODE_CHECK_MEMO asks both, any difference fatal):
 * dumps whose headers and labels stand between the numbers. */
static void
test_memo_reads_as_the_patterns (void)
{
  int v[ROWS][COLS];
  static const int cuts[12] = { 4, 4, 3, 2, 1 };
  g_setenv ("GK_DECODE_CHECK_MEMO", "1", TRUE);
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr (GString) s = table_start (v, 9 + order);
      append_page_with_corner (s, v, cuts, 12, order ? CORNER_LAST | CORNER_RIGHT_TO_LEFT : CORNER_FIRST);
      g_autoptr (GkRecord) rec = read_and_assert (s, v);
    }
  /* each column a run of lines under its header, the labels first */
  g_autoptr (GString) s = table_start (v, 4);
  append_labels (s);
  for (int c = 0; c < COLS; c++)
    {
      g_string_append_printf (s, "%s\n", c == 0 ? "自然人" : c == COLS - 1 ? "总计" : "其他");
      for (int r = 0; r < ROWS; r++)
        append_cell (s, v[r][c]);
    }
  g_autoptr (GkRecord) rec = read_text (s);
  g_unsetenv ("GK_DECODE_CHECK_MEMO");
}

/* A section's grid is built once per template set and shared: asked for
 * again it is the same grid, and cell for cell the one built afresh from
 * another set (keys, types, rows, identities: the misprints a reading of
 * ones takes). */
static void
test_grid_built_once_per_set (void)
{
  g_autofree char *models = tu_source_path ("models");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkTemplateSet) a = gk_template_set_load (models, &error);
  g_assert_no_error (error);
  g_autoptr (GkTemplateSet) b = gk_template_set_load (models, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->templates->len, ==, b->templates->len);
  for (guint t = 0; t < a->templates->len; t++)
    {
      const GkTemplate *ta = a->templates->pdata[t], *tb = b->templates->pdata[t];
      for (guint q = 0; q < ta->sections->len; q++)
        {
          g_autoptr (GkGrid) first = gk_grid_new (a, ta, ta->sections->pdata[q]);
          g_autoptr (GkGrid) again = gk_grid_new (a, ta, ta->sections->pdata[q]);
          g_autoptr (GkGrid) fresh = gk_grid_new (b, tb, tb->sections->pdata[q]);
          g_assert_true (first == again);
          g_assert_cmpuint (gk_grid_size (again), ==, gk_grid_size (fresh));
          guint n = gk_grid_size (fresh);
          g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpstr (gk_grid_key (again, i), ==, gk_grid_key (fresh, i));
              g_assert_cmpint (gk_grid_type (again, i), ==, gk_grid_type (fresh, i));
              g_assert_cmpuint (gk_grid_row (again, i), ==, gk_grid_row (fresh, i));
              GkCell *cell = g_new0 (GkCell, 1);
              cell->raw = (char *) "1";
              g_ptr_array_add (cells, cell);
            }
          g_assert_cmpuint (gk_grid_misprints (again, (const GkCell *const *) cells->pdata, NULL, NULL), ==,
                            gk_grid_misprints (fresh, (const GkCell *const *) cells->pdata, NULL, NULL));
        }
    }
}

/* A search whose last step skips the tokens after the grid's last row
 * places no cell: mapping it reads no row (found by fuzzing: the map read
 * the first cell of the row past the last, out of the grid's rows, which
 * make check-asan reports where the rows fill their array exactly).  The
 * dump, minimised by libFuzzer, holds invalid UTF-8 and a NUL. */
static void
test_skip_past_the_last_row (void)
{
  static const char dump[] =
    "\346\200\203\225\201\012"
    "\345\274\200\012"
    "\012"
    "0\012"
    "\012"
    "4\345\000\345\256\211\345\205\012"
    "0\012"
    "\012"
    "4\343\200\241\344\277\241\012"
    "\346\201\257\012"
    "\012"
    "0\012"
    "0\012"
    "\346\346\237\245\350\241\271\012"
    "\012"
    "0\012"
    "\012"
    "1\343\200\201\345\205\254\345\274\200\012"
    "\012"
    "0\012"
    "\012"
    "\342\200\235\012"
    "\012"
    "0\012"
    "\012"
    "4\343\200\256\012"
    "\012"
    "0\012"
    "\012"
    "1\343\200\201\344\277\241{group}\267\012"
    "\012"
    "0\012"
    "\012"
    "rou}\267\012"
    "\012"
    "0\012"
    "\012"
    "\012"
    "0\012"
    "\235\347\012"
    "0\012"
    "\012"
    "80\012"
    "\012"
    "4\221\212\343\012"
    "\212\350\241\214\346\224\277\350\257\211\350\256\274\346\203\205\345\206\265\343\200\201\012"
    "\012"
    "a \012"
    "\012"
    "0\012"
    "\012"
    "1\343\200\201\344\277\241{g0\012"
    "\012"
    "rou}\267\012"
    "\012"
    "0\012"
    "\012"
    "\267\012"
    "\012"
    "0\012"
    "\012"
    "rou\267\012"
    "\012"
    "0\012"
    "\012"
    "u}\267\012"
    "\012"
    "0\012"
    "\012";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = gk_text_read (dump, sizeof dump - 1, &error);
  g_assert_no_error (error);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), "fuzzed.txt", content);
  g_assert_nonnull (rec);
}

/* Row r of table 三 as a text browser sets it (lynx: a character a cell):
 * its label after three spaces, each number at its column's character
 * start, blank for 0 but in a row of zeros, which prints its first, third
 * and last. */
static void
append_row_set_by_a_browser (GString *s, int v[ROWS][COLS], int r)
{
  static const int starts[COLS] = { 52, 56, 61, 66, 73, 80, 83 };
  gboolean zeros = TRUE;
  for (int c = 0; c < COLS; c++)
    zeros &= v[r][c] == 0;
  g_string_append_printf (s, "   %s", labels[r]);
  glong at = 3 + g_utf8_strlen (labels[r], -1);
  for (int c = 0; c < COLS; c++)
    {
      if (!v[r][c] && !(zeros && (c == 0 || c == 2 || c == COLS - 1)))
        continue;
      g_string_append_c (s, ' ');
      for (at++; at < starts[c]; at++)
        g_string_append_c (s, ' ');
      g_autofree char *n = g_strdup_printf ("%d", v[r][c]);
      g_string_append (s, n);
      at += (glong) strlen (n);
    }
  g_string_append_c (s, '\n');
}

/* A blank-zero table 三 as a text browser prints it: each row its label
 * and numbers on a line, the lines one under another, and a published
 * error (the first row's commercial count and total one more than the
 * balance takes).  A row starting on the line under the last one's
 * numbers, after its own label, cuts no run of print: the whole table
 * places at the price of its misprints and is read as printed, its
 * failing checks reported — no row left unread to spare a misprint. */
static void
test_browser_rows_with_a_misprint (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 5);
  for (int c = 0; c < COLS; c++)
    v[10][c] = v[13][c] = v[21][c] = 0;
  table_add_up (v);
  v[NEW][1]++, v[NEW][COLS - 1]++;
  for (int r = 0; r < ROWS; r++)
    append_row_set_by_a_browser (s, v, r);
  g_autoptr (GkRecord) rec = read_text (s);
  assert_table (rec, v);
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.commercial"), ==, "fail");
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.total"), ==, "fail");
}

/* Table 三 as pdftotext -raw prints it: each row its label, then its
 * numbers on a line, no blank line anywhere; the granted row's first
 * count and its total, too wide for their cells, wrap: each piece on a
 * line of its own, the head over the tail, the first before the row's
 * other numbers and the total after them.  The pieces join back into
 * the row (its total holds with them), no blank line needed to set them
 * apart. */
static void
test_raw_row_wrapped_on_lines_of_their_own (void)
{
  int v[ROWS][COLS];
  g_autoptr (GString) s = table_start (v, 3);
  v[FIRST_OUTCOME][0] = 1234;
  table_add_up (v);
  for (int r = 0; r < ROWS; r++)
    {
      g_string_append_printf (s, "%s\n", labels[r]);
      if (r == FIRST_OUTCOME)
        {
          g_string_append_printf (s, "%d\n%02d\n", v[r][0] / 100, v[r][0] % 100);
          for (int c = 1; c < COLS - 1; c++)
            g_string_append_printf (s, c > 1 ? " %d" : "%d", v[r][c]);
          g_string_append_printf (s, "\n%d\n%02d\n", v[r][COLS - 1] / 100, v[r][COLS - 1] % 100);
          continue;
        }
      for (int c = 0; c < COLS; c++)
        g_string_append_printf (s, c ? " %d" : "%d", v[r][c]);
      g_string_append_c (s, '\n');
    }
  g_autoptr (GkRecord) rec = read_text (s);
  assert_table (rec, v);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/decode/row-major", test_row_major);
  g_test_add_func ("/decode/row-printed-twice-over-page-break", test_row_printed_twice_over_page_break);
  g_test_add_func ("/decode/first-row-total-after-a-group-label", test_first_row_total_after_a_group_label);
  g_test_add_func ("/decode/first-row-total-apart-among-zeros", test_first_row_total_apart_among_zeros);
  g_test_add_func ("/decode/row-printed-twice-label-at-the-foot", test_row_printed_twice_label_at_the_foot);
  g_test_add_func ("/decode/row-printed-twice-before-a-number-apart", test_row_printed_twice_before_a_number_apart);
  g_test_add_func ("/decode/labels-then-numbers", test_labels_then_numbers);
  g_test_add_func ("/decode/column-major-pairs-over-page-break", test_column_major_pairs_over_page_break);
  g_test_add_func ("/decode/column-runs", test_column_runs);
  g_test_add_func ("/decode/strips", test_strips);
  g_test_add_func ("/decode/strips-with-two-misprints", test_strips_with_two_misprints);
  g_test_add_func ("/decode/misprint-not-explained-away", test_misprint_not_explained_away);
  g_test_add_func ("/decode/stray-inside-row", test_stray_inside_row);
  g_test_add_func ("/decode/misprint-beside-a-number-left-out", test_misprint_beside_a_number_left_out);
  g_test_add_func ("/decode/table-of-zeros", test_table_of_zeros);
  g_test_add_func ("/decode/blank-zero-rows", test_blank_zero_rows);
  g_test_add_func ("/decode/blank-zero-all-zero", test_blank_zero_all_zero);
  g_test_add_func ("/decode/zero-table-cut-off-reads-the-rows-named", test_zero_table_cut_off_reads_the_rows_named);
  g_test_add_func ("/decode/blank-zero-rows-by-their-totals", test_blank_zero_rows_by_their_totals);
  g_test_add_func ("/decode/blank-zero-first-rows-by-their-totals", test_blank_zero_first_rows_by_their_totals);
  g_test_add_func ("/decode/print-stamp-after-the-fee", test_print_stamp_after_the_fee);
  g_test_add_func ("/decode/page-run-into-one-line", test_page_run_into_one_line);
  g_test_add_func ("/decode/table3-numbers-after-the-next-heading", test_table3_numbers_after_the_next_heading);
  g_test_add_func ("/decode/page-numbers-beside-a-url-without-form-feeds",
                   test_page_numbers_beside_a_url_without_form_feeds);
  g_test_add_func ("/decode/page-keeps-a-row-printed-whole", test_page_keeps_a_row_printed_whole);
  g_test_add_func ("/decode/blank-zero-rows-not-zeros-before-numbers", test_blank_zero_rows_not_zeros_before_numbers);
  g_test_add_func ("/decode/blank-zero-first-rows-not-zeros-by-a-failure",
                   test_blank_zero_first_rows_not_zeros_by_a_failure);
  g_test_add_func ("/decode/number-on-a-label-line-starts-its-row", test_number_on_a_label_line_starts_its_row);
  g_test_add_func ("/decode/blank-zero-totals-not-all-printed", test_blank_zero_totals_not_all_printed);
  g_test_add_func ("/decode/blank-zero-three-rows-merged", test_blank_zero_three_rows_merged);
  g_test_add_func ("/decode/blank-zero-printed-zeros-are-sums", test_blank_zero_printed_zeros_are_sums);
  g_test_add_func ("/decode/blank-zero-lone-zero-opens-a-row", test_blank_zero_lone_zero_opens_a_row);
  g_test_add_func ("/decode/blank-zero-lone-zero-rows-after-dropped-zeros", test_blank_zero_lone_zero_rows_after_dropped_zeros);
  g_test_add_func ("/decode/blank-zero-lone-zero-unchecked", test_blank_zero_lone_zero_unchecked);
  g_test_add_func ("/decode/blocks-not-printed-are-not-blank", test_blocks_not_printed_are_not_blank);
  g_test_add_func ("/decode/blank-strip-row-takes-no-numbers-of-the-next", test_blank_strip_row_takes_no_numbers_of_the_next);
  g_test_add_func ("/decode/zero-table-printing-more-zeros", test_zero_table_printing_more_zeros);
  g_test_add_func ("/decode/decoding-fits-a-small-stack", test_decoding_fits_a_small_stack);
  g_test_add_func ("/decode/no-table-four-made-of-table-three", test_no_table_four_made_of_table_three);
  g_test_add_func ("/decode/blank-zero-span-rows-print-their-totals", test_blank_zero_span_rows_print_their_totals);
  g_test_add_func ("/decode/blank-zero-span-with-a-published-error", test_blank_zero_span_with_a_published_error);
  g_test_add_func ("/decode/blank-zero-last-rows-first-cells-first", test_blank_zero_last_rows_first_cells_first);
  g_test_add_func ("/decode/blank-zero-row-ends-under-its-own-headers", test_blank_zero_row_ends_under_its_own_headers);
  g_test_add_func ("/decode/blank-zero-rows-printed-as-a-band", test_blank_zero_rows_printed_as_a_band);
  g_test_add_func ("/decode/blank-zero-band-rows-in-order", test_blank_zero_band_rows_in_order);
  g_test_add_func ("/decode/wrapped-cells-after-many-possible-pieces", test_wrapped_cells_after_many_possible_pieces);
  g_test_add_func ("/decode/wrapped-cells-in-a-dump-spacing-its-lines", test_wrapped_cells_in_a_dump_spacing_its_lines);
  g_test_add_func ("/decode/pdfminer-label-block-short-of-its-rows", test_pdfminer_label_block_short_of_its_rows);
  g_test_add_func ("/decode/pdfminer-walk-given-up-reads-no-broken-row", test_pdfminer_walk_given_up_reads_no_broken_row);
  g_test_add_func ("/decode/signed-number-never-a-count", test_signed_number_never_a_count);
  g_test_add_func ("/decode/label-block-rows-or-columns", test_label_block_rows_or_columns);
  g_test_add_func ("/decode/two-misprints-one-swap-explains", test_two_misprints_one_swap_explains);
  g_test_add_func ("/decode/misprints-one-move-explains", test_misprints_one_move_explains);
  g_test_add_func ("/decode/misprints-a-stray-and-a-blank-explain", test_misprints_a_stray_and_a_blank_explain);
  g_test_add_func ("/decode/label-block-rows-and-columns-alike", test_label_block_rows_and_columns_alike);
  g_test_add_func ("/decode/dash-table-cut-off-reads-what-it-printed", test_dash_table_cut_off_reads_what_it_printed);
  g_test_add_func ("/decode/page-with-a-footer-number-has-no-bare-one", test_page_with_a_footer_number_has_no_bare_one);
  g_test_add_func ("/decode/blank-zero-groups-in-order", test_blank_zero_groups_in_order);
  g_test_add_func ("/decode/blank-zero-rows-joined-by-identities", test_blank_zero_rows_joined_by_identities);
  g_test_add_func ("/decode/blank-zero-label-block-part-filled", test_blank_zero_label_block_part_filled);
  g_test_add_func ("/decode/blank-zero-rows-never-named-are-not-blank", test_blank_zero_rows_never_named_are_not_blank);
  g_test_add_func ("/decode/blank-zero-groups-print-their-totals", test_blank_zero_groups_print_their_totals);
  g_test_add_func ("/decode/blank-zero-group-anywhere", test_blank_zero_group_anywhere);
  g_test_add_func ("/decode/blank-zero-group-printing-a-zero-part", test_blank_zero_group_printing_a_zero_part);
  g_test_add_func ("/decode/blank-zero-groups-totals-after-parts", test_blank_zero_groups_totals_after_parts);
  g_test_add_func ("/decode/blank-zero-total-after-next-row", test_blank_zero_total_after_next_row);
  g_test_add_func ("/decode/rows-filling-their-strip-before-the-last-columns",
                   test_rows_filling_their_strip_before_the_last_columns);
  g_test_add_func ("/decode/row-short-of-its-strip-reads-what-every-placement-gives",
                   test_row_short_of_its_strip_reads_what_every_placement_gives);
  g_test_add_func ("/decode/rows-after-the-last-strip-cut-alike", test_rows_after_the_last_strip_cut_alike);
  g_test_add_func ("/decode/blank-zero-label-wrapped-around-numbers", test_blank_zero_label_wrapped_around_numbers);
  g_test_add_func ("/decode/blank-zero-label-tails-name-no-row", test_blank_zero_label_tails_name_no_row);
  g_test_add_func ("/decode/blank-zero-label-broken-by-a-group-label", test_blank_zero_label_broken_by_a_group_label);
  g_test_add_func ("/decode/blank-zero-row-the-grid-lacks", test_blank_zero_row_the_grid_lacks);
  g_test_add_func ("/decode/blank-zero-numbers-after-two-labels", test_blank_zero_numbers_after_two_labels);
  g_test_add_func ("/decode/blank-zero-decimal-is-the-amount", test_blank_zero_decimal_is_the_amount);
  g_test_add_func ("/decode/blank-zero-column-header-names-no-row", test_blank_zero_column_header_names_no_row);
  g_test_add_func ("/decode/blank-zero-totals-strip-apart", test_blank_zero_totals_strip_apart);
  g_test_add_func ("/decode/blank-zero-rows-after-the-totals-strip", test_blank_zero_rows_after_the_totals_strip);
  g_test_add_func ("/decode/blank-zero-totals-strip-after-a-wrapped-label",
                   test_blank_zero_totals_strip_after_a_wrapped_label);
  g_test_add_func ("/decode/blank-zero-strip-apart-leaves-part-rows-unread",
                   test_blank_zero_strip_apart_leaves_part_rows_unread);
  g_test_add_func ("/decode/blank-zero-numbers-before-any-label-read-by-no-total",
                   test_blank_zero_numbers_before_any_label_read_by_no_total);
  g_test_add_func ("/decode/blank-zero-number-under-its-header-stays-in-its-column",
                   test_blank_zero_number_under_its_header_stays_in_its_column);
  g_test_add_func ("/decode/span-with-a-misprint-keeps-numbers-in-their-labels-rows",
                   test_span_with_a_misprint_keeps_numbers_in_their_labels_rows);
  g_test_add_func ("/decode/table-of-zeros-cut-off-leaves-unprinted-cells-unread",
                   test_table_of_zeros_cut_off_leaves_unprinted_cells_unread);
  g_test_add_func ("/decode/row-printed-twice-at-a-bare-page-head", test_row_printed_twice_at_a_bare_page_head);
  g_test_add_func ("/decode/numbers-at-a-page-foot-may-be-the-next-pages-first-row",
                   test_numbers_at_a_page_foot_may_be_the_next_pages_first_row);
  g_test_add_func ("/decode/blank-zero-figures-left-leave-part-rows-unread",
                   test_blank_zero_figures_left_leave_part_rows_unread);
  g_test_add_func ("/decode/blank-zero-labels-out-of-order-leave-part-rows-unread",
                   test_blank_zero_labels_out_of_order_leave_part_rows_unread);
  g_test_add_func ("/decode/blank-zero-row-printing-nothing-is-zeros", test_blank_zero_row_printing_nothing_is_zeros);
  g_test_add_func ("/decode/blank-zero-row-without-total-printing-nothing",
                   test_blank_zero_row_without_total_printing_nothing);
  g_test_add_func ("/decode/blank-zero-numbers-under-another-blocks-header",
                   test_blank_zero_numbers_under_another_blocks_header);
  g_test_add_func ("/decode/header-line-wider-than-a-wrapped-number", test_header_line_wider_than_a_wrapped_number);
  g_test_add_func ("/decode/rows-a-far-header-names", test_rows_a_far_header_names);
  g_test_add_func ("/decode/corner-with-rows-of-one-column", test_corner_with_rows_of_one_column);
  g_test_add_func ("/decode/strip-under-its-header-row", test_strip_under_its_header_row);
  g_test_add_func ("/decode/label-before-every-cell-of-its-row", test_label_before_every_cell_of_its_row);
  g_test_add_func ("/decode/row-turned-past-its-label", test_row_turned_past_its_label);
  g_test_add_func ("/decode/row-turned-below-a-block-of-labels", test_row_turned_below_a_block_of_labels);
  g_test_add_func ("/decode/side-by-side-groups-not-by-columns", test_side_by_side_groups_not_by_columns);
  g_test_add_func ("/decode/side-by-side-groups-by-their-names", test_side_by_side_groups_by_their_names);
  g_test_add_func ("/decode/pieces-joined-only-where-they-add-up", test_pieces_joined_only_where_they_add_up);
  g_test_add_func ("/decode/raw-row-wrapped-on-lines-of-their-own", test_raw_row_wrapped_on_lines_of_their_own);
  g_test_add_func ("/decode/numbers-after-the-next-heading-go-back", test_numbers_after_the_next_heading_go_back);
  g_test_add_func ("/decode/number-after-the-next-heading-goes-back-to-strips",
                   test_number_after_the_next_heading_goes_back_to_strips);
  g_test_add_func ("/decode/columns-printed-apart-among-the-next-table-go-back",
                   test_columns_printed_apart_among_the_next_table_go_back);
  g_test_add_func ("/decode/cells-under-vertical-headers", test_cells_under_vertical_headers);
  g_test_add_func ("/decode/layout-blanks-at-the-row-end", test_layout_blanks_at_the_row_end);
  g_test_add_func ("/decode/columns-under-their-headers", test_columns_under_their_headers);
  g_test_add_func ("/decode/corner-of-a-pair", test_corner_of_a_pair);
  g_test_add_func ("/decode/corner-as-one-block", test_corner_as_one_block);
  g_test_add_func ("/decode/corner-across-blocks", test_corner_across_blocks);
  g_test_add_func ("/decode/corner-of-five-rows", test_corner_of_five_rows);
  g_test_add_func ("/decode/line-outweighs-a-misprint", test_line_outweighs_a_misprint);
  g_test_add_func ("/decode/browser-rows-with-a-misprint", test_browser_rows_with_a_misprint);
  g_test_add_func ("/decode/header-names-next-blocks-row", test_header_names_next_blocks_row);
  g_test_add_func ("/decode/numbers-set-apart-under-their-labels", test_numbers_set_apart_under_their_labels);
  g_test_add_func ("/decode/plus-sign-in-a-count-column", test_plus_sign_in_a_count_column);
  g_test_add_func ("/decode/number-under-another-blocks-header", test_number_under_another_blocks_header);
  g_test_add_func ("/decode/minus-sign-in-a-count-column", test_minus_sign_in_a_count_column);
  g_test_add_func ("/decode/wide-strip-with-page-number", test_wide_strip_with_page_number);
  g_test_add_func ("/decode/first-rows-of-unknown-layout", test_first_rows_of_unknown_layout);
  g_test_add_func ("/decode/first-rows-drop-no-number", test_first_rows_drop_no_number);
  g_test_add_func ("/decode/page-in-two-strips", test_page_in_two_strips);
  g_test_add_func ("/decode/strip-tops-last", test_strip_tops_last);
  g_test_add_func ("/decode/previous-tables-numbers-after-the-heading-left-out",
                   test_previous_tables_numbers_after_the_heading_left_out);
  g_test_add_func ("/decode/next-tables-headers-end-the-section", test_next_tables_headers_end_the_section);
  g_test_add_func ("/decode/row-on-its-line-keeps-its-edges", test_row_on_its_line_keeps_its_edges);
  g_test_add_func ("/decode/strip-pair-told-by-the-identities", test_strip_pair_told_by_the_identities);
  g_test_add_func ("/decode/next-tables-cells-before-its-heading-read-last",
                   test_next_tables_cells_before_its_heading_read_last);
  g_test_add_func ("/decode/next-tables-column-title-before-its-heading",
                   test_next_tables_column_title_before_its_heading);
  g_test_add_func ("/decode/numbers-fill-the-earlier-tables-template", test_numbers_fill_the_earlier_tables_template);
  g_test_add_func ("/decode/numbers-wrapped-in-narrow-columns", test_numbers_wrapped_in_narrow_columns);
  g_test_add_func ("/decode/row-edges-with-the-labels", test_row_edges_with_the_labels);
  g_test_add_func ("/decode/page-corner-first", test_page_corner_first);
  g_test_add_func ("/decode/page-corner-last", test_page_corner_last);
  g_test_add_func ("/decode/page-corner-pair-by-columns", test_page_corner_pair_by_columns);
  g_test_add_func ("/decode/page-corner-right-to-left", test_page_corner_right_to_left);
  g_test_add_func ("/decode/page-corner-with-a-misprint", test_page_corner_with_a_misprint);
  g_test_add_func ("/decode/page-totals-strip-in-a-short-stream", test_page_totals_strip_in_a_short_stream);
  g_test_add_func ("/decode/strip-rows-unbroken-by-headers", test_strip_rows_unbroken_by_headers);
  g_test_add_func ("/decode/row-major-wrapped-cells", test_row_major_wrapped_cells);
  g_test_add_func ("/decode/total-after-a-break", test_total_after_a_break);
  g_test_add_func ("/decode/total-after-a-break-spelled", test_total_after_a_break_spelled);
  g_test_add_func ("/decode/total-after-a-break-parts-first", test_total_after_a_break_parts_first);
  g_test_add_func ("/decode/parts-first-header-tells-strips-apart", test_parts_first_header_tells_strips_apart);
  g_test_add_func ("/decode/grid-the-numbers-fill", test_grid_the_numbers_fill);
  g_test_add_func ("/decode/rows-their-labels-pin", test_rows_their_labels_pin);
  g_test_add_func ("/decode/side-by-side-groups-not-read-page-alone", test_side_by_side_groups_not_read_page_alone);
  g_test_add_func ("/decode/row-turned-round-after-its-label", test_row_turned_round_after_its_label);
  g_test_add_func ("/decode/page-totals-strip-with-a-turned-row", test_page_totals_strip_with_a_turned_row);
  g_test_add_func ("/decode/later-page-totals-strip-with-a-turned-row",
                   test_later_page_totals_strip_with_a_turned_row);
  g_test_add_func ("/decode/memo-reads-as-the-patterns", test_memo_reads_as_the_patterns);
  g_test_add_func ("/decode/grid-built-once-per-set", test_grid_built_once_per_set);
  g_test_add_func ("/decode/skip-past-the-last-row", test_skip_past_the_last_row);
  return g_test_run ();
}
