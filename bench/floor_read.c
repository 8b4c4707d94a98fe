/* floor_read.c: the reading half of make bench's floors: the rows of two
 * fiscal years that kansa's documents are made from (answers with their
 * respondents and comments, the evidence they cite, the evidence register
 * and its checks, the items), read from kansa's SQLite database and
 * counted, nothing more: no quick check, no scoring, no model.
 */
#include "floor_read.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const queries[] = {
	"SELECT r.year, r.department, r.role, r.system, a.item_id, a.status,"
	" a.comment FROM answer a JOIN respondent r USING (respondent_id)"
	" WHERE r.year IN (?1, ?2)",
	"SELECT year, respondent_id, item_id, evidence_id FROM answer_evidence"
	" WHERE year IN (?1, ?2)",
	"SELECT year, evidence_id, title, file, missing FROM evidence"
	" WHERE year IN (?1, ?2)",
	"SELECT year, evidence_id, checked_at, result FROM evidence_check"
	" WHERE year IN (?1, ?2)",
	"SELECT * FROM item WHERE ?1 OR ?2",
};

static volatile size_t sink; /* the bytes read, so that none is skipped */

/* Steps every row of one query, touching each column; -1 on an error. */
static long read_rows(sqlite3 *db, const char *sql, int y1, int y2)
{
	sqlite3_stmt *s;
	long rows = 0;
	size_t bytes = 0;
	int rc;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(s, 1, y1);
	sqlite3_bind_int(s, 2, y2);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int n = sqlite3_column_count(s);
		for (int i = 0; i < n; i++)
			if (sqlite3_column_text(s, i))
				bytes += (size_t)sqlite3_column_bytes(s, i);
		rows++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return -1;
	sink += bytes;
	return rows;
}

int floor_read(const char *path, const char *years)
{
	struct timespec t0, t1;
	sqlite3 *db = NULL;
	long total = 0;
	int y1 = 0, y2 = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (sscanf(years, "%d,%d", &y1, &y2) != 2 ||
	    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
		    SQLITE_OK) {
		fprintf(stderr, "floor: cannot read %s\n", path);
		sqlite3_close(db);
		return -1;
	}
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++) {
		long n = read_rows(db, queries[i], y1, y2);
		if (n < 0) {
			sqlite3_close(db);
			return -1;
		}
		total += n;
	}
	sqlite3_close(db);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "floor-read\t%.4f\t%ld\n",
		(double)(t1.tv_sec - t0.tv_sec) +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		total);
	return 0;
}
