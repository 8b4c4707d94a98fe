#!/usr/bin/python3
"""Checks a kansa workpaper's 前年度指摘のフォローアップ with openpyxl
against the follow-up section of `kansa findings` (text): one row per
last year's finding in its order, with its state (改善済/改善中/未着手/
再発), this year's grade and its plan; the counts line; each 今年度の
項目ID a link to the row of that item on チェックリスト.
usage: check_followup.py BOOK.xlsx FINDINGS.txt"""
import re
import sys

import openpyxl

book, text = sys.argv[1:3]
problems = []
want, counts = [], None
lines = open(text, encoding="utf-8").read().split("\n")
at = next(i for i, l in enumerate(lines) if "/ follow-up:" in l)
counts = lines[at + 1].strip()
for l in lines[at + 2:]:
    m = re.match(r"  (\S+)  (\S+) → (\S+?)(?:（今年度 (\S+)）)?(?:  計画 (\S+) (\S+) (\d+)%)?$", l)
    if not m:
        break
    want.append(m.groups())

wb = openpyxl.load_workbook(book)
ws = wb["前年度指摘のフォローアップ"]
rows = list(ws.iter_rows())
head = next(i for i, r in enumerate(rows) if r[0].value == "通番")
got = [r for r in rows[head + 1:] if r[0].value is not None]
if len(got) != len(want) or not want:
    problems.append(f"{len(got)} rows, kansa findings lists {len(want)}")
note = " ".join(str(r[0].value) for r in rows[:head] if r[0].value)
for name, n in re.findall(r"(\S+) (\d+)", counts):
    if f"{name} {n} 件" not in note:
        problems.append(f"the counts line lacks {name} {n} 件: {note}")
cl = wb["チェックリスト"]
for n, (r, w) in enumerate(zip(got, want), 1):
    item, grade, state, now, plan, pstatus, progress = w
    v = [c.value for c in r]
    if v[0] != n or v[1] != item or v[4] != grade or v[7] != state:
        problems.append(f"row {n}: {v[:8]} against {w}")
    if v[8] != (now or "指摘なし"):
        problems.append(f"row {n}: 今年度の区分 {v[8]!r}, kansa {now!r}")
    if (v[9] if plan else "計画なし") != (plan or "計画なし") or \
            (plan and v[11] != f"{pstatus} {progress}%"):
        problems.append(f"row {n}: plan {v[9]} {v[11]}, kansa {plan} {pstatus} {progress}%")
    link = r[2].hyperlink
    m = re.match(r"'?チェックリスト'?!A(\d+)$", link.location or "") if link else None
    if not m or cl.cell(int(m.group(1)), 1).value != v[2]:
        problems.append(f"row {n}: {v[2]} links to {link.location if link else None}")
for p in problems[:20]:
    print(p)
if not problems:
    print(f"{len(got)} follow-ups ({counts}) equal kansa findings, each linked to its チェックリスト row")
sys.exit(1 if problems else 0)
