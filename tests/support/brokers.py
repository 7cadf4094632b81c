"""The RabbitMQ for the tests: `TEST_AMQP_URL`, else the machine's on 127.0.0.1:5672.

Where none answers, RabbitMQ tests are skipped with the reason — except on CI (`CI` set), where a
missing broker fails them, so that a green run means they ran.
"""

from __future__ import annotations

import asyncio
import os

import pytest

DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


def amqp_url() -> str:
    return os.environ.get("TEST_AMQP_URL") or DEFAULT_AMQP_URL


async def require_rabbitmq() -> str:
    import aio_pika

    url = amqp_url()
    try:
        connection = await asyncio.wait_for(aio_pika.connect(url), 5)
    except Exception as exc:
        reason = f"no RabbitMQ at {url.split('@')[-1]} ({type(exc).__name__}); set TEST_AMQP_URL"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    await connection.close()
    return url


async def delete_topology(url: str, exchange: str, group: str = "bot") -> None:
    import aio_pika

    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        queue = f"{exchange}.{group}"
        for name in (queue, f"{queue}.dead"):
            await channel.queue_delete(name)
        for name in (exchange, f"{queue}.dead"):
            await channel.exchange_delete(name)
