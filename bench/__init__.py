"""Benchmarks and the throwaway local deployment they share with the browser tests."""
