# tests/cli/zz_db.sh: `kansa backup` and `kansa check-db`.  Sourced by
# tests/run.sh after results.sh (demo_ws).
test_plan 7

# A backup taken while another connection holds a write transaction is
# complete and consistent, and equals the database row for row.
t_backup_in_use() {
	ws=$(demo_ws) || { not_ok "db: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_backup_in_use; return; }
	python3 - <<'PY' &
import sqlite3, time
c = sqlite3.connect("kansa.db", isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO fiscal_year (year, policy_id) SELECT 2099, policy_id FROM fiscal_year LIMIT 1")
open("writing", "w").close()
time.sleep(1.5)
c.execute("ROLLBACK")
PY
	# the backup starts while the other write is open (not after a guess)
	i=0
	while [ ! -f writing ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	out=$("$KANSA" backup copy.db 2>&1)
	rc=$?
	wait
	dump() {
		python3 -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" "$1"
	}
	if [ $rc -eq 0 ] && "$KANSA" check-db --db copy.db >/dev/null 2>&1 &&
		[ "$(dump kansa.db)" = "$(dump copy.db)" ] && [ -z "$(ls | grep 'copy.db.tmp')" ]; then
		ok "db: a backup taken during another's write is whole and passes check-db"
	else
		not_ok "db: backup while in use" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed t_backup_in_use; return; }
}

# check-db: a sound database passes; a broken rule and a dangling row
# are named; a damaged file fails with a message naming it.
t_check_db() {
	ws=$(demo_ws) || { not_ok "db: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_check_db; return; }
	out=$("$KANSA" check-db 2>&1) && ok "db: the demo database passes check-db" ||
		not_ok "db: the demo database passes check-db" "$out"
	cp kansa.db bad.db
	python3 - <<'PY'
import sqlite3
c = sqlite3.connect("bad.db")
c.execute("UPDATE answer SET item_id = '9-9(9)' WHERE rowid = (SELECT min(rowid) FROM answer)")
c.execute("UPDATE plan SET progress = 99 WHERE plan_id = 'KP-2024-002'")
c.execute("INSERT INTO plan_log (plan_id, logged_at, as_of, status, progress, due, snapshot)"
          " VALUES ('KP-NONE', 't', 't', '完了', 100, '2026-01-01', '')")
c.commit()
PY
	out=$("$KANSA" check-db --db bad.db 2>&1)
	rc=$?
	case "$rc:$out" in
	4:*"9-9(9)"*"does not have"*)
		if printf '%s' "$out" | grep -q "KP-2024-002.*last entry of its log" &&
			printf '%s' "$out" | grep -q "plan_log row .*missing row of plan"; then
			ok "db: check-db names an answer to no item, a plan off its log and a dangling log row (exit 4)"
		else
			not_ok "db: check-db names every problem" "$out"
		fi
		;;
	*) not_ok "db: check-db finds the broken rules" "rc $rc: $out" ;;
	esac
	cp kansa.db damaged.db
	python3 -c "
import os
n = os.path.getsize('damaged.db')
with open('damaged.db', 'r+b') as f:
    f.seek(n // 2); f.write(b'\xff' * 8192)"
	out=$("$KANSA" check-db --db damaged.db 2>&1)
	rc=$?
	case "$rc:$out" in
	4:*damaged.db*) ok "db: a damaged file fails check-db, naming it (exit 4)" ;;
	*) not_ok "db: a damaged file fails check-db" "rc $rc: $out" ;;
	esac
	# the other commands on it: a message and exit 4, no crash, no report
	bad=""
	for cmd in "report --year 2025 --as-of $AS_OF -o dmg" \
		"report plans --as-of $AS_OF -o dmg" "import --year 2025 $ROOT/examples/2025/audit.ini"; do
		# shellcheck disable=SC2086
		out=$("$KANSA" --db damaged.db $cmd 2>&1)
		rc=$?
		case "$rc:$out" in
		4:*"damaged.db: the database is damaged (SQLite: "*"kansa check-db lists"*) ;;
		*) bad="$bad [$cmd: rc $rc: $(printf '%s' "$out" | head -3)]" ;;
		esac
	done
	if [ -z "$bad" ] && [ -z "$(ls dmg 2>/dev/null | grep -v '^$')" ]; then
		ok "db: report, the plans report and import on a damaged file: exit 4 naming it, nothing written"
	else
		not_ok "db: commands on a damaged file" "$bad $(ls dmg 2>/dev/null)"
	fi
	cd "$ROOT" || { setup_failed t_check_db; return; }
}

# Each report run writes MANIFEST.sha256 (sha256sum -c passes; the same
# inputs and --date give the same manifest) and is recorded in the store.
t_manifest_runs() {
	ws=$(demo_ws) || { not_ok "db: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_manifest_runs; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1
	cp output/2025/MANIFEST.sha256 m1
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1
	check=$(cd output/2025 && sha256sum -c MANIFEST.sha256 2>&1)
	runs=$("$KANSA" runs --year 2025 2>&1)
	n=$(printf '%s\n' "$runs" | grep -c "^[0-9]* *2025 .* 2026-02-10 .* 4 ")
	db=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print('\n'.join(f'{s}  {p.rsplit(\"/\", 1)[1]}' for p, s in c.execute(
    \"SELECT path, sha256 FROM run_file WHERE direction = 'out' AND run_id = (SELECT max(run_id) FROM report_run)\"
    \" AND path NOT LIKE '%MANIFEST%' ORDER BY 1\")))")
	if [ "$(printf '%s\n' "$check" | grep -c ': OK$')" -eq 3 ] && cmp -s m1 output/2025/MANIFEST.sha256 &&
		[ "$n" -eq 2 ] && [ "$db" = "$(cat m1)" ]; then
		ok "db: MANIFEST.sha256 passes sha256sum -c, is the same on a rerun, and each run is in kansa runs and the store"
	else
		not_ok "db: manifest and runs" "$check / runs: $runs / db: $db"
	fi
	printf 'x' >>output/2025/kansa-2025-ciso.pdf
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	(cd output/2025 && sha256sum -c MANIFEST.sha256 >/dev/null 2>&1) &&
		not_ok "db: a report changed after the run fails sha256sum -c" ||
		ok "db: a report changed after the run fails sha256sum -c, even after a partial rerun"
	cd "$ROOT" || { setup_failed t_manifest_runs; return; }
}

t_backup_in_use
t_check_db
t_manifest_runs
