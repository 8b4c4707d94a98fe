/* audit.h: the audit chief's file (kind = audit): the audit's facts and
 * a judgement per item.
 *
 * Ownership: struct audit_file owns its strings; audit_release() frees.
 */
#ifndef KANSA_AUDIT_H
#define KANSA_AUDIT_H

#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "ini.h"
#include "grades.h"

struct audit_judgement {
	char *item_id;		  /* the item, as kansa writes IDs */
	enum finding_grade grade; /* 重大な不適合 ... 適合 */
	char *finding;		  /* 事象, or "" */
	char *cause;		  /* 原因, or "" */
	char *recommendation;	  /* 改善提案, or "" */
	char *urgency;		  /* 緊急 or 通常 */
	long line;		  /* of the [section] */
};

struct audit_file {
	char *path;		       /* as given */
	char sha256[65];	       /* of its bytes */
	long long size;		       /* bytes */
	int fiscal_year;	       /* [kansa] fiscal_year */
	char *auditor;		       /* the audit chief */
	char *auditors;		       /* who audited, comma-separated, or "" */
	char *audited_on;	       /* YYYY-MM-DD, or "" */
	char *period;		       /* e.g. 2025-10-01〜2025-12-19, or "" */
	char *scope;		       /* 監査の範囲, or "" */
	char *method;		       /* 監査の方法, or "" */
	char *notes;		       /* 特記事項, or "" */
	struct audit_judgement *items; /* in file order */
	size_t n;		       /* how many */
};

void audit_release(struct audit_file *a);

/*
 * Reads a loaded audit file for year against the checklist: known item
 * IDs (the nearest suggested), grades, urgency, dates.  Problems go to
 * d; returns KANSA_ERR_INPUT when there was an error.
 */
enum kansa_err audit_read(const struct ini_file *f, const struct checklist *cl,
			  int year, struct diags *d, struct audit_file *out);

#endif
