/* db_fixture.h: a scratch database for the unit tests of the store and
 * of what reads it: setup() names a file that does not exist yet (the
 * test creates it), teardown() removes it; query_int(), exec_sql() and exec_ok()
 * look at it with SQLite itself. */
#ifndef KANSA_TEST_DB_FIXTURE_H
#define KANSA_TEST_DB_FIXTURE_H

#include <sqlite3.h>
#include <unistd.h>

#include "helpers.h"

static char db_path[64];

static inline int setup(void **state)
{
	int fd;
	(void)state;
	strcpy(db_path, "/tmp/kansa-test-db-XXXXXX");
	fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(db_path);
	return 0;
}

static inline int teardown(void **state)
{
	(void)state;
	unlink(db_path);
	return 0;
}

/* The first column of the first row of sql, -1 when there is none. */
static inline long long query_int(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Runs sql on the database: SQLite's result code. */
static inline int exec_sql(const char *sql)
{
	sqlite3 *db;
	int rc;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* Runs sql on the database, which must succeed. */
static inline void exec_ok(const char *sql)
{
	assert_int_equal(exec_sql(sql), SQLITE_OK);
}

#endif
