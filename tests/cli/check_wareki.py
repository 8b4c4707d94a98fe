#!/usr/bin/python3
"""Checks with openpyxl that workbooks show their dates in 和暦: 表紙 and
集計 hold no Western (YYYY-MM-DD) date in any text, their labelled dates
read 令和…, no text cell of any sheet is a bare YYYY-MM-DD date, every
date cell keeps a real date whose number format shows 和暦 in Excel and
LibreOffice ([$-411] with the era codes g/e), and the cover's 監査実施日
is left-aligned like the other values.
usage: check_wareki.py WORKPAPER.xlsx [OTHER.xlsx...]
Prints what is wrong; exits 1 when anything is."""
import datetime
import re
import sys

import openpyxl

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
WAREKI_FORMAT = re.compile(r'^\[\$-411\](ggge"年"m"月"d"日"|ge\.m\.d)$')
problems = []


def check_dates(path, wb):
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if isinstance(v, str) and ISO.fullmatch(v.strip()):
                    problems.append(f"{path}: {ws.title}!{c.coordinate} is the text {v!r}")
                if isinstance(v, (datetime.date, datetime.datetime)):
                    n += 1
                    if not WAREKI_FORMAT.match(c.number_format or ""):
                        problems.append(f"{path}: {ws.title}!{c.coordinate} date format "
                                        f"{c.number_format!r} is not 和暦")
    return n


def check_workpaper(path):
    wb = openpyxl.load_workbook(path)
    if check_dates(path, wb) == 0:
        problems.append(f"{path}: no date cell at all")
    for name in ("表紙", "集計"):
        for row in wb[name].iter_rows():
            for c in row:
                if isinstance(c.value, str) and ISO.search(c.value):
                    problems.append(f"{name}!{c.coordinate}: Western date in {c.value!r}")
    cover = {}
    for r in wb["表紙"].iter_rows():
        if len(r) > 2 and isinstance(r[1].value, str):
            cover[r[1].value] = r[2]
    for label in ("対象期間", "監査期間", "報告日", "基準日 (証跡の期限・計画の期限)"):
        v = cover[label].value if label in cover else None
        if not (isinstance(v, str) and v.startswith("令和")):
            problems.append(f"表紙 {label}: {v!r} does not start with 令和")
    if "対象期間" in cover and str(cover["対象期間"].value).count("令和") != 2:
        problems.append(f"表紙 対象期間: {cover['対象期間'].value!r}: not two 和暦 dates")
    d = cover.get("監査実施日")
    if d is None or not isinstance(d.value, datetime.datetime):
        problems.append(f"表紙 監査実施日: {d.value if d else None!r} is not a date cell")
    else:
        if not d.number_format.startswith('[$-411]ggge"年"'):
            problems.append(f"表紙 監査実施日: format {d.number_format!r} is not the long 和暦")
        # a number (a date) under general alignment goes right
        if d.alignment.horizontal != "left":
            problems.append(f"表紙 監査実施日: aligned {d.alignment.horizontal}, "
                            "the other values are left")
    title = wb["集計"]["A1"].value
    if not (isinstance(title, str) and "基準日 令和" in title):
        problems.append(f"集計!A1: {title!r} has no 基準日 令和…")


check_workpaper(sys.argv[1])
for other in sys.argv[2:]:
    check_dates(other, openpyxl.load_workbook(other))
for p in problems[:40]:
    print(p)
if len(problems) > 40:
    print(f"... and {len(problems) - 40} more")
sys.exit(1 if problems else 0)
