"""What the window says about saving: the status bar's save state and word count, and the
red banner while a save keeps failing (the text stays in the window and is retried)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from studyapp.ui.save_queue import SaveQueue


class SaveStatus(QObject):
    """Follows a ``SaveQueue``; the banner is the caller's to place above its content."""

    def __init__(self, queue: SaveQueue, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.banner = QLabel(objectName="saveBanner", wordWrap=True)
        self.banner.setStyleSheet(
            "QLabel { background: #b3261e; color: white; padding: 6px 10px; font-weight: bold; }"
        )
        self.banner.hide()
        self.save_label = QLabel(objectName="saveState")
        self.stats_label = QLabel(objectName="noteStats")
        status_bar.addPermanentWidget(self.stats_label)
        status_bar.addPermanentWidget(self.save_label)
        queue.saving.connect(self.show_saving)
        queue.saved.connect(self.show_saved)
        queue.failed.connect(self.show_failure)
        self.show_stats(0, 0)

    def show_saving(self) -> None:
        self.save_label.setText(self.tr("Saving…"))

    def show_saved(self, when: dt.datetime) -> None:
        self.save_label.setText(self.tr("Saved {time}").format(time=when.strftime("%H:%M:%S")))
        self.banner.hide()

    def show_failure(self, reason: str) -> None:
        self.save_label.setText(self.tr("Not saved"))
        self.banner.setText(
            self.tr("Not saved: {reason} — retrying. Your text is safe in the window.").format(
                reason=reason
            )
        )
        self.banner.show()

    def show_stats(self, words: int, characters: int) -> None:
        self.stats_label.setText(
            self.tr("{words} words · {characters} characters").format(
                words=words, characters=characters
            )
        )

    def confirm_close_unsaved(self, parent: QWidget) -> bool:
        """Whether to close although the banner's failure left changes unsaved."""
        answer = QMessageBox.warning(
            parent,
            self.tr("Changes not saved"),
            self.tr(
                "Some changes could not be saved ({reason}). Close anyway and lose them?"
            ).format(reason=self.banner.text()),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
