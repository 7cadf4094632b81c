"""characters (durable) and accounts (last snapshot of hot state)

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "characters",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("class_id", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("xp", sa.BigInteger(), nullable=False),
        sa.Column("gold", sa.BigInteger(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("agility", sa.Integer(), nullable=False),
        sa.Column("intellect", sa.Integer(), nullable=False),
        sa.Column("vitality", sa.Integer(), nullable=False),
        sa.Column("stat_points", sa.Integer(), nullable=False),
        sa.Column("skill_points", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_characters")),
        sa.UniqueConstraint("name_key", name=op.f("uq_characters_name_key")),
    )
    op.create_table(
        "accounts",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("location_id", sa.Text(), nullable=False),
        sa.Column("hp", sa.Integer(), nullable=False),
        sa.Column("mana", sa.Integer(), nullable=False),
        sa.Column("stamina", sa.Double(), nullable=False),
        sa.Column("stamina_at", sa.Double(), nullable=False),
        sa.Column("activity", sa.Text(), server_default="idle", nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["player_id"],
            ["characters.player_id"],
            name=op.f("fk_accounts_player_id_characters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_accounts")),
        postgresql_with={"fillfactor": 50},
    )


def downgrade() -> None:
    op.drop_table("accounts")
    op.drop_table("characters")
