/* gk-text.h — Unicode normalisation shared by every heuristic.
 *
 *   gk_text_nfkc          NFKC: full-width digits, brackets and letters to ASCII;
 *                         CJK radicals to the ideographs they stand for (⺠ → 民)
 *   gk_text_label_key     NFKC with all white space (incl. U+3000, NBSP) removed:
 *                         the form template patterns are written against
 *   gk_text_squeeze       NFKC, white space removed except between two ASCII
 *                         alphanumerics (where it separates words or numbers)
 *   gk_text_is_space_char white space as reports use it (ASCII, U+3000, NBSP, ZWSP)
 *   gk_text_is_ideograph  a CJK Unified Ideograph of the basic block (U+4E00–U+9FFF)
 *   gk_text_convert_lossy bytes in a charset to UTF-8, bytes it cannot convert replaced by U+FFFD
 *   gk_text_utf8_or_gb18030 bytes of unknown charset to UTF-8: UTF-8, else GB18030, one bad byte losing no more
 *   gk_text_escape_invalid a byte string (a file name) as UTF-8, each byte that is not UTF-8 as \xNN
 *   gk_text_lcs_length    longest common subsequence of two short strings (characters):
 *                         how much of a label or name survives a dropped or misread character
 */
#pragma once
#include <glib.h>

char *gk_text_nfkc (const char *s);
/* s with every radical (Kangxi, CJK Radicals Supplement: ⼈ ⺠) turned into
 * the ideograph it stands for, as fonts that draw 人 with the radical's
 * glyph leave them in a PDF's text; NULL when s holds none. */
char *gk_text_fold_radicals (const char *s);
char *gk_text_label_key (const char *s);
char *gk_text_squeeze (const char *s);
gboolean gk_text_is_space_char (gunichar c);
gboolean gk_text_is_ideograph (gunichar c);
/* Copies s, replacing invalid UTF-8 sequences by U+FFFD. */
char *gk_text_make_valid (const char *s, gssize len);
/* data (len bytes in charset `from`) as UTF-8, NUL-terminated, its length
 * in *out_len (may be NULL; the text may hold NULs); each byte iconv cannot
 * convert becomes U+FFFD and is counted in *n_replaced.  NULL with an error
 * only when iconv does not know the charset. */
char *gk_text_convert_lossy (const char *data, gsize len, const char *from, gsize *out_len, gsize *n_replaced,
                             GError **error);
/* Bytes of unknown charset as UTF-8: as they are when they are UTF-8, else
 * read as whichever of UTF-8 and GB18030 (the superset of GBK and GB2312)
 * leaves fewer bytes unconverted, those replaced by U+FFFD; the charset
 * used into *charset, the bytes replaced into *n_replaced. */
char *gk_text_utf8_or_gb18030 (const char *data, gsize len, gsize *out_len, const char **charset,
                               gsize *n_replaced);
/* s with every byte outside a valid UTF-8 sequence written \xNN (two
 * lower-case hex digits): a file name in GBK stays legible and distinct,
 * where U+FFFD would make two names one. */
char *gk_text_escape_invalid (const char *s);
glong gk_text_lcs_length (const gunichar *a, glong na, const gunichar *b, glong nb);
