"""Reads for summaries. `figures` computes a month for many users with set-based queries."""
