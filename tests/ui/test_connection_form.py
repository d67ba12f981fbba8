"""Settings -> Database: a shared server's form, "Test connection", the password in the keyring."""

import builtins

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import make_url

from studyapp.core.connection import ConnectionSettings
from studyapp.ui.dialogs.settings_dialog import SettingsDialog
from studyapp.ui.settings import AppSettings


@pytest.fixture
def dialog(qtbot, database_url, memory_keyring):
    dialog = SettingsDialog(AppSettings(), current_database=database_url)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_in_server(qtbot, form) -> None:
    qtbot.mouseClick(
        form.server_radio, Qt.MouseButton.LeftButton, pos=form.server_radio.rect().center() / 4
    )
    assert form.server_fields.isEnabled()
    for edit, text in (
        (form.host_edit, "db.lab.example"),
        (form.database_edit, "studygroup"),
        (form.user_edit, "alice"),
        (form.password_edit, "s3cret pw"),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)


def test_this_computer_is_the_default_and_the_server_fields_wait(dialog):
    form = dialog.connection_form
    assert form.local_radio.isChecked()
    assert not form.server_fields.isEnabled()
    assert dialog.file_fields.isEnabled()


def test_test_connection_says_connected(qtbot, dialog, tmp_path):
    form = dialog.connection_form
    fill_in_server(qtbot, form)
    form.test_url = f"sqlite:///{tmp_path / 'reachable.sqlite3'}"
    with qtbot.waitSignal(form.checked, timeout=10000) as checked:
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok
    assert form.result_label.text() == "Connected. The server answers."


def test_a_missing_driver_is_explained(qtbot, dialog, monkeypatch):
    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name.split(".")[0] == "psycopg":
            raise ImportError("No module named 'psycopg'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("importlib.import_module", no_psycopg)
    form = dialog.connection_form
    fill_in_server(qtbot, form)
    with qtbot.waitSignal(form.checked, timeout=10000) as checked:
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].problem == "driver"
    assert "install studyapp[postgres]" in form.result_label.text()


def test_an_incomplete_form_is_not_tried(qtbot, dialog):
    form = dialog.connection_form
    qtbot.mouseClick(
        form.server_radio, Qt.MouseButton.LeftButton, pos=form.server_radio.rect().center() / 4
    )
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert "Fill in the host" in form.result_label.text()


def test_ok_keeps_the_password_in_the_keyring_not_the_settings_file(qtbot, dialog, memory_keyring):
    form = dialog.connection_form
    fill_in_server(qtbot, form)
    form.sslmode_combo.setCurrentIndex(form.sslmode_combo.findData("verify-full"))
    buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    saved = AppSettings()
    assert saved.uses_server
    assert saved.server == ConnectionSettings(
        host="db.lab.example", database="studygroup", user="alice", sslmode="verify-full"
    )
    assert memory_keyring.passwords == {
        ("studyapp", "alice@db.lab.example:5432/studygroup"): "s3cret pw"
    }
    with open(saved.file_name(), encoding="utf-8") as settings_file:
        assert "s3cret" not in settings_file.read()
    chosen = make_url(dialog.chosen_server_url())  # the window reopens on it
    assert (chosen.password, chosen.host) == ("s3cret pw", "db.lab.example")
    assert chosen.query == {"sslmode": "verify-full"}

    again = SettingsDialog(AppSettings(), current_database=dialog.chosen_server_url())
    qtbot.addWidget(again)
    assert again.connection_form.server_radio.isChecked()
    assert again.connection_form.password_edit.text() == "s3cret pw"  # from the keyring


def test_without_a_keyring_the_form_says_the_password_is_asked_at_start(qtbot, database_url):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = SettingsDialog(AppSettings(), current_database=database_url)
        qtbot.addWidget(dialog)
        note = dialog.connection_form.keyring_label.text()
    finally:
        keyring.set_keyring(before)
    assert "asks for it at start" in note


def test_the_wrapped_keyring_note_is_shown_whole(qtbot, database_url, no_keyring):
    """Without a keyring the note takes two lines: the dialog opens tall enough for them."""
    from PySide6.QtWidgets import QLabel

    dialog = SettingsDialog(AppSettings(), current_database=database_url)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    note = dialog.findChild(QLabel, "keyringNote")
    assert note.text().startswith("This computer has no keyring")
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
    assert note.heightForWidth(note.width()) > note.fontMetrics().height()  # it does wrap
