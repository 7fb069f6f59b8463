/* test_source.c - reading one corpus file with bounded memory: the size
 * limit, sniffing before reading whole, a file replaced or grown after
 * the walk (source.h). */
#include "test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

/* A walk_file for path as the walk would record it now. */
static walk_file found(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return walk_file_of(path, &st);
}

static void write_file(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

/* A text file is read whole into a buffer of its size, NUL-terminated. */
static void source_reads_a_text_file(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/page.txt", test_tmpdir());
    static const char text[] = "标题\n\n正文。\n";
    write_file(path, text, strlen(text));
    walk_file f = found(path);
    char *buf;
    size_t len;
    strbuf why = {0};
    assert_int_equal(source_read(&f, 1 << 20, &buf, &len, &why),
                     READ_WHOLE);
    assert_int_equal(len, strlen(text));
    assert_string_equal(buf, text);
    assert_int_equal(why.len, 0);
    free(buf);
}

/* A 1 GiB file of zeros (sparse: it costs no disk) is refused by its
   first 64 KiB, without being read or held in memory. */
static void source_sniffs_before_reading_whole(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/zeros.txt", test_tmpdir());
    int fd = open(path, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)1 << 30), 0);
    close(fd);
    walk_file f = found(path);
    char *buf = (char *)1;
    size_t len = 1;
    strbuf why = {0};
    assert_int_equal(source_read(&f, (uint64_t)2 << 30, &buf, &len, &why),
                     READ_REFUSED);
    assert_null(buf);
    assert_non_null(strstr(why.s, "binary file (contains NUL bytes)"));
    sb_free(&why);
    /* Under the default limit it is refused before a byte is read. */
    assert_int_equal(source_read(&f, SOURCE_DEFAULT_MAX_BYTES, &buf, &len,
                                 &why), READ_REFUSED);
    assert_non_null(strstr(why.s, "1024 MiB, larger than the limit of 64 MiB "
                                  "(--max-file-size)"));
    sb_free(&why);
    unlink(path);
}

/* A file that grew past the limit after the walk, or was replaced by
   another file, is not read. */
static void source_refuses_a_grown_or_replaced_file(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char path[512], other[512];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    snprintf(other, sizeof other, "%s/b.txt", dir);
    write_file(path, "short\n", 6);
    walk_file f = found(path);
    char big[3000];
    memset(big, 'x', sizeof big);
    write_file(path, big, sizeof big);
    char *buf;
    size_t len;
    strbuf why = {0};
    assert_int_equal(source_read(&f, 1000, &buf, &len, &why),
                     READ_REFUSED);
    assert_non_null(strstr(why.s, "larger than the limit of 1000 bytes"));
    sb_clear(&why);
    /* Within the limit, the grown file is read as it is now. */
    assert_int_equal(source_read(&f, 10000, &buf, &len, &why), READ_WHOLE);
    assert_int_equal(len, sizeof big);
    free(buf);
    /* Another file renamed over it (a different inode). */
    write_file(other, "other\n", 6);
    assert_int_equal(rename(other, path), 0);
    assert_int_equal(source_read(&f, 10000, &buf, &len, &why),
                     READ_FAILED);
    assert_non_null(strstr(why.s, "replaced"));
    sb_free(&why);
}

/* Sizes for --max-file-size and DUBAO_MAX_FILE_SIZE. */
static void source_parses_sizes(void **state)
{
    (void)state;
    uint64_t b = 0;
    assert_true(source_parse_size("4096", &b));
    assert_int_equal(b, 4096);
    assert_true(source_parse_size("64M", &b));
    assert_int_equal(b, (uint64_t)64 << 20);
    assert_true(source_parse_size("2g", &b));
    assert_int_equal(b, (uint64_t)2 << 30);
    assert_true(source_parse_size("100KiB", &b));
    assert_int_equal(b, 100 << 10);
    assert_true(source_parse_size("8GB", &b));
    assert_int_equal(b, (uint64_t)8 << 30);
    const char *bad[] = {"", "0", "-1", "M", "12X", "1.5G", " 5",
                         "99999999999999999999", "17179869184G"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (source_parse_size(bad[i], &b))
            fail_msg("'%s' taken as a size", bad[i]);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(source_reads_a_text_file),
    cmocka_unit_test(source_sniffs_before_reading_whole),
    cmocka_unit_test(source_refuses_a_grown_or_replaced_file),
    cmocka_unit_test(source_parses_sizes),
};
const test_suite source_suite = {tests, SUITE_LEN(tests)};
