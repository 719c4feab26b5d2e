"""Cycle count: scan a department or shelf, review the variance, submit the counts."""
