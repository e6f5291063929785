"""The cross-county summary of a batch: per county, per indicator, and the errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ecocheck.base.words import ATTRIBUTE_WORDS, LEVEL_WORDS, STATUS_WORDS
from ecocheck.output.common import INDICATOR_HEAD, TITLES, problem_location, ratio_text, total_line

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
            c["binding_missing"], ratio_text(c["reference_pass_ratio"]), STATUS_WORDS[lang][c["verdict"]],
            "、".join(c["failed_binding"])]


def county_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    return [county_cells(c, lang) for c in summary["counties"]]


def indicator_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    attr = ATTRIBUTE_WORDS[lang]
    return [[t["edition"], t["number"], t["name"], attr[t["attribute"]], t["pass"], t["fail"], t["missing"],
             t["not_applicable"]] for t in summary["indicators"]]


def error_table(errors: list[dict[str, Any]]) -> list[list[Any]]:
    return [[problem_location(e), e["message"], e["hint"]] for e in errors]


def plain_lines(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> Iterator[str]:
    """The plain-text summary line by line; summary["counties"] may be a view that makes each
    row as it is needed (BatchSummary.as_stream): it is read twice, never held."""
    from ecocheck.output.table import simple_lines

    h = HEAD[lang]
    yield h["t_counties"]
    yield from simple_lines(lambda: (county_cells(c, lang) for c in summary["counties"]), h["counties"])
    yield ""
    yield h["t_indicators"]
    yield from simple_lines(lambda: indicator_table(summary, lang), h["indicators"])
    if errors:
        yield ""
        yield h["t_errors"]
        yield from simple_lines(lambda: error_table(errors), h["errors"])
    yield ""
    yield total_line(summary, lang)


def render_plain(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> str:
    return "\n".join(plain_lines(summary, errors, lang)) + "\n"


def render_rich(summary: dict[str, Any], errors: list[dict[str, Any]], console: Any, lang: str = "zh") -> None:
    from rich.table import Table
    from rich.text import Text

    h = HEAD[lang]
    counties = Table(title=h["t_counties"], title_justify="left", header_style="bold")
    for column in h["counties"]:
        counties.add_column(column, overflow="fold")
    for row, c in zip(county_table(summary, lang), summary["counties"]):
        cells = [Text(str(v)) for v in row]
        cells[8].stylize("green" if c["binding_met"] else "bold red")
        if c["binding_fail"]:
            cells[5].stylize("bold red")
        if c["binding_missing"]:
            cells[6].stylize("yellow")
        counties.add_row(*cells)
    console.print(counties)
    indicators = Table(title=h["t_indicators"], title_justify="left", header_style="bold")
    for column in h["indicators"]:
        indicators.add_column(column, overflow="fold")
    for row in indicator_table(summary, lang):
        cells = [Text(str(v)) for v in row]
        if row[5]:
            cells[5].stylize("bold red")
        if row[6]:
            cells[6].stylize("yellow")
        indicators.add_row(*cells)
    console.print(indicators)
    if errors:
        table = Table(title=h["t_errors"], title_justify="left", header_style="bold red")
        for column in h["errors"]:
            table.add_column(column, overflow="fold")
        for row in error_table(errors):
            table.add_row(*[str(v) for v in row])
        console.print(table)
    console.print(total_line(summary, lang), style="bold")


def markdown_lines(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> Iterator[str]:
    """The markdown summary line by line (summary["counties"] as for plain_lines)."""
    h = HEAD[lang]

    def table(headers: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
        yield "| " + " | ".join(headers) + " |"
        yield "|" + "---|" * len(headers)
        for row in rows:
            yield "| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |"

    yield from (f"## {h['t_counties']}", "")
    yield from table(h["counties"], (county_cells(c, lang) for c in summary["counties"]))
    yield from ("", f"## {h['t_indicators']}", "")
    yield from table(h["indicators"], indicator_table(summary, lang))
    if errors:
        yield from ("", f"## {h['t_errors']}", "")
        yield from table(h["errors"], error_table(errors))
    yield from ("", total_line(summary, lang))


def render_markdown(summary: dict[str, Any], errors: list[dict[str, Any]], lang: str = "zh") -> str:
    return "\n".join(markdown_lines(summary, errors, lang)) + "\n"
