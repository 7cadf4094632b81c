"""Pictures a player would rather look at than read: the market's price history as a small PNG.

Drawn with Pillow (no fonts needed: the figures go in the caption beside it). The same history draws
the same picture, so drawings are cached by their points.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw

WIDTH, HEIGHT, PAD = 480, 240, 16
BACKGROUND = (24, 26, 33)
GRID = (52, 56, 68)
LINE = (236, 190, 72)
FILL = (236, 190, 72, 48)
DOT = (255, 225, 140)


def price_chart(points: Sequence[tuple[float, int]]) -> bytes:
    """(time, price) pairs, the oldest first → a PNG of the line through them."""
    return _draw(tuple(points))


@lru_cache(maxsize=256)
def _draw(points: tuple[tuple[float, int], ...]) -> bytes:
    image = Image.new("RGBA", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image, "RGBA")
    for i in range(5):  # four bands of price
        y = PAD + i * (HEIGHT - 2 * PAD) / 4
        draw.line([(PAD, y), (WIDTH - PAD, y)], fill=GRID, width=1)
    if points:
        xy = _scaled(points)
        if len(xy) == 1:
            xy = [(PAD, xy[0][1]), (WIDTH - PAD, xy[0][1])]
        draw.polygon([*xy, (xy[-1][0], HEIGHT - PAD), (xy[0][0], HEIGHT - PAD)], fill=FILL)
        draw.line(xy, fill=LINE, width=3, joint="curve")
        for x, y in xy[-1:]:
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=DOT)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def _scaled(points: tuple[tuple[float, int], ...]) -> list[tuple[float, float]]:
    times = [p[0] for p in points]
    prices = [p[1] for p in points]
    t0, t1 = min(times), max(times)
    low, high = min(prices), max(prices)
    if high == low:  # a flat market sits in the middle
        low, high = low - 1, high + 1
    span_t = (t1 - t0) or 1.0
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    # Evenly spaced when all trades share a moment; by time otherwise.
    if t1 == t0:
        return [
            (PAD + inner_w * i / max(1, len(points) - 1), PAD + inner_h * (high - price) / (high - low))
            for i, price in enumerate(prices)
        ]
    return [(PAD + inner_w * (at - t0) / span_t, PAD + inner_h * (high - price) / (high - low)) for at, price in points]
