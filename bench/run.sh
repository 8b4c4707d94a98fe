#!/bin/sh
# bench/run.sh KANSA: `make bench`.  Reports, never asserts.
set -eu
cd "$(dirname "$0")/.."
build=$(dirname "$1")
cc -O2 -o "$build/floor_xlsx" bench/floor_xlsx.c \
	$(pkg-config --cflags --libs xlsxwriter sqlite3)
exec python3 bench/bench.py "$1" "$build/floor_xlsx"
