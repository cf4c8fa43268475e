/* pipeline.h — one file through every stage, in the one direction data flows:
 * input → content (text / PDF / OCR / HTML) → tables matched to a template →
 * record (plus prose figures) → checks.
 *
 *   gk_pipeline_new / _free     load models (templates, prose rules) once
 *   gk_pipeline_new_for         the same, for a known number of reports
 *   gk_pipeline_extract         one file → one record, or a GError naming the cause
 *   gk_pipeline_record_from_content   the stages after reading (tests, fuzzing)
 *
 * A pipeline is read-only once made: worker threads share one.
 */
#pragma once
#include "content/content.h"
#include "content/options.h"
#include "model/record.h"
#include "templates/template.h"

typedef struct GkPipeline GkPipeline;

GkPipeline *gk_pipeline_new (const char *models_dir, GError **error);
/* reports: how many the pipeline will read (0: not known).  For one, the
 * prose patterns are not JIT-compiled: that costs a report more than it saves. */
GkPipeline *gk_pipeline_new_for (const char *models_dir, guint reports, GError **error);
void gk_pipeline_free (GkPipeline *p);
const GkTemplateSet *gk_pipeline_templates (const GkPipeline *p);
GkRecord *gk_pipeline_extract (const GkPipeline *p, const char *path, const GkReadOptions *opts, GError **error);
GkRecord *gk_pipeline_record_from_content (const GkPipeline *p, const char *name, GkContent *content);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPipeline, gk_pipeline_free)
