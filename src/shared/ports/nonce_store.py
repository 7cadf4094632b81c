"""Once-only nonces, shared by every process of the deployment: a signed call's nonce is recorded by the
first replica that receives it, so no replica answers the same call twice."""

from __future__ import annotations

from typing import Protocol


class NonceStore(Protocol):
    async def first_use(self, nonce: str, ttl: float) -> bool:
        """Record `nonce` for `ttl` seconds; True if it was not recorded already (anywhere), else False."""
        ...
