/* render_text_fields.c: cells, TSV and JSON fields and wrapped text
 * for the text renderers. */
#include "render_text_internal.h"

#include <stdlib.h>

#include "text.h"

/* Prints s in a cell of width columns. */
void render_text_cell(FILE *out, const char *s, size_t width, bool right)
{
	char *c = text_cell(s, width, right);
	fputs(c ? c : s, out);
	free(c);
}

/* Prints s cut to width columns, without padding (a line's last cell). */
void render_text_last_cell(FILE *out, const char *s, size_t width)
{
	char *c = text_cut(s, width);
	fputs(c ? c : s, out);
	free(c);
}

void render_text_rate_cell(FILE *out, double rate, size_t width)
{
	char buf[32];
	text_rate(buf, sizeof(buf), rate);
	render_text_cell(out, buf, width, true);
}

void render_text_count_cell(FILE *out, size_t n, size_t width)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", n);
	render_text_cell(out, buf, width, true);
}

void render_text_tsv_field(FILE *out, const char *s, bool last)
{
	char *e = text_escape_tsv(s ? s : "");
	fputs(e ? e : "", out);
	fputc(last ? '\n' : '\t', out);
	free(e);
}

void render_text_tsv_rate(FILE *out, double rate)
{
	if (rate >= 0)
		fprintf(out, "%.6f", rate);
	fputc('\t', out);
}

void render_text_json_str(FILE *out, const char *key, const char *v, bool comma)
{
	char *e = text_escape_json(v ? v : "");
	fprintf(out, "\"%s\": \"%s\"%s", key, e ? e : "", comma ? ", " : "");
	free(e);
}

void render_text_json_rate(FILE *out, const char *key, double rate, bool comma)
{
	if (rate >= 0)
		fprintf(out, "\"%s\": %.6f%s", key, rate, comma ? ", " : "");
	else
		fprintf(out, "\"%s\": null%s", key, comma ? ", " : "");
}

/* Prints text indented, wrapped to 80 columns. */
void render_text_wrapped(FILE *out, const char *label, const char *text)
{
	char **lines = text_wrap(text, 70 - (int)text_width(label));
	fprintf(out, "      %s", label);
	for (size_t i = 0; lines && lines[i]; i++) {
		if (i)
			fprintf(out, "      %*s", (int)text_width(label), "");
		fprintf(out, "%s\n", lines[i]);
	}
	if (!lines || !lines[0])
		fputc('\n', out);
	text_free_lines(lines);
}
