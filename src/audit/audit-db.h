/* audit-db.h — what the audit view reads from and writes to a gongkai
 * SQLite database (store/db.h makes it): the stored records, the
 * auditors' review decisions, one issuer's series of years.
 *
 *   gk_audit_db_open / _close    an existing database (never created here)
 *   gk_audit_db_reports          stored reports as GkAuditReport, with their reviews
 *   gk_audit_db_series           one issuer's reports, one per year, by year
 *   gk_audit_db_failures         the stored files that could not be read, with the cause
 *   gk_audit_db_resolve          REPORT as the user names it → its sha256
 *   gk_audit_db_review           record a decision on one check of one report
 *
 * Method.  The records are read back from reports.record (the full record,
 * cross_year.* checks included once the batch has computed them), so the
 * page shows exactly what was stored.  Decisions go into the reviews
 * table keyed by the report's sha256 and the check id — content, not a
 * row id — so re-extracting the file (which replaces its report rows)
 * leaves them standing, and the view shows them next to the finding.  A
 * decision is refused for a check the stored report does not have, so a
 * typo cannot leave a decision nobody will ever see.  A report is named
 * by a sha256 prefix, by a file on disk (hashed: the same content under
 * any name), or by the path stored in reports.file.
 */
#pragma once
#include <glib.h>
#include "audit/audit-html.h"

/* Shortest sha256 prefix accepted as a report's name (hex digits). */
#define GK_AUDIT_MIN_SHA_PREFIX 6

typedef struct GkAuditDb GkAuditDb;

GkAuditDb *gk_audit_db_open (const char *path, gboolean writable, GError **error);
void gk_audit_db_close (GkAuditDb *db);
/* GkAuditReport* of every report read successfully (issuer NULL), or of
 * those whose issuer or issuer_key is `issuer`; ordered by issuer, year. */
GPtrArray *gk_audit_db_reports (GkAuditDb *db, const char *issuer, GError **error);
/* The same for one issuer, one report per year (the smallest sha256 when
 * a year has several, as the cross-year checks choose); error when none. */
GPtrArray *gk_audit_db_series (GkAuditDb *db, const char *issuer, GError **error);
/* GkAuditFailure* (audit-html.h), by file name. */
GPtrArray *gk_audit_db_failures (GkAuditDb *db, GError **error);
char *gk_audit_db_resolve (GkAuditDb *db, const char *report, GError **error);
/* decision: "confirmed" or "dismissed"; replaces an earlier decision. */
gboolean gk_audit_db_review (GkAuditDb *db, const char *sha256, const char *check_id,
                             const char *decision, const char *reason, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditDb, gk_audit_db_close)
