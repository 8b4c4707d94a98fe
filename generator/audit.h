/* audit.h: the audit chief's file (kind = audit): the audit's frame (its
 * kind, criteria, scope, period, 基準日, auditors, opinion) and a decision
 * per item: a judgement, or 棄却 of a rule-made candidate.
 *
 * Keys (TEAM.md contract; workbook columns map onto the same names):
 *   [kansa]   auditor, auditors, auditor_1 ... ("氏名 / 役職 / 所属"),
 *             audited_on, period, scope, method, notes, opinion,
 *             audit_kind, criteria, departments, systems, exclusions,
 *             as_of (基準日)
 *   [ITEM-ID] judgement (適合, 重大な不適合, 軽微な不適合, 推奨事項,
 *             観察事項 or 棄却), reason, finding, cause, impact,
 *             recommendation, departments, system, urgency, reply,
 *             examined, audited_by, examined_on
 *
 * Ownership: struct audit_file owns its strings; audit_release() frees.
 */
#ifndef KANSA_AUDIT_H
#define KANSA_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "ini.h"
#include "grades.h"

struct audit_judgement {
	char *item_id;		  /* the item, as kansa writes IDs */
	enum finding_grade grade; /* 重大な不適合 ... 適合 (棄却: 適合) */
	bool dismissed;		  /* 棄却: the candidate is no finding */
	char *reason;		  /* why dismissed or regraded, or "" */
	char *finding;		  /* 事象, or "" */
	char *cause;		  /* 原因, or "" */
	char *impact;		  /* 影響・リスク, or "" */
	char *recommendation; /* 改善提言, or "" */
	char *departments;    /* responsible departments ("、"), or "" */
	char *system;	      /* the information system, or "" */
	char *urgency;	      /* 緊急 or 通常 */
	char *reply;	      /* 被監査部門の回答: 了承, a plan ID or
				 text, or "" */
	char *examined;	      /* 確認した証跡: evidence IDs, or "" */
	char *audited_by;     /* 監査担当, or "" */
	char *examined_on;    /* 実施日 YYYY-MM-DD, or "" */
	long line;	      /* of the [section] */
};

/* One auditor of the team (auditor_N = 氏名 / 役職 / 所属). */
struct audit_member {
	char *name; /* 佐々木 聡 */
	char *post; /* 情報セキュリティ監査統括責任者, or "" */
	char *department; /* 市長公室デジタルイノベーション課, or "" */
};

struct audit_file {
	char *path;	   /* as given */
	char sha256[65];   /* of its bytes */
	long long size;	   /* bytes */
	int fiscal_year;   /* [kansa] fiscal_year */
	char *auditor;	   /* the audit chief */
	char *auditors;	   /* who audited, comma-separated, or "" */
	char *audited_on;  /* YYYY-MM-DD, or "" */
	char *period;	   /* e.g. 2025-10-01〜2025-12-19, or "" */
	char *scope;	   /* 監査の範囲, or "" */
	char *method;	   /* 監査の方法, or "" */
	char *notes;	   /* 特記事項, or "" */
	char *opinion;	   /* 総合意見, or "" */
	char *audit_kind;  /* 監査の種類 (内部監査 ...), or "" */
	char *criteria;	   /* 監査の基準, or "" */
	char *departments; /* 対象部署 ("、"), or "" */
	char *systems;	   /* 対象システム ("、"), or "" */
	char *exclusions;  /* 対象外とした範囲, or "" */
	char *as_of;	   /* 基準日 YYYY-MM-DD, or "" */
	struct audit_member *members;  /* auditor_1 ... in order */
	size_t nmembers;	       /* how many */
	struct audit_judgement *items; /* in file order */
	size_t n;		       /* how many */
	bool workpaper; /* read from a workpaper (.xlsx), which carries only
			   its cover rows and the decisions */
	char *kept;	/* "FILE (SHA-256 …): key, …": what a workpaper kept
			   from the audit in force, or NULL */
};

/* A string field of the header or of a judgement, by its INI key: the
 * reader, the store and the workbook share this list. */
struct audit_field {
	const char *key;
	size_t offset; /* of the char * in its struct */
};
extern const struct audit_field audit_header_fields[];
extern const size_t audit_nheader_fields;
extern const struct audit_field audit_item_fields[];
extern const size_t audit_nitem_fields;

/* The field of base (a struct audit_file or audit_judgement). */
char **audit_field_ptr(void *base, const struct audit_field *f);
const char *audit_field_get(const void *base, const struct audit_field *f);

/* Adds an auditor from "氏名 / 役職 / 所属" (missing parts ""); false when
 * out of memory. */
bool audit_add_member(struct audit_file *a, const char *spec);

/* The judgement's name: 棄却 when dismissed, else the grade's. */
const char *audit_judgement_name(const struct audit_judgement *j);

/* Sets j's grade from a name (棄却 too); false when unknown. */
bool audit_judgement_parse(struct audit_judgement *j, const char *name);

/* The member whose department is listed in where ("、"-joined, a system
 * in parentheses allowed), or NULL. */
const struct audit_member *audit_member_in(const struct audit_file *a,
					   const char *where);

void audit_release(struct audit_file *a);

/*
 * A workpaper's audit a updates the audit in force cur: every header
 * field whose key is not in carried (NULL-terminated: the keys of the
 * workpaper's cover) and, when a has none, the auditors (auditor_N) are
 * taken from cur, and a->kept names them with cur's file.  false when
 * out of memory.
 */
bool audit_keep(struct audit_file *a, const struct audit_file *cur,
		const char *const *carried);

/*
 * Reads a loaded audit file for year against the checklist: known item
 * IDs (the nearest suggested), grades, urgency, dates.  Problems go to
 * d; returns KANSA_ERR_INPUT when there was an error.
 */
enum kansa_err audit_read(const struct ini_file *f, const struct checklist *cl,
			  int year, struct diags *d, struct audit_file *out);

#endif
