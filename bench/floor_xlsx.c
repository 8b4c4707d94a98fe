/* floor_xlsx.c: the floor kansa's workbook is measured against: the same
 * answers read from the same database and written as the same cells of a
 * 回答明細 and a チェックリスト sheet with bare libxlsxwriter calls, in
 * constant_memory mode, with no model, scoring or formatting.
 *
 * usage: floor_xlsx DB YEAR OUT.xlsx
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
	lxw_workbook_options o = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb;
	lxw_worksheet *ws;
	sqlite3 *db;
	sqlite3_stmt *s;
	lxw_row_t row = 1;

	if (argc != 4 || sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 2;
	wb = workbook_new_opt(argv[3], &o);
	ws = workbook_add_worksheet(wb, "チェックリスト");
	sqlite3_prepare_v2(
		db,
		"SELECT item_id, chapter, section, level, roles, text "
		"FROM item WHERE policy_id = (SELECT policy_id FROM "
		"fiscal_year WHERE year = ?) ORDER BY seq",
		-1, &s, NULL);
	sqlite3_bind_int(s, 1, atoi(argv[2]));
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int c = 0; c < 6; c++)
			worksheet_write_string(
				ws, row, (lxw_col_t)c,
				(const char *)sqlite3_column_text(s, c), NULL);
		row++;
	}
	sqlite3_finalize(s);
	ws = workbook_add_worksheet(wb, "回答明細");
	row = 1;
	sqlite3_prepare_v2(
		db,
		"SELECT r.name, r.department, r.system, r.role, a.item_id, "
		"a.status, COALESCE((SELECT group_concat(evidence_id, ', ') "
		"FROM "
		"answer_evidence e WHERE e.respondent_id = a.respondent_id AND "
		"e.item_id = a.item_id), ''), a.comment, "
		"COALESCE(r.answered_on, "
		"''), COALESCE(f.path, ''), a.source_line FROM answer a JOIN "
		"respondent r USING (respondent_id) LEFT JOIN input_file f ON "
		"f.file_id = r.file_id WHERE r.year = ? ORDER BY "
		"a.respondent_id",
		-1, &s, NULL);
	sqlite3_bind_int(s, 1, atoi(argv[2]));
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int c = 0; c < 10; c++)
			worksheet_write_string(
				ws, row, (lxw_col_t)c,
				(const char *)sqlite3_column_text(s, c), NULL);
		worksheet_write_number(ws, row, 10, sqlite3_column_int(s, 10),
				       NULL);
		row++;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
