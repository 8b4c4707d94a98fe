#!/usr/bin/env python3
"""kansa's benchmarks (make bench): the whole yearly run and each of its
steps on synthetic workspaces (BENCH_SIZES respondents, default 30 300
3000 10000), and each document against its floor: the same data read
from kansa's database, then the same cells and formats (bare
libxlsxwriter, bench/floor_xlsx.c) or the same pages and text in the same
embedded faces (bare libharu, bench/floor_pdf.c).

usage: bench.py KANSA FLOOR_XLSX FLOOR_PDF [SIZE...]
environment: BENCH_PAIRS (runs of each figure, default 3, at least 3 are
quoted), KANSA_BENCH_KEEP=1 (keep the workspaces), BENCH_REFERENCE=KANSA
(another kansa binary: each size's and the demo's outputs are made again
by it from the same inputs and compared byte for byte).

Every figure is taken BENCH_PAIRS times after an untimed warm-up and
given as min and median.  The whole run (kansa run --year 2025, the
demo's included) starts each time from the state after last year's run;
its warm-up is the run that samples the process tree's memory.  For each
document kansa and its floor run in turn (kansa, floor, kansa, floor ...,
after the run that lists what kansa wrote and the floor's first run) and
each pair gives a ratio, whose median is quoted.  Wall time is measured
here, CPU time and the largest process's peak memory come from wait4()
(the process and the children it waited for).  The memory of the whole
process tree (kansa run's steps are child processes, and its report step
forks the process that renders the PDFs) is sampled in its untimed run:
the sum of the processes' PSS (smaps_rollup; pages shared after fork()
counted once), the goal's figure, and the sum of their RSS (shared pages
counted in each process), an upper one; see Tree.  Progress lines show
the minutes since the bench began.  Figures vary with the machine:
reported, never asserted.  Results go to build/bench/results-SIZES.json
(and results.json, results.tsv); `make bench-doc` fills
docs/performance.md's tables from all of them (bench/perfdoc.py).
"""
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import perfdoc  # noqa: E402  (the same growth exponents as the document)

KANSA = os.path.abspath(sys.argv[1])
FLOOR_XLSX = os.path.abspath(sys.argv[2])
FLOOR_PDF = os.path.abspath(sys.argv[3])
SIZES = [int(s) for s in sys.argv[4:]] or [30, 300, 3000, 10000]
PAIRS = max(3, int(os.environ.get("BENCH_PAIRS") or 3))
ROOT = os.getcwd()
SEED = os.path.join(ROOT, "checklists", "mito-gikai-taisaku-kijun.txt")
FONTS = ["/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
         "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
         "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"]
OUT = os.path.join(os.path.dirname(KANSA), "bench")
DOCS = ("xlsx", "ciso", "audit")

# How respondents spread over roles: most are members and staff and
# system administrators; each other role has a few.
ROLE_SHARE = {"議員及び職員": 0.45, "情報システム管理者": 0.30}


class Failed(Exception):
    """A command of the bench failed: the size is reported as failed."""


class Tree(threading.Thread):
    """Samples the memory of pid's process tree (found through each
    process's /proc/PID/task/TID/children) until stop: the sum of the
    processes' PSS (smaps_rollup: a page shared by k processes counts 1/k
    in each, so a forked child's copy-on-write pages are counted once)
    and the sum of their RSS (counts shared pages in every process: an
    upper figure), the peak of each sum, and each process's VmHWM.
    smaps_rollup walks the process's page tables (about 10 ms for 400 MB),
    so the sampler sleeps 3 times what its last sample cost, at least
    5 ms: it takes at most a quarter of one core."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop = pid, False
        self.pss = self.rss = 0  # peaks, kB
        self.hwm, self.seen = {}, set()
        self.samples, self.most, self.cpu = 0, 0, 0.0

    def tree(self):
        todo, out = [self.pid], []
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for t in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{t}/children") as f:
                        todo += [int(c) for c in f.read().split()]
            except OSError:
                pass
        return out

    def sample(self):
        pss = rss = alive = 0
        for p in self.tree():
            try:
                with open(f"/proc/{p}/smaps_rollup", "rb") as f:
                    roll = f.read()
                with open(f"/proc/{p}/status", "rb") as f:
                    status = f.read()
            except OSError:
                continue  # it ended between the two reads
            fields = {}
            for line in (roll + status).splitlines():
                k, _, v = line.partition(b":")
                if k in (b"Pss", b"Rss", b"VmHWM"):
                    fields[k] = int(v.split()[0])
            if b"Pss" not in fields:
                continue  # a zombie: no memory left
            alive += 1
            self.seen.add(p)
            pss += fields[b"Pss"]
            rss += fields.get(b"Rss", 0)
            self.hwm[p] = max(self.hwm.get(p, 0), fields.get(b"VmHWM", 0))
        self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
        self.most = max(self.most, alive)
        self.samples += 1

    def run(self):
        while not self.stop:
            t = time.perf_counter()
            self.sample()
            time.sleep(max(0.005, 3 * (time.perf_counter() - t)))
        self.cpu = time.thread_time()


def measure(args, cwd, env=None, tree=False):
    """Runs args; {wall, cpu, rss (largest process, MB), err (stderr's
    end)}, with tree: also tree (the process tree's memory: Tree's peaks
    in MB, the largest VmHWM, how many samples, processes seen and the
    sampler's CPU time).  rss is wait4()'s ru_maxrss, which on Linux is at
    least this script's own RSS (the child's memory image before exec()
    counts): a floor of about 20 MB under small figures."""
    t = time.perf_counter()
    p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=dict(os.environ, **(env or {})))
    sampler = Tree(p.pid) if tree else None
    if sampler:
        sampler.start()
    err = p.stderr.read()
    if sampler:  # the run has closed its stderr: it is ending
        sampler.stop = True
        sampler.join()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = err.decode(errors="replace")
    if p.returncode not in (0, 1):
        raise Failed(f"{' '.join(args)}: exit {p.returncode}\n{err[-3000:]}")
    out = {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024, "err": err[-3000:]}
    if sampler:
        out["tree"] = {"pss_mb": sampler.pss / 1024, "rss_mb": sampler.rss / 1024,
                       "hwm_sum_mb": sum(sampler.hwm.values()) / 1024,
                       "largest_mb": max(sampler.hwm.values(), default=0) / 1024, "samples": sampler.samples,
                       "processes_seen": len(sampler.seen), "most_at_once": sampler.most,
                       "sampler_cpu": sampler.cpu, "wall": wall}
    return out


def stats(xs):
    return {"min": min(xs), "median": statistics.median(xs), "max": max(xs), "runs": xs}


def items_by_role(ws):
    """{role: [item IDs]} of the seed policy (derived in a scratch db)."""
    out = subprocess.run([KANSA, "--db", "scratch.db", "derive", "-o",
                          "scratch.ini", SEED], cwd=ws, capture_output=True,
                         text=True)
    if out.returncode:
        sys.exit(out.stderr)
    tsv = subprocess.run([KANSA, "--db", "scratch.db", "items", "--format",
                          "tsv"], cwd=ws, capture_output=True, text=True,
                         check=True).stdout
    for f in ("scratch.db", "scratch.ini"):
        os.remove(os.path.join(ws, f))
    roles = {}
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        for role in f[2].replace("、", ",").split(","):
            if role.strip():
                roles.setdefault(role.strip(), []).append(f[0])
    return roles


def assign_roles(n, roles):
    """A role for each of n respondents, by ROLE_SHARE, the rest spread."""
    rest = [r for r in sorted(roles) if r not in ROLE_SHARE]
    out = []
    for i in range(n):
        x = (i * 0.6180339887) % 1.0
        if x < ROLE_SHARE["議員及び職員"]:
            out.append("議員及び職員")
        elif x < ROLE_SHARE["議員及び職員"] + ROLE_SHARE["情報システム管理者"]:
            out.append("情報システム管理者")
        else:
            out.append(rest[i % len(rest)])
    return out


def year_files(ws, year, n, roles, who, rng):
    """One fiscal year: an answer sheet per respondent with every item of
    its role, an evidence register and its files."""
    d = os.path.join(ws, str(year))
    os.makedirs(os.path.join(d, "answers"), exist_ok=True)
    os.makedirs(os.path.join(d, "evidence", "files"), exist_ok=True)
    nev = max(10, n // 3)
    reg = [f"[kansa]\nkind = evidence\nfiscal_year = {year}\n"]
    for i in range(nev):
        with open(os.path.join(d, "evidence", "files", f"e{i:04d}.txt"), "w") as f:
            f.write(f"{year} 年度 証跡 {i}\n" * 40)
        reg.append(f"\n[EV-{year}-{i:04d}]\ntitle = 点検記録 {i}\n"
                   f"file = files/e{i:04d}.txt\ncollected_on = {year}-09-01\n")
    with open(os.path.join(d, "evidence", "register.ini"), "w") as f:
        f.write("".join(reg))
    statuses = ["実施"] * 7 + ["一部実施", "未実施", "該当なし"]
    for s in range(n):
        role = who[s]
        lines = ["[kansa]", "kind = answers", f"fiscal_year = {year}",
                 # a respondent is (year, department, role, system): one
                 # sheet per section (課) of ten in each bureau (部)
                 f"department = 第{s // 10 + 1}部 第{s % 10 + 1}課",
                 f"role = {role}",
                 f"respondent = 回答者 {s}", f"answered_on = {year}-10-01"]
        if role == "情報システム管理者":
            lines.append(f"system = システム{s:04d}")
        lines.append("")
        for item in roles[role]:
            st = rng.choice(statuses)
            ev = f"EV-{year}-{rng.randrange(nev):04d}" if st == "実施" else ""
            note = "" if st == "実施" else "手順書に従い運用しているが、記録の一部が不足している。"
            lines += [f"[{item}]", f"status = {st}", f"evidence = {ev}",
                      f"comment = {note}", ""]
        with open(os.path.join(d, "answers", f"s{s:04d}.ini"), "w", newline="\r\n") as f:
            f.write("\n".join(lines))


def workspace(n):
    """A kansa init'd workspace with n respondents in 2024 and 2025."""
    ws = tempfile.mkdtemp(prefix=f"kansa-bench-{n}-")
    subprocess.run([KANSA, "init", "--organisation", "ベンチ市議会", "--year",
                    "2025", ws], check=True, capture_output=True)
    shutil.copy(SEED, os.path.join(ws, "checklists", "policy.txt"))
    roles = items_by_role(ws)
    who = assign_roles(n, roles)
    for year in (2024, 2025):
        year_files(ws, year, n, roles, who, random.Random(year * 7919 + n))
    for f in ("audit.ini", "plans-2025-09.ini", "plans-2026-01.ini"):
        shutil.copy(os.path.join(ROOT, "examples", "2025", f),
                    os.path.join(ws, "2025", f))
    return ws


T0 = time.perf_counter()


PHASES = {}  # the current size's seconds by part of the bench


def progress(msg, phase=None):
    """A line showing that a long size is alive: minutes since the bench
    began; phase: the part of the bench it begins (timed in PHASES)."""
    now = time.perf_counter()
    print(f"  [{(now - T0) / 60:5.1f} min] {msg}", flush=True)
    if phase:
        phase_end()
        PHASES["_"] = (phase, now)


def expect(n):
    """What the last size's time says of size n's, grown as n^1.1."""
    if not LAST:
        return ""
    m, secs = LAST[-1]
    return f" (the {m:,} size took {secs / 60:.1f} min: this one about {secs * (n / m) ** 1.1 / 60:.0f} min at n^1.1)"


LAST = []  # (respondents, seconds the bench took) of the sizes done


def phase_end():
    if "_" in PHASES:
        name, t = PHASES.pop("_")
        PHASES[name] = PHASES.get(name, 0) + time.perf_counter() - t


def run_args(year, timings, exe=None):
    return [exe or KANSA, "run", "--year", str(year), "--as-of", f"{year + 1}-01-31",
            "--date", f"{year + 1}-02-10", "--timings", timings]


def restore(ws, db):
    """The workspace as it was after last year's run: the database db
    copied back from snapshot.db (2025 not imported), 2025's output gone."""
    for f in ("-wal", "-shm", "-journal"):
        if os.path.exists(os.path.join(ws, db + f)):
            os.remove(os.path.join(ws, db + f))
    shutil.copy(os.path.join(ws, "snapshot.db"), os.path.join(ws, db))
    shutil.rmtree(os.path.join(ws, "output", "2025"), ignore_errors=True)


def steps(path):
    out = {}
    with open(path) as f:
        for line in f:
            name, wall, cpu, rss, _ = line.rstrip("\n").split("\t")
            out[name] = (float(wall), float(cpu), float(rss) / 1024)
    return out


def outputs(d):
    """{file: sha256} of a run's output folder, its log left out (it holds
    the run's times)."""
    out = {}
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if f != "kansa-run.log":
            with open(os.path.join(d, f), "rb") as fh:
                out[f] = hashlib.sha256(fh.read()).hexdigest()
    return out


def whole_runs(ws, db, args, label):
    """kansa run --year 2025 (args) from the same state each time (restore):
    first one untimed run sampling the process tree's memory (which also
    warms the caches), then PAIRS timed runs."""
    timings = os.path.join(ws, "t25.tsv")
    walls, cpus, rss, st, stc, hashes = [], [], [], {}, {}, set()
    for i in range(PAIRS + 1):
        progress(f"{label}: kansa run --year 2025, " + ("the process tree's memory (untimed)" if not i
                                                        else f"timed run {i} of {PAIRS}"), "whole runs")
        restore(ws, db)
        m = measure(args + [timings], ws, tree=not i)
        hashes.add(json.dumps(outputs(os.path.join(ws, "output", "2025")), sort_keys=True))
        if not i:
            mem = m["tree"]
            continue
        walls.append(m["wall"])
        cpus.append(m["cpu"])
        rss.append(m["rss"])
        for name, v in steps(timings).items():
            st.setdefault(name, []).append(v[0])
            stc.setdefault(name, []).append(v[1])
    return {"wall": stats(walls), "cpu": stats(cpus), "largest_mb": stats(rss),
            "tree_mb": mem["pss_mb"], "tree_rss_mb": mem["rss_mb"], "hwm_sum_mb": mem["hwm_sum_mb"],
            "tree": mem, "reproducible": len(hashes) == 1,
            "steps": {k: stats(v) for k, v in st.items()},
            "steps_cpu": {k: stats(v) for k, v in stc.items()}}


def reference(ws, db, args24, args25):
    """With BENCH_REFERENCE (another kansa binary): both years' runs again
    from the same inputs in the same folder (the database removed), by
    that binary, and each output file of 2024 and 2025 compared with this
    kansa's (its last run's) byte for byte.  None without it."""
    ref = os.environ.get("BENCH_REFERENCE")
    if not ref:
        return None
    ref = os.path.abspath(ref)
    progress(f"the same runs by the reference {ref}", "reference")
    out = os.path.join(ws, "output")
    ours = {y: outputs(os.path.join(out, y)) for y in ("2024", "2025")}
    shutil.rmtree(out)
    os.makedirs(out)
    for f in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(os.path.join(ws, db + f)):
            os.remove(os.path.join(ws, db + f))
    res = {"binary": ref, "same": [], "different": [], "missing": []}
    try:  # without --timings, which an older kansa may not know
        for args in (args24, args25):
            i = args.index("--timings") if "--timings" in args else len(args)
            measure([ref] + args[1:i] + args[i + 2:], ws)
    except Failed as e:
        res["failed"] = str(e)[-1000:]
        return res
    for y in ("2024", "2025"):
        theirs = outputs(os.path.join(out, y))
        for f in sorted(set(ours[y]) | set(theirs)):
            key = "same" if ours[y].get(f) == theirs.get(f) else "missing" if f not in ours[y] or \
                f not in theirs else "different"
            res[key].append(f"{y}/{f}")
    res["identical"] = not res["different"] and not res["missing"] and bool(res["same"])
    return res


def report_args(kind):
    return [KANSA, "--db", "kansa.db", "report", "--year", "2025", "--as-of",
            "2026-01-31", "--date", "2026-02-10", "-o", "floor-out", "--only", kind]


def floor_args(ws, kind):
    """The floor's command line, its input made from kansa's output (untimed)."""
    dump = os.path.join(ws, f"floor-{kind}")
    db = ["--db", "kansa.db", "--years", "2025,2024"]
    if kind == "xlsx":
        measure(report_args(kind), ws)
        book = os.path.join(ws, "floor-out", "kansa-2025-workpaper.xlsx")
        p = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "xlsx_cells.py"), book,
                            dump + ".xlsx.tsv"], capture_output=True, text=True)
        if p.returncode:
            raise Failed(f"xlsx_cells.py {book}: {p.stderr}")
        return [FLOOR_XLSX] + db + [dump + ".xlsx.tsv", "floor.xlsx"], p.stderr.strip()
    measure(report_args(kind), ws, {"KANSA_FLOOR_DUMP": dump})
    return [FLOOR_PDF] + db + FONTS + [dump + ".pdf.tsv", "floor.pdf"], ""


def floor_read_time(err):
    for line in err.splitlines():
        if line.startswith("floor-read\t"):
            return float(line.split("\t")[1])
    return 0.0


def document(ws, kind):
    """kansa report --only KIND against its floor, in PAIRS pairs."""
    progress(f"report --only {kind}: kansa's untimed run and what its floor is to write", f"{kind}: set-up")
    fargs, left = floor_args(ws, kind)  # kansa's warm-up, untimed
    measure(fargs, ws)  # the floor's warm-up
    k, f, fr, ratio, kc, fc, cratio, krss, frss = [], [], [], [], [], [], [], [], []
    for i in range(PAIRS):
        progress(f"report --only {kind}: kansa and its floor, pair {i + 1} of {PAIRS}", f"{kind}: pairs")
        a = measure(report_args(kind), ws)
        b = measure(fargs, ws)
        k.append(a["wall"])
        f.append(b["wall"])
        fr.append(floor_read_time(b["err"]))
        ratio.append(a["wall"] / b["wall"])
        kc.append(a["cpu"])
        fc.append(b["cpu"])
        cratio.append(a["cpu"] / max(b["cpu"], 1e-3))
        krss.append(a["rss"])
        frss.append(b["rss"])
    out = {"kansa": stats(k), "floor": stats(f), "floor_read": stats(fr), "ratio": stats(ratio),
           "kansa_cpu": stats(kc), "floor_cpu": stats(fc), "cpu_ratio": stats(cratio),
           "kansa_mb": max(krss), "floor_mb": max(frss)}
    if left:
        out["floor_leaves_out"] = left
    return out


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "0"))


def demo():
    """The demo (make demo's workspace, a copy of the project root): its
    2024 run once as set-up, then its yearly run, 2025 from the state
    after 2024, measured as each size's whole run is."""
    ws = tempfile.mkdtemp(prefix="kansa-bench-demo-")
    try:
        for f in ("kansa.ini", "checklists", "templates", "examples"):
            src = os.path.join(ROOT, f)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(ws, f))
        db = os.path.join("output", "kansa.db")
        a24 = run_args(2024, "t24.tsv")[:4] + ["--as-of", "2025-03-31", "--date", "2025-04-10"]
        a25 = run_args(2025, "t.tsv")[:-1]
        first = measure(a24, ws)
        shutil.copy(os.path.join(ws, db), os.path.join(ws, "snapshot.db"))
        r = {"run_2024_once": first["wall"], "run_2025": whole_runs(ws, db, a25, "demo")}
        r["reference"] = reference(ws, db, a24, a25 + ["t.tsv"])
        return r
    finally:
        PHASES.clear()
        shutil.rmtree(ws)


def size(n):
    t0 = time.perf_counter()
    progress(f"{n:,} respondents: making the workspace" + expect(n), "workspace")
    ws = workspace(n)
    try:
        adir = os.path.join(ws, "2025", "answers")
        answers = 0
        for f in os.listdir(adir):
            with open(os.path.join(adir, f), encoding="utf-8") as fh:
                answers += fh.read().count("status =")
        r = {"respondents": n, "answers": answers, "workspace_seconds": time.perf_counter() - t0,
             "evidence_files": len(os.listdir(os.path.join(ws, "2025", "evidence", "files")))}
        print(f"\n{n:,} respondents ({answers:,} answers a year, {r['evidence_files']} evidence files; "
              f"workspace made in {r['workspace_seconds']:.1f} s):", flush=True)
        progress("kansa run --year 2024 (set-up, untimed)", "run --year 2024")
        a24 = run_args(2024, os.path.join(ws, "t24.tsv"))
        last = measure(a24, ws)
        r["run_2024_wall"] = last["wall"]
        shutil.copy(os.path.join(ws, "kansa.db"), os.path.join(ws, "snapshot.db"))
        a25 = run_args(2025, "")[:-1]
        r["run"] = whole_runs(ws, "kansa.db", a25, f"{n:,}")
        out = os.path.join(ws, "output", "2025")
        r["db_bytes"] = os.path.getsize(os.path.join(ws, "kansa.db"))
        r["workbook_bytes"] = os.path.getsize(os.path.join(out, "kansa-2025-workpaper.xlsx"))
        r["pages"] = {k: pages(os.path.join(out, f"kansa-2025-{k}.pdf")) for k in ("ciso", "audit")}
        print_run(r)
        r["docs"] = {}
        for kind in DOCS:
            try:
                r["docs"][kind] = document(ws, kind)
            except Failed as e:  # the other documents are still measured
                r["docs"][kind] = {"failed": str(e)[-2000:]}
            print_doc(kind, r["docs"][kind])
        r["reference"] = reference(ws, "kansa.db", a24, a25 + [os.path.join(ws, "t25.tsv")])
        print_reference(r["reference"])
        phase_end()
        r["phases"] = dict(PHASES)
        r["bench_seconds"] = time.perf_counter() - t0
        LAST.append((n, r["bench_seconds"]))
        print(f"  (this size took the bench {r['bench_seconds'] / 60:.1f} min: "
              + ", ".join(f"{k} {v:.0f} s" for k, v in r["phases"].items()) + ")", flush=True)
        return r
    except Failed as e:
        print(f"  FAILED: {e}", flush=True)
        return {"respondents": n, "failed": str(e)[-2000:]}
    finally:
        PHASES.clear()
        if os.environ.get("KANSA_BENCH_KEEP"):
            print(f"  kept: {ws}")
        else:
            shutil.rmtree(ws)


def fmt(s):
    return f"{s['min']:7.3f} {s['median']:7.3f}"


def print_run(r):
    run = r["run"]
    t = run["tree"]
    print(f"  last year's run {r['run_2024_wall']:.2f} s (once, untimed set-up)")
    print(f"  {'step':<12} {'min s':>7} {'median':>7}   ({PAIRS} runs of kansa run --year 2025)")
    for name, s in run["steps"].items():
        print(f"  {name:<12} {fmt(s)}")
    print(f"  whole run: wall {fmt(run['wall'])}  cpu {fmt(run['cpu'])}  largest process "
          f"{t['largest_mb']:.0f} MB (VmHWM); outputs the same bytes in every run: "
          f"{'yes' if run['reproducible'] else 'NO'}")
    print(f"  process tree (a run of its own, sampled): peak {t['pss_mb']:.0f} MB summed PSS, "
          f"{t['rss_mb']:.0f} MB summed RSS, {t['hwm_sum_mb']:.0f} MB summed per-process peaks; "
          f"{t['samples']} samples, {t['processes_seen']} processes seen ({t['most_at_once']} at once), "
          f"the sampler's CPU {t['sampler_cpu']:.2f} s in {t['wall']:.2f} s")
    print(f"  database {r['db_bytes'] / 1e6:.1f} MB ({r['db_bytes'] / r['answers'] / 2:.0f} bytes an answer, "
          f"two years), workbook {r['workbook_bytes'] / 1e6:.1f} MB, CISO {r['pages']['ciso']} pages, "
          f"audit {r['pages']['audit']} pages", flush=True)


def print_doc(kind, d):
    if "failed" in d:
        print(f"  report --only {kind:<5} FAILED: {d['failed']}", flush=True)
        return
    print(f"  report --only {kind:<5} kansa {fmt(d['kansa'])}  floor {fmt(d['floor'])} "
          f"(of which reading {d['floor_read']['median']:.3f})  ratio median {d['ratio']['median']:.2f}x "
          f"min {d['ratio']['min']:.2f}x, of CPU {d['cpu_ratio']['median']:.2f}x  "
          f"({d['kansa_mb']:.0f} MB vs {d['floor_mb']:.0f} MB)", flush=True)
    if d.get("floor_leaves_out"):
        print(f"    workbook floor {d['floor_leaves_out']}")


def print_reference(ref):
    if not ref:
        return
    if "failed" in ref:
        print(f"  reference {ref['binary']} FAILED: {ref['failed']}", flush=True)
        return
    print(f"  outputs byte-identical to {ref['binary']}'s: {'yes' if ref['identical'] else 'NO'} "
          f"({len(ref['same'])} files the same"
          + "".join(f"; {k}: {', '.join(ref[k])}" for k in ("different", "missing") if ref[k]) + ")",
          flush=True)


def machine():
    git = subprocess.run(["git", "log", "-1", "--format=%h %cI %s"], cwd=ROOT, capture_output=True,
                         text=True).stdout.strip()
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
            "commit": git, "loadavg_start": load, "pairs": PAIRS}


def main():
    os.makedirs(OUT, exist_ok=True)
    res = {"format": perfdoc.FORMAT, "machine": machine()}
    print(f"kansa bench on {res['machine']['cores']} cores, load {' '.join(res['machine']['loadavg_start'])}, "
          f"{PAIRS} runs a figure ({res['machine']['commit']})\n")
    try:
        res["demo"] = demo()
        d = res["demo"]["run_2025"]
        print(f"\ndemo (14 respondents): its yearly run, kansa run --year 2025 from the state after 2024: "
              f"{fmt(d['wall'])} s (min, median of {PAIRS}); process tree {d['tree_mb']:.0f} MB PSS; "
              f"outputs the same bytes in every run: {'yes' if d['reproducible'] else 'NO'}")
        print_reference(res["demo"]["reference"])
    except Failed as e:
        print(f"  demo FAILED: {e}", flush=True)
        res["demo"] = {"failed": str(e)[-2000:]}
    rows = [size(n) for n in SIZES]
    res["failed"] = [r for r in rows if "failed" in r]
    rows = [r for r in rows if "failed" not in r]
    res["sizes"] = rows
    res["exponents"] = perfdoc.recompute(rows)
    with open("/proc/loadavg") as f:
        res["machine"]["loadavg_end"] = f.read().split()[:3]
    with open("/proc/self/status") as f:  # wait4()'s peaks include it (see measure)
        res["machine"]["bench_rss_mb"] = next(int(x.split()[1]) for x in f if x.startswith("VmRSS:")) / 1024
    path = os.path.join(OUT, "results.json")
    for p in (path, os.path.join(OUT, "results-" + "-".join(map(str, SIZES)) + ".json")):
        with open(p, "w") as f:
            json.dump(res, f, indent=1, ensure_ascii=False)
    perfdoc.write_tsv(rows, os.path.join(OUT, "results.tsv"))
    print(f"\nwrote {p}, results.json and results.tsv\n")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "perfdoc.py"), "--tables", path])
    if shutil.which("gnuplot") and len(rows) > 1:
        svg = os.path.join(OUT, "growth.svg")
        subprocess.run(["gnuplot", "-e", f"tsv='{os.path.join(OUT, 'results.tsv')}'; svg='{svg}'",
                        os.path.join(ROOT, "bench", "growth.gp")], check=True)
        print(f"wrote {svg}")


if __name__ == "__main__":
    main()
