"""The rendered minutes, with the session's own images resolved from the database."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from studyapp.core.dto import SessionDetail


class PreviewBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenExternalLinks(True)
        # Reads an image kept with the shown session by its file name (None: not ours).
        self.image_source: Callable[[str], bytes | None] | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        name = url.toString() if isinstance(url, QUrl) else url
        if (
            kind == QTextDocument.ResourceType.ImageResource.value
            and self.image_source
            and "/" not in name
            and ":" not in name
        ):
            data = self.image_source(name)
            if data:
                return QImage.fromData(data)
        return super().loadResource(kind, url)

    def show_session(self, detail: SessionDetail | None) -> None:
        """Render the session as its exported minutes, keeping the scroll position."""
        if detail is None:
            self.clear()
            return
        # Python-Markdown loads on the first preview, not at every start.
        from studyapp.core.markdown.exporter import render_body
        from studyapp.core.markdown.html import render_fragment

        meta = " · ".join((detail.date.isoformat(), detail.group, detail.kind, detail.status))
        scroll = self.verticalScrollBar().value()
        self.setHtml(
            f"<h1>{html.escape(detail.title)}</h1><p><i>{html.escape(meta)}</i></p>"
            # The note as written (a blog post's body names its images by their blog address).
            f"{render_fragment(render_body(detail, 'html'), detail.attachments)}"
        )
        self.verticalScrollBar().setValue(scroll)
