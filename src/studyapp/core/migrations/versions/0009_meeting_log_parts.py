"""Sessions know which meeting of a log file they were imported from.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

A note recording several meetings imports as one session per meeting. ``source_part`` names
the meeting within its file (its date, "2025-03-10"), so importing the file again finds each
meeting's session; NULL for a session that is its whole file, as every session was before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("source_part", sa.String(80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("source_part")
