/* gongkai.h — gongkai's public C API: read a disclosure report into its record.
 *
 *   gongkai_version          the library's version, "X.Y.Z"
 *   gongkai_models_open      load the templates and prose rules (once; then shared by threads)
 *   gongkai_models_free
 *   gongkai_read_file        one report file (PDF, scan, HTML, text) → one record, or NULL and why
 *   gongkai_record_to_json   the record as docs/output.md's JSON (docs/record.schema.json)
 *   gongkai_record_free
 *   gongkai_free             frees a string this API returned
 *
 * The same pipeline the `gongkai` command runs, with its default reading
 * options (OCR where a page has no text layer, the safety limits of the
 * README).  Plain C types only, so any language with a C foreign-function
 * interface can call it (examples/read_report.py uses Python's ctypes).
 * Link with `pkg-config --cflags --libs gongkai`.
 *
 * Errors: a function that fails returns NULL and, when error_message is
 * not NULL, sets *error_message to a sentence saying why (free it with
 * gongkai_free) and *error_code (when not NULL) to the exit status the
 * command line would give: 1 the input could not be read, 4 models or OCR
 * data missing.
 */
#ifndef GONGKAI_H
#define GONGKAI_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct GongkaiModels GongkaiModels;
typedef struct GongkaiRecord GongkaiRecord;

const char *gongkai_version (void);

/* models_dir NULL: $GONGKAI_MODELS, else the models installed beside the
 * library ($(PREFIX)/share/gongkai/models), else those of the build tree. */
GongkaiModels *gongkai_models_open (const char *models_dir, char **error_message, int *error_code);
void gongkai_models_free (GongkaiModels *models);

GongkaiRecord *gongkai_read_file (const GongkaiModels *models, const char *path, char **error_message,
                                  int *error_code);
/* pretty: 0 one line (JSON lines), 1 indented.  Free with gongkai_free. */
char *gongkai_record_to_json (const GongkaiRecord *record, int pretty);
void gongkai_record_free (GongkaiRecord *record);

void gongkai_free (void *p);

#ifdef __cplusplus
}
#endif
#endif
