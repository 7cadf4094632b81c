"""How a call over the wire proves who sent it: an HMAC-SHA256 of the method, a timestamp and the exact
body, keyed with a secret both sides hold.

The secret itself never crosses the network, a body changed on the way no longer matches its signature,
and a captured request is refused once it is older than `MAX_SKEW_SECONDS`. (A bearer token would be
simpler, but it travels with every request: anyone who can read one call can then make any call.)
"""

from __future__ import annotations

import hashlib
import hmac

TIMESTAMP_HEADER = "X-Riftwalker-Timestamp"
SIGNATURE_HEADER = "X-Riftwalker-Signature"
REQUEST_ID_HEADER = "X-Request-Id"
MAX_SKEW_SECONDS = 30.0


def sign(secret: str, *, method: str, body: bytes, timestamp: str) -> str:
    message = b"\n".join((method.encode(), timestamp.encode(), body))
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, *, method: str, body: bytes, now: float) -> dict[str, str]:
    timestamp = f"{now:.3f}"
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: sign(secret, method=method, body=body, timestamp=timestamp)}


def verify(
    secret: str, *, method: str, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> str | None:
    """None if the call is signed with `secret` and fresh, else the reason it is refused."""
    if not timestamp or not signature:
        return f"the call is not signed: {TIMESTAMP_HEADER} and {SIGNATURE_HEADER} are required"
    try:
        sent_at = float(timestamp)
    except ValueError:
        return f"{TIMESTAMP_HEADER} is not a number of seconds"
    if not abs(now - sent_at) <= MAX_SKEW_SECONDS:  # also refuses NaN
        return f"the call's timestamp is more than {MAX_SKEW_SECONDS:.0f}s away from the server's clock"
    expected = sign(secret, method=method, body=body, timestamp=timestamp)
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "the signature does not match"
    return None
