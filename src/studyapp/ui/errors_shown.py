"""The one way the window shows an error: core's message translated into the UI language.

Core errors carry an English template and its arguments (``core/errors.py``); here the
template goes through Qt's translator in the "CoreMessages" context (the catalogue lists
every template: ``ui/core_messages.py``) and is filled in. Arguments that are messages or
errors themselves are translated the same way.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from studyapp.core.errors import Message, StudyappError
from studyapp.ui.core_messages import CONTEXT

log = logging.getLogger(__name__)


def describe(error: BaseException | Message) -> str:
    """The line to show a person for ``error``, in the UI language."""
    if isinstance(error, StudyappError | Message):
        return _translated(error.template, error.params)
    return str(error)


def _translated(template: str, params: dict[str, Any]) -> str:
    text = QCoreApplication.translate(CONTEXT, template)
    if not params:
        return text
    shown = {
        name: describe(value) if isinstance(value, StudyappError | Message) else value
        for name, value in params.items()
    }
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):
        # A translation that names an argument the template does not: English, not nothing.
        log.warning("translation of %r does not fit its arguments", template)
        return template.format(**shown)
