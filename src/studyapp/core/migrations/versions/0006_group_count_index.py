"""An index for the sidebar's group list: live sessions counted per group off the index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sessions_live_group", "sessions", ["deleted_at", "group_id"])


def downgrade() -> None:
    op.drop_index("ix_sessions_live_group", table_name="sessions")
