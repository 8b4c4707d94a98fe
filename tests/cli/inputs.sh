# tests/cli/inputs.sh: issue 12: every byte of input accounted for, no
# file written where it should not be.  Sourced by tests/run.sh after
# import.sh (BASE_WS: a database with the seed policy derived).
test_plan 27

# in_ws: a fresh workspace with the base database; echoes its path.
in_ws() {
	w=$(workspace)
	cp "$BASE_WS/kansa.db" "$w/" || return 1
	echo "$w"
}

# in_head FILE [answered_on]: an answers header for 情報システム管理者.
in_head() {
	printf '[kansa]\nkind = answers\nfiscal_year = 2025\ndepartment = 総務課\nrole = 情報システム管理者\nrespondent = 水戸 太郎\nansweredp_on = %s\n' \
		"${2-2025-10-01}" | sed 's/answeredp_on/answered_on/' >"$1"
}

# in_answers DIR: item|status|comment of every answer, sorted.
in_answers() {
	python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute('SELECT item_id, status, comment FROM answer ORDER BY item_id'):
    print('|'.join(r))" "$1/kansa.db"
}

# in_expect NAME GOT WANT [DETAIL]: GOT equals WANT.
in_expect() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got: $2
want: $3
${4-}"; fi
}

# 1: a trailing backslash (with or without white space after it) is text
t_in_backslash() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = C:\\手順\\ \n[3(2)カ(ア)]\nstatus = 未実施\ncomment = 末尾\\\n[3(2)カ(イ)]\nstatus = 一部実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	in_expect "inputs 1: a trailing '\\' is text, the next line stays its own (exit $?)" \
		"$(in_answers "$ws")" '3(2)ア(イ)|実施|C:\手順\
3(2)カ(ア)|未実施|末尾\
3(2)カ(イ)|一部実施|' "$(cat "$ws/out")"
}

# 2: text iniparser drops is named with FILE:LINE
t_in_dropped() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = #1 の手順で実施\n[3(2)カ(ア)]\nstatus = 実施\ncomment = 設定は GPO #12 のとおり\n[3(2)カ(イ)]\nstatus = 実施\ncomment = "引用" の後\nevidence =   ; none yet\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] &&
		grep -q "a.ini:10: warning: .*'#1 の手順で実施' is read as a comment and dropped" "$ws/out" &&
		grep -q "a.ini:13: warning: .*'#12 のとおり' is read as a comment and dropped" "$ws/out" &&
		grep -q "a.ini:16: warning: text after the closing quote of 'comment' is dropped: 'の後'" "$ws/out" &&
		! grep -q "a.ini:17" "$ws/out"; then
		ok "inputs 2: dropped text is named with FILE:LINE ('; comment' after a space is not)"
	else
		not_ok "inputs 2: dropped text is named with FILE:LINE" "rc $rc: $(cat "$ws/out")"
	fi
	in_head "$ws/b.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = "開いたまま\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "b.ini:10: the value of 'comment' opens a quote" "$ws/out" &&
		ok "inputs 2: a quote never closed is an error with FILE:LINE" ||
		not_ok "inputs 2: a quote never closed" "rc $rc: $(cat "$ws/out")"
}

# 11: no decoded copy on disk: a missing or unwritable TMPDIR changes nothing
t_in_tmpdir() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\n' >>"$ws/a.ini"
	mkdir "$ws/ro" && chmod 555 "$ws/ro"
	(cd "$ws" && TMPDIR=/nonexistent/kansa "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	(cd "$ws" && TMPDIR="$ws/ro" "$KANSA" items --role 情報システム管理者 >/dev/null &&
		TMPDIR="$ws/ro" "$KANSA" import --year 2025 a.ini) >>"$ws/out" 2>&1
	rc2=$?
	[ $rc -eq 0 ] && [ $rc2 -eq 0 ] && [ -z "$(ls -A "$ws/ro")" ] &&
		ok "inputs 11: INI files load with TMPDIR missing or read-only (nothing written there)" ||
		not_ok "inputs 11: INI files load without TMPDIR" "rc $rc $rc2: $(cat "$ws/out")"
}

# 14: UTF-16 with a byte-order mark is converted with a notice
t_in_utf16() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/u8.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = ユニコード\n' >>"$ws/u8.ini"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$ws/u8.ini"; } >"$ws/le.ini"
	sed 's/総務課/企画課/' "$ws/u8.ini" | { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE; } >"$ws/be.ini"
	(cd "$ws" && "$KANSA" import --year 2025 le.ini be.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q "le.ini: notice: converted from UTF-16LE" "$ws/out" &&
		grep -q "be.ini: notice: converted from UTF-16BE" "$ws/out" &&
		[ "$(in_answers "$ws")" = '3(2)ア(イ)|実施|ユニコード
3(2)ア(イ)|実施|ユニコード' ]; then
		ok "inputs 14: UTF-16LE and UTF-16BE with a BOM are converted, with a notice"
	else
		not_ok "inputs 14: UTF-16 with a BOM" "rc $rc: $(cat "$ws/out")"
	fi
}

# 15: white space of every kind trimmed; nearest status, role and ID
# suggested; invisible characters shown as <U+XXXX>
t_in_space() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\343\200\200\ncomment = \302\240全角と NBSP\343\200\200\n[3(2)カ(ア)]\nstatus = \342\200\213未実施\t\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	in_expect "inputs 15: U+3000, NBSP, ZWSP and tab around values are trimmed (exit $?)" \
		"$(in_answers "$ws")" '3(2)ア(イ)|実施|全角と NBSP
3(2)カ(ア)|未実施|' "$(cat "$ws/out")"
	in_head "$ws/b.ini"
	sed -i 's/^role = .*/role = 情報システム管理車/' "$ws/b.ini"
	printf '[3(2)ア(イ)]\nstatus = 実地\n[3(2)カ(ア)]\nstatus = 実\343\200\200施\n[3(2)カ(ｱ)x]\nstatus = 実施\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 3 ] && grep -q "b.ini:9: unknown status '実地'.*did you mean 実施?" "$ws/out" &&
		grep -q "b.ini:11: unknown status '実<U+3000>施'" "$ws/out" &&
		grep -q "b.ini:5: unknown role '情報システム管理車'.*did you mean 情報システム管理者?" "$ws/out" &&
		grep -q "b.ini:12: unknown item ID.*did you mean '3(2)カ(ア)'" "$ws/out"; then
		ok "inputs 15: nearest status, role and ID suggested; U+3000 shown as <U+3000>"
	else
		not_ok "inputs 15: suggestions and visible invisibles" "rc $rc: $(cat "$ws/out")"
	fi
}

# 16: a duplicate after normalisation is an input error naming both lines;
# every message names the user's file
t_in_dup_norm() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\n[３（２）ア（イ）]\nstatus = 未実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "a.ini:10: .*'3(2)ア(イ)'.*line 8" "$ws/out" &&
		ok "inputs 16: [3(2)ア(イ)] and [３（２）ア（イ）] in one file: exit 3 with both lines" ||
		not_ok "inputs 16: a duplicate after normalisation" "rc $rc: $(cat "$ws/out")"
	in_head "$ws/b.ini"
	printf '[3(2)ア(イ)] ; note\nstatus = 実施\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "^b.ini:8: text after the section header: ' ; note'" "$ws/out" &&
		! grep -q "/tmp\|/proc" "$ws/out" &&
		ok "inputs 16: '[item] ; note' is named with the user's FILE:LINE" ||
		not_ok "inputs 16: '[item] ; note'" "rc $rc: $(cat "$ws/out")"
}

# 17: an empty answered_on is warned of
t_in_answered_on() {
	ws=$(in_ws) || { setup_failed "inputs: a workspace"; return; }
	in_head "$ws/a.ini" ""
	printf '[3(2)ア(イ)]\nstatus = 実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q "a.ini:7: warning: answered_on is empty" "$ws/out" &&
		ok "inputs 17: an empty answered_on is warned of, with its line" ||
		not_ok "inputs 17: an empty answered_on" "rc $rc: $(cat "$ws/out")"
}

t_in_backslash
t_in_dropped
t_in_tmpdir
t_in_utf16
t_in_space
t_in_dup_norm
t_in_answered_on

# in_run_ws: a workspace by kansa init with the demo's two years; echoes
# its path (empty when the set-up failed: the caller fails the test).
in_run_ws() {
	d=$(seed_ws 試験市議会 2024 2025) || return 1
	echo "$d/ws"
}

in_run() {
	"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 "$@"
}

# 5: file names from settings are names, not paths
t_in_setting_names() {
	ws=$(in_run_ws) || { setup_failed "inputs 5"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	sed -i 's|^audit = kansa-{year}-audit.pdf|audit = ../kansa.db|' templates/report.ini
	line=$(grep -n '^audit = \.\./kansa\.db' templates/report.ini | cut -d: -f1)
	in_run >out 2>&1
	rc=$?
	if [ $rc -eq 3 ] && grep -q "report.ini:$line: \[files\] audit = '../kansa.db' is not a file name" out &&
		[ "$(head -c 15 kansa.db)" = "SQLite format 3" ]; then
		ok "inputs 5: '[files] audit = ../kansa.db' is refused (exit 3); the database is intact"
	else
		not_ok "inputs 5: a path in [files]" "rc $rc: $(tail -5 out) $(head -c 15 kansa.db)"
	fi
	sed -i 's|^audit = ../kansa.db|audit = CON.pdf|' templates/report.ini
	in_run >out 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "report.ini:$line: .*'CON.pdf' is not a file name: .*reserves" out &&
		ok "inputs 5: a Windows device name (CON.pdf) is refused" ||
		not_ok "inputs 5: CON.pdf" "rc $rc: $(tail -5 out)"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 6, 7, 8: no write through a planted link; modes from the umask; only
# kansa's own temporaries removed
t_in_writes() {
	ws=$(in_run_ws) || { setup_failed "inputs 6"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	(umask 077 && in_run) >out 2>&1 || { setup_failed "inputs 6" "the first run: $(tail -3 out)"; return; }
	m=$(stat -c %a output/2025/kansa-2025-audit.pdf output/2025/MANIFEST.sha256 output/2025/status.txt output/2025/kansa-2025-workpaper.xlsx | sort -u | tr '\n' ' ')
	in_expect "inputs 7: under umask 077 the outputs and the manifest are 0600" "$m" "600 "
	echo keep >victim
	rm -f output/2025/kansa-run.log output/2025/.kansa-lock
	ln -s "$ws/victim" output/2025/kansa-run.log
	ln -s "$ws/victim2" output/2025/.kansa-lock
	echo "メモ" >"output/2025/監査メモ.tmp-backup"
	in_run >out 2>&1
	rc=$?
	# (kansa run takes the folder's lock first since issue 11: the planted
	# .kansa-lock stops it there, before the log)
	if [ "$(cat victim)" = keep ] && [ ! -e victim2 ] && [ $rc -eq 4 ] &&
		grep -Eq "(kansa-run.log|\.kansa-lock): cannot write" out; then
		ok "inputs 6: links planted at kansa-run.log and .kansa-lock are not followed (exit 4)"
	else
		not_ok "inputs 6: planted links" "rc $rc victim '$(cat victim)' victim2 $(ls victim2 2>&1): $(tail -3 out)"
	fi
	rm -f output/2025/kansa-run.log output/2025/.kansa-lock
	touch output/2025/.kansa-tmp-kansa-2025-ciso.pdf-Ab12Cd
	in_run >out 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ -f "output/2025/監査メモ.tmp-backup" ] &&
		[ ! -e output/2025/.kansa-tmp-kansa-2025-ciso.pdf-Ab12Cd ]; then
		ok "inputs 8: a user's '監査メモ.tmp-backup' survives; kansa's own left-over is removed"
	else
		not_ok "inputs 8: only kansa's temporaries are removed" "rc $rc: $(ls -a output/2025) $(tail -3 out)"
	fi
	chmod 600 kansa.db
	"$KANSA" --db kansa.db backup b.db >out 2>&1
	in_expect "inputs 7: a backup of a 0600 database is 0600" "$(stat -c %a b.db 2>&1)" 600 "$(cat out)"
	(umask 002 && "$KANSA" --db shared.db derive --version 2024 -o cl.ini checklists/policy.txt) >out 2>&1
	in_expect "inputs 7: under umask 002 a new database is 0664 (group-writable)" "$(stat -c %a shared.db 2>&1)" 664 "$(cat out)"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 12: only regular files are read; FIFOs, devices and links out are refused
t_in_special_files() {
	ws=$(in_run_ws) || { setup_failed "inputs 12"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	in_run >out 2>&1 || { setup_failed "inputs 12" "the first run: $(tail -3 out)"; return; }
	rm 2025/evidence/記録/研修実施記録.txt
	mkfifo 2025/evidence/記録/研修実施記録.txt
	rm 2025/evidence/規程/実施手順.txt
	ln -s /dev/zero 2025/evidence/規程/実施手順.txt
	timeout 30 "$KANSA" --db kansa.db verify --year 2025 >out 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q "研修実施記録.txt.*a FIFO" out &&
		grep -q "実施手順.txt.*outside the register's folder" out; then
		ok "inputs 12: verify names a FIFO and a link to /dev/zero and refuses them (no hang)"
	else
		not_ok "inputs 12: verify and special files" "rc $rc: $(tail -6 out)"
	fi
	timeout 60 "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 >out 2>&1
	rc=$?
	[ $rc -ne 124 ] && [ $rc -ne 0 ] && grep -q "a FIFO\|not a regular file" out &&
		ok "inputs 12: run refuses a FIFO as evidence (exit $rc, no hang)" ||
		not_ok "inputs 12: run and a FIFO" "rc $rc: $(tail -6 out)"
	mkfifo 2025/answers/zz-fifo.ini
	timeout 30 "$KANSA" --db kansa.db import --year 2025 2025/answers/zz-fifo.ini >out 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "zz-fifo.ini: not a regular file (a FIFO)" out &&
		ok "inputs 12: import names a FIFO '*.ini' and refuses it (exit 3, no hang)" ||
		not_ok "inputs 12: import and a FIFO" "rc $rc: $(tail -4 out)"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 13: every command checks its output stream (exit 4 on /dev/full)
t_in_full() {
	ws=$(in_run_ws) || { setup_failed "inputs 13"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	in_run >out 2>&1 || { setup_failed "inputs 13" "the first run: $(tail -3 out)"; return; }
	bad=""
	for c in "status --year 2025" "score --year 2025" "findings --year 2025" \
		"items" "runs" "plan list --as-of 2026-01-31" "verify --year 2025" "help"; do
		# shellcheck disable=SC2086
		"$KANSA" --db kansa.db $c >/dev/full 2>err
		rc=$?
		{ [ $rc -eq 4 ] && grep -q "cannot write the output" err; } || bad="$bad [$c: $rc $(cat err)]"
	done
	[ -z "$bad" ] && ok "inputs 13: status, score, findings, items, runs, plan list, verify, help exit 4 on /dev/full" ||
		not_ok "inputs 13: output checked at exit" "$bad"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 20: kansa run takes --allow-missing-evidence
t_in_run_missing() {
	ws=$(in_run_ws) || { setup_failed "inputs 20"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	rm 2025/evidence/画面/gpo-password.png
	in_run --allow-missing-evidence >out 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q "gpo-password.png.*recorded as missing" output/2025/kansa-run.log &&
		ok "inputs 20: kansa run --allow-missing-evidence records a missing file as missing" ||
		not_ok "inputs 20: kansa run --allow-missing-evidence" "rc $rc: $(tail -6 out)"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 19: only a drive letter or a leading / or \ is absolute; the workbook's
# link to a file whose name has '#' (and ':' and a space) reaches it
t_in_link_names() {
	ws=$(in_run_ws) || { setup_failed "inputs 19"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	echo 設定 >"2025/evidence/画面/設定 #2 10:30.txt"
	printf '\n[EV-2025-900]\ntitle = 時刻入りの画面\nfile = "画面/設定 #2 10:30.txt"\ncollected_on = 2025-08-05\n' >>2025/evidence/register.ini
	in_run >out 2>&1
	rc=$?
	cat >link.py <<'PY'
import sys, openpyxl, urllib.parse, os
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["証跡一覧"]
for row in ws.iter_rows():
    if row[0].value == "EV-2025-900":
        h = row[2].hyperlink
        assert h is not None, "no link"
        assert not h.target.startswith("file:"), ("made absolute", h.target)
        target = urllib.parse.unquote(h.target).replace("\\", "/")
        assert h.location is None, ("cut at '#'", h.target, h.location)
        path = os.path.normpath(os.path.join(os.path.dirname(sys.argv[1]), target))
        assert os.path.isfile(path), (h.target, path)
        print("ok", h.target)
        break
else:
    raise SystemExit("EV-2025-900 not in 証跡一覧")
PY
	if [ $rc -eq 0 ] && /usr/bin/python3 link.py output/2025/kansa-2025-workpaper.xlsx >lout 2>&1; then
		ok "inputs 19: an evidence file named '設定 #2 10:30.txt' is imported and linked (percent-encoded) from the workbook"
	else
		not_ok "inputs 19: ':' and '#' in an evidence file name" "rc $rc: $(tail -3 out) $(cat lout)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# 10: every value kansa writes into an INI file is quoted or refused
t_in_ini_writes() {
	d=$(workspace)
	"$KANSA" init --organisation 'a ; #1' --year 2025 "$d/w" >"$d/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q '^organisation = "a ; #1"' "$d/w/kansa.ini" &&
		grep -q '^organisation = "a ; #1"' "$d/w/templates/report.ini" &&
		! grep -q "warning" "$d/out"; then
		ok "inputs 10: init writes --organisation 'a ; #1' quoted in kansa.ini and report.ini"
	else
		not_ok "inputs 10: init quotes the organisation" "rc $rc: $(grep organisation "$d/w/kansa.ini" "$d/w/templates/report.ini")"
	fi
	ws=$(in_ws) || { setup_failed "inputs 10"; return; }
	(cd "$ws" && "$KANSA" template --year 2025 --role 情報システム管理者 \
		--department "$(printf 'a\nstatus = 実施')" -o s) >"$ws/out" 2>&1
	rc=$?
	(cd "$ws" && "$KANSA" template --year 2025 --role 情報システム管理者 \
		--department '総務課 ; 係 #2' -o t) >>"$ws/out" 2>&1
	rc2=$?
	if [ $rc -eq 2 ] && grep -q "department: a line break" "$ws/out" && [ ! -d "$ws/s" ] &&
		[ $rc2 -eq 0 ] && grep -q '^department = "総務課 ; 係 #2"' "$ws"/t/*.ini; then
		ok "inputs 10: template refuses a --department with a line break (exit 2) and quotes '; #'"
	else
		not_ok "inputs 10: template --department" "rc $rc $rc2: $(cat "$ws/out") $(grep -h department "$ws"/t/*.ini)"
	fi
}

# 4: milestones numbered with a gap are refused (milestone_4 was dropped);
# out of order or after the plan's due date are warned of
t_in_milestones() {
	ws=$(in_ws) || { setup_failed "inputs 4"; return; }
	printf '[kansa]\nkind = plans\nas_of = 2025-09-30\n\n[KP-2025-001]\nitems = 3(2)ア(イ)\nfinding_year = 2025\ndepartment = 総務課\nrole = 情報システム管理者\naction = 手順を定める\ndue = 2025-12-31\nmilestone_1 = 2025-04-30 案\nmilestone_2 = 2025-05-31 決裁\nmilestone_4 = 2025-07-31 周知\nstatus = 対応中\n' >"$ws/gap.ini"
	(cd "$ws" && "$KANSA" import --year 2025 gap.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "gap.ini:14: 'milestone_4' of \[KP-2025-001\] follows a gap: milestone_3 is missing" "$ws/out" &&
		ok "inputs 4: milestone_1, _2, _4 is refused naming milestone_4's line (exit 3)" ||
		not_ok "inputs 4: a gap in the milestones" "rc $rc: $(cat "$ws/out")"
	sed -e 's/^milestone_4 = .*/milestone_3 = 2026-01-31 周知/' -e 's/^milestone_2 = .*/milestone_2 = 2025-04-01 決裁/' "$ws/gap.ini" >"$ws/order.ini"
	(cd "$ws" && "$KANSA" import --year 2025 order.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q "order.ini:13: warning: milestone_2 of \[KP-2025-001\] is due 2025-04-01, before milestone_1" "$ws/out" &&
		grep -q "order.ini:14: warning: milestone_3 of \[KP-2025-001\] is due 2026-01-31, after the plan's due date 2025-12-31" "$ws/out" &&
		ok "inputs 4: milestones out of order or after the plan's due date are warned of" ||
		not_ok "inputs 4: milestone dates" "rc $rc: $(cat "$ws/out")"
}

t_in_setting_names
t_in_writes
t_in_special_files
t_in_full
t_in_run_missing
t_in_link_names
t_in_ini_writes
t_in_milestones
