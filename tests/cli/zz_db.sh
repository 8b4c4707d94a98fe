# tests/cli/zz_db.sh: `kansa backup` and `kansa check-db`.  Sourced by
# tests/run.sh after results.sh (demo_ws).

# A backup taken while another connection holds a write transaction is
# complete and consistent, and equals the database row for row.
t_backup_in_use() {
	ws=$(demo_ws) || { not_ok "db: the demo data imports"; return; }
	cd "$ws" || return
	python3 - <<'PY' &
import sqlite3, time
c = sqlite3.connect("kansa.db", isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO fiscal_year (year, policy_id) SELECT 2099, policy_id FROM fiscal_year LIMIT 1")
time.sleep(1.5)
c.execute("ROLLBACK")
PY
	sleep 0.3
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
	cd "$ROOT" || return
}

# check-db: a sound database passes; a broken rule and a dangling row
# are named; a damaged file fails with a message naming it.
t_check_db() {
	ws=$(demo_ws) || { not_ok "db: the demo data imports"; return; }
	cd "$ws" || return
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
	cd "$ROOT" || return
}

t_backup_in_use
t_check_db
