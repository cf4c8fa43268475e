/* issuer.h — one issuer, however its name is printed.
 *
 *   gk_issuer_rules_load / _free   models/issuers.json
 *   gk_issuer_key                  the normalised name two reports must share
 *                                  to be the same issuer's series
 *
 * Method.  Reports of one issuer spell its name differently from year to
 * year: full-width letters, spaces between characters, 全称 or 简称
 * (沁县人民政府 / 沁县政府), or the general office that drafted the report
 * (沁县人民政府办公室).  The key is NFKC with white space removed, an
 * exact alias from the data replaced by its canonical name, and a trailing
 * government form (data: "government_forms", longest first) replaced by
 * one canonical form.  The rule is data so that a province's habits are a
 * line in models/issuers.json, not code.  Departments keep their names:
 * 沁县教育局 is not 沁县人民政府.
 */
#pragma once
#include <glib.h>

typedef struct GkIssuerRules GkIssuerRules;

GkIssuerRules *gk_issuer_rules_load (const char *models_dir, GError **error);
void gk_issuer_rules_free (GkIssuerRules *rules);
/* NULL for a NULL or empty name. */
char *gk_issuer_key (const GkIssuerRules *rules, const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkIssuerRules, gk_issuer_rules_free)
