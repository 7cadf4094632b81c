"""Guilds on the in-memory fakes: founding, the three ways in, ranks, the bank and its ledger, the board."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.api import InventoryFull, NotEnoughGold, NotOwned, NotRegistered, StaleAction
from game.api.guilds import (
    AlreadyInGuild,
    GuildNameTaken,
    GuildNotFound,
    GuildNotPermitted,
    GuildRefused,
    InvalidGuildName,
    NotInGuild,
)
from game.domain.guilds import FOUNDING_COST, LEADER_INACTIVE_DAYS, fight_xp_share, perks
from shared.events import GuildMessage, GuildNotice
from tests.fakes.game import FakeGame
from tests.unit.application.play import meet, play_out


async def founded(game: FakeGame, leader: int = 1, *, name: str = "Iron Wolves", tag: str = "IW") -> int:
    await game.register(leader)
    await game.edit(leader, gold=FOUNDING_COST + 1000)
    view = await game.api.found_guild(player_id=leader, name=name, tag=tag)
    return view.id


async def joined(game: FakeGame, guild_id: int, *players: int) -> None:
    """Players registered and in the guild, through its invite link."""
    code = game.uow_factory.db.tables["guilds"][guild_id].guild.invite_code
    for pid in players:
        await game.register(pid)
        await game.api.join_by_code(player_id=pid, code=code)


async def version(game: FakeGame, player_id: int) -> int:
    mine = await game.api.my_guild(player_id=player_id)
    assert mine.guild is not None
    return mine.guild.version


async def test_founding_costs_gold_and_makes_the_founder_its_leader(game):
    guild_id = await founded(game)
    assert await game.gold(1) == 1000
    mine = await game.api.my_guild(player_id=1)
    assert mine.guild is not None and mine.guild.id == guild_id
    assert mine.guild.name == "Iron Wolves" and mine.guild.tag == "IW" and mine.guild.my_rank == "leader"
    assert mine.guild.invite_code  # the leader sees the link's code
    ledger = await game.api.guild_ledger(player_id=1)
    assert [e.kind for e in ledger.entries] == ["founded"]


async def test_founding_is_refused_without_gold_a_good_name_or_a_free_one(game):
    await game.register(1)
    await game.edit(1, gold=FOUNDING_COST - 1)
    with pytest.raises(NotEnoughGold):
        await game.api.found_guild(player_id=1, name="Poor Folk", tag="PF")
    await game.edit(1, gold=FOUNDING_COST * 3)
    for name, tag in [("x", "AB"), ("Good Name", "A"), ("Good Name", "A1"), ("Good Name", "ABCDE")]:
        with pytest.raises(InvalidGuildName):
            await game.api.found_guild(player_id=1, name=name, tag=tag)
    await game.api.found_guild(player_id=1, name="Iron Wolves", tag="IW")
    await game.register(2)
    await game.edit(2, gold=FOUNDING_COST)
    # The same name in another case, or written with Cyrillic look-alikes, is the same name.
    for name, tag in [("iron wolves", "ZZ"), ("Irоn Wolvеs", "ZZ"), ("Other", "iw")]:
        with pytest.raises(GuildNameTaken):
            await game.api.found_guild(player_id=2, name=name, tag=tag)
    assert await game.gold(2) == FOUNDING_COST
    with pytest.raises(AlreadyInGuild):
        await game.api.found_guild(player_id=1, name="Second", tag="SE")


async def test_an_officer_invites_by_name_and_the_invitee_accepts(game):
    guild_id = await founded(game)
    await game.register(2, name="Mira")
    invitation = await game.api.invite_to_guild(player_id=1, name="mira")
    assert invitation.player_name == "Mira" and invitation.guild_name == "Iron Wolves"
    mine = await game.api.my_guild(player_id=2)
    assert [i.guild_id for i in mine.invitations] == [guild_id]
    [invited] = game.events.of_type(GuildNotice)  # the invitee is told, with the guild to answer
    assert (invited.what, invited.recipients, invited.guild_id) == ("invited", (2,), guild_id)
    view = await game.api.accept_invitation(player_id=2, guild_id=guild_id)
    assert [m.name for m in view.members] == ["hero1", "Mira"] and view.my_rank == "member"
    notice = game.events.of_type(GuildNotice)[-1]
    assert notice.what == "joined" and notice.player_name == "Mira" and notice.recipients == (1,)
    with pytest.raises(GuildNotFound):  # the invitation was used
        await game.api.accept_invitation(player_id=2, guild_id=guild_id)


async def test_invitations_are_refused_with_a_reason(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    await game.register(3)
    with pytest.raises(GuildNotPermitted):  # a member may not invite
        await game.api.invite_to_guild(player_id=2, name="hero3")
    with pytest.raises(NotRegistered):
        await game.api.invite_to_guild(player_id=1, name="nobody")
    with pytest.raises(AlreadyInGuild):
        await game.api.invite_to_guild(player_id=1, name="hero2")
    with pytest.raises(NotInGuild):
        await game.api.invite_to_guild(player_id=3, name="hero2")
    with pytest.raises(GuildNotFound):  # never invited
        await game.api.accept_invitation(player_id=3, guild_id=guild_id)
    with pytest.raises(GuildNotFound):  # a forged guild id
        await game.api.accept_invitation(player_id=3, guild_id=999_999)


async def test_a_link_joins_and_a_forged_link_does_not(game):
    guild_id = await founded(game)
    code = (await game.api.my_guild(player_id=1)).guild.invite_code  # type: ignore[union-attr]
    await game.register(2)
    with pytest.raises(GuildNotFound):
        await game.api.join_by_code(player_id=2, code="forged")
    view = await game.api.join_by_code(player_id=2, code=code)
    assert view.id == guild_id and len(view.members) == 2
    with pytest.raises(AlreadyInGuild):
        await game.api.join_by_code(player_id=2, code=code)


async def test_a_request_is_answered_by_an_officer(game):
    guild_id = await founded(game)
    await game.register(2)
    await game.register(3)
    mine = await game.api.request_to_join(player_id=2, guild_id=guild_id)
    assert [r.guild_id for r in mine.requests] == [guild_id]
    await game.api.request_to_join(player_id=3, guild_id=guild_id)
    asked = [e for e in game.events.of_type(GuildNotice) if e.what == "requested"]
    assert [(e.player_id, e.recipients) for e in asked] == [(2, (1,)), (3, (1,))]  # those who answer are told
    view = (await game.api.my_guild(player_id=1)).guild
    assert view is not None and [r.player_id for r in view.requests] == [2, 3]
    view = await game.api.answer_request(player_id=1, applicant_id=2, accept=True, version=view.version)
    assert {m.player_id for m in view.members} == {1, 2}
    with pytest.raises(GuildNotPermitted):  # a member may not answer
        await game.api.answer_request(player_id=2, applicant_id=3, accept=True, version=view.version)
    with pytest.raises(StaleAction):
        await game.api.answer_request(player_id=1, applicant_id=3, accept=False, version=view.version - 1)
    view = await game.api.answer_request(player_id=1, applicant_id=3, accept=False, version=view.version)
    assert view.requests == [] and (await game.api.my_guild(player_id=3)).requests == []
    with pytest.raises(GuildNotFound):
        await game.api.answer_request(player_id=1, applicant_id=3, accept=True, version=view.version)


async def test_a_player_accepted_by_two_guilds_is_in_one(game):
    first = await founded(game, 1)
    second = await founded(game, 2, name="Red Ravens", tag="RR")
    await game.register(3)
    await game.api.request_to_join(player_id=3, guild_id=first)
    await game.api.request_to_join(player_id=3, guild_id=second)
    await game.api.answer_request(player_id=1, applicant_id=3, accept=True, version=await version(game, 1))
    with pytest.raises(GuildNotFound):  # joining cleared the other request
        await game.api.answer_request(player_id=2, applicant_id=3, accept=True, version=await version(game, 2))
    assert (await game.api.my_guild(player_id=3)).guild.id == first  # type: ignore[union-attr]


async def test_ranks_kick_promote_demote_and_hand_over(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2, 3, 4)
    view = await game.api.promote_member(player_id=1, member_id=2, version=await version(game, 1))
    assert {m.player_id: m.rank for m in view.members}[2] == "officer"
    with pytest.raises(GuildNotPermitted):  # only the leader promotes
        await game.api.promote_member(player_id=2, member_id=3, version=view.version)
    view = await game.api.kick_member(player_id=2, member_id=3, version=view.version)  # an officer kicks a member
    assert 3 not in {m.player_id for m in view.members}
    kicked = [e for e in game.events.of_type(GuildNotice) if e.what == "kicked"]
    assert kicked and 3 in kicked[-1].recipients  # the kicked one is told too
    for target in (1, 2):  # not the leader, not an equal
        with pytest.raises((GuildRefused, GuildNotPermitted)) as refused:
            await game.api.kick_member(player_id=2, member_id=target, version=view.version)
    assert refused.value.code == "guild_not_permitted"
    with pytest.raises(GuildRefused) as leader:
        await game.api.kick_member(player_id=1, member_id=1, version=view.version)
    assert leader.value.details["reason"] == "kick_leader"
    with pytest.raises(GuildNotPermitted):  # a member kicks nobody
        await game.api.kick_member(player_id=4, member_id=2, version=view.version)
    with pytest.raises(GuildNotFound):  # a forged member id
        await game.api.kick_member(player_id=1, member_id=12345, version=view.version)
    assert {m.player_id for m in (await game.api.my_guild(player_id=1)).guild.members} == {1, 2, 4}  # type: ignore[union-attr]
    view = await game.api.demote_member(player_id=1, member_id=2, version=view.version)
    view = await game.api.hand_over_lead(player_id=1, member_id=4, version=view.version)
    ranks = {m.player_id: m.rank for m in view.members}
    assert ranks == {1: "officer", 2: "member", 4: "leader"} and view.leader_id == 4


async def test_leaving_and_the_leader_who_must_hand_over_first(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    with pytest.raises(GuildRefused) as refused:
        await game.api.leave_guild(player_id=1)
    assert refused.value.details["reason"] == "leader_leaves"
    mine = await game.api.leave_guild(player_id=2)
    assert mine.guild is None
    with pytest.raises(NotInGuild):
        await game.api.leave_guild(player_id=2)


async def test_an_inactive_leader_is_replaced_by_the_most_senior_officer(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2, 3)
    v = await version(game, 1)
    v = (await game.api.promote_member(player_id=1, member_id=2, version=v)).version
    await game.api.promote_member(player_id=1, member_id=3, version=v)
    with pytest.raises(GuildRefused) as early:
        await game.api.claim_lead(player_id=2)
    assert early.value.details["reason"] == "leader_active"
    game.clock.advance(LEADER_INACTIVE_DAYS * 86400 + 1)
    with pytest.raises(GuildRefused) as junior:
        await game.api.claim_lead(player_id=3)
    assert junior.value.details["reason"] == "not_successor"
    view = await game.api.claim_lead(player_id=2)
    assert view.leader_id == 2 and {m.player_id: m.rank for m in view.members}[1] == "officer"


async def test_the_bank_takes_deposits_and_gives_to_officers_with_a_ledger(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    await game.edit(2, gold=300, items={"healing_potion": 3})
    view = await game.api.deposit_gold(player_id=2, amount=200)
    assert view.bank_gold == 200 and await game.gold(2) == 100
    view = await game.api.deposit_item(player_id=2, item_id="healing_potion", quantity=2)
    assert [(s.item.id, s.quantity) for s in view.bank_items] == [("healing_potion", 2)]
    assert (await game.bag(2)).get("healing_potion") == 1
    with pytest.raises(GuildNotPermitted):  # members deposit, officers withdraw
        await game.api.withdraw_gold(player_id=2, amount=10, version=view.version)
    with pytest.raises(GuildRefused) as short:
        await game.api.withdraw_gold(player_id=1, amount=201, version=view.version)
    assert short.value.details["reason"] == "bank_short"
    for bad in (0, -5):
        with pytest.raises(GuildRefused):
            await game.api.deposit_gold(player_id=2, amount=bad)
    with pytest.raises(NotEnoughGold):
        await game.api.deposit_gold(player_id=2, amount=10**12)
    with pytest.raises(NotOwned):
        await game.api.deposit_item(player_id=2, item_id="healing_potion_forged", quantity=1)
    view = await game.api.withdraw_gold(player_id=1, amount=50, version=view.version)
    view = await game.api.withdraw_item(player_id=1, item_id="healing_potion", quantity=1, version=view.version)
    assert view.bank_gold == 150 and await game.gold(1) == 1050
    ledger = await game.api.guild_ledger(player_id=2)
    assert [(e.kind, e.quantity, e.player_name) for e in ledger.entries][:4] == [
        ("withdraw_item", 1, "hero1"),
        ("withdraw_gold", 50, "hero1"),
        ("deposit_item", 2, "hero2"),
        ("deposit_gold", 200, "hero2"),
    ]


async def test_the_ledger_is_read_a_page_at_a_time(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    await game.edit(2, gold=100)
    for _ in range(12):
        await game.api.deposit_gold(player_id=2, amount=1)
    first = await game.api.guild_ledger(player_id=2, page=1)
    second = await game.api.guild_ledger(player_id=2, page=2)
    assert first.pages == 2 and len(first.entries) == 10 and len(second.entries) == 3
    assert first.entries[0].id > second.entries[0].id  # newest first
    assert (await game.api.guild_ledger(player_id=2, page=99)).page == 2


async def test_a_full_bag_refuses_a_withdrawal_and_nothing_moves(game):
    await founded(game)
    await game.edit(1, items={"healing_potion": 1})
    view = await game.api.deposit_item(player_id=1, item_id="healing_potion", quantity=1)
    record = await game.record(1)
    free = record.inventory.free_slots(game.content.items)
    others = [i for i in game.content.items if i not in record.inventory.items and i != "healing_potion"][:free]
    await game.edit(1, items={i: 1 for i in others})
    assert (await game.record(1)).inventory.free_slots(game.content.items) == 0
    bag_before = await game.bag(1)
    with pytest.raises(InventoryFull):
        await game.api.withdraw_item(player_id=1, item_id="healing_potion", quantity=1, version=view.version)
    assert await game.bag(1) == bag_before
    assert (await game.api.my_guild(player_id=1)).guild.bank_items[0].quantity == 1  # type: ignore[union-attr]


async def test_guild_xp_from_deposits_counts_new_gold_only_and_levels_up(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    await game.edit(1, gold=5000)
    view = await game.api.deposit_gold(player_id=1, amount=900)
    assert view.xp == 900 and view.level == 1
    view = await game.api.withdraw_gold(player_id=1, amount=900, version=view.version)
    view = await game.api.deposit_gold(player_id=1, amount=900)
    assert view.xp == 900  # the same gold moved back brings nothing
    view = await game.api.deposit_gold(player_id=1, amount=200)
    assert view.level == 2 and view.perks.max_members > 10
    level_ups = [e for e in game.events.of_type(GuildNotice) if e.what == "level_up"]
    assert level_ups and level_ups[-1].level == 2 and level_ups[-1].recipients == (1, 2)


async def test_disbanding_shares_the_gold_and_needs_an_empty_item_bank(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2, 3)
    await game.edit(1, items={"healing_potion": 1})
    await game.api.deposit_gold(player_id=1, amount=301)
    view = await game.api.deposit_item(player_id=1, item_id="healing_potion", quantity=1)
    with pytest.raises(GuildNotPermitted):
        await game.api.disband_guild(player_id=2, version=view.version)
    with pytest.raises(GuildRefused) as items:
        await game.api.disband_guild(player_id=1, version=view.version)
    assert items.value.details["reason"] == "bank_has_items"
    view = await game.api.withdraw_item(player_id=1, item_id="healing_potion", quantity=1, version=view.version)
    golds = [await game.gold(p) for p in (1, 2, 3)]
    mine = await game.api.disband_guild(player_id=1, version=view.version)
    assert mine.guild is None
    assert [await game.gold(p) - g for p, g in zip((1, 2, 3), golds, strict=True)] == [101, 100, 100]
    with pytest.raises(GuildNotFound):
        await game.api.guild_info(player_id=2, guild_id=guild_id)
    assert [e.what for e in game.events.of_type(GuildNotice)][-1] == "disbanded"


async def test_the_board_ranks_guilds_and_counts_members(game):
    first = await founded(game, 1)
    second = await founded(game, 2, name="Red Ravens", tag="RR")
    await joined(game, second, 3)
    await game.edit(2, gold=5000)
    await game.api.deposit_gold(player_id=2, amount=1500)
    board = await game.api.guild_board()
    assert [(g.id, g.level, g.members) for g in board] == [(second, 2, 2), (first, 1, 1)]


async def test_guild_chat_goes_to_the_other_members_who_did_not_mute_it(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2, 3)
    await game.api.set_notification(player_id=3, category="guild_chat", enabled=False)
    sent = await game.api.send_guild_message(player_id=1, text="  meet   at the  gate ")
    assert sent == 1
    [message] = game.events.of_type(GuildMessage)
    assert message.text == "meet at the gate" and message.recipients == (2,) and message.guild_tag == "IW"
    with pytest.raises(GuildRefused):
        await game.api.send_guild_message(player_id=1, text="   ")
    await game.register(9)
    with pytest.raises(NotInGuild):
        await game.api.send_guild_message(player_id=9, text="hi")


async def test_an_admin_finds_a_guild_by_tag_and_dissolves_it(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    assert (await game.api.admin_find_guild(query="iw")).id == guild_id
    assert (await game.api.admin_find_guild(query=str(guild_id))).name == "Iron Wolves"
    with pytest.raises(GuildNotFound):
        await game.api.admin_find_guild(query="nope")
    assert await game.api.admin_dissolve_guild(guild_id=guild_id) == 2
    assert (await game.api.my_guild(player_id=2)).guild is None
    with pytest.raises(GuildNotFound):
        await game.api.admin_dissolve_guild(guild_id=guild_id)


async def test_a_members_won_fight_pays_the_guilds_bonus_and_grows_the_guild(game):
    guild_id = await founded(game)
    await game.empower(1)
    guilds = game.uow_factory.db.tables["guilds"]
    guilds[guild_id] = replace(guilds[guild_id], guild=replace(guilds[guild_id].guild, level=6, xp=15_000))
    assert perks(6).xp_bonus_percent == 2 and perks(6).gold_bonus_percent == 2
    record = await game.record(1)
    won = await play_out(game, 1, await meet(game, 1))
    assert won.outcome == "won" and won.rewards is not None
    paid = await game.record(1)
    assert paid.character.gold - record.character.gold == won.rewards.gold  # the screen says what was paid
    guild = (await game.api.my_guild(player_id=1)).guild
    assert guild is not None and guild.xp == 15_000 + fight_xp_share(won.rewards.xp)
    assert guild.members[0].contributed == fight_xp_share(won.rewards.xp)


async def test_boards_show_the_guild_tag_next_to_members_names(game):
    await founded(game)
    await game.register(2)
    rows = {r.player_id: r.guild_tag for r in await game.api.leaderboard(board="level")}
    assert rows == {1: "IW", 2: None}


async def test_a_leader_away_for_long_is_shown_so_to_officers(game):
    guild_id = await founded(game)
    await joined(game, guild_id, 2)
    await game.api.promote_member(player_id=1, member_id=2, version=await version(game, 1))
    assert not (await game.api.guild_info(player_id=2, guild_id=guild_id)).leader_away
    game.clock.advance(LEADER_INACTIVE_DAYS * 86400)
    assert (await game.api.guild_info(player_id=2, guild_id=guild_id)).leader_away
