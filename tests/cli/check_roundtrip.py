#!/usr/bin/python3
"""Checks with openpyxl that a workpaper kansa wrote after an import of an
edited workpaper shows the edits.  usage: check_roundtrip.py BOOK.xlsx
CHANGED.tsv (ID<TAB>GRADE lines from edit_workpaper.py).  Prints what is
wrong; exits 1 when anything is."""
import sys

import openpyxl

book, changed_tsv = sys.argv[1:3]
changed = [line.rstrip("\n").split("\t") for line in open(changed_tsv, encoding="utf-8")]
problems = []
if len(changed) != 3:
    problems.append(f"expected three changed items, got {changed}")
wb = openpyxl.load_workbook(book)
ws = wb["監査調書"]
head = {c.value: c.column - 1 for c in ws[1]}
rows = {r[head["項目ID"]].value: r for r in ws.iter_rows(min_row=2)}
for item, grade in changed:
    r = rows.get(item)
    if r is None:
        problems.append(f"{item}: not on 監査調書")
        continue
    if r[head["判定"]].value != grade:
        problems.append(f"{item}: 判定 {r[head['判定']].value!r}, expected {grade}")
    if not str(r[head["所見 (事象)"]].value or "").startswith(f"テスト所見 {item}"):
        problems.append(f"{item}: 所見 {r[head['所見 (事象)']].value!r}")
fs = wb["指摘事項"]
found = {(r[1].value, r[0].value, r[10].value) for r in fs.iter_rows(min_row=2)}
for item, grade in changed:
    if (item, grade, "監査統括責任者") not in found:
        problems.append(f"{item}: not on 指摘事項 as {grade} judged by the chief")
cover = {r[1].value: r[2].value for r in wb["表紙"].iter_rows() if len(r) > 2}
if "openpyxl で編集" not in str(cover.get("監査担当")):
    problems.append(f"表紙 監査担当: {cover.get('監査担当')!r}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
