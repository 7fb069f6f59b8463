/* test.h - shared declarations for the cmocka test suite.
 *
 * Each tests/test_STAGE.c defines an array of cmocka tests and its length;
 * test_main.c lists them all and runs them as one group so the suite ends
 * with a single cmocka summary line.
 */
#ifndef DUBAO_TEST_H
#define DUBAO_TEST_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "strbuf.h"

typedef struct {
    const struct CMUnitTest *tests;
    size_t count;
} test_suite;

#define SUITE_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Path of a file in the source tree (DUBAO_SRC, default "."); static buffer
   reused by the next call. */
const char *test_src_path(const char *rel);
/* Read a whole file into a heap buffer; fails the test, naming the file,
   if it cannot be read (test data never goes missing silently). */
char *test_read_file(const char *path, size_t *len);
/* Copy the shipped page assets/corpus/NAME into dir; fails the test on
   error. */
void test_copy_corpus_page(const char *name, const char *dir);
/* A fresh private temporary directory (removed at exit); static buffer. */
const char *test_tmpdir(void);
/* Run argv (NULL-terminated) with stdout captured into out (may be NULL);
   returns the exit status, or -1 if it did not exit normally. */
int test_run(char *const argv[], strbuf *out, strbuf *err);
/* The same, as user nobody (only when running as root: file permissions
   mean nothing to root). */
int test_run_as_nobody(char *const argv[], strbuf *out, strbuf *err);
/* The same with files limited to bytes (writes beyond fail like a full
   disk). */
int test_run_with_file_limit(char *const argv[], long bytes, strbuf *out,
                             strbuf *err);
/* The peak resident memory of the last test_run child, in KiB. */
extern long test_last_maxrss_kb;

/* Run SQL on the database file db directly (fails the test on error). */
void test_sql(const char *db, const char *stmt);
/* One integer from a query on the database file db (-1 when no row). */
long long test_sql_int(const char *db, const char *query);

/* Damage the database file db: overwrite the first bytes of each of the
   first max_pages pages that dbstat lists under the condition where
   (e.g. "name='articles' AND pagetype='leaf'") with 0xff, after a
   checkpoint.  Returns how many pages were damaged. */
int test_damage_pages(const char *db, const char *where, int max_pages,
                      size_t bytes);

/* Fail unless got equals want, showing the first line where they differ
   (whole texts are too long for a failure message); what names got. */
void assert_same_text(const char *what, const char *got, const char *want);

/* Is s exactly one valid JSON value (RFC 8259), optionally surrounded by
   whitespace?  Small validator so that tests need no external tools. */
bool test_json_valid(const char *s);

/* ---- driving the browser in tmux (private server, no user config) ---- */
/* Start cmd in a detached tmux session of the given size with
   LANG=C.UTF-8; returns 0 on success. */
int tmux_start(const char *cmd, int cols, int rows);
/* Send keys (tmux key names such as "Enter", "Tab", "j"). */
void tmux_keys(const char *k1, ...);
/* Set a server option (e.g. set-clipboard on). */
void tmux_option(const char *name, const char *value);
/* The newest paste buffer (what OSC 52 put on the clipboard). */
char *tmux_buffer(void);
/* The screen with its colour and attribute escape sequences. */
char *tmux_capture_attrs(void);
/* Type text literally (no key names). */
void tmux_type(const char *text);
/* The visible screen as text (one line per row). */
char *tmux_capture(void);
/* Wait until the screen contains text (up to timeout_ms); returns the
   screen (heap) or NULL on timeout. */
char *tmux_wait_for(const char *text, int timeout_ms);
/* Is the program in the pane still running? */
bool tmux_alive(void);
void tmux_stop(void);
void tmux_resize(int cols, int rows);

/* Write n pages into the new directory dir, page i with the headline
   "第i号新闻：TERM" and one deputy's quote "这是TERM的第i句话。". */
void test_write_pages(const char *dir, int n, const char *term);
/* Append lines of plain reporting (a paragraph each, no speaker) to the
   page at path: pages that take some time to index. */
void test_append_filler(const char *path, int lines);
/* How many lines of text contain needle. */
int test_count_lines_with(const char *text, const char *needle);

/* ---- the browser's --script mode ---- */
/* Run the browser with the script text, the database db and the corpus
   (NULL: the shipped one); stdout (the :dump screens) in out. */
int test_run_script(const char *db, const char *corpus, const char *text,
                    strbuf *out, strbuf *err);
/* Screen k of the output (screens end with "----" lines), heap string, or
   NULL when there are fewer. */
char *test_nth_screen(const char *out, int k);
/* Every line of the screen is at most cols wide and has no control
   characters; fails the test otherwise. */
void test_assert_lines_fit(const char *screen, int cols);

#endif
