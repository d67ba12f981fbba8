"""Refresh the Korean translation source and compile it.

    python scripts/update_translations.py          # lupdate -> .ts, then lrelease -> .qm
    python scripts/update_translations.py --check  # exit 1 if anything is untranslated or stale

lupdate keeps every existing translation; new strings arrive as "unfinished" for a
translator (Qt Linguist, or any editor) to fill in, and the script is re-run to compile them.
"""

from __future__ import annotations

import argparse
import filecmp
import html
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import core_messages  # noqa: E402  (beside this script)

UI_DIR = ROOT / "src" / "studyapp" / "ui"
APP_FILE = ROOT / "src" / "studyapp" / "app.py"
TS_FILE = ROOT / "resources" / "translations" / "studyapp_ko.ts"
QM_FILE = ROOT / "src" / "studyapp" / "i18n" / "studyapp_ko.qm"

# The main window's texts that the translation tests rely on. While the window's code does
# not contain one of them (yet), lupdate would mark it vanished and lrelease would drop it.
REQUIRED: dict[str, tuple[str, ...]] = {
    "MainWindow": (
        "&File", "&Edit", "&View", "&Go", "&Help", "Settings…", "Import…", "Export…",
        "New session", "Quick switcher…", "Search…", "Saved {time}", "Saving…",
        "Not saved: {reason} — retrying", "Quit", "About studyapp", "Preview", "Session",
        "Notes", "Insert current time", "Find…", "Replace…", "Undo", "Redo",
    ),
}  # fmt: skip

_MESSAGE = re.compile(r"<message>.*?</message>", re.DOTALL)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    files = sorted(path for path in UI_DIR.rglob("*.py") if "__pycache__" not in path.parts)
    if APP_FILE.exists():
        files.append(APP_FILE)
    return files


def _lupdate(ts_file: Path, *extra: str) -> None:
    files = [str(path.relative_to(ROOT)) for path in source_files()]
    options = ["-locations", "relative", "-source-language", "en", "-target-language", "ko_KR"]
    command = [_tool("pyside6-lupdate"), *files, "-ts", str(ts_file), *options, *extra]
    subprocess.run(command, cwd=ROOT, check=True)
    keep_required(ts_file)


def run_lupdate(ts_file: Path) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    # The core's error templates reach lupdate through ui/core_messages.py.
    if core_messages.main([]) != 0:
        raise SystemExit("a core error's message is not a literal template (see above)")
    _lupdate(ts_file)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    command = [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True)


def _context_span(text: str, name: str) -> tuple[int, int] | None:
    match = re.search(
        rf"<context>\s*<name>{re.escape(html.escape(name, quote=False))}</name>.*?</context>",
        text,
        re.DOTALL,
    )
    return None if match is None else match.span()


def keep_required(ts_file: Path) -> None:
    """Bring back required texts that lupdate marked vanished, add the ones never seen."""
    text = ts_file.read_text(encoding="utf-8")
    for context, sources in REQUIRED.items():
        span = _context_span(text, context)
        if span is None:
            insert_at = text.rindex("</TS>")
            empty = f"<context>\n    <name>{context}</name>\n</context>\n"
            text = text[:insert_at] + empty + text[insert_at:]
            span = _context_span(text, context)
            assert span is not None
        start, end = span
        block = text[start:end]
        present: set[str] = set()

        def revive(
            match: re.Match[str], present: set[str] = present, sources: tuple[str, ...] = sources
        ) -> str:
            message = match.group(0)
            source = _SOURCE.search(message)
            if source is None:
                return message
            plain = html.unescape(source.group(1))
            if plain not in sources:
                return message
            present.add(plain)
            return re.sub(
                r'<translation type="(?:vanished|obsolete)">(.*?)</translation>',
                lambda found: (
                    f"<translation>{found.group(1)}</translation>"
                    if found.group(1).strip()
                    else '<translation type="unfinished"></translation>'
                ),
                message,
                flags=re.DOTALL,
            )

        block = _MESSAGE.sub(revive, block)
        missing = [source for source in sources if source not in present]
        added = "".join(
            "    <message>\n"
            f"        <source>{html.escape(source, quote=False)}</source>\n"
            '        <translation type="unfinished"></translation>\n'
            "    </message>\n"
            for source in missing
        )
        block = block.replace("</context>", added + "</context>")
        text = text[:start] + block + text[end:]
    ts_file.write_text(text, encoding="utf-8")


def read_messages(ts_file: Path) -> list[dict[str, str]]:
    """Every message of a .ts file: context, source, translation and its type."""
    root = ET.parse(ts_file).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            messages.append(
                {
                    "context": name,
                    "source": message.findtext("source", default=""),
                    "translation": "" if translation is None else (translation.text or ""),
                    "type": "" if translation is None else translation.get("type", ""),
                }
            )
    return messages


def untranslated(ts_file: Path) -> list[dict[str, str]]:
    return [
        message
        for message in read_messages(ts_file)
        if message["type"] not in ("vanished", "obsolete")
        and (message["type"] == "unfinished" or not message["translation"].strip())
    ]


def check() -> int:
    problems: list[str] = []
    if core_messages.main(["--check"]) != 0:
        problems.append("src/studyapp/ui/core_messages.py: run scripts/core_messages.py")
    if not TS_FILE.exists():
        print(f"missing {TS_FILE.relative_to(ROOT)}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        # Update a copy next to the original, so locations resolve the same way.
        copy = TS_FILE.parent / f".check-{Path(folder).name}.ts"
        try:
            shutil.copyfile(TS_FILE, copy)
            _lupdate(copy, "-silent")
            for message in untranslated(copy):
                problems.append(f"untranslated [{message['context']}] {message['source']!r}")
        finally:
            copy.unlink(missing_ok=True)
        fresh = Path(folder) / "fresh.qm"
        run_lrelease(TS_FILE, fresh)
        # Compare contents, not times: a git checkout gives files arbitrary mtimes.
        if not QM_FILE.exists() or not filecmp.cmp(fresh, QM_FILE, shallow=False):
            problems.append(f"{QM_FILE.relative_to(ROOT)} is out of date: run this script")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    print("translations complete and compiled")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a text is untranslated or the .qm is out of date",
    )
    args = parser.parse_args(argv)
    if args.check:
        return check()
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    left = untranslated(TS_FILE)
    print(f"{TS_FILE.relative_to(ROOT)}: {len(left)} text(s) still to translate")
    for message in left:
        print(f"  [{message['context']}] {message['source']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
