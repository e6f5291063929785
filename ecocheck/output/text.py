"""Terminal output: the standard's table, fitted to the width (rich colours on a terminal, plain
text on a pipe at COLUMNS or 100 columns).

Layouts, widest first (ecocheck.output.fit draws the first that fits):
1. every column of the standard's table, the reason wrapped in its column;
2. 领域 · 任务 as a heading line over their indicators, the reason on its own line under the row;
3. as 2, with the unit beside the value instead of in a column of its own;
4. as 3, with the value and the requirement under the row too;
5. one card per indicator: number, name and result on a line, then requirement, value, reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecocheck.output import fit, labels
from ecocheck.output.neutral import terminal_text

STYLE = {"pass": "green", "fail": "bold red", "missing": "yellow", "not_applicable": "dim"}
# Narrowest a wrapping column may become before a narrower layout is chosen.
LEAST = {"task": 10, "value": 8, "requirement": 12, "reason": 24}


def _statuses(report: dict[str, Any]) -> list[str]:
    out = []
    for r in report["results"]:
        out.append(r["status"])
        out += [item["status"] for item in r["items"]]
    return out


def _groups(report: dict[str, Any]) -> list[str | None]:
    """Per row: "领域 · 任务" where a new group starts, else None."""
    out: list[str | None] = []
    last = None
    for r in report["results"]:
        group = (r["domain"], r["task"])
        out.append(" · ".join(filter(None, group)) if group != last else None)
        last = group
        out += [None] * len(r["items"])
    return out


def _with_unit(value: str, unit: str) -> str:
    """The value with its unit, when the value is a number ("58.39 %", not "申报 %")."""
    measured = value[:1].isdigit() or value[:2].lstrip("-+")[:1].isdigit()
    return f"{value} {unit}" if measured and unit and unit != "-" else value


def lines(report: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    """The report's lines at this width: heading, table, summary, notes."""
    yield from ([(line, "bold")] for line in fit.wrap(terminal_text(labels.heading(report, lang)), width))
    yield []
    yield from table_lines(report, lang, width)
    yield []
    summary = [terminal_text(text) for text in labels.summary_lines(report, lang)]
    for text in summary[:-1]:
        yield from ([(line, None)] for line in fit.wrap(text, width))
    style = "bold green" if report["summary"]["binding_met"] else "bold red"
    yield from ([(line, style)] for line in fit.wrap(summary[-1], width))
    for note in labels.footnotes(report, lang):
        yield from ([(line, "dim")] for line in fit.wrap(terminal_text(note), width))


def table_lines(report: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    rows = [[terminal_text(c) for c in cells] for cells in labels.rows(report, lang)]  # data shown, never obeyed
    statuses = _statuses(report)
    groups = _groups(report)
    head = labels.COLUMNS[lang]
    reason_word = head[9]
    sep = "：" if lang == "zh" else ": "

    def row(cells: list[str], status: str, **extra: Any) -> fit.Row:
        styles: list[str | None] = [None] * len(cells)
        styles[8 if len(cells) == 10 else -1] = STYLE[status]  # the result cell
        return fit.Row(cells, styles, row_style="dim" if status == "not_applicable" else None, **extra)

    word = {"whole_words": True}  # columns of names and short words: never broken inside a word
    full = [fit.Column(head[0], **word), fit.Column(head[1], least=LEAST["task"]),
            fit.Column(head[2], right=True, **word), fit.Column(head[3], **word), fit.Column(head[4], **word),
            fit.Column(head[5], least=LEAST["value"]), fit.Column(head[6], least=LEAST["requirement"]),
            fit.Column(head[7], **word), fit.Column(head[8], **word), fit.Column(head[9], least=LEAST["reason"])]
    drawn = fit.draw(full, lambda: (row(cells, s) for cells, s in zip(rows, statuses)), width)
    if drawn is not None:
        yield from drawn
        return

    def below(cells: list[str]) -> list[tuple[str, str | None]]:
        return [(f"{reason_word}{sep}{cells[9]}", None)] if cells[9] else []

    with_unit = [full[2], full[3], full[4], full[5], full[6], full[7], full[8]]
    drawn = fit.draw(with_unit, lambda: (
        row(cells[2:9], s, below=below(cells), heading=g) for cells, s, g in zip(rows, statuses, groups)), width)
    if drawn is None:
        narrow = [full[2], full[3], full[5], full[6], full[7], full[8]]
        drawn = fit.draw(narrow, lambda: (
            row([cells[2], cells[3], _with_unit(cells[5], cells[4]), cells[6], cells[7], cells[8]], s,
                below=below(cells), heading=g) for cells, s, g in zip(rows, statuses, groups)), width)
    if drawn is None:  # the value and the requirement under the row too
        narrower = [full[2], full[3], full[7], full[8]]
        drawn = fit.draw(narrower, lambda: (
            row([cells[2], cells[3], cells[7], cells[8]], s, below=[_values(cells, head, sep), *below(cells)],
                heading=g) for cells, s, g in zip(rows, statuses, groups)), width)
    if drawn is not None:
        yield from drawn
        return
    yield from _cards(rows, statuses, groups, head, sep, width)


def _values(cells: list[str], head: list[str], sep: str) -> tuple[str, None]:
    """"现状值：… · 指标值：…" (the value with its unit)."""
    value = _with_unit(cells[5], cells[4])
    return " · ".join(filter(None, [f"{head[5]}{sep}{value}" if value else "", f"{head[6]}{sep}{cells[6]}"])), None


def _cards(rows: list[list[str]], statuses: list[str], groups: list[str | None], head: list[str], sep: str,
           width: int) -> Iterator[fit.Line]:
    for cells, status, group in zip(rows, statuses, groups):
        if group:
            yield from ([(line, "bold")] for line in fit.wrap(group, width))
        title = f"{cells[2]} {cells[3]}" if cells[2] else cells[3]
        values, _ = _values(cells, head, sep)
        details = [(" · ".join(filter(None, [cells[7], values])), None)]
        if cells[9]:
            details.append((f"{head[9]}{sep}{cells[9]}", None))
        yield from fit.stacked(title, cells[8], STYLE[status], details, width)


def render_plain(report: dict[str, Any], lang: str = "zh", width: int | None = None) -> str:
    width = width or fit.pipe_width()
    return "\n".join(fit.plain(line) for line in lines(report, lang, width)) + "\n"


def render_rich(report: dict[str, Any], console: Any, lang: str = "zh") -> None:
    from rich.text import Text

    for line in lines(report, lang, console.width):
        console.print(Text.assemble(*((text, style or "") for text, style in line)), soft_wrap=True)


def _with_plans(report: dict[str, Any], lang: str, width: int | None = None) -> str:
    """The plan sections `evaluate --plan` adds after the report ("" without), fitted to `width`
    (COLUMNS or 100 when not given)."""
    if not report.get("plan_progress"):
        return ""
    from ecocheck.output.progress import plan_sections

    return "\n" + plan_sections(report["plan_progress"], lang, width=width)


def render_evaluate(view: Any) -> str | None:
    if not view.terminal:
        return "\n".join(render_plain(r, view.lang) + _with_plans(r, view.lang) for r in view.reports)
    from rich.console import Console

    console = Console()
    for r in view.reports:
        render_rich(r, console, view.lang)
        console.print()
        if r.get("plan_progress"):
            console.print(_with_plans(r, view.lang, console.width), markup=False, highlight=False, soft_wrap=True)
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

    return compare.render_plain(docs, lang, fit.output_width())


def render_progress(docs: list[dict[str, Any]], errors: list[dict[str, Any]], lang: str) -> str:
    from ecocheck.output import progress

    width = fit.output_width()
    return "\n".join(progress.render_plain(d, lang, width) for d in docs)
