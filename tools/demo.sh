#!/bin/sh
# tools/demo.sh KANSA: the yearly run on the demo data in examples/,
# writing to output/ (the database is output/kansa.db).
set -eu
cd "$(dirname "$0")/.."
kansa=$1
db=output/kansa.db
mkdir -p output
rm -f "$db"
echo "== kansa derive: 対策基準 -> checklists/mito-gikai-taisaku-kijun.ini"
"$kansa" --db "$db" derive checklists/mito-gikai-taisaku-kijun.txt
"$kansa" --db "$db" items --format tsv >output/items.tsv
for year in 2024 2025; do
	echo
	echo "== kansa import --year $year"
	"$kansa" --db "$db" import --year "$year" examples/"$year"/answers/*.ini \
		examples/"$year"/evidence/register.ini
done
echo
echo "== kansa verify --year 2025"
"$kansa" --db "$db" verify --year 2025
echo
echo "== kansa status --year 2025 --as-of 2026-01-31"
"$kansa" --db "$db" status --year 2025 --as-of 2026-01-31 >output/status-2025.txt
head -24 output/status-2025.txt
echo "   ... (the whole status is in output/status-2025.txt)"
echo
echo "demo: wrote output/items.tsv, output/status-2025.txt and $db"
