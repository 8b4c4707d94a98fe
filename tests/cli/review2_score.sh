# tests/cli/review2_score.sh: findings of the second independent review
# (REVIEW2.md #13 and #10) as a new council meets them: a kansa init
# workspace with the demo's 2025 files.  (#4, a judgement raising the
# audit view, is tests/unit/test_score.c's test_judgement_never_raises.)
test_plan 3

R2PY=/usr/bin/python3 # Debian's, with python3-openpyxl

# r2_ws: a kansa init workspace with the demo policy and 2025 files.
r2_ws() {
	d=$(seed_ws 試験村議会 2025) || return 1
	echo "$d/ws"
}

# #13: an audit file naming its team only with auditor_N (README's own
# example, no `auditors =`) left the workpaper cover's 監査担当 empty,
# while the audit report listed them.
t_r2_cover_auditors() {
	ws=$(r2_ws) || { setup_failed "review2: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	sed -i '/^auditors = /d' 2025/audit.ini
	if grep -q '^auditors' 2025/audit.ini || ! grep -q '^auditor_3 = 木村 早苗' 2025/audit.ini; then
		setup_failed "review2: an audit file with auditor_N only"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1); then
		setup_failed "review2: kansa run" "$out"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	got=$("$R2PY" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["表紙"]
for r in ws.iter_rows(min_col=2, max_col=3, values_only=True):
    if r[0] == "監査担当":
        print(r[1])
' output/2025/kansa-2025-workpaper.xlsx 2>&1)
	if [ "$got" = "佐々木 聡, 井上 和也, 木村 早苗" ]; then
		ok "review2: the workpaper cover's 監査担当 names the auditor_N team when there is no auditors line"
	else
		not_ok "review2: the workpaper cover's 監査担当 names the auditor_N team" "got: '$got'"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# r2_bare: a kansa init workspace with the demo policy, nothing imported.
r2_bare() {
	d=$(workspace)
	"$KANSA" init --organisation 試験村議会 --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt" || return 1
	echo "$d/ws"
}

# #10: an unknown evidence ID in an answer workbook was reported as
# FILE:15 (a line of the INI text it stands for), not the cell.
t_r2_xlsx_evidence_cell() {
	ws=$(r2_bare) || { setup_failed "review2: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if ! out=$("$KANSA" template --year 2025 --format xlsx --role CISO -o xl 2>&1) ||
		! out=$("$R2PY" -c '
import openpyxl
wb = openpyxl.load_workbook("xl/answers-2025-ciso.xlsx")
ws = wb["回答票"]
assert ws["A2"].value == "部署" and ws["A10"].value == "2(7)ウ"
assert ws["E8"].value == "回答" and ws["F8"].value == "証跡"
ws["B2"] = "議会事務局総務課"
ws["B3"] = "村山 花子"
ws["B4"] = "2025-10-15"
ws["E10"] = "実施"
ws["F10"] = "EV-9999"
wb.save("bad.xlsx")
' 2>&1); then
		setup_failed "review2: a filled answer workbook" "$out"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	out=$("$KANSA" import --year 2025 bad.xlsx 2>&1)
	rc=$?
	if [ "$rc" -eq 3 ] &&
		printf '%s\n' "$out" | grep -q "^bad.xlsx:回答票!F10: unknown evidence ID 'EV-9999' cited by \[2(7)ウ\]"; then
		ok "review2: an unknown evidence ID in a workbook names its cell (bad.xlsx:回答票!F10)"
	else
		not_ok "review2: an unknown evidence ID in a workbook names its cell" "rc=$rc
$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# #10: in an INI sheet the same error named the [section] line, not the
# evidence = line.
t_r2_ini_evidence_line() {
	ws=$(r2_bare) || { setup_failed "review2: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if ! out=$("$KANSA" template --year 2025 --role CISO -o sh 2>&1) ||
		! out=$("$R2PY" -c '
import re
p = "sh/answers-2025-ciso.ini"
s = open(p, encoding="utf-8", newline="").read()
s = s.replace("department = \"\"", "department = 議会事務局総務課", 1)
s = s.replace("respondent = ", "respondent = 村山 花子", 1)
s = s.replace("answered_on = ", "answered_on = 2025-10-15", 1)
i = s.index("[2(7)ウ]")
s = s[:i] + s[i:].replace("status = ", "status = 実施", 1).replace("evidence = ", "evidence = EV-9999", 1)
open("bad.ini", "w", encoding="utf-8", newline="").write(s)
' 2>&1); then
		setup_failed "review2: a filled answer sheet" "$out"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	sec=$(grep -n '^\[2(7)ウ\]' bad.ini | cut -d: -f1)
	ev=$(grep -n '^evidence = EV-9999' bad.ini | cut -d: -f1)
	if [ -z "$sec" ] || [ -z "$ev" ] || [ "$ev" -le "$sec" ]; then
		setup_failed "review2: the sheet's lines ($sec, $ev)"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	out=$("$KANSA" import --year 2025 bad.ini 2>&1)
	rc=$?
	if [ "$rc" -eq 3 ] &&
		printf '%s\n' "$out" | grep -q "^bad.ini:$ev: unknown evidence ID 'EV-9999' cited by \[2(7)ウ\]"; then
		ok "review2: an unknown evidence ID in an INI sheet names its evidence = line ($ev, not $sec)"
	else
		not_ok "review2: an unknown evidence ID in an INI sheet names its evidence = line ($ev)" "rc=$rc
$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_r2_cover_auditors
t_r2_xlsx_evidence_cell
t_r2_ini_evidence_line
