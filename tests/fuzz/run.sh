#!/bin/sh
# tests/fuzz/run.sh SECONDS TARGET...: builds each libFuzzer harness
# (tests/fuzz/fuzz_TARGET.c) with clang and ASan/UBSan and runs it for
# SECONDS, starting from the seed corpus in tests/fuzz/seeds/TARGET.
# Findings (crash-*, leak-*, timeout-*) are left in build/fuzz/.
# FUZZ_UNIT_TIMEOUT: seconds one input may take before libFuzzer calls it
# a timeout (default 20; raise it on a loaded machine, where a long but
# linear input can pass 20 s in the sanitised build).
set -eu
cd "$(dirname "$0")/../.."
seconds=$1
shift
KANSA_DEPS_EXTRA="clang libclang-rt-14-dev" sh tools/deps.sh
mkdir -p build/fuzz
srcs=$(ls generator/*.c | grep -v -E "generator/(main|cli|cmd_[a-z_]*)\.c")
cflags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
	-Igenerator -I/usr/include/iniparser
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
libs="$(pkg-config --libs xlsxwriter sqlite3 nettle libzip expat) -lhpdf -liniparser
	-lunistring -lm"
sh tools/embed.sh build/fuzz/templates_data.c templates/*
# shellcheck disable=SC2086
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igenerator \
	-I/usr/include/iniparser -o build/fuzz/schema_rows tools/schema_rows.c \
	generator/store_migrate.c generator/store_schema.c $(pkg-config --libs sqlite3)
build/fuzz/schema_rows build/fuzz/store_schema_rows.c
srcs="$srcs build/fuzz/templates_data.c build/fuzz/store_schema_rows.c"
status=0
for t in "$@"; do
	name=${t#fuzz_}
	bin=build/fuzz/$t
	echo "fuzz: building $t"
	# shellcheck disable=SC2086
	clang $cflags -o "$bin" "tests/fuzz/$t.c" $srcs $libs
	corpus=build/fuzz/corpus-$name
	mkdir -p "$corpus"
	cp -n tests/fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz: running $t for $seconds s"
	if ! (cd build/fuzz && "./$t" -max_total_time="$seconds" \
		-max_len=1048576 -rss_limit_mb=2048 -timeout="${FUZZ_UNIT_TIMEOUT:-20}" \
		-print_final_stats=1 "corpus-$name" >"$t.log" 2>&1); then
		status=1
		grep -A30 "ERROR:" "build/fuzz/$t.log" | head -40
	fi
	tail -8 "build/fuzz/$t.log"
done
exit $status
