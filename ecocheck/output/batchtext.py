"""The cross-county summary of a batch: per county, per indicator, and the errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ecocheck.base.words import ATTRIBUTE_WORDS, LEVEL_WORDS, STATUS_WORDS
from ecocheck.output import fit
from ecocheck.output.common import INDICATOR_HEAD, TITLES, conclusion, problem_location, ratio_text, total_line
from ecocheck.output.neutral import markdown_text, terminal_text

# The text summary's own columns; its titles and indicator columns are the exports' (common).
COUNTY_COLUMNS = {
    "zh": ["地区", "级别", "年份", "版本", "约束性达标", "约束性未达标", "约束性缺数据", "参考性达标率", "结论", "未达标的约束性指标"],
    "en": ["Region", "Level", "Year", "Edition", "Binding pass", "Binding fail", "Binding missing", "Reference ratio",
           "Verdict", "Failing binding indicators"],
}
ERROR_COLUMNS = {"zh": ["位置", "问题", "建议"], "en": ["Location", "Problem", "Hint"]}
HEAD = {lang: {"counties": COUNTY_COLUMNS[lang], "indicators": INDICATOR_HEAD[lang], "errors": ERROR_COLUMNS[lang],
               "t_counties": TITLES[lang]["counties"], "t_indicators": TITLES[lang]["indicators"],
               "t_errors": TITLES[lang]["errors"]} for lang in ("zh", "en")}


def county_cells(c: dict[str, Any], lang: str) -> list[Any]:
    return [c["region"], LEVEL_WORDS[lang][c["level"]], c["year"], c["edition"], c["binding_pass"], c["binding_fail"],
            c["binding_missing"], ratio_text(c["reference_pass_ratio"]), STATUS_WORDS[lang][conclusion(c)],
            "、".join(c["failed_binding"])]


CONCLUSION_STYLE = {"pass": "green", "fail": "bold red", "missing": "yellow"}


class _OfBasis:
    """The county rows of one basis (measured values, or a plan's targets), re-iterable like
    the summary's own view: made one at a time each time they are read."""

    def __init__(self, counties: Iterable[dict[str, Any]], basis: str) -> None:
        self.counties, self.basis = counties, basis

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (c for c in self.counties if c.get("basis", "measured") == self.basis)


def by_basis(summary: dict[str, Any], lang: str) -> list[tuple[str, dict[str, Any]]]:
    """The county tables to show, each with its title: measured values, then plan targets apart
    (a plan's 达标 is a target that would meet the standard, not a measured result)."""
    title = HEAD[lang]["t_counties"]
    if not summary.get("plans"):
        return [(title, summary)]
    tables = [] if summary["plans"] == summary["evaluated"] else [(title, {**summary, "counties": _OfBasis(summary["counties"], "measured")})]
    return tables + [(PLAN_TITLE[lang], {**summary, "counties": _OfBasis(summary["counties"], "plan")})]


PLAN_TITLE = {"zh": "各地区规划目标（规划值，非实测）", "en": "Plan targets (a plan's values, not measured)"}


def county_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    return [county_cells(c, lang) for c in summary["counties"]]


def indicator_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    attr = ATTRIBUTE_WORDS[lang]
    return [[t["edition"], t["number"], t["name"], attr[t["attribute"]], t["pass"], t["fail"], t["missing"],
             t["not_applicable"]] for t in summary["indicators"]]


def error_table(errors: list[dict[str, Any]]) -> list[list[Any]]:
    return [[problem_location(e), e["message"], e["hint"]] for e in errors]


def _terminal(row: list[Any]) -> list[str]:
    """A row's cells as text for a terminal: the data's control characters cannot act there."""
    return [terminal_text(str(v)) for v in row]


# Narrowest the list of failing indicators may become in its column before it moves under the row.
LIST_LEAST = 24


def _county_rows(summary: dict[str, Any], lang: str, below: bool):
    """Each county as a fit.Row; below: the failing indicators on a line under the row."""
    h = HEAD[lang]
    sep = "：" if lang == "zh" else ": "
    for c in summary["counties"]:
        cells = _terminal(county_cells(c, lang))
        styles: list[str | None] = [None] * len(cells)
        styles[8] = CONCLUSION_STYLE[conclusion(c)]
        styles[5] = "bold red" if c["binding_fail"] else None
        styles[6] = "yellow" if c["binding_missing"] else None
        if below:
            lines = [(f"{h['counties'][9]}{sep}{cells[9]}", None)] if cells[9] else []
            yield fit.Row(cells[:9], styles[:9], below=lines)
        else:
            yield fit.Row(cells, styles)


def _two_lines(head: str) -> str:
    """A long zh header that may break after its first word ("约束性 / 未达标")."""
    return head.replace("约束性", "约束性" + fit.BREAK, 1).replace("参考性", "参考性" + fit.BREAK, 1)


def _county_lines(summary: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    h = HEAD[lang]
    columns = [fit.Column(h["counties"][0], whole_words=True), fit.Column(h["counties"][1], whole_words=True),
               *(fit.Column(_two_lines(name), right=True) for name in h["counties"][2:8]),
               fit.Column(h["counties"][8], whole_words=True)]
    for layout in ([*columns, fit.Column(h["counties"][9], least=LIST_LEAST)], columns):
        drawn = fit.draw(layout, lambda: _county_rows(summary, lang, below=len(layout) < 10), width)
        if drawn is not None:
            yield from drawn
            return
    sep = "：" if lang == "zh" else ": "
    for c in summary["counties"]:
        cells = _terminal(county_cells(c, lang))
        counts = " · ".join(f"{name} {value}" for name, value in zip(h["counties"][4:8], cells[4:8]))
        details = [(counts, None)]
        if cells[9]:
            details.append((f"{h['counties'][9]}{sep}{cells[9]}", None))
        title = f"{cells[0]} {cells[1]} {cells[2]} ({cells[3]})"
        yield from fit.stacked(title, cells[8], CONCLUSION_STYLE[conclusion(c)], details, width)


def _indicator_lines(summary: dict[str, Any], lang: str, width: int) -> Iterator[fit.Line]:
    h = HEAD[lang]["indicators"]
    rows = indicator_table(summary, lang)
    columns = [fit.Column(h[0], right=True), fit.Column(h[1], right=True), fit.Column(h[2], whole_words=True),
               fit.Column(h[3], whole_words=True), *(fit.Column(name, right=True) for name in h[4:])]

    def styled(row: list[Any]) -> fit.Row:
        return fit.Row([str(v) for v in row], [None] * 5 + ["bold red" if row[5] else None,
                                                        "yellow" if row[6] else None, None])

    drawn = fit.draw(columns, lambda: (styled(r) for r in rows), width)
    if drawn is not None:
        yield from drawn
        return
    for r in rows:
        counts = " · ".join(f"{name} {value}" for name, value in zip(h[4:], r[4:]))
        yield from fit.stacked(f"{r[1]} {r[2]} ({r[0]})", r[3], None, [(counts, None)], width)


def _error_lines(errors: list[dict[str, Any]], lang: str, width: int) -> Iterator[fit.Line]:
    h = HEAD[lang]["errors"]
    rows = [_terminal(r) for r in error_table(errors)]
    columns = [fit.Column(h[0]), fit.Column(h[1], least=24), fit.Column(h[2], least=24)]
    drawn = fit.draw(columns, lambda: (fit.Row([str(v) for v in r], [None, "bold red", None]) for r in rows), width)
    if drawn is not None:
        yield from drawn
        return
    for where, message, hint in rows:
        yield from fit.stacked(where, "", None, [(message, "bold red"), (hint, None)], width)


def fitted_lines(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str, width: int) -> Iterator[fit.Line]:
    """The summary as styled lines at this width; summary["counties"] may be a view that makes
    each row as it is needed (BatchSummary.as_stream): it is read a few times, never held."""
    h = HEAD[lang]
    for title, counties in by_basis(summary, lang):
        yield [(title, "bold")]
        yield from _county_lines(counties, lang, width)
        yield []
    yield [(h["t_indicators"], "bold")]
    yield from _indicator_lines(summary, lang, width)
    if errors:
        yield []
        yield [(h["t_errors"], "bold red")]
        yield from _error_lines(errors, lang, width)
    yield []
    yield from ([(line, "bold")] for line in fit.wrap(total_line(summary, lang), width))


def plain_lines(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh",
                width: int | None = None) -> Iterator[str]:
    """The plain-text summary line by line, at `width` (default: COLUMNS, else 100)."""
    for line in fitted_lines(summary, errors, lang, width or fit.pipe_width()):
        yield fit.plain(line)


def render_plain(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh",
                 width: int | None = None) -> str:
    return "\n".join(plain_lines(summary, errors, lang, width)) + "\n"


def render_rich(summary: dict[str, Any], errors: list[dict[str, Any]], console: Any, lang: str = "zh") -> None:
    from rich.text import Text

    for line in fitted_lines(summary, errors, lang, console.width):
        console.print(Text.assemble(*((text, style or "") for text, style in line)), soft_wrap=True)


def markdown_lines(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> Iterator[str]:
    """The markdown summary line by line (summary["counties"] as for plain_lines)."""
    h = HEAD[lang]

    def table(headers: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
        yield "| " + " | ".join(headers) + " |"
        yield "|" + "---|" * len(headers)
        for row in rows:
            yield "| " + " | ".join(markdown_text(v) for v in row) + " |"

    for title, counties in by_basis(summary, lang):
        yield from (f"## {title}", "")
        yield from table(h["counties"], (county_cells(c, lang) for c in counties["counties"]))
        yield ""
    yield from (f"## {h['t_indicators']}", "")
    yield from table(h["indicators"], indicator_table(summary, lang))
    if errors:
        yield from ("", f"## {h['t_errors']}", "")
        yield from table(h["errors"], error_table(errors))
    yield from ("", total_line(summary, lang))


def render_markdown(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> str:
    return "\n".join(markdown_lines(summary, errors, lang)) + "\n"
