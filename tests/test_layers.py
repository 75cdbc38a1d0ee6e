"""The package's layers import one way (cli → formats, files → core), with no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import leerlab_cli

PACKAGE = Path(leerlab_cli.__file__).parent

ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "files": {"core", "files"},
    "formats": {"core", "formats", "i18n"},
    "cli": {"core", "files", "formats", "cli", "i18n", "leerlab_cli"},
    "i18n": set(),
    "console": {"cli"},
    "__main__": {"console"},
    "leerlab_cli": set(),
}
"""What each layer (a folder, or a module at the top) may import of leerlab."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "leerlab_cli"


def _runtime_imports(path: Path) -> set[str]:
    """The leerlab modules `path` imports when it runs (not those for type checkers only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(child) for child in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return {name for name in found if name.split(".")[0] == "leerlab_cli"}


MODULES = {_module_name(path) for path in PACKAGE.rglob("*.py")}
IMPORTS = {_module_name(path): _runtime_imports(path) for path in PACKAGE.rglob("*.py")}


def test_every_module_belongs_to_a_layer() -> None:
    assert {_layer(module) for module in MODULES} <= set(ALLOWED)


def test_imports_go_one_way() -> None:
    against = [
        f"{module} imports {imported}"
        for module, imported_set in sorted(IMPORTS.items())
        for imported in sorted(imported_set)
        if _layer(imported) not in ALLOWED[_layer(module)]
    ]
    assert against == [], "imports against the direction of the layers:\n" + "\n".join(against)


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    # Depth-first search; a module met again on the current path closes a cycle.
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for imported in sorted(graph.get(module, set())):
            found = visit(imported, [*path, module])
            if found:
                return found
        done.add(module)
        return []

    for module in sorted(graph):
        found = visit(module, [])
        if found:
            return found
    return []


def test_no_import_cycle() -> None:
    # A package imports its __init__ implicitly; that is no cycle of ours.
    graph = {
        module: {name for name in imported if not module.startswith(name + ".")}
        for module, imported in IMPORTS.items()
    }
    assert _cycle(graph) == [], " → ".join(_cycle(graph))


def test_the_checks_see_a_forbidden_import() -> None:
    # The test above must be able to fail: a core module importing the command layer.
    graph = {**IMPORTS, "leerlab_cli.core.models": {"leerlab_cli.cli"}}
    layer_of = _layer("leerlab_cli.core.models")
    assert _layer("leerlab_cli.cli") not in ALLOWED[layer_of]
    assert _cycle({**graph, "leerlab_cli.cli": {"leerlab_cli.core.models"}})
