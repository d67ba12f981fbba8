"""Images arriving by paste or drop, as bytes ready to keep with a session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from studyapp.core.errors import StudyappError
from studyapp.core.services.attachments import AttachmentService
from studyapp.ui.editor.markdown_editor import IMAGE_SUFFIXES
from studyapp.ui.errors_shown import describe

MIME_OF_SUFFIX = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def png_bytes(image: QImage) -> bytes:
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")
    device.close()
    return bytes(buffer.data())


def image_payloads(mime: QMimeData) -> list[tuple[bytes, str, str]]:
    """(bytes, mime type, name stem) for each image file dropped, else the pasted image."""
    files = [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
    ]
    if files:
        return [
            (path.read_bytes(), MIME_OF_SUFFIX[path.suffix.lower()], path.stem)
            for path in files
            if path.is_file()
        ]
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return [(png_bytes(image), "image/png", "slide")]
    return []


def store_images(
    images: AttachmentService, session_id: int, mime: QMimeData, report: Callable[[str], None]
) -> str | None:
    """Keep every pasted or dropped image with the session; the Markdown that shows them."""
    links = []
    try:
        for data, kind, stem in image_payloads(mime):
            name = images.add(session_id, data, kind, stem=stem)
            links.append(f"![]({name})")
    except (StudyappError, OSError) as error:
        report(describe(error))
    return "\n".join(links) or None


def image_data(images: AttachmentService, session_id: int, name: str) -> bytes | None:
    """An image kept with the session, or None (the preview then shows nothing)."""
    try:
        return images.data(session_id, name)
    except StudyappError:
        return None
