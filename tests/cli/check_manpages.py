#!/usr/bin/env python3
"""Checks the file-format manual pages (docs/man/*.5) against what they
describe, so that they cannot drift apart:

- every ```ini example of README.md is, line for line, in the EXAMPLE of
  the page of its kind (README and the pages show the same files);
- every key that kansa's reader of that kind knows (the key tables of
  generator/*.c) is named in the page.

usage: check_manpages.py ROOT.  Prints each problem; exits 1 when any.
"""
import os
import re
import sys

root = sys.argv[1]
pages = {
    "answers": "kansa-answers.5",
    "evidence": "kansa-evidence.5",
    "audit": "kansa-audit.5",
    "plans": "kansa-plans.5",
    "checklist": "kansa-checklist.5",
    "workspace": "kansa-workspace.5",
    "report": "kansa-settings.5",
    "scoring": "kansa-settings.5",
}
# the key tables of each reader: (source file, array names)
tables = {
    "answers": ("answers.c", ["header_keys", "answer_keys"]),
    "evidence": ("evidence.c", ["header_keys", "record_keys"]),
    "audit": ("audit.c", ["known"]),
    "plans": ("plans.c", ["header_keys", "plan_keys"]),
    "checklist": ("checklist_ini.c", ["item_keys"]),
    "workspace": ("workspace.c", ["ws_keys", "kind_names"]),
}
problems = []


def unroff(text):
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")


def page(kind):
    with open(os.path.join(root, "docs/man", pages[kind]), encoding="utf-8") as f:
        return unroff(f.read())


def example_lines(text):
    m = re.search(r"^\.SH EXAMPLE\n\.nf\n(.*?)^\.fi$", text, re.S | re.M)
    return [l.rstrip() for l in m.group(1).split("\n")] if m else []


readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
blocks = re.findall(r"```ini\n(.*?)```", readme, re.S)
if not blocks:
    problems.append("README.md: no ```ini examples found")
for b in blocks:
    kind = re.search(r"^kind = (\w+)", b, re.M)
    if not kind:
        continue  # a fragment of another file (kansa.ini's [roles])
    kind = kind.group(1)
    if kind not in pages:
        continue  # a kind without a section-5 page yet (styles, roles)
    ex = example_lines(page(kind))
    if not ex:
        problems.append(f"{pages[kind]}: no EXAMPLE section")
    for line in b.split("\n"):
        if line.strip() and line.rstrip() not in ex:
            problems.append(f"{pages[kind]}: EXAMPLE lacks README.md's line '{line}'")

for kind, (src, arrays) in tables.items():
    code = open(os.path.join(root, "generator", src), encoding="utf-8").read()
    text = page(kind)
    for name in arrays:
        ms = list(re.finditer(r"\b" + name + r"\[[^]]*\]\s*=\s*\{(.*?)\};", code, re.S))
        if not ms:
            problems.append(f"generator/{src}: no key table {name}")
            continue
        for key in [k for m in ms for k in re.findall(r'"([^"]+)"', m.group(1))]:
            key = key.replace("_*", "_1")
            if not re.search(r"(?<![\w.])" + re.escape(key) + r"(?![\w])", text):
                problems.append(f"{pages[kind]}: does not name the key '{key}' ({src} {name})")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
