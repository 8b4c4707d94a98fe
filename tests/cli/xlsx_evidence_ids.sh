# tests/cli/xlsx_evidence_ids.sh: the evidence an item's answers cite, as
# the workpaper's チェックリスト lists it: each ID once, in the order first
# cited, and an ID never taken for part of a longer one (EV-2025-014
# inside EV-2025-0140 was dropped when the list was searched as text).
test_plan 1

EVPY=/usr/bin/python3 # Debian's, with python3-openpyxl

t_xlsx_evidence_ids() {
	if ! d=$(seed_ws 試験村議会 2025); then
		setup_failed "evidence IDs: a workspace with the demo's 2025 files"
		return
	fi
	cd "$d/ws" || { setup_failed "evidence IDs: cd"; return; }
	# the demo's files end their lines with CR LF
	printf '\r\n[EV-2025-0140]\r\ntitle = 監査依頼書(写し)\r\nfile = 規程/実施手順.txt\r\ncollected_on = 2025-06-10\r\n' \
		>>2025/evidence/register.ini
	sed -i 's/^evidence = EV-2025-014\(\r*\)$/evidence = EV-2025-0140, EV-2025-014, EV-2025-0140\1/' \
		2025/answers/dx-audit-chief.ini
	out=""
	if ! grep -q '^evidence = EV-2025-0140, EV-2025-014, EV-2025-0140' 2025/answers/dx-audit-chief.ini ||
		! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1); then
		setup_failed "evidence IDs: kansa run with an answer citing EV-2025-0140 and EV-2025-014" "$out"
		cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
		return
	fi
	got=$("$EVPY" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["チェックリスト"]
head = None
for row in ws.iter_rows(values_only=True):
    if head is None and "証跡" in row:
        head = row.index("証跡")
    elif head is not None and row[0] == "10-1(2)ア":
        print(row[head])
' output/2025/kansa-2025-workpaper.xlsx 2>&1)
	if [ "$got" = "EV-2025-0140, EV-2025-014" ]; then
		ok "workbook: an item's evidence IDs each once in citing order, EV-2025-014 not lost beside EV-2025-0140"
	else
		not_ok "workbook: an item's evidence IDs" "got: '$got'"
	fi
	cd "$ROOT" || { setup_failed "evidence IDs: cd"; return; }
}

t_xlsx_evidence_ids
