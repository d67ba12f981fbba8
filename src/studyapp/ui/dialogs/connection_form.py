"""Settings -> Database: this computer's file, or a shared group server.

The server's fields are kept in the settings; its password goes to the system keyring
(``core/credentials.py``), never to the settings file. "Test connection" tries the server
on a background thread and says plainly what went wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.connection import (
    DEFAULT_PORT,
    SSL_MODES,
    ConnectionCheck,
    ConnectionSettings,
    check_connection,
)
from studyapp.core.credentials import keyring_available, load_password, store_password
from studyapp.ui.workers import BackgroundJob, JobControl


class ConnectionForm(QWidget):
    """``checked(ConnectionCheck)`` when a test finished (its result is also shown)."""

    checked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionForm")
        self._job: BackgroundJob | None = None
        self.test_url: str | None = None  # tests try this URL instead of the form's
        self.local_radio = QRadioButton(self.tr("This computer only"), objectName="localRadio")
        self.server_radio = QRadioButton(self.tr("A shared group server"), objectName="serverRadio")
        choice = QButtonGroup(self)
        choice.addButton(self.local_radio)
        choice.addButton(self.server_radio)
        self.local_radio.setChecked(True)
        self.server_radio.toggled.connect(self._mode_changed)

        self.host_edit = QLineEdit(objectName="serverHostEdit")
        self.host_edit.setPlaceholderText("db.example.org")
        self.port_spin = QSpinBox(objectName="serverPortSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit(objectName="serverDatabaseEdit")
        self.database_edit.setPlaceholderText("studygroup")
        self.user_edit = QLineEdit(objectName="serverUserEdit")
        self.password_edit = QLineEdit(objectName="serverPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode_combo = QComboBox(objectName="serverSslCombo")
        names = {
            "disable": self.tr("Off (disable)"),
            "prefer": self.tr("When the server offers it (prefer)"),
            "require": self.tr("Always (require)"),
            "verify-full": self.tr("Always, with the server's certificate checked (verify-full)"),
        }
        for mode in SSL_MODES:
            self.sslmode_combo.addItem(names[mode], mode)
        self.sslmode_combo.setCurrentIndex(SSL_MODES.index("prefer"))
        self.test_button = QPushButton(
            self.tr("&Test connection"), objectName="testConnectionButton"
        )
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel(objectName="connectionResult", wordWrap=True)
        self.keyring_label = QLabel(objectName="keyringNote", wordWrap=True)

        self.server_fields = QWidget(objectName="serverFields")
        form = QFormLayout(self.server_fields)
        form.setContentsMargins(18, 0, 0, 0)
        host_row = QHBoxLayout()
        host_row.addWidget(self.host_edit, 1)
        host_row.addWidget(QLabel(self.tr("Port:")))
        host_row.addWidget(self.port_spin)
        form.addRow(self._label(self.tr("&Host:"), self.host_edit), host_row)
        form.addRow(self._label(self.tr("Data&base:"), self.database_edit), self.database_edit)
        form.addRow(self._label(self.tr("&User:"), self.user_edit), self.user_edit)
        form.addRow(self._label(self.tr("&Password:"), self.password_edit), self.password_edit)
        form.addRow(self._label(self.tr("&Encryption:"), self.sslmode_combo), self.sslmode_combo)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        form.addRow(test_row)
        form.addRow(self.keyring_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_fields)
        self._mode_changed(False)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- values ----------------------------------------------------------------------------

    def load(self, uses_server: bool, server: ConnectionSettings | None) -> None:
        if server is not None:
            self.host_edit.setText(server.host)
            self.port_spin.setValue(server.port)
            self.database_edit.setText(server.database)
            self.user_edit.setText(server.user)
            self.sslmode_combo.setCurrentIndex(max(self.sslmode_combo.findData(server.sslmode), 0))
            self.password_edit.setText(load_password(server.keyring_user()) or "")
        (self.server_radio if uses_server else self.local_radio).setChecked(True)
        self._mode_changed(uses_server)

    def uses_server(self) -> bool:
        return self.server_radio.isChecked()

    def connection(self) -> ConnectionSettings:
        return ConnectionSettings(
            host=self.host_edit.text().strip(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            port=self.port_spin.value(),
            sslmode=str(self.sslmode_combo.currentData()),
        )

    def password(self) -> str:
        return self.password_edit.text()

    def url(self) -> str:
        """The server's URL with the password typed (not for the settings file)."""
        return self.connection().url(self.password())

    def is_complete(self) -> bool:
        server = self.connection()
        return bool(server.host and server.database and server.user)

    def save_password(self) -> bool:
        """Into the keyring; False when there is none (asked for at start instead)."""
        return store_password(self.connection().keyring_user(), self.password())

    # -- testing ---------------------------------------------------------------------------

    @Slot()
    def test_connection(self) -> None:
        if self._job is not None and self._job.is_running():
            return
        if self.test_url is None and not self.is_complete():
            self._show(self.tr("Fill in the host, the database and the user first."), error=True)
            return
        url = self.test_url or self.url()
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"), error=False)

        def work(_control: JobControl) -> ConnectionCheck:
            return check_connection(url)

        self._job = BackgroundJob(work, self)
        self._job.succeeded.connect(self._tested)
        self._job.failed.connect(lambda message: self._show(message, error=True))
        self._job.finished.connect(lambda: self.test_button.setEnabled(True))
        self._job.start()

    @Slot(object)
    def _tested(self, result: ConnectionCheck) -> None:
        self._show(self.describe(result), error=not result.ok)
        self.checked.emit(result)

    def describe(self, result: ConnectionCheck) -> str:
        """What the test found, in words a member can act on."""
        server = self.connection()
        messages = {
            "ok": self.tr("Connected. The server answers."),
            "driver": self.tr(
                "The PostgreSQL driver (psycopg) is not installed: install studyapp[postgres]."
            ),
            "unreachable": self.tr(
                "The server {host} cannot be reached: check the host name, the port and the "
                "network."
            ).format(host=server.host or "?"),
            "password": self.tr("The server refused the password for {user}.").format(
                user=server.user or "?"
            ),
            "database": self.tr("The server has no database named {name}.").format(
                name=server.database or "?"
            ),
            "user": self.tr("The server has no user named {user}.").format(user=server.user or "?"),
            "ssl": self.tr("The encrypted connection failed; check the encryption setting."),
            "other": self.tr("The connection failed."),
        }
        text = messages.get(result.problem, messages["other"])
        if result.detail and result.problem not in ("ok", "driver"):
            text += "\n" + result.detail
        return text

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.shutdown()

    # -- helpers ---------------------------------------------------------------------------

    @Slot(bool)
    def _mode_changed(self, server: bool) -> None:
        self.server_fields.setEnabled(server)
        if keyring_available():
            self.keyring_label.setText(
                self.tr("The password is kept in this computer's keyring, not in the settings.")
            )
        else:
            self.keyring_label.setText(
                self.tr(
                    "This computer has no keyring to keep the password in: it is not stored, "
                    "and studyapp asks for it at start."
                )
            )

    def _show(self, text: str, *, error: bool) -> None:
        self.result_label.setStyleSheet("QLabel { color: #d93025; }" if error else "")
        self.result_label.setText(text)
