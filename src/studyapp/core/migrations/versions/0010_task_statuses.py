"""To-dos keep what their Tasks line says besides text, dates, priority and recurrence.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

``status_symbol`` is the character in the box (`` ``, ``x``, ``/`` in progress, ``-``
cancelled, any other); ``done`` stays, true for a DONE status (``x``, ``X``). ``task_id``
(🆔), ``depends_on`` (⛔, the ids comma-joined), ``on_completion`` (🏁 keep or delete) and
``block_link`` (``^abc``) are the line's other fields. Rows get them from their line, read
as today's reader reads it; a group's own to-do (no line) is ``x`` when done, ``-`` when it
had a cancelled date, else to do.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("status_symbol", "task_id", "depends_on", "on_completion", "block_link")


def upgrade() -> None:
    op.add_column(
        "checklist_items",
        sa.Column("status_symbol", sa.String(1), nullable=False, server_default=" "),
    )
    op.add_column("checklist_items", sa.Column("task_id", sa.Text(), nullable=True))
    op.add_column("checklist_items", sa.Column("depends_on", sa.Text(), nullable=True))
    op.add_column("checklist_items", sa.Column("on_completion", sa.String(10), nullable=True))
    op.add_column("checklist_items", sa.Column("block_link", sa.Text(), nullable=True))
    _fill(op.get_bind())


def _fill(bind: sa.Connection) -> None:
    # The reader is plain code on plain rows (no models): what a line says does not depend on
    # the schema.
    from studyapp.core.tasks import parse_task_line

    bind.exec_driver_sql(
        "UPDATE checklist_items SET status_symbol = CASE"
        " WHEN done THEN 'x' WHEN cancelled_date IS NOT NULL THEN '-' ELSE ' ' END"
        " WHERE source_line IS NULL"
    )
    rows = bind.exec_driver_sql(
        "SELECT id, source_line FROM checklist_items WHERE source_line IS NOT NULL"
    ).all()
    changes = []
    for item_id, line in rows:
        task = parse_task_line(line)
        if task is None:
            continue
        values = (
            task.status_symbol,
            task.task_id,
            ",".join(task.depends_on) or None,
            task.on_completion,
            task.block_link,
        )
        if values != (" ", None, None, None, None):
            changes.append(dict(zip(_COLUMNS, values, strict=True)) | {"item_id": item_id})
    if changes:
        bind.execute(
            sa.text(
                "UPDATE checklist_items SET "
                + ", ".join(f"{name} = :{name}" for name in _COLUMNS)
                + " WHERE id = :item_id"
            ),
            changes,
        )


def downgrade() -> None:
    with op.batch_alter_table("checklist_items") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
