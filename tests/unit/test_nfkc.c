/* test_nfkc.c: the characters text_nfkc() copies without normalising
 * (text_nfkc_inert) are ones NFKC leaves alone whatever surrounds them,
 * checked against libunistring for every one of them. */
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "helpers.h"

/* Whether NFKC changes the code points v[0..n). */
static bool changes(const uint32_t *v, size_t n)
{
	uint8_t in[32];
	size_t len = 0, outlen = 0;
	uint8_t *out;
	bool changed;

	for (size_t i = 0; i < n; i++)
		len += (size_t)u8_uctomb(in + len, v[i], 6);
	out = u8_normalize(UNINORM_NFKC, in, len, NULL, &outlen);
	assert_non_null(out);
	changed = outlen != len || memcmp(out, in, len) != 0;
	free(out);
	return changed;
}

/* Every inert character alone: no change, and a starter (nothing
 * reorders around it or composes across it).  Kana like ガ decompose
 * (か and U+3099) and compose back: the pairs below cover them. */
static void test_each_inert(void **state)
{
	size_t n = 0;
	(void)state;
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		if (!text_nfkc_inert(cp))
			continue;
		n++;
		assert_false(changes(&cp, 1));
		assert_int_equal(uc_combining_class(cp), 0);
	}
	assert_true(n > 20000); /* ASCII, kana and the CJK block */
	assert_false(text_nfkc_inert(0));
	assert_false(text_nfkc_inert(0x3099)); /* combining voiced mark */
	assert_false(text_nfkc_inert(0xFF76)); /* half-width katakana */
	assert_false(text_nfkc_inert(0xFF10)); /* full-width digit */
	assert_false(text_nfkc_inert(0x2015)); /* folded by text_nfkc */
}

/* No two inert characters compose: every pair of the ASCII and kana
 * ones through NFKC, and each of those with each CJK one both ways. */
static void test_no_composition(void **state)
{
	uint32_t small[400], pair[2];
	size_t ns = 0;
	(void)state;
	for (uint32_t cp = 1; cp < 0x4E00; cp++)
		if (text_nfkc_inert(cp))
			small[ns++] = cp;
	assert_true(ns > 250 && ns < 400);
	for (size_t i = 0; i < ns; i++)
		for (size_t k = 0; k < ns; k++) {
			pair[0] = small[i];
			pair[1] = small[k];
			assert_false(changes(pair, 2));
		}
	for (uint32_t cjk = 0x4E00; cjk <= 0x9FFF; cjk++)
		for (size_t i = 0; i < ns; i++) {
			assert_int_equal(uc_composition(cjk, small[i]), 0);
			assert_int_equal(uc_composition(small[i], cjk), 0);
		}
}

/* text_nfkc() of inert text is the text; of other text, libunistring's
 * NFKC as before. */
static void test_nfkc_copies(void **state)
{
	static const char *const inert[] = {"6-4(2)キ", "議会事務局総務課",
					    "実施", "EV-2025-014", ""};
	char *v;
	(void)state;
	for (size_t i = 0; i < sizeof(inert) / sizeof(*inert); i++) {
		v = text_nfkc(inert[i], strlen(inert[i]));
		assert_string_equal(v, inert[i]);
		free(v);
	}
	v = text_nfkc("６－４（２）ｷ", strlen("６－４（２）ｷ"));
	assert_string_equal(v, "6-4(2)キ");
	free(v);
	v = text_nfkc("カ\xE3\x82\x99", 6); /* カ + combining voiced mark */
	assert_string_equal(v, "ガ");
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_inert),
		cmocka_unit_test(test_no_composition),
		cmocka_unit_test(test_nfkc_copies),
	};
	return cmocka_run_group_tests_name("nfkc", tests, NULL, NULL);
}
