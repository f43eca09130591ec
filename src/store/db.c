/*
 * db.c -- opening a bangfu database and the connection's shared state:
 * pragmas, the SQL functions the audit triggers call, the clock, the
 * acting user, nested write transactions and the statement cache.
 *
 * Settings and why: WAL so readers (a supervisor's report) never block a
 * caseworker's save; synchronous=NORMAL, which in WAL mode loses at most
 * the last transactions on power loss but never corrupts the file;
 * foreign_keys=ON; a 5 s busy timeout so a second terminal waits for a
 * save in progress instead of showing "database is locked" (a busy
 * handler polling every few ms, and a write transaction waiting up to
 * three timeouts behind a long bulk load).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/bulk.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/schema.h"
#include "util/hash.h"
#include "util/xalloc.h"

#define DB_BUSY_MS	5000
#define DB_BUSY_POLL_US	2000	/* how often a waiting connection tries the lock */
#define DB_BEGIN_TRIES	3	/* a write transaction waits up to 3 x DB_BUSY_MS */
#define DB_CACHE_SIZE	64	/* first size of the constant-statement cache */
#define DB_TEXT_CACHE	32	/* statements built from column lists (record.c) */
#define DB_COLUMNS	256	/* "table.column" names known to exist (a power of two) */
/*
 * Page cache per connection (SQLite's default is 2 MiB).  The
 * home screen's counts and the caseload's per-row columns visit a few
 * thousand scattered person, plan and follow-up pages; at 2 MiB most of
 * those were read again from the OS on every keypress (system time was
 * twice the user time).  16 MiB keeps them and stays inside the 30 MB
 * memory budget of design.md.
 */
#define DB_PAGE_CACHE_PRAGMA "PRAGMA cache_size = -16384"
/*
 * While loading (an import, demo data), a larger cache keeps the pages of
 * the unique citizen-ID index that random IDs visit: at a million rows
 * the default one read most of them back from the OS for every insert.
 */
#define DB_LOAD_CACHE_PRAGMA "PRAGMA cache_size = -131072"

struct db_cached {
	const char	*sql;		/* the constant string: compared by address */
	sqlite3_stmt	*stmt;
};

/* A statement cached by its text (built at run time from checked names). */
struct db_text_cached {
	char		*sql;
	sqlite3_stmt	*stmt;
	unsigned long	 used;		/* for evicting the least recently used */
};

struct db {
	sqlite3		*h;
	char		*path;
	int		 readonly;
	int		 audit_on;
	int		 depth;		/* nested db_begin count */
	struct timespec	 busy_since;	/* when the current wait for a lock began */
	char		 now[20];	/* fixed clock, or "" */
	struct db_actor	 actor;
	struct db_cached *cache;	/* constant statements, by address */
	size_t		 ncache, capcache;
	struct db_text_cached text_cache[DB_TEXT_CACHE];
	unsigned long	 clock;		/* text_cache use counter */
	char		*columns[DB_COLUMNS];	/* db_has_column hits, by hash; columns are never dropped */
};

/* bf_now(): the connection's clock, for audit rows. */
static void
db_fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char now[20];

	(void)argc;
	(void)argv;
	db_now(sqlite3_user_data(ctx), now);
	sqlite3_result_text(ctx, now, -1, SQLITE_TRANSIENT);
}

/* bf_actor(): app_user.id of the acting user, NULL before login. */
static void
db_fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	if (db->actor.id > 0)
		sqlite3_result_int64(ctx, db->actor.id);
	else
		sqlite3_result_null(ctx);
}

/* bf_audit_on(): 1 while writes are audited row by row. */
static void
db_fn_audit_on(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, db->audit_on);
}

/* 1 if the directory holding path can be written (SQLite's -wal and -shm go there). */
static int
db_dir_writable(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int ok;

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	ok = access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

/*
 * Busy handler: try the lock again every 2 ms (with jitter) until
 * DB_BUSY_MS have passed.  SQLite's own timeout backs off to 100 ms
 * between tries, so a writer waiting behind another that commits often
 * keeps missing the short moments the lock is free; polling often is
 * cheap (a lock attempt on the -shm file) and shares the lock fairly.
 */
static int
db_busy(void *ctx, int n)
{
	struct db *db = ctx;
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (n == 0)
		db->busy_since = now;
	ms = (now.tv_sec - db->busy_since.tv_sec) * 1000 +
	    (now.tv_nsec - db->busy_since.tv_nsec) / 1000000;
	if (ms >= DB_BUSY_MS)
		return 0;
	usleep(DB_BUSY_POLL_US + (unsigned)(n * 7919 % 1000));
	return 1;
}

/* Map the SQLite error on db to a status and a Chinese message. */
int
db_fail(struct db *db, bf_error *err, const char *what)
{
	int ext = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);

	switch (ext & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, BF_EBUSY,
		    "数据库正被其他程序占用，等待 %d 秒后仍未释放（%s），请稍后再试",
		    DB_BUSY_MS / 1000, what);
	case SQLITE_READONLY:
		if (access(db->path, W_OK) == 0 && !db_dir_writable(db->path))
			return err_set(err, BF_EIO,
			    "数据库所在目录不可写，无法保存（%s）：%s（程序需要在同一目录建立 -wal、-shm 文件）",
			    what, db->path);
		return err_set(err, BF_EIO, "数据库文件只读，无法保存（%s）：%s",
		    what, db->path);
	case SQLITE_FULL:
		return err_set(err, BF_EIO, "磁盘已满，无法保存（%s），已输入的内容未写入", what);
	case SQLITE_IOERR:
		/* A refused write is almost always space (a full disk, a quota, a file-size limit). */
		if (ext == SQLITE_IOERR_WRITE || sqlite3_system_errno(db->h) == ENOSPC ||
		    sqlite3_system_errno(db->h) == EFBIG || sqlite3_system_errno(db->h) == EDQUOT)
			return err_set(err, BF_EIO,
			    "写入数据库文件失败（磁盘已满或超出文件大小限制），未保存（%s），数据库保持原样",
			    what);
		return err_set(err, BF_EIO, "读写数据库文件出错（%s）：%s", what, msg);
	case SQLITE_CANTOPEN:
		return err_set(err, BF_EIO,
		    "无法打开数据库文件 %s：请检查文件及所在目录的读写权限"
		    "（程序需要在同一目录建立 -wal、-shm 文件）", db->path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(err, BF_ESCHEMA, "数据库文件已损坏或不是 bangfu 数据库：%s", db->path);
	case SQLITE_CONSTRAINT:
		if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			return err_set(err, BF_EDUP, "记录重复（%s）：%s", what, msg);
		return err_set(err, BF_EINVAL, "数据不符合要求（%s）：%s", what, msg);
	default:
		return err_set(err, BF_EDB, "数据库错误（%s）：%s", what, msg);
	}
}

/* Open without creating: say clearly when the file is not there. */
static int
db_check_exists(const char *path, int flags, bf_error *err)
{
	struct stat st;
	int fd;

	if (stat(path, &st) == 0) {
		if (access(path, R_OK) != 0)
			return err_set(err, BF_EIO, "没有读取数据库文件的权限：%s", path);
		return BF_OK;
	}
	if (errno != ENOENT)
		return err_set(err, BF_EIO, "无法访问数据库文件 %s：%s", path, strerror(errno));
	if (!(flags & DB_CREATE))
		return err_set(err, BF_ENOTFOUND,
		    "数据库文件不存在：%s（请先运行 bangfu init）", path);
	/* Create it 0600 ourselves: SQLite would make it world-readable,
	 * and its -wal and -shm files copy this mode. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_set(err, BF_EIO, "无法创建数据库文件 %s：%s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return BF_OK;
}

/*
 * Library settings, once, before the first connection: no memory
 * statistics, which nothing reads and which cost a global mutex around
 * every allocation, contended when the city report runs on two
 * connections at once (store/indicators.c; 50 ms of its 0.8 s).  If the
 * library is already initialised (a program called it first), it keeps
 * its settings.
 */
static pthread_once_t db_library = PTHREAD_ONCE_INIT;

static void
db_library_once(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Pragmas and functions every connection needs. */
static int
db_configure(struct db *db, bf_error *err)
{
	static const struct {
		const char	*name;
		void		(*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{ "bf_now", db_fn_now },
		{ "bf_actor", db_fn_actor },
		{ "bf_audit_on", db_fn_audit_on },
	};
	size_t i;

	sqlite3_busy_handler(db->h, db_busy, db);
	sqlite3_extended_result_codes(db->h, 1);
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (sqlite3_create_function_v2(db->h, fns[i].name, 0,
		    SQLITE_UTF8 | SQLITE_INNOCUOUS, db, fns[i].fn,
		    NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(db, err, "注册函数");
	if (db_exec(db, "PRAGMA foreign_keys = ON", err) != BF_OK)
		return err->code;
	if (db_exec(db, DB_PAGE_CACHE_PRAGMA, err) != BF_OK)
		return err->code;
	if (!db->readonly) {
		if (db_exec(db, "PRAGMA journal_mode = WAL", err) != BF_OK ||
		    db_exec(db, "PRAGMA synchronous = NORMAL", err) != BF_OK)
			return err->code;
	}
	return BF_OK;
}

/*
 * Open the database at path.  With DB_CREATE a missing file is created
 * (mode 0600) and a new or older database is given the current schema;
 * without it a missing file or an older schema is an error.  A database
 * from a newer program is always refused.
 */
int
db_open(const char *path, int flags, struct db **out, bf_error *err)
{
	struct db *db;
	int oflags, rc;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return err_set(err, BF_EUSAGE, "没有指定数据库文件");
	if ((flags & DB_READONLY) && (flags & DB_CREATE))
		flags &= ~DB_READONLY;
	if ((rc = db_check_exists(path, flags, err)) != BF_OK)
		return rc;
	pthread_once(&db_library, db_library_once);
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->readonly = (flags & DB_READONLY) != 0;
	db->audit_on = 1;
	db_set_now(db, getenv("BANGFU_NOW"));
	oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = db->h != NULL ? db_fail(db, err, "打开")
		    : err_set(err, BF_EIO, "无法打开数据库文件 %s", path);
		db_close(db);
		return rc;
	}
	if ((rc = db_configure(db, err)) != BF_OK ||
	    (rc = schema_ensure(db, (flags & DB_CREATE) != 0, err)) != BF_OK ||
	    (!db->readonly && (rc = bulk_recover(db, err)) != BF_OK)) {
		err_prefix(err, "%s：", path);
		db_close(db);
		return rc;
	}
	*out = db;
	return BF_OK;
}

/* Finalize cached statements and close. */
void
db_close(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < (int)db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	for (i = 0; i < DB_TEXT_CACHE; i++) {
		sqlite3_finalize(db->text_cache[i].stmt);
		free(db->text_cache[i].sql);
	}
	for (i = 0; i < DB_COLUMNS; i++)
		free(db->columns[i]);
	if (db->depth > 0)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close_v2(db->h);
	free(db->path);
	free(db);
}

/* The file this handle opened. */
const char *
db_path(const struct db *db)
{
	return db->path;
}

/* Fix the clock at now ("YYYY-MM-DD[ HH:MM:SS]"), or use the real one. */
void
db_set_now(struct db *db, const char *now)
{
	db->now[0] = '\0';
	if (now == NULL || strlen(now) < 10)
		return;
	if (strlen(now) >= 19)
		snprintf(db->now, sizeof db->now, "%.19s", now);
	else
		snprintf(db->now, sizeof db->now, "%.10s 09:00:00", now);
}

/* The current local time as "YYYY-MM-DD HH:MM:SS". */
void
db_now(const struct db *db, char out[20])
{
	time_t t;
	struct tm tm;

	if (db->now[0] != '\0') {
		memcpy(out, db->now, 20);
		return;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Today as "YYYY-MM-DD". */
void
db_today(const struct db *db, char out[11])
{
	char now[20];

	db_now(db, now);
	memcpy(out, now, 10);
	out[10] = '\0';
}

/* The acting user. */
const struct db_actor *
db_actor(const struct db *db)
{
	return &db->actor;
}

/* Set the acting user (copied). */
void
db_set_actor(struct db *db, const struct db_actor *a)
{
	db->actor = *a;
}

/* 1 if a person of community_code is within the actor's org subtree. */
int
db_in_scope(const struct db *db, const char *community_code)
{
	if (community_code == NULL || db->actor.id == 0)
		return 0;
	return strcmp(community_code, db->actor.scope_lo) >= 0 &&
	    strcmp(community_code, db->actor.scope_hi) <= 0;
}

/* How many leading digits the actor's scope fixes: 12 for a community, 9 a street, 6 a district. */
int
db_scope_prefix(const struct db *db)
{
	int i = 0;

	while (i < 12 && db->actor.scope_lo[i] != '\0' &&
	    db->actor.scope_lo[i] == db->actor.scope_hi[i])
		i++;
	return i;
}

/* Turn per-row audit triggers on or off (bulk loads write one summary). */
void
db_set_audit(struct db *db, int on)
{
	db->audit_on = on;
}

/* The page cache for loading many rows (on) or the usual one (off). */
void
db_set_large_cache(struct db *db, int on)
{
	bf_error ignored;

	/* only a cache size: failing to change it changes no result */
	db_exec(db, on ? DB_LOAD_CACHE_PRAGMA : DB_PAGE_CACHE_PRAGMA, &ignored);
}

/* synchronous=FULL when on, NORMAL when off. */
int
db_set_sync_full(struct db *db, int on, bf_error *err)
{
	return db_exec(db, on ? "PRAGMA synchronous = FULL"
	    : "PRAGMA synchronous = NORMAL", err);
}

/*
 * Start a write transaction, or a savepoint inside one.  The outermost
 * one waits for the write lock up to DB_BEGIN_TRIES busy timeouts: a
 * long bulk load may hold it for seconds, and a save that waited is
 * better than "database is locked" in front of a caseworker.
 */
/*
 * Run one of the transaction statements below, prepared once: a save
 * opens two or three nested savepoints, and an import saves row after
 * row, so parsing them each time (sqlite3_exec) showed in profiles.
 */
static int
db_tx_step(struct db *db, const char *sql, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	rc = sqlite3_step(st) == SQLITE_DONE ? BF_OK : db_fail(db, err, "执行");
	sqlite3_reset(st);
	return rc;
}

static const char db_sql_begin[] = "BEGIN IMMEDIATE";
static const char db_sql_savepoint[] = "SAVEPOINT bf";
static const char db_sql_commit[] = "COMMIT";
static const char db_sql_release[] = "RELEASE bf";

int
db_begin(struct db *db, bf_error *err)
{
	int rc, tries = 0;

	do
		rc = db_tx_step(db, db->depth == 0 ? db_sql_begin : db_sql_savepoint, err);
	while (rc == BF_EBUSY && db->depth == 0 && ++tries < DB_BEGIN_TRIES);
	if (rc == BF_EBUSY)
		return err_set(err, BF_EBUSY,
		    "数据库正被其他程序占用，等待 %d 秒后仍未释放，请稍后再试",
		    DB_BUSY_MS / 1000 * (db->depth == 0 ? DB_BEGIN_TRIES : 1));
	if (rc == BF_OK)
		db->depth++;
	return rc;
}

/*
 * A read transaction: one snapshot for many queries (an export), and
 * the locks taken once instead of per statement.  Ended by db_commit; a
 * write inside it may fail with BUSY, so write after it ends.
 */
int
db_begin_read(struct db *db, bf_error *err)
{
	int rc;

	if (db->depth > 0)
		return db_begin(db, err);
	rc = db_exec(db, "BEGIN DEFERRED", err);
	if (rc == BF_OK)
		db->depth++;
	return rc;
}

/* Commit the innermost db_begin. */
int
db_commit(struct db *db, bf_error *err)
{
	int rc;

	if (db->depth == 0)
		return err_set(err, BF_EDB, "没有进行中的事务");
	rc = db_tx_step(db, db->depth == 1 ? db_sql_commit : db_sql_release, err);
	if (rc == BF_OK)
		db->depth--;
	else if (db->depth == 1)
		db_rollback(db);
	return rc;
}

/* Undo back to the innermost db_begin. */
void
db_rollback(struct db *db)
{
	if (db->depth == 0)
		return;
	if (db->depth == 1)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	else
		sqlite3_exec(db->h, "ROLLBACK TO bf; RELEASE bf", NULL, NULL, NULL);
	db->depth--;
}

/*
 * The prepared statement for sql, a string constant: prepared once per
 * connection and kept (the cache is keyed by the string's address and
 * grows, so a statement a caller is still stepping is never finalized
 * under it), reset and with its bindings cleared.  NULL on error, with
 * err set.
 */
sqlite3_stmt *
db_stmt(struct db *db, const char *sql, bf_error *err)
{
	size_t i;
	sqlite3_stmt *st;

	/* A few dozen constant statements: a pointer scan is cheaper than hashing. */
	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			st = db->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, err, "准备语句");
		return NULL;
	}
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : DB_CACHE_SIZE;
		db->cache = xreallocarray(db->cache, db->capcache, sizeof *db->cache);
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache++].stmt = st;
	return st;
}

/*
 * The prepared statement for sql built at run time (from column names the
 * caller has checked): kept by its text, so saving the thousandth row of
 * a table does not compile the INSERT and its audit trigger again.  Reset
 * and unbound; owned by the cache.  NULL on error, with err set.
 */
sqlite3_stmt *
db_stmt_text(struct db *db, const char *sql, bf_error *err)
{
	struct db_text_cached *c, *victim = &db->text_cache[0];
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < DB_TEXT_CACHE; i++) {
		c = &db->text_cache[i];
		if (c->sql != NULL && strcmp(c->sql, sql) == 0) {
			c->used = ++db->clock;
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return c->stmt;
		}
		if (c->used < victim->used)
			victim = c;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, err, "准备语句");
		return NULL;
	}
	sqlite3_finalize(victim->stmt);
	free(victim->sql);
	victim->sql = xstrdup(sql);
	victim->stmt = st;
	victim->used = ++db->clock;
	return st;
}

/*
 * 1 if table has column.  SQLite's column metadata reads the schema it
 * keeps in memory, still a few microseconds a call; saving a row checks
 * every field's column, so the names found are remembered (columns are
 * added by migrations, never dropped, so a hit stays true).
 */
int
db_has_column(struct db *db, const char *table, const char *column)
{
	size_t tl = strlen(table), i;
	char *hit;
	int found;

	i = hash_add(hash_add(hash_str(table), "."), column) & (DB_COLUMNS - 1);
	hit = db->columns[i];
	if (hit != NULL && strncmp(hit, table, tl) == 0 && hit[tl] == '.' &&
	    strcmp(hit + tl + 1, column) == 0)
		return 1;
#ifdef HAVE_SQLITE3_TABLE_COLUMN_METADATA
	found = sqlite3_table_column_metadata(db->h, "main", table, column,
	    NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
#else
	{
		static const char sql[] = "SELECT 1 FROM pragma_table_info(?) WHERE name = ?";
		bf_error err;
		sqlite3_stmt *st = db_stmt(db, sql, &err);

		if (st == NULL)
			return 0;
		st_bind(st, 1, table);
		st_bind(st, 2, column);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
#endif
	if (found) {
		free(db->columns[i]);
		db->columns[i] = xasprintf("%s.%s", table, column);
	}
	return found;
}

/* Run constant SQL that returns no rows. */
int
db_exec(struct db *db, const char *sql, bf_error *err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, err, "执行");
	return BF_OK;
}

/* Rows changed by the last statement. */
int
db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

/* Rowid of the last insert. */
int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

/* The SQLite handle. */
sqlite3 *
db_handle(struct db *db)
{
	return db->h;
}
