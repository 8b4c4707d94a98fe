#!/usr/bin/env python3
"""bench/perfdoc.py: docs/performance.md's tables from make bench's
results (build/bench/results.json).

usage: perfdoc.py --tables RESULTS.json...        print the tables
       perfdoc.py --write DOC.md RESULTS.json...  fill DOC.md's tables

Several result files are merged by size (a later run's size, or its
failure, replaces an earlier one's; the demo is that of the run with the
most sizes; files of an older bench's format are left out), so `make bench BENCH_SIZES="30 300 3000 10000"` and a
separate `BENCH_SIZES=1000` run make one document.  --write replaces what
lies between each "<!-- bench:NAME -->" and "<!-- /bench:NAME -->" line
of DOC.md, leaves the prose around them as it is, and with gnuplot draws
DOC.svg (bench/growth.gp).
"""
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

MUNICIPALITIES = 1741
NATIONAL_ANSWERS = 10_000_000
DOCS = {"xlsx": "workbook", "ciso": "CISO summary", "audit": "audit report"}
FORMAT = 2  # bench.py's results: the tree's PSS, the demo's yearly run, references
STEPS = ("import", "verify", "status", "score", "findings", "diff", "report")


def load(paths):
    sizes, runs = {}, []
    for p in paths:
        with open(p) as f:
            r = json.load(f)
        if r.get("format") != FORMAT:
            sys.stderr.write(f"perfdoc: {p} left out: made by an older bench (run make bench again)\n")
            continue
        runs.append(r)
    if not runs:
        sys.exit("perfdoc: no results of this bench's format")
    failed = {}
    for r in sorted(runs, key=lambda r: r["machine"]["date"]):
        for f in r.get("failed") or []:  # a later failure hides an earlier run's figures
            failed[f["respondents"]] = f
            sizes.pop(f["respondents"], None)
        for s in r["sizes"]:
            s["_machine"] = r["machine"]
            sizes[s["respondents"]] = s
            failed.pop(s["respondents"], None)
    res = max(runs, key=lambda r: (len(r["sizes"]), r["machine"]["date"]))
    res["sizes"] = [sizes[k] for k in sorted(sizes)]
    res["failed"] = [failed[k] for k in sorted(failed)]
    return res


def n(x):
    return f"{x:,}"


def sec(s):
    return f"{s['min']:.2f} / {s['median']:.2f} s"


def setup(res):
    runs = sorted({(s["_machine"]["date"], s["_machine"]["commit"], s["_machine"]["pairs"],
                    " ".join(s["_machine"]["loadavg_start"])) for s in res["sizes"]})
    out = [f"- {d}, commit `{c.split()[0]}`, {p} runs a figure, load average at the start {load}: "
           + ", ".join(n(s["respondents"]) for s in res["sizes"] if s["_machine"]["date"] == d)
           + " respondents" for d, c, p, load in runs]
    out.append(f"- {res['machine']['cores']} cores, shared with other work (the load averages above say how busy).")
    for r in res.get("failed") or []:
        out.append(f"- **{n(r['respondents'])} respondents failed**: `{r['failed'].splitlines()[0][:300]}`")
    trees = [f"{n(r['respondents'])} respondents {t['samples']} samples, {t['processes_seen']} processes seen "
             f"({t['most_at_once']} at once), its CPU {t['sampler_cpu']:.2f} s in a {t['wall']:.2f} s run"
             for r in res["sizes"] for t in [r["run"]["tree"]]]
    out.append("- the process tree's memory sampler (in a run of its own, untimed): " + "; ".join(trees) + ".")
    took = [f"{n(r['respondents'])} respondents {r['bench_seconds'] / 60:.1f} min" for r in res["sizes"]
            if "bench_seconds" in r]
    if took:
        out.append("- how long `make bench` took at each size (making the workspace included): " + ", ".join(took)
                   + ".")
    return out


def demo(res):
    d = res["demo"]
    if "failed" in d:
        return [f"`make demo`'s workspace: **failed**: `{d['failed'].splitlines()[0][:300]}`"]
    run = d["run_2025"]
    return [f"`make demo`'s workspace (14 respondents): its yearly run, `kansa run --year 2025` from the state "
            f"after 2024 (measured as each size's whole run is), {sec(run['wall'])} (min / median), "
            f"{run['cpu']['median']:.2f} s CPU, process tree {run['tree_mb']:.0f} MB (PSS); "
            f"`kansa run --year 2024` once as set-up {d['run_2024_once']:.2f} s."]


def runs(res):
    steps = [s for s in STEPS if any(s in r["run"]["steps"] for r in res["sizes"])]
    steps += sorted({k for r in res["sizes"] for k in r["run"]["steps"]} - set(STEPS) - {"total"})
    out = ["| respondents | answers a year | whole run (min / median) | CPU | largest process | process tree "
           "(PSS / RSS, sampled peaks) | database | bytes an answer | "
           + " | ".join(steps) + " |",
           "|" + "---:|" * (8 + len(steps))]
    for r in res["sizes"]:
        run = r["run"]
        cells = [n(r["respondents"]), n(r["answers"]), sec(run["wall"]), f"{run['cpu']['median']:.2f} s",
                 f"{run['tree']['largest_mb']:.0f} MB", f"{run['tree_mb']:.0f} / {run['tree_rss_mb']:.0f} MB",
                 f"{r['db_bytes'] / 1e6:.1f} MB", f"{r['db_bytes'] / r['answers'] / 2:.0f}"]
        cells += [f"{run['steps'][s]['median']:.2f} s" if s in run["steps"] else "" for s in steps]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append("Steps are medians from `--timings`; \"bytes an answer\" is the database's size over the "
               "answers of the two years it holds; the process tree's PSS is the goal's figure.")
    return out


def cpu_ratio(d):
    c = d.get("cpu_ratio")
    return f"{c['median']:.2f}× ({c['min']:.2f}×)" if c else ""


def docs(res):
    out = ["| respondents | document | kansa (min / median) | floor (min / median) | of which the floor reads "
           "| kansa / floor (median of pairs, min) | the same in CPU time | peak memory kansa / floor |",
           "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in res["sizes"]:
        for kind, name in DOCS.items():
            d = r["docs"][kind]
            if "failed" in d:
                out.append(f"| {n(r['respondents'])} | {name} | **failed**: `{d['failed'].splitlines()[0][:200]}` "
                           "| | | | | |")
                continue
            extra = f" ({r['pages'][kind]} pages)" if kind in r["pages"] else ""
            out.append(f"| {n(r['respondents'])} | {name}{extra} | {sec(d['kansa'])} | {sec(d['floor'])} | "
                       f"{d['floor_read']['median']:.2f} s | **{d['ratio']['median']:.2f}×** "
                       f"({d['ratio']['min']:.2f}×) | {cpu_ratio(d)} | {d['kansa_mb']:.0f} / {d['floor_mb']:.0f} MB |")
        rep = r["run"]["steps"].get("report")
        if rep and not any("failed" in r["docs"][k] for k in DOCS):
            ds = [r["docs"][k] for k in DOCS]
            read = max(d["floor_read"]["median"] for d in ds)
            fl = read + sum(d["floor"]["median"] - d["floor_read"]["median"] for d in ds)
            out.append(f"| {n(r['respondents'])} | all three in `kansa run`'s report step | {sec(rep)} | "
                       f"{fl:.2f} s | {read:.2f} s | {rep['median'] / fl:.2f}× (of medians, not paired) | | |")
    left = next((r["docs"]["xlsx"].get("floor_leaves_out") for r in reversed(res["sizes"])
                 if r["docs"]["xlsx"].get("floor_leaves_out")), None)
    if left:
        out += ["", f"The workbook floor, at the largest size: {left}. The three floors of `kansa run`'s "
                "report step are the three floors' writing with one reading."]
    return out


def exponents(res):
    rows = res["sizes"]
    pairs = [(a["respondents"], b["respondents"]) for a, b in zip(rows, rows[1:])]
    wall, cpu = recompute(rows), recompute(rows, "cpu")
    out = ["| step | " + " | ".join(f"{n(a)} → {n(b)}" for a, b in pairs) + " |",
           "|---|" + "---:|" * len(pairs)]
    for name, vals in wall.items():
        by = {(a, b): k for a, b, k in vals}
        byc = {(a, b): k for a, b, k in cpu.get(name, [])}
        cells = [(f"{by[p]:.2f}" if p in by else "") + (f" / {byc[p]:.2f}" if p in byc else "") for p in pairs]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def recompute(rows, kind="wall"):
    """{name: [(n1, n2, k)]}: time ~ answers^k between consecutive sizes,
    of wall or CPU time (recomputed, since merged result files have no
    common list); none for a step under 0.02 s at both sizes."""
    out = {}

    def add(name, a, b, ta, tb):
        # steps of a few milliseconds at both sizes have no growth to tell
        if ta > 0 and tb > 0 and max(ta, tb) >= 0.02 and b["answers"] > a["answers"]:
            out.setdefault(name, []).append(
                (a["respondents"], b["respondents"], math.log(tb / ta) / math.log(b["answers"] / a["answers"])))

    def get(d, key):
        return d[key]["median"] if key in d else 0

    steps, docs = ("steps", "") if kind == "wall" else ("steps_cpu", "_cpu")
    for a, b in zip(rows, rows[1:]):
        add("whole run", a, b, get(a["run"], kind), get(b["run"], kind))
        for s in a["run"].get(steps, {}):
            if s != "total":
                add(s, a, b, get(a["run"][steps], s), get(b["run"].get(steps, {}), s))
        for k, name in DOCS.items():
            if "failed" in a["docs"][k] or "failed" in b["docs"][k]:
                continue
            add(f"`report --only {k}`", a, b, get(a["docs"][k], "kansa" + docs), get(b["docs"][k], "kansa" + docs))
            add(f"floor: {name}", a, b, get(a["docs"][k], "floor" + docs), get(b["docs"][k], "floor" + docs))
        if kind == "wall":
            add("process tree memory", a, b, a["run"]["tree_mb"], b["run"]["tree_mb"])
    return out


def at(rows, key, answers):
    """key(row) at answers a year: a power law through the two measured
    sizes around it, or beyond the largest through the last two with an
    exponent of at least 1.  Returns (value, exponent used)."""
    pts = [(r["answers"], key(r)) for r in rows if key(r) > 0]
    if len(pts) < 2:
        return float("nan"), float("nan")
    for (a1, t1), (a2, t2) in zip(pts, pts[1:]):
        if answers <= a2:
            k = math.log(t2 / t1) / math.log(a2 / a1)
            return t1 * (answers / a1) ** k, k
    (a1, t1), (a2, t2) = pts[-2], pts[-1]
    k = max(1.0, math.log(t2 / t1) / math.log(a2 / a1))
    return t2 * (answers / a2) ** k, k


def hms(s):
    if s != s:
        return "?"
    return f"{s:.1f} s" if s < 120 else f"{s / 60:.0f} min" if s < 7200 else f"{s / 3600:.1f} h"


def national(res):
    rows = res["sizes"]
    big = rows[-1]
    per_resp = big["answers"] / big["respondents"]
    avg = NATIONAL_ANSWERS / MUNICIPALITIES
    wall = lambda r: r["run"]["wall"]["median"]  # noqa: E731
    cpu = lambda r: r["run"]["cpu"]["median"]  # noqa: E731
    imp = lambda r: r["run"]["steps"].get("import", {"median": 0})["median"]  # noqa: E731
    run_avg, k_avg = at(rows, wall, avg)
    cpu_avg, k_cavg = at(rows, cpu, avg)
    run_nat, k_run = at(rows, wall, NATIONAL_ANSWERS)
    cpu_nat, k_cpu = at(rows, cpu, NATIONAL_ANSWERS)
    imp_nat, k_imp = at(rows, imp, NATIONAL_ANSWERS)
    impc = lambda r: r["run"].get("steps_cpu", {}).get("import", {"median": 0})["median"]  # noqa: E731
    impc_nat, k_impc = at(rows, impc, NATIONAL_ANSWERS)
    mem_nat, k_mem = at(rows, lambda r: r["run"]["tree_mb"], NATIONAL_ANSWERS)
    bpa = big["db_bytes"] / big["answers"] / 2
    rate = big["answers"] / imp(big) if imp(big) else float("nan")
    wb_nat = big["workbook_bytes"] / big["answers"] * NATIONAL_ANSWERS
    return [f"Measured up to {n(big['respondents'])} respondents ({n(big['answers'])} answers a year, "
            f"{per_resp:.0f} a respondent). Beyond the largest size the growth between the two largest sizes is "
            f"carried on, never with an exponent below 1; between sizes, a power law through the two around it. "
            f"Wall time is what this machine gave under its load; CPU time is what the work costs.",
            "",
            "| question | estimate | from |",
            "|---|---:|---|",
            f"| an average municipality ({n(round(avg))} answers, about {avg / per_resp:.0f} respondents): one "
            f"`kansa run` | {hms(run_avg)} wall, {hms(cpu_avg)} CPU | whole run, exponents {k_avg:.2f} / "
            f"{k_cavg:.2f} |",
            f"| all {n(MUNICIPALITIES)} municipalities, each its own workspace, one after another on one such "
            f"machine | {hms(run_avg * MUNICIPALITIES)} wall, {hms(cpu_avg * MUNICIPALITIES)} CPU "
            f"| the line above × {n(MUNICIPALITIES)} |",
            f"| one workspace holding all {n(NATIONAL_ANSWERS)} answers: the import, i.e. the time SQLite's one "
            f"writer is busy | {hms(imp_nat)} wall, {hms(impc_nat)} CPU | import, exponents {k_imp:.2f} / "
            f"{k_impc:.2f} ({rate:,.0f} answers/s at {n(big['respondents'])} respondents) |",
            f"| the same: one whole `kansa run` | {hms(run_nat)} wall, {hms(cpu_nat)} CPU | whole run, exponents "
            f"{k_run:.2f} / {k_cpu:.2f} |",
            f"| the same: memory of the run's process tree (summed PSS) | {mem_nat / 1024:.1f} GB | tree peak, exponent "
            f"{k_mem:.2f} |",
            f"| the same: database, one year / the two a report reads / ten years kept | "
            f"{bpa * NATIONAL_ANSWERS / 1e9:.1f} / {2 * bpa * NATIONAL_ANSWERS / 1e9:.1f} / "
            f"{10 * bpa * NATIONAL_ANSWERS / 1e9:.0f} GB | {bpa:.0f} bytes an answer |",
            f"| the same: one workbook | {wb_nat / 1e9:.1f} GB; 回答明細 alone "
            f"{NATIONAL_ANSWERS / 1_048_576:.1f}× Excel's 1,048,576 rows | "
            f"{big['workbook_bytes'] / big['answers']:.0f} bytes an answer |"]


def goals(res):
    """Every point of issue 18's "Done when", as measured (or why not)."""
    rows = {r["respondents"]: r for r in res["sizes"]}
    failed = {r["respondents"] for r in res.get("failed") or []}
    out = ["| goal (issue 18's \"Done when\") | measured | met? |", "|---|---:|---|"]

    def line(goal, value, ok):
        out.append(f"| {goal} | {value} | {ok if isinstance(ok, str) else 'yes' if ok else '**no**'} |")

    def absent(goal, size):
        line(goal, f"{n(size)} respondents failed" if size in failed else f"{n(size)} respondents not measured",
             "**failed**" if size in failed else "not measured")

    d = res["demo"]
    if "failed" in d:
        line("the demo under 0.5 s (its yearly run)", "failed", "**failed**")
    else:
        w = d["run_2025"]["wall"]
        line("the demo under 0.5 s (its yearly run: `run --year 2025` after 2024, median)",
             f"{w['min']:.2f} / {w['median']:.2f} s", w["median"] < 0.5)
    for size, secs, mb in ((3000, 8, 200), (10000, 30, 500)):
        if size not in rows:
            absent(f"{n(size)} respondents end to end under {secs} s, process tree under {mb} MB", size)
            continue
        r = rows[size]["run"]
        line(f"{n(size)} respondents end to end under {secs} s (whole `kansa run`, median)",
             f"{r['wall']['min']:.1f} / {r['wall']['median']:.1f} s", r["wall"]["median"] < secs)
        line(f"{n(size)} respondents: the whole process tree under {mb} MB (summed PSS)",
             f"{r['tree_mb']:.0f} MB (summed RSS {r['tree_rss_mb']:.0f} MB)", r["tree_mb"] < mb)
    for size in (300, 3000, 10000):
        if size not in rows:
            absent(f"{n(size)}: each document within 1.5× of its floor", size)
            continue
        for kind, name in DOCS.items():
            goal = f"{n(size)}: {name} (`report --only {kind}`) within 1.5× of its floor"
            doc = rows[size]["docs"][kind]
            if "failed" in doc:
                line(goal, "failed", "**failed**")
                continue
            k = doc["ratio"]["median"]
            line(goal, f"{k:.2f}× (CPU {doc['cpu_ratio']['median']:.2f}×)", k <= 1.5)
    growth(rows, line, absent)
    identical(res, line)
    if len(res["sizes"]) >= 2:
        big = res["sizes"][-1]
        run_nat, k = at(res["sizes"], lambda r: r["run"]["wall"]["median"], NATIONAL_ANSWERS)
        mem_nat, _ = at(res["sizes"], lambda r: r["run"]["tree_mb"], NATIONAL_ANSWERS)
        line(f"point 5: national scale ({n(NATIONAL_ANSWERS)} answers) estimated from the exponents",
             f"one workspace: a run {hms(run_nat)} (n^{k:.2f}), {mem_nat / 1024:.1f} GB", "estimated from "
             f"{n(res['sizes'][0]['respondents'])} to {n(big['respondents'])} respondents (National scale)")
    return out


def growth(rows, line, absent):
    """The goal lines of growth from 3,000 to 10,000 respondents: every
    step of the run, the run and each standalone report; met when the
    wall time's exponent is at most 1.1 (the CPU time's is shown)."""
    goal = "3,000 → 10,000: {} no worse than n^1.1 (wall; CPU)"
    if 3000 not in rows or 10000 not in rows:
        absent(goal.format("every step"), 10000 if 3000 in rows else 3000)
        return
    a, b = rows[3000], rows[10000]
    wall, cpu = recompute([a, b]), recompute([a, b], "cpu")
    names = ["whole run"] + [s for s in a["run"]["steps"] if s != "total" and s in b["run"]["steps"]]
    names += [f"`report --only {k}`" for k in DOCS]
    for name in names:
        if name not in wall:
            t = [r["run"]["steps"][name]["median"] for r in (a, b)] if name in a["run"]["steps"] else None
            line(goal.format(name), "failed" if t is None else f"{t[0]:.3f} s → {t[1]:.3f} s",
                 "**failed**" if t is None else "too short to tell")
            continue
        k = wall[name][0][2]
        kc = cpu[name][0][2] if name in cpu else None
        ok = k <= 1.1
        note = "" if kc is None or (kc <= 1.1) == ok else " (not in CPU time)" if ok else " (yes in CPU time)"
        line(goal.format(name), f"n^{k:.2f}" + (f"; n^{kc:.2f}" if kc is not None else ""),
             ("yes" if ok else "**no**") + note)


def identical(res, line):
    """The goal lines of byte-identical outputs (BENCH_REFERENCE)."""
    checked = [("the demo", res["demo"].get("reference"))]
    checked += [(f"{n(r['respondents'])} respondents", r.get("reference")) for r in res["sizes"]]
    checked = [(what, ref) for what, ref in checked if ref]
    if not checked:
        line("outputs byte-identical to before the change (the demo, 300 respondents)",
             "not checked (`BENCH_REFERENCE` unset)", "not measured")
    for what, ref in checked:
        goal = f"{what}: outputs byte-identical to `{ref['binary']}`'s"
        if "failed" in ref:
            line(goal, "the reference failed", "**failed**")
        else:
            bad = ref["different"] + ref["missing"]
            line(goal, f"{len(ref['same'])} files the same" + (f"; not: {', '.join(bad)}" if bad else ""),
                 ref["identical"])


def write_tsv(rows, path):
    """The figures bench/growth.gp plots."""
    head = ["respondents", "answers", "run_s", "run_min_s", "tree_mb", "import_s", "report_s",
            "xlsx_s", "xlsx_floor_s", "ciso_s", "ciso_floor_s", "audit_s", "audit_floor_s"]
    with open(path, "w") as f:
        f.write("\t".join(head) + "\n")
        for r in rows:
            st = r["run"]["steps"]
            v = [r["respondents"], r["answers"], r["run"]["wall"]["median"], r["run"]["wall"]["min"],
                 r["run"]["tree_mb"], st.get("import", {"median": 0})["median"],
                 st.get("report", {"median": 0})["median"]]
            for kind in DOCS:
                d = r["docs"][kind]
                v += ["NaN", "NaN"] if "failed" in d else [d["kansa"]["median"], d["floor"]["median"]]
            f.write("\t".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in v) + "\n")


def plot(rows, doc):
    """DOC's .svg beside it, by gnuplot, when there are two sizes or more."""
    if len(rows) < 2 or not shutil.which("gnuplot"):
        return
    with tempfile.TemporaryDirectory() as d:
        tsv = os.path.join(d, "results.tsv")
        write_tsv(rows, tsv)
        svg = os.path.splitext(doc)[0] + ".svg"
        subprocess.run(["gnuplot", "-e", f"tsv='{tsv}'; svg='{svg}'",
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "growth.gp")], check=True)


SECTIONS = {"setup": setup, "demo": demo, "runs": runs, "docs": docs, "exponents": exponents,
            "national": national, "goals": goals}


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--tables":
        res = load(sys.argv[2:])
        for name, fn in SECTIONS.items():
            print(f"## {name}\n")
            print("\n".join(fn(res)) + "\n")
    elif len(sys.argv) >= 4 and sys.argv[1] == "--write":
        res = load(sys.argv[3:])
        with open(sys.argv[2]) as f:
            doc = f.read()
        for name, fn in SECTIONS.items():
            body = "\n".join(fn(res))
            doc, count = re.subn(rf"(<!-- bench:{name} -->\n).*?(<!-- /bench:{name} -->)",
                                 lambda m, b=body: m.group(1) + b + "\n" + m.group(2), doc, flags=re.S)
            if not count:
                sys.stderr.write(f"{sys.argv[2]}: no <!-- bench:{name} --> section\n")
        with open(sys.argv[2], "w") as f:
            f.write(doc)
        plot(res["sizes"], sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
