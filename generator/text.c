/* text.c: decoding user text files, NFKC, widths and escaping. */
#include "text.h"

#include <ctype.h>
#include <iconv.h>
#include <nettle/sha2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uninorm.h>
#include <unilbrk.h>
#include <uniwidth.h>

void sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(p = realloc(b->s, cap))) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void *text_grow(void *v, size_t n, size_t size)
{
	if (n >= 4 && (n & (n - 1)) != 0)
		return v;
	return realloc(v, (n < 4 ? 4 : n * 2) * size);
}

void sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len < sizeof(small)) {
		sbuf_add(b, small, (size_t)len);
		return;
	}
	char *big = malloc((size_t)len + 1);
	if (!big) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)len + 1, fmt, ap);
	va_end(ap);
	sbuf_add(b, big, (size_t)len);
	free(big);
}

char *sbuf_take(struct sbuf *b)
{
	char *s = b->s;
	if (b->oom) {
		free(s);
		s = NULL;
	} else if (!s) {
		s = strdup("");
	}
	memset(b, 0, sizeof(*b));
	return s;
}

void sbuf_release(struct sbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

int text_u8_next(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
	if (len <= 0)
		return -1;
	*cp = uc;
	return len;
}

bool text_is_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

size_t text_width(const char *s)
{
	return (size_t)u8_strwidth((const uint8_t *)s, "UTF-8");
}

/* Line number (1-based) of byte offset off in buf. */
static long line_of(const char *buf, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Converts len bytes of buf from the encoding named from to UTF-8 in
 * a new string of at most cap - 1 bytes; NULL when they are not valid in
 * that encoding (or memory ran out).  The caller frees. */
static char *to_utf8(const char *buf, size_t len, const char *from, size_t cap,
		     size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t left = cap - 1, inleft = len;
	char *out, *op, *ip = (char *)buf;

	if (cd == (iconv_t)-1)
		return NULL;
	if (!(out = malloc(cap))) {
		iconv_close(cd);
		return NULL;
	}
	op = out;
	if (iconv(cd, &ip, &inleft, &op, &left) == (size_t)-1 || inleft > 0) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

/* CP932 to UTF-8: a CP932 character of one or two bytes is at most three
 * bytes of UTF-8, so 3 * len + 1 bytes always suffice. */
static char *from_cp932(const char *buf, size_t len, size_t *outlen)
{
	return to_utf8(buf, len, "CP932", len * 3 + 1, outlen);
}

/* UTF-16 (without its BOM) in the named byte order to UTF-8: each 2
 * bytes are at most 3 of UTF-8 (a surrogate pair, 4 bytes, is 4). */
static char *from_utf16(const char *buf, size_t len, const char *from,
			size_t *outlen)
{
	return to_utf8(buf, len, from, len * 2 + 4, outlen);
}

/* Copies buf to a new string with CRLF and CR turned into LF. */
static char *unify_newlines(const char *buf, size_t len, size_t *outlen)
{
	char *out = malloc(len + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				i++;
		} else {
			out[o++] = buf[i];
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Adds an error for the first control character (other than tab, LF, FF). */
static bool has_control(const char *s, size_t n, const char *file,
			struct diags *d)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f') ||
		    c == 0x7f) {
			diags_add(d, DIAG_ERROR, file, line_of(s, i),
				  "control character U+%04X in the text "
				  "(expected a plain text file)",
				  c);
			return true;
		}
	}
	return false;
}

/* UTF-16 with a byte-order mark converted to UTF-8 (*conv, with a
 * notice), or the input as it is; false with an error when invalid. */
static bool decode_utf16(const char **buf, size_t *len, const char *file,
			 struct diags *d, char **conv, enum text_encoding *enc)
{
	const char *from;
	size_t n;

	if (*len < 2 || (memcmp(*buf, "\xFF\xFE", 2) != 0 &&
			 memcmp(*buf, "\xFE\xFF", 2) != 0))
		return true;
	from = (*buf)[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
	if (!(*conv = from_utf16(*buf + 2, *len - 2, from, &n))) {
		diags_add(d, DIAG_ERROR, file, 0,
			  "not valid %s although it starts with its "
			  "byte-order mark: save it as UTF-8",
			  from);
		return false;
	}
	diags_add(d, DIAG_NOTICE, file, 0, "converted from %s to UTF-8", from);
	*enc = TEXT_UTF16;
	*buf = *conv;
	*len = n;
	return true;
}

enum kansa_err text_decode(const char *buf, size_t len, const char *file,
			   struct diags *d, char **out, size_t *outlen,
			   enum text_encoding *enc)
{
	const char *nul;
	char *conv = NULL, *u16 = NULL, *res;
	size_t convlen = 0;
	const uint8_t *bad;
	enum kansa_err err = KANSA_ERR_INPUT;

	*enc = TEXT_UTF8;
	if (!decode_utf16(&buf, &len, file, d, &u16, enc))
		goto out;
	if ((nul = memchr(buf, '\0', len))) {
		diags_add(d, DIAG_ERROR, file,
			  line_of(buf, (size_t)(nul - buf)),
			  "NUL byte at offset %zu: this is a binary file, "
			  "not text (expected UTF-8, Shift_JIS or UTF-16 "
			  "text)",
			  (size_t)(nul - buf));
		goto out;
	}
	if (*enc == TEXT_UTF8 && len >= 3 &&
	    memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
		*enc = TEXT_UTF8_BOM;
	}
	bad = u8_check((const uint8_t *)buf, len);
	if (bad) {
		size_t off = (size_t)((const char *)bad - buf);
		if (*enc != TEXT_UTF8 ||
		    !(conv = from_cp932(buf, len, &convlen))) {
			size_t ls = off;
			while (ls > 0 && buf[ls - 1] != '\n')
				ls--;
			diags_add(d, DIAG_ERROR, file, line_of(buf, off),
				  "invalid UTF-8 at byte %zu of the line "
				  "(byte 0x%02X); the file is neither UTF-8 "
				  "nor Shift_JIS: save it as UTF-8",
				  off - ls + 1, (unsigned char)buf[off]);
			goto out;
		}
		*enc = TEXT_CP932;
		buf = conv;
		len = convlen;
		diags_add(d, DIAG_NOTICE, file, 0,
			  "converted from Shift_JIS (CP932) to UTF-8");
	}
	err = KANSA_ERR_NOMEM;
	if (!(res = unify_newlines(buf, len, outlen)))
		goto out;
	err = KANSA_ERR_INPUT;
	if (has_control(res, *outlen, file, d)) {
		free(res);
		goto out;
	}
	*out = res;
	err = KANSA_OK;
out:
	free(conv);
	free(u16);
	return err;
}

/* Characters that Shift_JIS converters map to different code points. */
static const struct {
	uint32_t from, to;
} folds[] = {
	{0x2015, 0x2014}, /* HORIZONTAL BAR -> EM DASH */
	{0x301C, 0xFF5E}, /* WAVE DASH -> FULLWIDTH TILDE */
	{0x2016, 0x2225}, /* DOUBLE VERTICAL LINE -> PARALLEL TO */
	{0x2212, 0xFF0D}, /* MINUS SIGN -> FULLWIDTH HYPHEN-MINUS */
	{0x00A2, 0xFFE0}, /* CENT SIGN */
	{0x00A3, 0xFFE1}, /* POUND SIGN */
	{0x00AC, 0xFFE2}, /* NOT SIGN */
};

bool text_nfkc_inert(uint32_t cp)
{
	return (cp >= 0x01 && cp < 0x80) || (cp >= 0x3041 && cp <= 0x3096) ||
	       (cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FC ||
	       (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* Whether s is made of characters NFKC leaves alone (and none that the
 * folds change): then text_nfkc() is a copy. */
static bool nfkc_unchanged(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		if (len <= 0 || !text_nfkc_inert(cp))
			return false;
		i += (size_t)len;
	}
	return true;
}

char *text_nfkc(const char *s, size_t n)
{
	struct sbuf b = {0};
	size_t outlen = 0;
	uint8_t *norm;
	char *res;

	/* item IDs, names and statuses are mostly ASCII, kana and kanji:
	 * no u8_normalize() for them (a twentieth of an import's CPU) */
	if (nfkc_unchanged(s, n))
		return strndup(s, n);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		if (len < 0) { /* keep invalid bytes as they are */
			sbuf_add(&b, s + i, 1);
			i++;
			continue;
		}
		for (size_t k = 0; k < sizeof(folds) / sizeof(folds[0]); k++)
			if (folds[k].from == cp) {
				uint8_t tmp[6];
				int tl = u8_uctomb(tmp, folds[k].to, 6);
				sbuf_add(&b, (const char *)tmp, (size_t)tl);
				goto next;
			}
		sbuf_add(&b, s + i, (size_t)len);
	next:
		i += (size_t)len;
	}
	if (b.oom || !b.s) {
		sbuf_release(&b);
		return b.oom ? NULL : strdup("");
	}
	norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)b.s, b.len, NULL,
			    &outlen);
	sbuf_release(&b);
	if (!norm)
		return NULL;
	res = realloc(norm, outlen + 1);
	if (!res) {
		free(norm);
		return NULL;
	}
	res[outlen] = '\0';
	return res;
}

char *text_escape_tsv(const char *s)
{
	struct sbuf b = {0};
	for (; *s; s++) {
		switch (*s) {
		case '\t':
			sbuf_add(&b, "\\t", 2);
			break;
		case '\n':
			sbuf_add(&b, "\\n", 2);
			break;
		case '\r':
			sbuf_add(&b, "\\r", 2);
			break;
		case '\\':
			sbuf_add(&b, "\\\\", 2);
			break;
		default:
			sbuf_add(&b, s, 1);
		}
	}
	return sbuf_take(&b);
}

char *text_escape_json(const char *s)
{
	struct sbuf b = {0};
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			sbuf_add(&b, "\\", 1);
			sbuf_add(&b, s, 1);
		} else if (c == '\n') {
			sbuf_add(&b, "\\n", 2);
		} else if (c == '\t') {
			sbuf_add(&b, "\\t", 2);
		} else if (c < 0x20) {
			sbuf_printf(&b, "\\u%04x", c);
		} else {
			sbuf_add(&b, s, 1);
		}
	}
	return sbuf_take(&b);
}

void text_sha256_hex(const void *data, size_t n, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, n, data);
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

char **text_wrap(const char *s, int width)
{
	size_t n = strlen(s), count = 0, start = 0;
	char *brk = malloc(n + 1), **lines;

	if (!brk)
		return NULL;
	u8_width_linebreaks((const uint8_t *)s, n, width, 0, 0, NULL, "UTF-8",
			    brk);
	for (size_t i = 1; i < n; i++)
		count += brk[i] != UC_BREAK_PROHIBITED;
	if (!(lines = calloc(count + 2, sizeof(*lines)))) {
		free(brk);
		return NULL;
	}
	count = 0;
	for (size_t i = 1; i <= n; i++) {
		size_t end = i;
		if (i < n && brk[i] == UC_BREAK_PROHIBITED)
			continue;
		while (start < end && (s[start] == ' ' || s[start] == '\n'))
			start++;
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
			end--;
		if (end > start &&
		    !(lines[count++] = strndup(s + start, end - start))) {
			text_free_lines(lines);
			free(brk);
			return NULL;
		}
		start = i;
	}
	free(brk);
	return lines;
}

void text_free_lines(char **lines)
{
	for (size_t i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The number of 1 to max ASCII digits at *s (advanced past them), or -1. */
static int digits(const char **s, int max)
{
	int v = 0, n = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n ? v : -1;
}

bool text_parse_fiscal_year(const char *s, int *year)
{
	const char *p = s;
	int y = digits(&p, 4);
	if (p - s != 4 || *p || y < 1900 || y > 2999)
		return false;
	*year = y;
	return true;
}

bool text_parse_date(const char *s, char out[11])
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	const char *p = s;
	int y, m, d;
	char sep;

	y = digits(&p, 4);
	if (p - s != 4 || (*p != '-' && *p != '/'))
		return false;
	sep = *p++;
	m = digits(&p, 2);
	if (*p++ != sep)
		return false;
	d = digits(&p, 2);
	if (*p || y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap(y)))
		return false;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return true;
}

int text_fiscal_year_of(const char *date)
{
	int y = 0, m = 0;
	sscanf(date, "%d-%d", &y, &m);
	return m >= 4 ? y : y - 1;
}

/* The eras with their first days (Gregorian), newest first.  明治 is
 * counted from 1873-01-01, when Japan adopted the Gregorian calendar:
 * before it, month and day were those of the old calendar, which a
 * Gregorian date cannot give (明治 itself began on 1868-10-23). */
static const struct era {
	const char *name; /* 令和 */
	int y, m, d;	  /* its first day */
} eras[] = {
	{"令和", 2019, 5, 1},  {"平成", 1989, 1, 8},   {"昭和", 1926, 12, 25},
	{"大正", 1912, 7, 30}, {"明治", 1868, 10, 23},
};
#define ERA_COUNT (sizeof(eras) / sizeof(eras[0]))
/* Gregorian dates are converted from this day on. */
#define ERA_FROM_Y 1873

static bool on_or_after(int y, int m, int d, const struct era *e)
{
	return y != e->y ? y > e->y : m != e->m ? m > e->m : d >= e->d;
}

/* Era year n of name: 元 for the first. */
static void era_year(char *out, size_t size, const char *name, int n,
		     const char *rest)
{
	if (n == 1)
		snprintf(out, size, "%s元%s", name, rest);
	else
		snprintf(out, size, "%s%d%s", name, n, rest);
}

void text_wareki_fiscal_year(int year, char *out, size_t size)
{
	/* the era in force on 1 April, or one that begins later in the same
	 * year: 2019年度 is 令和元年度, 1988年度 昭和63年度 */
	for (size_t i = 0; i < ERA_COUNT; i++)
		if (year >= ERA_FROM_Y &&
		    (eras[i].y == year || on_or_after(year, 4, 1, &eras[i]))) {
			era_year(out, size, eras[i].name, year - eras[i].y + 1,
				 "年度");
			return;
		}
	snprintf(out, size, "%d年度", year);
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long text_days_between(const char *a, const char *b)
{
	int y1 = 0, m1 = 1, d1 = 1, y2 = 0, m2 = 1, d2 = 1;
	sscanf(a, "%d-%d-%d", &y1, &m1, &d1);
	sscanf(b, "%d-%d-%d", &y2, &m2, &d2);
	return days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1);
}

char *text_cell(const char *s, size_t width, bool right)
{
	struct sbuf b = {0};
	size_t used = 0, total = text_width(s), pad;

	if (total <= width) {
		pad = width - total;
		for (size_t i = 0; right && i < pad; i++)
			sbuf_add(&b, " ", 1);
		sbuf_adds(&b, s);
		for (size_t i = 0; !right && i < pad; i++)
			sbuf_add(&b, " ", 1);
		return sbuf_take(&b);
	}
	while (*s) {
		uint32_t cp;
		int len = text_u8_next(s, strlen(s), &cp);
		char ch[5] = {0};
		size_t w;
		if (len < 0)
			break;
		memcpy(ch, s, (size_t)len);
		w = text_width(ch);
		if (used + w + 1 > width)
			break;
		sbuf_add(&b, s, (size_t)len);
		used += w;
		s += len;
	}
	sbuf_adds(&b, "…");
	for (used++; used < width; used++)
		sbuf_add(&b, " ", 1);
	return sbuf_take(&b);
}

char *text_cut(const char *s, size_t width)
{
	char *c = text_cell(s, width, false);
	size_t n = c ? strlen(c) : 0;
	while (n > 0 && c[n - 1] == ' ')
		c[--n] = '\0';
	return c;
}

char *text_wareki_dates(const char *s)
{
	struct sbuf b = {0};
	char one[64];
	const char *begin = s;
	while (*s) {
		int n = 0, y, m, d;
		if (isdigit((unsigned char)*s) &&
		    (s == begin || !isdigit((unsigned char)s[-1])) &&
		    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
		    n == 10 &&
		    (s[n] == '\0' || !isdigit((unsigned char)s[n]))) {
			char iso[11];
			memcpy(iso, s, 10);
			iso[10] = '\0';
			text_wareki_date(iso, one, sizeof(one));
			sbuf_adds(&b, one);
			s += n;
		} else
			sbuf_add(&b, s++, 1);
	}
	return sbuf_take(&b);
}

bool text_wareki_date(const char *date, char *out, size_t size)
{
	int y = 0, m = 0, d = 0;
	char rest[32];

	if (sscanf(date, "%d-%d-%d", &y, &m, &d) != 3 || y < ERA_FROM_Y) {
		snprintf(out, size, "%s", date);
		return false;
	}
	snprintf(rest, sizeof(rest), "年%d月%d日", m, d);
	for (size_t i = 0; i < ERA_COUNT; i++)
		if (on_or_after(y, m, d, &eras[i])) {
			era_year(out, size, eras[i].name, y - eras[i].y + 1,
				 rest);
			return true;
		}
	snprintf(out, size, "%s", date);
	return false;
}

void text_rate(char *buf, size_t n, double rate)
{
	if (rate < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.1f %%", rate * 100);
}

void text_chapter_name(char *buf, size_t n, const char *chapter)
{
	if (*chapter && strspn(chapter, "0123456789") == strlen(chapter))
		snprintf(buf, n, "第%s章", chapter);
	else
		snprintf(buf, n, "%s", chapter);
}

bool text_is_blank(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

char *text_trim(const char *s)
{
	size_t b, e;
	text_trim_span(s, &b, &e);
	return strndup(s + b, e - b);
}

void text_trim_span(const char *s, size_t *from, size_t *to)
{
	size_t n = strlen(s), b = 0, e = 0;
	uint32_t cp;
	int l;

	while (b < n && (l = text_u8_next(s + b, n - b, &cp)) > 0 &&
	       text_is_blank(cp))
		b += (size_t)l;
	e = b;
	for (size_t i = b; i < n;) {
		l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			e = ++i;
			continue;
		}
		i += (size_t)l;
		if (!text_is_blank(cp))
			e = i;
	}
	*from = b;
	*to = e;
}

size_t text_distance(const char *a, const char *b)
{
	uint32_t ca[64], cb[64];
	size_t na = 0, nb = 0, row[65];
	for (size_t i = 0; a[i] && na < 64;) {
		int l = text_u8_next(a + i, strlen(a + i), &ca[na++]);
		i += l > 0 ? (size_t)l : 1;
	}
	for (size_t i = 0; b[i] && nb < 64;) {
		int l = text_u8_next(b + i, strlen(b + i), &cb[nb++]);
		i += l > 0 ? (size_t)l : 1;
	}
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j],
			       best = diag + (ca[i - 1] != cb[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[nb];
}

const char *text_nearest(const char *s, const char *const *words, size_t n)
{
	const char *best = NULL;
	size_t bd = SIZE_MAX, chars = 0;

	for (const char *p = s; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	for (size_t i = 0; i < n; i++) {
		size_t dd = text_distance(s, words[i]);
		if (dd < bd) {
			bd = dd;
			best = words[i];
		}
	}
	return bd <= chars / 4 + 1 ? best : NULL;
}

void text_add_link_path(struct sbuf *b, const char *prefix, const char *path)
{
	sbuf_adds(b, prefix);
	for (; *path; path++)
		if (*path == '%')
			sbuf_adds(b, "%25");
		else if (*path == '#')
			sbuf_adds(b, "%23");
		else if (*path == ':')
			sbuf_adds(b, "%3A");
		else
			sbuf_add(b, path, 1);
}
