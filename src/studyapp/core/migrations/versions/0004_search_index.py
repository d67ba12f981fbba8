"""Search index: the texts to search, and on SQLite an FTS5 index of their tokens.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

``search_docs`` is a plain table on every database. On SQLite a contentless FTS5 table
``search_fts`` indexes the pre-tokenized texts (rowid = ``search_docs.id``); autogenerate
leaves it alone (see ``include_name`` in env.py). Existing sessions are indexed here, with
plain SQL, so an upgraded database finds everything at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported, like every revision's schema.
CREATE_FTS = "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', tokenize='ascii')"


def upgrade() -> None:
    op.create_table(
        "search_docs",
        # session_id << 20 | n: 64-bit on PostgreSQL; INTEGER (the rowid) on SQLite.
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_docs")),
    )
    op.create_index(op.f("ix_search_docs_session_id"), "search_docs", ["session_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(CREATE_FTS)
    # Filled by 0008, which reads today's sessions table (the body) and rebuilds the index.


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index(op.f("ix_search_docs_session_id"), table_name="search_docs")
    op.drop_table("search_docs")
