"""Architecture: which layer may import which (an AST test over every module of the generator).

Layers, bottom up: the model (imports nothing of ours); loading and checks (the model only);
the core contracts and the facts layer; the stages (site, search, posters, review, importer,
plans — the core, never one another, never MkDocs); the adapters (the only code that imports
MkDocs); the pipeline and the command line on top. Every module has a layer, and no import
circle, counting imports inside functions too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

LAYERS: dict[str, tuple[str, ...]] = {
    "kernel": ("generator.issues", "generator.errors", "generator.facts.numbers", "generator.core.collector"),
    "model": (
        "generator.model",
        "generator.schema",
        "generator.plans.model",
        "generator.plans.codes",
        "generator.plans.lifecycle",
    ),
    "content": (
        "generator.load",
        "generator.validate",
        "generator.checks",
        "generator.catalogue",
        "generator.reading",
        "generator.plans.read",
        "generator.plans.geojson",
        "generator.plans.geometry",
        "generator.plans.checks",
        "generator.plans.checks_geo",
    ),
    "core": (
        "generator.core",
        "generator.facts",
        # plan facts several stages share: addresses and state labels, text pages, changes in words,
        # the plan's phrases and its map (the page and the plan posters print the same)
        "generator.plans.listing",
        "generator.plans.wording",
        "generator.plans.svgmap",
        "generator.plans.labels",
        "generator.plans.search",
        "generator.plans.changes",
    ),
    "stage:site": ("generator.site",),
    "stage:search": ("generator.search",),
    "stage:posters": ("generator.posters",),
    "stage:review": ("generator.review",),
    "stage:importer": ("generator.importer",),
    "stage:plans": ("generator.plans",),
    "adapters": ("generator.adapters",),
    "top": (
        "generator.__main__",
        "generator.build",
        "generator.cli",
        "generator.scaffold",
        "generator.docs",
        "generator.publisher",
    ),
}
"""Every module's layer: the longest prefix that names it wins (a plan's model sits in the model)."""

BELOW: dict[str, tuple[str, ...]] = {
    "kernel": ("kernel",),
    "model": ("model",),
    "content": ("kernel", "model", "content"),
    "core": ("kernel", "model", "content", "core"),
    "stage": ("kernel", "model", "content", "core"),
}
"""What each layer may import (a stage: the core and below, and itself). Adapters and the top: anything."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def iter_imports(path: Path, names: set[str]) -> Iterator[str]:
    """Every module of ours (or mkdocs) a file imports, at the top or inside a function.

    ``from package import module`` counts as importing the module, not the package.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if name in names]
            yield from found
            if len(found) < len(submodules):
                yield node.module


def modules() -> dict[str, set[str]]:
    """Each generator module and the generator modules (or mkdocs) it imports."""
    graph: dict[str, set[str]] = {}
    names = {module_name(p) for p in PACKAGE.rglob("*.py")}
    for path in PACKAGE.rglob("*.py"):
        found = set()
        for name in iter_imports(path, names):
            if name.split(".")[0] == "mkdocs":
                found.add("mkdocs")
            elif name in names:
                found.add(name)
        graph[module_name(path)] = found - {module_name(path)}
    return graph


def layer_of(name: str) -> str | None:
    """The layer of a module: the longest matching prefix in LAYERS, or None."""
    if name == "generator":
        return "top"  # the package itself: a docstring
    found = [
        (len(prefix), layer)
        for layer, prefixes in LAYERS.items()
        for prefix in prefixes
        if name == prefix or name.startswith(prefix + ".")
    ]
    return max(found)[1] if found else None


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every module without a layer, and every import that crosses the layers the wrong way."""
    found = []
    for module, imported in sorted(graph.items()):
        layer = layer_of(module)
        if layer is None:
            found.append(f"{module} has no layer (add it to LAYERS)")
            continue
        kind = layer.split(":")[0]
        for target in sorted(imported - {"generator"}):
            if target == "mkdocs":
                if layer != "adapters":
                    found.append(f"{module} imports mkdocs (only generator.adapters may)")
                continue
            other = layer_of(target) or "?"
            if kind in BELOW and other != layer and other.split(":")[0] not in BELOW[kind]:
                found.append(f"{module} ({layer}) imports {target} ({other})")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between modules (each reported once, from its smallest member)."""
    found: list[list[str]] = []
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    if min(path) == start:
                        found.append(path)
                elif nxt not in path and nxt > start:
                    stack.append((nxt, [*path, nxt]))
    return found


def test_layers_are_respected() -> None:
    assert violations(modules()) == []


def test_no_import_circle() -> None:
    assert cycles(modules()) == []


@pytest.mark.parametrize(
    ("module", "target", "expected"),
    [
        ("generator.search.records", "generator.site.views", "(stage:search)"),
        ("generator.plans.pages", "generator.search.fulltext", "(stage:plans)"),
        ("generator.posters.sheets", "mkdocs", "mkdocs"),
        ("generator.model.procedure", "generator.catalogue", "(model)"),
        ("generator.plans.model", "generator.plans.read", "(model)"),
        ("generator.checks", "generator.core.urls", "(content)"),
    ],
)
def test_the_check_fails_on_a_forbidden_import(module: str, target: str, expected: str) -> None:
    graph = modules()
    graph[module] = graph.get(module, set()) | {target}
    assert any(expected in v and target in v for v in violations(graph))


def test_every_module_has_a_layer() -> None:
    graph = modules()
    graph["generator.newthing"] = set()
    assert "generator.newthing has no layer (add it to LAYERS)" in violations(graph)


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 40


def oversized(source: str, name: str) -> list[str]:
    """The module (over 400 lines) and the functions (over 40 lines, signature included) of ``source``."""
    found = [f"{name}: {source.count(chr(10))} lines"] if source.count("\n") > MAX_MODULE_LINES else []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    return found


def test_no_module_over_400_lines_and_no_function_over_40() -> None:
    found = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in oversized(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).as_posix())
    ]
    assert found == []


def test_the_size_check_fails_on_a_long_function_or_module() -> None:
    long_function = "def f():\n" + "    x = 1\n" * 40
    assert oversized(long_function, "m.py") == ["m.py:1 f: 41 lines"]
    assert oversized("x = 1\n" * 401, "m.py") == ["m.py: 401 lines"]
    assert oversized("def f():\n" + "    x = 1\n" * 39, "m.py") == []
