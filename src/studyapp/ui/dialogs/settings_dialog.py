"""Preferences: database file, export defaults, theme, language and the notes font.

OK saves to ``AppSettings`` and applies the theme at once. The language and font are
announced with signals for the window to apply; a different database is only recorded
(``chosen_database_url()``): the window reopens itself on it and remembers it once it opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import sqlite_path
from studyapp.core.paths import resolve_database_url
from studyapp.ui.dialogs.connection_form import ConnectionForm
from studyapp.ui.dialogs.member_box import MemberBox, WhoIs
from studyapp.ui.editor.markdown_editor import default_editor_font
from studyapp.ui.i18n import available_languages
from studyapp.ui.settings import AppSettings, export_flavors
from studyapp.ui.theme import apply_theme

DATABASE_SUFFIX = ".sqlite3"
_W = TypeVar("_W", bound=QWidget)
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _is_server(url: str) -> bool:
    try:
        return sqlite_path(url) is None
    except Exception:  # not a URL SQLAlchemy understands: not a server either
        return False


def describe_database(url: str | None) -> str:
    """A file path for SQLite, else the URL with any password hidden."""
    if not url:
        return ""
    try:
        path = sqlite_path(url)
    except Exception:  # not a URL SQLAlchemy understands: show it as it is
        path = None
    if path is not None:
        return str(path)
    return _PASSWORD.sub(r"\1***@", url)


class SettingsDialog(QDialog):
    """``languageChanged(code)``: "system", "en" or "ko", emitted on OK when it changed.
    ``editorFontChanged(font)``: a QFont, or None for the default font.
    """

    languageChanged = Signal(str)
    memberNameChanged = Signal()
    themeChanged = Signal(str)
    editorFontChanged = Signal(object)

    def __init__(
        self,
        settings: AppSettings,
        current_database: str | None = None,
        parent: QWidget | None = None,
        who_is: WhoIs | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self._settings = settings
        self._current_database = current_database
        self._who_is = who_is  # who the name typed is in the open database
        self._chosen_database: str | None = None
        self._chosen_server: str | None = None
        self._build()
        self._load()

    # -- building --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A dialog opens at its size hint, which knows no wrapped line: tall enough for the
        # wrapped notes (the keyring's, who the name is) at the width it opened with.
        needed = self.layout().heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.member_box = MemberBox(self._who_is, self)
        self.member_name_edit = self.member_box.name_edit
        layout.addWidget(self.member_box)
        layout.addWidget(self._build_database())
        layout.addWidget(self._build_export())
        layout.addWidget(self._build_appearance())
        layout.addStretch(1)
        self.button_box = _named(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            ),
            "settingsButtons",
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

    def _build_database(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Database")), "databaseGroup")
        self.database_label = _named(QLabel(), "databaseLabel")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_note = _named(QLabel(), "databaseNote")
        self.database_note.setWordWrap(True)
        self.database_note.hide()
        self.open_database_button = _named(
            QPushButton(self.tr("Open another…")), "openDatabaseButton"
        )
        self.open_database_button.clicked.connect(self._open_database)
        self.create_database_button = _named(
            QPushButton(self.tr("Create new…")), "createDatabaseButton"
        )
        self.create_database_button.clicked.connect(self._create_database)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_database_button)
        buttons.addWidget(self.create_database_button)
        buttons.addStretch(1)
        self.connection_form = ConnectionForm(self)
        self.connection_form.server_radio.toggled.connect(self._server_toggled)
        self.file_fields = QWidget(objectName="fileFields")
        file_column = QVBoxLayout(self.file_fields)
        file_column.setContentsMargins(18, 0, 0, 0)
        file_column.addWidget(self.database_label)
        file_column.addLayout(buttons)
        file_column.addWidget(self.database_note)
        column = QVBoxLayout(box)
        column.addWidget(self.connection_form.local_radio)
        column.addWidget(self.file_fields)
        column.addWidget(self.connection_form)
        return box

    @Slot(bool)
    def _server_toggled(self, server: bool) -> None:
        self.file_fields.setEnabled(not server)

    def _build_export(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Export")), "exportGroup")
        self.export_folder_edit = _named(QLineEdit(), "exportFolderEdit")
        self.export_folder_edit.setPlaceholderText(self.tr("Ask every time"))
        self.export_folder_edit.setClearButtonEnabled(True)
        self.export_folder_button = _named(QPushButton(self.tr("Choose…")), "exportFolderButton")
        self.export_folder_button.clicked.connect(self._choose_export_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_folder_edit, 1)
        folder_row.addWidget(self.export_folder_button)
        self.export_flavor_combo = _named(QComboBox(), "exportFlavorCombo")
        names = {"jekyll": self.tr("Jekyll"), "obsidian": self.tr("Obsidian"), "html": "HTML"}
        for flavor in export_flavors():
            self.export_flavor_combo.addItem(names.get(flavor, flavor), flavor)
        form = QFormLayout(box)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.export_folder_edit)
        form.addRow(folder_label, folder_row)
        form.addRow(*self._label(self.tr("F&lavor:"), self.export_flavor_combo))
        return box

    def _build_appearance(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Appearance")), "appearanceGroup")
        self.theme_combo = _named(QComboBox(), "themeCombo")
        self.theme_combo.addItem(self.tr("System"), "system")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.language_combo = _named(QComboBox(), "languageCombo")
        self.language_combo.addItem(self.tr("System"), "system")
        for code, name in available_languages():
            self.language_combo.addItem(name, code)
        self.default_font_check = _named(
            QCheckBox(self.tr("Use the default font")), "defaultFontCheck"
        )
        self.default_font_check.toggled.connect(self._default_font_toggled)
        self.font_combo = _named(QFontComboBox(), "editorFontCombo")
        self.font_size_spin = _named(QSpinBox(), "editorFontSizeSpin")
        self.font_size_spin.setRange(6, 72)
        self.font_size_spin.setSuffix(self.tr(" pt"))
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_combo, 1)
        font_row.addWidget(self.font_size_spin)
        form = QFormLayout(box)
        form.addRow(*self._label(self.tr("&Theme:"), self.theme_combo))
        form.addRow(*self._label(self.tr("&Language:"), self.language_combo))
        font_label = QLabel(self.tr("Notes &font:"))
        font_label.setBuddy(self.font_combo)
        form.addRow(font_label, self.default_font_check)
        form.addRow("", font_row)
        return box

    def _label(self, text: str, buddy: QWidget) -> tuple[QLabel, QWidget]:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label, buddy

    # -- values ----------------------------------------------------------------------------

    def _load(self) -> None:
        self._show_database()
        self.connection_form.load(self._settings.uses_server, self._settings.server)
        self.member_box.set_name(self._settings.member_name or "")
        self.export_folder_edit.setText(self._settings.export_folder or "")
        self._select(self.export_flavor_combo, self._settings.export_flavor)
        self._select(self.theme_combo, self._settings.theme)
        self._select(self.language_combo, self._settings.language)
        font = self._settings.editor_font
        shown = font if font is not None else default_editor_font()
        self.font_combo.setCurrentFont(shown)
        size = shown.pointSize()
        self.font_size_spin.setValue(size if size > 0 else 11)
        self.default_font_check.setChecked(font is None)
        self._default_font_toggled(font is None)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _show_database(self) -> None:
        shown = self._chosen_database or self._current_database
        self.database_label.setText(describe_database(shown) or self.tr("The default database"))
        if self._chosen_database is not None:
            self.database_note.setText(
                self.tr("The window reopens with this database when you press OK.")
            )
            self.database_note.show()

    def chosen_server_url(self) -> str | None:
        """The shared server's URL (with its password) when OK chose it, else None."""
        return self._chosen_server

    def chosen_database_url(self) -> str | None:
        """The SQLite URL picked with "Open another…"/"Create new…", or None."""
        return self._chosen_database

    def theme(self) -> str:
        return str(self.theme_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def export_flavor(self) -> str:
        return str(self.export_flavor_combo.currentData())

    def export_folder(self) -> str | None:
        text = self.export_folder_edit.text().strip()
        return str(Path(text).expanduser()) if text else None

    def editor_font(self) -> QFont | None:
        if self.default_font_check.isChecked():
            return None
        font = QFont(self.font_combo.currentFont())
        font.setPointSize(self.font_size_spin.value())
        return font

    # -- actions ---------------------------------------------------------------------------

    @Slot(bool)
    def _default_font_toggled(self, checked: bool) -> None:
        self.font_combo.setEnabled(not checked)
        self.font_size_spin.setEnabled(not checked)

    def _start_folder(self) -> str:
        path = None
        if self._current_database:
            try:
                path = sqlite_path(self._current_database)
            except Exception:  # an unusual URL: start in the home folder instead
                path = None
        return str(path.parent) if path is not None else str(Path.home())

    def _file_filter(self) -> str:
        return self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)")

    @Slot()
    def _open_database(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Open a database"), self._start_folder(), self._file_filter()
        )
        if path:
            self._choose_database(Path(path))

    @Slot()
    def _create_database(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Create a database"),
            str(Path(self._start_folder()) / f"studyapp{DATABASE_SUFFIX}"),
            self._file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        chosen = Path(path)
        if not chosen.suffix:
            chosen = chosen.with_suffix(DATABASE_SUFFIX)
        self._choose_database(chosen)
        if chosen.exists():
            # Never replace a file: opening it keeps whatever it holds.
            self.database_note.setText(
                self.tr("{name} already exists; it will be opened, not replaced.").format(
                    name=chosen.name
                )
            )

    def _choose_database(self, path: Path) -> None:
        url = f"sqlite:///{path.expanduser().resolve()}"
        self._chosen_database = None if url == self._current_database else url
        self._show_database()

    @Slot()
    def _choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the export folder"),
            self.export_folder_edit.text() or str(Path.home()),
        )
        if folder:
            self.export_folder_edit.setText(folder)

    def _keep_connection(self, settings: AppSettings) -> None:
        """The server's fields to the settings, its password to the keyring (not the file)."""
        form = self.connection_form
        if form.uses_server() and form.is_complete():
            settings.server = form.connection()
            form.save_password()
            url = form.url()
            if url != self._current_database or not settings.uses_server:
                self._chosen_server = url
        settings.uses_server = form.uses_server() and form.is_complete()
        on_server = self._current_database is not None and _is_server(self._current_database)
        if not settings.uses_server and on_server and self._chosen_database is None:
            # Back to this computer: reopen on the file last used here.
            self._chosen_database = resolve_database_url(settings.database_url)

    def done(self, result: int) -> None:
        self.connection_form.shutdown()
        super().done(result)

    def accept(self) -> None:
        settings = self._settings
        old_theme, old_language, old_font = settings.theme, settings.language, settings.editor_font
        old_member = settings.member_name
        self._keep_connection(settings)
        settings.member_name = self.member_name_edit.text()
        settings.export_folder = self.export_folder()
        settings.export_flavor = self.export_flavor()
        settings.theme = self.theme()
        settings.language = self.language()
        settings.editor_font = self.editor_font()
        settings.sync()
        super().accept()
        if self.theme() != old_theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self.theme())
            self.themeChanged.emit(self.theme())
        if self.language() != old_language:
            self.languageChanged.emit(self.language())
        if settings.member_name != old_member:
            self.memberNameChanged.emit()
        new_font = self.editor_font()
        if (old_font is None) != (new_font is None) or (
            old_font is not None and new_font is not None and old_font != new_font
        ):
            self.editorFontChanged.emit(new_font)
