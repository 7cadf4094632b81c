"""Stand-ins for what the game talks to.

In memory, for the game's driven ports (each held to its real adapter by tests/contract/test_driven_ports.py):
`unit_of_work` (over `database`), `hot_state` (and player locks), `world_boss`, `snapshot`, `event_bus`,
`clock`; `game.build_game()` composes the game core's use cases on them. Over real HTTP: `telegram_server`.
"""
