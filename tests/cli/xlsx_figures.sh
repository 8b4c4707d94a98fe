# tests/cli/xlsx_figures.sh: the workpaper's figures, read by openpyxl:
# declines are shown (no negative number stands for "no value").
test_plan 5
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).

# lo_convert DIR FILE FORMAT: LibreOffice headless saves FILE as FORMAT in
# DIR/out, with its own profile and HOME (it must not share either).
lo_convert() {
	mkdir -p "$1/home" "$1/out"
	HOME="$1/home" timeout 180 soffice --headless \
		"-env:UserInstallation=file://$1/profile" \
		--convert-to "$3" --outdir "$1/out" "$2" >"$1/log" 2>&1
}

t_xlsx_declines() {
	ws=$(demo_ws) || { not_ok "xlsx figures: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if out=$(/usr/bin/python3 "$ROOT/tests/cli/check_figures.py" \
		output/2025/kansa-2025-workpaper.xlsx 2>&1); then
		ok "xlsx figures: 前年度比較 shows each decline and improvement as a signed 差"
	else
		not_ok "xlsx figures: 前年度比較 shows each decline and improvement as a signed 差" "$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_declines

# issue 12 case 3: a 1.68 M-character comment is whole in the database;
# the workbook cuts it visibly at Excel's cell limit and says so.
t_xlsx_long_comment() {
	ws=$(demo_ws) || { not_ok "xlsx figures: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	/usr/bin/python3 -c '
import sqlite3
c = sqlite3.connect("kansa.db")
rid = c.execute("SELECT a.rowid FROM answer a JOIN respondent r USING (respondent_id)"
                " WHERE r.year = 2025 ORDER BY a.rowid LIMIT 1").fetchone()[0]
c.execute("UPDATE answer SET comment = ? WHERE rowid = ?", ("長" * 1680000, rid))
c.commit()'
	out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx 2>&1)
	rc=$?
	cells=$(/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("長" * 1000):
                ok = len(c.value) <= 32767 and "以下 1647353 文字は" in c.value
                print(ws.title, c.coordinate, len(c.value), "marked" if ok else "NOT MARKED")
' output/2025/kansa-2025-workpaper.xlsx 2>&1)
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "warning: workbook: the text of 回答明細!H[0-9]* has 1680000 characters" &&
		printf '%s' "$out" | grep -q "warning: workbook: the text of チェックリスト!L[0-9]* has" &&
		[ -n "$cells" ] && ! printf '%s' "$cells" | grep -q "NOT MARKED"; then
		ok "xlsx figures: a 1.68 M-character comment is cut visibly at 32,767 with a warning naming the cell"
	else
		not_ok "xlsx figures: a 1.68 M-character comment is cut visibly with a warning" "rc=$rc $out $cells"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_long_comment

# 集計's and 前年度比較's figures are formulas with kansa's values cached: LibreOffice,
# made to compute every one (the cached values removed), gets the same;
# and after the statuses of chapter 2 are changed, it computes new ones.
t_xlsx_live() {
	ws=$(demo_ws) || { not_ok "xlsx figures: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	book=output/2025/kansa-2025-workpaper.xlsx
	if /usr/bin/python3 "$ROOT/tests/cli/check_live.py" strip "$book" stripped.xlsx >/dev/null &&
		lo_convert "$ws/lo" "$ws/stripped.xlsx" xlsx && [ -s lo/out/stripped.xlsx ] &&
		out=$(/usr/bin/python3 "$ROOT/tests/cli/check_live.py" compare "$book" \
			lo/out/stripped.xlsx 集計 前年度比較 部署別 2>/dev/null); then
		ok "xlsx figures: $out"
	else
		not_ok "xlsx figures: the cached values equal LibreOffice's" "$out $(cat lo/log 2>/dev/null)"
	fi
	if /usr/bin/python3 "$ROOT/tests/cli/check_live.py" edit "$book" edited.xlsx >/dev/null &&
		lo_convert "$ws/lo2" "$ws/edited.xlsx" xlsx && [ -s lo2/out/edited.xlsx ] &&
		out=$(/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
for r in wb["集計"].iter_rows(values_only=True):
    if r[0] == 2:
        print("rate", r[7], "not done", r[4])
d = wb["部署別"]
for r in d.iter_rows(min_row=3, max_row=3, values_only=True):
    print("department", r[0], "overall", r[-3], "not done", r[-2])
' lo2/out/edited.xlsx 2>/dev/null) && printf '%s' "$out" | grep -q "^rate 0 not done [1-9]" &&
		printf '%s' "$out" | grep -q "^department 部署 overall 0 not done [1-9]"; then
		ok "xlsx figures: statuses changed in the workbook change 集計 and 部署別 when recalculated ($(echo $out))"
	else
		not_ok "xlsx figures: statuses changed in the workbook change 集計 and 部署別" "$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_live

# An evidence file whose name has '#', '%' and a space keeps a working
# link: percent-encoded ('#' would start a place inside the file).
t_xlsx_file_link() {
	ws=$(demo_ws) || { not_ok "xlsx figures: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	mkdir -p ev/2025
	printf 'x\n' >"ev/2025/a#b 1%.txt"
	printf '[kansa]\nkind = evidence\nfiscal_year = 2025\n[EV-2025-999]\ntitle = t\nfile = "2025/a#b 1%%.txt"\ncollected_on = 2025-09-01\n' \
		>ev/extra.ini
	"$KANSA" import --year 2025 ev/extra.ini >/dev/null 2>&1
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	out=$(/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for r in wb["証跡一覧"].iter_rows(min_row=2):
    if r[0].value == "EV-2025-999":
        print(r[2].hyperlink.target if r[2].hyperlink else None)
' output/2025/kansa-2025-workpaper.xlsx 2>/dev/null)
	case $out in
	*a%23b%201%25.txt) ok "xlsx figures: a file link with '#', '%' and a space is percent-encoded ($out)" ;;
	*) not_ok "xlsx figures: a file link with '#', '%' and a space is percent-encoded" "$out" ;;
	esac
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_file_link
