/* gk-number.h — the number normaliser: a cell's raw text to a value.
 *
 *   gk_number_parse          raw cell text + column type → GkNumber
 *   gk_number_is_cell_token  is a token one cell (number, unit, placeholder)
 *   gk_number_is_unit_token  is a token a unit alone
 *
 * Method.  NFKC first (full-width digits and signs), then white space and
 * thousands separators go; a trailing unit (万元, 元, 件, 条, 笔, 个, 项)
 * is split off and remembered; one optional sign, digits, optional
 * decimals.  Amounts printed in 元 are moved to 万元 by shifting the
 * decimal point in the digit string, so 621007.6元 becomes exactly the
 * double nearest 62.10076.  A dash, slash or 无 is a placeholder and a
 * blank is blank: the caller decides, from the layout, whether either
 * means zero.
 */
#pragma once
#include <glib.h>

typedef enum {
  GK_COLUMN_COUNT,       /* whole number, a count (negative is read, and flagged by checks) */
  GK_COLUMN_SIGNED,      /* whole number with its sign: 本年增/减 */
  GK_COLUMN_AMOUNT_WAN,  /* decimal amount, converted to 万元 */
} GkColumnType;

typedef enum {
  GK_NUMBER_INT,
  GK_NUMBER_DOUBLE,
  GK_NUMBER_BLANK,        /* nothing printed */
  GK_NUMBER_PLACEHOLDER,  /* —, -, /, 无 … */
  GK_NUMBER_INVALID,      /* text that is not a number of this column's type */
} GkNumberKind;

typedef struct {
  GkNumberKind kind;
  gint64 i;
  double d;
  char unit[16];          /* unit as printed ("万元", "元", "件" …), "" if none */
} GkNumber;

GkNumber gk_number_parse (const char *raw, GkColumnType type);

/* TRUE when text (after NFKC, white space trimmed) is one cell token: a number
 * with optional sign and unit, or a placeholder.  Used by the text path to
 * split a line into label and cells. */
gboolean gk_number_is_cell_token (const char *token);
/* TRUE for a unit alone ("万元", "元"), printed as its own token after a number. */
gboolean gk_number_is_unit_token (const char *token);
