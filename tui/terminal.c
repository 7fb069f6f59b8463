/* terminal.c - terminfo checks, kept apart because <term.h> defines
 * macros (lines, columns, ...) that would clash with ordinary names. */
#include "terminal.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
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

/* What terminal_restore_now writes and sets, prepared beforehand so that
   a signal handler needs only write() and tcsetattr(). */
static char restore_bytes[512];
static size_t restore_len;
static struct termios shell_modes;
static volatile sig_atomic_t have_shell_modes;

void terminal_save_modes(void)
{
    have_shell_modes = tcgetattr(STDOUT_FILENO, &shell_modes) == 0;
}

/* Append s to the restore bytes (when it fits); false when s is NULL. */
static bool restore_append(const char *s)
{
    if (!s || s == (const char *)-1)
        return false;
    size_t n = strlen(s);
    if (restore_len + n <= sizeof restore_bytes) {
        memcpy(restore_bytes + restore_len, s, n);
        restore_len += n;
    }
    return true;
}

void terminal_prepare_restore(bool mouse)
{
    restore_len = 0;
    restore_append(tigetstr("sgr0"));
    if (mouse) /* the xterm mouse modes curses may have turned on */
        restore_append("\033[?1006l\033[?1003l\033[?1002l\033[?1000l");
    restore_append(tigetstr("rmkx"));
    restore_append(tigetstr("cnorm"));
    if (!restore_append(tigetstr("rmcup"))) {
        /* No alternate screen: leave the cursor on the last line. */
        const char *cup = tigetstr("cup");
        if (cup && cup != (const char *)-1)
            restore_append(tiparm(cup, LINES > 0 ? LINES - 1 : 0, 0));
        restore_append("\r\n");
    }
}

void terminal_restore_now(void)
{
    if (restore_len > 0 &&
        write(STDOUT_FILENO, restore_bytes, restore_len) < 0)
        restore_len = 0; /* nothing more can be done from here */
    if (have_shell_modes)
        tcsetattr(STDOUT_FILENO, TCSADRAIN, &shell_modes);
}
