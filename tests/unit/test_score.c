/* test_score.c: scoring, findings and the diff on small hand-made cases. */
#include "diff.h"
#include "findings.h"
#include "helpers.h"
#include "score.h"
#include <math.h>

/* A checklist of hand-made items: id, chapter, section, roles, level. */
struct mini {
	struct checklist cl;
	struct item items[8];
	char pol[8], ver[8];
};

static void item(struct mini *m, const char *id, const char *sec,
		 const char *roles, enum item_level level, const char *text)
{
	struct item *it = &m->items[m->cl.nitems++];
	memset(it, 0, sizeof(*it));
	it->id = (char *)id;
	it->chapter = (char *)"1";
	it->section = (char *)sec;
	it->heading = (char *)"";
	it->roles = (char *)roles;
	it->level = level;
	it->text = (char *)(text ? text : id);
	m->cl.items = m->items;
}

static void mini_init(struct mini *m)
{
	memset(m, 0, sizeof(*m));
	strcpy(m->pol, "p");
	strcpy(m->ver, "1");
	m->cl.policy = m->pol;
	m->cl.version = m->ver;
	m->cl.items = m->items;
}

static const struct score_respondent people[] = {
	{"総務課", "情報システム管理者", "タブレット端末", "a"},
	{"総務課", "情報システム管理者", "グループウェア", "b"},
	{"議事調査課", "情報システム管理者", "会議録検索システム", "c"},
	{"総務課", "議員及び職員", "", "d"},
};

static void compute(const struct mini *m, const struct score_answer *a,
		    size_t na, const struct score_judgement *j, size_t nj,
		    struct score_result *r)
{
	struct score_input in = {&m->cl, people, 4, a, na, j, nj, 1.0, 0.5};
	assert_int_equal(score_compute(&in, r), KANSA_OK);
}

#define ANS(r, id, st, ev, valid)                                              \
	{                                                                      \
		r, id, st, ev, valid                                           \
	}

static void test_worst_of_respondents(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {
		ANS(0, "A", STATUS_DONE, 1, 1),
		ANS(1, "A", STATUS_PARTIAL, 1, 1),
		ANS(2, "A", STATUS_DONE, 1, 1),
	};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	compute(&m, a, 3, NULL, 0, &r);
	assert_int_equal(r.items[0].status[VIEW_SELF], STATUS_PARTIAL);
	assert_int_equal(r.items[0].nresponses, 3);
	assert_true(fabs(score_rate(&r.overall, VIEW_SELF) - 0.5) < 1e-9);
	/* per department: 総務課 is 一部実施, 議事調査課 実施 */
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_DEPARTMENT,
						     "議事調査課"),
				    VIEW_SELF) -
			 1.0) < 1e-9);
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_DEPARTMENT,
						     "総務課"),
				    VIEW_SELF) -
			 0.5) < 1e-9);
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_SYSTEM,
						     "タブレット端末"),
				    VIEW_SELF) -
			 1.0) < 1e-9);
	score_release(&r);
}

static void test_all_na_and_unanswered(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {
		ANS(0, "A", STATUS_NA, 0, 0),	ANS(1, "A", STATUS_NA, 0, 0),
		ANS(2, "A", STATUS_NA, 0, 0),	ANS(0, "B", STATUS_NA, 0, 0),
		ANS(1, "B", STATUS_DONE, 1, 1),
		/* nobody of B's role answers C; c answers nothing of B */
	};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "C", "1(2)", "CISO", LEVEL_REQUIRED, NULL);
	compute(&m, a, 5, NULL, 0, &r);
	assert_int_equal(r.items[0].status[VIEW_SELF], STATUS_NA);
	/* B: c (responsible) did not answer: 未回答 is the worst */
	assert_int_equal(r.items[1].status[VIEW_SELF], STATUS_UNANSWERED);
	assert_int_equal(r.items[1].responses[2].answered, false);
	assert_int_equal(r.items[2].status[VIEW_SELF], STATUS_UNANSWERED);
	assert_int_equal(r.items[2].nresponses, 0);
	/* A is out of the denominator; B and C count 0 */
	assert_int_equal(r.overall.counts[VIEW_SELF][STATUS_NA], 1);
	assert_int_equal(r.overall.counts[VIEW_SELF][STATUS_UNANSWERED], 2);
	assert_true(fabs(r.overall.weight[VIEW_SELF] - 2.0) < 1e-9);
	assert_true(score_rate(&r.overall, VIEW_SELF) == 0.0);
	/* section 1(1): A (該当なし) is left out, B (未回答) counts 0 */
	assert_true(score_rate(score_group_find(&r, GROUP_SECTION, "1(1)"),
			       VIEW_SELF) == 0.0);
	assert_true(fabs(score_group_find(&r, GROUP_SECTION, "1(1)")
				 ->weight[VIEW_SELF] -
			 1.0) < 1e-9);
	score_release(&r);
}

static void test_weights(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {
		ANS(3, "A", STATUS_DONE, 1, 1),
		ANS(3, "B", STATUS_NOT_DONE, 0, 0),
	};
	char two[] = "2";
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	compute(&m, a, 2, NULL, 0, &r);
	/* 1 / (1 + 0.5) */
	assert_true(fabs(score_rate(&r.overall, VIEW_SELF) - 2.0 / 3) < 1e-9);
	assert_true(fabs(score_rate(&r.required, VIEW_SELF) - 1.0) < 1e-9);
	score_release(&r);
	m.items[1].weight = two; /* a reviewer's weight wins */
	compute(&m, a, 2, NULL, 0, &r);
	assert_true(fabs(score_rate(&r.overall, VIEW_SELF) - 1.0 / 3) < 1e-9);
	score_release(&r);
}

static void test_audit_view(void **state)
{
	struct mini m;
	struct score_result r;
	struct findings f;
	const struct score_answer a[] = {
		ANS(3, "A", STATUS_DONE, 0, 0),	    /* no evidence */
		ANS(3, "B", STATUS_DONE, 2, 0),	    /* expired evidence */
		ANS(3, "C", STATUS_DONE, 1, 1),	    /* judged 重大 */
		ANS(3, "D", STATUS_NOT_DONE, 0, 0), /* judged 適合 */
	};
	const struct score_judgement j[] = {{"C", GRADE_MAJOR},
					    {"D", GRADE_CONFORM}};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "C", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "D", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	compute(&m, a, 4, j, 2, &r);
	assert_int_equal(r.items[0].status[VIEW_SELF], STATUS_DONE);
	assert_int_equal(r.items[0].status[VIEW_AUDIT], STATUS_PARTIAL);
	assert_int_equal(r.items[1].status[VIEW_AUDIT], STATUS_PARTIAL);
	assert_int_equal(r.items[2].status[VIEW_AUDIT], STATUS_NOT_DONE);
	assert_int_equal(r.items[3].status[VIEW_AUDIT], STATUS_DONE);
	/* self: 3 of 4; audit: 0.5 + 0.5 + 0 + 1 */
	assert_true(fabs(score_rate(&r.overall, VIEW_SELF) - 0.75) < 1e-9);
	assert_true(fabs(score_rate(&r.overall, VIEW_AUDIT) - 0.5) < 1e-9);
	{
		struct audit_judgement aj[2] = {
			{.item_id = (char *)"C", .grade = GRADE_MAJOR},
			{.item_id = (char *)"D", .grade = GRADE_CONFORM}};
		assert_int_equal(findings_compute(&r, people, aj, 2, &f),
				 KANSA_OK);
	}
	/* A, B: 観察事項 (実施 without valid evidence); C judged 重大;
	 * D (未実施) judged 適合: no finding */
	assert_int_equal(f.n, 3);
	assert_int_equal(f.v[0].grade, GRADE_MAJOR);
	assert_string_equal(f.v[0].item->item->id, "C");
	assert_true(f.v[0].judged);
	assert_int_equal(f.v[0].default_grade, GRADE_CONFORM);
	assert_int_equal(f.by_grade[GRADE_OBSERVATION], 2);
	assert_null(findings_of_item(&f, "D"));
	findings_release(&f);
	score_release(&r);
}

/* A judgement confirming the rules' grade, or harsher, never raises the
 * audit view above what the answers give (REVIEW2 item 4): confirming a
 * gap keeps it a gap.  適合 and a milder regrade, the chief's decisions,
 * set the status they imply. */
static void test_judgement_never_raises(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {
		ANS(3, "E", STATUS_NOT_DONE, 0,
		    0), /* 推奨, confirmed 推奨事項 */
		ANS(3, "F", STATUS_NOT_DONE, 0, 0), /* 重大 regraded 軽微 */
		/* G: not answered, judged 軽微 (harsher than 観察事項) */
		ANS(3, "H", STATUS_DONE, 1, 1),	    /* judged 軽微: lowered */
		ANS(3, "I", STATUS_PARTIAL, 0, 0),  /* 推奨, judged 軽微 */
		ANS(3, "J", STATUS_NOT_DONE, 0, 0), /* judged 適合 */
		ANS(3, "K", STATUS_NOT_DONE, 0, 0), /* 推奨, judged 軽微 */
	};
	const struct score_judgement j[] = {
		{"E", GRADE_RECOMMEND}, {"F", GRADE_MINOR},
		{"G", GRADE_MINOR},	{"H", GRADE_MINOR},
		{"I", GRADE_MINOR},	{"J", GRADE_CONFORM},
		{"K", GRADE_MINOR},
	};
	(void)state;
	mini_init(&m);
	item(&m, "E", "1(1)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	item(&m, "F", "1(2)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "G", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "H", "1(1)", "議員及び職員", LEVEL_REQUIRED, NULL);
	item(&m, "I", "1(1)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	item(&m, "J", "1(2)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	item(&m, "K", "1(1)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	compute(&m, a, 6, j, 7, &r);
	assert_int_equal(r.items[0].status[VIEW_AUDIT], STATUS_NOT_DONE);
	assert_int_equal(r.items[1].status[VIEW_AUDIT], STATUS_PARTIAL);
	assert_int_equal(r.items[2].status[VIEW_AUDIT], STATUS_UNANSWERED);
	assert_int_equal(r.items[3].status[VIEW_AUDIT], STATUS_PARTIAL);
	assert_int_equal(r.items[4].status[VIEW_AUDIT], STATUS_PARTIAL);
	assert_int_equal(r.items[5].status[VIEW_AUDIT], STATUS_DONE);
	assert_int_equal(r.items[6].status[VIEW_AUDIT], STATUS_NOT_DONE);
	for (size_t i = 0; i < 7; i++)
		assert_int_equal(r.items[i].judgement, (int)j[i].grade);
	/* section 1(1), confirmations and harsher grades only: self
	 * (0 + 0 + 1 + 0.25 + 0) / 3.5, audit (0 + 0 + 0.5 + 0.25 + 0) / 3.5 */
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_SECTION, "1(1)"),
				    VIEW_SELF) -
			 1.25 / 3.5) < 1e-9);
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_SECTION, "1(1)"),
				    VIEW_AUDIT) -
			 0.75 / 3.5) < 1e-9);
	/* 1(2): the chief's decisions, F 一部実施 and J 実施: (0.5 + 0.5) / 1.5
	 */
	assert_true(fabs(score_rate(score_group_find(&r, GROUP_SECTION, "1(2)"),
				    VIEW_AUDIT) -
			 1.0 / 1.5) < 1e-9);
	score_release(&r);
}

static void test_default_grades_and_grouping(void **state)
{
	struct mini m;
	struct score_result r;
	struct findings f;
	const struct score_answer a[] = {
		ANS(0, "A", STATUS_NOT_DONE, 0, 0),
		ANS(1, "A", STATUS_DONE, 1, 1),
		ANS(2, "A", STATUS_PARTIAL, 0, 0),
		ANS(0, "B", STATUS_PARTIAL, 0, 0),
		ANS(1, "B", STATUS_DONE, 1, 1),
		ANS(2, "B", STATUS_DONE, 1, 1),
		ANS(3, "C", STATUS_NOT_DONE, 0, 0),
		ANS(3, "D", STATUS_UNANSWERED, 0, 0),
	};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "C", "1(2)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	item(&m, "D", "1(2)", "議員及び職員", LEVEL_REQUIRED, NULL);
	compute(&m, a, 8, NULL, 0, &r);
	assert_int_equal(findings_compute(&r, people, NULL, 0, &f), KANSA_OK);
	assert_int_equal(f.n, 4);
	assert_int_equal(findings_of_item(&f, "A")->grade, GRADE_MAJOR);
	assert_int_equal(findings_of_item(&f, "B")->grade, GRADE_MINOR);
	assert_int_equal(findings_of_item(&f, "C")->grade, GRADE_RECOMMEND);
	assert_int_equal(findings_of_item(&f, "D")->grade, GRADE_OBSERVATION);
	/* one finding for A, naming both departments where it is not met */
	assert_string_equal(
		findings_of_item(&f, "A")->where,
		"総務課（タブレット端末）、議事調査課（会議録検索シス"
		"テム）");
	assert_int_equal(findings_of_item(&f, "A")->nwhere, 2);
	assert_string_equal(findings_of_item(&f, "B")->where,
			    "総務課（タブレット端末）");
	/* sorted by grade */
	assert_string_equal(f.v[0].item->item->id, "A");
	assert_string_equal(f.v[3].item->item->id, "D");
	findings_release(&f);
	score_release(&r);
}

/* Each department's and system's worst response per item (what the
 * workbook's 部署別明細 lists), by group, then in checklist order, and
 * adding up to the groups' counts. */
static void test_worst_per_group(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {
		ANS(0, "A", STATUS_NOT_DONE, 0, 0),
		ANS(1, "A", STATUS_DONE, 1, 1),
		ANS(2, "A", STATUS_PARTIAL, 0, 0),
		ANS(0, "B", STATUS_PARTIAL, 0, 0),
		ANS(1, "B", STATUS_DONE, 1, 1),
		ANS(2, "B", STATUS_DONE, 1, 1),
		ANS(3, "C", STATUS_NOT_DONE, 0, 0),
		/* d answers nothing of D: 未回答 */
	};
	static const struct {
		unsigned group, item;
		enum answer_status st;
	} dept[] = {{0, 0, STATUS_NOT_DONE}, {0, 1, STATUS_PARTIAL},
		    {0, 2, STATUS_NOT_DONE}, {0, 3, STATUS_UNANSWERED},
		    {1, 0, STATUS_PARTIAL},  {1, 1, STATUS_DONE}};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "C", "1(2)", "議員及び職員", LEVEL_RECOMMENDED, NULL);
	item(&m, "D", "1(2)", "議員及び職員", LEVEL_REQUIRED, NULL);
	compute(&m, a, 7, NULL, 0, &r);
	assert_string_equal(r.groups[GROUP_DEPARTMENT][0].key, "総務課");
	assert_int_equal(r.nworst[GROUP_DEPARTMENT], 6);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(r.worst[GROUP_DEPARTMENT][i].group,
				 dept[i].group);
		assert_int_equal(r.worst[GROUP_DEPARTMENT][i].item,
				 dept[i].item);
		assert_int_equal(r.worst[GROUP_DEPARTMENT][i].status[VIEW_SELF],
				 dept[i].st);
	}
	/* three systems of two items each; d has none */
	assert_int_equal(r.nworst[GROUP_SYSTEM], 6);
	for (int k = GROUP_ROLE; k < GROUP_KINDS; k++) {
		for (size_t g = 0; g < r.ngroups[k]; g++) {
			size_t n[STATUS_COUNT] = {0};
			for (size_t i = 0; i < r.nworst[k]; i++)
				if (r.worst[k][i].group == g)
					n[r.worst[k][i].status[VIEW_SELF]]++;
			for (int s = 0; s < STATUS_COUNT; s++)
				assert_int_equal(
					n[s],
					r.groups[k][g].counts[VIEW_SELF][s]);
		}
		for (size_t i = 1; i < r.nworst[k]; i++)
			assert_true(
				r.worst[k][i - 1].group < r.worst[k][i].group ||
				(r.worst[k][i - 1].group ==
					 r.worst[k][i].group &&
				 r.worst[k][i - 1].item < r.worst[k][i].item));
	}
	score_release(&r);
}

static void test_answer_outside_role(void **state)
{
	struct mini m;
	struct score_result r;
	const struct score_answer a[] = {ANS(3, "A", STATUS_NOT_DONE, 0, 0),
					 ANS(0, "A", STATUS_DONE, 1, 1)};
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	compute(&m, a, 2, NULL, 0, &r);
	/* d (議員及び職員) answered anyway: it counts, with b and c 未回答 */
	assert_int_equal(r.items[0].nresponses, 4);
	assert_int_equal(r.items[0].status[VIEW_SELF], STATUS_UNANSWERED);
	score_release(&r);
}

/* Where a finding is lists each department once, in the order first
 * met, and a name that holds "、" is matched entry by entry as before
 * (the list is kept in a table of its entries, not searched). */
static void test_where_each_department_once(void **state)
{
	static const struct score_respondent staff[] = {
		{"総務課", "職員", "", "a"},
		{"総務課", "職員", "", "b"},
		{"議事課、総務課", "職員", "", "c"},
		{"議事課", "職員", "", "d"},
		{"広報課", "職員", "", "e"},
		{"広報課", "職員", "", "f"},
	};
	const struct score_answer a[] = {
		ANS(0, "A", STATUS_NOT_DONE, 0, 0),
		ANS(1, "A", STATUS_NOT_DONE, 0, 0),
		ANS(2, "A", STATUS_PARTIAL, 0, 0),
		ANS(3, "A", STATUS_NOT_DONE, 0, 0),
		ANS(4, "A", STATUS_DONE, 1, 1),
		ANS(5, "A", STATUS_NOT_DONE, 0, 0),
	};
	struct mini m;
	struct score_result r;
	struct findings f;
	struct score_input in;
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "職員", LEVEL_REQUIRED, NULL);
	in = (struct score_input){&m.cl, staff, 6, a, 6, NULL, 0, 1.0, 0.5};
	assert_int_equal(score_compute(&in, &r), KANSA_OK);
	assert_int_equal(findings_compute(&r, staff, NULL, 0, &f), KANSA_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].where, "総務課、議事課、総務課、広報課");
	assert_int_equal(f.v[0].nwhere, 3);
	findings_release(&f);
	score_release(&r);
}

/* Answers grouped by item: each item's in their order, an answer to no
 * item of the checklist left out (and counted out), an item whose ID
 * repeats an earlier one's given the same answers. */
static void test_answers_by_item(void **state)
{
	const struct score_answer a[] = {
		ANS(0, "B", STATUS_DONE, 0, 0), ANS(0, "Z", STATUS_DONE, 0, 0),
		ANS(1, "A", STATUS_DONE, 0, 0), ANS(2, "B", STATUS_DONE, 0, 0),
		ANS(3, "A", STATUS_DONE, 0, 0),
	};
	struct mini m;
	struct score_result r;
	size_t *order = NULL, grouped = 0;
	struct score_span *span = NULL;
	(void)state;
	mini_init(&m);
	item(&m, "A", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "B", "1(1)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	item(&m, "A", "1(2)", "情報システム管理者", LEVEL_REQUIRED, NULL);
	assert_int_equal(score_answers_by_item(m.cl.items, m.cl.nitems, a, 5,
					       &order, &span, &grouped),
			 KANSA_OK);
	assert_int_equal(grouped, 4);
	assert_int_equal(span[0].n, 2);
	assert_int_equal(order[span[0].first], 2);
	assert_int_equal(order[span[0].first + 1], 4);
	assert_int_equal(span[1].n, 2);
	assert_int_equal(order[span[1].first], 0);
	assert_int_equal(order[span[1].first + 1], 3);
	assert_int_equal(span[2].first, span[0].first);
	assert_int_equal(span[2].n, 2);
	free(order);
	free(span);
	/* scored: the answer to Z counts nowhere; A has a, b, c (their
	 * role's) and d (answered outside its role), B a, b and c */
	compute(&m, a, 5, NULL, 0, &r);
	assert_int_equal(r.items[0].nresponses, 4);
	assert_int_equal(r.items[1].nresponses, 3);
	score_release(&r);
}

static void test_diff_classes_and_moves(void **state)
{
	struct mini now, before;
	struct score_result rn, rb;
	struct diff_result d;
	const struct score_answer an[] = {
		ANS(3, "1-1(1)", STATUS_DONE, 1, 1),
		ANS(3, "1-1(2)", STATUS_PARTIAL, 1, 1),
		ANS(3, "1-1(3)", STATUS_DONE, 1, 1),
		ANS(3, "1-1(4)", STATUS_NOT_DONE, 1, 1),
		ANS(3, "1-2(1)", STATUS_DONE, 1, 1),
		ANS(3, "1-3(1)", STATUS_DONE, 1, 1),
	};
	const struct score_answer ab[] = {
		ANS(3, "1-1(1)", STATUS_NOT_DONE, 1, 1),
		ANS(3, "1-1(2)", STATUS_DONE, 1, 1),
		ANS(3, "1-1(3)", STATUS_DONE, 1, 1),
		ANS(3, "1-1(4)", STATUS_PARTIAL, 1, 1),
		ANS(3, "1-3(1)", STATUS_DONE, 1, 1),
		ANS(3, "1-9(1)", STATUS_PARTIAL, 1, 1),
	};
	struct score_input in = {0};
	(void)state;
	mini_init(&now);
	mini_init(&before);
	item(&now, "1-1(1)", "1-1", "議員及び職員", LEVEL_REQUIRED,
	     "パスワードは他者に知られないように管理しなければならない。");
	item(&now, "1-1(2)", "1-1", "議員及び職員", LEVEL_REQUIRED,
	     "共用IDは利用者以外に利用させてはならない。");
	item(&now, "1-1(3)", "1-1", "議員及び職員", LEVEL_REQUIRED,
	     "離席時には端末をロックしなければならない。必ず。");
	item(&now, "1-1(4)", "1-1", "議員及び職員", LEVEL_REQUIRED,
	     "研修に参加しなければならない。");
	item(&now, "1-2(1)", "1-2", "議員及び職員", LEVEL_REQUIRED,
	     "新しい条項で、前の年にはなかった義務を定めなければならない。");
	/* the renumbered section: 1-9 before, 1-3 now */
	item(&now, "1-3(1)", "1-3", "議員及び職員", LEVEL_REQUIRED,
	     "ログを取得し一か月保存しなければならない。");
	for (size_t i = 0; i < 4; i++)
		item(&before, now.items[i].id, "1-1", "議員及び職員",
		     LEVEL_REQUIRED, now.items[i].text);
	before.items[2].text =
		(char *)"離席時には端末をロックしなければならない。";
	item(&before, "1-3(1)", "1-3", "議員及び職員", LEVEL_REQUIRED,
	     "削除された条項で、もう求められない義務を定めていた。");
	item(&before, "1-9(1)", "1-9", "議員及び職員", LEVEL_REQUIRED,
	     "ログを取得し一か月保存しなければならない。");
	in.respondents = people;
	in.nrespondents = 4;
	in.weight_required = 1;
	in.weight_recommended = 0.5;
	in.cl = &now.cl;
	in.answers = an;
	in.nanswers = 6;
	assert_int_equal(score_compute(&in, &rn), KANSA_OK);
	in.cl = &before.cl;
	in.answers = ab;
	assert_int_equal(score_compute(&in, &rb), KANSA_OK);
	assert_int_equal(diff_compute(&rn, &rb, NULL, 0, &d), KANSA_OK);
	assert_int_equal(diff_of_item(&d, "1-1(1)")->cls, DIFF_IMPROVED);
	assert_int_equal(diff_of_item(&d, "1-1(2)")->cls, DIFF_DECLINED);
	assert_int_equal(diff_of_item(&d, "1-1(3)")->cls, DIFF_KEPT);
	assert_true(diff_of_item(&d, "1-1(3)")->reworded);
	assert_int_equal(diff_of_item(&d, "1-1(4)")->cls, DIFF_PERSISTENT);
	assert_int_equal(diff_of_item(&d, "1-2(1)")->cls, DIFF_NEW);
	/* 1-3(1) now has the text of 1-9(1) before: a move, not the old
	 * 1-3(1) with the same ID */
	assert_true(diff_of_item(&d, "1-3(1)")->moved);
	assert_string_equal(diff_of_item(&d, "1-3(1)")->before->item->id,
			    "1-9(1)");
	assert_true(diff_of_item(&d, "1-3(1)")->similarity > 0.99);
	assert_int_equal(d.by_class[DIFF_REMOVED], 1);
	assert_int_equal(d.by_class[DIFF_NEW], 1);
	assert_int_equal(d.reworded, 1);
	assert_int_equal(d.moved, 1);
	/* section 1-1: 2.5/4 now against 2.5/4 before */
	assert_true(fabs(d.sections[0].rate_now - 0.625) < 1e-9);
	assert_true(fabs(d.sections[0].rate_before - 0.625) < 1e-9);
	diff_release(&d);
	/* a [mapping] overrides the guess */
	{
		char from[] = "1-3(1)", to[] = "1-3(1)";
		struct mapping map = {from, to};
		assert_int_equal(diff_compute(&rn, &rb, &map, 1, &d), KANSA_OK);
		assert_false(diff_of_item(&d, "1-3(1)")->moved);
		assert_true(diff_of_item(&d, "1-3(1)")->by_mapping);
		assert_true(diff_of_item(&d, "1-3(1)")->reworded);
		diff_release(&d);
	}
	score_release(&rn);
	score_release(&rb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worst_of_respondents),
		cmocka_unit_test(test_all_na_and_unanswered),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_audit_view),
		cmocka_unit_test(test_judgement_never_raises),
		cmocka_unit_test(test_default_grades_and_grouping),
		cmocka_unit_test(test_worst_per_group),
		cmocka_unit_test(test_answer_outside_role),
		cmocka_unit_test(test_where_each_department_once),
		cmocka_unit_test(test_answers_by_item),
		cmocka_unit_test(test_diff_classes_and_moves),
	};
	return cmocka_run_group_tests_name("score, findings, diff", tests, NULL,
					   NULL);
}
