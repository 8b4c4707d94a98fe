# tests/cli/zz_records.sh: a record that cannot be rewritten (issue 11):
# the database guards itself, policy versions stay as years used them,
# closed years, respondents, consistent reads and one writer per folder.
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).
test_plan 21

# sqlpy DB SQL...: runs each SQL on DB with Python's sqlite3 (a tool
# other than kansa, as an attacker or a careless hand would use).
sqlpy() {
	python3 - "$@" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for q in sys.argv[2:]:
    c.executescript(q)
c.commit()
PY
}

# A trigger that rewrites every new answer, a dropped append-only guard
# and a judgement table rebuilt without its constraints (holding a NULL)
# are each named by check-db and refused by the commands that read.
t_rec_tampered() {
	ws=$(demo_ws) || { not_ok "records: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp kansa.db trig.db
	cp kansa.db guard.db
	cp kansa.db null.db
	sqlpy trig.db "CREATE TRIGGER all_done AFTER INSERT ON answer BEGIN
		UPDATE answer SET status = '実施' WHERE rowid = new.rowid; END;"
	sqlpy guard.db "DROP TRIGGER answer_history_no_delete"
	sqlpy null.db "CREATE TABLE j2 (year INTEGER, item_id TEXT,
		judgement TEXT, finding TEXT, cause TEXT, recommendation TEXT,
		urgency TEXT); INSERT INTO j2 SELECT * FROM judgement;
		DROP TABLE judgement; ALTER TABLE j2 RENAME TO judgement;
		UPDATE judgement SET judgement = NULL;
		UPDATE plan SET status = '完了' WHERE 0;"
	bad=""
	for db in trig:trigger.all_done.*added guard:trigger.answer_history_no_delete.*missing \
		null:table.judgement.*changed; do
		out=$("$KANSA" check-db --db "${db%%:*}.db" 2>&1)
		rc=$?
		printf '%s' "$out" | grep -q "${db#*:}" && [ $rc -eq 4 ] ||
			bad="$bad [check-db ${db%%:*}: rc $rc: $out]"
		for cmd in "score --year 2025" "findings --year 2025" "diff --year 2025" \
			"status --year 2025" "report --year 2025 --as-of $AS_OF -o out-${db%%:*}" \
			"import --year 2025 $ROOT/examples/2025/audit.ini"; do
			# shellcheck disable=SC2086
			out=$("$KANSA" --db "${db%%:*}.db" $cmd 2>&1)
			rc=$?
			case "$rc:$out" in
			4:*"schema is not the one this kansa made"*) ;;
			*) bad="$bad [${db%%:*} $cmd: rc $rc: $(printf '%s' "$out" | head -2)]" ;;
			esac
		done
	done
	if [ -z "$bad" ] && [ -z "$(ls out-* 2>/dev/null | grep -v "^out-\|^$")" ]; then
		ok "records: an added trigger, a dropped guard, a NULL judgement: check-db names each, every command refuses (exit 4)"
	else
		not_ok "records: tampered databases" "$bad"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# kansa backup refuses the database itself as destination, by any name,
# and the copy keeps the original's permissions.
t_rec_backup() {
	ws=$(demo_ws) || { not_ok "records: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	mkdir sub
	sum=$(sha256sum kansa.db)
	out1=$("$KANSA" backup kansa.db 2>&1)
	rc1=$?
	out2=$("$KANSA" backup sub/../kansa.db 2>&1)
	rc2=$?
	if [ $rc1 -ne 0 ] && [ $rc2 -ne 0 ] && [ "$sum" = "$(sha256sum kansa.db)" ] &&
		printf '%s' "$out1" | grep -q "onto itself" && "$KANSA" check-db >/dev/null 2>&1; then
		ok "records: kansa backup refuses its own database as destination, which stays untouched"
	else
		not_ok "records: backup onto itself" "rc $rc1 $rc2: $out1 $out2"
	fi
	chmod 600 kansa.db
	"$KANSA" backup copy.db >/dev/null 2>&1
	if [ "$(stat -c %a copy.db 2>/dev/null)" = 600 ]; then
		ok "records: the backup keeps the database's permissions (600)"
	else
		not_ok "records: the backup keeps the permissions" "$(ls -l copy.db 2>&1)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Two first commands on a fresh (empty) database at once: the migration
# runs once, neither fails ("table policy already exists").
t_rec_migration_race() {
	d=$(workspace)
	bad=""
	i=0
	while [ $i -lt 15 ]; do
		: >"$d/f$i.db"
		"$KANSA" runs --db "$d/f$i.db" >"$d/a$i" 2>&1 &
		"$KANSA" runs --db "$d/f$i.db" >"$d/b$i" 2>&1 &
		wait
		grep -q "error" "$d/a$i" "$d/b$i" && bad="$bad $(cat "$d/a$i" "$d/b$i")"
		"$KANSA" check-db --db "$d/f$i.db" >/dev/null 2>&1 || bad="$bad [check-db f$i]"
		i=$((i + 1))
	done
	if [ -z "$bad" ]; then
		ok "records: two first commands on a fresh database never race in the migration (15 trials)"
	else
		not_ok "records: migration race" "$bad"
	fi
}

# A database of schema 1 (as the previous kansa left it) is migrated in
# place: its rows kept, the schema then the one a fresh database has.
t_rec_migrate_v1() {
	d=$(workspace)
	if ! python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2], encoding='utf-8').read())
c.commit()" "$d/v1.db" "$ROOT/tests/cli/schema-v1.sql" 2>"$d/err"; then
		not_ok "records: the schema-1 fixture loads" "$(cat "$d/err")"
		return
	fi
	out=$("$KANSA" check-db --db "$d/v1.db" 2>&1)
	rows=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute('PRAGMA user_version').fetchone()[0],
      c.execute('SELECT count(*) FROM judgement').fetchone()[0],
      c.execute('SELECT count(*) FROM answer_history').fetchone()[0],
      c.execute('SELECT count(*) FROM input_file').fetchone()[0])" "$d/v1.db")
	case "$out:$rows" in
	*": ok "*":4 2 1 1") ok "records: a schema-1 database is migrated in place, rows kept, check-db clean" ;;
	*) not_ok "records: migrating a schema-1 database" "$out / $rows" ;;
	esac
}

# The year's outputs that must not move: score, findings, diff, the
# workpaper and both PDFs, the items of its version, the answers by
# clause text.  Writes them into folder $1 of the current workspace.
year_state() {
	mkdir -p "$1"
	for c in score findings diff; do
		"$KANSA" $c --year 2025 --as-of $AS_OF >"$1/$c.txt" 2>&1
	done
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 -o "$1/report" >/dev/null 2>&1
	rm -f "$1/report/MANIFEST.sha256"
	"$KANSA" items --policy "水戸市議会情報セキュリティ対策基準@2024" --format tsv >"$1/items.tsv" 2>&1
	python3 - "$1/answers.txt" <<'PY'
import sqlite3, sys
c = sqlite3.connect('kansa.db')
rows = c.execute("""SELECT r.department, r.role, i.text, a.status FROM answer a
    JOIN respondent r USING (respondent_id) JOIN fiscal_year f ON f.year = r.year
    JOIN item i ON i.policy_id = f.policy_id AND i.item_id = a.item_id
    WHERE r.year = 2025 ORDER BY 1, 2, 3""").fetchall()
n = c.execute("SELECT count(*) FROM answer a JOIN respondent r USING (respondent_id) WHERE r.year = 2025").fetchone()[0]
open(sys.argv[1], "w").write("%d answers, %d on their clause\n" % (n, len(rows)) +
    "\n".join("\t".join(map(str, r)) for r in rows))
PY
}

# An amended policy text (one clause added) derived after FY 2024 and
# 2025 were imported leaves both years on their version: items, scores,
# findings, diff and every report byte-identical; a new version is made,
# with a notice naming the years.
t_rec_amended_policy() {
	ws=$(demo_ws) || { not_ok "records: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp "$BASE_WS/cl.ini" cl.ini
	year_state before
	python3 - "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
mark = "10-3 セキュリティポリシー及び関係規程等の見直し"
assert mark in t
t = t.replace(mark, "ウ 議員及び職員は、自己点検の記録を五年間保存しなければならない。\n\n" + mark)
open("amended.txt", "w", encoding="utf-8").write(t)
PY
	out=$("$KANSA" derive -o cl.ini amended.txt 2>&1)
	rc=$?
	year_state after
	new=$("$KANSA" items --policy "水戸市議会情報セキュリティ対策基準@2024.2" --format tsv 2>&1 | grep -c "五年間保存")
	d=$(diff -r before after 2>&1)
	if [ $rc -eq 0 ] && [ -z "$d" ] && [ -s before/report/kansa-2025-workpaper.xlsx ] &&
		printf '%s' "$out" | grep -q "used by FY 2024, 2025.*2024.2" && [ "$new" = 1 ] &&
		"$KANSA" check-db >/dev/null 2>&1; then
		ok "records: an amended policy makes version 2024.2; FY 2025's items, scores and reports stay byte-identical"
	else
		not_ok "records: an amended policy leaves FY 2025 as it was" "rc $rc new $new: $out / $(printf '%s' "$d" | head -20)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# [renumber] added after the answers were imported (as derive's warning
# suggests): every answer stays on its clause (by clause text), check-db
# is clean, and the renumbered citation exists in the new version.
t_rec_renumber() {
	ws=$(demo_ws) || { not_ok "records: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp "$BASE_WS/cl.ini" cl.ini
	year_state before
	sed -i 's/^\[renumber\]$/[renumber]\n7-6@1 = 7-5/' cl.ini
	out=$("$KANSA" derive -o cl.ini "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" 2>&1)
	rc=$?
	year_state after
	cited=$("$KANSA" items --policy "水戸市議会情報セキュリティ対策基準@2024.2" --format tsv 2>&1 | grep -c "^7-5(2)	")
	d=$(diff before/answers.txt after/answers.txt 2>&1)
	db=$("$KANSA" check-db 2>&1)
	if [ $rc -eq 0 ] && [ -z "$d" ] && [ "$cited" = 1 ] && grep -q "^[0-9]* answers, \([0-9]*\) on" after/answers.txt &&
		[ "$(sed -n 's/^\([0-9]*\) answers, \([0-9]*\) on.*/\1/p' after/answers.txt)" = \
		"$(sed -n 's/^[0-9]* answers, \([0-9]*\) on.*/\1/p' after/answers.txt)" ] &&
		[ -z "$(diff -r before after)" ]; then
		ok "records: [renumber] after import: every answer stays on its clause, FY 2025 unchanged, 7-5(2) cited in 2024.2"
	else
		not_ok "records: renumbering after import" "rc $rc cited $cited: $out / $db / $(printf '%s' "$d" | head -10)"
	fi
	case "$db" in
	*": ok "*) ok "records: check-db is clean after the renumbering" ;;
	*) not_ok "records: check-db after the renumbering" "$db" ;;
	esac
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# rec_ws: a kansa init workspace with both demo years (as run.sh's
# init_ws), 2025 run once.  Echoes its path.
rec_ws() {
	d=$(seed_ws 試験市議会 2024 2025) || return 1
	(cd "$d/ws" && "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10) >/dev/null 2>&1 || return 1
	echo "$d/ws"
}

# current respondents of FY 2025 with department $1 (any role)
current_with() {
	"$KANSA" respondents --year 2025 2>/dev/null | grep -v "(retired" | grep -c "^  $1 /"
}

# A sheet imported with 'department = 議会 事務局', then corrected and run
# again, leaves one respondent (the other retired, its answers in the
# history); a trailing U+3000 or half-width katakana is the same name.
t_rec_respondents() {
	ws=$(rec_ws) || { not_ok "records: a workspace runs"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	f=2025/answers/jimukyoku-security-manager.ini
	[ -f "$f" ] || f=$(grep -l "^department = 議会事務局\s*$" 2025/answers/*.ini | head -1)
	n0=$("$KANSA" respondents --year 2025 2>&1 | tail -1)
	sed -i 's/^department = 議会事務局\(\r\?\)$/department = 議会 事務局\1/' "$f"
	out1=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	sed -i 's/^department = 議会 事務局\(\r\?\)$/department = 議会事務局\1/' "$f"
	out2=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	list=$("$KANSA" respondents --year 2025 2>&1)
	hist=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(c.execute(\"SELECT count(*) FROM answer_history h JOIN respondent r USING (respondent_id) WHERE r.department = '議会 事務局'\").fetchone()[0])" 2>&1)
	if grep -q "respondent 議会 事務局 .* is retired" output/2025/kansa-run.log && [ "$(current_with '議会 事務局')" = 0 ] &&
		printf '%s\n' "$list" | grep -q "議会 事務局 .*(retired" && [ "$hist" -gt 0 ] &&
		[ "$(printf '%s\n' "$list" | tail -1 | cut -d' ' -f1)" = "$(printf '%s\n' "$n0" | cut -d' ' -f1)" ] &&
		"$KANSA" check-db --db kansa.db >/dev/null 2>&1; then
		ok "records: a corrected department leaves one respondent; the other is retired, its $hist answers in the history"
	else
		not_ok "records: a corrected department" "$n0 / $list / hist $hist / $out1 / $out2"
	fi
	grep -q "'議会事務局' is nearly '議会 事務局'" output/2025/kansa-run.log &&
		ok "records: a near-duplicate department (one space apart) is warned about" ||
		not_ok "records: near-duplicate department warning" "$(cat output/2025/kansa-run.log)"
	# full-width spaces around, half-width katakana: the same respondent
	g=$(grep -l "^department = 議会事務局総務課\s*$" 2025/answers/*.ini | head -1)
	sed -i 's/^department = 議会事務局総務課\(\r\?\)$/department = 　議会事務局総務課　\1/' "$g"
	before=$(current_with 議会事務局総務課)
	out=$("$KANSA" import --db kansa.db --year 2025 "$g" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ "$(current_with 議会事務局総務課)" = "$before" ] &&
		printf '%s' "$out" | grep -q "replaced\|unchanged"; then
		ok "records: U+3000 around a department name identifies the same respondent"
	else
		not_ok "records: U+3000 around a department" "rc $rc before $before now $(current_with 議会事務局総務課): $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# kansa respondents rename and remove: logged with the reason; refused
# in a closed year.
t_rec_respondent_commands() {
	ws=$(demo_ws) || { not_ok "records: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	line=$("$KANSA" respondents --year 2025 2>&1 | sed -n 2p)
	dep=$(printf '%s' "$line" | sed 's#^  \([^/]*\) / \([^ ]*\).*#\1#')
	role=$(printf '%s' "$line" | sed 's#^  \([^/]*\) / \([^ /]*\).*#\2#')
	sys=$(printf '%s' "$line" | sed -n 's#^  [^/]* / [^ /]* / \([^ ]*\)  .*#\1#p')
	out1=$("$KANSA" respondents rename --year 2025 --department "$dep" --role "$role" \
		--system "$sys" --to-department "改名課" --reason "部署名の誤り" 2>&1)
	rc1=$?
	out2=$("$KANSA" respondents remove --year 2025 --department "改名課" --role "$role" \
		--system "$sys" --reason "重複" 2>&1)
	rc2=$?
	log=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print('|'.join(a + ':' + r for a, r in c.execute('SELECT action, reason FROM year_log ORDER BY log_id')))")
	if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] &&
		[ "$log" = "respondent-rename:部署名の誤り|respondent-remove:重複" ] &&
		"$KANSA" respondents --year 2025 | grep -q "改名課 .*(retired" &&
		"$KANSA" check-db >/dev/null 2>&1; then
		ok "records: kansa respondents rename and remove, each logged with its reason"
	else
		not_ok "records: respondents rename/remove" "[$dep|$role|$sys] rc $rc1 $rc2: $out1 $out2 / $log"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# pdf_has FILE TEXT: the PDF's text holds TEXT
pdf_has() {
	pdftotext -q "$1" - 2>/dev/null | grep -q "$2"
}

# kansa close: an open year's reports say 案, the final ones do not; the
# final outputs are recorded and reproduced byte for byte; a closed year
# refuses imports and plan changes dated in it; a report that cannot be
# reproduced says why and leaves the final files; reopen is logged.
t_rec_close() {
	ws=$(rec_ws) || { not_ok "records: a workspace runs"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	o=output/2025
	pdf_has $o/kansa-2025-ciso.pdf "案" && draft=1 || draft=0
	out=$("$KANSA" close --db kansa.db --year 2025 --reason "最終報告" 2>&1)
	rc=$?
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 >run1.log 2>&1
	rc1=$?
	pdf_has $o/kansa-2025-ciso.pdf "案" && final=1 || final=0
	sums=$(cd $o && sha256sum kansa-2025-*.pdf kansa-2025-*.xlsx)
	"$KANSA" report --db kansa.db --year 2025 --templates templates -o $o >rep.log 2>&1
	rc2=$?
	if [ $rc -eq 0 ] && [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ $draft = 1 ] && [ $final = 0 ] &&
		grep -q "reproduced byte for byte" rep.log &&
		[ "$sums" = "$(cd $o && sha256sum kansa-2025-*.pdf kansa-2025-*.xlsx)" ]; then
		ok "records: an open year's reports say 案, the final ones not; a closed year's report reproduces them byte for byte"
	else
		not_ok "records: closing a year" "rc $rc $rc1 $rc2 draft $draft final $final: $out / $(cat run1.log rep.log | tail -8)"
	fi
	g=$(ls 2025/answers/*.ini | head -1)
	printf '\n; changed\n' >>"$g"
	out=$("$KANSA" import --db kansa.db --year 2025 "$g" 2>&1)
	rc=$?
	outp=$("$KANSA" plan --db kansa.db update KP-2025-001 --progress 90 --as-of 2026-02-01 2>&1)
	rcp=$?
	[ $rcp -eq 2 ] && outp=$("$KANSA" plan --db kansa.db update KP-2025-001 --progress 90 2>&1) && rcp=$?
	case "$rc:$out" in
	3:*"FY 2025 is closed"*"kansa reopen"*) ok "records: a closed year refuses an import (exit 3, saying how to reopen)" ;;
	*) not_ok "records: a closed year refuses an import" "rc $rc: $out" ;;
	esac
	# the organisation changed: the report cannot reproduce the final files
	# (kansa.ini's organisation overrides report.ini's, for every command in
	# the workspace: change both)
	sed -i 's/^organisation = .*/organisation = 別の市議会/' templates/report.ini kansa.ini
	out=$("$KANSA" report --db kansa.db --year 2025 --templates templates -o $o 2>&1)
	rc=$?
	if [ $rc -eq 4 ] && printf '%s' "$out" | grep -q "differs from its final version" &&
		[ "$sums" = "$(cd $o && sha256sum kansa-2025-*.pdf kansa-2025-*.xlsx)" ] &&
		(cd $o && sha256sum -c MANIFEST.sha256 >/dev/null 2>&1) && [ -z "$(ls -a $o | grep reproduce)" ]; then
		ok "records: a closed year's report that differs says which file and why, the final files stay"
	else
		not_ok "records: an unreproducible report of a closed year" "rc $rc: $out"
	fi
	out=$("$KANSA" reopen --db kansa.db --year 2025 --reason "部署名の誤りを訂正" 2>&1)
	rc=$?
	log=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print('|'.join(a + ':' + r for a, r in c.execute('SELECT action, reason FROM year_log ORDER BY log_id')))")
	if [ $rc -eq 0 ] && [ "$log" = "close:最終報告|reopen:部署名の誤りを訂正" ] &&
		"$KANSA" import --db kansa.db --year 2025 "$g" >/dev/null 2>&1; then
		ok "records: kansa reopen is logged with its reason; the year takes imports again"
	else
		not_ok "records: reopen" "rc $rc: $out / $log"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# rec_sheets N DIR FLIP: N answer sheets of the 情報システム管理者 items in
# DIR; FLIP (0 or 1) decides which answers are 実施 (two states).
rec_sheets() {
	"$KANSA" items --role 情報システム管理者 --format tsv | tail -n +2 | cut -f1 >ids.txt
	python3 - "$1" "$2" "$3" <<'PY'
import os, sys
n, d, flip = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ids = open("ids.txt", encoding="utf-8").read().split()
os.makedirs(d, exist_ok=True)
for s in range(n):
    lines = ["[kansa]", "kind = answers", "fiscal_year = 2025", f"department = 部署{s:03d}",
             "role = 情報システム管理者", f"respondent = 回答者 {s}", "answered_on = 2025-10-01", ""]
    for i, item in enumerate(ids):
        lines += [f"[{item}]", "status = " + ("実施" if (s + i + flip) % 3 else "未実施"), ""]
    open(f"{d}/s{s:04d}.ini", "w", encoding="utf-8").write("\n".join(lines))
PY
}

# wait_for FILE PID: waits (up to 60 s) until FILE exists or PID ended.
wait_for() {
	_n=0
	while [ ! -e "$1" ] && kill -0 "$2" 2>/dev/null && [ $_n -lt 600 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	[ -e "$1" ]
}

# A report during an import, the interleaving forced (testhook.c): the
# report stops after it read the year's answers and before it reads the
# inputs (report-between-reads); the import then writes every row, stops
# before its COMMIT (import-commit), and is let go: without the report's
# read transaction it commits at once, inside the report; with it, its
# COMMIT waits for the report.  The report then goes on.  Each of 4 trials
# (A to B, B to A) must give the workbook of the state before the import,
# byte for byte (with that state's input digest), and the import must
# succeed once the report is done.  (Checked: with store_read_begin()
# made a no-op, every trial gives a workbook of neither state.)
t_rec_consistent_reads() {
	ws=$(workspace)
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp "$BASE_WS/kansa.db" .
	rec_sheets 60 A 0
	rec_sheets 60 B 1
	wb=kansa-2025-workpaper.xlsx
	"$KANSA" import --year 2025 A/*.ini >/dev/null 2>&1 &&
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx -o refA >/dev/null 2>&1 &&
		"$KANSA" import --year 2025 B/*.ini >/dev/null 2>&1 &&
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx -o refB >/dev/null 2>&1 ||
		{ setup_failed "records: the two states for the consistent-read trials"; return; }
	bad=""
	i=0
	before=B
	while [ $i -lt 4 ]; do
		set=A
		[ $((i % 2)) -eq 1 ] && set=B
		rm -f rp rr ip ir
		KANSA_TEST_PAUSE=report-between-reads KANSA_TEST_PAUSE_FILE=rp KANSA_TEST_RESUME_FILE=rr \
			"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx -o t$i >t$i.log 2>&1 &
		rpid=$!
		wait_for rp $rpid || { bad="$bad [trial $i: the report never paused]"; kill $rpid; break; }
		KANSA_TEST_PAUSE=import-commit KANSA_TEST_PAUSE_FILE=ip KANSA_TEST_RESUME_FILE=ir \
			"$KANSA" import --year 2025 $set/*.ini >i$i.log 2>&1 &
		ipid=$!
		wait_for ip $ipid || { bad="$bad [trial $i: the import never reached its COMMIT]"; touch rr; break; }
		touch ir
		# the COMMIT alone is left: it ends at once unless the report's
		# read transaction holds it back (well within the 5 s busy timeout)
		n=0
		while kill -0 $ipid 2>/dev/null && [ $n -lt 20 ]; do
			sleep 0.1
			n=$((n + 1))
		done
		touch rr
		wait $rpid
		rc=$?
		wait $ipid
		irc=$?
		if [ $rc -ne 0 ] || [ $irc -ne 0 ]; then
			bad="$bad [trial $i: report rc $rc, import rc $irc: $(head -c 300 t$i.log i$i.log)]"
		elif ! cmp -s t$i/$wb ref$before/$wb; then
			other=neither
			cmp -s t$i/$wb ref$set/$wb && other="the after-state ($set)"
			bad="$bad [trial $i: a workbook of $other, not of the state before ($before)]"
		fi
		rm -rf t$i
		before=$set
		i=$((i + 1))
	done
	if [ -z "$bad" ] && ! cmp -s refA/$wb refB/$wb; then
		ok "records: 4 reports, each paused between its reads while an import commits: each workbook is the state before's, byte for byte"
	else
		not_ok "records: reports during an import" "$bad"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# kansa run holds the output folder for its whole length: a second run
# (or report) of the year at the same time is refused; 30 runs killed
# (SIGKILL) at random moments each leave output/2025 holding one run's
# complete set, whose manifest verifies (each run has its own --date, so
# a mixed set fails the check).
t_rec_run_kills() {
	ws=$(rec_ws) || { not_ok "records: a workspace runs"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	# Another kansa holds the folder (flock(1) on the lock kansa takes; a
	# whole run is quicker than any guessed sleep on an idle machine).
	mkdir -p output/2025
	rm -f held was_held
	flock output/2025/.kansa-lock -c \
		'touch held was_held; n=0; while [ -e held ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done' &
	holder=$!
	n=0
	while [ ! -e held ] && [ $n -lt 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-12 >b.log 2>&1
	rc=$?
	rm -f held
	wait $holder
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-11 >a.log 2>&1
	rca=$?
	if [ -e was_held ] && [ $rc -eq 4 ] && [ $rca -eq 0 ] && grep -q "another kansa is writing to this folder" b.log &&
		(cd output/2025 && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1 &&
		grep -q "2026-02-11" output/2025/kansa-run.log; then
		ok "records: a second kansa run of the same folder at once is refused (exit 4); the first publishes its set"
	else
		not_ok "records: two runs at once" "rc $rc $rca: $(cat b.log)"
	fi
	bad=""
	n0=$(grep -c . output/2025/MANIFEST.sha256)
	i=0
	while [ $i -lt 30 ]; do
		"$KANSA" run --year 2025 --as-of 2026-01-31 --date "2026-02-$((10 + i % 18))" >/dev/null 2>&1 &
		pid=$!
		sleep "$(python3 -c "import random; random.seed($i); print(round(random.uniform(0, 2.5), 2))")"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		n=$(grep -c . output/2025/MANIFEST.sha256 2>/dev/null)
		if ! (cd output/2025 && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1 || [ "$n" -ne "$n0" ]; then
			bad="$bad [kill $i: $(cd output/2025 && sha256sum -c MANIFEST.sha256 2>&1 | grep -v ': OK$' | head -3)]"
		fi
		i=$((i + 1))
	done
	sleep 1 # a killed run's report may still be finishing in its own folder
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 >c.log 2>&1 || bad="$bad [the run after: $(tail -3 c.log)]"
	left=$(ls -a output | grep "\.run-")
	if [ -z "$bad$left" ] && (cd output/2025 && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1; then
		ok "records: 30 SIGKILLs of kansa run at random moments: each time output/2025 holds one run's complete set (manifest verifies)"
	else
		not_ok "records: kansa run killed" "$bad left: $left"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# An evidence ID defined again in a second register is an error naming
# both places (it silently replaced the first); plans files are placed by
# their as_of whatever the import order (an older report imported last
# turned 確認済 back into 完了).
t_rec_histories() {
	ws=$(workspace)
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp "$BASE_WS/kansa.db" .
	mkdir -p r2
	cp -r "$ROOT/examples/2025/evidence/"* r2/ 2>/dev/null
	# the same IDs, another register (one title differs)
	sed '0,/^title = /s/^title = .*/title = 別の台帳の証跡/' \
		"$ROOT/examples/2025/evidence/register.ini" >r2/second.ini
	"$KANSA" import --year 2025 "$ROOT/examples/2025/evidence/register.ini" >/dev/null 2>&1
	before=$(sha256sum kansa.db)
	out=$("$KANSA" import --year 2025 r2/second.ini 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "second.ini:[0-9]*: evidence ID '[^']*' is defined in another register already: .*examples/2025/evidence/register.ini" &&
		[ "$before" = "$(sha256sum kansa.db)" ]; then
		ok "records: an evidence ID redefined by another register: exit 3 naming both, nothing stored"
	else
		not_ok "records: evidence redefined in another register" "rc $rc: $(printf '%s' "$out" | head -5)"
	fi
	state() {
		python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(list(c.execute('SELECT plan_id, status, progress, due FROM plan ORDER BY 1')))" "$1"
	}
	cp "$BASE_WS/kansa.db" fwd.db
	cp "$BASE_WS/kansa.db" rev.db
	for y in 2024 2025; do
		"$KANSA" import --db fwd.db --year $y "$ROOT"/examples/$y/answers/*.ini "$ROOT/examples/$y/evidence/register.ini" \
			"$ROOT/examples/$y/audit.ini" >/dev/null 2>&1
		"$KANSA" import --db rev.db --year $y "$ROOT"/examples/$y/answers/*.ini "$ROOT/examples/$y/evidence/register.ini" \
			"$ROOT/examples/$y/audit.ini" >/dev/null 2>&1
	done
	"$KANSA" import --db fwd.db --year 2025 "$ROOT/examples/2024/plans-2025-03.ini" >/dev/null 2>&1
	"$KANSA" import --db fwd.db --year 2025 "$ROOT/examples/2025/plans-2025-09.ini" >/dev/null 2>&1
	"$KANSA" import --db fwd.db --year 2025 "$ROOT/examples/2025/plans-2026-01.ini" >/dev/null 2>&1
	"$KANSA" import --db rev.db --year 2025 "$ROOT/examples/2025/plans-2026-01.ini" >/dev/null 2>&1
	"$KANSA" import --db rev.db --year 2025 "$ROOT/examples/2025/plans-2025-09.ini" >/dev/null 2>&1
	"$KANSA" import --db rev.db --year 2025 "$ROOT/examples/2024/plans-2025-03.ini" >/dev/null 2>&1
	f=$(state fwd.db)
	r=$(state rev.db)
	if [ "$f" = "$r" ] && [ "$f" != "[]" ] && "$KANSA" check-db --db rev.db >/dev/null 2>&1; then
		ok "records: plans files imported newest first give the same plans as in date order; check-db clean"
	else
		not_ok "records: plans by as_of" "forward $f / reverse $r / $("$KANSA" check-db --db rev.db 2>&1 | head -3)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_rec_tampered
t_rec_backup
t_rec_migration_race
t_rec_migrate_v1
t_rec_amended_policy
t_rec_renumber
t_rec_respondents
t_rec_respondent_commands
t_rec_close
t_rec_consistent_reads
t_rec_run_kills
t_rec_histories
