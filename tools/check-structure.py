#!/usr/bin/python3
"""tools/check-structure.py [BUILD]: reports what docs/architecture.md and
STYLE.md ask of generator/ and exits 1 when any is broken:
  - functions over 80 lines (from the line of '{' to the line of '}');
  - cycles in the include graph of generator/*.h and *.c;
  - cycles between source files by calls (file A calls a function defined in
    B and B one defined in A, read from the objects in BUILD/obj with nm),
    which an include graph cannot show (render_xlsx.c <-> render_xlsx_tables.c
    through one internal header);
  - a renderer or the report model's header reaching the store: report.h,
    render_*.h and render_*.c must not include store.h or store_internal.h,
    directly or through another header (the model has its own types).  The store_*.c files are one module here,
    and so are main.c, cli.c and cmd_*.c.
`make check-structure` runs it after building."""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GEN = os.path.join(ROOT, "generator")
MAX_LINES = 80


def long_functions():
    out = []
    for name in sorted(os.listdir(GEN)):
        if not name.endswith(".c"):
            continue
        lines = open(os.path.join(GEN, name), encoding="utf-8").read().split("\n")
        start = None
        for i, line in enumerate(lines):
            if line == "{" and start is None:
                # the function's name: the identifier before '(' above
                j, fn = i - 1, "?"
                while j >= 0 and j > i - 8:
                    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\(", lines[j])
                    if m:
                        fn = m.group(1)
                        break
                    j -= 1
                start = (i, fn)
            elif line == "}" and start is not None:
                n = i - start[0] + 1
                if n > MAX_LINES:
                    out.append((n, f"generator/{name}:{start[0] + 1}: {start[1]}() is {n} lines"))
                start = None
    return [s for _, s in sorted(out, reverse=True)]


def cycles(graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def include_graph():
    g = {}
    for name in os.listdir(GEN):
        if name.endswith((".c", ".h")):
            text = open(os.path.join(GEN, name), encoding="utf-8").read()
            g[name] = set(re.findall(r'^#include "([^"]+)"', text, re.M))
    return g


def store_reached(graph):
    """The model's header and the renderers that include the store's
    headers, each with the chain of includes that reaches it."""
    bad = []
    for name in sorted(graph):
        if not (name == "report.h" or name.startswith("render_")):
            continue
        seen, todo = {name: [name]}, [name]
        while todo:
            v = todo.pop()
            for w in sorted(graph.get(v, ())):
                if w not in seen:
                    seen[w] = seen[v] + [w]
                    todo.append(w)
        for store in ("store.h", "store_internal.h"):
            if store in seen:
                bad.append(" -> ".join(seen[store]))
    return bad


def module(obj):
    """The store files are one module, and so is the CLI (main.c's command
    table points at every cmd_X(), which call back into cli.c)."""
    name = os.path.basename(obj)[:-2]
    if name.startswith("store"):
        return "store*"
    if name in ("main", "cli") or name.startswith("cmd_"):
        return "cli+cmd_*+main"
    return name + ".c"


def call_graph(build):
    objdir = os.path.join(ROOT, build, "obj")
    defined, used = {}, {}
    for name in sorted(os.listdir(objdir)):
        if not name.endswith(".o") or name == "templates_data.o":
            continue
        m = module(name)
        nm = subprocess.run(["nm", os.path.join(objdir, name)], capture_output=True,
                            text=True, check=True).stdout
        for line in nm.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDRB":
                defined[parts[2]] = m
            elif len(parts) == 2 and parts[0] == "U":
                used.setdefault(m, set()).add(parts[1])
    g = {}
    for m, syms in used.items():
        g[m] = {defined[s] for s in syms if s in defined and defined[s] != m}
    return g


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    bad = 0
    longf = long_functions()
    print(f"functions over {MAX_LINES} lines in generator/: {len(longf)}")
    for s in longf:
        print("  " + s)
    graph = include_graph()
    reach = store_reached(graph)
    print(f"report.h and renderers that include the store's headers: {len(reach)}")
    for c in reach:
        print("  " + c)
    inc = cycles(graph)
    print(f"include cycles in generator/: {len(inc)}")
    for c in inc:
        print("  " + " -> ".join(c))
    calls = cycles(call_graph(build))
    print(f"files that call each other (cycles by calls): {len(calls)}")
    for c in calls:
        print("  " + " <-> ".join(c))
    bad = len(longf) + len(inc) + len(calls) + len(reach)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
