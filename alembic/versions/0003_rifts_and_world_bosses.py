"""rifts, rift runs, world bosses, boss damage and its leaderboard

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _player(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (
        sa.Column("player_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["player_id"], ["characters.player_id"], name=op.f(f"fk_{table}_player_id_characters"), ondelete="CASCADE"
        ),
    )


def upgrade() -> None:
    op.create_table(
        "rifts",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Text(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("opened_at", sa.Double(), nullable=False),
        sa.Column("closes_at", sa.Double(), nullable=False),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        sa.Column("collapsed_at", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rifts")),
    )
    op.create_index("ix_rifts_open_closes_at", "rifts", ["closes_at"], postgresql_where=sa.text("status = 'open'"))
    player, player_fk = _player("rift_runs")
    op.create_table(
        "rift_runs",
        sa.Column("rift_id", sa.Text(), nullable=False),
        player,
        sa.Column("floor", sa.Integer(), server_default="0", nullable=False),
        sa.Column("step", sa.Integer(), server_default="0", nullable=False),
        sa.Column("status", sa.Text(), server_default="active", nullable=False),
        sa.Column("fighting", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("gold", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("items", postgresql.JSONB(), server_default="{}", nullable=False),
        sa.Column("reward_paid", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("entered_at", sa.Double(), nullable=False),
        sa.Column("updated_at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(["rift_id"], ["rifts.id"], name=op.f("fk_rift_runs_rift_id_rifts"), ondelete="CASCADE"),
        player_fk,
        sa.PrimaryKeyConstraint("rift_id", "player_id", name=op.f("pk_rift_runs")),
    )
    op.create_index(
        "ix_rift_runs_one_active",
        "rift_runs",
        ["player_id"],
        unique=True,
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_index("ix_rift_runs_player_updated", "rift_runs", ["player_id", sa.text("updated_at DESC")])
    op.create_table(
        "world_bosses",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("boss_def_id", sa.Text(), nullable=False),
        sa.Column("monster_id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("max_hp", sa.BigInteger(), nullable=False),
        sa.Column("hp_left", sa.BigInteger(), nullable=False),
        sa.Column("cooldown_ms", sa.Integer(), nullable=False),
        sa.Column("spawned_at", sa.Double(), nullable=False),
        sa.Column("deadline", sa.Double(), nullable=False),
        sa.Column("status", sa.Text(), server_default="alive", nullable=False),
        sa.Column("killer_id", sa.BigInteger(), nullable=True),
        sa.Column("ended_at", sa.Double(), nullable=True),
        sa.Column("announced", sa.Boolean(), server_default="false", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_world_bosses")),
    )
    op.create_index(
        "ix_world_bosses_one_alive_per_location",
        "world_bosses",
        ["location_id"],
        unique=True,
        postgresql_where=sa.text("status = 'alive'"),
    )
    player, player_fk = _player("boss_damage")
    op.create_table(
        "boss_damage",
        sa.Column("boss_id", sa.Text(), nullable=False),
        player,
        sa.Column("damage", sa.BigInteger(), nullable=False),
        sa.Column("paid", sa.Boolean(), server_default="false", nullable=False),
        sa.ForeignKeyConstraint(
            ["boss_id"], ["world_bosses.id"], name=op.f("fk_boss_damage_boss_id_world_bosses"), ondelete="CASCADE"
        ),
        player_fk,
        sa.PrimaryKeyConstraint("boss_id", "player_id", name=op.f("pk_boss_damage")),
    )
    player, player_fk = _player("boss_damage_totals")
    op.create_table(
        "boss_damage_totals",
        player,
        sa.Column("damage", sa.BigInteger(), nullable=False),
        sa.Column("bosses", sa.Integer(), nullable=False),
        player_fk,
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_boss_damage_totals")),
    )
    op.create_index("ix_boss_damage_totals_rank", "boss_damage_totals", [sa.text("damage DESC")])


def downgrade() -> None:
    op.drop_index("ix_boss_damage_totals_rank", table_name="boss_damage_totals")
    op.drop_table("boss_damage_totals")
    op.drop_table("boss_damage")
    op.drop_index("ix_world_bosses_one_alive_per_location", table_name="world_bosses")
    op.drop_table("world_bosses")
    op.drop_index("ix_rift_runs_player_updated", table_name="rift_runs")
    op.drop_index("ix_rift_runs_one_active", table_name="rift_runs")
    op.drop_table("rift_runs")
    op.drop_index("ix_rifts_open_closes_at", table_name="rifts")
    op.drop_table("rifts")
