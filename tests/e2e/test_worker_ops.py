"""`riftwalker worker` with OPS_PORT: alive, ready while its scheduler runs, metrics of its ticks for a
scraper holding METRICS_TOKEN."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import aiohttp
import pytest

from tests.e2e.test_serve_game import _until_up, free_port

METRICS_TOKEN = "worker-metrics-token-for-the-tests"


@pytest.mark.slow
async def test_a_worker_answers_its_probes_and_counts_its_ticks(database_url, redis_url, db, redis):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "OPS_PORT": str(port),
        "METRICS_TOKEN": METRICS_TOKEN,
        "WORLD_SWEEP_SECONDS": "1",
        "LOG_LEVEL": "WARNING",
    }
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "app", "worker", env=env,
                                                stderr=asyncio.subprocess.PIPE)  # fmt: skip
    try:
        await _until_up(url, proc)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{url}/readyz") as r:
                body = await r.json()
                assert r.status == 200, body
                assert body["checks"] == {"postgres": True, "redis": True, "scheduler": True}
            async with http.get(f"{url}/metrics") as r:
                assert r.status == 401 and "riftwalker_" not in await r.text()
            metrics = ""
            scraper = {"Authorization": f"Bearer {METRICS_TOKEN}"}
            for _ in range(100):
                async with http.get(f"{url}/metrics", headers=scraper) as r:
                    assert r.status == 200
                    metrics = await r.text()
                if "riftwalker_job_ticks_total{" in metrics:
                    break
                await asyncio.sleep(0.1)
            assert 'outcome="ran"' in metrics and "riftwalker_job_seconds_bucket" in metrics
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0, stderr.decode()[-2000:]
