"""Benchmarks on national-scale synthetic data: ``bench/run.py``; see docs/performance.md."""
