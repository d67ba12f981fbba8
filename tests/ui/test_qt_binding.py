"""Guards against a Qt binding that leaks references to None (PySide6 6.12 on Python 3.11).

Such a binding aborts the process with "deallocating None" after a few thousand calls; the
pin in pyproject.toml keeps it out, and this test says so plainly if it ever comes back.
"""

import sys

from PySide6.QtCore import QObject


def test_calls_returning_none_keep_none_alive():
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        holder.setObjectName("x")
    assert sys.getrefcount(None) - before > -100
