/* source.c - read one corpus file, with bounded memory (see source.h). */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"

/* Read up to n bytes at buf, as many as the file has (read may return
   less than asked).  Returns the count, or -1 with errno. */
static ssize_t read_up_to(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* Say that a file of size bytes is over the limit. */
static void too_large(strbuf *why, uint64_t size, uint64_t max_bytes,
                      bool grew)
{
    walk_describe_size(why, size);
    sb_puts(why, grew ? " and growing, " : ", ");
    sb_puts(why, "larger than the limit of ");
    walk_describe_size(why, max_bytes);
    sb_puts(why, " (--max-file-size); not read.");
}

/* Read the rest of an open file after its first `have` bytes, which are
   already at the start of *buf (cap bytes).  The file may have grown
   since it was stat'ed: the buffer grows with it, up to max_bytes.
   Returns the status; *len is the number of bytes read. */
static read_result read_rest(int fd, char **buf, size_t cap, size_t have,
                             uint64_t max_bytes, size_t *len, strbuf *why)
{
    for (;;) {
        ssize_t r = read_up_to(fd, *buf + have, cap - 1 - have);
        if (r < 0) {
            sb_printf(why, "cannot read: %s.", strerror(errno));
            return READ_FAILED;
        }
        have += (size_t)r;
        if (have < cap - 1)
            break;
        /* Full: the file grew after it was stat'ed, or ends here. */
        char probe;
        ssize_t more = read_up_to(fd, &probe, 1);
        if (more <= 0)
            break;
        if (have + 1 > max_bytes) {
            too_large(why, have + 1, max_bytes, true);
            return READ_REFUSED;
        }
        size_t bigger = cap * 2 > max_bytes + 1 ? (size_t)max_bytes + 1
                                                : cap * 2;
        char *grown = realloc(*buf, bigger);
        if (!grown) {
            sb_printf(why, "cannot read: %s.", strerror(ENOMEM));
            return READ_FAILED;
        }
        *buf = grown;
        cap = bigger;
        (*buf)[have++] = probe;
    }
    (*buf)[have] = '\0';
    *len = have;
    return READ_WHOLE;
}

/* Sniff and read an open file that is the one the walk found. */
static read_result read_open(int fd, uint64_t max_bytes, char **buf,
                             size_t *len, strbuf *why)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        sb_printf(why, "cannot read: %s.", strerror(errno));
        return READ_FAILED;
    }
    uint64_t size = (uint64_t)st.st_size;
    if (size > max_bytes) {
        too_large(why, size, max_bytes, false);
        return READ_REFUSED;
    }
    char head[DECODE_SNIFF_BYTES];
    ssize_t h = read_up_to(fd, head, size < sizeof head ? (size_t)size
                                                        : sizeof head);
    if (h < 0) {
        sb_printf(why, "cannot read: %s.", strerror(errno));
        return READ_FAILED;
    }
    if (text_sniff(head, (size_t)h, size, why) != DECODE_OK)
        return READ_REFUSED;
    size_t cap = (size_t)size + 1 > (size_t)h + 1 ? (size_t)size + 1
                                                   : (size_t)h + 1;
    *buf = malloc(cap);
    if (!*buf) {
        sb_printf(why, "cannot read: %s (%llu bytes).", strerror(ENOMEM),
                  (unsigned long long)size);
        return READ_FAILED;
    }
    memcpy(*buf, head, (size_t)h);
    read_result s = read_rest(fd, buf, cap, (size_t)h, max_bytes, len, why);
    if (s != READ_WHOLE) {
        free(*buf);
        *buf = NULL;
    }
    return s;
}

/* O_NONBLOCK: a FIFO put in the file's place cannot make the open wait
   forever; O_NOCTTY: nor can a terminal become ours.  The file opened
   must be the one the walk found (a link or another file put there since
   is refused). */
read_result source_read(const walk_file *f, uint64_t max_bytes, char **buf,
                        size_t *len, strbuf *why)
{
    *buf = NULL;
    *len = 0;
    int fd = open(f->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        sb_printf(why, "cannot read: %s.", strerror(errno));
        return READ_FAILED;
    }
    read_result s;
    if (!walk_same_file(fd, f)) {
        sb_puts(why, "cannot read: it was replaced after the corpus was "
                     "listed; it will be read next time.");
        s = READ_FAILED;
    } else {
        s = read_open(fd, max_bytes, buf, len, why);
    }
    close(fd);
    return s;
}

bool source_parse_size(const char *text, uint64_t *bytes)
{
    static const struct {
        const char *suffix;
        unsigned shift;
    } units[] = {
        {"", 0},    {"b", 0},   {"k", 10},  {"kb", 10}, {"kib", 10},
        {"m", 20},  {"mb", 20}, {"mib", 20}, {"g", 30}, {"gb", 30},
        {"gib", 30},
    };
    if (!text || text[0] < '0' || text[0] > '9')
        return false;
    errno = 0;
    char *end;
    unsigned long long n = strtoull(text, &end, 10);
    if (errno != 0 || n == 0)
        return false;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        if (strcasecmp(end, units[i].suffix) != 0)
            continue;
        if (n > (UINT64_MAX >> units[i].shift))
            return false;
        *bytes = (uint64_t)n << units[i].shift;
        return true;
    }
    return false;
}
