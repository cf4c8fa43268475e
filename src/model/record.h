/* record.h — the normalised report record of output.md.
 *
 *   gk_record_new / gk_record_free
 *   gk_record_set_int / _set_double / _set_null   a canonical value with provenance
 *   gk_record_get                                  look a value up by canonical key
 *   gk_record_add_part                             one narrative.active_breakdown entry
 *   gk_record_add_check / gk_record_warn
 *   gk_record_drop_unread                          forget nulls never seen on a page
 *   gk_record_has_table_values                     did any table cell give a number
 *   gk_record_drop_table_values                    forget what the matcher wrote (no table after all)
 *
 * Values keep insertion order (template order), so every exporter emits
 * them in the order a reader of the report expects.  A key that is set to
 * null stays in the record: null means "looked for and not read", which an
 * auditor must be able to tell from "not part of this template".
 */
#pragma once
#include <glib.h>
#include "content/content.h"

typedef enum {
  GK_VALUE_NULL,
  GK_VALUE_INT,
  GK_VALUE_DOUBLE,
} GkValueKind;

typedef struct {
  char *key;            /* canonical key, e.g. "applications.new_received.total" */
  GkValueKind kind;
  gint64 i;
  double d;
  gboolean has_source;  /* FALSE for nulls that were never seen on a page */
  GkSource src;
  char *raw;            /* the cell's text as read, NULL when never seen */
  gboolean from_blank;  /* printed as a placeholder (—, －, -, /, 无, a blank ruled cell) and read as 0,
                           which it stays: provenance "placeholder": true */
  gboolean approximate; /* printed as approximate (5500余条, 近3000条): provenance "approximate": true,
                           and no check rests on it */
} GkValue;

double gk_value_number (const GkValue *v);   /* i or d as double; NAN for null */

/* OCR confidence (0..1) under which a cell may be misread. */
#define GK_OCR_SUSPECT_CONFIDENCE 0.80
/* TRUE for a value read by OCR below GK_OCR_SUSPECT_CONFIDENCE: provenance
 * "suspect_ocr", and a check failing through it may be our misreading. */
gboolean gk_value_is_suspect_ocr (const GkValue *v);

typedef struct {
  char *label;
  gboolean has_count;
  gint64 count;
  gboolean has_percent;
  double percent;
  int percent_decimals; /* digits after the point as printed: 47.75 → 2 */
  GkSource src;
  char *raw;            /* the sentence fragment the part was read from */
} GkPart;

typedef enum {
  GK_CHECK_PASS,
  GK_CHECK_FAIL,
  GK_CHECK_SKIPPED,
} GkCheckStatus;

const char *gk_check_status_name (GkCheckStatus status);

typedef struct {
  char *key;
  gboolean is_null;
  double value;
} GkCheckOperand;

typedef struct {
  char *id;
  GkCheckStatus status;
  char *formula;        /* e.g. "new_received + carried_over = processed_total + carried_forward" */
  GArray *operands;     /* GkCheckOperand, in formula order */
  char *message;        /* one Chinese sentence */
  gboolean suspect_ocr; /* fails only through low-confidence OCR cells */
  GPtrArray *placeholders; /* char*: keys of operands printed as placeholders (failing checks); NULL if none */
} GkCheck;

GkCheck *gk_check_new (const char *id, const char *formula);
void gk_check_add_operand (GkCheck *check, const char *key, const GkValue *value);
void gk_check_add_number (GkCheck *check, const char *key, gboolean is_null, double value);
void gk_check_free (GkCheck *check);

typedef struct {
  /* source */
  char *file;
  char *sha256;
  GkMedia media;
  int pages;
  GArray *ocr_pages;    /* int */
  /* report */
  char *title;
  char *issuer;
  int year;             /* 0 = unknown */
  char *template_id;    /* "2019", "2021", "pre2019", "unknown" */
  char *published_on;   /* "YYYY-MM-DD" or NULL */
  GkSource title_src, issuer_src, year_src, date_src;
  /* data */
  GPtrArray *values;    /* GkValue*, in insertion order */
  GHashTable *index;    /* key → GkValue* (borrowed from values) */
  GPtrArray *parts;     /* GkPart*: narrative.active_breakdown */
  gboolean parts_partial; /* "其中包括…等": the breakdown need not cover the total */
  guint table_rows_seen;  /* template rows the matcher placed a printed row on */
  guint table_markers;    /* header texts only a template's table prints (新制作数量, 其他处理…) */
  guint table_headings;   /* tables 三 and 四 read below their own headings */
  guint table_sets;       /* times every table's heading is printed (2: two reports in one file) */
  /* results */
  GPtrArray *checks;    /* GkCheck* */
  GPtrArray *warnings;  /* GkWarning* */
} GkRecord;

GkRecord *gk_record_new (const char *file);
void gk_record_free (GkRecord *record);

GkValue *gk_record_set_int (GkRecord *r, const char *key, gint64 v, const GkSource *src, const char *raw);
GkValue *gk_record_set_double (GkRecord *r, const char *key, double v, const GkSource *src, const char *raw);
GkValue *gk_record_set_null (GkRecord *r, const char *key, const GkSource *src, const char *raw);
GkValue *gk_record_get (const GkRecord *r, const char *key);

GkPart *gk_part_new (const char *label);
void gk_part_free (GkPart *part);
void gk_record_add_part (GkRecord *r, GkPart *part);        /* takes ownership */
void gk_record_add_check (GkRecord *r, GkCheck *check);     /* takes ownership */
void gk_record_warn (GkRecord *r, const char *code, int page, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
void gk_record_take_warnings (GkRecord *r, GPtrArray *warnings);  /* moves GkWarning* out of warnings */
/* Removes the null values that no page showed (keys of a template the
 * report turned out not to use); returns how many went. */
guint gk_record_drop_unread (GkRecord *r);
/* TRUE when some value is a number read from a table (prose-filled keys do not count). */
/* Removes every value the table matcher wrote (numbers and nulls), keeping
 * the prose's; returns how many went. */
guint gk_record_drop_table_values (GkRecord *r);
gboolean gk_record_has_table_values (const GkRecord *r);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRecord, gk_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCheck, gk_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPart, gk_part_free)
