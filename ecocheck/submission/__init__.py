"""Stage 2, submissions: reading a county-year file into entries, and last year's values."""
