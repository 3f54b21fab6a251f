"""Benchmarks: `make bench` (python -m tests.bench) runs every bench_*.py module here and prints
one table. Not collected by pytest (pyproject: --ignore=tests/bench); nothing here is a test."""
