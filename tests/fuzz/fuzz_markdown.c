/* fuzz_markdown.c - libFuzzer target for the Markdown reader:
 * read_markdown() (front matter with libyaml, body with md4c) on the
 * decoded input, then markup.c and the later stages.
 *
 * Checked: every text the reader hands over is valid UTF-8, heading levels
 * are 0-6, dates are real YYYY-MM-DD days and page labels well formed;
 * the issue built from it keeps every issue invariant (fuzz_check_issue)
 * and shows no control character in its headlines, blocks, paper, page
 * names or warnings; reading the same text twice gives the same issue.
 */
#include "fuzz_common.h"
#include "fuzz_markup.h"
#include "read_markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *text = fuzz_decode(data, size, &len);
    if (!text)
        return 0;
    fuzz_read_twice(FORMAT_MARKDOWN, read_markdown, text, len);
    free(text);
    return 0;
}
