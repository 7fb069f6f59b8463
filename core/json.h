/* json.h - writing JSON Lines and CSV for the export commands. */
#ifndef DUBAO_JSON_H
#define DUBAO_JSON_H

#include <stdbool.h>

#include "strbuf.h"

/* Append "key": followed by a string or null, with a leading comma unless
   first.  Strings are valid UTF-8 whatever their bytes: control and format
   characters are escaped as \uXXXX, and a byte that is not UTF-8 becomes
   the text \xHH (printable.h). */
void json_field_string(strbuf *sb, const char *key, const char *value,
                       bool first);
void json_field_int(strbuf *sb, const char *key, long long value);
void json_field_bool(strbuf *sb, const char *key, bool value);
/* Append "key":[...] with the list's strings. */
void json_field_strlist(strbuf *sb, const char *key, const strlist *l);

/* Append s as one CSV field (RFC 4180 quoting when needed; NULL is an
   empty field).  Fields starting with = + - @ are prefixed with a quote
   character so spreadsheets do not run them as formulas.  Like every
   output, the field is valid UTF-8 with no control or format character
   but newline (printable_text_append). */
void csv_field(strbuf *sb, const char *s, bool first);

#endif
