/* workspace.h: kansa.ini, the workspace `kansa run` works from.
 *
 * A workspace is a folder with kansa.ini in it.  kansa.ini says where the
 * policy text, its checklist, the database, the report settings and the
 * output are, and where each fiscal year's answer sheets, evidence
 * registers, audit file and plans files are (glob patterns in which
 * {year} stands for the fiscal year).  Relative paths are from the
 * workspace folder.
 */
#ifndef KANSA_WORKSPACE_H
#define KANSA_WORKSPACE_H

#include <stddef.h>

#include "err.h"
#include "ini.h"
#include "workspace_dirs.h"

enum ws_kind { WS_ANSWERS, WS_EVIDENCE, WS_AUDIT, WS_PLANS, WS_KINDS };

struct workspace {
	char *organisation;    /* overrides report.ini's, or "" */
	char *policy;	       /* the policy text */
	char *checklist;       /* the derived, reviewed checklist INI */
	char *database;	       /* the SQLite file */
	char *templates;       /* report settings and answer-sheet template */
	char *output;	       /* the output folder, with {year} */
	char *files[WS_KINDS]; /* where each kind of input is, with {year} */
};

/* The name of an input kind as kansa.ini spells it ("answers"). */
const char *workspace_kind_name(enum ws_kind k);

/* Reads kansa.ini.  KANSA_ERR_INPUT with every problem in d (file:line). */
enum kansa_err workspace_read(const char *path, struct workspace *ws,
			      struct diags *d);
/* The same for a loaded file of kind workspace. */
enum kansa_err workspace_from_ini(const struct ini_file *f,
				  struct workspace *ws, struct diags *d);
void workspace_release(struct workspace *ws);

/*
 * The folder of the workspace the current folder is in: the current
 * folder or its nearest parent that has a kansa.ini (as git finds its
 * repository), absolute.  NULL when there is none (or out of memory).
 * Caller frees.
 */
char *workspace_find(void);

/*
 * The workspace this process works in, opened once by main.c: the folder
 * named (--workspace DIR or $KANSA_WORKSPACE; DIR/kansa.ini, or a
 * kansa.ini-like file itself), else the one workspace_find() finds, else
 * none (KANSA_OK, and workspace_current() is NULL: commands behave as
 * outside any workspace).  KANSA_ERR_INPUT when the folder named is not a
 * workspace or its kansa.ini is invalid (every problem in d).
 */
enum kansa_err workspace_open_current(const char *named, struct diags *d);
void workspace_close_current(void);
/* The current workspace's kansa.ini as read, or NULL outside one. */
const struct workspace *workspace_current(void);
/* path (relative to the workspace) made absolute (caller frees), or NULL
 * outside a workspace. */
char *workspace_current_path(const char *path);

/* dir/path, or path itself when it is absolute (caller frees), or NULL. */
char *workspace_path(const char *dir, const char *path);

/*
 * The folder of the files of kind k for year, when the pattern's folder
 * part has no wildcard (2025/answers for the default pattern of answers);
 * else NULL.  Caller frees.
 */
char *workspace_dir_of(const struct workspace *ws, enum ws_kind k, int year);

/* pattern with every {year} replaced by year (caller frees), or NULL. */
char *workspace_expand(const char *pattern, int year);

/*
 * The files of kind k for year: the pattern expanded and globbed (braces
 * allowed), in sorted order.  None is not an error.  Caller frees each
 * and the array.
 */
enum kansa_err workspace_files(const struct workspace *ws, enum ws_kind k,
			       int year, char ***files, size_t *n,
			       struct diags *d);

/*
 * Every input file of year in the current workspace (answers, evidence,
 * audit, plans, each kind sorted), absolute; none is not an error.  Free
 * with workspace_files_free().
 */
enum kansa_err workspace_current_files(int year, char ***files, size_t *n,
				       struct diags *d);
void workspace_files_free(char **files, size_t n);

/*
 * The answer workbooks (*.xlsx) in the folder of year's [files] answers
 * pattern that the pattern leaves out (a kansa.ini of an older kansa init
 * reads only *.ini), as "a.xlsx, b.xlsx"; NULL when there is none or out
 * of memory.  dir: the workspace's folder (NULL: the current folder).
 * Caller frees.
 */
char *workspace_books_left_out(const struct workspace *ws, const char *dir,
			       int year);

/*
 * Makes a new workspace in dir (made when missing): kansa.ini, the
 * folders it names, templates/ (the built-in report settings with the
 * organisation filled in) and README.txt in Japanese.  Refuses a folder
 * that already has kansa.ini.  Changes into dir.
 */
enum kansa_err workspace_init(const char *dir, const char *organisation,
			      int year, struct diags *d);

#endif
