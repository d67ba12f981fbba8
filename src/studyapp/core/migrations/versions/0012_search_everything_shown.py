"""The search index holds everything a session shows: rebuilt for existing databases.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Besides the title, body, talks and to-dos, the index now holds who attended or was absent,
the tags, the authors, venue and year of each talk's paper and the values of the front
matter kept with the session. The texts come from today's code, so the rebuild runs once
the schema is at head (``at_head``).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from studyapp.core.migrations.at_head import request

    request(op.get_bind(), "search_index")


def downgrade() -> None:
    # The older code reads the fuller index as it is; its next reindex drops the new texts.
    pass
