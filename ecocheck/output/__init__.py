"""Stage 5, output: every format is rendered from the one canonical, JSON-shaped report
(`Report.as_dict()`), so formats cannot disagree about a verdict."""
