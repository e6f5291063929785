"""The cross-county summary of a batch: per county, per indicator, and the errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


HEAD = {
    "zh": {
        "counties": ["地区", "级别", "年份", "版本", "约束性达标", "约束性未达标", "约束性缺数据", "参考性达标率", "结论", "未达标的约束性指标"],
        "indicators": ["版本", "序号", "指标名称", "属性", "达标", "未达标", "缺数据", "不适用"],
        "errors": ["文件", "行", "列", "问题", "建议"],
        "t_counties": "各地区汇总", "t_indicators": "各指标情况（制约最多的在前）", "t_errors": "无法读取的文件",
        "level": {"county": "县", "city": "市"}, "verdict": {"pass": "达标", "fail": "未达标"},
        "total": "共 {files} 个文件：评估 {evaluated} 个，约束性全部达标 {met} 个，未全部达标 {not_met} 个，无法读取 {unreadable} 个",
    },
    "en": {
        "counties": ["Region", "Level", "Year", "Edition", "Binding pass", "Binding fail", "Binding missing", "Reference ratio", "Verdict", "Failing binding indicators"],
        "indicators": ["Edition", "No.", "Indicator", "Type", "Pass", "Fail", "Missing", "N/A"],
        "errors": ["File", "Line", "Col", "Problem", "Hint"],
        "t_counties": "Counties", "t_indicators": "Indicators (those holding most counties back first)",
        "t_errors": "Files that could not be read",
        "level": {"county": "county", "city": "city"}, "verdict": {"pass": "pass", "fail": "FAIL"},
        "total": "{files} files: {evaluated} evaluated, {met} meet every binding indicator, {not_met} do not, {unreadable} unreadable",
    },
}


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def county_cells(c: dict[str, Any], lang: str) -> list[Any]:
    h = HEAD[lang]
    return [c["region"], h["level"][c["level"]], c["year"], c["edition"], c["binding_pass"], c["binding_fail"],
            c["binding_missing"], _ratio(c["reference_pass_ratio"]), h["verdict"][c["verdict"]],
            "、".join(c["failed_binding"])]


def county_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    return [county_cells(c, lang) for c in summary["counties"]]


def indicator_table(summary: dict[str, Any], lang: str) -> list[list[Any]]:
    attr = {"约束性": "约束性", "参考性": "参考性"} if lang == "zh" else {"约束性": "binding", "参考性": "reference"}
    return [[t["edition"], t["number"], t["name"], attr[t["attribute"]], t["pass"], t["fail"], t["missing"],
             t["not_applicable"]] for t in summary["indicators"]]


def error_table(errors: list[dict[str, Any]]) -> list[list[Any]]:
    return [[e["file"], e["line"] or "", e["column"] or "", e["message"], e["hint"]] for e in errors]


def total_line(summary: dict[str, Any], lang: str) -> str:
    return HEAD[lang]["total"].format(files=summary["files"], evaluated=summary["evaluated"],
                                      met=summary["binding_met"], not_met=summary["binding_not_met"],
                                      unreadable=summary["unreadable"])


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
