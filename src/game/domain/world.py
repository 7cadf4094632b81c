"""The world graph: which locations touch which."""

from __future__ import annotations

from game.domain.content import Content, LocationDef


class WorldMap:
    def __init__(self, content: Content) -> None:
        self._locations = content.locations
        self.start = content.start_location

    def location(self, location_id: str) -> LocationDef | None:
        return self._locations.get(location_id)

    def exits(self, location_id: str) -> list[LocationDef]:
        here = self._locations[location_id]
        return [self._locations[e] for e in here.exits]

    def is_adjacent(self, origin: str, destination: str) -> bool:
        here = self._locations.get(origin)
        return here is not None and destination in here.exits
