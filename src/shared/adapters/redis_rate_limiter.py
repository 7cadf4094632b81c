"""RedisThrottle's former name, kept only while the composition root (app.containers) still imports it."""

from shared.adapters.redis_throttle import RedisThrottle

RedisRateLimiter = RedisThrottle

__all__ = ["RedisRateLimiter"]
