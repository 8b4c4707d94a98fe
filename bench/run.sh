#!/bin/sh
# bench/run.sh KANSA [SIZE...]: `make bench` (BENCH_SIZES, default "30 300
# 3000 10000"; BENCH_PAIRS runs a figure, default 3).  Builds the floor
# programs, then runs bench/bench.py.  Reports, never asserts.
set -eu
cd "$(dirname "$0")/.."
kansa=$1
shift
build=$(dirname "$kansa")
KANSA_DEPS_EXTRA="gnuplot-nox" sh tools/deps.sh
cc="cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igenerator"
# shellcheck disable=SC2046 # pkg-config's flags are words
$cc -o "$build/floor_xlsx" bench/floor_xlsx.c bench/floor_read.c \
	$(pkg-config --cflags --libs xlsxwriter sqlite3)
# The PDF floor makes its fonts as kansa does (generator/pdf_font.c).
# shellcheck disable=SC2046
$cc -o "$build/floor_pdf" bench/floor_pdf.c bench/floor_read.c \
	generator/pdf_font.c generator/text.c generator/err.c -lhpdf \
	-lunistring $(pkg-config --cflags --libs sqlite3 nettle)
exec /usr/bin/python3 bench/bench.py "$kansa" "$build/floor_xlsx" \
	"$build/floor_pdf" "$@"
