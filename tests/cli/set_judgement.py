#!/usr/bin/python3
"""Sets one item's 判定 and 判定の理由 in a kansa workpaper as an auditor
would, with openpyxl (an oracle nobody here wrote), leaving every other
cell as it is.  usage: set_judgement.py IN.xlsx OUT.xlsx ITEM GRADE REASON;
fails when the item has no row on the 監査調書 sheet."""
import sys

import openpyxl

src, dst, item, grade, reason = sys.argv[1:6]
wb = openpyxl.load_workbook(src)
ws = wb["監査調書"]
head = {c.value: c.column for c in ws[1]}
found = False
for row in ws.iter_rows(min_row=2):
    if row[head["項目ID"] - 1].value == item:
        row[head["判定"] - 1].value = grade
        row[head["判定の理由"] - 1].value = reason
        found = True
if not found:
    sys.exit(f"set_judgement.py: no row for {item} on 監査調書")
wb.save(dst)
