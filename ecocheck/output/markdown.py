"""Markdown output (for Word via pandoc, wikis, merge requests)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecocheck.output import labels
from ecocheck.output.neutral import markdown_text as _cell


def render_markdown(report: dict[str, Any], lang: str = "zh") -> str:
    columns = labels.COLUMNS[lang]
    lines = [f"## {_cell(labels.heading(report, lang))}", "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in labels.rows(report, lang):
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines.append("")
    lines += [f"- {_cell(line)}" for line in labels.summary_lines(report, lang)]
    notes = labels.footnotes(report, lang)
    if notes:
        lines.append("")
        lines += [f"> {_cell(note)}" for note in notes]
    return "\n".join(lines) + "\n"


def render_evaluate(view: Any) -> str:
    from ecocheck.output.progress import plan_sections

    return "\n".join(render_markdown(r, view.lang)
                     + ("\n" + plan_sections(r["plan_progress"], view.lang, True) if r.get("plan_progress") else "")
                     for r in view.reports)


def render_batch(view: Any) -> Iterator[str]:
    from ecocheck.output import batchtext

    lines = batchtext.markdown_lines(view.summary.as_stream(), view.summary.error_rows(), view.lang)
    return (line + "\n" for line in lines)


def render_compare(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    from ecocheck.output import compare

    return compare.render_markdown(docs, lang)


def render_progress(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    from ecocheck.output import progress

    return "\n".join(progress.render_markdown(d, lang) for d in docs)
