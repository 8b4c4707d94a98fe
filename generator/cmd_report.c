/* cmd_report.c: `kansa report`: the workpaper and the PDF reports. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "render_pdf.h"
#include "render_xlsx.h"
#include "report.h"
#include "text.h"

struct report_cmd {
	struct report_options r; /* year, as-of, date, templates, output */
	char as_of[11];		 /* storage */
	char date[11];
	char outdir[4096];	   /* -o, default output/FY */
	bool only[3];		   /* --only: which reports */
	const char *password_file; /* --pdf-password-file */
};

/* Makes a folder and its parents; false with errno when it cannot. */
static bool make_dirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				return false;
			*p = '/';
		}
	return mkdir(buf, 0777) == 0 || errno == EEXIST;
}

static int parse(int argc, char **argv, struct report_cmd *o, struct cli *cli)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, 'y'},
		{"as-of", required_argument, NULL, 'a'},
		{"date", required_argument, NULL, 't'},
		{"output", required_argument, NULL, 'o'},
		{"only", required_argument, NULL, 'O'},
		{"templates", required_argument, NULL, 'T'},
		{"pdf-password-file", required_argument, NULL, 'P'},
		CLI_COMMON_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	static const char *const kinds[] = {"xlsx", "ciso", "audit"};
	const struct command *cmd = cli_find("report");
	bool any_only = false;
	int c;

	memset(o, 0, sizeof(*o));
	o->r.year = -1;
	cli_today(o->as_of);
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'y':
			if ((o->r.year = cli_parse_year(optarg)) < 0)
				return cli_usage_error(cmd,
						       "--year '%s' is not "
						       "a fiscal year",
						       optarg);
			break;
		case 'a':
			if (!text_parse_date(optarg, o->as_of))
				return cli_usage_error(cmd,
						       "--as-of '%s' is not "
						       "a date",
						       optarg);
			break;
		case 't':
			if (!text_parse_date(optarg, o->date))
				return cli_usage_error(cmd,
						       "--date '%s' is not "
						       "a date",
						       optarg);
			break;
		case 'o':
			snprintf(o->outdir, sizeof(o->outdir), "%s", optarg);
			break;
		case 'O': {
			size_t k;
			for (k = 0; k < 3 && strcmp(optarg, kinds[k]); k++)
				;
			if (k == 3)
				return cli_usage_error(cmd,
						       "--only '%s': "
						       "expected xlsx, "
						       "ciso or audit",
						       optarg);
			o->only[k] = any_only = true;
			break;
		}
		case 'T':
			o->r.templates = optarg;
			break;
		case 'P':
			o->password_file = optarg;
			break;
		case 'D':
			cli->db = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (o->r.year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY");
	if (!any_only)
		o->only[0] = o->only[1] = o->only[2] = true;
	if (!*o->date)
		memcpy(o->date, o->as_of, sizeof(o->date));
	if (!*o->outdir)
		snprintf(o->outdir, sizeof(o->outdir), "output/%d", o->r.year);
	o->r.as_of = o->as_of;
	o->r.date = o->date;
	o->r.output_dir = o->outdir;
	return 0;
}

int cmd_report(int argc, char **argv, struct cli *cli)
{
	struct report_cmd o;
	struct report r;
	struct store *st = NULL;
	struct pdf_passwords pw;
	enum kansa_err err;
	char path[8192];
	int rc;

	if ((rc = parse(argc, argv, &o, cli)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	if (o.password_file &&
	    (err = pdf_passwords_read(o.password_file, &pw, &cli->diags)))
		return cli_finish(cli, err);
	if (!make_dirs(o.outdir)) {
		diags_add(&cli->diags, DIAG_ERROR, o.outdir, 0,
			  "cannot make the output folder: %s", strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = report_gather(st, &o.r, &r, &cli->diags)))
		goto out;
	if (o.only[0]) {
		snprintf(path, sizeof(path), "%s/%s", o.outdir,
			 r.settings.file[REPORT_WORKPAPER]);
		if ((err = render_xlsx(&r, path, &cli->diags)))
			goto out;
		printf("%s\n", path);
	}
	for (int k = REPORT_CISO; k <= REPORT_AUDIT; k++) {
		if (!o.only[k])
			continue;
		snprintf(path, sizeof(path), "%s/%s", o.outdir,
			 r.settings.file[k]);
		if ((err = render_pdf(&r, (enum report_kind)k, path,
				      o.password_file ? &pw : NULL,
				      &cli->diags)))
			goto out;
		printf("%s\n", path);
	}
	cli_print_diags(cli);
out:
	if (o.password_file)
		explicit_bzero(&pw, sizeof(pw));
	report_release(&r);
	store_close(st);
	return cli_finish(cli, err);
}
