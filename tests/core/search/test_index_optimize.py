"""A large import leaves the full-text index in one segment, so queries read one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from studyapp.core.search import index
from studyapp.core.services.imports import ImportService


def _segments(database) -> int:
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT count(DISTINCT segid) FROM search_fts_idx")).scalar()


@pytest.mark.parametrize(("optimize_after", "one_segment"), [(4, True), (10_000, False)])
def test_an_import_past_the_threshold_optimizes_the_index(
    database, tmp_path, monkeypatch, optimize_after, one_segment
):
    if not database.url.startswith("sqlite"):
        pytest.skip("FTS5 segments are SQLite's")
    monkeypatch.setattr(index, "OPTIMIZE_AFTER", optimize_after)
    monkeypatch.setattr("studyapp.core.services.imports.BATCH_FILES", 2)
    for n in range(6):
        (tmp_path / f"2025-03-{n + 10:02d} 모임.md").write_text(
            f"# 모임 {n}\n\n교사 모델 {n} 낙타{n}\n", "utf-8"
        )
    report = ImportService(database).import_paths([tmp_path])
    assert report.counts == {"created": 6}
    assert (_segments(database) == 1) is one_segment


def test_a_large_import_leaves_no_free_pages_in_the_file(database, tmp_path, monkeypatch):
    """The segments ``optimize`` merged are given back to the disk, not kept as free pages."""
    if not database.url.startswith("sqlite"):
        pytest.skip("VACUUM and free pages are SQLite's")
    monkeypatch.setattr(index, "OPTIMIZE_AFTER", 4)
    monkeypatch.setattr("studyapp.core.services.imports.BATCH_FILES", 2)
    for n in range(12):
        words = " ".join(f"낱말{n}{k} word{n}x{k}" for k in range(400))
        (tmp_path / f"2025-03-{n + 10:02d} 모임.md").write_text(f"# 모임 {n}\n\n{words}\n", "utf-8")
    assert ImportService(database).import_paths([tmp_path]).counts == {"created": 12}
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
        # The write-ahead log the VACUUM went through is emptied, not left the file's size.
        assert connection.exec_driver_sql("PRAGMA wal_checkpoint").one()[1] == 0
    assert database.path is not None
    assert Path(f"{database.path}-wal").stat().st_size == 0
