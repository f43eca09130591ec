/*
 * paths.c -- where the database lives when no --db is given.
 *
 * Order: $BANGFU_DB, then $XDG_DATA_HOME/bangfu/bangfu.db, then
 * ~/.local/share/bangfu/bangfu.db (the XDG base-directory default).
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/xalloc.h"

/* The XDG data directory for bangfu, without a trailing slash. */
static char *
cli_data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/bangfu", xdg);
	if (home == NULL || home[0] == '\0') {
		pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : "/tmp";
	}
	return xasprintf("%s/.local/share/bangfu", home);
}

/* Database path when --db is not given. */
char *
cli_default_db_path(void)
{
	const char *env = getenv("BANGFU_DB");
	char *dir, *path;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	dir = cli_data_dir();
	path = xasprintf("%s/bangfu.db", dir);
	free(dir);
	return path;
}

/* The demo database, kept apart from real data. */
char *
cli_demo_db_path(void)
{
	char *dir = cli_data_dir();
	char *path = xasprintf("%s/demo.db", dir);

	free(dir);
	return path;
}

/*
 * Create the directories above path (mode 0700: the data is personal).
 * Returns 0, or -1 with a Chinese message in err.
 */
int
cli_make_parent_dir(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *p;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		goto fail;
	free(dir);
	return 0;
fail:
	snprintf(err, errlen, "无法创建目录 %s：%s", dir, strerror(errno));
	free(dir);
	return -1;
}
