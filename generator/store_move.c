/* store_move.c: a year moved to another policy version (kansa year move):
 * its answers, evidence links, judgements, audit decisions and plans'
 * items carried along a mapping in one transaction, logged in year_log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "text.h"

/* The target's [mapping] (old ID = new ID) into cl. */
static bool load_mapping(struct store *st, long long pid, struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT old_id, new_id FROM "
					    "mapping WHERE policy_id = ? "
					    "ORDER BY old_id");
	bool ok = s != NULL;

	if (ok)
		sqlite3_bind_int64(s, 1, pid);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct mapping *m =
			realloc(cl->mapping, (cl->nmapping + 1) * sizeof(*m));
		if (!(ok = m != NULL))
			break;
		cl->mapping = m;
		m = &cl->mapping[cl->nmapping++];
		m->from = store_col_dup(s, 0);
		m->to = store_col_dup(s, 1);
		ok = m->from && m->to;
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_move_load(struct store *st, int year, const char *to_spec,
			       struct checklist *from, long long *from_id,
			       struct checklist *to, long long *to_id,
			       struct diags *d)
{
	char *spec = NULL;
	enum kansa_err err;

	st->d = d;
	if (!store_year_known(st, year)) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "FY %d has nothing imported: it has no policy "
			  "version to move from",
			  year);
		return KANSA_ERR_NOTFOUND;
	}
	if ((err = store_year_checklist(st, year, NULL, from, from_id, d)))
		return err;
	/* VERSION alone names a version of the year's own policy */
	if (strchr(to_spec, '@'))
		spec = strdup(to_spec);
	else if ((spec = malloc(strlen(from->policy) + strlen(to_spec) + 2)))
		sprintf(spec, "%s@%s", from->policy, to_spec);
	if (!spec)
		return KANSA_ERR_NOMEM;
	*to_id = store_resolve_policy(st, spec, to);
	if (*to_id == 0)
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "no policy version '%s' in the database (kansa "
			  "derive makes one; kansa items --policy NAME@VERSION "
			  "lists one)",
			  spec);
	free(spec);
	if (*to_id <= 0)
		return *to_id == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
	if (*to_id == *from_id) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "FY %d uses %s@%s already: nothing to move", year,
			  from->policy, from->version);
		return KANSA_ERR_INPUT;
	}
	if ((err = store_load_items(st, *to_id, NULL, to)))
		return err;
	return load_mapping(st, *to_id, to) ? KANSA_OK
					    : store_db_error(st, "reading the "
								 "mapping");
}

/* Prepares sql and binds ?1 year, ?2 now, ?3 the year's policy, ?4 the
 * target (those it uses); NULL with a diagnostic on failure. */
static sqlite3_stmt *prepare_move(struct store *st, const char *sql,
				  const struct store_move *mv, const char *now)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	int n = s ? sqlite3_bind_parameter_count(s) : 0;

	if (n >= 1)
		sqlite3_bind_int(s, 1, mv->year);
	if (n >= 2)
		store_bind_text(s, 2, now);
	if (n >= 3)
		sqlite3_bind_int64(s, 3, mv->from_id);
	if (n >= 4)
		sqlite3_bind_int64(s, 4, mv->to_id);
	return s;
}

/* Runs one statement of the move; -1 on failure, else the rows changed. */
static long run(struct store *st, const char *sql, const struct store_move *mv,
		const char *now)
{
	sqlite3_stmt *s = prepare_move(st, sql, mv, now);
	long n = -1;

	if (s && store_step_done(st, s, "moving the year"))
		n = sqlite3_changes(st->db);
	sqlite3_finalize(s);
	return n;
}

/* The first column of the first row of a query: a count (or -1 on
 * failure) into *n, or a copy of the text into *text. */
static bool query(struct store *st, const char *sql,
		  const struct store_move *mv, long *n, char **text)
{
	sqlite3_stmt *s = prepare_move(st, sql, mv, NULL);
	bool ok = s && sqlite3_step(s) == SQLITE_ROW;

	if (ok && n)
		*n = (long)sqlite3_column_int64(s, 0);
	if (ok && text)
		ok = (*text = store_col_dup(s, 0)) != NULL;
	if (!ok)
		store_db_error(st, "moving the year");
	sqlite3_finalize(s);
	return ok;
}

static bool fill_map(struct store *st, const struct store_move *mv)
{
	sqlite3_stmt *s;
	bool ok;

	if (store_exec(st,
		       "CREATE TEMP TABLE move_map (old TEXT PRIMARY KEY, "
		       "new TEXT NOT NULL UNIQUE)",
		       "moving the year"))
		return false;
	s = store_prepare(st, "INSERT INTO temp.move_map VALUES (?, ?)");
	ok = s != NULL;
	for (size_t i = 0; ok && i < mv->npairs; i++) {
		store_bind_text(s, 1, mv->pairs[i].from_id);
		store_bind_text(s, 2, mv->pairs[i].to_id);
		ok = store_step_done(st, s, "moving the year");
	}
	sqlite3_finalize(s);
	return ok;
}

/* What the year holds of the items without a counterpart, for the log:
 * judgements and audit decisions (answers go to answer_history). */
static const char dropped_sql[] =
	"SELECT coalesce(group_concat(t, char(10)), '') FROM ("
	"SELECT 'judgement ' || item_id || ': ' || judgement || "
	"CASE WHEN finding <> '' THEN ' / ' || finding ELSE '' END AS t "
	"FROM judgement WHERE year = ?1 AND item_id NOT IN (SELECT old FROM "
	"temp.move_map) UNION ALL SELECT 'audit [' || section || '] ' || key "
	"|| ' = ' || value FROM audit_field WHERE year = ?1 AND section IN "
	"(SELECT item_id FROM item WHERE policy_id = ?3) AND section NOT IN "
	"(SELECT old FROM temp.move_map))";

/* Every answer, link, judgement, audit decision and plan item of the
 * year, carried along move_map (copied aside, deleted, put back: IDs of
 * a renumbering may swap places). */
static const char *const carry_sql[] = {
	"CREATE TEMP TABLE move_answer (respondent_id INTEGER, item_id TEXT, "
	"status TEXT, comment TEXT, source_line INTEGER)",
	"CREATE TEMP TABLE move_link (respondent_id INTEGER, item_id TEXT, "
	"seq INTEGER, year INTEGER, evidence_id TEXT)",
	"CREATE TEMP TABLE move_judgement (year INTEGER, item_id TEXT, "
	"judgement TEXT, finding TEXT, cause TEXT, recommendation TEXT, "
	"urgency TEXT)",
	"CREATE TEMP TABLE move_field (year INTEGER, section TEXT, key TEXT, "
	"value TEXT)",
	"CREATE TEMP TABLE move_plan (plan_id TEXT, item_id TEXT)",
	/* answers of items without a counterpart: to the history */
	"INSERT INTO answer_history (respondent_id, replaced_at, file_sha256, "
	"item_id, status, comment, evidence) SELECT a.respondent_id, ?2, "
	"coalesce(f.sha256, ''), a.item_id, a.status, a.comment, "
	"coalesce((SELECT group_concat(evidence_id, ', ') FROM (SELECT "
	"evidence_id FROM answer_evidence e WHERE e.respondent_id = "
	"a.respondent_id AND e.item_id = a.item_id ORDER BY seq)), '') FROM "
	"answer a JOIN respondent r USING (respondent_id) LEFT JOIN "
	"input_file f ON f.file_id = r.file_id WHERE r.year = ?1 AND "
	"a.item_id NOT IN (SELECT old FROM temp.move_map) ORDER BY a.rowid",
	"INSERT INTO temp.move_answer SELECT a.respondent_id, m.new, "
	"a.status, a.comment, a.source_line FROM answer a JOIN respondent r "
	"USING (respondent_id) JOIN temp.move_map m ON m.old = a.item_id "
	"WHERE r.year = ?1 ORDER BY a.rowid",
	"INSERT INTO temp.move_link SELECT e.respondent_id, m.new, e.seq, "
	"e.year, e.evidence_id FROM answer_evidence e JOIN respondent r "
	"USING (respondent_id) JOIN temp.move_map m ON m.old = e.item_id "
	"WHERE r.year = ?1 ORDER BY e.rowid",
	"INSERT INTO temp.move_judgement SELECT j.year, m.new, j.judgement, "
	"j.finding, j.cause, j.recommendation, j.urgency FROM judgement j "
	"JOIN temp.move_map m ON m.old = j.item_id WHERE j.year = ?1",
	"INSERT INTO temp.move_field SELECT a.year, m.new, a.key, a.value "
	"FROM audit_field a JOIN temp.move_map m ON m.old = a.section WHERE "
	"a.year = ?1",
	"INSERT INTO temp.move_plan SELECT p.plan_id, m.new FROM plan_item p "
	"JOIN plan USING (plan_id) JOIN temp.move_map m ON m.old = p.item_id "
	"WHERE plan.finding_year = ?1",
	/* the links go with their answers (ON DELETE CASCADE) */
	"DELETE FROM answer WHERE respondent_id IN (SELECT respondent_id FROM "
	"respondent WHERE year = ?1)",
	"DELETE FROM judgement WHERE year = ?1",
	"DELETE FROM audit_field WHERE year = ?1 AND section IN (SELECT "
	"item_id FROM item WHERE policy_id = ?3)",
	"DELETE FROM plan_item WHERE plan_id IN (SELECT plan_id FROM plan "
	"WHERE finding_year = ?1) AND item_id IN (SELECT old FROM "
	"temp.move_map)",
	"INSERT INTO answer (respondent_id, item_id, status, comment, "
	"source_line) SELECT * FROM temp.move_answer",
	"INSERT INTO answer_evidence (respondent_id, item_id, seq, year, "
	"evidence_id) SELECT * FROM temp.move_link",
	"INSERT INTO judgement SELECT * FROM temp.move_judgement",
	"INSERT INTO audit_field SELECT * FROM temp.move_field",
	"INSERT OR IGNORE INTO plan_item SELECT * FROM temp.move_plan",
	"UPDATE fiscal_year SET policy_id = ?4 WHERE year = ?1",
	"DROP TABLE temp.move_answer",
	"DROP TABLE temp.move_link",
	"DROP TABLE temp.move_judgement",
	"DROP TABLE temp.move_field",
	"DROP TABLE temp.move_plan",
	NULL,
};

/* Counts what the move will do, before it does it. */
static bool count_move(struct store *st, struct store_move *mv)
{
	return query(st,
		     "SELECT count(*) FROM answer a JOIN respondent r USING "
		     "(respondent_id) WHERE r.year = ?1",
		     mv, &mv->answers, NULL) &&
	       query(st,
		     "SELECT count(*) FROM answer a JOIN respondent r USING "
		     "(respondent_id) JOIN temp.move_map m ON m.old = "
		     "a.item_id WHERE r.year = ?1 AND m.old <> m.new",
		     mv, &mv->renumbered, NULL) &&
	       query(st,
		     "SELECT count(*) FROM answer a JOIN respondent r USING "
		     "(respondent_id) WHERE r.year = ?1 AND a.item_id NOT IN "
		     "(SELECT old FROM temp.move_map)",
		     mv, &mv->archived, NULL) &&
	       query(st, "SELECT count(*) FROM judgement WHERE year = ?1", mv,
		     &mv->judgements, NULL) &&
	       query(st, dropped_sql, mv, NULL, &mv->dropped);
}

/* The year log's detail: the versions, every changed ID, every item
 * without a counterpart and what of it was dropped. */
static char *move_detail(const struct store_move *mv)
{
	struct sbuf b = {0};

	sbuf_printf(&b, "from %s to %s\n", mv->from_name, mv->to_name);
	for (size_t i = 0; i < mv->npairs; i++)
		if (strcmp(mv->pairs[i].from_id, mv->pairs[i].to_id))
			sbuf_printf(&b, "%s -> %s\n", mv->pairs[i].from_id,
				    mv->pairs[i].to_id);
	for (size_t i = 0; i < mv->nremoved; i++)
		sbuf_printf(&b, "%s -> (none: its answers to the history)\n",
			    mv->removed[i]);
	if (mv->dropped && *mv->dropped)
		sbuf_printf(&b, "%s\n", mv->dropped);
	if (b.oom) {
		sbuf_release(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

enum kansa_err store_move_year(struct store *st, struct store_move *mv,
			       struct diags *d)
{
	char now[32], *detail = NULL;
	long long pinned = -1;
	bool ok;

	st->d = d;
	store_now(now);
	if (store_exec(st, "BEGIN IMMEDIATE", "moving the year"))
		return KANSA_ERR_DB;
	if (!store_require_open(st, mv->year,
				"moving it to another policy version", NULL)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return KANSA_ERR_INPUT;
	}
	{
		long p = 0;
		ok = query(st,
			   "SELECT policy_id FROM fiscal_year WHERE year = ?1",
			   mv, &p, NULL);
		pinned = p;
	}
	if (ok && pinned != mv->from_id) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "FY %d changed its policy version meanwhile: run "
			  "kansa year move again",
			  mv->year);
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return KANSA_ERR_INPUT;
	}
	ok = ok && fill_map(st, mv) && count_move(st, mv);
	for (size_t i = 0; ok && carry_sql[i]; i++)
		ok = run(st, carry_sql[i], mv, now) >= 0;
	ok = ok && (detail = move_detail(mv)) != NULL &&
	     store_log_year(st, mv->year, "policy-move", mv->reason, detail) &&
	     !store_exec(st, "DROP TABLE temp.move_map", "moving the year");
	free(detail);
	if (ok && mv->apply && !store_exec(st, "COMMIT", "moving the year"))
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return ok ? KANSA_OK : KANSA_ERR_DB;
}
