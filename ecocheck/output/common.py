"""The export formats of a check (issue #4): csv, xlsx, html, junit.

Every exporter is a pure function with one signature,

    render(reports, errors, summary, lang="zh") -> bytes

where `reports` are canonical `Report.as_dict()` dicts, `errors` are `Problem.as_dict()` dicts
(files that could not be read) and `summary` is `BatchSummary.as_dict()`. They render from these
dicts only — never from the core's objects — so two formats cannot disagree about a verdict.
For a single `evaluate`, pass one report, no errors and a summary of that one report.

The format modules are imported only when an exporter is called, so importing this module does
not import openpyxl.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

Exporter = Callable[..., bytes]

# File name suffix of each format, for callers that write files.
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "html": ".html", "junit": ".xml"}


def _csv(reports: list[dict], errors: list[dict], summary: dict, lang: str = "zh") -> bytes:
    from ecocheck.output import csvout

    return csvout.render(reports, errors, summary, lang)


def _xlsx(reports: list[dict], errors: list[dict], summary: dict, lang: str = "zh") -> bytes:
    from ecocheck.output import xlsx

    return xlsx.render(reports, errors, summary, lang)


def _html(reports: list[dict], errors: list[dict], summary: dict, lang: str = "zh") -> bytes:
    from ecocheck.output import html

    return html.render(reports, errors, summary, lang)


def _junit(reports: list[dict], errors: list[dict], summary: dict, lang: str = "zh") -> bytes:
    from ecocheck.output import junit

    return junit.render(reports, errors, summary, lang)


EXPORTERS: dict[str, Exporter] = {"csv": _csv, "xlsx": _xlsx, "html": _html, "junit": _junit}


# ── helpers shared by the format modules ────────────────────────────────────────────────

def flat_results(report: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each indicator, then each of its sub-items: (result, parent) with parent None for indicators."""
    for result in report["results"]:
        yield result, None
        for item in result.get("items", []):
            yield item, result


def county_key(row: dict[str, Any]) -> tuple:
    """What ties a summary county row to its report."""
    return (row.get("file", ""), row["region"], row["year"], row["edition"])


# Characters XML 1.0 (and so xlsx) cannot hold: C0 controls other than tab, LF, CR; surrogates;
# U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: Any) -> str:
    """`text` as a string that any XML-based format can store (illegal characters dropped)."""
    return _ILLEGAL.sub("", "" if text is None else str(text))


def problem_location(error: dict[str, Any]) -> str:
    where = error.get("file") or "<input>"
    if error.get("line"):
        where += f":{error['line']}"
        if error.get("column"):
            where += f":{error['column']}"
    return where


def ratio_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


# The cross-county summary (xlsx 汇总 sheet, html summary table), one row per county.
COUNTY_HEAD = {
    "zh": ["地区", "级别", "年份", "版本", "结论", "约束性达标", "其中申报", "约束性未达标", "约束性缺数据",
           "参考性达标率", "未达标的约束性指标", "缺数据的约束性指标", "文件"],
    "en": ["Region", "Level", "Year", "Edition", "Verdict", "Binding pass", "of which declared", "Binding fail",
           "Binding missing", "Reference ratio", "Failing binding indicators",
           "Binding indicators without data", "File"],
}
INDICATOR_HEAD = {
    "zh": ["版本", "序号", "指标名称", "属性", "达标", "未达标", "缺数据", "不适用"],
    "en": ["Edition", "No.", "Indicator", "Type", "Pass", "Fail", "Missing", "N/A"],
}
ERROR_HEAD = {
    "zh": ["文件", "行", "列", "代码", "问题", "建议"],
    "en": ["File", "Line", "Col", "Code", "Problem", "Hint"],
}
LEVEL = {"zh": {"county": "县", "city": "市"}, "en": {"county": "county", "city": "city"}}
VERDICT = {"zh": {"pass": "达标", "fail": "未达标"}, "en": {"pass": "pass", "fail": "FAIL"}}
TITLES = {
    "zh": {"counties": "各地区汇总", "indicators": "各指标情况（制约最多的在前）", "errors": "无法读取的文件",
           "chart": "各指标达标情况", "report": "生态文明建设示范区指标核查",
           "total": "共 {files} 个文件：评估 {evaluated} 个，约束性全部达标 {met} 个，"
                    "未全部达标 {not_met} 个，无法读取 {unreadable} 个"},
    "en": {"counties": "Counties", "indicators": "Indicators (those holding most counties back first)",
           "errors": "Files that could not be read", "chart": "Indicators across counties",
           "report": "Ecological civilization demonstration indicators check",
           "total": "{files} files: {evaluated} evaluated, {met} meet every binding indicator, "
                    "{not_met} do not, {unreadable} unreadable"},
}


PROFILE_WORDS = {
    "zh": {"terrain": "地形", "climate": "气候分区", "coastal": "沿海", True: "是", False: "否"},
    "en": {"terrain": "terrain", "climate": "climate", "coastal": "coastal", True: "yes", False: "no"},
}


def profile_text(profile: dict[str, Any], lang: str) -> str:
    """The report's profile (terrain, climate, coastal …) as one line."""
    words = PROFILE_WORDS[lang]
    parts = []
    for key, value in profile.items():
        shown = words[value] if isinstance(value, bool) else value
        parts.append(f"{words.get(key, key)}: {shown}")
    return ("；" if lang == "zh" else "; ").join(parts)


def total_line(summary: dict[str, Any], lang: str) -> str:
    return TITLES[lang]["total"].format(files=summary["files"], evaluated=summary["evaluated"],
                                       met=summary["binding_met"], not_met=summary["binding_not_met"],
                                       unreadable=summary["unreadable"])


def attribute_word(attribute: str, lang: str) -> str:
    return attribute if lang == "zh" else {"约束性": "binding", "参考性": "reference"}.get(attribute, attribute)
