"""The shape of app/: modules, the largest ones, imports made inside functions, and the
import cycles between app's packages (issue 13). Run: `.venv/bin/python -m devtools.import_graph`.

Cycles are counted between the packages directly under ``app`` (``app.accounts``,
``app.applications``, …; a top-level module such as ``app.audit`` counts as its own node),
from every import grimp finds, including the ones inside functions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"


def top(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def function_imports() -> list[tuple[str, int]]:
    """(path, line) of every import statement inside a function or method of app/."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        found.append((str(path.relative_to(ROOT)), inner.lineno))
    return sorted(set(found))


def package_cycles(graph) -> list[list[str]]:
    """Strongly connected components (more than one package) of the package-level graph."""
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = top(module), top(imported)
            if a != b and b.startswith("app."):
                edges.setdefault(a, set()).add(b)
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(node):  # Tarjan
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("app")
    sizes = sorted(((len(p.read_text(encoding="utf-8").splitlines()), str(p.relative_to(ROOT)))
                    for p in APP.rglob("*.py")), reverse=True)
    inner = function_imports()
    cycles = package_cycles(graph)
    print(f"modules in app/: {len(graph.modules)}; lines: {sum(n for n, _ in sizes):,}")
    print(f"imports inside functions: {len(inner)}")
    print(f"package cycles: {len(cycles)}")
    for component in cycles:
        print("  " + " <-> ".join(component))
    print("largest modules:")
    for lines, path in sizes[:12]:
        print(f"  {lines:5d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
