/* terminal.c - terminfo checks, kept apart because <term.h> defines
 * macros (lines, columns, ...) that would clash with ordinary names. */
#include "terminal.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

bool terminal_can_address_cursor(void)
{
    const char *term = getenv("TERM");
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
        fprintf(stderr, "dubao: unknown terminal type '%s'; set TERM to your "
                "terminal (e.g. xterm-256color). Commands such as 'dubao "
                "issues' work without one.\n", term ? term : "(unset)");
        return false;
    }
    const char *cup = tigetstr("cup");
    bool ok = cup && cup != (const char *)-1;
    del_curterm(cur_term);
    if (!ok)
        fprintf(stderr, "dubao: terminal type '%s' cannot move the cursor, "
                "so the browser cannot run in it. Commands such as 'dubao "
                "issues' work without one.\n", term ? term : "(unset)");
    return ok;
}
