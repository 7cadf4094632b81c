"""a button's once-only press is claimed with the player's hot state: the durable claims of presses go

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # They guarded buttons for a day and nothing claims them any more; a fight's or a find's claim stays.
    op.execute("DELETE FROM reward_claims WHERE source_id LIKE 'press:%'")


def downgrade() -> None:
    pass  # the presses are not brought back: their buttons are gone from every chat
