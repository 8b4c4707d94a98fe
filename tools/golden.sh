#!/bin/sh
# tools/golden.sh KANSA OUTDIR: makes the demo's documents (as `make demo`
# does, in a scratch copy of the demo workspace, with fixed --as-of and
# --date) and writes what a reader sees of each into OUTDIR: every cell of
# each workbook (tests/regress/dump_xlsx.py, openpyxl), `pdftotext -layout`
# of each PDF and the text results.  `make golden` writes them into
# tests/regress/documents, the reviewed copies that tests/cli/golden.sh
# compares on every run.
set -eu
kansa=$1
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
case $kansa in /*) ;; *) kansa=$PWD/$kansa ;; esac
case $out in /*) ;; *) out=$PWD/$out ;; esac
py=/usr/bin/python3 # Debian's, with python3-openpyxl
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kansa-golden.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/kansa.ini" "$root/checklists" "$root/templates" \
	"$root/examples" "$scratch/"
cd "$scratch"
{
	"$kansa" run --year 2024 --as-of 2025-03-31 --date 2025-04-10
	"$kansa" run --year 2025 --as-of 2026-01-31 --date 2026-02-10
	"$kansa" --db output/kansa.db report plans --as-of 2026-01-31 \
		--date 2026-02-10
} >"$scratch/log" 2>&1 || {
	cat "$scratch/log" >&2
	echo "golden: the demo run failed" >&2
	exit 1
}
rm -rf "$out"
for y in 2024 2025; do
	mkdir -p "$out/$y"
	for f in output/$y/*.xlsx; do
		"$py" "$root/tests/regress/dump_xlsx.py" "$f" >"$out/$y/${f##*/}.txt"
	done
	for f in output/$y/*.pdf; do
		pdftotext -layout "$f" "$out/$y/${f##*/}.txt" 2>/dev/null
	done
	for f in status score findings diff; do
		[ -f "output/$y/$f.txt" ] && cp "output/$y/$f.txt" "$out/$y/"
	done
done
