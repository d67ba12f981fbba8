"""At start, the group's server: its password from the keyring, else asked for in a dialog."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit
from sqlalchemy.engine import make_url

from studyapp.app import _remembered_database
from studyapp.core.connection import ConnectionSettings
from studyapp.core.credentials import store_password
from studyapp.ui.settings import AppSettings

SERVER = ConnectionSettings(host="db.lab.example", database="studygroup", user="민지")


def chosen_server() -> AppSettings:
    settings = AppSettings()
    settings.server = SERVER
    settings.uses_server = True
    return settings


def answer_password_dialog(qtbot, typed: str | None, seen: list[str]) -> None:
    """When the password dialog opens: note its question, then type and accept (or cancel)."""

    def answer() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog)), None
        )
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.labelText())
        edit = dialog.findChild(QLineEdit)
        assert edit.echoMode() == QLineEdit.EchoMode.Password
        buttons = dialog.findChild(QDialogButtonBox)
        if typed is None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        qtbot.keyClicks(edit, typed)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)


def test_the_password_in_the_keyring_is_used_without_asking(qapp, memory_keyring):
    store_password(SERVER.keyring_user(), "s3cret 비번")
    url = make_url(_remembered_database(chosen_server()))
    assert url.password == "s3cret 비번"
    assert (url.host, url.database, url.username) == ("db.lab.example", "studygroup", "민지")
    assert not any(isinstance(w, QInputDialog) for w in QApplication.topLevelWidgets())


def test_a_password_not_in_the_keyring_is_asked_for(qtbot, memory_keyring):
    seen: list[str] = []
    answer_password_dialog(qtbot, "typed pw", seen)
    url = make_url(_remembered_database(chosen_server()))
    assert url.password == "typed pw"
    assert seen == ["Password for 민지 on db.lab.example:"]
    # Asked for, used, and never kept: the keyring is filled from Settings only.
    assert memory_keyring.passwords == {}


def test_without_a_keyring_the_question_says_why_it_asks(qtbot, no_keyring):
    seen: list[str] = []
    answer_password_dialog(qtbot, "pw", seen)
    assert make_url(_remembered_database(chosen_server())).password == "pw"
    assert seen and seen[0].startswith("This computer has no keyring")


def test_cancelling_the_question_connects_without_a_password(qtbot, memory_keyring):
    seen: list[str] = []
    answer_password_dialog(qtbot, None, seen)
    url = make_url(_remembered_database(chosen_server()))
    assert seen and url.password is None
    assert url.query["sslmode"] == "prefer"


def test_without_a_server_chosen_the_file_last_opened_is_used(qapp, tmp_path):
    settings = AppSettings()
    settings.server = SERVER
    settings.uses_server = False
    settings.database_url = f"sqlite:///{tmp_path / 'group.sqlite3'}"
    assert _remembered_database(settings) == settings.database_url
