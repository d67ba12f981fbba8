"""Refresh something when it is about to be used: a completer's names when a field gets
focus, a view's rows when the view is shown.

Lists of names change rarely and are needed only while typing in a few fields; reading them
when the field is entered keeps them fresh without a query on every session switch. A tab's
view read at start, or again on every change elsewhere while it is hidden, would cost every
start and every edit for a tab most of them never open.
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


class RefreshWhenShown(QObject):
    """Calls ``refresh`` for ``view``: at once when it is shown, else when it next shows."""

    def __init__(self, refresh: Callable[[], None], view: QWidget) -> None:
        super().__init__(view)
        self._refresh = refresh
        self._view = view
        self.stale = True  # nothing read yet
        view.installEventFilter(self)

    def request(self) -> None:
        if self._view.isVisible():
            self.refresh_now()
        else:
            self.stale = True

    def refresh_now(self) -> None:
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale:
            self.refresh_now()  # before the view paints
        return False
