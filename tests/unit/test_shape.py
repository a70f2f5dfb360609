"""The size of the house's rooms: no function over 60 lines and no class over 25 methods,
outside the migrations (each a record of one schema change, read once)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "xzannot"
MOST_LINES = 60
MOST_METHODS = 25


def offences(source: str, where: str) -> list[str]:
    """The functions and classes of ``source`` over the limits, named with ``where``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > MOST_LINES:
                found.append(f"{where}:{node.lineno} {node.name} has {lines} lines")
        elif isinstance(node, ast.ClassDef):
            methods = [
                b for b in node.body if isinstance(b, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
            if len(methods) > MOST_METHODS:
                found.append(f"{where}:{node.lineno} class {node.name} has {len(methods)} methods")
    return found


def test_no_function_or_class_outgrows_its_job() -> None:
    modules = [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]
    assert len(modules) > 100
    found = [
        o
        for path in modules
        for o in offences(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    ]
    assert found == []


def test_the_measure_counts_what_it_says() -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(MOST_LINES - 1))
    methods = "\n".join(f"    def m{n}(self) -> None: ..." for n in range(MOST_METHODS))
    fits = f"def short() -> None:\n{body}\n\n\nclass Small:\n{methods}\n"
    assert offences(fits, "m.py") == []
    over = fits.replace("class Small:\n", "class Big:\n    def more(self) -> None: ...\n")
    over = over.replace("def short() -> None:\n", "def long() -> None:\n    x = 0\n")
    assert offences(over, "m.py") == [
        f"m.py:1 long has {MOST_LINES + 1} lines",
        f"m.py:{MOST_LINES + 4} class Big has {MOST_METHODS + 1} methods",
    ]
