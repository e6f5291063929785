"""What the format modules share: walking a report, cell texts, headings, the export renderers.

The export formats (csv, xlsx, html, junit) are written by one generator each,

    stream(reports, completed, lang) -> Iterator[bytes]

where `reports` is an iterable of canonical `Report.as_dict()` dicts, read once, in order, and
`completed()`, called only once every report has been read, gives the files that could not be
read (`Problem.as_dict()` dicts) and the cross-county summary (`BatchSummary.as_dict()` or
`.as_stream()`). They render from these dicts only — never from the core's objects — so two
formats cannot disagree about a verdict.

A batch hands its reports over as the workers send them, and a format keeps no more of a
report than the overview needs (memory stays flat in the number of files): each report's part
is written as it is read; what comes before the reports in the file (an overview, totals) is
written once they are all read, their parts waiting meanwhile in a temporary file (`spool`).
`export_renderers` makes a format's `render` (the whole file as bytes) and its `evaluate` and
`batch` entry points (ecocheck.output.formats).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ecocheck.base.errors import location
from ecocheck.base.words import ATTRIBUTE_WORDS, CLASS_EN

Completed = Callable[[], tuple[list[dict[str, Any]], dict[str, Any]]]  # () -> (errors, summary)
Streamer = Callable[[Iterable[dict[str, Any]], Completed, str], Iterator[bytes]]


def export_renderers(stream: Streamer) -> tuple[Callable[..., bytes], Callable[[Any], bytes],
                                                Callable[[Any], Iterator[bytes]]]:
    """render, render_evaluate and render_batch of an export format, from its `stream`.

    render(reports, errors, summary, lang="zh") is the whole file as bytes (summary: a
    BatchSummary.as_dict()); render_batch gives it piece by piece as the batch's reports
    arrive (view.reports is read once; view.summary is complete once it is).
    """

    def render(reports: Iterable[dict[str, Any]], errors: list[dict[str, Any]], summary: dict[str, Any],
               lang: str = "zh") -> bytes:
        return b"".join(stream(reports, lambda: (errors, summary), lang))

    def render_evaluate(view: Any) -> bytes:  # one summary of the reports evaluated
        from ecocheck.engine.summary import BatchSummary

        summary = BatchSummary()
        for report in view.reports:
            summary.add_report(report)
        summary.add_errors(view.errors)
        return render(view.reports, view.errors, summary.as_dict(), view.lang)

    def render_batch(view: Any) -> Iterator[bytes]:
        return stream(view.reports, lambda: (view.summary.error_rows(), view.summary.as_stream()), view.lang)

    return render, render_evaluate, render_batch


SPOOL_READ = 1 << 20  # bytes read back from a spool at a time


def spool() -> IO[bytes]:
    """A temporary file for the parts of a document that must wait for what comes before them:
    on disk, not in memory, and nameless, so nothing is left behind whatever stops the program."""
    return tempfile.TemporaryFile()


def spooled(handle: IO[bytes]) -> Iterator[bytes]:
    """What was written to a spool(), from its start, a megabyte at a time."""
    handle.flush()
    handle.seek(0)
    while chunk := handle.read(SPOOL_READ):
        yield chunk


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
    """base.errors.location() of a Problem.as_dict()."""
    return location(error.get("file", ""), error.get("line", 0), error.get("column", 0))


def ratio_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


# The cross-county summary (xlsx 汇总 sheet, html summary table), one row per county.
COUNTY_HEAD = {
    "zh": ["地区", "级别", "年份", "版本", "结论", "约束性达标", "其中申报", "约束性未达标", "约束性缺数据",
           "参考性达标率", "未达标的约束性指标", "缺数据的约束性指标", "文件", "依据"],
    "en": ["Region", "Level", "Year", "Edition", "Verdict", "Binding pass", "of which declared", "Binding fail",
           "Binding missing", "Reference ratio", "Failing binding indicators",
           "Binding indicators without data", "File", "Basis"],
}
BASIS_WORDS = {"zh": {"measured": "实测", "plan": "规划"}, "en": {"measured": "measured", "plan": "plan"}}


def conclusion(county: dict[str, Any]) -> str:
    """达标 / 未达标 / 缺数据 of a county row: no binding failure but binding gaps is 缺数据, not 未达标."""
    return county.get("conclusion") or county["verdict"]


def basis_word(county: dict[str, Any], lang: str) -> str:
    return BASIS_WORDS[lang][county.get("basis", "measured")]
INDICATOR_HEAD = {
    "zh": ["版本", "序号", "指标名称", "属性", "达标", "未达标", "缺数据", "不适用"],
    "en": ["Edition", "No.", "Indicator", "Type", "Pass", "Fail", "Missing", "N/A"],
}
ERROR_HEAD = {
    "zh": ["文件", "行", "列", "代码", "问题", "建议"],
    "en": ["File", "Line", "Col", "Code", "Problem", "Hint"],
}
TITLES = {
    "zh": {"counties": "各地区汇总", "indicators": "各指标情况（制约最多的在前）", "errors": "无法读取的文件",
           "chart": "各指标达标情况", "report": "生态文明建设示范区指标核查",
           "total": "共 {files} 个文件：评估 {evaluated} 个，约束性全部达标 {met} 个，"
                    "未全部达标 {not_met} 个，无法读取 {unreadable} 个",
           "total_plans": "共 {files} 个文件：实测 {measured} 个（约束性全部达标 {met} 个，未全部达标 {not_met} 个），"
                          "规划目标 {plans} 个（约束性全部达标 {plans_met} 个，未全部达标 {plans_not_met} 个），"
                          "无法读取 {unreadable} 个"},
    "en": {"counties": "Counties", "indicators": "Indicators (those holding most counties back first)",
           "errors": "Files that could not be read", "chart": "Indicators across counties",
           "report": "Ecological civilization demonstration indicators check",
           "total": "{files} files: {evaluated} evaluated, {met} meet every binding indicator, "
                    "{not_met} do not, {unreadable} unreadable",
           "total_plans": "{files} files: {measured} measured ({met} meet every binding indicator, {not_met} do not), "
                          "{plans} plan targets ({plans_met} meet every binding indicator, {plans_not_met} do not), "
                          "{unreadable} unreadable"},
}


PROFILE_WORDS = {
    "zh": {"terrain": "地形", "climate": "气候分区", "city_size": "城市规模", "coastal": "沿海", True: "是", False: "否"},
    "en": {"terrain": "terrain", "climate": "climate", "city_size": "city size", "coastal": "coastal", True: "yes",
           False: "no"},
}


def profile_text(profile: dict[str, Any], lang: str) -> str:
    """The report's profile (terrain, climate, coastal …) as one line; in English a class keeps the
    standard's word beside (干旱半干旱地区 → arid or semi-arid (干旱半干旱地区))."""
    words = PROFILE_WORDS[lang]
    parts = []
    for key, value in profile.items():
        if isinstance(value, bool):
            shown = words[value]
        elif lang == "en" and value in CLASS_EN:
            shown = f"{CLASS_EN[value]} ({value})"
        else:
            shown = value
        parts.append(f"{words.get(key, key)}{'：' if lang == 'zh' else ': '}{shown}")
    return ("；" if lang == "zh" else "; ").join(parts)


def total_line(summary: dict[str, Any], lang: str) -> str:
    plans = summary.get("plans", 0)
    if plans:  # measured results and a plan's targets are counted apart
        measured = summary["evaluated"] - plans
        measured_met = summary["binding_met"] - summary["plans_binding_met"]
        line = TITLES[lang]["total_plans"].format(
            files=summary["files"], measured=measured, met=measured_met, not_met=measured - measured_met,
            plans=plans, plans_met=summary["plans_binding_met"], plans_not_met=plans - summary["plans_binding_met"],
            unreadable=summary["unreadable"])
    else:
        line = TITLES[lang]["total"].format(files=summary["files"], evaluated=summary["evaluated"],
                                           met=summary["binding_met"], not_met=summary["binding_not_met"],
                                           unreadable=summary["unreadable"])
    return with_skipped(line, summary, lang)


SKIPPED = {"zh": ("跳过 {n} 项：", {"hidden": "隐藏 {} 个", "not_yaml": "非 YAML 文件 {} 个", "symlinked_folder": "链接的文件夹 {} 个"}, "，"),
           "en": ("skipped {n}: ", {"hidden": "{} hidden", "not_yaml": "{} not YAML", "symlinked_folder": "{} symlinked folders"}, ", ")}


def skipped_text(skipped: dict[str, int] | None, lang: str) -> str:
    """What batch discovery left out and why ("" when nothing was)."""
    counts = {reason: n for reason, n in (skipped or {}).items() if n}
    if not counts:
        return ""
    head, words, sep = SKIPPED[lang]
    return head.format(n=sum(counts.values())) + sep.join(words[r].format(n) for r, n in counts.items())


def with_skipped(line: str, summary: dict[str, Any], lang: str) -> str:
    """A batch's total line, then what was skipped, if anything."""
    text = skipped_text(summary.get("skipped"), lang)
    return f"{line}{'；' if lang == 'zh' else '; '}{text}" if text else line


def attribute_word(attribute: str, lang: str) -> str:
    return ATTRIBUTE_WORDS[lang].get(attribute, attribute)
