#!/bin/sh
# tests/run.sh [BUILD [FILE...]]: runs kansa's unit tests (cmocka) and its
# command tests (tests/cli/*.sh), then prints one summary line: "N passed,
# N failed".  Given FILEs (tests/cli/x.sh ...), it runs only those.
#
# Each tests/cli/*.sh declares at its top how many results (ok or not_ok)
# it records, with `test_plan N` (git's test-lib checks its plan the same
# way): a file that records fewer or more, stops early or declares no
# plan is a failure.  A test whose set-up fails records that with
# `setup_failed WHAT` before it returns, instead of vanishing.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
BUILD=${1:-build}
[ $# -gt 0 ] && shift
KANSA="$ROOT/$BUILD/kansa"
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/kansa-tests.XXXXXX")
_tr_finished=0
_tr_current="tests/run.sh"
# A test file that exits (instead of returning) ends the whole run: say so.
trap 'rc=$?; rm -rf "$TMPROOT"; if [ "$_tr_finished" -ne 1 ]; then
	echo "FATAL: unexpected exit (status $rc) in $_tr_current: the run is incomplete"
	exit 1; fi' EXIT
passed=0
failed=0
export LC_ALL=C.UTF-8 TZ=UTC
unset LANGUAGE
# Leaks inside the system libraries (only read by sanitizer builds).
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
unset KANSA_DB

ok() {
	passed=$((passed + 1))
	printf 'ok   %s\n' "$1"
}

not_ok() {
	failed=$((failed + 1))
	printf 'FAIL %s\n' "$1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/     | /' | head -40
	return 0
}

# setup_failed WHAT: records that a test could not set itself up (so it
# fails instead of vanishing); the caller then returns.
setup_failed() {
	not_ok "$1: set-up failed${2:+ ($2)}"
	cd "$ROOT" || exit 1
}

# test_plan N: the number of results the current tests/cli file records.
test_plan() {
	_tr_plan=$1
}

# A fresh empty folder for one test; echoes its path.
workspace() {
	d=$(mktemp -d "$TMPROOT/ws.XXXXXX")
	echo "$d"
}

# seed_ws ORGANISATION YEAR...: a new council's workspace as a test
# starts from: `kansa init` in $(workspace)/ws, the seed policy as its
# policy text and the demo's files of each YEAR (examples/YEAR); echoes
# the folder that holds ws.
seed_ws() {
	org=$1
	shift
	d=$(workspace)
	"$KANSA" init --organisation "$org" --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt" || return 1
	rm -rf "$d/ws/2025"
	for y in "$@"; do
		cp -r "$ROOT/examples/$y" "$d/ws/" || return 1
	done
	echo "$d"
}

# check NAME CMD...: passes when CMD succeeds.
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] && [ $# -eq 0 ] || continue
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' |
		awk '{s += $1} END {print s + 0}')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' |
		awk '{s += $1} END {print s + 0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ]; then
		printf 'ok   %s (%s tests)\n' "$(basename "$t")" "$p"
	else
		printf 'FAIL %s\n' "$(basename "$t")"
		printf '%s\n' "$out" | grep -E 'ERROR|FAILED|error|Sanitizer' |
			head -20 | sed 's/^/     | /'
	fi
done

# Every seed and corpus file of each fuzz harness, replayed through it
# (built with tests/fuzz/replay.c by `make unit`, no libFuzzer needed).
for src in tests/fuzz/fuzz_*.c; do
	[ $# -eq 0 ] || break
	h=$(basename "$src" .c)
	name=${h#fuzz_}
	if [ ! -x "$BUILD/replay/$h" ]; then
		not_ok "fuzz replay: $h" "$BUILD/replay/$h is not built (make unit)"
		continue
	fi
	set -- tests/fuzz/seeds/"$name"/*
	if [ ! -f "$1" ]; then
		set --
		not_ok "fuzz replay: $h" "no seeds in tests/fuzz/seeds/$name"
		continue
	fi
	n=$#
	out=$("$BUILD/replay/$h" "$@" 2>&1)
	rc=$?
	set --
	if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^replayed ')" -eq "$n" ]; then
		ok "fuzz replay: $h on its $n seeds"
	else
		not_ok "fuzz replay: $h on its $n seeds (exit $rc)" \
			"$(printf '%s\n' "$out" | grep -v '^replayed ' | head -30)"
	fi
done

# The workspace many files start from (the seed policy derived as version
# 2024 into its kansa.db), made once here so that any file also runs alone.
BASE_WS=$(workspace)
(cd "$BASE_WS" && "$KANSA" derive --version 2024 -o cl.ini \
	"$ROOT/checklists/mito-gikai-taisaku-kijun.txt") >/dev/null 2>&1 ||
	not_ok "the base workspace: kansa derive failed"

[ $# -eq 0 ] && set -- tests/cli/*.sh
for _tr_file in "$@"; do
	_tr_current=$_tr_file
	_tr_plan=""
	_tr_before=$((passed + failed))
	# shellcheck source=/dev/null
	. "./$_tr_file"
	cd "$ROOT" || exit 1
	_tr_ran=$((passed + failed - _tr_before))
	if [ -z "$_tr_plan" ]; then
		not_ok "$_tr_file declares no plan" \
			"add 'test_plan N' at its top, N = the number of ok/not_ok it records ($_tr_ran now)"
	elif [ "$_tr_ran" -ne "$_tr_plan" ]; then
		not_ok "$_tr_file planned $_tr_plan results and recorded $_tr_ran" \
			"a test vanished, stopped early or was added without updating its test_plan"
	fi
done

_tr_finished=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
