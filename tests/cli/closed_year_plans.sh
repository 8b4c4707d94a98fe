# tests/cli/closed_year_plans.sh: a closed year and the next year's plans
# (REVIEW2 items 1 and 2): the plans file kansa year start carries into
# the new year imports unedited as a no-op although it is dated in the
# closed year; one edited but still dated in it is refused naming its
# as_of line and the new year; and a year's reports use only plan
# progress dated on or before its --as-of, so a closed year's final
# reports are reproduced after the next year's progress is imported.
# Sourced by tests/run.sh.

test_plan 5

# The demo's two years run, 2025 closed and its final reports made, and
# 2026 started; echoes the workspace.
closed_ws() {
	d=$(seed_ws 試験市議会 2024 2025) || return 1
	(cd "$d/ws" &&
		"$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-10 &&
		"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 &&
		"$KANSA" close --year 2025 --reason 最終版 &&
		"$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 &&
		"$KANSA" year start 2026) >"$d/setup.log" 2>&1 || return 1
	[ -f "$d/ws/2026/plans-from-2025.ini" ] || return 1
	echo "$d/ws"
}

# set_plan FILE KEY VALUE: sets KEY in [kansa] (as_of) or in the section
# of KP-2025-001 (status, progress, completed_on).
set_plan() {
	python3 - "$@" <<'PY'
import re, sys
p, key, val = sys.argv[1:4]
t = open(p, encoding="utf-8", newline="").read()
sect = "kansa" if key == "as_of" else "KP-2025-001"
head = re.search(r"(?m)^\[" + re.escape(sect) + r"\]", t).start()
end = t.find("\n[", head + 1)
end = len(t) if end < 0 else end
part = re.sub(r"(?m)^" + key + r" = [^\r\n]*", key + " = " + val, t[head:end], 1)
if key + " = " + val not in part:
    part = part.rstrip("\r\n") + "\r\n" + key + " = " + val + "\r\n"
open(p, "w", encoding="utf-8", newline="").write(t[:head] + part + t[end:])
PY
}

t_carried_plans() {
	ws=$(closed_ws) || { setup_failed "closed year: the demo closed and 2026 started"; return; }
	cd "$ws" || { setup_failed "closed year: cd"; return; }
	f=2026/plans-from-2025.ini
	# imported unedited (its as_of is last year's): changes nothing
	out=$("$KANSA" import --year 2026 2>&1)
	rc=$?
	out2=$("$KANSA" run --year 2026 --as-of 2026-06-30 --date 2026-07-01 2>&1)
	rc2=$?
	if [ $rc -eq 0 ] && [ $rc2 -eq 0 ]; then
		ok "closed year: the plans file year start carried into 2026 imports unedited, changing nothing"
	else
		not_ok "closed year: the unedited carried plans file" "import rc $rc: $out; run rc $rc2: $out2"
	fi
	# still unedited beside a later progress report of 2026: the carried
	# file restates the plans as of its date, which changes nothing
	tr -d '\r' <"$f" | sed -n '/^\[kansa\]/,/^role/p' |
		sed 's/^as_of = .*/as_of = 2026-06-30/' >2026/plans-2026-06.ini
	tr -d '\r' <"$f" | sed -n '/^\[KP-2025-001\]/,/^notes/p' |
		sed 's/^progress = .*/progress = 80/' >>2026/plans-2026-06.ini
	out=$("$KANSA" run --year 2026 --as-of 2026-07-31 --date 2026-08-01 2>&1)
	rc=$?
	# and again, now that the later report is stored
	out3=$("$KANSA" run --year 2026 --as-of 2026-07-31 --date 2026-08-01 2>&1)
	rc3=$?
	out2=$("$KANSA" plan show KP-2025-001 2>&1)
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "plans 2): 1 new, 0 replaced" &&
		[ $rc3 -eq 0 ] && printf '%s' "$out3" | grep -q "plans 2): 0 new, 0 replaced" &&
		printf '%s' "$out2" | grep -q "対応中  80%"; then
		ok "closed year: the unedited carried file beside a later progress report of 2026 still changes nothing"
	else
		not_ok "closed year: the carried file after a later report" "rc $rc: $out; again rc $rc3: $out3; $out2"
	fi
	# edited, still dated in the closed year: refused, naming the as_of
	# line and the new year, not advising to reopen the signed year
	set_plan "$f" progress 70
	line=$(tr -d '\r' <"$f" | grep -n '^as_of = ' | cut -d: -f1)
	out=$("$KANSA" import --year 2026 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "$f:$line: .*as_of.*FY 2025.*closed" &&
		printf '%s' "$out" | grep -q "2026-04-01" &&
		! printf '%s' "$out" | grep -q "kansa reopen"; then
		ok "closed year: an edited plans file still dated in the closed year is refused at its as_of line, asking for a date in the new year"
	else
		not_ok "closed year: the refusal of a plans file dated in a closed year" "rc $rc (as_of on line $line): $out"
	fi
	# the next progress report, dated in 2026: the plan is done
	set_plan "$f" as_of 2026-09-30
	set_plan "$f" status 完了
	set_plan "$f" progress 100
	set_plan "$f" completed_on 2026-09-15
	out=$("$KANSA" run --year 2026 --as-of 2026-11-30 --date 2026-12-01 2>&1)
	rc=$?
	out2=$("$KANSA" plan show KP-2025-001 2>&1)
	if [ $rc -eq 0 ] && printf '%s' "$out2" | grep -q "完了"; then
		out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
		rc=$?
		if [ $rc -eq 0 ]; then
			ok "closed year: the closed year's final reports are reproduced after the next year's plan progress is imported"
		else
			not_ok "closed year: 2025 reproduced after 2026's plans" "rc $rc: $out"
		fi
	else
		not_ok "closed year: 2026's progress report imports" "rc $rc: $out $out2"
	fi
	# what the 2025 report shows: the plan as of its 基準日 (対応中), in
	# a copy reopened so that it renders again
	cp -a "$ws" "$ws.copy" && cd "$ws.copy" &&
		"$KANSA" reopen --year 2025 --reason test >/dev/null 2>&1 ||
		{ setup_failed "closed year: reopening a copy"; return; }
	out=$("$KANSA" report --year 2025 --as-of 2026-01-31 --date 2026-02-10 -o "$ws.rr" 2>&1)
	rc=$?
	txt=$(pdftotext "$ws.rr/kansa-2025-audit.pdf" - 2>&1 | tr -d ' 　')
	if [ $rc -eq 0 ] && printf '%s' "$txt" | grep -aq "KP-2025-001" &&
		! printf '%s' "$txt" | grep -aq "2026/plans-from-2025.ini" &&
		! printf '%s' "$txt" | grep -aq "令和8年9月30日"; then
		ok "closed year: FY2025's report shows no plan progress dated after its 基準日 and no input of 2026"
	else
		not_ok "closed year: FY2025's report and later plan progress" "rc $rc: $out $(printf '%s' "$txt" | grep -an 'KP-2025-001\|plans-from\|令和8年9月' | head)"
	fi
	cd "$ROOT" || { setup_failed "${_tr_current:-cd}: back to the project root"; return; }
}

t_carried_plans
