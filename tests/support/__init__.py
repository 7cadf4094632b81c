"""Helpers shared by the tests and the benchmarks (which import them with the repository root on sys.path)."""
