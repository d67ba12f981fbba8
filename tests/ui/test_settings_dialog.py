"""The settings dialog, driven with the mouse and keyboard; results read back from the file."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
)

from studyapp.ui.dialogs.settings_dialog import SettingsDialog, describe_database
from studyapp.ui.settings import AppSettings
from studyapp.ui.theme import apply_theme, dark_palette


@pytest.fixture
def open_dialog(qtbot, qapp, database_url):
    def make(settings: AppSettings | None = None) -> SettingsDialog:
        dialog = SettingsDialog(settings or AppSettings(), current_database=database_url)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make
    apply_theme(qapp, "system")


def child(dialog: SettingsDialog, kind: type, name: str):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def click_ok(qtbot, dialog: SettingsDialog) -> None:
    buttons = child(dialog, QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def click_box(qtbot, check: QCheckBox) -> None:
    """Click the box itself (the widget may be wider than its box and text)."""
    option = QStyleOptionButton()
    check.initStyleOption(option)
    box = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=box.center())


def choose(qtbot, combo: QComboBox, data: str) -> None:
    """Pick an entry the way a keyboard user does: focus the combo, arrow to it."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def test_shows_the_current_values(open_dialog, tmp_path, database_url):
    settings = AppSettings()
    settings.theme = "dark"
    settings.language = "ko"
    settings.export_flavor = "obsidian"
    settings.export_folder = str(tmp_path / "out")
    dialog = open_dialog(settings)
    assert dialog.objectName() == "settingsDialog"
    assert child(dialog, QComboBox, "themeCombo").currentData() == "dark"
    assert child(dialog, QComboBox, "languageCombo").currentText() == "한국어"
    assert child(dialog, QComboBox, "exportFlavorCombo").currentData() == "obsidian"
    assert child(dialog, QLineEdit, "exportFolderEdit").text() == str(tmp_path / "out")
    assert child(dialog, QLabel, "databaseLabel").text() == str(tmp_path / "studyapp-test.sqlite3")
    assert child(dialog, QCheckBox, "defaultFontCheck").isChecked()
    assert dialog.chosen_database_url() is None


def test_theme_and_language_saved_on_ok(open_dialog, qtbot, qapp):
    dialog = open_dialog()
    choose(qtbot, child(dialog, QComboBox, "themeCombo"), "dark")
    choose(qtbot, child(dialog, QComboBox, "languageCombo"), "ko")
    with (
        qtbot.waitSignal(dialog.languageChanged) as language,
        qtbot.waitSignal(dialog.themeChanged) as theme,
    ):
        click_ok(qtbot, dialog)
    assert language.args == ["ko"]
    assert theme.args == ["dark"]
    assert not dialog.isVisible()
    saved = AppSettings()
    assert saved.theme == "dark"
    assert saved.language == "ko"
    # The theme applies at once, no restart.
    window = dark_palette().color(QPalette.ColorRole.Window)
    assert qapp.palette().color(QPalette.ColorRole.Window) == window


def test_cancel_changes_nothing(open_dialog, qtbot, qapp):
    before = qapp.palette().color(QPalette.ColorRole.Window)
    dialog = open_dialog()
    choose(qtbot, child(dialog, QComboBox, "themeCombo"), "dark")
    qtbot.keyClicks(child(dialog, QLineEdit, "exportFolderEdit"), "/tmp/elsewhere")
    with qtbot.assertNotEmitted(dialog.languageChanged):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert AppSettings().theme == "system"
    assert AppSettings().export_folder is None
    assert qapp.palette().color(QPalette.ColorRole.Window) == before


def test_unchanged_language_is_not_announced(open_dialog, qtbot):
    dialog = open_dialog()
    with (
        qtbot.assertNotEmitted(dialog.languageChanged),
        qtbot.assertNotEmitted(dialog.editorFontChanged),
    ):
        click_ok(qtbot, dialog)


def test_export_folder_and_flavor(open_dialog, qtbot, tmp_path):
    dialog = open_dialog()
    qtbot.keyClicks(child(dialog, QLineEdit, "exportFolderEdit"), str(tmp_path / "minutes"))
    choose(qtbot, child(dialog, QComboBox, "exportFlavorCombo"), "obsidian")
    click_ok(qtbot, dialog)
    assert AppSettings().export_folder == str(tmp_path / "minutes")
    assert AppSettings().export_flavor == "obsidian"


def test_export_folder_from_the_folder_picker(open_dialog, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "블로그"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: str(target))
    dialog = open_dialog()
    qtbot.mouseClick(child(dialog, QPushButton, "exportFolderButton"), Qt.MouseButton.LeftButton)
    assert child(dialog, QLineEdit, "exportFolderEdit").text() == str(target)
    click_ok(qtbot, dialog)
    assert AppSettings().export_folder == str(target)


def test_editor_font(open_dialog, qtbot):
    dialog = open_dialog()
    check = child(dialog, QCheckBox, "defaultFontCheck")
    spin = child(dialog, QSpinBox, "editorFontSizeSpin")
    assert not spin.isEnabled()
    click_box(qtbot, check)
    assert spin.isEnabled()
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "15")
    with qtbot.waitSignal(dialog.editorFontChanged) as changed:
        click_ok(qtbot, dialog)
    font = AppSettings().editor_font
    assert font is not None
    assert font.pointSize() == 15
    assert changed.args[0].pointSize() == 15


def test_back_to_the_default_font(open_dialog, qtbot):
    settings = AppSettings()
    font = QApplication.font()
    font.setPointSize(17)
    settings.editor_font = font
    dialog = open_dialog(settings)
    check = child(dialog, QCheckBox, "defaultFontCheck")
    assert not check.isChecked()
    assert child(dialog, QSpinBox, "editorFontSizeSpin").value() == 17
    click_box(qtbot, check)
    with qtbot.waitSignal(dialog.editorFontChanged) as changed:
        click_ok(qtbot, dialog)
    assert changed.args == [None]
    assert AppSettings().editor_font is None


def test_open_another_database(open_dialog, qtbot, tmp_path, monkeypatch):
    other = tmp_path / "다른 스터디.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(other), ""))
    dialog = open_dialog()
    qtbot.mouseClick(child(dialog, QPushButton, "openDatabaseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen_database_url() == f"sqlite:///{other}"
    assert child(dialog, QLabel, "databaseLabel").text() == str(other)
    assert child(dialog, QLabel, "databaseNote").isVisible()
    click_ok(qtbot, dialog)
    assert dialog.chosen_database_url() == f"sqlite:///{other}"


def test_create_new_database_adds_the_suffix(open_dialog, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kw: (str(tmp_path / "journal"), "")
    )
    dialog = open_dialog()
    qtbot.mouseClick(child(dialog, QPushButton, "createDatabaseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen_database_url() == f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    assert not Path(tmp_path / "journal.sqlite3").exists()  # the window creates it


def test_create_new_on_an_existing_file_opens_it(open_dialog, qtbot, tmp_path, monkeypatch):
    existing = tmp_path / "old.sqlite3"
    existing.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(existing), ""))
    dialog = open_dialog()
    qtbot.mouseClick(child(dialog, QPushButton, "createDatabaseButton"), Qt.MouseButton.LeftButton)
    assert "old.sqlite3" in child(dialog, QLabel, "databaseNote").text()
    assert existing.read_bytes() == b""


def test_picking_the_open_database_or_nothing_changes_nothing(
    open_dialog, qtbot, tmp_path, monkeypatch
):
    dialog = open_dialog()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: ("", ""))
    qtbot.mouseClick(child(dialog, QPushButton, "openDatabaseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen_database_url() is None
    current = tmp_path / "studyapp-test.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(current), ""))
    qtbot.mouseClick(child(dialog, QPushButton, "openDatabaseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen_database_url() is None


def test_describe_database_hides_passwords():
    assert (
        describe_database("postgresql://alice:secret@db/study") == "postgresql://alice:***@db/study"
    )
    assert describe_database("sqlite:////tmp/a.sqlite3") == "/tmp/a.sqlite3"
    assert describe_database(None) == ""


def test_dialog_speaks_korean(open_dialog, qapp):
    from studyapp.ui.i18n import install_translator

    install_translator(qapp, "ko")
    try:
        dialog = open_dialog()
        assert dialog.windowTitle() == "설정"
        assert child(dialog, QPushButton, "openDatabaseButton").text() == "다른 파일 열기…"
    finally:
        install_translator(qapp, "en")
