"""Terminal output: a rich table on a terminal, a plain grid (tabulate's "simple" layout) when piped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecocheck.output import labels

STYLE = {"pass": "green", "fail": "bold red", "missing": "yellow", "not_applicable": "dim"}


def render_plain(report: dict[str, Any], lang: str = "zh") -> str:
    from ecocheck.output.table import simple  # tabulate's "simple" layout, without importing it

    table = simple(labels.rows(report, lang), labels.COLUMNS[lang])
    parts = [labels.heading(report, lang), "", table, "", *labels.summary_lines(report, lang)]
    parts += labels.footnotes(report, lang)
    return "\n".join(parts) + "\n"


def render_rich(report: dict[str, Any], console: Any, lang: str = "zh") -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=labels.heading(report, lang), show_lines=False, header_style="bold",
                  title_justify="left")
    for i, column in enumerate(labels.COLUMNS[lang]):
        table.add_column(column, overflow="fold", no_wrap=i in (2, 7, 8))
    results = iter(report["results"])
    statuses = []
    for r in results:
        statuses.append(r["status"])
        statuses += [item["status"] for item in r["items"]]
    for status, row in zip(statuses, labels.rows(report, lang)):
        cells = [Text(c) for c in row]
        cells[8].stylize(STYLE[status])
        table.add_row(*cells, style="dim" if status == "not_applicable" else None)
    console.print(table)
    summary = labels.summary_lines(report, lang)
    for line in summary[:-1]:
        console.print(line)
    console.print(Text(summary[-1], style="bold green" if report["summary"]["binding_met"] else "bold red"))
    for note in labels.footnotes(report, lang):
        console.print(Text(note, style="dim"))


def _with_plans(report: dict[str, Any], lang: str) -> str:
    """The plan sections `evaluate --plan` adds after the report ("" without)."""
    if not report.get("plan_progress"):
        return ""
    from ecocheck.output.progress import plan_sections

    return "\n" + plan_sections(report["plan_progress"], lang)


def render_evaluate(view: Any) -> str | None:
    if not view.terminal:
        return "\n".join(render_plain(r, view.lang) + _with_plans(r, view.lang) for r in view.reports)
    from rich.console import Console

    console = Console()
    for r in view.reports:
        render_rich(r, console, view.lang)
        console.print()
        if r.get("plan_progress"):
            console.print(_with_plans(r, view.lang), markup=False, highlight=False, soft_wrap=True)
    return None


def render_batch(view: Any) -> Iterator[str] | None:
    from ecocheck.output import batchtext

    errors = view.summary.error_rows()
    if not view.terminal:
        return (line + "\n" for line in batchtext.plain_lines(view.summary.as_stream(), errors, view.lang))
    from rich.console import Console

    batchtext.render_rich(view.summary.as_dict(), errors, Console(), view.lang)
    return None


def render_compare(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    from ecocheck.output import compare

    return compare.render_plain(docs, lang)


def render_progress(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    from ecocheck.output import progress

    return "\n".join(progress.render_plain(d, lang) for d in docs)
