#!/bin/sh
# tools/demo.sh KANSA: the yearly run on the demo data, writing to output/.
# What exists so far: the checklist derived from the council's policy.
set -eu
cd "$(dirname "$0")/.."
kansa=$1
db=output/kansa.db
mkdir -p output
echo "== kansa derive: 対策基準 -> checklists/mito-gikai-taisaku-kijun.ini"
"$kansa" --db "$db" derive checklists/mito-gikai-taisaku-kijun.txt
"$kansa" --db "$db" items --format tsv >output/items.tsv
echo
echo "demo: wrote output/items.tsv ($(($(wc -l <output/items.tsv) - 1)) items)" \
	"and the database $db"
