"""Stage 1, the rule library: the rule model, loading rule files, and the criterion kinds."""
