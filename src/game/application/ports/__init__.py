"""Driven ports of the game: what the use cases need from storage. Adapters implement them."""
