"""An index for the sidebar: live sessions newest first without sorting them all.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_sessions_live_newest", "sessions", ["deleted_at", "date", "start_time", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_sessions_live_newest", table_name="sessions")
