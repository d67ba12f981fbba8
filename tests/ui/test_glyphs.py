"""No empty boxes where a glyph is missing: the to-do hint drops the 📅 without an emoji font."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from studyapp.ui.glyphs import can_draw

SRC = str(Path(__file__).parents[2] / "src")
CALENDAR = "📅"


def test_can_draw_tells_a_glyph_from_a_box(qapp):
    font = QApplication.font()
    assert can_draw("Alice: send slides 2025-01-27", font)
    assert not can_draw("\U0010fffd", font)  # a private-use code point no font has


def _latin_only_fonts(tmp_path: Path) -> Path:
    """A fontconfig setup that knows one Latin font family and no emoji."""
    found = sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))
    if not found:
        pytest.skip("DejaVu Sans is not installed")
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{found[0].parent}</dir>
  <cachedir>{tmp_path / "fontcache"}</cachedir>
</fontconfig>
""",
        encoding="utf-8",
    )
    return config


HINT_OF_THE_WINDOW = textwrap.dedent(
    """
    import sys
    from studyapp import app
    from studyapp.ui.glyphs import can_draw
    window = app.create_main_window(sys.argv[1])
    edit = window.checklist.add_edit
    hint = edit.placeholderText()
    print(hint)
    print(can_draw(hint, edit.font()), can_draw("📅", edit.font()))
    window.close()
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_without_an_emoji_font_the_to_do_hint_has_no_box(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": SRC,
        "FONTCONFIG_FILE": str(_latin_only_fonts(tmp_path)),
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", HINT_OF_THE_WINDOW, f"sqlite:///{tmp_path / 'w.sqlite3'}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    hint, drawable = done.stdout.splitlines()[-2:]
    assert drawable == "True False"  # the hint draws whole; the calendar would not
    assert CALENDAR not in hint
    assert hint.startswith("Add a to-do — Enter to add (e.g. Alice: send slides")


def test_with_the_fonts_here_the_hint_shows_the_calendar_only_if_it_can(qtbot, database):
    from studyapp.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    edit = window.checklist.add_edit
    assert (CALENDAR in edit.placeholderText()) == can_draw(CALENDAR, edit.font())
    assert can_draw(edit.placeholderText(), edit.font())
