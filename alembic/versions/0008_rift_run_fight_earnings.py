"""rift runs keep what their fights paid, so a run's end tells its whole earnings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("rift_runs", sa.Column("fights_xp", sa.BigInteger(), server_default="0", nullable=False))
    op.add_column("rift_runs", sa.Column("fights_gold", sa.BigInteger(), server_default="0", nullable=False))
    op.add_column(
        "rift_runs",
        sa.Column("fights_items", postgresql.JSONB(), server_default="{}", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("rift_runs", "fights_items")
    op.drop_column("rift_runs", "fights_gold")
    op.drop_column("rift_runs", "fights_xp")
