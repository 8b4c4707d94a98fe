# tests/cli/bench_doc.sh: make bench-doc's tables (bench/perfdoc.py) from
# results files made up here with chosen figures (the bench itself is too
# slow for the suite; no figure of this file is a measurement): the goals
# table names every point of issue 18's "Done when" and says met, not met,
# failed or not measured as the figures say.
# Sourced by tests/run.sh (ROOT, workspace, ok, not_ok, setup_failed).
test_plan 11

# bench_fixture DIR: DIR/results-a.json (demo, 300, 3,000, 10,000),
# DIR/results-b.json (10,000 failed, later) and DIR/results-old.json (an
# older bench's format).
bench_fixture() {
	/usr/bin/python3 - "$1" <<'EOF'
import json, sys
d = sys.argv[1]
def st(x):
    return {"min": x * 0.9, "median": x, "max": x * 1.1, "runs": [x * 0.9, x, x * 1.1]}
def tree(pss, rss):
    return {"pss_mb": pss, "rss_mb": rss, "hwm_sum_mb": rss * 1.5, "largest_mb": pss * 0.8,
            "samples": 100, "processes_seen": 5, "most_at_once": 2, "sampler_cpu": 0.1, "wall": 1.0}
def run(wall, pss, rss, steps):
    return {"wall": st(wall), "cpu": st(wall * 0.8), "largest_mb": st(pss), "tree_mb": pss,
            "tree_rss_mb": rss, "hwm_sum_mb": rss * 1.5, "tree": tree(pss, rss), "reproducible": True,
            "steps": {k: st(v) for k, v in steps.items()},
            "steps_cpu": {k: st(v * 0.8) for k, v in steps.items()}}
def doc(ratio, kansa):
    return {"kansa": st(kansa), "floor": st(kansa / ratio), "floor_read": st(0.1), "ratio": st(ratio),
            "kansa_cpu": st(kansa), "floor_cpu": st(kansa / ratio), "cpu_ratio": st(ratio),
            "kansa_mb": 50, "floor_mb": 40}
g = (10 / 3) ** 1.05  # import and the reports grow as n^1.05, score as n^1.3
def size(n, wall, pss, rss, imp, score, ratios, ref=None):
    r = {"respondents": n, "answers": 80 * n, "run_2024_wall": wall,
         "run": run(wall, pss, rss, {"import": imp, "score": score, "findings": 0.001, "report": wall / 2}),
         "db_bytes": 160 * 80 * n * 2, "workbook_bytes": 100 * 80 * n, "pages": {"ciso": 10, "audit": 100},
         "docs": {k: doc(q, n / 1000) for k, q in zip(("xlsx", "ciso", "audit"), ratios)},
         "reference": ref, "bench_seconds": n / 10, "phases": {}}
    return r
same = {"binary": "/old/kansa", "same": ["2025/score.txt"], "different": [], "missing": [], "identical": True}
diff = dict(same, same=[], different=["2025/kansa-2025-ciso.pdf"], identical=False)
machine = {"date": "2026-11-30 12:00 UTC", "cores": 2, "commit": "abc1234 x", "loadavg_start": ["0", "0", "0"],
           "pairs": 3}
a = {"format": 2, "machine": machine,
     "demo": {"run_2024_once": 0.5, "run_2025": run(0.45, 10, 20, {"report": 0.3}), "reference": diff},
     "sizes": [size(300, 2.0, 40, 70, 0.3, 0.1, (1.2, 1.2, 1.2), same),
               size(3000, 7.5, 150, 260, 3.0, 1.0, (1.4, 1.6, 1.3)),
               size(10000, 31.0, 520, 900, 3.0 * g, 1.0 * (10 / 3) ** 1.3, (1.4, 1.4, 1.4))],
     "failed": []}
a["sizes"][2]["docs"]["xlsx"] = {"failed": "floor_xlsx: exit 4\nno room"}
for s in a["sizes"][1:]:
    for k in s["docs"]:
        if "failed" not in s["docs"][k]:
            s["docs"][k]["kansa"] = st(s["respondents"] / 1000 * (1 if s["respondents"] == 3000 else g * 3000 / 10000))
json.dump(a, open(f"{d}/results-a.json", "w"))
b = dict(a, machine=dict(machine, date="2026-11-30 12:30 UTC"), sizes=[],
         failed=[{"respondents": 10000, "failed": "kansa run --year 2025: exit 4\nrow index out of range"}])
json.dump(b, open(f"{d}/results-b.json", "w"))
json.dump({"machine": machine, "sizes": []}, open(f"{d}/results-old.json", "w"))
EOF
}

# goal_row OUT TEXT MET: OUT has a goals row holding TEXT whose last cell is MET.
goal_row() {
	printf '%s\n' "$1" | grep -F -- "$2" | grep -qF -- "| $3 |"
}

t_bench_goals() {
	d=$(workspace)
	if ! bench_fixture "$d" 2>"$d/err"; then
		setup_failed "bench-doc: the results fixture" "$(cat "$d/err")"
		return
	fi
	out=$(/usr/bin/python3 "$ROOT/bench/perfdoc.py" --tables "$d/results-a.json" "$d/results-old.json" 2>"$d/err")
	rc=$?
	if [ $rc -eq 0 ] && grep -q "results-old.json left out: made by an older bench" "$d/err"; then
		ok "bench-doc: an older bench's results file is left out, with a warning"
	else
		not_ok "bench-doc: an older bench's results file is left out, with a warning" "exit $rc: $(cat "$d/err")"
	fi
	goals=$(printf '%s\n' "$out" | sed -n '/^## goals/,$p')
	for row in "the demo under 0.5 s|yes" \
		"3,000 respondents end to end under 8 s|yes" \
		"10,000 respondents end to end under 30 s|**no**" \
		"3,000 respondents: the whole process tree under 200 MB (summed PSS)|yes"; do
		if goal_row "$goals" "${row%|*}" "${row##*|}"; then
			ok "bench-doc goals: ${row%|*}: ${row##*|}"
		else
			not_ok "bench-doc goals: ${row%|*}: ${row##*|}" "$goals"
		fi
	done
	if goal_row "$goals" "10,000 respondents: the whole process tree under 500 MB" "**no**" &&
		printf '%s\n' "$goals" | grep -qF "520 MB (summed RSS 900 MB)"; then
		ok "bench-doc goals: the tree's summed PSS is the goal's figure, its summed RSS beside it"
	else
		not_ok "bench-doc goals: the tree's summed PSS is the goal's figure, its summed RSS beside it" "$goals"
	fi
	n=$(printf '%s\n' "$goals" | grep -c "within 1.5× of its floor")
	if [ "$n" -eq 9 ] && goal_row "$goals" "3,000: CISO summary" "**no**" &&
		goal_row "$goals" "10,000: workbook" "**failed**" && goal_row "$goals" "300: audit report" "yes"; then
		ok "bench-doc goals: each document at 300, 3,000 and 10,000 (a failed one said so)"
	else
		not_ok "bench-doc goals: each document at 300, 3,000 and 10,000 (a failed one said so)" "$goals"
	fi
	if goal_row "$goals" "3,000 → 10,000: import no worse" "yes" &&
		goal_row "$goals" "3,000 → 10,000: score no worse" "**no**" &&
		goal_row "$goals" "3,000 → 10,000: findings no worse" "too short to tell" &&
		goal_row "$goals" "3,000 → 10,000: \`report --only ciso\` no worse" "yes" &&
		goal_row "$goals" "3,000 → 10,000: whole run no worse" "**no**"; then
		ok "bench-doc goals: the growth of every step from 3,000 to 10,000"
	else
		not_ok "bench-doc goals: the growth of every step from 3,000 to 10,000" "$goals"
	fi
	if goal_row "$goals" "the demo: outputs byte-identical" "**no**" &&
		goal_row "$goals" "300 respondents: outputs byte-identical" "yes" &&
		printf '%s\n' "$goals" | grep -q "point 5: national scale"; then
		ok "bench-doc goals: byte-identical outputs and the national estimate"
	else
		not_ok "bench-doc goals: byte-identical outputs and the national estimate" "$goals"
	fi
	out=$(/usr/bin/python3 "$ROOT/bench/perfdoc.py" --tables "$d/results-a.json" "$d/results-b.json" 2>&1)
	if printf '%s\n' "$out" | grep -qF "**10,000 respondents failed**" &&
		goal_row "$out" "10,000 respondents end to end under 30 s" "**failed**" &&
		goal_row "$out" "3,000 → 10,000: every step" "**failed**" && ! printf '%s\n' "$out" | grep -q "^| 10,000 |"; then
		ok "bench-doc: a size that failed in a later run is reported failed, not with its old figures"
	else
		not_ok "bench-doc: a size that failed in a later run is reported failed, not with its old figures" "$out"
	fi
	printf 'prose before\n<!-- bench:goals -->\nold\n<!-- /bench:goals -->\nprose after\n' >"$d/doc.md"
	/usr/bin/python3 "$ROOT/bench/perfdoc.py" --write "$d/doc.md" "$d/results-a.json" >/dev/null 2>&1
	if grep -q "^prose before$" "$d/doc.md" && grep -q "^prose after$" "$d/doc.md" &&
		! grep -q "^old$" "$d/doc.md" && grep -qF "the demo under 0.5 s" "$d/doc.md"; then
		ok "bench-doc --write: replaces what lies between the markers, keeps the prose"
	else
		not_ok "bench-doc --write: replaces what lies between the markers, keeps the prose" "$(cat "$d/doc.md")"
	fi
}

t_bench_goals
