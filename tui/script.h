/* script.h - replayable key scripts for the browser (like tig's script
 * mode): deterministic tests and benchmarks without a terminal.
 *
 * A script is a text file, one step per line:
 *   # comment
 *   jj<Enter>        keys: single characters, or names in angle brackets
 *                    (<Enter> <Tab> <S-Tab> <Up> <Down> <Left> <Right>
 *                    <PgUp> <PgDn> <Home> <End> <Esc> <Backspace> <Space>
 *                    <C-x> for Ctrl-x)
 *   :type 雷军        type the text, one character per key
 *   :resize 80 24    change the screen size
 *   :repeat 1000 j   press a key (one key token) many times
 *   :dump            print the screen text to stdout, then a line "----"
 *   :dump-highlight  the same, but only the cells drawn as search matches
 *                    (everything else blank), to check their columns
 *   :expect TEXT     fail (exit 1) unless the screen contains TEXT
 */
#ifndef DUBAO_SCRIPT_H
#define DUBAO_SCRIPT_H

#include <stdbool.h>
#include <curses.h>
#include <wchar.h>

#include "strbuf.h"

typedef enum {
    STEP_KEY,
    STEP_RESIZE,
    STEP_DUMP,
    STEP_DUMP_HIGHLIGHT,
    STEP_EXPECT,
    STEP_END
} step_kind;

typedef struct {
    step_kind kind;
    wint_t key;        /* STEP_KEY */
    bool is_code;      /* key is a KEY_* code */
    int cols, rows;    /* STEP_RESIZE */
    const char *text;  /* STEP_EXPECT (owned by the script) */
    int line;          /* script line, for messages */
} script_step;

typedef struct script script;

/* Read and check a script; NULL with a message (naming the line) in err. */
script *script_load(const char *path, strbuf *err);
/* The next step (STEP_END when done). */
script_step script_next(script *s);
/* Take the next step when it is the key Esc (true); else leave it.  Long
   work looks here for the key that stops it, so that a script can stop
   it at a known point: right where it starts. */
bool script_take_esc(script *s);
void script_free(script *s);

/* Print the (virtual) screen as text, one line per row, then "----".
   With only_attr non-zero, cells drawn with other attributes are shown
   as blanks. */
void script_dump_screen(attr_t only_attr);
/* Does the screen contain text? */
bool script_screen_contains(const char *text);

#endif
