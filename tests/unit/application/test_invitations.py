"""Invitations: a newcomer names who invited them once; the inviter is paid when the newcomer reaches
level 5, once; nobody invites themselves."""

from __future__ import annotations

import pytest

from game.api.economy import InvitationRefused
from game.domain.character import xp_to_next
from game.domain.invitations import code_of, inviter_of
from shared.events import InviteRewarded
from tests.unit.application.play import meet, play_out


def test_a_code_names_its_inviter_and_nonsense_names_nobody():
    for pid in (1, 35, 36, 123456789, 2**40):
        assert inviter_of(code_of(pid)) == pid
    for junk in ("", "!!", "x" * 40, "ref_"):
        assert inviter_of(junk) is None


async def test_the_inviter_is_paid_once_when_the_newcomer_reaches_level_five(game):
    await game.register(1, name="Host")
    await game.register(2, name="Guest")
    code = (await game.invitations.invitation(player_id=1)).code
    await game.invitations.accept_referral(player_id=2, code=code)
    with pytest.raises(InvitationRefused):  # once
        await game.invitations.accept_referral(player_id=2, code=code)
    assert (await game.invitations.invitation(player_id=1)).joined == 1
    gold = await game.gold(1)
    # The guest is a fight away from level 5.
    await game.empower(2, level=4)
    await game.edit(2, xp=xp_to_next(4) - 1)
    assert (await play_out(game, 2, await meet(game, 2))).outcome == "won"
    assert (await game.record(2)).character.level >= 5
    assert await game.gold(1) == gold + 100
    assert [(e.player_id, e.invitee_name) for e in game.events.of_type(InviteRewarded)] == [(1, "Guest")]
    assert (await game.invitations.invitation(player_id=1)).rewarded == 1
    # Growing further pays nothing more.
    await game.edit(2, xp=xp_to_next((await game.record(2)).character.level) - 1)
    await play_out(game, 2, await meet(game, 2))
    assert await game.gold(1) == gold + 100


async def test_no_self_invitation_no_unknown_code_no_old_hands(game):
    await game.register(1)
    await game.register(2)
    with pytest.raises(InvitationRefused):
        await game.invitations.accept_referral(player_id=1, code=code_of(1))
    for code in ("zzzzzz", "", "%%%", code_of(999)):
        with pytest.raises(InvitationRefused):
            await game.invitations.accept_referral(player_id=2, code=code)
    await game.edit(2, level=3)
    with pytest.raises(InvitationRefused):
        await game.invitations.accept_referral(player_id=2, code=code_of(1))
    assert (await game.invitations.invitation(player_id=1)).joined == 0
