"""the player economy: exchange orders, fills and counters; daily streaks; bounties; trades; invitations; gold flows

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _player(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["player_id"], ["characters.player_id"], name=op.f(f"fk_{table}_player_id_characters"), ondelete="CASCADE"
        ),
    )


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("exchange_order_ids")))
    player, player_fk = _player("exchange_orders")
    op.create_table(
        "exchange_orders",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        player,
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("side", sa.Text(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        sa.Column("placed_at", sa.Double(), nullable=False),
        sa.Column("expires_at", sa.Double(), nullable=False),
        sa.Column("closed_at", sa.Double(), nullable=True),
        sa.CheckConstraint("side IN ('buy', 'sell')", name=op.f("ck_exchange_orders_side_known")),
        sa.CheckConstraint(
            "price > 0 AND quantity > 0 AND remaining >= 0 AND remaining <= quantity",
            name=op.f("ck_exchange_orders_amounts"),
        ),
        player_fk,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_orders")),
    )
    op.create_index(
        "ix_exchange_orders_book",
        "exchange_orders",
        ["item_id", "side", "price", "placed_at"],
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_index("ix_exchange_orders_player", "exchange_orders", ["player_id", sa.text("id DESC")])
    op.create_index(
        "ix_exchange_orders_expiry", "exchange_orders", ["expires_at"], postgresql_where=sa.text("status = 'open'")
    )
    op.create_table(
        "exchange_fills",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("buy_order_id", sa.BigInteger(), nullable=False),
        sa.Column("sell_order_id", sa.BigInteger(), nullable=False),
        sa.Column("buyer_id", sa.BigInteger(), nullable=False),
        sa.Column("seller_id", sa.BigInteger(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("fee", sa.BigInteger(), nullable=False),
        sa.Column("taker", sa.Text(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_fills")),
    )
    op.create_index("ix_exchange_fills_item_at", "exchange_fills", ["item_id", "at"])
    op.create_index("ix_exchange_fills_at", "exchange_fills", ["at"])
    op.create_index("ix_exchange_fills_buyer", "exchange_fills", ["buyer_id", sa.text("id DESC")])
    op.create_index("ix_exchange_fills_seller", "exchange_fills", ["seller_id", sa.text("id DESC")])
    op.create_table(
        "exchange_counters",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("gold", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("items", postgresql.JSONB(), server_default="{}", nullable=False),
        sa.CheckConstraint("gold >= 0", name=op.f("ck_exchange_counters_gold_not_negative")),
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_exchange_counters")),
    )
    player, player_fk = _player("daily_streaks")
    op.create_table(
        "daily_streaks",
        player,
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("last_claim_at", sa.Double(), nullable=False),
        player_fk,
        sa.PrimaryKeyConstraint("player_id", name=op.f("pk_daily_streaks")),
    )
    op.create_index("ix_daily_streaks_last_claim_at", "daily_streaks", ["last_claim_at"])
    op.create_table(
        "bounty_progress",
        sa.Column("player_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("bounty_id", sa.Text(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("paid", sa.Boolean(), server_default="false", nullable=False),
        sa.PrimaryKeyConstraint("player_id", "period", "bounty_id", name=op.f("pk_bounty_progress")),
    )
    op.create_table(
        "trade_offers",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("a_id", sa.BigInteger(), nullable=False),
        sa.Column("b_id", sa.BigInteger(), nullable=False),
        sa.Column("a_gold", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("a_items", postgresql.JSONB(), server_default="{}", nullable=False),
        sa.Column("b_gold", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("b_items", postgresql.JSONB(), server_default="{}", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("a_ok", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("b_ok", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("expires_at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["a_id"], ["characters.player_id"], name=op.f("fk_trade_offers_a_id_characters"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b_id"], ["characters.player_id"], name=op.f("fk_trade_offers_b_id_characters"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_offers")),
    )
    op.create_index("ix_trade_offers_a", "trade_offers", ["a_id", sa.text("id DESC")])
    op.create_index("ix_trade_offers_b", "trade_offers", ["b_id", sa.text("id DESC")])
    op.create_table(
        "invitations",
        sa.Column("invitee_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("inviter_id", sa.BigInteger(), nullable=False),
        sa.Column("rewarded", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitee_id"],
            ["characters.player_id"],
            name=op.f("fk_invitations_invitee_id_characters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["inviter_id"],
            ["characters.player_id"],
            name=op.f("fk_invitations_inviter_id_characters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("invitee_id", name=op.f("pk_invitations")),
    )
    op.create_index("ix_invitations_inviter", "invitations", ["inviter_id"])
    op.create_table(
        "gold_flows",
        sa.Column("day", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("shard", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "source", "shard", name=op.f("pk_gold_flows")),
    )


def downgrade() -> None:
    op.drop_table("gold_flows")
    op.drop_table("invitations")
    op.drop_table("trade_offers")
    op.drop_table("bounty_progress")
    op.drop_table("daily_streaks")
    op.drop_table("exchange_counters")
    op.drop_table("exchange_fills")
    op.drop_table("exchange_orders")
    op.execute(sa.schema.DropSequence(sa.Sequence("exchange_order_ids")))
