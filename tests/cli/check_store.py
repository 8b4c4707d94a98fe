#!/usr/bin/env python3
"""Compares the answers a respondent has in a kansa database with the JSON
fill_sheet.py wrote.  usage: check_store.py DB EXPECTED.json DEPARTMENT"""
import json
import sqlite3
import sys

db, expected, dept = sys.argv[1:4]
want = json.load(open(expected, encoding="utf-8"))
con = sqlite3.connect(db)
rows = con.execute(
    "SELECT a.item_id, a.status, a.comment, r.name, r.answered_on, r.system"
    " FROM answer a JOIN respondent r USING (respondent_id)"
    " WHERE r.department = ?", (dept,)).fetchall()
got = {}
for item, status, comment, name, on, system in rows:
    assert (name, on, system) == ("水戸 太郎", "2025-10-15", "会議録検索システム"), (name, on, system)
    ev = [e for (e,) in con.execute(
        "SELECT evidence_id FROM answer_evidence WHERE item_id = ? AND"
        " respondent_id = (SELECT respondent_id FROM respondent WHERE"
        " department = ?) ORDER BY seq", (item, dept))]
    got[item] = {"status": status, "comment": comment, "evidence": ev}
bad = [k for k in want if got.get(k) != want[k]]
missing = set(want) ^ set(got)
if bad or missing:
    for k in bad[:5]:
        print("differs:", k, "want", want[k], "got", got.get(k))
    print("missing or extra:", sorted(missing)[:5])
    sys.exit(1)
print(len(got), "answers as written")
