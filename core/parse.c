/* parse.c - run the parsing stages in order for one file. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "blocks.h"
#include "decode.h"
#include "normalize.h"
#include "paragraphs.h"
#include "quotes.h"
#include "speakers.h"

parse_status issue_parse_buffer(const char *file, char *buf, size_t n,
                                issue *is, strbuf *msg)
{
    memset(is, 0, sizeof *is);
    is->file = xstrdup(file);
    decoded_text dec;
    strbuf dmsg = {0};
    decode_status ds = text_decode_buffer(buf, n, &dec, &dmsg);
    if (ds != DECODE_OK) {
        sb_printf(msg, "%s: %s", file, dmsg.s ? dmsg.s : "cannot decode.");
        sb_free(&dmsg);
        return ds == DECODE_BAD_ENCODING ? PARSE_FAILED : PARSE_SKIPPED;
    }
    if (dmsg.len)
        strlist_push_owned(&is->warnings, sb_take(&dmsg));
    sb_free(&dmsg);

    char *text = text_normalize(dec.text, dec.len, NULL);
    free(dec.text);
    block_list blocks = {0};
    paragraphs_split(text, &blocks);
    free(text);
    blocks_classify(&blocks);
    issue_derive_metadata(&blocks, is);
    articles_group(&blocks, is);
    speakers_find(is);
    quotes_extract(is);
    return PARSE_OK;
}

parse_status issue_parse_bytes(const char *file, const char *bytes, size_t n,
                               issue *is, strbuf *msg)
{
    return issue_parse_buffer(file, xstrndup(bytes, n), n, is, msg);
}
