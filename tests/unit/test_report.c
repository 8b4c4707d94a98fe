/* test_report.c: the report model gathered from a store (report.c): each
 * item's answers, the respondents' sheets, evidence states and inputs,
 * as the renderers read them. */
#include <unistd.h>

#include "db_fixture.h"
#include "helpers.h"
#include "report.h"
#include "store.h"

/* One answer of a hand-made sheet (strings copied). */
static void answer(struct answer_sheet *sh, const char *item,
		   enum answer_status status, const char *evidence,
		   const char *comment, long line)
{
	struct answer *a;
	sh->answers =
		realloc(sh->answers, (sh->nanswers + 1) * sizeof(*sh->answers));
	assert_non_null(sh->answers);
	a = &sh->answers[sh->nanswers++];
	memset(a, 0, sizeof(*a));
	a->item_id = strdup(item);
	a->status = status;
	a->comment = strdup(comment);
	a->line = line;
	if (*evidence) {
		a->evidence = calloc(1, sizeof(char *));
		a->evidence[0] = strdup(evidence);
		a->nevidence = 1;
	}
}

static void sheet(struct answer_sheet *sh, const char *department,
		  const char *path, char fill)
{
	memset(sh, 0, sizeof(*sh));
	sh->path = strdup(path);
	memset(sh->sha256, fill, 64);
	sh->size = 100;
	sh->fiscal_year = 2025;
	sh->department = strdup(department);
	sh->role = strdup("議会CSIRT");
	sh->respondent = strdup("回答者");
	sh->answered_on = strdup("2025-12-01");
	sh->system = strdup("");
}

static void record(struct evidence_record *e, const char *id,
		   const char *expires_on)
{
	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	e->title = strdup("表題");
	e->file = strdup("ev.txt");
	e->path = strdup("ev.txt");
	e->collected_on = strdup("2025-04-01");
	e->expires_on = strdup(expires_on);
	e->clauses = strdup("");
	memset(e->sha256, 'e', 64);
	e->size = 1;
}

/* A policy, two respondents (three answers) and a register of two
 * records (one expired at the report's as-of date) in a fresh store. */
static void make_year(struct store *st, struct diags *d,
		      const struct checklist *role)
{
	struct answer_sheet sh[2];
	struct evidence_register reg = {0};
	enum store_import_result sr[2], rr[1];
	struct store_import im = {0};
	struct checklist cl;

	sheet(&sh[0], "議会事務局総務課", "a.ini", 'a');
	answer(&sh[0], role->items[0].id, STATUS_DONE, "EV-1", "一つ目", 10);
	answer(&sh[0], role->items[1].id, STATUS_NOT_DONE, "", "", 14);
	sheet(&sh[1], "議会事務局議事課", "b.ini", 'b');
	answer(&sh[1], role->items[0].id, STATUS_PARTIAL, "EV-2", "二つ目", 12);
	reg.path = strdup("evidence.ini");
	memset(reg.sha256, 'c', 64);
	reg.fiscal_year = 2025;
	reg.records = calloc(2, sizeof(*reg.records));
	reg.n = 2;
	record(&reg.records[0], "EV-1", "");
	record(&reg.records[1], "EV-2", "2025-12-31");

	checklist_init(&cl);
	im.year = 2025;
	assert_int_equal(
		store_year_checklist(st, 2025, NULL, &cl, &im.policy_id, d),
		KANSA_OK);
	im.sheets = sh;
	im.nsheets = 2;
	im.registers = &reg;
	im.nregisters = 1;
	im.sheet_result = sr;
	im.register_result = rr;
	assert_int_equal(store_import(st, &im, d), KANSA_OK);
	checklist_release(&cl);
	answers_release(&sh[0]);
	answers_release(&sh[1]);
	evidence_release(&reg);
}

static void test_model_of_a_year(void **state)
{
	struct diags d;
	struct store *st;
	struct policy *pol;
	struct checklist cl, role;
	struct report r;
	enum store_saved saved;
	struct report_options o = {.year = 2025,
				   .against = -1,
				   .as_of = "2026-01-31",
				   .date = "2026-02-10"};
	const struct report_item *first = NULL, *second = NULL;
	size_t answered = 0;
	(void)state;

	diags_init(&d);
	derive_file(SEED, NULL, 0, &d, &pol, &cl);
	cl.policy = strdup("架空町議会情報セキュリティ対策基準");
	cl.version = strdup("2025");
	cl.source = strdup("x.txt");
	cl.source_sha256 = strdup("00");
	assert_int_equal(store_open(db_path, true, &d, &st), KANSA_OK);
	assert_int_equal(store_save_policy(st, &cl, "aa", &saved, &d),
			 KANSA_OK);
	checklist_init(&role);
	assert_int_equal(store_load_checklist(st, NULL, "議会CSIRT", &role, &d),
			 KANSA_OK);
	make_year(st, &d, &role);

	assert_int_equal(report_gather(st, &o, &r, &d), KANSA_OK);
	/* respondents by department, each answer pointing at its sheet */
	assert_int_equal(r.data.nrespondents, 2);
	assert_string_equal(r.data.respondents[0].who->department,
			    "議会事務局総務課");
	assert_string_equal(r.data.respondents[1].file, "b.ini");
	assert_int_equal(r.data.nanswers, 3);
	assert_string_equal(r.data.answers[0].comment, "一つ目");
	assert_string_equal(r.data.answers[0].evidence_ids, "EV-1");
	assert_int_equal(r.data.answers[1].line, 14);
	assert_ptr_equal(r.data.answers[2].by, &r.data.respondents[1]);
	/* each scored item with its answers, in sheet order */
	assert_int_equal(r.data.nitems, r.score.nitems);
	for (size_t i = 0; i < r.data.nitems; i++) {
		const struct report_item *it = &r.data.items[i];
		assert_ptr_equal(it->score, &r.score.items[i]);
		answered += it->nanswers;
		if (!strcmp(it->score->item->id, role.items[0].id))
			first = it;
		if (!strcmp(it->score->item->id, role.items[1].id))
			second = it;
	}
	assert_int_equal(answered, 3);
	assert_non_null(first);
	assert_non_null(second);
	assert_int_equal(first->nanswers, 2);
	assert_string_equal(first->answers[0]->comment, "一つ目");
	assert_string_equal(first->answers[1]->comment, "二つ目");
	assert_int_equal(first->answers[1]->a->status, STATUS_PARTIAL);
	assert_int_equal(second->nanswers, 1);
	assert_int_equal(second->answers[0]->a->status, STATUS_NOT_DONE);
	/* evidence states once: never verified, and expired at the as-of */
	assert_int_equal(r.evidence.n, 2);
	assert_int_equal(r.evidence_checks[0], CHECK_UNCHECKED);
	assert_int_equal(r.evidence_checks[1], CHECK_EXPIRED);
	assert_int_equal(r.by_check[CHECK_UNCHECKED], 1);
	assert_int_equal(r.by_check[CHECK_EXPIRED], 1);
	assert_string_equal(report_evidence_check(&r, &r.evidence.records[1]),
			    "期限切れ");
	/* the inputs: two sheets and the register */
	assert_int_equal(r.ninputs, 3);
	assert_int_equal(r.nyear_plans, 0);
	assert_int_equal(r.plan_counts.open, 0);
	report_release(&r);

	checklist_release(&role);
	checklist_release(&cl);
	policy_free(pol);
	store_close(st);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_model_of_a_year, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
