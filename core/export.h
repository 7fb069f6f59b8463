/* export.h - saving quotes as Markdown, CSV or JSON Lines, and copying
 * text to the terminal's clipboard with OSC 52. */
#ifndef DUBAO_EXPORT_H
#define DUBAO_EXPORT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>

#include "db.h"
#include "strbuf.h"

typedef enum {
    EXPORT_MARKDOWN,
    EXPORT_CSV,
    EXPORT_JSON         /* JSON Lines: one object per line */
} export_format;

/* The format for a file name by its extension (.md, .csv, .json or
   .jsonl, any case), or -1 for anything else. */
int export_format_for_path(const char *path);

/* The UTF-8 byte order mark: spreadsheet programs (Excel) read a CSV file
   as UTF-8 only when it starts with one.  Files exported as .csv start
   with it; `dubao quotes --csv` writes it with --bom. */
#define EXPORT_BOM "\xEF\xBB\xBF"

/* Append the whole export of rows in fmt to out.  Every quote carries
   what a citation needs.  CSV and JSON carry the fields of `dubao quotes
   --csv/--json` (file, article, speaker, role, titles, kind, text, paper,
   date, edition, delegation); CSV starts with a header line.  Markdown
   puts paper, date and edition under each headline and role, delegation
   and titles beside each speaker. */
void export_render(strbuf *out, export_format fmt, const quote_row *rows,
                   size_t n);

/* Write the export to f.  Returns 0, or -1 with errno set when a write
   fails. */
int export_write(FILE *f, export_format fmt, const quote_row *rows,
                 size_t n);
/* The same in parts, for a list read page by page: head says whether this
   is the first part (CSV's header line).  CSV and JSON only: Markdown's
   headings depend on the rows before. */
int export_write_part(FILE *f, export_format fmt, const quote_row *rows,
                      size_t n, bool head);

/* Export to path (format by extension; a .csv file starts with
   EXPORT_BOM) as a new file of mode 0600.  The data goes to a temporary
   file in the same directory that is renamed over path only when
   complete, so a failure never leaves half a file.  An existing file at
   path is replaced only when replace is true; otherwise the export fails
   with errno EEXIST (checked at the rename itself, so a file created
   meanwhile is not lost either).  Returns 0, or -1 with a message for the
   user in err. */
int export_to_path(const char *path, const quote_row *rows, size_t n,
                   bool replace, strbuf *err);

/* The same for a list read a row at a time (a whole archive): open the
   temporary file, add the rows in order, then finish (the rename, as
   export_to_path says; 0, or -1 with a message in err) or abort (the
   temporary file goes, nothing else changes).  The stream holds about
   64 KB of text at a time. */
typedef struct export_stream export_stream;
/* NULL with a message in err when the file cannot be written. */
export_stream *export_open(const char *path, bool replace, strbuf *err);
/* Add row, which follows prev in the list (NULL for the first row):
   Markdown's headings depend on the row before. */
void export_add(export_stream *x, const quote_row *row,
                const quote_row *prev);
int export_finish(export_stream *x, strbuf *err);
void export_abort(export_stream *x);

/* A citation of quote q for the clipboard (heap):
       “words”
       ——雷军（全国人大代表，北京市代表团，小米集团董事长）
       《北京城市副中心报》2025-03-07 第01版《headline》（file）
   Parts that are not known are left out; without a paper the file name
   stands in its place. */
char *export_citation(const quote_row *q);

/* Base64 (RFC 4648, with padding) of n bytes, as a heap string. */
char *base64_encode(const void *data, size_t n);

/* Longest text osc52_sequence sends, in bytes: terminals drop larger
   sequences (xterm's default limit is about 100 KB).  Longer text is cut
   at a character boundary; compare strlen(text) with this to tell the
   user. */
#define OSC52_MAX_TEXT (100 * 1024)

/* The escape sequence ESC ] 52 ; c ; BASE64 BEL that asks the terminal
   to put utf8 (at most OSC52_MAX_TEXT bytes of it) on the clipboard
   (heap string). */
char *osc52_sequence(const char *utf8);

#endif
