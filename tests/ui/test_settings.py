"""AppSettings: a real ini file under STUDYAPP_DATA_DIR, typed values, garbage ignored."""

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont

from studyapp.ui.settings import MAX_RECENT_DATABASES, AppSettings


@pytest.fixture
def settings_file(tmp_path) -> Path:
    return tmp_path / "data" / "settings.ini"


def test_defaults_when_nothing_is_stored(qapp, settings_file):
    settings = AppSettings()
    assert settings.theme == "system"
    assert settings.language == "system"
    assert settings.editor_font is None
    assert settings.export_folder is None
    assert settings.export_flavor == "jekyll"
    assert settings.database_url is None
    assert settings.recent_databases == []
    assert settings.window_geometry.isEmpty()
    assert settings.window_state.isEmpty()
    assert settings.splitter_state("main").isEmpty()
    assert settings.last_session("sqlite:///x.sqlite3") is None


def test_file_lives_in_the_data_dir_never_the_users(qapp, settings_file):
    settings = AppSettings()
    settings.theme = "dark"
    settings.sync()
    assert Path(settings.file_name()) == settings_file
    assert settings_file.exists()
    assert "theme=dark" in settings_file.read_text(encoding="utf-8")


def test_round_trip_through_the_ini_file(qapp, tmp_path):
    url = f"sqlite:///{tmp_path / '스터디 노트.sqlite3'}"
    other = "postgresql://alice@db.example/studyapp"
    font = QFont("DejaVu Sans", 13)
    settings = AppSettings()
    settings.theme = "light"
    settings.language = "ko"
    settings.editor_font = font
    settings.export_folder = str(tmp_path / "회의록")
    settings.export_flavor = "obsidian"
    settings.database_url = url
    settings.recent_databases = [url, "sqlite:///a,b.sqlite3"]
    settings.window_geometry = QByteArray(b"\x00\x01geometry\xff")
    settings.window_state = QByteArray(b"state")
    settings.set_splitter_state("mainSplitter", QByteArray(b"\x00split"))
    settings.set_last_session(url, 42)
    settings.set_last_session(other, 7)
    settings.sync()

    again = AppSettings()
    assert again.theme == "light"
    assert again.language == "ko"
    assert again.editor_font is not None
    assert again.editor_font.family() == font.family()
    assert again.editor_font.pointSize() == 13
    assert again.export_folder == str(tmp_path / "회의록")
    assert again.export_flavor == "obsidian"
    assert again.database_url == url
    assert again.recent_databases == [url, "sqlite:///a,b.sqlite3"]
    assert bytes(again.window_geometry.data()) == b"\x00\x01geometry\xff"
    assert bytes(again.window_state.data()) == b"state"
    assert bytes(again.splitter_state("mainSplitter").data()) == b"\x00split"
    assert again.splitter_state("other").isEmpty()
    assert again.last_session(url) == 42
    assert again.last_session(other) == 7


def test_optional_values_can_be_cleared(qapp):
    settings = AppSettings()
    settings.editor_font = QFont("DejaVu Sans", 12)
    settings.export_folder = "/tmp/out"
    settings.database_url = "sqlite:///x.sqlite3"
    settings.set_last_session("sqlite:///x.sqlite3", 3)
    settings.editor_font = None
    settings.export_folder = None
    settings.database_url = None
    settings.set_last_session("sqlite:///x.sqlite3", None)
    settings.sync()
    again = AppSettings()
    assert again.editor_font is None
    assert again.export_folder is None
    assert again.database_url is None
    assert again.last_session("sqlite:///x.sqlite3") is None


def test_one_recent_database_survives_the_ini_format(qapp):
    # QSettings reads a one-item list back from an ini file as a plain string.
    settings = AppSettings()
    settings.recent_databases = ["sqlite:///only.sqlite3"]
    settings.sync()
    assert AppSettings().recent_databases == ["sqlite:///only.sqlite3"]


def test_recent_databases_are_unique_newest_first_and_capped(qapp):
    settings = AppSettings()
    for number in range(12):
        settings.add_recent_database(f"sqlite:///db{number}.sqlite3")
    settings.add_recent_database("sqlite:///db5.sqlite3")
    recent = AppSettings().recent_databases
    assert len(recent) == MAX_RECENT_DATABASES
    assert recent[0] == "sqlite:///db5.sqlite3"
    assert recent[1] == "sqlite:///db11.sqlite3"
    assert len(set(recent)) == len(recent)


def test_garbage_in_the_file_falls_back_to_defaults(qapp, settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        "[appearance]\n"
        "theme=purple\n"
        "language=42\n"
        "[editor]\n"
        "font=@Invalid()\n"
        "[export]\n"
        "flavor=pdf\n"
        "folder=\n"
        "[database]\n"
        "url=\n"
        "recent=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18garbage)\n"
        "[window]\n"
        "geometry=not bytes\n"
        "state=12\n"
        "[splitters]\n"
        "main=true\n",
        encoding="utf-8",
    )
    settings = AppSettings()
    assert settings.theme == "system"
    assert settings.language == "system"
    assert settings.editor_font is None
    assert settings.export_flavor == "jekyll"
    assert settings.export_folder is None
    assert settings.database_url is None
    assert settings.recent_databases == []
    assert settings.window_geometry.isEmpty()
    assert settings.window_state.isEmpty()
    assert settings.splitter_state("main").isEmpty()


@pytest.mark.parametrize("garbage", ["abc", "-3", "0", "", "1.5", True])
def test_garbage_last_session_is_none(qapp, garbage):
    settings = AppSettings()
    settings.set_last_session("sqlite:///x.sqlite3", 1)
    key = next(k for k in settings.store.allKeys() if k.startswith("lastSession/"))
    settings.store.setValue(key, garbage)
    settings.sync()
    assert AppSettings().last_session("sqlite:///x.sqlite3") is None


def test_last_session_read_back_from_text(qapp):
    settings = AppSettings()
    settings.set_last_session("sqlite:///x.sqlite3", 1)
    key = next(k for k in settings.store.allKeys() if k.startswith("lastSession/"))
    settings.store.setValue(key, " 12 ")
    assert settings.last_session("sqlite:///x.sqlite3") == 12


@pytest.mark.parametrize(
    ("name", "value"),
    [("theme", "blue"), ("language", "fr"), ("export_flavor", "pdf")],
)
def test_unknown_choices_are_refused(qapp, name, value):
    settings = AppSettings()
    with pytest.raises(ValueError, match=name.split("_")[-1]):
        setattr(settings, name, value)
