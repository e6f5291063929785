"""Rendering plan progress (`ecocheck progress`, `evaluate --plan`): table and markdown (json: jsonout).

Every format renders the one JSON-shaped progress document (`Progress.as_dict()`).
"""

from __future__ import annotations

from typing import Any

from ecocheck.series.progress import STATUS_WORDS as STATUS
from ecocheck.series.progress import STATUSES as ORDER
COLUMNS = {
    "zh": ["目标", "属性", "目标年", "规划原文", "基准值", "现状值", "目标值", "差距", "完成进度", "状态", "说明", "出处"],
    "en": ["Target", "Type", "Year", "As printed", "Base", "Value", "Target value", "To go", "Share", "Status",
           "Reason", "Source"],
}
WORDS = {
    "zh": {"title": "规划目标进度", "plan_region": "规划地区", "base_year": "基准年", "target_year": "目标年",
           "data": "数据", "none": "—", "verdict_ok": "结论：没有滞后的目标", "verdict_behind": "结论：滞后 {n} 项：",
           "source": "来源", "warning": "提示", "sep": "：", "listsep": "、",
           "legend": "进度 = (现状值 − 基准值) ÷ (目标值 − 基准值)；差距 > 0 表示尚差多少；"
                     "进度正常 = 不低于基准年到目标年的直线路径"},
    "en": {"title": "Plan progress", "plan_region": "plan region", "base_year": "base year", "target_year": "target year",
           "data": "data", "none": "—", "verdict_ok": "Verdict: no target is behind",
           "verdict_behind": "Verdict: {n} behind: ", "source": "Source", "warning": "Warning", "sep": ": ",
           "listsep": "; ",
           "legend": "share = (value − base) ÷ (target − base); to go > 0 is what is still missing; "
                     "on track = at or ahead of the straight path from the base year to the target year"},
}
PRINTED_WIDTH = 22


def _num(value: Any, unit: str = "") -> str:
    if value is None:
        return ""
    text = str(value)
    return text + (unit if unit == "%" else "")


def _short(text: str, width: int = PRINTED_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _source(source: str) -> str:
    """000_33215831ab566a8b.txt:171 → 000:171 (the seeds are known by their number)."""
    doc, _, line = source.partition(":")
    prefix = doc.split("_", 1)[0] if "_" in doc else doc
    return f"{prefix}:{line}" if line else prefix


# A cell that reads two requirements (不降低且达到考核要求) is two goals with the same printed text;
# the table says which part each row checks.
PART = {"zh": {"trend": "趋势", "superior": "上级目标", "value": "数值", "state": "状态", "none": ""},
        "en": {"trend": "trend", "superior": "superior target", "value": "value", "state": "state", "none": ""}}


def rows(doc: dict[str, Any], lang: str = "zh") -> list[list[str]]:
    status = STATUS[lang]
    out = []
    shared: dict[tuple, int] = {}
    for r in doc["rows"]:
        key = (r["target_id"], r["goal_year"], r["printed"])
        shared[key] = shared.get(key, 0) + 1
    for r in doc["rows"]:
        printed = _short(r["printed"]) or "（空白）"
        if shared[(r["target_id"], r["goal_year"], r["printed"])] > 1 and PART[lang].get(r["kind"]):
            printed += f" [{PART[lang][r['kind']]}]"
        base = _num(r["base_value"], r["unit"]) if r["base_value"] is not None else _short(r["base_printed"], 14)
        target = _num(r["target"], r["unit"])
        if target and r.get("target_source") and r["target_source"] not in ("plan",):
            target += f" ({r['target_source']})"
        share = "" if r["share"] is None else f"{r['share'] * 100:.1f}%"
        out.append([r["name"], r["attribute"] or "", str(r["goal_year"]), printed,
                    base, _num(r["value"], r["unit"]), target, _num(r["distance"]), share, status[r["status"]],
                    r["reason"], _source(r["source"])])
    return out


def heading(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    w = WORDS[lang]
    plan = doc["plan"]
    base = plan["base_year"] if plan["base_year"] is not None else w["none"]
    return [
        f"{w['title']}{w['sep']}{plan['title']} ({plan['id']})",
        f"{w['plan_region']}{w['sep']}{plan['region']}  {w['base_year']}{w['sep']}{base}  "
        f"{w['target_year']}{w['sep']}{plan['target_year']}",
        f"{w['data']}{w['sep']}{doc['region']} {doc['year']}" + (f" ({doc['file']})" if doc.get("file") else ""),
    ]


def summary_lines(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    w = WORDS[lang]
    counts = doc["summary"]["counts"]
    sep = "，" if lang == "zh" else ", "
    line = sep.join(f"{STATUS[lang][s]} {counts[s]}" for s in ORDER if counts.get(s))
    behind = doc["summary"]["behind"]
    verdict = w["verdict_ok"] if not behind else w["verdict_behind"].format(n=len(behind)) + w["listsep"].join(behind)
    return [line, verdict]


def footer(doc: dict[str, Any], lang: str = "zh") -> list[str]:
    w = WORDS[lang]
    lines = [w["legend"], f"{w['source']}{w['sep']}{doc['plan']['source']}"]
    lines += [f"{w['warning']}{w['sep']}{text}" for text in doc.get("warnings", [])]
    return lines


def render_plain(doc: dict[str, Any], lang: str = "zh") -> str:
    from tabulate import tabulate

    table = tabulate(rows(doc, lang), headers=COLUMNS[lang], tablefmt="simple")
    parts = [*heading(doc, lang), "", table, "", *summary_lines(doc, lang), *footer(doc, lang)]
    return "\n".join(parts) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(doc: dict[str, Any], lang: str = "zh", level: int = 2) -> str:
    head = heading(doc, lang)
    columns = COLUMNS[lang]
    lines = [f"{'#' * level} {head[0]}", "", *[f"{h}  " for h in head[1:]], "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows(doc, lang)]
    lines += ["", *[f"- {line}" for line in summary_lines(doc, lang)], "", *[f"> {line}" for line in footer(doc, lang)]]
    return "\n".join(lines) + "\n"


def section_title(doc: dict[str, Any], lang: str = "zh") -> str:
    """The label of the plan section that `evaluate --plan` prints after the standard's report."""
    plan = doc["plan"]
    if lang == "zh":
        return f"══ 规划目标进度（{plan['title']}，{plan['id']}）══"
    return f"══ Plan progress ({plan['title']}, {plan['id']}) ══"


def plan_sections(docs: list[dict[str, Any]], lang: str, markdown: bool = False) -> str:
    """The labelled plan sections `evaluate --plan` prints after the standard's report."""
    parts = []
    for doc in docs:
        if markdown:
            parts.append(render_markdown(doc, lang, level=3))
        else:
            parts.append(section_title(doc, lang) + "\n" + render_plain(doc, lang))
    return "\n".join(parts)


__all__ = ["render_plain", "render_markdown", "rows", "section_title", "plan_sections", "STATUS"]
