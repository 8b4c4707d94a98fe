# tests/cli/workspace.sh: every command finds its workspace (kansa.ini in
# the current folder or the nearest parent, --workspace DIR,
# $KANSA_WORKSPACE) and takes the database, templates, output folder and
# file patterns from it; --db still overrides; outside any workspace the
# commands behave as before.  Sourced by tests/run.sh.

test_plan 5

# ws_setup: a workspace in $d/ws with the demo policy, its checklist
# derived, the sheets of 2025 written and filled and an evidence register,
# all from inside the subfolder 2025/evidence (nothing named but --year).
ws_setup() {
	d=$(workspace)
	"$KANSA" init --organisation 試験村議会 --year 2025 "$d/ws" >"$d/init.log" 2>&1 ||
		{ setup_failed "workspace: init" "$(cat "$d/init.log")"; return 1; }
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt"
	mkdir -p "$d/ws/2025/evidence/画面" && printf 'x\n' >"$d/ws/2025/evidence/画面/gpo.png"
	printf '[kansa]\r\nkind = evidence\r\nfiscal_year = 2025\r\n\r\n[EV-2025-001]\r\ntitle = 設定画面\r\nfile = 画面/gpo.png\r\ncollected_on = 2025-09-30\r\n' \
		>"$d/ws/2025/evidence/register.ini"
	cd "$d/ws/2025/evidence" || { setup_failed "workspace: cd"; return 1; }
	"$KANSA" derive >"$d/derive.log" 2>&1 ||
		{ setup_failed "workspace: derive from a subfolder" "$(cat "$d/derive.log")"; return 1; }
	"$KANSA" template --year 2025 >"$d/template.log" 2>&1 ||
		{ setup_failed "workspace: template from a subfolder" "$(cat "$d/template.log")"; return 1; }
	for f in "$d"/ws/2025/answers/*.ini; do
		python3 "$ROOT/tests/cli/council_fill.py" "$f" utf-8 議会事務局 EV-2025-001 >/dev/null ||
			{ setup_failed "workspace: fill $f"; return 1; }
	done
	return 0
}

# Every command from a subfolder: nothing named but the year.
t_subfolder() {
	miss=""
	[ -f "$d/ws/checklists/policy.ini" ] && [ -f "$d/ws/kansa.db" ] || miss="$miss [derive: $(ls "$d/ws" "$d/ws/checklists")]"
	[ "$(ls "$d"/ws/2025/answers/*.ini | wc -l)" -eq 9 ] || miss="$miss [template: $(ls "$d/ws/2025/answers")]"
	run() { # run CMD...: one command from the subfolder; its output in $out
		out=$("$KANSA" "$@" 2>&1) || miss="$miss [$*: rc $?: $(printf '%s' "$out" | head -3)]"
	}
	run import --year 2025
	printf '%s' "$out" | grep -q "register.ini: evidence register, 1 records (new)" || miss="$miss [import: $out]"
	run verify --year 2025
	printf '%s' "$out" | grep -q "1 ok, 0 not ok" || miss="$miss [verify: $out]"
	run status --year 2025 --as-of 2026-01-31
	run score --year 2025 --as-of 2026-01-31
	printf '%s' "$out" | grep -q "9 respondents" || miss="$miss [score: $out]"
	run findings --year 2025 --as-of 2026-01-31
	run items --format tsv
	run respondents --year 2025
	run plan list --as-of 2026-01-31
	run report --year 2025 --as-of 2026-01-31 --date 2026-02-10
	[ -f "$d/ws/output/2025/kansa-2025-workpaper.xlsx" ] || miss="$miss [report: not in the workspace's output: $(ls "$d/ws/output")]"
	pdftotext "$d/ws/output/2025/kansa-2025-ciso.pdf" - 2>/dev/null | grep -q "試験村議会" ||
		miss="$miss [report: not kansa.ini's organisation]"
	run runs --year 2025
	run check-db
	run backup copy.db
	[ -f copy.db ] || miss="$miss [backup: not where named]"
	run run --year 2025 --as-of 2026-01-31 --date 2026-02-10
	printf '%s' "$out" | grep -q "import .* 10 unchanged" || miss="$miss [run: $out]"
	run year start 2026
	[ "$(ls "$d"/ws/2026/answers/*.ini 2>/dev/null | wc -l)" -eq 9 ] || miss="$miss [year start: $(ls "$d/ws/2026/answers")]"
	left=$(find "$d/ws/2025" \( -name '*.db' ! -name copy.db \) -o -name output -o -name checklists)
	[ -z "$left" ] || miss="$miss [written into the subfolder: $left]"
	if [ -z "$miss" ]; then
		ok "workspace: derive, template, import (the year's files), verify, status, score, findings, items, respondents, plan, report, runs, check-db, backup, run, year start from a subfolder"
	else
		not_ok "workspace: commands from a subfolder" "$miss"
	fi
}

# From outside: --workspace DIR (before or after the command, or naming
# kansa.ini itself) and $KANSA_WORKSPACE; --db overrides.
t_named() {
	miss=""
	cd "$d" || { setup_failed "workspace: cd"; return; }
	for how in "--workspace ws score" "score --workspace ws" "score --workspace=ws/kansa.ini" \
		"score --workspace $d/ws/2025/../"; do
		# shellcheck disable=SC2086
		out=$("$KANSA" $how --year 2025 --as-of 2026-01-31 2>&1) &&
			printf '%s' "$out" | grep -q "9 respondents" || miss="$miss [$how: $out]"
	done
	out=$(KANSA_WORKSPACE=ws "$KANSA" score --year 2025 --as-of 2026-01-31 2>&1) &&
		printf '%s' "$out" | grep -q "9 respondents" || miss="$miss [KANSA_WORKSPACE: $out]"
	out=$(KANSA_WORKSPACE=ws "$KANSA" run --year 2025 --as-of 2026-01-31 2>&1) ||
		miss="$miss [KANSA_WORKSPACE run: $out]"
	out=$("$KANSA" --db "$d/other.db" --workspace ws score --year 2025 2>&1)
	printf '%s' "$out" | grep -q "other.db: cannot open the database" || miss="$miss [--db does not override the workspace's: $out]"
	out=$(KANSA_DB="$d/other.db" "$KANSA" score --workspace ws --year 2025 2>&1)
	printf '%s' "$out" | grep -q "other.db: cannot open the database" || miss="$miss [\$KANSA_DB does not override the workspace's: $out]"
	[ ! -e "$d/kansa.db" ] || miss="$miss [a kansa.db made outside the workspace]"
	out=$("$KANSA" --workspace "$d/nowhere" score --year 2025 2>&1)
	rc=$?
	[ $rc -eq 3 ] && printf '%s' "$out" | grep -q "nowhere: not a workspace" || miss="$miss [no such workspace: rc $rc: $out]"
	out=$("$KANSA" score --workspace "$d/ws/2025" --year 2025 2>&1)
	rc=$?
	[ $rc -eq 3 ] && printf '%s' "$out" | grep -q "2025: not a workspace: it has no kansa.ini" ||
		miss="$miss [a folder without kansa.ini: rc $rc: $out]"
	out=$("$KANSA" --workspace ws init x 2>&1)
	[ $? -eq 2 ] || miss="$miss [init took --workspace: $out]"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	if [ -z "$miss" ]; then
		ok "workspace: --workspace DIR (before or after the command, or its kansa.ini) and \$KANSA_WORKSPACE from outside; --db and \$KANSA_DB override; a folder that is none is refused (exit 3)"
	else
		not_ok "workspace: named" "$miss"
	fi
}

# The workspace's settings: a kansa.ini with its own database, templates
# and output folders is followed from a subfolder.
t_settings() {
	miss=""
	sed -i -e 's|^database = .*|database = data/records.db|' \
		-e 's|^output = .*|output = reports/{year}|' "$d/ws/kansa.ini"
	mkdir -p "$d/ws/data"
	cd "$d/ws/2025/answers" || { setup_failed "workspace: cd"; return; }
	out=$("$KANSA" derive 2>&1) || miss="$miss [derive: $out]"
	out=$("$KANSA" import --year 2025 2>&1) || miss="$miss [import: $out]"
	[ -f "$d/ws/data/records.db" ] || miss="$miss [not kansa.ini's database]"
	out=$("$KANSA" report --year 2025 --as-of 2026-01-31 --only ciso 2>&1) || miss="$miss [report: $out]"
	[ -f "$d/ws/reports/2025/kansa-2025-ciso.pdf" ] || miss="$miss [not kansa.ini's output: $(ls "$d/ws")]"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	if [ -z "$miss" ]; then
		ok "workspace: kansa.ini's database and output folder are followed from a subfolder"
	else
		not_ok "workspace: kansa.ini's settings" "$miss"
	fi
}

# Outside any workspace: as before (./kansa.db, ./templates, output/FY).
t_outside() {
	miss=""
	o=$(workspace)
	cd "$o" || { setup_failed "workspace: cd"; return; }
	out=$("$KANSA" score --year 2025 2>&1)
	rc=$?
	[ $rc -eq 4 ] && printf '%s' "$out" | grep -q "^kansa.db: cannot open the database" ||
		miss="$miss [no database: rc $rc: $out]"
	out=$("$KANSA" derive "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" -o c.ini 2>&1) || miss="$miss [derive: $out]"
	[ -f kansa.db ] || miss="$miss [derive: not ./kansa.db]"
	out=$("$KANSA" template --year 2025 -o sheets --role CISO 2>&1) || miss="$miss [template: $out]"
	out=$("$KANSA" import --year 2025 2>&1)
	[ $? -eq 2 ] || miss="$miss [import without files outside a workspace: $out]"
	out=$("$KANSA" run --year 2025 2>&1)
	[ $? -eq 3 ] && printf '%s' "$out" | grep -q "kansa.ini" || miss="$miss [run outside a workspace: $out]"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	if [ -z "$miss" ]; then
		ok "workspace: outside any workspace the commands work as before (./kansa.db; import needs files; run needs kansa.ini)"
	else
		not_ok "workspace: outside" "$miss"
	fi
}

# The help says so.
t_help() {
	out=$("$KANSA" status --help)
	if printf '%s' "$out" | grep -q -- "--workspace DIR" &&
		"$KANSA" help | grep -q -- "--workspace DIR"; then
		ok "workspace: --workspace is in every command's help"
	else
		not_ok "workspace: help" "$out"
	fi
}

if ws_setup; then
	t_subfolder
	t_named
	t_settings
else
	not_ok "workspace: named (no workspace)"
	not_ok "workspace: settings (no workspace)"
	cd "$ROOT" || exit 1
fi
t_outside
t_help
