# tests/cli/review2_paths.sh: findings of the second independent review
# (REVIEW2.md #7, #3, #5), each as a new council meets it: a kansa init
# workspace with another council's policy (tests/policies).
test_plan 7

PY=/usr/bin/python3 # Debian's, with python3-openpyxl

# r2_ws POLICY: a kansa init workspace with tests/policies/POLICY.txt, its
# answer sheets written by kansa template and filled (department 総務課,
# the first item of each citing EV-2025-001).  Echoes the workspace.
r2_ws() {
	d=$(workspace)
	"$KANSA" init --organisation 試験村議会 --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/tests/policies/$1.txt" "$d/ws/checklists/policy.txt" || return 1
	(cd "$d/ws" && "$KANSA" template --year 2025) >/dev/null 2>&1 || return 1
	for f in "$d"/ws/2025/answers/*.ini; do
		python3 "$ROOT/tests/cli/council_fill.py" "$f" utf-8 総務課 EV-2025-001 >/dev/null || return 1
	done
	mkdir -p "$d/ws/2025/evidence/files" && printf 'server\n' >"$d/ws/2025/evidence/files/server.txt" &&
		printf 'nda\n' >"$d/ws/2025/evidence/files/nda.txt" || return 1
	printf '[kansa]\r\nkind = evidence\r\nfiscal_year = 2025\r\n\r\n[EV-2025-001]\r\ntitle = サーバ室の写真\r\nfile = files/server.txt\r\ncollected_on = 2025-10-01\r\n' \
		>"$d/ws/2025/evidence/register.ini" || return 1
	echo "$d/ws"
}

# r2_record ID FILE: appends an evidence record to the workspace's register
# (an edit by staff, so that the register imports as a new version).
r2_record() {
	printf '\r\n[%s]\r\ntitle = 追加の証跡\r\nfile = files/%s\r\ncollected_on = 2025-10-02\r\n' "$1" "$2" \
		>>2025/evidence/register.ini
}

# r2_paths: the input files the database records (sorted), one a line.
r2_paths() {
	python3 -c "
import sqlite3
for (p,) in sqlite3.connect('kansa.db').execute('SELECT DISTINCT path FROM input_file ORDER BY 1'):
    print(p)"
}

# #7: a policy numbered 第N章 (jourei) printed 「第第1章章 組織体制」 in the
# audit report's §6 (and its table of contents) and as the 部署別 sheet's
# column headers; 第1 (dai) gave 「第第1章」.  The chapter's citation is
# printed as it is; only a bare number (the seed policy's) reads 第N章.
t_r2_chapter_names() {
	for p in jourei dai; do
		case $p in
		jourei) want="第1章" ;;
		dai) want="第1" ;;
		esac
		ws=$(r2_ws $p) || { setup_failed "review2: a $p workspace"; continue; }
		cd "$ws" || { setup_failed "$_tr_current: cd"; continue; }
		if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1); then
			setup_failed "review2: kansa run ($p)" "$out"
			continue
		fi
		txt=$(pdftotext -layout output/2025/kansa-2025-audit.pdf - 2>/dev/null)
		head=$($PY -c "import openpyxl;print('|'.join(str(c.value) for c in openpyxl.load_workbook('output/2025/kansa-2025-workpaper.xlsx')['部署別'][2]))" 2>&1)
		n=$(printf '%s\n' "$txt" | grep -c "^ *6\.1 $want 組織体制")
		if [ "$n" -eq 2 ] && ! printf '%s\n' "$txt" | grep -q "第第" &&
			printf '%s' "$head" | grep -q "|$want|" && ! printf '%s' "$head" | grep -q "第第"; then
			ok "review2: chapters of a $want policy print as 「$want 組織体制」 in the audit report (contents and §6) and the 部署別 headers, never 第第…"
		else
			not_ok "review2: chapters of a $want policy print as 「$want 組織体制」" \
				"$n x 6.1; $(printf '%s\n' "$txt" | grep -m3 '第第'); 部署別: $head"
		fi
		cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	done
}

# #3: kansa import --year FY without files (README's way) recorded the
# files with absolute paths, kansa run with workspace-relative ones; a
# moved workspace then refused its own edited register ("defined in
# another register already: /old/place/...").
t_r2_import_relative() {
	ws=$(r2_ws jourei) || { setup_failed "review2: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if ! out=$("$KANSA" import --year 2025 2>&1); then
		setup_failed "review2: kansa import --year 2025" "$out"
		return
	fi
	paths=$(r2_paths)
	want=$( (ls 2025/answers/*.ini && echo 2025/evidence/register.ini) | sort)
	if [ "$paths" = "$want" ]; then
		ok "review2: kansa import --year FY records the workspace's files relative to it, as kansa run does"
	else
		not_ok "review2: kansa import --year FY records workspace-relative paths" "$paths"
	fi
	# the same register named from its folder and by its absolute path
	r2_record EV-2025-002 nda.txt
	out1=$(cd 2025/evidence && "$KANSA" import --year 2025 register.ini 2>&1)
	rc1=$?
	r2_record EV-2025-003 nda.txt
	out2=$("$KANSA" import --year 2025 "$ws/2025/evidence/register.ini" 2>&1)
	rc2=$?
	paths=$(r2_paths)
	if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ "$paths" = "$want" ]; then
		ok "review2: the register named from its folder or by its absolute path is the same register, recorded as 2025/evidence/register.ini"
	else
		not_ok "review2: the register named two other ways" "rc $rc1/$rc2: $out1 / $out2 / $paths"
	fi
	# the workspace moved; and a database of an older kansa that recorded
	# absolute paths of the old place
	mkdir "$ws/../moved" && cp -a "$ws" "$ws/../moved/ws" && cd "$ws/../moved/ws" ||
		{ setup_failed "review2: moving the workspace"; return; }
	python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
c.execute(\"UPDATE input_file SET path = '/old/place/ws/' || path WHERE path LIKE '2025/evidence/%'\")
c.commit()"
	r2_record EV-2025-004 nda.txt
	out=$("$KANSA" import --year 2025 2>&1)
	rc=$?
	r2_record EV-2025-005 server.txt
	out2=$("$KANSA" import --year 2025 2>&1)
	rc2=$?
	if [ $rc -eq 0 ] && [ $rc2 -eq 0 ] && ! printf '%s' "$out" | grep -q "another register"; then
		ok "review2: a moved workspace imports its edited register (also over absolute paths an older kansa recorded)"
	else
		not_ok "review2: a moved workspace imports its edited register" "rc $rc/$rc2: $out / $out2"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# #5: kansa template --format xlsx writes workbooks into YEAR/answers/, but
# the kansa.ini kansa init wrote read only *.ini there: kansa run stopped
# with "nothing matches 2025/answers/*.ini".
t_r2_xlsx_answers() {
	ws=$(r2_ws jourei) || { setup_failed "review2: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	rm 2025/answers/*.ini
	if ! out=$("$KANSA" template --year 2025 --format xlsx 2>&1) ||
		! $PY - 2025/answers/*.xlsx <<'PY'; then
import datetime, sys
import openpyxl
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    ws = wb["回答票"]
    head = None
    for row in ws.iter_rows():
        label = row[0].value
        if head:
            if row[0].value:
                row[4].value = "実施"
        elif label == "部署":
            row[1].value = "総務課"
        elif label == "回答者":
            row[1].value = "村山 花子"
        elif label == "回答日":
            row[1].value = datetime.datetime(2025, 10, 15)
        elif label == "項目ID":
            head = row[0].row
    wb.save(f)
PY
		setup_failed "review2: answer workbooks" "$out"
		return
	fi
	n=$(ls 2025/answers/*.xlsx | wc -l)
	# the owner file Excel keeps beside a workbook open in it is no input
	printf 'owner\n' >'2025/answers/~$answers-2025-ciso.xlsx'
	out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && grep -q '^answers = {year}/answers/\*\.{ini,xlsx}' kansa.ini &&
		printf '%s' "$out" | grep -q "(answers $n, evidence 1," && [ "$n" -gt 1 ]; then
		ok "review2: kansa init's kansa.ini reads the answer workbooks kansa template --format xlsx wrote ($n), not Excel's ~\$ owner file"
	else
		not_ok "review2: kansa run reads the answer workbooks in YEAR/answers" "rc $rc: $(grep '^answers' kansa.ini) $out"
	fi
	# a kansa.ini of an older kansa init (*.ini only): the message names
	# the workbooks it leaves out and the pattern that takes them
	sed -i 's#^answers = .*#answers = {year}/answers/*.ini\r#' kansa.ini
	out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-11 2>&1)
	rc=$?
	out2=$("$KANSA" import --year 2025 2>&1)
	rc2=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "answers-2025-ciso.xlsx" &&
		printf '%s' "$out" | grep -qF "answers = {year}/answers/*.{ini,xlsx}" &&
		printf '%s' "$out2" | grep -q "answers-2025-ciso.xlsx" &&
		printf '%s' "$out2" | grep -qF "answers = {year}/answers/*.{ini,xlsx}" &&
		! printf '%s%s' "$out" "$out2" | grep -qF '~$'; then
		ok "review2: with answers = …/*.ini, kansa run and kansa import name the workbooks left out and the pattern that takes them"
	else
		not_ok "review2: the workbooks a *.ini pattern leaves out are named" "rc $rc/$rc2: $out / $out2"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_r2_chapter_names
t_r2_import_relative
t_r2_xlsx_answers
