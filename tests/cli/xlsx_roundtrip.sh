# tests/cli/xlsx_roundtrip.sh: workbooks that come back.  The demo
# workpaper edited with openpyxl and saved again by LibreOffice is taken
# by `kansa import` as the audit record; hostile workbooks are refused.
test_plan 16
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).

PY=/usr/bin/python3 # Debian's, with python3-openpyxl

# lo_convert: in xlsx_figures.sh (sourced before this file).

t_xlsx_workpaper_roundtrip() {
	ws=$(demo_ws) || { not_ok "xlsx: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	book=output/2025/kansa-2025-workpaper.xlsx
	if ! out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 \
		--only xlsx 2>&1); then
		not_ok "xlsx: kansa report writes the workpaper" "$out"
		cd "$ROOT"
		return
	fi
	if ! $PY "$ROOT/tests/cli/edit_workpaper.py" "$book" edited.xlsx >changed.tsv 2>err ||
		[ "$(wc -l <changed.tsv)" -ne 3 ]; then
		not_ok "xlsx: openpyxl edits three judgements" "$(cat err changed.tsv)"
		cd "$ROOT"
		return
	fi
	if ! lo_convert "$ws/lo" "$ws/edited.xlsx" xlsx || [ ! -s lo/out/edited.xlsx ]; then
		not_ok "xlsx: LibreOffice saves the edited workpaper" "$(cat lo/log)"
		cd "$ROOT"
		return
	fi
	# the same workpaper for another year is refused, the database untouched
	before=$(sha256sum kansa.db)
	out=$("$KANSA" import --year 2024 lo/out/edited.xlsx 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && [ "$before" = "$(sha256sum kansa.db)" ] &&
		printf '%s' "$out" | grep -q "kansa!B2: the workbook is for another fiscal year ('2025'; the import is for '2024')"; then
		ok "xlsx: a workpaper of another year is refused at kansa!B2 (exit 3, nothing stored)"
	else
		not_ok "xlsx: a workpaper of another year is refused" "rc=$rc $out"
	fi
	if out=$("$KANSA" import --year 2025 lo/out/edited.xlsx 2>&1); then
		ok "xlsx: the workpaper saved by LibreOffice imports as the audit record"
	else
		not_ok "xlsx: the workpaper saved by LibreOffice imports" "$out"
		cd "$ROOT"
		return
	fi
	"$KANSA" findings --year 2025 --as-of $AS_OF --format tsv >f.tsv
	miss=$(while IFS="$(printf '\t')" read -r id grade; do
		awk -F'\t' -v id="$id" -v g="$grade" \
			'$2 == id && $1 == g && $6 == "yes" && index($9, "テスト所見 " id) == 1 { f = 1 }
			END { exit !f }' f.tsv || echo "$id $grade"
	done <changed.tsv)
	if [ -z "$miss" ]; then
		ok "xlsx: kansa findings shows the three new judgements and their 所見"
	else
		not_ok "xlsx: kansa findings shows the new judgements" "$miss"
	fi
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if out=$($PY "$ROOT/tests/cli/check_roundtrip.py" "$book" changed.tsv 2>&1); then
		ok "xlsx: the next workpaper shows the judgements, 所見 and the cover's 監査担当"
	else
		not_ok "xlsx: the next workpaper shows the edits" "$out"
	fi
	# the openpyxl file itself (inline strings, no LibreOffice) too
	if out=$("$KANSA" import --year 2025 edited.xlsx 2>&1); then
		ok "xlsx: the workpaper saved by openpyxl imports"
	else
		not_ok "xlsx: the workpaper saved by openpyxl imports" "$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# xlsx_refused FILE MESSAGE: import fails with exit 3, MESSAGE, in bounded
# time, and the database is unchanged.
xlsx_refused() {
	before=$(sha256sum kansa.db)
	out=$(timeout 120 "$KANSA" import --year 2025 "hostile/$1" 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && [ "$before" = "$(sha256sum kansa.db)" ] &&
		printf '%s' "$out" | grep -qF "$2"; then
		ok "xlsx: $1 refused: $2"
	else
		not_ok "xlsx: $1 refused: $2" "rc=$rc $out"
	fi
}

t_xlsx_hostile() {
	ws=$(demo_ws) || { not_ok "xlsx: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if ! out=$($PY "$ROOT/tests/cli/hostile_xlsx.py" \
		output/2025/kansa-2025-workpaper.xlsx hostile 2>&1); then
		not_ok "xlsx: the hostile workbooks are made" "$out"
		cd "$ROOT"
		return
	fi
	xlsx_refused bomb.xlsx "inflates to more than 96 MB (a zip bomb?)"
	xlsx_refused laughs.xlsx "a document type declaration (DTD)"
	xlsx_refused rows.xlsx "more than 1000000 cells on one sheet"
	xlsx_refused badname.xlsx "a zip entry with a bad name"
	xlsx_refused notzip.xlsx "not an Excel workbook (.xlsx)"
	xlsx_refused renamed.xlsx "the sheet '監査調書' is missing (renamed or removed?)"
	xlsx_refused noident.xlsx "not a workbook kansa wrote (no hidden sheet 'kansa')"
	xlsx_refused formula.xlsx "hostile/formula.xlsx:監査調書!M2: a formula in the finding cell"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_workpaper_roundtrip
t_xlsx_hostile

# An answer workbook filled by openpyxl (and saved again by LibreOffice)
# stores the same answers as the INI sheet filled with the same values.
t_xlsx_answer_sheet() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	mkdir -p ev/2025
	printf 'ログ設定\n' >ev/2025/log.txt
	printf '[kansa]\nkind = evidence\nfiscal_year = 2025\n[EV#7]\ntitle = "ログ設定"\nfile = 2025/log.txt\ncollected_on = 2025/09/01\n' \
		>ev/register.ini
	if ! out=$("$KANSA" template --year 2025 --role 情報システム管理者 \
		--department 議事調査課 -o sheets 2>&1) ||
		! out=$("$KANSA" template --year 2025 --role 情報システム管理者 \
			--department 議事調査課 --format xlsx -o sheets 2>&1) ||
		! printf '%s' "$out" | grep -q "answers-2025-sys-admin.xlsx: 情報システム管理者, 121 items"; then
		not_ok "template --format xlsx: writes the answer workbook" "$out"
		cd "$ROOT"
		return
	fi
	cp sheets/answers-2025-sys-admin.xlsx first.xlsx
	"$KANSA" template --year 2025 --role 情報システム管理者 --department 議事調査課 \
		--format xlsx -o sheets >/dev/null 2>&1
	cmp -s first.xlsx sheets/answers-2025-sys-admin.xlsx &&
		ok "template --format xlsx: byte-identical when written again" ||
		not_ok "template --format xlsx: byte-identical when written again"
	if ! python3 "$ROOT/tests/cli/fill_sheet.py" sheets/answers-2025-sys-admin.ini \
		filled.ini expected.json 'EV#7' ||
		! $PY "$ROOT/tests/cli/fill_xlsx_sheet.py" sheets/answers-2025-sys-admin.xlsx \
			expected.json filled.xlsx; then
		not_ok "template --format xlsx: openpyxl fills the workbook"
		cd "$ROOT"
		return
	fi
	sed -i 's/^evidence = EV#7/evidence = "EV#7"/' filled.ini
	cp kansa.db ini.db
	cp kansa.db lo.db
	if out=$("$KANSA" --db ini.db import --year 2025 filled.ini ev/register.ini 2>&1) &&
		out=$("$KANSA" import --year 2025 filled.xlsx ev/register.ini 2>&1) &&
		out=$($PY "$ROOT/tests/cli/check_store.py" kansa.db expected.json 議事調査課 2>&1) &&
		out=$($PY "$ROOT/tests/cli/check_store.py" ini.db expected.json 議事調査課 2>&1); then
		ok "import: an answer workbook filled by openpyxl stores the INI sheet's answers ($out)"
	else
		not_ok "import: an answer workbook filled by openpyxl stores the INI sheet's answers" "$out"
	fi
	if lo_convert "$ws/lo" "$ws/filled.xlsx" xlsx && [ -s lo/out/filled.xlsx ] &&
		out=$("$KANSA" --db lo.db import --year 2025 lo/out/filled.xlsx ev/register.ini 2>&1) &&
		out=$($PY "$ROOT/tests/cli/check_store.py" lo.db expected.json 議事調査課 2>&1); then
		ok "import: the answer workbook saved by LibreOffice too ($out)"
	else
		not_ok "import: the answer workbook saved by LibreOffice" "$out $(cat lo/log)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_answer_sheet
