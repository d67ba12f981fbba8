"""PostgreSQL keeps the list of indexed Latin words that SQLite has kept since 0004.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06

PostgreSQL only. A Latin search term matches inside words ("BERT" in "RoBERTa"): it is
looked up as the indexed words that contain it, read from ``search_words``
(``core/search/prefixes.py``); the index writer adds each text's words
(``pg_index.write_vectors``). The words already indexed are read once from the vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported, like every revision's schema.
CREATE_WORDS = (
    "CREATE TABLE search_words (word TEXT NOT NULL, CONSTRAINT pk_search_words PRIMARY KEY (word))"
)
# The words that start with an ASCII letter or digit, as the index writer adds them.
FILL_WORDS = (
    "INSERT INTO search_words (word)"
    " SELECT word FROM ts_stat('SELECT tokens FROM search_vectors')"
    " WHERE word ~ '^[0-9a-z]'"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(CREATE_WORDS)
    op.execute(FILL_WORDS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS search_words")
