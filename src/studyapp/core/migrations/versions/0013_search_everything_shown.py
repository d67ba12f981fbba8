"""The search index holds everything a session shows, and the body only once.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Besides the title, body, talks and to-dos, the index now holds who attended or was absent,
the tags, the authors, venue and year of each talk's paper and the values of the front
matter kept with the session. The texts move to ``search_texts``, where a body's row holds
NULL instead of a second copy of the session's body; ``search_docs`` becomes a view giving
every text as before, the body read from its session. On SQLite, triggers on ``sessions``
keep a changed body as indexed until its tokens are deleted (made by the index itself, so
a later revision that rebuilds ``sessions`` must ask for ``search_index`` again). The texts
come from today's code, so the index is rebuilt once the schema is at head (``at_head``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported, like every revision's schema.
CREATE_VIEW = (
    "CREATE VIEW search_docs AS SELECT t.id AS id, t.session_id AS session_id,"
    " t.field AS field, t.ref_id AS ref_id,"
    " COALESCE(t.text, (SELECT s.body FROM sessions s WHERE s.id = t.session_id), '') AS text"
    " FROM search_texts t"
)


def _texts_table(name: str, *, text_nullable: bool) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=text_nullable),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_session_id"), name, ["session_id"], unique=False)


def upgrade() -> None:
    from studyapp.core.migrations.at_head import request

    _texts_table("search_texts", text_nullable=True)
    # The rows keep their ids and tokens until the rebuild at head replaces them all.
    op.execute(
        "INSERT INTO search_texts (id, session_id, field, ref_id, text)"
        " SELECT id, session_id, field, ref_id, text FROM search_docs"
    )
    op.drop_index(op.f("ix_search_docs_session_id"), table_name="search_docs")
    op.drop_table("search_docs")
    op.execute(CREATE_VIEW)
    request(op.get_bind(), "search_index")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_body_changed")
        op.execute("DROP TRIGGER IF EXISTS search_body_deleted")
        op.execute("DROP TABLE IF EXISTS search_stale")
    op.execute("DROP VIEW search_docs")
    _texts_table("search_docs", text_nullable=False)
    # The same ids and texts: the FTS rows stay valid. The older code reads the fuller
    # index as it is; its next reindex drops the texts it does not know.
    op.execute(
        "INSERT INTO search_docs (id, session_id, field, ref_id, text)"
        " SELECT t.id, t.session_id, t.field, t.ref_id,"
        " COALESCE(t.text, (SELECT s.body FROM sessions s WHERE s.id = t.session_id), '')"
        " FROM search_texts t"
    )
    op.drop_index(op.f("ix_search_texts_session_id"), table_name="search_texts")
    op.drop_table("search_texts")
