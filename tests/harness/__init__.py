"""Reliability harnesses shared by the tests and the benchmarks: kill -9 and PDF fuzzing."""
