"""List the message templates of the errors studyapp raises, for the translation catalogue.

    python scripts/core_messages.py          # rewrite src/studyapp/ui/core_messages.py
    python scripts/core_messages.py --check  # exit 1 if it is out of date or a template
                                             # is not a literal string

pyside6-lupdate reads only the window's sources, and core never imports Qt; so every
template raised in core (and in ui/) is written into ui/core_messages.py as a
QT_TRANSLATE_NOOP("CoreMessages", ...) line, which lupdate then lists in the .ts file.
``scripts/update_translations.py`` runs this first.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "studyapp"
SCANNED = (PACKAGE / "core", PACKAGE / "ui")
OUTPUT = PACKAGE / "ui" / "core_messages.py"
CONTEXT = "CoreMessages"
# Error classes are found by name: these and every class that derives from one of them.
ROOTS = frozenset({"StudyappError", "Message"})

HEADER = f'''"""Every message template the core's errors carry, for Qt's translation tools.

Written by scripts/core_messages.py from the sources; run it (update_translations.py does)
rather than editing this list. ``errors_shown.describe`` translates them at run time.
"""

# ruff: noqa: E501

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "{CONTEXT}"

TEMPLATES = (
'''


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text}"


def _sources() -> Iterator[Path]:
    for folder in SCANNED:
        for path in sorted(folder.rglob("*.py")):
            if path != OUTPUT and "migrations" not in path.parts:
                yield path


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of the classes that derive, through any of the sources, from ROOTS."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {_name(base) for base in node.bases} - {None}  # type: ignore[arg-type]
    found = set(ROOTS)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments."""
    found: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found[node.targets[0].id] = node.value.value
    return found


def _parameters(tree: ast.Module) -> dict[ast.Call, set[str]]:
    """Each call's enclosing function's parameter names (a template passed through)."""
    found: dict[ast.Call, set[str]] = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        arguments = function.args
        names = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                found.setdefault(node, set()).update(names)
    return found


def _own_constructors(trees: dict[Path, ast.Module]) -> set[str]:
    """Classes whose constructor takes something else than a template first (such as
    DuplicatePaperError(existing)): their template is the one they pass to super()."""
    found: set[str] = set()
    for tree in trees.values():
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in cls.body:
                if isinstance(node, ast.FunctionDef) and node.name == "__init__":
                    params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)][1:]
                    if not params or params[0] != "template":
                        found.add(cls.name)
    return found


def _template_calls(tree: ast.Module, errors: set[str]) -> Iterator[tuple[ast.Call, str]]:
    """Calls that take a message template first: an error class or Message by name, or
    ``super().__init__`` inside an error class. Yields the call and what it calls."""
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and cls.name in errors - ROOTS:
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "__init__"
                    and isinstance(node.func.value, ast.Call)
                    and _name(node.func.value.func) == "super"
                ):
                    yield node, f"{cls.name} (super)"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in errors:
            yield node, str(_name(node.func))


def scan() -> tuple[list[str], list[Problem]]:
    """Every template found (sorted, once each) and every call whose template is not a
    literal string (or a module constant holding one)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _sources()}
    errors = _error_classes(trees)
    skipped = _own_constructors(trees) - ROOTS
    templates: set[str] = set()
    problems: list[Problem] = []
    for path, tree in trees.items():
        constants = _constants(tree)
        parameters = _parameters(tree)
        for call, called in _template_calls(tree, errors):
            if called in skipped or not call.args:
                continue  # a class with its own constructor builds its template inside
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                templates.add(first.value)
            elif isinstance(first, ast.Name) and first.id in constants:
                templates.add(constants[first.id])
            elif isinstance(first, ast.Name) and first.id in parameters.get(call, set()):
                continue  # passed through: its callers give the literal
            else:
                problems.append(
                    Problem(
                        path,
                        call.lineno,
                        f"{called}(...) needs a literal template, with its values as "
                        'keyword arguments: ValidationError("No {name}.", name=name)',
                    )
                )
    return sorted(templates), problems


def render(templates: list[str]) -> str:
    lines = [HEADER]
    for template in templates:
        literal = template.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        lines.append(f'    QT_TRANSLATE_NOOP("{CONTEXT}", "{literal}"),\n')
    lines.append(")\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    templates, problems = scan()
    for problem in problems:
        print(problem, file=sys.stderr)
    text = render(templates)
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if args.check:
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run {__file__}", file=sys.stderr)
            return 1
        return 1 if problems else 0
    if current != text:
        OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(templates)} templates")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
