"""Stage 0, what every stage shares: errors with their locations, the vocabulary, values, safe YAML."""
