"""Architecture: which layer may import which (an AST test over every module of the generator).

Layers, bottom up: the model (imports nothing of ours); loading and checks (the model only);
the core contracts and the facts layer; the stages (site, search, posters, review, importer —
the core, never one another, never MkDocs); the adapters (the only code that imports MkDocs); the
pipeline and the command line on top. No import circle, counting imports inside functions too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
KERNEL = ("generator.issues", "generator.errors")
MODEL = ("generator.model",)
CONTENT = ("generator.load", "generator.validate", "generator.checks", "generator.catalogue")
CORE = ("generator.core", "generator.facts")
STAGES = ("generator.site", "generator.search", "generator.posters", "generator.review", "generator.importer")
ADAPTERS = ("generator.adapters",)

ALLOWED: dict[tuple[str, ...], tuple[str, ...]] = {
    MODEL: MODEL,
    KERNEL: KERNEL,
    CONTENT: KERNEL + MODEL + CONTENT,
    CORE: KERNEL + MODEL + CONTENT + CORE,
}
"""For each layer below the stages, the layers its modules may import."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def iter_imports(path: Path) -> Iterator[str]:
    """Every module a file imports (at the top or inside a function), absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def modules() -> dict[str, set[str]]:
    """Each generator module and the generator modules (or mkdocs) it imports."""
    graph: dict[str, set[str]] = {}
    names = {module_name(p) for p in PACKAGE.rglob("*.py")}
    for path in PACKAGE.rglob("*.py"):
        found = set()
        for name in iter_imports(path):
            if name.split(".")[0] == "mkdocs":
                found.add("mkdocs")
            elif name in names:
                found.add(name)
        graph[module_name(path)] = found - {module_name(path)}
    return graph


def within(name: str, layer: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in layer)


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import that crosses the layers the wrong way."""
    found = []
    for module, imported in sorted(graph.items()):
        for target in sorted(imported):
            if target == "mkdocs" and not within(module, ADAPTERS):
                found.append(f"{module} imports mkdocs (only generator.adapters may)")
            for layer, allowed in ALLOWED.items():
                if (
                    within(module, layer)
                    and target != "mkdocs"
                    and not within(target, allowed)
                    and target != "generator"
                ):
                    found.append(f"{module} ({layer[0]}) imports {target}")
            for stage in STAGES:
                others = tuple(s for s in STAGES if s != stage)
                if within(module, (stage,)) and within(
                    target, others + ADAPTERS + ("generator.cli", "generator.build")
                ):
                    found.append(f"{module} (stage) imports {target}")
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
        ("generator.search.records", "generator.site.views", "stage"),
        ("generator.posters.sheets", "mkdocs", "mkdocs"),
        ("generator.model.procedure", "generator.catalogue", "generator.model"),
        ("generator.checks", "generator.core.urls", "generator.load"),
    ],
)
def test_the_check_fails_on_a_forbidden_import(module: str, target: str, expected: str) -> None:
    graph = modules()
    graph[module] = graph.get(module, set()) | {target}
    assert any(expected in v and target in v for v in violations(graph))
