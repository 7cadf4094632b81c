"""Simulated players for the balance harness (`benchmarks/balance.py`) and its regression test."""
