/* read-report.c — the C API (gongkai.h) in full: each FILE read into its
 * record, printed as one JSON line.  Build against an installed gongkai:
 *
 *   cc read-report.c $(pkg-config --cflags --libs gongkai) -o read-report
 *   ./read-report report.pdf other.txt > records.jsonl
 *
 * Exit status as the command line's: 1 when a file could not be read,
 * 4 when the models are missing.
 */
#include <stdio.h>
#include <gongkai.h>

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE...\n", argv[0]);
      return 2;
    }
  char *message = NULL;
  int code = 0;
  GongkaiModels *models = gongkai_models_open (NULL, &message, &code);
  if (!models)
    {
      fprintf (stderr, "read-report: %s\n", message);
      gongkai_free (message);
      return code;
    }
  int status = 0;
  for (int i = 1; i < argc; i++)
    {
      GongkaiRecord *record = gongkai_read_file (models, argv[i], &message, &code);
      if (!record)
        {
          fprintf (stderr, "read-report: %s: %s\n", argv[i], message);
          gongkai_free (message);
          status = code > status ? code : status;
          continue;
        }
      char *json = gongkai_record_to_json (record, 0);
      puts (json);
      gongkai_free (json);
      gongkai_record_free (record);
    }
  gongkai_models_free (models);
  fprintf (stderr, "read-report: gongkai %s\n", gongkai_version ());
  return fflush (stdout) == 0 && !ferror (stdout) ? status : 3;
}
