"""The arena: one's rating and place, the opponent found, revenge, the latest fights, a fight's outcome,
the ladder, and the defender's notice."""

from __future__ import annotations

from bot.callbacks import nav
from bot.guild_callbacks import ArenaCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import MEDALS, duration, literal, signed, with_notice
from bot.views.guild import tagged
from bot.views.keyboard import KeyboardBuilder
from game.api import ClassInfo
from game.api.arena import ArenaFightView, ArenaLadder, ArenaOpponent, ArenaResult, ArenaStanding, ArenaView


def _classes(t: Translator, classes: list[ClassInfo]) -> dict[str, str]:
    return {c.id: t.pick(c.name) for c in classes}


def _rating(t: Translator, s: ArenaStanding) -> str:
    return t("arena-rating-provisional", rating=s.rating) if s.provisional else t("arena-rating", rating=s.rating)


def _opponent(t: Translator, o: ArenaOpponent, names: dict[str, str]) -> str:
    return t(
        "arena-opponent",
        name=literal(o.name),
        class_name=names.get(o.class_id, o.class_id),
        level=o.level,
        rating=o.rating,
    )


def _fight_line(t: Translator, f: ArenaFightView, me: int) -> str:
    attacked = f.challenger_id == me
    won = f.winner_id == me
    change = signed(t, f.challenger_change if attacked else f.defender_change)
    other = literal(f.defender_name if attacked else f.challenger_name)
    if attacked and won:
        return t("arena-line-won", name=other, change=change)
    if attacked:
        return t("arena-line-lost", name=other, change=change)
    if won:
        return t("arena-line-defended", name=other, change=change)
    return t("arena-line-fell", name=other, change=change)


def home(t: Translator, view: ArenaView, classes: list[ClassInfo], *, notice: str | None = None) -> Screen:
    names = _classes(t, classes)
    me = view.me
    lines = [
        t("arena-title"),
        _rating(t, me),
        t("arena-rank", rank=me.rank) if me.rank else t("arena-unranked"),
        t("arena-season", wins=me.wins, losses=me.losses, left=duration(t, view.season_seconds_left)),
        t("arena-fights-left", left=view.fights_left, cap=view.daily_cap),
    ]
    kb = KeyboardBuilder()
    if view.offer is not None:
        lines += ["", t("arena-offer"), _opponent(t, view.offer, names)]
        kb.button(
            text=t("btn-arena-fight", name=view.offer.name), callback_data=ArenaCb(act="fight", id=view.offer.player_id)
        )
    if view.revenge:
        lines += ["", t("arena-revenge")]
        for o in view.revenge:
            lines.append(_opponent(t, o, names))
            kb.button(text=t("btn-arena-revenge", name=o.name), callback_data=ArenaCb(act="fight", id=o.player_id))
    if view.recent:
        lines += ["", t("arena-recent"), *(_fight_line(t, f, me.player_id) for f in view.recent)]
    lines += ["", t("arena-rules")]
    if view.fights_left > 0:
        kb.button(text=t("btn-arena-find"), callback_data=ArenaCb(act="find"))
    kb.button(text=t("btn-arena-top"), callback_data=ArenaCb(act="top"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(1)
    return Screen(with_notice(notice, lines), kb.as_markup())


def outcome(t: Translator, result: ArenaResult) -> str:
    f = result.fight
    if result.won:
        return t("arena-won", name=literal(f.defender_name), rounds=f.rounds, change=signed(t, f.challenger_change))
    return t("arena-lost", name=literal(f.defender_name), rounds=f.rounds, change=signed(t, f.challenger_change))


def ladder(t: Translator, board: ArenaLadder, classes: list[ClassInfo]) -> Screen:
    names = _classes(t, classes)
    lines = [t("arena-ladder-title"), ""]
    if not board.top:
        lines.append(t("arena-ladder-empty"))
    me = board.me.player_id if board.me else None
    for s in board.top:
        line = t(
            "arena-ladder-row",
            rank=MEDALS.get(s.rank or 0, f"{s.rank}."),
            name=tagged(s.name, s.guild_tag),
            class_name=names.get(s.class_id, s.class_id),
            rating=s.rating,
            wins=s.wins,
            losses=s.losses,
        )
        lines.append(f"<b>{line}</b>" if s.player_id == me else line)
    if board.me is not None and all(s.player_id != me for s in board.top):
        lines += ["", t("arena-ladder-me", rank=board.me.rank) if board.me.rank else t("arena-unranked")]
        lines.append(_rating(t, board.me))
    kb = KeyboardBuilder()
    kb.button(text=t("btn-arena"), callback_data=ArenaCb(act="home"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    return Screen("\n".join(lines), kb.as_markup())


def defended(t: Translator, *, challenger_id: int, name: str, won: bool, change: int, rating: int) -> Screen:
    args = {"name": literal(name), "change": signed(t, change), "rating": rating}
    text = t("arena-notice-defended", **args) if won else t("arena-notice-fell", **args)
    kb = KeyboardBuilder()
    if not won:
        kb.button(text=t("btn-arena-revenge", name=name), callback_data=ArenaCb(act="fight", id=challenger_id))
    kb.button(text=t("btn-arena"), callback_data=ArenaCb(act="home"))
    kb.adjust(1)
    return Screen(text, kb.as_markup())
