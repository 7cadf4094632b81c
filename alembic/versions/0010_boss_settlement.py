"""a fallen boss is settled after the blow that ends it: its final tallies are recorded once, by the settlement

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-09
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("world_bosses", sa.Column("tallied", sa.Boolean(), server_default="false", nullable=False))
    # Bosses that ended before this revision had their tallies recorded with their end.
    op.execute("UPDATE world_bosses SET tallied = true WHERE status <> 'alive'")
    op.create_index(
        "ix_world_bosses_unsettled",
        "world_bosses",
        ["ended_at"],
        postgresql_where=sa.text("status <> 'alive' AND NOT announced"),
    )


def downgrade() -> None:
    op.drop_index("ix_world_bosses_unsettled", table_name="world_bosses")
    op.drop_column("world_bosses", "tallied")
