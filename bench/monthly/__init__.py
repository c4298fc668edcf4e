"""The parts of bench/summaries.py: 1. data, 2. figures (and the naive loop), 3. emails."""
