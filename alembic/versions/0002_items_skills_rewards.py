"""inventory, equipment, learned skills, reward claims; character version

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner() -> sa.Column:
    return sa.Column("player_id", sa.BigInteger(), nullable=False)


def _owner_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["player_id"], ["characters.player_id"], name=op.f(f"fk_{table}_player_id_characters"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.add_column("characters", sa.Column("version", sa.BigInteger(), server_default="0", nullable=False))
    op.create_index("ix_characters_leaderboard", "characters", [sa.text("level DESC"), sa.text("xp DESC")])
    op.create_table(
        "inventory_items",
        _owner(),
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_inventory_items_quantity_positive")),
        _owner_fk("inventory_items"),
        sa.PrimaryKeyConstraint("player_id", "item_id", name=op.f("pk_inventory_items")),
    )
    op.create_table(
        "equipment",
        _owner(),
        sa.Column("slot", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Text(), nullable=False),
        _owner_fk("equipment"),
        sa.PrimaryKeyConstraint("player_id", "slot", name=op.f("pk_equipment")),
    )
    op.create_table(
        "learned_skills",
        _owner(),
        sa.Column("skill_id", sa.Text(), nullable=False),
        _owner_fk("learned_skills"),
        sa.PrimaryKeyConstraint("player_id", "skill_id", name=op.f("pk_learned_skills")),
    )
    op.create_table(
        "reward_claims",
        _owner(),
        sa.Column("source_id", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        _owner_fk("reward_claims"),
        sa.PrimaryKeyConstraint("player_id", "source_id", name=op.f("pk_reward_claims")),
    )


def downgrade() -> None:
    op.drop_table("reward_claims")
    op.drop_table("learned_skills")
    op.drop_table("equipment")
    op.drop_table("inventory_items")
    op.drop_index("ix_characters_leaderboard", table_name="characters")
    op.drop_column("characters", "version")
