"""The Throttle port's former name, kept only while `bot` and the composition root still import it."""

from shared.ports.throttle import ALLOWED, Decision, Throttle

RateLimiter = Throttle

__all__ = ["ALLOWED", "Decision", "RateLimiter"]
