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
#include "read_html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *text = fuzz_decode_declared(
        data, size, html_declared_charset((const char *)data, size), &len);
    if (!text)
        return 0;
    fuzz_read_twice(FORMAT_HTML, read_html, text, len);
    markup_article frag = {0};
    html_read_fragment(text, len, &frag);
    for (size_t i = 0; i < frag.body.n; i++)
        fuzz_check_utf8("fragment paragraph", frag.body.v[i].text,
                        strlen(frag.body.v[i].text));
    block_list_free(&frag.body);
    free(text);
    return 0;
}
