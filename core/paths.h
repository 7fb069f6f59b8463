/* paths.h - where dubao finds its assets and keeps its data. */
#ifndef DUBAO_PATHS_H
#define DUBAO_PATHS_H

/* Path of a file in the assets directory (heap string). */
char *dubao_asset_path(const char *rel);

/* Default database path: $XDG_DATA_HOME/dubao/dubao.db, falling back to
   ~/.local/share/dubao/dubao.db (heap string). */
char *dubao_default_db_path(void);

/* The user's config file: $XDG_CONFIG_HOME/dubao/config, falling back to
   ~/.config/dubao/config (heap string). */
char *dubao_config_path(void);

/* Create the directories leading to path (not path itself), mode 0700.
   Returns 0 on success, -1 with errno set (ENOENT for an empty path). */
int make_parent_dirs(const char *path);

/* path with a leading ~, $HOME or ${HOME} (alone or before a '/')
   replaced by the home directory (heap string; a copy of path otherwise,
   or when HOME is not set). */
char *path_expand_home(const char *path);
/* path with the home directory at its start written as ~ (heap). */
char *path_abbreviate_home(const char *path);

/* Where exported files go by default: XDG_DOCUMENTS_DIR (from the
   environment, else as $XDG_CONFIG_HOME/user-dirs.dirs sets it) when it
   is a directory, else the home directory, else "." (heap string). */
char *dubao_documents_dir(void);

#endif
