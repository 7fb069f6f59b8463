/* fuzz_options.c - libFuzzer target for the config-file parser,
 * options_parse_n() of tui/options.h (no terminal needed).
 *
 * The input is applied as config text on top of the defaults.  Checked:
 *
 *   - at most OPTIONS_MAX_WARNINGS warnings plus one summary, each
 *     "fuzz:..." in valid UTF-8 with no control or format character (a
 *     warning quotes the user's words and is printed on a terminal), and
 *     some warning whenever a line was bad;
 *   - the binding table: no key bound twice, options_lookup() of every
 *     bound key gives its action, the hash index is a power of two at
 *     least twice the bindings, and options_key_name() of every bound key
 *     fits KEY_NAME_MAX and parses back to the same key;
 *   - colours are -1..255, actions and elements have names;
 *   - applying the same text a second time changes nothing (the last
 *     statement for each key, element and setting wins either way).
 */
#include <unictype.h>

#include "fuzz_common.h"
#include "options.h"

/* Is the warning printable as it is? */
static void check_warning(const char *w)
{
    size_t n = strlen(w);
    fuzz_check_utf8("warning", w, n);
    if (strncmp(w, "fuzz:", 5) != 0)
        fuzz_fail("warning \"%s\" does not name its source", w);
    const uint8_t *p = (const uint8_t *)w, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        p += u8_mbtouc(&uc, p, (size_t)(end - p));
        if (uc < 0x20 || (uc >= 0x7F && uc <= 0x9F) ||
            uc_is_general_category(uc, UC_CATEGORY_Cf))
            fuzz_fail("warning \"%s\" holds U+%04X", w, (unsigned)uc);
    }
}

/* Check the binding table and colours of o. */
static void check_options(const options *o)
{
    if (o->index_cap & (o->index_cap - 1))
        fuzz_fail("index_cap %zu is not a power of two", o->index_cap);
    if (o->nbindings && o->index_cap < 2 * o->nbindings)
        fuzz_fail("index_cap %zu for %zu bindings", o->index_cap,
                  o->nbindings);
    for (size_t i = 0; i < o->nbindings; i++) {
        const option_binding *b = &o->bindings[i];
        if ((int)b->action < 0 || b->action >= ACTION_COUNT ||
            !options_action_name(b->action))
            fuzz_fail("binding %zu has action %d", i, (int)b->action);
        for (size_t j = 0; j < i; j++)
            if (o->bindings[j].key == b->key &&
                o->bindings[j].is_code == b->is_code)
                fuzz_fail("key %u bound twice (%zu, %zu)", (unsigned)b->key,
                          j, i);
        if (options_lookup(o, b->key, b->is_code) != b->action)
            fuzz_fail("lookup of binding %zu gives another action", i);
        char name[KEY_NAME_MAX];
        options_key_name(b->key, b->is_code, name, sizeof name);
        wint_t key;
        bool is_code;
        if (!*name || !options_key_parse(name, strlen(name), &key, &is_code))
            fuzz_fail("key name \"%s\" of binding %zu does not parse", name,
                      i);
        if (key != b->key || is_code != b->is_code)
            fuzz_fail("key name \"%s\" parses to another key", name);
    }
    for (int e = 0; e < ELEM_COUNT; e++) {
        const color_spec *c = &o->colors[e];
        if (c->fg < -1 || c->fg > 255 || c->bg < -1 || c->bg > 255)
            fuzz_fail("element %d has colours %d/%d", e, c->fg, c->bg);
        if (!options_element_name(e))
            fuzz_fail("element %d has no name", e);
    }
    for (int a = 0; a < ACTION_COUNT; a++) {
        strbuf keys = {0};
        options_keys_for(o, (action_id)a, &keys);
        if (keys.len)
            fuzz_check_utf8("keys of an action", keys.s, keys.len);
        sb_free(&keys);
    }
}

/* Are the two option sets the same? */
static bool same_options(const options *a, const options *b)
{
    if (a->nbindings != b->nbindings || a->mouse != b->mouse ||
        a->ambiguous_wide != b->ambiguous_wide ||
        a->color_mode != b->color_mode)
        return false;
    for (size_t i = 0; i < a->nbindings; i++)
        if (a->bindings[i].key != b->bindings[i].key ||
            a->bindings[i].is_code != b->bindings[i].is_code ||
            a->bindings[i].action != b->bindings[i].action)
            return false;
    for (int e = 0; e < ELEM_COUNT; e++)
        if (a->colors[e].fg != b->colors[e].fg ||
            a->colors[e].bg != b->colors[e].bg ||
            a->colors[e].attrs != b->colors[e].attrs)
            return false;
    return true;
}

/* A copy of the bindings and settings of o (no index). */
static options snapshot(const options *o)
{
    options s = *o;
    s.bindings = xmalloc((o->nbindings + 1) * sizeof *s.bindings);
    memcpy(s.bindings, o->bindings, o->nbindings * sizeof *s.bindings);
    s.index = NULL;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    options o;
    options_defaults(&o);
    strlist warnings = {0};
    int bad = options_parse_n(&o, text, size, "fuzz", &warnings);
    if (bad < 0)
        fuzz_fail("options_parse_n returned %d", bad);
    if (bad > 0 && warnings.n == 0)
        fuzz_fail("%d bad lines but no warning", bad);
    if (warnings.n > OPTIONS_MAX_WARNINGS + 1)
        fuzz_fail("%zu warnings", warnings.n);
    for (size_t i = 0; i < warnings.n; i++)
        check_warning(warnings.v[i]);
    strlist_free(&warnings);
    check_options(&o);

    options first = snapshot(&o);
    int bad2 = options_parse_n(&o, text, size, "fuzz", NULL);
    if (bad2 != bad)
        fuzz_fail("second parse found %d bad lines, first %d", bad2, bad);
    if (!same_options(&first, &o))
        fuzz_fail("applying the same config twice changed the options");
    free(first.bindings);
    options_free(&o);
    return 0;
}
