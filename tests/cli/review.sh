# tests/cli/review.sh: findings of the independent review (REVIEW.md),
# each reproduced as a new council meets it: a kansa init workspace with
# the demo's 2025 files.
test_plan 1

# rv_ws: a kansa init workspace with the demo policy and 2025 files,
# imported (not yet reported).  Echoes its folder.
rv_ws() {
	d=$(workspace)
	"$KANSA" init --organisation 試験町議会 --year 2025 "$d/ws" >/dev/null 2>&1 || return 1
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/ws/checklists/policy.txt" || return 1
	rm -rf "$d/ws/2025"
	cp -r "$ROOT/examples/2025" "$d/ws/" || return 1
	# template derives the checklist into kansa.db (as a council's first step)
	(cd "$d/ws" && "$KANSA" template --year 2025 -o "$d/blank" >/dev/null 2>&1 &&
		"$KANSA" import --year 2025 2025/answers/*.ini 2025/evidence/register.ini \
			2025/audit.ini >/dev/null 2>&1) || return 1
	echo "$d/ws"
}

# A misspelt key in templates/report.ini (classfication) must not pass in
# silence: the reports then carry no 機密性 marking at all.  A warning
# names the file and line, as kansa.ini's unknown keys do.
t_rv_report_ini_unknown_key() {
	ws=$(rv_ws) || { setup_failed "review: a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	sed -i 's/^classification = /classfication = /' templates/report.ini
	line=$(grep -n '^classfication' templates/report.ini | cut -d: -f1)
	out=$("$KANSA" report --year 2025 --as-of 2026-01-31 --date 2026-02-10 --only ciso -o out 2>&1)
	rc=$?
	if [ -n "$line" ] && [ $rc -eq 0 ] &&
		printf '%s\n' "$out" | grep -q "templates/report.ini:$line: warning: unknown key 'classfication' in \[report\]"; then
		ok "review: a misspelt key in templates/report.ini is named at its FILE:LINE"
	else
		not_ok "review: a misspelt report.ini key is named at its FILE:LINE" "line '$line' rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_rv_report_ini_unknown_key
