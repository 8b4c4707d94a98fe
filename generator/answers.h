/* answers.h: answer sheets (kind = answers): reading and validating them,
 * and writing the blank sheets respondents fill in.
 *
 * Ownership: a struct answer_sheet owns its strings; answers_release()
 * frees them.
 */
#ifndef KANSA_ANSWERS_H
#define KANSA_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "ini.h"
#include "text.h"

enum answer_status {
	STATUS_DONE,	  /* 実施 */
	STATUS_PARTIAL,	  /* 一部実施 */
	STATUS_NOT_DONE,  /* 未実施 */
	STATUS_NA,	  /* 該当なし */
	STATUS_UNANSWERED /* 未回答: empty status */
};
#define STATUS_COUNT 5

struct answer {
	char *item_id;		   /* as written in the [section] */
	enum answer_status status; /* parsed */
	char **evidence;	   /* evidence IDs as written */
	size_t nevidence;	   /* how many */
	char *comment;		   /* comment (comment.2 ... joined) or "" */
	long line;		   /* line of the [section] */
	long evidence_line;	   /* of evidence =, else the [section]'s */
};

struct answer_sheet {
	char *path;		     /* the file as given */
	char sha256[65];	     /* of its bytes */
	long long size;		     /* bytes */
	enum text_encoding encoding; /* what it was saved as */
	int fiscal_year;	     /* [kansa] fiscal_year */
	char *department;	     /* [kansa] department */
	long department_line;	     /* its line, or 0 */
	char *role;		     /* [kansa] role, as kansa spells it */
	char *respondent;	     /* [kansa] respondent */
	char *answered_on;	     /* [kansa] answered_on, YYYY-MM-DD or "" */
	char *system;		     /* [kansa] system, or "" */
	struct answer *answers;	     /* in file order */
	size_t nanswers;	     /* how many */
};

/* 実施, 一部実施 ...; "" is 未回答. */
const char *answer_status_name(enum answer_status s);
/*
 * Parses a status as respondents write it: 実施, 一部実施, 未実施, 該当なし,
 * or yes, partial, no, na in any case, full-width forms included.  Empty
 * is STATUS_UNANSWERED.  Returns -1 for anything else.
 */
int answer_status_parse(const char *s);

/* The role name as kansa writes it (spaces dropped, NFKC), or NULL. */
const char *answers_role_name(const char *s);

void answers_release(struct answer_sheet *sh);

/*
 * Reads a loaded answers file against the checklist in force for year:
 * header, statuses, item IDs (an unknown one is an error that suggests
 * the nearest), roles, dates.  Evidence IDs are checked later, by
 * answers_check_evidence().  Problems go to d; returns KANSA_ERR_INPUT
 * when there was an error.
 */
enum kansa_err answers_read(const struct ini_file *f,
			    const struct checklist *cl, int year,
			    struct diags *d, struct answer_sheet *out);

/*
 * Writes the blank answer sheet of one role as an INI text with CRLF
 * line ends: a header comment, [kansa], then every item of the role in
 * document order with its clause text as comments.  header is the
 * explanation placed at the top.  Caller frees *out.
 */
enum kansa_err answers_format_template(const struct checklist *cl,
				       const char *role, int year,
				       const char *department,
				       const char *header, char **out,
				       size_t *len);

/*
 * The same sheet for the next year of one respondent: prev is their
 * sheet of an earlier year (department, role, respondent, system and
 * answers; its fiscal_year says which).  Every value is left empty, as on
 * a blank sheet; last year's status, evidence IDs and comment are shown
 * as comments above each item, so that nothing counts as this year's
 * answer until the respondent writes it.  Caller frees *out.
 */
enum kansa_err answers_format_carried(const struct checklist *cl, int year,
				      const struct answer_sheet *prev,
				      const char *header, char **out,
				      size_t *len);

#endif
