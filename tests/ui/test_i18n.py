"""Korean translation: the shipped catalog loads, stays consistent, and can be removed again."""

import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from studyapp import app
from studyapp.ui import i18n
from studyapp.ui.i18n import available_languages, install_translator, installed_translators

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "studyapp_ko.ts"

# The main window's menus and status texts (its code uses self.tr in class MainWindow).
MAIN_WINDOW_TEXTS = {
    "&File": "파일(&F)",
    "&Edit": "편집(&E)",
    "&View": "보기(&V)",
    "&Help": "도움말(&H)",
    "Import…": "가져오기…",
    "Export…": "내보내기…",
    "Saved {time}": "저장됨 {time}",
    "Saving…": "저장 중…",
    "New session": "새 세션",
}


@pytest.fixture
def english_afterwards(qapp):
    yield qapp
    install_translator(qapp, "en")


def _messages() -> list[tuple[str, str, list[str], str, str]]:
    """(context, source, translations, type, comment) for every message of the .ts file."""
    found = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            source = message.findtext("source", "")
            comment = message.findtext("comment", "")
            found.append((name, source, texts, translation.get("type", ""), comment))
    return found


def _finished() -> list[tuple[str, str, list[str], str]]:
    return [
        (context, source, texts, comment)
        for context, source, texts, kind, comment in _messages()
        if kind == "" and all(text.strip() for text in texts)
    ]


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%(?:n|L?\d)", text))


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def test_available_languages():
    assert available_languages() == [("en", "English"), ("ko", "한국어")]


def test_catalog_ships_inside_the_package():
    assert resources.files("studyapp.i18n").joinpath("studyapp_ko.qm").is_file()


def test_korean_translator_translates_the_main_window(english_afterwards):
    assert install_translator(english_afterwards, "ko") == "ko"
    for source, korean in MAIN_WINDOW_TEXTS.items():
        assert QCoreApplication.translate("MainWindow", source) == korean


def test_main_window_menus_are_korean(qapp, qtbot, tmp_path):
    install_translator(qapp, "ko")
    try:
        window = app.create_main_window(f"sqlite:///{tmp_path / 'korean.sqlite3'}")
        qtbot.addWidget(window)
        try:
            titles = [action.text() for action in window.menuBar().actions()]
            assert titles[0] == "파일(&F)"
            assert titles == ["파일(&F)", "편집(&E)", "이동(&G)", "그룹(&R)", "도움말(&H)"]
        finally:
            window.close()
    finally:
        install_translator(qapp, "en")


def test_qt_standard_buttons_are_korean_too(english_afterwards, qtbot):
    install_translator(english_afterwards, "ko")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "취소"


def test_english_removes_the_translators(english_afterwards):
    install_translator(english_afterwards, "ko")
    assert installed_translators()
    assert install_translator(english_afterwards, "en") == "en"
    assert installed_translators() == []
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_switching_twice_does_not_stack_translators(english_afterwards):
    install_translator(english_afterwards, "ko")
    first = len(installed_translators())
    install_translator(english_afterwards, "ko")
    assert len(installed_translators()) == first


class _LanguageWatcher(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


def test_widgets_hear_about_the_change(english_afterwards, qtbot):
    watcher = _LanguageWatcher()
    qtbot.addWidget(watcher)
    install_translator(english_afterwards, "ko")
    qtbot.waitUntil(lambda: watcher.changes > 0)


class _KoreanSystem:
    Language = QLocale.Language

    @staticmethod
    def system() -> QLocale:
        return QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)


class _GermanSystem(_KoreanSystem):
    @staticmethod
    def system() -> QLocale:
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)


def test_system_language_picks_korean_on_a_korean_system(english_afterwards, monkeypatch):
    monkeypatch.setattr(i18n, "QLocale", _KoreanSystem)
    assert install_translator(english_afterwards, "system") == "ko"
    assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"


def test_system_language_is_english_elsewhere(english_afterwards, monkeypatch):
    monkeypatch.setattr(i18n, "QLocale", _GermanSystem)
    assert install_translator(english_afterwards, "system") == "en"
    assert installed_translators() == []


def test_placeholders_match():
    problems = []
    for context, source, texts, _comment in _finished():
        for text in texts:
            if _placeholders(text) != _placeholders(source):
                problems.append(f"[{context}] {source!r} -> {text!r}: placeholders differ")
            if _accelerators(text) != _accelerators(source):
                problems.append(f"[{context}] {source!r} -> {text!r}: '&' accelerators differ")
    assert not problems, "\n".join(problems)


def test_main_window_texts_are_in_the_catalog_source():
    sources = {message[1] for message in _messages() if message[0] == "MainWindow"}
    required = {
        "&File", "&Edit", "&View", "&Go", "&Help", "Settings…", "Import…", "Export…",
        "New session", "Quick switcher…", "Search…", "Saved {time}", "Saving…",
        "Not saved: {reason} — retrying", "Quit", "About studyapp", "Preview", "Session",
        "Notes", "Insert current time", "Find…", "Replace…", "Undo", "Redo",
    }  # fmt: skip
    assert required <= sources


def test_compiled_catalog_holds_every_finished_translation(qapp):
    """The .qm was rebuilt after the last translation (scripts/update_translations.py)."""
    translator = QTranslator()
    with resources.as_file(resources.files("studyapp.i18n") / "studyapp_ko.qm") as path:
        assert translator.load(str(path))
    stale = [
        f"[{context}] {source!r}"
        for context, source, texts, comment in _finished()
        if len(texts) == 1 and translator.translate(context, source, comment or None) != texts[0]
    ]
    assert not stale, "run scripts/update_translations.py:\n" + "\n".join(stale)
