"""Search on PostgreSQL through a GIN index of the same tokens as SQLite's FTS5 index.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

PostgreSQL only (SQLite has its FTS5 table since 0004): ``search_vectors`` holds a tsvector
of each search text's tokens (see ``core/search/pg_index.py``), GIN-indexed. Texts already
indexed are indexed again once the schema is at head, with today's tokenizer.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported, like every revision's schema.
CREATE_VECTORS = (
    "CREATE TABLE search_vectors ("
    " doc_id BIGINT NOT NULL REFERENCES search_texts(id) ON DELETE CASCADE,"
    " part INTEGER NOT NULL,"
    " tokens TSVECTOR NOT NULL,"
    " CONSTRAINT pk_search_vectors PRIMARY KEY (doc_id, part))"
)
CREATE_GIN = "CREATE INDEX ix_search_vectors_tokens ON search_vectors USING gin (tokens)"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(CREATE_VECTORS)
    op.execute(CREATE_GIN)
    from studyapp.core.migrations.at_head import request

    request(bind, "search_index")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS search_vectors")
