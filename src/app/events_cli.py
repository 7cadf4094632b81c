"""`riftwalker events`: the event stream's backlog, its dead letters, and replaying them."""

from __future__ import annotations

import argparse

from app.containers import Container
from app.provided import provided
from shared.config import Settings
from shared.ports.event_bus import EventBusOperations


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    events = sub.add_parser("events", help="the event stream: backlog, dead letters, replay")
    actions = events.add_subparsers(dest="events_action")
    actions.add_parser("backlog", help="events taken but not acknowledged, not yet taken, and dead (the default)")
    dead = actions.add_parser("dead", help="list the dead letters: events whose handler failed on every delivery")
    dead.add_argument("--limit", type=int, default=100)
    replay = actions.add_parser("replay", help="publish dead letters again (after fixing what made them fail)")
    replay.add_argument("ids", nargs="*", help="the dead letters' ids, as `events dead` lists them")
    replay.add_argument("--all", action="store_true", help="every dead letter")


async def run(settings: Settings, args: argparse.Namespace) -> int:
    container = Container(settings=settings)
    try:
        bus: EventBusOperations = await provided(container.event_bus())
        action = args.events_action or "backlog"
        if action == "backlog":
            backlog = await bus.backlog()
            print(f"pending {backlog.pending}  lag {backlog.lag}  dead letters {backlog.dead}")
        elif action == "dead":
            letters = await bus.dead_letters(limit=max(1, args.limit))
            for letter in letters:
                said = f"{letter.id}  {letter.kind}  event {letter.event_id}  {letter.deliveries} deliveries"
                print(f"{said}  {letter.error}")
            print(f"{len(letters)} dead letter(s)")
        else:
            if not args.ids and not args.all:
                print("name the dead letters to replay, or --all")
                return 2
            replayed = await bus.replay_dead_letters(None if args.all else list(args.ids))
            print(f"{replayed} dead letter(s) published again")
        return 0
    finally:
        await provided(container.shutdown_resources())
