"""The durable schema (SQLAlchemy Core). Alembic migrations create it; this is their source of truth."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Sequence,
    Table,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _player_column(*, primary_key: bool = False) -> Column[int]:
    """The owning player: a character's row, removed with it."""
    return Column(
        "player_id",
        BigInteger,
        ForeignKey("characters.player_id", ondelete="CASCADE"),
        primary_key=primary_key,
        autoincrement=False,
        nullable=False,
    )


characters = Table(
    "characters",
    metadata,
    Column("player_id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, unique=True),
    Column("class_id", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("xp", BigInteger, nullable=False),
    Column("gold", BigInteger, nullable=False),
    Column("strength", Integer, nullable=False),
    Column("agility", Integer, nullable=False),
    Column("intellect", Integer, nullable=False),
    Column("vitality", Integer, nullable=False),
    Column("stat_points", Integer, nullable=False),
    Column("skill_points", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Bumped by every durable change; buttons carry the version they were drawn for, so a repeated
    # press of "craft" or "sell" is recognised instead of acted on twice.
    Column("version", BigInteger, nullable=False, server_default="0"),
)

# Hot state as of the last snapshot. Rewritten every few minutes, so it lives apart from `characters`
# and leaves half of each page free: updates stay on their page (HOT) and skip index maintenance.
accounts = Table(
    "accounts",
    metadata,
    _player_column(primary_key=True),
    Column("location_id", Text, nullable=False),
    Column("hp", Integer, nullable=False),
    Column("mana", Integer, nullable=False),
    Column("stamina", Double, nullable=False),
    Column("stamina_at", Double, nullable=False),
    Column("activity", Text, nullable=False, server_default="idle"),
    Column("fight", JSONB, nullable=True),  # the running fight (Redis `fight` field); NULL: none
    Column("saved_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    postgresql_with={"fillfactor": 50},
)

inventory_items = Table(
    "inventory_items",
    metadata,
    _player_column(),
    Column("item_id", Text, nullable=False),
    Column("quantity", Integer, nullable=False),
    PrimaryKeyConstraint("player_id", "item_id"),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)

equipment = Table(
    "equipment",
    metadata,
    _player_column(),
    Column("slot", Text, nullable=False),
    Column("item_id", Text, nullable=False),
    PrimaryKeyConstraint("player_id", "slot"),
)

learned_skills = Table(
    "learned_skills",
    metadata,
    _player_column(),
    Column("skill_id", Text, nullable=False),
    PrimaryKeyConstraint("player_id", "skill_id"),
)

# One row per reward ever granted (a won fight, a treasure, a gathered node): inserting it in the
# transaction that pays out makes a second payout of the same source impossible.
reward_claims = Table(
    "reward_claims",
    metadata,
    _player_column(),
    Column("source_id", Text, nullable=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("player_id", "source_id"),
)

Index("ix_characters_leaderboard", characters.c.level.desc(), characters.c.xp.desc())

# --- rifts and world bosses (migration 0003) ------------------------------------------------------

# A rift is its seed: floors and rewards are regenerated from it, so a row is all a restart needs.
rifts = Table(
    "rifts",
    metadata,
    Column("id", Text, primary_key=True),
    Column("location_id", Text, nullable=False),
    Column("tier", Integer, nullable=False),
    Column("template_id", Text, nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("opened_at", Double, nullable=False),
    Column("closes_at", Double, nullable=False),
    Column("status", Text, nullable=False, server_default="open"),
    Column("collapsed_at", Double, nullable=True),
)
Index("ix_rifts_open_closes_at", rifts.c.closes_at, postgresql_where=rifts.c.status == "open")

# Where each player is in a rift, written with every step so a restart (or a flushed Redis) loses nothing.
rift_runs = Table(
    "rift_runs",
    metadata,
    Column("rift_id", Text, ForeignKey("rifts.id", ondelete="CASCADE"), nullable=False),
    _player_column(),
    Column("floor", Integer, nullable=False, server_default="0"),
    Column("step", Integer, nullable=False, server_default="0"),
    Column("status", Text, nullable=False, server_default="active"),
    Column("fighting", Boolean, nullable=False, server_default="false"),
    Column("gold", BigInteger, nullable=False, server_default="0"),
    Column("items", JSONB, nullable=False, server_default="{}"),
    Column("reward_paid", Boolean, nullable=False, server_default="false"),
    Column("fights_xp", BigInteger, nullable=False, server_default="0"),
    Column("fights_gold", BigInteger, nullable=False, server_default="0"),
    Column("fights_items", JSONB, nullable=False, server_default="{}"),
    Column("entered_at", Double, nullable=False),
    Column("updated_at", Double, nullable=False),
    PrimaryKeyConstraint("rift_id", "player_id"),
)
# One active run per player, whatever races: the index, not a check before the insert, decides.
Index("ix_rift_runs_one_active", rift_runs.c.player_id, unique=True, postgresql_where=rift_runs.c.status == "active")
Index("ix_rift_runs_player_updated", rift_runs.c.player_id, rift_runs.c.updated_at.desc())

world_bosses = Table(
    "world_bosses",
    metadata,
    Column("id", Text, primary_key=True),
    Column("boss_def_id", Text, nullable=False),
    Column("monster_id", Text, nullable=False),
    Column("location_id", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("max_hp", BigInteger, nullable=False),
    Column("hp_left", BigInteger, nullable=False),  # last checkpoint while alive, final once ended
    Column("cooldown_ms", Integer, nullable=False),
    Column("spawned_at", Double, nullable=False),
    Column("deadline", Double, nullable=False),
    Column("status", Text, nullable=False, server_default="alive"),
    Column("killer_id", BigInteger, nullable=True),
    Column("ended_at", Double, nullable=True),
    Column("announced", Boolean, nullable=False, server_default="false"),
    # Its final tallies and leaderboard totals were recorded (by the settlement, after the blow that ended it).
    Column("tallied", Boolean, nullable=False, server_default="false"),
)
Index(
    "ix_world_bosses_one_alive_per_location",
    world_bosses.c.location_id,
    unique=True,
    postgresql_where=world_bosses.c.status == "alive",
)
# The settlement's queue: bosses that ended and are not yet paid and announced (migration 0010).
Index(
    "ix_world_bosses_unsettled",
    world_bosses.c.ended_at,
    postgresql_where=(world_bosses.c.status != "alive") & world_bosses.c.announced.is_(False),
)

# Per boss and player: the tally (checkpointed while alive, final once ended) and whether it paid out.
boss_damage = Table(
    "boss_damage",
    metadata,
    Column("boss_id", Text, ForeignKey("world_bosses.id", ondelete="CASCADE"), nullable=False),
    _player_column(),
    Column("damage", BigInteger, nullable=False),
    Column("paid", Boolean, nullable=False, server_default="false"),
    PrimaryKeyConstraint("boss_id", "player_id"),
)

# The boss damage leaderboard, added to once per ended boss (in the transaction that ends it).
boss_damage_totals = Table(
    "boss_damage_totals",
    metadata,
    _player_column(primary_key=True),
    Column("damage", BigInteger, nullable=False),
    Column("bosses", Integer, nullable=False),
)
Index("ix_boss_damage_totals_rank", boss_damage_totals.c.damage.desc())

# Per-player preferences the game needs to know, e.g. which notifications to send and whether the
# player can be reached at all (they blocked the bot).
player_settings = Table(
    "player_settings",
    metadata,
    _player_column(primary_key=True),
    Column("muted", ARRAY(Text), nullable=False, server_default="{}"),
    Column("unreachable_since", DateTime(timezone=True), nullable=True),
)

# --- guilds (migration 0007) ----------------------------------------------------------------------

guilds = Table(
    "guilds",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, unique=True),  # folded like characters' names
    Column("tag", Text, nullable=False),
    Column("tag_key", Text, nullable=False, unique=True),
    Column("level", Integer, nullable=False, server_default="1"),
    Column("xp", BigInteger, nullable=False, server_default="0"),
    Column("gold", BigInteger, nullable=False, server_default="0"),
    Column("gold_peak", BigInteger, nullable=False, server_default="0"),
    Column("leader_id", BigInteger, nullable=False),
    Column("invite_code", Text, nullable=False, unique=True),
    Column("arena_points", BigInteger, nullable=False, server_default="0"),
    Column("created_at", Double, nullable=False),
    Column("version", BigInteger, nullable=False, server_default="0"),
    CheckConstraint("gold >= 0", name="gold_not_negative"),
)
Index("ix_guilds_board", guilds.c.level.desc(), guilds.c.xp.desc())

# One row per player at most: the primary key, not a check before the insert, makes it one guild each.
guild_members = Table(
    "guild_members",
    metadata,
    _player_column(primary_key=True),
    Column("guild_id", BigInteger, ForeignKey("guilds.id", ondelete="CASCADE"), nullable=False),
    Column("rank", Text, nullable=False),
    Column("joined_at", Double, nullable=False),
    Column("last_active", Double, nullable=False),
    Column("contributed", BigInteger, nullable=False, server_default="0"),
)
Index("ix_guild_members_guild_id", guild_members.c.guild_id)

# Invitations (an officer asked a player) and requests (a player asked a guild), waiting for an answer.
guild_pending = Table(
    "guild_pending",
    metadata,
    Column("guild_id", BigInteger, ForeignKey("guilds.id", ondelete="CASCADE"), nullable=False),
    _player_column(),
    Column("kind", Text, nullable=False),
    Column("at", Double, nullable=False),
    PrimaryKeyConstraint("guild_id", "player_id", "kind"),
)
Index("ix_guild_pending_player_id", guild_pending.c.player_id)

guild_bank_items = Table(
    "guild_bank_items",
    metadata,
    Column("guild_id", BigInteger, ForeignKey("guilds.id", ondelete="CASCADE"), nullable=False),
    Column("item_id", Text, nullable=False),
    Column("quantity", Integer, nullable=False),
    PrimaryKeyConstraint("guild_id", "item_id"),
    CheckConstraint("quantity > 0", name="quantity_positive"),
)

# Every movement of the bank, for its members to read.
guild_ledger = Table(
    "guild_ledger",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("guild_id", BigInteger, ForeignKey("guilds.id", ondelete="CASCADE"), nullable=False),
    Column("at", Double, nullable=False),
    Column("player_id", BigInteger, nullable=True),
    Column("kind", Text, nullable=False),
    Column("item_id", Text, nullable=True),
    Column("quantity", BigInteger, nullable=False),
)
Index("ix_guild_ledger_guild_id_id", guild_ledger.c.guild_id, guild_ledger.c.id.desc())

# --- the arena (migration 0007) -------------------------------------------------------------------

# The season running: one row, held shared by every fight and exclusively by the job that closes it.
arena_state = Table(
    "arena_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("season", Integer, nullable=False),
)

arena_ratings = Table(
    "arena_ratings",
    metadata,
    _player_column(primary_key=True),
    Column("rating", Integer, nullable=False),
    Column("games", Integer, nullable=False, server_default="0"),
    Column("season_wins", Integer, nullable=False, server_default="0"),
    Column("season_losses", Integer, nullable=False, server_default="0"),
    Column("day", Integer, nullable=False),
    Column("fights_today", Integer, nullable=False, server_default="0"),
    Column("offer_id", BigInteger, nullable=True),
)
Index("ix_arena_ratings_rating", arena_ratings.c.rating.desc())

arena_fights = Table(
    "arena_fights",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("season", Integer, nullable=False),
    Column("at", Double, nullable=False),
    Column("challenger_id", BigInteger, ForeignKey("characters.player_id", ondelete="CASCADE"), nullable=False),
    Column("defender_id", BigInteger, ForeignKey("characters.player_id", ondelete="CASCADE"), nullable=False),
    Column("winner_id", BigInteger, nullable=False),
    Column("rounds", Integer, nullable=False),
    Column("challenger_before", Integer, nullable=False),
    Column("challenger_after", Integer, nullable=False),
    Column("defender_before", Integer, nullable=False),
    Column("defender_after", Integer, nullable=False),
    Column("avenged", Boolean, nullable=False, server_default="false"),
)
Index("ix_arena_fights_challenger_id", arena_fights.c.challenger_id, arena_fights.c.id.desc())
Index("ix_arena_fights_defender_id", arena_fights.c.defender_id, arena_fights.c.id.desc())
Index("ix_arena_fights_season", arena_fights.c.season)

# Each season's final places and prizes: the primary key makes a prize paid once.
arena_season_results = Table(
    "arena_season_results",
    metadata,
    Column("season", Integer, nullable=False),
    _player_column(),
    Column("rank", Integer, nullable=False),
    Column("rating", Integer, nullable=False),
    Column("prize", BigInteger, nullable=False),
    PrimaryKeyConstraint("season", "player_id"),
)


# --- the player economy (migration 0009) ---------------------------------------------------------

# Orders on the exchange. Escrow is implied: an open buy order holds `remaining * price` gold, an open
# sell order `remaining` items; both were taken from the owner in the transaction that inserted the row.
exchange_order_ids = Sequence("exchange_order_ids", metadata=metadata)
exchange_orders = Table(
    "exchange_orders",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),  # drawn from `exchange_order_ids`
    _player_column(),
    Column("item_id", Text, nullable=False),
    Column("side", Text, nullable=False),
    Column("price", BigInteger, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("remaining", Integer, nullable=False),
    Column("status", Text, nullable=False, server_default="open"),
    Column("placed_at", Double, nullable=False),
    Column("expires_at", Double, nullable=False),
    Column("closed_at", Double, nullable=True),
    CheckConstraint("side IN ('buy', 'sell')", name="side_known"),
    CheckConstraint("price > 0 AND quantity > 0 AND remaining >= 0 AND remaining <= quantity", name="amounts"),
)
# The book: the open orders of one item and side in matching order.
Index(
    "ix_exchange_orders_book",
    exchange_orders.c.item_id,
    exchange_orders.c.side,
    exchange_orders.c.price,
    exchange_orders.c.placed_at,
    postgresql_where=exchange_orders.c.status == "open",
)
Index("ix_exchange_orders_player", exchange_orders.c.player_id, exchange_orders.c.id.desc())
Index("ix_exchange_orders_expiry", exchange_orders.c.expires_at, postgresql_where=exchange_orders.c.status == "open")

# Every trade, once: the price history, the 24-hour volume, "my trades" and the fees taken.
exchange_fills = Table(
    "exchange_fills",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("item_id", Text, nullable=False),
    Column("buy_order_id", BigInteger, nullable=False),
    Column("sell_order_id", BigInteger, nullable=False),
    Column("buyer_id", BigInteger, nullable=False),
    Column("seller_id", BigInteger, nullable=False),
    Column("price", BigInteger, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("fee", BigInteger, nullable=False),
    Column("taker", Text, nullable=False),
    Column("at", Double, nullable=False),
)
Index("ix_exchange_fills_item_at", exchange_fills.c.item_id, exchange_fills.c.at)
Index("ix_exchange_fills_at", exchange_fills.c.at)
Index("ix_exchange_fills_buyer", exchange_fills.c.buyer_id, exchange_fills.c.id.desc())
Index("ix_exchange_fills_seller", exchange_fills.c.seller_id, exchange_fills.c.id.desc())

# What the exchange paid a player and they have not collected yet: gold, and items by id.
# No foreign key to `characters`: its check would take a share lock on the player's row while the book is
# locked, and a player whose row is locked waiting for that book would deadlock with it.
exchange_counters = Table(
    "exchange_counters",
    metadata,
    Column("player_id", BigInteger, primary_key=True, autoincrement=False),
    Column("gold", BigInteger, nullable=False, server_default="0"),
    Column("items", JSONB, nullable=False, server_default="{}"),
    CheckConstraint("gold >= 0", name="gold_not_negative"),
)

daily_streaks = Table(
    "daily_streaks",
    metadata,
    _player_column(primary_key=True),
    Column("days", Integer, nullable=False),
    Column("last_claim_at", Double, nullable=False),
)
Index("ix_daily_streaks_last_claim_at", daily_streaks.c.last_claim_at)

# Progress towards the day's and the week's bounties, per period; `paid` is set in the payout's transaction.
# No foreign key, for the reason `exchange_counters` has none: a trade counts here while its book is locked.
bounty_progress = Table(
    "bounty_progress",
    metadata,
    Column("player_id", BigInteger, nullable=False, autoincrement=False),
    Column("period", Text, nullable=False),
    Column("bounty_id", Text, nullable=False),
    Column("progress", Integer, nullable=False),
    Column("paid", Boolean, nullable=False, server_default="false"),
    PrimaryKeyConstraint("player_id", "period", "bounty_id"),
)

# Direct trades between two players: each side's offer, the offer's version and who confirmed it.
trade_offers = Table(
    "trade_offers",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),  # drawn from `exchange_order_ids`
    Column("a_id", BigInteger, ForeignKey("characters.player_id", ondelete="CASCADE"), nullable=False),
    Column("b_id", BigInteger, ForeignKey("characters.player_id", ondelete="CASCADE"), nullable=False),
    Column("a_gold", BigInteger, nullable=False, server_default="0"),
    Column("a_items", JSONB, nullable=False, server_default="{}"),
    Column("b_gold", BigInteger, nullable=False, server_default="0"),
    Column("b_items", JSONB, nullable=False, server_default="{}"),
    Column("version", Integer, nullable=False),
    Column("a_ok", Boolean, nullable=False, server_default="false"),
    Column("b_ok", Boolean, nullable=False, server_default="false"),
    Column("status", Text, nullable=False, server_default="open"),
    Column("created_at", Double, nullable=False),
    Column("expires_at", Double, nullable=False),
)
Index("ix_trade_offers_a", trade_offers.c.a_id, trade_offers.c.id.desc())
Index("ix_trade_offers_b", trade_offers.c.b_id, trade_offers.c.id.desc())

# Who invited whom (`/start ref_<code>`); `rewarded` once the invitee reached the reward's level.
invitations = Table(
    "invitations",
    metadata,
    Column(
        "invitee_id",
        BigInteger,
        ForeignKey("characters.player_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("inviter_id", BigInteger, ForeignKey("characters.player_id", ondelete="CASCADE"), nullable=False),
    Column("rewarded", Boolean, nullable=False, server_default="false"),
    Column("at", Double, nullable=False),
)
Index("ix_invitations_inviter", invitations.c.inviter_id)

# The day's gold sources and sinks by kind (fights, shop, fees, …), for the economy report; a few shards
# a day and kind, so concurrent payouts rarely wait for each other.
gold_flows = Table(
    "gold_flows",
    metadata,
    Column("day", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("shard", Integer, nullable=False),
    Column("amount", BigInteger, nullable=False),
    PrimaryKeyConstraint("day", "source", "shard"),
)
