/* fuzz_evidence.c - libFuzzer target for the format sniffer and the
 * evidence values (core/sniff.h, core/evidence.h): sniff_format on the raw
 * bytes under several names, and on the decoded text evidence_date,
 * page_label (loose and strict), evidence_strip_page_prefix,
 * evidence_paper_from_title, evidence_clean_title, evidence_from_stamp and
 * evidence_from_path (the text as a path and as a URL).
 *
 * Checked: the format is one of the four; dates are real YYYY-MM-DD days
 * and reading a date back gives itself; page labels are a capital letter
 * or none and two or three digits, and reading a label back gives itself;
 * a stripped title is a suffix of the title; every returned string is
 * valid UTF-8 found in the input (names, papers, titles); a cleaned value
 * shows no control character.
 */
#include "fuzz_common.h"
#include "fuzz_markup.h"
#include "sniff.h"

/* Is s (valid UTF-8) found in text, spaces aside?  Names are trimmed
   copies of part of the input. */
static void check_part_of(const char *what, const char *s, const char *text)
{
    if (!s)
        return;
    fuzz_check_utf8(what, s, strlen(s));
    if (!strstr(text, s))
        fuzz_fail("%s \"%s\" is not in the input", what, s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {NULL, "a.txt", "a.md", "a.html",
                                        "a.xml", "x/2026-03-08/06-两会/a.MD"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        doc_format f = sniff_format(names[i], (const char *)data, size);
        if ((int)f < FORMAT_TEXT || f > FORMAT_FEED)
            fuzz_fail("sniff_format gave %d", (int)f);
    }
    size_t len;
    char *text = fuzz_decode(data, size, &len);
    if (!text || memchr(text, '\0', len)) {
        free(text);
        return 0;
    }
    char d[11];
    if (evidence_date(text, d)) {
        fuzz_check_date("date", d);
        char again[11];
        if (!evidence_date(d, again) || strcmp(again, d) != 0)
            fuzz_fail("date %s reads back as another", d);
    }
    for (int strict = 0; strict < 2; strict++) {
        char *name = NULL;
        char *label = page_label(text, strict, &name);
        fuzz_check_page("page label", label);
        check_part_of("page name", name, text);
        if (label) {
            char *back = page_label(label, false, NULL);
            if (!back || strcmp(back, label) != 0)
                fuzz_fail("page label %s reads back as %s", label,
                          back ? back : "none");
            free(back);
        }
        free(label);
        free(name);
    }
    doc_evidence ev = {0};
    const char *rest = evidence_strip_page_prefix(text, &ev);
    if (rest < text || rest > text + len)
        fuzz_fail("stripped title is not a suffix");
    fuzz_check_page("prefix page", ev.page);
    check_part_of("prefix page name", ev.page_name, text);
    char *paper = evidence_paper_from_title(text);
    check_part_of("paper", paper, text);
    free(paper);
    char *clean = evidence_clean_title(text);
    fuzz_check_utf8("clean title", clean, strlen(clean));
    if (*clean)
        check_part_of("clean title", clean, text);
    free(clean);
    evidence_free(&ev);
    evidence_from_stamp(text, &ev);
    fuzz_check_date("stamp date", ev.date);
    fuzz_check_page("stamp page", ev.page);
    check_part_of("stamp paper", ev.paper, text);
    evidence_free(&ev);
    evidence_from_path(text, &ev);
    fuzz_check_date("path date", ev.date);
    fuzz_check_page("path page", ev.page);
    evidence_clean(&ev);
    fuzz_check_shown("path page name", ev.page_name);
    evidence_free(&ev);
    ev.paper = xstrdup(text);
    ev.author = xstrdup(text);
    evidence_clean(&ev);
    fuzz_check_shown("cleaned paper", ev.paper);
    fuzz_check_shown("cleaned author", ev.author);
    evidence_free(&ev);
    free(text);
    return 0;
}
