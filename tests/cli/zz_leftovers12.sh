# tests/cli/zz_leftovers12.sh: two cases of issue 12 checked from outside:
# kansa run's status step on a full disk (a file-size limit), and kansa
# verify recording the evidence files it refuses as missing.
test_plan 3

# lo_ws: a kansa init workspace with three answer sheets that answer
# nothing (so that status.txt, listing every open item, is far larger
# than any input file kansa reads) and no evidence; run once.
lo_ws() {
	d=$(workspace)
	"$KANSA" init --organisation 試験市議会 --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt" || return 1
	for s in 1 2 3; do
		printf '[kansa]\nkind = answers\nfiscal_year = 2025\ndepartment = 部署%s\nrole = 情報システム管理者\nrespondent = 回答者\nsystem = システム%s\nanswered_on = 2025-10-01\n' \
			$s $s >"$d/ws/2025/answers/s$s.ini" || return 1
	done
	(cd "$d/ws" && "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10) >/dev/null 2>&1 || return 1
	echo "$d/ws"
}

# The disk fills while the status step writes status.txt: a file-size
# limit (ulimit -f 32: 16 KiB, SIGXFSZ ignored, so write() fails with
# EFBIG as on a full disk) above every input file and below status.txt
# (about 21 KB).  The run stops at status with exit 4 and a message; the
# previous run's files stay byte for byte (no truncated status.txt under
# its final name), and no staging folder or temporary is left behind.
t_lo_status_full() {
	ws=$(lo_ws) || { setup_failed "leftovers: a workspace runs"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	size=$(wc -c <output/2025/status.txt)
	[ "$size" -gt 16384 ] || { setup_failed "leftovers: status.txt of $size bytes is not above the limit"; return; }
	(cd output/2025 && sha256sum $(ls | grep -v kansa-run.log)) >../sums
	out=$(sh -c 'ulimit -f 32 && trap "" XFSZ && exec "$0" run --year 2025 --as-of 2026-01-31 --date 2026-02-10' \
		"$KANSA" 2>&1)
	rc=$?
	left=$(find output -name '.*run-*' -o -name '*.tmp*' -o -name '*kansa-tmp*' | head -3)
	if [ $rc -eq 4 ] && printf '%s' "$out" | grep -q "status .*failed (exit 4)" &&
		grep -q "cannot write the output (standard output): File too large" output/2025/kansa-run.log &&
		(cd output/2025 && sha256sum -c --quiet ../../../sums) >/dev/null 2>&1 && [ -z "$left" ] &&
		! printf '%s' "$out" | grep -q "report "; then
		ok "leftovers: a full disk at the status step: exit 4 with the message, the previous files unchanged, nothing half-written"
	else
		not_ok "leftovers: status step on a full disk" "rc $rc left [$left]: $out / $(tail -3 output/2025/kansa-run.log)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# verify refuses (never reads, never waits on) an evidence file replaced
# by a link out of the workspace, a FIFO or a link to a device, and
# records each as missing (evidence_check.result 'missing', no SHA-256:
# the one state the schema has for a file not read; status and the
# reports count it 所在不明); kansa status lists them as missing at the
# last verify.  Import refuses the same files outright (an input error,
# even with --allow-missing-evidence, which only admits absent files).
t_lo_verify_refused() {
	ws=$(workspace)
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cp "$BASE_WS/kansa.db" . && cp -r "$ROOT/examples/2025" . &&
		"$KANSA" import --year 2025 2025/answers/*.ini 2025/evidence/register.ini >/dev/null 2>&1 ||
		{ setup_failed "leftovers: the demo year imports"; return; }
	o=$(workspace)
	echo secret >"$o/outside.txt"
	rm 2025/evidence/規程/実施手順.txt 2025/evidence/記録/研修実施記録.txt 2025/evidence/画面/gpo-password.png
	ln -s "$o/outside.txt" 2025/evidence/規程/実施手順.txt
	mkfifo 2025/evidence/記録/研修実施記録.txt
	ln -s /dev/zero 2025/evidence/画面/gpo-password.png
	out=$(timeout 60 "$KANSA" verify --year 2025 2>&1)
	rc=$?
	rows=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(' '.join('%s=%s:%s' % r for r in c.execute('''SELECT evidence_id, result, coalesce(sha256, 'NULL')
    FROM evidence_check WHERE year = 2025 AND evidence_id IN ('EV-2025-001', 'EV-2025-002', 'EV-2025-003')
    ORDER BY evidence_id''')))")
	st=$("$KANSA" status --year 2025 --as-of 2026-01-31 2>&1)
	n=$(printf '%s' "$out" | grep -c "^refused  EV-2025-00[123] ")
	if [ $rc -eq 1 ] && [ "$n" = 3 ] &&
		[ "$rows" = "EV-2025-001=missing:NULL EV-2025-002=missing:NULL EV-2025-003=missing:NULL" ] &&
		printf '%s' "$out" | grep -q "^45 ok\|48 evidence files: 45 ok, 3 not ok" &&
		[ "$(printf '%s' "$st" | grep -c "EV-2025-00[123] .*: missing at the")" = 3 ]; then
		ok "leftovers: verify refuses a link out of the workspace, a FIFO and a link to /dev/zero, records each as missing, status lists them"
	else
		not_ok "leftovers: verify of refused files" "rc $rc refused $n rows [$rows]: $out / $(printf '%s' "$st" | grep EV-2025-00[123])"
	fi
	# import takes the same rule: the same register imported again
	# (changed) with the FIFO is refused as an input error
	printf '\n' >>2025/evidence/register.ini
	out=$(timeout 60 "$KANSA" import --year 2025 2025/evidence/register.ini 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "研修実施記録.txt"; then
		ok "leftovers: import refuses the same files (exit 3, naming them), as verify does"
	else
		not_ok "leftovers: import of refused files" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_lo_status_full
t_lo_verify_refused
