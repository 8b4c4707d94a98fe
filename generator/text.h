/* text.h: UTF-8 text: decoding user files, NFKC, widths, escaping.
 *
 * Ownership: every function that returns char * returns a new malloc'd
 * NUL-terminated string that the caller frees; NULL means out of memory
 * unless said otherwise.
 */
#ifndef KANSA_TEXT_H
#define KANSA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* How text_decode() found the input. */
enum text_encoding {
	TEXT_UTF8,     /* plain UTF-8 */
	TEXT_UTF8_BOM, /* UTF-8 with a byte-order mark, stripped */
	TEXT_CP932,    /* Shift_JIS (CP932), converted */
	TEXT_UTF16     /* UTF-16 with a byte-order mark, converted */
};

/*
 * Decodes the bytes of a user's text file into UTF-8 with LF line ends:
 * strips a BOM, converts Shift_JIS (CP932) when the bytes are not UTF-8,
 * turns CRLF and CR into LF.  Refuses NUL bytes, control characters and
 * bytes that are neither UTF-8 nor CP932, with diagnostics naming the
 * line.  Returns KANSA_ERR_INPUT (diagnostics added) or KANSA_ERR_NOMEM;
 * on success *out (caller frees) and *outlen are set, and a notice is
 * added when the encoding was converted.
 */
enum kansa_err text_decode(const char *buf, size_t len, const char *file,
			   struct diags *d, char **out, size_t *outlen,
			   enum text_encoding *enc);

/*
 * NFKC-normalises n bytes of valid UTF-8 after folding the characters
 * that Shift_JIS converters map differently (U+2015 to U+2014, U+301C to
 * U+FF5E, U+2212 to U+FF0D ...), so that a file re-saved in Shift_JIS
 * normalises to the same text as its UTF-8 original.
 */
char *text_nfkc(const char *s, size_t n);
/* Whether NFKC leaves cp alone whatever surrounds it (ASCII but NUL,
 * hiragana, katakana, CJK unified ideographs: no decomposition, and no
 * composition with another character: tests/unit/test_nfkc.c checks it
 * against libunistring).  text_nfkc() copies text of these alone. */
bool text_nfkc_inert(uint32_t cp);

/* Decodes one code point at s (n bytes left); returns its length, or -1. */
int text_u8_next(const char *s, size_t n, uint32_t *cp);
/* True when the n bytes at s are valid UTF-8. */
bool text_is_utf8(const char *s, size_t n);

/* True for a character that is white space of any kind (Unicode
 * White_Space) or invisible (zero-width space, joiners, BOM). */
bool text_is_blank(uint32_t cp);
/* s without blank characters (text_is_blank) at either end, as a new
 * string (NULL when out of memory). */
char *text_trim(const char *s);
/* Where text_trim(s) starts and ends in s: [*from, *to). */
void text_trim_span(const char *s, size_t *from, size_t *to);
/* Levenshtein distance of a and b in characters (their first 64). */
size_t text_distance(const char *a, const char *b);
/* The word of words[0..n) nearest to s, when a reader would call it a
 * slip (at most a quarter of its characters plus one away), else NULL. */
const char *text_nearest(const char *s, const char *const *words, size_t n);
/* Columns a string takes in a terminal: East Asian wide chars count 2. */
size_t text_width(const char *s);

/*
 * Breaks s into lines of at most width terminal columns at the places
 * Unicode line breaking allows (no line starts with 、。」 and none ends
 * with 「（).  Returns a NULL-terminated array of new strings (caller
 * frees each and the array), or NULL when out of memory.
 */
char **text_wrap(const char *s, int width);
void text_free_lines(char **lines);

/*
 * Parses a date written YYYY-MM-DD (or YYYY/MM/DD; month and day of one
 * or two digits) into out as YYYY-MM-DD; false when it is anything else
 * or not a real calendar date.  The one date parser of kansa.
 */
bool text_parse_date(const char *s, char out[11]);
/*
 * Parses a fiscal year written as four ASCII digits from 1900 to 2999
 * ("2025") into *year; false for anything else ("2025abc", "2025年度",
 * " 2025", "+2025").  The one fiscal-year parser of kansa.
 */
bool text_parse_fiscal_year(const char *s, int *year);
/* Days from date a to date b (both YYYY-MM-DD): b - a. */
long text_days_between(const char *a, const char *b);
/* The fiscal year (April to March) a YYYY-MM-DD date falls in. */
int text_fiscal_year_of(const char *date);

/*
 * The fiscal year in the Japanese era calendar: 2025 -> "令和7年度",
 * 2019 -> "令和元年度", 2018 -> "平成30年度".  out has room for size bytes.
 */
void text_wareki_fiscal_year(int year, char *out, size_t size);

/*
 * s fitted to exactly width terminal columns: cut with "…" when longer,
 * padded with spaces (on the left when right) when shorter.
 */
char *text_cell(const char *s, size_t width, bool right);

/* s cut to at most width columns (with "…"), not padded. */
char *text_cut(const char *s, size_t width);

/* A rate 0..1 as the reports print it ("95.8 %"), or "-" when it is
 * negative (nothing applies). */
void text_rate(char *buf, size_t n, double rate);

/* A chapter as the reports name it: a bare number (the seed policy's "1")
 * as 第1章; any other citation ("第1章", "第1") as it is, never wrapped
 * again. */
void text_chapter_name(char *buf, size_t n, const char *chapter);
/*
 * A YYYY-MM-DD date in the era calendar: "令和8年2月10日", "平成元年1月8日",
 * "昭和64年1月7日" (明治 to 令和, each from its first day).  A date before
 * 1873-01-01 (the Gregorian calendar's adoption) or not a date is copied
 * as it is and false returned.
 */
bool text_wareki_date(const char *date, char *out, size_t size);

/* A copy of s with every YYYY-MM-DD written in 和暦 (caller frees). */
char *text_wareki_dates(const char *s);

/* Escapes tab, newline, CR and backslash as \t \n \r \\ (for TSV). */
char *text_escape_tsv(const char *s);
/* Escapes s as the contents of a JSON string (without the quotes). */
char *text_escape_json(const char *s);

/* Hex SHA-256 of n bytes; out has room for 65 bytes. */
void text_sha256_hex(const void *data, size_t n, char out[65]);

/* A growable string. */
/*
 * For an array only ever appended to, element by element: returns v with
 * room for element n (reallocated, or NULL when out of memory, v intact).
 * The capacity is the power of two at or above n (at least 4), so n
 * appends cost O(n) copying, not O(n^2).
 */
void *text_grow(void *v, size_t n, size_t size);

struct sbuf {
	char *s;    /* NUL-terminated contents, or NULL before the first add */
	size_t len; /* bytes in s */
	size_t cap; /* allocated */
	bool oom;   /* an allocation failed: contents are incomplete */
};
void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands over the string (never NULL unless out of memory). */
char *sbuf_take(struct sbuf *b);
void sbuf_release(struct sbuf *b);

/* Appends prefix and path to b with '%', '#' and ':' percent-encoded,
 * for a relative workbook link (libxlsxwriter escapes the rest, reads
 * '#' as the start of a location in the file and a ':' as an absolute
 * path). */
void text_add_link_path(struct sbuf *b, const char *prefix, const char *path);

#endif
