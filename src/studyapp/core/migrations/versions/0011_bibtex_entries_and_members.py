"""Papers keep the BibTeX entry they came with; a group remembers who left its rotation.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

``papers.bibtex`` holds a .bib entry's type and fields as written, so an exported library
gives them back (``booktitle`` stays ``booktitle``, ``pages`` and ``note`` survive); NULL for
papers from elsewhere and for every paper added before. ``group_members.removed`` marks a
person taken out of a group's rotation: the members now include everyone who presented or
attended in the group, so leaving has to be remembered.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("papers", sa.Column("bibtex", sa.JSON(), nullable=True))
    op.add_column(
        "group_members",
        sa.Column("removed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("group_members") as batch:
        batch.drop_column("removed")
    with op.batch_alter_table("papers") as batch:
        batch.drop_column("bibtex")
