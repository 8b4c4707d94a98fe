# tests/cli/workbook.sh: `kansa report --only xlsx`, read back by openpyxl.
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).
test_plan 4

PY=/usr/bin/python3 # Debian's, with python3-openpyxl

t_workbook() {
	ws=$(demo_ws) || { not_ok "workbook: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_workbook; return; }
	if ! out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 \
		--only xlsx 2>&1); then
		not_ok "workbook: kansa report writes it" "$out"
		cd "$ROOT"
		return
	fi
	book=output/2025/kansa-2025-workpaper.xlsx
	"$KANSA" score --year 2025 --as-of $AS_OF --format tsv >s.tsv
	"$KANSA" findings --year 2025 --as-of $AS_OF --format tsv >f.tsv
	if out=$($PY "$ROOT/tests/cli/check_workbook.py" "$book" s.tsv f.tsv \
		2026-02-10 機密性2 2>&1); then
		ok "workbook: sheets, headers, chart, drop-down, name, filters, print setup; values equal score and findings"
	else
		not_ok "workbook: openpyxl checks" "$out"
	fi
	cp "$book" first.xlsx
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if cmp -s first.xlsx "$book"; then
		ok "workbook: the same inputs and --date give a byte-identical file"
	else
		not_ok "workbook: the same inputs and --date give a byte-identical file"
	fi
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-11 --only xlsx >/dev/null 2>&1
	cmp -s first.xlsx "$book" &&
		not_ok "workbook: another --date gives another file" ||
		ok "workbook: another --date gives another file"
	cd "$ROOT" || { setup_failed t_workbook; return; }
}

# Formulas, characters beyond the BMP and control characters in answers.
t_workbook_hostile_text() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	cd "$ws" || { setup_failed t_workbook_hostile_text; return; }
	"$KANSA" template --year 2025 --role 議会CSIRT --department 総務課 -o s >/dev/null
	tr -d '\r' <s/answers-2025-csirt.ini >s/answers-2025-csirt.lf
	awk 'BEGIN { n = 0 }
	/^comment = $/ {
		n++
		if (n == 1) { print "comment = \"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\""; next }
		if (n == 2) { print "comment = +SUM(1,2)"; next }
		if (n == 3) { print "comment = -1+1"; next }
		if (n == 4) { print "comment = @cmd|\x27/C calc\x27!A0 𠮷野家の𩸽"; next }
	}
	/^status = $/ { print "status = 実施"; next }
	{ print }' s/answers-2025-csirt.lf >a.ini
	"$KANSA" import --year 2025 a.ini >/dev/null 2>"$ws/err" ||
		{ not_ok "workbook: hostile text imports" "$(cat "$ws/err")"; cd "$ROOT"; return; }
	$PY -c '
import sqlite3, sys
c = sqlite3.connect("kansa.db")
c.execute("UPDATE answer SET comment = comment || ?", ("\x01\x07\x1b[31m\x7f",))
c.commit()'
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx \
		>/dev/null 2>"$ws/err"
	out=$($PY - <<'PY'
import openpyxl
wb = openpyxl.load_workbook("output/2025/kansa-2025-workpaper.xlsx")
ws = wb["回答明細"]
comments = [ws.cell(r, 8) for r in range(2, ws.max_row + 1)]
bad = []
for c in comments:
    if c.data_type != "s":
        bad.append(f"{c.coordinate} is {c.data_type}")
    if any(ord(ch) < 0x20 and ch not in "\t\n" for ch in c.value or ""):
        bad.append(f"{c.coordinate} keeps a control character")
values = [c.value for c in comments]
if not any(v.startswith("=HYPERLINK") for v in values): bad.append("the = text")
if not any(v.startswith("+SUM") for v in values): bad.append("the + text")
if not any(v.startswith("-1+1") for v in values): bad.append("the - text")
if not any("𠮷野家の𩸽" in v for v in values): bad.append("the characters beyond the BMP")
print("; ".join(bad))
PY
)
	if [ -z "$out" ]; then
		ok "workbook: =, +, -, @ text stays text; beyond-BMP kept; control characters dropped"
	else
		not_ok "workbook: hostile text" "$out $(cat "$ws/err")"
	fi
	cd "$ROOT" || { setup_failed t_workbook_hostile_text; return; }
}

t_workbook
t_workbook_hostile_text
