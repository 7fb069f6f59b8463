/* json.h - writing JSON Lines and CSV for the export commands. */
#ifndef DUBAO_JSON_H
#define DUBAO_JSON_H

#include <stdbool.h>

#include "strbuf.h"

/* Append "key": followed by a string or null, with a leading comma unless
   first. */
void json_field_string(strbuf *sb, const char *key, const char *value,
                       bool first);
void json_field_int(strbuf *sb, const char *key, long long value);
void json_field_bool(strbuf *sb, const char *key, bool value);
/* Append "key":[...] with the list's strings. */
void json_field_strlist(strbuf *sb, const char *key, const strlist *l);

/* Append s as one CSV field (RFC 4180 quoting when needed; NULL is an
   empty field).  Fields starting with = + - @ are prefixed with a quote
   character so spreadsheets do not run them as formulas. */
void csv_field(strbuf *sb, const char *s, bool first);

#endif
