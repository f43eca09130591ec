/*
 * backup.c -- whole-database copies with SQLite's online backup API.
 *
 * A backup reads one consistent snapshot of the live database (in WAL
 * mode a reader never blocks the writers, so caseworkers keep saving),
 * writes it to a temporary file beside the destination, switches the copy
 * to a self-contained rollback journal, checks it with integrity_check
 * and only then renames it into place: the destination is either the old
 * file or a complete, checked copy, never half-written.
 *
 * A restore checks the copy first (a bangfu database, schema not newer,
 * integrity and foreign keys clean), keeps the current database as a
 * dated .bak copy, and writes the copy into the live database through
 * the backup API in one SQLite transaction.  Renaming a file over a live
 * WAL database is not safe: a program that still has it open keeps
 * writing to the old inode, and a leftover -wal file would be replayed
 * onto the new one.  Only a database that does not exist yet is created
 * by rename.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/backup.h"
#include "store/db.h"
#include "store/schema.h"
#include "util/xalloc.h"

#define BACKUP_BUSY_MS		5000
#define BACKUP_RETRY_MS		50

/* Create path empty with mode 0600 (personal data); replace it if force. */
static int
backup_create_private(const char *path, int force, bf_error *err)
{
	int fd;

	if (force)
		unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(err, BF_EIO, "文件已存在：%s（确需覆盖请加 --force）", path);
		return err_set(err, BF_EIO, "无法创建文件 %s：%s", path, strerror(errno));
	}
	close(fd);
	return BF_OK;
}

/* fsync path (a file or a directory); 0 or -1 with errno. */
static int
backup_fsync(const char *path)
{
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* fsync the directory holding path, so a rename survives power loss. */
static void
backup_fsync_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	backup_fsync(dir);
	free(dir);
}

/* A Chinese message for SQLite error rc on h while doing what. */
static int
backup_sqlerr(sqlite3 *h, int rc, bf_error *err, const char *what, const char *path)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return err_set(err, BF_EIO, "磁盘已满，%s失败：%s", what, path);
	case SQLITE_IOERR:
		if (rc == SQLITE_IOERR_WRITE || (h != NULL &&
		    sqlite3_extended_errcode(h) == SQLITE_IOERR_WRITE))
			return err_set(err, BF_EIO, "写入失败（磁盘已满或超出文件大小限制），%s未完成：%s",
			    what, path);
		return err_set(err, BF_EIO, "%s失败（读写出错：%s）：%s", what,
		    h != NULL ? sqlite3_errmsg(h) : sqlite3_errstr(rc), path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return err_set(err, BF_EIO, "文件只读或无权写入，%s失败：%s", what, path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, BF_EBUSY, "数据库正被其他程序占用，%s失败，请稍后再试：%s",
		    what, path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(err, BF_ESCHEMA, "文件已损坏或不是数据库：%s", path);
	case SQLITE_CANTOPEN:
		return err_set(err, BF_EIO, "无法打开 %s（%s）", path, what);
	default:
		return err_set(err, BF_EIO, "%s失败（%s）：%s", what,
		    h != NULL ? sqlite3_errmsg(h) : sqlite3_errstr(rc), path);
	}
}

/* Open path read-write (no create) or read-only, with a busy timeout. */
static int
backup_open(const char *path, int readonly, sqlite3 **out, bf_error *err)
{
	int rc;

	rc = sqlite3_open_v2(path, out, (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		backup_sqlerr(*out, rc, err, "打开", path);
		sqlite3_close(*out);
		*out = NULL;
		return err->code;
	}
	sqlite3_busy_timeout(*out, BACKUP_BUSY_MS);
	sqlite3_extended_result_codes(*out, 1);
	return BF_OK;
}

/* Copy all of src into dst (both "main"), waiting while either is busy. */
static int
backup_copy(sqlite3 *dst, sqlite3 *src, const char *dstpath, bf_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, waited = 0;

	if (b == NULL)
		return backup_sqlerr(dst, sqlite3_errcode(dst), err, "复制数据库", dstpath);
	/* All pages in one step: one consistent snapshot of the source. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= BACKUP_BUSY_MS)
			break;
		sqlite3_sleep(BACKUP_RETRY_MS);
		waited += BACKUP_RETRY_MS;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return backup_sqlerr(dst, rc, err, "复制数据库", dstpath);
	return BF_OK;
}

/* Run a one-value pragma or query; its first column as int64. */
static int
backup_value(sqlite3 *h, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* PRAGMA integrity_check on h: BF_OK, or BF_ESCHEMA naming the first problem. */
static int
backup_integrity(sqlite3 *h, const char *path, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(h, "PRAGMA integrity_check(5)", -1, &st, NULL)) != SQLITE_OK)
		return backup_sqlerr(h, rc, err, "完整性检查", path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		err_set(err, BF_ESCHEMA, "文件已损坏（完整性检查：%s）：%s",
		    (const char *)sqlite3_column_text(st, 0), path);
	else if (rc != SQLITE_ROW)
		backup_sqlerr(h, rc, err, "完整性检查", path);
	else
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? BF_OK : err->code;
}

/* PRAGMA foreign_key_check on h: BF_OK, or BF_ESCHEMA naming the first dangling row. */
static int
backup_foreign_keys(sqlite3 *h, const char *path, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL)) != SQLITE_OK)
		return backup_sqlerr(h, rc, err, "外键检查", path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err_set(err, BF_ESCHEMA, "文件中的记录关联不一致（表 %s 第 %lld 行引用的 %s 记录不存在）：%s",
		    (const char *)sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
		    (const char *)sqlite3_column_text(st, 2), path);
	else if (rc != SQLITE_DONE)
		backup_sqlerr(h, rc, err, "外键检查", path);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? BF_OK : err->code;
}

/* Identity, version, integrity and foreign keys of an open copy. */
static int
backup_check_open(sqlite3 *h, const char *path, struct backup_info *info, bf_error *err)
{
	sqlite3_stmt *st;
	int64_t appid, version, objects;
	int rc;

	memset(info, 0, sizeof *info);
	if ((rc = backup_value(h, "SELECT count(*) FROM sqlite_schema", &objects)) != SQLITE_OK ||
	    (rc = backup_value(h, "PRAGMA application_id", &appid)) != SQLITE_OK ||
	    (rc = backup_value(h, "PRAGMA user_version", &version)) != SQLITE_OK)
		return backup_sqlerr(h, rc, err, "读取文件", path);
	if (objects == 0 || appid != SCHEMA_APPLICATION_ID)
		return err_set(err, BF_ESCHEMA, "这不是 bangfu 的数据库文件：%s", path);
	if (version > SCHEMA_VERSION)
		return err_set(err, BF_ESCHEMA,
		    "文件由更新版本的 bangfu 建立（结构版本 %d，本程序只支持到 %d），不能使用：%s",
		    (int)version, SCHEMA_VERSION, path);
	info->version = (int)version;
	if ((rc = backup_integrity(h, path, err)) != BF_OK ||
	    (rc = backup_foreign_keys(h, path, err)) != BF_OK)
		return rc;
	backup_value(h, "SELECT count(*) FROM person", &info->persons);
	backup_value(h, "SELECT count(*) FROM audit_log", &info->audit_rows);
	if (sqlite3_prepare_v2(h, "SELECT max(at) FROM audit_log", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
			snprintf(info->last_change, sizeof info->last_change, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return BF_OK;
}

/* Check the copy at path (read-only). */
int
backup_verify(const char *path, struct backup_info *info, bf_error *err)
{
	struct stat sb;
	sqlite3 *h;
	int rc;

	memset(info, 0, sizeof *info);
	if (stat(path, &sb) != 0)
		return err_set(err, errno == ENOENT ? BF_ENOTFOUND : BF_EIO,
		    "无法读取文件 %s：%s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return err_set(err, BF_EIO, "不是普通文件：%s", path);
	if (access(path, R_OK) != 0)
		return err_set(err, BF_EIO, "无权读取文件 %s：%s", path, strerror(errno));
	if ((rc = backup_open(path, 1, &h, err)) != BF_OK)
		return rc;
	rc = backup_check_open(h, path, info, err);
	sqlite3_close(h);
	return rc;
}

/*
 * Copy the database open on src to a new file at path (created 0600, not
 * there before), switch it to a rollback journal so it is one
 * self-contained file, check it, and flush it to disk.  Messages name
 * shown (the file the user asked for, not the temporary one).
 */
static int
backup_to_new_file(sqlite3 *src, const char *path, const char *shown, struct backup_info *info,
    bf_error *err)
{
	sqlite3 *h = NULL;
	int rc;

	if ((rc = backup_open(path, 0, &h, err)) != BF_OK)
		return rc;
	if ((rc = backup_copy(h, src, shown, err)) == BF_OK) {
		if ((rc = sqlite3_exec(h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK)
			rc = backup_sqlerr(h, rc, err, "写入备份", shown);
		else
			rc = backup_check_open(h, shown, info, err);
	}
	if (sqlite3_close(h) != SQLITE_OK && rc == BF_OK)
		rc = err_set(err, BF_EIO, "关闭文件失败：%s", shown);
	if (rc == BF_OK && backup_fsync(path) != 0)
		rc = err_set(err, BF_EIO, "写入磁盘失败 %s：%s", shown, strerror(errno));
	return rc;
}

/* The temporary name beside path (caller frees). */
static char *
backup_tmp_name(const char *path)
{
	return xasprintf("%s.tmp-%ld", path, (long)getpid());
}

/* Copy src into a temporary file and rename it to dest. */
static int
backup_via_rename(sqlite3 *src, const char *dest, int force, struct backup_info *info,
    bf_error *err)
{
	char *tmp;
	struct stat sb;
	int rc;

	if (!force && lstat(dest, &sb) == 0)
		return err_set(err, BF_EIO, "文件已存在：%s（确需覆盖请加 --force）", dest);
	tmp = backup_tmp_name(dest);
	if ((rc = backup_create_private(tmp, 1, err)) == BF_OK &&
	    (rc = backup_to_new_file(src, tmp, dest, info, err)) == BF_OK) {
		/* Checked again now that the file is closed: no -journal left. */
		if (!force && lstat(dest, &sb) == 0)
			rc = err_set(err, BF_EIO, "文件已存在：%s（确需覆盖请加 --force）", dest);
		else if (rename(tmp, dest) != 0)
			rc = err_set(err, BF_EIO, "无法写入 %s：%s", dest, strerror(errno));
		else
			backup_fsync_dir(dest);
	}
	if (rc != BF_OK) {
		unlink(tmp);
		free(tmp);
		tmp = xasprintf("%s.tmp-%ld-journal", dest, (long)getpid());
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* Online backup of db to dest. */
int
backup_write(struct db *db, const char *dest, int force, struct backup_info *info, bf_error *err)
{
	struct stat a, b;

	memset(info, 0, sizeof *info);
	if (stat(dest, &b) == 0 && stat(db_path(db), &a) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return err_set(err, BF_EUSAGE, "备份文件不能是数据库本身：%s", dest);
	return backup_via_rename(db_handle(db), dest, force, info, err);
}

/* Replace the database at dbpath by the copy at src. */
int
backup_restore(const char *src, const char *dbpath, char *kept, size_t keptlen,
    struct backup_info *info, bf_error *err)
{
	struct backup_info old;
	struct stat a, b;
	sqlite3 *from = NULL, *live = NULL;
	char stamp[32];
	char *keep = NULL;
	time_t t;
	struct tm tm;
	int rc;

	kept[0] = '\0';
	if ((rc = backup_verify(src, info, err)) != BF_OK)
		return rc;
	if (stat(dbpath, &b) == 0 && stat(src, &a) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return err_set(err, BF_EUSAGE, "要恢复的文件就是当前数据库：%s", src);
	if ((rc = backup_open(src, 1, &from, err)) != BF_OK)
		return rc;
	if (stat(dbpath, &b) != 0) {
		/* No database yet: create it whole, by rename. */
		rc = backup_via_rename(from, dbpath, 0, info, err);
		if (rc == BF_OK && (rc = backup_open(dbpath, 0, &live, err)) == BF_OK &&
		    sqlite3_exec(live, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
			rc = backup_sqlerr(live, sqlite3_errcode(live), err, "设置数据库", dbpath);
		goto out;
	}
	/* Keep what is there now, dated, before overwriting it. */
	if ((rc = backup_open(dbpath, 0, &live, err)) != BF_OK)
		goto out;
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	keep = xasprintf("%s.%s.bak", dbpath, stamp);
	if ((rc = backup_via_rename(live, keep, 0, &old, err)) != BF_OK) {
		err_prefix(err, "保留原数据库失败，未恢复：");
		goto out;
	}
	snprintf(kept, keptlen, "%s", keep);
	/* One transaction on the live database: old or new, never a mix. */
	if ((rc = backup_copy(live, from, dbpath, err)) != BF_OK)
		goto out;
	rc = backup_integrity(live, dbpath, err);
out:
	free(keep);
	sqlite3_close(from);
	sqlite3_close(live);
	return rc;
}
