/* store_schema.c: the database schema as its migrations (docs/schema.md). */
#include <stddef.h>

#include "store_internal.h"

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
	" source_line INTEGER NOT NULL,"
	" PRIMARY KEY (respondent_id, item_id)) STRICT;",
	"CREATE TABLE answer_evidence ("
	" respondent_id INTEGER NOT NULL,"
	" item_id TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" year INTEGER NOT NULL,"
	" evidence_id TEXT NOT NULL,"
	" PRIMARY KEY (respondent_id, item_id, seq),"
	" FOREIGN KEY (respondent_id, item_id) REFERENCES answer"
	"  ON DELETE CASCADE,"
	" FOREIGN KEY (year, evidence_id) REFERENCES evidence) STRICT;",
	"CREATE INDEX answer_evidence_by_evidence ON answer_evidence"
	" (year, evidence_id);",
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
	" file TEXT NOT NULL,"
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
	" auditors TEXT NOT NULL DEFAULT '',"
	" audited_on TEXT,"
	" period TEXT NOT NULL DEFAULT '',"
	" scope TEXT NOT NULL DEFAULT '',"
	" method TEXT NOT NULL DEFAULT '',"
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
	" source TEXT NOT NULL DEFAULT '',"
	" snapshot TEXT NOT NULL) STRICT;",
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

/* The audit file's frame and decision fields beyond the columns of
 * audit and judgement (issue 14): one row per non-empty key, section
 * 'kansa' for the header, the item ID for a decision. */
static const char *const schema_v2[] = {
	"CREATE TABLE audit_field ("
	" year INTEGER NOT NULL,"
	" section TEXT NOT NULL,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (year, section, key)) STRICT;",
	NULL,
};

/*
 * 2 -> 3: the database guards itself and keeps its history (issue 11).
 * Tables whose columns the code relies on get the CHECKs they lacked, by
 * the rebuild SQLite prescribes (new table, copy, drop, rename; foreign
 * keys are off while a migration runs and checked before it commits);
 * years can be closed, respondents retired, and every such act is logged
 * append-only.
 */
static const char *const schema_v3[] = {
	"CREATE TABLE judgement_v2 ("
	" year INTEGER NOT NULL,"
	" item_id TEXT NOT NULL,"
	" judgement TEXT NOT NULL CHECK (judgement IN ('適合', '重大な不適合',"
	"  '軽微な不適合', '推奨事項', '観察事項', '棄却')),"
	" finding TEXT NOT NULL DEFAULT '',"
	" cause TEXT NOT NULL DEFAULT '',"
	" recommendation TEXT NOT NULL DEFAULT '',"
	" urgency TEXT NOT NULL DEFAULT '通常' CHECK (urgency IN ('緊急',"
	"  '通常')),"
	" PRIMARY KEY (year, item_id)) STRICT;",
	"INSERT INTO judgement_v2 SELECT * FROM judgement;",
	"DROP TABLE judgement;",
	"ALTER TABLE judgement_v2 RENAME TO judgement;",
	"CREATE TABLE answer_history_v2 ("
	" history_id INTEGER PRIMARY KEY,"
	" respondent_id INTEGER NOT NULL REFERENCES respondent,"
	" replaced_at TEXT NOT NULL,"
	" file_sha256 TEXT NOT NULL,"
	" item_id TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK (status IN"
	"  ('実施', '一部実施', '未実施', '該当なし', '未回答')),"
	" comment TEXT NOT NULL,"
	" evidence TEXT NOT NULL) STRICT;",
	"INSERT INTO answer_history_v2 SELECT * FROM answer_history;",
	"DROP TABLE answer_history;",
	"ALTER TABLE answer_history_v2 RENAME TO answer_history;",
	"CREATE TRIGGER answer_history_append_only BEFORE UPDATE ON"
	" answer_history BEGIN SELECT RAISE(ABORT,"
	" 'answer_history is append-only'); END;",
	"CREATE TRIGGER answer_history_no_delete BEFORE DELETE ON"
	" answer_history BEGIN SELECT RAISE(ABORT,"
	" 'answer_history is append-only'); END;",
	"CREATE TABLE plan_log_v2 ("
	" log_id INTEGER PRIMARY KEY,"
	" plan_id TEXT NOT NULL REFERENCES plan,"
	" logged_at TEXT NOT NULL,"
	" as_of TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK (status IN"
	"  ('未着手', '対応中', '完了', '確認済')),"
	" progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
	" due TEXT NOT NULL,"
	" reason TEXT NOT NULL DEFAULT '',"
	" note TEXT NOT NULL DEFAULT '',"
	" source TEXT NOT NULL DEFAULT '',"
	" snapshot TEXT NOT NULL) STRICT;",
	"INSERT INTO plan_log_v2 SELECT * FROM plan_log;",
	"DROP TABLE plan_log;",
	"ALTER TABLE plan_log_v2 RENAME TO plan_log;",
	"CREATE TRIGGER plan_log_append_only BEFORE UPDATE ON plan_log"
	" BEGIN SELECT RAISE(ABORT, 'plan_log is append-only'); END;",
	"CREATE TRIGGER plan_log_no_delete BEFORE DELETE ON plan_log"
	" BEGIN SELECT RAISE(ABORT, 'plan_log is append-only'); END;",
	"CREATE TABLE input_file_v2 ("
	" file_id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('answers', 'evidence', 'audit',"
	"  'plans')),"
	" path TEXT NOT NULL,"
	" sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND"
	"  sha256 NOT GLOB '*[^0-9a-f]*'),"
	" size INTEGER NOT NULL CHECK (size >= 0),"
	" imported_at TEXT NOT NULL) STRICT;",
	"INSERT INTO input_file_v2 SELECT * FROM input_file;",
	"DROP TABLE input_file;",
	"ALTER TABLE input_file_v2 RENAME TO input_file;",
	"CREATE TABLE evidence_v2 ("
	" year INTEGER NOT NULL,"
	" evidence_id TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" file TEXT NOT NULL,"
	" path TEXT NOT NULL,"
	" collected_on TEXT,"
	" expires_on TEXT,"
	" clauses TEXT NOT NULL DEFAULT '',"
	" sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND"
	"  sha256 NOT GLOB '*[^0-9a-f]*')),"
	" size INTEGER,"
	" missing INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1)),"
	" file_id INTEGER REFERENCES input_file,"
	" PRIMARY KEY (year, evidence_id)) STRICT;",
	"INSERT INTO evidence_v2 SELECT * FROM evidence;",
	"DROP TABLE evidence;",
	"ALTER TABLE evidence_v2 RENAME TO evidence;",
	/* a respondent no file of its year backs any more */
	"ALTER TABLE respondent ADD COLUMN retired_at TEXT;",
	/* a closed year: its final outputs are recorded in closed_output */
	"ALTER TABLE fiscal_year ADD COLUMN closed_at TEXT;",
	"CREATE TABLE closed_output ("
	" year INTEGER NOT NULL REFERENCES fiscal_year,"
	" path TEXT NOT NULL,"
	" sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND"
	"  sha256 NOT GLOB '*[^0-9a-f]*'),"
	" size INTEGER NOT NULL CHECK (size >= 0),"
	" run_id INTEGER NOT NULL REFERENCES report_run,"
	" PRIMARY KEY (year, path)) STRICT;",
	/* what was done to a year's record by hand: close, reopen, a
	 * respondent removed, renamed or retired, a move to a new version */
	"CREATE TABLE year_log ("
	" log_id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL,"
	" logged_at TEXT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('close', 'reopen',"
	"  'respondent-remove', 'respondent-rename', 'respondent-retire',"
	"  'policy-move')),"
	" reason TEXT NOT NULL DEFAULT '',"
	" detail TEXT NOT NULL DEFAULT '') STRICT;",
	"CREATE TRIGGER year_log_append_only BEFORE UPDATE ON year_log"
	" BEGIN SELECT RAISE(ABORT, 'year_log is append-only'); END;",
	"CREATE TRIGGER year_log_no_delete BEFORE DELETE ON year_log"
	" BEGIN SELECT RAISE(ABORT, 'year_log is append-only'); END;",
	NULL,
};

/* Issue 18: indexes for what is looked up.  The latest verification of
 * an evidence ID (ORDER BY rowid DESC LIMIT 1 for each evidence row, in
 * every report, score and status) scanned the whole evidence_check
 * table; the index keeps the rows of one ID in rowid order. */
static const char *const schema_v4[] = {
	"CREATE INDEX evidence_check_by_evidence ON evidence_check"
	" (year, evidence_id);",
	NULL,
};

const char *const *const store_migrations[] = {
	schema_v1, /* 0 -> 1: the whole product's schema */
	schema_v2, /* 1 -> 2: audit_field (the audit's frame, decisions) */
	schema_v3, /* 2 -> 3: constraints, closed years, the year log */
	schema_v4, /* 3 -> 4: evidence_check indexed by evidence ID */
};

const int store_nmigrations =
	(int)(sizeof(store_migrations) / sizeof(store_migrations[0]));
