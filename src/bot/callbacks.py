"""Callback data factories: every button says exactly what it acts on."""

from __future__ import annotations

from functools import cache
from typing import Self

from aiogram.filters.callback_data import CallbackData


class NavCb(CallbackData, prefix="nav"):
    """Open a screen: menu, sheet, look, settings."""

    to: str


@cache
def nav(to: str) -> str:
    """The packed `NavCb` of a button opening screen `to`: built once, not on every screen drawn with it."""
    return NavCb(to=to).pack()


class ClassCb(CallbackData, prefix="cls"):
    class_id: str


class TravelCb(CallbackData, prefix="go"):
    # The origin tells a button from an old map apart from a forged or mistaken destination.
    origin: str
    dest: str


class GoAnywayCb(CallbackData, prefix="gox"):
    """A road taken after its warning (a zone far above the player, or setting out hurt)."""

    origin: str
    dest: str


class LangCb(CallbackData, prefix="lang"):
    code: str


# --- play: every action button carries what the game needs to recognise a stale press -----------
# Callback data is at most 64 bytes: ids are short snake_case (the longest, a recipe id, is 28).


class StatCb(CallbackData, prefix="stat"):
    stat: str  # strength | agility | intellect | vitality
    v: int  # the sheet's version


class ExploreCb(CallbackData, prefix="ex"):
    # Where the button was drawn; None from the main menu (explores wherever the player is).
    loc: str | None = None
    # The button's once-only token, drawn with it: a second press of it (or Telegram re-delivering the
    # press) explores nothing and redraws the current screen.
    t: str | None = None

    @classmethod
    def unpack(cls, value: str) -> Self:
        # A button drawn before buttons carried a token ("ex:<loc>") explores as it always did.
        if value.count(cls.__separator__) == 1:
            value += cls.__separator__
        return super().unpack(value)


class FightCb(CallbackData, prefix="f"):
    cid: str  # combat id
    turn: int
    act: str  # attack | skill | item | flee
    arg: str | None = None  # the skill or item id


class InvCb(CallbackData, prefix="inv"):
    act: str  # page | item | equip | use | unequip | sell
    id: str | None = None  # item id, or the slot for unequip
    v: int = 0  # the inventory's version, for actions
    p: int = 0  # the page to come back to


class DropCb(CallbackData, prefix="drop"):
    """Throw `q` of an item away; `ok` once confirmed (equipment and rare items ask first)."""

    id: str
    q: int
    v: int  # the inventory's version
    ok: bool = False
    p: int = 0


class ShopCb(CallbackData, prefix="shop"):
    """`act`: buy | sell (a page of that tab), b (buy), s (sell). Gear is bought once confirmed (`ok`)."""

    act: str
    id: str | None = None
    q: int = 0
    v: int = 0
    p: int = 0
    ok: bool = False


class InnCb(CallbackData, prefix="inn"):
    act: str  # rest


class ForgeCb(CallbackData, prefix="fg"):
    act: str  # page | craft
    id: str | None = None  # recipe id
    v: int = 0
    p: int = 0


class SkillCb(CallbackData, prefix="sk"):
    id: str
    v: int


# --- the player economy ---------------------------------------------------------------------------


class MarketCb(CallbackData, prefix="mk"):
    """The market: `act` is index | item | order (ask for amounts) | quick (one unit at a shown price) |
    mine | cancel | collect | trades | chart. A quick trade carries its price, so an old button trades
    at the price it showed (a limit order) or rests; a cancel carries its order id."""

    act: str
    id: str | None = None  # item id
    side: str | None = None  # buy | sell
    o: int = 0  # order id
    p: int = 0  # price per unit


class DailyCb(CallbackData, prefix="dly"):
    act: str  # show | claim | bounty
    id: str | None = None  # the bounty claimed


class TradeCb(CallbackData, prefix="td"):
    """A direct trade: `act` is list | show | gold | item | clear | ok | cancel; each change and the
    confirmation carry the offer's version `v`, so a press on an older offer changes nothing."""

    act: str
    t: int = 0  # trade id
    v: int = 0  # the offer's version
    g: int = 0  # gold to add
    id: str | None = None  # an item to add one of
