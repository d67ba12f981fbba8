"""Who wrote what: revisions, ticked to-dos and added talks name the member.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-10

A group sharing one database wants to know who typed a version of the notes, who ticked a
to-do and who added a talk. ``note_revisions.author`` is who wrote the kept text,
``sessions.body_author`` who wrote the body as it is now (so the revision kept when it is
replaced can name them), ``checklist_items.done_by`` and ``presentations.added_by`` the
member who ticked or added. All NULL for what was written before: nobody was recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    ("note_revisions", "author"),
    ("sessions", "body_author"),
    ("checklist_items", "done_by"),
    ("presentations", "added_by"),
)


def upgrade() -> None:
    for table, column in _COLUMNS:
        op.add_column(table, sa.Column(column, sa.String(200), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), not batch mode: rebuilding ``sessions`` would drop
    # it first, and with foreign keys on that deletes every session's rows with it.
    for table, column in reversed(_COLUMNS):
        op.drop_column(table, column)
