"""Stage 3, the engine: evaluating submissions, results and reports, batches and their summary."""

# What a batch worker sends for each file besides the county's summary row: nothing more, the
# canonical report as a dict, or the report already serialised as JSON (ecocheck.engine.batch).
SEND_ROWS, SEND_DICTS, SEND_JSON = "rows", "dicts", "json"
