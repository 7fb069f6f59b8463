/* fuzz_html.c - libFuzzer target for the HTML reader: the declared
 * charset (html_declared_charset) weighed against the bytes
 * (decode_declared), read_html() on the result, then markup.c and the later
 * stages; and the same text read as a fragment (html_read_fragment), as a
 * feed item's body is.
 *
 * Checked: a decoding refusal leaves no text; the charset message shows no
 * control character; what the reader hands over and the issue built from
 * it hold the invariants of fuzz_markup.h; reading twice gives the same
 * issue; a fragment's paragraphs are valid UTF-8.
 */
#include "fuzz_common.h"
#include "fuzz_markup.h"
#include "lexicon.h"
#include "read_html.h"
#include "sniff.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *declared = html_declared_charset((const char *)data, size);
    if (declared)
        fuzz_check_utf8("declared charset", declared, strlen(declared));
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = decode_declared((const char *)data, size, declared,
                                       &dec, &msg);
    free(declared);
    fuzz_check_shown("charset message", msg.s);
    sb_free(&msg);
    if (st != DECODE_OK) {
        if (dec.text)
            fuzz_fail("refused input left text");
        return 0;
    }
    fuzz_check_utf8("decoded text", dec.text, dec.len);
    fuzz_read_twice(FORMAT_HTML, read_html, dec.text, dec.len);
    markup_article frag = {0};
    html_read_fragment(dec.text, dec.len, &frag);
    for (size_t i = 0; i < frag.body.n; i++)
        fuzz_check_utf8("fragment paragraph", frag.body.v[i].text,
                        strlen(frag.body.v[i].text));
    block_list_free(&frag.body);
    free(dec.text);
    return 0;
}
