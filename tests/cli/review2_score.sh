# tests/cli/review2_score.sh: findings of the second independent review
# (REVIEW2.md #13 and #10) as a new council meets them: a kansa init
# workspace with the demo's 2025 files.  (#4, a judgement raising the
# audit view, is tests/unit/test_score.c's test_judgement_never_raises.)
test_plan 1

R2PY=/usr/bin/python3 # Debian's, with python3-openpyxl

# r2_ws: a kansa init workspace with the demo policy and 2025 files.
r2_ws() {
	d=$(workspace)
	"$KANSA" init --organisation 試験村議会 --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt" || return 1
	rm -rf "$d/ws/2025"
	cp -r "$ROOT/examples/2025" "$d/ws/" || return 1
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
		cd "$ROOT" || return
		return
	fi
	if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1); then
		setup_failed "review2: kansa run" "$out"
		cd "$ROOT" || return
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

t_r2_cover_auditors
