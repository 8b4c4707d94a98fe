# tests/cli/zz_faults.sh: faults from outside kansa: a full disk, a
# locked database, a process killed mid-import and mid-report.  After each
# the database passes check-db and holds all or none of an import, and no
# half-written report sits under its final name.  Sourced by tests/run.sh
# after import.sh (BASE_WS) and results.sh (demo_ws, AS_OF).

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
	cd "$ws" || return
	out=$(
		trap '' XFSZ
		ulimit -f 64
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 2>&1
	)
	rc=$?
	left=$(ls output/2025 2>/dev/null)
	case "$rc:$out" in
	4:*"cannot write"*)
		if [ -z "$left" ]; then
			ok "faults: a full disk during a report: exit 4, 'cannot write', nothing left in output/"
		else
			not_ok "faults: a full disk leaves nothing behind" "$left"
		fi
		;;
	*) not_ok "faults: a full disk during a report" "rc $rc: $out" ;;
	esac
	# room for the workbook, not for a PDF: the message names the PDF
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
	*) not_ok "faults: the disk fills at a PDF" "rc $rc: $out" ;;
	esac
	cd "$ROOT" || return
}

# Another process holds the database locked past kansa's 5 s busy
# timeout: the import fails with a message naming the database, exit 4,
# and the file is unchanged.
t_locked_db() {
	ws=$(workspace)
	cd "$ws" || return
	cp "$BASE_WS/kansa.db" .
	make_sheets 2
	before=$(sha256sum kansa.db | cut -d' ' -f1)
	python3 - <<'PY' &
import sqlite3, time
c = sqlite3.connect("kansa.db", isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
time.sleep(7)
c.execute("ROLLBACK")
PY
	sleep 0.5
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
	cd "$ROOT" || return
}

# SIGKILL in the middle of an import of 300 sheets: the database passes
# check-db and holds all of them or none; a second import then works.
t_kill_import() {
	ws=$(workspace)
	cd "$ws" || return
	cp "$BASE_WS/kansa.db" .
	make_sheets 300
	"$KANSA" import --year 2025 S/*.ini >/dev/null 2>&1 &
	pid=$!
	sleep 0.25
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	n=$(respondents)
	chk=$("$KANSA" check-db 2>&1)
	rc=$?
	"$KANSA" import --year 2025 S/*.ini >/dev/null 2>&1
	m=$(respondents)
	if [ $rc -eq 0 ] && { [ "$n" -eq 0 ] || [ "$n" -eq 300 ]; } && [ "$m" -eq 300 ]; then
		ok "faults: SIGKILL mid-import leaves $n of 300 respondents, check-db passes, a rerun imports all"
	else
		not_ok "faults: SIGKILL mid-import" "respondents $n then $m; check-db rc $rc: $chk"
	fi
	cd "$ROOT" || return
}

# SIGKILL at moments through a report: every file under a final name is
# whole (qpdf --check, a zip that lists), whatever the moment.
t_kill_report() {
	ws=$(demo_ws) || { not_ok "faults: the demo data imports"; return; }
	cd "$ws" || return
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
	[ -z "$bad" ] && ok "faults: SIGKILL at five moments of a report: every file under its final name is whole" ||
		not_ok "faults: SIGKILL mid-report leaves a broken file" "$bad"
	cd "$ROOT" || return
}

t_disk_full
t_locked_db
t_kill_import
t_kill_report
