/* store_migrate.c: the migrations applied to a database, and the schema
 * they make built in memory.  It needs SQLite and store_schema.c only:
 * tools/schema_rows.c links the two at build time to write the expected
 * schema's rows into the program (store_schema_rows.c). */
#include <stdio.h>

#include "store_internal.h"

int store_user_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Applies the migrations after user_version v, each in its own BEGIN
 * IMMEDIATE transaction; the version is read again inside it, so that two
 * kansas opening a fresh database at once never both migrate.  Foreign
 * keys are off while a migration rebuilds tables (SQLite's procedure for
 * changing a table), on again afterwards. */
enum kansa_err store_apply_migrations(sqlite3 *db, int v, char **errmsg)
{
	char sql[64];
	int rc = SQLITE_OK;

	while (rc == SQLITE_OK && v < store_nmigrations) {
		rc = sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL,
				  errmsg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL,
					  errmsg);
		if (rc != SQLITE_OK)
			break;
		v = store_user_version(db);
		if (v < 0 || v >= store_nmigrations) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			break;
		}
		for (const char *const *q = store_migrations[v];
		     rc == SQLITE_OK && *q; q++)
			rc = sqlite3_exec(db, *q, NULL, NULL, errmsg);
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "COMMIT", NULL, NULL, errmsg);
		if (rc != SQLITE_OK)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL,
			 rc == SQLITE_OK ? errmsg : NULL) != SQLITE_OK &&
	    rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc == SQLITE_OK ? KANSA_OK : KANSA_ERR_DB;
}

sqlite3 *store_expected_schema(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
		    SQLITE_OK ||
	    store_apply_migrations(db, 0, NULL)) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}
