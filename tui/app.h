/* app.h - the interactive browser. */
#ifndef DUBAO_APP_H
#define DUBAO_APP_H

#include "cli.h"

/* Open the database (indexing the corpus first) and run the browser until
   the user quits.  Returns an exit code. */
int app_run(const dubao_options *o);

/* dubao --check-config: read the config file as the browser does and
   print each problem ("PATH:LINE: message"), or "PATH: ok".  Returns 0
   when there is none, 1 otherwise. */
int app_check_config(void);

#endif
