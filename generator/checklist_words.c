/* checklist_words.c: a clause text's sentences and the wording that
 * obliges or recommends. */
#include "checklist_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Wording that obliges (level 必須). */
static const char *const required_words[] = {
	"なければならない", "なくてはならない", "てはならない",
	"ねばならない",	    "ものとする",	"ものとし",
};
/* Wording that recommends (level 推奨). */
static const char *const recommended_words[] = {"望ましい", "【推奨事項】"};

/* The next sentence of s from *pos: ends after a 。 outside brackets. */
bool checklist_next_sentence(const char *s, size_t *pos, size_t *start,
			     size_t *len)
{
	static const char *const open[] = {"(", "「", "『", "【"};
	static const char *const close[] = {")", "」", "』", "】"};
	size_t i = *pos;
	int depth = 0;

	while (s[i] == ' ')
		i++;
	if (!s[i])
		return false;
	*start = i;
	while (s[i]) {
		size_t k;
		if (strncmp(s + i, "。", 3) == 0 && depth == 0) {
			i += 3;
			break;
		}
		for (k = 0; k < COUNT(open); k++) {
			if (strncmp(s + i, open[k], strlen(open[k])) == 0)
				depth++;
			if (strncmp(s + i, close[k], strlen(close[k])) == 0 &&
			    depth > 0)
				depth--;
		}
		i++;
	}
	*len = i - *start;
	*pos = i;
	return true;
}

static bool contains_n(const char *s, size_t n, const char *word)
{
	size_t m = strlen(word);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, word, m) == 0)
			return true;
	return false;
}

/* True when the sentence obliges: なければならない, 必要がある ... */
bool checklist_sentence_requires(const char *s, size_t n)
{
	static const char need[] = "必要がある";
	for (size_t i = 0; i < COUNT(required_words); i++)
		if (contains_n(s, n, required_words[i]))
			return true;
	for (size_t i = 0; i + sizeof(need) - 1 <= n; i++)
		if (memcmp(s + i, need, sizeof(need) - 1) == 0 &&
		    strncmp(s + i + sizeof(need) - 1, "場合", 6) != 0)
			return true;
	return false;
}

bool checklist_sentence_recommends(const char *s, size_t n)
{
	for (size_t i = 0; i < COUNT(recommended_words); i++)
		if (contains_n(s, n, recommended_words[i]))
			return true;
	return false;
}

/* The obligation of a text: -1 none, else an enum item_level. */
int checklist_obligation_of(const char *text)
{
	size_t pos = 0, st, n;
	bool req = false, rec = false;

	if (strstr(text, "【推奨事項】"))
		return LEVEL_RECOMMENDED;
	while (checklist_next_sentence(text, &pos, &st, &n)) {
		req = req || checklist_sentence_requires(text + st, n);
		rec = rec || checklist_sentence_recommends(text + st, n);
	}
	return req ? LEVEL_REQUIRED : rec ? LEVEL_RECOMMENDED : -1;
}

/*
 * True when an obliging sentence introduces the list below it: 次の事項を,
 * 以下を全て含む, 以下の内容を ... (the listed thing is the object, を),
 * but not 次のとおり分類し or 次の実現方法等により.
 */
bool checklist_introduces_list(const char *text)
{
	static const char *const intro[] = {"次の", "以下"};
	static const char *const stops[] = {"を", "に", "、", "で", "と", "。"};
	size_t pos = 0, st, n;

	while (checklist_next_sentence(text, &pos, &st, &n)) {
		const char *s = text + st;
		if (!checklist_sentence_requires(s, n) &&
		    !checklist_sentence_recommends(s, n))
			continue;
		for (size_t k = 0; k < COUNT(intro); k++) {
			size_t m = strlen(intro[k]);
			for (size_t i = 0; i + m <= n; i++) {
				if (memcmp(s + i, intro[k], m) != 0)
					continue;
				for (size_t j = i + m; j < n; j++) {
					size_t q;
					for (q = 0; q < COUNT(stops); q++)
						if (strncmp(s + j, stops[q],
							    strlen(stops[q])) ==
						    0)
							break;
					if (q < COUNT(stops)) {
						if (q == 0)
							return true;
						break;
					}
				}
			}
		}
	}
	return false;
}
