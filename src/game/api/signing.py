"""How a call over the wire proves who sent it, and that it is sent once: an HMAC-SHA256 of the method,
a timestamp, a nonce and the exact body, keyed with a secret both sides hold.

The secret itself never crosses the network, a body changed on the way no longer matches its signature,
and a captured request is refused once it is older than `MAX_SKEW_SECONDS`. Within that window the server
answers each nonce once (it keeps the nonces it has seen for `NONCE_TTL_SECONDS`, across its replicas), so
a captured request cannot be replayed either. (A bearer token would be simpler, but it travels with every
request: anyone who can read one call can then make any call.)
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TIMESTAMP_HEADER = "X-Riftwalker-Timestamp"
NONCE_HEADER = "X-Riftwalker-Nonce"
SIGNATURE_HEADER = "X-Riftwalker-Signature"
REQUEST_ID_HEADER = "X-Request-Id"
MAX_SKEW_SECONDS = 30.0
# A call is fresh from MAX_SKEW before the server's clock to MAX_SKEW after it: a nonce is kept for that
# whole span, and a little longer for clocks of the server's replicas that differ by a few seconds.
NONCE_TTL_SECONDS = 2 * MAX_SKEW_SECONDS + 5.0
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_nonce() -> str:
    return secrets.token_urlsafe(18)  # 24 characters, 144 random bits


def sign(secret: str, *, method: str, body: bytes, timestamp: str, nonce: str) -> str:
    message = b"\n".join((method.encode(), timestamp.encode(), nonce.encode(), body))
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, *, method: str, body: bytes, now: float, nonce: str | None = None) -> dict[str, str]:
    """The headers of one call: each call gets a nonce of its own unless one is given."""
    timestamp = f"{now:.3f}"
    nonce = nonce or new_nonce()
    return {
        TIMESTAMP_HEADER: timestamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: sign(secret, method=method, body=body, timestamp=timestamp, nonce=nonce),
    }


def verify(
    secret: str,
    *,
    method: str,
    body: bytes,
    timestamp: str | None,
    nonce: str | None,
    signature: str | None,
    now: float,
) -> str | None:
    """None if the call is signed with `secret` and fresh, else the reason it is refused. Whether its
    nonce was seen before is the server's to check (`game.entrypoints.http_server`), after this."""
    if not timestamp or not nonce or not signature:
        return f"the call is not signed: {TIMESTAMP_HEADER}, {NONCE_HEADER} and {SIGNATURE_HEADER} are required"
    try:
        sent_at = float(timestamp)
    except ValueError:
        return f"{TIMESTAMP_HEADER} is not a number of seconds"
    if not abs(now - sent_at) <= MAX_SKEW_SECONDS:  # also refuses NaN
        return f"the call's timestamp is more than {MAX_SKEW_SECONDS:.0f}s away from the server's clock"
    if not _NONCE.fullmatch(nonce):
        return f"{NONCE_HEADER} must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -"
    expected = sign(secret, method=method, body=body, timestamp=timestamp, nonce=nonce)
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "the signature does not match"
    return None
