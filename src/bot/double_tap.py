"""A trade pressed again at once, on the screen the first one redrew, is taken for a double tap.

The button's version guards against a second tap that reached the old screen; a tap that lands after the
redraw carries the new version, yet was aimed at the screen before: it would buy or sell again, or,
where a row went away (a stack sold out), the next row's item. So a trade within `WINDOW_SECONDS` of the
last, with no other screen chosen between them, is refused (`tapped_twice`); a screen the player opens
(`looked`) ends the window.
"""

from __future__ import annotations

import time

from aiogram.fsm.context import FSMContext

WINDOW_SECONDS = 1.0
KEY = "traded_at"  # in the chat's FSM data: when the last trade was made


async def tapped_twice(state: FSMContext) -> bool:
    last = (await state.get_data()).get(KEY)
    return isinstance(last, int | float) and 0 <= time.time() - last < WINDOW_SECONDS


async def traded(state: FSMContext) -> None:
    await state.update_data({KEY: time.time()})


async def looked(state: FSMContext) -> None:
    if (await state.get_data()).get(KEY) is not None:
        await state.update_data({KEY: None})
