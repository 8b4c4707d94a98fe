/* store.c: the SQLite store (schema, migrations, queries). */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

struct store {
	sqlite3 *db;	 /* the connection */
	char *path;	 /* the file, for messages */
	struct diags *d; /* where errors of the current call go */
};

/*
 * Migrations: migrations[i] (statements, NULL-terminated) brings the schema
 * from user_version i to i + 1.  Never edit a released one; append a new one.
 * docs/schema.md describes the result.
 */
static const char *const schema_v1[] = {
	"CREATE TABLE policy ("
	" policy_id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" version TEXT NOT NULL,"
	" source TEXT NOT NULL,"
	" source_sha256 TEXT NOT NULL,"
	" checklist_sha256 TEXT NOT NULL,"
	" derived_at TEXT NOT NULL,"
	" UNIQUE (name, version)) STRICT;",
	"CREATE TABLE part ("
	" policy_id INTEGER NOT NULL REFERENCES policy ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" part_id TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" PRIMARY KEY (policy_id, part_id)) STRICT;",
	"CREATE TABLE item ("
	" policy_id INTEGER NOT NULL REFERENCES policy ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" chapter TEXT NOT NULL,"
	" section TEXT NOT NULL,"
	" heading TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" roles TEXT NOT NULL,"
	" level TEXT NOT NULL CHECK (level IN ('必須', '推奨')),"
	" source_line INTEGER NOT NULL,"
	" weight REAL,"
	" evidence_examples TEXT,"
	" method TEXT,"
	" note TEXT,"
	" PRIMARY KEY (policy_id, item_id)) STRICT;",
	"CREATE TABLE item_role ("
	" policy_id INTEGER NOT NULL,"
	" item_id TEXT NOT NULL,"
	" role TEXT NOT NULL,"
	" PRIMARY KEY (policy_id, item_id, role),"
	" FOREIGN KEY (policy_id, item_id) REFERENCES item ON DELETE CASCADE"
	") STRICT;",
	"CREATE INDEX item_role_by_role ON item_role (role, policy_id);",
	"CREATE TABLE mapping ("
	" policy_id INTEGER NOT NULL REFERENCES policy ON DELETE CASCADE,"
	" old_id TEXT NOT NULL,"
	" new_id TEXT NOT NULL,"
	" PRIMARY KEY (policy_id, old_id)) STRICT;",
	"CREATE TABLE fiscal_year ("
	" year INTEGER PRIMARY KEY,"
	" policy_id INTEGER NOT NULL REFERENCES policy) STRICT;",
	"CREATE TABLE input_file ("
	" file_id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" path TEXT NOT NULL,"
	" sha256 TEXT NOT NULL,"
	" size INTEGER NOT NULL,"
	" imported_at TEXT NOT NULL) STRICT;",
	"CREATE TABLE respondent ("
	" respondent_id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL,"
	" department TEXT NOT NULL,"
	" role TEXT NOT NULL,"
	" system TEXT NOT NULL DEFAULT '',"
	" name TEXT NOT NULL,"
	" answered_on TEXT,"
	" file_id INTEGER REFERENCES input_file,"
	" UNIQUE (year, department, role, system)) STRICT;",
	"CREATE TABLE answer ("
	" respondent_id INTEGER NOT NULL REFERENCES respondent"
	"  ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK (status IN"
	"  ('実施', '一部実施', '未実施', '該当なし', '未回答')),"
	" comment TEXT NOT NULL DEFAULT '',"
	" evidence TEXT NOT NULL DEFAULT '',"
	" source_line INTEGER NOT NULL,"
	" PRIMARY KEY (respondent_id, item_id)) STRICT;",
	"CREATE TABLE answer_history ("
	" history_id INTEGER PRIMARY KEY,"
	" respondent_id INTEGER NOT NULL REFERENCES respondent,"
	" replaced_at TEXT NOT NULL,"
	" file_sha256 TEXT NOT NULL,"
	" item_id TEXT NOT NULL,"
	" status TEXT NOT NULL,"
	" comment TEXT NOT NULL,"
	" evidence TEXT NOT NULL) STRICT;",
	"CREATE TRIGGER answer_history_append_only BEFORE UPDATE ON"
	" answer_history BEGIN SELECT RAISE(ABORT,"
	" 'answer_history is append-only'); END;",
	"CREATE TRIGGER answer_history_no_delete BEFORE DELETE ON"
	" answer_history BEGIN SELECT RAISE(ABORT,"
	" 'answer_history is append-only'); END;",
	"CREATE TABLE evidence ("
	" year INTEGER NOT NULL,"
	" evidence_id TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" path TEXT NOT NULL,"
	" collected_on TEXT,"
	" expires_on TEXT,"
	" clauses TEXT NOT NULL DEFAULT '',"
	" sha256 TEXT,"
	" size INTEGER,"
	" missing INTEGER NOT NULL DEFAULT 0,"
	" file_id INTEGER REFERENCES input_file,"
	" PRIMARY KEY (year, evidence_id)) STRICT;",
	"CREATE TABLE evidence_check ("
	" year INTEGER NOT NULL,"
	" evidence_id TEXT NOT NULL,"
	" checked_at TEXT NOT NULL,"
	" result TEXT NOT NULL CHECK (result IN ('ok', 'changed', 'missing')),"
	" sha256 TEXT,"
	" FOREIGN KEY (year, evidence_id) REFERENCES evidence) STRICT;",
	"CREATE TABLE audit ("
	" year INTEGER PRIMARY KEY,"
	" auditor TEXT NOT NULL,"
	" audited_on TEXT,"
	" notes TEXT NOT NULL DEFAULT '',"
	" file_id INTEGER REFERENCES input_file) STRICT;",
	"CREATE TABLE judgement ("
	" year INTEGER NOT NULL,"
	" item_id TEXT NOT NULL,"
	" judgement TEXT NOT NULL,"
	" finding TEXT NOT NULL DEFAULT '',"
	" cause TEXT NOT NULL DEFAULT '',"
	" recommendation TEXT NOT NULL DEFAULT '',"
	" urgency TEXT NOT NULL DEFAULT '通常',"
	" PRIMARY KEY (year, item_id)) STRICT;",
	"CREATE TABLE plan ("
	" plan_id TEXT PRIMARY KEY,"
	" finding_year INTEGER NOT NULL,"
	" department TEXT NOT NULL,"
	" role TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" due TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK (status IN"
	"  ('未着手', '対応中', '完了', '確認済')),"
	" progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
	" completed_on TEXT,"
	" notes TEXT NOT NULL DEFAULT '') STRICT;",
	"CREATE TABLE plan_item ("
	" plan_id TEXT NOT NULL REFERENCES plan ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" PRIMARY KEY (plan_id, item_id)) STRICT;",
	"CREATE TABLE plan_milestone ("
	" plan_id TEXT NOT NULL REFERENCES plan ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" due TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" done_on TEXT,"
	" PRIMARY KEY (plan_id, seq)) STRICT;",
	"CREATE TABLE plan_log ("
	" log_id INTEGER PRIMARY KEY,"
	" plan_id TEXT NOT NULL REFERENCES plan,"
	" logged_at TEXT NOT NULL,"
	" as_of TEXT NOT NULL,"
	" status TEXT NOT NULL,"
	" progress INTEGER NOT NULL,"
	" due TEXT NOT NULL,"
	" reason TEXT NOT NULL DEFAULT '',"
	" note TEXT NOT NULL DEFAULT '',"
	" source TEXT NOT NULL DEFAULT '') STRICT;",
	"CREATE TRIGGER plan_log_append_only BEFORE UPDATE ON plan_log"
	" BEGIN SELECT RAISE(ABORT, 'plan_log is append-only'); END;",
	"CREATE TRIGGER plan_log_no_delete BEFORE DELETE ON plan_log"
	" BEGIN SELECT RAISE(ABORT, 'plan_log is append-only'); END;",
	"CREATE TABLE report_run ("
	" run_id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL,"
	" started_at TEXT NOT NULL,"
	" finished_at TEXT,"
	" kansa_version TEXT NOT NULL,"
	" as_of TEXT,"
	" report_date TEXT,"
	" input_digest TEXT) STRICT;",
	"CREATE TABLE run_file ("
	" run_id INTEGER NOT NULL REFERENCES report_run ON DELETE CASCADE,"
	" direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
	" path TEXT NOT NULL,"
	" sha256 TEXT NOT NULL,"
	" size INTEGER NOT NULL) STRICT;",
	NULL,
};

static const char *const *const migrations[] = {
	schema_v1, /* 0 -> 1: the whole product's schema */
};

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

int store_schema_version(void)
{
	return NMIGRATIONS;
}

static enum kansa_err db_error(struct store *st, const char *what)
{
	diags_add(st->d, DIAG_ERROR, st->path, 0, "database error while %s: %s",
		  what, sqlite3_errmsg(st->db));
	return KANSA_ERR_DB;
}

static enum kansa_err exec(struct store *st, const char *sql, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "database error while %s: %s", what,
			  msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return KANSA_ERR_DB;
	}
	return KANSA_OK;
}

static int user_version(struct store *st)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Applies each missing migration in its own BEGIN IMMEDIATE transaction. */
static enum kansa_err migrate(struct store *st)
{
	int v = user_version(st);
	char sql[64];

	if (v < 0)
		return db_error(st, "reading the schema version");
	if (v > NMIGRATIONS) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "the database has schema version %d, newer than "
			  "this kansa knows (%d): use a newer kansa",
			  v, NMIGRATIONS);
		return KANSA_ERR_DB;
	}
	for (; v < NMIGRATIONS; v++) {
		if (exec(st, "BEGIN IMMEDIATE", "starting a migration"))
			return KANSA_ERR_DB;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		bool ok = true;
		for (const char *const *q = migrations[v]; ok && *q; q++)
			ok = exec(st, *q, "migrating the schema") == KANSA_OK;
		if (!ok || exec(st, sql, "migrating the schema") ||
		    exec(st, "COMMIT", "migrating the schema")) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return KANSA_ERR_DB;
		}
	}
	return KANSA_OK;
}

enum kansa_err store_open(const char *path, bool create, struct diags *d,
			  struct store **out)
{
	struct store *st = calloc(1, sizeof(*st));
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	enum kansa_err err = KANSA_ERR_DB;

	*out = NULL;
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return KANSA_ERR_NOMEM;
	}
	st->d = d;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "cannot open the database: %s",
			  st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	if (exec(st, "PRAGMA foreign_keys = ON", "enabling foreign keys") ||
	    (err = migrate(st)))
		goto out;
	*out = st;
	st = NULL;
	err = KANSA_OK;
out:
	store_close(st);
	return err;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

/* --- helpers for statements ------------------------------------------ */

static sqlite3_stmt *prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_error(st, "preparing a query");
		return NULL;
	}
	return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Steps a statement that returns no row, then resets it. */
static bool step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		db_error(st, what);
		return false;
	}
	return true;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	return v ? strdup((const char *)v) : NULL;
}

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* --- policies -------------------------------------------------------- */

/* The policy_id of name@version and its checklist SHA-256, or 0. */
static long long find_policy(struct store *st, const char *name,
			     const char *version, char sha[65])
{
	sqlite3_stmt *s = prepare(st, "SELECT policy_id, checklist_sha256 "
				      "FROM policy WHERE name = ? AND "
				      "version = ?");
	long long id = 0;
	if (!s)
		return -1;
	bind_text(s, 1, name);
	bind_text(s, 2, version);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(sha, 65, "%s", sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	return id;
}

static bool insert_parts(struct store *st, long long pid,
			 const struct checklist *cl)
{
	sqlite3_stmt *s = prepare(st, "INSERT INTO part (policy_id, seq, "
				      "part_id, title) VALUES (?, ?, ?, ?)");
	bool ok = s != NULL;
	for (size_t i = 0; ok && i < cl->nparts; i++) {
		sqlite3_bind_int64(s, 1, pid);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, cl->parts[i].id);
		bind_text(s, 4, cl->parts[i].title);
		ok = step_done(st, s, "saving the chapters");
	}
	sqlite3_finalize(s);
	return ok;
}

static bool insert_roles(struct store *st, sqlite3_stmt *s, long long pid,
			 const struct item *it)
{
	const char *p = it->roles;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		sqlite3_bind_int64(s, 1, pid);
		bind_text(s, 2, it->id);
		sqlite3_bind_text(s, 3, p, (int)n, SQLITE_TRANSIENT);
		if (n > 0 && !step_done(st, s, "saving the roles"))
			return false;
		sqlite3_reset(s);
		p += n + (comma ? 1 : 0);
	}
	return true;
}

static bool insert_items(struct store *st, long long pid,
			 const struct checklist *cl)
{
	sqlite3_stmt *s = prepare(
		st, "INSERT INTO item (policy_id, item_id, seq, chapter, "
		    "section, heading, text, roles, level, source_line, "
		    "weight, evidence_examples, method, note) VALUES "
		    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *r = prepare(st, "INSERT OR IGNORE INTO item_role "
				      "(policy_id, item_id, role) "
				      "VALUES (?, ?, ?)");
	bool ok = s && r;
	for (size_t i = 0; ok && i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		sqlite3_bind_int64(s, 1, pid);
		bind_text(s, 2, it->id);
		sqlite3_bind_int64(s, 3, (long long)i);
		bind_text(s, 4, it->chapter);
		bind_text(s, 5, it->section);
		bind_text(s, 6, it->heading);
		bind_text(s, 7, it->text);
		bind_text(s, 8, it->roles);
		bind_text(s, 9, item_level_name(it->level));
		sqlite3_bind_int64(s, 10, it->source_line);
		if (it->weight)
			sqlite3_bind_double(s, 11, strtod(it->weight, NULL));
		bind_text(s, 12, it->evidence_examples);
		bind_text(s, 13, it->method);
		bind_text(s, 14, it->note);
		ok = step_done(st, s, "saving the items") &&
		     insert_roles(st, r, pid, it);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(r);
	return ok;
}

static bool insert_mapping(struct store *st, long long pid,
			   const struct checklist *cl)
{
	sqlite3_stmt *s = prepare(st, "INSERT OR REPLACE INTO mapping "
				      "(policy_id, old_id, new_id) "
				      "VALUES (?, ?, ?)");
	bool ok = s != NULL;
	for (size_t i = 0; ok && i < cl->nmapping; i++) {
		sqlite3_bind_int64(s, 1, pid);
		bind_text(s, 2, cl->mapping[i].from);
		bind_text(s, 3, cl->mapping[i].to);
		ok = step_done(st, s, "saving the mapping");
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_save_policy(struct store *st, const struct checklist *cl,
				 const char *checklist_sha256,
				 enum store_saved *saved, struct diags *d)
{
	char old[65] = "", now[32];
	long long pid;
	sqlite3_stmt *s = NULL;
	bool ok = false;

	st->d = d;
	if (exec(st, "BEGIN IMMEDIATE", "saving the policy"))
		return KANSA_ERR_DB;
	if ((pid = find_policy(st, cl->policy, cl->version, old)) < 0)
		goto out;
	if (pid > 0 && strcmp(old, checklist_sha256) == 0) {
		*saved = STORE_SAVED_SAME;
		ok = true;
		goto out;
	}
	now_iso(now);
	if (pid > 0) {
		*saved = STORE_SAVED_REPLACED;
		s = prepare(st, "UPDATE policy SET source = ?, "
				"source_sha256 = ?, checklist_sha256 = ?, "
				"derived_at = ? WHERE policy_id = ?");
	} else {
		*saved = STORE_SAVED_NEW;
		s = prepare(st, "INSERT INTO policy (source, source_sha256, "
				"checklist_sha256, derived_at, name, version) "
				"VALUES (?, ?, ?, ?, ?, ?)");
	}
	if (!s)
		goto out;
	bind_text(s, 1, cl->source);
	bind_text(s, 2, cl->source_sha256);
	bind_text(s, 3, checklist_sha256);
	bind_text(s, 4, now);
	if (pid > 0) {
		sqlite3_bind_int64(s, 5, pid);
	} else {
		bind_text(s, 5, cl->policy);
		bind_text(s, 6, cl->version);
	}
	if (!step_done(st, s, "saving the policy"))
		goto out;
	if (pid == 0)
		pid = sqlite3_last_insert_rowid(st->db);
	else {
		sqlite3_finalize(s);
		s = prepare(st, "DELETE FROM item WHERE policy_id = ?1;");
		if (!s)
			goto out;
		sqlite3_bind_int64(s, 1, pid);
		if (!step_done(st, s, "replacing the items"))
			goto out;
		sqlite3_finalize(s);
		s = prepare(st, "DELETE FROM mapping WHERE policy_id = ?1");
		if (!s)
			goto out;
		sqlite3_bind_int64(s, 1, pid);
		if (!step_done(st, s, "replacing the mapping"))
			goto out;
		sqlite3_finalize(s);
		s = prepare(st, "DELETE FROM part WHERE policy_id = ?1");
		if (!s)
			goto out;
		sqlite3_bind_int64(s, 1, pid);
		if (!step_done(st, s, "replacing the chapters"))
			goto out;
	}
	ok = insert_parts(st, pid, cl) && insert_items(st, pid, cl) &&
	     insert_mapping(st, pid, cl);
out:
	sqlite3_finalize(s);
	if (ok && exec(st, "COMMIT", "saving the policy") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}

/* Resolves NAME[@VERSION] (or NULL: the policy derived last) to an ID. */
static long long resolve_policy(struct store *st, const char *spec,
				struct checklist *cl)
{
	const char *at = spec ? strrchr(spec, '@') : NULL;
	char *name =
		spec ? (at ? strndup(spec, (size_t)(at - spec)) : strdup(spec))
		     : NULL;
	sqlite3_stmt *s;
	long long id = 0;

	if (spec && !name)
		return -1;
	if (!spec)
		s = prepare(st, "SELECT policy_id, name, version, source, "
				"source_sha256 FROM policy ORDER BY "
				"derived_at DESC, policy_id DESC LIMIT 1");
	else if (at)
		s = prepare(st, "SELECT policy_id, name, version, source, "
				"source_sha256 FROM policy WHERE name = ? "
				"AND version = ?");
	else
		s = prepare(st, "SELECT policy_id, name, version, source, "
				"source_sha256 FROM policy WHERE name = ? "
				"ORDER BY CAST(version AS INTEGER) DESC, "
				"version DESC LIMIT 1");
	if (!s) {
		free(name);
		return -1;
	}
	if (spec)
		bind_text(s, 1, name);
	if (at)
		bind_text(s, 2, at + 1);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		cl->policy = col_dup(s, 1);
		cl->version = col_dup(s, 2);
		cl->source = col_dup(s, 3);
		cl->source_sha256 = col_dup(s, 4);
	}
	sqlite3_finalize(s);
	free(name);
	return id;
}

static bool load_parts(struct store *st, long long pid, struct checklist *cl)
{
	sqlite3_stmt *s = prepare(st, "SELECT part_id, title FROM part "
				      "WHERE policy_id = ? ORDER BY seq");
	bool ok = s != NULL;
	while (ok &&
	       (sqlite3_bind_int64(s, 1, pid), sqlite3_step(s)) == SQLITE_ROW) {
		struct part *v =
			realloc(cl->parts, (cl->nparts + 1) * sizeof(*v));
		if (!v) {
			ok = false;
			break;
		}
		cl->parts = v;
		v[cl->nparts].id = col_dup(s, 0);
		v[cl->nparts].title = col_dup(s, 1);
		cl->nparts++;
	}
	sqlite3_finalize(s);
	return ok;
}

static char *weight_string(sqlite3_stmt *s, int i)
{
	char buf[32];
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	snprintf(buf, sizeof(buf), "%g", sqlite3_column_double(s, i));
	return strdup(buf);
}

static bool load_items(struct store *st, long long pid, const char *role,
		       struct checklist *cl)
{
	sqlite3_stmt *s = prepare(
		st, "SELECT item_id, chapter, section, heading, text, roles, "
		    "level, source_line, weight, evidence_examples, method, "
		    "note FROM item WHERE policy_id = ?1 AND (?2 IS NULL OR "
		    "EXISTS (SELECT 1 FROM item_role r WHERE r.policy_id = "
		    "item.policy_id AND r.item_id = item.item_id AND "
		    "r.role = ?2)) ORDER BY seq");
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int64(s, 1, pid);
		bind_text(s, 2, role);
	}
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct item *it;
		if (cl->nitems == cl->citems) {
			size_t cap = cl->citems ? cl->citems * 2 : 128;
			struct item *v = realloc(cl->items, cap * sizeof(*v));
			if (!v) {
				ok = false;
				break;
			}
			cl->items = v;
			cl->citems = cap;
		}
		it = &cl->items[cl->nitems++];
		memset(it, 0, sizeof(*it));
		it->id = col_dup(s, 0);
		it->chapter = col_dup(s, 1);
		it->section = col_dup(s, 2);
		it->heading = col_dup(s, 3);
		it->text = col_dup(s, 4);
		it->roles = col_dup(s, 5);
		it->level = (enum item_level)item_level_parse(
			(const char *)sqlite3_column_text(s, 6));
		it->source_line = sqlite3_column_int64(s, 7);
		it->weight = weight_string(s, 8);
		it->evidence_examples = col_dup(s, 9);
		it->method = col_dup(s, 10);
		it->note = col_dup(s, 11);
		ok = it->id && it->chapter && it->section && it->heading &&
		     it->text && it->roles;
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_load_checklist(struct store *st, const char *spec,
				    const char *role, struct checklist *cl,
				    struct diags *d)
{
	long long pid;

	st->d = d;
	if ((pid = resolve_policy(st, spec, cl)) < 0)
		return KANSA_ERR_DB;
	if (pid == 0) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  spec ? "no policy '%s' in the database (derive it "
				 "first with 'kansa derive')"
			       : "no policy in the database%s (derive one "
				 "first with 'kansa derive')",
			  spec ? spec : "");
		return KANSA_ERR_NOTFOUND;
	}
	if (!load_parts(st, pid, cl) || !load_items(st, pid, role, cl))
		return KANSA_ERR_DB;
	return KANSA_OK;
}
