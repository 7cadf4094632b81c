"""guilds and the arena: guilds, members, invitations and requests, the bank and its ledger; arena
ratings, fights, the season running and each season's results

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _guild_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["guild_id"], ["guilds.id"], name=op.f(f"fk_{table}_guild_id_guilds"), ondelete="CASCADE"
    )


def _player_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["player_id"], ["characters.player_id"], name=op.f(f"fk_{table}_player_id_characters"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "guilds",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("tag_key", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), server_default="1", nullable=False),
        sa.Column("xp", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("gold", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("gold_peak", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("leader_id", sa.BigInteger(), nullable=False),
        sa.Column("invite_code", sa.Text(), nullable=False),
        sa.Column("arena_points", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("version", sa.BigInteger(), server_default="0", nullable=False),
        sa.CheckConstraint("gold >= 0", name=op.f("ck_guilds_gold_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guilds")),
        sa.UniqueConstraint("name_key", name=op.f("uq_guilds_name_key")),
        sa.UniqueConstraint("tag_key", name=op.f("uq_guilds_tag_key")),
        sa.UniqueConstraint("invite_code", name=op.f("uq_guilds_invite_code")),
    )
    op.create_index("ix_guilds_board", "guilds", [sa.text("level DESC"), sa.text("xp DESC")])
    op.create_table(
        "guild_members",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("rank", sa.Text(), nullable=False),
        sa.Column("joined_at", sa.Double(), nullable=False),
        sa.Column("last_active", sa.Double(), nullable=False),
        sa.Column("contributed", sa.BigInteger(), server_default="0", nullable=False),
        _guild_fk("guild_members"),
        _player_fk("guild_members"),
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_guild_members")),
    )
    op.create_index("ix_guild_members_guild_id", "guild_members", ["guild_id"])
    op.create_table(
        "guild_pending",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        _guild_fk("guild_pending"),
        _player_fk("guild_pending"),
        sa.PrimaryKeyConstraint("guild_id", "player_id", "kind", name=op.f("pk_guild_pending")),
    )
    op.create_index("ix_guild_pending_player_id", "guild_pending", ["player_id"])
    op.create_table(
        "guild_bank_items",
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_guild_bank_items_quantity_positive")),
        _guild_fk("guild_bank_items"),
        sa.PrimaryKeyConstraint("guild_id", "item_id", name=op.f("pk_guild_bank_items")),
    )
    op.create_table(
        "guild_ledger",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("player_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Text(), nullable=True),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        _guild_fk("guild_ledger"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guild_ledger")),
    )
    op.create_index("ix_guild_ledger_guild_id_id", "guild_ledger", ["guild_id", sa.text("id DESC")])

    op.create_table(
        "arena_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("season", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arena_state")),
    )
    op.create_table(
        "arena_ratings",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("games", sa.Integer(), server_default="0", nullable=False),
        sa.Column("season_wins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("season_losses", sa.Integer(), server_default="0", nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("fights_today", sa.Integer(), server_default="0", nullable=False),
        sa.Column("offer_id", sa.BigInteger(), nullable=True),
        _player_fk("arena_ratings"),
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_arena_ratings")),
    )
    op.create_index("ix_arena_ratings_rating", "arena_ratings", [sa.text("rating DESC")])
    op.create_table(
        "arena_fights",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("season", sa.Integer(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("challenger_id", sa.BigInteger(), nullable=False),
        sa.Column("defender_id", sa.BigInteger(), nullable=False),
        sa.Column("winner_id", sa.BigInteger(), nullable=False),
        sa.Column("rounds", sa.Integer(), nullable=False),
        sa.Column("challenger_before", sa.Integer(), nullable=False),
        sa.Column("challenger_after", sa.Integer(), nullable=False),
        sa.Column("defender_before", sa.Integer(), nullable=False),
        sa.Column("defender_after", sa.Integer(), nullable=False),
        sa.Column("avenged", sa.Boolean(), server_default="false", nullable=False),
        sa.ForeignKeyConstraint(
            ["challenger_id"],
            ["characters.player_id"],
            name=op.f("fk_arena_fights_challenger_id_characters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["defender_id"],
            ["characters.player_id"],
            name=op.f("fk_arena_fights_defender_id_characters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arena_fights")),
    )
    op.create_index("ix_arena_fights_challenger_id", "arena_fights", ["challenger_id", sa.text("id DESC")])
    op.create_index("ix_arena_fights_defender_id", "arena_fights", ["defender_id", sa.text("id DESC")])
    op.create_index("ix_arena_fights_season", "arena_fights", ["season"])
    op.create_table(
        "arena_season_results",
        sa.Column("season", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("prize", sa.BigInteger(), nullable=False),
        _player_fk("arena_season_results"),
        sa.PrimaryKeyConstraint("season", "player_id", name=op.f("pk_arena_season_results")),
    )


def downgrade() -> None:
    op.drop_table("arena_season_results")
    op.drop_table("arena_fights")
    op.drop_table("arena_ratings")
    op.drop_table("arena_state")
    op.drop_table("guild_ledger")
    op.drop_table("guild_bank_items")
    op.drop_table("guild_pending")
    op.drop_table("guild_members")
    op.drop_table("guilds")
