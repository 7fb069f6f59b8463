/* paths.c - asset and data locations (XDG base directories). */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "strbuf.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory holding the running binary, or NULL. */
static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(buf);
}

/* The assets directory (corpus, lexicons, default config): $DUBAO_ASSETS,
   else ./assets beside the running binary (a source tree), else the
   installed $(PREFIX)/share/dubao. */
static const char *dubao_assets_dir(void)
{
    static char *dir;
    if (dir)
        return dir;
    const char *env = getenv("DUBAO_ASSETS");
    if (env && *env) {
        dir = xstrdup(env);
        return dir;
    }
    char *exe = exe_dir();
    if (exe) {
        /* A binary built in a source tree (at its top, or in build/X/)
           uses that tree's assets; an installed one never looks around. */
        static const char *const top[] = {"", "/../.."};
        for (size_t i = 0; i < sizeof top / sizeof top[0]; i++) {
            strbuf mk = {0}, sb = {0};
            sb_printf(&mk, "%s%s/core/paths.c", exe, top[i]);
            sb_printf(&sb, "%s%s/assets", exe, top[i]);
            bool tree = access(mk.s, F_OK) == 0 && is_dir(sb.s);
            sb_free(&mk);
            if (tree) {
                free(exe);
                dir = sb_take(&sb);
                return dir;
            }
            sb_free(&sb);
        }
        free(exe);
    }
    dir = xstrdup(DUBAO_DATADIR);
    return dir;
}

char *dubao_asset_path(const char *rel)
{
    strbuf sb = {0};
    sb_printf(&sb, "%s/%s", dubao_assets_dir(), rel);
    return sb_take(&sb);
}

/* $VAR/dubao/leaf if VAR is set and absolute, else ~/fallback/dubao/leaf. */
static char *xdg_path(const char *var, const char *fallback,
                      const char *leaf)
{
    strbuf sb = {0};
    const char *base = getenv(var);
    if (base && base[0] == '/') {
        sb_printf(&sb, "%s/dubao/%s", base, leaf);
    } else {
        const char *home = getenv("HOME");
        sb_printf(&sb, "%s/%s/dubao/%s", home && *home ? home : ".",
                  fallback, leaf);
    }
    return sb_take(&sb);
}

char *dubao_default_db_path(void)
{
    return xdg_path("XDG_DATA_HOME", ".local/share", "dubao.db");
}

char *dubao_config_path(void)
{
    return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

int make_parent_dirs(const char *path)
{
    if (!*path) {
        errno = ENOENT; /* no file, so no directory to make for it */
        return -1;
    }
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            errno = e;
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

/* The user's home directory, or NULL when HOME is not an absolute path. */
static const char *home_dir(void)
{
    const char *home = getenv("HOME");
    return home && home[0] == '/' ? home : NULL;
}

char *path_expand_home(const char *path)
{
    const char *home = home_dir();
    static const char *const prefixes[] = {"~", "$HOME", "${HOME}"};
    for (size_t i = 0; home && i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(path, prefixes[i], n) == 0 &&
            (path[n] == '/' || path[n] == '\0')) {
            strbuf sb = {0};
            sb_printf(&sb, "%s%s", home, path + n);
            return sb_take(&sb);
        }
    }
    return xstrdup(path);
}

char *path_abbreviate_home(const char *path)
{
    const char *home = home_dir();
    size_t n = home ? strlen(home) : 0;
    if (n > 1 && strncmp(path, home, n) == 0 &&
        (path[n] == '/' || path[n] == '\0')) {
        strbuf sb = {0};
        sb_printf(&sb, "~%s", path + n);
        return sb_take(&sb);
    }
    return xstrdup(path);
}

/* XDG_DOCUMENTS_DIR as $XDG_CONFIG_HOME/user-dirs.dirs (the file
   xdg-user-dirs writes) sets it: the value of a line
   XDG_DOCUMENTS_DIR="$HOME/Documents", $HOME expanded.  Heap or NULL. */
static char *user_dirs_documents(void)
{
    const char *config = getenv("XDG_CONFIG_HOME");
    const char *home = home_dir();
    strbuf path = {0};
    if (config && config[0] == '/')
        sb_printf(&path, "%s/user-dirs.dirs", config);
    else if (home)
        sb_printf(&path, "%s/.config/user-dirs.dirs", home);
    FILE *f = path.s ? fopen(path.s, "r") : NULL;
    sb_free(&path);
    char line[1024], *found = NULL;
    static const char key[] = "XDG_DOCUMENTS_DIR=\"";
    while (f && !found && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, sizeof key - 1) != 0)
            continue;
        char *value = line + sizeof key - 1;
        char *end = strchr(value, '"');
        if (end) {
            *end = '\0';
            found = path_expand_home(value);
        }
    }
    if (f)
        fclose(f);
    return found;
}

char *dubao_documents_dir(void)
{
    const char *env = getenv("XDG_DOCUMENTS_DIR");
    char *dir = env && env[0] ? path_expand_home(env) : user_dirs_documents();
    if (dir && dir[0] == '/' && is_dir(dir))
        return dir;
    free(dir);
    const char *home = home_dir();
    return xstrdup(home ? home : ".");
}
