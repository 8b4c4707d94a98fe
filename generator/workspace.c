/* workspace.c: kansa.ini, and making a new workspace (workspace.h). */
#include "workspace.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "templates.h"
#include "text.h"

static const char *const kind_names[WS_KINDS] = {"answers", "evidence", "audit",
						 "plans"};

/* Where a new workspace keeps each kind (and the demo's kansa.ini says
 * the same under examples/). */
static const char *const kind_defaults[WS_KINDS] = {
	"{year}/answers/*.ini", "{year}/evidence/*.ini", "{year}/audit.ini",
	"{year}/plans-*.ini"};

const char *workspace_kind_name(enum ws_kind k)
{
	return kind_names[k];
}

void workspace_release(struct workspace *ws)
{
	free(ws->organisation);
	free(ws->policy);
	free(ws->checklist);
	free(ws->database);
	free(ws->templates);
	free(ws->output);
	for (int k = 0; k < WS_KINDS; k++)
		free(ws->files[k]);
	memset(ws, 0, sizeof(*ws));
}

/* The value of section:key, else def (NULL: required); "" is refused. */
static char *value(const struct ini_file *f, const char *section,
		   const char *key, const char *def, struct diags *d, bool *oom)
{
	const struct ini_section *s = ini_section(f, section);
	const char *v = s ? ini_get(f, s, key) : NULL;
	char *out;

	if (v && !*v && strcmp(key, "organisation") != 0) {
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "[%s] %s is empty (expected a path)", section, key);
		v = NULL;
	} else if (!v && !def) {
		diags_add(d, DIAG_ERROR, f->path, s ? s->line : 1,
			  "[%s] %s is missing (expected the path of %s)",
			  section, key,
			  strcmp(key, "policy") == 0 ? "the policy text"
						     : "a file");
	}
	out = strdup(v ? v : def ? def : "");
	if (!out)
		*oom = true;
	return out;
}

enum kansa_err workspace_from_ini(const struct ini_file *f,
				  struct workspace *ws, struct diags *d)
{
	static const char *const ws_keys[] = {"organisation", "policy",
					      "checklist",    "database",
					      "templates",    "output"};
	size_t errors = d->errors;
	bool oom = false;
	const struct ini_section *s;
	char *def = NULL;

	memset(ws, 0, sizeof(*ws));
	if (!ini_section(f, "workspace"))
		diags_add(d, DIAG_ERROR, f->path, 1,
			  "no [workspace] section (expected policy = and the "
			  "other paths; kansa init writes one)");
	if ((s = ini_section(f, "workspace")))
		ini_warn_unknown_keys(f, s, ws_keys, 6, d);
	if ((s = ini_section(f, "files")))
		ini_warn_unknown_keys(f, s, kind_names, WS_KINDS, d);
	ws->organisation = value(f, "workspace", "organisation", "", d, &oom);
	ws->policy = value(f, "workspace", "policy", NULL, d, &oom);
	/* the checklist defaults to the policy file's name with .ini */
	if (ws->policy && *ws->policy) {
		const char *dot = strrchr(ws->policy, '.');
		size_t stem = dot && !strchr(dot, '/')
				      ? (size_t)(dot - ws->policy)
				      : strlen(ws->policy);
		struct sbuf b = {0};
		sbuf_printf(&b, "%.*s.ini", (int)stem, ws->policy);
		oom |= b.oom;
		def = b.s;
	}
	ws->checklist = value(f, "workspace", "checklist",
			      def ? def : "checklist.ini", d, &oom);
	free(def);
	ws->database = value(f, "workspace", "database", "kansa.db", d, &oom);
	ws->templates =
		value(f, "workspace", "templates", "templates", d, &oom);
	ws->output = value(f, "workspace", "output", "output/{year}", d, &oom);
	for (int k = 0; k < WS_KINDS; k++)
		ws->files[k] = value(f, "files", kind_names[k],
				     kind_defaults[k], d, &oom);
	if (oom)
		return KANSA_ERR_NOMEM;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

enum kansa_err workspace_read(const char *path, struct workspace *ws,
			      struct diags *d)
{
	static const char *const kinds[] = {"workspace", NULL};
	struct ini_file *f = NULL;
	enum kansa_err err = ini_load(path, kinds, d, &f);

	memset(ws, 0, sizeof(*ws));
	if (err)
		return err;
	err = workspace_from_ini(f, ws, d);
	ini_free(f);
	return err;
}

char *workspace_expand(const char *pattern, int year)
{
	struct sbuf b = {0};
	for (const char *p = pattern; *p; p++) {
		if (strncmp(p, "{year}", 6) == 0) {
			sbuf_printf(&b, "%d", year);
			p += 5;
		} else {
			sbuf_add(&b, p, 1);
		}
	}
	if (b.oom || !b.s) {
		sbuf_release(&b);
		return b.oom ? NULL : strdup("");
	}
	return b.s;
}

enum kansa_err workspace_files(const struct workspace *ws, enum ws_kind k,
			       int year, char ***files, size_t *n,
			       struct diags *d)
{
	char *pattern = workspace_expand(ws->files[k], year);
	glob_t g;
	int rc;

	*files = NULL;
	*n = 0;
	if (!pattern)
		return KANSA_ERR_NOMEM;
	rc = glob(pattern, GLOB_BRACE, NULL, &g);
	if (rc == GLOB_NOMATCH) {
		free(pattern);
		return KANSA_OK;
	}
	if (rc != 0) {
		diags_add(d, DIAG_ERROR, pattern, 0,
			  "cannot list the %s files: %s", kind_names[k],
			  rc == GLOB_NOSPACE ? "out of memory"
					     : "a folder cannot be read");
		free(pattern);
		return KANSA_ERR_IO;
	}
	free(pattern);
	*files = calloc(g.gl_pathc + 1, sizeof(**files));
	for (size_t i = 0; *files && i < g.gl_pathc; i++) {
		if (!((*files)[i] = strdup(g.gl_pathv[i]))) {
			while (i--)
				free((*files)[i]);
			free(*files);
			*files = NULL;
		}
	}
	if (!*files) {
		globfree(&g);
		return KANSA_ERR_NOMEM;
	}
	*n = g.gl_pathc;
	globfree(&g);
	return KANSA_OK;
}

/* kansa.ini of a new workspace: CRLF, since it is edited in Notepad. */
static const char init_ini[] =
	"; kansa.ini: kansa run のワークスペース設定 (kansa init が作成)\r\n"
	"; 相対パスはこのファイルのフォルダから。{year} は年度 (西暦、"
	"例 2025 = 令和7年度)。\r\n"
	"[kansa]\r\n"
	"kind = workspace\r\n"
	"\r\n"
	"[workspace]\r\n"
	"; 団体名 (報告書の表紙。templates/report.ini の organisation "
	"より優先)\r\n"
	"%s"
	"; 情報セキュリティ対策基準の本文 (UTF-8 または Shift_JIS)\r\n"
	"policy = checklists/policy.txt\r\n"
	"; 本文から導出したチェックリスト (レビューして保存)\r\n"
	"checklist = checklists/policy.ini\r\n"
	"database = kansa.db\r\n"
	"; 報告書の設定 (report.ini) と回答票のひな形\r\n"
	"templates = templates\r\n"
	"output = output/{year}\r\n"
	"\r\n"
	"[files]\r\n"
	"; 各年度の入力ファイル (ワイルドカード可)\r\n"
	"answers = {year}/answers/*.ini\r\n"
	"evidence = {year}/evidence/*.ini\r\n"
	"audit = {year}/audit.ini\r\n"
	"plans = {year}/plans-*.ini\r\n";

static const char init_readme[] =
	"kansa ワークスペース (%s)\r\n"
	"==============================\r\n"
	"\r\n"
	"このフォルダで毎年の自己点検と情報セキュリティ監査を行います。\r\n"
	"\r\n"
	"kansa.ini             ワークスペースの設定 (どのファイルがどこに"
	"あるか)\r\n"
	"checklists/policy.txt 情報セキュリティ対策基準の本文をここに置く\r\n"
	"checklists/policy.ini 本文から導出したチェックリスト (kansa run "
	"が作成。\r\n"
	"                      重み・確認方法などを記入してレビューする)\r\n"
	"templates/            報告書の設定 (report.ini: 団体名、機密性の"
	"表示、\r\n"
	"                      宛先など)、回答票のひな形、採点の設定\r\n"
	"%d/answers/         回答票 (kansa template --year %d で役割ごとに"
	"作成し、\r\n"
	"                      各課の回答者が記入したもの)\r\n"
	"%d/evidence/        証跡台帳 (evidence.ini) と証跡ファイル\r\n"
	"%d/audit.ini        監査統括責任者の監査結果 (監査後)\r\n"
	"%d/plans-*.ini      改善計画とその進捗 (四半期ごと)\r\n"
	"output/%d/          作成された監査調書 (xlsx)、CISO 向け報告 (PDF)、"
	"\r\n"
	"                      監査報告書 (PDF) と MANIFEST.sha256\r\n"
	"kansa.db              データベース (kansa backup で複製する)\r\n"
	"\r\n"
	"年に一度の実行:\r\n"
	"  kansa run --year %d --as-of 基準日 --date 報告日\r\n"
	"四半期ごとの改善計画の進捗報告:\r\n"
	"  kansa report plans --as-of 基準日\r\n"
	"\r\n"
	"詳しくは kansa help、man kansa。\r\n";

/* report.ini with the organisation's own values: its name, the
 * addressee (its chair, a name may be added), a document number and no
 * basis or order clause until the user names them. */
static void own_report_ini(struct sbuf *b, const char *data,
			   const char *organisation)
{
	for (const char *p = data; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p + 1) : strlen(p);
		if (strncmp(p, "organisation =", 14) == 0) {
			ini_format_value(b, "organisation", organisation);
		} else if (strncmp(p, "addressee =", 11) == 0) {
			struct sbuf a = {0};
			sbuf_printf(&a, "%s議長　様", organisation);
			ini_format_value(b, "addressee", a.s ? a.s : "");
			sbuf_release(&a);
		} else if (strncmp(p, "document_number =", 17) == 0) {
			sbuf_adds(b, "document_number = 第　　号\n");
		} else if (strncmp(p, "basis_clause =", 14) == 0) {
			sbuf_adds(b, "basis_clause =\n");
		} else if (strncmp(p, "order_clause =", 14) == 0) {
			sbuf_adds(b, "order_clause =\n");
		} else {
			sbuf_add(b, p, n);
		}
		p += n;
	}
}

/* Writes templates/ from the compiled-in copies, with the organisation
 * put into report.ini. */
static enum kansa_err write_templates(const char *organisation, struct diags *d)
{
	for (const struct template_file *t = templates_builtin; t->name; t++) {
		char path[512];
		struct sbuf b = {0};
		enum kansa_err err;
		if (strcmp(t->name, "report.ini") == 0 && *organisation)
			own_report_ini(&b, t->data, organisation);
		else
			sbuf_add(&b, t->data, t->len);
		if (b.oom)
			return KANSA_ERR_NOMEM;
		snprintf(path, sizeof(path), "templates/%s", t->name);
		err = fileio_write_atomic(path, b.s, b.len, d);
		sbuf_release(&b);
		if (err)
			return err;
	}
	return KANSA_OK;
}

enum kansa_err workspace_init(const char *dir, const char *organisation,
			      int year, struct diags *d)
{
	char sub[64];
	const char *dirs[] = {"checklists", "templates", "output", sub, NULL};
	struct sbuf b = {0};
	enum kansa_err err;

	if (!fileio_make_dirs(dir) || chdir(dir) != 0) {
		diags_add(d, DIAG_ERROR, dir, 0, "cannot make the folder: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if (access("kansa.ini", F_OK) == 0) {
		diags_add(d, DIAG_ERROR, dir, 0,
			  "already a workspace (it has kansa.ini): nothing "
			  "changed");
		return KANSA_ERR_INPUT;
	}
	snprintf(sub, sizeof(sub), "%d/answers", year);
	for (int i = 0; dirs[i]; i++)
		if (!fileio_make_dirs(dirs[i])) {
			diags_add(d, DIAG_ERROR, dirs[i], 0,
				  "cannot make the folder: %s",
				  strerror(errno));
			return KANSA_ERR_IO;
		}
	snprintf(sub, sizeof(sub), "%d/evidence", year);
	if (!fileio_make_dirs(sub)) {
		diags_add(d, DIAG_ERROR, sub, 0, "cannot make the folder: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if ((err = write_templates(organisation, d)))
		return err;
	sbuf_printf(&b, init_readme, *organisation ? organisation : "kansa",
		    year, year, year, year, year, year, year);
	if (b.oom)
		return KANSA_ERR_NOMEM;
	err = fileio_write_atomic("README.txt", b.s, b.len, d);
	sbuf_release(&b);
	if (err)
		return err;
	/* kansa.ini last: a workspace is whole once it has one */
	{
		struct sbuf org = {0}, crlf = {0};
		ini_format_value(&org, "organisation", organisation);
		for (size_t i = 0; org.s && i < org.len; i++)
			sbuf_adds(&crlf, org.s[i] == '\n'
						 ? "\r\n"
						 : (char[]){org.s[i], 0});
		sbuf_printf(&b, init_ini,
			    crlf.s ? crlf.s : "organisation = \r\n");
		sbuf_release(&org);
		sbuf_release(&crlf);
	}
	if (b.oom)
		return KANSA_ERR_NOMEM;
	err = fileio_write_atomic("kansa.ini", b.s, b.len, d);
	sbuf_release(&b);
	return err;
}
