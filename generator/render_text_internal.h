/* render_text_internal.h: the cells and fields render_text_fields.c
 * lends render_text.c and render_text_findings.c, which call it, never
 * the other way. */
#ifndef KANSA_RENDER_TEXT_INTERNAL_H
#define KANSA_RENDER_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "render_text.h"

/* Prints s in a cell of width columns. */
void render_text_cell(FILE *out, const char *s, size_t width, bool right);
/* Prints s cut to width columns, without padding (a line's last cell). */
void render_text_last_cell(FILE *out, const char *s, size_t width);
void render_text_rate_cell(FILE *out, double rate, size_t width);
void render_text_count_cell(FILE *out, size_t n, size_t width);
void render_text_tsv_field(FILE *out, const char *s, bool last);
void render_text_tsv_rate(FILE *out, double rate);
void render_text_json_str(FILE *out, const char *key, const char *v,
			  bool comma);
void render_text_json_rate(FILE *out, const char *key, double rate, bool comma);
/* Prints text indented, wrapped to 80 columns. */
void render_text_wrapped(FILE *out, const char *label, const char *text);

#endif
