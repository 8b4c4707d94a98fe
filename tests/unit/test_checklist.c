/* test_checklist.c: the seed policy's derived items, checked by hand. */
#include "helpers.h"

struct expect {
	const char *id;	   /* citation ID */
	const char *roles; /* expected roles */
	const char *level; /* 必須 or 推奨 */
	const char *text;  /* a part of the text */
};

/* Checked against the policy text by a person, clause by clause. */
static const struct expect expected[] = {
	{"2(2)ア", "情報セキュリティ責任者", "必須", "CISO 及び副 CISO を補佐"},
	{"2(3)ウ", "情報セキュリティ管理者", "必須",
	 "指示を仰がなければならない"},
	{"2(7)ウ", "CISO", "必須", "議会 CSIRT 責任者を置かなければならない"},
	{"3(1)", "議員及び職員", "必須", "取り扱いを制限するものとする"},
	{"3(2)ア(イ)", "情報システム管理者", "必須", "情報システム台帳を整備"},
	{"3(2)イ", "議員及び職員", "必須", "この限りでない"},
	{"3(2)カ(ウ)", "情報セキュリティ管理者,情報システム管理者", "必須",
	 "耐火、耐熱、耐水及び耐湿"},
	{"4(1)ア", "議員及び職員", "必須",
	 "マイナンバー利用事務系と外部との通信"},
	{"4(1)イ(ア)", "議員及び職員", "必須", "多要素認証"},
	{"4(2)ア", "議員及び職員", "必須", "(ウ) 危険因子をファイルから除去"},
	{"5-1(1)", "情報システム管理者", "必須", "容易に取り外せないよう"},
	{"5-2(1)イ", "情報セキュリティ責任者,情報システム管理者", "必須",
	 "管理区域から外部に通ずるドア"},
	{"5-2(2)イ", "委託事業者", "必須", "身分証明書等を携帯"},
	{"5-3(4)", "情報セキュリティ責任者", "必須", "適正な回線を選択"},
	{"6-1(1)ウ(ア)", "CISO", "必須", "安全管理措置を定めなければならない"},
	{"6-2(3)", "CISO", "必須", "訓練を定期的に行う必要がある"},
	{"6-3(2)ア", "議会CSIRT", "必須", "評価を行わなければならない"},
	{"6-4(2)キ", "議員及び職員", "必須",
	 "パスワードの入力なしに認証を可能とする設定は行ってはならない"},
	{"6-4(2)ク", "議員及び職員", "必須", "パスワードを共有してはならない"},
	{"7-1(4)イ", "情報システム管理者", "必須",
	 "システム変更等の作業を行った場合は"},
	{"7-1(4)ウ", "情報システム管理者,情報システム担当者,委託事業者", "必須",
	 "2名以上で作業し"},
	{"7-1(10)ア", "情報システム管理者", "必須",
	 "CIS0 及び情報セキュリティ責任者の許可"},
	{"7-1(10)エ(ア)", "情報セキュリティ責任者,情報システム管理者", "必須",
	 "ファイアウォール等"},
	{"7-1(10)エ(エ)", "情報システム管理者", "必須",
	 "編集作業を行う主体を限定"},
	{"7-1(16)イ", "議員及び職員", "必須", "CISOが定めた方法で"},
	{"7-1(17)イ", "情報システム管理者", "必須",
	 "ライセンスを管理しなければ"},
	{"7-1(19)", "情報セキュリティ管理者", "推奨",
	 "技術的に制限することが望ましい"},
	{"7-2(1)ウ(キ)", "情報システム管理者", "必須", "初期設定以外のもの"},
	{"7-3(5)ア(ア)", "情報システム管理者", "推奨",
	 "セキュリティを維持するための対策"},
	{"7-3(5)ア(イ)", "情報システム管理者", "推奨",
	 "迅速に検知し、対応するための対策"},
	{"7-3(6)ア(イ)", "情報システム管理者", "必須",
	 "・ 情報システムが停止した際の復旧手順"},
	{"7-3(7)ウ", "情報システム管理者", "必須",
	 "情報の処理が正しく反映され"},
	{"7-4(1)キ", "情報セキュリティ責任者", "必須",
	 "サポートが終了したソフトウェア"},
	{"7-4(2)ア", "情報システム管理者", "必須",
	 "不正プログラム対策ソフトウェアをシステムに常駐"},
	{"7-4(3)カ", "議員及び職員", "必須", "ウイルス情報を常に確認"},
	{"7-6(1)ウ", "情報セキュリティ責任者", "必須",
	 "データの書換えを検出し、情報セキュリティ責任者"},
	{"7-6(7)", "情報システム管理者", "必須", "標的型攻撃"},
	{"7-6.2(1)", "情報システム管理者", "必須",
	 "セキュリティホールに関する情報を収集"},
	{"7-6.2(3)", "情報システム管理者", "必須", "新たな脅威を認識した場合"},
	{"8-2(3)イ", "議員及び職員", "必須", "緊急時対応計画に従って"},
	{"8-3(2)ア", "議員及び職員", "必須", "関係者の連絡先"},
	{"8-3(2)エ", "議員及び職員", "必須", "再発防止措置の策定"},
	{"8-4(3)", "CISO", "必須", "定期的にその状況を確認"},
	{"8-5ア", "情報セキュリティ責任者", "必須", "適正な措置を求めること"},
	{"8-5ウ", "情報セキュリティ責任者", "必須",
	 "CIS0 及び情報セキュリティ管理者に通知すること"},
	{"9(1)エ(イ)", "情報セキュリティ管理者", "必須",
	 "返却、廃棄又は抹消された"},
	{"9(2)ア(シ)", "情報セキュリティ責任者", "必須",
	 "外部サービス提供者の信頼性に関する事。"},
	{"10-1(1)", "CISO", "必須", "毎年度監査を行わせなければならない"},
	{"10-1(3)", "情報セキュリティ監査統括責任者", "必須",
	 "監査を定期的に行わなければならない"},
	{"10-2(1)ア", "情報システム管理者", "必須",
	 "毎年度及び必要に応じて自己点検"},
	{"10-3", "情報セキュリティ責任者", "必須", "改善を行うものとする"},
};

/* Clauses of the seed that oblige nobody, or only head a list. */
static const char *const not_items[] = {
	"1",	      /* 目的: defines */
	"2(1)イ",     /* ことができる */
	"2(2)イ",     /* 権限及び責任を有する */
	"2(7)エ",     /* 設置する (no obliging wording) */
	"3(1)ア",     /* the classification table */
	"3(2)ア(ア)", /* 管理責任を有する */
	"4(2)ア(ア)", /* a means listed under 次の実現方法等により */
	"7-3(5)ア",   /* introduces its list */
	"8-2(2)",     /* ことができる */
	"8-3(2)",     /* introduces its list */
	"8-4(1)",     /* ことができる */
	"8-5",	      /* introduces its list */
	"9(2)ア",     /* introduces its list */
	"10-1(4)",    /* 報告する */
};

struct seed {
	struct diags d;
	struct policy *pol;
	struct checklist cl;
};

static int seed_setup(void **state)
{
	struct seed *s = calloc(1, sizeof(*s));
	diags_init(&s->d);
	derive_file(SEED, NULL, 0, &s->d, &s->pol, &s->cl);
	*state = s;
	return 0;
}

static int seed_teardown(void **state)
{
	struct seed *s = *state;
	checklist_release(&s->cl);
	policy_free(s->pol);
	diags_release(&s->d);
	free(s);
	return 0;
}

static void test_expected_items(void **state)
{
	struct seed *s = *state;
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		const struct expect *e = &expected[i];
		const struct item *it = checklist_find(&s->cl, e->id);
		if (!it)
			fail_msg("item %s is missing", e->id);
		if (strcmp(it->roles, e->roles) != 0)
			fail_msg("%s: roles '%s', expected '%s'", e->id,
				 it->roles, e->roles);
		assert_string_equal(item_level_name(it->level), e->level);
		if (!strstr(it->text, e->text))
			fail_msg("%s: text '%s' lacks '%s'", e->id, it->text,
				 e->text);
	}
}

static void test_not_items(void **state)
{
	struct seed *s = *state;
	for (size_t i = 0; i < sizeof(not_items) / sizeof(not_items[0]); i++) {
		if (checklist_find(&s->cl, not_items[i]))
			fail_msg("%s should not be an item", not_items[i]);
		if (!policy_find(s->pol, not_items[i]))
			fail_msg("%s should be in the clause tree",
				 not_items[i]);
	}
	for (size_t i = 0; i < s->cl.nitems; i++)
		assert_string_not_equal(s->cl.items[i].chapter, "1");
}

static void test_counts_and_order(void **state)
{
	struct seed *s = *state;
	size_t rec = 0;
	/* reviewed: 321 必須 and 3 推奨 items (tests/regress/derive) */
	assert_int_equal(s->cl.nitems, 324);
	for (size_t i = 0; i < s->cl.nitems; i++) {
		rec += s->cl.items[i].level == LEVEL_RECOMMENDED;
		if (i > 0)
			assert_true(s->cl.items[i].source_line >=
				    s->cl.items[i - 1].source_line);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(s->cl.items[i].id,
						s->cl.items[j].id);
	}
	assert_int_equal(rec, 3);
}

static void test_warnings(void **state)
{
	struct seed *s = *state;
	const struct diag *g = find_diag(&s->d, "appears twice");
	assert_non_null(g);
	assert_int_equal(g->level, DIAG_WARNING);
	assert_int_equal(g->line, 853);
	assert_non_null(strstr(g->msg, "lines 813 and 853"));
	assert_non_null(strstr(g->msg, "7-6.2"));
	g = find_diag(&s->d, "CIS0");
	assert_non_null(g);
	assert_non_null(strstr(g->msg, "310, 474, 950, 954, 962"));
	assert_non_null(find_diag(&s->d, "section 7-5 is missing"));
	assert_int_equal(s->d.errors, 0);
}

static void test_headings_and_sections(void **state)
{
	struct seed *s = *state;
	const struct item *it = checklist_find(&s->cl, "6-4(2)キ");
	assert_string_equal(it->chapter, "6");
	assert_string_equal(it->section, "6-4");
	assert_non_null(strstr(it->heading, "6-4 ID 及びパスワードの管理"));
	assert_non_null(strstr(it->heading, "(2) パスワードの取扱い"));
	assert_non_null(
		strstr(it->heading, "次の事項を遵守しなければならない"));
	it = checklist_find(&s->cl, "2(7)ウ");
	assert_string_equal(it->section, "2(7)");
	it = checklist_find(&s->cl, "7-6.2(2)");
	assert_string_equal(it->section, "7-6.2");
	assert_int_equal(it->source_line, 859);
}

static void test_no_html_and_joined_lines(void **state)
{
	struct seed *s = *state;
	for (size_t i = 0; i < s->cl.nitems; i++) {
		assert_null(strstr(s->cl.items[i].text, "<ul"));
		assert_null(strstr(s->cl.items[i].text, "<li"));
		assert_null(strstr(s->cl.items[i].text, "  "));
	}
	/* "見直し等を" / blank line / "行う権限" joined without a space */
	assert_non_null(strstr(policy_find(s->pol, "2(4)イ")->text,
			       "見直し等を行う権限"));
	assert_non_null(strstr(checklist_find(&s->cl, "7-3(7)ウ")->text,
			       "情報の処理が"));
}

static void test_stable_ids(void **state)
{
	struct seed *s = *state;
	struct diags d;
	struct policy *pol;
	struct checklist cl;
	diags_init(&d);
	derive_file(SEED, NULL, 0, &d, &pol, &cl);
	assert_int_equal(cl.nitems, s->cl.nitems);
	for (size_t i = 0; i < cl.nitems; i++) {
		assert_string_equal(cl.items[i].id, s->cl.items[i].id);
		assert_string_equal(cl.items[i].text, s->cl.items[i].text);
	}
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

static void test_policy_name(void **state)
{
	struct seed *s = *state;
	char *name = policy_guess_name(s->pol);
	assert_string_equal(name, "水戸市議会情報セキュリティ対策基準");
	free(name);
}

static void test_renumber(void **state)
{
	char from[] = "7-6", to[] = "7-5";
	struct renumber rn = {from, 1, to, 3, 0};
	struct diags d;
	struct policy *pol;
	struct checklist cl;
	(void)state;
	diags_init(&d);
	derive_file(SEED, &rn, 1, &d, &pol, &cl);
	assert_int_equal(rn.used, 1);
	assert_non_null(checklist_find(&cl, "7-5(1)ア"));
	assert_non_null(checklist_find(&cl, "7-6(1)"));
	assert_null(checklist_find(&cl, "7-6.2(1)"));
	assert_null(find_diag(&d, "appears twice"));
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

static void test_renumber_collision(void **state)
{
	char from[] = "7-6", to[] = "7-4";
	struct renumber rn = {from, 1, to, 3, 0};
	struct diags d;
	struct policy *pol = NULL;
	char *raw;
	size_t len;
	(void)state;
	diags_init(&d);
	assert_int_equal(fileio_read(SEED, POLICY_MAX_BYTES, &raw, &len, &d),
			 KANSA_OK);
	assert_int_equal(parse_text(raw, len, &rn, 1, &d, &pol),
			 KANSA_ERR_INPUT);
	assert_null(pol);
	assert_non_null(
		find_diag(&d, "collides with section '7-4' at line 755"));
	free(raw);
	diags_release(&d);
}

static void test_renumber_unused(void **state)
{
	char from[] = "7-6", to[] = "7-7";
	struct renumber rn = {from, 3, to, 9, 0};
	struct diags d;
	struct policy *pol;
	struct checklist cl;
	(void)state;
	diags_init(&d);
	derive_file(SEED, &rn, 1, &d, &pol, &cl);
	assert_non_null(find_diag(&d, "'7-6@3' matches no section"));
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

/* Full-width markers and names, as other councils' documents have. */
static void test_fullwidth_markers(void **state)
{
	static const char text[] =
		"１　目的\n"
		"この基準は、情報資産を守るために定める。\n"
		"２　運用\n"
		"２－１　監視\n"
		"（１）　ログ\n"
		"ア　ＣＩＳＯ及び情報セキュリティ管理者は、ログを確認しなければ"
		"ならない。\n"
		"イ　議会　ＣＳＩＲＴは、記録を保存することが望ましい。\n"
		"（２）　委託\n"
		"副　ＣＩＳＯは、次の事項を確認しなければならない。\n"
		"（ア）　契約書\n"
		"（イ）　報告書\n";
	struct diags d;
	struct policy *pol;
	struct checklist cl;
	const struct item *it;
	(void)state;
	diags_init(&d);
	derive_string(text, &d, &pol, &cl);
	it = checklist_find(&cl, "2-1(1)ア");
	assert_non_null(it);
	assert_string_equal(it->roles, "CISO,情報セキュリティ管理者");
	it = checklist_find(&cl, "2-1(1)イ");
	assert_non_null(it);
	assert_string_equal(it->roles, "議会CSIRT");
	assert_string_equal(item_level_name(it->level), "推奨");
	it = checklist_find(&cl, "2-1(2)(イ)");
	assert_non_null(it);
	assert_string_equal(it->roles, "副CISO");
	assert_null(checklist_find(&cl, "2-1(2)"));
	assert_int_equal(cl.nitems, 4);
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

static void test_no_chapters(void **state)
{
	static const char text[] = "これは方針ではない。\nただの文章である。\n";
	struct diags d;
	struct policy *pol = NULL;
	(void)state;
	diags_init(&d);
	assert_int_equal(parse_text(text, strlen(text), NULL, 0, &d, &pol),
			 KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "no numbered chapters"));
	diags_release(&d);
}

/* A marker followed by a particle is text: "(1)の分類に基づき". */
static void test_marker_lookalikes(void **state)
{
	static const char text[] =
		"1 総則\n"
		"(1) 分類\n"
		"ア 議員及び職員は、\n"
		"(1)の分類に基づき管理しなければならない。\n"
		"ンバー利用事務系を分離しなければならない。\n";
	struct diags d;
	struct policy *pol;
	struct checklist cl;
	const struct item *it;
	(void)state;
	diags_init(&d);
	derive_string(text, &d, &pol, &cl);
	assert_int_equal(cl.nitems, 1);
	it = checklist_find(&cl, "1(1)ア");
	assert_non_null(it);
	assert_non_null(strstr(it->text, "(1)の分類に基づき"));
	assert_non_null(strstr(it->text, "ンバー利用事務系"));
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest seed_tests[] = {
		cmocka_unit_test(test_expected_items),
		cmocka_unit_test(test_not_items),
		cmocka_unit_test(test_counts_and_order),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_headings_and_sections),
		cmocka_unit_test(test_no_html_and_joined_lines),
		cmocka_unit_test(test_stable_ids),
		cmocka_unit_test(test_policy_name),
	};
	const struct CMUnitTest other_tests[] = {
		cmocka_unit_test(test_renumber),
		cmocka_unit_test(test_renumber_collision),
		cmocka_unit_test(test_renumber_unused),
		cmocka_unit_test(test_fullwidth_markers),
		cmocka_unit_test(test_no_chapters),
		cmocka_unit_test(test_marker_lookalikes),
	};
	return cmocka_run_group_tests_name("checklist (seed)", seed_tests,
					   seed_setup, seed_teardown) +
	       cmocka_run_group_tests_name("checklist", other_tests, NULL,
					   NULL);
}
