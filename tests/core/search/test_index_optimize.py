"""A large import leaves the full-text index in one segment, so queries read one."""

from __future__ import annotations

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
