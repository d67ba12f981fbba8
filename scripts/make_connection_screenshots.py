"""Screenshots of Settings -> Database with a shared server filled in, for the README.

Run under a real X server with a CJK font, e.g.
    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/make_connection_screenshots.py
Settings go to a temporary folder and the password to an in-memory keyring; the user's own
settings and keyring are never touched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDYAPP_DATA_DIR"] = folder
        import keyring
        from keyring.backend import KeyringBackend
        from PySide6.QtWidgets import QApplication

        from studyapp.app import _application
        from studyapp.core.connection import ConnectionCheck
        from studyapp.ui.dialogs.settings_dialog import SettingsDialog
        from studyapp.ui.i18n import install_translator
        from studyapp.ui.settings import AppSettings
        from studyapp.ui.theme import apply_theme

        class MemoryKeyring(KeyringBackend):
            priority = 1  # type: ignore[assignment]
            passwords: dict[tuple[str, str], str] = {}  # noqa: RUF012

            def get_password(self, service: str, username: str) -> str | None:
                return self.passwords.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.passwords[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.passwords.pop((service, username), None)

        keyring.set_keyring(MemoryKeyring())
        app = _application()
        apply_theme(app, "light")
        OUT.mkdir(parents=True, exist_ok=True)
        for name, language in (("connection-form.png", "en"), ("connection-form-korean.png", "ko")):
            install_translator(app, language)
            settings = AppSettings()
            settings.member_name = "동훈님"
            dialog = SettingsDialog(settings, current_database=f"sqlite:///{folder}/x.sqlite3")
            form = dialog.connection_form
            form.server_radio.setChecked(True)
            form.host_edit.setText("db.lab.example.org")
            form.database_edit.setText("kd_study")
            form.user_edit.setText("donghun")
            form.password_edit.setText("not-a-real-password")
            form.sslmode_combo.setCurrentIndex(form.sslmode_combo.findData("require"))
            form._tested(ConnectionCheck("ok"))  # what "Test connection" shows on success
            dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
            dialog.show()
            for _ in range(20):
                QApplication.processEvents()
            dialog.grab().save(str(OUT / name))
            print(OUT / name)
            dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
