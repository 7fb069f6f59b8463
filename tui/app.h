/* app.h - the interactive browser. */
#ifndef DUBAO_APP_H
#define DUBAO_APP_H

#include "cli.h"

/* Open the database (indexing the corpus first) and run the browser until
   the user quits.  Returns an exit code. */
int app_run(const dubao_options *o);

#endif
