/* test_store.c: schema migrations and policy versions in SQLite. */
#include <sqlite3.h>
#include <unistd.h>

#include "db_fixture.h"
#include "helpers.h"
#include "store.h"
#include "store_internal.h" /* the expected schema, built and compiled in */

static void test_create_and_migrate(void **state)
{
	struct diags d;
	struct store *st;
	(void)state;
	diags_init(&d);
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_ERR_DB);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	assert_int_equal(query_int("PRAGMA user_version"),
			 store_schema_version());
	assert_int_equal(query_int("SELECT count(*) FROM sqlite_schema WHERE "
				   "type = 'table' AND sql LIKE '%STRICT'"),
			 query_int("SELECT count(*) FROM sqlite_schema WHERE "
				   "type = 'table'"));
	/* opening again migrates nothing and keeps the data */
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_OK);
	store_close(st);
	diags_release(&d);
}

static void test_newer_schema_refused(void **state)
{
	struct diags d;
	struct store *st = NULL;
	char sql[64];
	(void)state;
	diags_init(&d);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		 store_schema_version() + 1);
	assert_int_equal(exec_sql(sql), SQLITE_OK);
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_ERR_DB);
	assert_non_null(find_diag(&d, "newer than this kansa knows"));
	diags_release(&d);
}

static void test_append_only_history(void **state)
{
	struct diags d;
	struct store *st;
	(void)state;
	diags_init(&d);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	assert_int_equal(
		exec_sql(
			"PRAGMA foreign_keys = ON;"
			"INSERT INTO respondent (year, department, role, name)"
			" VALUES (2025, '総務課', 'CISO', '水戸');"
			"INSERT INTO answer_history (respondent_id, "
			"replaced_at, file_sha256, item_id, status, comment, "
			"evidence) VALUES (1, 'x', 'y', '1', '実施', '', '');"),
		SQLITE_OK);
	assert_int_not_equal(exec_sql("UPDATE answer_history SET status = "
				      "'未実施'"),
			     SQLITE_OK);
	assert_int_not_equal(exec_sql("DELETE FROM answer_history"), SQLITE_OK);
	/* foreign keys hold on kansa's connections */
	assert_int_not_equal(exec_sql("PRAGMA foreign_keys = ON; INSERT INTO "
				      "answer (respondent_id, item_id, "
				      "status, source_line) VALUES (99, "
				      "'x', '実施', 1)"),
			     SQLITE_OK);
	diags_release(&d);
}

static void test_save_and_load_policy(void **state)
{
	struct diags d;
	struct store *st;
	struct policy *pol;
	struct checklist cl, back, role;
	enum store_saved saved;
	(void)state;
	diags_init(&d);
	derive_file(SEED, NULL, 0, &d, &pol, &cl);
	cl.policy = strdup("水戸市議会情報セキュリティ対策基準");
	cl.version = strdup("2024");
	cl.source = strdup("x.txt");
	cl.source_sha256 = strdup("00");
	cl.items[0].weight = strdup("2");
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	assert_int_equal(store_save_policy(st, &cl, "aa", &saved, &d),
			 KANSA_OK);
	assert_int_equal(saved, STORE_SAVED_NEW);
	assert_int_equal(store_save_policy(st, &cl, "aa", &saved, &d),
			 KANSA_OK);
	assert_int_equal(saved, STORE_SAVED_SAME);
	assert_int_equal(store_save_policy(st, &cl, "bb", &saved, &d),
			 KANSA_OK);
	assert_int_equal(saved, STORE_SAVED_REPLACED);

	checklist_init(&back);
	assert_int_equal(store_load_checklist(st,
					      "水戸市議会情報セキュリティ対策"
					      "基準@2024",
					      NULL, &back, &d),
			 KANSA_OK);
	assert_int_equal(back.nitems, cl.nitems);
	for (size_t i = 0; i < cl.nitems; i++) {
		assert_string_equal(back.items[i].id, cl.items[i].id);
		assert_string_equal(back.items[i].text, cl.items[i].text);
		assert_string_equal(back.items[i].roles, cl.items[i].roles);
		assert_string_equal(back.items[i].heading, cl.items[i].heading);
		assert_int_equal(back.items[i].level, cl.items[i].level);
	}
	assert_string_equal(back.items[0].weight, "2");
	assert_int_equal(back.nparts, cl.nparts);

	checklist_init(&role);
	assert_int_equal(store_load_checklist(st, NULL, "議会CSIRT", &role, &d),
			 KANSA_OK);
	assert_int_equal(role.nitems, 4);
	assert_string_equal(role.items[0].id, "6-3(2)ア");
	checklist_release(&role);
	checklist_init(&role);
	assert_int_equal(store_load_checklist(st, "other", NULL, &role, &d),
			 KANSA_ERR_NOTFOUND);
	assert_non_null(find_diag(&d, "no policy 'other'"));

	checklist_release(&role);
	checklist_release(&back);
	checklist_release(&cl);
	policy_free(pol);
	store_close(st);
	diags_release(&d);
}

/* The schema rows compiled in at build time are the rows the migrations
 * make now, one by one; a database whose schema differs from them in
 * one definition is refused at open. */
static void test_expected_schema_compiled(void **state)
{
	sqlite3 *mem = store_expected_schema();
	sqlite3_stmt *s;
	struct diags d;
	struct store *st = NULL;
	size_t n = 0;
	(void)state;

	assert_non_null(mem);
	assert_int_equal(
		sqlite3_prepare_v2(mem, STORE_SCHEMA_ROWS_SQL, -1, &s, NULL),
		SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const struct store_schema_row *r = &store_schema_expected[n];
		assert_true(n < store_schema_nexpected);
		assert_string_equal(sqlite3_column_text(s, 0), r->type);
		assert_string_equal(sqlite3_column_text(s, 1), r->name);
		assert_string_equal(sqlite3_column_text(s, 2), r->sql);
		n++;
	}
	sqlite3_finalize(s);
	sqlite3_close(mem);
	assert_int_equal(n, store_schema_nexpected);
	assert_true(n > 20);

	diags_init(&d);
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	store_close(st);
	assert_int_equal(exec_sql("DROP INDEX evidence_check_by_evidence;"
				  "CREATE INDEX evidence_check_by_evidence ON "
				  "evidence_check (evidence_id, year)"),
			 SQLITE_OK);
	assert_int_equal(store_open(db_path, false, &d, &st), KANSA_ERR_DB);
	assert_non_null(find_diag(&d, "schema: index "
				      "evidence_check_by_evidence: changed"));
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_and_migrate, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_only_history, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_save_and_load_policy,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_expected_schema_compiled,
						setup, teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
