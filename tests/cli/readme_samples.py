#!/usr/bin/env python3
"""Writes the example files of a workspace's README.txt (made by kansa
init) where kansa.ini reads them, so that a test can import them.

usage: readme_samples.py WORKSPACE YEAR
Prints the kinds written; exits 1 when README.txt lacks one of the four.
"""
import os
import sys

ws, year = sys.argv[1], sys.argv[2]
raw = open(os.path.join(ws, "README.txt"), "rb").read()
assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "not CRLF"
lines = raw.decode("utf-8").split("\r\n")
blocks, cur = [], None
for line in lines:
    if line == "     [kansa]":
        cur = []
        blocks.append(cur)
    if cur is not None:
        if line.startswith("     ") or line == "":
            cur.append(line[5:])
        else:
            cur = None
where = {
    "answers": f"{year}/answers/sample.ini",
    "evidence": f"{year}/evidence/register.ini",
    "audit": f"{year}/audit.ini",
    "plans": f"{year}/plans-sample.ini",
}
done = []
for b in blocks:
    text = "\r\n".join(b).strip() + "\r\n"
    kind = [l.split("=", 1)[1].strip() for l in b if l.startswith("kind =")][0]
    path = os.path.join(ws, where[kind])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w", encoding="utf-8", newline="").write(text)
    for l in b:
        if l.startswith("file = "):
            f = os.path.join(os.path.dirname(path), l[7:].strip())
            os.makedirs(os.path.dirname(f), exist_ok=True)
            open(f, "wb").write(b"\x89PNG sample evidence\n")
    done.append(kind)
print(" ".join(sorted(done)))
sys.exit(0 if sorted(done) == sorted(where) else 1)
