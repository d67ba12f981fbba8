"""Turning what a person typed into valid session field values, or a readable error."""

from __future__ import annotations

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.timezones import local_timezone_name, tzinfo_for

MAX_TITLE = 500


def clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise ValidationError("A session needs a title.")
    if len(text) > MAX_TITLE:
        raise ValidationError("The title is too long (at most {most} characters).", most=MAX_TITLE)
    return text


def parse_kind(kind: str) -> models.SessionKind:
    try:
        return models.SessionKind(kind.strip().lower())
    except ValueError:
        valid = ", ".join(k.value for k in models.SessionKind)
        raise ValidationError(
            "Unknown kind {kind!r}; use one of: {valid}.", kind=kind, valid=valid
        ) from None


def parse_status(status: str) -> models.SessionStatus:
    try:
        return models.SessionStatus(status.strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in models.SessionStatus)
        raise ValidationError(
            "Unknown status {status!r}; use one of: {valid}.", status=status, valid=valid
        ) from None


def clean_timezone(name: str | None) -> str:
    if not name:
        return local_timezone_name()
    tzinfo_for(name)  # raises a readable ValidationError when unknown
    return name.strip()
