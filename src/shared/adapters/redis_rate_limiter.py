"""RedisThrottle's former name, kept only while the composition root and the bot's tests still import it."""

from shared.adapters.redis_throttle import RedisThrottle

RedisRateLimiter = RedisThrottle

__all__ = ["RedisRateLimiter"]
