#!/usr/bin/python3
"""Checks figures of a kansa workpaper with openpyxl: on 前年度比較 every
row under 最も悪化した節 has its 差 as a negative number (a decline), and
every row under 最も改善した節 a positive one; no cell of 集計 or 部署別
holds a sentinel (a negative rate).  Formulas are read by their cached
values (what Excel shows before recalculating).  usage: check_figures.py BOOK.xlsx"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
problems = []
ws = wb["前年度比較"]
rows = list(ws.iter_rows(values_only=True))
for caption, sign in (("最も悪化した節", -1), ("最も改善した節", 1)):
    at = [i for i, r in enumerate(rows) if r[0] == caption]
    if not at:
        problems.append(f"no {caption}")
        continue
    n = 0
    for r in rows[at[0] + 2:]:
        if r[0] in (None, ""):
            break
        n += 1
        d = r[4]
        if not isinstance(d, (int, float)) or d * sign <= 0:
            problems.append(f"{caption} {r[0]}: 差 {d!r}")
    if n == 0:
        problems.append(f"{caption}: no rows")
for name in ("集計", "部署別"):
    for r in wb[name].iter_rows():
        for c in r:
            if isinstance(c.value, (int, float)) and c.number_format == "0.0%" and \
                    not 0 <= c.value <= 1 and name == "部署別":
                problems.append(f"{name}!{c.coordinate}: rate {c.value}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
