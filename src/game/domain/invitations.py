"""Invitations: a player's code for the `/start ref_<code>` link, and the rules of the reward (the inviter
is paid once per invitee, when the invitee reaches level 5; nobody invites themselves). Pure."""

from __future__ import annotations

from game.domain.errors import RuleViolation

REWARD_LEVEL = 5
INVITE_GOLD = 100
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class InvitationRefused(RuleViolation):
    code = "invitation_refused"


def code_of(player_id: int) -> str:
    """A short code naming the inviter (base 36 of their id)."""
    if player_id < 0:
        return "n" + code_of(-player_id)
    digits = ""
    while True:
        player_id, rest = divmod(player_id, 36)
        digits = _DIGITS[rest] + digits
        if player_id == 0:
            return digits


def inviter_of(code: str) -> int | None:
    """The inviter a code names, or None for a code that names nobody's id."""
    code = code.strip().lower()
    negative = code.startswith("n")
    body = code[1:] if negative else code
    if not body or len(body) > 13 or any(c not in _DIGITS for c in body):
        return None
    value = int(body, 36)
    return -value if negative else value


def check(inviter_id: int, invitee_id: int, invitee_level: int, already_invited: bool) -> None:
    if inviter_id == invitee_id:
        raise InvitationRefused("you cannot invite yourself", reason="self")
    if already_invited:
        raise InvitationRefused("this player was invited already", reason="already")
    if invitee_level > 1:
        raise InvitationRefused("only a newcomer can follow an invitation", reason="not_new")
