# tests/cli/zz_departments.sh: kansa.ini's optional list of departments
# (issue 11): a sheet naming another department is an error at its
# FILE:LINE with the nearest listed name; nothing is imported.
test_plan 3

DEPTS="市長公室デジタルイノベーション課, 株式会社みとシステムサービス, 議会、議会事務局, 議会事務局総務課, 議会事務局議事調査課, 議員"

# dep_ws: a kansa init workspace with the demo's 2025 files and the list
# of its departments in kansa.ini (names split over names.2).  Echoes it.
dep_ws() {
	d=$(seed_ws 試験市議会 2025) || return 1
	printf '\n[departments]\n; 部署名の一覧\nnames = %s\nnames.2 = %s\n' \
		"${DEPTS%%、*}" "${DEPTS#*、}" >>"$d/ws/kansa.ini"
	echo "$d/ws"
}

# Every department listed (two lines, ',' and '、'): the run imports as
# before.
t_dep_listed() {
	ws=$(dep_ws) || { setup_failed "departments: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ "$("$KANSA" respondents --year 2025 2>&1 | tail -1)" = "14 current, 0 retired" ]; then
		ok "departments: every sheet's department listed in kansa.ini: the run imports all 14"
	else
		not_ok "departments: a listed workspace runs" "rc $rc: $(printf '%s' "$out" | tail -5)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# A sheet with 議会事務局 総務課 (a space: the nearest is 議会事務局総務課)
# and one with 議事調査課 (the nearest is 議会事務局議事調査課): each an
# error naming its FILE:LINE and the nearest listed name; exit 3, nothing
# imported (kansa import and kansa run alike).
t_dep_unlisted() {
	ws=$(dep_ws) || { setup_failed "departments: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	f1=2025/answers/gikai-ciso.ini
	sed -i 's/^department = 議会\r$/department = 議会 事務局 総務課\r/' "$f1"
	l1=$(grep -n "^department" "$f1" | cut -d: -f1)
	f2=$(grep -l "^department = 議会事務局議事調査課" 2025/answers/*.ini | head -1)
	sed -i 's/^department = 議会事務局議事調査課/department = 議事調査課/' "$f2"
	l2=$(grep -a -n "^department" "$f2" | cut -d: -f1)
	out2=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	rc2=$?
	out=$("$KANSA" import --year 2025 2025/answers/*.ini 2025/evidence/register.ini 2>&1)
	rc=$?
	n=$(python3 -c "
import sqlite3
try:
    print(sqlite3.connect('kansa.db').execute('SELECT count(*) FROM respondent').fetchone()[0])
except Exception:
    print(0)")
	if [ $rc -eq 3 ] && [ $rc2 -ne 0 ] && [ "$n" = 0 ] &&
		printf '%s' "$out" | grep -q "$f1:$l1: department '議会 事務局 総務課' is not in the list of .*kansa.ini:[0-9]* (\[departments\]); nearest listed: '議会事務局総務課'" &&
		printf '%s' "$out" | grep -q "$f2:$l2: department '議事調査課' is not in the list .*nearest listed: '議会事務局議事調査課'" &&
		printf '%s' "$out2" | grep -q "department '議事調査課' is not in the list"; then
		ok "departments: an unlisted department is an error at FILE:LINE naming the nearest listed; nothing imported"
	else
		not_ok "departments: unlisted names" "rc $rc/$rc2 respondents $n: $out / $(printf '%s' "$out2" | tail -3)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Without a [departments] list any department goes (as before); a list
# with an unknown key is warned about.
t_dep_none() {
	ws=$(dep_ws) || { setup_failed "departments: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	sed -i '/^\[departments\]/,$d' kansa.ini
	printf '[departments]\nname = 議会\n' >>kansa.ini
	sed -i 's/^department = 議会\r$/department = どこか\r/' 2025/answers/gikai-ciso.ini
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 >/dev/null 2>&1
	rc=$?
	out=$("$KANSA" import --year 2025 2025/answers/*.ini 2025/evidence/register.ini 2>&1)
	if [ $rc -eq 0 ] && [ "$("$KANSA" respondents --year 2025 2>&1 | grep -c "どこか")" = 1 ] &&
		printf '%s' "$out" | grep -q "kansa.ini:[0-9]*: .*unknown key 'name' in \[departments\]"; then
		ok "departments: no list, any department; an unknown key in [departments] is warned about"
	else
		not_ok "departments: without a list" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_dep_listed
t_dep_unlisted
t_dep_none
