/* test_store_import.c: the write side of a year (issue 18): schema 4's
 * index, verification results saved in one transaction. */
#include <sqlite3.h>
#include <unistd.h>

#include "db_fixture.h"
#include "helpers.h"
#include "store.h"

/* Whether the query plan of sql names the text want. */
static bool plan_uses(const char *sql, const char *want)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char q[512];
	bool found = false;
	snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		found = found ||
			strstr((const char *)sqlite3_column_text(s, 3), want);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return found;
}

#define LATEST_CHECK                                                           \
	"SELECT result FROM evidence_check c WHERE c.year = 2025 AND "         \
	"c.evidence_id = 'EV-1' ORDER BY c.rowid DESC LIMIT 1"

/* A database of schema 3 (as issue 11's kansa left it) is migrated to 4:
 * its verification rows kept, the latest check of an evidence ID found
 * through the new index instead of a scan of the whole table. */
static void test_migrate_from_3(void **state)
{
	struct diags d;
	struct store *st;
	(void)state;
	diags_init(&d);
	assert_int_equal(store_schema_version(), 4);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	exec_ok("DROP INDEX evidence_check_by_evidence;"
		"INSERT INTO evidence (year, evidence_id, title, file, path) "
		"VALUES (2025, 'EV-1', 't', 'f', 'p');"
		"INSERT INTO evidence_check VALUES (2025, 'EV-1', 'x', 'ok', "
		"NULL), (2025, 'EV-1', 'y', 'missing', NULL);"
		"PRAGMA user_version = 3;");
	assert_false(plan_uses(LATEST_CHECK, "evidence_check_by_evidence"));
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_OK);
	store_close(st);
	assert_int_equal(d.errors, 0);
	assert_int_equal(query_int("PRAGMA user_version"), 4);
	assert_int_equal(query_int("SELECT count(*) FROM evidence_check"), 2);
	assert_true(plan_uses(LATEST_CHECK, "evidence_check_by_evidence"));
	diags_release(&d);
}

/* One verify's results go in together; a closed year records none. */
static void test_save_checks(void **state)
{
	struct diags d;
	struct store *st;
	struct store_verified v[3] = {{"EV-1", "ok", "ab"},
				      {"EV-2", "missing", ""},
				      {"EV-3", "changed", "cd"}};
	(void)state;
	diags_init(&d);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	exec_ok("INSERT INTO evidence (year, evidence_id, title, file, path) "
		"VALUES (2025, 'EV-1', 't', 'f', 'p'), (2025, 'EV-2', 't', "
		"'f', 'p'), (2025, 'EV-3', 't', 'f', 'p'), (2024, 'EV-1', 't',"
		" 'f', 'p'), (2024, 'EV-2', 't', 'f', 'p'), (2024, 'EV-3', "
		"'t', 'f', 'p');");
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_OK);
	assert_int_equal(store_save_checks(st, 2025, v, 3, &d), KANSA_OK);
	store_close(st);
	assert_int_equal(query_int("SELECT count(*) FROM evidence_check WHERE "
				   "year = 2025"),
			 3);
	assert_int_equal(query_int("SELECT count(*) FROM evidence_check WHERE "
				   "sha256 IS NULL"),
			 1);
	exec_ok("INSERT INTO policy (name, version, source, source_sha256, "
		"checklist_sha256, derived_at) VALUES ('p', '2024', 's', "
		"'x', 'y', 'z');"
		"INSERT INTO fiscal_year (year, policy_id, closed_at) VALUES "
		"(2024, 1, '2025-05-01');");
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_OK);
	assert_int_equal(store_save_checks(st, 2024, v, 3, &d), KANSA_OK);
	store_close(st);
	assert_int_equal(query_int("SELECT count(*) FROM evidence_check WHERE "
				   "year = 2024"),
			 0);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_from_3, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_save_checks, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
