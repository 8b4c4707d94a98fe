#!/usr/bin/env python3
"""Fills a blank kansa answer sheet the way a respondent would, and writes
what it wrote as JSON so that a test can compare it with the store.

usage: fill_sheet.py TEMPLATE OUT.ini EXPECTED.json EVIDENCE_ID
"""
import json
import re
import sys

template, out, expected, ev = sys.argv[1:5]
text = open(template, encoding="utf-8", newline="").read()
assert "\r\n" in text and not text.startswith("\ufeff")
statuses = ["実施", "一部実施", "未実施", "該当なし", "partial", "ＹＥＳ", "", "na"]
canon = {"partial": "一部実施", "ＹＥＳ": "実施", "": "未回答", "na": "該当なし"}
answers = {}
lines = []
item = None
n = 0
for line in text.split("\r\n"):
    m = re.match(r"^\[(.+)\]$", line)
    if m:
        item = m.group(1) if m.group(1) != "kansa" else None
        if item:
            n += 1
            answers[item] = {"status": "", "comment": "", "evidence": []}
    if line.startswith("respondent = "):
        line = "respondent = 水戸 太郎"
    elif line.startswith("answered_on = "):
        line = "answered_on = 2025-10-15"
    elif line.startswith("system ="):
        line = "system = 会議録検索システム   ; the system this sheet covers"
    elif item and line.startswith("status = "):
        s = statuses[n % len(statuses)]
        answers[item]["status"] = canon.get(s, s)
        line = "status = " + s
    elif item and line.startswith("evidence = ") and n % 3 == 0:
        answers[item]["evidence"] = [ev]
        line = "evidence = " + ev
    elif item and line.startswith("comment = "):
        if n % 5 == 0:
            c = "設定 #3 を確認; 問題なし (\"EV#2\" 参照)"
            answers[item]["comment"] = c.replace('"', "＂")
            line = "comment = '" + c + "'" if False else 'comment = "' + c.replace('"', "＂") + '"'
        elif n % 7 == 0:
            part = "長いコメントの本文です。" * 25
            answers[item]["comment"] = part + part
            line = "comment = " + part + "\r\ncomment.2 = " + part
        elif answers[item]["status"] == "該当なし":
            answers[item]["comment"] = "当該システムに該当機能なし"
            line = "comment = 当該システムに該当機能なし"
    lines.append(line)
open(out, "w", encoding="utf-8", newline="").write("\r\n".join(lines))
json.dump(answers, open(expected, "w", encoding="utf-8"), ensure_ascii=False)
