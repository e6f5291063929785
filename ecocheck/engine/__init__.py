"""Stage 3, the engine: evaluating submissions, results and reports, batches and their summary."""
