"""The guild: its home screen (or the way into one), members and ranks, the bank and its ledger, the board,
the invite link, and what members are told about their guild."""

from __future__ import annotations

from bot.callbacks import nav
from bot.guild_callbacks import GuildCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import MEDALS, item_label, item_noun, literal, noun, with_notice
from bot.views.keyboard import KeyboardBuilder
from game.api import InventoryView, ItemInfo
from game.api.guilds import GuildMember, GuildPending, GuildSummary, GuildView, LedgerPage, MyGuild

OFFICERS = ("leader", "officer")
RANK_MARKS = {"leader": "👑", "officer": "⭐", "member": "•"}


def tagged(name: str, tag: str | None) -> str:
    """A player's name with their guild's tag in front, as boards and messages show it (HTML-safe)."""
    return literal(f"[{tag}] {name}" if tag else name)


def _rank(t: Translator, rank: str) -> str:
    if rank == "leader":
        return t("guild-rank-leader")
    if rank == "officer":
        return t("guild-rank-officer")
    return t("guild-rank-member")


def _title(t: Translator, view: GuildView | GuildSummary) -> str:
    return t("guild-title", tag=literal(view.tag), name=literal(view.name), level=view.level)


def _back(t: Translator, kb: KeyboardBuilder) -> None:
    kb.button(text=t("btn-guild-home"), callback_data=GuildCb(act="home"))


# --- home ---------------------------------------------------------------------------------------------


def home(t: Translator, mine: MyGuild, *, notice: str | None = None) -> Screen:
    if mine.guild is None:
        return _outside(t, mine, notice)
    view = mine.guild
    lines = [
        _title(t, view),
        t("guild-xp", xp=view.xp, next=view.xp_next or view.xp) if view.xp_next else t("guild-xp-top", xp=view.xp),
        t("guild-members-count", count=len(view.members), max=view.perks.max_members),
        t("guild-bank-gold", gold=view.bank_gold),
        t("guild-perks", xp=view.perks.xp_bonus_percent, gold=view.perks.gold_bonus_percent),
        t("guild-my-rank", rank=_rank(t, view.my_rank or "member")),
    ]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-guild-members"), callback_data=GuildCb(act="members"))
    kb.button(text=t("btn-guild-bank"), callback_data=GuildCb(act="bank"))
    kb.button(text=t("btn-guild-ledger"), callback_data=GuildCb(act="ledger", p=1))
    kb.button(text=t("btn-guild-chat"), callback_data=GuildCb(act="chat"))
    if view.my_rank in OFFICERS:
        kb.button(text=t("btn-guild-invite"), callback_data=GuildCb(act="invite"))
        kb.button(text=t("btn-guild-link"), callback_data=GuildCb(act="link"))
        kb.button(text=t("btn-guild-requests", count=len(view.requests)), callback_data=GuildCb(act="requests"))
    kb.button(text=t("btn-guild-board"), callback_data=GuildCb(act="board"))
    if view.my_rank == "leader":
        kb.button(text=t("btn-guild-disband"), callback_data=GuildCb(act="disband", v=view.version))
    else:
        kb.button(text=t("btn-guild-leave"), callback_data=GuildCb(act="leave", v=view.version))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(2)
    return Screen(with_notice(notice, lines), kb.as_markup())


def _outside(t: Translator, mine: MyGuild, notice: str | None) -> Screen:
    lines = [t("guild-none"), "", t("guild-none-hint", cost=mine.founding_cost)]
    kb = KeyboardBuilder()
    if mine.invitations:
        lines += ["", t("guild-invitations")]
        for inv in mine.invitations:
            lines.append(t("guild-invitation-line", tag=literal(inv.guild_tag), name=literal(inv.guild_name)))
            kb.button(
                text=t("btn-guild-accept", tag=literal(inv.guild_tag)),
                callback_data=GuildCb(act="accept", id=inv.guild_id),
            )
            kb.button(
                text=t("btn-guild-decline", tag=literal(inv.guild_tag)),
                callback_data=GuildCb(act="decline", id=inv.guild_id),
            )
    if mine.requests:
        lines += ["", t("guild-my-requests")]
        lines += [
            t("guild-invitation-line", tag=literal(r.guild_tag), name=literal(r.guild_name)) for r in mine.requests
        ]
    kb.button(text=t("btn-guild-found", cost=mine.founding_cost), callback_data=GuildCb(act="found"))
    kb.button(text=t("btn-guild-board"), callback_data=GuildCb(act="board"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*([2] * len(mine.invitations)), 1)
    return Screen(with_notice(notice, lines), kb.as_markup())


# --- members ------------------------------------------------------------------------------------------


def _member_line(t: Translator, m: GuildMember) -> str:
    return t(
        "guild-member-line",
        mark=RANK_MARKS.get(m.rank, "•"),
        name=literal(m.name),
        level=m.level,
        rank=_rank(t, m.rank),
    )


def members(t: Translator, view: GuildView, *, notice: str | None = None) -> Screen:
    lines = [_title(t, view), "", *(_member_line(t, m) for m in view.members)]
    kb = KeyboardBuilder()
    if view.my_rank == "officer" and view.leader_away:
        lines += ["", t("guild-leader-away")]
        kb.button(text=t("btn-guild-claim"), callback_data=GuildCb(act="claim"))
    if view.my_rank in OFFICERS:
        for m in view.members:
            if _acts_on(view, m):
                kb.button(
                    text=f"{RANK_MARKS.get(m.rank, '•')} {m.name}", callback_data=GuildCb(act="member", id=m.player_id)
                )
    _back(t, kb)
    kb.adjust(2)
    return Screen(with_notice(notice, lines), kb.as_markup())


def _acts_on(view: GuildView, m: GuildMember) -> bool:
    """Whether the viewer may do anything to this member: the leader to anyone else, an officer to members."""
    if m.rank == "leader":
        return False
    return view.my_rank == "leader" or (view.my_rank == "officer" and m.rank == "member")


def member(t: Translator, view: GuildView, member_id: int) -> Screen:
    m = next((x for x in view.members if x.player_id == member_id), None)
    if m is None or not _acts_on(view, m):
        return members(t, view, notice=t("guild-member-gone"))
    kb = KeyboardBuilder()
    v = view.version
    if view.my_rank == "leader":
        if m.rank == "member":
            kb.button(text=t("btn-guild-promote"), callback_data=GuildCb(act="promote", id=m.player_id, v=v))
        else:
            kb.button(text=t("btn-guild-demote"), callback_data=GuildCb(act="demote", id=m.player_id, v=v))
        kb.button(text=t("btn-guild-hand-over"), callback_data=GuildCb(act="lead", id=m.player_id, v=v))
    kb.button(text=t("btn-guild-kick"), callback_data=GuildCb(act="kick", id=m.player_id, v=v))
    kb.button(text=t("btn-guild-members"), callback_data=GuildCb(act="members"))
    kb.adjust(1)
    return Screen(_member_line(t, m), kb.as_markup())


def requests(t: Translator, view: GuildView) -> Screen:
    lines = [_title(t, view), "", t("guild-requests-title")]
    kb = KeyboardBuilder()
    if not view.requests:
        lines.append(t("guild-requests-none"))
    for r in view.requests:
        lines.append(t("guild-request-line", name=literal(r.player_name)))
        kb.button(
            text=t("btn-guild-yes", name=r.player_name),
            callback_data=GuildCb(act="yes", id=r.player_id, v=view.version),
        )
        kb.button(
            text=t("btn-guild-no", name=r.player_name), callback_data=GuildCb(act="no", id=r.player_id, v=view.version)
        )
    _back(t, kb)
    kb.adjust(*([2] * len(view.requests)), 1)
    return Screen("\n".join(lines), kb.as_markup())


def link(t: Translator, view: GuildView, bot_username: str) -> Screen:
    url = f"https://t.me/{bot_username}?start=g_{view.invite_code}"
    kb = KeyboardBuilder()
    _back(t, kb)
    return Screen(t("guild-link", tag=literal(view.tag), url=literal(url)), kb.as_markup())


# --- the bank -----------------------------------------------------------------------------------------


def bank(t: Translator, view: GuildView, *, notice: str | None = None) -> Screen:
    lines = [_title(t, view), "", t("guild-bank-gold", gold=view.bank_gold)]
    lines.append(t("guild-bank-slots", used=len(view.bank_items), slots=view.perks.bank_slots))
    lines += [f"• {item_label(t, s.item, s.quantity)}" for s in view.bank_items] or [t("guild-bank-empty")]
    officer = view.my_rank in OFFICERS
    if officer and view.bank_items:
        lines += ["", t("guild-bank-take-hint")]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-guild-deposit"), callback_data=GuildCb(act="deposit"))
    kb.button(text=t("btn-guild-give"), callback_data=GuildCb(act="give"))
    if officer:
        if view.bank_gold > 0:
            kb.button(text=t("btn-guild-withdraw"), callback_data=GuildCb(act="withdraw"))
        for s in view.bank_items:
            kb.button(
                text=t("btn-guild-take", **item_noun(t, "item", s.item, html=False)),
                callback_data=GuildCb(act="take", item=s.item.id, v=view.version),
            )
    _back(t, kb)
    kb.adjust(2)
    return Screen(with_notice(notice, lines), kb.as_markup())


def give(t: Translator, bag: InventoryView) -> Screen:
    """The bag's items, one button each: a press puts one in the bank."""
    kb = KeyboardBuilder()
    for entry in bag.items:
        kb.button(text=item_label(t, entry.item, entry.quantity), callback_data=GuildCb(act="put", item=entry.item.id))
    kb.button(text=t("btn-guild-bank"), callback_data=GuildCb(act="bank"))
    kb.adjust(2)
    return Screen(t("guild-give") if bag.items else t("guild-give-empty"), kb.as_markup())


def ledger(t: Translator, page: LedgerPage, items: dict[str, ItemInfo]) -> Screen:
    lines = [t("guild-ledger-title", page=page.page, pages=page.pages)]
    if not page.entries:
        lines.append(t("guild-ledger-empty"))
    for e in page.entries:
        who = literal(e.player_name or "—")
        known = items.get(e.item_id or "")
        item = item_noun(t, "item", known) if known else noun(t, "item", {"en": e.item_id or ""})
        if e.kind == "deposit_gold":
            lines.append(t("guild-ledger-deposit-gold", name=who, gold=e.quantity))
        elif e.kind == "withdraw_gold":
            lines.append(t("guild-ledger-withdraw-gold", name=who, gold=e.quantity))
        elif e.kind == "deposit_item":
            lines.append(t("guild-ledger-deposit-item", name=who, **item, count=e.quantity))
        elif e.kind == "withdraw_item":
            lines.append(t("guild-ledger-withdraw-item", name=who, **item, count=e.quantity))
        else:
            lines.append(t("guild-ledger-founded", name=who))
    kb = KeyboardBuilder()
    if page.page > 1:
        kb.button(text="◀", callback_data=GuildCb(act="ledger", p=page.page - 1))
    if page.page < page.pages:
        kb.button(text="▶", callback_data=GuildCb(act="ledger", p=page.page + 1))
    _back(t, kb)
    return Screen("\n".join(lines), kb.as_markup())


# --- the board ----------------------------------------------------------------------------------------


def board(t: Translator, rows: list[GuildSummary], mine: MyGuild) -> Screen:
    lines = [t("guild-board-title"), ""]
    if not rows:
        lines.append(t("guild-board-empty"))
    kb = KeyboardBuilder()
    asked = {r.guild_id for r in mine.requests}
    for rank, row in enumerate(rows, start=1):
        line = t(
            "guild-board-row",
            rank=MEDALS.get(rank, f"{rank}."),
            tag=literal(row.tag),
            name=literal(row.name),
            level=row.level,
            members=row.members,
        )
        own = mine.guild is not None and mine.guild.id == row.id
        lines.append(f"<b>{line}</b>" if own else line)
        if mine.guild is None and row.id not in asked:
            kb.button(text=t("btn-guild-ask", tag=row.tag), callback_data=GuildCb(act="request", id=row.id))
    kb.button(text=t("btn-guild-home"), callback_data=GuildCb(act="home"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


# --- prompts and notices ------------------------------------------------------------------------------


def ask(t: Translator, what: str) -> Screen:
    kb = KeyboardBuilder()
    _back(t, kb)
    if what == "name":
        return Screen(t("guild-ask-name"), kb.as_markup())
    if what == "tag":
        return Screen(t("guild-ask-tag"), kb.as_markup())
    if what == "invite":
        return Screen(t("guild-ask-invite"), kb.as_markup())
    if what == "deposit":
        return Screen(t("guild-ask-deposit"), kb.as_markup())
    if what == "withdraw":
        return Screen(t("guild-ask-withdraw"), kb.as_markup())
    return Screen(t("guild-ask-chat"), kb.as_markup())


def not_a_number(t: Translator) -> str:
    return t("guild-not-a-number")


def invited(t: Translator, pending: GuildPending) -> str:
    return t("guild-invited", name=literal(pending.player_name))


def founded(t: Translator) -> str:
    return t("guild-founded")


def joined(t: Translator) -> str:
    return t("guild-joined")


def asked_to_join(t: Translator) -> str:
    return t("guild-asked")


def left(t: Translator) -> str:
    return t("guild-left")


def sent(t: Translator, count: int) -> str:
    return t("guild-sent", count=count)


def deposited(t: Translator) -> str:
    return t("guild-deposited")


def notice(
    t: Translator, what: str, *, guild_id: int, tag: str, name: str | None, level: int | None, guild: str
) -> Screen:
    """What a member is told about their guild (and an invitee about the invitation)."""
    args = {"tag": literal(tag), "name": literal(name or "—"), "guild": literal(guild)}
    kb = KeyboardBuilder()
    if what == "invited":
        kb.button(text=t("btn-guild-accept", tag=literal(tag)), callback_data=GuildCb(act="accept", id=guild_id))
        kb.button(text=t("btn-guild-decline", tag=literal(tag)), callback_data=GuildCb(act="decline", id=guild_id))
        return Screen(t("guild-notice-invited", **args), kb.as_markup())
    if what == "requested":
        kb.button(text=t("btn-guild-requests-open"), callback_data=GuildCb(act="requests"))
        return Screen(t("guild-notice-requested", **args), kb.as_markup())
    if what == "joined":
        text = t("guild-notice-joined", **args)
    elif what == "left":
        text = t("guild-notice-left", **args)
    elif what == "kicked":
        text = t("guild-notice-kicked", **args)
    elif what == "promoted":
        text = t("guild-notice-promoted", **args)
    elif what == "demoted":
        text = t("guild-notice-demoted", **args)
    elif what == "new_leader":
        text = t("guild-notice-new-leader", **args)
    elif what == "level_up":
        text = t("guild-notice-level-up", level=level or 0, **args)
    else:
        text = t("guild-notice-disbanded", **args)
    kb.button(text=t("btn-guild"), callback_data=GuildCb(act="home"))
    return Screen(text, kb.as_markup())


def message(t: Translator, *, tag: str, author: str, text: str) -> Screen:
    kb = KeyboardBuilder()
    kb.button(text=t("btn-guild-reply"), callback_data=GuildCb(act="chat"))
    return Screen(t("guild-message", tag=literal(tag), name=literal(author), text=literal(text)), kb.as_markup())


# --- for admins -----------------------------------------------------------------------------------------


def admin_usage(t: Translator) -> Screen:
    return Screen(t("admin-guild-usage"))


def admin_lookup(t: Translator, view: GuildView) -> Screen:
    lines = [
        t("admin-guild", id=view.id, tag=literal(view.tag), name=literal(view.name), level=view.level),
        t("guild-bank-gold", gold=view.bank_gold),
        *(_member_line(t, m) for m in view.members),
    ]
    return Screen("\n".join(lines))


def admin_dissolved(t: Translator, guild_id: int, members: int) -> Screen:
    return Screen(t("admin-guild-dissolved", id=guild_id, members=members))


def founding_unaffordable(t: Translator, cost: int, gold: int) -> str:
    return t("err-not-enough-gold", needed=cost, have=gold)
