# tests/cli/zz_faults.sh: faults from outside kansa: a full disk, a
# locked database, a process killed mid-import and mid-report.  After each
# the database passes check-db and holds all or none of an import, and no
# half-written report sits under its final name.  Sourced by tests/run.sh
# after import.sh (BASE_WS) and results.sh (demo_ws, AS_OF).
test_plan 10

# N synthetic answer sheets of the 情報システム管理者 items in folder S.
make_sheets() {
	"$KANSA" items --role 情報システム管理者 --format tsv | tail -n +2 | cut -f1 >ids.txt
	python3 - "$1" <<'PY'
import os, sys
n = int(sys.argv[1])
ids = open("ids.txt", encoding="utf-8").read().split()
os.makedirs("S", exist_ok=True)
for s in range(n):
    lines = ["[kansa]", "kind = answers", "fiscal_year = 2025", f"department = 部署{s:03d}",
             "role = 情報システム管理者", f"respondent = 回答者 {s}", "answered_on = 2025-10-01", ""]
    for i, item in enumerate(ids):
        lines += [f"[{item}]", "status = " + ("実施" if (s + i) % 4 else "一部実施"),
                  "comment = 手順書に従い運用している。", ""]
    open(f"S/s{s:04d}.ini", "w", encoding="utf-8").write("\n".join(lines))
PY
}

respondents() {
	python3 -c "import sqlite3; print(sqlite3.connect('kansa.db').execute('SELECT count(*) FROM respondent').fetchone()[0])"
}

# The disk fills while the reports are written (ulimit -f): a clear
# message, exit 4, no report under its final name, no temporary file left.
t_disk_full() {
	ws=$(demo_ws) || { not_ok "faults: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_disk_full; return; }
	out=$(
		trap '' XFSZ
		ulimit -f 64
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 2>&1
	)
	rc=$?
	left=$(ls output/2025 2>/dev/null)
	# (the report first records that it starts: a database that cannot
	# take that row stops it before any output, issue 11)
	case "$rc:$out" in
	4:*"cannot write"* | 4:*"kansa.db: database error while recording the run's start"*)
		if [ -z "$left" ]; then
			ok "faults: a full disk during a report: exit 4, 'cannot write', nothing left in output/"
		else
			not_ok "faults: a full disk leaves nothing behind" "$left"
		fi
		;;
	*) not_ok "faults: a full disk during a report" "rc $rc: $out" ;;
	esac
	# room for the workbook, not for a PDF: the message names the PDF.
	# The limit is per file and holds for the database too, which the
	# report now writes first (the run's start, issue 11): a database
	# larger than the limit stops the report before any output.
	rm -rf output
	out=$(
		trap '' XFSZ
		ulimit -f 250
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 2>&1
	)
	rc=$?
	case "$rc:$out" in
	4:*"kansa-2025-ciso.pdf: cannot write: File too large"*)
		if [ "$(ls output/2025)" = kansa-2025-workpaper.xlsx ]; then
			ok "faults: the disk fills at a PDF: exit 4 naming it, only the whole workbook left"
		else
			not_ok "faults: the disk fills at a PDF: what is left" "$(ls -a output/2025)"
		fi
		;;
	4:*"kansa.db: database error while"*)
		if [ -z "$(ls output/2025 2>/dev/null)" ]; then
			ok "faults: the disk fills before the report: the database cannot record the run, exit 4, nothing written"
		else
			not_ok "faults: a database that cannot record the run: nothing written" "$(ls -a output/2025)"
		fi
		;;
	*) not_ok "faults: the disk fills at a PDF" "rc $rc: $out" ;;
	esac
	cd "$ROOT" || { setup_failed t_disk_full; return; }
}

# Another process holds the database locked past kansa's 5 s busy
# timeout: the import fails with a message naming the database, exit 4,
# and the file is unchanged.
t_locked_db() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_locked_db; return; }
	cp "$BASE_WS/kansa.db" .
	make_sheets 2
	before=$(sha256sum kansa.db | cut -d' ' -f1)
	python3 - <<'PY' &
import sqlite3, time
c = sqlite3.connect("kansa.db", isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open("locked", "w").close()
time.sleep(7)
c.execute("ROLLBACK")
PY
	# the import starts once the lock is held (not after a guessed delay)
	i=0
	while [ ! -f locked ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	out=$("$KANSA" import --year 2025 S/*.ini 2>&1)
	rc=$?
	wait
	after=$(sha256sum kansa.db | cut -d' ' -f1)
	case "$rc:$out" in
	4:*kansa.db*locked*)
		[ "$before" = "$after" ] && ok "faults: a locked database: exit 4 naming it as locked, nothing changed" ||
			not_ok "faults: a locked database is left unchanged"
		;;
	*) not_ok "faults: a locked database" "rc $rc: $out" ;;
	esac
	cd "$ROOT" || { setup_failed t_locked_db; return; }
}

# SIGKILL inside the transaction of an import of 300 sheets (a test hook
# holds it there, so the kill cannot land before or after): the database
# passes check-db and holds none of them; a second import then works.
t_kill_import() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_kill_import; return; }
	cp "$BASE_WS/kansa.db" .
	make_sheets 300
	# the import stops after writing every row, before its COMMIT (testhook.c)
	KANSA_TEST_PAUSE=import-commit KANSA_TEST_PAUSE_FILE="$ws/paused" \
		"$KANSA" import --year 2025 S/*.ini >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ ! -f "$ws/paused" ] && [ $i -lt 1200 ] && kill -0 $pid 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	paused=no
	[ -f "$ws/paused" ] && paused=yes
	# inside the transaction: the rollback journal holds the old pages, and
	# another connection sees none of the new rows (or is locked out)
	journal=no
	[ -s kansa.db-journal ] && journal=yes
	inside=$(python3 -c "import sqlite3
try: print(sqlite3.connect('kansa.db', timeout=0).execute('SELECT count(*) FROM respondent').fetchone()[0])
except sqlite3.OperationalError as e: print('locked' if 'locked' in str(e) else e)")
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	n=$(respondents)
	chk=$("$KANSA" check-db 2>&1)
	rc=$?
	"$KANSA" import --year 2025 S/*.ini >/dev/null 2>&1
	m=$(respondents)
	if [ $paused = yes ] && [ $journal = yes ] &&
		{ [ "$inside" = 0 ] || [ "$inside" = locked ]; } &&
		[ $rc -eq 0 ] && [ "$n" -eq 0 ] && [ "$m" -eq 300 ]; then
		ok "faults: SIGKILL inside the import's transaction (every row written, before COMMIT) leaves 0 of 300 respondents, check-db passes, a rerun imports all"
	else
		not_ok "faults: SIGKILL inside the import's transaction" \
			"paused $paused, journal $journal, seen inside $inside; respondents $n then $m; check-db rc $rc: $chk"
	fi
	cd "$ROOT" || { setup_failed t_kill_import; return; }
}

# SIGKILL at moments through a report: every file under a final name is
# whole (qpdf --check, a zip that lists), whatever the moment.
t_kill_report() {
	ws=$(demo_ws) || { not_ok "faults: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_kill_report; return; }
	bad=""
	for t in 0.02 0.05 0.1 0.15 0.2; do
		rm -rf output
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1 &
		pid=$!
		sleep $t
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		for f in output/2025/*.pdf; do
			[ -e "$f" ] || continue
			qpdf --check "$f" >/dev/null 2>&1 || bad="$bad [$t: $f]"
		done
		for f in output/2025/*.xlsx; do
			[ -e "$f" ] || continue
			python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()" "$f" 2>/dev/null ||
				bad="$bad [$t: $f]"
		done
	done
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1 ||
		bad="$bad [the report after]"
	left=$(ls -a output/2025 | grep '^\.kansa-tmp-')
	[ -z "$bad$left" ] && ok "faults: SIGKILL at five moments of a report: every file under its final name is whole; the next report leaves no temporary file" ||
		not_ok "faults: SIGKILL mid-report leaves a broken file" "$bad $left"
	cd "$ROOT" || { setup_failed t_kill_report; return; }
}

# Temporary files a killed report left are removed by the next report
# (with a notice), which holds the folder's lock; other files stay.  A
# second writer while the lock is held is refused, nothing written.
t_stale_temp_and_lock() {
	ws=$(demo_ws) || { not_ok "faults: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_stale_temp_and_lock; return; }
	mkdir -p output/2025
	echo junk >output/2025/.kansa-tmp-kansa-2025-ciso.pdf-AbC123
	echo keep >output/2025/notes.tmp-keep
	out=$("$KANSA" report --year 2025 --as-of $AS_OF 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ ! -e output/2025/.kansa-tmp-kansa-2025-ciso.pdf-AbC123 ] &&
		[ -e output/2025/notes.tmp-keep ] &&
		printf '%s' "$out" | grep -q ".kansa-tmp-kansa-2025-ciso.pdf-AbC123: notice: removed: a temporary file left by an interrupted run"; then
		ok "faults: a temporary file left by a killed report is removed by the next, with a notice"
	else
		not_ok "faults: stale temporary files" "rc $rc: $out $(ls -a output/2025)"
	fi
	python3 -c "
import fcntl, time
f = open('output/2025/.kansa-lock', 'a')
fcntl.flock(f, fcntl.LOCK_EX)
open('locked', 'w').close()
time.sleep(3)" &
	i=0
	while [ ! -f locked ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	before=$(cat output/2025/MANIFEST.sha256)
	out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-03-01 2>&1)
	rc=$?
	wait
	if [ $rc -eq 4 ] && printf '%s' "$out" | grep -q "another kansa is writing to this folder now" &&
		[ "$before" = "$(cat output/2025/MANIFEST.sha256)" ]; then
		ok "faults: a second writer to the same output folder is refused (exit 4), nothing written"
	else
		not_ok "faults: the output folder's lock" "rc $rc: $out"
	fi
	# a lock let go a moment later (a killed report's PDF process is
	# still ending) is waited for, not refused
	rm -f locked
	python3 -c "
import fcntl, time
f = open('output/2025/.kansa-lock', 'a')
fcntl.flock(f, fcntl.LOCK_EX)
open('locked', 'w').close()
time.sleep(0.4)" &
	i=0
	while [ ! -f locked ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-03-01 2>&1)
	rc=$?
	wait
	if [ $rc -eq 0 ] && [ -f locked ]; then
		ok "faults: a lock let go within a second is waited for (a killed report's PDF process ending)"
	else
		not_ok "faults: a lock let go within a second" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed t_stale_temp_and_lock; return; }
}

# A read-only output folder: exit 4 naming it, nothing recorded.  Root
# ignores permissions, so as root the command runs as nobody (setpriv).
t_readonly_output() {
	ws=$(demo_ws) || { not_ok "faults: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_readonly_output; return; }
	mkdir -p output/2025 ro
	if [ "$(id -u)" -eq 0 ]; then
		chmod 755 "$TMPROOT" "$(dirname "$ws")" "$ws" 2>/dev/null
		chmod 777 "$ws"
		chmod 666 kansa.db
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		as=""
	fi
	chmod 555 output/2025 ro
	runs_before=$(python3 -c "import sqlite3; print(sqlite3.connect('kansa.db').execute('SELECT count(*) FROM report_run').fetchone()[0])")
	out=$($as "$KANSA" report --year 2025 --as-of $AS_OF 2>&1)
	rc=$?
	out2=$($as "$KANSA" report --year 2025 --as-of $AS_OF -o ro/2025 2>&1)
	rc2=$?
	runs_after=$(python3 -c "import sqlite3; print(sqlite3.connect('kansa.db').execute('SELECT count(*) FROM report_run').fetchone()[0])")
	if [ $rc -eq 4 ] && printf '%s' "$out" | grep -q "output/2025: cannot write here: Permission denied" &&
		[ $rc2 -eq 4 ] && printf '%s' "$out2" | grep -q "ro/2025: cannot make the output folder: Permission denied" &&
		[ -z "$(ls -A output/2025)" ] && [ "$runs_before" = "$runs_after" ]; then
		ok "faults: a read-only output folder (or its parent): exit 4 naming it, nothing written or recorded"
	else
		not_ok "faults: read-only output folder" "rc $rc $rc2: $out // $out2"
	fi
	chmod 755 output/2025 ro
	cd "$ROOT" || { setup_failed t_readonly_output; return; }
}

# kansa run on a terminal shows the time of a long step while it runs
# (here an import of 800 sheets); into a pipe or file it does not.
t_run_progress() {
	ws=$(init_ws) || { not_ok "faults: a workspace"; return; }
	cd "$ws" || { setup_failed t_run_progress; return; }
	"$KANSA" run --year 2024 --as-of 2025-03-31 >/dev/null 2>&1
	make_sheets 800
	mv S/*.ini 2025/answers/
	script -qec "$KANSA run --year 2025 --as-of 2026-01-31" /dev/null >tty.out 2>&1
	rc=$?
	"$KANSA" run --year 2025 --as-of 2026-01-31 >pipe.out 2>&1
	if [ $rc -eq 0 ] && grep -q "$(printf '\r')  import  *[0-9.]* s \.\.\." tty.out &&
		grep -q "^  import .* 818 files (answers 814" pipe.out && ! grep -q "$(printf '\r')" pipe.out; then
		ok "faults: kansa run shows a long step's time on a terminal, not in a pipe"
	else
		not_ok "faults: progress on a terminal" "rc $rc: $(od -c tty.out | head -20)"
	fi
	cd "$ROOT" || { setup_failed t_run_progress; return; }
}

t_disk_full
t_run_progress
t_stale_temp_and_lock
t_readonly_output
t_locked_db
t_kill_import
t_kill_report
