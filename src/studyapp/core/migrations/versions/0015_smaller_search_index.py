"""A smaller search index: text ids packed closer, no session column beside them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

A search text's id was ``session_id << 20 | n``. FTS5 stores each document of a word's
list as the difference from the one before, and a difference of 2^20 or more takes three
or four bytes: 6.8 MB of the 20 MB index at 10,000 notes. Ids are now ``session_id << 13 |
n`` (8,192 texts a session; more are folded into the last): two bytes for most. The
``session_id`` column and its index (1.6 MB there) go, since the id says the session:
``search_docs`` gives it as ``id >> 13`` and a session's texts are one id range. The
field is stored as a number (0.8 MB of names), the view gives its name. Every text gets
its new id when the index is rebuilt once the schema is at head.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported, like every revision's schema.
OLD_VIEW = (
    "CREATE VIEW search_docs AS SELECT t.id AS id, t.session_id AS session_id,"
    " t.field AS field, t.ref_id AS ref_id,"
    " COALESCE(t.text, (SELECT s.body FROM sessions s WHERE s.id = t.session_id), '') AS text"
    " FROM search_texts t"
)
# The order of studyapp.core.search.numbering.FIELDS.
FIELDS = ("title", "body", "attendance", "tags", "paper", "presenter", "checklist", "front_matter")
_NAMES = " ".join(f"WHEN {code} THEN '{name}'" for code, name in enumerate(FIELDS))
_CODES = " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(FIELDS))
NEW_VIEW = (
    "CREATE VIEW search_docs AS SELECT t.id AS id, t.id >> 13 AS session_id,"
    f" CASE t.field {_NAMES} END AS field, t.ref_id AS ref_id,"
    " COALESCE(t.text, (SELECT s.body FROM sessions s WHERE s.id = t.id >> 13), '') AS text"
    " FROM search_texts t"
)
# The triggers of 0013 name search_texts.session_id; the index makes them again at head.
_OLD_KEEP_BODY = (
    "INSERT OR IGNORE INTO search_stale (session_id, text) SELECT old.id, old.body"
    " WHERE EXISTS (SELECT 1 FROM search_texts t WHERE t.session_id = old.id"
    " AND t.text IS NULL);"
)
OLD_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS search_body_changed BEFORE UPDATE OF body ON sessions"
    f" WHEN old.body IS NOT new.body BEGIN {_OLD_KEEP_BODY} END",
    f"CREATE TRIGGER IF NOT EXISTS search_body_deleted BEFORE DELETE ON sessions"
    f" BEGIN {_OLD_KEEP_BODY} END",
)


def _drop_view_and_triggers(sqlite: bool) -> None:
    op.execute("DROP VIEW search_docs")
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS search_body_changed")
        op.execute("DROP TRIGGER IF EXISTS search_body_deleted")


def upgrade() -> None:
    from studyapp.core.migrations.at_head import request

    bind = op.get_bind()
    _drop_view_and_triggers(bind.dialect.name == "sqlite")
    # The rows are written anew at head; until then a name no field has is dropped.
    op.execute(f"DELETE FROM search_texts WHERE field NOT IN {FIELDS}")
    op.execute(f"UPDATE search_texts SET field = CASE field {_CODES} END")
    with op.batch_alter_table("search_texts") as batch:
        batch.drop_index("ix_search_texts_session_id")
        batch.drop_column("session_id")
        batch.alter_column(
            "field",
            existing_type=sa.String(length=20),
            type_=sa.SmallInteger(),
            postgresql_using="field::smallint",
        )
    op.execute(NEW_VIEW)
    request(bind, "search_index")


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    _drop_view_and_triggers(sqlite)
    if sqlite and _has_table(bind, "search_fts"):
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        op.execute("DELETE FROM search_stale")
    elif not sqlite:
        op.execute("DELETE FROM search_vectors")
    # Old ids through negative ones, so no new id meets an old one on the way.
    op.execute("UPDATE search_texts SET id = -1 - id")
    op.execute("UPDATE search_texts SET id = (((-1 - id) >> 13) << 20) | ((-1 - id) & 8191)")
    with op.batch_alter_table("search_texts") as batch:
        batch.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
        batch.alter_column(
            "field",
            existing_type=sa.SmallInteger(),
            type_=sa.String(length=20),
            postgresql_using="field::varchar",
        )
    op.execute("UPDATE search_texts SET session_id = id >> 20")
    op.execute(f"UPDATE search_texts SET field = CASE CAST(field AS INTEGER) {_NAMES} END")
    with op.batch_alter_table("search_texts") as batch:
        batch.alter_column("session_id", existing_type=sa.Integer(), nullable=False)
        batch.create_index("ix_search_texts_session_id", ["session_id"], unique=False)
    op.execute(OLD_VIEW)
    if sqlite:
        for statement in OLD_TRIGGERS:
            op.execute(statement)
    _index_again(bind)


def _has_table(bind: sa.Connection, name: str) -> bool:
    return bool(sa.inspect(bind).has_table(name))


def _index_again(bind: sa.Connection) -> None:
    """The tokens of every text under its old id (FTS5 rowids cannot be changed in place)."""
    from studyapp.core.search import pg_index, tokens
    from studyapp.core.search.index import write_fts

    rows = bind.exec_driver_sql("SELECT id, text FROM search_docs").all()
    if bind.dialect.name == "postgresql":
        pg_index.write_vectors(bind, [(row[0], row[1]) for row in rows])
    elif _has_table(bind, "search_fts"):
        write_fts(bind, [(row[0], tokens.index_text(row[1])) for row in rows])
