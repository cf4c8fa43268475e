/* audit-html.h — the audit view: one self-contained HTML page over many
 * report records, for an auditor who would rather look than read.
 *
 *   gk_audit_report_new / _free   one report to show: its record (output.md
 *                                 JSON), its reopened source, its reviews
 *   gk_audit_review_new / _free   one auditor's decision on one check
 *   gk_audit_failure_new / _free  a file that could not be read, and why
 *   gk_audit_html                 the page (UTF-8 HTML, no external asset)
 *                                 and quoted attributes
 *
 * What the page holds.  A summary table over all reports (issuer, year,
 * template, media, failing / suspect-OCR checks, missing values, reviews),
 * sortable by clicking a header, and the files that could not be read.  Per report: its findings (failing
 * checks, each with its Chinese message, its formula with the operands'
 * numbers put in, the operands' text as read, and the review decision if
 * any), then tables 二/三/四 rebuilt from the template the report was
 * matched to (rows × columns in template order, labels from the template
 * data), then the figures read from the prose, values outside the
 * template, and warnings.  Every value is a cell; a cell that is an
 * operand of a failing check is highlighted.  Clicking a cell shows, in a
 * side panel, where it was read: the PNG crop of the PDF page around its
 * box with the box outlined (audit-crop.h), or for text input the source
 * lines, and every check the value takes part in.
 *
 * Method.  The page is built from records as JSON — the form both the
 * extractor (gk_record_to_json) and the database (reports.json) give — so
 * files and a database render the same.  Every string from a report is
 * untrusted: it is escaped, never put into script, and a Content-Security-
 * Policy forbids any network access and any script but the page's own.
 * The evidence of each value is rendered once into a hidden element; the
 * script only moves copies of it into the panel, it never builds markup
 * from report text.
 */
#pragma once
#include <glib.h>
#include <jansson.h>
#include "audit/audit-source.h"
#include "templates/template.h"

typedef enum {
  GK_AUDIT_CROPS_ALL,       /* a crop for every value with a box */
  GK_AUDIT_CROPS_FAILING,   /* only for operands of failing checks (large batches) */
  GK_AUDIT_CROPS_NONE,
} GkAuditCrops;

typedef struct {
  char *check_id;
  char *decision;           /* "confirmed" or "dismissed" */
  char *reason;
  char *at;                 /* UTC, ISO 8601; may be NULL */
} GkAuditReview;

typedef struct {
  json_t *record;           /* output.md record (owned reference) */
  GkAuditSource *source;    /* owned; may be NULL, see source_path */
  char *source_path;        /* else the file to reopen while this report is
                             * written (checked against the record's sha256)
                             * and close after: one source open at a time */
  const GkReadOptions *read_opts; /* for source_path (borrowed), NULL for the defaults */
  char *source_error;       /* why there is no source (shown on the page), or NULL */
  GPtrArray *reviews;       /* GkAuditReview* */
} GkAuditReport;

typedef struct {
  char *file;
  char *cause;              /* the one-line error */
} GkAuditFailure;

GkAuditFailure *gk_audit_failure_new (const char *file, const char *cause);
void gk_audit_failure_free (GkAuditFailure *failure);
GkAuditReview *gk_audit_review_new (const char *check_id, const char *decision,
                                    const char *reason, const char *at);
void gk_audit_review_free (GkAuditReview *review);
/* Takes a new reference to record. */
GkAuditReport *gk_audit_report_new (json_t *record);
void gk_audit_report_free (GkAuditReport *report);

/* reports: GkAuditReport*; failures: GkAuditFailure* listed under the
 * summary (may be NULL); title: the page's heading. */
char *gk_audit_html (const GkTemplateSet *set, GPtrArray *reports, GPtrArray *failures,
                     GkAuditCrops crops, const char *title);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditReview, gk_audit_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditFailure, gk_audit_failure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditReport, gk_audit_report_free)
