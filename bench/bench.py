#!/usr/bin/env python3
"""kansa's benchmarks (make bench): the whole yearly run and each of its
steps on synthetic workspaces of 30, 300 and 3,000 respondents, and the
rendering against its floor: bare libxlsxwriter and libharu writing the
same cells and text (bench/floor_xlsx.c, bench/floor_pdf.c).

usage: bench.py KANSA FLOOR_XLSX FLOOR_PDF [SIZE...]

Figures vary with the machine; they are reported, never asserted.  Wall
and CPU time and peak memory are those of the whole process tree (kansa
run's steps are child processes); peak memory is ru_maxrss, which starts
at the measuring Python's own (about 10 MB).  Results also go to
build/bench/results.tsv, and with gnuplot to build/bench/growth.svg.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

KANSA = os.path.abspath(sys.argv[1])
FLOOR_XLSX = os.path.abspath(sys.argv[2])
FLOOR_PDF = os.path.abspath(sys.argv[3])
SIZES = [int(s) for s in sys.argv[4:]] or [30, 300, 3000]
ROOT = os.getcwd()
SEED = os.path.join(ROOT, "checklists", "mito-gikai-taisaku-kijun.txt")
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
OUT = os.path.join(os.path.dirname(KANSA), "bench")

# How respondents spread over roles: most are members and staff and
# system administrators; each other role has a few.
ROLE_SHARE = {"議員及び職員": 0.45, "情報システム管理者": 0.30}


def measure(args, cwd, env=None):
    """Runs args; returns (wall s, cpu s, peak MB) of its process tree."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
            "w=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(r.returncode,w,u.ru_utime+u.ru_stime,u.ru_maxrss/1024);"
            "sys.stderr.write(r.stderr.decode()[-3000:])")
    p = subprocess.run([sys.executable, "-c", code] + args, cwd=cwd,
                       capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    rc, wall, cpu, rss = p.stdout.split()
    if int(rc) not in (0, 1):
        sys.exit(f"{' '.join(args)}: exit {rc}\n{p.stderr}")
    return float(wall), float(cpu), float(rss)


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
        open(os.path.join(d, "evidence", "files", f"e{i:04d}.txt"), "w").write(
            f"{year} 年度 証跡 {i}\n" * 40)
        reg.append(f"\n[EV-{year}-{i:04d}]\ntitle = 点検記録 {i}\n"
                   f"file = files/e{i:04d}.txt\ncollected_on = {year}-09-01\n")
    open(os.path.join(d, "evidence", "register.ini"), "w").write("".join(reg))
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
        open(os.path.join(d, "answers", f"s{s:04d}.ini"), "w",
             newline="\r\n").write("\n".join(lines))


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


def run_year(ws, year, timings):
    asof = f"{year + 1}-01-31"
    return measure([KANSA, "run", "--year", str(year), "--as-of", asof,
                    "--date", f"{year + 1}-02-10", "--timings", timings], ws)


def steps(path):
    out = {}
    for line in open(path):
        name, wall, cpu, rss, _ = line.rstrip("\n").split("\t")
        out[name] = (float(wall), float(cpu), float(rss) / 1024)
    return out


def floor(ws, kind):
    """kansa report --only KIND against the floor drawing its dump."""
    dump = os.path.join(ws, f"floor-{kind}")
    args = [KANSA, "--db", "kansa.db", "report", "--year", "2025", "--as-of",
            "2026-01-31", "--date", "2026-02-10", "-o", "floor-out", "--only", kind]
    measure(args, ws, {"KANSA_FLOOR_DUMP": dump})  # the dump, not timed
    k = measure(args, ws)
    if kind == "xlsx":
        f = measure([FLOOR_XLSX, dump + ".xlsx.tsv", "floor.xlsx"], ws)
    else:
        f = measure([FLOOR_PDF, FONT, dump + ".pdf.tsv", "floor.pdf"], ws)
    return k, f


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "?")


def demo():
    """The demo: make demo's two runs in a copy of the project root."""
    ws = tempfile.mkdtemp(prefix="kansa-bench-demo-")
    for f in ("kansa.ini", "checklists", "templates", "examples"):
        src = os.path.join(ROOT, f)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(ws, f))
    a = measure([KANSA, "run", "--year", "2024", "--as-of", "2025-03-31",
                 "--date", "2025-04-10"], ws)
    b = measure([KANSA, "run", "--year", "2025", "--as-of", "2026-01-31",
                 "--date", "2026-02-10", "--timings", "t.tsv"], ws)
    st = steps(os.path.join(ws, "t.tsv"))
    shutil.rmtree(ws)
    return a, b, st


def main():
    os.makedirs(OUT, exist_ok=True)
    print(f"kansa bench on {os.cpu_count()} cores ({KANSA})\n")
    a, b, st = demo()
    print("demo (make demo's workspace, 14 respondents):")
    print(f"  kansa run --year 2024  {a[0]:7.3f} s wall {a[1]:7.3f} s cpu {a[2]:6.1f} MB")
    print(f"  kansa run --year 2025  {b[0]:7.3f} s wall {b[1]:7.3f} s cpu {b[2]:6.1f} MB")
    print("  steps: " + ", ".join(f"{k} {v[0]:.2f} s" for k, v in st.items() if k != "total"))
    rows = []
    for n in SIZES:
        ws = workspace(n)
        try:
            sheets = len(os.listdir(os.path.join(ws, "2025", "answers")))
            answers = sum(open(os.path.join(ws, "2025", "answers", f), encoding="utf-8").read().count("status =")
                          for f in os.listdir(os.path.join(ws, "2025", "answers")))
            print(f"\n{n} respondents ({answers:,} answers a year, "
                  f"{len(os.listdir(os.path.join(ws, '2025', 'evidence', 'files')))} evidence files):")
            prev = run_year(ws, 2024, os.path.join(ws, "t24.tsv"))
            print(f"  kansa run --year 2024 (last year)      {prev[0]:8.3f} s wall {prev[1]:8.3f} s cpu {prev[2]:7.1f} MB peak")
            whole = run_year(ws, 2025, os.path.join(ws, "t25.tsv"))
            st = steps(os.path.join(ws, "t25.tsv"))
            for name, (w, c, m) in st.items():
                if name != "total":
                    print(f"    {name:<10} {w:8.3f} s wall {c:8.3f} s cpu {m:7.1f} MB peak")
            print(f"  kansa run --year 2025 (whole)          {whole[0]:8.3f} s wall {whole[1]:8.3f} s cpu {whole[2]:7.1f} MB peak")
            again = run_year(ws, 2025, os.path.join(ws, "t25b.tsv"))
            print(f"  kansa run --year 2025 again (nothing new) {again[0]:5.3f} s wall")
            fl = {}
            for kind in ("xlsx", "ciso", "audit"):
                k, f = floor(ws, kind)
                fl[kind] = (k, f)
                print(f"  render {kind:<5}: kansa {k[0]:7.3f} s {k[2]:6.1f} MB   floor {f[0]:7.3f} s "
                      f"{f[2]:6.1f} MB   = {k[0] / f[0]:5.2f}x")
            kt = sum(v[0][0] for v in fl.values())
            ft = sum(v[1][0] for v in fl.values())
            print(f"  render all three: kansa {kt:.3f} s, floor {ft:.3f} s = {kt / ft:.2f}x")
            out = os.path.join(ws, "output", "2025")
            print(f"  ciso {pages(os.path.join(out, 'kansa-2025-ciso.pdf'))} pages, audit "
                  f"{pages(os.path.join(out, 'kansa-2025-audit.pdf'))} pages, workbook "
                  f"{os.path.getsize(os.path.join(out, 'kansa-2025-workpaper.xlsx')) / 1e6:.1f} MB, "
                  f"database {os.path.getsize(os.path.join(ws, 'kansa.db')) / 1e6:.1f} MB")
            rows.append([n, answers, whole[0], whole[1], whole[2]] +
                        [st.get(s, (0, 0, 0))[0] for s in ("derive", "import", "verify", "status", "score", "findings", "diff", "report")] +
                        [fl["xlsx"][0][0], fl["xlsx"][1][0], fl["ciso"][0][0], fl["ciso"][1][0],
                         fl["audit"][0][0], fl["audit"][1][0], kt / ft, again[0]])
        finally:
            if os.environ.get("KANSA_BENCH_KEEP"):
                print(f"  kept: {ws}")
            else:
                shutil.rmtree(ws)
    head = ["respondents", "answers", "run_wall_s", "run_cpu_s", "run_peak_mb",
            "derive_s", "import_s", "verify_s", "status_s", "score_s", "findings_s", "diff_s", "report_s",
            "xlsx_s", "xlsx_floor_s", "ciso_s", "ciso_floor_s", "audit_s", "audit_floor_s",
            "render_vs_floor", "rerun_s"]
    tsv = os.path.join(OUT, "results.tsv")
    with open(tsv, "w") as f:
        f.write("\t".join(head) + "\n")
        for r in rows:
            f.write("\t".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in r) + "\n")
    print(f"\nwrote {tsv}")
    print("\ngrowth (docs/performance.md):\n")
    print("| respondents | answers a year | whole run | CPU | peak memory | import | score+findings+diff | report | render vs floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]:,} | {r[1]:,} | {r[2]:.2f} s | {r[3]:.2f} s | {r[4]:.0f} MB | {r[6]:.2f} s | "
              f"{r[9] + r[10] + r[11]:.2f} s | {r[12]:.2f} s | {r[19]:.2f}x |")
    if shutil.which("gnuplot") and len(rows) > 1:
        svg = os.path.join(OUT, "growth.svg")
        subprocess.run(["gnuplot", "-e", f"tsv='{tsv}'; svg='{svg}'",
                        os.path.join(ROOT, "bench", "growth.gp")], check=True)
        print(f"wrote {svg} (docs/performance.svg is a copy)")


main()
