/* terminal.h - what the terminal in $TERM can do. */
#ifndef DUBAO_TERMINAL_H
#define DUBAO_TERMINAL_H

#include <stdbool.h>

/* Does $TERM describe a terminal that can move the cursor (a full-screen
   program needs that; TERM=dumb cannot)?  Prints why not. */
bool terminal_can_address_cursor(void);

/* Put the terminal back as the shell had it at any moment, from a signal
   handler too (it only calls write() and tcsetattr()):
   terminal_save_modes before curses starts keeps the terminal's modes;
   terminal_prepare_restore once curses runs makes the bytes that leave
   the alternate screen and show the cursor (and turn mouse reporting off
   when mouse is set); terminal_restore_now writes and sets them. */
void terminal_save_modes(void);
void terminal_prepare_restore(bool mouse);
void terminal_restore_now(void);

#endif
