#!/usr/bin/python3
"""Fills a kansa answer workbook (kansa template --format xlsx) with
openpyxl with the answers fill_sheet.py wrote into the INI sheet (its
EXPECTED.json), as a respondent in Excel would: the answered date as a
real date.  usage: fill_xlsx_sheet.py BOOK.xlsx EXPECTED.json OUT.xlsx"""
import datetime
import json
import sys

import openpyxl

book, expected, out = sys.argv[1:4]
want = json.load(open(expected, encoding="utf-8"))
wb = openpyxl.load_workbook(book)
ws = wb["回答票"]
head_row = None
for row in ws.iter_rows():
    label = row[0].value
    if label == "回答者":
        row[1].value = "水戸 太郎"
    elif label == "回答日":
        row[1].value = datetime.datetime(2025, 10, 15)
    elif label == "情報システム":
        row[1].value = "会議録検索システム"
    elif label == "項目ID":
        head_row = row[0].row
        break
if head_row is None:
    sys.exit("no header row")
head = {c.value: c.column - 1 for c in ws[head_row]}
filled = 0
for row in ws.iter_rows(min_row=head_row + 1):
    a = want.get(row[head["項目ID"]].value)
    if a is None:
        continue
    row[head["回答"]].value = "" if a["status"] == "未回答" else a["status"]
    row[head["証跡"]].value = ", ".join(a["evidence"]) or None
    row[head["コメント"]].value = a["comment"] or None
    filled += 1
if filled != len(want):
    sys.exit(f"filled {filled} of {len(want)} items")
wb.save(out)
