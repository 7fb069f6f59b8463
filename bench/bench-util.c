/* bench-util.c - small deterministic helpers for bench/run-bench, in C
 * because the shell's awk (mawk here) knows nothing of UTF-8 and its
 * random numbers differ between awk implementations.
 *
 *   bench-util pinyin                  names on stdin -> toneless pinyin
 *                                      (dubao's own table: leijun)
 *   bench-util sample COUNT SEED       COUNT lines drawn at random (with
 *                                      replacement) from the lines of stdin
 *   bench-util queries COUNT LEN SEED FILE...
 *                                      COUNT runs of LEN consecutive Han
 *                                      characters taken at random from the
 *                                      UTF-8 files, one per line
 *   bench-util keys COUNT SEED         a browser key script of COUNT keys
 *                                      mixing moves, pages, panes and Enter
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "pinyin.h"
#include "strbuf.h"

/* splitmix64, as in gen-corpus.c: the same on every platform. */
static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Read all lines of f (without newlines) into lines. */
static void read_lines(FILE *f, strlist *lines)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        strlist_push(lines, line);
    }
    free(line);
}

/* Print the toneless pinyin of each name read from stdin. */
static int cmd_pinyin(void)
{
    strlist names = {0};
    read_lines(stdin, &names);
    for (size_t i = 0; i < names.n; i++) {
        const uint8_t *p = (const uint8_t *)names.v[i];
        const uint8_t *end = p + strlen(names.v[i]);
        while (p < end) {
            ucs4_t uc;
            int k = u8_mbtouc(&uc, p, (size_t)(end - p));
            p += k > 0 ? k : 1;
            const char *py = pinyin_of(simplified_of(uc));
            if (py)
                fputs(py, stdout);
        }
        putchar('\n');
    }
    strlist_free(&names);
    return 0;
}

/* Print count lines of stdin chosen at random. */
static int cmd_sample(long count, uint64_t seed)
{
    strlist lines = {0};
    read_lines(stdin, &lines);
    if (lines.n == 0)
        return 1;
    for (long i = 0; i < count; i++)
        puts(lines.v[next_random(&seed) % lines.n]);
    strlist_free(&lines);
    return 0;
}

static bool is_han(ucs4_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Print count runs of len Han characters found at random places of
   random files among paths (files that are not UTF-8 are passed over). */
static int cmd_queries(long count, int len, uint64_t seed, char **paths,
                       int npaths)
{
    long printed = 0, attempts = 0;
    while (printed < count && attempts < count * 1000) {
        attempts++;
        size_t n;
        char *text = read_whole_file(paths[next_random(&seed) % (uint64_t)npaths], 0, &n);
        if (!text)
            continue;
        if (n == 0 || u8_check((const uint8_t *)text, n) != NULL) {
            free(text);
            continue;
        }
        /* Up to 50 tries in this file before taking another. */
        for (int t = 0; t < 50 && printed < count; t++) {
            size_t at = next_random(&seed) % n;
            while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
                at--;
            const uint8_t *p = (const uint8_t *)text + at;
            const uint8_t *end = (const uint8_t *)text + n;
            int got = 0;
            while (p < end && got < len) {
                ucs4_t uc;
                int k = u8_mbtouc(&uc, p, (size_t)(end - p));
                if (!is_han(uc))
                    break;
                p += k;
                got++;
            }
            if (got == len) {
                fwrite(text + at, 1, (size_t)(p - (const uint8_t *)text) - at,
                       stdout);
                putchar('\n');
                printed++;
                break;
            }
        }
        free(text);
    }
    return printed == count ? 0 : 1;
}

/* Print a key script of count keys: mostly moving down and up, with page
   moves, section jumps, pane changes and Enter mixed in, as someone
   reading would.  No 'q' or 'Q', which could end the session early, and
   no key that opens a prompt. */
static int cmd_keys(long count, uint64_t seed)
{
    static const struct {
        const char *key;
        int weight;
    } keys[] = {
        {"j", 40}, {"k", 12}, {"<PgDn>", 12}, {"<PgUp>", 4}, {"<Tab>", 8},
        {"<S-Tab>", 6}, {"<Enter>", 8}, {"<C-d>", 3}, {"<C-u>", 2},
        {"G", 2}, {"g", 3}, {"]", 2}, {"[", 1},
    };
    int total = 0;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        total += keys[i].weight;
    printf("# %ld keys, generated by bench-util keys %ld %llu\n", count,
           count, (unsigned long long)seed);
    for (long n = 0; n < count; n++) {
        int r = (int)(next_random(&seed) % (uint64_t)total);
        size_t i = 0;
        while (r >= keys[i].weight)
            r -= keys[i++].weight;
        fputs(keys[i].key, stdout);
        if (n % 20 == 19 || n == count - 1)
            putchar('\n');
    }
    return 0;
}

static int usage(void)
{
    fputs("usage: bench-util pinyin | sample COUNT SEED | "
          "queries COUNT LEN SEED FILE... | keys COUNT SEED\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "pinyin") == 0)
        return cmd_pinyin();
    if (argc == 4 && strcmp(argv[1], "sample") == 0)
        return cmd_sample(atol(argv[2]), strtoull(argv[3], NULL, 10));
    if (argc >= 6 && strcmp(argv[1], "queries") == 0)
        return cmd_queries(atol(argv[2]), atoi(argv[3]),
                           strtoull(argv[4], NULL, 10), argv + 5, argc - 5);
    if (argc == 4 && strcmp(argv[1], "keys") == 0)
        return cmd_keys(atol(argv[2]), strtoull(argv[3], NULL, 10));
    return usage();
}
