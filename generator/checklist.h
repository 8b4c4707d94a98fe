/* checklist.h: checklist items derived from a policy's clause tree, and
 * the checklist INI file that reviewers keep in git.
 *
 * Ownership: a struct checklist owns every string and array in it;
 * checklist_release() frees them all.
 */
#ifndef KANSA_CHECKLIST_H
#define KANSA_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "policy.h"

enum item_level {
	LEVEL_REQUIRED, /* 必須: なければならない, ものとする ... */
	LEVEL_RECOMMENDED /* 推奨: 望ましい, 【推奨事項】 */
};

struct item {
	char *id;		 /* citation ID: "6-4(2)キ" */
	char *chapter;		 /* chapter number: "6" */
	char *section;		 /* "6-4"; "2(7)" where a chapter has none */
	char *heading;		 /* titles above it, joined with " / " */
	char *text;		 /* the clause text */
	char *roles;		 /* responsible roles, comma-separated */
	enum item_level level;	 /* 必須 or 推奨 */
	long source_line;	 /* line of the clause in the policy text */
	char *weight;		 /* reviewer: weight, or NULL */
	char *evidence_examples; /* reviewer: evidence to ask for, or NULL */
	char *method; /* reviewer: 閲覧 / ヒアリング / 視察 / 設定確認 */
	char *note;	      /* reviewer: free note, or NULL */
	char *correct_roles;  /* reviewer: the roles instead, or NULL */
	char *correct_level;  /* reviewer: 必須/推奨 instead, or NULL */
	char *correct_text;   /* reviewer: the text instead, or NULL */
	char *not_obligation; /* reviewer: why it is no item, or NULL */
	char *added; /* reviewer: why an item the text did not give is added */
};

/* A chapter or section title, for reports and headings. */
struct part {
	char *id;    /* "6", "6-4", "2(7)" */
	char *title; /* "人的セキュリティ" */
};

/* An old item ID that a reviewer maps to a new one ([mapping]). */
struct mapping {
	char *from; /* ID in the previous policy version */
	char *to;   /* ID in this one */
};

struct checklist {
	char *policy;	     /* policy name */
	char *version;	     /* policy version, e.g. the fiscal year */
	char *source;	     /* policy text file name */
	char *source_sha256; /* its SHA-256 */
	char *style; /* numbering style forced by --style or a reviewer */
	struct renumber *renumber; /* [renumber] entries */
	size_t nrenumber;	   /* how many */
	struct mapping *mapping;   /* [mapping] entries */
	size_t nmapping;	   /* how many */
	struct part *parts;	   /* chapters and sections in order */
	size_t nparts;		   /* how many */
	struct item *items;	   /* items in document order */
	size_t nitems;		   /* how many */
	size_t citems;		   /* allocated */
	struct item **index;	   /* items sorted by ID, or NULL */
};

const char *item_level_name(enum item_level level);
/* Parses 必須/推奨; returns -1 for anything else. */
int item_level_parse(const char *s);

void checklist_init(struct checklist *cl);
/* Frees the strings of one item. */
void item_release(struct item *it);
void checklist_release(struct checklist *cl);

/*
 * Derives the items of a parsed policy into cl (which must be empty but
 * for policy, version and renumber), with the roles of roles_get().
 * file names the policy text in warnings.  Returns KANSA_ERR_NOMEM,
 * KANSA_ERR_INPUT (the workspace's [roles] is wrong) or KANSA_OK.
 */
enum kansa_err checklist_derive(const struct policy *p, const char *file,
				struct checklist *cl, struct diags *d);

/* Finds an item by ID (by bisection once checklist_index() ran), or NULL. */
const struct item *checklist_find(const struct checklist *cl, const char *id);
/* Sorts an index of the items for checklist_find(); call after changes. */
enum kansa_err checklist_index(struct checklist *cl);
/* True when role is one of the item's roles. */
bool item_has_role(const struct item *it, const char *role);
/*
 * Writes up to three IDs nearest to id (by edit distance over
 * characters) as "'6-4(2)キ', '6-4(2)ク'" into out; "" when none is near.
 */
void checklist_suggest(const struct checklist *cl, const char *id, char *out,
		       size_t size);

/* Copies the reviewer keys of old into cl's items with the same IDs and
 * warns about reviewed items that no longer exist. */
enum kansa_err checklist_keep_reviewed(struct checklist *cl,
				       const struct checklist *old,
				       const char *file, struct diags *d);

/*
 * Applies the reviewer's corrections for the database: correct_roles,
 * correct_level and correct_text replace what was derived, items marked
 * not_obligation are dropped.  Returns KANSA_ERR_NOMEM or KANSA_OK.
 */
enum kansa_err checklist_apply_corrections(struct checklist *cl);

/*
 * Reads a checklist INI file.  Returns KANSA_ERR_INPUT with every problem
 * in d (file:line), KANSA_ERR_IO or KANSA_ERR_NOMEM.
 */
enum kansa_err checklist_read(const char *path, struct checklist *cl,
			      struct diags *d);
/* The same for a loaded file of kind checklist. */
struct ini_file;
enum kansa_err checklist_from_ini(const struct ini_file *f,
				  struct checklist *cl, struct diags *d);

/* Formats cl as a checklist INI file (caller frees *out). */
enum kansa_err checklist_format(const struct checklist *cl, char **out,
				size_t *len);

#endif
