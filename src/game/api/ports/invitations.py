from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import InvitationView


@runtime_checkable
class InvitationsApi(Protocol):
    """Invitations by link (`/start ref_<code>`): the inviter is paid when the invitee reaches level 5."""

    async def invitation(self, *, player_id: int) -> InvitationView: ...

    async def accept_referral(self, *, player_id: int, code: str) -> None:
        """A newcomer names who invited them (once; never themselves)."""
        ...
