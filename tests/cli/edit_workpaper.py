#!/usr/bin/python3
"""Edits a kansa workpaper as an auditor would, with openpyxl (an oracle
nobody here wrote): changes the 判定 of three 観察事項 of the rules, fills
their 所見 (事象), 原因, 監査担当 and 実施日 (a real date), and the cover's
監査担当.  usage: edit_workpaper.py IN.xlsx OUT.xlsx; prints the changed
item IDs and their new grades, one "ID<TAB>GRADE" a line."""
import datetime
import sys

import openpyxl

src, dst = sys.argv[1:3]
wb = openpyxl.load_workbook(src)
ws = wb["監査調書"]
head = {c.value: c.column for c in ws[1]}
grades = ["軽微な不適合", "重大な不適合", "推奨事項"]
changed = []
for row in ws.iter_rows(min_row=2):
    if len(changed) == 3:
        break
    # an observation by the rules that the chief kept (or has not judged)
    if row[head["規則による判定"] - 1].value != "観察事項" or \
            row[head["判定"] - 1].value not in (None, "", "観察事項"):
        continue
    item = row[head["項目ID"] - 1].value
    grade = grades[len(changed)]
    row[head["判定"] - 1].value = grade
    row[head["所見 (事象)"] - 1].value = f"テスト所見 {item}: 手順書が\n改訂されていない"
    row[head["原因"] - 1].value = "担当者の異動"
    row[head["改善提言"] - 1].value = "手順書を改訂すること; #1 を参照"
    row[head["緊急度"] - 1].value = "通常"
    row[head["監査担当"] - 1].value = "井上 和也"
    row[head["実施日"] - 1].value = datetime.datetime(2026, 1, 20)
    changed.append((item, grade))
cover = wb["表紙"]
for row in cover.iter_rows():
    if row[1].value == "監査担当":
        row[2].value = "井上 和也, 木村 早苗 (openpyxl で編集)"
wb.save(dst)
for item, grade in changed:
    print(f"{item}\t{grade}")
