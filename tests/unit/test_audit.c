/* test_audit.c: the audit file's decisions (棄却), its auditors and
 * independence, and the follow-up of last year's findings. */
#include <string.h>

#include "audit.h"
#include "helpers.h"
#include "report.h"

static void test_judgement_names(void **state)
{
	struct audit_judgement j = {0};
	(void)state;
	assert_true(audit_judgement_parse(&j, "棄却"));
	assert_true(j.dismissed);
	assert_int_equal(j.grade, GRADE_CONFORM);
	assert_string_equal(audit_judgement_name(&j), "棄却");
	assert_true(audit_judgement_parse(&j, "軽微な不適合"));
	assert_false(j.dismissed);
	assert_int_equal(j.grade, GRADE_MINOR);
	assert_string_equal(audit_judgement_name(&j), "軽微な不適合");
	assert_false(audit_judgement_parse(&j, "却下"));
}

static void test_members_and_independence(void **state)
{
	struct audit_file a = {0};
	(void)state;
	assert_true(audit_add_member(
		&a, "佐々木 聡 / 情報セキュリティ監査統括責任者 / DX課"));
	assert_true(audit_add_member(&a, "木村 早苗 /  / 行政経営課 "));
	assert_true(audit_add_member(&a, "名前だけ"));
	assert_int_equal(a.nmembers, 3);
	assert_string_equal(a.members[0].post,
			    "情報セキュリティ監査統括責任者");
	assert_string_equal(a.members[1].post, "");
	assert_string_equal(a.members[1].department, "行政経営課");
	assert_string_equal(a.members[2].name, "名前だけ");
	assert_string_equal(a.members[2].department, "");
	/* whole entries only, a system in parentheses allowed */
	assert_ptr_equal(audit_member_in(&a, "総務課、DX課（基盤）"),
			 &a.members[0]);
	assert_ptr_equal(audit_member_in(&a, "行政経営課"), &a.members[1]);
	assert_null(audit_member_in(&a, "第二DX課"));
	assert_null(audit_member_in(&a, "DX課分室"));
	audit_release(&a);
}

/* A model with three of last year's findings and this year's state. */
struct fixture {
	struct item items[4];
	struct score_item now[4], before[4];
	struct finding prev[4], cur[4];
	struct diff_item diff[4];
	struct plan plans[3];
	char *plan_items[3][1];
};

static void follow_setup(struct fixture *x, struct report *r)
{
	static char a[] = "A", b[] = "B", c[] = "C", d[] = "D";
	static char kb[] = "KP-B", kc[] = "KP-C", empty[] = "";
	static char *ids[] = {a, b, c, d};
	memset(x, 0, sizeof(*x));
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < 4; i++) {
		x->items[i].id = ids[i];
		x->now[i].item = &x->items[i];
		x->before[i].item = &x->items[i];
		x->prev[i].item = &x->before[i];
		x->prev[i].grade = GRADE_MAJOR;
		x->diff[i].now = &x->now[i];
		x->diff[i].before = &x->before[i];
	}
	/* A: met now; B: again, plan 対応中; C: again, plan 完了; D: again,
	 * no plan */
	for (int i = 1; i < 4; i++) {
		x->cur[i - 1].item = &x->now[i];
		x->cur[i - 1].grade = GRADE_MINOR;
	}
	for (int i = 0; i < 2; i++) {
		x->plan_items[i][0] = ids[i + 1];
		x->plans[i].id = i ? kc : kb;
		x->plans[i].items = x->plan_items[i];
		x->plans[i].nitems = 1;
		x->plans[i].status = i ? PLAN_DONE : PLAN_DOING;
		x->plans[i].progress = i ? 100 : 40;
		x->plans[i].due = empty;
	}
	r->prev_findings.v = x->prev;
	r->prev_findings.n = 4;
	r->findings.v = x->cur;
	r->findings.n = 3;
	r->diff.items = x->diff;
	r->diff.nitems = 4;
	r->plans = x->plans;
	r->nplans = 2;
}

static void test_follow_up_states(void **state)
{
	struct fixture x;
	struct report r;
	(void)state;
	follow_setup(&x, &r);
	assert_int_equal(report_follow_up(&r), KANSA_OK);
	assert_int_equal(r.nfollowups, 4);
	assert_int_equal(r.followups[0].state, FOLLOWUP_DONE);
	assert_null(r.followups[0].finding);
	assert_int_equal(r.followups[1].state, FOLLOWUP_PROGRESS);
	assert_string_equal(r.followups[1].plan->id, "KP-B");
	assert_int_equal(r.followups[2].state, FOLLOWUP_RECURRED);
	assert_int_equal(r.followups[3].state, FOLLOWUP_NOT_BEGUN);
	assert_null(r.followups[3].plan);
	assert_int_equal(r.by_followup[FOLLOWUP_DONE], 1);
	assert_string_equal(followup_state_name(FOLLOWUP_RECURRED), "再発");
	free(r.followups);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_judgement_names),
		cmocka_unit_test(test_members_and_independence),
		cmocka_unit_test(test_follow_up_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
