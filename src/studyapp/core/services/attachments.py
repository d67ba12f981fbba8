"""Images kept with a session: a slide photo pasted into the notes during the meeting."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.services.session_rows import load_session

MAX_BYTES = 25 * 1024 * 1024
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}
_UNSAFE = re.compile(r"[^\w.-]+")


def attachment_name(stem: str, mime: str, taken: set[str], now: dt.datetime) -> str:
    """``slide-20250310-190312.png``; never a path, unique within the session."""
    clean = _UNSAFE.sub("-", stem).strip("-.") or "image"
    base = f"{clean}-{now:%Y%m%d-%H%M%S}"
    extension = EXTENSIONS[mime]
    name, counter = f"{base}{extension}", 2
    while name in taken:
        name, counter = f"{base}-{counter}{extension}", counter + 1
    return name


class AttachmentService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def add(
        self,
        session_id: int,
        data: bytes,
        mime: str,
        *,
        stem: str = "slide",
        now: dt.datetime | None = None,
    ) -> str:
        """Store an image with the session; returns the file name the notes link to."""
        if mime not in EXTENSIONS:
            raise ValidationError("Only images can be kept with a session, not {mime}.", mime=mime)
        if not data:
            raise ValidationError("The image is empty.")
        if len(data) > MAX_BYTES:
            raise ValidationError("The image is larger than 25 MB; use a smaller one.")
        with self.db.transaction() as orm:
            load_session(orm, session_id)
            taken = set(
                orm.scalars(
                    select(models.Attachment.name).where(models.Attachment.session_id == session_id)
                )
            )
            name = attachment_name(stem, mime, taken, now or dt.datetime.now())
            orm.add(models.Attachment(session_id=session_id, name=name, mime=mime, data=data))
            return name

    def names(self, session_id: int) -> list[str]:
        with self.db.transaction() as orm:
            return list(
                orm.scalars(
                    select(models.Attachment.name)
                    .where(models.Attachment.session_id == session_id)
                    .order_by(models.Attachment.id)
                )
            )

    def data(self, session_id: int, name: str) -> bytes:
        with self.db.transaction() as orm:
            found = orm.scalar(
                select(models.Attachment.data).where(
                    models.Attachment.session_id == session_id, models.Attachment.name == name
                )
            )
            if found is None:
                raise NotFoundError("There is no image {name} in this session.", name=name)
            return bytes(found)

    def files(self, session_id: int) -> list[tuple[str, bytes]]:
        """Every image of the session as (file name, bytes), for export."""
        with self.db.transaction() as orm:
            rows = orm.execute(
                select(models.Attachment.name, models.Attachment.data)
                .where(models.Attachment.session_id == session_id)
                .order_by(models.Attachment.id)
            ).all()
            return [(name, bytes(data)) for name, data in rows]
