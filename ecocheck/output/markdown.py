"""Markdown output (for Word via pandoc, wikis, merge requests)."""

from __future__ import annotations

from typing import Any

from ecocheck.output import labels


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: dict[str, Any], lang: str = "zh") -> str:
    columns = labels.COLUMNS[lang]
    lines = [f"## {labels.heading(report, lang)}", "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in labels.rows(report, lang):
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines.append("")
    lines += [f"- {line}" for line in labels.summary_lines(report, lang)]
    notes = labels.footnotes(report, lang)
    if notes:
        lines.append("")
        lines += [f"> {note}" for note in notes]
    return "\n".join(lines) + "\n"
