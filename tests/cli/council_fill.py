#!/usr/bin/env python3
"""Fills a kansa answer sheet as a council's respondent would, for the
new-council test (tests/cli/newcouncil.sh).

usage: council_fill.py SHEET ENCODING DEPARTMENT [EVIDENCE_ID] [CHANGE_ID]

ENCODING is how the respondent's editor saves it: utf-8, utf-8-sig (with
a BOM, as Notepad does) or cp932 (Shift_JIS).  Every item gets a status:
last year's when the sheet shows one ("; 前年度 (FY) の回答: X"), else
実施 and 一部実施 in turn.  EVIDENCE_ID is cited by the first item;
CHANGE_ID, when given, is answered 未実施 whatever it was.  Prints the
number of items answered.
"""
import re
import sys

path, enc, dept = sys.argv[1:4]
ev = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
change = sys.argv[5] if len(sys.argv) > 5 else None
text = open(path, encoding="utf-8-sig", newline="").read()
assert "\r\n" in text, "the sheet is not CRLF"
out, last, item, n = [], None, None, 0
for line in text.split("\r\n"):
    m = re.match(r"^; 前年度 \(\d+\) の回答: (\S+)", line)
    if m:
        last = m.group(1)
    m = re.match(r"^\[(.+)\]$", line)
    if m:
        item = None if m.group(1) == "kansa" else m.group(1)
    if line in ("department = ", "department = \"\""):
        line = "department = " + dept
    elif line.startswith("respondent = "):
        line = "respondent = 大洗 花子"
    elif line.startswith("answered_on = "):
        line = "answered_on = " + ("2026-06-01" if "fiscal_year = 2026" in text else "2025-10-15")
    elif item and line == "status = ":
        s = last if last and last != "なし" else ("実施" if n % 2 == 0 else "一部実施")
        if item == change:
            s = "未実施"
        line = "status = " + s
        n += 1
        last = None
    elif item and line == "evidence = " and ev and n == 1:
        line = "evidence = " + ev
    out.append(line)
data = "\r\n".join(out)
open(path, "wb").write(data.encode(enc))
print(n)
