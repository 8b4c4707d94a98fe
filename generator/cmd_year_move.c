/* cmd_year_move.c: `kansa year move --year FY --to VERSION` (a year's
 * record carried to a newer policy version along the diff's matching,
 * shown first, done with --yes, logged) and `kansa year log --year FY`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_year.h"
#include "diff.h"
#include "text.h"

/* The mapping as the user reads it: every item that does not stay as
 * it was, then the counts. */
static void print_plan(const struct diff_move *v, size_t n)
{
	size_t count[MOVE_ADDED + 1] = {0};

	for (size_t i = 0; i < n; i++) {
		const struct diff_move *m = &v[i];
		const struct item *it = m->to ? m->to : m->from;
		char *cut = text_cut(it->text, 40);

		count[m->kind]++;
		if (m->kind == MOVE_SAME) {
			free(cut);
			continue;
		}
		printf("  %-10s %s%s%s", diff_move_kind_name(m->kind),
		       m->from ? m->from->id : "",
		       m->from && m->to ? " → " : "", m->to ? m->to->id : "");
		if (m->reworded)
			printf("  (text changed, similarity %.2f)",
			       m->similarity);
		if (m->by_mapping)
			printf("  ([mapping])");
		printf("  %s\n", cut ? cut : "");
		free(cut);
	}
	printf("items: %zu same (ID and text), %zu renumbered, %zu changed, "
	       "%zu removed, %zu added\n",
	       count[MOVE_SAME], count[MOVE_RENUMBERED], count[MOVE_CHANGED],
	       count[MOVE_REMOVED], count[MOVE_ADDED]);
}

/* The pairs and removed IDs of the plan, for the store; false when out
 * of memory. */
static bool split_plan(const struct diff_move *v, size_t n,
		       struct store_move *mv, struct store_move_pair **pairs,
		       const char ***removed)
{
	*pairs = calloc(n + 1, sizeof(**pairs));
	*removed = calloc(n + 1, sizeof(**removed));
	if (!*pairs || !*removed)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].from && v[i].to)
			(*pairs)[mv->npairs++] = (struct store_move_pair){
				v[i].from->id, v[i].to->id};
		else if (v[i].from)
			(*removed)[mv->nremoved++] = v[i].from->id;
	}
	mv->pairs = *pairs;
	mv->removed = *removed;
	return true;
}

static void print_result(const struct year_cmd_opts *o,
			 const struct store_move *mv)
{
	printf("answers: %ld of the year, %ld to a renumbered ID, %ld of "
	       "removed items to the history; judgements: %ld\n",
	       mv->answers, mv->renumbered, mv->archived, mv->judgements);
	if (mv->dropped && *mv->dropped)
		printf("kept only in the year log (their items have no "
		       "counterpart):\n  %s\n",
		       mv->dropped);
	if (!o->yes)
		printf("dry run: nothing changed.  kansa year move --year %d "
		       "--to %s --yes moves FY %d (logged in the year log: "
		       "kansa year log --year %d)\n",
		       o->year, o->to, o->year, o->year);
	else
		printf("FY %d moved to %s (logged: kansa year log --year %d); "
		       "answer sheets written from now on cite its IDs "
		       "(kansa template --year %d)\n",
		       o->year, mv->to_name, o->year, o->year);
}

static char *name_of(const struct checklist *cl)
{
	char *s = malloc(strlen(cl->policy) + strlen(cl->version) + 2);
	if (s)
		sprintf(s, "%s@%s", cl->policy, cl->version);
	return s;
}

int cmd_year_move(const struct year_cmd_opts *o, struct cli *cli)
{
	struct checklist from, to;
	struct store_move mv = {0};
	struct diff_move *plan = NULL;
	struct store_move_pair *pairs = NULL;
	const char **removed = NULL;
	struct store *st = NULL;
	char *from_name = NULL, *to_name = NULL;
	size_t n = 0;
	enum kansa_err err;

	checklist_init(&from);
	checklist_init(&to);
	mv.year = o->year;
	mv.reason = o->reason;
	mv.apply = o->yes;
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_quick_check(st, &cli->diags)) ||
	    (err = store_move_load(st, o->year, o->to, &from, &mv.from_id, &to,
				   &mv.to_id, &cli->diags)))
		goto out;
	err = KANSA_ERR_NOMEM;
	if (diff_move_plan(&from, &to, &plan, &n) ||
	    !(from_name = name_of(&from)) || !(to_name = name_of(&to)) ||
	    !split_plan(plan, n, &mv, &pairs, &removed))
		goto out;
	mv.from_name = from_name;
	mv.to_name = to_name;
	printf("kansa year move --year %d: %s → %s (the diff's matching: "
	       "[mapping], identical text, the same ID, similar text)\n",
	       o->year, from_name, to_name);
	print_plan(plan, n);
	if (!(err = store_move_year(st, &mv, &cli->diags)))
		print_result(o, &mv);
out:
	free(mv.dropped);
	free(pairs);
	free(removed);
	free(plan);
	free(from_name);
	free(to_name);
	checklist_release(&from);
	checklist_release(&to);
	store_close(st);
	return cli_finish(cli, err);
}

int cmd_year_log(const struct year_cmd_opts *o, struct cli *cli)
{
	struct store_log_entry *v = NULL;
	struct store *st = NULL;
	size_t n = 0;
	enum kansa_err err;

	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_load_year_log(st, o->year, &v, &n, &cli->diags))) {
		printf("FY %d year log (%zu entr%s)\n", o->year, n,
		       n == 1 ? "y" : "ies");
		for (size_t i = 0; i < n; i++) {
			printf("%s  %s%s%s\n", v[i].logged_at, v[i].action,
			       *v[i].reason ? "  reason: " : "", v[i].reason);
			for (char *l = v[i].detail; l && *l;) {
				char *e = strchr(l, '\n');
				int len = e ? (int)(e - l) : (int)strlen(l);
				printf("    %.*s\n", len, l);
				l = e ? e + 1 : l + len;
			}
		}
	}
	store_year_log_release(v, n);
	store_close(st);
	return cli_finish(cli, err);
}
