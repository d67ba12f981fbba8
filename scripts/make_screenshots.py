"""Screenshots of the window for the README: light, dark and the Korean UI.

Run under a real X server with a CJK font, e.g.
    xvfb-run -s "-screen 0 1600x1000x24" python scripts/make_screenshots.py
It builds a demo database in a temporary folder, imports a real meeting's minutes from
tests/fixtures/samples and opens it at 1400×860; the user's data is never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "tests" / "fixtures" / "samples" / "2025-03-10-reading-group.md"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDYAPP_DATA_DIR"] = folder
        from PySide6.QtWidgets import QApplication

        from studyapp.app import _application
        from studyapp.core.db import open_database
        from studyapp.core.services.demo import load_demo
        from studyapp.core.services.imports import ImportService
        from studyapp.ui.i18n import install_translator
        from studyapp.ui.main_window import MainWindow
        from studyapp.ui.theme import apply_theme

        app = _application()
        url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        database = open_database(url)
        load_demo(database)
        ImportService(database).import_paths([SAMPLE], group="Vision reading group")
        database.dispose()
        OUT.mkdir(parents=True, exist_ok=True)
        shots = (
            ("window-light.png", "light", "en"),
            ("window-dark.png", "dark", "en"),
            ("window-korean.png", "light", "ko"),
        )
        for name, theme, language in shots:
            install_translator(app, language)
            apply_theme(app, theme)
            window = MainWindow(open_database(url))
            window.resize(1400, 860)
            window.show()
            _open_rich_session(window)
            for _ in range(20):
                QApplication.processEvents()
            window.grab().save(str(OUT / name))
            print(OUT / name)
            window.close()
        preview = MainWindow(open_database(url))
        install_translator(app, "en")
        apply_theme(app, "light")
        preview.resize(1400, 860)
        preview.show()
        _open_rich_session(preview)
        preview.tabs.setCurrentIndex(1)
        _rendered(preview)
        preview.grab().save(str(OUT / "preview.png"))
        print(OUT / "preview.png")
        preview.close()
        _preview_of_a_pasted_note(url, Path(folder))
        _papers_with_a_pending_paper(url)
    return 0


BLOG_NOTE = """\
2023 추계 학술대회 후기

2023년 11월 24일

## 오전 세션
  • 발표자 소개 후 바로 본론
  • 질의응답이 길었다
  • 슬라이드는 아래 사진

![[slide-photo.png|360]]

## 포스터 세션
  • 사진을 못 찍음
![[IMG_8158.heic]]
"""


def _preview_of_a_pasted_note(url: str, folder: Path) -> None:
    """A note pasted from a blog (bullets on lines of their own), with the slide photo beside
    it and an embed of a photo that is not there, shown in the preview."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from studyapp.core.db import open_database
    from studyapp.core.services.imports import ImportService
    from studyapp.ui.main_window import MainWindow

    notes = folder / "blog"
    notes.mkdir()
    photo = QImage(720, 405, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2d4a6b"))
    painter = QPainter(photo)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Noto Sans CJK KR", 28))
    painter.drawText(photo.rect(), Qt.AlignmentFlag.AlignCenter, "Slide 12 · 실험 결과")
    painter.end()
    photo.save(str(notes / "slide-photo.png"))
    note = notes / "000_ea40f3b2.txt"
    note.write_text(BLOG_NOTE, encoding="utf-8")
    database = open_database(url)
    [outcome] = ImportService(database).import_paths([note], group="학회").outcomes
    database.dispose()
    window = MainWindow(open_database(url))
    window.resize(1400, 860)
    window.show()
    window.select_session(outcome.session_id)
    window.tabs.setCurrentIndex(1)
    _rendered(window)
    window.grab().save(str(OUT / "preview-pasted-note.png"))
    print(OUT / "preview-pasted-note.png")
    window.close()


HINTON_BIB = """@inproceedings{kim2025ucdr,
  title     = {{UCDR}-Adapter: Exploring Adaptation of Pre-Trained Vision-Language Models},
  author    = {김, 동훈 and Jiang, Haoyu},
  booktitle = {WACV},
  year      = {2025},
  pages     = {1--10},
}
"""


def _papers_with_a_pending_paper(url: str) -> None:
    """The papers library with a paper added offline in a meeting: its id kept, marked as
    waiting for its details, in English and in Korean."""
    from PySide6.QtWidgets import QApplication

    from studyapp.core.db import open_database
    from studyapp.core.services.papers import PaperService
    from studyapp.ui.i18n import install_translator
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.theme import apply_theme

    app = QApplication.instance()
    database = open_database(url)
    service = PaperService(database)
    service.add_from_text(HINTON_BIB)
    (pending,) = service.add_from_text("1503.02531", fetch=False).created
    database.dispose()
    for name, language in (("papers-pending.png", "en"), ("papers-pending-korean.png", "ko")):
        install_translator(app, language)  # type: ignore[arg-type]
        apply_theme(app, "light")  # type: ignore[arg-type]
        window = MainWindow(open_database(url))
        window.resize(1400, 860)
        window.show()
        window.tabs.setCurrentWidget(window.papers_view)
        window.papers_view.select_paper(pending.id)
        for _ in range(20):
            QApplication.processEvents()
        window.grab().save(str(OUT / name))
        print(OUT / name)
        window.close()


def _rendered(window) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    """Wait for the preview's worker to render the page, then for it to be painted."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 30
    while window.preview.is_rendering() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        QApplication.processEvents()


def _open_rich_session(window) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    """The imported meeting, the cursor in its first talk."""
    from studyapp.core.services.sessions import SessionService

    sessions = SessionService(window.database)
    meeting = next(s for s in sessions.list_sessions() if s.group == "Vision reading group")
    window.select_session(meeting.id)
    talks = window.outline.outline.talks
    if talks:
        window.meeting.jump_to_line(talks[0].line + 2)


if __name__ == "__main__":
    sys.exit(main())
