"""Refresh something (a completer's names) when a field gets focus.

Lists of names change rarely and are needed only while typing in a few fields; reading them
when the field is entered keeps them fresh without a query on every session switch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshOnFocus(QObject):
    def __init__(self, refresh: Callable[[], None], *fields: QWidget) -> None:
        super().__init__(fields[0])
        self._refresh = refresh
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._refresh()
        return False
