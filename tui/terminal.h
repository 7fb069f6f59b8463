/* terminal.h - what the terminal in $TERM can do. */
#ifndef DUBAO_TERMINAL_H
#define DUBAO_TERMINAL_H

#include <stdbool.h>

/* Does $TERM describe a terminal that can move the cursor (a full-screen
   program needs that; TERM=dumb cannot)?  Prints why not. */
bool terminal_can_address_cursor(void);

#endif
