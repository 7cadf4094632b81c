"""Logging for every command: readable lines by default, or JSON (`LOG_FORMAT=json`) for a log pipeline.

Every record carries the work at hand from `shared.request_context`: the request id (one per Telegram
update, per scheduler tick, or continued from the caller across the HTTP seam), the update id and the
player id.
"""

from __future__ import annotations

import logging

from pythonjsonlogger.json import JsonFormatter

from shared import request_context

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_context.request_id.get()
        record.update_id = request_context.update_id.get()
        record.player_id = request_context.player_id.get()
        return True


def configure(level: str | int, *, json_lines: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(ContextFilter())
    if json_lines:
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(update_id)s %(player_id)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    logging.basicConfig(level=level, handlers=[handler], force=True)
