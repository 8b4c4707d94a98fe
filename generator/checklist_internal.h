/* checklist_internal.h: what checklist_words.c (sentences and the
 * wording that obliges) and checklist_roles.c (the roles a clause
 * names) lend checklist.c.  checklist.c calls both, checklist_roles.c
 * calls checklist_words.c, never the other way. */
#ifndef KANSA_CHECKLIST_INTERNAL_H
#define KANSA_CHECKLIST_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checklist.h"
#include "roles.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The role table of the derive under way (set by checklist_derive). */
extern const struct role_table *checklist_roles_now;

/* checklist_words.c */
/* The next sentence of s from *pos: ends after a 。 outside brackets. */
bool checklist_next_sentence(const char *s, size_t *pos, size_t *start,
			     size_t *len);
/* True when the sentence obliges: なければならない, 必要がある ... */
bool checklist_sentence_requires(const char *s, size_t n);
bool checklist_sentence_recommends(const char *s, size_t n);
/* The obligation of a text: -1 none, else an enum item_level. */
int checklist_obligation_of(const char *text);
/*
 * True when an obliging sentence introduces the list below it: 次の事項を,
 * 以下を全て含む, 以下の内容を ... (the listed thing is the object, を),
 * but not 次のとおり分類し or 次の実現方法等により.
 */
bool checklist_introduces_list(const char *text);

/* checklist_roles.c */
/* Spaces dropped and the typo CIS0 read as CISO (for matching only). */
char *checklist_squeeze(const char *s, size_t n);
/* True for kanji and katakana: a name after one is part of a longer
 * name (統括情報セキュリティ責任者 is not 情報セキュリティ責任者). */
bool checklist_in_word(uint32_t cp);
/*
 * The actors of one sentence: the roles of its topic (before the first
 * は、), else a role written as an explicit subject (ROLEは, ROLEが、).
 */
unsigned checklist_sentence_roles(const char *s, size_t n);
/*
 * The actors of a clause: of its obliging sentences (a sentence without
 * one continues the actor of the sentence before), else of any sentence,
 * else of its title.
 */
unsigned checklist_clause_roles(const struct clause *c);
char *checklist_roles_string(unsigned set);

#endif
