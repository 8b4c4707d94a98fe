/* test_plans.c: the rules for changing plans, overdue, and plan files. */
#include "helpers.h"
#include "ini.h"
#include "plans.h"

static struct plan base(void)
{
	static char id[] = "KP-1", dept[] = "総務課",
		    role[] = "情報システム管理者";
	static char action[] = "手順を定める", due[] = "2025-06-30",
		    empty[] = "";
	static char it[] = "7-1(6)ウ";
	static char *items[] = {it};
	struct plan p = {0};
	p.id = id;
	p.items = items;
	p.nitems = 1;
	p.finding_year = 2024;
	p.department = dept;
	p.role = role;
	p.action = action;
	p.due = due;
	p.status = PLAN_DOING;
	p.progress = 30;
	p.completed_on = empty;
	p.notes = empty;
	p.reason = empty;
	return p;
}

static void test_due_slip_needs_reason(void **state)
{
	struct plan old = base(), now = base();
	char later[] = "2025-09-30", why[] = "予算の補正を待つため";
	struct diags d;
	(void)state;
	diags_init(&d);
	assert_true(plans_check_change(&old, &now, false, "p.ini", &d));
	now.due = later;
	assert_false(plans_check_change(&old, &now, false, "p.ini", &d));
	assert_non_null(find_diag(&d, "moving the due date of plan 'KP-1' "
				      "from 2025-06-30 to 2025-09-30 needs a "
				      "reason"));
	diags_release(&d);
	diags_init(&d);
	now.reason = why;
	assert_false(plans_check_change(&old, &now, false, "p.ini", &d));
	assert_int_equal(d.errors, 0);
	/* an earlier due date needs none */
	now.due = old.due;
	old.due = later;
	assert_false(plans_check_change(&old, &now, false, "p.ini", &d));
	assert_int_equal(d.errors, 0);
	diags_release(&d);
}

static void test_confirm_only_by_audit_chief(void **state)
{
	struct plan old = base(), now = base();
	char day[] = "2025-06-20";
	struct diags d;
	(void)state;
	old.status = PLAN_DONE;
	old.progress = 100;
	old.completed_on = day;
	now = old;
	now.status = PLAN_CONFIRMED;
	diags_init(&d);
	plans_check_change(&old, &now, false, "p.ini", &d);
	assert_non_null(
		find_diag(&d, "only the 情報セキュリティ監査統括責任者"));
	diags_release(&d);
	diags_init(&d);
	plans_check_change(&old, &now, true, "p.ini", &d);
	assert_int_equal(d.errors, 0);
	diags_release(&d);
	/* 完了 needs its date and 100 % */
	diags_init(&d);
	now = base();
	now.status = PLAN_DONE;
	plans_check_change(NULL, &now, false, "p.ini", &d);
	assert_non_null(find_diag(&d, "is 完了 but has no completed_on"));
	assert_non_null(find_diag(&d, "progress is 30 % (expected 100)"));
	diags_release(&d);
}

static void test_overdue_against_as_of(void **state)
{
	struct plan p = base();
	(void)state;
	assert_false(plan_is_overdue(&p, "2025-06-30"));
	assert_true(plan_is_overdue(&p, "2025-07-01"));
	assert_int_equal(plan_days_overdue(&p, "2025-07-01"), 1);
	assert_int_equal(plan_days_overdue(&p, "2026-01-31"), 215);
	assert_int_equal(plan_days_overdue(&p, "2025-06-01"), -29);
	p.status = PLAN_DONE;
	assert_false(plan_is_overdue(&p, "2026-01-31"));
	p.status = PLAN_CONFIRMED;
	assert_false(plan_is_open(&p));
	assert_true(plan_has_item(&p, "7-1(6)ウ"));
	assert_int_equal(plan_status_parse("確認済"), PLAN_CONFIRMED);
	assert_int_equal(plan_status_parse("done"), -1);
}

static void test_plans_file(void **state)
{
	static const char s[] =
		"[kansa]\nkind = plans\nas_of = 2025/9/30\nrole = 情報セキュリ"
		"ティ管理者\n[KP-9]\nitems = 7-1(6)ウ, 9-9\nfinding_year = "
		"2024\n"
		"department = 総務課\nrole = 情報システム管理者\naction = "
		"点検\n"
		"due = 2025-6-30\nmilestone_1 = 2025-04-30 手順書\n"
		"milestone_1_done = 2025-04-28\nstatus = 対応中\nprogress = "
		"10%\n"
		"[KP-10]\nitems =\nstatus = 終わり\nprogress = 120\ndue = "
		"明日\n";
	static const char *const kinds[] = {"plans", NULL};
	struct ini_file *f = NULL;
	struct plan_file pf;
	struct diags d;
	struct sbuf b = {0};
	(void)state;
	diags_init(&d);
	assert_int_equal(ini_parse("p.ini", s, sizeof(s) - 1, kinds, &d, &f),
			 KANSA_OK);
	assert_int_equal(plans_read(f, NULL, &d, &pf), KANSA_ERR_INPUT);
	assert_string_equal(pf.as_of, "2025-09-30");
	assert_string_equal(pf.plans[0].due, "2025-06-30");
	assert_int_equal(pf.plans[0].nitems, 2);
	assert_int_equal(pf.plans[0].progress, 10);
	assert_int_equal(pf.plans[0].nmilestones, 1);
	assert_string_equal(pf.plans[0].milestones[0].title, "手順書");
	assert_string_equal(pf.plans[0].milestones[0].done_on, "2025-04-28");
	assert_string_equal(pf.plans[0].source, "p.ini:5");
	assert_non_null(find_diag(&d, "plan [KP-10] names no items"));
	assert_non_null(find_diag(&d, "unknown plan status '終わり'"));
	assert_non_null(find_diag(&d, "progress '120' of [KP-10]"));
	assert_non_null(find_diag(&d, "due '明日' of [KP-10] is not a date"));
	plans_format(&b, &pf.plans[0]);
	assert_non_null(strstr(b.s, "milestone_1 = 2025-04-30 手順書\n"
				    "milestone_1_done = 2025-04-28\n"));
	sbuf_release(&b);
	plan_file_release(&pf);
	ini_free(f);
	diags_release(&d);
}

/* plans_parse_snapshot(): a plan's log snapshot (plans_format()) reads
 * back as the same plan, dated as the log entry; a broken one is
 * refused. */
static void test_snapshot_round_trip(void **state)
{
	struct plan p = {0}, back;
	char i1[] = "7-4(1)オ", i2[] = "9-9", *items[] = {i1, i2};
	char id[] = "KP-2025-001", dep[] = "議会事務局",
	     role[] = "情報セキュリティ責任者", act[] = "ライセンスを更新する",
	     due[] = "2026-03-31", mdue[] = "2025-04-30", mt[] = "手順書",
	     mdone[] = "2025-04-28", done[] = "2026-01-20",
	     notes[] = "\"引用; と # を含む\"";
	struct milestone ms = {mdue, mt, mdone};
	struct sbuf a = {0}, b = {0};
	(void)state;
	p.id = id;
	p.items = items;
	p.nitems = 2;
	p.finding_year = 2025;
	p.department = dep;
	p.role = role;
	p.action = act;
	p.due = due;
	p.milestones = &ms;
	p.nmilestones = 1;
	p.status = PLAN_DONE;
	p.progress = 100;
	p.completed_on = done;
	p.notes = notes;
	plans_format(&a, &p);
	assert_int_equal(plans_parse_snapshot("2026-01-23", a.s, &back),
			 KANSA_OK);
	assert_string_equal(back.as_of, "2026-01-23");
	plans_format(&b, &back);
	assert_string_equal(a.s, b.s);
	plan_release(&back);
	assert_int_not_equal(plans_parse_snapshot("2026-01-23",
						  "\n[KP-1]\nstatus = 終わり\n",
						  &back),
			     KANSA_OK);
	plan_release(&back);
	sbuf_release(&a);
	sbuf_release(&b);
}

/* plans_apply_change(): confirming needs 完了 first and --by; closing
 * makes 完了 100 % on the change's date; an existing ID cannot be added. */
static void test_apply_change(void **state)
{
	struct plan stored = base(), out;
	struct plan_change c = {0};
	struct diags d;
	bool same;
	(void)state;
	diags_init(&d);
	c.kind = PLAN_CHANGE_CLOSE;
	c.id = "KP-1";
	c.status = c.progress = -1;
	strcpy(c.as_of, "2025-06-20");
	c.confirm = true;
	assert_int_equal(plans_apply_change(&stored, 1, &c, &out, &same, &d),
			 KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "plan 'KP-1' is 対応中: it can be "
				      "confirmed (確認済) once it is 完了"));
	assert_non_null(find_diag(&d, "--confirm needs --by NAME"));
	plan_release(&out);
	diags_release(&d);
	diags_init(&d);
	c.confirm = false;
	assert_int_equal(plans_apply_change(&stored, 1, &c, &out, &same, &d),
			 KANSA_OK);
	assert_false(same);
	assert_int_equal(out.status, PLAN_DONE);
	assert_int_equal(out.progress, 100);
	assert_string_equal(out.completed_on, "2025-06-20");
	assert_string_equal(out.source, "kansa plan close");
	plan_release(&out);
	c.kind = PLAN_CHANGE_ADD;
	assert_int_equal(plans_apply_change(&stored, 1, &c, &out, &same, &d),
			 KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "plan 'KP-1' exists already"));
	c.kind = PLAN_CHANGE_UPDATE;
	c.id = "KP-9";
	assert_int_equal(plans_apply_change(&stored, 1, &c, &out, &same, &d),
			 KANSA_ERR_NOTFOUND);
	plan_release(&out);
	diags_release(&d);
}

/* plans_suggest(): a skeleton for each 重大/軽微 finding no plan names,
 * with the next free ID; others are left out. */
static void test_suggest(void **state)
{
	struct plan stored = base();
	static char taken[] = "KP-2025-001";
	struct plan_need needs[] = {
		{"7-1(6)ウ", "総務課", GRADE_MAJOR, false, "手順がない", ""},
		{"6-4(2)キ", "総務課", GRADE_MINOR, true, "記録がない",
		 "記録を残す"},
		{"3-1(1)", "総務課", GRADE_OBSERVATION, false, "観察", ""},
	};
	struct sbuf b = {0};
	(void)state;
	stored.id = taken;
	assert_int_equal(plans_suggest(&b, 2025, "令和7年度", "2026-01-31",
				       needs, 3, &stored, 1),
			 1);
	assert_null(strstr(b.s, "7-1(6)ウ"));
	assert_null(strstr(b.s, "3-1(1)"));
	assert_non_null(strstr(b.s, "; 軽微な不適合（候補、未決定） 6-4(2)キ: "
				    "記録がない\n; 改善提言: 記録を残す\n"));
	assert_non_null(strstr(b.s, "[KP-2025-002]"));
	assert_null(strstr(b.s, "[KP-2025-001]"));
	sbuf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_slip_needs_reason),
		cmocka_unit_test(test_confirm_only_by_audit_chief),
		cmocka_unit_test(test_overdue_against_as_of),
		cmocka_unit_test(test_plans_file),
		cmocka_unit_test(test_snapshot_round_trip),
		cmocka_unit_test(test_apply_change),
		cmocka_unit_test(test_suggest),
	};
	return cmocka_run_group_tests_name("plans", tests, NULL, NULL);
}
