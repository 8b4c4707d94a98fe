#!/usr/bin/env python3
"""kansa's benchmarks: wall time, CPU time and peak memory of each step,
on the demo data and on synthetic workspaces.  usage: bench.py KANSA

Figures vary with the machine; they are reported, never asserted.
Peak memory is the child's ru_maxrss, which starts at the measuring
Python's own (about 14 MB): smaller peaks show as that floor.
"""
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile

KANSA = os.path.abspath(sys.argv[1])
FLOOR = os.path.abspath(sys.argv[2])
ROOT = os.getcwd()
SEED = os.path.join(ROOT, "checklists", "mito-gikai-taisaku-kijun.txt")


def measure(label, args, cwd):
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
            "w=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(r.returncode,w,u.ru_utime+u.ru_stime,u.ru_maxrss/1024);"
            "sys.stderr.write(r.stderr.decode()[-2000:])")
    p = subprocess.run([sys.executable, "-c", code] + args, cwd=cwd,
                       capture_output=True, text=True)
    rc, wall, cpu, rss = p.stdout.split()
    if int(rc) not in (0, 1):
        sys.exit(f"{label}: exit {rc}\n{p.stderr}")
    print(f"  {label:<44} {float(wall):8.3f} s wall {float(cpu):8.3f} s cpu "
          f"{float(rss):8.1f} MB peak")
    return float(wall), float(cpu), float(rss)


def items_of(role, ws):
    out = subprocess.run([KANSA, "items", "--role", role, "--format", "tsv"],
                         cwd=ws, capture_output=True, text=True, check=True)
    return [line.split("\t")[0] for line in out.stdout.splitlines()[1:]]


def synthetic(n_sheets, n_answers, ws):
    """n_sheets answer sheets of n_answers answers each, and a register."""
    ids = items_of("情報システム管理者", ws)[:n_answers]
    os.makedirs(os.path.join(ws, "ev", "files"))
    reg = ["[kansa]\nkind = evidence\nfiscal_year = 2025\n"]
    for i in range(50):
        path = os.path.join(ws, "ev", "files", f"e{i}.txt")
        open(path, "w").write(f"evidence {i}\n" * 100)
        reg.append(f"\n[EV-{i:03d}]\ntitle = 証跡 {i}\nfile = files/e{i}.txt\n"
                   f"collected_on = 2025-09-01\n")
    open(os.path.join(ws, "ev", "register.ini"), "w").write("".join(reg))
    os.makedirs(os.path.join(ws, "sheets"))
    rng = random.Random(1)
    statuses = ["実施"] * 7 + ["一部実施", "未実施", "該当なし"]
    for s in range(n_sheets):
        lines = ["[kansa]", "kind = answers", "fiscal_year = 2025",
                 f"department = 部署{s % 40:02d}", "role = 情報システム管理者",
                 f"respondent = 回答者 {s}", "answered_on = 2025-10-01",
                 f"system = システム{s:04d}", ""]
        for item in ids:
            st = rng.choice(statuses)
            lines += [f"[{item}]", f"status = {st}",
                      f"evidence = EV-{rng.randrange(50):03d}" if st == "実施" else "evidence =",
                      "comment = 対応状況を確認済み。手順書に従い運用している。" if st != "実施" else "comment =",
                      ""]
        open(os.path.join(ws, "sheets", f"s{s:04d}.ini"), "w",
             newline="\r\n").write("\n".join(lines))
    return len(ids)


def main():
    print(f"kansa bench on {os.cpu_count()} cores ({KANSA})")
    ws = tempfile.mkdtemp(prefix="kansa-bench-")
    try:
        print("\nderive (the seed policy, 92 KB):")
        measure("derive", [KANSA, "derive", "-o", "cl.ini", "--version", "2024", SEED], ws)
        print("\ndemo data (examples/, 14 sheets per year):")
        for y in (2024, 2025):
            files = [os.path.join(ROOT, "examples", str(y), "answers", f)
                     for f in sorted(os.listdir(os.path.join(ROOT, "examples", str(y), "answers")))]
            measure(f"import --year {y}", [KANSA, "import", "--year", str(y)] + files +
                    [os.path.join(ROOT, "examples", str(y), "evidence", "register.ini")], ws)
        measure("verify --year 2025", [KANSA, "verify", "--year", "2025"], ws)
        measure("status --year 2025", [KANSA, "status", "--year", "2025"], ws)
        for y in (2024, 2025):
            files = [os.path.join(ROOT, "examples", str(y), f) for f in
                     sorted(os.listdir(os.path.join(ROOT, "examples", str(y))))
                     if f.startswith(("audit", "plans"))]
            measure(f"import audit and plans --year {y}",
                    [KANSA, "import", "--year", str(y)] + files, ws)
        measure("report --only xlsx (demo data)",
                [KANSA, "report", "--year", "2025", "--as-of", "2026-01-31",
                 "--date", "2026-02-10", "--only", "xlsx"], ws)
        for kind in ("ciso", "audit"):
            measure(f"report --only {kind} (demo data)",
                    [KANSA, "report", "--year", "2025", "--as-of", "2026-01-31",
                     "--date", "2026-02-10", "--only", kind], ws)
        big = tempfile.mkdtemp(prefix="kansa-bench-big-")
        measure("derive", [KANSA, "derive", "-o", "cl.ini", "--version", "2024", SEED], big)
        n = synthetic(1000, 100, big)
        print(f"\nsynthetic: 1,000 answer sheets x {n} answers, 50 evidence files:")
        sheets = sorted(os.path.join("sheets", f) for f in os.listdir(os.path.join(big, "sheets")))
        measure("import 1,000 sheets (one transaction)",
                [KANSA, "import", "--year", "2025", "ev/register.ini"] + sheets, big)
        measure("import again (all unchanged)",
                [KANSA, "import", "--year", "2025", "ev/register.ini"] + sheets, big)
        measure("status --year 2025", [KANSA, "status", "--year", "2025"], big)
        print("\nworkbook (kansa report --only xlsx) against the floor:")
        kw, _, km = measure("kansa report --only xlsx, 1,000 respondents",
                            [KANSA, "report", "--year", "2025", "--as-of", "2026-01-31",
                             "--date", "2026-02-10", "--only", "xlsx"], big)
        fw, _, fm = measure("floor: bare libxlsxwriter, same cells",
                            [FLOOR, "kansa.db", "2025", "floor.xlsx"], big)
        print(f"  kansa / floor: {kw / fw:.2f}x time, {km:.0f} MB against {fm:.0f} MB peak")
        for kind in ("ciso", "audit"):
            measure(f"kansa report --only {kind}, 1,000 respondents",
                    [KANSA, "report", "--year", "2025", "--as-of", "2026-01-31",
                     "--date", "2026-02-10", "--only", kind], big)
            pdf = os.path.join(big, "output", "2025", f"kansa-2025-{kind}.pdf")
            pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            pages = [l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")]
            print(f"  {kind}: {pages[0] if pages else '?'} pages, {os.path.getsize(pdf) / 1e6:.1f} MB")
        print(f"  database: {os.path.getsize(os.path.join(big, 'kansa.db')) / 1e6:.1f} MB")
        if os.environ.get("KANSA_BENCH_KEEP"):
            print(f"  kept: {big}")
        else:
            shutil.rmtree(big)
    finally:
        shutil.rmtree(ws)


main()
