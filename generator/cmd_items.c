/* cmd_items.c: `kansa items`: list a policy's checklist items. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "cli.h"
#include "roles.h"
#include "text.h"

/* Prints s cut to at most width terminal columns. */
static void print_cut(const char *s, size_t width)
{
	size_t used = 0;
	while (*s) {
		uint32_t cp;
		int len = text_u8_next(s, strlen(s), &cp);
		char ch[5] = {0};
		size_t w;
		if (len < 0)
			break;
		memcpy(ch, s, (size_t)len);
		w = text_width(ch);
		if (used + w > width - 1 && s[len]) {
			fputs("…", stdout);
			return;
		}
		fputs(ch, stdout);
		used += w;
		s += len;
	}
}

static void print_text(const struct checklist *cl)
{
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		int pad = 16 - (int)text_width(it->id);
		printf("%s%*s %s  ", it->id, pad > 0 ? pad : 0, "",
		       item_level_name(it->level));
		print_cut(it->roles, 56);
		fputs("\n    ", stdout);
		print_cut(it->text, 76);
		fputc('\n', stdout);
	}
	printf(_("%zu items (%s, version %s)\n"), cl->nitems, cl->policy,
	       cl->version);
}

static void print_tsv(const struct checklist *cl)
{
	puts("id\tlevel\troles\tchapter\tsection\tsource_line\ttext");
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		char *f[5] = {text_escape_tsv(it->id),
			      text_escape_tsv(it->roles),
			      text_escape_tsv(it->chapter),
			      text_escape_tsv(it->section),
			      text_escape_tsv(it->text)};
		printf("%s\t%s\t%s\t%s\t%s\t%ld\t%s\n", f[0] ? f[0] : "",
		       item_level_name(it->level), f[1] ? f[1] : "",
		       f[2] ? f[2] : "", f[3] ? f[3] : "", it->source_line,
		       f[4] ? f[4] : "");
		for (int k = 0; k < 5; k++)
			free(f[k]);
	}
}

static void json_field(const char *key, const char *value, bool last)
{
	char *v = text_escape_json(value ? value : "");
	printf("\"%s\": \"%s\"%s", key, v ? v : "", last ? "" : ", ");
	free(v);
}

static void print_json(const struct checklist *cl)
{
	printf("{");
	json_field("policy", cl->policy, false);
	json_field("version", cl->version, false);
	printf("\"items\": [\n");
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		printf("  {");
		json_field("id", it->id, false);
		json_field("level", item_level_name(it->level), false);
		json_field("roles", it->roles, false);
		json_field("chapter", it->chapter, false);
		json_field("section", it->section, false);
		json_field("heading", it->heading, false);
		printf("\"source_line\": %ld, ", it->source_line);
		json_field("text", it->text, true);
		printf("}%s\n", i + 1 < cl->nitems ? "," : "");
	}
	printf("]}\n");
}

/* The role name as kansa writes it, or NULL when it is none. */
static const char *known_role(const char *arg)
{
	const struct role_table *t = roles_get(NULL);
	int r = t ? roles_find(t, arg) : -1;
	return r >= 0 ? t->v[r].name : NULL;
}

const struct cli_option cmd_items_options[] = {
	{"policy", 'p', false, "NAME[@VERSION]",
	 N_("which policy (default: derived last)")},
	{"role", 'r', false, "ROLE", N_("only the items of this role")},
	CLI_OPT_FORMAT(N_("output format (default: text)")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

int cmd_items(int argc, char **argv, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("items");
	const char *spec = NULL, *role = NULL;
	int c, format = FORMAT_TEXT;
	struct checklist cl;
	struct store *st = NULL;
	enum kansa_err err;

	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'p':
			spec = optarg;
			break;
		case 'r':
			if (!(role = known_role(optarg))) {
				struct sbuf names = {0};
				const struct role_table *t = roles_get(NULL);
				int rc;
				if (t)
					roles_list(t, &names);
				rc = cli_usage_error(cmd,
						     "unknown role '%s' "
						     "(expected %s)",
						     optarg,
						     names.s ? names.s : "");
				sbuf_release(&names);
				return rc;
			}
			break;
		case 'f':
			if ((format = cli_parse_format(optarg)) < 0)
				return cli_usage_error(
					cmd,
					"unknown format '%s' (expected "
					"text, tsv or json)",
					optarg);
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind]);
	checklist_init(&cl);
	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_load_checklist(st, spec, role, &cl, &cli->diags))) {
		if (format == FORMAT_TSV)
			print_tsv(&cl);
		else if (format == FORMAT_JSON)
			print_json(&cl);
		else
			print_text(&cl);
	}
	store_close(st);
	checklist_release(&cl);
	return cli_finish(cli, err);
}
