# tests/cli/onboarding.sh: what a new user meets besides the first year:
# plan list --format json, the exit-code table, unknown options, the
# manual pages of the file formats and the bash completion.  Sourced by
# tests/run.sh.

test_plan 3

# kansa plan list --format json: valid JSON (python's json), the same
# plans as the TSV.
t_plan_list_json() {
	d=$(workspace)
	cd "$d" || { setup_failed "plan list json"; return; }
	"$KANSA" derive --version 2024 -o cl.ini "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" >/dev/null 2>&1 &&
		"$KANSA" import --year 2025 "$ROOT/examples/2025/plans-2025-09.ini" >/dev/null 2>&1 ||
		{ not_ok "plan list json: set-up"; cd "$ROOT"; return; }
	"$KANSA" plan list --as-of 2025-12-31 --all --format json >out.json 2>err
	rc=$?
	res=$(python3 - out.json <<'PY' 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [p["id"] for p in d["plans"]]
assert d["as_of"] == "2025-12-31", d["as_of"]
assert ids == ["KP-2024-001", "KP-2024-002", "KP-2025-001"], ids
p = d["plans"][0]
assert p["status"] == "対応中" and p["progress"] == 10 and p["overdue"] is True, p
assert p["items"] == ["7-1(6)ウ"] and p["days_overdue"] == 184, p
print("ok")
PY
)
	if [ $rc -eq 0 ] && [ "$res" = ok ]; then
		ok "plan list --format json: valid JSON with every plan, its state and overdue days"
	else
		not_ok "plan list --format json" "rc $rc: $res $(head -c 300 out.json) $(cat err)"
	fi
	cd "$ROOT" || { setup_failed "cd ROOT"; return; }
}

# One exit-code table, in 'kansa help' and kansa(1); no command's help
# repeats it (verify's said 1 meant --fail-on); an unknown option is
# named once.
t_exit_codes() {
	miss=""
	n=$("$KANSA" help | grep -c "^Exit codes")
	[ "$n" -eq 1 ] || miss="$miss [kansa help: $n tables]"
	"$KANSA" help | grep -q "verify: evidence changed or missing" || miss="$miss [1 for verify]"
	for c in $("$KANSA" help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
		"$KANSA" help "$c" | grep -q "success\|^Exit codes (" && miss="$miss [$c repeats it]"
	done
	"$KANSA" help --man | grep -q "^\.SH EXIT STATUS" || miss="$miss [man]"
	"$KANSA" help verify | grep -q "Exits 1" || miss="$miss [verify's own exit 1]"
	out=$("$KANSA" template --year 2025 --bogus 2>&1)
	rc=$?
	n=$(printf '%s\n' "$out" | grep -ci "unrecognized option\|unknown option")
	printf '%s\n' "$out" | grep -q "^kansa template: unrecognized option '--bogus'" || miss="$miss [not named as kansa template]"
	if [ $rc -eq 2 ] && [ "$n" -eq 1 ] && [ -z "$miss" ]; then
		ok "help: one exit-code table (kansa help, kansa(1)); an unknown option named once (exit 2)"
	else
		not_ok "help: exit codes and unknown options" "rc $rc, $n messages:$miss $out"
	fi
}

# The file-format pages say what README.md and the readers say, and
# render without a warning.
t_format_pages() {
	res=$(python3 "$ROOT/tests/cli/check_manpages.py" "$ROOT" 2>&1)
	rc=$?
	n=0
	for p in "$ROOT"/docs/man/*.5; do
		n=$((n + 1))
		w=$(groff -ww -man -Tutf8 -k "$p" 2>&1 >/dev/null)
		[ -z "$w" ] || res="$res [$p: $w]"
	done
	if [ $rc -eq 0 ] && [ "$n" -eq 7 ] && [ -z "$res" ]; then
		ok "man: the 7 file-format pages hold README.md's examples and every key the readers know; groff -ww is silent"
	else
		not_ok "man: the file-format pages" "rc $rc, $n pages: $res"
	fi
}

t_plan_list_json
t_exit_codes
t_format_pages
